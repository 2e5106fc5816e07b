import { describe, expect, it } from 'vitest';
import { firstSentence, paragraphs } from '../../src/lib/format/text';

describe('firstSentence', () => {
  it('takes the first sentence of the first paragraph', () => {
    expect(firstSentence('Het aantal jongeren met jeugdhulp per halfjaar, met en zonder verblijf. Naast de aantallen staat…\n\nTweede alinea.')).toBe(
      'Het aantal jongeren met jeugdhulp per halfjaar, met en zonder verblijf.',
    );
    expect(firstSentence('Geen punt aan het eind')).toBe('Geen punt aan het eind');
    expect(firstSentence('Cijfers 1.000 jongeren (o.a. 12,5%). Meer.')).toBe('Cijfers 1.000 jongeren (o.a. 12,5%).');
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and folds whitespace', () => {
    expect(paragraphs('Eerste\nregel.\n\n  Tweede alinea. \n\n\n')).toEqual(['Eerste regel.', 'Tweede alinea.']);
  });
});
