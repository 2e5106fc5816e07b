/**
 * The neighbour selection and the standardisation, against values computed by hand on a small example.
 *
 * Five gemeenten, two characteristics: inwoners (log scale) and a share p (%).
 *
 *   code    inwoners  p    t = log10(inwoners)
 *   GM0001   1.000   10    3
 *   GM0002  10.000   20    4
 *   GM0003 100.000   30    5
 *   GM0004  10.000   40    4
 *   GM0005  10.000    0    4
 *
 * A z-score does not depend on the base of the logarithm (ln x = ln 10 · log10 x, and the factor cancels),
 * so work in t:
 *   t: mean 4, deviations −1 0 1 0 0, variance (1 + 1) / 5 = 0,4, sd √0,4 = 0,632456
 *      z_t = −1,581139  0  1,581139  0  0            (±1/√0,4 = ±√2,5)
 *   p: mean 20, deviations −10 0 10 20 −20, variance (100 + 100 + 400 + 400) / 5 = 200, sd √200 = 14,142136
 *      z_p = −0,707107  0  0,707107  1,414214  −1,414214
 *
 * Squared distances Δz_t² + Δz_p² (weights 1):
 *   1–2: 2,5 + 0,5 = 3    1–3: 10 + 2 = 12    1–4: 2,5 + 4,5 = 7    1–5: 2,5 + 0,5 = 3
 *   2–3: 2,5 + 0,5 = 3    2–4: 0 + 2 = 2      2–5: 0 + 2 = 2
 *   3–4: 2,5 + 0,5 = 3    3–5: 2,5 + 4,5 = 7  4–5: 0 + 8 = 8
 *
 * Nearest first (ties by code):
 *   GM0001: 2 (√3), 5 (√3), 4 (√7), 3 (√12)
 *   GM0002: 4 (√2), 5 (√2), 1 (√3), 3 (√3)
 *   GM0003: 2 (√3), 4 (√3), 5 (√7), 1 (√12)
 *   GM0004: 2 (√2), 3 (√3), 1 (√7), 5 (√8)
 *   GM0005: 2 (√2), 1 (√3), 3 (√7), 4 (√8)
 */
import { describe, expect, it } from 'vitest';
import {
  distanceBetween,
  meanAndSd,
  statisticalNeighbours,
  transformed,
  type CharacteristicSpec,
  type GemeenteCharacteristics,
  type NeighbourOutcome,
} from '../../src/lib/neighbours/neighbours';

const SPECS: CharacteristicSpec[] = [
  { id: 'inwoners', transform: 'log', weight: 1 },
  { id: 'p', transform: 'geen', weight: 1 },
];

const g = (code: string, inwoners: number | null, p: number | null): GemeenteCharacteristics => ({ code, values: { inwoners, p } });

// Given out of order on purpose: the result must not depend on it.
const EXAMPLE = [g('GM0004', 10_000, 40), g('GM0001', 1_000, 10), g('GM0003', 100_000, 30), g('GM0005', 10_000, 0), g('GM0002', 10_000, 20)];

function neighboursOf(outcome: NeighbourOutcome | undefined) {
  if (outcome?.kind !== 'buren') throw new Error(`geen buren: ${JSON.stringify(outcome)}`);
  return outcome;
}
const codes = (outcome: NeighbourOutcome | undefined) => neighboursOf(outcome).neighbours.map((n) => n.code);

describe('statistical neighbours on the hand-computed example', () => {
  const model = statisticalNeighbours(EXAMPLE, SPECS, { k: 4 });

  it('standardises each characteristic over the gemeenten (log of inwoners, population sd)', () => {
    const [inwoners, p] = model.method.characteristics;
    expect(inwoners!.mean).toBeCloseTo(4 * Math.LN10, 12);
    expect(inwoners!.sd).toBeCloseTo(Math.sqrt(0.4) * Math.LN10, 12);
    expect(p!.mean).toBe(20);
    expect(p!.sd).toBeCloseTo(14.142136, 6);
    expect(neighboursOf(model.outcomes.get('GM0001')).z.map((z) => Number(z.toFixed(6)))).toEqual([-1.581139, -0.707107]);
    expect(neighboursOf(model.outcomes.get('GM0004')).z.map((z) => Number(z.toFixed(6)))).toEqual([0, 1.414214]);
    expect(neighboursOf(model.outcomes.get('GM0003')).z.map((z) => Number(z.toFixed(6)))).toEqual([1.581139, 0.707107]);
  });

  it('orders the neighbours by distance, ties by code', () => {
    expect(codes(model.outcomes.get('GM0001'))).toEqual(['GM0002', 'GM0005', 'GM0004', 'GM0003']);
    expect(codes(model.outcomes.get('GM0002'))).toEqual(['GM0004', 'GM0005', 'GM0001', 'GM0003']);
    expect(codes(model.outcomes.get('GM0003'))).toEqual(['GM0002', 'GM0004', 'GM0005', 'GM0001']);
    expect(codes(model.outcomes.get('GM0004'))).toEqual(['GM0002', 'GM0003', 'GM0001', 'GM0005']);
    expect(codes(model.outcomes.get('GM0005'))).toEqual(['GM0002', 'GM0001', 'GM0003', 'GM0004']);
  });

  it('gives the distances computed by hand, with ranks from 1', () => {
    const first = neighboursOf(model.outcomes.get('GM0001')).neighbours;
    expect(first.map((n) => n.rank)).toEqual([1, 2, 3, 4]);
    const expected = [Math.sqrt(3), Math.sqrt(3), Math.sqrt(7), Math.sqrt(12)];
    first.forEach((n, i) => expect(n.distance).toBeCloseTo(expected[i]!, 9));
    const fourth = neighboursOf(model.outcomes.get('GM0004')).neighbours;
    [2, 3, 7, 8].forEach((sq, i) => expect(fourth[i]!.distance).toBeCloseTo(Math.sqrt(sq), 9));
  });

  it('keeps k neighbours, never the gemeente itself, and neighbours need not be mutual', () => {
    const two = statisticalNeighbours(EXAMPLE, SPECS, { k: 2 });
    for (const outcome of two.outcomes.values()) {
      expect(codes(outcome)).toHaveLength(2);
      expect(codes(outcome)).not.toContain(outcome.code);
    }
    // GM0002 is among GM0001's nearest two, but GM0001 is not among GM0002's (GM0004 and GM0005 are closer).
    expect(codes(two.outcomes.get('GM0001'))).toEqual(['GM0002', 'GM0005']);
    expect(codes(two.outcomes.get('GM0002'))).toEqual(['GM0004', 'GM0005']);
  });

  it('weighs the squared differences', () => {
    // Weight ½ on p: GM0002–GM0004 = √(0 + ½·2) = 1; GM0001–GM0004 = √(2,5 + ½·4,5) = √4,75.
    const weighted = statisticalNeighbours(EXAMPLE, [SPECS[0]!, { ...SPECS[1]!, weight: 0.5 }], { k: 4 });
    const of4 = neighboursOf(weighted.outcomes.get('GM0004')).neighbours;
    expect(of4[0]).toEqual({ code: 'GM0002', rank: 1, distance: 1 });
    expect(of4.find((n) => n.code === 'GM0001')!.distance).toBeCloseTo(Math.sqrt(4.75), 9);
  });
});

describe('missing characteristics', () => {
  it('sends a gemeente without a characteristic to the size class, and leaves the others as they were', () => {
    const withGap = [...EXAMPLE, g('GM0006', 20_000, null)];
    // 5 of 6 have p (83%): allowed here, below the default 90%.
    const model = statisticalNeighbours(withGap, SPECS, { k: 4, minCoverage: 0.8 });
    expect(model.outcomes.get('GM0006')).toEqual({ kind: 'grootteklasse', code: 'GM0006', missing: ['p'] });
    expect(model.method).toMatchObject({ gemeenten: 6, placed: 5, dropped: [] });
    // The mean and sd are over the five complete gemeenten, so nothing else changes.
    expect(model.method.characteristics[1]!.sd).toBeCloseTo(14.142136, 6);
    expect(codes(model.outcomes.get('GM0001'))).toEqual(['GM0002', 'GM0005', 'GM0004', 'GM0003']);
    for (const o of model.outcomes.values()) if (o.kind === 'buren') expect(codes(o)).not.toContain('GM0006');
  });

  it('counts a log of 0 or less as missing', () => {
    expect(transformed(0, 'log')).toBeUndefined();
    expect(transformed(-3, 'log')).toBeUndefined();
    expect(transformed(Number.NaN, 'geen')).toBeUndefined();
    expect(transformed(0, 'geen')).toBe(0);
    const model = statisticalNeighbours([...EXAMPLE, g('GM0006', 0, 25)], SPECS, { minCoverage: 0.8 });
    expect(model.outcomes.get('GM0006')).toEqual({ kind: 'grootteklasse', code: 'GM0006', missing: ['inwoners'] });
  });

  it('drops a characteristic that too few gemeenten have, and then falls back for all when too few are left', () => {
    const withGap = [...EXAMPLE, g('GM0006', 20_000, null)];
    const model = statisticalNeighbours(withGap, SPECS);
    expect(model.method.dropped).toEqual([{ id: 'p', reason: 'te-vaak-onbekend', count: 5 }]);
    expect(model.method.characteristics.map((c) => c.id)).toEqual(['inwoners']);
    expect(model.method.placed).toBe(0);
    for (const o of model.outcomes.values()) expect(o).toEqual({ kind: 'grootteklasse', code: o.code, missing: [] });
    // Allowed one characteristic, the neighbours are by size alone: GM0006 (t = 4,30) is nearest the three of 10.000.
    const bySize = statisticalNeighbours(withGap, SPECS, { k: 3, minCharacteristics: 1 });
    expect(codes(bySize.outcomes.get('GM0006'))).toEqual(['GM0002', 'GM0004', 'GM0005']);
  });

  it('drops a characteristic on which all gemeenten are the same', () => {
    const flat = EXAMPLE.map((x) => ({ code: x.code, values: { ...x.values, q: 7 } }));
    const model = statisticalNeighbours(flat, [...SPECS, { id: 'q', transform: 'geen', weight: 1 }], { k: 4 });
    expect(model.method.dropped).toEqual([{ id: 'q', reason: 'geen-spreiding', count: 5 }]);
    expect(codes(model.outcomes.get('GM0003'))).toEqual(['GM0002', 'GM0004', 'GM0005', 'GM0001']);
  });

  it('has no neighbours without gemeenten', () => {
    const model = statisticalNeighbours([], SPECS);
    expect(model.method).toMatchObject({ gemeenten: 0, placed: 0 });
    expect(model.outcomes.size).toBe(0);
  });
});

describe('the arithmetic', () => {
  it('mean and population sd', () => {
    expect(meanAndSd([10, 20, 30, 40, 0])).toEqual({ mean: 20, sd: Math.sqrt(200) });
  });
  it('weighted Euclidean distance', () => {
    expect(distanceBetween([0, 0], [3, 4], [1, 1])).toBe(5);
    expect(distanceBetween([0, 0], [3, 4], [0, 1])).toBe(4);
  });
});
