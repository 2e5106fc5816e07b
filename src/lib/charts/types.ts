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
  /**
   * The part of the drawing that many pages share, as a file to show under `svg` (a fact page's funnel: its
   * axes, limits and every gemeente as a grey ring). Put in place with withFrameImage for a download.
   */
  frame?: ChartFrame;
}

/** A shared part of a drawing as a file, in the drawing's own size (see ChartOutput.frame). */
export interface ChartFrame {
  href: string;
  width: number;
  height: number;
}

/** One entry of a chart legend; `swatch` says how to draw its sample. */
export interface LegendItem {
  label: string;
  color: string;
  swatch: 'line' | 'dashed-line' | 'provisional' | 'dot' | 'open-dot' | 'rule' | 'band' | 'bar' | 'area' | 'hatch';
  /** Marker shape of a line or dot, so series stay apart in black and white. */
  symbol?: MarkerSymbol;
  /** A line drawn without a marker on it (a reference or limit line, not a data series). */
  plain?: boolean;
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
  /**
   * The range of a comparison group per period, drawn as a band behind the lines: "middelste helft van de
   * gemeenten met 100.000 tot 250.000 inwoners". Periods without a range leave a gap.
   */
  band?: { label: string; points: Array<{ period: string; low: number; high: number }> };
  /**
   * The change the page's sentence states, marked on the chart: the highlighted series' figure in `from` (the
   * same half year a year earlier) against `to` (the latest), with the verdict in words ("hoger", "niet
   * duidelijk anders"), taken from src/lib/stats/verdict.ts.
   */
  change?: { from: string; to: string; words: string };
  /** What the figure counts, for the text alternative: "het aantal jongeren met jeugdhulp". */
  subject?: string;
  /** Drawn this many pixels wide (see chartWidth); the narrow drawing for small screens passes NARROW_CHART_WIDTH. */
  width?: number;
}

/**
 * A funnel plot: every region of a kind by its size (the denominator, on a logarithmic axis) and its rate,
 * with Nederland as the centre line and the control limits at 95% and 99.8% around it (src/lib/stats/funnel.ts).
 * No ranks: a region's place follows from its size and rate alone.
 */
export interface FunnelChartInput {
  id: string;
  title: string;
  /** The rate's unit: "%" or "per 1.000 jongeren". */
  unit: string;
  decimals: number;
  /** The rate per this many (100 for a percentage): the limits are computed as proportions and shown per this. */
  per: number;
  /** What the size axis counts: "jongeren tot 18 jaar". */
  sizeLabel: string;
  /**
   * The centre line, in the rate's unit: `value` from the counts (where the line and the limits are drawn),
   * `shown` the published figure its label prints, `inPhrase` how a sentence names it ("in Nederland").
   */
  target: { label: string; value: number; shown?: number; inPhrase?: string };
  /** The overdispersion between the regions that widens the limits (funnel.ts). */
  tau2: number;
  /** Every region with counts: its size (denominator) and its rate from the counts, in the rate's unit. */
  points: Array<{
    code: string;
    label: string;
    size: number;
    value: number;
    /** The published rate, which labels and sentences print (the position is `value`, from the counts). */
    shown?: number | null;
    verdict?: import('../stats/verdict').Verdict;
    /** Why a region has no verdict, where it has none. */
    reason?: import('../stats/verdict').NoVerdictReason;
  }>;
  /** The region marked on a fact page. */
  highlight?: string;
  /** Regions drawn distinct, e.g. the vergelijkbare gemeenten. */
  group?: Set<string>;
  groupLabel?: string;
  /** Regions of the kind without counts (not in the plot), for the text alternative. */
  missingCount?: number;
  /** "gemeenten", "provincies", "jeugdregio's". */
  noun: string;
  /** Drawn this many pixels wide (see chartWidth); the narrow drawing for small screens passes NARROW_CHART_WIDTH. */
  width?: number;
  /**
   * Where what every fact page of this funnel shares (axes, limit curves, centre line, every region as a grey
   * ring) is served as a static SVG file, one per width: its path without the width, hash and extension,
   * "/grafieken/trechter/jongeren-jeugdhulp-2026hj01-gemeente" (funnelFramePath, src/lib/facts/funnel-chart.ts).
   * The drawing then shows that file as an SVG <image> under its own marks (funnelFrameFile,
   * src/render/charts.ts) instead of carrying it; without it the drawing is whole (the national pages, tests).
   */
  frameFile?: string;
}

export interface BarInput {
  label: string;
  value: number | null;
  /**
   * The value as its table prints it, where that has more decimals than the chart's: a rate of a few youths
   * that would round to 0,0 is printed 0,02 (facts/breakdowns.ts), and the bar says the same.
   */
  printed?: string;
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
  /** Per gemeente code: its figure, and its page, which its shape on the map links to. */
  values: Map<string, { value: number | null; symbol?: string | null; href?: string | undefined }>;
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
