import { joinDutch } from '../format/text';
import type { RegionRegister } from '../regions/register';
import { regionKind } from '../regions/codes';

/** The page of any region, by its code: /gemeente/<naam>/, /provincie/<naam>/, /jeugdregio/<naam>/, /nederland/. */
export function regionHref(register: RegionRegister, code: string): string | undefined {
  switch (regionKind(code)) {
    case 'land':
      return '/nederland/';
    case 'provincie':
      return `/provincie/${register.slug(code)}/`;
    case 'jeugdregio':
      return `/jeugdregio/${register.slug(code)}/`;
    case 'gemeente':
      return register.gemeente(code) ? `/gemeente/${register.slug(code)}/` : undefined;
    default:
      return undefined;
  }
}

/** What one herindeling meant for a former gemeente, in a sentence: "Op 1 januari 2023 is Weesp opgegaan in Amsterdam." */
export function fateSentence(register: RegionRegister, code: string): string | undefined {
  const g = register.gemeente(code);
  if (!g || g.laatsteJaar === null || g.laatsteJaar >= register.latestYear) return undefined;
  const year = g.laatsteJaar + 1;
  const moves = register.herindelingenOf(code).filter((h) => h.oudeCode === code && h.jaar === year && h.soort !== 'grenscorrectie');
  const names = moves.map((h) => register.label(h.nieuweCode));
  const soort = moves[0]?.soort;
  if (soort === 'naamswijziging') return `Op 1 januari ${year} is de gemeente ${g.naam} verdergegaan als ${names[0]}.`;
  if (soort === 'opsplitsing') return `Op 1 januari ${year} is de gemeente ${g.naam} opgesplitst over ${joinDutch(names)}.`;
  return `Op 1 januari ${year} is de gemeente ${g.naam} opgegaan in ${joinDutch(names)}.`;
}
