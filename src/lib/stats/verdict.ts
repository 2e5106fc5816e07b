/**
 * The one place where the site decides a comparison word. Every sentence, table, chart, search record and
 * download that says "hoger", "lager" or "niet duidelijk anders" takes the verdict from here, so that a
 * verdict is always chance-aware and never contradicts the figures printed beside it.
 *
 * Three questions, three tests:
 * - Does a region differ from a reference (Nederland, provincie, jeugdregio, gelijksoortige gemeenten)?
 *   Funnel-plot control limits at 95% and 99.8% around the reference, widened for the usual spread between
 *   gemeenten (overdispersion, see funnel.ts): {@link judgeAgainstReference}.
 * - Does the latest figure differ from the same period a year earlier? The interval of the difference of the
 *   two rates (Newcombe's hybrid score method, MOVER-D, from the Wilson or Byar intervals): {@link judgeChange}.
 * - Which way did the last periods go? The chi-squared test for linear trend over the last five periods, as
 *   PHE Fingertips judges a recent trend, at 99.8%: {@link judgeRecentTrend}.
 *
 * Two rules hold for all three:
 * - Rounding never decides a verdict. A verdict must hold for every unrounded count the published (rounded)
 *   counts can stand for.
 * - The words follow the printed figures. A verdict says "hoger" only where the printed figure is higher than
 *   the printed figure it is set against (and "lager" only where it is lower). Where the printed figures are
 *   equal, or their order disagrees with the counts (a published rate from unrounded counts), the verdict is
 *   "niet duidelijk anders".
 * - A region judged different from a reference has a 95% margin that holds neither the reference's figure
 *   from its counts nor its published one. The funnel's limits on the arcsine scale are narrower than the
 *   margin (Wilson) for a handful of youths: 0 of some 2.500 (rounded: 0–2) fell below the limits around
 *   0,27%, while the margin printed beside it ran to 0,30%.
 */
import { formatNumber, parseDutchNumber } from '../format/number';
import { funnelLimits, type FunnelLimits } from './funnel';
import { COUNT_ROUNDING, denominatorRange, rateInterval, roundedCountRange, Z95, Z998, type Interval, type RateKind } from './intervals';

export type Verdict = 'duidelijk-hoger' | 'hoger' | 'niet-duidelijk-anders' | 'lager' | 'duidelijk-lager';

/** Why a comparison has no verdict; the page says so in the words of {@link NO_VERDICT_TEXT}. */
export type NoVerdictReason = 'afgeschermd' | 'geen-aantallen' | 'geen-referentie' | 'te-weinig' | 'te-weinig-perioden' | 'trendbreuk';

/** A verdict, or the reason there is none. */
export type Judgement = { verdict: Verdict; reason?: undefined } | { verdict: undefined; reason: NoVerdictReason };

/** The comparison words, as a sentence uses them: "Dat is duidelijk hoger dan in Nederland". */
export const VERDICT_TEXT: Record<Verdict, { word: string; than: string }> = {
  'duidelijk-hoger': { word: 'duidelijk hoger', than: 'duidelijk hoger dan' },
  hoger: { word: 'hoger', than: 'hoger dan' },
  'niet-duidelijk-anders': { word: 'niet duidelijk anders', than: 'niet duidelijk anders dan' },
  lager: { word: 'lager', than: 'lager dan' },
  'duidelijk-lager': { word: 'duidelijk lager', than: 'duidelijk lager dan' },
};

/** Why there is no verdict, completing "Geen oordeel: …". */
export const NO_VERDICT_TEXT: Record<NoVerdictReason, string> = {
  afgeschermd: 'het aantal is afgeschermd of onbekend',
  'geen-aantallen': 'de aantallen achter het cijfer ontbreken, zodat toeval niet is in te schatten',
  'geen-referentie': 'er is geen cijfer om mee te vergelijken',
  // Not "te weinig jongeren": the counts may be trajecten or maatregelen.
  'te-weinig': 'de aantallen zijn te klein om een verschil van toeval te onderscheiden',
  'te-weinig-perioden': 'er zijn te weinig vergelijkbare perioden',
  trendbreuk: 'de cijfers zijn door een trendbreuk niet vergelijkbaar',
};

/** Below this many expected at the reference rate, a count is too small for a verdict. */
export const MIN_EXPECTED = 5;

/** A region's rate as the tests need it: its counts and the figure printed beside the verdict. */
export interface ComparedRate {
  /** The published count (rounded to multiples of the rounding base); null when suppressed or unknown. */
  count: number | null;
  /** The population the rate is of; null when unknown. */
  denominator: number | null;
  /** The rate as printed (a percentage, or per 1.000); null when none is printed. */
  shown: number | null;
}

export interface RateUnit {
  kind: RateKind;
  /** 100 for a percentage, 1.000 for "per 1.000". */
  per: number;
  /** The decimals the rate is printed with. */
  decimals: number;
  /** The rounding base of the counts (CBS: 5); 1 for unrounded counts. */
  rounding?: number;
}

/** -1, 0 or 1: the order of two rates as a reader sees them printed (formatNumber, the same as the page). */
export function printedOrder(a: number, b: number, decimals: number): -1 | 0 | 1 {
  const pa = parseDutchNumber(formatNumber(a, decimals))!;
  const pb = parseDutchNumber(formatNumber(b, decimals))!;
  return pa === pb ? 0 : pa > pb ? 1 : -1;
}

/** Keeps a verdict only where its direction agrees with the printed figures (see the module comment). */
function followPrinted(verdict: Verdict, shown: number | null, shownReference: number | null, decimals: number): Verdict {
  if (verdict === 'niet-duidelijk-anders' || shown === null || shownReference === null) return verdict;
  const order = printedOrder(shown, shownReference, decimals);
  const up = verdict === 'hoger' || verdict === 'duidelijk-hoger';
  return (up && order === 1) || (!up && order === -1) ? verdict : 'niet-duidelijk-anders';
}

export interface ReferenceJudgement {
  judgement: Judgement;
  /** The control limits around the reference at the region's size, in the rate's unit. */
  limits: FunnelLimits | undefined;
}

/**
 * Does a region's share differ from a reference share beyond chance and the usual spread between gemeenten?
 * Outside the 99.8% limits: "duidelijk hoger/lager"; outside the 95% limits: "hoger/lager"; otherwise "niet
 * duidelijk anders". `reference.rate` is the reference's rate from its counts (in the rate's unit), `tau2` the
 * overdispersion between gemeenten (funnel.ts). Only shares of persons are set against others.
 */
export function judgeAgainstReference(
  own: ComparedRate,
  reference: { rate: number | null; shown: number | null },
  unit: RateUnit,
  tau2: number,
): ReferenceJudgement {
  if (unit.kind !== 'proportion') throw new Error('alleen aandelen van personen worden met andere regio’s vergeleken');
  if (own.count === null) return none('afgeschermd');
  if (own.denominator === null || !(own.denominator > 0)) return none('geen-aantallen');
  // A rate not computed on so small a denominator (fewer than 50, data/dataset.ts MIN_RATE_DENOMINATOR) is not
  // printed, so no verdict stands beside it either: the page and the downloads both say too few.
  if (own.shown === null) return none('te-weinig');
  if (reference.rate === null || reference.shown === null) return none('geen-referentie');
  const target = reference.rate / unit.per;
  if (target * own.denominator < MIN_EXPECTED) return none('te-weinig');
  const limits = funnelLimits(target, own.denominator, tau2);
  const range = roundedCountRange(own.count, unit.rounding ?? COUNT_ROUNDING);
  const sizes = denominatorRange(own.denominator, unit.rounding ?? COUNT_ROUNDING);
  // Every share the rounded counts can stand for must lie beyond the limit.
  const lowest = Math.min(range.lower, sizes.upper) / sizes.upper;
  const highest = Math.min(range.upper, sizes.lower) / sizes.lower;
  const funnelVerdict: Verdict =
    lowest > limits.upper998
      ? 'duidelijk-hoger'
      : lowest > limits.upper95
        ? 'hoger'
        : highest < limits.lower998
          ? 'duidelijk-lager'
          : highest < limits.lower95
            ? 'lager'
            : 'niet-duidelijk-anders';
  const margin = rateInterval({ count: own.count, denominator: own.denominator, kind: unit.kind, per: unit.per, rounding: unit.rounding ?? COUNT_ROUNDING });
  const beyondMargin = (v: number) => (funnelVerdict.endsWith('hoger') ? v < margin.lower : v > margin.upper);
  const verdict = beyondMargin(reference.rate) && beyondMargin(reference.shown) ? funnelVerdict : 'niet-duidelijk-anders';
  const inUnit = (v: number) => v * unit.per;
  return {
    judgement: { verdict: followPrinted(verdict, own.shown, reference.shown, unit.decimals) },
    limits: { lower95: inUnit(limits.lower95), upper95: inUnit(limits.upper95), lower998: inUnit(limits.lower998), upper998: inUnit(limits.upper998) },
  };
}

function none(reason: NoVerdictReason): ReferenceJudgement {
  return { judgement: { verdict: undefined, reason }, limits: undefined };
}

/** Why two rates cannot be tested, or undefined when they can. */
function missingCounts(rate: ComparedRate): NoVerdictReason | undefined {
  if (rate.count === null) return 'afgeschermd';
  if (rate.denominator === null || !(rate.denominator > 0)) return 'geen-aantallen';
  return undefined;
}

/**
 * Did a rate change beyond chance from an earlier period (the same half year a year earlier) to a later
 * one? The interval of the difference later − earlier from the two rates' intervals (MOVER-D; for shares
 * this is Newcombe's hybrid score interval), each wide enough for every count the rounded one can stand for:
 * "duidelijk hoger" when the 99.8% interval lies above 0, "hoger" when the 95% interval does.
 */
export function judgeChange(earlier: ComparedRate, later: ComparedRate, unit: RateUnit): Judgement {
  const missing = missingCounts(earlier) ?? missingCounts(later);
  if (missing) return { verdict: undefined, reason: missing };
  if (Math.max(earlier.count!, later.count!) < MIN_EXPECTED) return { verdict: undefined, reason: 'te-weinig' };
  const strict = changeInterval(earlier, later, unit, Z998)!;
  const usual = changeInterval(earlier, later, unit, Z95)!;
  const verdict: Verdict =
    strict.lower > 0 ? 'duidelijk-hoger' : usual.lower > 0 ? 'hoger' : strict.upper < 0 ? 'duidelijk-lager' : usual.upper < 0 ? 'lager' : 'niet-duidelijk-anders';
  return { verdict: followPrinted(verdict, later.shown, earlier.shown, unit.decimals) };
}

/**
 * The interval of the difference later − earlier, in the rate's unit, at level z (MOVER-D: Newcombe's hybrid
 * score method for shares), from each rate's interval widened for the rounding of its count; undefined
 * without counts.
 */
export function changeInterval(earlier: ComparedRate, later: ComparedRate, unit: RateUnit, z: number): Interval | undefined {
  if (missingCounts(earlier) || missingCounts(later)) return undefined;
  const rate = (r: ComparedRate) => (r.count! / r.denominator!) * unit.per;
  const ci = (r: ComparedRate) => rateInterval({ count: r.count!, denominator: r.denominator!, kind: unit.kind, per: unit.per, rounding: unit.rounding ?? COUNT_ROUNDING }, z);
  const p1 = rate(earlier);
  const p2 = rate(later);
  const c1 = ci(earlier);
  const c2 = ci(later);
  const d = p2 - p1;
  return { lower: d - Math.hypot(p2 - c2.lower, c1.upper - p1), upper: d + Math.hypot(c2.upper - p2, p1 - c1.lower) };
}

/** How many periods a recent trend looks back over, as Fingertips does. */
export const RECENT_PERIODS = 5;

export type TrendDirection = 'stijgend' | 'dalend' | 'geen-duidelijke-richting';

/** The words of a recent trend, completing "Over de laatste vijf halfjaren …". */
export const TREND_TEXT: Record<TrendDirection, string> = {
  stijgend: 'ging het cijfer duidelijk omhoog',
  dalend: 'ging het cijfer duidelijk omlaag',
  'geen-duidelijke-richting': 'is er geen duidelijke richting',
};

export type TrendJudgement = { direction: TrendDirection; reason?: undefined } | { direction: undefined; reason: NoVerdictReason };

/**
 * Which way did a rate go over consecutive periods (oldest first, at most {@link RECENT_PERIODS} are used)?
 * The chi-squared test for linear trend (Cochran–Armitage for shares; the score test of a log-linear Poisson
 * trend for rates per 1.000) at 99.8%. Consecutive half years share many of the same youths, which the test
 * does not know; hence the strict level. The counts are moved against the trend by their rounding before
 * testing, and the direction must agree with the first and last printed figures.
 */
export function judgeRecentTrend(points: readonly ComparedRate[], unit: RateUnit): TrendJudgement {
  const window = points.slice(-RECENT_PERIODS);
  if (window.length < 3) return { direction: undefined, reason: 'te-weinig-perioden' };
  for (const p of window) {
    const missing = missingCounts(p);
    if (missing) return { direction: undefined, reason: missing };
  }
  const counts = window.map((p) => p.count!);
  const sizes = window.map((p) => p.denominator!);
  const z0 = trendZ(counts, sizes, unit.kind);
  if (z0 === undefined) return { direction: undefined, reason: 'te-weinig' };
  const z = testedTrendZ(counts, sizes, unit);
  const sign = Math.sign(z0);
  let direction: TrendDirection = z !== undefined && Math.abs(z) > Z998 && Math.sign(z) === sign ? (sign > 0 ? 'stijgend' : 'dalend') : 'geen-duidelijke-richting';
  const first = window[0]!.shown;
  const last = window.at(-1)!.shown;
  if (direction !== 'geen-duidelijke-richting' && first !== null && last !== null) {
    const order = printedOrder(last, first, unit.decimals);
    if ((direction === 'stijgend' && order !== 1) || (direction === 'dalend' && order !== -1)) direction = 'geen-duidelijke-richting';
  }
  return { direction };
}

/**
 * The z a recent trend is judged on: the counts moved against the trend by their rounding (those after the
 * weighted middle of the window lowered, those before it raised, or the reverse), and rounded denominators the
 * other way, so that rounding cannot make a trend. Undefined when the test has no variance.
 */
export function testedTrendZ(counts: readonly number[], sizes: readonly number[], unit: RateUnit): number | undefined {
  const z0 = trendZ(counts, sizes, unit.kind);
  if (z0 === undefined) return undefined;
  const base = unit.rounding ?? COUNT_ROUNDING;
  const slack = roundedCountRange(0, base).upper;
  const total = sizes.reduce((a, b) => a + b, 0);
  const meanTime = sizes.reduce((sum, n, t) => sum + n * t, 0) / total;
  const sign = Math.sign(z0);
  // +1 where a period's rate is pushed down (fewer counted, out of more), −1 where it is pushed up.
  const push = (t: number) => sign * Math.sign(t - meanTime);
  const movedSizes = sizes.map((n, t) => {
    const range = denominatorRange(n, base);
    return push(t) > 0 ? range.upper : push(t) < 0 ? range.lower : n;
  });
  return trendZ(counts.map((x, t) => Math.max(0, x - push(t) * slack)), movedSizes, unit.kind);
}

/** The z of the chi-squared test for linear trend over periods 0, 1, 2, …; undefined when it has no variance. */
export function trendZ(counts: readonly number[], sizes: readonly number[], kind: RateKind): number | undefined {
  const N = sizes.reduce((a, b) => a + b, 0);
  const X = counts.reduce((a, b) => a + b, 0);
  if (!(N > 0) || X === 0) return undefined;
  let sumXT = 0;
  let sumNT = 0;
  let sumNT2 = 0;
  counts.forEach((x, t) => {
    sumXT += x * t;
    sumNT += sizes[t]! * t;
    sumNT2 += sizes[t]! * t * t;
  });
  const p = X / N;
  const statistic = sumXT - p * sumNT;
  const spread = sumNT2 - (sumNT * sumNT) / N;
  // Shares: binomial variance p(1 − p); rates: Poisson, the expected counts are X·n/N.
  const variance = kind === 'proportion' ? p * (1 - p) * spread : (X / N) * spread;
  return variance > 0 ? statistic / Math.sqrt(variance) : undefined;
}
