/**
 * A region's rate beside Nederland, its provincie, its jeugdregio and the gelijksoortige gemeenten, each with
 * a chance-aware verdict from src/lib/stats/verdict.ts, and its place in the funnel of all regions of its kind.
 * The purpose is learning from differences, not ranking: no rank numbers, and a sentence that calls a
 * difference a question.
 */
import type { Measure } from '../../schemas/dataset';
import type { Observation } from '../data/symbols';
import { formatNumber, formatObservation } from '../format/number';
import { joinDutch } from '../pages/gemeente-links';
import { NEDERLAND, regionKind } from '../regions/codes';
import type { FunnelLimits } from '../stats/funnel';
import type { Interval } from '../stats/intervals';
import { judgeAgainstReference, NO_VERDICT_TEXT, VERDICT_TEXT, type ComparedRate, type Judgement, type NoVerdictReason, type Verdict } from '../stats/verdict';
import { groupRate } from './aggregate';
import { comparedRateOf, exactValue, intervalOf, rateUnitOf } from './chance';
import { CONCEPT_TEXT, COUNT_NOUN, type KeyConcept } from './concepts';
import type { FactsContext, FactsDataset } from './context';
import { funnelOf, isCompared, type Funnel, type FunnelKind } from './funnel';
import type { KeyFigure } from './key-figures';
import { rateNumber, ratePhrase, thePeriod } from './phrases';
import { capitalise, regionName } from './regions';

/** Largest share of the group's denominator (jongeren) that may be left out of a group rate. */
export const MAX_EXCLUDED_SHARE = 0.1;

export type ReferenceKind = 'land' | 'provincie' | 'jeugdregio' | 'gelijksoortig';

export interface ComparisonReference {
  kind: ReferenceKind;
  /** The region code; undefined for the group of gelijksoortige gemeenten. */
  code: string | undefined;
  /** For a table: "Nederland", "Provincie Drenthe", "Jeugdregio Drenthe", "Gelijksoortige gemeenten". */
  label: string;
  /** For running text: "in Nederland", "in de provincie Drenthe", "in gelijksoortige gemeenten". */
  inPhrase: string;
  rate: Observation;
  rateShown: string;
  /** The numerator: N next to every percentage. */
  count: Observation;
  countShown: string;
  /** The population the reference's rate is of (jongeren); null when unknown. */
  denominator: number | null;
  /** The figure was computed from the member gemeenten. */
  aggregated: boolean;
  /** The rate from its unrounded counts (the centre of the comparison); the published rate when there are none. */
  exact: number | null;
  /** The 95% interval of the reference's own rate. */
  interval: Interval | undefined;
  /** What the group is: "81 andere gemeenten met 20.000 tot 35.000 inwoners". */
  note: string | undefined;
  /** The region against this reference: a verdict, or why there is none. */
  judgement: Judgement;
  /** The control limits around this reference at the region's size (95% and 99.8%), in the rate's unit. */
  limits: FunnelLimits | undefined;
}

export interface Comparison {
  concept: KeyConcept;
  figure: KeyFigure;
  rateMeasure: Measure;
  /** The region's own rate with its counts and 95% interval. */
  own: { rate: ComparedRate; interval: Interval | undefined };
  references: ComparisonReference[];
  /** Plain sentences: what the figure is, how it differs, and that a difference is a question. */
  sentences: string[];
  /** Every region of the same kind with its verdict against Nederland, for the funnel plot. */
  funnel: Funnel | undefined;
  /** The gelijksoortige gemeenten (the gemeente itself included), drawn distinct in the funnel. */
  group: string[];
  /** "gelijksoortige gemeenten (gemeenten met 20.000 tot 35.000 inwoners)". */
  groupLabel: string | undefined;
}

const DIFFERENCE_SHORT = 'Een verschil is een vraag, geen oordeel.';

/** Why figures can differ; "de gemeente" on a gemeente page, "de gemeenten" on a region's. */
export function differenceIsAQuestion(kind: 'gemeente' | 'regio' = 'gemeente'): string {
  const who = kind === 'gemeente' ? 'de gemeente' : 'de gemeenten';
  return `${DIFFERENCE_SHORT} Het kan komen door wie er wonen (bijvoorbeeld meer gezinnen met zorgen), door hoe ${who} de hulp ${kind === 'gemeente' ? 'heeft' : 'hebben'} geregeld, door een instelling in ${who}, of door hoe aanbieders registreren.`;
}

export const DIFFERENCE_IS_A_QUESTION = differenceIsAQuestion('gemeente');

/** What the verdict words mean, once above the comparisons of a page; `noun` names the regions compared ("gemeenten"). */
export function verdictMeaning(noun = 'gemeenten'): string {
  return `“Hoger” of “lager” staat er alleen als het verschil groter is dan toeval en de gewone verschillen tussen ${noun} samen kunnen verklaren (buiten de 95%-grenzen van het trechterdiagram); “duidelijk hoger” of “duidelijk lager” als het ook buiten de 99,8%-grenzen valt. Anders staat er “niet duidelijk anders”.`;
}

/** Comparisons for the key figures that are set against other regions (COMPARED_CONCEPTS, with a rate). */
export function comparisonsOf(context: FactsContext, region: string, figures: readonly KeyFigure[]): Comparison[] {
  const comparisons = figures
    .filter((f) => f.rate && isCompared(context, f.concept))
    .map((f) => comparisonOf(context, region, f))
    .filter((c) => c !== undefined);
  // The reasons a difference can have are given once, at the first difference; later ones get the short form.
  let explained = false;
  for (const c of comparisons) {
    const at = c.sentences.findIndex((s) => s.startsWith(DIFFERENCE_SHORT));
    if (at < 0) continue;
    if (explained) c.sentences[at] = `Ook hier geldt: ${DIFFERENCE_SHORT.charAt(0).toLowerCase()}${DIFFERENCE_SHORT.slice(1)}`;
    explained = true;
  }
  return comparisons;
}

/** The kind of regions a region is compared among: gemeenten among gemeenten, provincies among provincies. */
function funnelKindOf(region: string): FunnelKind | undefined {
  const kind = regionKind(region);
  return kind === 'gemeente' || kind === 'provincie' || kind === 'jeugdregio' ? kind : undefined;
}

export function comparisonOf(context: FactsContext, region: string, figure: KeyFigure): Comparison | undefined {
  const source = context.concept(figure.concept);
  const rateMeasure = figure.rate?.measure;
  if (!source || !rateMeasure) return undefined;
  const { dataset } = source;
  const unit = rateUnitOf(dataset.meta, rateMeasure);
  const own = comparedRateOf(dataset.index, dataset.totalRow(region, figure.period), rateMeasure);
  const kind = funnelKindOf(region);
  const funnel = kind ? funnelOf(context, figure.concept, figure.period, kind) : undefined;
  // The spread between regions of the kind beyond chance; without a funnel (no counts) nothing is judged.
  const tau2 = funnel?.overdispersion.tau2;
  const references = referencesOf({ context, dataset, region, measure: figure.measure, rate: rateMeasure, period: figure.period }).map(
    (r): ComparisonReference => {
      if (tau2 === undefined) return { ...r, judgement: { verdict: undefined, reason: own.count === null ? 'afgeschermd' : 'geen-aantallen' }, limits: undefined };
      const judged = judgeAgainstReference(own, { rate: r.exact, shown: r.rate.value }, unit, tau2);
      return { ...r, judgement: judged.judgement, limits: judged.limits };
    },
  );
  const group = kind === 'gemeente' ? context.similarGemeenten(region) : [];
  const sizeClass = kind === 'gemeente' ? context.sizeClassOf(region) : undefined;
  return {
    concept: figure.concept,
    figure,
    rateMeasure,
    own: { rate: own, interval: intervalOf(own, unit) },
    references,
    sentences: comparisonSentences(
      {
        plain: regionName(context.register, region, 'plain'),
        inPhrase: regionName(context.register, region, 'in'),
        kind: kind === 'gemeente' ? 'gemeente' : 'regio',
      },
      figure,
      references,
    ),
    funnel,
    group,
    groupLabel: sizeClass ? `gelijksoortige gemeenten (gemeenten met ${sizeClass.label})` : undefined,
  };
}

/** What a comparison is about: one figure of one region in one period. */
interface ReferenceQuery {
  context: FactsContext;
  dataset: FactsDataset;
  region: string;
  measure: Measure;
  rate: Measure;
  period: string;
}

type UnjudgedReference = Omit<ComparisonReference, 'judgement' | 'limits'>;

function referencesOf(query: ReferenceQuery): UnjudgedReference[] {
  const { context, dataset, region, measure, rate, period } = query;
  const { register } = context;
  const unit = rateUnitOf(dataset.meta, rate);
  const kind = regionKind(region);
  const codes: string[] = [];
  if (kind !== 'land') codes.push(NEDERLAND);
  if (kind === 'gemeente') {
    const provincie = register.provincieOf(region);
    const jeugdregio = register.jeugdregioOf(region);
    if (provincie) codes.push(provincie);
    if (jeugdregio) codes.push(jeugdregio);
  }
  const out = codes.map((code): UnjudgedReference => {
    const row = dataset.totalRow(code, period);
    const rateCell = dataset.index.cellOf(row, rate.id) ?? { value: null, symbol: '.' };
    const count = dataset.index.cellOf(row, measure.id) ?? { value: null, symbol: '.' };
    const counts = comparedRateOf(dataset.index, row, rate);
    return {
      kind: regionKind(code) as ReferenceKind,
      code,
      label: capitalise(regionName(register, code, 'plain')),
      inPhrase: regionName(register, code, 'in'),
      rate: rateCell,
      rateShown: formatObservation(rateCell, rate),
      count,
      countShown: formatObservation(count, measure),
      denominator: counts.denominator,
      aggregated: row?.aggregated ?? false,
      exact: rateCell.value === null ? null : (exactValue(counts, unit) ?? rateCell.value),
      interval: intervalOf(counts, unit),
      note: undefined,
    };
  });
  if (kind === 'gemeente') {
    const similar = similarReference(query);
    if (similar) out.push(similar);
  }
  return out;
}

/** The gelijksoortige gemeenten (same size class), the gemeente itself left out; the rate from summed counts. */
function similarReference(query: ReferenceQuery): UnjudgedReference | undefined {
  const { context, dataset, region, measure, rate, period } = query;
  const sizeClass = context.sizeClassOf(region);
  const others = context.similarGemeenten(region).filter((g) => g !== region);
  if (!sizeClass || others.length === 0) return undefined;
  const group = groupRate(dataset.meta, rate, others.map((g) => dataset.totalRow(g, period)));
  if (!group) return undefined;
  // Suppressed members have small counts, so leaving them out pushes the rate up. Up to a tenth of the
  // group's jongeren that bias stays small; beyond it the group has no usable rate.
  const usable = group.included > 0 && group.excludedShare <= MAX_EXCLUDED_SHARE;
  const groupRateCell: Observation = usable ? group.rate : { value: null, symbol: '.' };
  const count: Observation = usable ? { value: group.numerator, symbol: null } : { value: null, symbol: '.' };
  const counts: ComparedRate = usable ? { count: group.numerator, denominator: group.denominator, shown: group.rate.value } : { count: null, denominator: null, shown: null };
  const unit = rateUnitOf(dataset.meta, rate);
  const left =
    group.excluded === 0
      ? ''
      : usable
        ? `; ${group.excluded} zonder cijfer niet meegeteld`
        : `; bij ${group.excluded} is het aantal afgeschermd, daardoor is er geen betrouwbaar cijfer`;
  return {
    kind: 'gelijksoortig',
    code: undefined,
    label: 'Gelijksoortige gemeenten',
    inPhrase: 'in gelijksoortige gemeenten',
    rate: groupRateCell,
    rateShown: formatObservation(groupRateCell, rate),
    count,
    countShown: formatObservation(count, measure),
    denominator: counts.denominator,
    aggregated: true,
    exact: exactValue(counts, unit),
    interval: intervalOf(counts, unit),
    note: `${others.length} andere gemeenten met ${sizeClass.label}${left}`,
  };
}

/** The order verdicts are told in: from higher to lower. */
const VERDICT_ORDER: readonly Verdict[] = ['duidelijk-hoger', 'hoger', 'niet-duidelijk-anders', 'lager', 'duidelijk-lager'];

/** "met Nederland", "met de provincie Drenthe", "met gelijksoortige gemeenten". */
const withPhrase = (r: Pick<ComparisonReference, 'inPhrase'>) => r.inPhrase.replace(/^in /, 'met ');

/** The verdict of a reference as a table cell: "hoger", or "geen oordeel" with its reason. */
export function verdictCell(judgement: Judgement): string {
  return judgement.verdict ? VERDICT_TEXT[judgement.verdict].word : `geen oordeel: ${NO_VERDICT_TEXT[judgement.reason]}`;
}

/** Something judged, as running text names it with its printed figure: "in Nederland (10,2%)", "een jaar eerder (11,3%)". */
export interface JudgedItem {
  verdict: Verdict;
  text: string;
}

/**
 * One clause per verdict, higher first: "hoger dan in Nederland (10,2%) en in de provincie Drenthe (10,5%)",
 * "niet duidelijk anders dan in gelijksoortige gemeenten (11,1%, 81 andere gemeenten …)".
 */
export function verdictClauses(items: readonly JudgedItem[]): string[] {
  const clauses: string[] = [];
  for (const verdict of VERDICT_ORDER) {
    const these = items.filter((i) => i.verdict === verdict);
    if (these.length > 0) clauses.push(`${VERDICT_TEXT[verdict].than} ${joinDutch(these.map((i) => i.text))}`);
  }
  return clauses;
}

/** The references with a verdict and a printed rate, each named with that rate (and its note, if asked). */
export function judgedReferences(references: readonly ComparisonReference[], rate: Pick<Measure, 'decimals' | 'rate'>, withNotes: boolean): JudgedItem[] {
  return references
    .filter((r) => r.judgement.verdict !== undefined && r.rate.value !== null)
    .map((r) => ({ verdict: r.judgement.verdict!, text: `${r.inPhrase} (${rateNumber(r.rate.value!, rate)}${withNotes && r.note ? `, ${r.note}` : ''})` }));
}

/**
 * "In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (595 jongeren). Dat is hoger dan in
 * Nederland (10,2%); het is niet duidelijk anders dan in gelijksoortige gemeenten (11,1%, …)." Every verdict
 * word comes from VERDICT_TEXT; the references without a verdict are named with the reason.
 */
export function comparisonSentences(
  name: { plain: string; inPhrase: string; kind?: 'gemeente' | 'regio' },
  figure: KeyFigure,
  references: readonly ComparisonReference[],
): string[] {
  const rate = figure.rate;
  const text = CONCEPT_TEXT[figure.concept];
  const own = rate?.value?.value;
  if (!rate || own === null || own === undefined) {
    return [
      `Over ${thePeriod(figure.periodText)} is er voor ${name.plain} geen cijfer: het aantal is zo klein dat CBS het afschermt, of het ontbreekt.`,
    ];
  }
  const count = figure.count?.value;
  const countText = count !== null && count !== undefined ? ` (${formatNumber(count, figure.measure.decimals)} ${COUNT_NOUN[figure.measure.countOf]})` : '';
  const sentences = [`${capitalise(name.inPhrase)} ${text.verb} ${ratePhrase(own, rate.measure, 'de')} ${text.object}${countText}.`];
  const judged = references.filter((r) => r.judgement.verdict !== undefined && r.rate.value !== null);
  const clauses = verdictClauses(judgedReferences(judged, rate.measure, true));
  // One clause per verdict; a semicolon keeps "en" for the lists inside them.
  if (clauses.length > 0) sentences.push(`Dat is ${clauses.join('; het is ')}.`);
  const unjudged = references.filter((r) => r.judgement.verdict === undefined);
  const reasons = new Map<NoVerdictReason, ComparisonReference[]>();
  for (const r of unjudged) reasons.set(r.judgement.reason!, [...(reasons.get(r.judgement.reason!) ?? []), r]);
  for (const [reason, these] of reasons) {
    sentences.push(`Geen oordeel over het verschil ${joinDutch(these.map(withPhrase))}: ${NO_VERDICT_TEXT[reason]}.`);
  }
  if (judged.some((r) => r.judgement.verdict !== 'niet-duidelijk-anders')) sentences.push(differenceIsAQuestion(name.kind));
  return sentences;
}
