/**
 * The bridge between the datasets and the statistics (src/lib/stats): a rate in a row with the counts behind
 * it, its interval, and what kind of rate it is. Everything chance-aware on the fact pages starts here.
 */
import type { DatasetMeta, Measure } from '../../schemas/dataset';
import { roundTo, type ObservationRow } from '../data/dataset';
import { formatNumber } from '../format/number';
import { COUNT_ROUNDING, rateInterval, type Interval, type RateKind } from '../stats/intervals';
import type { ComparedRate, RateUnit, Verdict } from '../stats/verdict';
import type { FactIndex } from './context';

/**
 * Persons out of a population (jongeren met jeugdhulp of all jongeren, per 100 or per 1.000) are a proportion:
 * each person counts once. So are trajecten out of trajecten (begun trajecten that were herhaald beroep): each
 * traject is in the part or not. Trajecten per 1.000 jongeren are events per population, a Poisson count: one
 * youth can have several trajecten.
 */
export function rateKindOf(meta: DatasetMeta, rate: Measure): RateKind {
  const numerator = meta.measures.find((m) => m.id === rate.rate?.numerator);
  const denominator = meta.measures.find((m) => m.id === rate.rate?.denominator);
  if (numerator?.countOf === 'personen') return 'proportion';
  return numerator?.countOf === 'trajecten' && denominator?.countOf === 'trajecten' ? 'proportion' : 'poisson';
}

export function rateUnitOf(meta: DatasetMeta, rate: Measure): RateUnit {
  return { kind: rateKindOf(meta, rate), per: rate.rate?.per ?? 100, decimals: rate.decimals, rounding: COUNT_ROUNDING };
}

/** The rate of a row with its count and denominator, as the tests need it; nulls where a cell is unknown. */
export function comparedRateOf(index: Pick<FactIndex<ObservationRow>, 'cellOf'>, row: ObservationRow | undefined, rate: Measure): ComparedRate {
  const value = (id: string | undefined) => (id ? (index.cellOf(row, id)?.value ?? null) : null);
  return { count: value(rate.rate?.numerator), denominator: value(rate.rate?.denominator), shown: value(rate.id) };
}

/** The 95% interval of a rate from its counts, in the rate's unit; undefined without counts. */
export function intervalOf(rate: ComparedRate, unit: RateUnit, z?: number): Interval | undefined {
  if (rate.count === null || rate.denominator === null || !(rate.denominator > 0)) return undefined;
  return rateInterval({ count: rate.count, denominator: rate.denominator, kind: unit.kind, per: unit.per, rounding: unit.rounding ?? COUNT_ROUNDING }, z);
}

/** The rate from its counts, unrounded, in the rate's unit; null without counts. */
export function exactValue(rate: ComparedRate, unit: Pick<RateUnit, 'per'>): number | null {
  if (rate.count === null || rate.denominator === null || !(rate.denominator > 0)) return null;
  return (rate.count / rate.denominator) * unit.per;
}

/** A rate as it can be printed: the published figure, the figure from its counts, and its 95% interval. */
export interface PrintableRate {
  published: number | null;
  exact: number | null;
  interval: Interval | undefined;
}

/** A reference judged different from the region: every figure printed of it must lie outside the region's printed margin. */
export interface SeparatedRate {
  /** The reference's figures as printed (in a sentence as published, in its table row perhaps with more decimals). */
  printed: readonly number[];
  /** The region is higher (the reference lies below its margin) or lower. */
  regionIs: 'hoger' | 'lager';
}

/** The figure printed with `decimals`: the published one in the rate's own decimals, the one from the counts with more. */
export function printedValue(rate: PrintableRate, decimals: number, base: number): number | null {
  return decimals === base ? rate.published : (rate.exact ?? rate.published);
}

/**
 * The decimals to print rates and their 95% margins with, so that what is printed agrees with itself: from
 * the rate's own decimals up to two more, the fewest where each margin's ends differ, each printed rate lies
 * within its printed margin, and every reference judged different lies outside the region's printed margin.
 * A published 1,1% beside a margin of 1,07–1,09% looks wrong (the rate is 1,084%); printed as 1,08% it does
 * not. Likewise "lager dan Nederland (0,3%)" beside a margin of 0,2–0,3%: beside 0,19–0,27% it is plain.
 */
export function agreeingDecimals(base: number, rates: readonly PrintableRate[], separated: readonly SeparatedRate[] = [], region?: PrintableRate): number {
  const agrees = (d: number) => {
    for (const rate of rates) {
      const value = printedValue(rate, d, base);
      if (!rate.interval || value === null) continue;
      const [lower, upper, point] = [roundTo(rate.interval.lower, d), roundTo(rate.interval.upper, d), roundTo(value, d)];
      if (!(lower < upper) || point < lower || point > upper) return false;
    }
    if (region?.interval) {
      const [lower, upper] = [roundTo(region.interval.lower, d), roundTo(region.interval.upper, d)];
      for (const { printed, regionIs } of separated) {
        if (printed.some((point) => (regionIs === 'hoger' ? point >= lower : point <= upper))) return false;
      }
    }
    return true;
  };
  for (let d = base; d < base + 2; d++) if (agrees(d)) return d;
  return base + 2;
}

/** A figure printed beside a verdict: how it can be printed, with how many decimals so far, and its verdict. */
export interface JudgedPrintable {
  rate: PrintableRate;
  decimals: number;
  /** Undefined for a figure without a verdict (it is not set against the others). */
  verdict: Verdict | undefined;
}

/**
 * The decimals to print judged figures with, so that two figures with different verdicts never print alike:
 * "hoger dan in Nederland (1,0%), niet duidelijk anders dan in vergelijkbare gemeenten (1,0%)" reads as a
 * contradiction, while 0,95% and 1,05% show why (the funnel is drawn around each). Each figure keeps its own
 * decimals, or more (up to the rate's own decimals plus two) while it prints like one judged otherwise: the one
 * with fewer decimals gets those of the other, and two with as many get one more each.
 */
export function distinctDecimals(base: number, figures: readonly JudgedPrintable[]): number[] {
  const decimals = figures.map((f) => f.decimals);
  const printed = (i: number) => {
    const value = printedValue(figures[i]!.rate, decimals[i]!, base);
    return value === null ? null : roundTo(value, decimals[i]!);
  };
  const alike = (i: number, j: number) => {
    const [a, b] = [figures[i]!, figures[j]!];
    if (!a.verdict || !b.verdict || a.verdict === b.verdict) return false;
    const p = printed(i);
    return p !== null && p === printed(j);
  };
  // Each step adds at least one decimal to a figure below the most, so this ends.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < figures.length; i++) {
      for (let j = i + 1; j < figures.length; j++) {
        if (!alike(i, j)) continue;
        const target = decimals[i] === decimals[j] ? decimals[i]! + 1 : Math.max(decimals[i]!, decimals[j]!);
        if (target > base + 2) continue;
        decimals[i] = Math.max(decimals[i]!, target);
        decimals[j] = Math.max(decimals[j]!, target);
        changed = true;
      }
    }
  }
  return decimals;
}

/** "11,0–11,8" in the rate's decimals; one more decimal where both ends would print the same. */
export function intervalText(interval: Interval, decimals: number): string {
  let d = decimals;
  while (d < decimals + 2 && formatNumber(interval.lower, d) === formatNumber(interval.upper, d)) d++;
  return `${formatNumber(interval.lower, d)}–${formatNumber(interval.upper, d)}`;
}
