/**
 * Whether a region can have figures in a year, by the register of regions (src/reference): a gemeente only in
 * the years of its own indeling (not after it merged away, not before it was formed), a wijk only when the
 * register knows it (in that year's wijkindeling, where the register has one) and its gemeente existed then.
 * Without this a row of Weesp in 2023 vanished from every page without a word, and a made-up wijk was shown.
 */
import { periodLabel, type Period } from './periods';
import { gemeenteOfWijk, regionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';

/** What was expected of a region in a period, when it cannot have figures then; undefined when it can. */
export function regionYearProblem(register: RegionRegister, code: string, period: Period): string | undefined {
  const kind = regionKind(code);
  const year = period.year;
  switch (kind) {
    case 'land':
      return undefined;
    case 'provincie':
    case 'jeugdregio':
      return register.label(code) !== code ? undefined : `een ${kind} uit het register (src/reference)`;
    case 'gemeente':
      return gemeenteProblem(register, code, period, 'gemeente');
    case 'wijk': {
      const gemeente = gemeenteOfWijk(code);
      const ofGemeente = gemeenteProblem(register, gemeente, period, 'wijk');
      if (ofGemeente) return ofGemeente;
      const indeling = register.wijkIndelingYear(year);
      if (indeling === year) {
        return register.wijkIn(code, year)
          ? undefined
          : `een wijk van de wijkindeling van ${year} uit het register (src/reference/wijken.csv); ${code} hoort daar niet bij`;
      }
      return register.knowsWijk(code)
        ? undefined
        : `een wijk die het register kent (src/reference/wijken.csv); ${code} staat er in geen enkel jaar in, en de wijkindeling van ${year} heeft het register niet. Is de wijk nieuw, werk het register dan bij met npm run reference`;
    }
    default:
      return 'een regiocode zoals NL01, PV27, JZ14, GM0363 of WK036300';
  }
}

function gemeenteProblem(register: RegionRegister, code: string, period: Period, of: 'gemeente' | 'wijk'): string | undefined {
  const g = register.gemeente(code);
  const subject = of === 'wijk' ? `een wijk van een gemeente die in ${period.year} bestond` : `een gemeente van de indeling van ${period.year}`;
  if (!g) return `${subject}; ${code} staat niet in het register van gemeenten (src/reference/gemeenten.csv)`;
  const year = period.year;
  // The register starts at its first indeling (2015): a gemeente that existed then may have figures of before.
  const formed = g.eersteJaar > register.firstYear && year < g.eersteJaar;
  if (formed) return `${subject}; ${g.naam} (${code}) bestond in ${periodLabel(period)} nog niet (ontstaan op 1 januari ${g.eersteJaar})`;
  if (g.laatsteJaar !== null && year > g.laatsteJaar) {
    const into = register
      .herindelingenOf(code)
      .filter((h) => h.oudeCode === code && h.nieuweCode !== code && h.jaar === g.laatsteJaar! + 1)
      .map((h) => `${h.nieuweNaam} (${h.nieuweCode})`);
    const where = into.length > 0 ? `, want ging op 1 januari ${g.laatsteJaar + 1} op in ${[...new Set(into)].join(' en ')}` : ` (opgeheven na ${g.laatsteJaar})`;
    return `${subject}; ${g.naam} (${code}) bestond in ${periodLabel(period)} niet meer${where}`;
  }
  return undefined;
}
