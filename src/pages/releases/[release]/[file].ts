/** All revised figures of a release against the previous one: /releases/<id>/herzieningen.csv and herzieningen-excel.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../node/site-data';
import { CONTENT_TYPE, downloadPaths } from '../../../lib/downloads/files';
import { revisionsCsv } from '../../../lib/releases/revisions-file';

export const getStaticPaths = (async () => {
  const { catalog } = await getSiteData();
  return catalog.releases.slice(1).flatMap((release) =>
    (['csv', 'excel'] as const).map((format) => ({
      params: { release: release.id, file: downloadPaths.revisions(release.id, format).split('/').at(-1)! },
      props: { dialect: format === 'csv' ? ('rfc4180' as const) : ('excel-nl' as const) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ dialect: 'rfc4180' | 'excel-nl' }, { release: string; file: string }> = async ({ params, props }) => {
  const data = await getSiteData();
  return new Response(revisionsCsv(data.store, data.register, params.release, props.dialect), { headers: { 'content-type': CONTENT_TYPE.csv } });
};
