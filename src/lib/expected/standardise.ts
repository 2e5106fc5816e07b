/**
 * Indirect standardisation: how many jongeren a gemeente would count if each group of its own youths (each age
 * group of boys and of girls) had the national rate of that group. The expected count E = Σ nᵢ · Rᵢ over the
 * groups i, with nᵢ the gemeente's youths in group i and Rᵢ = Oᵢ / Nᵢ Nederland's rate in that group. The
 * observed count O set against it, O / E, is the standardised ratio: 1 is as expected, 1,10 is 10% more.
 *
 * Its interval is the exact Poisson interval of O (Byar's approximation, as the site's other intervals),
 * divided by E, wide enough for every count a count rounded to 5 can stand for. E is treated as known: it
 * rests on Nederland's counts, hundreds of times larger than the gemeente's.
 *
 * The verdict comes from the site's one verdict function (src/lib/stats/verdict.ts): the gemeente's share
 * O / n against the share it could expect, E / n, with the funnel limits widened for the usual spread between
 * gemeenten, which is measured here on the standardised figures ({@link standardisedOverdispersion}). So "hoger
 * dan verwacht" means what "hoger" means everywhere on the site: more than chance and the usual differences
 * between gemeenten explain. Pure.
 */
import { overdispersion, type Overdispersion } from '../stats/funnel';
import { COUNT_ROUNDING, rateInterval, Z95, type Interval } from '../stats/intervals';
import { judgeAgainstReference, type Judgement } from '../stats/verdict';

/** One group (stratum) of a region: its count and its youths; null where unknown or suppressed. */
export interface StratumCounts {
  stratum: string;
  count: number | null;
  population: number | null;
}

/** The ratio O / E is printed with two decimals: 1,09. */
export const RATIO_DECIMALS = 2;

/** Nederland's rate per group, Oᵢ / Nᵢ; undefined when a group has no count or no youths. */
export function stratumRates(reference: readonly StratumCounts[]): Map<string, number> | undefined {
  const rates = new Map<string, number>();
  for (const s of reference) {
    if (s.count === null || s.population === null || !(s.population > 0)) return undefined;
    rates.set(s.stratum, s.count / s.population);
  }
  return rates;
}

/** E = Σ nᵢ · Rᵢ; undefined when the number of youths of a group, or its rate, is unknown. */
export function expectedCount(local: readonly Pick<StratumCounts, 'stratum' | 'population'>[], rates: ReadonlyMap<string, number>): number | undefined {
  if (local.length === 0) return undefined;
  let expected = 0;
  for (const s of local) {
    const rate = rates.get(s.stratum);
    if (s.population === null || rate === undefined) return undefined;
    expected += s.population * rate;
  }
  return expected;
}

/** A gemeente's observed count against its expected count, with the youths both are of. */
export interface ObservedExpected {
  observed: number;
  expected: number;
  /** The youths of all groups together (n). */
  population: number;
}

/** The interval of O / E at level z: the exact Poisson interval of O, for every count O can stand for, divided by E. */
export function ratioInterval(o: ObservedExpected, z: number = Z95, rounding: number = COUNT_ROUNDING): Interval {
  // The expected number is computed from the national rates, not published: it was never rounded.
  return rateInterval({ count: o.observed, denominator: o.expected, kind: 'poisson', per: 1, rounding, denominatorRounding: 1 }, z);
}

/**
 * The spread between gemeenten beyond chance, each gemeente against its own expected share E / n (Spiegelhalter's
 * τ², as in the funnel plots, src/lib/stats/funnel.ts). Smaller than the spread around Nederland's crude rate
 * when part of the differences came from age and sex.
 */
export function standardisedOverdispersion(units: readonly ObservedExpected[]): Overdispersion {
  const usable = units.filter((u) => u.population > 0 && u.expected > 0);
  return overdispersion(
    usable.map((u) => ({ count: Math.min(u.observed, u.population), denominator: u.population })),
    usable.map((u) => u.expected / u.population),
  );
}

/** The verdict on O against E through the site's one verdict function, with the ratio as printed beside it. */
export function judgeObservedExpected(o: ObservedExpected, tau2: number, rounding: number = COUNT_ROUNDING): Judgement {
  const per = 100;
  return judgeAgainstReference(
    { count: o.observed, denominator: o.population, shown: o.observed / o.expected },
    // The printed figures are the ratio and 1 (as expected): "hoger" only where the ratio prints above 1,00.
    { rate: (o.expected / o.population) * per, shown: 1 },
    { kind: 'proportion', per, decimals: RATIO_DECIMALS, rounding },
    tau2,
  ).judgement;
}
