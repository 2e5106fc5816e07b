/**
 * Year figures beside the half-year key figures (issue 14, item 1), on the default data: the yearly table
 * (jeugdhulp-wijken) counts the youths of a whole year, once each; the page shows its latest year apart from
 * the half years. Expected numbers are read straight from the data files, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FactsContext, type SourceDataset } from '../../src/lib/facts/context';
import { comparePeriods, parsePeriodCode } from '../../src/lib/data/periods';
import { convertToIndeling } from '../../src/lib/regions/convert';
import { keyFiguresOf } from '../../src/lib/facts/key-figures';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { yearFiguresOf, yearNote, yearPeriodsText } from '../../src/lib/facts/year-figures';
import { getSiteData } from '../../src/node/site-data';
import { useDefaultFacts } from './default-data';

const facts = useDefaultFacts();

type CsvRow = Record<string, string>;
const readRows = (file: string) => Papa.parse<CsvRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const wijkenRows = readRows('data/jeugdhulp-wijken/observations.csv');
const halfYearRows = readRows('data/jeugdhulp/observations.csv').filter((r) => r.leeftijd === 'T001' && r.geslacht === 'T001038');
const yearCount = (region: string, period: string) => wijkenRows.find((r) => r.regio === region && r.perioden === period)?.jongeren_jeugdhulp;
const halfYearCount = (region: string, period: string) => halfYearRows.find((r) => r.regio === region && r.perioden === period)?.jongeren_jeugdhulp;

describe('year figures beside the half years', () => {
  it('gives Amsterdam the youths with jeugdhulp in all of 2025, as the yearly table publishes them', () => {
    const [year, ...more] = regionFacts(facts.context, 'GM0363').yearFigures;
    expect(more).toEqual([]);
    expect(year).toMatchObject({ concept: 'jongeren-jeugdhulp', datasetId: 'jeugdhulp-wijken', period: '2025JJ00', periodText: '2025' });
    expect(String(year!.count?.value)).toBe(yearCount('GM0363', '2025JJ00'));
    // The rate is the year's own, of the year's own population.
    expect(year!.rate?.measure.id).toBe('jongeren_jeugdhulp_pct');
    expect(year!.rate?.phrase).toMatch(/van alle jongeren tot 18 jaar/);
  });

  it('gives Nederland its year figure too', () => {
    const [year] = regionFacts(facts.context, 'NL01').yearFigures;
    expect(String(year!.count?.value)).toBe(yearCount('NL01', '2025JJ00'));
  });

  it('shows a year figure that is no sum of the half years: at least the larger half year, at most the two together', () => {
    let checked = 0;
    for (const code of facts.context.currentGemeenten()) {
      const year = regionFacts(facts.context, code).yearFigures[0];
      const [first, second] = ['2025HJ01', '2025HJ02'].map((p) => Number(halfYearCount(code, p)));
      if (!year || year.count?.value == null || !Number.isFinite(first) || !Number.isFinite(second)) continue;
      expect(year.count.value, code).toBeGreaterThanOrEqual(Math.max(first!, second!));
      expect(year.count.value, code).toBeLessThanOrEqual(first! + second!);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('gives no year figure for a concept that no table publishes per year', () => {
    const concepts = regionFacts(facts.context, 'GM0363').keyFigures.map((f) => f.concept);
    expect(concepts).toContain('jongeren-jeugdbescherming');
    expect(regionFacts(facts.context, 'GM0363').yearFigures.map((f) => f.concept)).toEqual(['jongeren-jeugdhulp']);
  });

  it('gives none where the key figures are year figures already (a site of yearly tables only)', async () => {
    const data = await getSiteData();
    const yearly = new FactsContext(data.register, data.datasets.filter((d) => d.meta.id === 'jeugdhulp-wijken'));
    const keyFigures = keyFiguresOf(yearly, 'GM0363');
    expect(keyFigures.map((f) => f.period)).toEqual(['2025JJ00']);
    expect(yearFiguresOf(yearly, 'GM0363', keyFigures)).toEqual([]);
  });

  it('takes the year from the key figure\'s own table where it has years beside its half years, as CBS\'s tables do', async () => {
    const data = await getSiteData();
    const jb = data.datasets.find((d) => d.meta.id === 'jeugdbescherming')!;
    const count = jb.meta.measures.findIndex((m) => m.id === 'jongeren_jeugdbescherming');
    // A year 2025 beside the half years: a youth with a measure in both halves counts once, so the year is the
    // second half year plus some who ended in the first.
    const yearRows = jb.original.rows
      .filter((r) => r.period === '2025HJ02')
      .map((r) => ({ ...r, period: '2025JJ00', cells: r.cells.map((c, i) => (i === count && c.value !== null ? { ...c, value: c.value + 5 } : c)) }));
    const meta = { ...jb.meta, periods: [...jb.meta.periods, { code: '2025JJ00', status: 'nader-voorlopig' as const }] };
    const original = { meta, rows: [...jb.original.rows, ...yearRows] };
    const periods = meta.periods.map((p) => parsePeriodCode(p.code)!).sort(comparePeriods).map((p) => p.code);
    const mixed: SourceDataset = { meta, original, converted: convertToIndeling(original, data.register), periods };
    const context = new FactsContext(data.register, [mixed]);
    const keyFigures = keyFiguresOf(context, 'GM0363');
    expect(keyFigures.map((f) => f.period)).toEqual(['2026HJ01']);
    const [year, ...more] = yearFiguresOf(context, 'GM0363', keyFigures);
    expect(more).toEqual([]);
    expect(year).toMatchObject({ datasetId: 'jeugdbescherming', period: '2025JJ00', status: 'nader-voorlopig', periodLabel: '2025**' });
    const second = jb.original.rows.find((r) => r.region === 'GM0363' && r.period === '2025HJ02' && r.topics.every((t, i) => t === jb.meta.dimensions[i]!.codes.find((c) => c.total)?.code))!;
    expect(year!.count?.value).toBe(second.cells[count]!.value! + 5);
  });

  it('gives none to a former gemeente, whose page shows its own figures as published', () => {
    expect(regionFacts(facts.context, 'GM0457').former).toBeDefined();
    expect(regionFacts(facts.context, 'GM0457').yearFigures).toEqual([]);
  });

  it('says in words why a year figure is not the half years added up, and names the year', () => {
    expect(yearNote('personen')).toMatch(/^Een jongere die in beide halfjaren hulp kreeg, telt in het jaar één keer mee\./);
    expect(yearNote('trajecten')).toMatch(/^Een traject dat in beide halfjaren liep/);
    const years = regionFacts(facts.context, 'GM0363').yearFigures;
    expect(yearPeriodsText(years)).toBe(`; per jaar: heel ${years[0]!.periodLabel}`);
    expect(yearPeriodsText([])).toBe('');
  });

  it('says which figures are definitief when the half year is provisional and the year is not', () => {
    const amsterdam = regionFacts(facts.context, 'GM0363');
    expect(amsterdam.keyFigures[0]!.status).toBe('voorlopig');
    expect(amsterdam.yearFigures[0]!.status).toBe('definitief');
    expect(amsterdam.statusNotes).toContain('Cijfers zonder sterretje zijn definitief.');
    expect(amsterdam.statusNotes).not.toContain('Deze cijfers zijn definitief.');
  });
});
