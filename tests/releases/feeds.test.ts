import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { upcomingReleases } from '../../src/lib/data/release-calendar';
import { releasesAtom, releasesIcs } from '../../src/lib/releases/feeds';

const releases = [
  { id: '2026-04-30', date: '2026-04-30', title: 'April 2026: 2e halfjaar en jaar 2025', description: 'Cijfers tot en met 2025 & meer.' },
  { id: '2026-10-29', date: '2026-10-29', title: 'Oktober 2026: 1e halfjaar 2026', description: '' },
];

describe('staying informed', () => {
  it('has an Atom feed with the newest release first, escaped', () => {
    const feed = releasesAtom(releases, 'https://jeugdzorg.example/', 'Jeugdzorg in cijfers');
    const { document } = parseHTML(feed);
    const entries = [...document.querySelectorAll('entry')];
    expect(entries.map((e) => e.querySelector('id')!.textContent)).toEqual(['https://jeugdzorg.example/releases/2026-10-29/', 'https://jeugdzorg.example/releases/2026-04-30/']);
    expect(document.querySelector('feed > updated')!.textContent).toBe('2026-10-29T00:00:00Z');
    expect(feed).toContain('Cijfers tot en met 2025 &amp; meer.');
  });

  it('has a calendar file with an all-day event per planned release', () => {
    const ics = releasesIcs(upcomingReleases('2026-11-22', 2), 'https://jeugdzorg.example/', 'Jeugdzorg in cijfers', '2026-11-22');
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART;VALUE=DATE:20270430');
    expect(lines).toContain('DTEND;VALUE=DATE:20270501');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/2e halfjaar 2026 en over heel 2026/);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
