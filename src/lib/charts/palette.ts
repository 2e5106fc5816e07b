/**
 * Colours of the charts. Every colour that carries meaning has at least 3:1 contrast with white (WCAG 1.4.11)
 * and none carries meaning alone: series also differ in marker shape, the highlighted gemeente is labelled,
 * map classes run from light to dark so they stay ordered in black and white.
 */
import type { MarkerSymbol } from './types';

/**
 * Okabe–Ito, the colours that stay apart for the common forms of colour blindness, without the orange, sky
 * blue and yellow that are too light for lines on white, and without vermillion, which marks the gemeente a
 * chart is about ({@link HIGHLIGHT_COLOR}). The last is a darkened Okabe–Ito orange.
 */
export const SERIES_COLORS = ['#0072B2', '#009E73', '#000000', '#B8608E', '#8A6500'] as const;

export const SERIES_SYMBOLS: readonly MarkerSymbol[] = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'];

/** The gemeente a page is about: Okabe–Ito vermillion, always with a label and a dark outline. */
export const HIGHLIGHT_COLOR = '#D55E00';
/** The comparison group (vergelijkbare gemeenten, or the size class). */
export const GROUP_COLOR = '#0072B2';
/** All other gemeenten in a funnel plot: hollow grey rings. */
export const OTHER_COLOR = '#6E6E6E';
/** Reference lines (Nederland, provincie, jeugdregio) and trend breaks. */
export const REFERENCE_COLOR = '#333333';
/** Band behind periods converted to the current indeling. */
export const CONVERTED_BAND_COLOR = '#E4E4E4';
export const MUTED_TEXT = '#4A4A4A';

/**
 * Sequential classes for the maps: ColorBrewer Blues, single hue so the order holds for every kind of colour
 * vision and in grey print. The lightest class gets a visible border in the legend and on the map.
 */
export const SEQUENTIAL_BLUES: Record<number, readonly string[]> = {
  1: ['#6BAED6'],
  2: ['#BDD7E7', '#2171B5'],
  3: ['#DEEBF7', '#6BAED6', '#08519C'],
  4: ['#EFF3FF', '#9ECAE1', '#4292C6', '#08519C'],
  5: ['#EFF3FF', '#BDD7E7', '#6BAED6', '#3182BD', '#08519C'],
};
/** Boundaries between gemeenten: dark enough that the lightest class stands out from white paper. */
export const MAP_BORDER_COLOR = '#7A7A7A';
export const MAP_MISSING_HATCH = '#555555';

/** Relative luminance (WCAG 2.1) of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio (WCAG 2.1) between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
