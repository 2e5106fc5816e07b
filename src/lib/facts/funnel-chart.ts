/**
 * The funnel plot of a Funnel (funnel.ts) as chart input (src/lib/charts/types.ts, FunnelChartInput): the
 * national pages draw it without a region marked, a fact page with its own gemeente marked and its group.
 *
 * What all fact pages of a funnel share (the frame and every region as a grey ring) is served once as a static
 * SVG file per width (src/pages/grafieken/trechter/[frame].svg.ts), and a fact page's drawing shows it under its
 * own marks: {@link factPageFunnels} says which funnels fact pages show, {@link funnelFrameInputs} the drawings
 * of one of them that the files are made from, both through {@link funnelChartInput} as the pages' own.
 */
import { CHART_WIDTH, NARROW_CHART_WIDTH } from '../charts/layout';
import { KEY_CONCEPTS } from './concepts';
import { rateUnitText } from './phrases';
import type { Comparison } from './comparison';
import type { FactsContext } from './context';
import { FUNNEL_NOUN, funnelOf, isCompared, type Funnel, type FunnelKind } from './funnel';
import type { FunnelChartInput } from '../charts/types';

export interface FunnelChartOptions {
  id: string;
  /** The region a fact page is about. */
  highlight?: string;
  /** Regions drawn distinct, e.g. the vergelijkbare gemeenten. */
  group?: Set<string>;
  groupLabel?: string;
  /** Drawn this many pixels wide (see chartWidth). */
  width?: number;
  /** Show the shared part from its file (see FunnelChartInput.frameFile) rather than inline. */
  frameFile?: boolean;
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

/**
 * The title of a funnel: "Jongeren met jeugdhulp: % van jongeren tot 18 jaar naar aantal jongeren tot 18 jaar,
 * alle gemeenten, 1e halfjaar 2026*", or with real data "… per 1.000 inwoners naar aantal inwoners, …".
 */
export function funnelTitle(funnel: Funnel): string {
  return `${funnel.countMeasure.label}: ${rateUnitText(funnel.rateMeasure)} naar aantal ${funnel.denominatorLabel}, alle ${FUNNEL_NOUN[funnel.kind]}, ${funnel.periodLabel}`;
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
    ...(options.frameFile ? { frameFile: funnelFramePath(funnel) } : {}),
  };
}

/** Where the files of a funnel's shared part are served. */
export const FUNNEL_FRAME_DIR = '/grafieken/trechter/';

/**
 * The path of a funnel's shared part, without the width, hash and extension the renderer adds:
 * "/grafieken/trechter/jongeren-jeugdhulp-2026hj01-gemeente".
 */
export function funnelFramePath(funnel: Pick<Funnel, 'concept' | 'period' | 'kind'>): string {
  return `${FUNNEL_FRAME_DIR}${funnel.concept}-${funnel.period.toLowerCase()}-${funnel.kind}`;
}

const FACT_PAGE_KINDS: readonly FunnelKind[] = ['gemeente', 'provincie', 'jeugdregio'];

/**
 * Every funnel a fact page can show: per compared key figure its dataset's latest period (the period of the
 * key figures, key-figures.ts), among the gemeenten, the provincies and the jeugdregio's; those with a region
 * with counts (a page shows a funnel only with its own region in it).
 */
export function factPageFunnels(context: FactsContext): Funnel[] {
  const out: Funnel[] = [];
  for (const concept of KEY_CONCEPTS) {
    const source = context.concept(concept);
    if (!source || !isCompared(context, concept)) continue;
    for (const kind of FACT_PAGE_KINDS) {
      const funnel = funnelOf(context, concept, source.dataset.latestPeriod, kind);
      if (funnel && funnelPoints(funnel).length > 0) out.push(funnel);
    }
  }
  return out;
}

/**
 * The drawings of a funnel that the files of its shared part are made from: wide and narrow, as a fact page
 * draws it (withNarrow), without a region marked (the shared part is the same with any).
 */
export function funnelFrameInputs(funnel: Funnel): FunnelChartInput[] {
  return [CHART_WIDTH, NARROW_CHART_WIDTH].map((width) =>
    funnelChartInput(funnel, { id: 'trechter', frameFile: true, ...(width === CHART_WIDTH ? {} : { width }) }),
  );
}

/**
 * The funnel a fact page shows beside a comparison: all regions of its kind, this one marked, a gemeente's
 * peers (its vergelijkbare gemeenten, or else its size class) distinct; undefined when the figure has no funnel or the region no counts.
 */
export function comparisonFunnelInput(comparison: Comparison, region: string): FunnelChartInput | undefined {
  const { funnel } = comparison;
  if (!funnel || !funnelPoints(funnel).some((p) => p.code === region)) return undefined;
  return funnelChartInput(funnel, {
    id: `trechter-${comparison.concept}`,
    highlight: region,
    frameFile: true,
    ...(comparison.group.length > 0 ? { group: new Set(comparison.group) } : {}),
    ...(comparison.groupLabel ? { groupLabel: comparison.groupLabel } : {}),
  });
}
