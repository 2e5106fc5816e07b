/**
 * The line chart over periods as Plot options: one line per series, open markers and a dashed segment for
 * voorlopige figures, gaps where a figure is missing (never interpolated), a grey band behind periods
 * converted to the current indeling, labelled rules at trend breaks, and the series named at their ends.
 * Optionally the range of a comparison group as a light blue band behind the lines, and the change that the
 * page states in words marked with rings around the two compared points and a label above the plot.
 */
import * as Plot from '@observablehq/plot';
import { parsePeriodCode, periodLabel, type Period } from '../data/periods';
import { axisLabel, estimateTextWidth, niceZeroDomain, tickFormatter } from './format';
import { RANGE_FILL_OPACITY } from './legend-swatch';
import { escapeText } from './markup';
import { roundTenth } from './svg-compact';
import { BOLD_WIDTH, CHART_WIDTH, chartWidth, FONT_SIZE, FRAME_SLOT_CLASS, LINE_HEIGHT, PLOT_STYLE } from './layout';
import { CONVERTED_BAND_COLOR, HIGHLIGHT_COLOR, MUTED_TEXT, REFERENCE_COLOR, SERIES_COLORS, SERIES_SYMBOLS } from './palette';
import { periodHalfWidth, periodPosition, sortedPeriods, yearTicks } from './period-axis';
import type { LegendItem, MarkerSymbol, TrendChartInput, TrendPoint } from './types';

/** The step the right margin (the end labels' room) is rounded up to. */
const MARGIN_STEP = 24;
const HEIGHT = 320;
const MARGIN_TOP = 36;
const MARGIN_BOTTOM = 30;

/**
 * The range of a comparison group: a translucent fill (light blue on white, blue-grey over a converted
 * period) between edges in this blue, which stand out from white (3.8:1) and from the converted band's grey
 * (3.0:1) as WCAG 1.4.11 asks of a graphic needed to read the chart. Thinner than a series' line and without
 * markers, so it does not read as one.
 */
export const COMPARISON_BAND_COLOR = '#4A86C0';
/** The rings around the two points of the highlighted series that the page compares, and their label. */
export const CHANGE_COLOR = '#1a1a1a';
const RING_RADIUS = 7.5;
/** How much further right the end labels start where a ring is drawn around the last point. */
const RING_LABEL_GAP = 4;
/** The change label's lines: 1.25em of the 12-pixel text. */
const CHANGE_LINE_HEIGHT = 1.25;
const CHANGE_ROW = FONT_SIZE * CHANGE_LINE_HEIGHT;
/** Where the y-axis label starts, from the top of the chart (Plot puts it 33 pixels above the plot area), and the label beside it. */
const TOP_ROW = 3;
const END_LABEL_DX = 9;

interface SeriesRow {
  series: number;
  x: number;
  y: number;
  provisional: boolean;
  color: string;
  symbol: MarkerSymbol;
}

interface SeriesStyle {
  color: string;
  symbol: MarkerSymbol;
}

/** The highlighted series is vermillion with circles; the others take the remaining colours and shapes in order. */
export function seriesStyles(input: TrendChartInput): SeriesStyle[] {
  let next = 0;
  return input.series.map((s) => {
    if (s.highlight) return { color: HIGHLIGHT_COLOR, symbol: 'circle' };
    const i = next++;
    return {
      color: SERIES_COLORS[i % SERIES_COLORS.length]!,
      symbol: SERIES_SYMBOLS[(i + 1) % SERIES_SYMBOLS.length]!,
    };
  });
}

const isProvisional = (p: TrendPoint | undefined) => p?.status === 'voorlopig' || p?.status === 'nader-voorlopig';
const hasNaderVoorlopig = (input: TrendChartInput) => input.series.some((s) => s.points.some((p) => p.status === 'nader-voorlopig'));
const hasValue = (p: TrendPoint | undefined): p is TrendPoint & { value: number } => p !== undefined && p.value !== null && Number.isFinite(p.value);

/** One group of series drawn together: the others, then the highlighted one on top. */
interface SeriesGroup {
  highlighted: boolean;
  solid: SeriesRow[];
  dashed: SeriesRow[];
  dots: SeriesRow[];
  hasDashed: boolean;
}

interface EndLabel {
  x: number;
  y: number;
  label: string;
  color: string;
  bold: boolean;
}

/** Everything the chart shows, measured once for the whole chart ({@link trendSpec}) or frame and marks ({@link trendFrame}). */
interface TrendLayout {
  width: number;
  height: number;
  marginTop: number;
  periods: Period[];
  /** The years marked on the time axis. */
  xTicks: number[];
  domain: [number, number];
  ticks: number[];
  xDomain: [number, number];
  bands: Array<{ x1: number; x2: number }>;
  breaks: Array<{ x: number }>;
  groups: SeriesGroup[];
  labels: EndLabel[];
  /** How far the end labels start right of their points: further where a ring is drawn around the last one. */
  labelDx: number;
  marginLeft: number;
  marginRight: number;
  legend: LegendItem[];
  band: BandLayout | undefined;
  change: ChangeLayout | undefined;
}

/** The comparison group's range: a row per period of the axis (NaN where it has none) and the periods that stand alone. */
interface BandLayout {
  rows: Array<{ x: number; low: number; high: number }>;
  /** A period with a range between periods without: an area of one point has no width, so it is drawn as a narrow box. */
  lone: Array<{ x1: number; x2: number; low: number; high: number }>;
}

/** The marked change: rings around the compared points of the highlighted series, and the label lines above the plot. */
interface ChangeLayout {
  rings: Array<{ x: number; y: number }>;
  /** The label ends at this x (data units) plus the ring's radius, at the top of the chart. */
  x: number;
  lines: string[];
  /** The row its first line is in: 0 beside the y-axis label, 1 below it. */
  row: number;
}

function trendLayout(input: TrendChartInput): TrendLayout {
  const periods = sortedPeriods(input.series.flatMap((s) => s.points.map((p) => p.period)));
  const styles = seriesStyles(input);
  const byPeriod = input.series.map((s) => new Map(s.points.map((p) => [normalise(p.period, periods), p])));
  const band = bandLayout(input, periods);
  const allValues = input.series.flatMap((s) => s.points.filter(hasValue).map((p) => p.value));
  if (band) for (const r of [...band.rows, ...band.lone]) if (Number.isFinite(r.low)) allValues.push(r.low, r.high);
  const { domain, ticks } = niceZeroDomain(allValues);
  const format = tickFormatter(ticks);

  const first = periods[0];
  const last = periods.at(-1);
  const xDomain: [number, number] = first && last
    ? [periodPosition(first) - periodHalfWidth(first), periodPosition(last) + periodHalfWidth(last)]
    : [0, 1];

  const legend: LegendItem[] = [];
  const bands = convertedRuns(periods, byPeriod);
  if (bands.length > 0) legend.push({ label: 'omgerekend naar de huidige indeling', color: CONVERTED_BAND_COLOR, swatch: 'band' });
  const breaks = (input.trendBreaks ?? []).flatMap((b) => {
    const p = periods.find((q) => q.code === b.period.toUpperCase());
    return p ? [{ x: periodPosition(p) - periodHalfWidth(p) }] : [];
  });
  if (breaks.length > 0) legend.push({ label: 'trendbreuk: cijfers ervoor en erna zijn niet goed vergelijkbaar', color: REFERENCE_COLOR, swatch: 'rule' });

  let anyProvisional = false;
  const ends: EndLabel[] = [];
  const groups: SeriesGroup[] = [];
  // One line, dashed line and dot mark for the other series together and one set for the highlighted
  // series (thicker, drawn last, on top): fewer marks render faster, colours and shapes ride on channels.
  for (const highlighted of [false, true]) {
    const solid: SeriesRow[] = [];
    const dashed: SeriesRow[] = [];
    const dots: SeriesRow[] = [];
    input.series.forEach((series, i) => {
      if ((series.highlight === true) !== highlighted) return;
      const style = styles[i]!;
      const points = periods.map((p) => byPeriod[i]!.get(p.code));
      const rows: SeriesRow[] = periods.map((p, k) => ({
        series: i,
        x: periodPosition(p),
        y: hasValue(points[k]) ? points[k]!.value! : NaN,
        provisional: isProvisional(points[k]),
        color: style.color,
        symbol: style.symbol,
      }));
      // Definitive figures: solid. Voorlopige figures and the segment leading to them: dashed.
      solid.push(...rows.map((r) => ({ ...r, y: r.provisional ? NaN : r.y })));
      dashed.push(...rows.map((r, k) => ({ ...r, y: r.provisional || rows[k + 1]?.provisional ? r.y : NaN })));
      if (rows.some((r) => r.provisional)) anyProvisional = true;
      const defined = rows.filter((r) => Number.isFinite(r.y));
      dots.push(...defined);
      const end = defined.at(-1);
      if (end) ends.push({ x: end.x, y: end.y, label: series.label, color: style.color, bold: highlighted });
      legend.push({ label: series.label, color: style.color, swatch: 'line', symbol: style.symbol, ...(highlighted ? { outlined: true } : {}) });
    });
    if (dots.length > 0) groups.push({ highlighted, solid, dashed, dots, hasDashed: dashed.some((r) => Number.isFinite(r.y)) });
  }
  if (band) legend.push({ label: input.band!.label, color: COMPARISON_BAND_COLOR, swatch: 'band', outlined: true });
  if (anyProvisional) {
    const what = hasNaderVoorlopig(input) ? 'voorlopig of nader voorlopig cijfer' : 'voorlopig cijfer';
    legend.push({ label: `open punt en stippellijn: ${what}`, color: MUTED_TEXT, swatch: 'provisional' });
  }

  const width = chartWidth(input);
  const marked = changeMarks(input, periods, byPeriod);
  if (marked) legend.push(marked.legend);
  // The highlighted series' label is bold, and bold runs wider.
  const labelWidth = Math.max(0, ...ends.map((e) => estimateTextWidth(e.label, FONT_SIZE) * (e.bold ? BOLD_WIDTH : 1)));
  // The end labels get at most 170 pixels, and a third of a narrow chart (longer labels wrap).
  const labelRoom = Math.min(170, Math.round(width * 0.32));
  // A ring around the last point of a series moves the end labels out of its way, where they still fit.
  const ringAtEnd = marked !== undefined && ends.some((e) => marked.rings.some((r) => r.x === e.x && r.y === e.y));
  const labelDx = ringAtEnd && labelWidth + 14 + RING_LABEL_GAP <= labelRoom ? END_LABEL_DX + RING_LABEL_GAP : END_LABEL_DX;
  // Rounded up to a step, so that charts whose end labels are about as long share one frame (about a third
  // as many frames for the four trends of every fact page), at the cost of a few pixels of plot width.
  const marginRight = Math.min(labelRoom, Math.ceil((labelWidth + 14 + labelDx - END_LABEL_DX) / MARGIN_STEP) * MARGIN_STEP);
  const marginLeft = Math.max(40, ...ticks.map((t) => estimateTextWidth(format(t), FONT_SIZE) + 14));
  const labels = dodgeLabels(ends, domain, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM);
  // A year label takes about 32 pixels: every year where they fit (at most 12), every other year or fewer where not.
  const xTicks = yearTicks(periods, Math.min(12, Math.max(2, Math.floor((width - marginLeft - marginRight) / 32))));

  let change: ChangeLayout | undefined;
  let rows = 1;
  if (marked) {
    // The label ends at the right edge of the ring around the latest figure. It starts in the row of the
    // y-axis label, where its first line fits beside that, or else in the row below; it wraps where it is too
    // wide, and the chart grows by the rows it takes beyond the first, so the plot keeps its height.
    const xEnd = marginLeft + ((marked.x - xDomain[0]) / (xDomain[1] - xDomain[0])) * (width - marginLeft - marginRight) + RING_RADIUS;
    const full = xEnd - TOP_ROW;
    const beside = full - textWidth(`↑ ${axisLabel(input.unit)}`) - 12;
    // Each wording (the periods in full, or the year alone for the later one) beside or below the axis label;
    // the fewest rows win, the full wording on a tie.
    const placements = marked.wordings.flatMap((parts) => {
      const below = wrapChangeLabel(parts, full);
      const next = wrapChangeLabel(parts, full, beside);
      return [...(textWidth(next[0]!) <= beside ? [{ lines: next, row: 0 }] : []), { lines: below, row: 1 }];
    });
    const best = placements.reduce((a, b) => (b.row + b.lines.length < a.row + a.lines.length ? b : a));
    rows = best.row + best.lines.length;
    change = { rings: marked.rings, x: marked.x, ...best };
  }
  const marginTop = MARGIN_TOP + (rows - 1) * CHANGE_ROW;
  const height = HEIGHT + marginTop - MARGIN_TOP;
  return { width, height, marginTop, periods, xTicks, domain, ticks, xDomain, bands, breaks, groups, labels, labelDx, marginLeft, marginRight, legend, band, change };
}

/** The comparison group's range on the chart's periods; undefined without one. */
function bandLayout(input: TrendChartInput, periods: readonly Period[]): BandLayout | undefined {
  if (!input.band) return undefined;
  const byCode = new Map<string, { low: number; high: number }>();
  for (const p of input.band.points) {
    const code = parsePeriodCode(p.period)?.code;
    if (code && Number.isFinite(p.low) && Number.isFinite(p.high)) byCode.set(code, { low: Math.min(p.low, p.high), high: Math.max(p.low, p.high) });
  }
  const rows = periods.map((p) => {
    const range = byCode.get(p.code);
    return { x: periodPosition(p), low: range?.low ?? NaN, high: range?.high ?? NaN };
  });
  if (!rows.some((r) => Number.isFinite(r.low))) return undefined;
  const lone = rows.flatMap((r, k) => {
    if (!Number.isFinite(r.low) || Number.isFinite(rows[k - 1]?.low ?? NaN) || Number.isFinite(rows[k + 1]?.low ?? NaN)) return [];
    const half = periodHalfWidth(periods[k]!) / 2;
    return [{ x1: r.x - half, x2: r.x + half, low: r.low, high: r.high }];
  });
  // The area and its edges leave the lone periods to their boxes.
  return { rows: rows.map((r) => (lone.some((l) => l.x1 < r.x && r.x < l.x2) ? { x: r.x, low: NaN, high: NaN } : r)), lone };
}

/**
 * The change marked on the chart: rings around the highlighted series' figures in the two compared periods
 * (where it has them), the label's parts in one or two wordings ("1e halfjaar 2025 →", "1e halfjaar 2026:",
 * the given words) and the legend entry. The verdict is the page's, never computed here.
 */
function changeMarks(
  input: TrendChartInput,
  periods: readonly Period[],
  byPeriod: ReadonlyArray<Map<string, TrendPoint>>,
): { rings: Array<{ x: number; y: number }>; x: number; wordings: string[][]; legend: LegendItem } | undefined {
  const change = input.change;
  const index = input.series.findIndex((s) => s.highlight);
  const main = index >= 0 ? index : 0;
  const from = change && parsePeriodCode(change.from);
  const to = change && parsePeriodCode(change.to);
  if (!change || !from || !to || !input.series[main] || periods.length === 0) return undefined;
  const rings = [from, to].flatMap((period) => {
    const point = byPeriod[main]!.get(period.code);
    return periods.some((p) => p.code === period.code) && hasValue(point) ? [{ x: periodPosition(period), y: point.value }] : [];
  });
  const onAxis = periods.some((p) => p.code === to.code);
  return {
    rings,
    x: onAxis ? periodPosition(to) : periodPosition(periods.at(-1)!) + periodHalfWidth(periods.at(-1)!),
    wordings: [
      [`${periodLabel(from)} →`, `${periodLabel(to)}:`, change.words],
      // "1e halfjaar 2025 → 2026": the same half year a year later, where the full wording takes more rows.
      ...(from.kind === to.kind && from.kind !== 'jaar' && from.part === to.part && from.year !== to.year ? [[`${periodLabel(from)} → ${to.year}:`, change.words]] : []),
    ],
    legend: {
      label: `omcirkeld: de twee vergeleken cijfers van ${input.series[main]!.label} (${periodLabel(from)} en ${periodLabel(to)})`,
      color: CHANGE_COLOR,
      swatch: 'open-dot',
      outlined: true,
    },
  };
}

const textWidth = (text: string) => estimateTextWidth(text, FONT_SIZE);

/**
 * The change label in lines at most `maxWidth` pixels wide (the first at most `firstWidth`): the periods and
 * the words are kept whole where they fit on a line, and split between words only where one alone is too wide.
 */
export function wrapChangeLabel(parts: readonly string[], maxWidth: number, firstWidth = maxWidth): string[] {
  const words = parts.flatMap((part) => (textWidth(part) <= maxWidth ? [part] : part.split(' ')));
  const lines: string[] = [];
  for (const word of words) {
    const line = lines.at(-1);
    const room = lines.length === 1 ? firstWidth : maxWidth;
    if (line !== undefined && textWidth(`${line} ${word}`) <= room) lines[lines.length - 1] = `${line} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** The marks of the frame: converted periods, the baseline, the trend breaks. */
function frameMarks(layout: TrendLayout): Plot.Markish[] {
  const { bands, breaks, domain } = layout;
  const marks: Plot.Markish[] = [];
  if (bands.length > 0) {
    marks.push(Plot.rect(bands, { x1: 'x1', x2: 'x2', fill: CONVERTED_BAND_COLOR }));
    marks.push(
      // Named where the band is wide enough for the word: a year and a half on the wide drawing.
      Plot.text(bands.filter((b) => b.x2 - b.x1 >= (1.5 * CHART_WIDTH) / layout.width), {
        x: (b: { x1: number }) => b.x1,
        text: () => 'omgerekend',
        frameAnchor: 'top',
        lineAnchor: 'top',
        textAnchor: 'start',
        dx: 4,
        dy: 3,
        fill: MUTED_TEXT,
      }),
    );
  }
  marks.push(Plot.ruleY([domain[0] <= 0 && domain[1] >= 0 ? 0 : domain[0]], { stroke: REFERENCE_COLOR, className: 'trend-baseline' }));
  if (breaks.length > 0) {
    marks.push(Plot.ruleX(breaks, { x: 'x', stroke: REFERENCE_COLOR, strokeWidth: 1.5, strokeDasharray: '5 3' }));
    marks.push(Plot.text(breaks, { x: 'x', text: () => 'trendbreuk', frameAnchor: 'top', lineAnchor: 'bottom', dy: -4, fill: REFERENCE_COLOR }));
  }
  return marks;
}

/**
 * The comparison group's range, first of the marks over the frame, so behind the lines: a translucent area
 * (a converted period and the grid stay visible through it) with its edges as lines, which carry the
 * contrast, and a box for each period that stands alone. Drawn over the frame rather than in it: the range
 * differs per group, and in the frame it doubled the frames Plot draws in a build (1,595 instead of 773).
 */
function bandMarks(band: BandLayout): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  const fill = { fill: COMPARISON_BAND_COLOR, fillOpacity: RANGE_FILL_OPACITY };
  const runs = band.rows.some((r) => Number.isFinite(r.low));
  if (runs) marks.push(Plot.areaY(band.rows, { x: 'x', y1: 'low', y2: 'high', ...fill, className: 'trend-band' }));
  if (band.lone.length > 0) marks.push(Plot.rect(band.lone, { x1: 'x1', x2: 'x2', y1: 'low', y2: 'high', ...fill, stroke: COMPARISON_BAND_COLOR }));
  if (runs) for (const edge of ['low', 'high']) marks.push(Plot.line(band.rows, { x: 'x', y: edge, stroke: COMPARISON_BAND_COLOR, strokeWidth: 1 }));
  return marks;
}

const lineWidthOf = (layout: TrendLayout) => (layout.marginRight - 10 - (layout.labelDx - END_LABEL_DX)) / FONT_SIZE;
const lineWidthPx = (highlighted: boolean) => (highlighted ? 3 : 1.75);
const dotRadius = (highlighted: boolean) => (highlighted ? 4 : 3.5);

function trendOptions(input: TrendChartInput, layout: TrendLayout, marks: Plot.Markish[]): Plot.PlotOptions {
  const { width, height, marginTop, domain, ticks, xDomain, xTicks, marginLeft, marginRight } = layout;
  return {
    width,
    height,
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    marginLeft,
    marginRight,
    style: PLOT_STYLE,
    x: { domain: xDomain, ticks: xTicks, tickFormat: (d: number) => String(Math.floor(d)), label: null },
    y: { domain, ticks, tickFormat: tickFormatter(ticks), label: `↑ ${axisLabel(input.unit)}`, grid: true },
    marks,
  };
}

/** The whole chart drawn by Plot (also the reference for {@link trendFrame}). */
export function trendSpec(input: TrendChartInput): { options: Plot.PlotOptions; legend: LegendItem[] } {
  const layout = trendLayout(input);
  const marks = frameMarks(layout);
  if (layout.band) marks.push(...bandMarks(layout.band));
  for (const group of layout.groups) {
    const { solid, dashed, dots, highlighted, hasDashed } = group;
    const width = lineWidthPx(highlighted);
    marks.push(Plot.line(solid, { x: 'x', y: 'y', z: 'series', stroke: 'color', strokeWidth: width, className: 'trend-line' }));
    if (hasDashed) {
      marks.push(Plot.line(dashed, { x: 'x', y: 'y', z: 'series', stroke: 'color', strokeWidth: width, strokeDasharray: '5 4', className: 'trend-line-provisional' }));
    }
    marks.push(
      Plot.dot(dots, {
        x: 'x',
        y: 'y',
        symbol: 'symbol',
        r: dotRadius(highlighted),
        stroke: 'color',
        strokeWidth: 1.75,
        fill: (r: SeriesRow) => (r.provisional ? '#ffffff' : r.color),
        className: 'trend-points',
      }),
    );
  }
  const { change } = layout;
  if (change && change.rings.length > 0) {
    marks.push(Plot.dot(change.rings, { x: 'x', y: 'y', r: RING_RADIUS, fill: 'none', stroke: CHANGE_COLOR, strokeWidth: 1.5, className: 'trend-change' }));
  }
  marks.push(...endLabelMarks(layout.labels, lineWidthOf(layout), layout.labelDx));
  if (change) {
    marks.push(
      Plot.text([change.lines.join('\n')], {
        x: () => change.x,
        text: (d: string) => d,
        frameAnchor: 'top',
        lineAnchor: 'top',
        textAnchor: 'end',
        lineHeight: CHANGE_LINE_HEIGHT,
        dx: RING_RADIUS,
        dy: TOP_ROW + change.row * CHANGE_ROW - layout.marginTop,
        fill: CHANGE_COLOR,
        className: 'trend-change-label',
      }),
    );
  }
  return { options: trendOptions(input, layout, marks), legend: layout.legend };
}

function endLabelMarks(labels: readonly EndLabel[], lineWidth: number, dx: number): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  for (const bold of [false, true]) {
    const group = labels.filter((l) => l.bold === bold);
    if (group.length === 0) continue;
    marks.push(Plot.text(group, { x: 'x', y: 'y', text: 'label', fill: '#1a1a1a', textAnchor: 'start', dx, lineWidth, fontWeight: bold ? 'bold' : 'normal' }));
  }
  return marks;
}

/** The frame of a trend chart and how to write its lines, points and labels; see {@link trendFrame}. */
export interface TrendFrame {
  key: string;
  /** Made only when the frame is not drawn yet. */
  options: () => Plot.PlotOptions;
  legend: LegendItem[];
  overlay: (tools: TrendOverlayTools) => string;
}

/** What Plot must still tell the overlay: the path of a marker symbol and how a label wraps. */
export interface TrendOverlayTools {
  /** The `d` of a marker of this symbol and radius, as Plot draws it. */
  symbolPath: (symbol: MarkerSymbol, r: number) => string;
  /** The lines a label wraps into at this line width (em), as Plot wraps it, as escaped text. */
  wrap: (label: string, lineWidth: number) => string[];
}

/**
 * A trend chart as a frame (axes, grid, converted periods, trend breaks) that regions with the same periods,
 * axis and margins share, and the comparison group's range, lines, points, end labels and marked change of
 * this one, written as SVG the way Plot writes them. Undefined where a series would draw an empty line: then
 * Plot draws the whole chart.
 */
export function trendFrame(input: TrendChartInput): TrendFrame | undefined {
  const layout = trendLayout(input);
  const finite = (rows: readonly SeriesRow[], series: number) => rows.some((r) => r.series === series && Number.isFinite(r.y));
  for (const g of layout.groups) {
    for (const series of new Set(g.solid.map((r) => r.series))) {
      if (!finite(g.solid, series) || (g.hasDashed && !finite(g.dashed, series))) return undefined;
    }
  }
  const { marginLeft, marginRight, domain, xDomain } = layout;
  const key = JSON.stringify([input.unit, layout.periods.map((p) => p.code), domain, layout.ticks, marginLeft, marginRight, layout.bands, layout.breaks, layout.width, layout.xTicks, layout.marginTop]);
  const options = () => trendOptions(input, layout, [...frameMarks(layout), Plot.ruleX([xDomain[0]], { strokeOpacity: 0, className: FRAME_SLOT_CLASS })]);
  const overlay = ({ symbolPath, wrap }: TrendOverlayTools) => {
    const scale = (d0: number, d1: number, r0: number, r1: number) => (v: number) => {
      const t = (v - d0) / (d1 - d0);
      return r0 * (1 - t) + r1 * t;
    };
    const xPx = scale(xDomain[0], xDomain[1], marginLeft, layout.width - marginRight);
    const yPx = scale(domain[0], domain[1], layout.height - MARGIN_BOTTOM, layout.marginTop);
    const x = (v: number) => roundTenth(xPx(v));
    const y = (v: number) => roundTenth(yPx(v));
    // d3's path writes coordinates to three decimals; the SVG then keeps one.
    const onPath = (px: number) => roundTenth(Math.round(px * 1000) / 1000);
    // As d3's linear line writes it: a gap starts a new segment, and a segment of one point is closed ("Z").
    const path = (rows: ReadonlyArray<{ x: number; y: number }>) => {
      let d = '';
      let points = 0;
      const end = () => {
        if (points === 1) d += 'Z';
        points = 0;
      };
      for (const r of rows) {
        if (!Number.isFinite(r.y)) end();
        else d += `${points++ > 0 ? 'L' : 'M'}${onPath(xPx(r.x))},${onPath(yPx(r.y))}`;
      }
      end();
      return d;
    };
    const lines = (rows: readonly SeriesRow[], attributes: string) => {
      let out = `<g${attributes} fill="none">`;
      for (const series of new Set(rows.map((r) => r.series))) {
        const own = rows.filter((r) => r.series === series);
        out += `<path d="${path(own)}" stroke="${own[0]!.color}" />`;
      }
      return out + '</g>';
    };
    let svg = '';
    const { band } = layout;
    if (band) {
      const fill = `fill-opacity="${RANGE_FILL_OPACITY}" fill="${COMPARISON_BAND_COLOR}"`;
      const runs = band.rows.some((r) => Number.isFinite(r.low));
      if (runs) {
        // As d3's area writes it: each run of periods along its high edge, back along its low edge, closed.
        let d = '';
        let run: Array<{ x: number; low: number; high: number }> = [];
        for (const r of [...band.rows, { x: NaN, low: NaN, high: NaN }]) {
          if (Number.isFinite(r.low)) run.push(r);
          else if (run.length > 0) {
            run.forEach((q, i) => (d += `${i === 0 ? 'M' : 'L'}${onPath(xPx(q.x))},${onPath(yPx(q.high))}`));
            for (let i = run.length - 1; i >= 0; i--) d += `L${onPath(xPx(run[i]!.x))},${onPath(yPx(run[i]!.low))}`;
            d += 'Z';
            run = [];
          }
        }
        svg += `<g ${fill} class="trend-band"><path d="${d}" /></g>`;
      }
      if (band.lone.length > 0) {
        // As Plot writes a rect: its corner at the smaller coordinates.
        svg += `<g stroke="${COMPARISON_BAND_COLOR}" ${fill}>`;
        for (const l of band.lone) {
          const [x1, x2, y1, y2] = [xPx(l.x1), xPx(l.x2), yPx(l.low), yPx(l.high)];
          svg += `<rect height="${roundTenth(Math.abs(y1 - y2))}" width="${roundTenth(Math.abs(x2 - x1))}" y="${roundTenth(Math.min(y1, y2))}" x="${roundTenth(Math.min(x1, x2))}" />`;
        }
        svg += '</g>';
      }
      if (runs) {
        for (const edge of ['low', 'high'] as const) {
          svg += `<g stroke-linecap="round" stroke-linejoin="round" stroke="${COMPARISON_BAND_COLOR}" fill="none"><path d="${path(band.rows.map((r) => ({ x: r.x, y: r[edge] })))}" /></g>`;
        }
      }
    }
    for (const g of layout.groups) {
      const width = lineWidthPx(g.highlighted);
      svg += lines(g.solid, ` stroke-linecap="round" stroke-linejoin="round" stroke-width="${width}"`).replace('fill="none">', 'fill="none" class="trend-line">');
      if (g.hasDashed) svg += lines(g.dashed, ` stroke-dasharray="5 4" stroke-linecap="round" stroke-linejoin="round" stroke-width="${width}"`).replace('fill="none">', 'fill="none" class="trend-line-provisional">');
      svg += '<g stroke-width="1.75" class="trend-points">';
      for (const r of g.dots) {
        svg += `<path stroke="${r.color}" fill="${r.provisional ? '#ffffff' : r.color}" d="${symbolPath(r.symbol, dotRadius(g.highlighted))}" transform="translate(${x(r.x)},${y(r.y)})" />`;
      }
      svg += '</g>';
    }
    const { change } = layout;
    if (change && change.rings.length > 0) {
      svg += `<g stroke-width="1.5" stroke="${CHANGE_COLOR}" fill="none" class="trend-change">`;
      for (const r of change.rings) svg += `<circle r="${RING_RADIUS}" cy="${y(r.y)}" cx="${x(r.x)}" />`;
      svg += '</g>';
    }
    const lineWidth = lineWidthOf(layout);
    for (const bold of [false, true]) {
      const group = layout.labels.filter((l) => l.bold === bold);
      if (group.length === 0) continue;
      svg += `<g transform="translate(${layout.labelDx},0)" font-weight="${bold ? 'bold' : 'normal'}" text-anchor="start" fill="#1a1a1a">`;
      for (const l of group) {
        const parts = wrap(l.label, lineWidth);
        const at = `transform="translate(${x(l.x)},${y(l.y)})"`;
        if (parts.length === 1) svg += `<text ${at} y="0.3em">${parts[0]!}</text>`;
        else {
          svg += `<text ${at}>`;
          parts.forEach((part, i) => {
            svg += i === 0 ? `<tspan y="${formatEm(0.3 - (parts.length - 1) / 2)}" x="0">` : '<tspan dy="1em" x="0">';
            svg += `${part}</tspan>`;
          });
          svg += '</text>';
        }
      }
      svg += '</g>';
    }
    if (change) {
      // As Plot writes a text of lines anchored at their top (lineAnchor "top": the first line 0.71em down).
      const at = `transform="translate(${x(change.x)},${layout.marginTop})"`;
      const first = `${roundTenth(0.71 * CHANGE_LINE_HEIGHT)}em`;
      svg += `<g transform="translate(${RING_RADIUS},${TOP_ROW + change.row * CHANGE_ROW - layout.marginTop})" text-anchor="end" fill="${CHANGE_COLOR}" class="trend-change-label">`;
      if (change.lines.length === 1) svg += `<text ${at} y="${first}">${escapeText(change.lines[0]!)}</text>`;
      else {
        svg += `<text ${at}>`;
        change.lines.forEach((line, i) => {
          svg += i === 0 ? `<tspan y="${first}" x="0">` : `<tspan dy="${CHANGE_LINE_HEIGHT}em" x="0">`;
          svg += `${escapeText(line)}</tspan>`;
        });
        svg += '</text>';
      }
      svg += '</g>';
    }
    return svg;
  };
  return { key, options, legend: layout.legend, overlay };
}

/** An offset in em as Plot writes it ("-0.2em", "-0.7em"). */
function formatEm(em: number): string {
  return `${Math.round(em * 1000) / 1000}em`;
}

function normalise(code: string, periods: readonly Period[]): string {
  return periods.find((p) => p.code === code.toUpperCase())?.code ?? code;
}

/** Runs of consecutive periods in which some series was converted, as x extents. */
function convertedRuns(periods: readonly Period[], byPeriod: ReadonlyArray<Map<string, TrendPoint>>): Array<{ x1: number; x2: number }> {
  const runs: Array<{ x1: number; x2: number }> = [];
  let open: { x1: number; x2: number } | undefined;
  for (const p of periods) {
    const converted = byPeriod.some((m) => m.get(p.code)?.converted === true);
    if (converted) {
      const x1 = periodPosition(p) - periodHalfWidth(p);
      const x2 = periodPosition(p) + periodHalfWidth(p);
      if (open) open.x2 = x2;
      else runs.push((open = { x1, x2 }));
    } else {
      open = undefined;
    }
  }
  return runs;
}

/** Moves end labels apart vertically (in pixels) so they do not overlap, and back into data units. */
export function dodgeLabels<T extends { y: number }>(labels: readonly T[], domain: [number, number], innerHeight: number): T[] {
  const [d0, d1] = domain;
  const toPx = (v: number) => ((d1 - v) / (d1 - d0)) * innerHeight;
  const toValue = (px: number) => d1 - (px / innerHeight) * (d1 - d0);
  const placed = labels.map((l) => ({ label: l, px: toPx(l.y) })).sort((a, b) => a.px - b.px);
  for (let i = 1; i < placed.length; i++) {
    placed[i]!.px = Math.max(placed[i]!.px, placed[i - 1]!.px + LINE_HEIGHT);
  }
  const overflow = placed.length > 0 ? placed.at(-1)!.px - (innerHeight + LINE_HEIGHT / 2) : 0;
  if (overflow > 0) {
    for (let i = placed.length - 1; i >= 0; i--) {
      const limit = i === placed.length - 1 ? placed[i]!.px - overflow : placed[i + 1]!.px - LINE_HEIGHT;
      placed[i]!.px = Math.min(placed[i]!.px, limit);
    }
  }
  return placed.map((p) => ({ ...p.label, y: toValue(p.px) }));
}
