/**
 * The header search box's scripts as the build writes them (src/pages/zoeken/_suggest-bundle.ts): the part on
 * every page stays tiny and loads the rest only on a keystroke; the rest carries the matcher and the combobox.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { suggestBundle, type SuggestBundle } from '../../src/pages/zoeken/_suggest-bundle';
import { SUGGEST_SCRIPT } from '../../src/lib/search/search-files';

let bundle: SuggestBundle;
beforeAll(async () => {
  bundle = await suggestBundle();
}, 60_000);

describe('the search box scripts', () => {
  it('puts a few hundred bytes on every page, which import the suggestions only on the first keystroke', () => {
    expect(gzipSync(bundle.searchBox).length).toBeLessThan(400);
    expect(bundle.searchBox).toContain(`"${SUGGEST_SCRIPT}"`);
    expect(bundle.searchBox).toMatch(/addEventListener\("input",/);
    expect(bundle.searchBox).not.toMatch(/Fuse|fetch\(/);
  });

  it('bundles the suggestions with Fuse.js and the combobox, as a module with the exports the pages use', () => {
    expect(gzipSync(bundle.js).length).toBeLessThan(12 * 1024);
    expect(bundle.js).toMatch(/export\s*\{[^}]*\bstartSuggestions\b/);
    expect(bundle.js).toMatch(/export\s*\{[^}]*\bloadRegionMatcher\b/);
    expect(bundle.js).toContain('aria-activedescendant');
    expect(bundle.css).toContain('.suggestions');
  });
});
