/**
 * Disclosure control (src/lib/disclosure): the policy, the relations someone could subtract along, what they
 * reveal (interval propagation), and the complementary suppression that stops it. Hand-computed cases first,
 * then the whole default data folder as the build loads it.
 */
import { describe, expect, it } from 'vitest';
import { DatasetMetaSchema, type DatasetMetaInput } from '../../src/schemas/dataset';
import type { ObservationRow } from '../../src/lib/data/dataset';
import type { Observation } from '../../src/lib/data/symbols';
import { cellInterval, disclosedCells, initialBounds, propagate } from '../../src/lib/disclosure/bounds';
import { protectCell, smallestPublished, violationOf } from '../../src/lib/disclosure/policy';
import { PolicyViolationError, protectRows, suppressedCells } from '../../src/lib/disclosure/protect';
import { relationAt, relationsOf, type Membership } from '../../src/lib/disclosure/relations';

const POLICY = { roundTo: 5, threshold: 10, onViolation: 'weigeren' as const };

const n = (value: number): Observation => ({ value, symbol: value === 0 ? '-' : null });
const dot: Observation = { value: null, symbol: '.' };

/** A table of youths by sex (a total and two additive categories) in a few gemeenten and their jeugdregio. */
function metaWith(overrides: Partial<DatasetMetaInput> = {}) {
  return DatasetMetaSchema.parse({
    id: 'test',
    title: 'Test',
    description: 'Test',
    source: { name: 'Test' },
    release: '2026-10-29',
    periods: [{ code: '2025HJ02', status: 'voorlopig' }],
    regions: [{ code: 'JZ01', label: 'Regio' }, { code: 'GM0001', label: 'A' }, { code: 'GM0002', label: 'B' }],
    dimensions: [{ id: 'geslacht', label: 'Geslacht', codes: [{ code: 'T', label: 'Totaal', total: true }, { code: 'M', label: 'Jongens' }, { code: 'V', label: 'Meisjes' }] }],
    measures: [
      { id: 'jongeren', label: 'Jongeren met jeugdhulp', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
      { id: 'inwoners', label: 'Inwoners', unit: 'aantal', decimals: 0, countOf: 'inwoners', type: 'aantal' },
    ],
    ...overrides,
  });
}

const row = (region: string, sex: string, count: Observation, inhabitants = 1000): ObservationRow => ({
  region,
  period: '2025HJ02',
  topics: [sex],
  cells: [count, n(inhabitants)],
});

const membership: Membership = { provincieOf: () => undefined, jeugdregioOf: (code) => (code.startsWith('GM') ? 'JZ01' : undefined) };

describe('the policy', () => {
  it('lets through rounded counts from 10, nihil and symbols; not 7, not 12', () => {
    expect(smallestPublished(POLICY)).toBe(10);
    for (const ok of [n(10), n(15), n(0), dot, { value: null, symbol: 'x' } as Observation]) expect(violationOf(ok, POLICY)).toBeUndefined();
    expect(violationOf(n(7), POLICY)).toContain('veelvoud van 5');
    expect(violationOf(n(5), POLICY)).toContain('10 of meer');
    expect(violationOf(n(12), POLICY)).toContain('veelvoud van 5');
  });

  it('protects an unrounded count: below the threshold secret, otherwise rounded', () => {
    expect(protectCell(n(7), POLICY)).toEqual(dot);
    expect(protectCell(n(12), POLICY)).toEqual(n(10));
    expect(protectCell(n(13), POLICY)).toEqual(n(15));
    expect(protectCell(n(15), POLICY)).toEqual(n(15));
  });

  it('refuses the issue’s table (7 youths: 1, 2, 3 and a suppressed one) unless the publisher chose protection', () => {
    const meta = metaWith({
      dimensions: [{ id: 'leeftijd', label: 'Leeftijd', codes: [{ code: 'T', label: 'Totaal', total: true }, { code: 'A', label: '0-4' }, { code: 'B', label: '4-12' }, { code: 'C', label: '12-18' }, { code: 'D', label: '18-23' }] }],
    });
    const rows = [row('GM0001', 'T', n(7)), row('GM0001', 'A', n(1)), row('GM0001', 'B', n(2)), row('GM0001', 'C', n(3)), row('GM0001', 'D', dot)];
    expect(() => protectRows(meta, rows, membership)).toThrow(PolicyViolationError);
    const protectedMeta = { ...meta, disclosure: { ...meta.disclosure, onViolation: 'beschermen' as const } };
    const { rows: out, report } = protectRows(protectedMeta, rows, membership);
    expect(out.map((r) => r.cells[0])).toEqual([dot, dot, dot, dot, dot]);
    expect(report.primary).toBe(4);
    // Population is public and never suppressed.
    expect(out.every((r) => r.cells[1]!.value === 1000)).toBe(true);
  });
});

describe('the relations', () => {
  it('a total and its categories, outside-the-total categories left out, non-additive dimensions without', () => {
    const meta = metaWith({
      dimensions: [{ id: 'leeftijd', label: 'Leeftijd', codes: [{ code: 'T', label: 'Tot 18', total: true }, { code: 'A', label: '0-12' }, { code: 'B', label: '12-18' }, { code: 'O', label: '18-23', outsideTotal: true }] }],
    });
    const rows = [row('GM0001', 'T', n(20)), row('GM0001', 'A', n(10)), row('GM0001', 'B', n(10)), row('GM0001', 'O', n(10))];
    const set = relationsOf(meta, rows, membership);
    const relations = Array.from({ length: set.count }, (_, i) => relationAt(set, i));
    // Cells are row × 2 measures + measure: only the count (measure 0), never the inhabitants.
    expect(relations).toEqual([{ kind: 'categorieën', total: 0, parts: [2, 4], exact: true }]);
    const overlapping = metaWith({ dimensions: [{ ...meta.dimensions[0]!, additive: false }] });
    expect(relationsOf(overlapping, rows, membership).count).toBe(0);
  });

  it('a jeugdregio and its gemeenten, a gemeente and its wijken (at most), measures that add up', () => {
    const meta = metaWith({
      dimensions: [],
      measures: [
        { id: 'totaal', label: 'Totaal', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
        { id: 'jong', label: 'Jong', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
        { id: 'oud', label: 'Oud', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
      ],
      sums: [{ total: 'totaal', parts: ['jong', 'oud'] }],
      regions: [{ code: 'JZ01', label: 'Regio' }, { code: 'GM0001', label: 'A' }, { code: 'GM0002', label: 'B' }, { code: 'WK000101', label: 'W' }],
    });
    const plain = (region: string): ObservationRow => ({ region, period: '2025HJ02', topics: [], cells: [n(20), n(10), n(10)] });
    const rows = ['JZ01', 'GM0001', 'GM0002', 'WK000101'].map(plain);
    const set = relationsOf(meta, rows, membership);
    const relations = Array.from({ length: set.count }, (_, i) => relationAt(set, i));
    expect(relations.filter((r) => r.kind === 'onderwerpen')).toHaveLength(4);
    expect(relations).toContainEqual({ kind: 'regio’s', total: 0, parts: [3, 6], exact: true });
    expect(relations).toContainEqual({ kind: 'wijken', total: 3, parts: [9], exact: false });
  });
});

describe('what a table reveals, and the complement that hides it', () => {
  it('reads each published form as the interval of true counts it allows', () => {
    expect(cellInterval(n(10), POLICY)).toEqual([10, 12]);
    expect(cellInterval(n(15), POLICY)).toEqual([13, 17]);
    expect(cellInterval(dot, POLICY)).toEqual([0, 9]);
    expect(cellInterval({ value: null, symbol: 'x' }, POLICY)).toEqual([10, Infinity]);
    expect(cellInterval(n(0), POLICY)).toEqual([0, 0]);
  });

  it('boys 15, girls suppressed, total 20: girls 3 to 7, as vague as a rounded count; total 10: 0 to 2, disclosed', () => {
    const meta = metaWith();
    const safe = [row('GM0001', 'T', n(20)), row('GM0001', 'M', n(15)), row('GM0001', 'V', dot)];
    let bounds = initialBounds(safe, 2, POLICY);
    propagate(relationsOf(meta, safe, membership), bounds);
    // total 18…22 minus boys 13…17: girls 1…9; with the total's upper 22 − 13 = 9 and lower 18 − 17 = 1.
    expect([bounds.lo[4], bounds.hi[4]]).toEqual([1, 9]);
    const unsafe = [row('GM0001', 'T', n(10)), row('GM0001', 'M', n(10)), row('GM0001', 'V', dot)];
    bounds = initialBounds(unsafe, 2, POLICY);
    const set = relationsOf(meta, unsafe, membership);
    propagate(set, bounds);
    expect([bounds.lo[4], bounds.hi[4]]).toEqual([0, 2]);
    expect(disclosedCells([4], bounds, POLICY)).toEqual([4]);

    const { rows, report } = protectRows(meta, unsafe, membership);
    expect(report).toMatchObject({ secondary: 1, unresolved: 0 });
    // Keeping the boys secret would not do (girls = at most 12 − 10); keeping the total secret does: girls 0…9.
    expect(rows.map((r) => r.cells[0])).toEqual([{ value: null, symbol: 'x' }, n(10), dot]);
    // The original rows are untouched (other versions of the table share them).
    expect(unsafe[0]!.cells[0]).toEqual(n(10));
    const after = initialBounds(rows, 2, POLICY);
    const broken = propagate(set, after);
    expect(disclosedCells(suppressedCells(set, broken, (id) => rows[Math.floor(id / 2)]!.cells[id % 2]!), after, POLICY)).toEqual([]);
  });

  it('a jeugdregio minus its other gemeente: the gemeente is protected by a complement in the region', () => {
    const meta = metaWith({ dimensions: [] });
    const plain = (region: string, count: Observation): ObservationRow => ({ region, period: '2025HJ02', topics: [], cells: [count, n(1000)] });
    const rows = [plain('JZ01', n(30)), plain('GM0001', n(25)), plain('GM0002', dot)];
    const { rows: out, report } = protectRows(meta, rows, membership);
    // 28…32 minus 23…27: 1…9, wide enough. With 10 and 10 it is 0…2: both published counts are at least 10.
    expect(report.secondary).toBe(0);
    const tight = [plain('JZ01', n(10)), plain('GM0001', n(10)), plain('GM0002', dot)];
    const result = protectRows(meta, tight, membership);
    expect(result.report.secondary).toBe(1);
    expect(result.rows[0]!.cells[0]).toEqual({ value: null, symbol: 'x' });
    expect(out[1]!.cells[0]).toEqual(n(25));
  });
});

describe('the build log', () => {
  it('says all tables came protected, or warns how many were protected again and what that did', async () => {
    const { disclosureLogLine } = await import('../../src/lib/disclosure/summary');
    const stored = { stored: true, primary: 0, secondary: 0, unresolved: 0 };
    expect(disclosureLogLine([stored, stored])).toEqual({ level: 'info', text: 'Geheimhouding: alle 2 tabellen (met eerdere publicaties) zijn beschermd weggeschreven en ongewijzigd.' });
    const line = disclosureLogLine([stored, { stored: false, primary: 2, secondary: 3, unresolved: 0 }]);
    expect(line.level).toBe('warn');
    expect(line.text).toContain('1 van 2 tabellen');
    expect(line.text).toContain('2 aantallen afgerond of afgeschermd volgens het beleid, 3 extra afgeschermd (x).');
  });
});
