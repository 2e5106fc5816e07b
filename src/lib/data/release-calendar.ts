import { makePeriod, periodLabel, type Period } from './periods';

/**
 * The rhythm of the beleidsinformatie jeugd: at the end of October the first half year of that year
 * (voorlopig) and the previous year becomes definitief; at the end of April the second half year and
 * the whole previous year (voorlopig). CBS announces exact dates in its own calendar; this project plans
 * on the last working day of the month and says so.
 */
export interface PlannedRelease {
  /** ISO date. */
  date: string;
  /** "April 2027" */
  title: string;
  /** Periods published for the first time. */
  newPeriods: Period[];
  /** What the release does, in a sentence. */
  summary: string;
}

export function lastWorkingDay(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month, 0));
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export function plannedRelease(year: number, month: 4 | 10): PlannedRelease {
  const date = lastWorkingDay(year, month);
  if (month === 4) {
    const newPeriods = [makePeriod('halfjaar', year - 1, 2), makePeriod('jaar', year - 1)];
    return {
      date,
      title: `April ${year}`,
      newPeriods,
      summary: `Eerste cijfers over het ${periodLabel(newPeriods[0]!)} en over heel ${year - 1} (voorlopig).`,
    };
  }
  const newPeriods = [makePeriod('halfjaar', year, 1)];
  return {
    date,
    title: `Oktober ${year}`,
    newPeriods,
    summary: `Eerste cijfers over het ${periodLabel(newPeriods[0]!)} (voorlopig); de cijfers over ${year - 1} worden definitief.`,
  };
}

/** The planned releases after a date (ISO), in order. */
export function upcomingReleases(afterIso: string, count = 4): PlannedRelease[] {
  const year = Number(afterIso.slice(0, 4));
  const out: PlannedRelease[] = [];
  for (let y = year; out.length < count; y++) {
    for (const month of [4, 10] as const) {
      const release = plannedRelease(y, month);
      if (release.date > afterIso && out.length < count) out.push(release);
    }
  }
  return out;
}

export function nextRelease(afterIso: string): PlannedRelease {
  return upcomingReleases(afterIso, 1)[0]!;
}
