/**
 * Expected against observed for every gemeente, key measure and period (src/lib/expected/download.ts) in both
 * CSV dialects and its codebook, at /downloads/verwacht/verwacht.csv, verwacht-excel.csv and datapackage.json.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_TYPE } from '../../../lib/downloads/files';
import type { CsvDialect } from '../../../lib/downloads/csv';
import { getFactsContext } from '../../../lib/facts/context';
import { EXPECTED_FILES, expectedCsv, expectedPackage } from '../../../lib/expected/download';
import { getSiteData } from '../../../node/site-data';

export const getStaticPaths: GetStaticPaths = () => [
  ...(Object.entries(EXPECTED_FILES) as Array<[CsvDialect, string]>).map(([dialect, file]) => ({ params: { file }, props: { dialect } })),
  { params: { file: 'datapackage.json' }, props: {} },
];

export const GET: APIRoute = async ({ props, site }) => {
  const data = await getSiteData();
  const context = getFactsContext(data);
  const { dialect } = props as { dialect?: CsvDialect };
  if (dialect) return new Response(expectedCsv(context, dialect), { headers: { 'Content-Type': CONTENT_TYPE.csv } });
  const base = site ?? 'http://localhost/';
  const pkg = expectedPackage(context, {
    release: data.currentRelease,
    homepage: new URL('/downloads/#verwacht', base).href,
    methodPage: new URL('/over/methoden/#verwacht-en-gemeten', base).href,
    indelingYear: data.register.latestYear,
  });
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': CONTENT_TYPE.datapackage } });
};
