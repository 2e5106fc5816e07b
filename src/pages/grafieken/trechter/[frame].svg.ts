/**
 * /grafieken/trechter/<funnel>-<breed|smal>-<hash>.svg: what every fact page of a funnel shares (the frame, every
 * region as a grey ring, the centre line's label) as a standalone SVG, one per funnel that fact pages show and
 * width. A fact page's funnel shows it as an <image> under its own marks (funnelFrameFile, src/render/charts.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../node/site-data';
import { getFactsContext } from '../../../lib/facts/context';
import { factPageFunnels, funnelFrameInputs } from '../../../lib/facts/funnel-chart';
import { funnelFrameFile } from '../../../render/charts';

export const getStaticPaths = (async () => {
  const context = getFactsContext(await getSiteData());
  return factPageFunnels(context)
    .flatMap(funnelFrameInputs)
    .map((input) => {
      const file = funnelFrameFile(input);
      return { params: { frame: file.name }, props: { svg: file.svg } };
    });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { svg: string }).svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
