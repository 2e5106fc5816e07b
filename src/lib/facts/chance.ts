/**
 * The bridge between the datasets and the statistics (src/lib/stats): a rate in a row with the counts behind
 * it, its interval, and what kind of rate it is. Everything chance-aware on the fact pages starts here.
 */
import type { DatasetMeta, Measure } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { formatNumber } from '../format/number';
import { COUNT_ROUNDING, rateInterval, type Interval, type RateKind } from '../stats/intervals';
import type { ComparedRate, RateUnit } from '../stats/verdict';
import type { FactIndex } from './context';

/**
 * Persons out of a population (jongeren met jeugdhulp of all jongeren, per 100 or per 1.000) are a proportion:
 * each person counts once. Trajecten per 1.000 jongeren are events per population, a Poisson count: one youth
 * can have several trajecten.
 */
export function rateKindOf(meta: DatasetMeta, rate: Measure): RateKind {
  const numerator = meta.measures.find((m) => m.id === rate.rate?.numerator);
  return numerator?.countOf === 'personen' ? 'proportion' : 'poisson';
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

/** "11,0–11,8" in the rate's decimals; one more decimal where both ends would print the same. */
export function intervalText(interval: Interval, decimals: number): string {
  let d = decimals;
  while (d < decimals + 2 && formatNumber(interval.lower, d) === formatNumber(interval.upper, d)) d++;
  return `${formatNumber(interval.lower, d)}–${formatNumber(interval.upper, d)}`;
}
