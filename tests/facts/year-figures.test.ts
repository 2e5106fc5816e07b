/**
 * Year figures beside the half-year key figures (issue 14, item 1), on the default data: the half-year tables
 * publish each whole year beside their half years (2025JJ00, as CBS's tables do), and the yearly wijken table
 * counts the youths of a whole year too; the page shows the latest year apart from the half years. Expected
 * numbers are read straight from the data files, not from the code under test.
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
const jeugdhulpRows = readRows('data/jeugdhulp/observations.csv').filter((r) => r.leeftijd === 'T001' && r.geslacht === 'T001038');
const wijkenCount = (region: string, period: string) => wijkenRows.find((r) => r.regio === region && r.perioden === period)?.jongeren_jeugdhulp;
const jeugdhulpCount = (region: string, period: string) => jeugdhulpRows.find((r) => r.regio === region && r.perioden === period)?.jongeren_jeugdhulp;
const trajectenRows = readRows('data/jeugdhulptrajecten/observations.csv').filter((r) => r.hulpvorm === 'T001');
const jbRows = readRows('data/jeugdbescherming/observations.csv').filter((r) => r.maatregel === 'T001');

/** A site data set with the year periods of some tables taken out: as if those tables published half years only. */
async function withoutYears(ids: readonly string[]): Promise<SourceDataset[]> {
  const data = await getSiteData();
  return data.datasets.map((d) => {
    if (!ids.includes(d.meta.id)) return d;
    const isYear = (code: string) => parsePeriodCode(code)?.kind === 'jaar';
    const meta = { ...d.meta, periods: d.meta.periods.filter((p) => !isYear(p.code)) };
    const original = { meta, rows: d.original.rows.filter((r) => !isYear(r.period)) };
    return { meta, original, converted: convertToIndeling(original, data.register), periods: d.periods.filter((p) => !isYear(p)) };
  });
}

describe('year figures beside the half years', () => {
  it('gives Amsterdam the youths with jeugdhulp in all of 2025 from the half-year table, the same number as the wijken table', () => {
    const facts2 = regionFacts(facts.context, 'GM0363');
    const year = facts2.yearFigures.find((f) => f.concept === 'jongeren-jeugdhulp')!;
    expect(year).toMatchObject({ datasetId: 'jeugdhulp', period: '2025JJ00', periodText: '2025' });
    expect(String(year.count?.value)).toBe(jeugdhulpCount('GM0363', '2025JJ00'));
    // One year, one figure: the wijken table's row of Amsterdam as a whole says the same.
    expect(String(year.count?.value)).toBe(wijkenCount('GM0363', '2025JJ00'));
    // The rate is the year's own, of the year's own population.
    expect(year.rate?.measure.id).toBe('jongeren_jeugdhulp_pct');
    expect(year.rate?.phrase).toMatch(/van alle jongeren tot 18 jaar/);
  });

  it('gives every half-year key figure its year, from its own table: persons and trajecten', () => {
    const amsterdam = regionFacts(facts.context, 'GM0363');
    expect(amsterdam.yearFigures.map((f) => f.concept)).toEqual(amsterdam.keyFigures.map((f) => f.concept));
    for (const year of amsterdam.yearFigures) {
      const own = amsterdam.keyFigures.find((f) => f.concept === year.concept)!;
      expect(year.datasetId, year.concept).toBe(own.datasetId);
      expect(year.period, year.concept).toBe('2025JJ00');
    }
    const jb = amsterdam.yearFigures.find((f) => f.concept === 'jongeren-jeugdbescherming')!;
    expect(String(jb.count?.value)).toBe(jbRows.find((r) => r.regio === 'GM0363' && r.perioden === '2025JJ00')?.jongeren_jeugdbescherming);
  });

  it('gives Nederland its year figure too', () => {
    const year = regionFacts(facts.context, 'NL01').yearFigures.find((f) => f.concept === 'jongeren-jeugdhulp')!;
    expect(String(year.count?.value)).toBe(jeugdhulpCount('NL01', '2025JJ00'));
    expect(String(year.count?.value)).toBe(wijkenCount('NL01', '2025JJ00'));
  });

  it('shows a year of persons that is no sum of the half years: at least the larger half year, at most the two together', () => {
    let checked = 0;
    for (const code of facts.context.currentGemeenten()) {
      const figures = regionFacts(facts.context, code).yearFigures;
      for (const [concept, rows, column] of [
        ['jongeren-jeugdhulp', jeugdhulpRows, 'jongeren_jeugdhulp'],
        ['jongeren-jeugdbescherming', jbRows, 'jongeren_jeugdbescherming'],
      ] as const) {
        const year = figures.find((f) => f.concept === concept);
        const [first, second] = ['2025HJ01', '2025HJ02'].map((p) => Number(rows.find((r) => r.regio === code && r.perioden === p)?.[column]));
        if (!year || year.count?.value == null || !Number.isFinite(first) || !Number.isFinite(second)) continue;
        // Each published figure is rounded to a multiple of 5 on its own: rounding keeps the order, not the sum.
        expect(year.count.value, `${code} ${concept}`).toBeGreaterThanOrEqual(Math.max(first!, second!));
        expect(year.count.value, `${code} ${concept}`).toBeLessThanOrEqual(first! + second! + 5);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });

  it('gives started trajecten of a year as the two half years added, up to the rounding to fives', () => {
    let checked = 0;
    for (const code of facts.context.currentGemeenten()) {
      const year = regionFacts(facts.context, code).yearFigures.find((f) => f.concept === 'trajecten-gestart');
      const [first, second] = ['2025HJ01', '2025HJ02'].map((p) => Number(trajectenRows.find((r) => r.regio === code && r.perioden === p)?.trajecten_gestart));
      if (!year || year.count?.value == null || !Number.isFinite(first) || !Number.isFinite(second)) continue;
      expect(Math.abs(year.count.value - first! - second!), code).toBeLessThanOrEqual(5);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('falls back to the yearly table where a key figure\'s own table has no years, and gives none where no table has them', async () => {
    const context = new FactsContext((await getSiteData()).register, await withoutYears(['jeugdhulp', 'jeugdbescherming']));
    const amsterdam = regionFacts(context, 'GM0363');
    expect(amsterdam.keyFigures.map((f) => f.concept)).toContain('jongeren-jeugdbescherming');
    const concepts = amsterdam.yearFigures.map((f) => f.concept);
    expect(concepts).not.toContain('jongeren-jeugdbescherming');
    const year = amsterdam.yearFigures.find((f) => f.concept === 'jongeren-jeugdhulp')!;
    expect(year.datasetId).toBe('jeugdhulp-wijken');
    expect(String(year.count?.value)).toBe(wijkenCount('GM0363', '2025JJ00'));
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
    const jb = (await withoutYears(['jeugdbescherming'])).find((d) => d.meta.id === 'jeugdbescherming')!;
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

  it('gives a former gemeente its last year as published, beside its last half year (Weesp: 2022)', () => {
    const weesp = regionFacts(facts.context, 'GM0457');
    expect(weesp.former).toBeDefined();
    expect(weesp.keyFigures[0]!.period).toBe('2022HJ02');
    const jeugdhulp = weesp.yearFigures.find((f) => f.concept === 'jongeren-jeugdhulp')!;
    expect(jeugdhulp).toMatchObject({ datasetId: 'jeugdhulp', period: '2022JJ00' });
    expect(String(jeugdhulp.count?.value)).toBe(jeugdhulpCount('GM0457', '2022JJ00'));
    // Every year figure is of 2022, none of a later year in which Weesp no longer existed.
    expect(weesp.yearFigures.length).toBeGreaterThanOrEqual(4);
    expect(new Set(weesp.yearFigures.map((f) => f.period))).toEqual(new Set(['2022JJ00']));
  });

  it('says in words why a year figure is not the half years added up, and names the year', () => {
    expect(yearNote('personen', ['jongeren-jeugdhulp'])).toMatch(/^Een jongere die in beide halfjaren meetelt, telt in het jaar één keer mee\./);
    expect(yearNote('trajecten', ['trajecten-lopend', 'trajecten-gestart', 'trajecten-beeindigd'])).toBe(
      'Een traject dat in beide halfjaren liep, telt bij de lopende trajecten van het jaar één keer mee: dat jaarcijfer is geen optelsom van de twee halfjaren. ' +
        'Gestarte en beëindigde trajecten van een jaar zijn die van de twee halfjaren samen, op de afronding op vijftallen na.',
    );
    expect(yearNote('trajecten', ['trajecten-gestart'])).toBe('Gestarte trajecten van een jaar zijn die van de twee halfjaren samen, op de afronding op vijftallen na.');
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
