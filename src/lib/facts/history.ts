/**
 * The herindeling history of a gemeente for its page: where a former gemeente went (and in which shares,
 * for a split), which former gemeenten a current one took in, and the codes and old names people search for.
 */
import { joinDutch } from '../format/text';
import { fateSentence, regionHref } from '../pages/gemeente-links';
import type { RegionRegister } from '../regions/register';

export interface Successor {
  code: string;
  naam: string;
  href: string | undefined;
  /** Share of the former gemeente's addresses that went here (1 for a merger). */
  share: number;
  /** "42%", rounded to whole percents; undefined when the whole gemeente went here. */
  shareText: string | undefined;
}

export interface FormerFate {
  /** "Op 1 januari 2021 is de gemeente Haaren opgesplitst over Boxtel, Oisterwijk, Tilburg en Vught." */
  sentence: string;
  /** The first year the gemeente no longer existed. */
  endYear: number;
  split: boolean;
  /** Where its figures are now, on the latest indeling, largest share first. */
  successors: Successor[];
  /** "Van de adressen ging 42% naar Oisterwijk, …", for a split. */
  sharesSentence: string | undefined;
}

/** The fate of a former gemeente; undefined for a gemeente that still exists. */
export function formerFate(register: RegionRegister, code: string): FormerFate | undefined {
  const g = register.gemeente(code);
  const sentence = fateSentence(register, code);
  if (!g || g.laatsteJaar === null || !sentence) return undefined;
  const destinations = register.destinations(code, g.laatsteJaar, register.latestYear);
  const split = destinations.length > 1;
  const successors = destinations.map((d): Successor => ({
    code: d.code,
    naam: register.label(d.code),
    href: regionHref(register, d.code),
    share: d.share,
    shareText: split ? `${Math.round(d.share * 100)}%` : undefined,
  }));
  const sharesSentence = split
    ? `Van de adressen van ${g.naam} ging ${joinDutch(successors.map((s) => `${s.shareText} naar ${s.naam}`))}. Met die verdeling zijn de oude cijfers van ${g.naam} omgerekend naar de huidige gemeenten.`
    : undefined;
  return { sentence, endYear: g.laatsteJaar + 1, split, successors, sharesSentence };
}

export interface Predecessor {
  code: string;
  naam: string;
  href: string | undefined;
  /** The year from which it is part of this gemeente. */
  year: number;
  /** Only part of it (a split or a grenscorrectie). */
  partial: boolean;
}

/** Former gemeenten that (partly) went into a current gemeente. Small boundary corrections are left out. */
export function predecessorsOf(register: RegionRegister, code: string): Predecessor[] {
  return register
    .predecessorsOf(code)
    .filter((p) => p.share >= 0.05)
    .map((p) => ({
      code: p.gemeente.code,
      naam: p.gemeente.naam,
      href: regionHref(register, p.gemeente.code),
      year: p.jaar,
      partial: p.share < 0.999,
    }));
}

/**
 * The line with codes and old names that makes a page findable by them: "Gemeentecode GM0363; voorheen ook
 * Weesp (GM0457)". For a former gemeente: "Gemeentecode GM0457 (tot 2023)".
 */
export function identityLine(register: RegionRegister, code: string): string {
  const g = register.gemeente(code);
  if (!g) return `Code ${code}`;
  if (g.laatsteJaar !== null && g.laatsteJaar < register.latestYear) return `Gemeentecode ${code} (tot ${g.laatsteJaar + 1})`;
  const former = predecessorsOf(register, code);
  if (former.length === 0) return `Gemeentecode ${code}`;
  const names = former.map((p) => `${p.partial ? 'een deel van ' : ''}${p.naam} (${p.code})`);
  return `Gemeentecode ${code}; voorheen ook ${joinDutch(names)}`;
}
