/**
 * The "cite this" line: "Jeugdzorg in cijfers, Jongeren met jeugdhulp, publicatie Oktober 2026: 1e halfjaar
 * 2026 (29 oktober 2026). Geraadpleegd op 3 november 2026 via https://…/tabellen/jeugdhulp/." The date of
 * consultation is the reader's own; the page fills it in with JavaScript and otherwise leaves a blank. Pure.
 */
import type { Release } from '../../schemas/dataset';
import { formatDate } from '../format/number';

export const SITE_NAME = 'Jeugdzorg in cijfers';

export interface Citation {
  /** Up to and including "Geraadpleegd op". */
  before: string;
  /** From " via" to the end. */
  after: string;
  url: string;
}

export function citation(what: string, release: Release | undefined, url: string): Citation {
  const published = release ? `, publicatie ${release.title} (${formatDate(release.date)})` : '';
  return { before: `${SITE_NAME}, ${what}${published}. Geraadpleegd op`, after: ` via ${url}.`, url };
}

/** The whole line for a given date of consultation (ISO). */
export function citationText(c: Citation, consultedIso: string): string {
  return `${c.before} ${formatDate(consultedIso)}${c.after}`;
}
