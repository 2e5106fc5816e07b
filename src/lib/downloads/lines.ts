/**
 * The lines of a wide download (see wide.ts) in all three formats at once, for the files of whole datasets,
 * which the build writes some 5 times 400.000 rows of. Each line is joined from parts that many rows share
 * (a region with its name, a period with its name and status, a category with its name), made once per
 * table, instead of formatting every value of every row through toWideTable and the CSV and JSON writers.
 * The text is byte for byte theirs (tests/downloads/wide.test.ts compares the two). Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, periodLabel, STATUS_LABEL } from '../data/periods';
import { CsvLineWriter } from './csv';
import { sortRowsForDownload, type WideOptions } from './wide';

export type LineFormat = 'csv' | 'excel' | 'json';
const FORMATS: readonly LineFormat[] = ['csv', 'excel', 'json'];

/** How each format writes a text (quoted where its writer quotes it) and separates fields. */
function writers(): Record<LineFormat, { separator: string; text: (value: string) => string }> {
  const csv = new CsvLineWriter('rfc4180');
  const excel = new CsvLineWriter('excel-nl');
  return {
    csv: { separator: ',', text: (v) => csv.line([v]) },
    excel: { separator: ';', text: (v) => excel.line([v]) },
    json: { separator: ',', text: cached((v: string) => JSON.stringify(v)) },
  };
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

export interface TableLines {
  lines: Record<LineFormat, string[]>;
  /** Region code → its lines, [start, end), in table order. */
  regions: Map<string, { start: number; end: number }>;
}

export function tableLines(meta: DatasetMeta, rows: readonly ObservationRow[], options: WideOptions): TableLines {
  const w = writers();
  const statuses = new Map((options.periods ?? meta.periods).map((p) => [p.code, STATUS_LABEL[p.status]]));
  const topicLabels = meta.dimensions.map((d) => new Map(d.codes.map((c) => [c.code, c.label])));
  const pair = (f: LineFormat, a: string, b: string) => `${w[f].text(a)}${w[f].separator}${w[f].text(b)}`;
  const perFormat = <K>(make: (f: LineFormat, key: K) => string) => cached((key: K) => FORMATS.map((f) => make(f, key)));

  const regionPart = perFormat((f, code: string) => pair(f, code, options.regionLabel(code)));
  const periodPart = perFormat((f, code: string) => {
    const parsed = parsePeriodCode(code);
    return `${pair(f, code, parsed ? periodLabel(parsed) : code)}${w[f].separator}${w[f].text(statuses.get(code) ?? STATUS_LABEL.definitief)}`;
  });
  const topicPart = meta.dimensions.map((_, j) => perFormat((f, code: string) => pair(f, code, topicLabels[j]!.get(code) ?? code)));
  const symbolPart = perFormat((f, symbol: string) => w[f].text(symbol));
  const convertedPart = perFormat((f, converted: boolean) => w[f].text(converted ? 'ja' : 'nee'));
  const measureCount = meta.measures.length;

  const sorted = sortRowsForDownload(meta, rows);
  const lines: TableLines['lines'] = { csv: new Array(sorted.length), excel: new Array(sorted.length), json: new Array(sorted.length) };
  const regions = new Map<string, { start: number; end: number }>();
  // The parts of a line per format, reused for every row; joining makes a flat string of each line. The
  // formats are written out side by side rather than through the writers: this loop runs for every row.
  const csv: string[] = [];
  const excel: string[] = [];
  const json: string[] = [];
  const missing = symbolPart('.');
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    csv.length = excel.length = json.length = 0;
    for (const part of [regionPart(row.region), periodPart(row.period)]) {
      csv.push(part[0]!);
      excel.push(part[1]!);
      json.push(part[2]!);
    }
    for (let j = 0; j < topicPart.length; j++) {
      const part = topicPart[j]!(row.topics[j] ?? '');
      csv.push(part[0]!);
      excel.push(part[1]!);
      json.push(part[2]!);
    }
    for (let m = 0; m < measureCount; m++) {
      const cell = row.cells[m];
      const symbol = cell ? symbolPart(cell.symbol ?? '') : missing;
      const value = cell?.value ?? null;
      if (value === null) {
        csv.push('', symbol[0]!);
        excel.push('', symbol[1]!);
        json.push('null', symbol[2]!);
      } else {
        const text = String(value);
        csv.push(text, symbol[0]!);
        excel.push(text.includes('.') ? text.replace('.', ',') : text, symbol[1]!);
        // JSON.stringify writes a finite number as String does, and anything else as null.
        json.push(Number.isFinite(value) ? text : 'null', symbol[2]!);
      }
    }
    const converted = convertedPart(options.isConverted?.(row) ?? false);
    csv.push(converted[0]!);
    excel.push(converted[1]!);
    json.push(converted[2]!);
    lines.csv[i] = csv.join(',');
    lines.excel[i] = excel.join(';');
    lines.json[i] = `[${json.join(',')}]`;
    const block = regions.get(row.region);
    if (block) block.end = i + 1;
    else regions.set(row.region, { start: i, end: i + 1 });
  }
  return { lines, regions };
}
