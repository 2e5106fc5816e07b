import { beforeAll, describe, expect, it } from 'vitest';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import {
  parseDatasetFileName,
  datasetFileName,
  registerLabel,
  DOWNLOAD_FORMATS,
  ZIP_FORMATS,
  indelingText,
  renderDatasetFile,
  renderedFile,
  renderTableLines,
  renderWideTable,
  wideTableOf,
} from '../../src/lib/downloads/files';
import { datasetFile, gemeenteFile, gemeenteRows, siteDownloadFiles } from '../../src/lib/downloads/site-files';
import { machineNamedRecords, toWideRecords, wideColumnLabels, wideColumns, wideNumericColumns, wideNumericLabels } from '../../src/lib/downloads/wide';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';

let site: SiteData;
beforeAll(async () => {
  site = await fixtureSite();
});
const SITE = 'https://jeugdzorg.example/';

describe('a whole dataset as a download', () => {
  it('has a line per region, period and category, with codes beside labels and a symbol column per measure', () => {
    const d = site.datasets.find((x) => x.meta.id === 'jeugdhulp')!;
    expect(wideColumns(d.meta).slice(0, 9)).toEqual(['regio_code', 'regio', 'perioden_code', 'perioden', 'status', 'leeftijd_code', 'leeftijd', 'geslacht_code', 'geslacht']);
    expect(wideColumns(d.meta)).toContain('jongeren_jeugdhulp_teken');
    const records = toWideRecords(d.meta, d.converted.rows, { regionLabel: registerLabel(site.register), isConverted: (r) => (r as { converted?: boolean }).converted === true });
    expect(records).toHaveLength(d.converted.rows.length);
    // Reading order: Nederland first, then provincies …, then gemeenten by code, periods in time order.
    expect(records[0]).toMatchObject({ regio_code: 'NL01', regio: 'Nederland', perioden_code: '2019HJ01', perioden: '1e halfjaar 2019', status: 'definitief' });
    const amsterdam2022 = records.find((r) => r.regio_code === 'GM0363' && r.perioden_code === '2022HJ02' && r.leeftijd_code === 'T001' && String(r.geslacht_code).startsWith('T001'))!;
    expect(amsterdam2022.omgerekend).toBe('ja'); // Weesp is counted in on the 2023 indeling
    const amsterdam2023 = records.find((r) => r.regio_code === 'GM0363' && r.perioden_code === '2023HJ01')!;
    expect(amsterdam2023).toMatchObject({ status: 'voorlopig', omgerekend: 'nee' });
    const suppressed = records.find((r) => r.jongeren_met_verblijf === null)!;
    expect(suppressed.jongeren_met_verblijf_teken).not.toBe('');
  });

  it('reads back every value and symbol exactly, in both CSV dialects', () => {
    for (const d of site.datasets) {
      const expected = toWideRecords(d.meta, d.converted.rows, { regionLabel: registerLabel(site.register), isConverted: (r) => (r as { converted?: boolean }).converted === true });
      const numeric = wideNumericColumns(d.meta);
      expect(parseDownloadCsv(datasetFile(site, d.meta.id, 'csv'), 'rfc4180', numeric), `${d.meta.id} csv`).toEqual(expected);
      // The Excel file has Dutch labels with units for its columns, in the same order as the machine names.
      const excel = parseDownloadCsv(datasetFile(site, d.meta.id, 'excel'), 'excel-nl', wideNumericLabels(d.meta));
      expect(Object.keys(excel[0]!)).toEqual(wideColumnLabels(d.meta));
      expect(machineNamedRecords(d.meta, excel), `${d.meta.id} excel`).toEqual(expected);

    }
  });

  it('writes the Excel dialect with a BOM, semicolons, decimal commas and Dutch column labels with units', () => {
    const text = datasetFile(site, 'jeugdhulp', 'excel');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header.startsWith('"Regiocode";"Regio\'s";"Periodecode";"Perioden";"Status";"Leeftijd (code)";"Leeftijd"')).toBe(true);
    expect(header).toContain(';"Jongeren met jeugdhulp (aantal)";"Jongeren met jeugdhulp (aantal): teken";');
    expect(header).toContain(';"Jongeren met jeugdhulp (%)";');
    expect(datasetFile(site, 'jeugdhulp', 'csv').startsWith('regio_code,regio,perioden_code')).toBe(true);
    const line = text.split('\r\n').find((l) => l.startsWith('"NL01";"Nederland";"2023HJ01"'))!;
    expect(line).toMatch(/;\d+,\d;/); // a percentage with a decimal comma
    expect(line).not.toMatch(/\d\.\d/);
  });
});

describe('a gemeente’s downloads', () => {
  it('gives a current gemeente its rows on the latest indeling, with its wijken', () => {
    const entries = gemeenteRows(site, 'GM0363');
    expect(entries.map((e) => e.meta.id)).toEqual(site.catalog.datasets);
    const wijken = entries.find((e) => e.meta.id === 'jeugdhulp-wijken')!;
    expect(wijken.rows.some((r) => r.region.startsWith('WK0363'))).toBe(true);
    expect(wijken.rows.every((r) => r.region === 'GM0363' || r.region.startsWith('WK0363'))).toBe(true);
    const csv = parseDownloadCsv(gemeenteFile(site, 'GM0363', 'jeugdhulp', 'csv'), 'rfc4180');
    expect(new Set(csv.map((r) => r.regio_code))).toEqual(new Set(['GM0363']));
    expect(csv.some((r) => r.perioden_code === '2019HJ01' && r.omgerekend === 'ja')).toBe(true);
  });

  it('gives a former gemeente its own figures as published, until it ended', () => {
    const csv = parseDownloadCsv(gemeenteFile(site, 'GM0457', 'jeugdhulp', 'csv'), 'rfc4180');
    expect(new Set(csv.map((r) => r.regio))).toEqual(new Set(['Weesp']));
    expect(csv.every((r) => String(r.perioden_code) < '2023' && r.omgerekend === 'nee')).toBe(true);
    expect(csv.map((r) => r.perioden_code)).toContain('2022HJ02');
  });
});

describe('files cut from the whole dataset’s lines', () => {
  it('are written line by line exactly as the wide table writers write them', () => {
    for (const d of site.datasets) {
      for (const [rows, periods] of [[d.converted.rows, undefined], [d.original.rows, d.meta.periods.map((p) => ({ ...p, status: 'voorlopig' as const }))]] as const) {
        const options = {
          regionLabel: registerLabel(site.register),
          isConverted: (r: object) => (r as { converted?: boolean }).converted === true,
          ...(periods ? { periods } : {}),
          release: site.catalog.releases[0],
          indeling: indelingText(undefined),
        };
        const lines = renderTableLines(d.meta, rows, options);
        for (const format of ZIP_FORMATS) {
          expect(renderedFile(d.meta, lines, format), `${d.meta.id} ${format}`).toBe(renderWideTable(d.meta, wideTableOf(d.meta, rows, options), format, options));
        }
      }
    }
  });

  it('are byte for byte the files of the gemeente’s own rows, for every gemeente, dataset and format', () => {
    let compared = 0;
    for (const { code } of site.register.allGemeenten()) {
      const current = site.register.isCurrent(code);
      for (const entry of gemeenteRows(site, code)) {
        const options = {
          regionLabel: registerLabel(site.register),
          isConverted: (r: object) => (r as { converted?: boolean }).converted === true,
          release: site.catalog.releases.find((r) => r.id === entry.meta.release),
          indeling: indelingText(current ? site.register.latestYear : undefined),
          description: 'datapackage.json',
        };
        for (const format of ZIP_FORMATS) {
          const own = renderDatasetFile(entry.meta, entry.rows, format, options);
          expect(gemeenteFile(site, code, entry.meta.id, format), `${code} ${entry.meta.id} ${format}`).toBe(own);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('lists every file once, and each gemeente’s tables as entries of its zip, one per dataset it has figures in and format', () => {
    const outputs = siteDownloadFiles(site, SITE);
    const files = outputs.flatMap((f) => ('path' in f ? [f.path] : []));
    expect(new Set(files).size).toBe(files.length);
    expect(files).toContain('/downloads/jeugdhulp/jeugdhulp.csv');
    // A whole dataset comes as a CSV beside its zip (which has the CSV for Excel too), with a datapackage.json, not as JSON.
    expect(files.filter((f) => f.endsWith('-excel.csv') && !f.startsWith('/releases/') && !/\/downloads\/(buren|verwacht|vergelijkingen)\//.test(f))).toEqual([]);
    const datasetZips = new Set(outputs.flatMap((f) => ('zip' in f ? [f.zip.path] : [])).filter((p) => /^\/downloads\/([^/]+)\/\1\.zip$/.test(p)));
    expect(datasetZips.size).toBe(site.datasets.length);
    expect(files.filter((f) => /^\/downloads\/[^/]+\/[^/]+\.json$/.test(f) && !f.endsWith('/datapackage.json'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('/downloads/gemeente/'))).toEqual([]);
    const entries = outputs.flatMap((f) => ('zip' in f && f.zip.path.startsWith('/downloads/gemeente/') ? [`${f.zip.path} ${f.bytes().name}`] : []));
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries).toContain('/downloads/gemeente/weesp.zip jeugdzorg-weesp/jeugdhulp.csv');
    expect(entries).toContain('/downloads/gemeente/amsterdam.zip jeugdzorg-amsterdam/datapackage.json');
    const gemeenten = site.register.allGemeenten().filter((g) => gemeenteRows(site, g.code).length > 0);
    const tables = gemeenten.reduce((n, g) => n + gemeenteRows(site, g.code).length * 2, 0);
    // Per gemeente a leesmij and a datapackage besides its tables.
    expect(entries).toHaveLength(tables + 2 * gemeenten.length);
  });
});

describe('file names', () => {
  it('round-trip through their parser', () => {
    for (const format of DOWNLOAD_FORMATS) expect(parseDatasetFileName(datasetFileName('jeugdhulp-wijken', format))).toEqual({ datasetId: 'jeugdhulp-wijken', format });
    expect(parseDatasetFileName('jeugdhulp-excel.json')).toBeUndefined();
  });
});
