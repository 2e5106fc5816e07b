/**
 * Taps on the pages a build renders. src/middleware.ts hands every rendered HTML page (its path and text) to
 * each open tap, so that an integration learns what a page holds as it is rendered instead of reading every
 * page back from disk after the rendering:
 *  - the search index takes the searchable pages (src/integrations/pagefind.ts), so Pagefind indexes on the
 *    second core while the pages are rendered;
 *  - the downloads note the pages with size marks (src/integrations/downloads.ts), the only pages to fill in.
 * Most pages go to no tap but as bytes: the middleware does not decode them, nor encode them again.
 * The taps live on globalThis: the middleware runs in Astro's bundle of the pages, the integrations in the
 * config's module graph, two copies of this module in one process.
 */
const TAPS_KEY = Symbol.for('jeugdzorg.pageTaps');

/** A page as rendered, before it is written. */
export class RenderedPage {
  constructor(
    /** Its path on the site: "/gemeente/amsterdam/". */
    readonly pathname: string,
    /** Its HTML as written, in UTF-8. */
    readonly bytes: Buffer,
  ) {}

  /** Whether the page holds this text; searched in the bytes, without decoding the page. */
  has(text: string): boolean {
    return this.bytes.includes(text);
  }
}

export type PageTap = (page: RenderedPage) => void;

type GlobalWithTaps = typeof globalThis & { [TAPS_KEY]?: Map<string, PageTap> };

function taps(): Map<string, PageTap> {
  return ((globalThis as GlobalWithTaps)[TAPS_KEY] ??= new Map());
}

/** Opens (or replaces) the tap with this name. */
export function openPageTap(name: string, tap: PageTap): void {
  taps().set(name, tap);
}

export function closePageTap(name: string): void {
  taps().delete(name);
}

/** The open taps; none outside a build (the dev server, tests). */
export function openPageTaps(): PageTap[] {
  return [...taps().values()];
}

/**
 * The file a page's path is written to: Astro's build.format 'directory' ("/a/b/" → "a/b/index.html"),
 * and a page named with an extension as it is ("/404.html").
 */
export function builtPageFile(pathname: string): string {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) return `${relative}index.html`;
  return /\.html?$/.test(relative) ? relative : `${relative}/index.html`;
}
