/**
 * The statistical neighbours of every gemeente (src/lib/neighbours/download.ts) in both CSV dialects, at
 * /downloads/buren/buren.csv and buren-excel.csv.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_TYPE } from '../../../lib/downloads/files';
import type { CsvDialect } from '../../../lib/downloads/csv';
import { getFactsContext } from '../../../lib/facts/context';
import { NEIGHBOURS_FILES, neighboursCsv } from '../../../lib/neighbours/download';
import { getSiteData } from '../../../node/site-data';

export const getStaticPaths: GetStaticPaths = () =>
  (Object.entries(NEIGHBOURS_FILES) as Array<[CsvDialect, string]>).map(([dialect, file]) => ({ params: { file }, props: { dialect } }));

export const GET: APIRoute = async ({ props }) => {
  const context = getFactsContext(await getSiteData());
  return new Response(neighboursCsv(context, (props as { dialect: CsvDialect }).dialect), { headers: { 'Content-Type': CONTENT_TYPE.csv } });
};
