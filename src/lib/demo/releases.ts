/**
 * The release calendar of the demonstration data, following CBS's rhythm for the beleidsinformatie jeugd
 * (see DOMAIN.md, "Periods and status"):
 *
 * - End of October of year R: the 1st half year of R is published.
 * - End of April of year R: the 2nd half year of R−1 and the whole year R−1 are published.
 *
 * Status rule (applied per period, in every release):
 * - A period is voorlopig (`*`) in the release that publishes it first.
 * - It is nader voorlopig (`**`) in a later release as long as it is not yet definitief. Only the 1st half
 *   year has such a release: 2025HJ01 is `*` in October 2025 and `**` in April 2026.
 * - Year Y (its half years and the year figure) becomes definitief when the 1st half year of Y+1 is
 *   published, in October of Y+1. So the 2nd half year and the year figure go straight from `*` to final.
 *
 * Release ids are publication dates; the demonstration data publishes on the last Thursday of the month.
 */
import type { PeriodStatus } from '../data/periods';
import { halfYearsBetween, makePeriod, type Period } from '../data/periods';
import type { Random } from './random';

export interface DemoRelease {
  id: string;
  date: string;
  title: string;
  description: string;
  year: number;
  month: 4 | 10;
}

const MONTH_NAME = { 4: 'April', 10: 'Oktober' } as const;

/** The last Thursday of a month, ISO. */
export function lastThursday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  const back = (last.getUTCDay() - 4 + 7) % 7;
  const day = last.getUTCDate() - back;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The release of a given month, with its Dutch title: "Oktober 2026: 1e halfjaar 2026". */
export function makeRelease(year: number, month: 4 | 10): DemoRelease {
  const date = lastThursday(year, month);
  const what = month === 10 ? `1e halfjaar ${year}` : `2e halfjaar en jaar ${year - 1}`;
  const definitive = month === 10 ? ` Alle cijfers over ${year - 1} zijn nu definitief.` : '';
  const provisional =
    month === 10
      ? `Het 1e halfjaar ${year} is voorlopig.`
      : `Het 2e halfjaar en het jaar ${year - 1} zijn voorlopig, het 1e halfjaar ${year - 1} is nader voorlopig.`;
  return {
    id: date,
    date,
    title: `${MONTH_NAME[month]} ${year}: ${what}`,
    description: `Publicatie van eind ${MONTH_NAME[month].toLowerCase()} ${year} met cijfers tot en met het ${what}. ${provisional}${definitive} (Fictieve demonstratiecijfers.)`,
    year,
    month,
  };
}

/** `count` consecutive releases ending with the one of `year`/`month`, oldest first. */
export function releaseSeries(year: number, month: 4 | 10, count: number): DemoRelease[] {
  const out: DemoRelease[] = [];
  let y = year;
  let m: 4 | 10 = month;
  for (let i = 0; i < count; i++) {
    out.unshift(makeRelease(y, m));
    if (m === 4) {
      m = 10;
      y -= 1;
    } else m = 4;
  }
  return out;
}

const when = (year: number, month: number) => year * 12 + month;

/** The status of a half year or year in a release, or undefined when the release does not contain it yet. */
export function statusIn(period: Period, release: Pick<DemoRelease, 'year' | 'month'>): PeriodStatus | undefined {
  const now = when(release.year, release.month);
  const first = period.kind === 'halfjaar' && period.part === 1 ? when(period.year, 10) : when(period.year + 1, 4);
  const final = when(period.year + 1, 10);
  if (now < first) return undefined;
  if (now >= final) return 'definitief';
  return now === first ? 'voorlopig' : 'nader-voorlopig';
}

/** The latest half year a release publishes. */
export function latestHalfYear(release: Pick<DemoRelease, 'year' | 'month'>): Period {
  return release.month === 10 ? makePeriod('halfjaar', release.year, 1) : makePeriod('halfjaar', release.year - 1, 2);
}

/** The half years from `firstYear` up to the latest a release publishes, with their status then. */
export function halfYearsIn(release: DemoRelease, firstYear: number): Array<{ period: Period; status: PeriodStatus }> {
  return halfYearsBetween(makePeriod('halfjaar', firstYear, 1), latestHalfYear(release)).map((period) => ({
    period,
    status: statusIn(period, release)!,
  }));
}

/** The years from `firstYear` to `lastYear` that a release contains, with their status then. */
export function yearsIn(release: DemoRelease, firstYear: number, lastYear: number): Array<{ period: Period; status: PeriodStatus }> {
  const out: Array<{ period: Period; status: PeriodStatus }> = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const period = makePeriod('jaar', year);
    const status = statusIn(period, release);
    if (status) out.push({ period, status });
  }
  return out;
}

/**
 * How a figure stood in an earlier, not yet definitive release, as a factor on its final value. Revisions
 * have been 1–5%, usually upward (DOMAIN.md): the final figure is 2–5% above a voorlopig one in 85% of
 * cells, and below it otherwise; a nader voorlopig figure lies between: at least 1% from the final one, and
 * at least half a point closer to it than the voorlopig one.
 * The draws are made once per cell, so a figure moves monotonically towards its final value.
 */
export function earlierFactor(random: Random, status: PeriodStatus): number {
  const upward = random.chance(0.85);
  const voorlopig = random.uniform(0.02, 0.05);
  const naderVoorlopig = random.uniform(0.01, voorlopig - 0.005);
  const size = status === 'voorlopig' ? voorlopig : status === 'nader-voorlopig' ? naderVoorlopig : 0;
  return upward ? 1 / (1 + size) : 1 / (1 - size);
}
