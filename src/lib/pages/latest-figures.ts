import type { Measure } from '../../schemas/dataset';
import { RowIndex, totalTopics, type Dataset } from '../data/dataset';
import { parsePeriodCode, periodLabelWithStatus, STATUS_LABEL, type PeriodStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import { formatObservation } from '../format/number';

/** The latest figures of one region in one dataset, for the skeleton of a region page and the tables. */
export interface FigureLine {
  measure: Measure;
  cell: Observation | undefined;
  shown: string;
}

export interface DatasetFigures {
  datasetId: string;
  title: string;
  period: string;
  periodLabel: string;
  status: PeriodStatus;
  statusLabel: string;
  lines: FigureLine[];
}

/** The figures of a region in the latest period in which the dataset has a row for it (total categories). */
export function latestFiguresOf(dataset: Dataset, index: RowIndex, region: string, periods: readonly string[]): DatasetFigures | undefined {
  const topics = totalTopics(dataset.meta);
  for (const period of [...periods].reverse()) {
    const row = index.get(region, period, topics);
    if (!row) continue;
    const status = dataset.meta.periods.find((p) => p.code === period)?.status ?? 'definitief';
    return {
      datasetId: dataset.meta.id,
      title: dataset.meta.shortTitle ?? dataset.meta.title,
      period,
      periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, status),
      status,
      statusLabel: STATUS_LABEL[status],
      lines: dataset.meta.measures.map((measure, i) => ({ measure, cell: row.cells[i], shown: formatObservation(row.cells[i], measure) })),
    };
  }
  return undefined;
}
