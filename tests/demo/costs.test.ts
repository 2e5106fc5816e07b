/**
 * The fictitious spending on youth care (dataset `kosten-jeugd`, src/lib/demo/costs.ts): every gemeente of each
 * year's indeling from 2017, Nederland and the provincies as sums of their gemeenten, totals that are the sum of
 * their taakvelden, rates a reader recomputes from the table, costs that follow the demonstration data's own use,
 * and no realisatie for the latest year.
 */
import { describe, expect, it } from 'vitest';
import type { ObservationRow } from '../../src/lib/data/dataset';
import { amountId, KOSTEN_MEASURE_IDS, perInwonerId, perJongereId } from '../../src/lib/data/kosten-jeugd';
import type { DemoData, DemoDataset } from '../../src/lib/demo/generate';
import { gemeenteCosts } from '../../src/lib/demo/costs';
import { PopulationModel } from '../../src/lib/demo/population';
import { DemoWorld } from '../../src/lib/demo/world';
import { NEDERLAND } from '../../src/lib/regions/codes';
import { defaultDemo, formerPopulation, register } from './helpers';

const dataset = (data: DemoData, id: string): DemoDataset => data.datasets.find((d) => d.meta.id === id)!;

/** Spearman's rank correlation (ties are rare in these amounts). */
function rankCorrelation(x: readonly number[], y: readonly number[]): number {
  const ranks = (v: readonly number[]) => {
    const order = v.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const out = new Array<number>(v.length);
    order.forEach((o, rank) => (out[o.i] = rank));
    return out;
  };
  const [rx, ry] = [ranks(x), ranks(y)];
  const n = x.length;
  const d2 = rx.reduce((s, r, i) => s + (r - ry[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('the spending on youth care in the default demonstration data', () => {
  const data = defaultDemo();
  const kosten = dataset(data, 'kosten-jeugd');
  const index = new Map(kosten.meta.measures.map((m, i) => [m.id, i]));
  const cell = (row: ObservationRow | undefined, id: string) => row?.cells[index.get(id)!];
  const value = (row: ObservationRow | undefined, id: string) => cell(row, id)?.value ?? null;
  const rowOf = (region: string, year: number) => kosten.rows.find((r) => r.region === region && r.period === `${year}JJ00`);
  const years = kosten.meta.periods.map((p) => Number(p.code.slice(0, 4)));

  it('has a row for every gemeente of each year from 2017 to 2025, and the measures in their order', () => {
    expect(years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(kosten.meta.measures.map((m) => m.id)).toEqual([...KOSTEN_MEASURE_IDS]);
    for (const year of [2017, 2022, 2025]) {
      const gemeenten = register().gemeentenIn(year).map((g) => g.code).sort();
      const rows = kosten.rows.filter((r) => r.period === `${year}JJ00` && r.region.startsWith('GM')).map((r) => r.region).sort();
      expect(rows).toEqual(gemeenten);
    }
    expect(kosten.meta.trendBreaks.map((b) => b.from)).toEqual(['2017JJ00', '2023JJ00']);
    expect(kosten.meta.footnotes.map((f) => f.id)).toEqual(['uitgaven-geen-gebruik', 'boeken-verschilt', 'taakveld-6-2']);
  });

  it('sums the gemeenten to Nederland and to each provincie, per year, within the rounding to thousands of euros', () => {
    const reg = register();
    for (const year of years) {
      const gemeenten = kosten.rows.filter((r) => r.period === `${year}JJ00` && r.region.startsWith('GM'));
      const nl = rowOf(NEDERLAND, year);
      for (const id of [amountId('maatwerk', 'begroting'), amountId('geescaleerd', 'begroting'), amountId('jeugd', 'begroting'), 'jongeren_tot_18', 'inwoners']) {
        const sum = gemeenten.reduce((s, r) => s + value(r, id)!, 0);
        // Each gemeente's amount is rounded to a thousand euros: at most half a unit off each.
        expect(Math.abs(sum - value(nl, id)!), `${year} ${id}`).toBeLessThanOrEqual(gemeenten.length);
      }
      const utrecht = gemeenten.filter((r) => reg.provincieOf(r.region) === 'PV26');
      const utrechtSum = utrecht.reduce((s, r) => s + value(r, amountId('jeugd', 'begroting'))!, 0);
      expect(Math.abs(utrechtSum - value(rowOf('PV26', year), amountId('jeugd', 'begroting'))!)).toBeLessThanOrEqual(utrecht.length * 2);
    }
    // The realisatie adds up too where it exists.
    const nl2024 = rowOf(NEDERLAND, 2024);
    const sum2024 = kosten.rows.filter((r) => r.period === '2024JJ00' && r.region.startsWith('GM')).reduce((s, r) => s + value(r, amountId('jeugd', 'realisatie'))!, 0);
    expect(Math.abs(sum2024 - value(nl2024, amountId('jeugd', 'realisatie'))!)).toBeLessThanOrEqual(2 * 400);
  });

  it('publishes each total as the sum of its two taakvelden, and the rates as the total over youths and inhabitants', () => {
    let checked = 0;
    for (const row of kosten.rows) {
      for (const soort of ['begroting', 'realisatie'] as const) {
        const total = value(row, amountId('jeugd', soort));
        if (total === null) continue;
        expect(total).toBe(value(row, amountId('maatwerk', soort))! + value(row, amountId('geescaleerd', soort))!);
        expect(value(row, perJongereId(soort))).toBe(Math.round((total * 1000) / value(row, 'jongeren_tot_18')!));
        expect(value(row, perInwonerId(soort))).toBe(Math.round((total * 1000) / value(row, 'inwoners')!));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(6000);
  });

  it('uses the same youths and inhabitants as the other tables', () => {
    const kenmerken = dataset(data, 'kenmerken');
    const inwonersAt = kenmerken.meta.measures.findIndex((m) => m.id === 'inwoners');
    const jeugdbescherming = dataset(data, 'jeugdbescherming');
    const youthAt = jeugdbescherming.meta.measures.findIndex((m) => m.id === 'jongeren_tot_18');
    for (const region of ['GM0363', 'GM1680', NEDERLAND]) {
      const k = kenmerken.rows.find((r) => r.region === region && r.period === '2023JJ00');
      expect(value(rowOf(region, 2023), 'inwoners')).toBe(k!.cells[inwonersAt]!.value);
      const jb = jeugdbescherming.rows.find((r) => r.region === region && r.period === '2023HJ01' && r.topics[0] === 'T001');
      // The population is counted on 1 January: the same in both half years and in the year. The other tables
      // round it to a multiple of 5 like every count; this one divides by it, so it keeps the exact number.
      expect(Math.abs(value(rowOf(region, 2023), 'jongeren_tot_18')! - jb!.cells[youthAt]!.value!)).toBeLessThanOrEqual(2);
    }
  });

  it('publishes a year’s realisatie once the jaarrekening is in: in the October release after the year, not in the April one', () => {
    for (const region of [NEDERLAND, 'PV27', 'GM0363']) {
      const latest = rowOf(region, 2025);
      expect(value(latest, amountId('jeugd', 'begroting'))).toBeGreaterThan(0);
      for (const id of [amountId('jeugd', 'realisatie'), perJongereId('realisatie'), perInwonerId('realisatie')]) {
        expect(value(latest, id), `${region} ${id}`).toBeGreaterThan(0);
      }
    }
    expect(kosten.meta.periods.at(-1)).toEqual({ code: '2025JJ00', status: 'definitief' });
    // The April 2026 release had 2025 as voorlopig, with its begroting only.
    const april = kosten.history.get('2026-04-30')!;
    expect(kosten.meta.history.find((h) => h.release === '2026-04-30')!.periods.at(-1)).toEqual({ code: '2025JJ00', status: 'voorlopig' });
    expect(april.length).toBeGreaterThan(300);
    expect(april.every((r) => r.period === '2025JJ00' && cell(r, amountId('jeugd', 'realisatie'))?.symbol === '.')).toBe(true);
    expect(april.every((r) => value(r, amountId('jeugd', 'begroting'))! > 0)).toBe(true);
    // The October 2025 release had 2024 with its realisatie: the same rows as now.
    expect(kosten.history.get('2025-10-30') ?? []).toEqual([]);
    expect(kosten.meta.footnotes.find((f) => f.id === 'realisatie-volgt')).toBeUndefined();
  });

  it('lies at the orders of magnitude of CBS: about 5,5 billion euro in 2022, 1.500 to 2.000 euro per youth, a realisatie above the begroting', () => {
    const nl = rowOf(NEDERLAND, 2022);
    expect(value(nl, amountId('jeugd', 'realisatie'))! / 1e6).toBeGreaterThan(4.5);
    expect(value(nl, amountId('jeugd', 'realisatie'))! / 1e6).toBeLessThan(6.5);
    expect(value(nl, perJongereId('realisatie'))).toBeGreaterThan(1500);
    expect(value(nl, perJongereId('realisatie'))).toBeLessThan(2000);
    for (const year of years.slice(0, -1)) {
      const r = rowOf(NEDERLAND, year);
      expect(value(r, amountId('jeugd', 'realisatie'))!).toBeGreaterThan(value(r, amountId('jeugd', 'begroting'))!);
    }
    // Spending grows over the years, as use and prices do.
    expect(value(rowOf(NEDERLAND, 2024), perJongereId('begroting'))!).toBeGreaterThan(value(rowOf(NEDERLAND, 2017), perJongereId('begroting'))! * 1.3);
  });

  it('scales with use: more trajecten and more verblijf per youth go with more spending per youth, but not perfectly', () => {
    const reg = register();
    const population = new PopulationModel(reg, formerPopulation(), { first: 2015, last: 2026 });
    const world = new DemoWorld(reg, population, 20150101);
    const gemeenten = reg.gemeentenIn(2022).map((g) => g.code);
    const usePerYouth: number[] = [];
    const spendingPerYouth: number[] = [];
    for (const code of gemeenten) {
      const costs = gemeenteCosts(world, code, 2022, 2024);
      const row = rowOf(code, 2022)!;
      // The model's own use, weighted by what it costs: a traject with verblijf is dearer.
      usePerYouth.push((costs.use.zonderVerblijf + 3.5 * costs.use.metVerblijf) / costs.jongeren);
      spendingPerYouth.push(value(row, perJongereId('realisatie'))!);
      // The published figure is the model's own, rounded.
      expect(Math.abs(value(row, amountId('jeugd', 'realisatie'))! - (costs.realisatie!.maatwerk + costs.realisatie!.geescaleerd) / 1000)).toBeLessThanOrEqual(1);
    }
    const rho = rankCorrelation(usePerYouth, spendingPerYouth);
    expect(rho).toBeGreaterThan(0.5);
    expect(rho).toBeLessThan(0.95);
  });

  it('books differently per gemeente: the share of 6.82 in the total varies far more than jeugdbescherming does', () => {
    const shares = kosten.rows
      .filter((r) => r.period === '2022JJ00' && r.region.startsWith('GM') && value(r, 'jongeren_tot_18')! > 5000)
      .map((r) => value(r, amountId('geescaleerd', 'begroting'))! / value(r, amountId('jeugd', 'begroting'))!)
      .sort((a, b) => a - b);
    const q = (p: number) => shares[Math.floor(p * (shares.length - 1))]!;
    expect(q(0.95) / q(0.05)).toBeGreaterThan(2.5);
  });

  it('stores no count that disclosure control would round: amounts and rates are in euros, youths and inhabitants are population', () => {
    for (const m of kosten.meta.measures) {
      expect(m.derived).toBe(false);
      expect(m.unit === 'aantal' ? m.countOf : 'inwoners').toBe('inwoners');
    }
    expect(kosten.meta.measures.filter((m) => m.unit !== 'aantal').map((m) => m.unit)).toEqual([
      ...Array(6).fill('× 1.000 euro'),
      'euro per jongere tot 18 jaar',
      'euro per jongere tot 18 jaar',
      'euro per inwoner',
      'euro per inwoner',
    ]);
  });
});
