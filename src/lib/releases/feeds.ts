/**
 * Ways to hear of new figures without visiting the site: an Atom feed of the releases and an iCalendar file
 * of the planned ones, for a feed reader or an agenda. Pure.
 */
import type { Release } from '../../schemas/dataset';
import type { PlannedRelease } from '../data/release-calendar';

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Atom feed with one entry per release, newest first. */
export function releasesAtom(releases: readonly Release[], site: URL | string, siteName: string): string {
  const url = (path: string) => new URL(path, site).href;
  const newest = [...releases].reverse();
  const updated = `${newest[0]?.date ?? '1970-01-01'}T00:00:00Z`;
  const entries = newest.map(
    (r) => `  <entry>
    <id>${xml(url(`/releases/${r.id}/`))}</id>
    <title>${xml(`Nieuwe cijfers: ${r.title}`)}</title>
    <link href="${xml(url(`/releases/${r.id}/`))}"/>
    <updated>${r.date}T00:00:00Z</updated>
    <summary>${xml(r.description || r.title)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
  <id>${xml(url('/releases/'))}</id>
  <title>${xml(`${siteName}: publicaties`)}</title>
  <link rel="self" href="${xml(url('/releases/feed.xml'))}"/>
  <link href="${xml(url('/releases/'))}"/>
  <updated>${updated}</updated>
  <author><name>${xml(siteName)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** An iCalendar file (RFC 5545) with an all-day event per planned release. */
export function releasesIcs(planned: readonly PlannedRelease[], site: URL | string, siteName: string, stamp: string): string {
  const day = (iso: string) => iso.replace(/-/g, '');
  const next = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
  const host = new URL(site).host;
  const events = planned.map((p) =>
    [
      'BEGIN:VEVENT',
      `UID:publicatie-${p.date}@${host}`,
      `DTSTAMP:${day(stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${day(p.date)}`,
      `DTEND;VALUE=DATE:${day(next(p.date))}`,
      `SUMMARY:${text(`${siteName}: nieuwe cijfers (verwacht)`)}`,
      `DESCRIPTION:${text(p.summary)}`,
      `URL:${new URL('/releases/', site).href}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ].join('\r\n'),
  );
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${host}//publicatiekalender//NL`, 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${text(`${siteName}: publicaties`)}`, ...events, 'END:VCALENDAR', ''].join('\r\n');
}
