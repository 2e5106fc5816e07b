/**
 * Simplification of municipal boundaries for the maps: Douglas–Peucker per ring, with two additions that
 * matter for a choropleth of neighbouring areas.
 *
 * - Shared borders stay shared. A border between two gemeenten is stored twice, once in each ring and in
 *   opposite directions. Simplifying each ring on its own would keep different vertices on each side and
 *   open slivers between neighbours. So every ring is cut at its junctions (where the set of rings a vertex
 *   belongs to changes) and each piece is simplified in one canonical direction: both neighbours then keep
 *   the same vertices.
 * - Winding follows d3-geo. d3-geo works on the sphere and takes a clockwise exterior ring (as seen on a
 *   map, x east and y north) to enclose the small area; an anticlockwise one encloses the rest of the
 *   globe. (This is the opposite of RFC 7946.) Exterior rings are made clockwise, holes anticlockwise.
 *
 * Pure functions on plain coordinate arrays, in degrees (longitude, latitude).
 */

export type Position = [number, number];
/** A closed ring: the last position equals the first. */
export type Ring = Position[];
/** Exterior ring first, then its holes. */
export type PolygonRings = Ring[];

export interface SimplifyOptions {
  /** Largest distance (in degrees) between a dropped vertex and the simplified line. */
  tolerance: number;
  /** Number of decimals kept; 3 decimals is about 70–110 m in the Netherlands. */
  decimals: number;
  /** Rings enclosing less than this (in square degrees) after simplification are dropped. */
  minArea: number;
  /** Vertices that must be kept, such as the junctions from {@link findJunctions}. */
  isAnchor?: (p: Position) => boolean;
}

/** Key of a position for sets and maps; exact, since shared borders repeat exactly the same numbers. */
export function positionKey(p: Position): string {
  return `${p[0]},${p[1]}`;
}

/**
 * Signed planar area of a ring (shoelace formula): positive when anticlockwise with x east and y north,
 * negative when clockwise.
 */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Distance from p to the segment a–b (to a itself when a and b coincide). */
function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Douglas–Peucker on an open polyline; the first and last points are always kept. Iterative, so long
 * coastlines cannot overflow the stack.
 */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let maxDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > maxDistance) {
        maxDistance = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function comparePositions(a: Position, b: Position): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Simplifies a piece between two anchors the same way whichever direction it is walked in. */
function simplifyPiece(piece: Position[], tolerance: number): Position[] {
  const reversed = comparePositions(piece[0]!, piece[piece.length - 1]!) > 0;
  if (!reversed) return simplifyLine(piece, tolerance);
  return simplifyLine(piece.slice().reverse(), tolerance).reverse();
}

/**
 * Where to cut a ring that has fewer than two anchors (an island, or a gemeente wholly inside another):
 * the smallest vertex and the vertex farthest from it. Both depend only on the set of vertices, so a hole
 * and the enclave that fills it are cut at the same places.
 */
function canonicalCuts(open: readonly Position[], anchors: number[]): number[] {
  let start = anchors[0];
  if (start === undefined) {
    start = 0;
    for (let i = 1; i < open.length; i++) if (comparePositions(open[i]!, open[start]!) < 0) start = i;
  }
  const origin = open[start]!;
  let far = start;
  let farDistance = -1;
  for (let i = 0; i < open.length; i++) {
    const d = Math.hypot(open[i]![0] - origin[0], open[i]![1] - origin[1]);
    if (d > farDistance || (d === farDistance && comparePositions(open[i]!, open[far]!) < 0)) {
      farDistance = d;
      far = i;
    }
  }
  return [start, far].sort((a, b) => a - b);
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Adding 0 turns -0 into 0, so JSON never shows "-0".
  return Math.round(value * factor) / factor + 0;
}

/** Rounds positions and drops the repeats that rounding creates. */
function roundRing(points: readonly Position[], decimals: number): Position[] {
  const out: Position[] = [];
  for (const p of points) {
    const q: Position = [roundTo(p[0], decimals), roundTo(p[1], decimals)];
    const previous = out[out.length - 1];
    if (!previous || previous[0] !== q[0] || previous[1] !== q[1]) out.push(q);
  }
  return out;
}

/**
 * Simplifies one closed ring. Returns null when it collapses: fewer than three distinct vertices, or an
 * area below `minArea`. The result is closed and has at least four positions.
 */
export function simplifyRing(ring: Ring, options: SimplifyOptions): Ring | null {
  const closed = ring.length > 1 && positionKey(ring[0]!) === positionKey(ring[ring.length - 1]!);
  const open = closed ? ring.slice(0, -1) : ring.slice();
  if (open.length < 3) return null;

  const isAnchor = options.isAnchor ?? (() => false);
  let cuts = open.flatMap((p, i) => (isAnchor(p) ? [i] : []));
  if (cuts.length < 2) cuts = canonicalCuts(open, cuts);

  const kept: Position[] = [];
  for (let c = 0; c < cuts.length; c++) {
    const from = cuts[c]!;
    const to = cuts[(c + 1) % cuts.length]!;
    // The piece runs from one cut to the next, wrapping round the end of the ring for the last one.
    const piece = to > from ? open.slice(from, to + 1) : [...open.slice(from), ...open.slice(0, to + 1)];
    kept.push(...simplifyPiece(piece, options.tolerance).slice(0, -1));
  }

  const rounded = roundRing(kept, options.decimals);
  while (rounded.length > 1 && positionKey(rounded[0]!) === positionKey(rounded[rounded.length - 1]!)) rounded.pop();
  if (rounded.length < 3) return null;
  const result: Ring = [...rounded, [rounded[0]![0], rounded[0]![1]]];
  return Math.abs(ringArea(result)) < options.minArea ? null : result;
}

/** The ring with the winding d3-geo needs: clockwise for an exterior ring, anticlockwise for a hole. */
export function orientRing(ring: Ring, exterior: boolean): Ring {
  const clockwise = ringArea(ring) < 0;
  return clockwise === exterior ? ring : ring.slice().reverse();
}

/**
 * Simplifies polygons (exterior ring first, then holes). A polygon whose exterior collapses is dropped with
 * its holes; collapsed holes are dropped on their own. Rings come out wound for d3-geo.
 */
export function simplifyPolygons(polygons: readonly PolygonRings[], options: SimplifyOptions): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (const [exterior, ...holes] of polygons) {
    if (!exterior) continue;
    const outer = simplifyRing(exterior, options);
    if (!outer) continue;
    const inner = holes.flatMap((hole) => {
      const simplified = simplifyRing(hole, options);
      return simplified ? [orientRing(simplified, false)] : [];
    });
    out.push([orientRing(outer, true), ...inner]);
  }
  return out;
}

/**
 * The junctions of a set of rings: the ends of every shared border, such as where three gemeenten meet or
 * where the border between two reaches the coast. Keeping these fixed, and simplifying the pieces between
 * them, keeps neighbours' borders identical.
 *
 * A vertex is a junction when it is shared by two or more rings and a vertex next to it, in any ring, is
 * not shared by all of those rings: the shared border it lies on stops there. Vertices used by one ring
 * only never need fixing, since no neighbour has to agree on them.
 */
export function findJunctions(rings: readonly Ring[]): Set<string> {
  const owners = new Map<string, Set<number>>();
  rings.forEach((ring, r) => {
    for (const p of ring) {
      const key = positionKey(p);
      const set = owners.get(key) ?? new Set<number>();
      set.add(r);
      owners.set(key, set);
    }
  });
  const sharedByAll = (neighbour: Set<number>, own: Set<number>) => [...own].every((r) => neighbour.has(r));
  const junctions = new Set<string>();
  for (const ring of rings) {
    const closed = ring.length > 1 && positionKey(ring[0]!) === positionKey(ring[ring.length - 1]!);
    const open = closed ? ring.slice(0, -1) : ring;
    const sets = open.map((p) => owners.get(positionKey(p))!);
    for (let i = 0; i < open.length; i++) {
      const own = sets[i]!;
      if (own.size < 2) continue;
      const previous = sets[(i - 1 + open.length) % open.length]!;
      const next = sets[(i + 1) % open.length]!;
      if (!sharedByAll(previous, own) || !sharedByAll(next, own)) junctions.add(positionKey(open[i]!));
    }
  }
  return junctions;
}
