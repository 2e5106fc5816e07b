/**
 * The kinds of page the search knows (the Pagefind filter `soort`), in the order the search page offers
 * them. Pages pass one of these as `searchFilters.soort` to the Base layout; custom records use them too.
 */
export const SEARCH_KINDS = [
  'Gemeente',
  'Voormalige gemeente',
  'Wijk',
  'Provincie',
  'Jeugdregio',
  'Nederland',
  'Tabel',
  'Maat',
  'Kaart',
  'Uitleg',
  'Downloads',
  'Publicatie',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The Pagefind filter names this site uses. */
export const SEARCH_FILTERS = { kind: 'soort', provincie: 'provincie' } as const;

/**
 * The Pagefind metadata keys a result can show besides its title. Values are plain text.
 * - kerncijfer: the key figure, "21.520 jongeren met jeugdhulp (2024*)"
 * - code: the CBS region code
 * - nu_bij / nu_bij_url: for a former gemeente, where its figures are now
 */
export const SEARCH_META = { keyFigure: 'kerncijfer', code: 'code', now: 'nu_bij', nowUrl: 'nu_bij_url' } as const;

export function isSearchKind(value: string): value is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(value);
}
