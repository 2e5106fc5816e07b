/** RowIndex: the lookup from region, period and categories to a row, which every page and download goes through. */
import { describe, expect, it } from 'vitest';
import { RowIndex, type ObservationRow } from '../../src/lib/data/dataset';
import { DatasetMetaSchema } from '../../src/schemas/dataset';
import { smallMeta } from '../fixtures/small-data';

const meta = DatasetMetaSchema.parse(smallMeta);
const row = (region: string, period: string, topics: readonly string[], value: number): ObservationRow => ({ region, period, topics, cells: [{ value, symbol: null }] });

describe('RowIndex', () => {
  it('finds a row by region, period and categories, whether the list of categories is the row’s own or a new one', () => {
    const shared = Object.freeze(['T001', 'jongens']);
    const rows = [row('GM0363', '2025HJ01', shared, 1), row('GM0363', '2025HJ01', ['T001', 'meisjes'], 2), row('GM0363', '2025HJ02', shared, 3), row('NL01', '2025HJ01', shared, 4)];
    const index = new RowIndex({ meta, rows });
    expect(index.get('GM0363', '2025HJ01', ['T001', 'jongens'])).toBe(rows[0]);
    expect(index.get('GM0363', '2025HJ01', shared)).toBe(rows[0]);
    expect(index.get('GM0363', '2025HJ01', ['T001', 'meisjes'])).toBe(rows[1]);
    expect(index.get('GM0363', '2025HJ02', shared)).toBe(rows[2]);
    expect(index.get('NL01', '2025HJ01', shared)).toBe(rows[3]);
    // Another region, period or combination, or fewer categories than the rows have: no row.
    expect(index.get('GM0599', '2025HJ01', shared)).toBeUndefined();
    expect(index.get('GM0363', '2024HJ02', shared)).toBeUndefined();
    expect(index.get('GM0363', '2025HJ01', ['T001'])).toBeUndefined();
    expect(index.get('GM0363', '2025HJ01')).toBeUndefined();
    expect(index.cell('GM0363', '2025HJ01', meta.measures[0]!.id, ['T001', 'meisjes'])).toEqual({ value: 2, symbol: null });
  });

  it('finds rows without categories by region and period, and keeps the last of two rows under one key', () => {
    const rows = [row('GM0363', '2025HJ01', [], 1), row('GM0363', '2025HJ01', [], 2), row('GM0363', '2025HJ02', [], 3)];
    const index = new RowIndex({ meta, rows });
    expect(index.get('GM0363', '2025HJ01')).toBe(rows[1]);
    expect(index.get('GM0363', '2025HJ02', [])).toBe(rows[2]);
    expect(index.get('GM0363', '2025HJ02', ['T001'])).toBeUndefined();
    expect(index.rowsOf('GM0363')).toEqual(rows);
  });
});
