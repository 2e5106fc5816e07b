/**
 * The header's search box on every page: a plain GET form to /zoeken/ that, with JavaScript, becomes a
 * combobox with suggestions of regions while someone types (src/client/search-suggest.ts). This part is
 * loaded on every page, so it only marks the box as a combobox and loads the rest on the first keystroke.
 *
 * The rest is fetched from a fixed address that the build writes (src/pages/zoeken/suggesties.js.ts), not
 * through a bundled dynamic import: that would add Vite's preload helper (0.8 KB gzip) to every page.
 */
import type { SuggestModule } from './search-suggest';

export const SUGGEST_MODULE_URL = '/zoeken/suggesties.js';

export function loadSuggestModule(): Promise<SuggestModule> {
  return import(/* @vite-ignore */ SUGGEST_MODULE_URL) as Promise<SuggestModule>;
}

export function enhanceSearchBox(): void {
  const input = document.getElementById('site-search');
  if (!(input instanceof HTMLInputElement)) return;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  // Without the suggestions (offline, an old browser) the box stays a search form that submits.
  input.addEventListener('input', () => void loadSuggestModule().then((m) => m.startSuggestions(input), () => undefined), { once: true });
}
