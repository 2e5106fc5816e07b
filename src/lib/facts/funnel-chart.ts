/**
 * The funnel plot of a Funnel (funnel.ts) as chart input (src/lib/charts/types.ts, FunnelChartInput): the
 * national pages draw it without a region marked, a fact page with its own gemeente marked and its group.
 */
import { COUNT_NOUN } from './concepts';
import type { Comparison } from './comparison';
import { FUNNEL_NOUN, type Funnel } from './funnel';
import type { FunnelChartInput } from '../charts/types';

export interface FunnelChartOptions {
  id: string;
  /** The region a fact page is about. */
  highlight?: string;
  /** Regions drawn distinct, e.g. the gelijksoortige gemeenten. */
  group?: Set<string>;
  groupLabel?: string;
  /** Drawn this many pixels wide (see chartWidth). */
  width?: number;
}

type Points = FunnelChartInput['points'];

/**
 * The points of a funnel, made once per funnel and frozen: every page of a measure and period passes the same
 * array, so the renderer finds its frame by the array itself instead of hashing all points per page.
 */
const pointsOfFunnel = new WeakMap<Funnel, Points>();

/** The regions with counts, as points: size = denominator, position = the rate from the counts. */
export function funnelPoints(funnel: Funnel): Points {
  let points = pointsOfFunnel.get(funnel);
  if (!points) {
    points = Object.freeze(
      funnel.regions
        .filter((r) => r.exact !== null && r.rate.denominator !== null && r.rate.denominator > 0)
        .map((r) =>
          Object.freeze({
            code: r.code,
            label: r.label,
            size: r.rate.denominator!,
            value: r.exact!,
            shown: r.rate.shown,
            ...(r.judgement.verdict ? { verdict: r.judgement.verdict } : { reason: r.judgement.reason }),
          }),
        ),
    ) as Points;
    pointsOfFunnel.set(funnel, points);
  }
  return points;
}

/** "% van de jongeren tot 18 jaar" or "per 1.000 jongeren tot 18 jaar". */
function rateText(funnel: Funnel): string {
  return funnel.rateMeasure.unit === '%' ? `% van de ${funnel.denominatorLabel}` : `${funnel.rateMeasure.unit.replace(/ jongeren$/, '')} ${funnel.denominatorLabel}`;
}

/**
 * The title of a funnel: "Jongeren met jeugdhulp: % van de jongeren tot 18 jaar naar aantal jongeren, alle
 * gemeenten, 1e halfjaar 2026*".
 */
export function funnelTitle(funnel: Funnel): string {
  return `${funnel.countMeasure.label}: ${rateText(funnel)} naar aantal ${COUNT_NOUN.personen}, alle ${FUNNEL_NOUN[funnel.kind]}, ${funnel.periodLabel}`;
}

/** The chart input of a funnel, optionally with a region marked and its group. */
export function funnelChartInput(funnel: Funnel, options: FunnelChartOptions): FunnelChartInput {
  const points = funnelPoints(funnel);
  return {
    id: options.id,
    title: funnelTitle(funnel),
    unit: funnel.rateMeasure.unit,
    decimals: funnel.rateMeasure.decimals,
    per: funnel.unit.per,
    sizeLabel: funnel.denominatorLabel,
    target: { label: 'Nederland', value: funnel.target.rate, shown: funnel.target.shown, inPhrase: 'in Nederland' },
    tau2: funnel.overdispersion.tau2,
    points,
    ...(options.highlight !== undefined ? { highlight: options.highlight } : {}),
    ...(options.group ? { group: options.group } : {}),
    ...(options.groupLabel !== undefined ? { groupLabel: options.groupLabel } : {}),
    missingCount: funnel.regions.length - points.length,
    noun: FUNNEL_NOUN[funnel.kind],
    ...(options.width !== undefined ? { width: options.width } : {}),
  };
}

/**
 * The funnel a fact page shows beside a comparison: all regions of its kind, this one marked, a gemeente's
 * gelijksoortige gemeenten distinct; undefined when the figure has no funnel or the region no counts.
 */
export function comparisonFunnelInput(comparison: Comparison, region: string): FunnelChartInput | undefined {
  const { funnel } = comparison;
  if (!funnel || !funnelPoints(funnel).some((p) => p.code === region)) return undefined;
  return funnelChartInput(funnel, {
    id: `trechter-${comparison.concept}`,
    highlight: region,
    ...(comparison.group.length > 0 ? { group: new Set(comparison.group) } : {}),
    ...(comparison.groupLabel ? { groupLabel: comparison.groupLabel } : {}),
  });
}
