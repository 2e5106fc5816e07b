/**
 * The section "Verwacht en gemeten" as a page gets it: on the default data a table for every key measure, with
 * a verdict only where the figures are split by age and sex, and no number from a model that explains little;
 * on the real CBS files (read in place from ../shared/cbs) one sentence saying why nothing can be expected.
 */
import { describe, expect, it } from 'vitest';
import { getFactsContext } from '../../src/lib/facts/context';
import { expectedSection, explainedText, shortTopic } from '../../src/lib/expected/section';
import { siteExpected } from '../../src/lib/expected/site';
import { expectedRows, EXPECTED_COLUMNS } from '../../src/lib/expected/download';
import { useDefaultFacts } from '../facts/default-data';
import { realFilesPresent, useRealImport } from '../import/helpers';

describe('the section on the default data', () => {
  const facts = useDefaultFacts();

  it('gives Amsterdam a row per key measure with an age-sex split or a model that explains enough, and a sentence for the others', () => {
    const section = expectedSection(facts.context, 'GM0363');
    expect(section.kind).toBe('tabel');
    if (section.kind !== 'tabel') return;
    const measures = siteExpected(facts.context);
    const latest = (concept: string) => {
      const m = measures.find((x) => x.concept === concept)!;
      return { m, p: m.period(m.dataset.latestPeriod) };
    };
    // Jeugdbescherming and jeugdreclassering have no age-sex split, and the demo's characteristics do not drive them.
    expect(section.rows.map((r) => r.header)).toEqual(['Jeugdhulp', 'Jeugdhulp met verblijf']);
    for (const concept of ['jongeren-jeugdbescherming', 'jongeren-jeugdreclassering']) {
      const { m, p } = latest(concept);
      expect(m.standardisedBy).toEqual([]);
      expect('absent' in p.model || p.model.explainsLittle).toBe(true);
    }
    expect(section.after).toMatch(/^Jeugdbescherming en jeugdreclassering staan er niet in: deze cijfers zijn niet naar leeftijd en geslacht uitgesplitst, en het model op kenmerken verklaart er weinig van \(\d+% en \d+%\)\.$/);
    section.rows.forEach((row, i) => {
      const { p } = latest(['jongeren-jeugdhulp', 'jongeren-jeugdhulp-met-verblijf'][i]!);
      expect(row.cells).toHaveLength(section.columns.length);
      expect(row.cells[3]).toMatch(/^(duidelijk )?(hoger|lager)$|^niet duidelijk anders$/);
      // The model: a number only where it explains at least a quarter, out of sample.
      if ('absent' in p.model) throw new Error('the default data have characteristics');
      expect(row.cells[6]).toBe(explainedText(p.model.crossValidation!.explained, p.model.explainsLittle!));
      expect(row.cells[4] === '–').toBe(p.model.explainsLittle);
    });
  });

  it('finds that the characteristics explain jeugdhulp well out of sample (the demo data are made to depend on them)', () => {
    const m = siteExpected(facts.context).find((x) => x.concept === 'jongeren-jeugdhulp')!;
    const model = m.period(m.dataset.latestPeriod).model;
    if ('absent' in model) throw new Error(model.absent);
    expect(model.crossValidation!.explained).toBeGreaterThan(0.4);
    // In sample it always looks at least as good: what cross-validation guards against.
    expect(model.inSample).toBeGreaterThan(model.crossValidation!.explained);
    // Counts of jongeren vary more than Poisson counts: quasi-Poisson widening applies.
    expect(model.fit.dispersion).toBeGreaterThan(1);
  });

  it('writes a download row for every gemeente, key measure and period, as wide as its header', () => {
    const rows = expectedRows(facts.context);
    const measures = siteExpected(facts.context);
    const expectedCount = measures.reduce((s, m) => s + m.periods.length, 0) * facts.context.currentGemeenten().length;
    expect(rows).toHaveLength(expectedCount);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([EXPECTED_COLUMNS.length]));
  });

  it('reads the topics without the "Jongeren met" every row would repeat', () => {
    expect(shortTopic('Jongeren met jeugdhulp met verblijf')).toBe('Jeugdhulp met verblijf');
    expect(shortTopic('Trajecten')).toBe('Trajecten');
  });
});

describe.skipIf(!realFilesPresent('tests/expected/section.test.ts'))('the section on the real CBS files', () => {
  const real = useRealImport('expected-real-');

  it('says in one sentence why nothing can be expected for Zwolle: no age-sex split, no characteristics', () => {
    const section = expectedSection(getFactsContext(real.site), 'GM0193');
    expect(section).toEqual({
      kind: 'geen',
      text: 'Hoeveel jongeren hier te verwachten zijn, is met deze cijfers niet te berekenen: ze zijn niet naar leeftijd en geslacht uitgesplitst, en er is geen tabel met kenmerken van gemeenten.',
    });
  });
});
