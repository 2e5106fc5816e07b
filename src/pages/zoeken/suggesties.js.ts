/** The header search box's suggestions with Fuse.js, loaded on the first keystroke (see ./_suggest-bundle.ts). */
import type { APIRoute } from 'astro';
import { suggestBundle } from './_suggest-bundle';

export const GET: APIRoute = async () => new Response((await suggestBundle()).js, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
