/**
 * Reusing charts. Every chart on a page carries its title's region and source (data attributes, see
 * chartReuse) from which the page's script puts together the chart as an SVG or PNG file to download
 * (src/client/chart-download.ts). Maps are also written as SVG files beside their page, so that readers
 * without JavaScript can download them: ChoroplethMap.astro hands its map over while the page renders; during
 * a build the file is written right away, beside the page rendering (the writes are awaited when the build is
 * done), and the dev server serves it from memory. Writing a file for every chart of every fact page (some
 * 6.000) would cost the build seconds; the maps are about a hundred.
 *
 * The integration also warns when a build has no site address (SITE_URL) for embed codes and citations.
 * The register lives on globalThis: the integration and the bundled pages load separate copies of this module.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { swatchMarkup } from '../lib/charts/legend-swatch';
import { chartFileName, chartSource, chartSourceLine, downloadTitle, pageRegionName, standaloneSvg, type StandaloneChart } from '../lib/charts/standalone-svg';
import type { ChartOutput } from '../lib/charts/types';
import { isConfiguredSite, publicAddress, SITE_ADDRESS_WARNING } from '../lib/embed/site-address';
import { writeChartFile } from '../node/chart-files';
import { getSiteData } from '../node/site-data';

interface ChartFilesState {
  /** The build's output folder while a build runs; undefined in the dev server. */
  outDir: string | undefined;
  writes: Array<Promise<number>>;
  /** The dev server's charts, by address. */
  served: Map<string, StandaloneChart>;
}

const STATE_KEY = Symbol.for('jeugdzorg.chartFiles');
type GlobalWithState = typeof globalThis & { [STATE_KEY]?: ChartFilesState };

function chartFilesState(): ChartFilesState {
  return ((globalThis as GlobalWithState)[STATE_KEY] ??= { outDir: undefined, writes: [], served: new Map() });
}

/** What a page's chart carries for its download: the region of the page (for the title) and the source. */
export async function chartReuse(pagePath: string): Promise<{ region: string | undefined; source: string }> {
  const data = await getSiteData();
  return { region: pageRegionName(data.register, pagePath), source: chartSource({ fictitious: data.fictitious, releaseTitle: data.currentRelease.title }) };
}

/**
 * Registers the chart of the page at `page.url` to be written as an SVG file beside the page, and returns the
 * file's name (its address relative to the page).
 */
export async function chartFile(page: { url: URL; site: URL | undefined }, chart: ChartOutput, options: { caption?: string | undefined; notes?: string[] } = {}): Promise<string> {
  const pagePath = page.url.pathname;
  const { region, source } = await chartReuse(pagePath);
  const name = chartFileName(pagePath, chart.id);
  const file: StandaloneChart = {
    svg: chart.svg,
    title: downloadTitle(options.caption ?? chart.title, region),
    legend: chart.legend?.map((item, i) => ({ label: item.label, swatch: swatchMarkup(item, `legenda-${i}`) })),
    notes: options.notes,
    source: chartSourceLine(source, publicAddress(pagePath, page.site).href),
  };
  const state = chartFilesState();
  if (state.outDir) state.writes.push(writeChartFile(state.outDir, `${pagePath}${name}`, file));
  else state.served.set(`${pagePath}${name}`, file);
  return name;
}

export default function chartFiles(): AstroIntegration {
  return {
    name: 'jeugdzorg:chart-files',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'build' && !isConfiguredSite(config.site)) logger.warn(SITE_ADDRESS_WARNING);
      },
      'astro:config:done': ({ config }) => {
        chartFilesState().outDir = fileURLToPath(config.outDir);
      },
      'astro:server:start': () => {
        chartFilesState().outDir = undefined;
      },
      'astro:build:done': async ({ logger }) => {
        const state = chartFilesState();
        const started = performance.now();
        const sizes = await Promise.all(state.writes.splice(0));
        const bytes = sizes.reduce((sum, size) => sum + size, 0);
        logger.info(`${sizes.length} kaarten als SVG-bestand (${(bytes / 1e6).toFixed(1)} MB), ${Math.round(performance.now() - started)} ms gewacht op de laatste`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const chart = chartFilesState().served.get(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
          if (!chart) return next();
          response.setHeader('content-type', 'image/svg+xml; charset=utf-8');
          response.end(standaloneSvg(chart));
        });
      },
    },
  };
}
