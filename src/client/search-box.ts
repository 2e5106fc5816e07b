/**
 * The header's search box on every page: a plain GET form to /zoeken/ that, with JavaScript, becomes a
 * combobox with suggestions of regions while someone types (src/client/search-suggest.ts). This part is on
 * every page, so it only marks the box as a combobox and loads the rest on the first keystroke.
 *
 * Bundled by esbuild into /zoeken/zoekvak.js (src/pages/zoeken/_suggest-bundle.ts) and loaded by Base.astro
 * as an external script: Astro would inline a script this small into every page, and an inline script is
 * refused by the Content-Security-Policy the host sends (public/_headers has no per-page hashes).
 */
import { SUGGEST_SCRIPT } from '../lib/search/search-files';
import type { SuggestModule } from './search-suggest';

export function loadSuggestModule(): Promise<SuggestModule> {
  return import(/* @vite-ignore */ SUGGEST_SCRIPT) as Promise<SuggestModule>;
}

/** Every search box marked `data-suggesties` (the header's; another page's box can opt in with the attribute and an id). */
export function enhanceSearchBox(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-suggesties][id]')) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    // Without the suggestions (offline, an old browser) the box stays a search form that submits.
    input.addEventListener('input', () => void loadSuggestModule().then((m) => m.startSuggestions(input), () => undefined), { once: true });
  }
}
