/**
 * Chart frames: what many charts share (axes, grid, labels and the like) drawn by Plot once per key, with a
 * chart's own title, description and marks put into a copy. The marks are written as SVG by the chart kinds
 * (src/lib/charts/*-spec.ts) the way Plot writes them; what only Plot knows (a marker's path, how a label
 * wraps) is asked of Plot once each. The caches live on globalThis, as the other chart caches (memo.ts).
 */
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { FRAME_SLOT_CLASS } from '../lib/charts/layout';
import { escapeText } from '../lib/charts/markup';
import type { TrendOverlayTools } from '../lib/charts/trend-spec';
import { recordHit, recordRender } from './memo';
import { renderPlotSvg } from './plot-dom';

/** Placeholders in a cached frame for what differs per chart: its title, its description and its marks. */
const FRAME_TITLE = '\u0001title\u0001';
const FRAME_DESC = '\u0001desc\u0001';
const FRAME_SLOT = new RegExp(`<g[^>]*class="${FRAME_SLOT_CLASS}"[^>]*>[\\s\\S]*?</g>`);

const FRAMES_KEY = Symbol.for('jeugdzorg.chartFrames');
type GlobalWithFrames = typeof globalThis & { [FRAMES_KEY]?: Map<string, string> };

/** A chart as a frame that Plot draws once per key, with this chart's title, description and marks put in. */
export function framedSvg(key: string, options: () => PlotOptions, title: string, description: string, overlay: () => string): string {
  return cachedFrameSvg(key, () => renderPlotSvg(options(), { title: FRAME_TITLE, description: FRAME_DESC }))
    .replace(FRAME_TITLE, () => escapeText(title))
    .replace(FRAME_DESC, () => escapeText(description))
    .replace(FRAME_SLOT, overlay);
}

const PARTS_KEY = Symbol.for('jeugdzorg.plotParts');
type GlobalWithParts = typeof globalThis & { [PARTS_KEY]?: Map<string, string | string[]> };

function cachedPart<T extends string | string[]>(key: string, draw: () => T): T {
  const cache = ((globalThis as GlobalWithParts)[PARTS_KEY] ??= new Map());
  let part = cache.get(key) as T | undefined;
  if (part === undefined) {
    if (cache.size >= 4096) cache.clear();
    cache.set(key, (part = draw()));
  }
  return part;
}

const NO_AXES = { x: { axis: null }, y: { axis: null } } as const;

/**
 * Small things that only Plot knows how it draws, asked of Plot once each: the path of a marker symbol, and
 * how a label wraps at a line width (Plot's own text measure).
 */
export const PLOT_PARTS: TrendOverlayTools = {
  symbolPath: (symbol, r) =>
    cachedPart(`symbol|${symbol}|${r}`, () => {
      // A channel, as in the trend chart: with a constant symbol Plot draws a circle as <circle>.
      const svg = renderPlotSvg({ ...NO_AXES, marks: [Plot.dot([0], { x: 0, y: 0, symbol: () => symbol, r })] }, { title: '', description: '' });
      return /<path[^>]* d="([^"]*)"/.exec(svg)![1]!;
    }),
  wrap: (label, lineWidth) =>
    cachedPart(`wrap|${lineWidth}|${label}`, () => {
      const svg = renderPlotSvg({ ...NO_AXES, marks: [Plot.text([label], { x: 0, y: 0, text: (d: string) => d, lineWidth })] }, { title: '', description: '' });
      const text = /<text[^>]*>([\s\S]*?)<\/text>/.exec(svg)![1]!;
      const spans = [...text.matchAll(/<tspan[^>]*>([\s\S]*?)<\/tspan>/g)].map((m) => m[1]!);
      return spans.length > 0 ? spans : [text];
    }),
};

/**
 * At most this many frames are kept. A default build asks for about 1,000 distinct frames of 3–4 KB (trend
 * charts alone some 770: one per measure, axis, label margin and width); with room for 256, emptied when
 * full, Plot drew 1,902 frames for 984 distinct ones.
 */
const MAX_FRAMES = 4096;

/** A frame drawn by Plot once per key (one per axis and label rows). */
function cachedFrameSvg(key: string, render: () => string): string {
  const cache = ((globalThis as GlobalWithFrames)[FRAMES_KEY] ??= new Map());
  let svg = cache.get(key);
  if (svg === undefined) {
    const started = performance.now();
    if (cache.size >= MAX_FRAMES) cache.clear();
    cache.set(key, (svg = render()));
    recordRender('frame', performance.now() - started, svg.length);
  } else recordHit('frame');
  return svg;
}

/** Empties the frames and the parts asked of Plot (tests). */
export function resetFrames(): void {
  (globalThis as GlobalWithFrames)[FRAMES_KEY]?.clear();
  (globalThis as GlobalWithParts)[PARTS_KEY]?.clear();
}
