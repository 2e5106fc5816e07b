/**
 * From what Pagefind returns to what the search page shows. Pure, so the browser code (src/client/search.ts)
 * stays small and the ranking rules are tested.
 */
import { normaliseName } from '../regions/register';
import { SEARCH_KINDS, SEARCH_META } from './kinds';
import { MATCH, regionUrl, type RegionEntry, type RegionHit } from './region-entry';
import type { SearchState } from './query';

/** The part of a Pagefind result fragment (`await result.data()`) the page uses. */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results?: Array<{ title: string; url: string; excerpt?: string }>;
}

export interface ResultView {
  url: string;
  title: string;
  kind: string | undefined;
  provincie: string | undefined;
  code: string | undefined;
  keyFigure: string | undefined;
  /** For a former gemeente: where its figures are now. */
  now: { label: string; url: string | undefined } | undefined;
  excerpt: ExcerptPart[];
  /** Sections of the page that match, e.g. a wijk or a measure, apart from the page itself. */
  sections: Array<{ title: string; url: string }>;
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export function toResultView(fragment: PagefindFragment): ResultView {
  const meta = fragment.meta;
  const title = meta.title ?? fragment.url;
  const nowLabel = meta[SEARCH_META.now];
  return {
    url: fragment.url,
    title,
    kind: fragment.filters.soort?.[0],
    provincie: fragment.filters.provincie?.[0],
    code: meta[SEARCH_META.code],
    keyFigure: meta[SEARCH_META.keyFigure],
    now: nowLabel ? { label: nowLabel, url: meta[SEARCH_META.nowUrl] } : undefined,
    excerpt: excerptParts(fragment.excerpt),
    sections: (fragment.sub_results ?? [])
      .filter((s) => s.url !== fragment.url && s.title !== title)
      .slice(0, 3)
      .map((s) => ({ title: s.title, url: s.url })),
  };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Splits a Pagefind excerpt into plain text and marked (matching) parts. Only `<mark>` is markup; the rest
 * is text, so the page can build it with textContent and never inserts HTML from the index.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') parts.push({ text: piece.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e), marked });
  }
  return parts;
}

/** The name a result is about: its title without a qualifier such as "(voormalige gemeente)". */
export function resultName(title: string): string {
  return title.replace(/\s*\([^)]*\)\s*$/, '');
}

/**
 * Puts exact matches first. Pagefind stems Dutch words, so "Haaren" and "Haren" are the same word to it
 * and either may come first; someone who types a name or a CBS code means that one. Order:
 * 1. the name or code equals the query (gemeenten before wijken and the rest, by the order of SEARCH_KINDS);
 * 2. the name starts with the query;
 * 3. everything else, in Pagefind's order.
 */
export function rankResults<T extends ResultView>(query: string, results: readonly T[]): T[] {
  const q = normaliseName(query);
  const code = query.trim().toUpperCase();
  const tier = (r: T): number => {
    const name = normaliseName(resultName(r.title));
    if (name === q || r.code === code) return 0;
    if (name.startsWith(q)) return 1;
    return 2;
  };
  const kindOrder = (r: T) => {
    const i = SEARCH_KINDS.indexOf((r.kind ?? '') as (typeof SEARCH_KINDS)[number]);
    return i < 0 ? SEARCH_KINDS.length : i;
  };
  return results
    .map((r, i) => ({ r, i, t: tier(r) }))
    .sort((a, b) => a.t - b.t || (a.t === 0 ? kindOrder(a.r) - kindOrder(b.r) : 0) || a.i - b.i)
    .map((x) => x.r);
}

/**
 * The search page's results: the regions that match the name typed (typos included) first, then Pagefind's
 * results without those pages. A region whose page Pagefind has is shown as Pagefind gives it (with its key
 * figure and excerpt): from its results for the query, or from `regionPages` (its pages found apart, by
 * name: they may be far down the list); otherwise from the region's own data.
 */
export function mergeResults(regions: readonly RegionEntry[], pagefind: readonly ResultView[], regionPages: readonly ResultView[] = []): ResultView[] {
  const urls = new Set(regions.map(regionUrl));
  const byUrl = new Map([...regionPages, ...pagefind].map((r) => [r.url, r]));
  return [...regions.map((entry) => byUrl.get(regionUrl(entry)) ?? regionResultView(entry)), ...pagefind.filter((r) => !urls.has(r.url))];
}

/** A region as a result, from what the region search knows of it. */
export function regionResultView(entry: RegionEntry): ResultView {
  const former = entry.s === 'Voormalige gemeente';
  return {
    url: regionUrl(entry),
    title: former ? `${entry.n} (voormalige gemeente)` : entry.n,
    kind: entry.s,
    provincie: entry.p,
    code: entry.c,
    keyFigure: undefined,
    now: entry.nu ? { label: entry.nu, url: undefined } : undefined,
    excerpt: [],
    sections: [],
  };
}

/** At most this many regions come before Pagefind's results. */
const MAX_REGION_RESULTS = 5;

/**
 * The regions the search page puts first: those that fit the chosen filters, of the names as typed ("Am":
 * Amsterdam, Amersfoort …) or, when none matched as typed, the closest typos ("Utrect": the gemeente and
 * the provincie Utrecht; not Utrecht West, a word off, which the search for "Utrecht" finds anyway).
 */
export function regionsForResults(hits: readonly RegionHit[], state: Pick<SearchState, 'soort' | 'provincie'>): RegionEntry[] {
  const fitting = hits.filter(
    ({ entry }) => (!state.soort || entry.s === state.soort) && (!state.provincie || (entry.s === 'Provincie' ? entry.n : entry.p) === state.provincie),
  );
  const asTyped = fitting.filter((h) => h.tier !== MATCH.typo);
  const closest = fitting.filter((h) => h.typos === fitting[0]?.typos && h.against === fitting[0]?.against);
  return (asTyped.length > 0 ? asTyped : closest).slice(0, MAX_REGION_RESULTS).map((h) => h.entry);
}
