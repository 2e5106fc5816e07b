import { describe, expect, it } from 'vitest';
import { makePeriod } from '../../src/lib/data/periods';
import { Random } from '../../src/lib/demo/random';
import { earlierFactor, halfYearsIn, lastThursday, releaseSeries, statusIn, yearsIn } from '../../src/lib/demo/releases';

const hj = (year: number, part: number) => makePeriod('halfjaar', year, part);

describe('release calendar', () => {
  it('lists releases oldest first, at the end of October and April, with Dutch titles', () => {
    const releases = releaseSeries(2026, 10, 3);
    expect(releases.map((r) => [r.id, r.title])).toEqual([
      ['2025-10-30', 'Oktober 2025: 1e halfjaar 2025'],
      ['2026-04-30', 'April 2026: 2e halfjaar en jaar 2025'],
      ['2026-10-29', 'Oktober 2026: 1e halfjaar 2026'],
    ]);
    expect(lastThursday(2026, 10)).toBe('2026-10-29');
  });

  it('gives statuses as CBS does: voorlopig, nader voorlopig, definitief when H1 of the next year appears', () => {
    const [oct25, apr26, oct26] = releaseSeries(2026, 10, 3) as [never, never, never];
    expect(statusIn(hj(2025, 1), oct25)).toBe('voorlopig');
    expect(statusIn(hj(2024, 2), oct25)).toBe('definitief');
    expect(statusIn(hj(2025, 2), oct25)).toBeUndefined();
    expect(statusIn(hj(2025, 1), apr26)).toBe('nader-voorlopig');
    expect(statusIn(hj(2025, 2), apr26)).toBe('voorlopig');
    expect(statusIn(makePeriod('jaar', 2025), apr26)).toBe('voorlopig');
    expect(statusIn(hj(2025, 1), oct26)).toBe('definitief');
    expect(statusIn(hj(2025, 2), oct26)).toBe('definitief');
    expect(statusIn(hj(2026, 1), oct26)).toBe('voorlopig');
    expect(statusIn(makePeriod('jaar', 2025), oct26)).toBe('definitief');
    const periods = halfYearsIn(oct26, 2015);
    expect(periods).toHaveLength(23);
    expect(periods[0]!.period.code).toBe('2015HJ01');
    expect(periods.filter((p) => p.status !== 'definitief').map((p) => p.period.code)).toEqual(['2026HJ01']);
    expect(yearsIn(oct25, 2018, 2025).map((p) => p.period.code).at(-1)).toBe('2024JJ00');
  });

  it('revises by 1–5%, mostly upward, and monotonically towards the final figure', () => {
    let upward = 0;
    for (let i = 0; i < 500; i++) {
      const v = earlierFactor(Random.for(1, i), 'voorlopig');
      const nv = earlierFactor(Random.for(1, i), 'nader-voorlopig');
      for (const f of [v, nv]) expect(Math.abs(1 / f - 1)).toBeGreaterThanOrEqual(0.0099);
      for (const f of [v, nv]) expect(Math.abs(1 / f - 1)).toBeLessThanOrEqual(0.0527);
      expect(Math.abs(nv - 1)).toBeLessThan(Math.abs(v - 1));
      if (v < 1) upward++;
      expect(earlierFactor(Random.for(1, i), 'definitief')).toBe(1);
    }
    expect(upward / 500).toBeGreaterThan(0.75);
  });
});
