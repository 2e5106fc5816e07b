/**
 * A stable text key of a chart's input, so the same input is rendered once however it was built: object keys
 * are sorted, Maps and Sets are written as sorted entries, and numbers keep NaN and -0 apart from null and 0.
 */
export function stableKey(value: unknown): string {
  return write(value);
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Number.isNaN(value) ? 'NaN' : Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return String(value);
    case 'object':
      break;
    default:
      throw new Error(`stableKey: kan ${typeof value} niet als sleutel gebruiken`);
  }
  if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([k, v]) => `${write(k)}:${write(v)}`).sort();
    return `Map{${entries.join(',')}}`;
  }
  if (value instanceof Set) return `Set{${[...value].map(write).sort().join(',')}}`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`);
  return `{${entries.join(',')}}`;
}
