/**
 * The site's charts, rendered to SVG at build time with Observable Plot; no chart needs client JavaScript.
 * Each function is async: during a build the charts are rendered in worker threads (chart-pool.ts). They are
 * memoised by their input (without the id), so a chart that several pages show is rendered once.
 */
import { describeBars, describeDotStrip, describeTrend } from '../lib/charts/describe';
import { barSpec } from '../lib/charts/bar-spec';
import { dotStripDomain, dotStripSpec, swarmLayout, swarmMarkup, SWARM_SLOT_CLASS, type SwarmLayout } from '../lib/charts/dot-strip-spec';
import { stableKey } from '../lib/charts/stable-key';
import { createHash } from 'node:crypto';
import { trendSpec } from '../lib/charts/trend-spec';
import type {
  BarChartInput,
  ChartOutput,
  ChoroplethInput,
  ChoroplethOutput,
  DotStripInput,
  LegendItem,
  TrendChartInput,
} from '../lib/charts/types';
import type { PlotOptions } from '@observablehq/plot';
import { renderChoroplethUncached } from './choropleth';
import { activeChartPool, renderTime } from './chart-pool';
import { memoizeRender } from './memo';
import { assertChartId, renderPlotSvg, withChartId } from './plot-dom';

export type { ChartOutput, ChoroplethOutput } from '../lib/charts/types';
export { renderStats, resetRenderCache } from './memo';

/** The renderers of each kind, uncached: the input in, the chart out, its ids written as ID_TOKEN. */
const RENDERERS = {
  trend: (input: TrendChartInput) => renderPlotChart(input, describeTrend, trendSpec),
  'dot-strip': (input: DotStripInput) => {
    const description = describeDotStrip(input);
    const layout = cachedSwarmLayout(input);
    const { options, legend, marginTop } = dotStripSpec(input, layout);
    const frame = renderPlotSvg(options, { title: input.title, description });
    const slot = new RegExp(`<g[^>]*class="${SWARM_SLOT_CLASS}"[^>]*>[\\s\\S]*?</g>`);
    return { id: input.id, title: input.title, description, legend, svg: frame.replace(slot, () => swarmMarkup(input, layout, marginTop)) };
  },
  bar: (input: BarChartInput) => renderPlotChart(input, describeBars, barSpec),
  choropleth: (input: ChoroplethInput): ChoroplethOutput => renderChoroplethUncached(input),
};

export type ChartKind = keyof typeof RENDERERS;
export type ChartInputOf<K extends ChartKind> = Parameters<(typeof RENDERERS)[K]>[0];

/** Renders a chart here and now, without the cache (the chart workers run this). */
export function renderChartNow<K extends ChartKind>(kind: K, input: ChartInputOf<K>): ReturnType<(typeof RENDERERS)[K]> {
  return (RENDERERS[kind] as (input: ChartInputOf<K>) => ReturnType<(typeof RENDERERS)[K]>)(input);
}

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
    (): Output | Promise<Output> => (pool ? (pool.render(kind, input) as Promise<Output>) : renderChartNow(kind, input)),
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

export function renderTrendChart(input: TrendChartInput): Promise<ChartOutput> {
  return renderWithId('trend', input);
}

export function renderDotStrip(input: DotStripInput): Promise<ChartOutput> {
  return renderWithId('dot-strip', input);
}

/**
 * The swarm of all gemeenten is the same on every gemeente page that shows the same figures; lay it out once
 * per set of values and axis. Few sets exist (one per measure and period shown), so the cache stays small.
 */
const SWARM_KEY = Symbol.for('jeugdzorg.swarmLayouts');
type GlobalWithSwarms = typeof globalThis & { [SWARM_KEY]?: Map<string, SwarmLayout> };

function cachedSwarmLayout(input: DotStripInput): SwarmLayout {
  const holder = globalThis as GlobalWithSwarms;
  const cache = (holder[SWARM_KEY] ??= new Map());
  const domain = dotStripDomain(input);
  const key = createHash('sha1').update(stableKey([input.values, domain])).digest('base64url');
  let layout = cache.get(key);
  if (!layout) {
    if (cache.size >= 256) cache.clear();
    cache.set(key, (layout = swarmLayout(input.values, domain)));
  }
  return layout;
}

export function renderBarChart(input: BarChartInput): Promise<ChartOutput> {
  return renderWithId('bar', input);
}

export function renderChoropleth(input: ChoroplethInput): Promise<ChoroplethOutput> {
  return renderWithId('choropleth', input);
}
