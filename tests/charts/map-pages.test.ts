import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RowIndex } from '../../src/lib/data/dataset';
import { findMapMeasures, mapChartInput, mapHref, mapRows, mapTableRowsHtml, periodLinks, rateUnitText } from '../../src/lib/charts/map-pages';
import { regionHref } from '../../src/lib/pages/gemeente-links';
import { convertToIndeling } from '../../src/lib/regions/convert';
import { loadRegister } from '../../src/node/reference-fs';
import { DatasetMetaSchema, type DatasetMeta } from '../../src/schemas/dataset';
import { smallMeta, smallRows } from '../fixtures/small-data';

const register = loadRegister({ latestYear: 2026 });
const demoMetas: DatasetMeta[] = ['jeugdhulp', 'jeugdhulptrajecten', 'verwijzers', 'jeugdbescherming', 'jeugdreclassering', 'jeugdhulp-wijken'].map((id) =>
  DatasetMetaSchema.parse(JSON.parse(readFileSync(`data/${id}/meta.json`, 'utf8'))),
);

describe('which measures get a map', () => {
  it('finds the five key rates by concept in the demonstration data, first dataset first', () => {
    const found = findMapMeasures(demoMetas).map((m) => [m.slug, m.datasetId, m.measure.id, m.numerator?.id]);
    expect(found).toEqual([
      ['jeugdhulp', 'jeugdhulp', 'jongeren_jeugdhulp_pct', 'jongeren_jeugdhulp'],
      ['jeugdhulp-met-verblijf', 'jeugdhulp', 'jongeren_met_verblijf_pct', 'jongeren_met_verblijf'],
      ['jeugdbescherming', 'jeugdbescherming', 'jongeren_jeugdbescherming_pct', 'jongeren_jeugdbescherming'],
      ['jeugdreclassering', 'jeugdreclassering', 'jongeren_jeugdreclassering_pct', 'jongeren_jeugdreclassering'],
      ['gestarte-trajecten', 'jeugdhulptrajecten', 'trajecten_gestart_per_1000', 'trajecten_gestart'],
    ]);
  });

  it('falls back to every rate measure when no key concept is present', () => {
    const meta = DatasetMetaSchema.parse({
      ...smallMeta,
      measures: smallMeta.measures.map((m) => {
        const { concept: _concept, ...rest } = m;
        return rest;
      }),
    });
    expect(findMapMeasures([meta]).map((m) => [m.slug, m.measure.id])).toEqual([['jongeren-met-jeugdhulp', 'jongeren_jeugdhulp_pct']]);
    expect(rateUnitText(meta.measures[2]!)).toBe('% van de jongeren tot 18 jaar');
  });
});

describe('a map page', () => {
  const meta = DatasetMetaSchema.parse(smallMeta);
  const converted = convertToIndeling({ meta, rows: smallRows() }, register);
  const index = new RowIndex(converted);
  const mapMeasure = findMapMeasures([meta])[0]!;
  const gemeenten = register.gemeentenIn(converted.indeling).map((g) => ({ code: g.code, label: g.naam, href: regionHref(register, g.code) }));

  it('has a row per gemeente of the latest indeling, with the rate, its count and whether it was converted', () => {
    const rows = mapRows(converted, index, gemeenten, mapMeasure, '2022HJ02');
    expect(rows).toHaveLength(342);
    expect(rows[0]!.label).toBe("'s-Gravenhage");
    const amsterdam = rows.find((r) => r.code === 'GM0363')!;
    expect(amsterdam).toMatchObject({ value: 9.9, shown: '9,9', converted: true, href: '/gemeente/amsterdam/', count: { value: 15300, shown: '15.300' } });
    const without = rows.find((r) => r.code === 'GM0014')!;
    expect(without).toMatchObject({ value: null, symbol: '.', shown: '.', converted: false });
    expect(rows.some((r) => r.code === 'GM0457')).toBe(false);
    const input = mapChartInput('kaart', 'Jongeren met jeugdhulp (%), 2e halfjaar 2022', mapMeasure, rows, converted.indeling);
    expect(input).toMatchObject({ unit: '%', decimals: 1, geoYear: converted.indeling });
    // Each gemeente's shape on the map links to its page.
    expect(input.values.get('GM0363')).toEqual({ value: 9.9, symbol: null, href: '/gemeente/amsterdam/' });
    expect(input.values.get('GM0014')).toEqual({ value: null, symbol: '.', href: '/gemeente/groningen/' });
    const html = mapTableRowsHtml(rows);
    expect(html).toContain('<tr><th scope="row"><a href="/gemeente/amsterdam/">Amsterdam</a><span class="map-table__note"> omgerekend</span></th><td>9,9</td><td>15.300</td></tr>');
  });

  it('links every period, grouped by year, newest year first', () => {
    const years = periodLinks('jeugdhulp', meta.periods);
    expect(years.map((y) => y.year)).toEqual([2023, 2022]);
    expect(years[0]!.periods[0]).toEqual({ code: '2023HJ01', href: '/kaarten/jeugdhulp/2023hj01/', shortLabel: '1e halfjaar', label: '1e halfjaar 2023*', status: 'voorlopig' });
    expect(mapHref('jeugdhulp', '2022HJ02')).toBe('/kaarten/jeugdhulp/2022hj02/');
  });
});
