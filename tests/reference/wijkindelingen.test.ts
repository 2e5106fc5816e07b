/** src/reference/wijkindelingen.json: CBS's changed wijk areas per year, consistent with wijken.csv. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceDir } from '../../src/node/project-paths';
import { loadRegister } from '../../src/node/reference-fs';

const file = JSON.parse(readFileSync(path.join(referenceDir(), 'wijkindelingen.json'), 'utf8')) as { bron: string; afbakeningGewijzigd: Record<string, string[]> };
const register = loadRegister();

describe('wijkindelingen.json', () => {
  it('names its source and lists, per year of wijken.csv, sorted codes of that year', () => {
    expect(file.bron).toMatch(/^CBS.*IndelingswijzigingWijken.*CC BY 4\.0/);
    expect(Object.keys(file.afbakeningGewijzigd)).toEqual(['2021', '2022']);
    for (const [year, codes] of Object.entries(file.afbakeningGewijzigd)) {
      expect([...codes].sort()).toEqual(codes);
      for (const code of codes) expect(register.wijk(code, Number(year)), `${code} ${year}`).toBeDefined();
    }
  });

  it('has the Almere renumbering of 2022 and not the renamed Kampen wijken', () => {
    const of2022 = new Set(file.afbakeningGewijzigd['2022']);
    expect(of2022.size).toBe(222);
    expect(of2022.has('WK003402')).toBe(true);
    expect(of2022.has('WK016603')).toBe(false);
    // 90 codes of 2021 have another area in 2022; the others are codes new in 2022.
    expect([...of2022].filter((code) => register.wijk(code, 2021) !== undefined)).toHaveLength(90);
  });
});
