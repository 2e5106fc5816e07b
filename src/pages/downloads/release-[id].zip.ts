/** A zip of a whole release, as published: /downloads/release-<id>.zip, for every release, current and earlier. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../node/site-data';
import { createZip } from '../../node/zip';
import { CONTENT_TYPE } from '../../lib/downloads/files';
import { releaseFiles } from '../../lib/downloads/release-files';

export const getStaticPaths = (async () => {
  const { catalog } = await getSiteData();
  return catalog.releases.map((release) => ({ params: { id: release.id }, props: { id: release.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string }> = async ({ props, site }) => {
  const data = await getSiteData();
  const release = data.catalog.releases.find((r) => r.id === props.id)!;
  const zip = await createZip(releaseFiles(data.store, data.register, release, site ?? 'http://localhost/'), release.date);
  return new Response(new Uint8Array(zip), { headers: { 'content-type': CONTENT_TYPE.zip } });
};
