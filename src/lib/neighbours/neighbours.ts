/**
 * Statistical neighbours: for every gemeente the k gemeenten most like it on a few characteristics, in the
 * way English children's services choose theirs (the DfE/NFER Children's services statistical neighbour
 * benchmarking tool, and NHS England's and CIPFA's models like it): each characteristic is standardised to a
 * z-score over all gemeenten, the distance between two gemeenten is the weighted Euclidean distance between
 * their z-scores, and the nearest k are the neighbours.
 *
 * Choices, and why:
 * - Transformations (CharacteristicSpec.transform): counts and densities that span orders of magnitude
 *   (inwoners: 1.000 to 900.000; addresses per km²: 20 to 6.000) are compared on a log scale, else the few
 *   large cities would hold almost all the spread and every other gemeente would look alike on them. A
 *   value ≤ 0 has no logarithm and counts as missing. Shares (%) and average income vary within one order
 *   of magnitude and stay as they are.
 * - Standardisation: z = (x − mean) / sd over the gemeenten of that year that take part (population sd,
 *   divided by n: the gemeenten are all gemeenten, not a sample). So one standard deviation of each
 *   characteristic counts the same, whatever its unit.
 * - Weights (CharacteristicSpec.weight): see characteristics.ts; the distance is √(Σ wᵢ·(z_aᵢ − z_bᵢ)²).
 * - Missing values: a characteristic takes part only when at least MIN_COVERAGE of the gemeenten have it
 *   (one that a data folder lacks, or mostly lacks, drops out for everyone, and the method record says so);
 *   a gemeente that lacks one of the characteristics that take part gets no neighbours (and is nobody's
 *   neighbour): its page falls back to the size class and says which characteristic is missing. Computing
 *   its distance on the characteristics it has would make its neighbours look as well chosen as the others'
 *   while they are not, and the issue asks for the fallback. With fewer than MIN_CHARACTERISTICS
 *   characteristics there are no neighbours at all.
 * - A characteristic on which every gemeente has the same value cannot be standardised and drops out.
 * - Ties: by distance, then by CBS code, so the list is the same in every build. Distances are rounded to
 *   DISTANCE_DECIMALS decimals, far below any difference that matters: two distances that are equal in exact
 *   arithmetic but differ in the last bits of floating point (√3 reached by two sums) must tie, not fall
 *   either way by rounding error. Each distance is computed once per pair, so d(a, b) is d(b, a).
 * - Neighbours are not mutual: B can be among A's nearest ten while A is not among B's (B may have ten
 *   gemeenten still closer). The English tool has the same property.
 *
 * Pure and cheap: 342 gemeenten make 58.000 pairs of 7 differences, a few milliseconds, once per build.
 */

export type Transform = 'log' | 'geen';

export interface CharacteristicSpec {
  /** The measure id in the kenmerken dataset. */
  id: string;
  transform: Transform;
  weight: number;
}

export interface GemeenteCharacteristics {
  code: string;
  /** By characteristic id; null or undefined when unknown. */
  values: Readonly<Record<string, number | null | undefined>>;
}

/** A characteristic that takes part, with the mean and sd of its transformed values over the gemeenten. */
export interface CharacteristicUsed extends CharacteristicSpec {
  mean: number;
  sd: number;
  /** How many gemeenten had a (valid) value. */
  count: number;
}

export type DropReason = 'te-vaak-onbekend' | 'geen-spreiding';

export interface CharacteristicDropped {
  id: string;
  reason: DropReason;
  count: number;
}

export interface NeighbourMethod {
  k: number;
  /** The characteristics that take part, in the order of the specs. */
  characteristics: readonly CharacteristicUsed[];
  dropped: readonly CharacteristicDropped[];
  /** How many gemeenten were given; how many have neighbours. */
  gemeenten: number;
  placed: number;
}

export interface Neighbour {
  code: string;
  /** 1 for the nearest. */
  rank: number;
  distance: number;
}

export type NeighbourOutcome =
  | {
      kind: 'buren';
      code: string;
      neighbours: readonly Neighbour[];
      /** The gemeente's z-scores, in the order of method.characteristics. */
      z: readonly number[];
    }
  | {
      kind: 'grootteklasse';
      code: string;
      /** The characteristics that take part and this gemeente lacks; empty when none take part at all. */
      missing: readonly string[];
    };

export interface NeighbourModel {
  method: NeighbourMethod;
  /** Every given gemeente, in code order. */
  outcomes: ReadonlyMap<string, NeighbourOutcome>;
}

export const DEFAULT_K = 10;
/** Distances are kept to 9 decimals: see the note on ties above. */
export const DISTANCE_DECIMALS = 9;
const roundDistance = (d: number) => Math.round(d * 10 ** DISTANCE_DECIMALS) / 10 ** DISTANCE_DECIMALS;
/** A characteristic that fewer than 90% of the gemeenten have would send too many of them to the fallback. */
export const MIN_COVERAGE = 0.9;
/** On one characteristic alone the neighbours are no more than a finer size class. */
export const MIN_CHARACTERISTICS = 2;

export interface NeighbourOptions {
  k?: number;
  minCoverage?: number;
  minCharacteristics?: number;
}

/** The value a characteristic enters the model with, or undefined when it has none (missing, not finite, log of ≤ 0). */
export function transformed(value: number | null | undefined, transform: Transform): number | undefined {
  if (value === null || value === undefined || !Number.isFinite(value)) return undefined;
  if (transform === 'log') return value > 0 ? Math.log(value) : undefined;
  return value;
}

/** Mean and population sd (divided by n) of a list of numbers. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / n) };
}

/** The weighted Euclidean distance between two lists of z-scores. */
export function distanceBetween(a: readonly number[], b: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += weights[i]! * (a[i]! - b[i]!) ** 2;
  return Math.sqrt(sum);
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The k nearest others of one gemeente, nearest first: one pass in code order, keeping the best k by
 * insertion (a candidate goes after those at an equal distance, so ties stay in code order). Cheaper than
 * sorting all 341 others for each of 342 gemeenten.
 */
function nearest(row: Float64Array, self: number, k: number): number[] {
  const best: number[] = [];
  for (let q = 0; q < row.length; q++) {
    if (q === self) continue;
    const d = row[q]!;
    if (best.length === k && d >= row[best[k - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && row[best[at - 1]!]! > d) at--;
    best.splice(at, 0, q);
    if (best.length > k) best.pop();
  }
  return best;
}

export function statisticalNeighbours(
  gemeenten: readonly GemeenteCharacteristics[],
  specs: readonly CharacteristicSpec[],
  options: NeighbourOptions = {},
): NeighbourModel {
  const k = options.k ?? DEFAULT_K;
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  const minCharacteristics = options.minCharacteristics ?? MIN_CHARACTERISTICS;
  const sorted = [...gemeenten].sort((a, b) => byCode(a.code, b.code));
  const n = sorted.length;

  // Which characteristics take part: enough gemeenten have them, and they differ between gemeenten.
  const used: CharacteristicUsed[] = [];
  const dropped: CharacteristicDropped[] = [];
  const columns: (number | undefined)[][] = [];
  for (const spec of specs) {
    const column = sorted.map((g) => transformed(g.values[spec.id], spec.transform));
    const present = column.filter((v): v is number => v !== undefined);
    if (n === 0 || present.length < minCoverage * n) {
      dropped.push({ id: spec.id, reason: 'te-vaak-onbekend', count: present.length });
      continue;
    }
    columns.push(column);
    used.push({ ...spec, mean: NaN, sd: NaN, count: present.length });
  }

  // The gemeenten that have all of them; mean and sd over exactly those, so every z-score is on one footing.
  // A characteristic without spread among them drops out, and then more gemeenten may be complete: repeat.
  let complete: boolean[] = [];
  for (;;) {
    complete = sorted.map((_, i) => columns.every((c) => c[i] !== undefined));
    const flat: number[] = [];
    used.forEach((c, j) => {
      const { mean, sd } = meanAndSd(columns[j]!.filter((_, i) => complete[i]) as number[]);
      used[j] = { ...c, mean, sd };
      if (!(sd > 0)) flat.push(j);
    });
    if (flat.length === 0) break;
    for (const j of flat.reverse()) {
      dropped.push({ id: used[j]!.id, reason: 'geen-spreiding', count: used[j]!.count });
      used.splice(j, 1);
      columns.splice(j, 1);
    }
  }
  const active = used.length >= minCharacteristics;
  const placedIndex = active ? sorted.map((_, i) => i).filter((i) => complete[i]) : [];
  const z = placedIndex.map((i) => used.map((c, j) => (columns[j]![i]! - c.mean) / c.sd));
  const weights = used.map((c) => c.weight);

  // All distances once, mirrored: symmetric to the last bit.
  const m = placedIndex.length;
  const distances = Array.from({ length: m }, () => new Float64Array(m));
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const d = roundDistance(distanceBetween(z[a]!, z[b]!, weights));
      distances[a]![b] = d;
      distances[b]![a] = d;
    }
  }

  const outcomes = new Map<string, NeighbourOutcome>();
  const position = new Map(placedIndex.map((i, p) => [i, p]));
  sorted.forEach((g, i) => {
    const p = position.get(i);
    if (p === undefined) {
      const missing = active ? used.filter((_, j) => columns[j]![i] === undefined).map((c) => c.id) : [];
      outcomes.set(g.code, { kind: 'grootteklasse', code: g.code, missing });
      return;
    }
    const neighbours = nearest(distances[p]!, p, k).map((q, r) => ({ code: sorted[placedIndex[q]!]!.code, rank: r + 1, distance: distances[p]![q]! }));
    outcomes.set(g.code, { kind: 'buren', code: g.code, neighbours, z: z[p]! });
  });

  const method: NeighbourMethod = {
    k,
    characteristics: specs.map((s) => used.find((c) => c.id === s.id)).filter((c): c is CharacteristicUsed => c !== undefined),
    dropped: specs.map((s) => dropped.find((d) => d.id === s.id)).filter((d): d is CharacteristicDropped => d !== undefined),
    gemeenten: n,
    placed: m,
  };
  return { method, outcomes };
}
