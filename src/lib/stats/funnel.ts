/**
 * Funnel-plot control limits for a proportion, with the overdispersion adjustment of Spiegelhalter (2005,
 * "Handling over-dispersion of performance indicators"): the additive random-effects variant on winsorised
 * z-scores, as FunnelPlotR implements it for proportions (data_type "PR"):
 * - each unit's proportion is put on the arcsine square-root scale, y = asin(√p), with standard error
 *   s = 1 / (2√n), so that chance alone gives the same spread at every size;
 * - its z-score against the target is (y − asin√θ) / s; the 10% lowest and highest z-scores are winsorised
 *   (set to the 10th and 90th percentile) so that a few true outliers do not widen everyone's limits;
 * - φ = mean of the squared winsorised z-scores; φ > 1 means the units differ more than chance explains;
 * - τ² = (nφ − (n − 1)) / (Σw − Σw²/Σw), with w = 1/s², and 0 when nφ < n − 1: the variance between units
 *   that chance does not explain (DerSimonian–Laird);
 * - the limits at a size n are sin²(asin√θ ± z·√(s² + τ²)), within [0, 1].
 * Gemeenten differ in who lives there and in how care is organised, so between them τ² is well above 0: a
 * difference counts only when it is larger than both chance and that usual spread.
 */
import { quantile } from 'd3-array';
import { Z95, Z998 } from './intervals';

export interface FunnelUnit {
  /** The count (numerator). */
  count: number;
  /** The population (denominator), > 0. */
  denominator: number;
}

export interface Overdispersion {
  /** How many units the estimate rests on. */
  units: number;
  /** The dispersion ratio: 1 when chance explains the spread. */
  phi: number;
  /** The variance between units beyond chance, on the arcsine scale; 0 when there is none. */
  tau2: number;
}

/** The share of the z-scores winsorised at each end, as in FunnelPlotR (trim_by = 0.1). */
export const WINSORISE = 0.1;

/** The standard error of a proportion on the arcsine square-root scale. */
export function arcsineSe(denominator: number): number {
  return 1 / (2 * Math.sqrt(denominator));
}

/**
 * z-scores of units against a target proportion, on the arcsine square-root scale. The target may differ per
 * unit (one per unit, in the same order): a gemeente against what its own population by age and sex leads
 * one to expect (indirect standardisation, src/lib/expected/).
 */
export function funnelZScores(units: readonly FunnelUnit[], target: number | readonly number[]): number[] {
  const centreOf = (i: number) => Math.asin(Math.sqrt(typeof target === 'number' ? target : target[i]!));
  return units.map((u, i) => (Math.asin(Math.sqrt(u.count / u.denominator)) - centreOf(i)) / arcsineSe(u.denominator));
}

/**
 * φ and τ² of a set of units around a target proportion (FunnelPlotR: winsorisation, phi_func, tau_func).
 * Units without a usable denominator must be left out by the caller.
 */
export function overdispersion(units: readonly FunnelUnit[], target: number | readonly number[], trim: number = WINSORISE): Overdispersion {
  const n = units.length;
  if (n < 2) return { units: n, phi: 1, tau2: 0 };
  const z = funnelZScores(units, target);
  const sorted = [...z].sort((a, b) => a - b);
  // R's quantile type 7, which d3's quantile implements.
  const low = quantile(sorted, trim)!;
  const high = quantile(sorted, 1 - trim)!;
  const winsorised = z.map((v) => (v < low ? low : v > high ? high : v));
  const phi = winsorised.reduce((sum, v) => sum + v * v, 0) / n;
  if (n * phi < n - 1) return { units: n, phi, tau2: 0 };
  let sumW = 0;
  let sumW2 = 0;
  for (const u of units) {
    const w = 1 / arcsineSe(u.denominator) ** 2;
    sumW += w;
    sumW2 += w * w;
  }
  const tau2 = Math.max(0, (n * phi - (n - 1)) / (sumW - sumW2 / sumW));
  return { units: n, phi, tau2 };
}

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** The control limits (proportions) around a target proportion for a unit of the given size. */
export function funnelLimits(target: number, denominator: number, tau2: number): FunnelLimits {
  const centre = Math.asin(Math.sqrt(target));
  const spread = Math.sqrt(arcsineSe(denominator) ** 2 + tau2);
  // Beyond 0 or π/2 the arcsine scale folds back: the limit is then the end of the scale itself.
  const back = (angle: number) => (angle <= 0 ? 0 : angle >= Math.PI / 2 ? 1 : Math.sin(angle) ** 2);
  return {
    lower95: back(centre - Z95 * spread),
    upper95: back(centre + Z95 * spread),
    lower998: back(centre - Z998 * spread),
    upper998: back(centre + Z998 * spread),
  };
}
