import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  comparisonOf,
  comparisonsOf,
  comparisonSentences,
  DIFFERENCE_IS_A_QUESTION,
  isPeerKind,
  MAX_EXCLUDED_SHARE,
  verdictCell,
  type ComparisonReference,
} from '../../src/lib/facts/comparison';
import { funnelOf } from '../../src/lib/facts/funnel';
import { keyFiguresOf, type KeyFigure } from '../../src/lib/facts/key-figures';
import { funnelLimits } from '../../src/lib/stats/funnel';
import { judgeAgainstReference, printedOrder, type Judgement } from '../../src/lib/stats/verdict';
import { rateNumber } from '../../src/lib/facts/phrases';
import { neighboursCsv } from '../../src/lib/neighbours/download';
import type { FactsContext } from '../../src/lib/facts/context';
import { useDefaultFacts } from './default-data';
import { fixture, publishedIndex } from './fixture';

const { context, register } = fixture();

describe('the comparison sentences', () => {
  const figure = keyFiguresOf(context, 'GM1680')[0]!;
  const aaEnHunze: KeyFigure = { ...figure, count: { value: 595, symbol: null }, rate: { ...figure.rate!, value: { value: 11.4, symbol: null } } };
  const ref = (label: string, inPhrase: string, value: number, judgement: Judgement, note?: string): ComparisonReference => ({
    kind: 'land', code: undefined, label, inPhrase, rate: { value, symbol: null }, rateShown: '', count: { value: 1, symbol: null }, countShown: '', denominator: 10, aggregated: false, exact: value, interval: undefined, note, judgement, limits: undefined, printed: value, decimals: 1,
  });
  const name = { plain: 'Aa en Hunze', inPhrase: 'in Aa en Hunze' };

  it('says what the figure is, with its N, and gives every reference its verdict in the words of the method', () => {
    const sentences = comparisonSentences(name, aaEnHunze, [
      ref('Nederland', 'in Nederland', 10.2, { verdict: 'hoger' }),
      ref('Vergelijkbare gemeenten', 'in vergelijkbare gemeenten', 11.1, { verdict: 'niet-duidelijk-anders' }, '10 gemeenten gekozen op kenmerken'),
      ref('Provincie Drenthe', 'in de provincie Drenthe', 12.5, { verdict: 'duidelijk-lager' }),
      ref('Jeugdregio Drenthe', 'in jeugdregio Drenthe', 11.0, { verdict: undefined, reason: 'geen-referentie' }),
    ]);
    expect(sentences).toEqual([
      'In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (595 jongeren).',
      'Dat is hoger dan in Nederland (10,2%); het is niet duidelijk anders dan in vergelijkbare gemeenten (11,1%, 10 gemeenten gekozen op kenmerken); het is duidelijk lager dan in de provincie Drenthe (12,5%).',
      'Geen oordeel over het verschil met jeugdregio Drenthe: er is geen cijfer om mee te vergelijken.',
      DIFFERENCE_IS_A_QUESTION,
    ]);
  });

  it('speaks of the gemeenten of a region on a region page', () => {
    const sentences = comparisonSentences({ ...name, kind: 'regio' }, aaEnHunze, [ref('Nederland', 'in Nederland', 10.2, { verdict: 'hoger' })]);
    expect(sentences.at(-1)).toContain('door hoe de gemeenten de hulp hebben geregeld');
  });

  it('does not call it a question when no difference is beyond chance', () => {
    const sentences = comparisonSentences(name, aaEnHunze, [ref('Nederland', 'in Nederland', 11.3, { verdict: 'niet-duidelijk-anders' })]);
    expect(sentences).toEqual([
      'In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (595 jongeren).',
      'Dat is niet duidelijk anders dan in Nederland (11,3%).',
    ]);
  });

  it('says so when the figure itself is suppressed', () => {
    const hidden: KeyFigure = { ...aaEnHunze, rate: { ...aaEnHunze.rate!, value: { value: null, symbol: '.' } } };
    const [sentence] = comparisonSentences(name, hidden, [ref('Nederland', 'in Nederland', 10.2, { verdict: undefined, reason: 'afgeschermd' })]);
    expect(sentence).toBe('Over het 1e halfjaar 2024* is er voor Aa en Hunze geen cijfer: het aantal is zo klein dat CBS het afschermt, of het ontbreekt.');
  });

  it('writes a verdict as a table cell, or no verdict with its reason', () => {
    expect(verdictCell({ verdict: 'duidelijk-hoger' })).toBe('duidelijk hoger');
    expect(verdictCell({ verdict: undefined, reason: 'afgeschermd' })).toBe('geen oordeel: het aantal is afgeschermd of onbekend');
  });
});

// The fixture has no characteristics of gemeenten (like a build from the real CBS files on jeugdzorg alone): no
// gemeente has statistical neighbours, so each is compared with the gemeenten of its size class.
describe('comparison of a gemeente on the fixture data, without neighbours: the size class', () => {
  const figure = keyFiguresOf(context, 'GM1680')[0]!;
  const comparison = comparisonOf(context, 'GM1680', figure)!;
  const dataset = context.concept('jongeren-jeugdhulp')!.dataset;

  it('compares with Nederland, its provincie, its jeugdregio and the gemeenten of the same size', () => {
    expect(comparison.references.map((r) => r.label)).toEqual(['Nederland', 'Provincie Drenthe', 'Jeugdregio Drenthe', 'Gemeenten van dezelfde grootte']);
    expect(comparison.references.map((r) => r.kind)).toEqual(['land', 'provincie', 'jeugdregio', 'grootteklasse']);
    // The size class is the peer group itself here: no second view of it.
    expect(comparison.views).toEqual([]);
    expect(comparison.groupLabel).toBe('gemeenten van dezelfde grootte (20.000 tot 35.000 inwoners)');
    expect([...comparison.group].sort()).toEqual(register.similarGemeenten('GM1680').map((g) => g.code).sort());
    expect(comparison.sentences[1]).toContain('in gemeenten van dezelfde grootte (');
    expect(comparison.references.every((r) => r.count.value !== null)).toBe(true);
  });

  it('recomputes the rate of the size class from their summed counts, itself left out', () => {
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
    const reference = comparison.references.find((r) => r.kind === 'grootteklasse')!;
    expect(reference.count.value).toBe(n);
    expect(reference.rate.value).toBeCloseTo(Math.round((n / pop) * 1000) / 10, 5);
    expect(reference.exact).toBeCloseTo((n / pop) * 100, 9);
    expect(reference.note).toBe(`${similar.length} andere gemeenten met 20.000 tot 35.000 inwoners`);
  });

  it('judges every reference with the funnel limits at its own size, widened by the spread between all gemeenten', () => {
    const funnel = funnelOf(context, 'jongeren-jeugdhulp', figure.period)!;
    expect(funnel.regions).toHaveLength(register.currentGemeenten().length);
    expect(funnel.overdispersion.tau2).toBeGreaterThan(0);
    const own = comparison.own.rate;
    expect(own.count).toBe(figure.count!.value);
    for (const r of comparison.references) {
      const expected = judgeAgainstReference(own, { rate: r.exact, shown: r.rate.value }, { kind: 'proportion', per: 100, decimals: 1 }, funnel.overdispersion.tau2);
      expect(r.judgement, r.label).toEqual(expected.judgement);
      expect(r.limits!.upper95).toBeCloseTo(funnelLimits(r.exact! / 100, own.denominator!, funnel.overdispersion.tau2).upper95 * 100, 10);
    }
    // Nederland is the funnel's centre: the gemeente's verdict there is the one in the funnel.
    expect(comparison.references[0]!.judgement).toEqual(funnel.regions.find((g) => g.code === 'GM1680')!.judgement);
  });

  it('gives each rate a 95% interval that contains it', () => {
    const { interval } = comparison.own;
    expect(interval!.lower).toBeLessThan(figure.rate!.value!.value!);
    expect(interval!.upper).toBeGreaterThan(figure.rate!.value!.value!);
    const nl = comparison.references[0]!;
    // Nederland's interval is far narrower than a gemeente's.
    expect(nl.interval!.upper - nl.interval!.lower).toBeLessThan((interval!.upper - interval!.lower) / 5);
  });

  it('leaves the size class without a rate and a verdict when too many of them have a hidden count', () => {
    // Jeugdreclassering in the smallest gemeenten is mostly suppressed: leaving those out would push the rate up.
    const jr = keyFiguresOf(context, 'GM0088').find((f) => f.concept === 'jongeren-jeugdreclassering')!;
    const similar = comparisonOf(context, 'GM0088', jr)!.references.find((r) => r.kind === 'grootteklasse')!;
    expect(similar.rate).toEqual({ value: null, symbol: '.' });
    expect(similar.judgement.verdict).toBeUndefined();
    expect(similar.note).toMatch(/afgeschermd, daardoor is er geen betrouwbaar cijfer$/);
    expect(MAX_EXCLUDED_SHARE).toBe(0.1);
  });

  it('never gives a verdict that contradicts the printed figures, for any gemeente and key figure', () => {
    let verdicts = 0;
    for (const code of register.currentGemeenten().map((g) => g.code)) {
      for (const c of comparisonsOf(context, code, keyFiguresOf(context, code))) {
        const own = c.figure.rate?.value?.value;
        for (const r of c.references) {
          if (!r.judgement.verdict || own === null || own === undefined) continue;
          verdicts++;
          const order = printedOrder(own, r.rate.value!, c.rateMeasure.decimals);
          if (r.judgement.verdict.endsWith('hoger')) expect(order, `${code} ${c.concept} ${r.label}`).toBe(1);
          if (r.judgement.verdict.endsWith('lager')) expect(order, `${code} ${c.concept} ${r.label}`).toBe(-1);
          if (order === 0) expect(r.judgement.verdict).toBe('niet-duidelijk-anders');
        }
      }
    }
    expect(verdicts).toBeGreaterThan(1000);
  });

  it('gives the reasons for a difference once per page, the short form after that', () => {
    const all = comparisonsOf(context, 'GM1680', keyFiguresOf(context, 'GM1680'));
    const questions = all.flatMap((c) => c.sentences.filter((s) => s.includes('een vraag, geen oordeel')));
    if (questions.length > 0) expect(questions[0]).toBe(DIFFERENCE_IS_A_QUESTION);
    expect(questions.slice(1).every((s) => s === 'Ook hier geldt: een verschil is een vraag, geen oordeel.')).toBe(true);
  });

  it('compares a provincie with Nederland among the provincies', () => {
    const pv = comparisonOf(context, 'PV22', keyFiguresOf(context, 'PV22')[0]!)!;
    expect(pv.references.map((r) => r.label)).toEqual(['Nederland']);
    expect(pv.funnel!.regions).toHaveLength(12);
    expect(pv.funnel!.kind).toBe('provincie');
    expect(pv.references[0]!.judgement.verdict).toBeDefined();
  });

  it('uses the verdict from the rate of the counts, not from the rounded percentage', () => {
    const nl = comparison.references.find((r) => r.kind === 'land')!;
    expect(nl.exact).toBeCloseTo((nl.count.value! / dataset.index.cellOf(dataset.totalRow('NL01', figure.period), 'jongeren_tot_18')!.value!) * 100, 9);
    expect(nl.exact).not.toBe(nl.rate.value);
  });
});

/** The summed counts and denominators of the rate of a comparison over some gemeenten, and how many have none. */
function summedCounts(context: FactsContext, concept: Parameters<FactsContext['concept']>[0], period: string, codes: readonly string[]) {
  const source = context.concept(concept)!;
  const { dataset } = source;
  const rateMeasure = source.rate!;
  let count = 0;
  let denominator = 0;
  let missing = 0;
  let missingDenominator = 0;
  for (const code of codes) {
    const row = dataset.totalRow(code, period);
    const n = dataset.index.cellOf(row, rateMeasure.rate!.numerator!)?.value;
    const d = dataset.index.cellOf(row, rateMeasure.rate!.denominator!)?.value;
    if (n === null || n === undefined || d === null || d === undefined) {
      missing++;
      missingDenominator += d ?? Number.POSITIVE_INFINITY;
    } else {
      count += n;
      denominator += d;
    }
  }
  // The exclusion rule of the comparison: usable while those left out hold at most a tenth of the jongeren.
  const usable = missingDenominator / (denominator + missingDenominator) <= MAX_EXCLUDED_SHARE;
  return { count, denominator, missing, usable, per: rateMeasure.rate!.per };
}

describe('the peers of a gemeente on the default data: its statistical neighbours', () => {
  const data = useDefaultFacts();

  it('compares Zwolle with exactly the ten neighbours that buren.csv lists, their rate from their summed counts', () => {
    const { context } = data;
    const zwolle = context.currentGemeenten().find((c) => context.register.label(c) === 'Zwolle')!;
    const listed = Papa.parse<Record<string, string>>(neighboursCsv(context, 'rfc4180'), { header: true, skipEmptyLines: true })
      .data.filter((r) => r.gemeente_code === zwolle)
      .map((r) => r.buur_code!);
    expect(listed).toHaveLength(10);
    const comparisons = comparisonsOf(context, zwolle, keyFiguresOf(context, zwolle));
    expect(comparisons.length).toBeGreaterThanOrEqual(4);
    let checked = 0;
    for (const c of comparisons) {
      // One peer group on the page: the neighbours, after Nederland, the provincie and the jeugdregio.
      expect(c.references.map((r) => r.kind)).toEqual(['land', 'provincie', 'jeugdregio', 'vergelijkbaar']);
      const peer = c.references[3]!;
      const summed = summedCounts(context, c.concept, c.figure.period, listed);
      expect(peer.label).toBe('Vergelijkbare gemeenten');
      // The funnel marks the same ten (and Zwolle itself) as vergelijkbare gemeenten.
      expect([...c.group].sort()).toEqual([zwolle, ...listed].sort());
      expect(c.groupLabel).toBe('vergelijkbare gemeenten');
      // A neighbour with a hidden count is left out and said so, as for the size class.
      const left = summed.missing === 0 ? '' : summed.usable ? `; ${summed.missing} zonder cijfer niet meegeteld` : `; bij ${summed.missing} is het aantal afgeschermd, daardoor is er geen betrouwbaar cijfer`;
      expect(peer.note).toBe(`10 gemeenten gekozen op kenmerken, genoemd onder Vergelijkbare gemeenten${left}`);
      if (summed.usable) {
        checked++;
        expect(peer.count.value, c.concept).toBe(summed.count);
        expect(peer.denominator, c.concept).toBe(summed.denominator);
        const exact = (summed.count / summed.denominator) * summed.per;
        expect(peer.exact!, c.concept).toBeCloseTo(exact, 9);
        expect(peer.rate.value, c.concept).toBeCloseTo(Math.round(exact * 10 ** c.rateMeasure.decimals) / 10 ** c.rateMeasure.decimals, 9);
        // As its table row prints it.
        expect(c.sentences[1]).toContain(`in vergelijkbare gemeenten (${rateNumber(peer.printed!, c.rateMeasure, peer.decimals)}, 10 gemeenten gekozen op kenmerken`);
      } else expect(peer.rate.value).toBeNull();
      // The size class stays a view (for the download), judged the same way, from its own summed counts.
      expect(c.views.map((v) => v.kind)).toEqual(['grootteklasse']);
      const others = context.similarGemeenten(zwolle).filter((g) => g !== zwolle);
      const bySize = summedCounts(context, c.concept, c.figure.period, others);
      expect(c.views[0]!.count.value).toBe(bySize.count);
      expect(c.views[0]!.denominator).toBe(bySize.denominator);
      expect(c.views[0]!.judgement.verdict ?? c.views[0]!.judgement.reason).toBeDefined();
      expect(c.views[0]!.note).toBe(`${others.length} andere gemeenten met 100.000 tot 250.000 inwoners${bySize.missing ? `; ${bySize.missing} zonder cijfer niet meegeteld` : ''}`);
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('never prints two references alike with different verdicts, in the table or the sentences, for any gemeente', () => {
    let widened = 0;
    for (const code of data.context.currentGemeenten()) {
      for (const c of comparisonsOf(data.context, code, keyFiguresOf(data.context, code))) {
        const judged = c.references.filter((r) => r.judgement.verdict && r.printed !== null);
        for (const a of judged) {
          for (const b of judged) {
            if (a.judgement.verdict === b.judgement.verdict) continue;
            expect(a.rateShown, `${code} ${c.concept} ${a.label} / ${b.label}`).not.toBe(b.rateShown);
          }
          // The sentence prints the reference as its row does.
          expect(c.sentences.join(' '), `${code} ${c.concept}`).toContain(`${a.inPhrase} (${a.rateShown}${c.rateMeasure.rate?.per === 1000 ? ' per 1.000' : '%'}`);
          if (a.decimals > c.rateMeasure.decimals) widened++;
        }
      }
    }
    expect(widened).toBeGreaterThan(0);
  }, 120_000);

  it('gives every current gemeente its neighbours as its one peer group', () => {
    const { context } = data;
    for (const code of context.currentGemeenten()) {
      for (const c of comparisonsOf(context, code, keyFiguresOf(context, code))) {
        const peers = c.references.filter((r) => isPeerKind(r.kind));
        expect(peers.map((r) => r.kind), code).toEqual(['vergelijkbaar']);
        expect(c.group, code).toHaveLength(11);
      }
    }
  }, 120_000);
});
