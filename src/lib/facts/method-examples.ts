/**
 * Worked examples for the method page (/over/methoden/), computed from the site's own data with the same
 * functions that decide every verdict, so the page can never describe a method other than the one used.
 * The example gemeente is chosen by rule, not by hand: the first gemeente (by name) whose jeugdhulp in the
 * latest period is judged against Nederland with a verdict other than "niet duidelijk anders", with a
 * gemeente of a tenth of its size at a similar rate beside it.
 */
import { funnelZScores } from '../stats/funnel';
import { COUNT_ROUNDING, denominatorRange, roundedCountRange, wilsonInterval, Z95, Z998, type Interval } from '../stats/intervals';
import { changeInterval, testedTrendZ, type ComparedRate, type Judgement, type RateUnit, type TrendJudgement } from '../stats/verdict';
import { changeOf, type PeriodRate } from './change';
import { COMPARED_CONCEPTS, type KeyConcept } from './concepts';
import type { FactsContext } from './context';
import { funnelOf, isCompared, type Funnel, type FunnelRegion } from './funnel';

export interface FunnelExample {
  region: FunnelRegion;
  /** The unrounded counts the published count can stand for. */
  countRange: Interval;
  /** The denominators the published (rounded) one can stand for; the same number twice when it is not rounded. */
  denominatorRange: Interval;
  /** The Wilson intervals at the two ends, as proportions: the lower limit from the lowest count out of the highest denominator, the upper from the highest out of the lowest. */
  wilsonLow: Interval;
  wilsonHigh: Interval;
  /** The z-score against Nederland on the arcsine scale, without overdispersion. */
  z: number;
}

export interface MethodExamples {
  concept: KeyConcept;
  funnel: Funnel;
  /** A gemeente with a verdict other than "niet duidelijk anders". */
  main: FunnelExample;
  /** A much smaller gemeente with a similar rate, for contrast; undefined when there is none. */
  small: FunnelExample | undefined;
  /** How many gemeenten fall in each verdict. */
  verdictCounts: Map<string, number>;
  change:
    | {
        latest: PeriodRate;
        yearEarlier: PeriodRate;
        usual: Interval;
        strict: Interval;
        judgement: Judgement;
        recent: PeriodRate[];
        z: number | undefined;
        trend: TrendJudgement;
      }
    | undefined;
}

function example(region: FunnelRegion, target: number, per: number): FunnelExample {
  const count = region.rate.count!;
  const n = region.rate.denominator!;
  const range = roundedCountRange(count, COUNT_ROUNDING);
  const sizes = denominatorRange(n, COUNT_ROUNDING);
  return {
    region,
    countRange: range,
    denominatorRange: sizes,
    wilsonLow: wilsonInterval(Math.min(range.lower, sizes.upper), sizes.upper, Z95),
    wilsonHigh: wilsonInterval(Math.min(range.upper, sizes.lower), sizes.lower, Z95),
    z: funnelZScores([{ count, denominator: n }], target / per)[0]!,
  };
}

/** The examples from the current data; undefined when no key figure can be compared (no counts). */
export function methodExamples(context: FactsContext): MethodExamples | undefined {
  const concept = COMPARED_CONCEPTS.find((c) => isCompared(context, c));
  if (!concept) return undefined;
  const source = context.concept(concept)!;
  const funnel = funnelOf(context, concept, source.dataset.latestPeriod);
  if (!funnel) return undefined;
  const judged = funnel.regions.filter((r) => r.judgement.verdict !== undefined);
  const byName = [...judged].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const main = byName.find((r) => r.judgement.verdict !== 'niet-duidelijk-anders' && r.rate.denominator! >= 5000) ?? byName[0];
  if (!main) return undefined;
  // A gemeente of at most a tenth of the size whose rate is as far from Nederland, or further, in the same direction.
  const distance = main.exact! - funnel.target.rate;
  const small = byName
    .filter((r) => r.rate.denominator! <= main.rate.denominator! / 10 && Math.sign(r.exact! - funnel.target.rate) === Math.sign(distance))
    .filter((r) => r.judgement.verdict === 'niet-duidelijk-anders' && Math.abs(r.exact! - funnel.target.rate) >= Math.abs(distance))
    .sort((a, b) => Math.abs(a.exact! - main.exact!) - Math.abs(b.exact! - main.exact!))[0];
  const verdictCounts = new Map<string, number>();
  for (const r of funnel.regions) {
    const key = r.judgement.verdict ?? 'geen';
    verdictCounts.set(key, (verdictCounts.get(key) ?? 0) + 1);
  }
  const changeFacts = changeOf(context, main.code, concept);
  const earlier = changeFacts?.yearEarlier;
  const change =
    changeFacts && earlier
      ? {
          latest: changeFacts.latest,
          yearEarlier: earlier,
          usual: changeInterval(earlier.rate, changeFacts.latest.rate, funnel.unit, Z95)!,
          strict: changeInterval(earlier.rate, changeFacts.latest.rate, funnel.unit, Z998)!,
          judgement: changeFacts.change,
          recent: changeFacts.recent,
          z: zOf(changeFacts.recent.map((r) => r.rate), funnel.unit),
          trend: changeFacts.trend,
        }
      : undefined;
  return {
    concept,
    funnel,
    main: example(main, funnel.target.rate, funnel.unit.per),
    small: small && example(small, funnel.target.rate, funnel.unit.per),
    verdictCounts,
    change,
  };
}

/** The z the trend verdict rests on: the counts moved against the trend by their rounding (testedTrendZ). */
function zOf(rates: readonly ComparedRate[], unit: RateUnit): number | undefined {
  if (rates.some((r) => r.count === null || r.denominator === null)) return undefined;
  return testedTrendZ(rates.map((r) => r.count!), rates.map((r) => r.denominator!), unit);
}
