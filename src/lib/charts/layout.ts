/** Sizes shared by the charts. SVGs scale to their container; Chart.astro keeps them from getting too small. */
export const CHART_WIDTH = 640;
/**
 * The width of a chart's narrow drawing, which small screens show instead (Chart.astro): the same text size
 * on half the width, with fewer ticks and narrower label columns, rather than the wide drawing cut off.
 */
export const NARROW_CHART_WIDTH = 320;

/** The width a chart is drawn at: its input's, or CHART_WIDTH. */
export function chartWidth(input: { width?: number | undefined }): number {
  return input.width ?? CHART_WIDTH;
}
export const FONT_SIZE = 12;
export const LINE_HEIGHT = 16;
/** How much wider bold text runs than estimateTextWidth's normal-weight estimate. */
export const BOLD_WIDTH = 1.15;

/** Plot's root style: the font size that the margin estimates assume. */
export const PLOT_STYLE = { fontSize: `${FONT_SIZE}px`, overflow: 'visible' } as const;

/**
 * The class of a placeholder mark in a chart frame that Plot draws once for many charts (trend lines, bars,
 * funnels): the marks of one chart, written as SVG, replace it.
 */
export const FRAME_SLOT_CLASS = 'chart-frame-slot';
