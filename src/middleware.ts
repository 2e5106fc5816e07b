import { defineMiddleware } from 'astro:middleware';
import { openPageTaps } from './node/page-taps';

/**
 * During a build, every rendered HTML page goes to the open page taps (src/node/page-taps.ts): the search
 * index and the download sizes learn of it as it is rendered. Outside a build no tap is open and the
 * response passes untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const taps = openPageTaps();
  if (taps.length === 0 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  for (const tap of taps) tap(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
