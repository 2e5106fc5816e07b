/** The files of a whole dataset on the latest indeling: /downloads/<dataset>/<dataset>.csv, -excel.csv, .json, datapackage.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../node/site-data';
import { CONTENT_TYPE, DATAPACKAGE, DOWNLOAD_FORMATS, datasetFileName, type DownloadFormat } from '../../../lib/downloads/files';
import { datasetFile, datasetPackageJson } from '../../../lib/downloads/site-files';

export const getStaticPaths = (async () => {
  const data = await getSiteData();
  return data.datasets.flatMap(({ meta: { id } }) => [
    ...DOWNLOAD_FORMATS.map((format) => ({ params: { dataset: id, file: datasetFileName(id, format) }, props: { id, format: format as DownloadFormat | 'datapackage' } })),
    { params: { dataset: id, file: DATAPACKAGE }, props: { id, format: 'datapackage' as const } },
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string; format: DownloadFormat | 'datapackage' }> = async ({ props, site }) => {
  const data = await getSiteData();
  const base = site ?? 'http://localhost/';
  const body = props.format === 'datapackage' ? datasetPackageJson(data, props.id, base) : datasetFile(data, props.id, props.format, base);
  return new Response(body, { headers: { 'content-type': CONTENT_TYPE[props.format] } });
};
