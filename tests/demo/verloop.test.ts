import { describe, expect, it } from 'vitest';
import type { DemoData, DemoDataset } from '../../src/lib/demo/generate';
import type { ObservationRow } from '../../src/lib/data/dataset';
import { defaultDemo } from './helpers';

const dataset = (data: DemoData, id: string): DemoDataset => data.datasets.find((d) => d.meta.id === id)!;

/** The value of a measure in a row, or null when it is not published. */
function valueOf(d: DemoDataset, row: ObservationRow | undefined, measure: string): number | null {
  const index = d.meta.measures.findIndex((m) => m.id === measure);
  expect(index, measure).toBeGreaterThanOrEqual(0);
  return row?.cells[index]?.value ?? null;
}

function rowOf(d: DemoDataset, region: string, period: string, topic: string): ObservationRow | undefined {
  return d.rows.find((r) => r.region === region && r.period === period && r.topics[0] === topic);
}

describe('the demonstration table of how jeugdhulptrajecten began, lasted and ended', () => {
  const data = defaultDemo();
  const verloop = dataset(data, 'jeugdhulp-verloop');
  const trajecten = dataset(data, 'jeugdhulptrajecten');

  it('counts the same begun and ended trajecten as the table by hulpvorm, in every region and period', () => {
    const byKey = new Map(trajecten.rows.filter((r) => r.topics[0] === 'T001').map((r) => [`${r.region}|${r.period}`, r]));
    let compared = 0;
    for (const row of verloop.rows) {
      if (row.topics[0] !== 'T001') continue;
      const other = byKey.get(`${row.region}|${row.period}`);
      expect(other, `${row.region} ${row.period}`).toBeDefined();
      for (const [own, theirs] of [['trajecten_gestart', 'trajecten_gestart'], ['trajecten_beeindigd', 'trajecten_beeindigd']] as const) {
        const a = valueOf(verloop, row, own);
        const b = valueOf(trajecten, other, theirs);
        // Both tables round the same unrounded sum; one may keep a small count secret where the other need not.
        if (a !== null && b !== null) {
          expect(a, `${row.region} ${row.period} ${own}`).toBe(b);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });

  it('adds up: duration classes and reasons to the ended trajecten, zonder and met verblijf to the total (within the rounding to fives)', () => {
    const classes = verloop.meta.measures.filter((m) => m.concept === 'einde-duurklasse').map((m) => m.id);
    expect(classes).toHaveLength(7);
    for (const period of ['2015HJ01', '2022JJ00', '2026HJ01']) {
      const nl = rowOf(verloop, 'NL01', period, 'T001');
      const ended = valueOf(verloop, nl, 'trajecten_beeindigd')!;
      const sumOf = (ids: readonly string[]) => ids.reduce((s, id) => s + valueOf(verloop, nl, id)!, 0);
      expect(Math.abs(sumOf(classes) - ended)).toBeLessThanOrEqual(5 * classes.length);
      expect(Math.abs(sumOf(['beeindigd_reden_bekend', 'reden_onbekend']) - ended)).toBeLessThanOrEqual(10);
      expect(Math.abs(sumOf(['reden_volgens_plan', 'voortijdig_afgesloten']) - valueOf(verloop, nl, 'beeindigd_reden_bekend')!)).toBeLessThanOrEqual(10);
      const parts = ['ZONDER', 'MET'].map((t) => valueOf(verloop, rowOf(verloop, 'NL01', period, t), 'trajecten_beeindigd')!);
      expect(Math.abs(parts[0]! + parts[1]! - ended)).toBeLessThanOrEqual(10);
    }
  });

  it('has CBS-like magnitudes: help with verblijf lasts longer and ends as planned less often; about two in five begun trajecten are herhaald beroep', () => {
    const nl = (topic: string, measure: string) => valueOf(verloop, rowOf(verloop, 'NL01', '2025HJ02', topic), measure)!;
    expect(nl('T001', 'gemiddelde_duur')).toBeGreaterThan(250);
    expect(nl('T001', 'gemiddelde_duur')).toBeLessThan(450);
    expect(nl('MET', 'gemiddelde_duur')).toBeGreaterThan(nl('ZONDER', 'gemiddelde_duur'));
    const planned = (topic: string) => (nl(topic, 'reden_volgens_plan') / nl(topic, 'beeindigd_reden_bekend')) * 100;
    const returning = (nl('T001', 'gestart_herhaald_beroep') / nl('T001', 'trajecten_gestart')) * 100;
    expect(planned('T001')).toBeGreaterThan(60);
    expect(planned('T001')).toBeLessThan(80);
    expect(planned('MET')).toBeLessThan(planned('ZONDER'));
    expect(returning).toBeGreaterThan(35);
    expect(returning).toBeLessThan(55);
  });

  it('has no unknown reason before 2021 (CBS estimated it then) and some from 2021, with a trend break saying so', () => {
    const unknown = verloop.meta.measures.findIndex((m) => m.id === 'reden_onbekend');
    const before = verloop.rows.filter((r) => r.period < '2021');
    // The category did not exist: empty ("cannot occur"), not nihil (there were none) and never kept secret.
    expect(before.length).toBeGreaterThan(10_000);
    expect(before.filter((r) => r.cells[unknown]!.symbol !== '' || r.cells[unknown]!.value !== null)).toEqual([]);
    for (const rows of verloop.history.values()) expect(rows.filter((r) => r.period < '2021' && r.cells[unknown]!.symbol !== '')).toEqual([]);
    expect(valueOf(verloop, rowOf(verloop, 'NL01', '2021HJ01', 'T001'), 'reden_onbekend')).toBeGreaterThan(0);
    expect(verloop.meta.trendBreaks.find((b) => b.from === '2021HJ01')?.measures).toContain('reden_onbekend');
  });

  it('gives no average duration where the ended trajecten are too few to show', () => {
    const ended = verloop.meta.measures.findIndex((m) => m.id === 'trajecten_beeindigd');
    const average = verloop.meta.measures.findIndex((m) => m.id === 'gemiddelde_duur');
    const hidden = verloop.rows.filter((r) => r.cells[ended]!.symbol === '.');
    expect(hidden.length).toBeGreaterThan(100);
    // A count below 10 is secret; its average is not shown either.
    expect(hidden.filter((r) => r.cells[average]!.value !== null)).toEqual([]);
  });
});
