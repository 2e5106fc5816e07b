/** One gemeente's figures, a file per dataset: /downloads/gemeente/<naam>/<dataset>.csv, -excel.csv, .json, datapackage.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../../node/site-data';
import { CONTENT_TYPE, DATAPACKAGE, DOWNLOAD_FORMATS, datasetFileName, type DownloadFormat } from '../../../../lib/downloads/files';
import { gemeenteFile, gemeentePackageJson, gemeenteRows } from '../../../../lib/downloads/site-files';

export const getStaticPaths = (async () => {
  const data = await getSiteData();
  return data.register.allGemeenten().flatMap(({ code }) => {
    const slug = data.register.slug(code);
    const datasets = gemeenteRows(data, code).map((e) => e.meta.id);
    if (datasets.length === 0) return [];
    return [
      ...datasets.flatMap((id) =>
        DOWNLOAD_FORMATS.map((format) => ({ params: { slug, file: datasetFileName(id, format) }, props: { code, id, format: format as DownloadFormat | 'datapackage' } })),
      ),
      { params: { slug, file: DATAPACKAGE }, props: { code, id: '', format: 'datapackage' as const } },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ code: string; id: string; format: DownloadFormat | 'datapackage' }> = async ({ props, site }) => {
  const data = await getSiteData();
  const base = site ?? 'http://localhost/';
  const body = props.format === 'datapackage' ? gemeentePackageJson(data, props.code, base) : gemeenteFile(data, props.code, props.id, props.format, base);
  return new Response(body, { headers: { 'content-type': CONTENT_TYPE[props.format] } });
};
