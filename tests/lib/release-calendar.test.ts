import { describe, expect, it } from 'vitest';
import { lastWorkingDay, nextRelease, upcomingReleases } from '../../src/lib/data/release-calendar';

describe('release calendar', () => {
  it('plans on the last working day of April and October', () => {
    expect(lastWorkingDay(2027, 4)).toBe('2027-04-30');
    expect(lastWorkingDay(2026, 10)).toBe('2026-10-30');
    expect(lastWorkingDay(2027, 10)).toBe('2027-10-29'); // 31 October 2027 is a Sunday
  });

  it('says what the next release brings', () => {
    const next = nextRelease('2026-10-30');
    expect(next.date).toBe('2027-04-30');
    expect(next.newPeriods.map((p) => p.code)).toEqual(['2026HJ02', '2026JJ00']);
    expect(next.summary).toBe('Eerste cijfers over het 2e halfjaar 2026 en over heel 2026 (voorlopig).');
    expect(upcomingReleases('2026-11-22', 3).map((r) => r.title)).toEqual(['April 2027', 'Oktober 2027', 'April 2028']);
    expect(nextRelease('2027-05-01').summary).toContain('de cijfers over 2026 worden definitief');
  });
});
