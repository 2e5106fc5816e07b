/**
 * Text alternatives of the charts, generated from the data they show. Each says in a few sentences what a
 * sighted reader takes from the chart; the data table beside the chart has every figure.
 */
import { joinDutch } from '../format/text';
import { median, quantileSorted } from 'd3-array';
import { countWords } from '../format/number';
import { comparePeriods, parsePeriodCode, periodLabel, type Period } from '../data/periods';
import { barValueText, formatChartValue } from './format';
import { inPeriod, sortedPeriods } from './period-axis';
import type { BarChartInput, BarInput, TrendChartInput, TrendPoint } from './types';
import type { MapClasses } from './classes';

/** A change smaller than this share of the first value is described as "ongeveer gelijk". */
const STEADY_SHARE = 0.02;

export const NO_FIGURE = 'geen cijfer (afgeschermd of ontbreekt)';

const SYMBOL_MEANING: Record<string, string> = {
  '.': 'afgeschermd of ontbreekt',
  x: 'geheim',
  '-': 'nihil',
  '': 'kan niet voorkomen',
};

export function symbolMeaning(symbol: string | null | undefined): string {
  return SYMBOL_MEANING[symbol ?? '.'] ?? SYMBOL_MEANING['.']!;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusSuffix(point: TrendPoint): string {
  if (point.status === 'voorlopig') return ' (voorlopig)';
  if (point.status === 'nader-voorlopig') return ' (nader voorlopig)';
  return '';
}

interface DefinedPoint extends TrendPoint {
  value: number;
  parsed: Period;
}

function definedPoints(points: readonly TrendPoint[]): DefinedPoint[] {
  const order = new Map(sortedPeriods(points.map((p) => p.period)).map((p, i) => [p.code, i]));
  return points
    .filter((p): p is TrendPoint & { value: number } => p.value !== null && Number.isFinite(p.value))
    .map((p) => ({ ...p, parsed: parsePeriodCode(p.period)! }))
    .sort((a, b) => order.get(a.parsed.code)! - order.get(b.parsed.code)!);
}

/** The latest trend break after the line's first figure and not after its last, as a period; undefined without one. */
function latestBreakWithin(input: TrendChartInput, points: readonly DefinedPoint[]): Period | undefined {
  const [first, last] = [points[0], points.at(-1)];
  if (!first || !last) return undefined;
  return (input.trendBreaks ?? [])
    .map((b) => parsePeriodCode(b.period))
    .filter((p): p is Period => p !== undefined && comparePeriods(p, first.parsed) > 0 && comparePeriods(p, last.parsed) <= 0)
    .sort(comparePeriods)
    .at(-1);
}

function changeVerb(first: number, last: number): 'steeg' | 'daalde' | 'gelijk' {
  const base = Math.abs(first) > 0 ? Math.abs(first) : 1;
  if (Math.abs(last - first) / base < STEADY_SHARE) return 'gelijk';
  return last > first ? 'steeg' : 'daalde';
}

export function describeTrend(input: TrendChartInput): string {
  const main = input.series.find((s) => s.highlight) ?? input.series[0];
  if (!main) return 'De grafiek heeft geen cijfers.';
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const subject = `${capitalise(input.subject ?? 'het cijfer')} ${input.subject ? 'in' : 'voor'} ${main.label}`;
  // A rise or fall is told since the latest trend break inside the line, never across it: figures on either
  // side are not comparable (jeugdreclassering from 2021).
  const all = definedPoints(main.points);
  const since = latestBreakWithin(input, all);
  const fromBreak = <T extends { parsed: Period }>(list: T[]) => (since ? list.filter((p) => comparePeriods(p.parsed, since) >= 0) : list);
  const points = fromBreak(all);
  const sentences: string[] = [];
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) {
    sentences.push(`${subject}: ${NO_FIGURE} in alle perioden.`);
  } else if (first === last) {
    sentences.push(`${subject} was ${fmt(first.value)} ${inPeriod(first.parsed)}${statusSuffix(first)}.`);
  } else {
    const verb = changeVerb(first.value, last.value);
    const from = `${fmt(first.value)} ${inPeriod(first.parsed)}${statusSuffix(first)}`;
    const to = `${fmt(last.value)} ${inPeriod(last.parsed)}${statusSuffix(last)}`;
    const lead = since ? `Sinds de trendbreuk ${inPeriod(since)}: ` : '';
    const told = verb === 'gelijk' ? `${subject} bleef ongeveer gelijk: ${from} en ${to}.` : `${subject} ${verb} van ${from} tot ${to}.`;
    sentences.push(since ? `${lead}${told.charAt(0).toLowerCase()}${told.slice(1)}` : told);
    const peak = points.reduce((a, b) => (b.value > a.value ? b : a));
    if (peak !== first && peak !== last && peak.value > Math.max(first.value, last.value) * (1 + STEADY_SHARE)) {
      sentences.push(`Het hoogste cijfer was ${fmt(peak.value)} ${inPeriod(peak.parsed)}.`);
    }
  }
  const change = changeSentence(input, main.label, points, fmt);
  if (change) sentences.push(change);
  const comparisons = input.series
    .filter((s) => s !== main)
    .map((s) => {
      const pts = fromBreak(definedPoints(s.points));
      const a = pts[0];
      const b = pts.at(-1);
      if (!a || !b) return `${s.label}: ${NO_FIGURE}`;
      const samePeriods = first && last && a.period === first.period && b.period === last.period;
      if (a === b) return `${s.label} ${fmt(a.value)} ${inPeriod(a.parsed)}`;
      if (samePeriods && fmt(a.value) === fmt(b.value)) return `${s.label} bleef op ${fmt(a.value)}`;
      return samePeriods
        ? `${s.label} van ${fmt(a.value)} tot ${fmt(b.value)}`
        : `${s.label} van ${fmt(a.value)} ${inPeriod(a.parsed)} tot ${fmt(b.value)} ${inPeriod(b.parsed)}`;
    });
  if (comparisons.length > 0) sentences.push(`Ter vergelijking: ${comparisons.join('; ')}.`);
  const band = bandSentence(input, fmt);
  if (band) sentences.push(band);
  // Gaps anywhere in the drawn line, the part before a break included.
  const gaps = all[0] && all.at(-1) ? missingWithin(main.points, all[0].parsed, all.at(-1)!.parsed) : 0;
  if (gaps > 0) {
    sentences.push(`Voor ${countWords(gaps, 'periode', 'perioden')} is er ${NO_FIGURE}; de lijn is daar onderbroken.`);
  }
  const converted = convertedSentence(main.points);
  if (converted) sentences.push(converted);
  for (const brk of input.trendBreaks ?? []) {
    const period = parsePeriodCode(brk.period);
    if (period) sentences.push(`Trendbreuk vanaf ${periodLabel(period)}: ${brk.note.replace(/\.?$/, '.')}`);
  }
  return sentences.join(' ');
}

/**
 * The marked change, in the page's own words: "De omcirkelde punten vergelijken Zwolle in het 1e halfjaar
 * 2026 (11,2%, voorlopig) met het 1e halfjaar 2025 (10,4%): hoger."
 */
function changeSentence(input: TrendChartInput, label: string, points: readonly DefinedPoint[], fmt: (v: number) => string): string | undefined {
  const from = input.change && parsePeriodCode(input.change.from);
  const to = input.change && parsePeriodCode(input.change.to);
  if (!input.change || !from || !to) return undefined;
  const figure = (period: Period) => {
    const point = points.find((p) => p.parsed.code === period.code);
    return point ? ` (${fmt(point.value)}${statusSuffix(point).replace(/^ \((.*)\)$/, ', $1')})` : '';
  };
  const article = (period: Period) => (period.kind === 'halfjaar' || period.kind === 'kwartaal' ? `het ${periodLabel(period)}` : periodLabel(period));
  return `De omcirkelde punten vergelijken ${label} ${inPeriod(to)}${figure(to)} met ${article(from)}${figure(from)}: ${input.change.words}.`;
}

/** "Het vlak toont de middelste helft van de gemeenten met …, van 9,1% tot 12,8% in het 1e halfjaar 2026." */
function bandSentence(input: TrendChartInput, fmt: (v: number) => string): string | undefined {
  if (!input.band) return undefined;
  const ranges = input.band.points.filter((p) => Number.isFinite(p.low) && Number.isFinite(p.high) && parsePeriodCode(p.period));
  const order = new Map(sortedPeriods(ranges.map((p) => p.period)).map((p, i) => [p.code, i]));
  const last = ranges.reduce<(typeof ranges)[number] | undefined>((a, b) => (!a || order.get(parsePeriodCode(b.period)!.code)! > order.get(parsePeriodCode(a.period)!.code)! ? b : a), undefined);
  if (!last) return undefined;
  const label = /^(de|het|een|alle)\s/i.test(input.band.label) ? input.band.label : `de ${input.band.label}`;
  const [low, high] = [Math.min(last.low, last.high), Math.max(last.low, last.high)];
  return `Het vlak toont ${label}, van ${fmt(low)} tot ${fmt(high)} ${inPeriod(parsePeriodCode(last.period)!)}.`;
}

function missingWithin(points: readonly TrendPoint[], from: Period, to: Period): number {
  const ordered = sortedPeriods(points.map((p) => p.period));
  const lo = ordered.findIndex((p) => p.code === from.code);
  const hi = ordered.findIndex((p) => p.code === to.code);
  const inside = new Set(ordered.slice(lo, hi + 1).map((p) => p.code));
  return points.filter((p) => inside.has(parsePeriodCode(p.period)!.code) && (p.value === null || !Number.isFinite(p.value))).length;
}

/** "Cijfers vóór 2023 zijn omgerekend naar de huidige indeling." when the converted periods come first. */
export function convertedSentence(points: readonly TrendPoint[]): string | undefined {
  const ordered = sortedPeriods(points.map((p) => p.period));
  const byCode = new Map(points.map((p) => [parsePeriodCode(p.period)!.code, p]));
  const flags = ordered.map((p) => byCode.get(p.code)?.converted === true);
  const count = flags.filter(Boolean).length;
  if (count === 0) return undefined;
  if (count === flags.length) return 'Alle cijfers zijn omgerekend naar de huidige indeling.';
  const firstPlain = flags.indexOf(false);
  const isPrefix = flags.slice(0, firstPlain).every(Boolean) && !flags.slice(firstPlain).some(Boolean);
  if (!isPrefix) return `Cijfers van ${countWords(count, 'periode', 'perioden')} zijn omgerekend naar de huidige indeling.`;
  const boundary = ordered[firstPlain]!;
  const startsYear = boundary.kind === 'jaar' || boundary.part === 1;
  return startsYear
    ? `Cijfers vóór ${boundary.year} zijn omgerekend naar de huidige indeling.`
    : `Cijfers tot en met ${periodLabel(ordered[firstPlain - 1]!)} zijn omgerekend naar de huidige indeling.`;
}

/** Median, quartiles and range of some values; undefined when there are none. */
export function distribution(values: readonly number[]): { count: number; min: number; q1: number; median: number; q3: number; max: number } | undefined {
  // A typed array sorts numbers by value without a comparator: much faster for the 342 gemeenten of a map.
  const sorted = Array.from(Float64Array.from(values.filter((v) => Number.isFinite(v))).sort());
  if (sorted.length === 0) return undefined;
  return {
    count: sorted.length,
    min: sorted[0]!,
    q1: quantileSorted(sorted, 0.25)!,
    median: median(sorted)!,
    q3: quantileSorted(sorted, 0.75)!,
    max: sorted.at(-1)!,
  };
}

function gemeenten(count: number): string {
  return countWords(count, 'gemeente', 'gemeenten');
}

export function describeBars(input: BarChartInput): string {
  const fmt = (b: BarInput) => barValueText({ value: b.value!, ...(b.printed !== undefined ? { printed: b.printed } : {}) }, input.unit, input.decimals);
  const shown = input.bars.filter((b) => b.value !== null && Number.isFinite(b.value));
  const missing = input.bars.filter((b) => b.value === null || !Number.isFinite(b.value));
  const sentences: string[] = [];
  if (shown.length === 0) {
    sentences.push(`Er is voor geen enkele categorie een cijfer.`);
  } else if (shown.length <= 8) {
    sentences.push(`${shown.map((b) => `${b.label}: ${fmt(b)}`).join('; ')}.`);
    if (shown.length > 2) {
      const top = shown.reduce((a, b) => (b.value! > a.value! ? b : a));
      sentences.push(`Het grootst is ${top.label}.`);
    }
  } else {
    const sorted = [...shown].sort((a, b) => b.value! - a.value!);
    const top = sorted.slice(0, 3).map((b) => `${b.label} (${fmt(b)})`);
    const bottom = sorted.at(-1)!;
    sentences.push(`Het grootst zijn ${top.join(', ')}; het kleinst is ${bottom.label} (${fmt(bottom)}).`);
  }
  for (const [meaning, bars] of groupBy(missing, (b) => symbolMeaning(b.symbol))) {
    sentences.push(`Geen cijfer voor ${joinDutch(bars.map((b) => b.label))} (${meaning}).`);
  }
  return sentences.join(' ');
}

export function describeChoropleth(input: {
  unit: string;
  decimals: number;
  values: ReadonlyArray<{ code: string; label: string; value: number | null }>;
  classes: MapClasses;
  highlight?: string | undefined;
}): string {
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const withValue = input.values.filter((v): v is typeof v & { value: number } => v.value !== null && Number.isFinite(v.value));
  const d = distribution(withValue.map((v) => v.value));
  const missing = input.values.length - withValue.length;
  const sentences = [`Kaart van de ${gemeenten(input.values.length)}.`];
  if (d) {
    sentences.push(`De cijfers lopen van ${fmt(d.min)} tot ${fmt(d.max)}; de mediaan is ${fmt(d.median)}.`);
    if (input.classes.classes.length > 1) {
      sentences.push(`Hoe donkerder de kleur, hoe hoger het cijfer (${input.classes.classes.length} klassen met elk ongeveer evenveel gemeenten).`);
    }
  }
  sentences.push(missing === 0 ? 'Alle gemeenten hebben een cijfer.' : `Voor ${gemeenten(missing)} is er ${NO_FIGURE}; die zijn gearceerd.`);
  const own = input.highlight ? input.values.find((v) => v.code === input.highlight) : undefined;
  if (own) {
    sentences.push(own.value === null ? `${own.label} (omlijnd): ${NO_FIGURE}.` : `${own.label} (omlijnd): ${fmt(own.value)}.`);
  }
  return sentences.join(' ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}
