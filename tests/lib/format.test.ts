import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatObservation, formatWithUnit, parseDutchNumber } from '../../src/lib/format/number';

describe('Dutch number format', () => {
  it('writes thousands with a dot and decimals with a comma', () => {
    expect(formatNumber(21520)).toBe('21.520');
    expect(formatNumber(461985)).toBe('461.985');
    expect(formatNumber(595)).toBe('595');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(6.2, 1)).toBe('6,2');
    expect(formatNumber(13, 1)).toBe('13,0');
    expect(formatNumber(1234.56, 1)).toBe('1.234,6');
  });

  it('shows symbols instead of numbers for missing figures', () => {
    expect(formatObservation({ value: null, symbol: '.' }, { decimals: 0 })).toBe('.');
    expect(formatObservation({ value: 0, symbol: '-' }, { decimals: 0 })).toBe('-');
    expect(formatObservation({ value: 13.2, symbol: null }, { decimals: 1 })).toBe('13,2');
  });

  it('names the unit', () => {
    expect(formatWithUnit(13.2, { decimals: 1, unit: '%' })).toBe('13,2%');
    expect(formatWithUnit(45.06, { decimals: 1, unit: 'per 1.000 jongeren' })).toBe('45,1 per 1.000 jongeren');
  });

  it('reads StatLine numbers back', () => {
    expect(parseDutchNumber('13,2')).toBe(13.2);
    expect(parseDutchNumber('21.520')).toBe(21520);
    expect(parseDutchNumber('21520')).toBe(21520);
    expect(parseDutchNumber('1.234,5')).toBe(1234.5);
    expect(parseDutchNumber('1.5')).toBeUndefined();
    expect(parseDutchNumber('abc')).toBeUndefined();
  });

  it('writes dates in Dutch', () => {
    expect(formatDate('2026-10-29')).toBe('29 oktober 2026');
  });
});
