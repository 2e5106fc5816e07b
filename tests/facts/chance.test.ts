/**
 * The decimals a rate and its margin are printed with (src/lib/facts/chance.ts agreeingDecimals): what is
 * printed must agree with itself. Values are hand-computed from the demo figures the review found: Nederland's
 * verblijf, 36.155 of 3.336.510 youths (1,0836%, published 1,1%), and jeugdregio IJsselland's jeugdreclassering,
 * 0,226% against Nederland's 0,303%.
 */
import { describe, expect, it } from 'vitest';
import type { DatasetMeta, Measure } from '../../src/schemas/dataset';
import { agreeingDecimals, intervalText, printedValue, rateKindOf, type PrintableRate } from '../../src/lib/facts/chance';

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
