import { describe, expect, it } from 'vitest';
import { RowIndex, rowKey, type Dataset } from '../../src/lib/data/dataset';
import { convertToIndeling } from '../../src/lib/regions/convert';
import { loadRegister } from '../../src/node/reference-fs';
import { DatasetMetaSchema } from '../../src/schemas/dataset';
import { smallMeta, smallRows } from '../fixtures/small-data';

const register = loadRegister({ latestYear: 2026 });
const meta = DatasetMetaSchema.parse(smallMeta);

describe('showing a series on the latest indeling', () => {
  it('adds up the counts of merged gemeenten and recomputes the rate', () => {
    const converted = convertToIndeling({ meta, rows: smallRows() }, register);
    const index = new RowIndex(converted);
    const amsterdam2022 = converted.rows.find((r) => r.region === 'GM0363' && r.period === '2022HJ02' && r.topics[0] === 'T001')!;
    expect(amsterdam2022.converted).toBe(true);
    expect(amsterdam2022.cells[0]).toEqual({ value: 15300, symbol: null });
    expect(amsterdam2022.cells[1]).toEqual({ value: 154000, symbol: null });
    // 15.300 / 154.000 = 9,935…%: recomputed from the sums, not averaged over 10,0% and 7,5%.
    expect(amsterdam2022.cells[2]).toEqual({ value: 9.9, symbol: null });
    // Weesp no longer appears as a region of its own on the latest indeling.
    expect(converted.rows.some((r) => r.region === 'GM0457')).toBe(false);
    // A period already on the latest indeling is left as published.
    const amsterdam2023 = converted.rows.find((r) => r.region === 'GM0363' && r.period === '2023HJ01')!;
    expect(amsterdam2023.converted).toBeUndefined();
    expect(index.cell('NL01', '2022HJ02', 'jongeren_jeugdhulp', ['T001'])?.value).toBe(380000);
  });

  it('keeps every row it leaves as published, cells and all (the table pages tell the two views apart by them)', () => {
    const original = smallRows();
    const converted = convertToIndeling({ meta, rows: original }, register);
    const byKey = new Map(original.map((r) => [rowKey(r.region, r.period, r.topics), r]));
    const unchanged = converted.rows.filter((r) => !r.converted);
    expect(unchanged.length).toBeGreaterThan(0);
    // The very row object: a copy of each of some 800.000 rows took 270 MB of every thread that loads the data.
    for (const row of unchanged) expect(row).toBe(byKey.get(rowKey(row.region, row.period, row.topics))!);
    const fresh = new Set(original.map((r) => r.cells));
    expect(converted.rows.filter((r) => r.converted).every((r) => !fresh.has(r.cells))).toBe(true);
  });

  it('makes a small sum with a suppressed part unknown', () => {
    const converted = convertToIndeling({ meta, rows: smallRows() }, register);
    const young = converted.rows.find((r) => r.region === 'GM0363' && r.topics[0] === '00-12')!;
    expect(young.cells[0]).toEqual({ value: null, symbol: '.' });
    expect(young.converted).toBe(true);
  });

  it('apportions a split gemeente by its shares (Haaren 2020 → Boxtel, Oisterwijk, Tilburg, Vught)', () => {
    const haarenMeta = DatasetMetaSchema.parse({
      ...smallMeta,
      periods: [{ code: '2020HJ01', status: 'definitief' }],
      regions: ['GM0788', 'GM0757', 'GM0824', 'GM0855', 'GM0865'].map((code) => ({ code, label: register.label(code) })),
      dimensions: [],
    });
    const value = (v: number) => ({ value: v, symbol: null });
    const rows = [
      ['GM0788', 100], ['GM0757', 300], ['GM0824', 250], ['GM0855', 2000], ['GM0865', 280],
    ].map(([region, count]) => ({ region: region as string, period: '2020HJ01', topics: [], cells: [value(count as number), value(1000), value(0)] }));
    const dataset: Dataset = { meta: haarenMeta, rows };
    const converted = new RowIndex(convertToIndeling(dataset, register));
    expect(converted.cell('GM0757', '2020HJ01', 'jongeren_jeugdhulp')?.value).toBe(315); // 300 + 0,150 × 100
    expect(converted.cell('GM0824', '2020HJ01', 'jongeren_jeugdhulp')?.value).toBe(292); // 250 + 0,423 × 100 = 292,3
    expect(converted.cell('GM0855', '2020HJ01', 'jongeren_jeugdhulp')?.value).toBe(2008);
    expect(converted.cell('GM0865', '2020HJ01', 'jongeren_jeugdhulp')?.value).toBe(314);
    expect(converted.cell('GM0788', '2020HJ01', 'jongeren_jeugdhulp')).toBeUndefined();
  });
});

describe('a small suppressed part of a large sum', () => {
  it('is estimated at 5 when the rest is at least 400 (an error of at most 1%), and leaves the sum unknown below that', () => {
    const rows = smallRows();
    // Weesp's total suppressed: Amsterdam's 15.000 is large enough to carry it.
    rows[2] = { ...rows[2]!, cells: [{ value: null, symbol: '.' }, rows[2]!.cells[1]!, { value: null, symbol: '.' }] };
    const converted = convertToIndeling({ meta, rows }, register);
    const amsterdam = converted.rows.find((r) => r.region === 'GM0363' && r.period === '2022HJ02' && r.topics[0] === 'T001')!;
    expect(amsterdam.cells[0]).toEqual({ value: 15005, symbol: null });
    expect(amsterdam.converted).toBe(true);
    // 515 youths (Amsterdam's jeugdreclassering) carry a hidden part: 520, at most 4 off.
    rows[1] = { ...rows[1]!, cells: [{ value: 515, symbol: null }, rows[1]!.cells[1]!, { value: null, symbol: '.' }] };
    const amsterdamOf = (r: typeof rows) => convertToIndeling({ meta, rows: r }, register).rows.find((x) => x.region === 'GM0363' && x.period === '2022HJ02' && x.topics[0] === 'T001')!;
    expect(amsterdamOf(rows).cells[0]).toEqual({ value: 520, symbol: null });
    // A small total with a suppressed part stays unknown.
    rows[1] = { ...rows[1]!, cells: [{ value: 395, symbol: null }, rows[1]!.cells[1]!, { value: null, symbol: '.' }] };
    expect(amsterdamOf(rows).cells[0]).toEqual({ value: null, symbol: '.' });
  });
});

describe('amounts of money (the default kosten-jeugd data)', () => {
  it('adds up the lasten of merged gemeenten and computes the lasten per youth and per inhabitant again', async () => {
    const { getSiteData } = await import('../../src/node/site-data');
    const kosten = (await getSiteData()).datasets.find((d) => d.meta.id === 'kosten-jeugd')!;
    const published = (code: string, measure: string) => kosten.original.rows.find((r) => r.region === code && r.period === '2022JJ00')!.cells[kosten.meta.measures.findIndex((m) => m.id === measure)]!.value!;
    const converted = (measure: string) => kosten.index.cell('GM0363', '2022JJ00', measure);
    // Amsterdam on the indeling of 2026 is Amsterdam and Weesp of 2022.
    const lasten = published('GM0363', 'lasten_jeugd_realisatie') + published('GM0457', 'lasten_jeugd_realisatie');
    const youths = published('GM0363', 'jongeren_tot_18') + published('GM0457', 'jongeren_tot_18');
    const inhabitants = published('GM0363', 'inwoners') + published('GM0457', 'inwoners');
    expect(converted('lasten_jeugd_realisatie')).toEqual({ value: lasten, symbol: null });
    expect(converted('lasten_per_jongere_realisatie')).toEqual({ value: Math.round((lasten * 1000) / youths), symbol: null });
    expect(converted('lasten_per_inwoner_realisatie')).toEqual({ value: Math.round((lasten * 1000) / inhabitants), symbol: null });
    // Not the sum of the two per-youth amounts: a quotient is computed again, never added.
    expect(converted('lasten_per_jongere_realisatie')!.value).not.toBe(published('GM0363', 'lasten_per_jongere_realisatie') + published('GM0457', 'lasten_per_jongere_realisatie'));
    // An average income of merged gemeenten stays unknown: without their weights it cannot be computed.
    const kenmerken = (await getSiteData()).datasets.find((d) => d.meta.id === 'kenmerken')!;
    expect(kenmerken.index.cell('GM0363', '2022JJ00', 'gemiddeld_inkomen')).toEqual({ value: null, symbol: '.' });
  }, 120_000);
});
