/**
 * The HTML pages of a built site (not the search index or Astro's assets), for the tests that read every page:
 * tests/e2e/integrity.e2e.ts and tests/e2e/csp.e2e.ts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== '_astro') out.push(...htmlFiles(full));
    } else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}
