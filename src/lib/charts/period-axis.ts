/**
 * Where periods sit on a time axis: each period at the middle of the time it covers, in fractional years,
 * so half years, years and peildata of one series share an axis. Ticks mark the middle of each year.
 */
import { parsePeriodCode, periodLabel, type Period } from '../data/periods';

export function periodPosition(period: Period): number {
  switch (period.kind) {
    case 'jaar':
      return period.year + 0.5;
    case 'halfjaar':
      return period.year + (period.part - 0.5) / 2;
    case 'kwartaal':
      return period.year + (period.part - 0.5) / 4;
    case 'maand':
      return period.year + (period.part - 0.5) / 12;
    case 'peildatum':
      return period.year + period.part / 12;
  }
}

/** Half the width of the period on the axis, for bands around converted periods. */
export function periodHalfWidth(period: Period): number {
  switch (period.kind) {
    case 'jaar':
      return 0.5;
    case 'halfjaar':
      return 0.25;
    case 'kwartaal':
      return 0.125;
    case 'maand':
      return 1 / 24;
    case 'peildatum':
      return 0.25;
  }
}

/**
 * The distinct periods of some codes in time order (as comparePeriods orders them: by end, a longer period
 * after the shorter ones it ends with). Codes are parsed once and sorted on numbers, because text
 * alternatives and specs sort the periods of every series of every chart.
 */
export function sortedPeriods(codes: Iterable<string>): Period[] {
  const unique = new Map<string, Period>();
  for (const code of codes) {
    if (unique.has(code)) continue;
    const period = parsePeriodCode(code);
    if (!period) throw new Error(`geen CBS-periodecode: ${code}`);
    unique.set(code, period);
  }
  const byCode = new Map<string, { period: Period; end: number; start: number }>();
  for (const period of unique.values()) {
    const half = periodHalfWidth(period);
    const middle = periodPosition(period);
    // A peildatum is one day: it starts where it ends.
    const day = period.kind === 'peildatum';
    byCode.set(period.code, { period, end: round6(day ? middle : middle + half), start: round6(day ? middle : middle - half) });
  }
  return [...byCode.values()].sort((a, b) => a.end - b.end || b.start - a.start).map((k) => k.period);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Year ticks for the span of some periods: every year, or every other year when there are many. */
export function yearTicks(periods: readonly Period[], maxTicks = 12): number[] {
  if (periods.length === 0) return [];
  const first = periods[0]!.year;
  const last = periods.at(-1)!.year;
  const every = Math.max(1, Math.ceil((last - first + 1) / maxTicks));
  const ticks: number[] = [];
  for (let year = first; year <= last; year += every) ticks.push(year + 0.5);
  return ticks;
}

/** A period after a preposition: "in het 1e halfjaar 2015", "in 2015", "op 30 juni 2025". */
export function inPeriod(period: Period): string {
  const label = periodLabel(period);
  if (period.kind === 'peildatum') return `op ${label}`;
  return period.kind === 'halfjaar' || period.kind === 'kwartaal' ? `in het ${label}` : `in ${label}`;
}
