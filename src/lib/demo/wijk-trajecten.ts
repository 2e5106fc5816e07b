/**
 * The jeugdhulptrajecten of the wijken table by verwijzer, as CBS's wijken table publishes them (Jeugdzorg in
 * natura; wijken: the trajecten in the year by who referred them), for a gemeente and its wijken in a year.
 *
 * A gemeente's trajecten are those running in the year in the trajecten table (its total row: the same
 * figure, published in both tables). They split over the verwijzers as the trajecten begun in that year did
 * (the verwijzers table), so a gemeente whose huisartsen refer more has more of its running trajecten from
 * them too; a gemeente that began none that year splits them as Nederland's verwijzers do. The parts are whole
 * numbers that make up their total exactly. A wijk's parts are its gemeente's spread over the wijken
 * (wijk-spread.ts), each wijk leaning its own way per verwijzer (here the huisarts refers more, there the
 * wijkteam); its total is the sum of its parts.
 */
import type { WijkRecord } from '../regions/register';
import { timeOf, verwijzerWeights, VERWIJZERS } from './model';
import { Random, splitCount } from './random';
import { spreadOverWijken } from './wijk-spread';
import type { DemoWorld } from './world';

/**
 * The verwijzers of CBS's wijken table in its column order, each with the code of the verwijzers table
 * (VERWIJZERS_SPEC) and the measure id of the importer's profile of the real table (JEUGDZORG_WIJKEN).
 */
export const WIJK_VERWIJZERS = [
  { code: '01', id: 'trajecten_gemeentelijke_toegang', label: 'Gemeentelijke toegang', shortLabel: 'Verwezen door gemeentelijke toegang' },
  { code: '02', id: 'trajecten_huisarts', label: 'Huisarts', shortLabel: 'Verwezen door huisarts' },
  { code: '03', id: 'trajecten_jeugdarts', label: 'Jeugdarts', shortLabel: 'Verwezen door jeugdarts' },
  { code: '04', id: 'trajecten_gecertificeerde_instelling', label: 'Gecertificeerde instelling', shortLabel: 'Verwezen door gecertificeerde instelling' },
  { code: '05', id: 'trajecten_medisch_specialist', label: 'Medisch specialist', shortLabel: 'Verwezen door medisch specialist' },
  { code: '08', id: 'trajecten_rechter_ovj', label: 'Rechter of officier van justitie', shortLabel: 'Verwezen door rechter of officier van justitie' },
  { code: '06', id: 'trajecten_geen_verwijzer', label: 'Geen verwijzer', shortLabel: 'Zonder verwijzer' },
  { code: '99', id: 'trajecten_verwijzer_onbekend', label: 'Verwijzer onbekend', shortLabel: 'Verwijzer onbekend' },
] as const;

/** Where each of WIJK_VERWIJZERS is in VERWIJZERS (and so in PeriodFigures.verwijzers). */
const IN_FIGURES = WIJK_VERWIJZERS.map(({ code }) => VERWIJZERS.findIndex((v) => v.code === code));

/** A gemeente's trajecten running in a year (`running`), by verwijzer in the order of WIJK_VERWIJZERS. */
export function gemeenteTrajectenByVerwijzer(world: DemoWorld, gemeente: string, year: number, running: number): number[] {
  const begun = world.year(gemeente, year).verwijzers;
  let weights = IN_FIGURES.map((i) => begun[i]!);
  if (weights.every((w) => w === 0)) {
    const national = verwijzerWeights(timeOf(year, 0), 1);
    weights = IN_FIGURES.map((i) => national[i]!);
  }
  return splitCount(running, weights, Random.for(world.seed, 'wijk-trajecten', gemeente, year));
}

/** The trajecten of each wijk by verwijzer (WIJK_VERWIJZERS order): the gemeente's `parts` spread over its wijken. */
export function wijkTrajecten(
  world: DemoWorld,
  parts: readonly number[],
  known: number,
  wijken: readonly WijkRecord[],
  weightOf: (wijk: WijkRecord) => number | undefined,
): Map<string, number[]> {
  return spreadOverWijken(parts, known, wijken, weightOf, (wijk) => {
    const lean = Random.for(world.seed, 'wijk-verwijzer', wijk.code);
    return WIJK_VERWIJZERS.map(() => lean.factor(0.3));
  });
}
