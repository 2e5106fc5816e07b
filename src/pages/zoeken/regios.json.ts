/**
 * The regions the search finds by name, typos included (src/lib/search/regions.ts): fetched by the header's
 * suggestions and the search page when someone types, never with a page.
 */
import type { APIRoute } from 'astro';
import { regionEntries } from '../../lib/search/regions';
import { getSiteData } from '../../node/site-data';

export const GET: APIRoute = async () => new Response(JSON.stringify(regionEntries(await getSiteData())), { headers: { 'Content-Type': 'application/json' } });
