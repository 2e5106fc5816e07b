/** Sizes shared by the charts. SVGs scale to their container; Chart.astro keeps them from getting too small. */
export const CHART_WIDTH = 640;
export const FONT_SIZE = 12;
export const LINE_HEIGHT = 16;

/** Plot's root style: the font size that the margin estimates assume. */
export const PLOT_STYLE = { fontSize: `${FONT_SIZE}px`, overflow: 'visible' } as const;

/**
 * The class of a placeholder mark in a chart frame that Plot draws once for many charts (dot strips, bars):
 * the marks of one chart, written as SVG, replace it.
 */
export const FRAME_SLOT_CLASS = 'chart-frame-slot';
