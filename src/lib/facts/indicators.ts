/**
 * The CBS indicators of a region: tables that publish rates only, without the counts behind them (such as
 * 82972NED, "Indicatoren jeugdzorg"). Their figures are shown as CBS publishes them, beside Nederland, but
 * never judged: without counts there is no margin, so no word like "hoger" may stand beside them.
 */
import type { Measure } from '../../schemas/dataset';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import { formatObservation } from '../format/number';
import { NEDERLAND } from '../regions/codes';
import type { FactsContext, FactsDataset } from './context';

export interface IndicatorRow {
  measure: Measure;
  /** What the percentage is of: "alle jongeren tot 18 jaar", "de jongeren met jeugdbescherming". */
  denominatorLabel: string;
  own: string;
  nederland: string;
}

export interface IndicatorTable {
  datasetId: string;
  title: string;
  period: string;
  /** "2022*". */
  periodLabel: string;
  rows: IndicatorRow[];
}

/** A dataset of rates only: every measure a rate without a numerator in the table. */
export function isIndicatorDataset(dataset: FactsDataset): boolean {
  return dataset.meta.measures.length > 0 && dataset.meta.measures.every((m) => m.type === 'rate' && !m.rate?.numerator);
}

/** The indicator tables with figures for a region, each at its latest period in which the region has a row. */
export function indicatorsOf(context: FactsContext, region: string): IndicatorTable[] {
  return context.datasets.filter(isIndicatorDataset).flatMap((dataset): IndicatorTable[] => {
    const period = [...dataset.periods].reverse().find((p) => dataset.totalRow(region, p));
    if (!period) return [];
    const own = dataset.totalRow(region, period);
    const nl = region === NEDERLAND ? undefined : dataset.totalRow(NEDERLAND, period);
    const rows = dataset.meta.measures.map((measure) => ({
      measure,
      denominatorLabel: measure.rate?.denominatorLabel ?? '',
      own: formatObservation(dataset.index.cellOf(own, measure.id), measure),
      nederland: nl ? formatObservation(dataset.index.cellOf(nl, measure.id), measure) : '',
    }));
    return [{ datasetId: dataset.meta.id, title: dataset.meta.shortTitle ?? dataset.meta.title, period, periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)), rows }];
  });
}
