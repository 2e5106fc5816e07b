/**
 * The search page (/zoeken/): a small accessible UI over Pagefind's JS API. The index (pagefind.js, its
 * wasm and the index chunks) is fetched only when someone searches, never on other pages; the header's
 * search box is a plain GET form that leads here. The state lives in the URL (?q=&soort=&provincie=).
 */
import { pagefindFilters, parseSearchState, searchStateQuery, statusMessage, type SearchState } from '../lib/search/query';
import { rankResults, toResultView, type PagefindFragment, type ResultView } from '../lib/search/results';

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

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('#zoekformulier');
  const input = document.querySelector<HTMLInputElement>('#zoekterm');
  const soort = document.querySelector<HTMLSelectElement>('#zoek-soort');
  const provincie = document.querySelector<HTMLSelectElement>('#zoek-provincie');
  const status = document.querySelector<HTMLElement>('#zoek-status');
  const list = document.querySelector<HTMLOListElement>('#zoek-resultaten');
  const more = document.querySelector<HTMLButtonElement>('#zoek-meer');
  if (!form || !input || !soort || !provincie || !status || !list || !more) return;

  let searchId = 0;
  let pending: PagefindResult[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const readForm = (): SearchState => ({ q: input.value.trim(), soort: soort.value, provincie: provincie.value });
  const fillForm = (state: SearchState) => {
    input.value = state.q;
    soort.value = state.soort;
    provincie.value = state.provincie;
  };

  async function run(state: SearchState, history: 'push' | 'replace' | 'none'): Promise<void> {
    const id = ++searchId;
    const url = `${location.pathname}${searchStateQuery(state)}`;
    if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
    else if (history === 'replace') window.history.replaceState(null, '', url);
    if (!state.q && !state.soort && !state.provincie) {
      list!.replaceChildren();
      more!.hidden = true;
      status!.textContent = '';
      return;
    }
    list!.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await loadPagefind();
      const found = await pagefind.search(state.q || null, { filters: pagefindFilters(state) });
      if (id !== searchId || !found) return; // a newer search started, or this one was debounced away
      const first = found.results.slice(0, PAGE_SIZE);
      pending = found.results.slice(PAGE_SIZE);
      const views = rankResults(state.q, await Promise.all(first.map(async (r) => toResultView(await r.data()))));
      if (id !== searchId) return;
      list!.replaceChildren(...views.map(renderResult));
      more!.hidden = pending.length === 0;
      status!.textContent = statusMessage(found.results.length, state);
    } catch (error) {
      if (id !== searchId) return;
      console.error(error);
      list!.replaceChildren();
      more!.hidden = true;
      status!.textContent = 'Zoeken lukt nu niet. Kies uw gemeente in de lijst van gemeenten (menu Gemeenten) of open een tabel.';
    } finally {
      if (id === searchId) list!.removeAttribute('aria-busy');
    }
  }

  async function showMore(): Promise<void> {
    const next = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const items = (await Promise.all(next.map(async (r) => toResultView(await r.data())))).map(renderResult);
    list!.append(...items);
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
