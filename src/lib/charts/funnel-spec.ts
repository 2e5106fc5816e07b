/**
 * A funnel plot: every region of a kind as a dot at its size (the denominator, on a logarithmic axis) and its
 * rate, with Nederland as the centre line and the control limits at 95% (dashed) and 99.8% (solid, thinner)
 * around it, computed with funnelLimits (src/lib/stats/funnel.ts) over a log-spaced grid of sizes. There are
 * no ranks: a region's place follows from its size and rate alone.
 *
 * Every fact page of a measure and period shows the same funnel of all gemeenten, with its own gemeente marked.
 * Plot draws only the frame they share ({@link funnelFrame}: the axes, the limit curves and the centre line),
 * once per measure, period and width. Everything else is written as SVG beside it, byte for byte what Plot
 * would draw ({@link funnelSpec} draws every mark, for the tests): every region as a hollow grey ring and the
 * centre line's label, written once per funnel, then the marks of one page (the group filled blue, the region
 * itself large and vermillion with its name and figure). A funnel on a fact page then costs a few string
 * operations instead of a Plot rendering. On a fact page, the frame and the shared marks ({@link FunnelFrame.shared})
 * come from a static file that all its pages share, and only the page's own marks ({@link FunnelFrame.own}) are
 * inline (funnelFrameFile, src/render/charts.ts).
 */
import * as Plot from '@observablehq/plot';
import { extent, nice, ticks as tickValues } from 'd3-array';
import { funnelLimits } from '../stats/funnel';
import { axisLabel, estimateTextWidth, formatChartValue, tickFormatter } from './format';
import { escapeText } from './markup';
import { roundTenth } from './svg-compact';
import { BOLD_WIDTH, chartWidth, FONT_SIZE, FRAME_SLOT_CLASS, NARROW_CHART_WIDTH, PLOT_STYLE } from './layout';
import { GROUP_COLOR, HIGHLIGHT_COLOR, OTHER_COLOR, REFERENCE_COLOR } from './palette';
import type { FunnelChartInput, LegendItem } from './types';
import { formatNumber } from '../format/number';

type FunnelPoint = FunnelChartInput['points'][number];

const R_OTHER = 3;
const R_HIGHLIGHT = 6;
const MARGIN_TOP = 28;
const MARGIN_BOTTOM = 40;
const MIN_MARGIN_RIGHT = 14;
/** How many sizes the limit curves are computed at, spread evenly over the logarithmic axis. */
export const CURVE_STEPS = 48;
/** The 95% limits: dashed, dark. The 99.8% limits: solid, thinner and lighter. */
const LIMIT95 = { stroke: REFERENCE_COLOR, strokeWidth: 1.25, strokeDasharray: '5 3' } as const;
const LIMIT998 = { stroke: OTHER_COLOR, strokeWidth: 1 } as const;
/** The white outline behind labels, so they stay readable over dots and lines. */
const HALO = { stroke: '#ffffff', strokeWidth: 3, paintOrder: 'stroke' } as const;
/** Space between a dot and its label. */
const LABEL_GAP = R_HIGHLIGHT + 4;

/** What one funnel's frame and marks share: sizes, margins, domains and ticks. */
export interface FunnelLayout {
  width: number;
  height: number;
  marginLeft: number;
  marginRight: number;
  /** Sizes, logarithmic. */
  xDomain: [number, number];
  xTicks: number[];
  /** Rates, in the rate's unit. */
  yDomain: [number, number];
  yTicks: number[];
  xLabel: string;
  yLabel: string;
}

/** One size of the limit curves, with the limits around the target there, in the rate's unit. */
export interface FunnelCurvePoint {
  size: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** The limits around the centre line at a size, in the rate's unit (funnelLimits works in proportions). */
export function limitsAt(input: Pick<FunnelChartInput, 'target' | 'tau2' | 'per'>, size: number): FunnelCurvePoint {
  const l = funnelLimits(input.target.value / input.per, size, input.tau2);
  return { size, lower95: l.lower95 * input.per, upper95: l.upper95 * input.per, lower998: l.lower998 * input.per, upper998: l.upper998 * input.per };
}

/**
 * The limit curves: the limits at {@link CURVE_STEPS} + 1 sizes spread evenly over the logarithmic axis, each
 * at a whole pixel of the layout (so the drawn path needs no decimals), from one end of the axis to the other.
 */
export function funnelCurves(input: Pick<FunnelChartInput, 'target' | 'tau2' | 'per'>, layout: FunnelLayout, steps = CURVE_STEPS): FunnelCurvePoint[] {
  const { sizeAt } = funnelScales(layout);
  const left = layout.marginLeft;
  const right = layout.width - layout.marginRight;
  const out: FunnelCurvePoint[] = [];
  for (let i = 0; i <= steps; i++) {
    const px = i === steps ? right : left + Math.round(((right - left) * i) / steps);
    out.push(limitsAt(input, i === 0 ? layout.xDomain[0] : i === steps ? layout.xDomain[1] : sizeAt(px)));
  }
  return out;
}

/**
 * Ticks on the logarithmic size axis: 1-2-5 per power of ten where there is room, else 1-3, else the powers of
 * ten alone (the narrow drawing), within the domain.
 */
export function sizeTicks(domain: readonly [number, number], pixels: number): number[] {
  const [lo, hi] = domain;
  const perDecade = pixels / Math.max(1e-9, Math.log10(hi / lo));
  const steps = perDecade >= 220 ? [1, 2, 5] : perDecade >= 110 ? [1, 3] : [1];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const s of steps) {
      const v = s * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  // Too narrow a range for any power of ten: the ends themselves, rounded.
  if (out.length < 2) return [lo, hi].map((v) => Number(v.toPrecision(2))).filter((v) => v >= lo && v <= hi);
  return out;
}

/** The title of the size axis: the full wording where it fits, "(log. schaal)" where not. */
function sizeAxisLabel(sizeLabel: string, room: number): string {
  const full = `${sizeLabel} (logaritmische schaal) →`;
  return estimateTextWidth(full, FONT_SIZE) <= room ? full : `${sizeLabel} (log. schaal) →`;
}

/** The layout of a funnel: the same for every page that shows the same points, target and width. */
export function funnelLayout(input: FunnelChartInput): FunnelLayout {
  const width = chartWidth(input);
  const height = width <= NARROW_CHART_WIDTH ? 340 : 420;
  const sizes = input.points.map((p) => p.size).filter((s) => s > 0);
  const [minSize, maxSize] = extent(sizes) as [number | undefined, number | undefined];
  // A little room beyond the smallest and largest region, so no dot sits on the frame.
  const xDomain: [number, number] = minSize === undefined || maxSize === undefined ? [100, 100000] : minSize === maxSize ? [minSize / 2, maxSize * 2] : [minSize / 1.15, maxSize * 1.15];
  // The rates: every dot, the centre line and the limits at the largest size (the narrow end of the funnel).
  const end = limitsAt(input, xDomain[1]);
  const values = [...input.points.map((p) => p.value), input.target.value, end.lower998, end.upper998];
  let [lo, hi] = extent(values) as [number, number];
  const pad = (hi - lo) * 0.04 || Math.abs(hi) * 0.1 || 1;
  lo = Math.max(0, lo - pad);
  hi += pad;
  const tickCount = Math.max(4, Math.round(height / 60));
  const yDomain = nice(lo, hi, tickCount) as [number, number];
  const yTicks = tickValues(yDomain[0], yDomain[1], tickCount);
  const yFormat = tickFormatter(yTicks);
  const marginLeft = Math.max(32, ...yTicks.map((t) => estimateTextWidth(yFormat(t), FONT_SIZE) + 12));
  // Size tick labels are centred on their tick: the last one may need more room than the margin on the right.
  const plotRight = (marginRight: number) => width - marginRight;
  let marginRight = MIN_MARGIN_RIGHT;
  let xTicks = sizeTicks(xDomain, plotRight(marginRight) - marginLeft);
  const lastTick = xTicks.at(-1);
  if (lastTick !== undefined) {
    const t = Math.log(lastTick / xDomain[0]) / Math.log(xDomain[1] / xDomain[0]);
    const at = marginLeft + t * (plotRight(marginRight) - marginLeft);
    const overflow = at + estimateTextWidth(formatNumber(lastTick), FONT_SIZE) / 2 - (width - 2);
    if (overflow > 0) {
      marginRight += Math.ceil(overflow);
      xTicks = sizeTicks(xDomain, plotRight(marginRight) - marginLeft);
    }
  }
  const yLabel = input.unit === '%' ? `↑ % van de ${input.sizeLabel}` : `↑ ${axisLabel(input.unit)}`;
  return { width, height, marginLeft, marginRight, xDomain, xTicks, yDomain, yTicks, xLabel: sizeAxisLabel(input.sizeLabel, width - 8), yLabel };
}

export interface FunnelScales {
  /** Pixel positions, computed as Plot's (d3's) linear scales do. */
  x: (size: number) => number;
  y: (value: number) => number;
  /** The size at a horizontal pixel position. */
  sizeAt: (px: number) => number;
  /**
   * What Plot is given for a size or rate so that it draws at the nearest whole pixel: marks at whole pixels
   * need no decimals in the SVG (a gemeente page carries several funnels of 342 dots), half a pixel off at most.
   */
  snapX: (size: number) => number;
  snapY: (value: number) => number;
}

/** The scales of a funnel's layout (see {@link FunnelScales}). */
export function funnelScales(layout: FunnelLayout): FunnelScales {
  const left = layout.marginLeft;
  const right = layout.width - layout.marginRight;
  const top = MARGIN_TOP;
  const bottom = layout.height - MARGIN_BOTTOM;
  const l0 = Math.log10(layout.xDomain[0]);
  const lSpan = Math.log10(layout.xDomain[1]) - l0;
  const [y0, y1] = layout.yDomain;
  const ySpan = y1 - y0;
  return {
    x: (size) => {
      const t = (Math.log10(size) - l0) / lSpan;
      return left * (1 - t) + right * t;
    },
    y: (value) => {
      const t = (value - y0) / ySpan;
      return bottom * (1 - t) + top * t;
    },
    sizeAt: (px) => 10 ** (l0 + ((px - left) / (right - left)) * lSpan),
    snapX: (size) => {
      const t = (Math.log10(size) - l0) / lSpan;
      return l0 + ((Math.round(left * (1 - t) + right * t) - left) / (right - left)) * lSpan;
    },
    snapY: (value) => {
      const t = (value - y0) / ySpan;
      return y0 + ((bottom - Math.round(bottom * (1 - t) + top * t)) / (bottom - top)) * ySpan;
    },
  };
}

/** The label of the highlighted region: "Amsterdam: 11,4%", its printed figure where the input has it. */
export function highlightLabel(input: FunnelChartInput, point: FunnelPoint): string {
  return `${point.label}: ${formatChartValue(point.shown ?? point.value, input.unit, input.decimals)}`;
}

/** The centre line's label: "Nederland: 10,6%". */
function targetLabel(input: FunnelChartInput): string {
  return `${input.target.label}: ${formatChartValue(input.target.shown ?? input.target.value, input.unit, input.decimals)}`;
}

/** Which side of its dot a label goes: to the right in the left part of the chart, else to the left. */
function labelSide(input: FunnelChartInput, layout: FunnelLayout, point: FunnelPoint, x: number): 'start' | 'end' {
  const text = highlightLabel(input, point);
  const room = layout.width - layout.marginRight - x - LABEL_GAP;
  return estimateTextWidth(text, FONT_SIZE) * BOLD_WIDTH <= room ? 'start' : 'end';
}

function parts(input: FunnelChartInput): { own: FunnelPoint | undefined; members: FunnelPoint[] } {
  const group = input.group;
  const own = input.highlight === undefined ? undefined : input.points.find((p) => p.code === input.highlight);
  const members = group && group.size > 0 ? input.points.filter((p) => group.has(p.code) && p.code !== input.highlight) : [];
  return { own, members };
}

function plotOptions(layout: FunnelLayout, marks: Plot.Markish[]): Plot.PlotOptions {
  return {
    width: layout.width,
    height: layout.height,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: layout.marginLeft,
    marginRight: layout.marginRight,
    style: PLOT_STYLE,
    // The logarithm of the size on a linear scale rather than a log scale: Plot labels a log axis with d3's log
    // tick format, which leaves out the labels of some ticks (5.000 of 1-2-5) whatever formatter it is given.
    x: {
      domain: layout.xDomain.map(Math.log10),
      ticks: layout.xTicks.map(Math.log10),
      tickFormat: (v: number) => formatNumber(10 ** v),
      label: layout.xLabel,
      labelAnchor: 'right',
    },
    y: { domain: layout.yDomain, ticks: layout.yTicks, tickFormat: tickFormatter(layout.yTicks), label: layout.yLabel, labelAnchor: 'top', grid: true },
    marks,
  };
}

/** What Plot draws of the frame: the limit curves and the centre line (the axes come with the options). */
function frameMarks(input: FunnelChartInput, layout: FunnelLayout): Plot.Markish[] {
  const curves = funnelCurves(input, layout);
  const { snapX } = funnelScales(layout);
  // At whole pixel columns, and the rate as it is (a tenth of a pixel: whole pixels would show as steps where
  // a curve runs nearly flat); the clip keeps what falls outside the frame's rates from being drawn.
  const side = (lower: keyof FunnelCurvePoint, upper: keyof FunnelCurvePoint) => [
    ...curves.map((c) => ({ x: snapX(c.size), y: c[lower], side: 'onder' })),
    ...curves.map((c) => ({ x: snapX(c.size), y: c[upper], side: 'boven' })),
  ];
  return [
    Plot.line(side('lower998', 'upper998'), { x: 'x', y: 'y', z: 'side', ...LIMIT998, clip: true, className: 'funnel-limit-998' }),
    Plot.line(side('lower95', 'upper95'), { x: 'x', y: 'y', z: 'side', ...LIMIT95, clip: true, className: 'funnel-limit-95' }),
    Plot.ruleY([input.target.value], { stroke: REFERENCE_COLOR, strokeWidth: 1.5, className: 'funnel-centre' }),
  ];
}

/** Every region as a grey ring, and the centre line's label over them (see {@link sharedMarkup}). */
function sharedMarks(input: FunnelChartInput, layout: FunnelLayout): Plot.Markish[] {
  const { snapX, snapY } = funnelScales(layout);
  return [
    Plot.dot(input.points, { x: (p: FunnelPoint) => snapX(p.size), y: (p: FunnelPoint) => snapY(p.value), r: R_OTHER, fill: '#ffffff', stroke: OTHER_COLOR, strokeWidth: 1, className: 'funnel-others' }),
    Plot.text([targetLabel(input)], { x: Math.log10(layout.xDomain[1]), y: input.target.value, text: (d: string) => d, textAnchor: 'end', dy: -7, fill: REFERENCE_COLOR, ...HALO, className: 'funnel-centre-label' }),
  ];
}

const sharedMarkupCache = new WeakMap<FunnelLayout, WeakMap<object, Map<string, string>>>();

/**
 * {@link sharedMarks} as SVG, the way Plot writes them, made once per layout, points and label: the same on
 * every page of a funnel. Written rather than drawn by Plot because each national page has a funnel of its own,
 * and 342 dots are half the time Plot takes for a frame.
 */
function sharedMarkup(input: FunnelChartInput, layout: FunnelLayout): string {
  const label = targetLabel(input);
  let byPoints = sharedMarkupCache.get(layout);
  if (!byPoints) sharedMarkupCache.set(layout, (byPoints = new WeakMap()));
  let byLabel = byPoints.get(input.points);
  if (!byLabel) byPoints.set(input.points, (byLabel = new Map()));
  let svg = byLabel.get(label);
  if (svg === undefined) {
    const { x, y } = funnelScales(layout);
    svg = `<g stroke="${OTHER_COLOR}" fill="#ffffff" class="funnel-others">`;
    for (const p of input.points) svg += `<circle r="${R_OTHER}" cy="${Math.round(y(p.value))}" cx="${Math.round(x(p.size))}" />`;
    svg +=
      `</g><g transform="translate(0,-7)" text-anchor="end" paint-order="stroke" stroke-linejoin="round" stroke-width="3" stroke="#ffffff" fill="${REFERENCE_COLOR}" class="funnel-centre-label">` +
      `<text transform="translate(${roundTenth(x(layout.xDomain[1]))},${roundTenth(y(input.target.value))})" y="0.3em">${escapeText(label)}</text></g>`;
    byLabel.set(label, svg);
  }
  return svg;
}

/** Every mark drawn by Plot: the reference for the frame and its overlay ({@link funnelFrame}), and the tests. */
export function funnelSpec(input: FunnelChartInput): { options: Plot.PlotOptions; legend: LegendItem[] } {
  const layout = funnelLayout(input);
  const { own, members } = parts(input);
  const { x, snapX, snapY } = funnelScales(layout);
  const at = { x: (p: FunnelPoint) => snapX(p.size), y: (p: FunnelPoint) => snapY(p.value) };
  const marks: Plot.Markish[] = [...frameMarks(input, layout), ...sharedMarks(input, layout)];
  if (members.length > 0) marks.push(Plot.dot(members, { ...at, r: R_OTHER, fill: GROUP_COLOR, stroke: GROUP_COLOR, strokeWidth: 1, className: 'funnel-group' }));
  if (own) {
    marks.push(Plot.dot([own], { ...at, r: R_HIGHLIGHT, fill: HIGHLIGHT_COLOR, stroke: '#000000', strokeWidth: 1.5, className: 'funnel-highlight' }));
    const side = labelSide(input, layout, own, Math.round(x(own.size)));
    marks.push(
      Plot.text([own], {
        ...at,
        text: (p: FunnelPoint) => highlightLabel(input, p),
        textAnchor: side,
        dx: side === 'start' ? LABEL_GAP : -LABEL_GAP,
        fill: '#000000',
        fontWeight: 'bold',
        ...HALO,
        className: 'funnel-highlight-label',
      }),
    );
  }
  return { options: plotOptions(layout, marks), legend: funnelLegend(input) };
}

/** The parts of a funnel: Plot draws the frame once per key; {@link FunnelFrame.overlay} writes the rest. */
export interface FunnelFrame {
  /** Made only when the frame is not drawn yet. */
  options: () => Plot.PlotOptions;
  /** Same key, same frame. */
  key: string;
  legend: LegendItem[];
  /**
   * Every region as a grey ring and the centre line's label (written once per funnel), then the group's dots, the
   * highlighted region's dot and its label, as Plot writes them: {@link FunnelFrame.shared} then {@link FunnelFrame.own}.
   */
  overlay: () => string;
  /** What every page of the funnel shares beside the frame: every region as a grey ring and the centre line's label. */
  shared: () => string;
  /** The marks of this page alone: the group's dots, the highlighted region's dot and its label. */
  own: () => string;
}

/**
 * The frame of a funnel (axes, grid, limit curves and centre line, drawn by Plot once per key) and the marks
 * written beside it: every region as a grey ring (once per funnel) and this page's own marks. `pointsKey` stands for the points (a hash the renderer keeps per array), so the key holds
 * everything the frame depends on without writing out the points.
 */
export function funnelFrame(input: FunnelChartInput, pointsKey: string, layout: FunnelLayout = funnelLayout(input)): FunnelFrame {
  const options = () => plotOptions(layout, [...frameMarks(input, layout), Plot.ruleY([layout.yDomain[0]], { strokeOpacity: 0, className: FRAME_SLOT_CLASS })]);
  const key = JSON.stringify([
    pointsKey,
    input.target,
    input.tau2,
    input.per,
    input.unit,
    input.decimals,
    input.sizeLabel,
    layout.width,
    layout.height,
    layout.xDomain,
    layout.yDomain,
    layout.marginLeft,
    layout.marginRight,
  ]);
  const shared = () => sharedMarkup(input, layout);
  const ownMarks = () => {
    const { own, members } = parts(input);
    const { x, y } = funnelScales(layout);
    let svg = '';
    // Attributes in the order Plot's DOM writes them, so the SVG is the same as when Plot drew every mark.
    const dot = (p: FunnelPoint, r: number) => `<circle r="${r}" cy="${Math.round(y(p.value))}" cx="${Math.round(x(p.size))}" />`;
    if (members.length > 0) {
      svg += `<g stroke="${GROUP_COLOR}" fill="${GROUP_COLOR}" class="funnel-group">`;
      for (const p of members) svg += dot(p, R_OTHER);
      svg += '</g>';
    }
    if (own) {
      const px = Math.round(x(own.size));
      const side = labelSide(input, layout, own, px);
      svg += `<g stroke-width="1.5" stroke="#000000" fill="${HIGHLIGHT_COLOR}" class="funnel-highlight">${dot(own, R_HIGHLIGHT)}</g>`;
      svg +=
        `<g transform="translate(${side === 'start' ? LABEL_GAP : -LABEL_GAP},0)" font-weight="bold" text-anchor="${side}" paint-order="stroke" ` +
        `stroke-linejoin="round" stroke-width="3" stroke="#ffffff" fill="#000000" class="funnel-highlight-label">` +
        `<text transform="translate(${px},${Math.round(y(own.value))})" y="0.3em">${escapeText(highlightLabel(input, own))}</text></g>`;
    }
    return svg;
  };
  return { options, key, legend: funnelLegend(input), overlay: () => shared() + ownMarks(), shared, own: ownMarks };
}

/** The legend: the region, its group (when shown), the other regions, the centre line and both limits. */
export function funnelLegend(input: FunnelChartInput): LegendItem[] {
  const { own, members } = parts(input);
  const legend: LegendItem[] = [];
  if (own) legend.push({ label: own.label, color: HIGHLIGHT_COLOR, swatch: 'dot', outlined: true });
  if (members.length > 0) legend.push({ label: input.groupLabel ?? 'vergelijkbare gemeenten', color: GROUP_COLOR, swatch: 'dot' });
  legend.push({ label: own || members.length > 0 ? `overige ${input.noun}` : input.noun, color: OTHER_COLOR, swatch: 'open-dot' });
  legend.push({ label: input.target.label, color: REFERENCE_COLOR, swatch: 'line', plain: true });
  legend.push({ label: '95%-grens', color: LIMIT95.stroke, swatch: 'dashed-line', plain: true });
  legend.push({ label: '99,8%-grens', color: LIMIT998.stroke, swatch: 'line', plain: true });
  return legend;
}
