/**
 * What someone can work out about the true counts of a published table: each cell starts as the interval its
 * published form allows, and every additive relation narrows the intervals of its cells, over and over until
 * nothing changes (interval constraint propagation). A suppressed cell is disclosed when its interval ends up
 * narrower than a rounded published count's (`roundTo` values). Pure.
 *
 * What a published form allows, for counts rounded to multiples of 5 and a threshold of 10:
 *  - a count v: v−2 … v+2 (not "at least 10": CBS's own tables round 8 and 9 to a published 10);
 *  - "." (small, suppressed at the source): 0 … 9;
 *  - "x" (kept secret here so that a small count cannot be recovered, see protect.ts): 8 or more;
 *  - nihil "-" and the empty cell (cannot occur): 0.
 * This attacker uses every relation together, but only by propagation; a full linear program could in rare
 * cases narrow a little further. The published methods page says so.
 */
import type { DisclosurePolicy } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import type { Observation } from '../data/symbols';
import { smallestPublished } from './policy';
import type { RelationSet } from './relations';

export interface Bounds {
  lo: Float64Array;
  hi: Float64Array;
}

/** The interval of true counts a published cell allows (see the module comment). */
export function cellInterval(cell: Observation, policy: DisclosurePolicy): [number, number] {
  const { value, symbol } = cell;
  if (value !== null) {
    if (symbol === '-' || value === 0) return [0, 0];
    // Only the rounding: CBS's own tables publish a 10 where the count is 8 or 9 (Makkinga 2021: 15 youths,
    // 10 of 4 to 12 and 10 of 12 to 18), so a published count says nothing about the threshold.
    return [Math.max(0, value - Math.floor(policy.roundTo / 2)), value + Math.floor((policy.roundTo - 1) / 2)];
  }
  if (symbol === '.') return [0, policy.threshold - 1];
  // A count kept secret here was published before: at least the smallest published count, less the rounding.
  if (symbol === 'x') return [Math.max(0, smallestPublished(policy) - Math.floor(policy.roundTo / 2)), Infinity];
  if (symbol === '') return [0, 0];
  return [0, Infinity];
}

export function isSuppressed(cell: Observation | undefined): boolean {
  return cell !== undefined && cell.value === null && (cell.symbol === '.' || cell.symbol === 'x');
}

export function initialBounds(rows: readonly ObservationRow[], measureCount: number, policy: DisclosurePolicy): Bounds {
  const size = rows.length * measureCount;
  const lo = new Float64Array(size);
  const hi = new Float64Array(size).fill(Infinity);
  rows.forEach((row, r) => {
    for (let i = 0; i < measureCount; i++) {
      const cell = row.cells[i];
      if (!cell) continue;
      const [a, b] = cellInterval(cell, policy);
      lo[r * measureCount + i] = a;
      hi[r * measureCount + i] = b;
    }
  });
  return { lo, hi };
}

/** The interval relation i allows for its cell `cell`, given the current bounds of the others. */
export function impliedInterval(set: RelationSet, i: number, cell: number, { lo, hi }: Bounds): [number, number] {
  const from = set.start[i]!;
  const to = set.start[i + 1]!;
  const total = set.cells[from]!;
  let sumLo = 0;
  let sumHi = 0;
  for (let k = from + 1; k < to; k++) {
    const p = set.cells[k]!;
    if (p === cell) continue;
    sumLo += lo[p]!;
    sumHi += hi[p]!;
  }
  const exact = set.exact[i] === 1;
  if (cell === total) return [sumLo, exact ? sumHi : Infinity];
  return [exact ? lo[total]! - sumHi : 0, hi[total]! - sumLo];
}

/** What the parts of relation i can add up to, given the bounds of their cells. */
export function partsInterval(set: RelationSet, i: number, { lo, hi }: Bounds): [number, number] {
  const to = set.start[i + 1]!;
  let sumLo = 0;
  let sumHi = 0;
  for (let k = set.start[i]! + 1; k < to; k++) {
    sumLo += lo[set.cells[k]!]!;
    sumHi += hi[set.cells[k]!]!;
  }
  return [sumLo, sumHi];
}

/** True when relation i cannot hold for any values in the published intervals (the table is not additive there). */
export function contradicts(set: RelationSet, i: number, bounds: Bounds): boolean {
  const total = set.cells[set.start[i]!]!;
  const [sumLo, sumHi] = partsInterval(set, i, bounds);
  return sumLo > bounds.hi[total]! || (set.exact[i] === 1 && sumHi < bounds.lo[total]!);
}

/**
 * Narrows `bounds` in place by the relations until nothing changes (or `maxPasses`). Relations that contradict
 * the published figures are left out (flagged 1 in the result): they do not hold in this table, so nobody can
 * use them.
 */
export function propagate(set: RelationSet, bounds: Bounds, maxPasses = 30): Uint8Array {
  const { lo, hi } = bounds;
  const { cells, start, exact } = set;
  const broken = new Uint8Array(set.count);
  for (let i = 0; i < set.count; i++) if (contradicts(set, i, bounds)) broken[i] = 1;
  let changed = false;
  const narrow = (cell: number, a: number, b: number): void => {
    const newLo = Math.ceil(a);
    const newHi = Math.floor(b);
    if (newLo > lo[cell]!) {
      lo[cell] = Math.min(newLo, hi[cell]!);
      changed = true;
    }
    if (newHi < hi[cell]!) {
      hi[cell] = Math.max(newHi, lo[cell]!);
      changed = true;
    }
  };
  for (let pass = 0; pass < maxPasses; pass++) {
    changed = false;
    for (let i = 0; i < set.count; i++) {
      if (broken[i]) continue;
      const from = start[i]!;
      const to = start[i + 1]!;
      const total = cells[from]!;
      const isExact = exact[i] === 1;
      // The sums once per relation (a region can have hundreds of members); bounds narrowed meanwhile only
      // make the next pass tighter, never an interval wrong.
      let sumLo = 0;
      let finiteHi = 0;
      let unbounded = 0;
      for (let k = from + 1; k < to; k++) {
        const p = cells[k]!;
        sumLo += lo[p]!;
        if (hi[p] === Infinity) unbounded++;
        else finiteHi += hi[p]!;
      }
      const totalLo = lo[total]!;
      const totalHi = hi[total]!;
      narrow(total, sumLo, isExact && unbounded === 0 ? finiteHi : Infinity);
      for (let k = from + 1; k < to; k++) {
        const p = cells[k]!;
        const own = hi[p] === Infinity;
        const othersHi = unbounded - (own ? 1 : 0) > 0 ? Infinity : finiteHi - (own ? 0 : hi[p]!);
        narrow(p, isExact ? totalLo - othersHi : 0, totalHi - (sumLo - lo[p]!));
      }
    }
    if (!changed) break;
  }
  return broken;
}

/** The suppressed cells (among `cells`) whose interval is narrower than a rounded count's. */
export function disclosedCells(cells: Iterable<number>, { lo, hi }: Bounds, policy: DisclosurePolicy): number[] {
  const out: number[] = [];
  for (const cell of cells) if (hi[cell]! - lo[cell]! + 1 < policy.roundTo) out.push(cell);
  return out;
}
