/**
 * The lines of a wide download (see wide.ts) in both CSV dialects, for the files of whole datasets: the
 * build writes each dataset on the latest indeling, as published, and as every earlier release published
 * it, some 1,5 million lines per format. A line is a head (region, period and the period's status), one per
 * region, period and status and shared by all tables of a dataset (LineCache), and a tail (categories,
 * cells, whether converted). A table is encoded to UTF-8 once per format (encodeLines), and the tables of a
 * dataset mostly hold the same rows: a line whose row (the same cells, kept when a row is carried into the
 * latest indeling or an earlier release) and head equal a line of the previous table is copied from that
 * table's bytes, a run of lines at a time; only the other lines are formatted. A file is then a few slices
 * of those bytes: a gemeente's file is its regions' bytes between a header and a footer. The text is byte
 * for byte that of toWideTable with the CSV writer (tests/downloads/wide.test.ts compares them). A selection's
 * JSON is small and made by the JSON writer itself (wide.ts).
 * Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, periodLabel, STATUS_LABEL } from '../data/periods';
import { CsvLineWriter } from './csv';
import { sortRowsForDownload, type WideOptions } from './wide';

export type LineFormat = 'csv' | 'excel';
/** The index of a format in a head's texts. */
export const FORMAT_INDEX: Record<LineFormat, 0 | 1> = { csv: 0, excel: 1 };
const SEPARATOR = [',', ';'] as const;

type PerFormat = readonly [csv: string, excel: string];

/** The head of a line in each format (an object of its own, so that equal heads are the same object). */
export interface Part {
  readonly text: PerFormat;
}

const encoder = new TextEncoder();

/** How each format writes a text: quoted where its writer quotes it. */
function textWriters(): Array<(value: string) => string> {
  const csv = new CsvLineWriter('rfc4180');
  const excel = new CsvLineWriter('excel-nl');
  return [(v) => csv.line([v]), (v) => excel.line([v])];
}

/** Two texts with a separator, as one flat string: a kept part must not be a rope of pieces that every line using it walks again. */
function flat(a: string, separator: string, b: string): string {
  return [a, b].join(separator);
}

/** A value made once per key. */
function cached<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = make(key)));
    return value;
  };
}

/** The parts of one dataset's lines that recur: fields, categories, numbers and heads. */
export class LineCache {
  private readonly text = textWriters();
  private readonly topicPart: Array<(code: string) => PerFormat>;
  /** Heads by region label function, region, period and status: the same head in every table, so lines can be matched. */
  private readonly heads = new Map<WideOptions['regionLabel'], Map<string, Map<string, Map<string, Part>>>>();
  /** A number as each format writes it (many values recur: counts rounded to 5, rates with one decimal). */
  private readonly numbers = new Map<number, PerFormat>();

  /** A text as one field in each format (quoted where the format quotes it). */
  readonly field = cached((value: string): PerFormat => [this.text[0]!(value), this.text[1]!(value)]);

  constructor(readonly meta: DatasetMeta) {
    const topicLabels = meta.dimensions.map((d) => new Map(d.codes.map((c) => [c.code, c.label])));
    this.topicPart = meta.dimensions.map((_, j) => cached((code: string) => this.pair(code, topicLabels[j]!.get(code) ?? code)));
  }

  /** Two fields, each written as its format writes a text. */
  pair(a: string, b: string): PerFormat {
    const [x, y] = [this.field(a), this.field(b)];
    return [flat(x[0], ',', y[0]), flat(x[1], ';', y[1])];
  }

  /** The heads of a region's lines, by period and the period's status. */
  headsOf(region: string, regionLabel: WideOptions['regionLabel']): Map<string, Map<string, Part>> {
    let byRegion = this.heads.get(regionLabel);
    if (!byRegion) this.heads.set(regionLabel, (byRegion = new Map()));
    let own = byRegion.get(region);
    if (!own) byRegion.set(region, (own = new Map()));
    return own;
  }

  head(region: PerFormat, periods: Map<string, Part>, period: string, status: string): Part {
    let head = periods.get(status);
    if (!head) {
      const parsed = parsePeriodCode(period);
      const [label, shown] = [this.pair(period, parsed ? periodLabel(parsed) : period), this.field(status)];
      const p = [flat(label[0], ',', shown[0]), flat(label[1], ';', shown[1])];
      periods.set(status, (head = { text: [flat(region[0], ',', p[0]!), flat(region[1], ';', p[1]!)] }));
    }
    return head;
  }

  private number(value: number): PerFormat {
    let out = this.numbers.get(value);
    if (out === undefined) {
      const text = String(value);
      out = [text, text.includes('.') ? text.replace('.', ',') : text];
      this.numbers.set(value, out);
    }
    return out;
  }

  /**
   * The categories, each measure's value and symbol, and whether converted, in one format, of a line that
   * is not copied from the previous table. Made for the line and dropped once it is encoded: kept strings
   * would be copied and marked by the garbage collector for as long as their table lives.
   */
  tail(row: ObservationRow, converted: boolean, f: 0 | 1): string {
    const separator = SEPARATOR[f];
    let text = '';
    for (let j = 0; j < this.topicPart.length; j++) text += this.topicPart[j]!(row.topics[j] ?? '')[f] + separator;
    for (let m = 0; m < this.meta.measures.length; m++) {
      const cell = row.cells[m];
      const symbol = this.field(cell ? (cell.symbol ?? '') : '.')[f];
      const value = cell?.value ?? null;
      text += (value === null ? '' : this.number(value)[f]) + separator + symbol + separator;
    }
    return text + this.field(converted ? 'ja' : 'nee')[f];
  }
}

export interface TableLines {
  /** The cache the heads come from: tables of one cache share their heads. */
  cache: LineCache;
  /** The rows in table order, and whether each is converted. */
  rows: ObservationRow[];
  converted: Uint8Array;
  /** The head of every line. */
  heads: Part[];
  /** Region code → its lines, [start, end), in table order. */
  regions: Map<string, { start: number; end: number }>;
}

/** The lines of rows; pass the dataset's LineCache so its tables share heads (and lines can be matched). */
export function tableLines(meta: DatasetMeta, rows: readonly ObservationRow[], options: WideOptions, cache = new LineCache(meta)): TableLines {
  if (cache.meta !== meta) throw new Error(`LineCache van ${cache.meta.id} gebruikt voor ${meta.id}`);
  const statuses = new Map((options.periods ?? meta.periods).map((p) => [p.code, STATUS_LABEL[p.status]]));
  const sorted = sortRowsForDownload(meta, rows);
  const out: TableLines = { cache, rows: sorted, converted: new Uint8Array(sorted.length), heads: new Array(sorted.length), regions: new Map() };
  let block: { start: number; end: number } | undefined;
  // The head of a line: region, its name, period, its name and status; one per region, period and status.
  // The name is the region's name in that period (a wijk's name can change from one year to the next).
  let region: PerFormat | undefined;
  let headsOfRegion: Map<string, Map<string, Part>> | undefined;
  let periods: Map<string, Part> | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    // Rows are sorted by region first, then period, so a region's rows are one block, and so are its period's.
    const newRegion = i === 0 || row.region !== sorted[i - 1]!.region;
    if (newRegion) {
      headsOfRegion = cache.headsOf(row.region, options.regionLabel);
      out.regions.set(row.region, (block = { start: i, end: i }));
    }
    if (newRegion || row.period !== sorted[i - 1]!.period) {
      periods = headsOfRegion!.get(row.period);
      if (!periods) headsOfRegion!.set(row.period, (periods = new Map()));
      region = undefined;
    }
    let head = periods!.get(statuses.get(row.period) ?? STATUS_LABEL.definitief);
    if (!head) {
      region ??= cache.pair(row.region, options.regionLabel(row.region, row.period));
      head = cache.head(region, periods!, row.period, statuses.get(row.period) ?? STATUS_LABEL.definitief);
    }
    out.heads[i] = head;
    if (options.isConverted?.(row)) out.converted[i] = 1;
    block!.end = i + 1;
  }
  return out;
}

/** What each dialect writes between a line's head and tail, and after it (CSV ends every line with CRLF). */
const FRAME = [
  { between: ',', after: '\r\n' },
  { between: ';', after: '\r\n' },
] as const;

/** A table's lines in one format as UTF-8: every line with what follows it (see FRAME), and each region's byte range. */
export interface EncodedLines {
  table: TableLines;
  bytes: Uint8Array;
  regions: Map<string, { start: number; end: number }>;
  /** Where each line starts, and after the last one where the bytes end. */
  offsets: Float64Array;
}

/**
 * For each line of a table, the line of the previous table with the same bytes, or -1: the same cells and
 * categories (a row keeps its arrays when it is carried into the latest indeling or an earlier release, and
 * they are never changed), the same converted flag and the same head.
 */
const matchesByTable = new WeakMap<TableLines, WeakMap<TableLines, Int32Array>>();

function matchesOf(table: TableLines, previous: TableLines): Int32Array {
  // Weak both ways: a table must not keep the tables before it alive.
  let byPrevious = matchesByTable.get(table);
  if (!byPrevious) matchesByTable.set(table, (byPrevious = new WeakMap()));
  const known = byPrevious.get(previous);
  if (known) return known;
  const index = new Map<object, number>();
  for (let p = 0; p < previous.rows.length; p++) index.set(previous.rows[p]!.cells, p);
  const match = new Int32Array(table.rows.length);
  for (let i = 0; i < match.length; i++) {
    const row = table.rows[i]!;
    const p = index.get(row.cells);
    match[i] =
      p !== undefined && previous.rows[p]!.topics === row.topics && previous.converted[p] === table.converted[i] && previous.heads[p] === table.heads[i] ? p : -1;
  }
  byPrevious.set(previous, match);
  return match;
}

/**
 * Encodes a table's lines in one format: with the previous table's encoding (of the same dataset), a run of
 * lines equal to a run there is copied from its bytes; the other lines are formatted and encoded one by one.
 * `allocate` gives a buffer of at least the size asked (it may be a reused one; all bytes used are written).
 */
export function encodeLines(
  table: TableLines,
  format: LineFormat,
  previous?: EncodedLines,
  allocate: (atLeast: number) => Uint8Array = (atLeast) => new Uint8Array(atLeast),
): EncodedLines {
  const f = FORMAT_INDEX[format];
  const { between, after } = FRAME[f];
  const { heads, rows, converted, cache } = table;
  const count = rows.length;
  // Another dataset's tables share no rows with this one.
  const old = previous && previous.table !== table && previous.table.cache === cache ? previous : undefined;
  const match = old ? matchesOf(table, old.table) : new Int32Array(count).fill(-1);
  const offsets = new Float64Array(count + 1);
  // Room for about as many bytes a line as the previous table had; grown when that is too little.
  const perLine = old && old.table.rows.length > 0 ? old.bytes.length / old.table.rows.length : 200;
  let bytes = allocate(Math.ceil(perLine * count * 1.05) + 65_536);
  let at = 0;
  const room = (needed: number) => {
    if (bytes.length - at >= needed) return;
    const grown = allocate(Math.ceil(Math.max(at + needed, bytes.length * 1.5)));
    if (grown.buffer !== bytes.buffer) grown.set(bytes.subarray(0, at));
    bytes = grown;
  };
  let i = 0;
  while (i < count) {
    const p = match[i]!;
    if (p < 0) {
      const line = heads[i]!.text[f] + between + cache.tail(rows[i]!, converted[i] === 1, f) + after;
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      room(line.length * 3);
      offsets[i] = at;
      at += encoder.encodeInto(line, bytes.subarray(at)).written;
      i++;
      continue;
    }
    let n = 1;
    while (i + n < count && match[i + n] === p + n) n++;
    const start = old!.offsets[p]!;
    const end = old!.offsets[p + n]!;
    room(end - start);
    bytes.set(old!.bytes.subarray(start, end), at);
    for (let k = 0; k < n; k++) offsets[i + k] = at + (old!.offsets[p + k]! - start);
    at += end - start;
    i += n;
  }
  offsets[count] = at;
  const regions = new Map<string, { start: number; end: number }>();
  for (const [region, { start, end }] of table.regions) regions.set(region, { start: offsets[start]!, end: offsets[end]! });
  return { table, bytes: bytes.subarray(0, at), regions, offsets };
}
