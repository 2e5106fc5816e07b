/** An Atom feed of the releases: /releases/feed.xml. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../node/site-data';
import { releasesAtom } from '../../lib/releases/feeds';
import { SITE_NAME } from '../../lib/releases/cite';

export const GET: APIRoute = async ({ site }) => {
  const { catalog } = await getSiteData();
  return new Response(releasesAtom(catalog.releases, site ?? 'http://localhost/', SITE_NAME), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
