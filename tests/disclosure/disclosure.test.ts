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
    // CBS's own tables publish 10 for 8 and 9 too: a published count says nothing more than its rounding.
    expect(cellInterval(n(10), POLICY)).toEqual([8, 12]);
    expect(cellInterval(n(15), POLICY)).toEqual([13, 17]);
    expect(cellInterval(dot, POLICY)).toEqual([0, 9]);
    expect(cellInterval({ value: null, symbol: 'x' }, POLICY)).toEqual([8, Infinity]);
    expect(cellInterval(n(0), POLICY)).toEqual([0, 0]);
  });

  it('one sum alone narrows a suppressed count no more than rounding: boys 10 of 10 leave the girls 0 to 4', () => {
    const meta = metaWith();
    const rows = [row('GM0001', 'T', n(10)), row('GM0001', 'M', n(10)), row('GM0001', 'V', dot)];
    const bounds = initialBounds(rows, 2, POLICY);
    propagate(relationsOf(meta, rows, membership), bounds);
    // 8…12 minus 8…12: at most 4, five possible values, as many as behind a published count.
    expect([bounds.lo[4], bounds.hi[4]]).toEqual([0, 4]);
    expect(disclosedCells([4], bounds, POLICY)).toEqual([]);
    expect(protectRows(meta, rows, membership).report.secondary).toBe(0);
  });

  it('two sums together do: girls 0 to 4 by the gemeente’s total, 1 to 9 by the jeugdregio’s; a complement hides them', () => {
    const meta = metaWith();
    const rows = [
      row('GM0002', 'T', n(10)),
      row('GM0002', 'M', n(10)),
      row('GM0002', 'V', dot),
      row('GM0001', 'V', n(10)),
      row('JZ01', 'V', n(15)),
    ];
    const set = relationsOf(meta, rows, membership);
    const bounds = initialBounds(rows, 2, POLICY);
    propagate(set, bounds);
    // Girls of GM0002 (row 2, cell 4): 0…4 from 10 − 10, and 13…17 − 8…12 = 1…9 from the jeugdregio: 1…4.
    expect([bounds.lo[4], bounds.hi[4]]).toEqual([1, 4]);
    expect(disclosedCells([4], bounds, POLICY)).toEqual([4]);

    const { rows: out, report } = protectRows(meta, rows, membership);
    expect(report).toMatchObject({ unresolved: 0 });
    expect(report.secondary).toBeGreaterThan(0);
    expect(out.filter((r) => r.cells[0]!.symbol === 'x').length).toBe(report.secondary);
    // The original rows are untouched (other versions of the table share them).
    expect(rows.map((r) => r.cells[0])).toEqual([n(10), n(10), dot, n(10), n(15)]);
    const after = initialBounds(out, 2, POLICY);
    const broken = propagate(set, after);
    expect(disclosedCells(suppressedCells(set, broken, (id) => out[Math.floor(id / 2)]!.cells[id % 2]!), after, POLICY)).toEqual([]);
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

describe('the releases of a table', () => {
  it('keep a count secret in every release once one release keeps it secret, rates following', async () => {
    const { unifySecrets } = await import('../../src/lib/disclosure/protect');
    const meta = metaWith();
    const older = [row('GM0001', 'T', n(20)), row('GM0001', 'M', n(10))];
    const newer = [row('GM0001', 'T', { value: null, symbol: 'x' }), row('GM0001', 'M', n(10))];
    const { versions, added } = unifySecrets(meta, [newer, older]);
    expect(added).toBe(1);
    expect(versions[1]!.map((r) => r.cells[0])).toEqual([{ value: null, symbol: 'x' }, n(10)]);
    // The older release's own rows are not changed in place (other versions may share them).
    expect(older[0]!.cells[0]).toEqual(n(20));
  });
});
