/**
 * The wijken of a gemeente with their figures of the latest period in which a dataset has wijk rows for it.
 * Wijken are not converted between indelingen: a table shows them as the dataset published them.
 */
import type { Measure } from '../../schemas/dataset';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import { formatObservation } from '../format/number';
import { COUNT_NOUN, KEY_CONCEPTS, rateOf } from './concepts';
import type { FactsContext, FactsDataset } from './context';
import { isSmall } from './key-figures';
import { rateUnitText } from './phrases';

export interface WijkRow {
  code: string;
  label: string;
  cells: string[];
  /** A key count of the wijk is small or suppressed. */
  small: boolean;
}

export interface WijkenTable {
  datasetId: string;
  title: string;
  period: string;
  periodLabel: string;
  measureIds: string[];
  columns: Array<{ label: string; unit: string }>;
  rows: WijkRow[];
  /** Wijken without a figure for the first count (suppressed). */
  suppressed: number;
}

/** At most this many count columns, so the table fits a phone. */
const MAX_COUNTS = 2;

export function wijkenOf(context: FactsContext, gemeente: string): WijkenTable | undefined {
  for (const dataset of context.datasets) {
    const table = wijkenIn(context, dataset, gemeente);
    if (table) return table;
  }
  return undefined;
}

function wijkenIn(context: FactsContext, dataset: FactsDataset, gemeente: string): WijkenTable | undefined {
  const rows = dataset.wijkenOf(gemeente);
  if (rows.length === 0) return undefined;
  const period = [...dataset.source.periods].reverse().find((p) => rows.some((r) => r.period === p))!;
  const counts = KEY_CONCEPTS.map((c) => dataset.meta.measures.find((m) => m.concept === c && m.type === 'aantal'))
    .filter((m): m is Measure => m !== undefined)
    .slice(0, MAX_COUNTS);
  if (counts.length === 0) return undefined;
  const rate = rateOf(dataset.meta, counts[0]!.id);
  const measures = rate ? [counts[0]!, rate, ...counts.slice(1)] : counts;
  const labels = new Map(dataset.meta.regions.map((r) => [r.code, r.label]));
  const inPeriod = rows.filter((r) => r.period === period);
  const out = inPeriod
    .map((row): WijkRow => ({
      code: row.region,
      label: labels.get(row.region) ?? context.register.label(row.region),
      cells: measures.map((m) => formatObservation(dataset.index.cellOf(row, m.id), m)),
      small: isSmall(dataset.index.cellOf(row, counts[0]!.id)),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    datasetId: dataset.meta.id,
    title: dataset.meta.shortTitle ?? dataset.meta.title,
    period,
    periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)),
    measureIds: measures.map((m) => m.id),
    columns: measures.map((m) => ({ label: m.shortLabel ?? m.label, unit: m.type === 'rate' ? rateUnitText(m) : `aantal ${COUNT_NOUN[m.countOf]}` })),
    rows: out,
    suppressed: inPeriod.filter((r) => dataset.index.cellOf(r, counts[0]!.id)?.value === null).length,
  };
}
