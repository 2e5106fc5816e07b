import type { Measure } from '../../schemas/dataset';
import type { Observation } from '../data/symbols';

/**
 * Numbers as Dutch readers expect them: a dot for thousands and a decimal comma (12.345; 6,2). Formatters
 * are cached per decimals because Intl.NumberFormat is slow to construct and tables format thousands of cells.
 */
const formatters = new Map<number, Intl.NumberFormat>();
/**
 * Formatted numbers per decimals: a build formats the same few thousand values (counts rounded to fives,
 * rates to one decimal) hundreds of thousands of times, and a lookup costs far less than Intl's format.
 */
const formatted = new Map<number, Map<number, string>>();
const MAX_CACHED = 100_000;

export function formatNumber(value: number, decimals = 0): string {
  let cache = formatted.get(decimals);
  if (!cache) formatted.set(decimals, (cache = new Map()));
  let text = cache.get(value);
  if (text === undefined) {
    // A Map key does not tell -0 from 0, and Intl writes "-0": keep -0 out of the cache.
    if (Object.is(value, -0)) return formatUncached(value, decimals);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(value, (text = formatUncached(value, decimals)));
  }
  return text;
}

function formatUncached(value: number, decimals: number): string {
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(decimals, formatter);
  }
  // nl-NL does not group four-digit numbers by default in some ICU versions; CBS writes 1.234, so force it.
  return groupThousands(formatter.format(value));
}

function groupThousands(text: string): string {
  return text.replace(/^(-?)(\d{1,3})(\d{3})(?=,|$)/, '$1$2.$3');
}

/** A count with its noun in the right number: "1 periode", "23 perioden", "1.234 gemeenten". */
export function countWords(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** A cell as a table shows it: the number in the measure's decimals, or its CBS symbol. */
export function formatObservation(cell: Observation | undefined, measure: Pick<Measure, 'decimals'>): string {
  if (!cell) return '.';
  if (cell.symbol !== null) return cell.symbol;
  if (cell.value === null) return '.';
  return formatNumber(cell.value, measure.decimals);
}

/** A value with its unit for running text: "21.520 jongeren", "13,2%", "45,1 per 1.000 jongeren". */
export function formatWithUnit(value: number, measure: Pick<Measure, 'decimals' | 'unit'>): string {
  const number = formatNumber(value, measure.decimals);
  if (measure.unit === '%') return `${number}%`;
  return `${number} ${measure.unit}`;
}

/** A percentage with one decimal, as the domain conventions ask: "6,2%". */
export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}%`;
}

/** Parses a Dutch number as StatLine writes it ("12.345", "6,2"); undefined when it is not one. */
export function parseDutchNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed.replace(/\./g, '').replace(',', '.'));
}

let dateFormatter: Intl.DateTimeFormat | undefined;

/** ISO date → "29 oktober 2026". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  // Constructed once: every page formats dates (the release and build dates in its footer and cite line).
  dateFormatter ??= new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return dateFormatter.format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}
