/**
 * The real CBS wijken table (../shared/cbs, read in place): Almere renumbered its wijken in 2022, so
 * WK003402 is "Wijk 02 Almere Stad" (2.140 youths, 109.415 inhabitants) in 2021 and "De Werven" (70) in
 * 2022. The fact page, the downloads and the search must give each year's figures that year's name and
 * never put the two areas in one series. Skipped, visibly, where ../shared is absent.
 */
import { describe, expect, it } from 'vitest';
import { datasetFile, datasetPackageJson } from '../../src/lib/downloads/site-files';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import { getFactsContext } from '../../src/lib/facts/context';
import { keyFiguresOf } from '../../src/lib/facts/key-figures';
import { earlierWijkenIntro, wijkenIntro, wijkenOf } from '../../src/lib/facts/wijken';
import { wijkRecords } from '../../src/lib/search/records';
import { realFilesPresent, useRealImport } from '../import/helpers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { wijkenTableHref } from '../../src/lib/neighbours/compare-links';
import { indexView, selectedRegions } from '../../src/lib/tables/pivot';
import { parseSelection } from '../../src/lib/tables/selection';
import { tableSourceOf, type SiteDatasetLike } from '../../src/lib/tables/table-source';

describe.skipIf(!realFilesPresent('tests/facts/wijken-real.test.ts'))('wijken of the real CBS table, 2021 and 2022', () => {
  const real = useRealImport('wijken-real-');

  it('lists Almere’s wijken of 2022 under their 2022 names, the changed ones marked', () => {
    const wijken = wijkenOf(getFactsContext(real.site), 'GM0034')!;
    expect(wijken.period).toBe('2022JJ00');
    const werven = wijken.rows.find((r) => r.code === 'WK003402')!;
    expect(werven).toMatchObject({ label: 'De Werven', change: 'andere indeling dan in 2021' });
    expect(werven.cells[0]).toBe('70');
    expect(wijken.rows.find((r) => r.code === 'WK003437')).toMatchObject({ label: 'Gooisekant' });
    expect(wijken.rows.find((r) => r.code === 'WK003437')!.change).toBeUndefined(); // new in 2022, no earlier area
    expect(wijken.changed).toEqual({ count: 6, since: 2021 });
    expect(wijkenIntro(wijken, 'Almere')).toContain('Bij 6 wijken is de indeling anders dan in 2021');
  });

  it('shows the 2021 wijken that are another area now apart, with their 2021 names and figures', () => {
    const wijken = wijkenOf(getFactsContext(real.site), 'GM0034')!;
    expect(wijken.earlier?.period).toBe('2021JJ00');
    expect(wijken.earlier!.rows.map((r) => r.label)).toEqual([
      'Wijk 01 Almere Haven',
      'Wijk 02 Almere Stad',
      'Wijk 03 Almere Buiten',
      'Wijk 04 Almere Poort',
      'Wijk 05 Almere Hout',
      'Wijk 06 Almere Pampus',
    ]);
    expect(wijken.earlier!.rows[1]).toMatchObject({ code: 'WK003402', change: 'in 2022 een ander gebied' });
    expect(wijken.earlier!.rows[1]!.cells[0]).toBe('2.140');
    expect(earlierWijkenIntro(wijken, 'Almere')).toMatch(/^In 2021 had Almere 6 wijken die er in 2022 niet meer zo zijn/);
  });

  it('names a renamed wijk by its earlier name too, and has no earlier table where no area changed', () => {
    const kampen = wijkenOf(getFactsContext(real.site), 'GM0166')!;
    expect(kampen.rows.find((r) => r.code === 'WK016603')).toMatchObject({ label: 'IJsselmuiden', change: 'in 2021: Wijk 03 IJsselmuiden' });
    const amsterdam = wijkenOf(getFactsContext(real.site), 'GM0363')!;
    expect(amsterdam.changed).toBeUndefined();
    expect(amsterdam.earlier).toBeUndefined();
    // Singular: Beemster had one wijk.
    const beemster = wijkenOf(getFactsContext(real.site), 'GM0370')!;
    expect(wijkenIntro(beemster, 'Beemster')).toMatch(/^Beemster heeft 1 wijk in de tabel/);
  });

  it('starts each table with Almere as a whole in the same year, as CBS published it (6.660 in 2022, 6.555 in 2021)', () => {
    const context = getFactsContext(real.site);
    const wijken = wijkenOf(context, 'GM0034')!;
    expect(wijken.periodSpan).toBe('2022* (heel jaar)');
    expect(wijken.gemeente).toMatchObject({ code: 'GM0034', label: 'Almere, hele gemeente' });
    expect(wijken.gemeente!.cells[0]).toBe('6.660');
    expect(wijken.earlier!.gemeente!.cells[0]).toBe('6.555');
    // The key figures are of the same year here: no warning about another period, only the pointer to the first row.
    const keyPeriod = keyFiguresOf(context, 'GM0034')[0]!.periodLabel;
    expect(keyPeriod).toBe(wijken.periodLabel);
    const intro = wijkenIntro(wijken, 'Almere', keyPeriod);
    expect(intro).not.toContain('niet met elkaar te vergelijken');
    expect(intro).toContain('Vergelijk een wijk met de eerste rij: Almere als geheel in 2022*.');
    expect(earlierWijkenIntro(wijken, 'Almere')).toContain('Vergelijk een wijk met de eerste rij: Almere als geheel in 2021.');
  });

  it('downloads each year under its own name, the later area marked', () => {
    const csv = parseDownloadCsv(datasetFile(real.site, 'jeugdzorg-in-natura-wijken', 'csv'), 'rfc4180', ['jongeren_jeugdzorg']);
    const rows = csv.filter((r) => r.regio_code === 'WK003402').map((r) => [r.perioden_code, r.regio, r.jongeren_jeugdzorg]);
    expect(rows).toEqual([
      ['2021JJ00', 'Wijk 02 Almere Stad', 2140],
      ['2022JJ00', 'De Werven (andere indeling dan in 2021)', 70],
    ]);
  });

  it('computes no rate on a tiny denominator: Gooisekant, 10 youths and 30 inhabitants, has no rate per 1.000', () => {
    const wijken = wijkenOf(getFactsContext(real.site), 'GM0034')!;
    expect(wijken.rows.find((r) => r.code === 'WK003437')!.cells).toEqual(['10', '.', '20']);
    const csv = parseDownloadCsv(datasetFile(real.site, 'jeugdzorg-in-natura-wijken', 'csv'), 'rfc4180', ['jongeren_jeugdzorg_per_1000']);
    expect(csv.find((r) => r.regio_code === 'WK003437')).toMatchObject({ jongeren_jeugdzorg_per_1000: null, jongeren_jeugdzorg_per_1000_teken: '.' });
  });

  it('gives the downloads the note the table page shows beside the unverified CBS table number', () => {
    const meta = real.site.datasets.find((d) => d.meta.id === 'jeugdzorg-in-natura-wijken')!.meta;
    expect(meta.source.note).toContain('niet nagegaan');
    const pkg = JSON.parse(datasetPackageJson(real.site, meta.id, 'https://example.nl/')) as { sources: Array<{ title: string; description?: string }> };
    expect(pkg.sources).toEqual([expect.objectContaining({ title: expect.stringContaining(meta.source.table!), description: meta.source.note })]);
  });

  it('finds a wijk by its 2022 name, with a figure of its own area only', () => {
    const records = wijkRecords(real.site);
    const werven = records.find((r) => r.meta.code === 'WK003402')!;
    expect(werven.meta.title).toBe('De Werven (wijk in Almere)');
    expect(werven.content).toContain('Andere indeling dan in 2021');
    expect(werven.content).not.toContain('Almere Stad');
    expect(werven.meta.keyFigure ?? '').not.toContain('2.140');
    const ijsselmuiden = records.find((r) => r.meta.code === 'WK016603')!;
    expect(ijsselmuiden.content).toContain('Tot en met 2021: Wijk 03 IJsselmuiden');
  });

  it('links Almere’s wijken to the table with every measure CBS publishes per wijk, with CBS’s numbers of 2022', () => {
    const context = getFactsContext(real.site);
    const wijken = wijkenOf(context, 'GM0034')!;
    const href = wijkenTableHref(context, 'GM0034', wijken)!;
    const dataset = real.site.datasets.find((d) => d.meta.id === wijken.datasetId)!;
    const table = tableSourceOf(dataset as SiteDatasetLike, real.site.register);
    const { selection, messages } = parseSelection(href.split('?')[1]!, table);
    expect(messages).toEqual([]);
    expect(selection.measures).toEqual(dataset.meta.measures.map((m) => m.id));
    expect(selection.measures.length).toBeGreaterThanOrEqual(20);
    const shown = selectedRegions(table, selection, indexView(table, selection).regions).regions.map((r) => r.code);
    // Almere, then its 2022 wijken; the 2021 versions of renumbered wijken are not in that year.
    expect(shown[0]).toBe('GM0034');
    expect(shown.slice(1).sort()).toEqual(wijken.rows.map((w) => w.code).sort());
    expect(shown).not.toContain('WK003402-2021');
    // Every count of De Werven in the table is the figure in CBS's file (read here with papaparse, not the importer).
    const file = readFileSync(path.resolve('../shared/cbs/jeugdzorg-in-natura-gemeenten-wijken-2021-2022.csv'), 'utf8');
    const cbs = Papa.parse<Record<string, string>>(file, { header: true, skipEmptyLines: true }).data.find((r) => r.gwb_code === 'WK003402' && r.year === '2022')!;
    const row = table.rows.find((r) => r.region === 'WK003402' && r.period === '2022JJ00' && (r.variant === 'beide' || r.variant === 'gepubliceerd'))!;
    const keyOf = new Map(dataset.meta.measures.map((m, i) => [m.sourceKey ?? m.id, i]));
    let compared = 0;
    for (const [column, text] of Object.entries(cbs)) {
      const i = keyOf.get(column);
      if (i === undefined || text === '') continue;
      expect(row.cells[i]?.value, column).toBe(Number(text));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(12); // the cells CBS filled for this small wijk
  });
});
