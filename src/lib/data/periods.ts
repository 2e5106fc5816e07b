/**
 * CBS period codes. CBS writes periods as 8-character codes: `2023JJ00` (year), `2023HJ01`/`2023HJ02`
 * (half years), `2023KW01` (quarter), `2023MM03` (month). Reports and older exports also write
 * `2018HJ1`. Counts on a reference date (peildatum) have no CBS code of their own in these tables; this
 * project writes them `2023PD06` (30 juni) and `2023PD12` (31 december), the two peildata CBS uses.
 */

export type PeriodKind = 'jaar' | 'halfjaar' | 'kwartaal' | 'maand' | 'peildatum';

export interface Period {
  /** Normalised 8-character code, e.g. `2023HJ01`. */
  code: string;
  kind: PeriodKind;
  year: number;
  /** Half year 1–2, quarter 1–4, month 1–12, peildatum month 6 or 12; 0 for a year. */
  part: number;
}

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

const CODE_PATTERN = /^(\d{4})(JJ|HJ|KW|MM|PD)(\d{1,2})$/;
const KIND_BY_TAG = { JJ: 'jaar', HJ: 'halfjaar', KW: 'kwartaal', MM: 'maand', PD: 'peildatum' } as const;
const TAG_BY_KIND: Record<PeriodKind, string> = { jaar: 'JJ', halfjaar: 'HJ', kwartaal: 'KW', maand: 'MM', peildatum: 'PD' };
const MAX_PART: Record<PeriodKind, number> = { jaar: 0, halfjaar: 2, kwartaal: 4, maand: 12, peildatum: 12 };

/**
 * The first year a period may have. CBS period codes have four digits, and `0000JJ00` is none: no figures
 * of this publication are older than the statistics themselves.
 */
export const MIN_PERIOD_YEAR = 1900;

/** Parses a CBS period code (also the short form `2018HJ1`); returns undefined when it is not one. */
export function parsePeriodCode(raw: string): Period | undefined {
  const match = CODE_PATTERN.exec(raw.trim().toUpperCase());
  if (!match) return undefined;
  const kind = KIND_BY_TAG[match[2] as keyof typeof KIND_BY_TAG];
  const year = Number(match[1]);
  if (year < MIN_PERIOD_YEAR) return undefined;
  const part = Number(match[3]);
  if (kind === 'jaar' ? part !== 0 : part < 1 || part > MAX_PART[kind]) return undefined;
  if (kind === 'peildatum' && part !== 6 && part !== 12) return undefined;
  return makePeriod(kind, year, part);
}

export function makePeriod(kind: PeriodKind, year: number, part = 0): Period {
  const code = `${String(year).padStart(4, '0')}${TAG_BY_KIND[kind]}${String(part).padStart(2, '0')}`;
  return { code, kind, year, part };
}

/** Dutch label as CBS writes it: "2023", "1e halfjaar 2023", "2e kwartaal 2023", "maart 2023", "30 juni 2023". */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'jaar':
      return String(period.year);
    case 'halfjaar':
      return `${period.part}e halfjaar ${period.year}`;
    case 'kwartaal':
      return `${period.part}e kwartaal ${period.year}`;
    case 'maand':
      return `${MONTHS[period.part - 1]} ${period.year}`;
    case 'peildatum':
      return period.part === 6 ? `30 juni ${period.year}` : `31 december ${period.year}`;
  }
}

/** A compact label for chart axes: "2023", "2023-1", "2023-K2", "2023-03", "30-6-2023". */
export function periodShortLabel(period: Period): string {
  switch (period.kind) {
    case 'jaar':
      return String(period.year);
    case 'halfjaar':
      return `${period.year}-${period.part}`;
    case 'kwartaal':
      return `${period.year}-K${period.part}`;
    case 'maand':
      return `${period.year}-${String(period.part).padStart(2, '0')}`;
    case 'peildatum':
      return period.part === 6 ? `30-6-${period.year}` : `31-12-${period.year}`;
  }
}

/** First and last day (ISO dates) a period covers; a peildatum covers one day. */
export function periodRange(period: Period): { start: string; end: string } {
  const iso = (y: number, m: number, d: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const { year: y, part } = period;
  switch (period.kind) {
    case 'jaar':
      return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
    case 'halfjaar':
      return part === 1 ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
    case 'kwartaal': {
      const m = (part - 1) * 3 + 1;
      return { start: iso(y, m, 1), end: iso(y, m + 2, lastDay(y, m + 2)) };
    }
    case 'maand':
      return { start: iso(y, part, 1), end: iso(y, part, lastDay(y, part)) };
    case 'peildatum': {
      const day = iso(y, part, lastDay(y, part));
      return { start: day, end: day };
    }
  }
}

/**
 * Orders periods in time: by start date, and a longer period after the shorter ones that start with it,
 * so a year follows its own half years in a table (as StatLine lists them).
 */
export function comparePeriods(a: Period, b: Period): number {
  const ra = periodRange(a);
  const rb = periodRange(b);
  if (ra.end !== rb.end) return ra.end < rb.end ? -1 : 1;
  return ra.start < rb.start ? 1 : ra.start > rb.start ? -1 : 0;
}

const LABEL_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Period]> = [
  [/^(\d{4})$/, (m) => makePeriod('jaar', Number(m[1]))],
  [/^(\d{4}) ?(?:1e|2e) halfjaar$/i, (m) => makePeriod('halfjaar', Number(m[1]), Number(/2e/.test(m[0]) ? 2 : 1))],
  [/^([12])e halfjaar (\d{4})$/i, (m) => makePeriod('halfjaar', Number(m[2]), Number(m[1]))],
  [/^(\d{4}) ?([1-4])e kwartaal$/i, (m) => makePeriod('kwartaal', Number(m[1]), Number(m[2]))],
  [/^([1-4])e kwartaal (\d{4})$/i, (m) => makePeriod('kwartaal', Number(m[2]), Number(m[1]))],
  [/^30 juni (\d{4})$/i, (m) => makePeriod('peildatum', Number(m[1]), 6)],
  [/^31 december (\d{4})$/i, (m) => makePeriod('peildatum', Number(m[1]), 12)],
  [
    /^(\d{4}) (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$/i,
    (m) => makePeriod('maand', Number(m[1]), MONTHS.indexOf((m[2] ?? '').toLowerCase() as (typeof MONTHS)[number]) + 1),
  ],
  [
    /^(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (\d{4})$/i,
    (m) => makePeriod('maand', Number(m[2]), MONTHS.indexOf((m[1] ?? '').toLowerCase() as (typeof MONTHS)[number]) + 1),
  ],
];

/**
 * Reads a period as StatLine labels it in a CSV download, status marks included: "2022*",
 * "2023 1e halfjaar**", "1e halfjaar 2023". Also accepts a code. Returns undefined when unreadable.
 */
export function parsePeriodLabel(raw: string): { period: Period; status: PeriodStatus | undefined } | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  const marks = /(\*{1,2})$/.exec(text)?.[1] ?? '';
  const body = text.slice(0, text.length - marks.length).trim();
  const status = marks === '**' ? 'nader-voorlopig' : marks === '*' ? 'voorlopig' : undefined;
  const byCode = parsePeriodCode(body);
  if (byCode) return { period: byCode, status };
  for (const [pattern, build] of LABEL_PATTERNS) {
    const m = pattern.exec(body);
    if (m) {
      const period = build(m);
      return period.year < MIN_PERIOD_YEAR ? undefined : { period, status };
    }
  }
  return undefined;
}

/** The status CBS gives a period's figures. */
export type PeriodStatus = 'voorlopig' | 'nader-voorlopig' | 'definitief';

export const STATUS_MARK: Record<PeriodStatus, string> = { voorlopig: '*', 'nader-voorlopig': '**', definitief: '' };
export const STATUS_LABEL: Record<PeriodStatus, string> = {
  voorlopig: 'voorlopig',
  'nader-voorlopig': 'nader voorlopig',
  definitief: 'definitief',
};

/** Label with the status mark CBS appends: "1e halfjaar 2023*". */
export function periodLabelWithStatus(period: Period, status: PeriodStatus): string {
  return periodLabel(period) + STATUS_MARK[status];
}

/** The half years from `from` to `to` inclusive, in order. */
export function halfYearsBetween(from: Period, to: Period): Period[] {
  const out: Period[] = [];
  for (let index = from.year * 2 + from.part - 1; index <= to.year * 2 + to.part - 1; index++) {
    out.push(makePeriod('halfjaar', Math.floor(index / 2), (index % 2) + 1));
  }
  return out;
}

/**
 * The kind of period a dataset is followed in: half years when it has them (the rhythm of the
 * publication), otherwise the kind of its latest period (a yearly wijken table).
 */
export function primaryPeriodKind(meta: { periods: ReadonlyArray<{ code: string }> }): PeriodKind {
  const kinds = meta.periods.map((p) => parsePeriodCode(p.code)?.kind);
  if (kinds.includes('halfjaar')) return 'halfjaar';
  return kinds.at(-1) ?? 'jaar';
}

/** Periods of the dataset's primary kind, in time order (`periods` is already in time order). */
export function primaryPeriods(meta: { periods: ReadonlyArray<{ code: string }> }, periods: readonly string[]): string[] {
  const kind = primaryPeriodKind(meta);
  return periods.filter((code) => parsePeriodCode(code)?.kind === kind);
}

/**
 * The span of a dataset's periods, per kind when it has more than one ("1e halfjaar 2015 tot en met 1e halfjaar
 * 2026; de jaren 2015 tot en met 2025"): a year after the half years is not the last half year.
 */
export function periodSpanText(codes: readonly string[]): string {
  const periods = codes.map(parsePeriodCode).filter((p): p is Period => p !== undefined);
  const kinds = [...new Set(periods.map((p) => p.kind))];
  const span = (list: readonly Period[]) => {
    const [first, last] = [list[0]!, list.at(-1)!];
    return first.code === last.code ? periodLabel(first) : `${periodLabel(first)} tot en met ${periodLabel(last)}`;
  };
  return kinds
    .map((kind, i) => {
      const list = periods.filter((p) => p.kind === kind);
      if (i === 0 || kind !== 'jaar') return span(list);
      return list.length === 1 ? `het jaar ${span(list)}` : `de jaren ${span(list)}`;
    })
    .join('; ');
}
