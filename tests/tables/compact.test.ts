import { describe, expect, it } from 'vitest';
import { decodeCell, decodeRegions, decodeSource, encodeCell, encodePeriod, encodeTable } from '../../src/lib/tables/compact';
import { buildPivot } from '../../src/lib/tables/pivot';
import { parseSelection } from '../../src/lib/tables/selection';
import { fixtureSource } from './fixture';

const source = fixtureSource();

describe('the compact JSON for the browser', () => {
  const table = JSON.parse(JSON.stringify(encodeTable(source)));
  const periods = source.periods.map((p) => JSON.parse(JSON.stringify(encodePeriod(source, p))));

  it('gives back the same regions and rows, derived measures recomputed', () => {
    expect(decodeRegions(table.regions)).toEqual(source.regions);
    const decoded = decodeSource(table, periods);
    expect(decoded.rows).toHaveLength(source.rows.length);
    const key = (r: { region: string; period: string; topics: readonly string[]; variant: string }) => `${r.region}|${r.period}|${r.topics.join()}|${r.variant}`;
    const original = new Map(source.rows.map((r) => [key(r), r]));
    for (const row of decoded.rows) expect(row.cells, key(row)).toEqual(original.get(key(row))!.cells);
  });

  it('renders the same table from the JSON as from the build’s data', () => {
    const query = 'regio=NL01,GM0363,gemeenten-PV26&perioden=2022HJ02,2023HJ01&hulpvorm=T001,01,11&rijen=regio,hulpvorm&kolommen=perioden,maat';
    const decoded = decodeSource(table, periods.slice(1));
    const selection = parseSelection(query, { meta: decoded.meta, periods: decoded.periods, regions: decoded.regions }).selection;
    expect(buildPivot(decoded, selection)).toEqual(buildPivot(source, selection));
  });

  it('stores codes and indexes, not labels, and leaves derived measures out', () => {
    const file = periods[2];
    expect(file.measures).toEqual(['trajecten', 'jongeren', 'bevolking']);
    // Region 0 is Nederland, category 0 the total, variant 0 "in both views".
    expect(file.rows.find((r: number[]) => r[0] === 0 && r[1] === 0)).toEqual([0, 0, 0, 844478, 649565, 5883648]);
    expect(JSON.stringify(file)).not.toContain('Amsterdam');
    // A wijk-less dataset of 401 regions and 3 periods: small enough to fetch on a change of selection.
    expect(JSON.stringify(table).length).toBeLessThan(30_000);
    expect(JSON.stringify(file).length).toBeLessThan(50_000);
  });

  it('keeps a symbol apart from the value, in both directions', () => {
    const cells = [
      { value: 12345, symbol: null },
      { value: null, symbol: '.' },
      { value: 0, symbol: '-' },
      { value: null, symbol: 'x' },
      { value: null, symbol: '' },
      { value: 6.2, symbol: '.' },
    ] as const;
    const encoded = cells.map((c) => encodeCell(c));
    expect(encoded).toEqual([12345, '.', '-', 'x', '', [6.2, '.']]);
    expect(encoded.map(decodeCell)).toEqual(cells);
  });
});
