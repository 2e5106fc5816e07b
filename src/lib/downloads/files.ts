/**
 * Where every download lives and what it contains. The addresses are permanent: a dataset's files at
 * /downloads/<dataset>/, a gemeente's zip at /downloads/gemeente/<naam>.zip, a release's zip at
 * /downloads/release-<id>.zip. Pure; src/node/site-downloads.ts writes the files.
 */
import type { DatasetMeta, Release } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, type PeriodStatus } from '../data/periods';
import { regionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import { CsvLineWriter, DIALECTS, formatCsvRows, type CsvDialect } from './csv';
import { encodeLines, LineCache, tableLines, type EncodedLines, type TableLines } from './lines';
import { formatDownloadJson, toWideTable, wideColumnLabels, wideColumns, type JsonHeader, type WideTable } from './wide';

export type DownloadFormat = 'csv' | 'excel' | 'json';
/** The formats of the files made from a table's encoded lines (lines.ts): whole datasets and zip entries. */
export type CsvFormat = Exclude<DownloadFormat, 'json'>;
/** The formats of a selection from a table page (made in the reader's browser, or prerendered for the default selection). */
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['csv', 'excel', 'json'];
/**
 * The formats of a whole dataset's own file, beside its zip: the CSV, at an address a program reads directly
 * (read.csv, pandas.read_csv). The CSV for Excel is in the dataset's zip with the CSV and the description
 * (ZIP_FORMATS): on its own it was the site's largest kind of file (123 of its 593 MB), and a reader of
 * Excel opens the zip as a folder. No JSON: it held the CSV's lines again in
 * another syntax; a selection can still be downloaded as JSON from the table page.
 */
export const DATASET_FILE_FORMATS: readonly CsvFormat[] = ['csv'];

/** The formats in every zip (a dataset's, a gemeente's, a release's): the two CSV forms its datapackage.json describes. */
export const ZIP_FORMATS: readonly CsvFormat[] = ['csv', 'excel'];

export const FORMAT_DIALECT: Record<CsvFormat, CsvDialect> = { csv: 'rfc4180', excel: 'excel-nl' };

/** What a reader sees next to each link. */
export const FORMAT_LABEL: Record<DownloadFormat, { name: string; hint: string }> = {
  csv: { name: 'CSV', hint: 'komma, decimale punt, kolomnamen als code (zoals jongeren_jeugdhulp); voor R, Python, databases' },
  excel: { name: 'CSV voor Excel', hint: 'puntkomma, decimale komma, Nederlandse kolomnamen met eenheid (zoals “Jongeren met jeugdhulp (aantal)”); opent goed in Nederlandse Excel' },
  json: { name: 'JSON', hint: 'kolommen en rijen, met bron en licentie' },
};

/** What a reader sees next to the link to a dataset's zip. */
export const DATASET_ZIP_LABEL = {
  name: 'Zip met CSV voor Excel',
  hint: (id: string) => `${FORMAT_LABEL.csv.name} en ${FORMAT_LABEL.excel.name} met de beschrijving en een leesmij; voor Excel: open de zip en dubbelklik op ${datasetFileName(id, 'excel')}`,
};

export const CONTENT_TYPE: Record<DownloadFormat | 'datapackage' | 'zip', string> = {
  csv: 'text/csv; charset=utf-8',
  excel: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  datapackage: 'application/json; charset=utf-8',
  zip: 'application/zip',
};

/** "jeugdhulp.csv", "jeugdhulp-excel.csv", "jeugdhulp.json" */
export function datasetFileName(datasetId: string, format: DownloadFormat): string {
  if (format === 'json') return `${datasetId}.json`;
  return `${datasetId}${DIALECTS[FORMAT_DIALECT[format]].suffix}.csv`;
}

/** The format of a file name made by datasetFileName, with its dataset id. */
/** A path of a file written by the downloads (the dev server makes these on request): /downloads/… and a release's revision files. */
export function isDownloadPath(pathname: string): boolean {
  return pathname.startsWith('/downloads/') || /^\/releases\/[^/]+\/herzieningen(\.csv|-excel\.zip)$/.test(pathname);
}

export function parseDatasetFileName(name: string): { datasetId: string; format: DownloadFormat } | undefined {
  const match = /^(.+?)(-excel)?\.(csv|json)$/.exec(name);
  if (!match) return undefined;
  if (match[3] === 'json') return match[2] ? undefined : { datasetId: match[1]!, format: 'json' };
  return { datasetId: match[1]!, format: match[2] ? 'excel' : 'csv' };
}

export const DATAPACKAGE = 'datapackage.json';

/** The one file in a release's revisions zip (downloadPaths.revisionsExcelZip). */
export const REVISIONS_EXCEL_FILE = 'herzieningen-excel.csv';

export const downloadPaths = {
  index: () => '/downloads/',
  dataset: (datasetId: string) => `/downloads/${datasetId}/`,
  datasetFile: (datasetId: string, format: DownloadFormat) => `/downloads/${datasetId}/${datasetFileName(datasetId, format)}`,
  datasetPackage: (datasetId: string) => `/downloads/${datasetId}/${DATAPACKAGE}`,
  /** A whole dataset as CSV and CSV for Excel, with its datapackage.json and a leesmij. */
  datasetZip: (datasetId: string) => `/downloads/${datasetId}/${datasetId}.zip`,
  /** All of a gemeente's figures: per dataset CSV and CSV for Excel, with a datapackage.json and a leesmij. */
  gemeenteZip: (slug: string) => `/downloads/gemeente/${slug}.zip`,
  releaseZip: (releaseId: string) => `/downloads/release-${releaseId}.zip`,
  release: (releaseId: string) => `/releases/${releaseId}/`,
  /** Every revised figure of a release against the one before it, as a CSV to read straight from its address. */
  revisions: (releaseId: string) => `/releases/${releaseId}/herzieningen.csv`,
  /**
   * The same in the CSV for Excel, zipped: a release that revises every figure of a table makes it some 35 MB,
   * which the zip makes a tenth of. Its one entry is REVISIONS_EXCEL_FILE.
   */
  revisionsExcelZip: (releaseId: string) => `/releases/${releaseId}/herzieningen-excel.zip`,
};

export interface FileOptions {
  /** The name of a region in a period (see registerLabel). */
  regionLabel: (code: string, period: string) => string;
  isConverted?: (row: ObservationRow) => boolean;
  /** Period statuses of an earlier release. */
  periods?: ReadonlyArray<{ code: string; status: PeriodStatus }>;
  release: Release | undefined;
  /** "omgerekend naar de gemeentelijke indeling van 2026" or "zoals gepubliceerd (indeling van elk jaar)". */
  indeling: string;
  /** Absolute URL of the datapackage.json that describes the file. */
  description?: string;
}

/** The text of one download file of a dataset (all of it, or one region's rows). */
export function renderDatasetFile(meta: DatasetMeta, rows: readonly ObservationRow[], format: DownloadFormat, options: FileOptions): string {
  return renderWideTable(meta, wideTableOf(meta, rows, options), format, options);
}

/** The wide table of rows, to render it in several formats without building it again. */
export function wideTableOf(meta: DatasetMeta, rows: readonly ObservationRow[], options: FileOptions): WideTable {
  return toWideTable(meta, rows, {
    regionLabel: options.regionLabel,
    ...(options.isConverted ? { isConverted: options.isConverted } : {}),
    ...(options.periods ? { periods: options.periods } : {}),
  });
}

export function renderWideTable(meta: DatasetMeta, table: WideTable, format: DownloadFormat, options: Pick<FileOptions, 'release' | 'indeling' | 'description'>): string {
  if (format !== 'json') return formatCsvRows(csvHeader(meta, format), table.rows, FORMAT_DIALECT[format]);
  return formatDownloadJson(jsonHeader(meta, options), table);
}

/**
 * A table's lines, made once for both CSV dialects. Rows are sorted by region first, so a region's lines are
 * consecutive, and the lines of a few regions, taken in table order, are exactly the file those regions'
 * rows would give on their own: a gemeente's files are cut from the whole dataset's lines instead of being
 * formatted again.
 */
export interface RenderedTable {
  columns: string[];
  lines: TableLines;
  /** Region code → its lines, [start, end), in table order. */
  regions: Map<string, { start: number; end: number }>;
}

const labels = new WeakMap<RegionRegister, (code: string, period: string) => string>();

/**
 * The register's name of a region in a period, as one function per register (renderTableLines keeps tables
 * by it). A wijk is named as in the wijkindeling of the period's year, and marked "(andere indeling dan in
 * 2021)" where the same code stands for another area than in an earlier year: the code alone does not join
 * its rows into one series.
 */
export function registerLabel(register: RegionRegister): (code: string, period: string) => string {
  let label = labels.get(register);
  if (!label) {
    const years = new Map<string, number | undefined>();
    const yearOf = (period: string) => {
      if (!years.has(period)) years.set(period, parsePeriodCode(period)?.year);
      return years.get(period);
    };
    labels.set(
      register,
      (label = (code, period) => {
        const year = regionKind(code) === 'wijk' ? yearOf(period) : undefined;
        return year === undefined ? register.label(code) : register.wijkLabel(code, year);
      }),
    );
  }
  return label;
}

/**
 * The tables of a dataset are rendered one after the other (siteDownloadFiles orders the files so): the
 * last table is kept for the next file that needs it, and the dataset's LineCache for its next table.
 */
let lastTable: { rows: readonly ObservationRow[]; options: FileOptions; table: RenderedTable } | undefined;
let lineCache: LineCache | undefined;

/** The rows as lines; the same rows with the same label function, statuses and converted test give the same table. */
export function renderTableLines(meta: DatasetMeta, rows: readonly ObservationRow[], options: FileOptions): RenderedTable {
  const same = (a: FileOptions, b: FileOptions) => a.regionLabel === b.regionLabel && a.isConverted === b.isConverted && a.periods === b.periods;
  if (lastTable && lastTable.rows === rows && same(lastTable.options, options) && lineCache?.meta === meta) return lastTable.table;
  if (lineCache?.meta !== meta) lineCache = new LineCache(meta);
  const lineOptions = {
    regionLabel: options.regionLabel,
    ...(options.isConverted ? { isConverted: options.isConverted } : {}),
    ...(options.periods ? { periods: options.periods } : {}),
  };
  const lines = tableLines(meta, rows, lineOptions, lineCache);
  const table = { columns: wideColumns(meta), lines, regions: lines.regions };
  lastTable = { rows, options, table };
  return table;
}

/**
 * The last encoding of each format: all files of a table follow each other (siteDownloadFiles orders them
 * so), and the next table of the dataset copies most of its lines from it (see encodeLines).
 */
const lastEncoded: Partial<Record<CsvFormat, EncodedLines>> = {};

/**
 * Two buffers per format, used in turn: a table is encoded into one while the previous table's, in the
 * other, is copied from. Reused, not allocated per table: each large allocation outside the JavaScript heap
 * brings the next full garbage collection closer, and that marks all of the site data (measured: a table's
 * encoding took 50 ms, or 300 ms with the collection its new buffer set off).
 */
const scratch: Record<CsvFormat, Array<Uint8Array | undefined>> = { csv: [], excel: [] };

function scratchBytes(format: CsvFormat, busy: Uint8Array | undefined, atLeast: number): Uint8Array {
  const slots = scratch[format];
  const slot = busy && slots[0] && slots[0].buffer === busy.buffer ? 1 : 0;
  let buffer = slots[slot];
  if (!buffer || buffer.length < atLeast) slots[slot] = buffer = new Uint8Array(Math.ceil(atLeast * 1.25));
  return buffer;
}

/**
 * A table's lines in one format. The bytes are valid until the format's next table but one is encoded:
 * write or copy them before rendering further (the build writes each file and zip entry as it is made).
 */
function encodedLines(table: RenderedTable, format: CsvFormat): EncodedLines {
  const last = lastEncoded[format];
  if (last?.table === table.lines) return last;
  return (lastEncoded[format] = encodeLines(table.lines, format, last, (size) => scratchBytes(format, last?.bytes, size)));
}

const encoder = new TextEncoder();

/**
 * One file of a rendered table, all of it or the lines of some regions (in table order), as UTF-8 bytes in
 * parts to be written one after the other: the header line, then slices of the table's encoded lines.
 */
export function renderedFileBytes(
  meta: DatasetMeta,
  table: RenderedTable,
  format: CsvFormat,
  regions?: readonly string[],
): Uint8Array[] {
  const { bytes, regions: ranges } = encodedLines(table, format);
  const body: Uint8Array[] = [];
  if (!regions) body.push(bytes);
  else {
    for (const code of regions) {
      const range = ranges.get(code);
      if (range) body.push(bytes.subarray(range.start, range.end));
    }
  }
  const dialect = FORMAT_DIALECT[format];
  return [encoder.encode(`${DIALECTS[dialect].bom ? '\ufeff' : ''}${new CsvLineWriter(dialect).line(csvHeader(meta, format))}\r\n`), ...body];
}

/** The same file as text (for the dev server and tests). */
export function renderedFile(
  meta: DatasetMeta,
  table: RenderedTable,
  format: CsvFormat,
  regions?: readonly string[],
): string {
  return bytesToText(renderedFileBytes(meta, table, format, regions));
}

/** UTF-8 parts as one text, the Excel dialect's byte-order mark kept. */
export function bytesToText(parts: readonly Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return parts.map((p, i) => decoder.decode(p, { stream: i < parts.length - 1 })).join('');
}

/**
 * The header line of a wide CSV download: the machine names (wideColumns) in the comma dialect, the Dutch
 * labels with units (wideColumnLabels) in the Excel dialect.
 */
export function csvHeader(meta: DatasetMeta, format: CsvFormat): string[] {
  return format === 'excel' ? wideColumnLabels(meta) : wideColumns(meta);
}

export function jsonHeader(meta: DatasetMeta, options: Pick<FileOptions, 'release' | 'indeling' | 'description'>): JsonHeader {
  return {
    dataset: meta.id,
    titel: meta.title,
    bron: meta.attribution,
    ...(meta.source.table ? { cbsTabel: meta.source.table } : {}),
    // What the table page says under "Opmerking" beside the table number (e.g. that it was not checked for every year).
    ...(meta.source.note ? { bronOpmerking: meta.source.note } : {}),
    licentie: { naam: meta.licence.name, url: meta.licence.url },
    ...(meta.fictitious ? { fictief: true } : {}),
    ...(options.release ? { publicatie: { id: options.release.id, datum: options.release.date, titel: options.release.title } } : {}),
    indeling: options.indeling,
    ...(options.description ? { beschrijving: options.description } : {}),
  };
}

export function indelingText(indeling: number | undefined): string {
  return indeling === undefined
    ? 'zoals gepubliceerd: de gemeenten van elke periode op de indeling van dat jaar'
    : `omgerekend naar de gemeentelijke indeling van ${indeling} (kolom omgerekend)`;
}
