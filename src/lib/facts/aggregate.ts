/**
 * Figures of a group of gemeenten (Nederland, a provincie, a jeugdregio, the gelijksoortige gemeenten) put
 * together from its members on the latest indeling. Counts and amounts are summed; rates and quotients (euros
 * per youth) are recomputed from the summed numerator and denominator, never averaged over the members.
 */
import type { DatasetMeta, Measure } from '../../schemas/dataset';
import { computeRate, recomputeQuotients, roundTo, RowIndex, type ObservationRow } from '../data/dataset';
import type { Observation } from '../data/symbols';
import { addsUpOverRegions } from '../data/consistency';

/** A row as the fact pages read it: published, converted to the latest indeling, or computed from members. */
export interface FactRow extends ObservationRow {
  /** Put together from former gemeenten (omgerekend naar de huidige indeling). */
  converted: boolean;
  /** Computed from the member gemeenten ("berekend uit de gemeenten"); absent on the dataset's own rows. */
  aggregated?: boolean;
}

const UNKNOWN: Observation = { value: null, symbol: '.' };

/**
 * The cells of a group from its members' rows. A member without a row or with a suppressed count makes the
 * group's count unknown: a sum that leaves out a secret cell would look complete and be too low.
 */
export function aggregateCells(meta: DatasetMeta, members: ReadonlyArray<ObservationRow | undefined>): Observation[] {
  const cells = meta.measures.map((measure, i): Observation => {
    // Only counts and amounts add up: an income or an address density of the members is not the group's.
    if (!addsUpOverRegions(measure) || members.length === 0) return UNKNOWN;
    let total = 0;
    for (const row of members) {
      const cell = row?.cells[i];
      if (!cell || cell.value === null) return { value: null, symbol: cell?.symbol === 'x' ? 'x' : '.' };
      total += cell.value;
    }
    const value = roundTo(total, measure.decimals);
    return { value, symbol: value === 0 ? '-' : null };
  });
  return recomputeQuotients(meta, recomputeRates(meta, cells));
}

/** Replaces every rate by one computed from its numerator and denominator cells; unknown when it cannot be. */
function recomputeRates(meta: DatasetMeta, cells: Observation[]): Observation[] {
  const index = new Map(meta.measures.map((m, i) => [m.id, i]));
  return cells.map((cell, i) => {
    const measure = meta.measures[i]!;
    if (measure.type !== 'rate') return cell;
    const numerator = measure.rate?.numerator ? cells[index.get(measure.rate.numerator)!] : undefined;
    const denominator = measure.rate?.denominator ? cells[index.get(measure.rate.denominator)!] : undefined;
    // A rate without both counts in the dataset (an indicator table) cannot be recomputed, so it is unknown.
    if (!numerator || !denominator) return UNKNOWN;
    return computeRate(numerator, denominator, measure.rate!.per, measure.decimals);
  });
}

export interface RegionGroup {
  code: string;
  members: readonly string[];
}

/**
 * Rows for groups the dataset does not publish itself: for every period and topic combination in which at
 * least one member has a row and the group has none, the group's row computed from its members.
 */
export function aggregateGroups(
  meta: DatasetMeta,
  rows: readonly ObservationRow[],
  groups: readonly RegionGroup[],
  /** A lookup over `rows` that exists already (the site data's RowIndex); made here when absent. */
  index: Pick<RowIndex, 'get'> = new RowIndex({ meta, rows }),
): FactRow[] {
  const combos = new Map<string, { period: string; topics: readonly string[] }>();
  for (const row of rows) {
    const combo = `${row.period}|${row.topics.join('|')}`;
    if (!combos.has(combo)) combos.set(combo, { period: row.period, topics: row.topics });
  }
  const out: FactRow[] = [];
  for (const group of groups) {
    if (group.members.length === 0) continue;
    for (const { period, topics } of combos.values()) {
      if (index.get(group.code, period, topics)) continue;
      const members = group.members.map((code) => index.get(code, period, topics));
      if (members.every((m) => m === undefined)) continue;
      out.push({ region: group.code, period, topics, cells: aggregateCells(meta, members), converted: false, aggregated: true });
    }
  }
  return out;
}

export interface GroupRate {
  /** The recomputed rate; unknown when no member has both counts. */
  rate: Observation;
  numerator: number;
  denominator: number;
  /** Members whose counts went into the rate. */
  included: number;
  /** Members left out because a count was suppressed or missing. */
  excluded: number;
  /** The share of the group's denominator that belongs to members left out (their count was hidden). */
  excludedShare: number;
}

/**
 * The rate of a comparison group (gelijksoortige gemeenten) from the members that have both counts. Unlike
 * a region's own figure, a comparison group is a yardstick: leaving out a few small members with secret
 * cells keeps it usable; the number left out is reported beside it.
 */
export function groupRate(
  meta: DatasetMeta,
  rate: Measure,
  members: ReadonlyArray<ObservationRow | undefined>,
): GroupRate | undefined {
  const index = new Map(meta.measures.map((m, i) => [m.id, i]));
  const ni = rate.rate?.numerator ? index.get(rate.rate.numerator) : undefined;
  const di = rate.rate?.denominator ? index.get(rate.rate.denominator) : undefined;
  if (ni === undefined || di === undefined) return undefined;
  let numerator = 0;
  let denominator = 0;
  let included = 0;
  let leftOut = 0;
  for (const row of members) {
    const n = row?.cells[ni]?.value;
    const d = row?.cells[di]?.value;
    if (n === null || n === undefined || d === null || d === undefined) {
      // A member without its denominator cannot be weighed: count it as wholly missing.
      leftOut += d ?? Number.POSITIVE_INFINITY;
      continue;
    }
    numerator += n;
    denominator += d;
    included++;
  }
  const value = computeRate({ value: numerator, symbol: null }, { value: denominator, symbol: null }, rate.rate!.per, rate.decimals);
  return {
    rate: included === 0 ? UNKNOWN : value,
    numerator,
    denominator,
    included,
    excluded: members.length - included,
    excludedShare: leftOut === 0 ? 0 : Number.isFinite(leftOut) ? leftOut / (denominator + leftOut) : 1,
  };
}
