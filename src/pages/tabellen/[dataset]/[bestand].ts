/**
 * The selection downloads of the default table (jeugdhulp-selectie.csv, -excel.csv, .json), so the download
 * links work without JavaScript. With JavaScript the page builds the file of the reader's own selection.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { defaultSelection } from '../../../lib/tables/selection';
import { SELECTION_FORMATS, selectionFile, selectionFileName } from '../../../lib/tables/selection-download';
import { tableSourceOf } from '../../../lib/tables/table-source';
import { getSiteData } from '../../../node/site-data';

export const getStaticPaths: GetStaticPaths = async () => {
  const data = await getSiteData();
  return data.datasets.flatMap((d) => SELECTION_FORMATS.map((format) => ({ params: { dataset: d.meta.id, bestand: selectionFileName(d.meta.id, format) }, props: { format } })));
};

export const GET: APIRoute = async ({ params, props, site }) => {
  const data = await getSiteData();
  const dataset = data.datasets.find((d) => d.meta.id === params.dataset)!;
  const source = tableSourceOf(dataset, data.register);
  const selection = defaultSelection({ meta: source.meta, periods: source.periods, regions: source.regions });
  const release = data.catalog.releases.find((r) => r.id === source.meta.release);
  const permalink = new URL(`/tabellen/${source.meta.id}/`, site).href;
  const file = selectionFile(source, selection, props.format, { permalink, release });
  return new Response(file.text, { headers: { 'Content-Type': file.type } });
};
