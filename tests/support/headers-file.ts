/**
 * Reads a _headers file (Netlify and Cloudflare Pages syntax: a path, then indented "Name: value" lines), for
 * the tests of public/_headers (tests/security/headers.test.ts) and the browser test that serves it
 * (tests/e2e/csp.e2e.ts).
 */
export interface HeaderRule {
  pattern: string;
  headers: Array<[string, string]>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Whether a rule's path pattern (exact, or ending in `*`) covers a path; `/embed/*` also covers `/embed`. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  if (!pattern.endsWith('*')) return pathname === pattern;
  return pathname.startsWith(pattern.slice(0, -1)) || pathname === pattern.slice(0, -2);
}
