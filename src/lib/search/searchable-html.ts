/**
 * What of a built page the search index needs. Pagefind indexes only pages with a data-pagefind-body (set by
 * src/layouts/Base.astro) and leaves out every <svg> (NOT_SEARCHED in src/integrations/pagefind.ts): the
 * charts' drawings, three quarters of a fact page's bytes. Sending a page to Pagefind without them gives the
 * same index for a fraction of the bytes to decode, encode, send and parse. The page is cut in its UTF-8
 * bytes, before it is decoded: decoding whole pages was a second of a build.
 */
export const SEARCH_BODY_MARKER = 'data-pagefind-body';

const OPEN = Buffer.from('<svg');
const CLOSE = Buffer.from('</svg>');

/** The page without its <svg> elements (nested ones go with their outer one). */
export function withoutSvg(html: Buffer): Buffer {
  const kept: Buffer[] = [];
  let from = 0;
  for (let open = html.indexOf(OPEN, from); open !== -1; open = html.indexOf(OPEN, from)) {
    if (!isTagEnd(html, open + OPEN.length)) {
      // "<svgfoo": not an svg element; keep it.
      kept.push(html.subarray(from, open + OPEN.length));
      from = open + OPEN.length;
      continue;
    }
    const close = matchingClose(html, open);
    if (close === -1) break; // unbalanced: keep the rest as it is, Pagefind will cope as it did before
    kept.push(html.subarray(from, open));
    from = close;
  }
  kept.push(html.subarray(from));
  return Buffer.concat(kept);
}

/** Space, tab, line feed, carriage return, ">" or "/": the end of a tag name. */
function isTagEnd(html: Buffer, at: number): boolean {
  const c = html[at];
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** The index just after the </svg> that closes the <svg> at `open`, or -1. */
function matchingClose(html: Buffer, open: number): number {
  let depth = 0;
  let at = open;
  while (at !== -1) {
    const nextOpen = html.indexOf(OPEN, at);
    const nextClose = html.indexOf(CLOSE, at);
    if (nextClose === -1) return -1;
    if (nextOpen !== -1 && nextOpen < nextClose) {
      if (isTagEnd(html, nextOpen + OPEN.length)) depth++;
      at = nextOpen + OPEN.length;
      continue;
    }
    depth--;
    at = nextClose + CLOSE.length;
    if (depth === 0) return at;
  }
  return -1;
}
