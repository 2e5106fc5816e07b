/**
 * What of a built page the search index needs. Pagefind indexes only pages with a data-pagefind-body (set by
 * src/layouts/Base.astro) and leaves out every <svg> (NOT_SEARCHED in src/integrations/pagefind.ts): the
 * charts' drawings, three quarters of a fact page's bytes. Sending a page to Pagefind without them gives the
 * same index for a fraction of the bytes to encode, send and parse.
 */
export const SEARCH_BODY_MARKER = 'data-pagefind-body';

export function isSearchable(html: string): boolean {
  return html.includes(SEARCH_BODY_MARKER);
}

/** The page without its <svg> elements (nested ones go with their outer one). */
export function withoutSvg(html: string): string {
  let out = '';
  let from = 0;
  for (let open = html.indexOf('<svg', from); open !== -1; open = html.indexOf('<svg', from)) {
    if (!isTagEnd(html, open + 4)) {
      // "<svgfoo": not an svg element; keep it.
      out += html.slice(from, open + 4);
      from = open + 4;
      continue;
    }
    const close = matchingClose(html, open);
    if (close === -1) break; // unbalanced: keep the rest as it is, Pagefind will cope as it did before
    out += html.slice(from, open);
    from = close;
  }
  return out + html.slice(from);
}

function isTagEnd(html: string, at: number): boolean {
  const c = html[at];
  return c === ' ' || c === '>' || c === '/' || c === '\n' || c === '\t' || c === '\r';
}

/** The index just after the </svg> that closes the <svg> at `open`, or -1. */
function matchingClose(html: string, open: number): number {
  let depth = 0;
  let at = open;
  while (at !== -1) {
    const nextOpen = html.indexOf('<svg', at);
    const nextClose = html.indexOf('</svg>', at);
    if (nextClose === -1) return -1;
    if (nextOpen !== -1 && nextOpen < nextClose) {
      if (isTagEnd(html, nextOpen + 4)) depth++;
      at = nextOpen + 4;
      continue;
    }
    depth--;
    at = nextClose + '</svg>'.length;
    if (depth === 0) return at;
  }
  return -1;
}
