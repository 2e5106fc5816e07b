/**
 * Horizontal bars for breakdowns (hulpvorm, verwijzer, leeftijd), in the order given, each with its value.
 * A figure that is missing shows its CBS symbol and meaning where the bar would start, never a zero bar.
 */
import * as Plot from '@observablehq/plot';
import { axisLabel, barValueText, estimateTextWidth, niceZeroDomain, tickFormatter } from './format';
import { symbolMeaning } from './describe';
import { escapeText } from './markup';
import { roundTenth } from './svg-compact';
import { chartWidth, FONT_SIZE, FRAME_SLOT_CLASS, PLOT_STYLE } from './layout';
import { MUTED_TEXT, SERIES_COLORS } from './palette';
import type { BarChartInput, BarInput, LegendItem } from './types';

/** The height of a row: room for a label of two lines; a label that wraps into more gets a line height more per line. */
const ROW_HEIGHT = 28;
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 10;
/** The widest the column of category labels gets (two fifths of a narrow chart): longer labels wrap. */
const MAX_LABEL_WIDTH = 210;
/** Bar colours per group: blue, bluish green, black, … (Okabe–Ito). */
const GROUP_COLORS = SERIES_COLORS;

const hasValue = (b: BarInput): b is BarInput & { value: number } => b.value !== null && Number.isFinite(b.value);

/** What a missing bar shows: ". (afgeschermd of ontbreekt)". */
export function missingBarText(bar: BarInput): string {
  const symbol = bar.symbol ?? '.';
  return symbol === '' ? `(${symbolMeaning(symbol)})` : `${symbol} (${symbolMeaning(symbol)})`;
}

/** The measurements of a bar chart that its frame and its marks share. */
interface BarLayout {
  width: number;
  rowHeight: number;
  labels: string[];
  shown: Array<BarInput & { value: number }>;
  missing: BarInput[];
  colorOf: (b: BarInput) => string;
  fmt: (b: BarInput & { value: number }) => string;
  domain: [number, number];
  ticks: number[];
  marginLeft: number;
  marginRight: number;
  height: number;
  legend: LegendItem[];
}

function barLayout(input: BarChartInput): BarLayout {
  const fmt = (b: BarInput & { value: number }) => barValueText(b, input.unit, input.decimals);
  const labels = [...new Set(input.bars.map((b) => b.label))];
  const groups = [...new Set(input.bars.map((b) => b.group).filter((g): g is string => g !== undefined))];
  const colorOf = (b: BarInput) => GROUP_COLORS[Math.max(0, groups.indexOf(b.group ?? '')) % GROUP_COLORS.length]!;
  const shown = input.bars.filter(hasValue);
  const missing = input.bars.filter((b) => !hasValue(b));
  const width = chartWidth(input);
  // About one tick per 128 pixels: five on the wide drawing, three on the narrow one.
  const { domain, ticks } = niceZeroDomain(shown.map((b) => b.value), Math.max(2, Math.round(width / 128)));
  const longestLabel = Math.max(0, ...labels.map((l) => estimateTextWidth(l, FONT_SIZE)));
  // At most 210 pixels for the labels, and two fifths of a narrow chart.
  const marginLeft = Math.min(MAX_LABEL_WIDTH, Math.round(width * 0.4), longestLabel + 12);
  const labelLines = Math.max(1, ...labels.map((l) => Math.ceil(estimateTextWidth(l, FONT_SIZE) / (marginLeft - 8))));
  const rowHeight = Math.max(ROW_HEIGHT, labelLines * FONT_SIZE + 4);
  const valueWidth = Math.max(0, ...shown.map((b) => estimateTextWidth(fmt(b), FONT_SIZE)));
  const marginRight = Math.max(16, valueWidth + 10);
  const legend: LegendItem[] = groups.length > 1 ? groups.map((g, i) => ({ label: g, color: GROUP_COLORS[i % GROUP_COLORS.length]!, swatch: 'bar' as const })) : [];
  return { width, rowHeight, labels, shown, missing, colorOf, fmt, domain, ticks, marginLeft, marginRight, height: MARGIN_TOP + MARGIN_BOTTOM + rowHeight * labels.length, legend };
}

function barOptions(input: BarChartInput, layout: BarLayout, marks: Plot.Markish[]): Plot.PlotOptions {
  const { width, domain, ticks, labels, marginLeft, marginRight, height } = layout;
  return {
    width,
    height,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft,
    marginRight,
    style: PLOT_STYLE,
    x: { domain, ticks, tickFormat: tickFormatter(ticks), label: `${axisLabel(input.unit)} →`, labelAnchor: 'right', axis: 'top', grid: true },
    // A band scale, as the bars make it; a frame without bars would otherwise get a point scale.
    y: { type: 'band', domain: labels, label: null, padding: 0 },
    marks,
  };
}

const yAxis = (marginLeft: number) => Plot.axisY({ tickSize: 0, label: null, lineWidth: (marginLeft - 8) / FONT_SIZE } as Plot.AxisOptions);

/** Every bar, its value and the symbol of a missing bar drawn by Plot (also the reference for {@link barOverlay}). */
export function barSpec(input: BarChartInput): { options: Plot.PlotOptions; legend: LegendItem[] } {
  const layout = barLayout(input);
  const { shown, missing, colorOf, fmt, domain, marginLeft } = layout;
  const marks: Plot.Markish[] = [
    Plot.barX(shown, { x: 'value', y: 'label', fill: colorOf, insetTop: 4, insetBottom: 4 }),
    Plot.ruleX([0], { stroke: '#1a1a1a' }),
    Plot.text(shown, { x: 'value', y: 'label', text: (b: BarInput & { value: number }) => fmt(b), textAnchor: 'start', dx: 4, fill: '#1a1a1a' }),
    Plot.text(missing, { x: domain[0], y: 'label', text: missingBarText, textAnchor: 'start', dx: 6, fill: MUTED_TEXT, fontStyle: 'italic' }),
    yAxis(marginLeft),
  ];
  return { options: barOptions(input, layout, marks), legend: layout.legend };
}

/** The frame of a bar chart (axes, grid, category labels) and where its marks go; see {@link barOverlay}. */
export interface BarFrame {
  /** Made only when the frame is not drawn yet. */
  options: () => Plot.PlotOptions;
  /** Same key, same frame. */
  key: string;
  legend: LegendItem[];
  /** The SVG of the bars, the zero rule and the value and symbol labels, in Plot's order and form. */
  overlay: () => string;
}

/**
 * A bar chart as a frame that many gemeenten share (the same categories, axis and margins) and the marks of
 * this one, written as SVG the way Plot writes them: Plot draws each distinct frame once. Undefined when a
 * category comes more than once (Plot stacks such bars): then Plot draws the whole chart ({@link barSpec}).
 */
export function barFrame(input: BarChartInput): BarFrame | undefined {
  const layout = barLayout(input);
  if (layout.labels.length !== input.bars.length) return undefined;
  const { labels, shown, missing, colorOf, fmt, domain, ticks, marginLeft, marginRight, height } = layout;
  const options = () => barOptions(input, layout, [Plot.ruleX([domain[0]], { strokeOpacity: 0, className: FRAME_SLOT_CLASS }), yAxis(marginLeft)]);
  const key = JSON.stringify([labels, domain, ticks, marginLeft, marginRight, input.unit, layout.width]);
  const overlay = () => {
    const left = marginLeft;
    const right = layout.width - marginRight;
    const [d0, d1] = domain;
    const x = (v: number) => {
      const t = (v - d0) / (d1 - d0);
      return left * (1 - t) + right * t;
    };
    const { rowHeight } = layout;
    const bandTop = (label: string) => MARGIN_TOP + labels.indexOf(label) * rowHeight;
    const half = rowHeight / 2;
    const bottom = height - MARGIN_BOTTOM;
    const zero = x(0);
    let svg = '';
    if (shown.length > 0) {
      svg += '<g>';
      for (const b of shown) {
        const end = x(b.value);
        svg += `<rect fill="${colorOf(b)}" height="${rowHeight - 8}" y="${bandTop(b.label) + 4}" width="${roundTenth(Math.abs(end - zero))}" x="${roundTenth(Math.min(zero, end))}" />`;
      }
      svg += '</g>';
    }
    svg += `<g stroke="#1a1a1a"><line y2="${bottom}" y1="${MARGIN_TOP}" x2="${roundTenth(zero)}" x1="${roundTenth(zero)}" /></g>`;
    if (shown.length > 0) {
      svg += `<g transform="translate(4,${half})" text-anchor="start" fill="#1a1a1a">`;
      for (const b of shown) svg += `<text transform="translate(${roundTenth(x(b.value))},${bandTop(b.label)})" y="0.3em">${escapeText(fmt(b))}</text>`;
      svg += '</g>';
    }
    if (missing.length > 0) {
      svg += `<g transform="translate(6,${half})" font-style="italic" text-anchor="start" fill="${MUTED_TEXT}">`;
      for (const b of missing) svg += `<text transform="translate(${roundTenth(x(d0))},${bandTop(b.label)})" y="0.3em">${escapeText(missingBarText(b))}</text>`;
      svg += '</g>';
    }
    return svg;
  };
  return { options, key, legend: layout.legend, overlay };
}
