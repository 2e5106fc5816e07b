/**
 * Intervals for the rates the site publishes, computed from the published counts:
 * - a share of persons ("11,4% van de jongeren tot 18 jaar") is a binomial proportion: Wilson score interval;
 * - events per population ("trajecten per 1.000 jongeren") are a Poisson count: Byar's approximation to the
 *   exact interval, as PHE Fingertips uses.
 *
 * CBS rounds counts to multiples of 5, so a published 595 stands for any count from 593 to 597. The interval
 * takes the lowest count the published one can stand for for its lower limit and the highest for its upper
 * limit: it holds whatever the unrounded count was. A denominator is often a published count too (the youths
 * with jeugdhulp, the ended trajecten; in the demonstration data the youths of an age as well): one that is a
 * multiple of 5 is taken to stand for any number it can be rounded from, the highest for the lower limit and
 * the lowest for the upper (denominatorRange). CBS's own population figures are not rounded.
 */

/** Standard normal quantiles of the two levels used throughout, as FunnelPlotR writes them. */
export const Z95 = 1.959964;
export const Z998 = 3.090232;

/** CBS rounds published counts to multiples of this (see DOMAIN: disclosure control). */
export const COUNT_ROUNDING = 5;

/** What a rate is a rate of, which decides its interval and its tests. */
export type RateKind = 'proportion' | 'poisson';

export interface Interval {
  lower: number;
  upper: number;
}

/** The unrounded counts a count rounded to a multiple of `base` can stand for: 595 → 593–597 for base 5. */
export function roundedCountRange(count: number, base: number = COUNT_ROUNDING): Interval {
  const slack = base > 1 ? Math.floor(base / 2) : 0;
  return { lower: Math.max(0, count - slack), upper: count + slack };
}

/**
 * The unrounded denominators a published one can stand for: a multiple of the rounding base may have been
 * rounded (5.955 → 5.953–5.957); any other number was not, and stands for itself.
 */
export function denominatorRange(denominator: number, base: number = COUNT_ROUNDING): Interval {
  if (!(base > 1) || denominator % base !== 0) return { lower: denominator, upper: denominator };
  const range = roundedCountRange(denominator, base);
  return { lower: Math.max(1, range.lower), upper: range.upper };
}

/** Wilson score interval of x out of n, as proportions (Wilson 1927; Newcombe 1998, method 3). */
export function wilsonInterval(x: number, n: number, z: number = Z95): Interval {
  if (!(n > 0)) throw new RangeError(`Wilson-interval zonder noemer: n = ${n}`);
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** Byar's approximation to the exact Poisson interval of a count x (Breslow & Day 1987). */
export function byarInterval(x: number, z: number = Z95): Interval {
  const lower = x === 0 ? 0 : x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  const upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
  return { lower: Math.max(0, lower), upper };
}

export interface RateCounts {
  /** The published count (numerator), rounded to multiples of `rounding`. */
  count: number;
  /** The population the rate is of. */
  denominator: number;
  kind: RateKind;
  /** The rate per this many: 100 for a percentage, 1.000 for "per 1.000". */
  per: number;
  /** The rounding base of the count; 1 for unrounded counts. */
  rounding?: number;
  /**
   * The rounding base a denominator that is a multiple of it may have been rounded to: that of the count unless
   * given; 1 for a denominator that is computed, not published (an expected number of youths).
   */
  denominatorRounding?: number;
}

/**
 * The interval of a published rate, in the rate's own unit (a percentage, or per 1.000), at level z, and wide
 * enough for every count the rounded one can stand for.
 */
export function rateInterval(rate: RateCounts, z: number = Z95): Interval {
  const { count, denominator, kind, per } = rate;
  if (!(denominator > 0)) throw new RangeError(`interval zonder noemer: ${denominator}`);
  const base = rate.rounding ?? COUNT_ROUNDING;
  const range = roundedCountRange(count, base);
  const sizes = denominatorRange(denominator, rate.denominatorRounding ?? base);
  // The lowest rate the published counts can stand for is the fewest out of the most, the highest the most out
  // of the fewest: a Wilson limit rises with the count and falls with the denominator.
  if (kind === 'proportion') {
    const lower = wilsonInterval(Math.min(range.lower, sizes.upper), sizes.upper, z).lower;
    const upper = wilsonInterval(Math.min(range.upper, sizes.lower), sizes.lower, z).upper;
    return { lower: lower * per, upper: upper * per };
  }
  return { lower: (byarInterval(range.lower, z).lower / sizes.upper) * per, upper: (byarInterval(range.upper, z).upper / sizes.lower) * per };
}
