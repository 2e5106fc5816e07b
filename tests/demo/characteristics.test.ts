/**
 * The fictitious characteristics of gemeenten (dataset `kenmerken`, src/lib/demo/characteristics.ts): every
 * gemeente of each year's indeling, the demonstration data's own population, Nederland as the weighted mean of
 * its gemeenten, CBS's orders of magnitude, no disclosure control, and a relation with jeugdhulp use that a
 * model can find.
 */
import { describe, expect, it } from 'vitest';
import { rowKey } from '../../src/lib/data/dataset';
import { KENMERKEN_MEASURE_IDS } from '../../src/lib/data/kenmerken';
import type { DemoData, DemoDataset } from '../../src/lib/demo/generate';
import { PopulationModel, under18 } from '../../src/lib/demo/population';
import { isProtectedCount } from '../../src/lib/disclosure/policy';
import { convertToIndeling } from '../../src/lib/regions/convert';
import { defaultDemo, demo, formerPopulation, register } from './helpers';

const dataset = (data: DemoData, id: string): DemoDataset => data.datasets.find((d) => d.meta.id === id)!;

/** Pearson's correlation. */
function correlation(x: readonly number[], y: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(x), mean(y)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** R² of an ordinary least-squares fit of y on the columns of x (with an intercept), by the normal equations. */
function rSquared(x: ReadonlyArray<readonly number[]>, y: readonly number[]): number {
  const rows = x.map((r) => [1, ...r]);
  const k = rows[0]!.length;
  const a = Array.from({ length: k }, (_, i) => [...Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0)), rows.reduce((s, r, n) => s + r[i]! * y[n]!, 0)]);
  for (let c = 0; c < k; c++) {
    const pivot = a[c]![c]!;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / pivot;
      for (let j = c; j <= k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  const beta = a.map((row, i) => row[k]! / row[i]!);
  const fitted = rows.map((r) => r.reduce((s, v, i) => s + v * beta[i]!, 0));
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  const residual = y.reduce((s, v, i) => s + (v - fitted[i]!) ** 2, 0);
  const total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return 1 - residual / total;
}

describe('the characteristics of gemeenten in the default demonstration data', () => {
  const data = defaultDemo();
  const kenmerken = dataset(data, 'kenmerken');
  const index = new Map(kenmerken.meta.measures.map((m, i) => [m.id, i]));
  const value = (region: string, year: number, measure: string) =>
    kenmerken.rows.find((r) => r.region === region && r.period === `${year}JJ00`)?.cells[index.get(measure)!]?.value;

  it('has the agreed measures, with units, definitions and no count of persons in care', () => {
    expect(kenmerken.meta.measures.map((m) => m.id)).toEqual([...KENMERKEN_MEASURE_IDS]);
    expect(Object.fromEntries(kenmerken.meta.measures.map((m) => [m.id, m.unit]))).toEqual({
      inwoners: 'aantal',
      aandeel_jongeren_tot_18: '%',
      eenoudergezinnen: '%',
      huishoudens_bijstand: '%',
      jongeren_laag_inkomen: '%',
      gemiddeld_inkomen: '× 1.000 euro',
      omgevingsadressendichtheid: 'adressen per km²',
    });
    expect(kenmerken.meta.measures.find((m) => m.id === 'eenoudergezinnen')!.rate?.denominatorLabel).toBe('huishoudens met kinderen');
    for (const m of kenmerken.meta.measures) {
      expect(m.definition.length, m.id).toBeGreaterThan(60);
      expect(isProtectedCount(m), m.id).toBe(false);
      expect(m.concept, m.id).toBeUndefined();
    }
    expect(kenmerken.meta.fictitious).toBe(true);
  });

  it('has a row for every gemeente in every year of its own indeling, 2015–2025, and for Nederland', () => {
    const reg = register();
    expect(kenmerken.meta.periods.map((p) => p.code)).toEqual(Array.from({ length: 11 }, (_, i) => `${2015 + i}JJ00`));
    for (let year = 2015; year <= 2025; year++) {
      const regions = kenmerken.rows.filter((r) => r.period === `${year}JJ00`).map((r) => r.region);
      expect(regions.filter((r) => r.startsWith('GM')).sort()).toEqual(reg.gemeentenIn(year).map((g) => g.code).sort());
      expect(regions).toContain('NL01');
    }
    // Weesp until its last year, then part of Amsterdam.
    expect(kenmerken.rows.filter((r) => r.region === 'GM0457').map((r) => r.period).at(-1)).toBe('2022JJ00');
    expect(value('GM0363', 2023, 'inwoners')! - value('GM0363', 2022, 'inwoners')!).toBeGreaterThan(value('GM0457', 2022, 'inwoners')! * 0.8);
  });

  it('publishes every figure: nothing suppressed or rounded to fives', () => {
    const cells = kenmerken.rows.flatMap((r) => r.cells);
    expect(cells.filter((c) => c.value === null)).toEqual([]);
    const inwoners = kenmerken.rows.map((r) => r.cells[0]!.value!);
    expect(inwoners.filter((n) => n % 5 !== 0).length).toBeGreaterThan(inwoners.length / 2);
    expect(Math.min(...inwoners)).toBeLessThan(1_500); // Schiermonnikoog
  });

  it('uses the population of the other tables: inhabitants and youths under 18', () => {
    const population = new PopulationModel(register(), formerPopulation(), { first: 2015, last: 2026 });
    for (const [code, year] of [['GM0363', 2025], ['GM0088', 2020], ['GM0457', 2016]] as const) {
      expect(value(code, year, 'inwoners')).toBe(Math.round(population.vector(code, year).inwoners));
      const youths = Math.round(under18(population.groups(code, year)));
      expect(value(code, year, 'aandeel_jongeren_tot_18')).toBeCloseTo((100 * youths) / value(code, year, 'inwoners')!, 1);
    }
    // The same youths as jongeren_tot_18 in jeugdbescherming (rounded to fives there).
    const jb = dataset(data, 'jeugdbescherming');
    const youthsColumn = jb.meta.measures.findIndex((m) => m.id === 'jongeren_tot_18');
    const published = jb.rows.find((r) => r.region === 'GM0363' && r.period === '2025HJ01' && r.topics[0] === 'T001')!.cells[youthsColumn]!.value!;
    expect(Math.abs((value('GM0363', 2025, 'aandeel_jongeren_tot_18')! / 100) * value('GM0363', 2025, 'inwoners')! - published)).toBeLessThan(500);
  });

  it('has the orders of magnitude of CBS for Nederland in 2025', () => {
    const nl = (measure: string) => value('NL01', 2025, measure)!;
    expect(nl('aandeel_jongeren_tot_18')).toBeGreaterThan(17);
    expect(nl('aandeel_jongeren_tot_18')).toBeLessThan(22);
    expect(nl('eenoudergezinnen')).toBeGreaterThan(22);
    expect(nl('eenoudergezinnen')).toBeLessThan(29);
    expect(nl('huishoudens_bijstand')).toBeGreaterThan(4);
    expect(nl('huishoudens_bijstand')).toBeLessThan(6.5);
    expect(nl('jongeren_laag_inkomen')).toBeGreaterThan(5.5);
    expect(nl('jongeren_laag_inkomen')).toBeLessThan(9);
    expect(nl('gemiddeld_inkomen')).toBeGreaterThan(35);
    expect(nl('gemiddeld_inkomen')).toBeLessThan(42);
    // Urbanity from the Wadden to Amsterdam.
    expect(value('GM0088', 2025, 'omgevingsadressendichtheid')).toBeLessThan(400);
    expect(value('GM0363', 2025, 'omgevingsadressendichtheid')).toBeGreaterThan(3_500);
  });

  it('makes Nederland and each provincie the weighted mean of their gemeenten', () => {
    const gemeenten = kenmerken.rows.filter((r) => r.period === '2021JJ00' && r.region.startsWith('GM'));
    const nl = kenmerken.rows.find((r) => r.period === '2021JJ00' && r.region === 'NL01')!;
    const col = (id: string) => index.get(id)!;
    const inwoners = gemeenten.reduce((s, r) => s + r.cells[col('inwoners')]!.value!, 0);
    expect(nl.cells[col('inwoners')]!.value).toBe(inwoners);
    const weighted = (id: string) => gemeenten.reduce((s, r) => s + r.cells[col(id)]!.value! * r.cells[col('inwoners')]!.value!, 0) / inwoners;
    // Gemeente figures are rounded to one decimal (income) or a whole number (density): the mean of the rounded ones is close.
    expect(Math.abs(weighted('gemiddeld_inkomen') - nl.cells[col('gemiddeld_inkomen')]!.value!)).toBeLessThan(0.1);
    expect(Math.abs(weighted('omgevingsadressendichtheid') - nl.cells[col('omgevingsadressendichtheid')]!.value!)).toBeLessThan(1);
    const provincie = kenmerken.rows.find((r) => r.period === '2021JJ00' && r.region === 'PV27')!;
    const members = gemeenten.filter((r) => register().provincieOf(r.region) === 'PV27');
    expect(provincie.cells[col('inwoners')]!.value).toBe(members.reduce((s, r) => s + r.cells[col('inwoners')]!.value!, 0));
  });

  it('goes with the gemeente’s own jeugdhulp use, so that a model has something to find', () => {
    const jeugdhulp = dataset(data, 'jeugdhulp');
    const [count, youths] = ['jongeren_jeugdhulp', 'jongeren'].map((id) => jeugdhulp.meta.measures.findIndex((m) => m.id === id));
    const rate = new Map<string, number>();
    for (const r of jeugdhulp.rows) {
      if (r.period !== '2025HJ02' || !r.region.startsWith('GM') || r.topics.join() !== 'T001,T001038') continue;
      const [n, d] = [r.cells[count!]!.value, r.cells[youths!]!.value];
      if (n !== null && d) rate.set(r.region, n / d);
    }
    const rows = kenmerken.rows.filter((r) => r.period === '2025JJ00' && rate.has(r.region));
    expect(rows.length).toBeGreaterThan(300);
    const y = rows.map((r) => rate.get(r.region)!);
    const x = (id: string) => rows.map((r) => r.cells[index.get(id)!]!.value!);
    expect(correlation(x('eenoudergezinnen'), y)).toBeGreaterThan(0.5);
    expect(correlation(x('huishoudens_bijstand'), y)).toBeGreaterThan(0.4);
    expect(correlation(x('jongeren_laag_inkomen'), y)).toBeGreaterThan(0.4);
    expect(correlation(x('gemiddeld_inkomen'), y)).toBeLessThan(-0.35);
    expect(correlation(x('omgevingsadressendichtheid').map(Math.log), y)).toBeGreaterThan(0.05);
    // Together they explain much of the differences, but not all: the rest is the gemeente's own.
    const predictors = rows.map((_, i) => ['eenoudergezinnen', 'huishoudens_bijstand', 'jongeren_laag_inkomen', 'gemiddeld_inkomen'].map((id) => x(id)[i]!));
    const r2 = rSquared(predictors, y);
    expect(r2).toBeGreaterThan(0.5);
    expect(r2).toBeLessThan(0.95);
  });

  it('on the latest indeling adds up the inhabitants of merged gemeenten, and leaves their averages and shares unknown', () => {
    const converted = convertToIndeling(kenmerken, register());
    const amsterdam = converted.rows.find((r) => r.region === 'GM0363' && r.period === '2020JJ00')!;
    expect(amsterdam.converted).toBe(true);
    const cellOf = (id: string) => amsterdam.cells[index.get(id)!]!;
    expect(cellOf('inwoners').value).toBe(value('GM0363', 2020, 'inwoners')! + value('GM0457', 2020, 'inwoners')!);
    // An income or a density of Amsterdam and Weesp together is not their sum: without the weights, unknown.
    for (const id of ['gemiddeld_inkomen', 'omgevingsadressendichtheid', 'eenoudergezinnen']) expect(cellOf(id), id).toEqual({ value: null, symbol: '.' });
  });

  it('gives a subset of gemeenten the same characteristics as the full run', () => {
    const subset = dataset(demo({ gemeenten: ['GM0363', 'GM0457', 'GM0088'], fromYear: 2022 }), 'kenmerken');
    const full = new Map(kenmerken.rows.map((r) => [rowKey(r.region, r.period, r.topics), r.cells]));
    const own = subset.rows.filter((r) => r.region.startsWith('GM'));
    expect(own.length).toBe(4 + 1 + 4); // 2022–2025; Weesp only 2022
    for (const row of own) expect(row.cells, `${row.region} ${row.period}`).toEqual(full.get(rowKey(row.region, row.period, row.topics)));
  });
});
