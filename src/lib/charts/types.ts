/**
 * The chart API of the site: what a page passes in and what it gets back. Charts are rendered to SVG at
 * build time (src/render/charts.ts); pages place them with src/components/Chart.astro.
 */
import type { PeriodStatus } from '../data/periods';

export interface ChartOutput {
  id: string;
  title: string;
  /** Text alternative: what the chart shows, in a sentence or three. */
  description: string;
  svg: string;
  /** What the marks mean, rendered as an HTML legend beside the chart (readable at any zoom and in print). */
  legend?: LegendItem[];
  /** The same chart drawn narrow, which small screens show instead (see NARROW_CHART_WIDTH and withNarrow). */
  narrow?: ChartOutput;
}

/** One entry of a chart legend; `swatch` says how to draw its sample. */
export interface LegendItem {
  label: string;
  color: string;
  swatch: 'line' | 'dashed-line' | 'provisional' | 'dot' | 'open-dot' | 'rule' | 'band' | 'bar' | 'area' | 'hatch';
  /** Marker shape of a line or dot, so series stay apart in black and white. */
  symbol?: MarkerSymbol;
  /** Drawn with a dark border, e.g. the lightest map class or the highlighted gemeente. */
  outlined?: boolean;
}

export type MarkerSymbol = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross' | 'wye';

export interface TrendPoint {
  /** CBS period code. */
  period: string;
  value: number | null;
  symbol?: string | null;
  /** The figure was converted (omgerekend) to the current indeling. */
  converted?: boolean;
  status?: PeriodStatus;
}

export interface TrendSeries {
  label: string;
  highlight?: boolean;
  points: TrendPoint[];
}

export interface TrendChartInput {
  id: string;
  title: string;
  unit: string;
  decimals: number;
  series: TrendSeries[];
  trendBreaks?: Array<{ period: string; note: string }>;
  /** What the figure counts, for the text alternative: "het aantal jongeren met jeugdhulp". */
  subject?: string;
  /** Drawn this many pixels wide (see chartWidth); the narrow drawing for small screens passes NARROW_CHART_WIDTH. */
  width?: number;
}

export interface DotStripInput {
  id: string;
  title: string;
  unit: string;
  decimals: number;
  values: Array<{ code: string; label: string; value: number }>;
  /** Code of the gemeente whose position is shown. */
  highlight: string;
  references?: Array<{ label: string; value: number }>;
  /** Codes drawn distinct, e.g. gelijksoortige gemeenten. */
  group?: Set<string>;
  /** Name of the group in the legend and text alternative; "gelijksoortige gemeenten" by default. */
  groupLabel?: string;
  /** Number of gemeenten without a figure, for the text alternative. */
  missingCount?: number;
  /** Drawn this many pixels wide (see chartWidth); the narrow drawing for small screens passes NARROW_CHART_WIDTH. */
  width?: number;
}

export interface BarInput {
  label: string;
  value: number | null;
  symbol?: string | null;
  group?: string;
}

export interface BarChartInput {
  id: string;
  title: string;
  unit: string;
  decimals: number;
  bars: BarInput[];
  /** Drawn this many pixels wide (see chartWidth); the narrow drawing for small screens passes NARROW_CHART_WIDTH. */
  width?: number;
}

export interface ChoroplethInput {
  id: string;
  title: string;
  unit: string;
  decimals: number;
  /** Indeling year whose boundaries are drawn (the geometry of the latest year at or before it is used). */
  geoYear: number;
  values: Map<string, { value: number | null; symbol?: string | null }>;
  highlight?: string;
}

export interface ChoroplethOutput extends ChartOutput {
  legend: Array<LegendItem & { label: string; color: string }>;
  /** How the classes were made and why, for the text beside the legend. */
  classNote: string;
  /** The geometry year actually drawn. */
  geoYear: number;
  /** The unit of the values, as given in the input, for the legend heading. */
  unit: string;
}
