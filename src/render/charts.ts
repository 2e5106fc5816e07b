/**
 * The site's charts, rendered to SVG at build time with Observable Plot; no chart needs client JavaScript.
 * Each function is async so rendering can move to worker threads without changing the pages, and memoised by
 * its input (without the id), so a chart that several pages show is rendered once.
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
import { memoizeRender } from './memo';
import { assertChartId, renderPlotSvg, withChartId } from './plot-dom';

export type { ChartOutput, ChoroplethOutput } from '../lib/charts/types';
export { renderStats, resetRenderCache } from './memo';

/** Renders once per input (the id aside) and puts the id into the cached SVG. */
async function renderWithId<I extends { id: string }, O extends ChartOutput>(kind: string, input: I, render: (input: I) => O): Promise<O> {
  assertChartId(input.id);
  const { id, ...rest } = input;
  const cached = await memoizeRender(kind, rest, () => render(input));
  return { ...cached, id, svg: withChartId(cached.svg, id) };
}

/** A chart drawn by Plot from a spec, with its text alternative generated from the same input. */
function renderPlotChart<I extends { id: string; title: string }>(
  kind: string,
  input: I,
  describe: (input: I) => string,
  spec: (input: I) => { options: PlotOptions; legend: LegendItem[] },
): Promise<ChartOutput> {
  return renderWithId(kind, input, (i) => {
    const description = describe(i);
    const { options, legend } = spec(i);
    return { id: i.id, title: i.title, description, legend, svg: renderPlotSvg(options, { title: i.title, description }) };
  });
}

export function renderTrendChart(input: TrendChartInput): Promise<ChartOutput> {
  return renderPlotChart('trend', input, describeTrend, trendSpec);
}

export function renderDotStrip(input: DotStripInput): Promise<ChartOutput> {
  return renderWithId('dot-strip', input, (i) => {
    const description = describeDotStrip(i);
    const layout = cachedSwarmLayout(i);
    const { options, legend, marginTop } = dotStripSpec(i, layout);
    const frame = renderPlotSvg(options, { title: i.title, description });
    const slot = new RegExp(`<g[^>]*class="${SWARM_SLOT_CLASS}"[^>]*>[\\s\\S]*?</g>`);
    return { id: i.id, title: i.title, description, legend, svg: frame.replace(slot, () => swarmMarkup(i, layout, marginTop)) };
  });
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
  return renderPlotChart('bar', input, describeBars, barSpec);
}

export function renderChoropleth(input: ChoroplethInput): Promise<ChoroplethOutput> {
  return renderWithId('choropleth', input, renderChoroplethUncached);
}
