/**
 * Finding a region by its name as people type it: with typos ("Amsterdm", "Utrect"), by a former name, an
 * everyday name ("Den Haag") or a CBS code (GM0363, or 0363). Pagefind, the full-text search, stems words
 * and knows no typos ("Utrect" became the word "u"); this matcher is for the names of regions only. Its hits
 * come before Pagefind's on the search page and fill the suggestions under the header's search box.
 *
 * It runs in the browser, over the regions of /zoeken/regios.json (written at build by ./regions.ts). The
 * fuzzy part is Fuse.js (Bitap: insertions, deletions and substitutions, scored by the number of errors
 * against the length of the name); the ranking around it (the exact name first, then names that start with
 * what was typed, then typos) is this module's.
 */
import Fuse from 'fuse.js/basic';
import { regionKind, type RegionKind } from '../regions/codes';
import { normaliseName } from '../regions/register';
import { MATCH, type RegionEntry, type RegionHit, type RegionSearchKind } from './region-entry';

const AGAINST_ORDER: Record<RegionHit['against'], number> = { name: 0, word: 1, start: 2 };

/** What Fuse may consider (errors against the length of the query): wide, the typo count below decides. */
const FUZZY_THRESHOLD = 0.4;
/** Shorter queries are matched only from the start of a word: "Ed" should not find everything with an e and a d. */
const FUZZY_MIN_LENGTH = 4;
/** A typo may be one slip, two in a name of ten letters or more. "landelijk" is two from Langedijk: a word, not a typo. */
const allowedTypos = (length: number) => (length >= 10 ? 2 : 1);

/** The order of kinds among equally good matches: a gemeente before the provincie and jeugdregio of its name. */
const KIND_ORDER: readonly RegionSearchKind[] = ['Gemeente', 'Voormalige gemeente', 'Provincie', 'Jeugdregio', 'Nederland'];

/** Qualifiers people type before a name: "gemeente Utrecht", "provincie Groningen". */
const KIND_WORDS: Readonly<Record<string, RegionKind>> = { gemeente: 'gemeente', provincie: 'provincie', jeugdregio: 'jeugdregio', regio: 'jeugdregio' };

export interface RegionMatcher {
  /** The regions that match a query, best first, at most `limit`. */
  search(query: string, limit?: number): RegionHit[];
}

interface Indexed {
  entry: RegionEntry;
  /** Its names, normalised: "bergen (nh.)" and "bergen". */
  terms: string[];
  /** The words of its names: "s", "gravenhage", "den", "haag". */
  words: string[];
  codes: string[];
}

/** The matcher over a list of regions, in the order that breaks ties (as `regionEntries` wrote them). */
export function createRegionMatcher(entries: readonly RegionEntry[]): RegionMatcher {
  const indexed: Indexed[] = entries.map((entry) => {
    const names = [entry.n, ...(entry.a ?? [])].map(normaliseName);
    // "Bergen (NH.)" is also "Bergen"; the qualifier is no name to match ("gemeente" in "Utrecht (gemeente)").
    const bare = names.map((t) => t.replace(/\s*\([^)]*\)$/, ''));
    const terms = [...new Set([...names, ...bare])];
    const words = [...new Set(bare.flatMap((t) => t.split(/[\s\-'’/]+/)))].filter((w) => w.length > 0);
    const codes = [entry.c.toLowerCase(), ...(regionKind(entry.c) === 'gemeente' ? [entry.c.slice(2)] : [])];
    return { entry, terms, words, codes };
  });
  const fuse = new Fuse(
    indexed.map((x) => ({ t: x.terms })),
    { keys: ['t'], threshold: FUZZY_THRESHOLD, ignoreLocation: true, minMatchCharLength: 2, shouldSort: false },
  );

  return {
    search(query: string, limit = 8): RegionHit[] {
      const { q, kind } = parseQuery(query);
      if (q.length < 2) return [];
      const hits = new Map<number, RegionHit>();
      indexed.forEach((x, i) => {
        const tier = x.codes.includes(q) || x.terms.includes(q)
          ? MATCH.exact
          : x.terms.some((t) => t.startsWith(q)) || (q.length >= 4 && x.codes.some((c) => c.startsWith(q)))
            ? MATCH.prefix
            : x.words.some((w) => w.startsWith(q))
              ? MATCH.word
              : undefined;
        if (tier !== undefined) hits.set(i, { entry: x.entry, tier, typos: 0, against: 'name' });
      });
      if (q.length >= FUZZY_MIN_LENGTH) {
        // Fuse finds the names a typo may be of; the count of typos keeps the close ones.
        for (const { refIndex } of fuse.search(q)) {
          if (hits.has(refIndex)) continue;
          const x = indexed[refIndex]!;
          const name = Math.min(...x.terms.map((t) => typoCount(q, t)));
          const word = Math.min(...x.words.map((w) => typoCount(q, w)));
          const start = q.length >= 5 ? Math.min(...x.terms.map((t) => typoCount(q, t.slice(0, q.length)))) : Infinity;
          const typos = Math.min(name, word, start);
          const against = name === typos ? 'name' : word === typos ? 'word' : 'start';
          if (typos <= allowedTypos(q.length)) hits.set(refIndex, { entry: x.entry, tier: MATCH.typo, typos, against });
        }
      }
      const kindRank = (hit: RegionHit) => {
        // "gemeente Utrecht": the gemeente before the provincie, whatever the order of kinds.
        if (kind && regionKind(hit.entry.c) === kind) return -1;
        return KIND_ORDER.indexOf(hit.entry.s);
      };
      return [...hits]
        .sort(([i, a], [j, b]) => a.tier - b.tier || a.typos - b.typos || AGAINST_ORDER[a.against] - AGAINST_ORDER[b.against] || kindRank(a) - kindRank(b) || i - j)
        .slice(0, limit)
        .map(([, hit]) => hit);
    },
  };
}

/**
 * The number of typos between what was typed and a name: letters wrong, missing or extra, and two letters
 * swapped ("Rottredam") counted as one (the optimal string alignment distance).
 */
export function typoCount(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

function parseQuery(query: string): { q: string; kind: RegionKind | undefined } {
  const q = normaliseName(query).replace(/^(gm|pv|jz)\s+(\d)/, '$1$2');
  const match = /^(gemeente|provincie|jeugdregio|regio)\s+(.{2,})$/.exec(q);
  return match ? { q: match[2]!, kind: KIND_WORDS[match[1]!] } : { q, kind: undefined };
}
