import type { DatasetMeta } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, periodLabel, STATUS_LABEL } from '../data/periods';

/**
 * The long ("tidy") form every download uses: one record per region, period, category and measure, with
 * codes beside labels, the period's status, and the symbol apart from the value, so a program can read
 * the value column as numbers and still know why a cell is empty.
 */
export interface DownloadRecord {
  regio_code: string;
  regio: string;
  perioden_code: string;
  perioden: string;
  status: string;
  /** `<dimension>_code` and `<dimension>` pairs for each topic dimension. */
  [topic: string]: string | number | null;
  maat_code: string;
  maat: string;
  eenheid: string;
  waarde: number | null;
  teken: string;
  omgerekend: string;
}

export interface RecordOptions {
  /** The name of a region in a period; the register's labels (a wijk: its name in that year). */
  regionLabel: (code: string, period: string) => string;
  /** Restrict to these measures (all when absent). */
  measures?: readonly string[];
  /** Whether a row was converted to another indeling (rows of a converted dataset carry `converted`). */
  isConverted?: (row: ObservationRow) => boolean;
}

/** The column names of a dataset's download, in order. */
export function downloadColumns(meta: DatasetMeta): string[] {
  return [
    'regio_code', 'regio', 'perioden_code', 'perioden', 'status',
    ...meta.dimensions.flatMap((d) => [`${d.id}_code`, d.id]),
    'maat_code', 'maat', 'eenheid', 'waarde', 'teken', 'omgerekend',
  ];
}

export function toDownloadRecords(meta: DatasetMeta, rows: readonly ObservationRow[], options: RecordOptions): DownloadRecord[] {
  const statuses = new Map(meta.periods.map((p) => [p.code, p.status]));
  const labels = meta.dimensions.map((d) => new Map(d.codes.map((c) => [c.code, c.label])));
  const measures = meta.measures
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => !options.measures || options.measures.includes(m.id));
  const periodLabels = new Map<string, string>();
  const out: DownloadRecord[] = [];
  for (const row of rows) {
    let shownPeriod = periodLabels.get(row.period);
    if (shownPeriod === undefined) {
      const parsed = parsePeriodCode(row.period);
      periodLabels.set(row.period, (shownPeriod = parsed ? periodLabel(parsed) : row.period));
    }
    const status = STATUS_LABEL[statuses.get(row.period) ?? 'definitief'];
    const converted = options.isConverted?.(row) ? 'ja' : 'nee';
    const topics: Record<string, string> = {};
    meta.dimensions.forEach((d, j) => {
      const code = row.topics[j] ?? '';
      topics[`${d.id}_code`] = code;
      topics[d.id] = labels[j]!.get(code) ?? code;
    });
    for (const { m, i } of measures) {
      const cell = row.cells[i];
      out.push({
        regio_code: row.region,
        regio: options.regionLabel(row.region, row.period),
        perioden_code: row.period,
        perioden: shownPeriod,
        status,
        ...topics,
        maat_code: m.id,
        maat: m.label,
        eenheid: m.unit,
        waarde: cell?.value ?? null,
        teken: cell?.symbol ?? '',
        omgerekend: converted,
      });
    }
  }
  return out;
}
