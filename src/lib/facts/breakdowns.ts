/**
 * A region's figures of the latest period split by one dimension (hulpvorm, verwijzer, leeftijd, …), with
 * Nederland beside them. Trajecten are shown as shares of all trajecten (as CBS does for its subrows);
 * persons as a rate of their own age or gender group where the data has one.
 */
import { joinDutch } from '../format/text';
import type { DatasetMeta, Measure, TopicDimension } from '../../schemas/dataset';
import type { BarChartInput } from '../charts/types';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import { formatNumber, formatObservation } from '../format/number';
import { NEDERLAND } from '../regions/codes';
import { CONCEPT_TEXT, COUNT_NOUN, KEY_CONCEPTS, preferDataset, rateOf, totalDenominatorLabel, type KeyConcept } from './concepts';
import { comparedRateOf, exactValue, rateUnitOf } from './chance';
import type { FactsContext, FactsDataset } from './context';
import type { FactRow } from './aggregate';

/** The dimensions a fact page breaks figures down by, in the order it shows them. */
export const BREAKDOWN_DIMENSIONS = ['hulpvorm', 'verwijzer', 'leeftijd', 'geslacht', 'maatregel'] as const;

const GROUP_HINT: Record<string, string> = {
  leeftijd: ' (alle jongeren van die leeftijd)',
  geslacht: ' (alle jongens of alle meisjes)',
};

export interface BreakdownRow {
  code: string;
  label: string;
  group: string | undefined;
  count: Observation | undefined;
  countShown: string;
  /** The share of all trajecten, or the rate of the category's own group, as a number and as shown. */
  metric: number | null;
  metricShown: string;
  /** The same for Nederland. */
  nationalShown: string | undefined;
}

export interface Breakdown {
  dimension: TopicDimension;
  datasetId: string;
  measure: Measure;
  /** "Aandeel van alle trajecten", "% van de jongeren in die groep". */
  metricLabel: string;
  metricUnit: string;
  period: string;
  /** "1e halfjaar 2025*". */
  periodLabel: string;
  /** The total category ("Totaal tot 18 jaar") with its count, and the categories it does not include. */
  total: { label: string; countShown: string; outside: string[] };
  /** Some category has a count but no rate: its denominator is below the minimum. */
  smallDenominator: boolean;
  /** The rate shown per category, when it is a rate of the category's own group (not a share). */
  rate: Measure | undefined;
  rows: BreakdownRow[];
  /** What a share or rate is relative to, in a sentence under the table. */
  explanation: string;
  chart: BarChartInput;
}

/** Every breakdown the data holds for a region, one per dimension in BREAKDOWN_DIMENSIONS. */
export function breakdownsOf(context: FactsContext, region: string): Breakdown[] {
  const out: Breakdown[] = [];
  for (const dimensionId of BREAKDOWN_DIMENSIONS) {
    const candidates = context.datasets.filter((d) => d.meta.dimensions.some((dim) => dim.id === dimensionId) && mainMeasure(d.meta));
    const dataset = preferDataset(candidates);
    if (!dataset) continue;
    const breakdown = breakdownOf(dataset, region, dimensionId);
    if (breakdown) out.push(breakdown);
  }
  return out;
}

/**
 * Below this many expected at Nederland's share, a category without a figure may be a small count (fewer than
 * 10, suppressed) as well as one not delivered: the sums cannot tell them apart, so the page claims neither.
 */
export const NOT_DELIVERED_EXPECTED = 50;

/**
 * The categories without a figure that a region's total leaves out: not delivered (as many gemeenten deliver
 * no wijkteam trajecten), rather than suppressed. A suppressed count is in the total; one not delivered is
 * not, and then the total is the published categories added up, within their rounding to 5. A suppressed
 * count is below 10, which the rounding of the others can hide as well: only a category that would hold at
 * least NOT_DELIVERED_EXPECTED at Nederland's share (`expected`) is taken as not delivered. Pure.
 */
export function uncoveredCategories(
  categories: ReadonlyArray<{ code: string; count: number | null }>,
  total: number | null,
  expected: (code: string) => number | null,
): string[] {
  const missing = categories.filter((c) => c.count === null).map((c) => c.code);
  if (missing.length === 0 || total === null) return [];
  const published = categories.filter((c) => c.count !== null);
  const sum = published.reduce((a, c) => a + c.count!, 0);
  // Each published count and the total are rounded to 5: they may differ by up to 2,5 each.
  if (total - sum > 2.5 * (published.length + 1)) return [];
  return missing.every((code) => (expected(code) ?? 0) >= NOT_DELIVERED_EXPECTED) ? missing : [];
}

/** The count a dataset is about: its first measure with a key concept. */
function mainMeasure(meta: DatasetMeta): Measure | undefined {
  for (const concept of KEY_CONCEPTS) {
    const m = meta.measures.find((x) => x.concept === concept && x.type === 'aantal');
    if (m) return m;
  }
  return undefined;
}

export function breakdownOf(dataset: FactsDataset, region: string, dimensionId: string): Breakdown | undefined {
  const { meta } = dataset;
  const position = meta.dimensions.findIndex((d) => d.id === dimensionId);
  const dimension = meta.dimensions[position];
  const measure = mainMeasure(meta);
  if (!dimension || !measure) return undefined;
  const period = dataset.latestPeriod;
  const topicsFor = (code: string) => dataset.totals.map((t, i) => (i === position ? code : t));
  const totalCode = dataset.totals[position]!;
  const rowOf = (r: string, code: string) => dataset.index.row(r, period, topicsFor(code));
  const categories = dimension.codes.filter((c) => c.code !== totalCode);
  if (!categories.some((c) => rowOf(region, c.code))) return undefined;

  // Trajecten of a category are a share of all trajecten; persons a rate of their own group, if the data has it.
  const rate = measure.countOf === 'trajecten' ? undefined : rateOf(meta, measure.id);
  const countOf = (r: string, code: string) => dataset.index.cellOf(rowOf(r, code), measure.id)?.value ?? null;
  const regionTotal = countOf(region, totalCode);
  const nationalTotal = countOf(NEDERLAND, totalCode);
  const atNationalShare = (code: string) => {
    const part = countOf(NEDERLAND, code);
    return part === null || !nationalTotal || regionTotal === null ? null : (part / nationalTotal) * regionTotal;
  };
  const uncovered = rate ? [] : uncoveredCategories(categories.filter((c) => rowOf(region, c.code)).map((c) => ({ code: c.code, count: countOf(region, c.code) })), regionTotal, atNationalShare);
  const metric = (r: string, code: string): number | null => {
    const row = rowOf(r, code);
    if (rate) return dataset.index.cellOf(row, rate.id)?.value ?? null;
    const part = countOf(r, code);
    // Nederland beside the region: its share of the trajecten in the same categories the region's total covers.
    const left = r === region ? 0 : uncovered.reduce((sum, c) => sum + (countOf(r, c) ?? 0), 0);
    const total = countOf(r, totalCode);
    const whole = total === null ? null : total - left;
    return part === null || !whole ? null : (part / whole) * 100;
  };
  const decimals = rate ? rate.decimals : 1;
  const metricUnit = rate ? (rate.rate?.per === 100 ? '%' : rate.unit) : '%';
  // A rate of some youths that rounds to 0,0 would read as none (735 youths with voorlopige voogdij in
  // Nederland): it gets the decimals that show it, from its counts.
  const show = (value: number | null, r?: string, code?: string) => {
    if (value === null) return '.';
    if (value === 0 && rate && r && code && (countOf(r, code) ?? 0) > 0) {
      const exact = exactValue(comparedRateOf(dataset.index, rowOf(r, code), rate), rateUnitOf(meta, rate));
      if (exact !== null && exact > 0) return formatNumber(exact, Math.max(decimals + 1, Math.min(decimals + 3, -Math.floor(Math.log10(exact)))));
    }
    return formatNumber(value, decimals);
  };
  const withNl = region !== NEDERLAND;
  const rows = categories.map((c): BreakdownRow => {
    const row: FactRow | undefined = rowOf(region, c.code);
    const count = dataset.index.cellOf(row, measure.id);
    const value = metric(region, c.code);
    return {
      code: c.code,
      label: c.label,
      group: c.group,
      count,
      countShown: formatObservation(count, measure),
      metric: value,
      // The rate of a count kept secret would give the count back: it is secret too (src/lib/disclosure).
      metricShown: value === null && count?.symbol === 'x' ? 'x' : show(value, region, c.code),
      // A category left out of the region's total is left out of Nederland's beside it: empty, as CBS leaves a
      // figure that cannot occur.
      nationalShown: !withNl ? undefined : uncovered.includes(c.code) ? '' : show(metric(NEDERLAND, c.code), NEDERLAND, c.code),
    };
  });
  const periodLabel = periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period));
  const noun = COUNT_NOUN[measure.countOf];
  // A group of the population (an age, a sex) has its own jongeren: the rate is of them. Another category (a
  // maatregel) is part of the help, not of the population: its rate is of all the region's jongeren.
  const ofGroup = dimension.id in GROUP_HINT;
  const denominator = rate ? totalDenominatorLabel(rate) : '';
  const metricLabel = rate ? (ofGroup ? '% van de jongeren in die groep' : `% van alle ${denominator}`) : `aandeel van alle ${noun}`;
  const what = measure.concept && measure.concept in CONCEPT_TEXT ? CONCEPT_TEXT[measure.concept as KeyConcept] : undefined;
  const explanation = rate
    ? ofGroup
      ? `Het percentage is het deel van alle jongeren in die groep${GROUP_HINT[dimension.id]}${what ? ` dat ${what.object} ${what.verb}` : ''}. De aantallen tellen ${noun}.`
      : `Het percentage is het aantal ${noun} met die ${dimension.label.toLowerCase()} als deel van alle ${denominator}. De aantallen tellen ${noun}; één jongere kan meer dan één ${dimension.label.toLowerCase()} hebben.`
    : `Het aandeel zegt welk deel van alle ${formatObservation(dataset.index.cellOf(rowOf(region, totalCode), measure.id), measure)} ${noun} bij die ${dimension.label.toLowerCase()} hoort. Door afronding tellen de delen niet altijd op tot het totaal.${
        uncovered.length > 0 && withNl
          ? ` Over ${joinDutch(uncovered.map((c) => categories.find((x) => x.code === c)!.label.toLowerCase()))} zijn hier geen cijfers geleverd, en die ${noun} tellen niet mee in het totaal. Nederland ernaast is daarom ook zonder die ${uncovered.length === 1 ? dimension.label.toLowerCase() : `${dimension.label.toLowerCase()}en`} berekend, zodat de aandelen vergelijkbaar zijn.`
          : ''
      }`;
  return {
    dimension,
    datasetId: meta.id,
    measure,
    metricLabel,
    metricUnit,
    period,
    periodLabel,
    total: {
      label: dimension.codes.find((c) => c.code === totalCode)?.label ?? 'Totaal',
      countShown: formatObservation(dataset.index.cellOf(rowOf(region, totalCode), measure.id), measure),
      outside: categories.filter((c) => c.outsideTotal).map((c) => c.label),
    },
    // A count shown without its rate: the rate is not computed on fewer than 50 in the denominator.
    rate,
    smallDenominator: rate !== undefined && rows.some((r) => r.count?.value !== null && r.count?.value !== undefined && r.metric === null && r.metricShown === '.'),
    rows,
    explanation,
    chart: {
      id: `verdeling-${dimension.id}`,
      title: `${measure.label} naar ${dimension.label.toLowerCase()}, ${metricLabel}`,
      unit: metricUnit,
      decimals,
      bars: rows.map((r) => ({
        label: r.label,
        value: r.metric,
        // As the table prints it: a rate of a few youths with the decimals that show it is not none.
        ...(r.metric === null ? { symbol: r.count?.symbol ?? '.' } : { printed: r.metricShown }),
        ...(r.group ? { group: r.group } : {}),
      })),
    },
  };
}
