/**
 * The statistics behind every comparison word, against values computed elsewhere:
 * - FunnelPlotR's own code (R/od_adjustment.R and R/calculate_limits.R of nhs-r-community/FunnelPlotR, run
 *   with R 4.2 on the twelve units below): φ, τ², z-scores and the control limits;
 * - R's prop.test (Wilson score interval without continuity correction), prop.trend.test (chi-squared test
 *   for trend in proportions) and a Poisson GLM's score (Rao) test for trend;
 * - Byar's formula by hand, and the exact Poisson interval from R's qchisq beside it.
 */
import { describe, expect, it } from 'vitest';
import { funnelLimits, funnelZScores, overdispersion } from '../../src/lib/stats/funnel';
import { byarInterval, rateInterval, roundedCountRange, wilsonInterval, Z95, Z998 } from '../../src/lib/stats/intervals';
import {
  changeInterval,
  judgeAgainstReference,
  judgeChange,
  judgeRecentTrend,
  printedOrder,
  trendZ,
  VERDICT_TEXT,
  type ComparedRate,
  type Verdict,
} from '../../src/lib/stats/verdict';

/** Twelve units shaped like gemeenten: youths with jeugdhulp (rounded to 5) of all youths under 18. */
const UNITS = [
  [595, 5210],
  [3110, 27310],
  [120, 1405],
  [18755, 171200],
  [845, 8120],
  [410, 3300],
  [2290, 21950],
  [65, 720],
  [1530, 12440],
  [960, 9980],
  [275, 2010],
  [5120, 46850],
].map(([count, denominator]) => ({ count: count!, denominator: denominator! }));
const POOLED = UNITS.reduce((s, u) => s + u.count, 0) / UNITS.reduce((s, u) => s + u.denominator, 0);

describe('overdispersion as FunnelPlotR computes it (data_type "PR", trim_by 0.1)', () => {
  it('gives the same target, z-scores, φ and τ²', () => {
    expect(POOLED).toBeCloseTo(0.109744118262774, 14);
    const z = funnelZScores(UNITS, POOLED);
    const fromR = [1.0207939918587, 2.167753575295909, -3.079546729552731, -0.256752971964036, -1.656616579831472, 2.592422240605148, -2.595699341634361, -1.742979809769486, 4.609088680481792, -4.456820052426444, 3.696981246945009, -0.318255351997277];
    z.forEach((v, i) => expect(v).toBeCloseTo(fromR[i]!, 10));
    const od = overdispersion(UNITS, POOLED);
    expect(od.units).toBe(12);
    expect(od.phi).toBeCloseTo(5.77093865818517, 10);
    expect(od.tau2).toBeCloseTo(7.14209589717985e-5, 14);
  });

  it('gives the same overdispersed limits at four sizes', () => {
    const { tau2 } = overdispersion(UNITS, POOLED);
    const fromR: Array<[number, number, number, number, number]> = [
      [720, 0.0859558911135012, 0.136041438857829, 0.0734388393233089, 0.152281818693648],
      [5210, 0.0967174689440056, 0.123486686672116, 0.0895401438237431, 0.131727401195237],
      [27310, 0.0989896248496388, 0.120981739180088, 0.0930126078852627, 0.127676457620421],
      [171200, 0.0995045140130556, 0.120420721928352, 0.0938027255398117, 0.12677170301772],
    ];
    for (const [n, lo95, hi95, lo998, hi998] of fromR) {
      const limits = funnelLimits(POOLED, n, tau2);
      expect(limits.lower95).toBeCloseTo(lo95, 12);
      expect(limits.upper95).toBeCloseTo(hi95, 12);
      expect(limits.lower998).toBeCloseTo(lo998, 12);
      expect(limits.upper998).toBeCloseTo(hi998, 12);
    }
  });

  it('gives the same limits without overdispersion (τ² = 0)', () => {
    const fromR: Array<[number, number, number, number, number]> = [
      [720, 0.0879737689405079, 0.133595697444109, 0.0764112637708134, 0.148247312311617],
      [171200, 0.108267879921596, 0.111229113316099, 0.107420559735981, 0.11208944515648],
    ];
    for (const [n, lo95, hi95, lo998, hi998] of fromR) {
      const limits = funnelLimits(POOLED, n, 0);
      expect(limits.lower95).toBeCloseTo(lo95, 12);
      expect(limits.upper95).toBeCloseTo(hi95, 12);
      expect(limits.lower998).toBeCloseTo(lo998, 12);
      expect(limits.upper998).toBeCloseTo(hi998, 12);
    }
  });

  it('finds no overdispersion where units differ only by chance', () => {
    // Every unit exactly at the target: all z-scores 0, φ = 0 < (n − 1)/n, so τ² = 0.
    const even = [1000, 2000, 4000, 8000].map((denominator) => ({ count: denominator / 10, denominator }));
    expect(overdispersion(even, 0.1)).toEqual({ units: 4, phi: 0, tau2: 0 });
  });

  it('keeps limits within 0 and 1 where the arcsine scale folds back', () => {
    const limits = funnelLimits(0.003, 50, 0.001);
    expect(limits.lower95).toBe(0);
    expect(limits.lower998).toBe(0);
    expect(limits.upper998).toBeGreaterThan(limits.upper95);
    expect(funnelLimits(0.995, 30, 0.01).upper998).toBe(1);
  });
});

describe('intervals', () => {
  it('Wilson score interval equals R prop.test without continuity correction', () => {
    const cases: Array<[number, number, number, number]> = [
      [595, 5210, 0.105849744987454, 0.123125659855548],
      [10, 720, 0.00756136518470611, 0.0253760391738911],
      [0, 300, 0, 0.012642971224546],
      [18755, 171200, 0.10807951036942, 0.111038478684838],
    ];
    for (const [x, n, lo, hi] of cases) {
      const ci = wilsonInterval(x, n, Z95);
      expect(ci.lower).toBeCloseTo(lo, 7);
      expect(ci.upper).toBeCloseTo(hi, 7);
    }
    const strict = wilsonInterval(595, 5210, Z998);
    expect(strict.lower).toBeCloseTo(0.101286541138468, 7);
    expect(strict.upper).toBeCloseTo(0.12853205288007, 7);
  });

  it("Byar's interval by hand, close to the exact Poisson interval", () => {
    const cases: Array<[number, number, number, number, number]> = [
      // x, Byar lower, Byar upper, exact lower, exact upper
      [0, 0, 3.66801186894388, 0, 3.688879454],
      [12, 6.19350980862006, 20.96285813026768, 6.200575109, 20.96158505],
      [2770, 2667.79563933119, 2875.1172094123, 2667.795944, 2875.116932],
    ];
    for (const [x, lo, hi, exactLo, exactHi] of cases) {
      const ci = byarInterval(x, Z95);
      expect(ci.lower).toBeCloseTo(lo, 8);
      expect(ci.upper).toBeCloseTo(hi, 8);
      expect(Math.abs(ci.lower - exactLo)).toBeLessThan(0.01 * Math.max(1, exactLo));
      expect(Math.abs(ci.upper - exactHi)).toBeLessThan(0.01 * exactHi);
    }
  });

  it('a count rounded to 5 stands for the two counts either side', () => {
    expect(roundedCountRange(595)).toEqual({ lower: 593, upper: 597 });
    expect(roundedCountRange(0)).toEqual({ lower: 0, upper: 2 });
    expect(roundedCountRange(595, 1)).toEqual({ lower: 595, upper: 595 });
  });

  it("a rate's interval is wide enough for every count the rounded one stands for", () => {
    // 595 of 5.210, both rounded to fives: the lower limit is that of 593 of 5.212, the upper that of 597 of
    // 5.208, in percent.
    const ci = rateInterval({ count: 595, denominator: 5210, kind: 'proportion', per: 100 });
    expect(ci.lower).toBeCloseTo(wilsonInterval(593, 5212).lower * 100, 12);
    expect(ci.upper).toBeCloseTo(wilsonInterval(597, 5208).upper * 100, 12);
    // A denominator that is no multiple of 5 was not rounded (CBS's population figures): 593 and 597 of 5.211.
    const exact = rateInterval({ count: 595, denominator: 5211, kind: 'proportion', per: 100 });
    expect(exact.lower).toBeCloseTo(wilsonInterval(593, 5211).lower * 100, 12);
    expect(exact.upper).toBeCloseTo(wilsonInterval(597, 5211).upper * 100, 12);
    // 2.770 trajecten of 27.150 youths, per 1.000: Byar at 2.768 out of 27.152 and at 2.772 out of 27.148.
    const per = rateInterval({ count: 2770, denominator: 27150, kind: 'poisson', per: 1000 });
    expect(per.lower).toBeCloseTo((byarInterval(2768).lower / 27152) * 1000, 10);
    expect(per.upper).toBeCloseTo((byarInterval(2772).upper / 27148) * 1000, 10);
    expect(per.lower).toBeLessThan(102.03);
    expect(per.upper).toBeGreaterThan(102.03);
  });
});

const PCT = { kind: 'proportion', per: 100, decimals: 1 } as const;

describe('a region against a reference', () => {
  const { tau2 } = overdispersion(UNITS, POOLED);
  const nl = { rate: POOLED * 100, shown: 11.0 };

  it('uses the words of the method: outside 99.8% "duidelijk", outside 95% plain, otherwise "niet duidelijk anders"', () => {
    // At 27.310 youths the limits are 9.90–12.10% (95%) and 9.30–12.77% (99.8%).
    const at = (count: number) => judgeAgainstReference({ count, denominator: 27310, shown: Math.round((count / 27310) * 1000) / 10 }, nl, PCT, tau2);
    expect(at(3000).judgement.verdict).toBe('niet-duidelijk-anders'); // 10,98%
    expect(at(3400).judgement.verdict).toBe('hoger'); // 12,45%
    expect(at(3600).judgement.verdict).toBe('duidelijk-hoger'); // 13,18%
    expect(at(2650).judgement.verdict).toBe('lager'); // 9,70%
    expect(at(2450).judgement.verdict).toBe('duidelijk-lager'); // 8,97%
    expect(at(3400).limits!.upper95).toBeCloseTo(12.0981739180088, 9);
  });

  it('judges ten youths in Vlieland and 18.755 in Amsterdam each by their own size', () => {
    // The same 13,0% is within the limits for 720 youths, far outside them for 171.200.
    const small = judgeAgainstReference({ count: 95, denominator: 730, shown: 13.0 }, nl, PCT, tau2);
    const large = judgeAgainstReference({ count: 22255, denominator: 171200, shown: 13.0 }, nl, PCT, tau2);
    expect(small.judgement.verdict).toBe('niet-duidelijk-anders');
    expect(large.judgement.verdict).toBe('duidelijk-hoger');
  });

  it('lets no rounding decide: the verdict must hold for every count the rounded one stands for', () => {
    // Exactly at the 95% limit of 27.310 (12,0981…%: 3.304,0 youths): 3.305 would be above it, but 3.303 not.
    const judged = judgeAgainstReference({ count: 3305, denominator: 27310, shown: 12.1 }, nl, PCT, tau2);
    expect(judged.judgement.verdict).toBe('niet-duidelijk-anders');
    const unrounded = judgeAgainstReference({ count: 3305, denominator: 27310, shown: 12.1 }, nl, { ...PCT, rounding: 1 }, tau2);
    expect(unrounded.judgement.verdict).toBe('hoger');
  });

  it('gives no verdict for suppressed counts, missing references and tiny populations, with the reason', () => {
    expect(judgeAgainstReference({ count: null, denominator: 800, shown: null }, nl, PCT, tau2).judgement).toEqual({ verdict: undefined, reason: 'afgeschermd' });
    expect(judgeAgainstReference({ count: 40, denominator: null, shown: 1.2 }, nl, PCT, tau2).judgement.reason).toBe('geen-aantallen');
    expect(judgeAgainstReference({ count: 40, denominator: 3000, shown: 1.3 }, { rate: null, shown: null }, PCT, tau2).judgement.reason).toBe('geen-referentie');
    // Jeugdreclassering at 0,3% of 1.200 youths: 3,6 expected.
    expect(judgeAgainstReference({ count: 10, denominator: 1200, shown: 0.8 }, { rate: 0.3, shown: 0.3 }, PCT, tau2).judgement.reason).toBe('te-weinig');
    // A share of 45 trajecten is not computed (fewer than 50), so no verdict stands where no figure is printed,
    // though 20 of 45 against Nederland's 70% would be far off.
    expect(judgeAgainstReference({ count: 20, denominator: 45, shown: null }, { rate: 70, shown: 70 }, PCT, tau2).judgement).toEqual({ verdict: undefined, reason: 'te-weinig' });
  });

  it('says "lager" only where the margin printed beside it lies below the reference, for a handful of youths too', () => {
    // 0 of 2.460 (rounded: 0–2): below the funnel's 95% limit around 0,27% (0,104%), but the margin (Wilson, at
    // 2 of 2.460) runs to 0,296%, which holds 0,27%.
    const jr = { rate: 0.27, shown: 0.27 };
    const few = judgeAgainstReference({ count: 0, denominator: 2460, shown: 0 }, jr, PCT, 0);
    expect(few.limits!.lower95).toBeCloseTo(0.1038, 4);
    expect(rateInterval({ count: 0, denominator: 2460, kind: 'proportion', per: 100 }).upper).toBeCloseTo(0.2962, 4);
    expect(few.judgement.verdict).toBe('niet-duidelijk-anders');
    // At 3.000 the margin ends at 0,243%, below 0,27%: "lager".
    expect(judgeAgainstReference({ count: 0, denominator: 3000, shown: 0 }, jr, PCT, 0).judgement.verdict).toBe('lager');
    // 960 of 90.000 (1,07%, margin from 0,9994%) against 0,99% from the counts: "hoger", but not where that
    // reference is published as 1,0%, inside the margin.
    const province = { count: 960, denominator: 90000, shown: 1.1 };
    expect(rateInterval({ count: 960, denominator: 90000, kind: 'proportion', per: 100 }).lower).toBeCloseTo(0.9994, 4);
    expect(judgeAgainstReference(province, { rate: 0.99, shown: 0.99 }, PCT, 0).judgement.verdict).toBe('hoger');
    expect(judgeAgainstReference(province, { rate: 0.99, shown: 1.0 }, PCT, 0).judgement.verdict).toBe('niet-duidelijk-anders');
  });

  it('never says "hoger" or "lager" beside equal printed figures, nor against their order', () => {
    // Significant on the counts (a published rate from unrounded counts may print lower than the counts say).
    const beside = judgeAgainstReference({ count: 3600, denominator: 27310, shown: 11.0 }, nl, PCT, tau2);
    expect(beside.judgement.verdict).toBe('niet-duidelijk-anders');
    const against = judgeAgainstReference({ count: 3600, denominator: 27310, shown: 10.9 }, nl, PCT, tau2);
    expect(against.judgement.verdict).toBe('niet-duidelijk-anders');
  });

  it('never contradicts the printed figures, over many random comparisons', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let judged = 0;
    for (let i = 0; i < 20000; i++) {
      const denominator = Math.round(50 + random() * 200000);
      const p = random() * 0.2;
      const count = Math.round((p * denominator) / 5) * 5;
      const shownOwn = Math.round(random() * 200) / 10;
      const reference = random() * 20;
      const shownRef = Math.round(reference * 10) / 10;
      const { judgement } = judgeAgainstReference({ count, denominator, shown: shownOwn }, { rate: reference, shown: shownRef }, PCT, random() * 0.002);
      if (!judgement.verdict) continue;
      judged++;
      const order = printedOrder(shownOwn, shownRef, 1);
      if (judgement.verdict === 'hoger' || judgement.verdict === 'duidelijk-hoger') expect(order).toBe(1);
      if (judgement.verdict === 'lager' || judgement.verdict === 'duidelijk-lager') expect(order).toBe(-1);
      if (order === 0) expect(judgement.verdict).toBe('niet-duidelijk-anders');
      // The margin printed beside a verdict holds neither figure of the reference.
      const margin = rateInterval({ count, denominator, kind: 'proportion', per: 100 });
      if (judgement.verdict.endsWith('hoger')) expect(Math.max(reference, shownRef)).toBeLessThan(margin.lower);
      if (judgement.verdict.endsWith('lager')) expect(Math.min(reference, shownRef)).toBeGreaterThan(margin.upper);
    }
    expect(judged).toBeGreaterThan(15000);
  });

  it('compares printed figures as the page prints them (Dutch rounding of the displayed decimals)', () => {
    expect(printedOrder(0.96, 1.04, 1)).toBe(0); // 1,0 and 1,0
    expect(printedOrder(0.94, 0.86, 1)).toBe(0); // 0,9 and 0,9
    expect(printedOrder(1.06, 0.96, 1)).toBe(1);
    expect(printedOrder(0.84, 0.86, 1)).toBe(-1);
  });
});

describe('change since a year earlier', () => {
  const rate = (count: number, denominator: number): ComparedRate => ({ count, denominator, shown: Math.round((count / denominator) * 1000) / 10 });

  it("is the Newcombe (MOVER-D) interval of the difference, from the widened Wilson intervals (R by hand)", () => {
    // 2.950 of 27.310 → 3.110 of 27.500, counts and denominators rounded to fives (each Wilson limit at the
    // fewest out of the most, or the most out of the fewest): 95% interval −0,029 to 1,044 percentage points;
    // 99.8% −0,332 to 1,347 (by hand in Python from Wilson's formula).
    const usual = changeInterval(rate(2950, 27310), rate(3110, 27500), PCT, Z95)!;
    expect(usual.lower).toBeCloseTo(-0.02938100319646797, 6);
    expect(usual.upper).toBeCloseTo(1.043722470143711, 6);
    const strict = changeInterval(rate(2950, 27310), rate(3110, 27500), PCT, Z998)!;
    expect(strict.lower).toBeCloseTo(-0.3323900570153253, 6);
    expect(strict.upper).toBeCloseTo(1.3466893656354448, 6);
    expect(judgeChange(rate(2950, 27310), rate(3110, 27500), PCT).verdict).toBe('niet-duidelijk-anders');
    expect(judgeChange(rate(2950, 27310), rate(3130, 27500), PCT).verdict).toBe('hoger');
    expect(judgeChange(rate(2950, 27310), rate(3300, 27500), PCT).verdict).toBe('duidelijk-hoger');
    expect(judgeChange(rate(3300, 27500), rate(2950, 27310), PCT).verdict).toBe('duidelijk-lager');
  });

  it('works for trajecten per 1.000 from Byar intervals', () => {
    const per1000 = { kind: 'poisson', per: 1000, decimals: 1 } as const;
    const t = (count: number, denominator: number): ComparedRate => ({ count, denominator, shown: Math.round((count / denominator) * 10000) / 10 });
    expect(judgeChange(t(2770, 27150), t(2800, 27200), per1000).verdict).toBe('niet-duidelijk-anders');
    expect(judgeChange(t(2770, 27150), t(3400, 27200), per1000).verdict).toBe('duidelijk-hoger');
  });

  it('gives no verdict for suppressed or tiny counts', () => {
    expect(judgeChange({ count: null, denominator: 800, shown: null }, rate(40, 800), PCT)).toEqual({ verdict: undefined, reason: 'afgeschermd' });
    expect(judgeChange(rate(0, 800), rate(0, 810), PCT)).toEqual({ verdict: undefined, reason: 'te-weinig' });
  });
});

describe('recent trend', () => {
  it('computes the chi-squared test for trend as R does (prop.trend.test; Poisson GLM score test)', () => {
    const sizes = [27310, 27400, 27450, 27500, 27560];
    expect(trendZ([2950, 3010, 3040, 3110, 3180], sizes, 'proportion')! ** 2).toBeCloseTo(8.95191038596, 6);
    expect(trendZ([300, 280, 260, 250, 230], sizes, 'proportion')! ** 2).toBeCloseTo(11.81928793616, 6);
    expect(trendZ([300, 280, 260, 250, 230], sizes, 'poisson')! ** 2).toBeCloseTo(11.70559124474, 6);
  });

  it('says which way the last five periods went at 99.8%', () => {
    const sizes = [27310, 27400, 27450, 27500, 27560];
    const points = (counts: number[]) =>
      counts.map((count, i) => {
        const denominator = sizes[Math.max(0, i - (counts.length - 5))]!;
        return { count, denominator, shown: Math.round((count / denominator) * 1000) / 10 };
      });
    // z² = 8,95 (z = 2,99 < 3,09): not beyond 99.8%.
    expect(judgeRecentTrend(points([2950, 3010, 3040, 3110, 3180]), PCT).direction).toBe('geen-duidelijke-richting');
    expect(judgeRecentTrend(points([2900, 3000, 3100, 3200, 3300]), PCT).direction).toBe('stijgend');
    expect(judgeRecentTrend(points([3300, 3200, 3100, 3000, 2900]), PCT).direction).toBe('dalend');
    // Only the last five count: a fall before them does not matter.
    expect(judgeRecentTrend(points([5000, 4000, 2900, 3000, 3100, 3200, 3300]), PCT).direction).toBe('stijgend');
    expect(judgeRecentTrend(points([3000, 3100]), PCT).reason).toBe('te-weinig-perioden');
  });
});

describe('words', () => {
  it('has a word for every verdict', () => {
    const all: Verdict[] = ['duidelijk-hoger', 'hoger', 'niet-duidelijk-anders', 'lager', 'duidelijk-lager'];
    expect(all.map((v) => VERDICT_TEXT[v].than)).toEqual(['duidelijk hoger dan', 'hoger dan', 'niet duidelijk anders dan', 'lager dan', 'duidelijk lager dan']);
  });
});
