/**
 * The search page (/zoeken/): a small accessible UI over Pagefind's JS API, with the regions whose name
 * matches (typos included, src/lib/search/region-match.ts) first. The index (pagefind.js, its wasm and the
 * index chunks) and the regions are fetched only when someone searches, never on other pages; the header's
 * search box is a plain GET form that leads here. The state lives in the URL (?q=&soort=&provincie=).
 */
import { pagefindFilters, parseSearchState, postcodeMessage, searchStateQuery, statusMessage, type SearchState } from '../lib/search/query';
import { mergeResults, rankResults, regionsForResults, toResultView, type PagefindFragment, type ResultView } from '../lib/search/results';
import { correctedQuery, isPostcode, regionUrl, type RegionEntry } from '../lib/search/region-entry';
import { loadSuggestModule } from './search-box';

interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE_SIZE = 10;

const PAGEFIND_URL = '/pagefind/pagefind.js';

let pagefindPromise: Promise<PagefindApi> | undefined;
function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const api = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindApi;
    // Searching on the main thread saves fetching the worker script; the index is small enough. A fact page
    // is long (its comparisons and trends repeat its name), so Pagefind's default penalty for page length
    // (0.75) would rank it below the short wijk records that carry its name: a gemeente must come first.
    await api.options({ noWorker: true, excerptLength: 22, ranking: { pageLength: 0.25 } });
    return api;
  })();
  pagefindPromise.catch(() => (pagefindPromise = undefined));
  return pagefindPromise;
}

/**
 * Pagefind's results for regions' pages, searched for by name within their kind: a region that matched the
 * query may be far down Pagefind's list for it (after the wijken of a large gemeente), and its result shows
 * its key figure.
 */
async function regionPagesOf(pagefind: PagefindApi, regions: readonly RegionEntry[]): Promise<ResultView[]> {
  const pages = await Promise.all(
    regions.map(async (entry) => {
      const found = await pagefind.search(entry.n, { filters: { soort: entry.s } });
      for (const result of found?.results.slice(0, 5) ?? []) {
        const view = toResultView(await result.data());
        if (view.url === regionUrl(entry)) return view;
      }
      return undefined;
    }),
  );
  return pages.filter((view) => view !== undefined);
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('#zoekformulier');
  const input = document.querySelector<HTMLInputElement>('#zoekterm');
  const soort = document.querySelector<HTMLSelectElement>('#zoek-soort');
  const provincie = document.querySelector<HTMLSelectElement>('#zoek-provincie');
  const filters = document.querySelector<HTMLDetailsElement>('#zoek-verfijnen');
  const status = document.querySelector<HTMLElement>('#zoek-status');
  const postcode = document.querySelector<HTMLElement>('#zoek-postcode');
  const list = document.querySelector<HTMLOListElement>('#zoek-resultaten');
  const more = document.querySelector<HTMLButtonElement>('#zoek-meer');
  if (!form || !input || !soort || !provincie || !filters || !status || !postcode || !list || !more) return;

  let searchId = 0;
  let pending: PagefindResult[] = [];
  let shown = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readForm = (): SearchState => ({ q: input.value.trim(), soort: soort.value, provincie: provincie.value });
  const fillForm = (state: SearchState) => {
    input.value = state.q;
    soort.value = state.soort;
    provincie.value = state.provincie;
    // The filters fold away (they took the first result off a phone's screen); open when one is chosen.
    if (state.soort || state.provincie) filters.open = true;
  };
  const show = (views: ResultView[], append: boolean) => {
    for (const view of views) shown.add(view.url);
    const items = views.map(renderResult);
    if (append) list!.append(...items);
    else list!.replaceChildren(...items);
    return items;
  };

  async function run(state: SearchState, history: 'push' | 'replace' | 'none'): Promise<void> {
    const id = ++searchId;
    const url = `${location.pathname}${searchStateQuery(state)}`;
    if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
    else if (history === 'replace') window.history.replaceState(null, '', url);
    pending = [];
    more!.hidden = true;
    postcode!.hidden = true;
    if (!state.q && !state.soort && !state.provincie) {
      list!.replaceChildren();
      status!.textContent = '';
      return;
    }
    list!.setAttribute('aria-busy', 'true');
    try {
      if (isPostcode(state.q)) {
        list!.replaceChildren();
        postcode!.hidden = false;
        status!.textContent = postcodeMessage(state);
        return;
      }
      const [pagefind, suggest] = await Promise.all([loadPagefind(), loadSuggestModule()]);
      const hits = state.q ? (await suggest.loadRegionMatcher()).search(state.q) : [];
      const regions = regionsForResults(hits, state);
      // A typo of a name ("Utrect") is searched as that name: Pagefind would take it for other words.
      const searchedFor = (regions.length > 0 && correctedQuery(hits)) || state.q;
      const found = await pagefind.search(searchedFor || null, { filters: pagefindFilters(state) });
      if (id !== searchId || !found) return; // a newer search started, or this one was debounced away
      const first = found.results.slice(0, PAGE_SIZE);
      pending = found.results.slice(PAGE_SIZE);
      const views = rankResults(searchedFor, await Promise.all(first.map(async (r) => toResultView(await r.data()))));
      const regionPages = await regionPagesOf(pagefind, regions.filter((entry) => !views.some((v) => v.url === regionUrl(entry))));
      if (id !== searchId) return;
      const merged = mergeResults(regions, views, regionPages);
      shown = new Set();
      show(merged, false);
      more!.hidden = pending.length === 0;
      // Regions not on Pagefind's first page are counted on top of its results: exact up to a page of results,
      // beyond that a region found further down counts twice (it is shown once: "Meer resultaten" leaves it out).
      const added = regions.filter((entry) => !views.some((v) => v.url === regionUrl(entry))).length;
      status!.textContent = statusMessage(found.results.length + added, state, searchedFor);
    } catch (error) {
      if (id !== searchId) return;
      console.error(error);
      list!.replaceChildren();
      status!.textContent = 'Zoeken lukt nu niet. Kies uw gemeente in de lijst van gemeenten (menu Gemeenten) of open een tabel.';
    } finally {
      if (id === searchId) list!.removeAttribute('aria-busy');
    }
  }

  async function showMore(): Promise<void> {
    const next = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const views = (await Promise.all(next.map(async (r) => toResultView(await r.data())))).filter((v) => !shown.has(v.url));
    const items = show(views, true);
    more!.hidden = pending.length === 0;
    // Keyboard users continue where the new results start.
    items[0]?.querySelector('a')?.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(readForm(), 'push');
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(readForm(), 'replace'), 250);
  });
  for (const select of [soort, provincie]) select.addEventListener('change', () => void run(readForm(), 'replace'));
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    const state = parseSearchState(location.search);
    fillForm(state);
    void run(state, 'none');
  });

  const initial = parseSearchState(location.search);
  fillForm(initial);
  if (initial.q || initial.soort || initial.provincie) void run(initial, 'none');
  else if (!location.hash) input.focus();
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = element('a', undefined, text);
  a.href = href;
  return a;
}

function renderResult(view: ResultView): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2');
  heading.append(link(view.url, view.title));
  item.append(heading);
  const kind = [view.kind, view.provincie && view.kind !== 'Provincie' ? `provincie ${view.provincie}` : undefined, view.code].filter(Boolean).join(' · ');
  if (kind) item.append(element('p', 'search-result__kind', kind));
  if (view.keyFigure) item.append(element('p', 'search-result__figure', view.keyFigure));
  if (view.now) {
    const now = element('p', 'search-result__now', 'De cijfers staan nu bij ');
    now.append(view.now.url ? link(view.now.url, view.now.label) : view.now.label, '.');
    item.append(now);
  }
  const excerpt = element('p', 'search-result__excerpt');
  for (const part of view.excerpt) excerpt.append(part.marked ? element('mark', undefined, part.text) : part.text);
  if (view.excerpt.length > 0) item.append(excerpt);
  if (view.sections.length > 0) {
    const sections = element('ul', 'search-result__sections');
    sections.setAttribute('aria-label', `Op de pagina ${view.title}`);
    for (const s of view.sections) {
      const li = element('li');
      li.append(link(s.url, s.title));
      sections.append(li);
    }
    item.append(sections);
  }
  return item;
}
