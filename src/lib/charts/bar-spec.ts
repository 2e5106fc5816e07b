/**
 * Horizontal bars for breakdowns (hulpvorm, verwijzer, leeftijd), in the order given, each with its value.
 * A figure that is missing shows its CBS symbol and meaning where the bar would start, never a zero bar.
 */
import * as Plot from '@observablehq/plot';
import { axisLabel, estimateTextWidth, formatChartValue, niceZeroDomain, tickFormatter } from './format';
import { symbolMeaning } from './describe';
import { CHART_WIDTH, FONT_SIZE, PLOT_STYLE } from './layout';
import { MUTED_TEXT, SERIES_COLORS } from './palette';
import type { BarChartInput, BarInput, LegendItem } from './types';

const ROW_HEIGHT = 28;
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 10;
const MAX_LABEL_WIDTH = 210;
/** Bar colours per group: blue, bluish green, black, … (Okabe–Ito). */
const GROUP_COLORS = SERIES_COLORS;

const hasValue = (b: BarInput): b is BarInput & { value: number } => b.value !== null && Number.isFinite(b.value);

/** What a missing bar shows: ". (afgeschermd of ontbreekt)". */
export function missingBarText(bar: BarInput): string {
  const symbol = bar.symbol ?? '.';
  return symbol === '' ? `(${symbolMeaning(symbol)})` : `${symbol} (${symbolMeaning(symbol)})`;
}

export function barSpec(input: BarChartInput): { options: Plot.PlotOptions; legend: LegendItem[] } {
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const labels = [...new Set(input.bars.map((b) => b.label))];
  const groups = [...new Set(input.bars.map((b) => b.group).filter((g): g is string => g !== undefined))];
  const colorOf = (b: BarInput) => GROUP_COLORS[Math.max(0, groups.indexOf(b.group ?? '')) % GROUP_COLORS.length]!;
  const shown = input.bars.filter(hasValue);
  const missing = input.bars.filter((b) => !hasValue(b));
  const { domain, ticks } = niceZeroDomain(shown.map((b) => b.value), 5);
  const format = tickFormatter(ticks);

  const longestLabel = Math.max(0, ...labels.map((l) => estimateTextWidth(l, FONT_SIZE)));
  const marginLeft = Math.min(MAX_LABEL_WIDTH, longestLabel + 12);
  const valueWidth = Math.max(0, ...shown.map((b) => estimateTextWidth(fmt(b.value), FONT_SIZE)));
  const marginRight = Math.max(16, valueWidth + 10);

  const marks: Plot.Markish[] = [
    Plot.barX(shown, { x: 'value', y: 'label', fill: colorOf, insetTop: 4, insetBottom: 4 }),
    Plot.ruleX([0], { stroke: '#1a1a1a' }),
    Plot.text(shown, { x: 'value', y: 'label', text: (b: BarInput & { value: number }) => fmt(b.value), textAnchor: 'start', dx: 4, fill: '#1a1a1a' }),
    Plot.text(missing, { x: domain[0], y: 'label', text: missingBarText, textAnchor: 'start', dx: 6, fill: MUTED_TEXT, fontStyle: 'italic' }),
    Plot.axisY({ tickSize: 0, label: null, lineWidth: (marginLeft - 8) / FONT_SIZE } as Plot.AxisOptions),
  ];
  const legend: LegendItem[] = groups.length > 1 ? groups.map((g, i) => ({ label: g, color: GROUP_COLORS[i % GROUP_COLORS.length]!, swatch: 'bar' as const })) : [];

  const options: Plot.PlotOptions = {
    width: CHART_WIDTH,
    height: MARGIN_TOP + MARGIN_BOTTOM + ROW_HEIGHT * labels.length,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft,
    marginRight,
    style: PLOT_STYLE,
    x: { domain, ticks, tickFormat: format, label: `${axisLabel(input.unit)} →`, labelAnchor: 'right', axis: 'top', grid: true },
    y: { domain: labels, label: null, padding: 0 },
    marks,
  };
  return { options, legend };
}
