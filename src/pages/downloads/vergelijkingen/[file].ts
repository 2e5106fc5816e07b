/**
 * The downloads behind the verdicts (src/lib/downloads/comparisons.ts): vergelijkingen, trechters and
 * veranderingen in both CSV dialects, and their codebook, at /downloads/vergelijkingen/<file>.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_TYPE } from '../../../lib/downloads/files';
import { comparisonCsv, comparisonDatasets, comparisonDownloads, comparisonFiles, comparisonPackage, type ComparisonTableName } from '../../../lib/downloads/comparisons';
import type { CsvDialect } from '../../../lib/downloads/csv';
import { getFactsContext } from '../../../lib/facts/context';
import { getSiteData } from '../../../node/site-data';

export const getStaticPaths: GetStaticPaths = () => comparisonFiles().map((f) => ({ params: { file: f.file }, props: { table: f.table, dialect: f.dialect } }));

export const GET: APIRoute = async ({ props, site }) => {
  const data = await getSiteData();
  const context = getFactsContext(data);
  const { table, dialect } = props as { table?: ComparisonTableName; dialect?: CsvDialect };
  if (table && dialect) return new Response(comparisonCsv(context, table, dialect), { headers: { 'Content-Type': CONTENT_TYPE.csv } });
  const base = site ?? 'http://localhost/';
  const pkg = comparisonPackage(comparisonDownloads(context), {
    release: data.currentRelease,
    homepage: new URL('/downloads/', base).href,
    methodPage: new URL('/over/methoden/', base).href,
    indelingYear: data.register.latestYear,
    datasets: comparisonDatasets(context),
  });
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': CONTENT_TYPE.datapackage } });
};
