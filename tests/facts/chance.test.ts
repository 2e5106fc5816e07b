/**
 * The decimals a rate and its margin are printed with (src/lib/facts/chance.ts agreeingDecimals): what is
 * printed must agree with itself. Values are hand-computed from the demo figures the review found: Nederland's
 * verblijf, 36.155 of 3.336.510 youths (1,0836%, published 1,1%), and jeugdregio IJsselland's jeugdreclassering,
 * 0,226% against Nederland's 0,303%.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/format/number';
import type { DatasetMeta, Measure } from '../../src/schemas/dataset';
import { agreeingDecimals, distinctDecimals, intervalText, printedValue, rateKindOf, type PrintableRate } from '../../src/lib/facts/chance';

const nederlandVerblijf: PrintableRate = { published: 1.1, exact: (36155 / 3336510) * 100, interval: { lower: 1.0725, upper: 1.0948 } };

describe('agreeingDecimals', () => {
  it('keeps the published rate where it lies inside its printed margin', () => {
    const zwolle: PrintableRate = { published: 11.4, exact: (3110 / 27165) * 100, interval: { lower: 11.06, upper: 11.83 } };
    expect(agreeingDecimals(1, [zwolle])).toBe(1);
    expect(printedValue(zwolle, 1, 1)).toBe(11.4);
  });

  it('prints a rate with the decimals of a margin that needs them, computed from the counts (1,08 in 1,07–1,09, not 1,1)', () => {
    const d = agreeingDecimals(1, [nederlandVerblijf]);
    expect(d).toBe(2);
    expect(intervalText(nederlandVerblijf.interval!, d)).toBe('1,07–1,09');
    expect(printedValue(nederlandVerblijf, d, 1)).toBeCloseTo(1.0836, 4);
  });

  it('separates a reference judged different from the region’s printed margin (0,30 above 0,19–0,27, not 0,3 inside 0,2–0,3)', () => {
    const ijsselland: PrintableRate = { published: 0.2, exact: (165 / 73045) * 100, interval: { lower: 0.1935, upper: 0.2655 } };
        // Without the verdict one decimal is enough for IJsselland's own figures (0,2 in 0,2–0,3).
    expect(agreeingDecimals(1, [ijsselland])).toBe(1);
    // Nederland printed as published (0,3, in a sentence) and in its own row (0,30): both above IJsselland's margin.
    const d = agreeingDecimals(1, [ijsselland], [{ printed: [0.3, 0.3], regionIs: 'lager' }], ijsselland);
    expect(d).toBe(2);
    expect(intervalText(ijsselland.interval!, d)).toBe('0,19–0,27');
    expect(printedValue(ijsselland, d, 1)).toBeCloseTo(0.2259, 4);
    // A reference printed inside every margin the region can print cannot be separated: the most decimals.
    expect(agreeingDecimals(1, [ijsselland], [{ printed: [0.2], regionIs: 'lager' }], ijsselland)).toBe(3);
  });

  it('gives up after two more decimals, and keeps the published figure when nothing has counts', () => {
    const touching: PrintableRate = { published: 5, exact: 5, interval: { lower: 5, upper: 5 } };
    expect(agreeingDecimals(1, [touching])).toBe(3);
    const published: PrintableRate = { published: 2.5, exact: null, interval: undefined };
    expect(agreeingDecimals(1, [published])).toBe(1);
    expect(printedValue(published, 3, 1)).toBe(2.5);
  });
});

describe('distinctDecimals', () => {
  // Hellendoorn's jeugdbescherming (1e halfjaar 2026, default data): Nederland and its vergelijkbare gemeenten
  // are both published as 1,0%; against the first it is "hoger", against the second "niet duidelijk anders".
  const nederland: PrintableRate = { published: 1.0, exact: (31720 / 3336510) * 100, interval: { lower: 0.94, upper: 0.96 } };
  const peers: PrintableRate = { published: 1.0, exact: (740 / 71000) * 100, interval: { lower: 0.97, upper: 1.12 } };

  it('prints two figures with different verdicts with more decimals where they would print alike (0,95 and 1,04, not 1,0 and 1,0)', () => {
    const decimals = distinctDecimals(1, [
      { rate: nederland, decimals: 1, verdict: 'hoger' },
      { rate: peers, decimals: 1, verdict: 'niet-duidelijk-anders' },
    ]);
    expect(decimals).toEqual([2, 2]);
    expect(formatNumber(printedValue(nederland, 2, 1)!, 2)).toBe('0,95');
    expect(formatNumber(printedValue(peers, 2, 1)!, 2)).toBe('1,04');
  });

  it('leaves alike figures alone when their verdicts agree, or when one has no verdict, and keeps more decimals a row already had', () => {
    expect(distinctDecimals(1, [{ rate: nederland, decimals: 1, verdict: 'hoger' }, { rate: peers, decimals: 1, verdict: 'hoger' }])).toEqual([1, 1]);
    expect(distinctDecimals(1, [{ rate: nederland, decimals: 1, verdict: 'hoger' }, { rate: peers, decimals: 1, verdict: undefined }])).toEqual([1, 1]);
    expect(distinctDecimals(1, [{ rate: nederland, decimals: 2, verdict: 'hoger' }, { rate: peers, decimals: 1, verdict: 'niet-duidelijk-anders' }])).toEqual([2, 1]);
  });

  it('goes up to two more decimals, and no further where the figures stay alike', () => {
    const a: PrintableRate = { published: 0.3, exact: 0.3012, interval: undefined };
    const b: PrintableRate = { published: 0.3, exact: 0.3038, interval: undefined };
    expect(distinctDecimals(1, [{ rate: a, decimals: 1, verdict: 'lager' }, { rate: b, decimals: 1, verdict: 'niet-duidelijk-anders' }])).toEqual([3, 3]);
    // One printed with more decimals already: the other gets as many first (0,30 and 0,33, not 0,301 and 0,33).
    const earlier: PrintableRate = { published: 0.3, exact: 0.3333, interval: undefined };
    expect(distinctDecimals(1, [{ rate: a, decimals: 2, verdict: 'hoger' }, { rate: earlier, decimals: 1, verdict: 'niet-duidelijk-anders' }])).toEqual([2, 2]);
    const same: PrintableRate = { published: 0.3, exact: 0.3, interval: undefined };
    expect(distinctDecimals(1, [{ rate: same, decimals: 1, verdict: 'lager' }, { rate: same, decimals: 1, verdict: 'hoger' }])).toEqual([3, 3]);
  });
});

describe('rateKindOf', () => {
  const meta = (numerator: 'personen' | 'trajecten', denominator: 'inwoners' | 'trajecten') =>
    ({
      measures: [
        { id: 'teller', countOf: numerator, type: 'aantal' },
        { id: 'noemer', countOf: denominator, type: 'aantal' },
      ],
    }) as unknown as DatasetMeta;
  const rate = { id: 'r', type: 'rate', rate: { numerator: 'teller', denominator: 'noemer', per: 100 } } as unknown as Measure;

  it('treats youths out of all youths, and trajecten out of trajecten, as a proportion: each is in the part or not', () => {
    expect(rateKindOf(meta('personen', 'inwoners'), rate)).toBe('proportion');
    expect(rateKindOf(meta('trajecten', 'trajecten'), rate)).toBe('proportion');
  });

  it('treats trajecten per youth as a Poisson count: one youth can have several', () => {
    expect(rateKindOf(meta('trajecten', 'inwoners'), rate)).toBe('poisson');
  });
});
