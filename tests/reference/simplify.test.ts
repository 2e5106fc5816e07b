import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findJunctions,
  orientRing,
  positionKey,
  ringArea,
  simplifyLine,
  simplifyPolygons,
  simplifyRing,
  type PolygonRings,
  type Position,
  type Ring,
  type SimplifyOptions,
} from '../../src/lib/geo/simplify';

const OPTIONS: SimplifyOptions = { tolerance: 0.0006, decimals: 3, minArea: 2e-6 };

/** A repeatable pseudo-random sequence, so the test rings are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * A ring shaped like a gemeente near Utrecht: about 10 by 7 km, its border wandering in and out like a
 * ditch-and-road boundary, 600 vertices some 50 m apart, clockwise as in the CBS files.
 */
function gemeenteLikeRing(centre: Position = [5.12, 52.09], seed = 7): Ring {
  const next = random(seed);
  const ring: Ring = [];
  let wobble = 0;
  for (let i = 0; i < 600; i++) {
    const angle = (-2 * Math.PI * i) / 600;
    wobble = 0.8 * wobble + 0.2 * (next() - 0.5);
    const radius = 1 + 0.15 * Math.sin(3 * angle) + wobble * 0.3;
    ring.push([centre[0] + 0.07 * radius * Math.cos(angle), centre[1] + 0.03 * radius * Math.sin(angle)]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

function isClosed(ring: Ring): boolean {
  return positionKey(ring[0]!) === positionKey(ring[ring.length - 1]!);
}

function polygonFeature(polygons: PolygonRings[]) {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

describe('simplifyLine (Douglas–Peucker)', () => {
  it('keeps the end points and drops vertices within the tolerance', () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.0001],
      [2, -0.0001],
      [3, 0],
    ];
    expect(simplifyLine(line, 0.001)).toEqual([
      [0, 0],
      [3, 0],
    ]);
  });

  it('keeps a vertex farther away than the tolerance', () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.5],
      [2, 0],
    ];
    expect(simplifyLine(line, 0.1)).toEqual(line);
  });
});

describe('simplifyRing', () => {
  const ring = gemeenteLikeRing();

  it('keeps a realistic ring closed, with fewer vertices, rounded to 3 decimals', () => {
    const simplified = simplifyRing(ring, OPTIONS)!;
    expect(simplified).not.toBeNull();
    expect(isClosed(simplified)).toBe(true);
    expect(simplified.length).toBeGreaterThanOrEqual(4);
    expect(simplified.length).toBeLessThan(ring.length / 2);
    for (const [x, y] of simplified) {
      expect(Math.round(x * 1000) / 1000).toBe(x);
      expect(Math.round(y * 1000) / 1000).toBe(y);
    }
  });

  it('keeps the area within a few percent', () => {
    const simplified = simplifyRing(ring, OPTIONS)!;
    expect(Math.abs(ringArea(simplified) / ringArea(ring) - 1)).toBeLessThan(0.03);
  });

  it('has no repeated consecutive vertices after rounding', () => {
    const simplified = simplifyRing(ring, OPTIONS)!;
    for (let i = 0; i + 1 < simplified.length; i++) expect(positionKey(simplified[i]!)).not.toBe(positionKey(simplified[i + 1]!));
  });

  it('drops a ring that collapses below the minimum area', () => {
    // A ditch-side speck of a few square metres, as the CBS files have along borders.
    const speck: Ring = [
      [5.1, 52.1],
      [5.10002, 52.1],
      [5.10002, 52.10001],
      [5.1, 52.1],
    ];
    expect(simplifyRing(speck, OPTIONS)).toBeNull();
  });

  it('gives the same result whichever vertex the ring starts at', () => {
    const open = ring.slice(0, -1);
    const rotated: Ring = [...open.slice(217), ...open.slice(0, 217), open[217]!];
    const a = simplifyRing(ring, OPTIONS)!;
    const b = simplifyRing(rotated, OPTIONS)!;
    expect(new Set(b.map(positionKey))).toEqual(new Set(a.map(positionKey)));
  });
});

describe('shared borders', () => {
  /** Two gemeenten side by side whose common border wiggles; each ring holds its own copy of it. */
  function neighbours(): [Ring, Ring] {
    const next = random(3);
    const border: Position[] = [];
    for (let i = 0; i <= 200; i++) border.push([5 + 0.002 * (next() - 0.5), 52 + i * 0.0005]);
    const top = border[border.length - 1]!;
    const bottom = border[0]!;
    // West: up the border, then round the west side (clockwise seen from above).
    const west: Ring = [...border, [4.9, top[1]], [4.9, bottom[1]], bottom];
    // East: down the border, then round the east side.
    const east: Ring = [...border.slice().reverse(), [5.1, bottom[1]], [5.1, top[1]], top];
    return [west.map((p) => [p[0], p[1]]), east.map((p) => [p[0], p[1]])];
  }

  it('finds the two ends of the common border as junctions', () => {
    const [west, east] = neighbours();
    const junctions = findJunctions([west, east]);
    expect(junctions).toEqual(new Set([positionKey(west[0]!), positionKey(west[200]!)]));
  });

  it('keeps the same vertices on both sides of the border, so no slivers open', () => {
    const [west, east] = neighbours();
    const junctions = findJunctions([west, east]);
    const options = { ...OPTIONS, isAnchor: (p: Position) => junctions.has(positionKey(p)) };
    const a = simplifyRing(west, options)!;
    const b = simplifyRing(east, options)!;
    const onBorder = (r: Ring) => new Set(r.filter((p) => p[0] > 4.99 && p[0] < 5.01).map(positionKey));
    expect(onBorder(a)).toEqual(onBorder(b));
    expect(onBorder(a).size).toBeGreaterThan(2);
  });

  it('keeps an enclave and the hole it fills identical', () => {
    const enclave = gemeenteLikeRing([5.5, 52.3], 11);
    const hole = enclave.slice().reverse();
    const outer: Ring = [
      [5.3, 52.2],
      [5.3, 52.4],
      [5.7, 52.4],
      [5.7, 52.2],
      [5.3, 52.2],
    ];
    const junctions = findJunctions([outer, hole, enclave]);
    const options = { ...OPTIONS, isAnchor: (p: Position) => junctions.has(positionKey(p)) };
    const [withHole] = simplifyPolygons([[outer, hole]], options);
    const [filling] = simplifyPolygons([[enclave]], options);
    expect(new Set(withHole![1]!.map(positionKey))).toEqual(new Set(filling![0]!.map(positionKey)));
  });
});

describe('winding for d3-geo', () => {
  it('makes exterior rings clockwise and holes anticlockwise', () => {
    const anticlockwise = gemeenteLikeRing().slice().reverse();
    const hole = gemeenteLikeRing([5.12, 52.09], 5).map(([x, y]): Position => [5.12 + (x - 5.12) / 4, 52.09 + (y - 52.09) / 4]);
    const [polygon] = simplifyPolygons([[anticlockwise, hole]], OPTIONS);
    expect(ringArea(polygon![0]!)).toBeLessThan(0);
    expect(ringArea(polygon![1]!)).toBeGreaterThan(0);
  });

  it('gives d3-geo a small area, not the whole globe', () => {
    const polygons = simplifyPolygons([[gemeenteLikeRing().slice().reverse()]], OPTIONS);
    const area = geoArea(polygonFeature(polygons));
    expect(area).toBeGreaterThan(0);
    expect(area).toBeLessThan(0.001);
    // The same ring wound the other way is the rest of the sphere: this is what the winding prevents.
    const inverted = polygons.map((p) => p.map((r) => orientRing(r, false)));
    expect(geoArea(polygonFeature(inverted))).toBeGreaterThan(12);
  });
});

const SHARED_GEO = resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env['SHARED_DIR'] ?? '../shared', 'geo/gemeente_2022.geojson');
if (!existsSync(SHARED_GEO)) console.warn(`Overgeslagen: de echte CBS-kaart ${SHARED_GEO} ontbreekt (../shared is er niet).`);

describe.skipIf(!existsSync(SHARED_GEO))('on the real CBS map of 2022 (../shared)', () => {
  const polygonsOf = (g: { type: string; coordinates: unknown }) =>
    (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PolygonRings[];
  let rings: Ring[] = [];
  let simplified: Array<{ code: string; polygons: PolygonRings[] }> = [];

  // Read in beforeAll, not in the describe body: the body also runs when the block is skipped.
  beforeAll(() => {
    const collection = JSON.parse(readFileSync(SHARED_GEO, 'utf8')) as {
      features: Array<{ properties: { statcode: string }; geometry: { type: string; coordinates: unknown } }>;
    };
    rings = collection.features.flatMap((f) => polygonsOf(f.geometry).flat());
    const junctions = findJunctions(rings);
    const options = { ...OPTIONS, tolerance: 0.003, isAnchor: (p: Position) => junctions.has(positionKey(p)) };
    simplified = collection.features.map((f) => ({ code: f.properties.statcode, polygons: simplifyPolygons(polygonsOf(f.geometry), options) }));
  });

  it('keeps every gemeente, with closed rings of at least 4 positions', () => {
    for (const f of simplified) {
      expect(f.polygons.length, f.code).toBeGreaterThan(0);
      for (const ring of f.polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(isClosed(ring)).toBe(true);
      }
    }
  });

  it('gives every gemeente a small area in d3-geo', () => {
    for (const f of simplified) expect(geoArea(polygonFeature(f.polygons)), f.code).toBeLessThan(0.001);
  });

  it('opens no slivers between neighbours', () => {
    // Edges used by one ring only are the coast and the national border; gaps between neighbours would add
    // both sides of every gap to them.
    const loneEdgeLength = (all: Ring[]) => {
      const counts = new Map<string, { n: number; length: number }>();
      for (const ring of all) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, b] = [positionKey(ring[i]!), positionKey(ring[i + 1]!)].sort();
          const entry = counts.get(`${a}|${b}`) ?? { n: 0, length: Math.hypot(ring[i]![0] - ring[i + 1]![0], ring[i]![1] - ring[i + 1]![1]) };
          entry.n++;
          counts.set(`${a}|${b}`, entry);
        }
      }
      return [...counts.values()].filter((e) => e.n === 1).reduce((sum, e) => sum + e.length, 0);
    };
    const before = loneEdgeLength(rings);
    const after = loneEdgeLength(simplified.flatMap((f) => f.polygons.flat()));
    expect(after).toBeLessThan(before * 1.05);
  });
});
