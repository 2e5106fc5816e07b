/**
 * An Astro integration that reports, after a build, how many charts were rendered, how many came from the
 * cache, the time per chart and the SVG size, so the build's cost can be followed (issue 4 measures it).
 * The counters live on globalThis (src/render/memo.ts), shared with the pages rendered in the same process.
 */
import type { AstroIntegration } from 'astro';
import { formatNumber } from '../lib/format/number';
import { renderStats, type RenderStats } from './memo';

const KIND_LABEL: Record<string, string> = {
  trend: 'lijngrafieken',
  bar: 'staafdiagrammen',
  choropleth: 'kaarten',
  funnel: 'trechterdiagrammen',
  // Axes, grid and labels that Plot draws once for many trend charts, bar charts and funnels.
  frame: 'grafiekkaders',
};

/** One line per chart kind: "468 lijngrafieken, 12 uit de cache, 3,1 ms per stuk, gemiddeld 9,3 kB SVG". */
export function chartReportLines(stats: Record<string, RenderStats>): string[] {
  return Object.entries(stats).map(([kind, s]) => {
    const perChart = s.renders > 0 ? s.ms / s.renders : 0;
    const size = s.renders > 0 ? s.svgChars / s.renders / 1024 : 0;
    return `${s.renders} ${KIND_LABEL[kind] ?? kind}, ${s.hits} uit de cache, ${formatNumber(perChart, 1)} ms per stuk, gemiddeld ${formatNumber(size, 1)} kB SVG`;
  });
}

export default function chartReport(): AstroIntegration {
  return {
    name: 'jeugdzorg:chart-report',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const lines = chartReportLines(renderStats());
        if (lines.length > 0) logger.info(`Grafieken gerenderd:\n  ${lines.join('\n  ')}`);
      },
    },
  };
}
