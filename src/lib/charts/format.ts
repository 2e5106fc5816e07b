/**
 * Numbers in charts, in nl-NL (Plot formats en-US unless given a formatter). Everything a chart writes goes
 * through these functions: tick labels, value labels, titles and text alternatives.
 */
import { tickIncrement } from 'd3-array';
import { formatNumber } from '../format/number';

/** Units that need no word after the number: the axis label says what is counted. */
const BARE_UNITS = new Set(['aantal', '']);

/** A value with its unit for running text and labels: "12.300", "6,2%", "45,1 per 1.000 jongeren". */
export function formatChartValue(value: number, unit: string, decimals: number): string {
  return withUnit(formatNumber(value, decimals), unit);
}

/** A number as printed ("0,02"), with its unit as a chart writes it. */
export function withUnit(number: string, unit: string): string {
  if (unit === '%') return `${number}%`;
  if (BARE_UNITS.has(unit)) return number;
  return `${number} ${unit}`;
}

/** A bar's value as printed: as its table prints it where it says, else in the chart's decimals. */
export function barValueText(bar: { value: number; printed?: string }, unit: string, decimals: number): string {
  return bar.printed !== undefined ? withUnit(bar.printed, unit) : formatChartValue(bar.value, unit, decimals);
}

/** The axis title for a unit: "%" and "aantal" stay, a rate keeps its words. */
export function axisLabel(unit: string): string {
  return unit === '' ? 'aantal' : unit;
}

/** Decimals needed to tell ticks `step` apart: 0 for 5, 1 for 0.5, 2 for 0.25. */
export function tickDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let decimals = 0; decimals < 6; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return decimals;
  }
  return 6;
}

/** A tick formatter for a linear axis with the given tick values: nl-NL, as many decimals as the step needs. */
export function tickFormatter(ticks: readonly number[]): (value: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const decimals = tickDecimals(step);
  return (value: number) => formatNumber(value, decimals);
}

/**
 * A zero-based "nice" domain with its ticks, so the axis starts at zero (rates and counts are compared by
 * size) and the chart knows its ticks before Plot draws them.
 */
export function niceZeroDomain(values: readonly number[], count = 5): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (lo === hi) hi = lo + 1;
  for (let i = 0; i < 10; i++) {
    const step = tickIncrement(lo, hi, count);
    const nlo = step > 0 ? Math.floor(lo / step) * step : Math.floor(lo * -step) / -step;
    const nhi = step > 0 ? Math.ceil(hi / step) * step : Math.ceil(hi * -step) / -step;
    if (nlo === lo && nhi === hi) break;
    lo = nlo;
    hi = nhi;
  }
  const step = tickIncrement(lo, hi, count);
  const size = step > 0 ? step : 1 / -step;
  const ticks: number[] = [];
  for (let i = Math.round(lo / size); i * size <= hi + size * 1e-9; i++) ticks.push(roundFloat(i * size));
  return { domain: [lo, hi], ticks };
}

function roundFloat(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** A rough text width in pixels for margin sizes; system-ui averages about 0.58 em per character. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.58);
}
