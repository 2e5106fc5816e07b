/**
 * The development of a region's figures over all periods of the primary kind (half years), on the latest
 * indeling, with the periods that were converted (herindeling) and the trend breaks marked.
 */
import type { DatasetMeta, Measure } from '../../schemas/dataset';
import type { TrendChartInput, TrendPoint } from '../charts/types';
import type { ObservationRow } from '../data/dataset';
import { comparePeriods, parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import { quantileSorted } from 'd3-array';
import { formatNumber, formatObservation } from '../format/number';
import { NEDERLAND, regionKind } from '../regions/codes';
import { VERDICT_TEXT } from '../stats/verdict';
import { comparedRateOf, exactValue, rateUnitOf } from './chance';
import { changeOf, type ChangeFacts } from './change';
import { COUNT_NOUN, KEY_CONCEPTS, type KeyConcept } from './concepts';
import type { FactIndex, FactsContext, FactsDataset } from './context';
import { capitalise, regionName } from './regions';
import { rateColumn, rateUnitText } from './phrases';

export interface TrendBreakMark {
  period: string;
  note: string;
}

export interface TrendCell {
  shown: string;
  value: number | null;
  converted: boolean;
  aggregated: boolean;
}

export interface TrendTableRow {
  period: string;
  /** "1e halfjaar 2025*". */
  label: string;
  cells: TrendCell[];
  /** A trend break starts in this period: the figures before it are not comparable. */
  breakNote: string | undefined;
}

export interface TrendTable {
  columns: Array<{ label: string; unit: string }>;
  rows: TrendTableRow[];
  /** Some cells were converted from former gemeenten, or computed from the gemeenten. */
  hasConverted: boolean;
  hasAggregated: boolean;
  /** What else a reader of the table must know (why a period has no middle half). */
  notes?: string[];
}

export interface RateTrend {
  concept: KeyConcept;
  /** What is followed: "Jongeren met jeugdhulp". */
  label: string;
  /** The chart and table set the region beside Nederland (not on Nederland's own page). */
  withNederland: boolean;
  chart: TrendChartInput;
  table: TrendTable;
  /** Whether the latest figure changed beyond chance, in words; for a rate only. */
  change: ChangeFacts | undefined;
}

/** The trend breaks of a measure (or of the count a rate is computed from). */
export function breaksOf(meta: DatasetMeta, measures: readonly Measure[], periods: readonly string[]): TrendBreakMark[] {
  const ids = new Set(measures.flatMap((m) => [m.id, ...(m.rate?.numerator ? [m.rate.numerator] : [])]));
  const first = periods[0] ? parsePeriodCode(periods[0]) : undefined;
  return meta.trendBreaks
    .filter((b) => !b.measures || b.measures.some((id) => ids.has(id)))
    .filter((b) => {
      const from = parsePeriodCode(b.from);
      // A break before the series starts changes nothing in what is shown.
      return from && first && comparePeriods(from, first) > 0 && periods.some((p) => comparePeriods(parsePeriodCode(p)!, from) >= 0);
    })
    .map((b) => ({ period: firstPeriodFrom(periods, b.from), note: b.note }));
}

/** The first shown period at or after a break (a break may be given as a year: 2021JJ00 → 2021HJ01). */
function firstPeriodFrom(periods: readonly string[], from: string): string {
  const start = parsePeriodCode(from)!;
  const startKey = start.kind === 'jaar' ? start.year * 10 : start.year * 10 + start.part;
  return periods.find((p) => {
    const q = parsePeriodCode(p)!;
    return q.year * 10 + q.part >= startKey;
  }) ?? from;
}

interface SeriesSource {
  index: FactIndex<ObservationRow>;
  region: string;
}

/**
 * A series' points. A rate is drawn from its counts where they are published, not as its published figure:
 * rounded to one decimal, 0,2% and 0,3% of jeugdreclassering would draw a line that jumps by half its height
 * (and Nederland's 0,447% to 0,303% as two flat steps). The table beside the chart prints the published figures.
 */
function points(dataset: FactsDataset, periods: readonly string[], source: SeriesSource, measure: Measure): TrendPoint[] {
  const unit = measure.rate ? rateUnitOf(dataset.meta, measure) : undefined;
  return periods.map((period) => {
    const row = source.index.row(source.region, period, dataset.totals) as (ObservationRow & { converted?: boolean }) | undefined;
    const cell = source.index.cellOf(row, measure.id);
    const exact = unit && cell?.value !== null && cell?.value !== undefined ? exactValue(comparedRateOf(source.index, row, measure), unit) : null;
    const point: TrendPoint = { period, value: exact ?? cell?.value ?? null, status: dataset.statusOf(period) };
    if (cell?.symbol) point.symbol = cell.symbol;
    if (row?.converted) point.converted = true;
    return point;
  });
}

function cellOf(dataset: FactsDataset, index: FactIndex<ObservationRow>, region: string, period: string, measure: Measure): TrendCell {
  const row = index.row(region, period, dataset.totals) as (ObservationRow & { converted?: boolean; aggregated?: boolean }) | undefined;
  const cell: Observation | undefined = index.cellOf(row, measure.id);
  return {
    shown: row ? formatObservation(cell, measure) : '',
    value: cell?.value ?? null,
    converted: row?.converted ?? false,
    aggregated: row?.aggregated ?? false,
  };
}

export interface TrendOptions {
  /** Read the figures as published (a former gemeente on its own indeling). */
  published?: boolean;
  /** Draw the middle half of the region's comparison group behind the lines (current regions only). */
  band?: boolean;
}

/**
 * The gemeenten whose spread a trend chart shows behind a region's line: for a gemeente the gemeenten of its
 * size class (itself included, so that all gemeenten of a size class share one band), for a provincie or a
 * jeugdregio its gemeenten, for Nederland all gemeenten.
 */
export function bandGroupOf(context: FactsContext, region: string): { key: string; label: string; short: string; members: string[] } | undefined {
  const { register } = context;
  const kind = regionKind(region);
  if (kind === 'gemeente') {
    const sizeClass = context.sizeClassOf(region);
    return sizeClass && { key: `klasse:${sizeClass.label}`, label: `middelste helft van de gemeenten met ${sizeClass.label}`, short: 'even grote gemeenten', members: context.similarGemeenten(region) };
  }
  if (kind === 'provincie' || kind === 'jeugdregio') {
    return { key: region, label: `middelste helft van de gemeenten ${regionName(register, region, 'in')}`, short: `gemeenten ${kind === 'provincie' ? 'in de provincie' : 'in de jeugdregio'}`, members: register.membersOf(region).map((g) => g.code) };
  }
  if (kind === 'land') return { key: region, label: 'middelste helft van alle gemeenten', short: 'alle gemeenten', members: context.currentGemeenten() };
  return undefined;
}

/** A quartile band needs at least this many members with a figure in a period. */
const MIN_BAND_MEMBERS = 4;

/**
 * At most this share of a group's members may lack a published rate in a period. A rate is suppressed where
 * the count is small: left out, those members would push the band up (a group with half its members at 1 to
 * 9 youths showed "0,0–0,0" from its zeros alone). Beyond it the period has no band, and the table says why.
 */
export const MAX_BAND_SUPPRESSED = 0.1;

export const BAND_GAP_NOTE =
  'Middelste helft: niet getoond in een periode waarin van meer dan een tiende van de gemeenten het cijfer is afgeschermd. Dat zijn kleine aantallen; zonder die gemeenten zou de middelste helft te hoog uitvallen.';

/**
 * The first and third quartile of the group's published rates per period, the same for every member's page;
 * `gaps` when a period was left out because too many members' rates are suppressed.
 */
function bandOf(
  context: FactsContext,
  dataset: FactsDataset,
  rate: Measure,
  periods: readonly string[],
  group: { key: string; label: string; members: string[] },
): NonNullable<TrendChartInput['band']> & { gaps: boolean } {
  return context.shared(`band|${dataset.meta.id}|${rate.id}|${group.key}|${periods.join(',')}`, () => {
    let gaps = false;
    const points = periods.flatMap((period) => {
      const cells = group.members.flatMap((code) => {
        const row = dataset.totalRow(code, period);
        return row ? [dataset.index.cellOf(row, rate.id)] : [];
      });
      const values = cells
        .map((cell) => cell?.value)
        .filter((v): v is number => v !== null && v !== undefined)
        .sort((a, b) => a - b);
      if (values.length < MIN_BAND_MEMBERS) return [];
      if (cells.length - values.length > MAX_BAND_SUPPRESSED * cells.length) {
        gaps = true;
        return [];
      }
      return [{ period, low: quantileSorted(values, 0.25)!, high: quantileSorted(values, 0.75)! }];
    });
    return { label: group.label, points, gaps };
  });
}

/**
 * One concept over time, as chart input and as the equivalent table: its rate against Nederland's (period,
 * the region's rate and count, Nederland's rate), or, where the data has no rate, the region's count alone
 * (a count cannot be set against Nederland's).
 */
export function trendOf(context: FactsContext, region: string, concept: KeyConcept, options: TrendOptions = {}): RateTrend | undefined {
  const source = context.concept(concept);
  if (!source) return undefined;
  const { dataset, measure, rate } = source;
  const index = options.published ? dataset.published() : dataset.index;
  const periods = dataset.periods.filter((p) => index.row(region, p, dataset.totals));
  if (periods.length === 0) return undefined;
  const own = regionName(context.register, region, 'plain');
  const withNl = rate !== undefined && region !== NEDERLAND;
  const shown = rate ?? measure;
  // A former gemeente's series stops at its last period; a current region's covers the whole series.
  const shownPeriods = options.published ? periods : dataset.periods;
  const series: TrendChartInput['series'] = [
    { label: capitalise(own), highlight: true, points: points(dataset, shownPeriods, { index, region }, shown) },
  ];
  if (withNl) series.push({ label: 'Nederland', points: points(dataset, shownPeriods, { index: dataset.index, region: NEDERLAND }, shown) });
  const breaks = breaksOf(dataset.meta, [shown, measure], shownPeriods);
  const group = rate && options.band && !options.published ? bandGroupOf(context, region) : undefined;
  const band = group && rate ? bandOf(context, dataset, rate, shownPeriods, group) : undefined;
  const change = rate ? changeOf(context, region, concept, options.published ? { published: true } : {}) : undefined;
  const noun = COUNT_NOUN[measure.countOf];
  const unitText = rate ? rateUnitText(rate) : `aantal ${noun}`;
  const chartBand = band && band.points.length > 0 ? { label: band.label, points: band.points } : undefined;
  const chart: TrendChartInput = {
    id: `trend-${concept}`,
    title: `${measure.label}, ${unitText}`,
    subject: !rate
      ? `het aantal ${measure.label.toLowerCase()}`
      : rate.rate?.per === 100
        ? `het percentage ${measure.label.toLowerCase()}`
        : `het aantal ${measure.label.toLowerCase()} ${unitText}`,
    unit: !rate ? 'aantal' : rate.rate?.per === 100 ? '%' : rate.unit,
    decimals: shown.decimals,
    series,
    ...(breaks.length > 0 ? { trendBreaks: breaks } : {}),
    ...(chartBand ? { band: chartBand } : {}),
    ...(change?.change.verdict && change.yearEarlier ? { change: { from: change.yearEarlier.period, to: change.latest.period, words: VERDICT_TEXT[change.change.verdict].word } } : {}),
  };
  // Short headers: the caption names the region; a phone has room for three narrow columns.
  const columns = [
    ...(rate ? [rateColumn(rate)] : []),
    { label: 'Aantal', unit: noun },
    ...(withNl ? [{ label: 'Nederland', unit: rate.rate?.per === 100 ? '%' : rate.unit }] : []),
    ...(chartBand && group ? [{ label: 'Middelste helft', unit: group.short }] : []),
  ];
  const bandAt = new Map(chartBand?.points.map((p) => [p.period, p]));
  const breakAt = new Map(breaks.map((b) => [b.period, b.note]));
  const rows = shownPeriods.map((period): TrendTableRow => ({
    period,
    label: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)),
    cells: [
      ...(rate ? [cellOf(dataset, index, region, period, rate)] : []),
      cellOf(dataset, index, region, period, measure),
      ...(withNl ? [cellOf(dataset, dataset.index, NEDERLAND, period, rate)] : []),
      ...(chartBand ? [bandCell(bandAt.get(period), rate!.decimals)] : []),
    ],
    breakNote: breakAt.get(period),
  }));
  const table = tableOf(columns, rows);
  if (band?.gaps) table.notes = [BAND_GAP_NOTE];
  return { concept, label: measure.label, withNederland: withNl, chart, table, change };
}

function bandCell(point: { low: number; high: number } | undefined, decimals: number): TrendCell {
  return { shown: point ? `${formatNumber(point.low, decimals)}–${formatNumber(point.high, decimals)}` : '', value: null, converted: false, aggregated: false };
}

/** The trend of a concept's rate against Nederland; undefined where the data has no rate (used by src/lib/embed). */
export function rateTrendOf(context: FactsContext, region: string, concept: KeyConcept, options: TrendOptions = {}): RateTrend | undefined {
  return context.concept(concept)?.rate ? trendOf(context, region, concept, options) : undefined;
}

/** Every key count of a region per period, one column per concept. */
export function countsTrendOf(context: FactsContext, region: string, options: TrendOptions = {}): TrendTable | undefined {
  const sources = KEY_CONCEPTS.map((concept) => context.concept(concept)).filter((s) => s !== undefined);
  const indexOf = (d: FactsDataset) => (options.published ? d.published() : d.index);
  const present = sources.filter((s) => s.dataset.periods.some((p) => indexOf(s.dataset).row(region, p, s.dataset.totals)));
  if (present.length === 0) return undefined;
  const periodSet = new Set(present.flatMap((s) => s.dataset.periods.filter((p) => indexOf(s.dataset).row(region, p, s.dataset.totals))));
  const periods = [...periodSet].sort((a, b) => comparePeriods(parsePeriodCode(a)!, parsePeriodCode(b)!));
  const breaks = new Map<string, string[]>();
  for (const s of present) {
    for (const b of breaksOf(s.dataset.meta, [s.measure], periods)) breaks.set(b.period, [...(breaks.get(b.period) ?? []), b.note]);
  }
  const rows = periods.map((period): TrendTableRow => {
    const statusSource = present.find((s) => s.dataset.periods.includes(period))!;
    return {
      period,
      label: periodLabelWithStatus(parsePeriodCode(period)!, statusSource.dataset.statusOf(period)),
      cells: present.map((s) => cellOf(s.dataset, indexOf(s.dataset), region, period, s.measure)),
      breakNote: breaks.get(period)?.join(' '),
    };
  });
  const columns = present.map((s) => ({ label: s.measure.shortLabel ?? s.measure.label, unit: `aantal ${COUNT_NOUN[s.measure.countOf]}` }));
  return tableOf(columns, rows);
}

function tableOf(columns: TrendTable['columns'], rows: TrendTableRow[]): TrendTable {
  return {
    columns,
    rows,
    hasConverted: rows.some((r) => r.cells.some((c) => c.converted)),
    hasAggregated: rows.some((r) => r.cells.some((c) => c.aggregated)),
  };
}
