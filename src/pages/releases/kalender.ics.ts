/** The planned releases as an iCalendar file for an agenda: /releases/kalender.ics. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../node/site-data';
import { releasesIcs } from '../../lib/releases/feeds';
import { SITE_NAME } from '../../lib/releases/cite';
import { calendarStamp, plannedReleases } from '../../node/build-date';

export const GET: APIRoute = async ({ site }) => {
  const { currentRelease } = await getSiteData();
  // From the release metadata only (never the build day): the same data gives the same file on any day.
  const ics = releasesIcs(plannedReleases(currentRelease, 4), site ?? 'http://localhost/', SITE_NAME, calendarStamp(currentRelease));
  return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
