/**
 * The lines of a wide download (see wide.ts) in all three formats, for the files of whole datasets: the
 * build writes each dataset on the latest indeling, as published, and as every earlier release published
 * it, some 1,5 million lines per format. A line is a head (region, period and the period's status), one per
 * region, period and status and shared by all tables of a dataset (LineCache), and a tail (categories,
 * cells, whether converted). A table is encoded to UTF-8 once per format (encodeLines), and the tables of a
 * dataset mostly hold the same rows: a line whose row (the same cells, kept when a row is carried into the
 * latest indeling or an earlier release) and head equal a line of the previous table is copied from that
 * table's bytes, a run of lines at a time; only the other lines are formatted. A file is then a few slices
 * of those bytes: a gemeente's file is its regions' bytes between a header and a footer. The text is byte
 * for byte that of toWideTable with the CSV and JSON writers (tests/downloads/wide.test.ts compares them).
 * Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, periodLabel, STATUS_LABEL } from '../data/periods';
import { CsvLineWriter } from './csv';
import { sortRowsForDownload, type WideOptions } from './wide';

export type LineFormat = 'csv' | 'excel' | 'json';
/** The index of a format in a part's texts and byte lengths. */
export const FORMAT_INDEX: Record<LineFormat, 0 | 1 | 2> = { csv: 0, excel: 1, json: 2 };

type PerFormat = readonly [csv: string, excel: string, json: string];

/** A head or tail of a line in each format, with its length in UTF-8 bytes (a file's size is known before it is encoded). */
export interface Part {
  readonly text: PerFormat;
  readonly bytes: readonly [number, number, number];
}

const encoder = new TextEncoder();

/** UTF-8 length of a string: its length when it is ASCII, which nearly every part is. */
function utf8Length(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

function part(csv: string, excel: string, json: string): Part {
  return { text: [csv, excel, json], bytes: [utf8Length(csv), utf8Length(excel), utf8Length(json)] };
}

/** How each format writes a text: quoted where its writer quotes it. */
function textWriters(): Array<(value: string) => string> {
  const csv = new CsvLineWriter('rfc4180');
  const excel = new CsvLineWriter('excel-nl');
  return [(v) => csv.line([v]), (v) => excel.line([v]), (v) => JSON.stringify(v)];
}

/** Two texts with a separator, as one flat string (a kept part must not be a rope; see makeTail). */
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
  private readonly heads = new Map<(code: string) => string, Map<string, Map<string, Map<string, Part>>>>();
  /** A number as each format writes it (many values recur: counts rounded to 5, rates with one decimal). */
  private readonly numbers = new Map<number, PerFormat>();

  /** A text as one field in each format (quoted where the format quotes it). */
  readonly field = cached((value: string): PerFormat => [this.text[0]!(value), this.text[1]!(value), this.text[2]!(value)]);

  constructor(readonly meta: DatasetMeta) {
    const topicLabels = meta.dimensions.map((d) => new Map(d.codes.map((c) => [c.code, c.label])));
    this.topicPart = meta.dimensions.map((_, j) => cached((code: string) => this.pair(code, topicLabels[j]!.get(code) ?? code)));
  }

  /** Two fields, each written as its format writes a text. */
  pair(a: string, b: string): PerFormat {
    const [x, y] = [this.field(a), this.field(b)];
    return [flat(x[0], ',', y[0]), flat(x[1], ';', y[1]), flat(x[2], ',', y[2])];
  }

  /** The heads of a region's lines, by period and the period's status. */
  headsOf(region: string, regionLabel: (code: string) => string): Map<string, Map<string, Part>> {
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
      const p = [flat(label[0], ',', shown[0]), flat(label[1], ';', shown[1]), flat(label[2], ',', shown[2])];
      periods.set(status, (head = part(flat(region[0], ',', p[0]!), flat(region[1], ';', p[1]!), flat(region[2], ',', p[2]!))));
    }
    return head;
  }

  private number(value: number): PerFormat {
    let out = this.numbers.get(value);
    if (out === undefined) {
      const text = String(value);
      // JSON.stringify writes a finite number as String does, and anything else as null.
      out = [text, text.includes('.') ? text.replace('.', ',') : text, Number.isFinite(value) ? text : 'null'];
      this.numbers.set(value, out);
    }
    return out;
  }

  /**
   * The categories, each measure's value and symbol, and whether converted, of a line that is not copied
   * from the previous table. Joined from arrays rather than with +=: join gives a flat string, where += gives a rope of some 20
   * pieces that every table's encoding would walk again and the garbage collector would copy and mark.
   */
  tail(row: ObservationRow, converted: boolean): Part {
    const csv: string[] = [];
    const excel: string[] = [];
    const json: string[] = [];
    for (let j = 0; j < this.topicPart.length; j++) {
      const topic = this.topicPart[j]!(row.topics[j] ?? '');
      csv.push(topic[0]);
      excel.push(topic[1]);
      json.push(topic[2]);
    }
    for (let m = 0; m < this.meta.measures.length; m++) {
      const cell = row.cells[m];
      const symbol = this.field(cell ? (cell.symbol ?? '') : '.');
      const value = cell?.value ?? null;
      if (value === null) {
        csv.push('', symbol[0]);
        excel.push('', symbol[1]);
        json.push('null', symbol[2]);
      } else {
        const text = this.number(value);
        csv.push(text[0], symbol[0]);
        excel.push(text[1], symbol[1]);
        json.push(text[2], symbol[2]);
      }
    }
    const flag = this.field(converted ? 'ja' : 'nee');
    csv.push(flag[0]);
    excel.push(flag[1]);
    json.push(flag[2]);
    return part(csv.join(','), excel.join(';'), json.join(','));
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
  /** Tails made for encoding, by line: only for lines not copied from the previous table. */
  tails: Array<Part | undefined>;
  /** Region code → its lines, [start, end), in table order. */
  regions: Map<string, { start: number; end: number }>;
}

/** The lines of rows; pass the dataset's LineCache so its tables share heads (and lines can be matched). */
export function tableLines(meta: DatasetMeta, rows: readonly ObservationRow[], options: WideOptions, cache = new LineCache(meta)): TableLines {
  if (cache.meta !== meta) throw new Error(`LineCache van ${cache.meta.id} gebruikt voor ${meta.id}`);
  const statuses = new Map((options.periods ?? meta.periods).map((p) => [p.code, STATUS_LABEL[p.status]]));
  const sorted = sortRowsForDownload(meta, rows);
  const out: TableLines = { cache, rows: sorted, converted: new Uint8Array(sorted.length), heads: new Array(sorted.length), tails: [], regions: new Map() };
  let block: { start: number; end: number } | undefined;
  // The head of a line: region, its name, period, its name and status; one per region, period and status.
  let region: PerFormat | undefined;
  let headsOfRegion: Map<string, Map<string, Part>> | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    // Rows are sorted by region first, so a region's rows are one block.
    if (i === 0 || row.region !== sorted[i - 1]!.region) {
      region = cache.pair(row.region, options.regionLabel(row.region));
      headsOfRegion = cache.headsOf(row.region, options.regionLabel);
      out.regions.set(row.region, (block = { start: i, end: i }));
    }
    let periods = headsOfRegion!.get(row.period);
    if (!periods) headsOfRegion!.set(row.period, (periods = new Map()));
    out.heads[i] = cache.head(region!, periods, row.period, statuses.get(row.period) ?? STATUS_LABEL.definitief);
    if (options.isConverted?.(row)) out.converted[i] = 1;
    block!.end = i + 1;
  }
  return out;
}

/**
 * What each format writes around a line's head and tail, and after it: CSV ends every line with CRLF, JSON
 * writes a line as an array and every line is followed by ",\n" (the file drops the last one).
 */
const FRAME = [
  { before: '', between: ',', after: '\r\n' },
  { before: '', between: ';', after: '\r\n' },
  { before: '[', between: ',', after: '],\n' },
] as const;

/** The bytes JSON writes after each line that the last line of a file does not have. */
export const JSON_LINE_END = 2;

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
 * lines equal to a run there is copied from its bytes; the other lines are joined into a string and encoded
 * into their place.
 */
export function encodeLines(
  table: TableLines,
  format: LineFormat,
  previous?: EncodedLines,
  allocate: (size: number) => Uint8Array = (size) => new Uint8Array(size),
): EncodedLines {
  const f = FORMAT_INDEX[format];
  const { before, between, after } = FRAME[f];
  const frame = before.length + between.length + after.length;
  const { heads, tails, rows, converted, cache } = table;
  const count = heads.length;
  // Another dataset's tables share no rows with this one.
  const old = previous && previous.table !== table && previous.table.cache === cache ? previous : undefined;
  const match = old ? matchesOf(table, old.table) : new Int32Array(count).fill(-1);
  const offsets = new Float64Array(count + 1);
  let size = 0;
  for (let i = 0; i < count; i++) {
    offsets[i] = size;
    const p = match[i]!;
    size += p >= 0 ? old!.offsets[p + 1]! - old!.offsets[p]! : heads[i]!.bytes[f] + (tails[i] ??= cache.tail(rows[i]!, converted[i] === 1)).bytes[f] + frame;
  }
  offsets[count] = size;
  // Every byte is written below (copied or encoded), so a reused buffer needs no clearing.
  const bytes = allocate(size);
  if (bytes.length !== size) throw new Error(`regels: buffer van ${bytes.length} bytes voor ${size}`);
  const regions = new Map<string, { start: number; end: number }>();
  for (const [region, { start, end }] of table.regions) regions.set(region, { start: offsets[start]!, end: offsets[end]! });

  // Lines [from, to) not found in the previous table, written as one string.
  const write = (from: number, to: number) => {
    if (from === to) return;
    let text = '';
    for (let k = from; k < to; k++) text += before + heads[k]!.text[f] + between + tails[k]!.text[f] + after;
    const { written } = encoder.encodeInto(text, bytes.subarray(offsets[from], offsets[to]));
    if (written !== offsets[to]! - offsets[from]!) throw new Error(`regels: ${written} bytes geschreven, ${offsets[to]! - offsets[from]!} verwacht`);
  };
  let from = 0;
  let i = 0;
  while (i < count) {
    const p = match[i]!;
    if (p < 0) {
      i++;
      // A long stretch of new lines is written in parts, so its string stays small.
      if (i - from >= 512) write(from, (from = i));
      continue;
    }
    let n = 1;
    while (i + n < count && match[i + n] === p + n) n++;
    write(from, i);
    bytes.set(old!.bytes.subarray(old!.offsets[p]!, old!.offsets[p + n]!), offsets[i]!);
    i += n;
    from = i;
  }
  write(from, count);
  return { table, bytes, regions, offsets };
}
