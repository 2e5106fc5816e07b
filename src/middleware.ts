import { defineMiddleware } from 'astro:middleware';
import { openPageTaps, RenderedPage } from './node/page-taps';

/**
 * During a build, every rendered HTML page goes to the open page taps (src/node/page-taps.ts): the search
 * index and the download sizes learn of it as it is rendered. Outside a build no tap is open and the
 * response passes untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const taps = openPageTaps();
  if (taps.length === 0 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const body = await response.arrayBuffer();
  // A view of the same bytes (no copy), which go on to be written as they are.
  const page = new RenderedPage(context.url.pathname, Buffer.from(body));
  for (const tap of taps) tap(page);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
});
