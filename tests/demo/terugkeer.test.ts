import { describe, expect, it } from 'vitest';
import type { DemoData, DemoDataset } from '../../src/lib/demo/generate';
import type { ObservationRow } from '../../src/lib/data/dataset';
import { defaultDemo } from './helpers';

const dataset = (data: DemoData, id: string): DemoDataset => data.datasets.find((d) => d.meta.id === id)!;

function valueOf(d: DemoDataset, row: ObservationRow | undefined, measure: string): number | null {
  const index = d.meta.measures.findIndex((m) => m.id === measure);
  expect(index, measure).toBeGreaterThanOrEqual(0);
  return row?.cells[index]?.value ?? null;
}

describe('the demonstration table of youths coming back to jeugdhulp within a year', () => {
  const data = defaultDemo();
  const terugkeer = dataset(data, 'jeugdhulp-terugkeer');
  const stroom = dataset(data, 'jeugdhulp-instroom');

  it('publishes a half year once the year after it is over, with the status of the data a year later', () => {
    // The current release has data up to the 1st half year of 2026: who came back within a year is known for
    // the youths who stopped up to the 1st half year of 2025, a year behind the other tables.
    expect(terugkeer.meta.periods.map((p) => p.code)).toEqual(
      stroom.meta.periods.filter((p) => p.code.includes('HJ')).slice(0, -2).map((p) => p.code),
    );
    expect(terugkeer.meta.periods.slice(-3)).toEqual([
      { code: '2024HJ01', status: 'definitief' },
      { code: '2024HJ02', status: 'definitief' },
      { code: '2025HJ01', status: 'voorlopig' },
    ]);
    const [oct25, apr26] = terugkeer.meta.history;
    expect(oct25!.periods.at(-1)).toEqual({ code: '2024HJ01', status: 'voorlopig' });
    expect(apr26!.periods.slice(-2)).toEqual([
      { code: '2024HJ01', status: 'nader-voorlopig' },
      { code: '2024HJ02', status: 'voorlopig' },
    ]);
    // No whole years: a half year is followed for a year from its own end.
    expect(terugkeer.meta.periods.filter((p) => p.code.includes('JJ'))).toEqual([]);
  });

  it('counts the youths who stopped as the instroom table does, and never more coming back than stopped', () => {
    const uitstroom = new Map(stroom.rows.map((r) => [`${r.region}|${r.period}`, valueOf(stroom, r, 'jongeren_uitstroom')]));
    let compared = 0;
    for (const row of terugkeer.rows) {
      const stopped = valueOf(terugkeer, row, 'jongeren_uitstroom');
      const back = valueOf(terugkeer, row, 'jongeren_terug_binnen_jaar');
      expect(stopped, `${row.region} ${row.period}`).toBe(uitstroom.get(`${row.region}|${row.period}`));
      if (stopped !== null && back !== null) {
        expect(back, `${row.region} ${row.period}`).toBeLessThanOrEqual(stopped);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('has about a fifth of the youths back within a year, more in some gemeenten than in others', () => {
    const share = (row: ObservationRow | undefined) => valueOf(terugkeer, row, 'aandeel_terug_binnen_jaar');
    const nl = terugkeer.rows.filter((r) => r.region === 'NL01').map(share);
    for (const s of nl) expect(s).toBeGreaterThan(15), expect(s).toBeLessThan(28);
    const latest = terugkeer.meta.periods.at(-1)!.code;
    const gemeenten = terugkeer.rows
      .filter((r) => r.region.startsWith('GM') && r.period === latest)
      .map(share)
      .filter((s): s is number => s !== null)
      .sort((a, b) => a - b);
    expect(gemeenten.length).toBeGreaterThan(250);
    // A gemeente keeps its leaning: the middle half lies a few points apart, not all on Nederland's figure.
    const q = (p: number) => gemeenten[Math.floor(p * (gemeenten.length - 1))]!;
    expect(q(0.75) - q(0.25)).toBeGreaterThan(2);
  });
});
