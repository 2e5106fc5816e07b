/**
 * The key figures of a region: for each concept the data holds, the count of the latest period with its
 * unit (persons or trajecten) and, where the dataset has one, the rate with its denominator named.
 */
import type { Measure } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, periodLabel, periodLabelWithStatus, STATUS_LABEL, type PeriodStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import { formatObservation } from '../format/number';
import { COUNT_NOUN, COUNT_UNIT, KEY_CONCEPTS, totalDenominatorLabel, type KeyConcept } from './concepts';
import type { FactsContext, FactsDataset } from './context';
import { ratePhrase } from './phrases';
import type { Interval } from '../stats/intervals';
import { agreeingDecimals, comparedRateOf, exactValue, intervalOf, intervalText, printedValue, rateUnitOf, type PrintableRate } from './chance';

/** Below this many, one family more or less visibly moves a figure. */
export const SMALL_COUNT = 50;

export interface KeyFigure {
  concept: KeyConcept;
  datasetId: string;
  measure: Measure;
  /** "jongeren" or "trajecten", after the number. */
  noun: string;
  /** "personen" or "trajecten": the unit, named on every figure. */
  unit: string;
  period: string;
  /** "1e halfjaar 2025*". */
  periodLabel: string;
  /** "1e halfjaar 2025" without status mark, for running text. */
  periodText: string;
  status: PeriodStatus;
  statusLabel: string;
  count: Observation | undefined;
  /** The count as a table shows it: "1.234", or its symbol. */
  countShown: string;
  /** The count for a reader: "1.234", or why there is none ("afgeschermd"). */
  countText: string;
  /** Why there is no number, when there is none (countWhy). */
  why: { text: string; href?: string };
  rate: KeyRate | undefined;
  /** The count is below SMALL_COUNT, or suppressed. */
  small: boolean;
  /** Computed from the member gemeenten. */
  aggregated: boolean;
  /** Put together from former gemeenten. */
  converted: boolean;
}

export interface KeyRate {
  measure: Measure;
  value: Observation | undefined;
  shown: string;
  /** The 95% interval from the counts (Wilson for a share of persons, Byar for trajecten per 1.000). */
  interval: Interval | undefined;
  /** "95%-marge: 11,0–11,8%"; undefined without counts. */
  intervalText: string | undefined;
  /** "11,4% van alle jongeren tot 18 jaar"; undefined when the rate is unknown. */
  phrase: string | undefined;
  denominatorLabel: string;
  /** The rate as it can be printed: published, from its counts, with its margin (chance.ts). */
  printable: PrintableRate;
}

/**
 * Whether a count is small or suppressed as small, so the page warns against reading much into it. A count kept
 * secret to protect another ("x", src/lib/disclosure) is 10 or more: not small.
 */
export function isSmall(cell: Observation | undefined): boolean {
  if (!cell) return false;
  if (cell.value === null) return cell.symbol === '.';
  return cell.value < SMALL_COUNT;
}

export interface KeyFigureOptions {
  /** Read the figures as published (a former gemeente on its own indeling) instead of the latest indeling. */
  published?: boolean;
}

/** The key figures of a region, in the order of KEY_CONCEPTS; concepts the data lacks are left out. */
export function keyFiguresOf(context: FactsContext, region: string, options: KeyFigureOptions = {}): KeyFigure[] {
  const out: KeyFigure[] = [];
  for (const concept of KEY_CONCEPTS) {
    const source = context.concept(concept);
    if (!source) continue;
    const found = options.published ? lastPublishedRow(source.dataset, region) : latestRow(source.dataset, region);
    if (!found) continue;
    out.push(keyFigureOf(concept, source.dataset, source.measure, source.rate, found.period, found.row));
  }
  return out;
}

function latestRow(dataset: FactsDataset, region: string): { period: string; row: ObservationRow | undefined } | undefined {
  // The dataset's latest period, even when this region has no row in it: an old figure must not pass for a new one.
  const row = dataset.totalRow(region, dataset.latestPeriod);
  if (!row && !dataset.has(region)) return undefined;
  return { period: dataset.latestPeriod, row };
}

function lastPublishedRow(dataset: FactsDataset, region: string): { period: string; row: ObservationRow } | undefined {
  const published = dataset.published();
  for (const period of [...dataset.periods].reverse()) {
    const row = published.row(region, period, dataset.totals);
    if (row) return { period, row };
  }
  return undefined;
}

/** The key figure of a concept in one period of a dataset (row undefined: the region has no figure then). */
export function keyFigureOf(
  concept: KeyConcept,
  dataset: FactsDataset,
  measure: Measure,
  rateMeasure: Measure | undefined,
  period: string,
  row: ObservationRow | undefined,
): KeyFigure {
  const status = dataset.statusOf(period);
  const parsed = parsePeriodCode(period)!;
  const count = dataset.index.cellOf(row, measure.id);
  const flags = row as Partial<{ aggregated: boolean; converted: boolean }> | undefined;
  return {
    concept,
    datasetId: dataset.meta.id,
    measure,
    noun: COUNT_NOUN[measure.countOf],
    unit: COUNT_UNIT[measure.countOf],
    period,
    periodLabel: periodLabelWithStatus(parsed, status),
    periodText: periodLabel(parsed),
    status,
    statusLabel: STATUS_LABEL[status],
    count,
    countShown: formatObservation(count, measure),
    countText: countText(count, measure),
    why: countWhy(count),
    rate: rateMeasure && keyRate(dataset, rateMeasure, row),
    small: row === undefined || isSmall(count),
    aggregated: flags?.aggregated ?? false,
    converted: flags?.converted ?? false,
  };
}

function keyRate(dataset: FactsDataset, measure: Measure, row: ObservationRow | undefined): KeyRate {
  const value = dataset.index.cellOf(row, measure.id);
  const counts = comparedRateOf(dataset.index, row, measure);
  const unit = rateUnitOf(dataset.meta, measure);
  const interval = value?.value === null || value?.value === undefined ? undefined : intervalOf(counts, unit);
  // The rate beside its margin in as many decimals as the margin needs (1,08% beside 1,07–1,09%, not 1,1%).
  const printable = { published: value?.value ?? null, exact: exactValue(counts, unit), interval };
  const rate = { measure, value, shown: formatObservation(value, measure), interval, denominatorLabel: totalDenominatorLabel(measure), printable };
  return keyRateIn(rate, agreeingDecimals(measure.decimals, [printable]));
}

/**
 * A key rate and its margin printed with `decimals`: those its margin needs alone (keyRate), or, on a page
 * that compares the region, those of its row in the comparison table, which also keep every reference judged
 * different outside the printed margin ("0,23%, 0,19–0,27%" beside "lager dan Nederland (0,3%)", not 0,2–0,3%).
 */
export function keyRateIn(rate: Omit<KeyRate, 'intervalText' | 'phrase'>, decimals: number): KeyRate {
  const { measure, interval, printable } = rate;
  const printed = printedValue(printable, decimals, measure.decimals);
  return {
    ...rate,
    intervalText: interval && `95%-marge: ${intervalText(interval, decimals)}${(measure.rate?.per ?? 100) === 100 ? '%' : ''}`,
    phrase: printed !== null ? ratePhrase(printed, { ...measure, decimals }) : undefined,
  };
}

/**
 * Why a key figure has no number, under its word (countText): a small count, a count kept secret to protect a
 * small one elsewhere (src/lib/disclosure), or no figure at all.
 */
export function countWhy(cell: Observation | undefined): { text: string; href?: string } {
  if (!cell) return { text: 'geen cijfer voor deze periode' };
  if (cell.symbol === 'x') return { text: 'afgeschermd, zodat een klein aantal elders niet uit dit cijfer terug te rekenen is', href: '/over/geheimhouding/' };
  if (cell.symbol === '') return { text: 'dit cijfer kan hier niet voorkomen' };
  return { text: 'te klein om te tonen, of onbekend' };
}

/** A count in words when there is no number: a table can show ".", a key figure says what it means. */
export function countText(cell: Observation | undefined, measure: Pick<Measure, 'decimals'>): string {
  if (!cell) return 'geen cijfer';
  if (cell.value !== null) return formatObservation(cell, measure).replace(/^-$/, '0');
  return cell.symbol === 'x' ? 'geheim' : cell.symbol === '' ? 'kan niet voorkomen' : 'afgeschermd';
}

export interface KeyFigureGroup {
  unit: 'personen' | 'trajecten';
  title: string;
  /** Why the group stands apart. */
  note: string;
  figures: KeyFigure[];
}

/** Persons and trajecten in separate groups, because they are different units. */
export function groupKeyFigures(figures: readonly KeyFigure[]): KeyFigureGroup[] {
  const groups: KeyFigureGroup[] = [
    { unit: 'personen', title: 'Jongeren', note: 'Deze cijfers tellen jongeren: iedere jongere telt één keer, ook met meer vormen van hulp.', figures: [] },
    { unit: 'trajecten', title: 'Trajecten', note: 'Deze cijfers tellen trajecten, geen jongeren: één jongere kan meer trajecten hebben.', figures: [] },
  ];
  for (const f of figures) groups.find((g) => g.unit === f.measure.countOf)?.figures.push(f);
  const trajecten = groups[1]!;
  // "Per 1.000 jongeren tot 18 jaar" reads as a share of those youths; it is not (TRAJECT definitions, spec.ts).
  if (trajecten.figures.some((f) => f.rate)) {
    trajecten.note +=
      ' Trajecten per 1.000 jongeren zijn daarom een verhouding, geen deel van de jongeren; bij jeugdhulp tellen ook de trajecten van jongeren van 18 jaar en ouder mee.';
  }
  return groups.filter((g) => g.figures.length > 0);
}

/** The statuses of the periods the key figures show, each once, for the explanation under them. */
export function statusesOf(figures: readonly KeyFigure[]): PeriodStatus[] {
  return [...new Set(figures.map((f) => f.status))];
}

/** The key figure search results show: "595 jongeren met jeugdhulp (1e halfjaar 2025*)". */
export function searchKeyFigure(figures: readonly KeyFigure[]): string | undefined {
  const main = figures.find((f) => f.count?.value !== null && f.count?.value !== undefined);
  if (!main) return undefined;
  const what = main.concept === 'jongeren-jeugdhulp' ? 'jongeren met jeugdhulp' : main.measure.label.toLowerCase();
  return `${main.countShown} ${what} (${main.periodLabel})`;
}
