import { describe, expect, it } from 'vitest';
import { byFirstLetter, fileLetter } from '../../src/lib/facts/az';

describe('A–Z list of gemeenten', () => {
  it("files 's-Gravenhage under G and Ede under E; accents do not make a letter of their own", () => {
    expect(fileLetter("'s-Gravenhage")).toBe('G');
    expect(fileLetter("'s-Hertogenbosch")).toBe('H');
    expect(fileLetter('Ede')).toBe('E');
    expect(fileLetter('Íjsselstein')).toBe('I');
  });

  it('groups by letter in order and sorts within a letter without the article', () => {
    const groups = byFirstLetter(["'s-Hertogenbosch", 'Hengelo', 'Aa en Hunze', 'Heerlen', 'Almere'], (n) => n);
    expect(groups).toEqual([
      { letter: 'A', items: ['Aa en Hunze', 'Almere'] },
      { letter: 'H', items: ['Heerlen', 'Hengelo', "'s-Hertogenbosch"] },
    ]);
  });
});
