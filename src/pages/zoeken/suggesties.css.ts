/** The stylesheet of the suggestions list, loaded with it (see ./_suggest-bundle.ts). */
import type { APIRoute } from 'astro';
import { suggestBundle } from './_suggest-bundle';

export const GET: APIRoute = async () => new Response((await suggestBundle()).css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
