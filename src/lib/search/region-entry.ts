/**
 * A region as the search finds it by name (src/lib/search/region-match.ts), and what the pages make of a
 * match: its page, the line beside its name, the name a typo stands for, and whether a query is a postcode.
 * Without Fuse.js, so the search page's own script can use it while the matcher loads with the suggestions.
 */
import { slugify } from '../regions/codes';
import type { SearchKind } from './kinds';

/** The kinds of region the matcher knows: those with a page of their own (wijken are Pagefind's). */
export type RegionSearchKind = Extract<SearchKind, 'Gemeente' | 'Voormalige gemeente' | 'Provincie' | 'Jeugdregio' | 'Nederland'>;

/** One region in /zoeken/regios.json. Short keys: the file is fetched while someone types. */
export interface RegionEntry {
  /** The name: "Amsterdam", "Weesp", "Utrecht". */
  n: string;
  /** The kind of region. */
  s: RegionSearchKind;
  /** The CBS code: GM0363, PV27, JZ13, NL01. */
  c: string;
  /** Its page, where it is not the one its name and kind give (see `regionUrl`): "/gemeente/bergen-nh/". */
  u?: string;
  /** The provincie a gemeente is in (a former gemeente: its successor's). */
  p?: string;
  /** Other names it is found by: the StatLine name ("Bergen (NH.)"), an everyday name ("Den Haag"). */
  a?: string[];
  /** A former gemeente: where its figures are now ("Amsterdam"). */
  nu?: string;
}

const KIND_PATH: Record<RegionSearchKind, string> = {
  Gemeente: 'gemeente',
  'Voormalige gemeente': 'gemeente',
  Provincie: 'provincie',
  Jeugdregio: 'jeugdregio',
  Nederland: 'nederland',
};

/** The page of a region: /gemeente/amsterdam/ from its kind and name (the file leaves out what follows from them). */
export function regionUrl(entry: RegionEntry): string {
  if (entry.u) return entry.u;
  return entry.s === 'Nederland' ? '/nederland/' : `/${KIND_PATH[entry.s]}/${slugify(entry.n)}/`;
}

/** How a region matched what was typed, best first. */
export const MATCH = { exact: 0, prefix: 1, word: 2, typo: 3 } as const;
export type MatchTier = (typeof MATCH)[keyof typeof MATCH];

export interface RegionHit {
  entry: RegionEntry;
  tier: MatchTier;
  /** For a typo: how many letters are wrong, missing, extra or swapped against the closest name; 0 otherwise. */
  typos: number;
  /**
   * What the typos were counted against: a whole name ("Utrect": Utrecht), a word of a name ("Heuvelrg":
   * Utrechtse Heuvelrug), or the start of a name still being typed ("Amstedr": Amsterdam). For the other
   * tiers: 'name'.
   */
  against: 'name' | 'word' | 'start';
}

/**
 * The name a typo stands for, when the query matched no region name as typed but a name or a word of one:
 * "Utrect" → "Utrecht". The search page then searches the full text for that name (Pagefind would search
 * "Utrect" as the word "u"). Undefined when the query matched a name as typed, or nothing close enough.
 */
export function correctedQuery(hits: readonly RegionHit[]): string | undefined {
  const first = hits[0];
  return first && first.tier === MATCH.typo && first.against !== 'start' ? first.entry.n : undefined;
}

/**
 * A Dutch postcode (1011, 1011 AB, 1011AB). The site has no postcode register (and cannot fetch one), so it
 * says so rather than show pages that happen to contain the number.
 */
export function isPostcode(query: string): boolean {
  return /^[1-9]\d{3}\s?(?:[a-z]{2})?$/i.test(query.trim());
}

/** What a region is, beside its name in a suggestion: "Gemeente in Noord-Holland", "Voormalige gemeente, nu Amsterdam". */
export function regionDescription(entry: RegionEntry): string {
  if (entry.nu) return `${entry.s}, nu ${entry.nu}`;
  return entry.p && entry.s === 'Gemeente' ? `${entry.s} in ${entry.p}` : entry.s;
}
