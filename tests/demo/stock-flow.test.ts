/**
 * Trajecten as a stock (src/lib/demo/stock-flow.ts): what runs in a half year is what carried over from the
 * one before plus what began. Values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { carriedOver, measuresWithCarry, withCarry } from '../../src/lib/demo/stock-flow';

describe('withCarry', () => {
  it('moves the usual inflow a quarter of the way to the level: 1.000 drawn, 600 carried, 380 usual, so 385 began', () => {
    // From 600 carried and 380 begun the level is 20 away; a quarter of that is 5.
    expect(withCarry({ lopend: 1000, gestart: 380, beeindigd: 370 }, 600)).toEqual({ lopend: 985, gestart: 385, beeindigd: 370 });
    // Ending with the stock: of the 985 running, 37% end as drawn (370 of 1.000): 364.
    expect(withCarry({ lopend: 1000, gestart: 380, beeindigd: 370 }, 600, true)).toEqual({ lopend: 985, gestart: 385, beeindigd: 364 });
  });

  it('takes in fewer where the carry alone is above the level, but never fewer than half the usual inflow', () => {
    // 120 carried, 30 usual, level 100: 50 too many, a quarter of it (12,5, rounded to 12) fewer began.
    expect(withCarry({ lopend: 100, gestart: 30, beeindigd: 28 }, 120)).toEqual({ lopend: 138, gestart: 18, beeindigd: 28 });
    // Ending with the stock, 28% of the 138 running end (38,6): it shrinks towards its level from both sides.
    expect(withCarry({ lopend: 100, gestart: 30, beeindigd: 28 }, 120, true)).toEqual({ lopend: 138, gestart: 18, beeindigd: 39 });
    // 200 carried: a quarter of the 130 too many would leave none; half the usual 30 still begin.
    expect(withCarry({ lopend: 100, gestart: 30, beeindigd: 28 }, 200)).toEqual({ lopend: 215, gestart: 15, beeindigd: 28 });
  });

  it('never ends more than runs', () => {
    expect(withCarry({ lopend: 10, gestart: 8, beeindigd: 9 }, 2)).toEqual({ lopend: 10, gestart: 8, beeindigd: 9 });
    expect(withCarry({ lopend: 10, gestart: 2, beeindigd: 9 }, 2)).toEqual({ lopend: 6, gestart: 4, beeindigd: 6 });
    expect(withCarry({ lopend: 10, gestart: 2, beeindigd: 9 }, 2, true)).toEqual({ lopend: 6, gestart: 4, beeindigd: 5 });
  });

  it('ends a small stock with its share of what runs where a quarter of the way rounds to nothing', () => {
    // Level 2, carry 3, usual inflow 1: a quarter of the one too many rounds to 0, but half of the 4 running end.
    expect(withCarry({ lopend: 2, gestart: 1, beeindigd: 1 }, 3, true)).toEqual({ lopend: 4, gestart: 1, beeindigd: 2 });
    // Nothing drawn to run: what carried over ends.
    expect(withCarry({ lopend: 0, gestart: 0, beeindigd: 0 }, 3, true)).toEqual({ lopend: 3, gestart: 0, beeindigd: 3 });
    // Ending as drawn, such a stock stays where it is.
    expect(withCarry({ lopend: 2, gestart: 1, beeindigd: 1 }, 3)).toEqual({ lopend: 4, gestart: 1, beeindigd: 1 });
  });

  it('leaves the draws alone without a carry (the first half year) or where nothing was delivered', () => {
    const drawn = { lopend: 50, gestart: 20, beeindigd: 19 };
    expect(withCarry(drawn, undefined)).toBe(drawn);
    expect(withCarry(drawn, NaN)).toBe(drawn);
    const none = { lopend: NaN, gestart: NaN, beeindigd: NaN };
    expect(withCarry(none, 40)).toBe(none);
  });

  it('carries over what ran and did not end', () => {
    expect(carriedOver({ lopend: 1000, beeindigd: 370 })).toBe(630);
  });

  it('makes measures one stock the same way, naming the begun ones as their tables do', () => {
    // Carry 300, usual inflow 80, level 420: a quarter of the way from 380 to 420 is 10 more begun; 75 of 420
    // end as drawn, so 70 of the 390 running.
    expect(measuresWithCarry({ lopend: 420, begonnen: 80, beeindigd: 75 }, 300)).toEqual({ lopend: 390, begonnen: 90, beeindigd: 70 });
    const drawn = { lopend: 20, begonnen: 5, beeindigd: 4 };
    expect(measuresWithCarry(drawn, undefined)).toEqual(drawn);
  });
});
