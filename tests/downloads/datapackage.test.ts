/**
 * The datapackage.json describes its CSV files exactly: every column in order with a type the values
 * satisfy, enum constraints that hold, a primary key that is unique, and the dialect each file is written in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import { dataPackage } from '../../src/lib/downloads/datapackage';
import { jsonHeader, ZIP_FORMATS } from '../../src/lib/downloads/files';
import { datasetFile, datasetPackageJson, downloadsOutline, gemeentePackageJson } from '../../src/lib/downloads/site-files';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';

let site: SiteData;
beforeAll(async () => {
  site = await fixtureSite();
});
const SITE = 'https://jeugdzorg.example/';

interface Field { name: string; type: string; constraints?: { enum?: string[]; required?: boolean }; decimalChar?: string }
interface Resource { name: string; path: string; encoding: string; dialect: { delimiter: string }; schema: { fields: Field[]; primaryKey: string[]; missingValues: string[] } }

describe('datapackage.json', () => {
  it('maps the Excel file\'s Dutch column labels to the comma file\'s machine names, column by column', () => {
    for (const d of site.datasets) {
      const pkg = JSON.parse(datasetPackageJson(site, d.meta.id, SITE, ZIP_FORMATS));
      const [csv, excel] = pkg.resources as Array<{ schema: { fields: Array<{ name: string; naamInExcel?: string; naamInCsv?: string }>; primaryKey: string[] } }>;
      const excelHeader = datasetFile(site, d.meta.id, 'excel').replace(/^\ufeff/, '').split('\r\n')[0]!.split(';').map((h) => h.replace(/"/g, ''));
      const csvHeader = datasetFile(site, d.meta.id, 'csv').split('\r\n')[0]!.split(',');
      expect(csv!.schema.fields.map((f) => f.naamInExcel)).toEqual(excelHeader);
      expect(excel!.schema.fields.map((f) => f.naamInCsv)).toEqual(csvHeader);
      expect(new Set(excelHeader).size).toBe(excelHeader.length);
      // Every figure's label says its unit, as StatLine's CSV does, once: "Herhaald beroep (% van de begonnen
      // trajecten)" names it already.
      for (const m of d.meta.measures) expect(excelHeader).toContain(m.label.includes(`(${m.unit}`) ? m.label : `${m.label} (${m.unit})`);
      expect(excelHeader.filter((h) => /\(%[^)]*\) \(%\)/.test(h))).toEqual([]);
      expect(excel!.schema.primaryKey.every((k) => excelHeader.includes(k))).toBe(true);
    }
  });

  it('describes every column of both CSV files, and the values fit their types and constraints', () => {
    for (const d of site.datasets) {
      const pkg = JSON.parse(datasetPackageJson(site, d.meta.id, SITE, ZIP_FORMATS));
      expect(pkg).toMatchObject({ profile: 'tabular-data-package', name: `jeugdzorg-${d.meta.id}`, licenses: [{ name: 'CC-BY-4.0' }], version: '2023-10-26', fictief: true });
      expect(pkg.verklaringVanTekens.map((s: { teken: string }) => s.teken)).toEqual(['.', 'x', '-', '(leeg)', '*', '**']);
      const resources = pkg.resources as Resource[];
      expect(resources.map((r) => r.path)).toEqual([`${d.meta.id}.csv`, `${d.meta.id}-excel.csv`]);
      for (const resource of resources) {
        const excel = resource.path.endsWith('-excel.csv');
        expect(resource.dialect.delimiter).toBe(excel ? ';' : ',');
        expect(resource.encoding).toBe(excel ? 'utf-8-sig' : 'utf-8');
        const text = datasetFile(site, d.meta.id, excel ? 'excel' : 'csv');
        const header = text.replace(/^\ufeff/, '').split('\r\n')[0]!.split(resource.dialect.delimiter).map((h) => h.replace(/"/g, ''));
        const { fields, primaryKey } = resource.schema;
        expect(fields.map((f) => f.name)).toEqual(header);
        const rows = parseDownloadCsv(text, excel ? 'excel-nl' : 'rfc4180', []);
        const keys = new Set<string>();
        const problems: string[] = [];
        const numberPattern = excel ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
        for (const row of rows) {
          keys.add(primaryKey.map((k) => row[k]).join('|'));
          for (const field of fields) {
            const raw = String(row[field.name] ?? '');
            if (raw === '') {
              if (field.constraints?.required) problems.push(`${field.name} ontbreekt`);
            } else if (field.type === 'integer' && !/^-?\d+$/.test(raw)) problems.push(`${field.name}: ${raw} is geen geheel getal`);
            else if (field.type === 'number' && !numberPattern.test(raw)) problems.push(`${field.name}: ${raw} is geen getal`);
            else if (field.constraints?.enum && !field.constraints.enum.includes(raw)) problems.push(`${field.name}: ${raw} niet toegestaan`);
          }
        }
        expect(problems.slice(0, 5), `${resource.path}`).toEqual([]);
        expect(keys.size, `${d.meta.id}: primaire sleutel uniek`).toBe(rows.length);
      }
      const measure = (pkg.resources[0].schema.fields as Array<Field & { unit?: string; description?: string }>).find((f) => f.name === d.meta.measures[0]!.id)!;
      expect(measure.unit).toBeTruthy();
      expect(measure.description!.length).toBeGreaterThan(10);
    }
  });

  it('lists the periods with their status and the footnotes the table page shows, and says when the files are converted', () => {
    for (const d of site.datasets) {
      const pkg = JSON.parse(datasetPackageJson(site, d.meta.id, SITE, ZIP_FORMATS));
      expect(pkg.perioden.map((p: { code: string }) => p.code)).toEqual(d.meta.periods.map((p) => p.code));
      expect(pkg.perioden.every((p: { status: string }) => ['voorlopig', 'nader voorlopig', 'definitief'].includes(p.status))).toBe(true);
      const texts = pkg.voetnoten.map((f: { tekst: string }) => f.tekst);
      for (const f of d.meta.footnotes) expect(texts).toContain(f.text);
      for (const b of d.meta.trendBreaks) expect(texts).toContain(`Trendbreuk: ${b.note}`);
      // The description is of the table as published; the files may have every period on the latest indeling.
      if (d.converted.indeling !== undefined) expect(pkg.description).toContain(`op de gemeentelijke indeling van ${d.converted.indeling}`);
      expect(Object.keys(pkg).at(-1)).toBe('resources');
    }
  });

  it('describes a gemeente’s files: one pair per table with its figures', () => {
    const pkg = JSON.parse(gemeentePackageJson(downloadsOutline(site), 'GM0457', SITE));
    expect(pkg.title).toBe('Jeugdzorg in Weesp (voormalige gemeente)');
    expect(pkg.indeling).toMatch(/^zoals gepubliceerd/);
    expect(pkg.resources.map((r: Resource) => r.path)).toContain('jeugdhulp.csv');
    expect(pkg.homepage).toBe('https://jeugdzorg.example/gemeente/weesp/');
  });
});

describe('the source of a dataset in its downloads', () => {
  it('carries the note beside a CBS table number that the table page shows (e.g. not checked for every year)', () => {
    const base = site.datasets[0]!.meta;
    const meta = { ...base, source: { ...base.source, table: '85075NED', note: 'Het nummer van de tabel over 2022 is hier niet nagegaan.' } };
    expect(jsonHeader(meta, { release: undefined, indeling: '' })).toMatchObject({ cbsTabel: '85075NED', bronOpmerking: 'Het nummer van de tabel over 2022 is hier niet nagegaan.' });
    const pkg = dataPackage({ name: 'x', title: 'x', description: 'x', release: undefined, homepage: 'https://example.nl/', indeling: '', datasets: [meta] }, []);
    expect(pkg.sources[0]).toMatchObject({ title: `${meta.source.name}, tabel 85075NED`, description: 'Het nummer van de tabel over 2022 is hier niet nagegaan.' });
    // Without a note, nothing is added.
    const { note: _note, ...plain } = base.source;
    expect(jsonHeader({ ...base, source: plain }, { release: undefined, indeling: '' })).not.toHaveProperty('bronOpmerking');
  });
});
