/**
 * The lines of a wide download (see wide.ts) in all three formats at once, for the files of whole datasets:
 * the build writes each dataset on the latest indeling, as published, and as every earlier release published
 * it, some 2 million rows in all. Each line is joined from parts made once: the head (region, period and
 * the period's status), shared by the rows of a region and period, and the tail (categories, cells, whether
 * converted), made once per row and kept in a LineCache across the tables of a dataset, which mostly hold
 * the same rows. The text is byte for byte that of toWideTable with the CSV and JSON writers
 * (tests/downloads/wide.test.ts compares them). Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, periodLabel, STATUS_LABEL } from '../data/periods';
import { CsvLineWriter } from './csv';
import { sortRowsForDownload, type WideOptions } from './wide';

export type LineFormat = 'csv' | 'excel' | 'json';
const FORMATS: readonly LineFormat[] = ['csv', 'excel', 'json'];
const SEPARATOR: Record<LineFormat, string> = { csv: ',', excel: ';', json: ',' };

/** How each format writes a text: quoted where its writer quotes it. */
function textWriters(): Record<LineFormat, (value: string) => string> {
  const csv = new CsvLineWriter('rfc4180');
  const excel = new CsvLineWriter('excel-nl');
  return { csv: (v) => csv.line([v]), excel: (v) => excel.line([v]), json: cached((v: string) => JSON.stringify(v)) };
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

type PerFormat = readonly [csv: string, excel: string, json: string];

function each(make: (f: LineFormat, i: number) => string): PerFormat {
  return FORMATS.map(make) as unknown as PerFormat;
}

/**
 * The tails of one dataset's rows, by the row's cells: a row keeps its cells array when it is carried into
 * the data on the latest indeling or into an earlier release, so the same array means the same row.
 */
export class LineCache {
  private readonly text = textWriters();
  private readonly tails = new Map<object, { topics: readonly string[]; converted: boolean; tail: PerFormat }>();
  private readonly topicPart: Array<(code: string) => PerFormat>;

  /** A text as one field in each format (quoted where the format quotes it). */
  readonly field = cached((value: string) => each((f) => this.text[f](value)));

  constructor(readonly meta: DatasetMeta) {
    const topicLabels = meta.dimensions.map((d) => new Map(d.codes.map((c) => [c.code, c.label])));
    this.topicPart = meta.dimensions.map((_, j) => cached((code: string) => this.pair(code, topicLabels[j]!.get(code) ?? code)));
  }

  /** Two fields, each written as its format writes a text. */
  pair(a: string, b: string): PerFormat {
    const [x, y] = [this.field(a), this.field(b)];
    return each((f, i) => `${x[i]}${SEPARATOR[f]}${y[i]}`);
  }

  tail(row: ObservationRow, converted: boolean): PerFormat {
    const known = this.tails.get(row.cells);
    if (known && known.topics === row.topics && known.converted === converted) return known.tail;
    const tail = this.makeTail(row, converted);
    this.tails.set(row.cells, { topics: row.topics, converted, tail });
    return tail;
  }

  /** The categories, each measure's value and symbol, and whether converted. This runs for every row. */
  private makeTail(row: ObservationRow, converted: boolean): PerFormat {
    const csv: string[] = [];
    const excel: string[] = [];
    const json: string[] = [];
    for (let j = 0; j < this.topicPart.length; j++) {
      const part = this.topicPart[j]!(row.topics[j] ?? '');
      csv.push(part[0]);
      excel.push(part[1]);
      json.push(part[2]);
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
        const text = String(value);
        csv.push(text, symbol[0]);
        excel.push(text.includes('.') ? text.replace('.', ',') : text, symbol[1]);
        // JSON.stringify writes a finite number as String does, and anything else as null.
        json.push(Number.isFinite(value) ? text : 'null', symbol[2]);
      }
    }
    const flag = this.field(converted ? 'ja' : 'nee');
    csv.push(flag[0]);
    excel.push(flag[1]);
    json.push(flag[2]);
    return [csv.join(','), excel.join(';'), json.join(',')];
  }
}

export interface TableLines {
  lines: Record<LineFormat, string[]>;
  /** Region code → its lines, [start, end), in table order. */
  regions: Map<string, { start: number; end: number }>;
}

/** The lines of rows; pass the dataset's LineCache to reuse the tails of rows another table had. */
export function tableLines(meta: DatasetMeta, rows: readonly ObservationRow[], options: WideOptions, cache = new LineCache(meta)): TableLines {
  if (cache.meta !== meta) throw new Error(`LineCache van ${cache.meta.id} gebruikt voor ${meta.id}`);
  const statuses = new Map((options.periods ?? meta.periods).map((p) => [p.code, STATUS_LABEL[p.status]]));
  const periodPart = cached((code: string) => {
    const parsed = parsePeriodCode(code);
    const [label, status] = [cache.pair(code, parsed ? periodLabel(parsed) : code), cache.field(statuses.get(code) ?? STATUS_LABEL.definitief)];
    return each((f, i) => `${label[i]}${SEPARATOR[f]}${status[i]}`);
  });
  // The head of a line: region, its name, period, its name and status; one per region and period.
  const heads = cached((region: string) => {
    const own = cache.pair(region, options.regionLabel(region));
    return cached((period: string) => {
      const p = periodPart(period);
      return each((f, i) => `${own[i]}${SEPARATOR[f]}${p[i]}`);
    });
  });

  const sorted = sortRowsForDownload(meta, rows);
  const lines: TableLines['lines'] = { csv: new Array(sorted.length), excel: new Array(sorted.length), json: new Array(sorted.length) };
  const regions = new Map<string, { start: number; end: number }>();
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    const head = heads(row.region)(row.period);
    const tail = cache.tail(row, options.isConverted?.(row) ?? false);
    lines.csv[i] = `${head[0]},${tail[0]}`;
    lines.excel[i] = `${head[1]};${tail[1]}`;
    lines.json[i] = `[${head[2]},${tail[2]}]`;
    const block = regions.get(row.region);
    if (block) block.end = i + 1;
    else regions.set(row.region, { start: i, end: i + 1 });
  }
  return { lines, regions };
}
