/**
 * The status of imported figures (voorlopig, nader voorlopig, definitief) for sources that do not state it.
 * StatLine downloads mark their periods ("2022*") and OData has a Status per period; a saved OData CSV or a
 * joined file has nothing. Then the status follows from the release date and the CBS rhythm, or is given
 * on the command line (--status). It is never assumed: figures published as voorlopig must not be shown
 * as definitief.
 *
 * The rhythm (DOMAIN.md, src/lib/data/release-calendar.ts):
 * - end of October of year R: the first half year of R, voorlopig; year R-1 and its half years become
 *   definitief;
 * - end of April of year R: the second half year and the whole of R-1, voorlopig; the first half year of
 *   R-1 (voorlopig since October) becomes nader voorlopig.
 * So on 28 April 2023: 2022 and 2022HJ02 voorlopig, 2022HJ01 nader voorlopig, 2021 and earlier definitief.
 */
import { DataError } from '../data/errors';
import { parsePeriodLabel, periodLabel, type Period, type PeriodStatus } from '../data/periods';

/** What decides the status of a period whose source states none. */
export interface StatusRules {
  /** Statuses given by the user (--status): by period code, and under `*` for every other period. */
  given?: ReadonlyMap<string, PeriodStatus> | undefined;
  /**
   * The release date (YYYY-MM-DD) to derive statuses from by the CBS rhythm; undefined when no date was
   * given (the import then dates the release today, which says nothing about the figures).
   */
  release?: string | undefined;
}

/** The regular release a date falls in: April (April–September) or October (October–March) of a year. */
export function releaseCycle(release: string): { year: number; month: 4 | 10 } {
  const year = Number(release.slice(0, 4));
  const month = Number(release.slice(5, 7));
  if (month >= 10) return { year, month: 10 };
  if (month >= 4) return { year, month: 4 };
  return { year: year - 1, month: 10 };
}

/** The half year a period belongs to for its status (a year: 0); quarters, months and peildata by their half. */
function halfOf(period: Period): 0 | 1 | 2 {
  switch (period.kind) {
    case 'jaar':
      return 0;
    case 'halfjaar':
      return period.part === 1 ? 1 : 2;
    case 'kwartaal':
      return period.part <= 2 ? 1 : 2;
    case 'maand':
    case 'peildatum':
      return period.part <= 6 ? 1 : 2;
  }
}

/** "eind oktober 2023": when CBS first publishes figures for a period. */
export function firstRelease(period: Period): string {
  return halfOf(period) === 1 ? `eind oktober ${period.year}` : `eind april ${period.year + 1}`;
}

/**
 * The status of a period's figures in the release of a date, by the CBS rhythm; undefined when CBS does
 * not publish the period until a later release (so the date cannot be right for these figures).
 */
export function statusByRhythm(period: Period, release: string): PeriodStatus | undefined {
  const cycle = releaseCycle(release);
  const half = halfOf(period);
  const { year } = period;
  if (cycle.month === 10) {
    if (year <= cycle.year - 1) return 'definitief';
    return year === cycle.year && half === 1 ? 'voorlopig' : undefined;
  }
  if (year <= cycle.year - 2) return 'definitief';
  if (year === cycle.year - 1) return half === 1 ? 'nader-voorlopig' : 'voorlopig';
  return undefined;
}

export type StatusResolution =
  | { status: PeriodStatus; how: 'gegeven' | 'ritme' }
  | { problem: 'geen-status' | 'te-vroeg'; expected: string };

const STATUS_WORDS = 'voorlopig, nader voorlopig of definitief';

/** The status of a period the source states no status for, or what is wrong (for the caller's DataError). */
export function resolveStatus(period: Period, rules: StatusRules): StatusResolution {
  const given = rules.given?.get(period.code) ?? rules.given?.get('*');
  if (given) return { status: given, how: 'gegeven' };
  if (rules.release === undefined) {
    return {
      problem: 'geen-status',
      expected: `een status van de cijfers (${STATUS_WORDS}), maar dit bestand vermeldt die niet; geef de publicatiedatum met --release JJJJ-MM-DD (de status volgt dan uit het CBS-ritme) of de status met --status: voor alle perioden zonder status (--status voorlopig) of per periode (--status ${period.code}=<status>)`,
    };
  }
  const status = statusByRhythm(period, rules.release);
  if (status) return { status, how: 'ritme' };
  return {
    problem: 'te-vroeg',
    expected: `een periode die op de publicatiedatum ${rules.release} (--release) al verschenen was; het CBS publiceert ${periodLabel(period)} pas ${firstRelease(period)}. Geef de juiste --release, of de status met --status`,
  };
}

const STATUS_NAMES: Record<string, PeriodStatus> = {
  voorlopig: 'voorlopig',
  'nader-voorlopig': 'nader-voorlopig',
  'nader voorlopig': 'nader-voorlopig',
  definitief: 'definitief',
};

/**
 * Reads --status values: `voorlopig` (every period whose source states no status) or `2022JJ00=voorlopig`
 * (one period; a label such as `2022` or `1e halfjaar 2022` is read too). A period given twice is an error.
 */
export function parseStatusOption(values: readonly string[]): Map<string, PeriodStatus> {
  const out = new Map<string, PeriodStatus>();
  const expected = `een status (voorlopig, nader-voorlopig of definitief), of periode=status zoals 2022JJ00=voorlopig`;
  for (const raw of values) {
    const text = raw.trim();
    const eq = text.lastIndexOf('=');
    const statusText = (eq === -1 ? text : text.slice(eq + 1)).trim().toLowerCase();
    const status = STATUS_NAMES[statusText];
    if (!status) throw new DataError({ file: '--status' }, expected, raw);
    let key = '*';
    if (eq !== -1) {
      const parsed = parsePeriodLabel(text.slice(0, eq));
      if (!parsed || parsed.status !== undefined) throw new DataError({ file: '--status' }, expected, raw);
      key = parsed.period.code;
    }
    if (out.has(key)) throw new DataError({ file: '--status' }, `elke periode één keer${key === '*' ? ' (één --status zonder periode)' : ''}`, raw);
    out.set(key, status);
  }
  return out;
}
