/**
 * The site's charts, rendered to SVG at build time with Observable Plot; no chart needs client JavaScript.
 * Trend charts, bar charts and funnel plots are a frame that Plot draws once for many charts plus their own
 * marks (frames.ts); maps are drawn whole, during a build in a chart worker (chart-pool.ts). Charts are
 * memoised by their input (without the id), so a chart that several pages show is rendered once.
 */
import { describeBars, describeTrend } from '../lib/charts/describe';
import { barFrame, barSpec } from '../lib/charts/bar-spec';
import { createHash } from 'node:crypto';
import { describeFunnel } from '../lib/charts/describe-funnel';
import { funnelFrame, funnelLayout, type FunnelLayout } from '../lib/charts/funnel-spec';
import type { FunnelChartInput } from '../lib/charts/types';
import { trendFrame, trendSpec } from '../lib/charts/trend-spec';
import { CHART_WIDTH, chartWidth, NARROW_CHART_WIDTH } from '../lib/charts/layout';
import type {
  BarChartInput,
  ChartOutput,
  ChoroplethInput,
  ChoroplethOutput,
  LegendItem,
  TrendChartInput,
} from '../lib/charts/types';
import type { PlotOptions } from '@observablehq/plot';
import { renderChoroplethUncached } from './choropleth';
import { activeChartPool, renderTime } from './chart-pool';
import { framedSvg, PLOT_PARTS, resetFrames } from './frames';
import { memoizeRender, recordHit, recordRender, resetRenderCache as resetMemo } from './memo';
import { assertChartId, renderPlotSvg, withChartId } from './plot-dom';

export type { ChartOutput, ChoroplethOutput } from '../lib/charts/types';
export { renderStats } from './memo';

/** The renderers of each kind, uncached: the input in, the chart out, its ids written as ID_TOKEN. */
const RENDERERS = {
  trend: (input: TrendChartInput): ChartOutput => {
    const frame = trendFrame(input);
    if (!frame) return renderPlotChart(input, describeTrend, trendSpec);
    const description = trendDescription(input);
    const svg = framedSvg(`trend:${frame.key}`, frame.options, input.title, description, () => frame.overlay(PLOT_PARTS));
    return { id: input.id, title: input.title, description, legend: frame.legend, svg };
  },
  bar: (input: BarChartInput): ChartOutput => {
    const frame = barFrame(input);
    if (!frame) return renderPlotChart(input, describeBars, barSpec);
    const description = describeBars(input);
    return { id: input.id, title: input.title, description, legend: frame.legend, svg: framedSvg(`bar:${frame.key}`, frame.options, input.title, description, frame.overlay) };
  },
  funnel: (input: FunnelChartInput): ChartOutput => {
    const description = describeFunnel(input);
    const { pointsKey, layout } = cachedFunnelLayout(input);
    const frame = funnelFrame(input, pointsKey, layout);
    const key = `funnel:${frame.key}`;
    if (input.frameFile === undefined) return { id: input.id, title: input.title, description, legend: frame.legend, svg: framedSvg(key, frame.options, input.title, description, frame.overlay) };
    // The shared part as a file under this page's marks: the frame's <svg> with its title and description and
    // the page's own marks where they were; the page shows the file under it (Chart.astro), a download puts it
    // inside (withFrameImage).
    const file = funnelFrameFile(input);
    const [head, tail] = splitFrame(framedSvg(key, frame.options, input.title, description, () => SLOT_MARK));
    const svg = `${head}${frame.own()}${tail}`;
    return { id: input.id, title: input.title, description, legend: frame.legend, svg, frame: { href: file.href, width: file.width, height: file.height } };
  },
  choropleth: (input: ChoroplethInput): ChoroplethOutput => renderChoroplethUncached(input),
};

/**
 * The text alternative of a trend chart does not depend on its width: the wide and the narrow drawing of one
 * chart (withNarrow) share their series array, so the second one reuses the first one's text.
 */
const trendDescriptions = new WeakMap<object, { input: TrendChartInput; text: string }>();

function trendDescription(input: TrendChartInput): string {
  const seen = trendDescriptions.get(input.series);
  const same = seen && seen.input.title === input.title && seen.input.band === input.band && seen.input.change === input.change && seen.input.unit === input.unit && seen.input.decimals === input.decimals && seen.input.subject === input.subject && seen.input.trendBreaks === input.trendBreaks;
  if (same) return seen.text;
  const text = describeTrend(input);
  trendDescriptions.set(input.series, { input, text });
  return text;
}

export type ChartKind = keyof typeof RENDERERS;
export type ChartInputOf<K extends ChartKind> = Parameters<(typeof RENDERERS)[K]>[0];

/** Renders a chart here and now, without the cache (the chart workers run this). */
export function renderChartNow<K extends ChartKind>(kind: K, input: ChartInputOf<K>): ReturnType<(typeof RENDERERS)[K]> {
  return (RENDERERS[kind] as (input: ChartInputOf<K>) => ReturnType<(typeof RENDERERS)[K]>)(input);
}

/**
 * Bars are a cached frame and some string work: sending them to a worker would cost more than drawing them.
 * The chart worker draws the maps (and trend lines, see renderTrendChart).
 */
const IN_PROCESS = new Set<ChartKind>(['bar', 'trend']);

/** More charts than this waiting for the chart workers, and the main thread renders the next one (see renderWithId). */
const MAX_QUEUED_CHARTS = 4;

/**
 * Renders once per input (the id aside) and puts the id into the cached SVG. During a build the chart
 * workers render (src/render/chart-pool.ts), so the main thread renders other pages meanwhile.
 */
async function renderWithId<K extends ChartKind>(kind: K, input: ChartInputOf<K>): Promise<ReturnType<(typeof RENDERERS)[K]>> {
  type Output = ReturnType<(typeof RENDERERS)[K]>;
  assertChartId(input.id);
  const { id, ...rest } = input;
  const pool = activeChartPool();
  const cached = await memoizeRender(
    kind,
    rest,
    // With the workers' queue full, the pages that Astro renders side by side all wait for charts: then the
    // main thread draws this one itself rather than sit idle.
    (): Output | Promise<Output> =>
      pool && !IN_PROCESS.has(kind) && pool.pending() < MAX_QUEUED_CHARTS ? (pool.render(kind, input) as Promise<Output>) : renderChartNow(kind, input),
    renderTime,
  );
  return { ...cached, id, svg: withChartId(cached.svg, id) };
}

/** A chart drawn by Plot from a spec, with its text alternative generated from the same input. */
function renderPlotChart<I extends { id: string; title: string }>(
  input: I,
  describe: (input: I) => string,
  spec: (input: I) => { options: PlotOptions; legend: LegendItem[] },
): ChartOutput {
  const description = describe(input);
  const { options, legend } = spec(input);
  return { id: input.id, title: input.title, description, legend, svg: renderPlotSvg(options, { title: input.title, description }) };
}

/**
 * Trend charts already drawn, by their input object. A region's fact page and its embed draw the same input
 * object; other trend inputs are all different (every region has its own figures), so keying them by content
 * as the other kinds are (stableKey) would cost more than it saves.
 *
 * During a build the chart worker draws them while its queue is short (some 3.700 trend charts at about
 * 1 ms each were a tenth of the main thread's work; their input and SVG cross to the worker in a few
 * microseconds); with the queue full the main thread draws the next one itself, as renderWithId does.
 */
const drawnTrends = new WeakMap<TrendChartInput, Promise<ChartOutput>>();

export function renderTrendChart(input: TrendChartInput): Promise<ChartOutput> {
  let chart = drawnTrends.get(input);
  if (chart) {
    recordHit('trend');
    return chart;
  }
  try {
    assertChartId(input.id);
  } catch (error) {
    return Promise.reject(error);
  }
  const pool = activeChartPool();
  const drawn =
    pool && pool.pending() < MAX_QUEUED_CHARTS
      ? (pool.render('trend', input) as Promise<ChartOutput>).then((output) => {
          recordRender('trend', renderTime(output) ?? 0, output.svg.length);
          return output;
        })
      : Promise.resolve(drawTrendHere(input));
  chart = drawn.then((output) => ({ ...output, svg: withChartId(output.svg, input.id) }));
  drawnTrends.set(input, chart);
  return chart;
}

function drawTrendHere(input: TrendChartInput): ChartOutput {
  const started = performance.now();
  const drawn = renderChartNow('trend', input);
  recordRender('trend', performance.now() - started, drawn.svg.length);
  return drawn;
}

/**
 * A funnel of all gemeenten is the same on every page of a measure and period, with another gemeente marked:
 * it is a cached frame and some string work, made here without a chart worker or the cache (hashing the
 * points of all gemeenten for every page would cost more than drawing the marks). With `frameFile` (fact
 * pages) the frame and the grey rings are not inline but an <image> of their file ({@link funnelFrameFile}).
 */
export function renderFunnelChart(input: FunnelChartInput): Promise<ChartOutput> {
  assertChartId(input.id);
  const started = performance.now();
  const chart = renderChartNow('funnel', input);
  recordRender('funnel', performance.now() - started, chart.svg.length);
  return Promise.resolve({ ...chart, svg: withChartId(chart.svg, input.id) });
}

/**
 * The points of a funnel hashed once per array (the pages of a measure and period pass the same frozen array,
 * see src/lib/facts/funnel-chart.ts), and its layout once per array and everything else it depends on.
 */
const FUNNEL_KEY = Symbol.for('jeugdzorg.funnelLayouts');
type FunnelCacheEntry = { pointsKey: string; layouts: Map<string, FunnelLayout> };
type GlobalWithFunnels = typeof globalThis & { [FUNNEL_KEY]?: WeakMap<object, FunnelCacheEntry> };

function cachedFunnelLayout(input: FunnelChartInput): { pointsKey: string; layout: FunnelLayout } {
  const holder = globalThis as GlobalWithFunnels;
  const cache = (holder[FUNNEL_KEY] ??= new WeakMap());
  let entry = cache.get(input.points);
  if (!entry) {
    const points = input.points.map((p) => [p.code, p.size, p.value]);
    cache.set(input.points, (entry = { pointsKey: createHash('sha1').update(JSON.stringify(points)).digest('base64url'), layouts: new Map() }));
  }
  const layoutKey = JSON.stringify([chartWidth(input), input.target.value, input.tau2, input.per, input.unit, input.sizeLabel]);
  let layout = entry.layouts.get(layoutKey);
  if (!layout) entry.layouts.set(layoutKey, (layout = funnelLayout(input)));
  return { pointsKey: entry.pointsKey, layout };
}

/** Where a funnel's own marks go in its frame (see splitFrame). */
const SLOT_MARK = '\u0002marks\u0002';

/**
 * A funnel's frame with its title and description, cut where its marks go: the <svg> element with the title and
 * the description (the head), the frame's drawing (the body), and what follows the marks. The marks are the
 * last of the drawing: anything after them would be drawn over a page's marks in the inline drawing and under
 * them in the file.
 */
function splitFrame(svg: string): [head: string, tail: string, body: string] {
  const headEnd = svg.indexOf('</desc>') + '</desc>'.length;
  const slot = svg.indexOf(SLOT_MARK);
  const tail = svg.slice(slot + SLOT_MARK.length);
  if (headEnd < '</desc>'.length || slot < headEnd || tail !== '</svg>') throw new Error('trechterkader: onverwachte opbouw van de SVG');
  return [svg.slice(0, headEnd), tail, svg.slice(headEnd, slot)];
}

/** The shared part of a funnel as a file, see {@link funnelFrameFile}. */
export interface FunnelFrameFile {
  /** "/grafieken/trechter/jongeren-jeugdhulp-2026hj01-gemeente-breed-1a2b3c4d5e.svg" */
  href: string;
  /** The name in the folder, without ".svg": "jongeren-jeugdhulp-2026hj01-gemeente-breed-1a2b3c4d5e". */
  name: string;
  width: number;
  height: number;
  /** A standalone SVG document. */
  svg: string;
}

const FRAME_FILES_KEY = Symbol.for('jeugdzorg.funnelFrameFiles');
type GlobalWithFrameFiles = typeof globalThis & { [FRAME_FILES_KEY]?: Map<string, FunnelFrameFile> };

/** The ids in a frame file (its clip path): a file is a document of its own, so they need not differ per chart. */
const FRAME_FILE_ID = 'trechter';

/**
 * The part of a funnel that every fact page of it shares, as a standalone SVG file: what Plot draws of the frame
 * (axes, grid, limit curves, centre line), every region as a grey ring and the centre line's label, in the
 * drawing's size, with the style the page gives an inline chart (chart.css: the text colour, white space kept).
 * A fact page's drawing shows it as an <image> under its own marks; the endpoint src/pages/grafieken/trechter/
 * writes it. Both come here with the input of the same Funnel and width (funnel-chart.ts), so they share the
 * layout and the overlay sits exactly on the frame. Made once per funnel and width.
 *
 * Its name says what it is and ends in a hash of its content, so a browser that kept an earlier release's file
 * (the same half year with revised figures, or another drawing) never shows it under the new marks.
 */
export function funnelFrameFile(input: FunnelChartInput): FunnelFrameFile {
  if (input.frameFile === undefined) throw new Error(`trechter ${input.id}: geen frameFile`);
  const { pointsKey, layout } = cachedFunnelLayout(input);
  const frame = funnelFrame(input, pointsKey, layout);
  const cache = ((globalThis as GlobalWithFrameFiles)[FRAME_FILES_KEY] ??= new Map());
  const cacheKey = `${input.frameFile}|${frame.key}`;
  let file = cache.get(cacheKey);
  if (!file) {
    const [head, tail, body] = splitFrame(framedSvg(`funnel:${frame.key}`, frame.options, '', '', () => SLOT_MARK));
    const root = /^<svg\b[^>]*>/.exec(head)![0]
      .replace(/ (?:role|aria-labelledby|class)="[^"]*"/g, '')
      .replace(/ style="([^"]*)"/, (_, style: string) => ` style="${style};white-space:pre"`)
      .replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg" color="#1a1a1a"');
    const svg = withChartId(`${root}${body}${frame.shared()}${tail}`, FRAME_FILE_ID);
    const hash = createHash('sha1').update(svg).digest('hex').slice(0, 10);
    const width = layout.width === NARROW_CHART_WIDTH ? 'smal' : layout.width === CHART_WIDTH ? 'breed' : String(layout.width);
    const name = `${input.frameFile.slice(input.frameFile.lastIndexOf('/') + 1)}-${width}-${hash}`;
    const href = `${input.frameFile.slice(0, input.frameFile.lastIndexOf('/') + 1)}${name}.svg`;
    if (cache.size >= 256) cache.clear();
    cache.set(cacheKey, (file = { href, name, width: layout.width, height: layout.height, svg }));
  }
  return file;
}

/** Empties the chart cache, the frames and the counters (tests). */
export function resetRenderCache(): void {
  resetMemo();
  resetFrames();
  (globalThis as GlobalWithFrameFiles)[FRAME_FILES_KEY]?.clear();
}

export function renderBarChart(input: BarChartInput): Promise<ChartOutput> {
  return renderWithId('bar', input);
}

/**
 * A chart drawn twice: as wide as the page gives it, and NARROW_CHART_WIDTH wide for small screens, where the
 * wide drawing would be cut off or its text too small (Chart.astro shows one of the two). The narrow one's
 * ids end in "-smal".
 */
export async function withNarrow<I extends { id: string; width?: number }>(render: (input: I) => Promise<ChartOutput>, input: I): Promise<ChartOutput> {
  const [wide, narrow] = await Promise.all([render(input), render(narrowInput(input))]);
  return { ...wide, narrow };
}

/** The narrow twin of a chart input, one object per input, so a chart drawn twice by identity is found again. */
const narrowInputs = new WeakMap<object, object>();

function narrowInput<I extends { id: string; width?: number }>(input: I): I {
  let narrow = narrowInputs.get(input) as I | undefined;
  if (!narrow) narrowInputs.set(input, (narrow = { ...input, id: `${input.id}-smal`, width: NARROW_CHART_WIDTH }));
  return narrow;
}

export function renderChoropleth(input: ChoroplethInput): Promise<ChoroplethOutput> {
  return renderWithId('choropleth', input);
}
