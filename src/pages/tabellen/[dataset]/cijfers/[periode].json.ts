/** The rows of one period of a table, fetched by the browser script when a selection needs them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { encodePeriod } from '../../../../lib/tables/compact';
import { tableSourceOf } from '../../../../lib/tables/table-source';
import { getSiteData } from '../../../../node/site-data';

export const getStaticPaths: GetStaticPaths = async () => {
  const data = await getSiteData();
  return data.datasets.flatMap((d) => d.periods.map((periode) => ({ params: { dataset: d.meta.id, periode } })));
};

export const GET: APIRoute = async ({ params }) => {
  const data = await getSiteData();
  const dataset = data.datasets.find((d) => d.meta.id === params.dataset)!;
  return new Response(JSON.stringify(encodePeriod(tableSourceOf(dataset, data.register), params.periode!)), { headers: { 'Content-Type': 'application/json' } });
};
