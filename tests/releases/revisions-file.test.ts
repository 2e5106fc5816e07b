/**
 * The revisions file of a release in its two dialects: the comma file keeps the machine names that scripts
 * read, the Excel file has a unique Dutch label with its unit for every column, and the Excel file read back
 * through the column list (REVISION_FIELDS, which the release page shows) is the comma file, on the default data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import { REVISION_COLUMNS, REVISION_FIELDS, REVISION_LABELS, revisionsCsv } from '../../src/lib/releases/revisions-file';
import { getSiteData, type SiteData } from '../../src/node/site-data';

const NUMERIC = ['oude_waarde', 'nieuwe_waarde', 'verschil', 'verschil_procent'] as const;
const headerOf = (text: string, delimiter: string) => text.replace(/^\ufeff/, '').split('\r\n')[0]!.split(delimiter).map((h) => h.replace(/^"|"$/g, ''));

let data: SiteData;
beforeAll(async () => {
  data = await getSiteData();
}, 120_000);

describe('herzieningen.csv and herzieningen-excel.csv', () => {
  it('list every column once, in the order of the file, each with a label and a description', () => {
    expect(REVISION_FIELDS.map((f) => f.name)).toEqual([...REVISION_COLUMNS]);
    for (const field of REVISION_FIELDS) expect(field.description.length, field.name).toBeGreaterThan(10);
  });

  it('have machine names in the comma file and unique Dutch labels with units in the Excel file', () => {
    const release = data.catalog.releases.at(-1)!;
    expect(headerOf(revisionsCsv(data.store, data.register, release.id, 'rfc4180'), ',')).toEqual([...REVISION_COLUMNS]);
    const excel = headerOf(revisionsCsv(data.store, data.register, release.id, 'excel-nl'), ';');
    expect(excel).toEqual([...REVISION_LABELS]);
    expect(new Set(excel).size).toBe(excel.length);
    expect(excel.filter((label) => !/^[A-Z]/.test(label) || label.includes('_'))).toEqual([]);
    // Each value says where its unit is (it differs per line), the relative difference is in %.
    const label = (name: (typeof REVISION_COLUMNS)[number]) => excel[REVISION_COLUMNS.indexOf(name)]!;
    for (const name of ['oude_waarde', 'nieuwe_waarde', 'verschil'] as const) expect(label(name)).toMatch(/\(zie kolom Eenheid\)$/);
    expect(label('verschil_procent')).toMatch(/\(% van de oude waarde\)$/);
  });

  it('read back from the Excel file through the labels to exactly the comma file, in every release', () => {
    const releases = data.catalog.releases.slice(1);
    expect(releases.length).toBeGreaterThan(0);
    const nameOf = new Map(REVISION_FIELDS.map((f) => [f.label, f.name]));
    const numericLabels = NUMERIC.map((name) => REVISION_FIELDS.find((f) => f.name === name)!.label);
    for (const release of releases) {
      const csv = parseDownloadCsv(revisionsCsv(data.store, data.register, release.id, 'rfc4180'), 'rfc4180', NUMERIC);
      const excel = parseDownloadCsv(revisionsCsv(data.store, data.register, release.id, 'excel-nl'), 'excel-nl', numericLabels).map((record) =>
        Object.fromEntries(Object.entries(record).map(([label, value]) => [nameOf.get(label) ?? label, value])),
      );
      expect(csv.length, release.id).toBeGreaterThan(1000);
      expect(excel).toEqual(csv);
      // Decimals did come back: a revised percentage has a fraction.
      expect(excel.some((r) => typeof r.verschil_procent === 'number' && !Number.isInteger(r.verschil_procent))).toBe(true);
    }
  }, 120_000);
});
