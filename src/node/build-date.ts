/**
 * The dates the site shows of its own schedule, all from the release metadata and never from the clock:
 * the same data folder gives a byte-identical site on any day (issue 12). The site speaks as of its
 * current release: the next publication is the first one planned after that release, and the calendar
 * file is stamped with its date. (A site built later from old data still names the release that
 * came next after its figures, which is what its figures are waiting for.)
 *
 * Nothing here, nor anything a page renders, reads `new Date()` or `Date.now()`: a test
 * (tests/security/same-site-any-day.test.ts) renders these with two different clocks and scans the sources.
 */
import type { Release } from '../schemas/dataset';
import { upcomingReleases, type PlannedRelease } from '../lib/data/release-calendar';

/** The day the site's schedule is counted from: the current release's date (ISO). */
export function scheduleDate(currentRelease: Pick<Release, 'date'>): string {
  return currentRelease.date;
}

/**
 * The planned releases after the current one, for the calendar table and the .ics file. The current
 * release is itself one of the planned ones: the release planned in its month (the last working day, while
 * CBS may publish a few days earlier or later) is the one already out, so the next is the one after it.
 */
export function plannedReleases(currentRelease: Pick<Release, 'date'>, count = 4): PlannedRelease[] {
  const date = scheduleDate(currentRelease);
  const month = date.slice(0, 7);
  return upcomingReleases(date, count + 1)
    .filter((p) => p.date.slice(0, 7) !== month)
    .slice(0, count);
}

/** "Volgende publicatie": the first planned release after the current one. */
export function nextPlannedRelease(currentRelease: Pick<Release, 'date'>): PlannedRelease {
  return plannedReleases(currentRelease, 1)[0]!;
}

/** The DTSTAMP of the calendar file (RFC 5545: when its content was made): the current release's date. */
export function calendarStamp(currentRelease: Pick<Release, 'date'>): string {
  return scheduleDate(currentRelease);
}
