/**
 * Trajecten as a stock (src/lib/demo/stock-flow.ts): what runs in a half year is what carried over from the
 * one before plus what began. Values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { carriedOver, withCarry } from '../../src/lib/demo/stock-flow';

describe('withCarry', () => {
  it('moves the usual inflow a quarter of the way to the level: 1.000 drawn, 600 carried, 380 usual, so 385 began', () => {
    // From 600 carried and 380 begun the level is 20 away; a quarter of that is 5.
    expect(withCarry({ lopend: 1000, gestart: 380, beeindigd: 370 }, 600)).toEqual({ lopend: 985, gestart: 385, beeindigd: 370 });
  });

  it('takes in fewer where the carry alone is above the level, but never fewer than half the usual inflow', () => {
    // 120 carried, 30 usual, level 100: 50 too many, a quarter of it (12,5, rounded to 12) fewer began.
    expect(withCarry({ lopend: 100, gestart: 30, beeindigd: 28 }, 120)).toEqual({ lopend: 138, gestart: 18, beeindigd: 28 });
    // 200 carried: a quarter of the 130 too many would leave none; half the usual 30 still begin.
    expect(withCarry({ lopend: 100, gestart: 30, beeindigd: 28 }, 200)).toEqual({ lopend: 215, gestart: 15, beeindigd: 28 });
  });

  it('never ends more than runs', () => {
    expect(withCarry({ lopend: 10, gestart: 8, beeindigd: 9 }, 2)).toEqual({ lopend: 10, gestart: 8, beeindigd: 9 });
    expect(withCarry({ lopend: 10, gestart: 2, beeindigd: 9 }, 2)).toEqual({ lopend: 6, gestart: 4, beeindigd: 6 });
  });

  it('leaves the draws alone without a carry (the first half year) or where nothing was delivered', () => {
    const drawn = { lopend: 50, gestart: 20, beeindigd: 19 };
    expect(withCarry(drawn, undefined)).toBe(drawn);
    expect(withCarry(drawn, NaN)).toBe(drawn);
    const none = { lopend: NaN, gestart: NaN, beeindigd: NaN };
    expect(withCarry(none, 40)).toBe(none);
  });

  it('carries over what ran and did not end', () => {
    expect(carriedOver({ lopend: 1000, gestart: 400, beeindigd: 370 })).toBe(630);
  });
});
