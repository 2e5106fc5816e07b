/**
 * The household the youths with jeugdhulp live in, as CBS's wijken table publishes it (Jeugdzorg in natura;
 * wijken: thuiswonend kind in een eenouderhuishouden, thuiswonend kind bij een paar, ander huishouden), for a
 * gemeente and for its wijken in a year.
 *
 * The model: a child in a single-parent household is about twice as likely to get jeugdhulp as a child living
 * with a couple, and a child in another household (a foster family, an institution, on their own) much more
 * so. The share of children living with one parent follows the gemeente's single-parent households
 * (`kenmerken`, characteristics.ts), so a gemeente with more of them has more such youths in jeugdhulp too,
 * and each wijk leans its own way.
 *
 * Every part is a whole number, and the parts make up their total exactly: a youth lives in one household.
 * A wijk's parts are its gemeente's spread over the wijken (wijk-spread.ts); its total is the sum of its parts.
 */
import type { WijkRecord } from '../regions/register';
import { gemeenteCharacteristics } from './characteristics';
import { Random } from './random';
import { spreadOverWijken } from './wijk-spread';
import type { DemoWorld } from './world';

/** In the order of the wijken table's columns. */
export const HOUSEHOLDS = ['eenouderhuishouden', 'bij_paar', 'ander_huishouden'] as const;
export type Household = (typeof HOUSEHOLDS)[number];
export type HouseholdCounts = readonly [eenouder: number, paar: number, ander: number];

/** Children per single-parent household against all households with children (a parent often has fewer children). */
const CHILDREN_PER_SINGLE_PARENT = 0.75;
/** Children under 18 living in neither household (foster families, institutions, on their own). */
const CHILDREN_ELSEWHERE = 0.015;
/** How much more likely than a child living with a couple to have jeugdhulp. */
const RELATIVE_USE = { eenouder: 2.1, ander: 3.5 };

/** The shares of a gemeente's youths with jeugdhulp by household in a year (summing to 1). */
export function householdShares(world: DemoWorld, gemeente: string, year: number): HouseholdCounts {
  const singleParent = (gemeenteCharacteristics(world, gemeente, year).eenoudergezinnen / 100) * CHILDREN_PER_SINGLE_PARENT;
  const weights = [singleParent * RELATIVE_USE.eenouder, 1 - singleParent - CHILDREN_ELSEWHERE, CHILDREN_ELSEWHERE * RELATIVE_USE.ander] as const;
  const sum = weights[0] + weights[1] + weights[2];
  return [weights[0] / sum, weights[1] / sum, weights[2] / sum];
}

/** A gemeente's youths with jeugdhulp in a year (a whole number) by household; the couples take the rest. */
export function gemeenteHouseholds(world: DemoWorld, gemeente: string, year: number, total: number): HouseholdCounts {
  const [eenouder, , ander] = householdShares(world, gemeente, year);
  const single = Math.round(total * eenouder);
  const other = Math.round(total * ander);
  return [single, total - single - other, other];
}

/**
 * The youths with jeugdhulp of each wijk by household: the gemeente's parts spread over the wijken
 * (wijk-spread.ts), each wijk leaning its own way per household.
 */
export function wijkHouseholds(
  world: DemoWorld,
  parts: HouseholdCounts,
  known: number,
  wijken: readonly WijkRecord[],
  weightOf: (wijk: WijkRecord) => number | undefined,
): Map<string, HouseholdCounts> {
  const spread = spreadOverWijken(parts, known, wijken, weightOf, (wijk) => {
    const lean = Random.for(world.seed, 'wijk-huishouden', wijk.code);
    return [lean.factor(0.35), 1, lean.factor(0.5)];
  });
  return new Map([...spread].map(([code, [eenouder, paar, ander]]) => [code, [eenouder!, paar!, ander!] as const]));
}
