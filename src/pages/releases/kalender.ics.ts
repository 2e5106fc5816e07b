/** The planned releases as an iCalendar file for an agenda: /releases/kalender.ics. */
import type { APIRoute } from 'astro';
import { getSiteData } from '../../node/site-data';
import { upcomingReleases } from '../../lib/data/release-calendar';
import { releasesIcs } from '../../lib/releases/feeds';
import { SITE_NAME } from '../../lib/releases/cite';
import { buildDate, laterDate } from '../../node/build-date';

export const GET: APIRoute = async ({ site }) => {
  const { currentRelease } = await getSiteData();
  const from = laterDate(currentRelease.date, buildDate());
  return new Response(releasesIcs(upcomingReleases(from, 4), site ?? 'http://localhost/', SITE_NAME, buildDate()), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
