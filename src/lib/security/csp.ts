/**
 * The site's Content-Security-Policy (issue 12): no inline script and no request to another origin, on every
 * page. Two parts, which a browser both enforces:
 *
 * - In every page, a <meta http-equiv="content-security-policy"> that Astro writes (experimental.csp in
 *   astro.config.mjs) from the directives below, with the SHA-256 hash of every script and every inline
 *   <style> it bundles (the build inlines its stylesheets). No script runs but the site's own files;
 *   Pagefind's search needs WebAssembly ('wasm-unsafe-eval') and fetches its index from /pagefind/. The
 *   chart download draws a chart from a blob: address on a canvas to make its PNG (img-src blob:).
 *   The few style attributes the pages carry are allowed by their hash ('unsafe-hashes'), none other.
 * - The response headers a host adds (public/_headers, see the README): the same policy without the
 *   per-build hashes, plus what a <meta> cannot set: frame-ancestors (the pages may only be framed by the
 *   site itself, the embeddable charts under /embed/ by any site), and nosniff, Referrer-Policy and so on.
 *
 * Used by astro.config.mjs and tests/security; pure but for the hashing.
 */
import { createHash } from 'node:crypto';

/**
 * The style attributes in the pages, each allowed by its hash. Plot writes the first on every chart's
 * <svg>; the others are table cells and a heading. A new one is blocked by the browser (and reported by
 * tests/e2e/csp.e2e.ts, which reads every page): prefer a class in a stylesheet, or add it here.
 */
export const STYLE_ATTRIBUTES: readonly string[] = [
  'font-size:12px;overflow:visible',
  'text-align:left;white-space:normal',
  'text-align:left',
  'font-size:1.1rem;margin-top:0',
];

/** 'sha256-…' of a text, as CSP writes a hash source (without the quotes). */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The directives besides script-src and style-src, the same in the pages and in the headers. */
export const BASE_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "frame-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** script-src besides the hashes Astro adds: the site's own files, and WebAssembly for Pagefind. */
export const SCRIPT_SOURCES: readonly string[] = ["'self'", "'wasm-unsafe-eval'"];

/** style-src besides the hashes of the inline stylesheets Astro adds. */
export const STYLE_SOURCES: readonly string[] = ["'self'", "'unsafe-hashes'"];

/** The experimental.csp option of astro.config.mjs. */
export function astroCspConfig() {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...BASE_DIRECTIVES],
    scriptDirective: { resources: [...SCRIPT_SOURCES] },
    styleDirective: { resources: [...STYLE_SOURCES], hashes: STYLE_ATTRIBUTES.map(cspHash) },
  };
}

/**
 * The policy of the Content-Security-Policy response header. It cannot know the hashes of a build's inline
 * styles, so it allows inline styles ('unsafe-inline'); the page's own <meta> policy, which the browser
 * enforces as well, narrows them to the hashed ones. Scripts: the site's own files only, as in the page.
 * `frameAncestors`: who may show the page in a frame ('self' for the site's pages; left out for the embeds,
 * which any site may frame).
 */
export function headerPolicy(frameAncestors?: string): string {
  return [
    ...BASE_DIRECTIVES,
    `script-src ${SCRIPT_SOURCES.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    ...(frameAncestors ? [`frame-ancestors ${frameAncestors}`] : []),
  ].join('; ');
}
