/** The header search box's script on every page (see ./_suggest-bundle.ts). */
import type { APIRoute } from 'astro';
import { suggestBundle } from './_suggest-bundle';

export const GET: APIRoute = async () => new Response((await suggestBundle()).searchBox, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
