/**
 * The state of the search page lives in its URL (/zoeken/?q=weesp&soort=Gemeente&provincie=Utrecht), so a
 * search can be shared, bookmarked and reloaded, and works as a plain GET form without JavaScript.
 */
import { countWords } from '../format/number';
export interface SearchState {
  q: string;
  soort: string;
  provincie: string;
}

export const EMPTY_STATE: SearchState = { q: '', soort: '', provincie: '' };

export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const read = (key: string) => (params.get(key) ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  return { q: read('q'), soort: read('soort'), provincie: read('provincie') };
}

/** The query string of a state, without empty fields: "?q=weesp". */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'soort', 'provincie'] as const) if (state[key]) params.set(key, state[key]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The Pagefind filters of a state: only the chosen ones. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.soort) filters.soort = state.soort;
  if (state.provincie) filters.provincie = state.provincie;
  return filters;
}

/**
 * What the live region says after a search: "3 resultaten voor ‘Weesp’ (soort: Gemeente)". `searchedFor`:
 * the name a typo was taken for ("Utrecht" for "Utrect"), whose results are shown.
 */
export function statusMessage(count: number, state: SearchState, searchedFor?: string): string {
  const chosen = [state.soort && `soort: ${state.soort}`, state.provincie && `provincie: ${state.provincie}`].filter(Boolean).join(', ');
  const within = chosen ? ` (${chosen})` : '';
  if (!state.q) return chosen ? `${countWords(count, 'pagina', "pagina's")}${within}.` : 'Typ een naam, code of onderwerp.';
  if (count === 0) return `Geen resultaten voor ‘${state.q}’${within}. Controleer de spelling, of zoek op de gemeentecode (zoals GM0363).`;
  if (searchedFor && searchedFor !== state.q) return `${countWords(count, 'resultaat', 'resultaten')} voor ‘${searchedFor}’${within}; u typte ‘${state.q}’.`;
  return `${countWords(count, 'resultaat', 'resultaten')} voor ‘${state.q}’${within}.`;
}

/** What the live region says for a postcode, which the site cannot search (the page shows where to go instead). */
export function postcodeMessage(state: SearchState): string {
  return `Geen resultaten voor ‘${state.q}’: zoeken op postcode kan niet.`;
}
