import { describe, expect, it } from 'vitest';
import type { ObservationRow } from '../../src/lib/data/dataset';
import { aggregateCells, aggregateGroups, groupRate } from '../../src/lib/facts/aggregate';
import { testMeta, fixture, publishedIndex } from './fixture';

const meta = testMeta({
  measures: [
    { id: 'n', label: 'Jongeren met jeugdhulp', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal', concept: 'jongeren-jeugdhulp' },
    { id: 'pop', label: 'Jongeren tot 18 jaar', unit: 'aantal', decimals: 0, countOf: 'inwoners', type: 'aantal' },
    { id: 'pct', label: '%', unit: '%', decimals: 1, countOf: 'personen', type: 'rate', derived: true, rate: { numerator: 'n', denominator: 'pop', denominatorLabel: 'jongeren tot 18 jaar', per: 100 } },
    { id: 'pct_only', label: 'Indicator', unit: '%', decimals: 1, countOf: 'personen', type: 'rate', rate: { denominatorLabel: 'jongeren tot 18 jaar', per: 100 } },
  ],
  periods: [{ code: '2024HJ01', status: 'voorlopig' }],
  regions: [{ code: 'GM0014', label: 'Groningen' }],
});

const row = (region: string, n: number | null, pop: number, pct: number | null = null): ObservationRow => ({
  region,
  period: '2024HJ01',
  topics: [],
  cells: [n === null ? { value: null, symbol: '.' } : { value: n, symbol: null }, { value: pop, symbol: null }, { value: null, symbol: null }, { value: pct, symbol: pct === null ? '.' : null }],
});

describe('aggregating an average', () => {
  it('leaves an income or a density unknown for the group instead of adding up the members', () => {
    const averages = testMeta({
      measures: [
        { id: 'inwoners', label: 'Inwoners', unit: 'aantal', decimals: 0, countOf: 'inwoners', type: 'aantal' },
        { id: 'inkomen', label: 'Gemiddeld inkomen', unit: '× 1.000 euro', decimals: 1, countOf: 'inwoners', type: 'aantal' },
      ],
      periods: [{ code: '2023JJ00', status: 'voorlopig' }],
      regions: [{ code: 'GM0014', label: 'Groningen' }],
    });
    const member = (region: string, inwoners: number, inkomen: number): ObservationRow => ({
      region,
      period: '2023JJ00',
      topics: [],
      cells: [{ value: inwoners, symbol: null }, { value: inkomen, symbol: null }],
    });
    const cells = aggregateCells(averages, [member('GM0014', 240_000, 33.1), member('GM0034', 50_000, 41.0)]);
    expect(cells[0]).toEqual({ value: 290_000, symbol: null });
    expect(cells[1]).toEqual({ value: null, symbol: '.' });
  });
});

describe('aggregating gemeenten into a region', () => {
  it('sums counts and recomputes the rate from the sums, not the mean of the rates', () => {
    // 100/1.000 = 10% and 10/500 = 2%: the mean would be 6%, the group is 110/1.500 = 7,3%.
    const cells = aggregateCells(meta, [row('GM0014', 100, 1000), row('GM0034', 10, 500)]);
    expect(cells[0]).toEqual({ value: 110, symbol: null });
    expect(cells[1]).toEqual({ value: 1500, symbol: null });
    expect(cells[2]).toEqual({ value: 7.3, symbol: null });
  });

  it('makes the count and rate unknown when one member is suppressed or missing', () => {
    const suppressed = aggregateCells(meta, [row('GM0014', 100, 1000), row('GM0034', null, 500)]);
    expect(suppressed[0]).toEqual({ value: null, symbol: '.' });
    expect(suppressed[1]).toEqual({ value: 1500, symbol: null });
    expect(suppressed[2]).toEqual({ value: null, symbol: '.' });
    const missing = aggregateCells(meta, [row('GM0014', 100, 1000), undefined]);
    expect(missing[0]).toEqual({ value: null, symbol: '.' });
  });

  it('leaves a rate without counts behind it (an indicator table) unknown instead of averaging it', () => {
    const cells = aggregateCells(meta, [row('GM0014', 100, 1000, 10), row('GM0034', 10, 500, 2)]);
    expect(cells[3]).toEqual({ value: null, symbol: '.' });
  });

  it('adds rows only for groups the data does not publish', () => {
    const rows = [row('GM0014', 100, 1000), row('GM0034', 10, 500), row('PV20', 999, 9999)];
    const added = aggregateGroups(meta, rows, [
      { code: 'PV20', members: ['GM0014', 'GM0034'] },
      { code: 'JZ01', members: ['GM0014', 'GM0034'] },
      { code: 'JZ02', members: ['GM9999'] },
    ]);
    expect(added.map((r) => r.region)).toEqual(['JZ01']);
    expect(added[0]!.aggregated).toBe(true);
    expect(added[0]!.cells[0]).toEqual({ value: 110, symbol: null });
  });
});

describe('the rate of a group of peers (vergelijkbare gemeenten, or a size class)', () => {
  it('sums numerators and denominators of members that have both, and counts the others', () => {
    const group = groupRate(meta, meta.measures[2]!, [row('GM0014', 100, 1000), row('GM0034', 10, 500), row('GM0037', null, 300), undefined])!;
    expect(group.rate).toEqual({ value: 7.3, symbol: null });
    expect(group.numerator).toBe(110);
    expect(group.denominator).toBe(1500);
    expect(group.included).toBe(2);
    expect(group.excluded).toBe(2);
  });

  it('cannot be computed for a rate without numerator and denominator measures', () => {
    expect(groupRate(meta, meta.measures[3]!, [row('GM0014', 100, 1000, 10)])).toBeUndefined();
  });
});

describe('provincie and jeugdregio rows computed from the fixture gemeenten', () => {
  const { context, register } = fixture();
  const jeugdhulp = context.concept('jongeren-jeugdhulp')!.dataset;

  it('Drenthe is the sum of its twelve gemeenten, marked as computed', () => {
    const members = register.membersOf('PV22').map((g) => g.code);
    expect(members).toHaveLength(12);
    const index = publishedIndex('jeugdhulp');
    const sum = members.reduce((s, code) => s + index.cell(code, '2024HJ01', 'jongeren_jeugdhulp', ['T001'])!.value!, 0);
    const pop = members.reduce((s, code) => s + index.cell(code, '2024HJ01', 'jongeren_tot_18', ['T001'])!.value!, 0);
    const drenthe = jeugdhulp.totalRow('PV22', '2024HJ01')!;
    expect(drenthe.aggregated).toBe(true);
    expect(drenthe.cells[0]).toEqual({ value: sum, symbol: null });
    expect(drenthe.cells[4]!.value).toBeCloseTo(Math.round((sum / pop) * 1000) / 10, 5);
  });

  it('keeps the published Nederland row instead of computing one', () => {
    const row = jeugdhulp.totalRow('NL01', '2024HJ01')!;
    expect(row.aggregated ?? false).toBe(false);
    expect(jeugdhulp.source.converted.rows).toContain(row);
  });

  it('a provincie with a suppressed member has an unknown count for that figure', () => {
    // Schiermonnikoog's jeugdreclassering is suppressed, so Fryslân's (and its jeugdregio's) is unknown.
    const jr = context.concept('jongeren-jeugdreclassering')!.dataset;
    expect(jr.index.cellOf(jr.totalRow('GM0088', '2024HJ01'), 'jongeren_jr')).toEqual({ value: null, symbol: '.' });
    expect(jr.index.cellOf(jr.totalRow('PV21', '2024HJ01'), 'jongeren_jr')).toEqual({ value: null, symbol: '.' });
    expect(jr.index.cellOf(jr.totalRow('PV21', '2024HJ01'), 'jr_per_1000')).toEqual({ value: null, symbol: '.' });
    expect(jr.index.cellOf(jr.totalRow('PV22', '2024HJ01'), 'jongeren_jr')?.value).toBeGreaterThan(0);
  });
});
