/**
 * Suggestions under the header's search box (the ARIA 1.2 combobox with a listbox popup): while someone
 * types, the regions whose name matches (typos included, src/lib/search/region-match.ts) appear below the
 * box. Arrow keys move through them (aria-activedescendant: the focus stays in the box), Enter opens the
 * chosen one, Escape closes the list, a click or tap opens one. Enter without a chosen suggestion submits
 * the form to /zoeken/ as without JavaScript.
 *
 * Loaded on the first keystroke (src/client/search-box.ts), from /zoeken/suggesties.js, which the build
 * bundles with Fuse.js and this module's stylesheet (src/pages/zoeken/_suggest-bundle.ts). The search page
 * (src/client/search.ts) takes its region matcher from here too. The regions come from /zoeken/regios.json.
 */
import './search-suggest.css';
import { isPostcode, regionDescription, regionUrl, type RegionEntry } from '../lib/search/region-entry';
import { createRegionMatcher, type RegionMatcher } from '../lib/search/region-match';
import { REGIONS_FILE, SUGGEST_STYLESHEET } from '../lib/search/search-files';

/** What /zoeken/suggesties.js exports (this module, bundled). */
export interface SuggestModule {
  startSuggestions(input: HTMLInputElement): void;
  loadRegionMatcher(): Promise<RegionMatcher>;
}

const MAX_SUGGESTIONS = 6;

let matcherPromise: Promise<RegionMatcher> | undefined;
export function loadRegionMatcher(): Promise<RegionMatcher> {
  matcherPromise ??= (async () => {
    const response = await fetch(REGIONS_FILE);
    if (!response.ok) throw new Error(`${REGIONS_FILE}: ${response.status}`);
    return createRegionMatcher((await response.json()) as RegionEntry[]);
  })();
  matcherPromise.catch(() => (matcherPromise = undefined));
  return matcherPromise;
}

/** The stylesheet of the list, loaded with it (a <link>, as the Content-Security-Policy allows: no inline style). */
function loadStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${SUGGEST_STYLESHEET}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = SUGGEST_STYLESHEET;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

interface Suggestion {
  name: string;
  description: string;
  url: string;
}

/** The suggestions for what is typed: regions, or for a postcode the plain word that postcodes are not known. */
export function suggestionsFor(matcher: RegionMatcher, query: string): Suggestion[] {
  if (isPostcode(query)) {
    return [{ name: 'Zoeken op postcode kan niet', description: 'Kies uw gemeente in de lijst van gemeenten', url: '/gemeenten/' }];
  }
  return matcher.search(query, MAX_SUGGESTIONS).map(({ entry }) => ({ name: entry.n, description: regionDescription(entry), url: regionUrl(entry) }));
}

export function startSuggestions(input: HTMLInputElement): void {
  if (input.dataset.suggestions) return;
  input.dataset.suggestions = 'aan';
  const listId = `${input.id}-suggesties`;
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggesties');
  list.hidden = true;
  // Read out when the list changes: how many there are and how to reach them.
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  // The list hangs below the box's form (or whatever holds the box).
  input.parentElement?.classList.add('suggestions-anchor');
  input.parentElement?.append(list, status);
  input.setAttribute('aria-controls', listId);

  let suggestions: Suggestion[] = [];
  let active = -1;
  let matcher: RegionMatcher | undefined;
  const ready = Promise.all([loadRegionMatcher(), loadStylesheet()]).then(([m]) => (matcher = m));

  const options = () => [...list.children] as HTMLElement[];
  const setActive = (index: number) => {
    active = index;
    options().forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    const option = options()[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (show: boolean) => {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  };
  const go = (suggestion: Suggestion | undefined) => {
    if (!suggestion) return;
    open(false);
    window.location.assign(suggestion.url);
  };

  const update = () => {
    if (!matcher) return;
    suggestions = input.value.trim().length >= 2 ? suggestionsFor(matcher, input.value) : [];
    list.replaceChildren(
      ...suggestions.map((s, i) => {
        const option = document.createElement('li');
        option.id = `${listId}-${i}`;
        option.className = 'suggestion';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        const name = document.createElement('span');
        name.className = 'suggestion__name';
        name.textContent = s.name;
        const description = document.createElement('span');
        description.className = 'suggestion__kind';
        description.textContent = s.description;
        option.append(name, ' ', description);
        return option;
      }),
    );
    open(suggestions.length > 0 && document.activeElement === input);
    status.textContent = suggestions.length === 0 ? '' : `${suggestions.length === 1 ? '1 suggestie' : `${suggestions.length} suggesties`}, kies met pijltje omlaag.`;
  };

  input.addEventListener('input', () => void ready.then(update));
  input.addEventListener('focus', () => void ready.then(update));
  input.addEventListener('blur', () => open(false));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      if (list.hidden) open(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Past the last (or above the first) the focus is back on what was typed.
      const next = active + step;
      setActive(next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next);
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      go(suggestions[active]);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      open(false);
    }
  });
  // A press on the list keeps the focus in the box (no blur that would close it before the click).
  list.addEventListener('pointerdown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    go(suggestions[options().indexOf(option as HTMLElement)]);
  });

  void ready.then(update, () => input.removeAttribute('aria-controls'));
}
