/**
 * A stable text key of a chart's input, so the same input is rendered once however it was built: object keys
 * are sorted, Maps and Sets are written as sorted entries, and NaN, -0 and undefined are kept apart from
 * null and 0. Built on JSON.stringify, which is several times faster than walking the value by hand; the key
 * of a chart with 342 gemeenten is made on every page that asks for it.
 */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, replacer) ?? 'undefined';
}

const deeplyFrozen = new WeakSet<object>();

function isDeeplyFrozen(value: object): boolean {
  if (deeplyFrozen.has(value)) return true;
  if (!Object.isFrozen(value) || value instanceof Map || value instanceof Set) return false;
  const frozen = Object.values(value).every((item) => item === null || typeof item !== 'object' || isDeeplyFrozen(item));
  if (frozen) deeplyFrozen.add(value);
  return frozen;
}

/** Keys of large deeply frozen arrays; such an array cannot change, so its key is written once. */
const frozenKeys = new WeakMap<object, string>();
const KEEP_FROM = 32;

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (Array.isArray(value) && value.length >= KEEP_FROM && isDeeplyFrozen(value)) {
    let key = frozenKeys.get(value);
    // A copy is not frozen, so the key is made the ordinary way.
    if (key === undefined) frozenKeys.set(value, (key = stableKey([...value])));
    return { $frozen: key };
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' };
    if (!Number.isFinite(value)) return { $number: String(value) };
    if (Object.is(value, -0)) return { $number: '-0' };
    return value;
  }
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    throw new Error(`stableKey: kan ${typeof value} niet als sleutel gebruiken`);
  }
  if (value instanceof Map) return { $map: [...value.entries()].map((entry) => stableKey(entry)).sort() };
  if (value instanceof Set) return { $set: [...value].map((item) => stableKey(item)).sort() };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (isSorted(keys)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of keys.sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
