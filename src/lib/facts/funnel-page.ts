/**
 * The national funnel pages (/verschillen/): per compared key figure and period, every gemeente in a funnel
 * plot around Nederland, with the overdispersion stated plainly, the number of gemeenten per verdict and a table
 * of every gemeente by name — no ranks. The pages only lay out what this module computes.
 */
import { roundTo } from '../data/dataset';
import { comparePeriods, parsePeriodCode, periodLabel, STATUS_MARK, type Period, type PeriodStatus } from '../data/periods';
import { formatNumber } from '../format/number';
import type { RegionRegister } from '../regions/register';
import { funnelLimits } from '../stats/funnel';
import { NO_VERDICT_TEXT, VERDICT_TEXT, type NoVerdictReason, type Verdict } from '../stats/verdict';
import { regionHref } from '../pages/gemeente-links';
import { agreeingDecimals, exactValue, intervalText, printedValue } from './chance';
import { CONCEPT_TEXT, KEY_CONCEPTS, totalDenominatorLabel, type KeyConcept } from './concepts';
import type { FactsContext } from './context';
import { FUNNEL_NOUN, funnelConcepts, funnelOf, funnelPeriods, type Funnel, type FunnelRegion } from './funnel';
import { funnelChartInput, funnelTitle } from './funnel-chart';
import type { FunnelChartInput } from '../charts/types';
import { escapeMarkup } from '../charts/markup';

/** Where the funnel pages live, and the page that explains the method. */
export const FUNNEL_INDEX_HREF = '/verschillen/';
export const METHOD_HREF = '/over/methoden/';

/** The URL segment of a concept: "jongeren-jeugdhulp" → "jeugdhulp" (as the maps name them). */
export function funnelSlug(concept: KeyConcept): string {
  return concept.replace(/^jongeren-/, '');
}

/** /verschillen/jeugdhulp/2026hj01/ */
export function funnelHref(concept: KeyConcept, period: string): string {
  return `${FUNNEL_INDEX_HREF}${funnelSlug(concept)}/${period.toLowerCase()}/`;
}

/**
 * Where every region of a funnel stands in a table: the national funnel page for gemeenten, the lists of
 * provincies and jeugdregio's on the Nederland page (which give their key figure) for those.
 */
export function funnelTableLink(funnel: Pick<Funnel, 'kind' | 'concept' | 'period'>): { href: string; text: string } {
  if (funnel.kind === 'gemeente') return { href: funnelHref(funnel.concept, funnel.period), text: 'Alle gemeenten in een tabel, met hun aantallen, marges en oordelen' };
  return funnel.kind === 'provincie'
    ? { href: '/nederland/#provincies', text: 'Alle provincies met hun kerncijfer' }
    : { href: '/nederland/#jeugdregios', text: "Alle jeugdregio's met hun kerncijfer" };
}

/** The compared key figures of the site, in the order of the key figures. */
export function funnelPageConcepts(context: FactsContext): KeyConcept[] {
  return funnelConcepts(context, KEY_CONCEPTS).filter((c) => funnelPeriods(context, c).length > 0);
}

/** Every funnel page: a compared key figure and a period of its dataset. */
export function funnelPagePaths(context: FactsContext): Array<{ concept: KeyConcept; period: string; slug: string; periodSlug: string }> {
  return funnelPageConcepts(context).flatMap((concept) =>
    funnelPeriods(context, concept).map((period) => ({ concept, period, slug: funnelSlug(concept), periodSlug: period.toLowerCase() })),
  );
}

/** The label of a period with its status mark: "1e halfjaar 2026*". */
function periodText(context: FactsContext, concept: KeyConcept, period: string): string {
  const parsed = parsePeriodCode(period);
  const status = context.concept(concept)!.dataset.statusOf(period);
  return parsed ? `${periodLabel(parsed)}${STATUS_MARK[status]}` : period;
}

export interface FunnelIndexEntry {
  concept: KeyConcept;
  /** "Jongeren met jeugdhulp". */
  label: string;
  /** "% van de jongeren tot 18 jaar". */
  rateText: string;
  href: string;
  latestLabel: string;
  periods: number;
}

/** The index page's list: per compared key figure a link to its newest funnel. */
export function funnelIndex(context: FactsContext): FunnelIndexEntry[] {
  return funnelPageConcepts(context).map((concept) => {
    const source = context.concept(concept)!;
    const periods = funnelPeriods(context, concept);
    const latest = periods.at(-1)!;
    const rate = source.rate!;
    return {
      concept,
      label: source.measure.label,
      rateText: rate.unit === '%' ? `% van de ${totalDenominatorLabel(rate)}` : rate.unit,
      href: funnelHref(concept, latest),
      latestLabel: periodText(context, concept, latest),
      periods: periods.length,
    };
  });
}

export interface FunnelPeriodLink {
  code: string;
  href: string;
  /** Within its year: "1e halfjaar". */
  shortLabel: string;
  status: PeriodStatus;
  current: boolean;
}

/** The periods of a funnel page's figure, grouped by year, newest year first. */
export function funnelPeriodLinks(context: FactsContext, concept: KeyConcept, current: string): Array<{ year: number; periods: FunnelPeriodLink[] }> {
  const dataset = context.concept(concept)!.dataset;
  const byYear = new Map<number, FunnelPeriodLink[]>();
  const ordered = funnelPeriods(context, concept)
    .map((code) => ({ code, period: parsePeriodCode(code) }))
    .filter((p): p is { code: string; period: Period } => p.period !== undefined)
    .sort((a, b) => comparePeriods(a.period, b.period));
  for (const { code, period } of ordered) {
    const list = byYear.get(period.year) ?? [];
    list.push({
      code,
      href: funnelHref(concept, code),
      shortLabel: period.kind === 'jaar' ? 'heel jaar' : periodLabel(period).replace(` ${period.year}`, ''),
      status: dataset.statusOf(code),
      current: code === current,
    });
    byYear.set(period.year, list);
  }
  return [...byYear].sort(([a], [b]) => b - a).map(([year, periods]) => ({ year, periods }));
}

/** One line of the count of gemeenten per verdict: "18 gemeenten: hoger dan in Nederland (boven de 95%-grens)". */
export interface VerdictCount {
  verdict: Verdict | undefined;
  reason: NoVerdictReason | undefined;
  count: number;
  /** "18 gemeenten", "1 gemeente". */
  countText: string;
  /** "hoger dan in Nederland", "geen oordeel: het aantal is afgeschermd of onbekend". */
  words: string;
  /** Where they lie in the plot: "boven de 95%-grens", or nothing. */
  where: string | undefined;
}

const VERDICT_ORDER: Verdict[] = ['duidelijk-hoger', 'hoger', 'niet-duidelijk-anders', 'lager', 'duidelijk-lager'];

const WHERE: Record<Verdict, string> = {
  'duidelijk-hoger': 'boven de 99,8%-grens',
  hoger: 'boven de 95%-grens',
  'niet-duidelijk-anders': 'tussen de 95%-grenzen',
  lager: 'onder de 95%-grens',
  'duidelijk-lager': 'onder de 99,8%-grens',
};

function countOf(n: number, kind: Funnel['kind']): string {
  const plural = FUNNEL_NOUN[kind];
  return `${formatNumber(n)} ${n === 1 ? kind : plural}`;
}

/** How many regions got each verdict (every verdict, also with none), then those without one, by reason. */
export function verdictCounts(funnel: Funnel): VerdictCount[] {
  const byVerdict = new Map<Verdict, number>();
  const byReason = new Map<NoVerdictReason, number>();
  for (const r of funnel.regions) {
    const j = r.judgement;
    if (j.verdict) byVerdict.set(j.verdict, (byVerdict.get(j.verdict) ?? 0) + 1);
    else byReason.set(j.reason, (byReason.get(j.reason) ?? 0) + 1);
  }
  return [
    ...VERDICT_ORDER.map((verdict): VerdictCount => {
      const count = byVerdict.get(verdict) ?? 0;
      return { verdict, reason: undefined, count, countText: countOf(count, funnel.kind), words: `${VERDICT_TEXT[verdict].than} in Nederland`, where: WHERE[verdict] };
    }),
    ...[...byReason].map(([reason, count]): VerdictCount => ({ verdict: undefined, reason, count, countText: countOf(count, funnel.kind), words: `geen oordeel: ${NO_VERDICT_TEXT[reason]}`, where: undefined })),
  ];
}

/** A number with two significant digits: τ² is small (0,00057). */
function significant(value: number, digits = 2): string {
  if (value === 0) return '0';
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(value))));
  return formatNumber(value, decimals);
}

/**
 * The overdispersion in plain words: how much more the gemeenten differ than chance alone would give (φ),
 * and what the widening (τ²) means for the limits of a large gemeente.
 */
export function overdispersionText(funnel: Funnel): string {
  const { phi, tau2 } = funnel.overdispersion;
  const noun = FUNNEL_NOUN[funnel.kind];
  if (!(tau2 > 0)) {
    return `De ${noun} verschillen onderling niet meer dan toeval alleen zou geven (φ = ${formatNumber(phi, 1)}); de grenzen zijn daarom niet verbreed.`;
  }
  const sizes = funnel.regions.map((r) => r.rate.denominator ?? 0).filter((n) => n > 0);
  const large = sizes.length > 0 ? 10 ** Math.floor(Math.log10(Math.max(...sizes))) : 100000;
  const { per, decimals } = funnel.unit;
  const target = funnel.target.rate / per;
  const widened = funnelLimits(target, large, tau2);
  const chance = funnelLimits(target, large, 0);
  const pct = (p: number) => formatNumber(p * per, decimals + 1);
  const unit = funnel.rateMeasure.unit === '%' ? '%' : ` ${funnel.rateMeasure.unit}`;
  return (
    `De ${noun} verschillen onderling φ = ${formatNumber(phi, 1)} keer zoveel als toeval alleen zou geven; de grenzen zijn daarom verbreed ` +
    `(τ² = ${significant(tau2)}: de spreiding tussen ${noun} die toeval niet verklaart). ` +
    `Voor een ${funnel.kind} met ${formatNumber(large)} ${funnel.denominatorLabel} liggen de 95%-grenzen daardoor op ${pct(widened.lower95)}${unit} en ${pct(widened.upper95)}${unit}; ` +
    `door toeval alleen zouden ze op ${pct(chance.lower95)}${unit} en ${pct(chance.upper95)}${unit} liggen.`
  );
}

export interface FunnelTableColumn {
  label: string;
  unit?: string;
}

export interface FunnelTableRow {
  code: string;
  header: string;
  href: string | undefined;
  cells: string[];
  /** The verdict the last cell states, or undefined where there is none. */
  verdict: Verdict | undefined;
}

/** Collator made once: localeCompare builds one per call. */
const DUTCH = new Intl.Collator('nl');

/** "9,8–11,0": a range of limits in the rate's decimals (one more where the ends would print the same). */
function rangeText(lower: number, upper: number, decimals: number): string {
  return intervalText({ lower, upper }, decimals);
}

function verdictCell(region: FunnelRegion): string {
  const j = region.judgement;
  return j.verdict ? VERDICT_TEXT[j.verdict].word : `geen oordeel: ${NO_VERDICT_TEXT[j.reason]}`;
}

/**
 * The decimals of a region's row: the rate's own, or more where the published rate would lie outside its
 * printed margin, or a region judged higher or lower would not print outside the printed 95% limits.
 */
function rowDecimals(region: FunnelRegion, funnel: Funnel): number {
  const base = funnel.unit.decimals;
  const printable = { published: region.rate.shown, exact: exactValue(region.rate, funnel.unit), interval: region.interval };
  const verdict = region.judgement.verdict;
  for (let d = agreeingDecimals(base, [printable]); d < base + 2; d++) {
    const value = printedValue(printable, d, base);
    if (value === null || !region.limits || !verdict || verdict === 'niet-duidelijk-anders') return d;
    const outside = verdict.endsWith('hoger') ? roundTo(value, d) > roundTo(region.limits.upper95, d) : roundTo(value, d) < roundTo(region.limits.lower95, d);
    if (outside) return d;
  }
  return base + 2;
}

/** The table beside the chart: every region by name (no rank column), with its figures, limits and verdict. */
export function funnelTable(funnel: Funnel, register: RegionRegister): { columns: FunnelTableColumn[]; rows: FunnelTableRow[] } {
  const d = funnel.unit.decimals;
  const unit = funnel.rateMeasure.unit === '%' ? '%' : funnel.rateMeasure.unit;
  const missing = '.';
  const columns: FunnelTableColumn[] = [
    { label: funnel.rateMeasure.unit === '%' ? '%' : 'Cijfer', unit: funnel.rateMeasure.unit === '%' ? `van de ${funnel.denominatorLabel}` : funnel.rateMeasure.unit },
    { label: 'Aantal', unit: funnel.countMeasure.label.toLowerCase() },
    { label: capitalise(funnel.denominatorLabel), unit: 'aantal' },
    { label: '95%-marge', unit },
    { label: 'Grenzen 95%', unit },
    { label: 'Grenzen 99,8%', unit },
    { label: 'Oordeel', unit: 't.o.v. Nederland' },
  ];
  const rows = [...funnel.regions]
    .sort((a, b) => DUTCH.compare(a.label, b.label) || (a.code < b.code ? -1 : 1))
    .map((r): FunnelTableRow => {
      const { rate, limits, interval } = r;
      const rd = rowDecimals(r, funnel);
      const printed = printedValue({ published: rate.shown, exact: exactValue(rate, funnel.unit), interval }, rd, d);
      return {
        code: r.code,
        header: r.label,
        href: regionHref(register, r.code),
        cells: [
          printed === null ? missing : formatNumber(printed, rd),
          rate.count === null ? missing : formatNumber(rate.count),
          rate.denominator === null ? missing : formatNumber(rate.denominator),
          interval ? intervalText(interval, rd) : '',
          limits ? rangeText(limits.lower95, limits.upper95, rd) : '',
          limits ? rangeText(limits.lower998, limits.upper998, rd) : '',
          verdictCell(r),
        ],
        verdict: r.judgement.verdict,
      };
    });
  return { columns, rows };
}

/**
 * The rows of the table as one HTML string: 342 rows of eight cells as JSX cost an Astro page far more than
 * the chart beside them (see mapTableRowsHtml). The verdict cell may wrap.
 */
export function funnelTableRowsHtml(rows: readonly FunnelTableRow[]): string {
  let html = '';
  for (const r of rows) {
    const name = r.href ? `<a href="${escapeMarkup(r.href)}">${escapeMarkup(r.header)}</a>` : escapeMarkup(r.header);
    html += `<tr><th scope="row">${name}</th>`;
    const last = r.cells.length - 1;
    r.cells.forEach((cell, i) => {
      html += i === last ? `<td class="funnel-table__verdict">${escapeMarkup(cell)}</td>` : `<td>${escapeMarkup(cell)}</td>`;
    });
    html += '</tr>';
  }
  return html;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface FunnelPage {
  concept: KeyConcept;
  funnel: Funnel;
  /** "Jongeren met jeugdhulp". */
  label: string;
  periodLabel: string;
  /** The page's <title> and h1. */
  title: string;
  heading: string;
  description: string;
  chart: FunnelChartInput;
  /** The chart's caption: its title. */
  caption: string;
  /** The explanation under the heading, sentence by sentence. */
  explanation: string[];
  overdispersion: string;
  counts: VerdictCount[];
  table: { id: string; caption: string; rowHeader: string; columns: FunnelTableColumn[]; rows: FunnelTableRow[]; notes: string[] };
  periods: ReturnType<typeof funnelPeriodLinks>;
  isLatest: boolean;
}

/** Everything a funnel page shows, or undefined when the figure has no funnel in that period. */
export function funnelPage(context: FactsContext, concept: KeyConcept, period: string): FunnelPage | undefined {
  const funnel = funnelOf(context, concept, period, 'gemeente');
  if (!funnel) return undefined;
  const noun = FUNNEL_NOUN[funnel.kind];
  const label = funnel.countMeasure.label;
  const centre = `${formatNumber(funnel.target.shown, funnel.unit.decimals)}${funnel.rateMeasure.unit === '%' ? '%' : ` ${funnel.rateMeasure.unit}`}`;
  const chart = funnelChartInput(funnel, { id: 'trechter' });
  const table = funnelTable(funnel, context.register);
  const periods = funnelPeriods(context, concept);
  return {
    concept,
    funnel,
    label,
    periodLabel: funnel.periodLabel,
    title: `Verschillen tussen gemeenten: ${label.toLowerCase()}, ${funnel.periodLabel}`,
    heading: `${label}: verschillen tussen gemeenten, ${funnel.periodLabel}`,
    description: `${label} in alle gemeenten, ${funnel.periodLabel}, in een trechterdiagram rond Nederland, met een tabel van alle gemeenten op naam.`,
    chart,
    caption: funnelTitle(funnel),
    explanation: [
      `Elke stip is een gemeente: liggend hoeveel ${funnel.denominatorLabel} er wonen, staand welk deel van hen ${CONCEPT_TEXT[concept].object} ${CONCEPT_TEXT[concept].verb}.`,
      `De middellijn is Nederland (${centre}).`,
      `Stippen buiten de gestippelde lijnen (de 95%-grenzen) verschillen meer van Nederland dan toeval en de gewone spreiding tussen ${noun} verklaren; buiten de doorgetrokken lijnen (de 99,8%-grenzen) is het verschil duidelijk.`,
      `Bij weinig jongeren liggen de lijnen verder uit elkaar: daar kan toeval een cijfer flink laten schommelen.`,
      'Een verschil is een vraag, geen oordeel: het kan komen door wie er wonen, door hoe de gemeente de hulp heeft geregeld, door een instelling in de gemeente, of door hoe aanbieders registreren.',
    ],
    overdispersion: overdispersionText(funnel),
    counts: verdictCounts(funnel),
    table: {
      id: 'trechter-tabel',
      caption: `${label}, ${funnel.periodLabel}: alle ${noun} op alfabetische volgorde, met de grenzen rond Nederland (${centre})`,
      rowHeader: 'Gemeente',
      ...table,
      notes: [
        '. = geen cijfer (afgeschermd of onbekend). Geen marge of grenzen: er is geen oordeel.',
        '95%-marge: waar het cijfer zonder toeval waarschijnlijk ligt. Grenzen: hoe ver een gemeente van deze grootte van Nederland kan afwijken door toeval en de gewone spreiding tussen gemeenten.',
        'Het oordeel houdt rekening met de afronding van de aantallen op vijftallen. * = voorlopig, ** = nader voorlopig.',
      ],
    },
    periods: funnelPeriodLinks(context, concept, period),
    isLatest: period === periods.at(-1),
  };
}
