import { describe, expect, it } from 'vitest';
import { discloseCount, roundToBase } from '../../src/lib/demo/disclosure';

describe('disclosure control', () => {
  it('rounds counts to multiples of 5', () => {
    expect([10, 12, 13, 17, 18, 1002, 1003].map((n) => roundToBase(n))).toEqual([10, 10, 15, 15, 20, 1000, 1005]);
    expect(discloseCount(12)).toEqual({ value: 10, symbol: null });
  });

  it('suppresses fewer than 10 before rounding, and shows nihil only where allowed', () => {
    expect(discloseCount(9)).toEqual({ value: null, symbol: '.' });
    expect(discloseCount(0)).toEqual({ value: null, symbol: '.' });
    expect(discloseCount(0, { nihil: true })).toEqual({ value: 0, symbol: '-' });
    expect(discloseCount(3, { nihil: true })).toEqual({ value: null, symbol: '.' });
    expect(discloseCount(undefined)).toEqual({ value: null, symbol: '.' });
  });
});
