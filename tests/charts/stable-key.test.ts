import { describe, expect, it } from 'vitest';
import { stableKey } from '../../src/lib/charts/stable-key';

/** Freezes a value and everything in it, as the pages freeze the points all pages of a funnel share. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('stable key of a chart input', () => {
  it('does not depend on the order of object keys, Map entries or Set members', () => {
    const a = { title: 't', values: new Map([['GM0363', { value: 1, symbol: null }], ['GM0014', { symbol: '.', value: null }]]), group: new Set(['b', 'a']) };
    const b = { group: new Set(['a', 'b']), values: new Map([['GM0014', { value: null, symbol: '.' }], ['GM0363', { symbol: null, value: 1 }]]), title: 't' };
    expect(stableKey(a)).toBe(stableKey(b));
  });

  it('tells apart what JSON would confuse', () => {
    const keys = [null, undefined, 0, -0, NaN, Infinity, '0', [], {}, new Map(), new Set(), [undefined], { a: undefined }].map(stableKey);
    // JSON drops undefined properties, so { a: undefined } and {} share a key: both render the same chart.
    expect(new Set(keys).size).toBe(keys.length - 1);
    expect(stableKey({ a: undefined })).toBe(stableKey({}));
    expect(stableKey([1, 2])).not.toBe(stableKey([2, 1]));
  });

  it('refuses values that cannot be part of a key', () => {
    expect(() => stableKey({ f: () => 1 })).toThrow(/function/);
  });

  it('keeps the key of a large array only when nothing in it can change', () => {
    const values = () => Array.from({ length: 40 }, (_, i) => ({ code: `GM${i}`, value: i }));
    const frozen = deepFreeze(values());
    expect(stableKey({ values: frozen })).toBe(stableKey({ values: deepFreeze(values()) }));
    expect(stableKey({ values: frozen })).not.toBe(stableKey({ values: deepFreeze(values().reverse()) }));
    // Frozen on the outside only: an item can still change, and the key must follow it.
    const items = values();
    const shallow = Object.freeze(items);
    const before = stableKey(shallow);
    items[0]!.value = 99;
    expect(stableKey(shallow)).not.toBe(before);
  });
});
