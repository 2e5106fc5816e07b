import type { DatasetMeta, Measure, MeasureConcept } from '../../schemas/dataset';
import { totalTopics, type RowIndex } from '../data/dataset';
import { parsePeriodCode, periodLabelWithStatus, primaryPeriods } from '../data/periods';
import { formatNumber } from '../format/number';

/** A dataset as the search needs it: its metadata, a row lookup and its periods in time order. */
export interface KeyFigureDataset {
  meta: DatasetMeta;
  index: RowIndex;
  periods: readonly string[];
}

/** The concepts a key figure is taken from, most telling first: persons before trajecten. */
const PREFERRED_CONCEPTS: readonly MeasureConcept[] = [
  'jongeren-jeugdhulp',
  'jongeren-jeugdzorg',
  'jongeren-jeugdbescherming',
  'jongeren-jeugdreclassering',
  'trajecten-lopend',
  'trajecten-gestart',
];

export interface KeyFigure {
  datasetId: string;
  measure: Measure;
  period: string;
  value: number;
  /** The rate beside the count (e.g. % of jongeren tot 18 jaar), when the dataset has one. */
  rate: { measure: Measure; value: number } | undefined;
  /** "21.520 jongeren met jeugdhulp (11,4%) · 2024*" */
  text: string;
}

/**
 * The one figure a search result shows for a region: the latest count of the most telling concept any
 * dataset has a value for (suppressed cells are passed over), with its rate and period. `accept` limits the
 * periods looked at: a wijk's figure must be of the area it is now, not of an earlier area under its code.
 */
export function keyFigureOf(datasets: readonly KeyFigureDataset[], region: string, accept: (period: string) => boolean = () => true): KeyFigure | undefined {
  for (const concept of PREFERRED_CONCEPTS) {
    for (const dataset of datasets) {
      const figure = conceptFigure(dataset, region, concept, accept);
      if (figure) return figure;
    }
  }
  return undefined;
}

function conceptFigure(dataset: KeyFigureDataset, region: string, concept: MeasureConcept, accept: (period: string) => boolean): KeyFigure | undefined {
  const { meta, index } = dataset;
  const measureIndex = meta.measures.findIndex((m) => m.concept === concept && m.type === 'aantal');
  if (measureIndex < 0) return undefined;
  const measure = meta.measures[measureIndex]!;
  const rateIndex = meta.measures.findIndex((m) => m.type === 'rate' && m.rate?.numerator === measure.id);
  const topics = totalTopics(meta);
  // The latest of the dataset's own rhythm, as on the region's page: a year beside the half years is not newer.
  for (const period of primaryPeriods(meta, dataset.periods).reverse()) {
    if (!accept(period)) continue;
    const row = index.get(region, period, topics);
    const value = row?.cells[measureIndex]?.value;
    if (row === undefined || value === null || value === undefined) continue;
    const rateMeasure = rateIndex >= 0 ? meta.measures[rateIndex] : undefined;
    const rateValue = rateIndex >= 0 ? row.cells[rateIndex]?.value : null;
    const rate = rateMeasure && rateValue !== null && rateValue !== undefined ? { measure: rateMeasure, value: rateValue } : undefined;
    return { datasetId: meta.id, measure, period, value, rate, text: keyFigureText(meta, measure, period, value, rate) };
  }
  return undefined;
}

function keyFigureText(meta: DatasetMeta, measure: Measure, period: string, value: number, rate: KeyFigure['rate']): string {
  const status = meta.periods.find((p) => p.code === period)?.status ?? 'definitief';
  const parsed = parsePeriodCode(period);
  const when = parsed ? periodLabelWithStatus(parsed, status) : period;
  const label = measure.label.charAt(0).toLowerCase() + measure.label.slice(1);
  const rateText = rate ? ` (${formatNumber(rate.value, rate.measure.decimals)}${rate.measure.unit === '%' ? '%' : ` ${rate.measure.unit}`})` : '';
  return `${formatNumber(value, measure.decimals)} ${label}${rateText} · ${when}`;
}
