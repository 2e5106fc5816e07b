/**
 * The "wide" form of a whole dataset's download: one line per region, period and category, with a column
 * per measure and beside it a `<measure>_teken` column for the CBS symbol, as StatLine lays out its tables.
 * A whole dataset in the long form of records.ts (one line per cell) is about seven times as many lines;
 * the wide form keeps a full download readable in Excel. Codes sit beside labels; the period's status and
 * whether a row was converted to the latest indeling (omgerekend) have columns of their own. Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { comparePeriods, parsePeriodCode, periodLabel, STATUS_LABEL, type PeriodStatus } from '../data/periods';
import { regionKind } from '../regions/codes';
import { labelWithUnit } from '../format/text';

export type WideValue = string | number | null;
export type WideRecord = Record<string, WideValue>;

export interface WideOptions {
  /** The name of a region in a period: a wijk is named as in that year's wijkindeling (names change). */
  regionLabel: (code: string, period: string) => string;
  /** Whether a row was converted to another indeling (rows of a converted dataset carry `converted`). */
  isConverted?: (row: ObservationRow) => boolean;
  /** The statuses of the periods, when they differ from `meta.periods` (an earlier release). */
  periods?: ReadonlyArray<{ code: string; status: PeriodStatus }>;
}

export const SYMBOL_SUFFIX = '_teken';

/** The column names of a dataset's wide download, in order. */
export function wideColumns(meta: DatasetMeta): string[] {
  return [
    'regio_code', 'regio', 'perioden_code', 'perioden', 'status',
    ...meta.dimensions.flatMap((d) => [`${d.id}_code`, d.id]),
    ...meta.measures.flatMap((m) => [m.id, `${m.id}${SYMBOL_SUFFIX}`]),
    'omgerekend',
  ];
}

/**
 * The column labels of the Excel dialect, in the order of wideColumns: Dutch, with the unit of each figure,
 * as StatLine's own CSV has them ("Jongeren met jeugdhulp (aantal)"), for a reader who opens the file in
 * Excel. The comma dialect keeps the machine names (wideColumns) for scripts; the codebook (datapackage.json)
 * gives both names of every column. Unique within a file: a label that would repeat one before it gets its
 * machine name added.
 */
export function wideColumnLabels(meta: DatasetMeta): string[] {
  // Asked for every Excel file the build writes (some 2.600 per build), of a few tables.
  let labels = columnLabels.get(meta);
  if (!labels) columnLabels.set(meta, (labels = makeColumnLabels(meta)));
  return labels;
}

const columnLabels = new WeakMap<DatasetMeta, string[]>();

function makeColumnLabels(meta: DatasetMeta): string[] {
  const labels: string[] = ['Regiocode', "Regio's", 'Periodecode', 'Perioden', 'Status'];
  for (const d of meta.dimensions) labels.push(`${d.label} (code)`, d.label);
  for (const m of meta.measures) {
    const label = labelWithUnit(m.label, m.unit);
    labels.push(label, `${label}: teken`);
  }
  labels.push('Omgerekend (ja/nee)');
  const columns = wideColumns(meta);
  const seen = new Set<string>();
  return labels.map((label, i) => {
    const unique = seen.has(label) ? `${label} [${columns[i]}]` : label;
    seen.add(unique);
    return unique;
  });
}

/**
 * Reads a wide download in the Excel dialect back to records keyed by the machine names, as the codebook
 * maps the columns (for tests and readers' scripts that take either file). Pass the text's parsed records.
 */
export function machineNamedRecords(meta: DatasetMeta, excelRecords: ReadonlyArray<Record<string, WideValue>>): WideRecord[] {
  const columns = wideColumns(meta);
  const names = new Map(wideColumnLabels(meta).map((label, i) => [label, columns[i]!]));
  return excelRecords.map((record) => Object.fromEntries(Object.entries(record).map(([label, value]) => [names.get(label) ?? label, value])));
}

/** The Excel labels of the columns that hold numbers (to parse an Excel download's numbers). */
export function wideNumericLabels(meta: DatasetMeta): string[] {
  const labels = wideColumnLabels(meta);
  const columns = wideColumns(meta);
  return wideNumericColumns(meta).map((name) => labels[columns.indexOf(name)]!);
}

/** The columns that hold numbers. */
export function wideNumericColumns(meta: DatasetMeta): string[] {
  return meta.measures.map((m) => m.id);
}

const KIND_ORDER = ['land', 'provincie', 'jeugdregio', 'gemeente', 'wijk'];

/** Rows in reading order: Nederland, provincies, jeugdregio's, gemeenten, wijken; then period and category. */
export function sortRowsForDownload(meta: DatasetMeta, rows: readonly ObservationRow[]): ObservationRow[] {
  const codeOrder = meta.dimensions.map((d) => new Map(d.codes.map((c, i) => [c.code, i])));
  const periods = new Set<string>();
  const regions = new Set<string>();
  for (const row of rows) {
    periods.add(row.period);
    regions.add(row.region);
  }
  const periodOrder = new Map(
    [...periods]
      .map((code) => ({ code, period: parsePeriodCode(code) }))
      .sort((a, b) => (a.period && b.period ? comparePeriods(a.period, b.period) : a.code.localeCompare(b.code)))
      .map((p, i) => [p.code, i]),
  );
  // Sort keys are computed once per row: a whole dataset has some 150.000 rows.
  const regionOrder = new Map(
    [...regions]
      .sort((a, b) => KIND_ORDER.indexOf(regionKind(a) ?? 'wijk') - KIND_ORDER.indexOf(regionKind(b) ?? 'wijk') || (a < b ? -1 : a > b ? 1 : 0))
      .map((code, i) => [code, i]),
  );
  // Each row's place as one number: the orders in mixed radix, times the row count, plus the row's index, so
  // a plain numeric sort of a Float64Array gives the order of a stable sort by (region, period, categories).
  const orders = [regionOrder, periodOrder, ...codeOrder];
  const radix = orders.map((o) => Math.max(1, o.size));
  if (radix.reduce((a, b) => a * b, rows.length) >= Number.MAX_SAFE_INTEGER) return sortByKeys(rows, regionOrder, periodOrder, codeOrder);
  const packed = new Float64Array(rows.length);
  const span = categorySpan(radix);
  // Rows mostly come grouped by region and period (and share their categories array), so the last lookups
  // are kept and a row repeats them only where they change.
  let region: string | undefined;
  let period: string | undefined;
  let topics: readonly string[] | undefined;
  let head = 0;
  let categories = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.region !== region || row.period !== period) {
      region = row.region;
      period = row.period;
      head = regionOrder.get(region)! * radix[1]! + periodOrder.get(period)!;
    }
    if (row.topics !== topics) {
      topics = row.topics;
      categories = 0;
      for (let j = 0; j < codeOrder.length; j++) categories = categories * radix[j + 2]! + (codeOrder[j]!.get(topics[j] ?? '') ?? 0);
    }
    // head · (product of the category radices) + categories, as the mixed-radix number of all the orders.
    packed[i] = (head * span + categories) * rows.length + i;
  }
  packed.sort();
  const out = new Array<ObservationRow>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[packed[i]! % rows.length]!;
  return out;
}

/** The product of the category dimensions' radices (1 without dimensions). */
function categorySpan(radix: readonly number[]): number {
  let span = 1;
  for (let j = 2; j < radix.length; j++) span *= radix[j]!;
  return span;
}

/** The same order by a key array per row, for a table too large for one number per row. */
function sortByKeys(rows: readonly ObservationRow[], regionOrder: Map<string, number>, periodOrder: Map<string, number>, codeOrder: Array<Map<string, number>>): ObservationRow[] {
  const keyed = rows.map((row) => ({
    row,
    key: [regionOrder.get(row.region)!, periodOrder.get(row.period)!, ...codeOrder.map((order, j) => order.get(row.topics[j] ?? '') ?? 0)],
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = a.key[i]! - b.key[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  return keyed.map((k) => k.row);
}

/** A dataset's download as columns and rows of values in column order. */
export interface WideTable {
  columns: string[];
  rows: WideValue[][];
}

export function toWideTable(meta: DatasetMeta, rows: readonly ObservationRow[], options: WideOptions): WideTable {
  const statuses = new Map((options.periods ?? meta.periods).map((p) => [p.code, STATUS_LABEL[p.status]]));
  const topicLabels = meta.dimensions.map((d) => new Map(d.codes.map((c) => [c.code, c.label])));
  const periodLabels = new Map<string, string>();
  const regionLabels = new Map<string, string>();
  const out = sortRowsForDownload(meta, rows).map((row) => {
    let period = periodLabels.get(row.period);
    if (period === undefined) {
      const parsed = parsePeriodCode(row.period);
      periodLabels.set(row.period, (period = parsed ? periodLabel(parsed) : row.period));
    }
    const regionKey = `${row.region}|${row.period}`;
    let region = regionLabels.get(regionKey);
    if (region === undefined) regionLabels.set(regionKey, (region = options.regionLabel(row.region, row.period)));
    const values: WideValue[] = [row.region, region, row.period, period, statuses.get(row.period) ?? STATUS_LABEL.definitief];
    for (let j = 0; j < meta.dimensions.length; j++) {
      const code = row.topics[j] ?? '';
      values.push(code, topicLabels[j]!.get(code) ?? code);
    }
    for (let i = 0; i < meta.measures.length; i++) {
      const cell = row.cells[i];
      values.push(cell?.value ?? null, cell ? (cell.symbol ?? '') : '.');
    }
    values.push(options.isConverted?.(row) ? 'ja' : 'nee');
    return values;
  });
  return { columns: wideColumns(meta), rows: out };
}

/** The same as records keyed by column name (for tests and small files). */
export function toWideRecords(meta: DatasetMeta, rows: readonly ObservationRow[], options: WideOptions): WideRecord[] {
  const table = toWideTable(meta, rows, options);
  return table.rows.map((values) => Object.fromEntries(table.columns.map((c, i) => [c, values[i] ?? null])));
}

/** Metadata at the head of a JSON download, so the file explains itself. */
export interface JsonHeader {
  dataset: string;
  titel: string;
  bron: string;
  cbsTabel?: string;
  /** The source's note, as the table page shows it beside the table number. */
  bronOpmerking?: string;
  licentie: { naam: string; url: string };
  fictief?: boolean;
  publicatie?: { id: string; datum: string; titel: string };
  indeling: string;
  /** Where the full description (datapackage.json) is. */
  beschrijving?: string;
}

/**
 * A JSON download: the header, the column names, and the rows as arrays in column order (numbers as
 * numbers, a missing value as null). Arrays rather than objects keep a whole dataset small; in pandas:
 * `pd.DataFrame(doc["rijen"], columns=doc["kolommen"])`.
 */
export function formatDownloadJson(header: JsonHeader, table: WideTable): string {
  return jsonFileText(header, table.columns, table.rows.map(jsonLine));
}

/** One row of a JSON download. */
export function jsonLine(values: readonly WideValue[]): string {
  return JSON.stringify(values);
}

/** A JSON download from its header, columns and rows already written as lines by {@link jsonLine}. */
export function jsonFileText(header: JsonHeader, columns: readonly string[], lines: readonly string[]): string {
  const head = JSON.stringify({ ...header, kolommen: columns });
  return `${head.slice(0, -1)},"rijen":[\n${lines.join(',\n')}\n]}\n`;
}

/** Reads a JSON download back into records (for tests and the round trip). */
export function parseDownloadJson(text: string): { header: Record<string, unknown>; records: WideRecord[] } {
  const doc = JSON.parse(text) as { kolommen: string[]; rijen: WideValue[][] } & Record<string, unknown>;
  const { kolommen, rijen, ...header } = doc;
  return { header, records: rijen.map((row) => Object.fromEntries(kolommen.map((c, i) => [c, row[i] ?? null]))) };
}
