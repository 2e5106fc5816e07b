/**
 * Change over time, beyond chance: whether a region's latest rate differs from the same period a year
 * earlier, and which way the last five periods went. The verdicts come from src/lib/stats/verdict.ts; this
 * module finds the periods (skipping a trend break), reads the counts and says it in plain Dutch.
 */
import type { Measure } from '../../schemas/dataset';
import { comparePeriods, makePeriod, parsePeriodCode, periodLabel, periodLabelWithStatus, type Period } from '../data/periods';
import {
  judgeChange,
  judgeRecentTrend,
  NO_VERDICT_TEXT,
  RECENT_PERIODS,
  TREND_TEXT,
  VERDICT_TEXT,
  type ComparedRate,
  type Judgement,
  type TrendJudgement,
} from '../stats/verdict';
import { comparedRateOf, exactValue, printedValue, rateUnitOf, type PrintableRate } from './chance';
import type { KeyConcept } from './concepts';
import type { FactIndex, FactsContext, FactsDataset } from './context';
import { rateNumber, thePeriod } from './phrases';
import type { ObservationRow } from '../data/dataset';

export interface PeriodRate {
  period: string;
  /** "1e halfjaar 2025*". */
  label: string;
  rate: ComparedRate;
}

export interface ChangeFacts {
  concept: KeyConcept;
  rateMeasure: Measure;
  latest: PeriodRate;
  /** The same period a year earlier, when the series has it. */
  yearEarlier: PeriodRate | undefined;
  /** The latest against a year earlier. */
  change: Judgement;
  /** The last periods since any trend break, oldest first (at most RECENT_PERIODS). */
  recent: PeriodRate[];
  trend: TrendJudgement;
  sentences: string[];
}

/** The same period one year earlier: 2026HJ01 → 2025HJ01, 2022JJ00 → 2021JJ00. */
export function yearEarlierPeriod(code: string): string | undefined {
  const p = parsePeriodCode(code);
  return p ? makePeriod(p.kind, p.year - 1, p.part).code : undefined;
}

export interface ChangeOptions {
  /** Read the figures as published (a former gemeente on its own indeling). */
  published?: boolean;
}

/** The change of a concept's rate in a region up to its latest period; undefined without a rate or a figure. */
export function changeOf(context: FactsContext, region: string, concept: KeyConcept, options: ChangeOptions = {}): ChangeFacts | undefined {
  const source = context.concept(concept);
  if (!source?.rate) return undefined;
  const { dataset, rate } = source;
  const index: FactIndex<ObservationRow> = options.published ? dataset.published() : dataset.index;
  const periods = dataset.periods.filter((p) => index.row(region, p, dataset.totals));
  const last = periods.at(-1);
  if (!last) return undefined;
  const read = (period: string): PeriodRate => ({
    period,
    label: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)),
    rate: comparedRateOf(index, index.row(region, period, dataset.totals), rate),
  });
  const unit = rateUnitOf(dataset.meta, rate);
  const latest = read(last);
  const earlierCode = yearEarlierPeriod(last);
  const yearEarlier = earlierCode && periods.includes(earlierCode) ? read(earlierCode) : undefined;
  const breakAt = lastBreak(dataset, rate, last);
  const change: Judgement = !yearEarlier
    ? { verdict: undefined, reason: 'te-weinig-perioden' }
    : breakAt && comparePeriods(parsePeriodCode(yearEarlier.period)!, breakAt) < 0
      ? { verdict: undefined, reason: 'trendbreuk' }
      : judgeChange(yearEarlier.rate, latest.rate, unit);
  // The window of the recent trend: consecutive periods of the series, none before a trend break.
  const since = dataset.periods.filter((p) => !breakAt || comparePeriods(parsePeriodCode(p)!, breakAt) >= 0);
  const end = since.indexOf(last) + 1;
  const recent = since.slice(Math.max(0, end - RECENT_PERIODS), end).map(read);
  const trend = judgeRecentTrend(recent.map((r) => r.rate), unit);
  return { concept, rateMeasure: rate, latest, yearEarlier, change, recent, trend, sentences: changeSentences(rate, latest, yearEarlier, change, recent, trend) };
}

/** The latest trend break at or before a period that concerns this rate or its count, as a period. */
function lastBreak(dataset: FactsDataset, rate: Measure, upTo: string): Period | undefined {
  const ids = new Set([rate.id, ...(rate.rate?.numerator ? [rate.rate.numerator] : [])]);
  const until = parsePeriodCode(upTo)!;
  const starts = dataset.meta.trendBreaks
    .filter((b) => !b.measures || b.measures.some((id) => ids.has(id)))
    .map((b) => parsePeriodCode(b.from))
    .filter((p): p is Period => p !== undefined)
    // A break given as a year starts with its first half year.
    .map((p) => (p.kind === 'jaar' && until.kind === 'halfjaar' ? makePeriod('halfjaar', p.year, 1) : p))
    .filter((p) => comparePeriods(p, until) <= 0);
  return starts.sort(comparePeriods).at(-1);
}

const shownRate = (r: PeriodRate, rate: Measure) => (r.rate.shown === null ? 'geen cijfer' : rateNumber(r.rate.shown, rate));
const plainPeriod = (r: PeriodRate) => periodLabel(parsePeriodCode(r.period)!);

/** A period's figure as it can be printed: as published, or from its counts with more decimals. */
export function periodPrintable(r: PeriodRate, rate: Measure): PrintableRate {
  return { published: r.rate.shown, exact: exactValue(r.rate, { per: rate.rate?.per ?? 100 }), interval: undefined };
}

/**
 * The figure a year earlier with its period, as running text prints it: "11,0% in het 1e halfjaar 2025"; with
 * more `decimals` than the rate's own, from its counts.
 */
export function yearEarlierText(yearEarlier: PeriodRate, rate: Measure, decimals = rate.decimals): string {
  const value = printedValue(periodPrintable(yearEarlier, rate), decimals, rate.decimals);
  return `${value === null ? 'geen cijfer' : rateNumber(value, rate, decimals)} in ${thePeriod(plainPeriod(yearEarlier))}`;
}

/**
 * "Dat is hoger dan een jaar eerder (11,0% in het 1e halfjaar 2025). Over de laatste vijf halfjaren (1e
 * halfjaar 2024 tot en met 1e halfjaar 2026) ging het cijfer duidelijk omhoog: van 10,2% naar 11,4%."
 */
export function changeSentences(
  rate: Measure,
  latest: PeriodRate,
  yearEarlier: PeriodRate | undefined,
  change: Judgement,
  recent: readonly PeriodRate[],
  trend: TrendJudgement,
): string[] {
  if (latest.rate.shown === null) return [`Over ${thePeriod(plainPeriod(latest))} is er geen cijfer, dus ook geen vergelijking met eerder.`];
  const sentences = [`In ${thePeriod(latest.label)}: ${rateNumber(latest.rate.shown, rate)}.`];
  if (change.verdict) {
    sentences.push(`Dat is ${VERDICT_TEXT[change.verdict].than} een jaar eerder (${yearEarlierText(yearEarlier!, rate)}).`);
  } else {
    sentences.push(`Geen oordeel over de verandering sinds een jaar eerder: ${NO_VERDICT_TEXT[change.reason]}.`);
  }
  if (trend.direction) {
    const first = recent[0]!;
    const span = `Over de laatste ${NUMBER_WORDS[recent.length] ?? recent.length} ${isHalfYear(latest) ? 'halfjaren' : 'perioden'} (${plainPeriod(first)} tot en met ${plainPeriod(latest)})`;
    sentences.push(`${span} ${TREND_TEXT[trend.direction]}: van ${shownRate(first, rate)} naar ${shownRate(latest, rate)}.`);
  }
  return sentences;
}

const NUMBER_WORDS: Record<number, string> = { 3: 'drie', 4: 'vier', 5: 'vijf' };
const isHalfYear = (r: PeriodRate) => parsePeriodCode(r.period)?.kind === 'halfjaar';
