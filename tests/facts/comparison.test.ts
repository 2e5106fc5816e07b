import { describe, expect, it } from 'vitest';
import {
  compareRates,
  comparisonOf,
  comparisonsOf,
  comparisonSentences,
  DIFFERENCE_IS_A_QUESTION,
  exactRate,
  MAX_EXCLUDED_SHARE,
  SMALL_DIFFERENCE_CAVEAT,
  SAME_TOLERANCE,
  type ComparisonReference,
} from '../../src/lib/facts/comparison';
import { keyFiguresOf, type KeyFigure } from '../../src/lib/facts/key-figures';
import { fixture, publishedIndex } from './fixture';

const { context, register } = fixture();

describe('comparing two rates', () => {
  it(`calls rates within ${SAME_TOLERANCE * 100}% of the reference about the same`, () => {
    expect(compareRates(11.4, 11.1)).toBe('ongeveer-evenveel');
    expect(compareRates(10.5, 10.0)).toBe('ongeveer-evenveel');
    expect(compareRates(9.5, 10.0)).toBe('ongeveer-evenveel');
  });

  it('calls larger differences more or less', () => {
    expect(compareRates(11.4, 10.2)).toBe('meer');
    expect(compareRates(10.6, 10.0)).toBe('meer');
    expect(compareRates(9.4, 10.0)).toBe('minder');
  });

  it('is relative, so it fits small rates too', () => {
    expect(compareRates(0.31, 0.3)).toBe('ongeveer-evenveel');
    expect(compareRates(0.4, 0.3)).toBe('meer');
    expect(compareRates(0, 0)).toBe('ongeveer-evenveel');
  });
});

describe('the comparison sentence', () => {
  const figure = keyFiguresOf(context, 'GM1680')[0]!;
  const aaEnHunze: KeyFigure = { ...figure, count: { value: 595, symbol: null }, rate: { ...figure.rate!, value: { value: 11.4, symbol: null } } };
  const ref = (label: string, inPhrase: string, value: number, verdict: ComparisonReference['verdict'], note?: string): ComparisonReference => ({
    kind: 'land', code: undefined, label, inPhrase, rate: { value, symbol: null }, rateShown: '', count: { value: 1, symbol: null }, countShown: '', aggregated: false, exact: value, note, verdict,
  });
  const name = { plain: 'Aa en Hunze', inPhrase: 'in Aa en Hunze' };

  it('says what the figure is, with its N, and how it differs, with the tolerance branches', () => {
    const sentences = comparisonSentences(name, aaEnHunze, [
      ref('Nederland', 'in Nederland', 10.2, 'meer'),
      ref('Gelijksoortige gemeenten', 'in gelijksoortige gemeenten', 11.1, 'ongeveer-evenveel', 'gemeenten met 20.000 tot 35.000 inwoners'),
      ref('Provincie Drenthe', 'in de provincie Drenthe', 12.5, 'minder'),
    ]);
    expect(sentences).toEqual([
      'In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (595 jongeren).',
      'Dat is meer dan in Nederland (10,2%); het is ongeveer evenveel als in gelijksoortige gemeenten (11,1%, gemeenten met 20.000 tot 35.000 inwoners); het is minder dan in de provincie Drenthe (12,5%).',
      DIFFERENCE_IS_A_QUESTION,
    ]);
    expect(DIFFERENCE_IS_A_QUESTION).toMatch(/^Een verschil is een vraag, geen oordeel/);
  });

  it('adds that a difference in small numbers may be chance', () => {
    const small: KeyFigure = { ...aaEnHunze, small: true };
    const sentences = comparisonSentences(name, small, [ref('Nederland', 'in Nederland', 10.2, 'meer')]);
    expect(sentences).toContain(SMALL_DIFFERENCE_CAVEAT);
    expect(sentences.at(-1)).toBe(DIFFERENCE_IS_A_QUESTION);
  });

  it('speaks of the gemeenten of a region on a region page', () => {
    const sentences = comparisonSentences({ ...name, kind: 'regio' }, aaEnHunze, [ref('Nederland', 'in Nederland', 10.2, 'meer')]);
    expect(sentences.at(-1)).toContain('door hoe de gemeenten de hulp hebben geregeld');
  });

  it('does not call it a question when there is no difference', () => {
    const sentences = comparisonSentences(name, aaEnHunze, [ref('Nederland', 'in Nederland', 11.3, 'ongeveer-evenveel')]);
    expect(sentences).toEqual([
      'In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (595 jongeren).',
      'Dat is ongeveer evenveel als in Nederland (11,3%).',
    ]);
  });

  it('says so when the figure itself is suppressed', () => {
    const hidden: KeyFigure = { ...aaEnHunze, rate: { ...aaEnHunze.rate!, value: { value: null, symbol: '.' } } };
    const [sentence] = comparisonSentences(name, hidden, [ref('Nederland', 'in Nederland', 10.2, undefined)]);
    expect(sentence).toBe('Over het 1e halfjaar 2024 is er voor Aa en Hunze geen cijfer: het aantal is zo klein dat CBS het afschermt, of het ontbreekt.');
  });
});

describe('comparison of a gemeente on the fixture data', () => {
  const figure = keyFiguresOf(context, 'GM1680')[0]!;
  const comparison = comparisonOf(context, 'GM1680', figure)!;

  it('compares with Nederland, its provincie, its jeugdregio and gelijksoortige gemeenten', () => {
    expect(comparison.references.map((r) => r.label)).toEqual(['Nederland', 'Provincie Drenthe', 'Jeugdregio Drenthe', 'Gelijksoortige gemeenten']);
    expect(comparison.references.every((r) => r.count.value !== null)).toBe(true);
  });

  it('recomputes the rate of the gelijksoortige gemeenten from their summed counts, itself left out', () => {
    const similar = register.similarGemeenten('GM1680').filter((g) => g.code !== 'GM1680');
    const index = publishedIndex('jeugdhulp');
    let n = 0;
    let pop = 0;
    for (const g of similar) {
      // The fixture's 2024 figures are on the latest indeling already, so published = converted here.
      const count = index.cell(g.code, '2024HJ01', 'jongeren_jeugdhulp', ['T001'])?.value;
      const youths = index.cell(g.code, '2024HJ01', 'jongeren_tot_18', ['T001'])?.value;
      if (count === null || count === undefined || youths === null || youths === undefined) continue;
      n += count;
      pop += youths;
    }
    const reference = comparison.references.find((r) => r.kind === 'gelijksoortig')!;
    expect(reference.count.value).toBe(n);
    expect(reference.rate.value).toBeCloseTo(Math.round((n / pop) * 1000) / 10, 5);
    expect(reference.note).toBe(`${similar.length} andere gemeenten met 20.000 tot 35.000 inwoners`);
    const mean = similar.reduce((s, g) => s + (index.cell(g.code, '2024HJ01', 'pct_jeugdhulp', ['T001'])?.value ?? 0), 0) / similar.length;
    expect(Math.abs(reference.rate.value! - mean)).toBeGreaterThan(0.01);
  });

  it('places it among all current gemeenten, with its size class as the group, without ranks', () => {
    expect(comparison.among.values).toHaveLength(register.currentGemeenten().length);
    expect(comparison.among.group).toContain('GM1680');
    expect(comparison.among.group).toHaveLength(register.similarGemeenten('GM1680').length);
    expect(Object.keys(comparison.among.values[0]!)).toEqual(['code', 'label', 'value']);
    const d = comparison.among.distribution!;
    expect(d.min).toBeLessThanOrEqual(d.q1);
    expect(d.q1).toBeLessThanOrEqual(d.median);
    expect(d.median).toBeLessThanOrEqual(d.q3);
    expect(d.q3).toBeLessThanOrEqual(d.max);
  });

  it('judges the difference on the rate from the counts, not on the rounded percentage', () => {
    const dataset = context.concept('jongeren-jeugdhulp')!.dataset;
    const rate = comparison.rateMeasure;
    const own = exactRate(dataset, dataset.totalRow('GM1680', figure.period), rate)!;
    const nl = comparison.references.find((r) => r.kind === 'land')!;
    expect(own).not.toBe(figure.rate!.value!.value);
    expect(nl.exact).toBeCloseTo((nl.count.value! / dataset.index.cellOf(dataset.totalRow('NL01', figure.period), 'jongeren_tot_18')!.value!) * 100, 9);
    expect(nl.verdict).toBe(compareRates(own, nl.exact!));
  });

  it('leaves the gelijksoortige gemeenten without a rate when too many of them have a hidden count', () => {
    // Jeugdreclassering in the smallest gemeenten is mostly suppressed: leaving those out would push the rate up.
    const jr = keyFiguresOf(context, 'GM0088').find((f) => f.concept === 'jongeren-jeugdreclassering')!;
    const similar = comparisonOf(context, 'GM0088', jr)!.references.find((r) => r.kind === 'gelijksoortig')!;
    expect(similar.rate).toEqual({ value: null, symbol: '.' });
    expect(similar.verdict).toBeUndefined();
    expect(similar.note).toMatch(/afgeschermd, daardoor is er geen betrouwbaar cijfer$/);
    expect(MAX_EXCLUDED_SHARE).toBe(0.1);
  });

  it('gives the reasons for a difference once per page, the short form after that', () => {
    const all = comparisonsOf(context, 'GM1680', keyFiguresOf(context, 'GM1680'));
    const questions = all.flatMap((c) => c.sentences.filter((s) => s.includes('een vraag, geen oordeel')));
    expect(questions.length).toBeGreaterThan(1);
    expect(questions[0]).toBe(DIFFERENCE_IS_A_QUESTION);
    expect(questions.slice(1).every((s) => s === 'Ook hier geldt: een verschil is een vraag, geen oordeel.')).toBe(true);
  });

  it('compares a provincie among the provincies', () => {
    const pv = comparisonOf(context, 'PV22', keyFiguresOf(context, 'PV22')[0]!)!;
    expect(pv.references.map((r) => r.label)).toEqual(['Nederland']);
    expect(pv.among.values).toHaveLength(12);
    expect(pv.among.noun).toBe('provincies');
  });
});
