/**
 * The funnel of one key figure in one period: every region of a kind (all current gemeenten, the provincies or
 * the jeugdregio's) with its rate, its size, the control limits around Nederland at that size and its
 * verdict against Nederland. The overdispersion between the regions (τ²) is estimated here once per measure,
 * period and kind, and every comparison of a region of that kind uses it (comparison.ts). There are no ranks:
 * the regions are listed by name.
 */
import type { Measure } from '../../schemas/dataset';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import { NEDERLAND } from '../regions/codes';
import type { FunnelLimits, Overdispersion } from '../stats/funnel';
import { overdispersion } from '../stats/funnel';
import type { Interval } from '../stats/intervals';
import { judgeAgainstReference, type ComparedRate, type Judgement, type RateUnit } from '../stats/verdict';
import { comparedRateOf, exactValue, intervalOf, rateKindOf, rateUnitOf } from './chance';
import { COMPARED_CONCEPTS, totalDenominatorLabel, type KeyConcept } from './concepts';
import type { ConceptSource, FactsContext } from './context';

export type FunnelKind = 'gemeente' | 'provincie' | 'jeugdregio';

export const FUNNEL_NOUN: Record<FunnelKind, string> = { gemeente: 'gemeenten', provincie: 'provincies', jeugdregio: "jeugdregio's" };

export interface FunnelRegion {
  code: string;
  label: string;
  rate: ComparedRate;
  /** The rate from the counts, where they are known (the position in the plot). */
  exact: number | null;
  interval: Interval | undefined;
  limits: FunnelLimits | undefined;
  judgement: Judgement;
}

export interface Funnel {
  concept: KeyConcept;
  datasetId: string;
  kind: FunnelKind;
  rateMeasure: Measure;
  /** The count measure (numerator) and the denominator's name: "jongeren tot 18 jaar". */
  countMeasure: Measure;
  denominatorLabel: string;
  unit: RateUnit;
  period: string;
  periodLabel: string;
  /** Nederland: the centre line. */
  target: { rate: number; shown: number; count: number | null; denominator: number | null };
  overdispersion: Overdispersion;
  /** Every region of the kind, by name; those without counts carry the reason they have no verdict. */
  regions: FunnelRegion[];
}

/** Whether a key figure is set against other regions: one of COMPARED_CONCEPTS, with a rate of persons. */
export function isCompared(context: FactsContext, concept: KeyConcept): boolean {
  const source = context.concept(concept);
  return COMPARED_CONCEPTS.includes(concept) && source?.rate !== undefined && rateKindOf(source.dataset.meta, source.rate) === 'proportion';
}

/** The funnel of a key figure among the regions of a kind in a period; computed once per build. */
export function funnelOf(context: FactsContext, concept: KeyConcept, period: string, kind: FunnelKind = 'gemeente'): Funnel | undefined {
  return context.shared(`funnel|${concept}|${period}|${kind}`, () => computeFunnel(context, concept, period, kind));
}

function regionsOfKind(context: FactsContext, kind: FunnelKind): string[] {
  const { register } = context;
  if (kind === 'provincie') return register.provincies().map((p) => p.code);
  if (kind === 'jeugdregio') return register.jeugdregios().map((j) => j.code);
  return context.currentGemeenten();
}

function computeFunnel(context: FactsContext, concept: KeyConcept, period: string, kind: FunnelKind): Funnel | undefined {
  const source = context.concept(concept);
  if (!source?.rate || !isCompared(context, concept)) return undefined;
  const funnel = funnelOfSource(context, source, period, kind);
  return funnel && { concept, ...funnel };
}

/**
 * The funnel of any share of persons with its counts (a key figure's, or a share of another group such as
 * the youths with jeugdbescherming who also had jeugdhulp met verblijf), centred on Nederland.
 */
export function funnelOfSource(context: FactsContext, source: ConceptSource, period: string, kind: FunnelKind = 'gemeente'): Omit<Funnel, 'concept'> | undefined {
  const { dataset, rate, measure } = source;
  if (!rate || rateKindOf(dataset.meta, rate) !== 'proportion') return undefined;
  const unit = rateUnitOf(dataset.meta, rate);
  const nl = comparedRateOf(dataset.index, dataset.totalRow(NEDERLAND, period), rate);
  const targetRate = exactValue(nl, unit) ?? nl.shown;
  if (targetRate === null || nl.shown === null) return undefined;
  const codes = regionsOfKind(context, kind);
  const rates = codes.map((code) => ({ code, rate: comparedRateOf(dataset.index, dataset.totalRow(code, period), rate) }));
  const usable = rates.filter(({ rate: r }) => r.count !== null && r.denominator !== null && r.denominator > 0);
  const od = overdispersion(
    usable.map(({ rate: r }) => ({ count: Math.min(r.count!, r.denominator!), denominator: r.denominator! })),
    targetRate / unit.per,
  );
  const regions = rates.map(({ code, rate: r }): FunnelRegion => {
    const judged = judgeAgainstReference(r, { rate: targetRate, shown: nl.shown }, unit, od.tau2);
    return {
      code,
      label: context.register.label(code),
      rate: r,
      exact: exactValue(r, unit),
      interval: intervalOf(r, unit),
      limits: judged.limits,
      judgement: judged.judgement,
    };
  });
  return {
    datasetId: dataset.meta.id,
    kind,
    rateMeasure: rate,
    countMeasure: measure,
    denominatorLabel: totalDenominatorLabel(rate),
    unit,
    period,
    periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)),
    target: { rate: targetRate, shown: nl.shown, count: nl.count, denominator: nl.denominator },
    overdispersion: od,
    regions,
  };
}

/**
 * The periods a funnel of gemeenten exists for: the periods of the concept's dataset (half years where it has
 * them) in which Nederland has a rate to centre on.
 */
export function funnelPeriods(context: FactsContext, concept: KeyConcept): string[] {
  return (context.concept(concept)?.dataset.periods ?? []).filter((period) => funnelOf(context, concept, period) !== undefined);
}

/** The concepts with a funnel, in the order of the key figures. */
export function funnelConcepts(context: FactsContext, concepts: readonly KeyConcept[]): KeyConcept[] {
  return concepts.filter((c) => isCompared(context, c));
}
