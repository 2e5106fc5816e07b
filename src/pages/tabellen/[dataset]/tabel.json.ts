/** The table's metadata and regions for the browser script (see src/lib/tables/compact.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { encodeTable } from '../../../lib/tables/compact';
import { tableSourceOf } from '../../../lib/tables/table-source';
import { getSiteData } from '../../../node/site-data';

export const getStaticPaths: GetStaticPaths = async () => {
  const data = await getSiteData();
  return data.datasets.map((d) => ({ params: { dataset: d.meta.id } }));
};

export const GET: APIRoute = async ({ params }) => {
  const data = await getSiteData();
  const dataset = data.datasets.find((d) => d.meta.id === params.dataset)!;
  const release = data.catalog.releases.find((r) => r.id === dataset.meta.release);
  return new Response(JSON.stringify(encodeTable(tableSourceOf(dataset, data.register), release)), { headers: { 'Content-Type': 'application/json' } });
};
