/**
 * A region's rate beside Nederland, its provincie, its jeugdregio and the gelijksoortige gemeenten, and its
 * place among all regions of its kind. The purpose is learning from differences, not ranking: no rank
 * numbers, and a sentence that calls a difference a question.
 */
import type { Measure } from '../../schemas/dataset';
import { distribution as spreadOf } from '../charts/describe';
import { deepFreeze } from '../charts/stable-key';
import type { DotStripInput } from '../charts/types';
import type { ObservationRow } from '../data/dataset';
import type { Observation } from '../data/symbols';
import { formatNumber, formatObservation } from '../format/number';
import { joinDutch } from '../pages/gemeente-links';
import { NEDERLAND, regionKind } from '../regions/codes';
import { groupRate } from './aggregate';
import { CONCEPT_TEXT, COUNT_NOUN, type KeyConcept } from './concepts';
import type { FactsContext, FactsDataset } from './context';
import type { KeyFigure } from './key-figures';
import { rateNumber, ratePhrase, rateUnitText, thePeriod } from './phrases';
import { capitalise, regionName } from './regions';

/**
 * Two rates count as "ongeveer evenveel" when they differ by at most 5% of the reference (11,4% against
 * 11,1% is about the same; 11,4% against 10,2% is more). Relative, because jeugdhulp is around 10% and
 * jeugdreclassering around 0,3%: one absolute margin cannot fit both.
 */
export const SAME_TOLERANCE = 0.05;

export type Verdict = 'meer' | 'minder' | 'ongeveer-evenveel';

export function compareRates(own: number, reference: number, tolerance = SAME_TOLERANCE): Verdict {
  if (Math.abs(own - reference) <= Math.abs(reference) * tolerance) return 'ongeveer-evenveel';
  return own > reference ? 'meer' : 'minder';
}

/** Largest share of the group's denominator (jongeren) that may be left out of a group rate. */
export const MAX_EXCLUDED_SHARE = 0.1;

/** A rate from the counts behind it, unrounded; undefined when the dataset does not have both counts. */
export function exactRate(dataset: FactsDataset, row: ObservationRow | undefined, rate: Measure): number | undefined {
  const n = rate.rate?.numerator ? dataset.index.cellOf(row, rate.rate.numerator)?.value : undefined;
  const d = rate.rate?.denominator ? dataset.index.cellOf(row, rate.rate.denominator)?.value : undefined;
  if (n === null || n === undefined || d === null || d === undefined || d === 0) return undefined;
  return (n / d) * (rate.rate?.per ?? 100);
}

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
  /** The figure was computed from the member gemeenten. */
  aggregated: boolean;
  /** The rate from its unrounded counts, for judging the difference; the rounded rate when there are none. */
  exact: number | null;
  /** What the group is: "81 andere gemeenten met 20.000 tot 35.000 inwoners". */
  note: string | undefined;
  verdict: Verdict | undefined;
}

export interface StripValue {
  code: string;
  label: string;
  value: number;
}

/** The spread of a rate over all regions of a kind, for the table beside the dot strip. */
export type Distribution = NonNullable<ReturnType<typeof spreadOf>>;

export interface Comparison {
  concept: KeyConcept;
  figure: KeyFigure;
  rateMeasure: Measure;
  references: ComparisonReference[];
  /** Plain sentences: what the figure is, how it differs, and that a difference is a question. */
  sentences: string[];
  /** The rate of every region of the same kind, for the dot strip. */
  among: {
    /** "gemeenten", "provincies", "jeugdregio's". */
    noun: string;
    values: StripValue[];
    /** How many regions of the kind there are, with or without a figure. */
    peers: number;
    group: string[];
    distribution: Distribution | undefined;
  };
}

const DIFFERENCE_SHORT = 'Een verschil is een vraag, geen oordeel.';

/** Why figures can differ; "de gemeente" on a gemeente page, "de gemeenten" on a region's. */
export function differenceIsAQuestion(kind: 'gemeente' | 'regio' = 'gemeente'): string {
  const who = kind === 'gemeente' ? 'de gemeente' : 'de gemeenten';
  return `${DIFFERENCE_SHORT} Het kan komen door wie er wonen (bijvoorbeeld meer gezinnen met zorgen), door hoe ${who} de hulp ${kind === 'gemeente' ? 'heeft' : 'hebben'} geregeld, door een instelling in ${who}, of door hoe aanbieders registreren.`;
}

export const DIFFERENCE_IS_A_QUESTION = differenceIsAQuestion('gemeente');

export const SMALL_DIFFERENCE_CAVEAT = 'Het gaat om kleine aantallen: een verschil kan hier ook toeval zijn.';

/**
 * The figures a page compares: the persons with jeugdhulp, verblijf, jeugdbescherming and jeugdreclassering
 * (or jeugdzorg as a whole). Trajecten per 1.000 jongeren depend on how providers cut care into trajecten,
 * so they are shown but not set against other gemeenten.
 */
export const COMPARED_CONCEPTS: readonly KeyConcept[] = [
  'jongeren-jeugdhulp',
  'jongeren-jeugdhulp-met-verblijf',
  'jongeren-jeugdbescherming',
  'jongeren-jeugdreclassering',
  'jongeren-jeugdzorg',
];

/** Comparisons for the key figures in COMPARED_CONCEPTS that have a rate. */
export function comparisonsOf(context: FactsContext, region: string, figures: readonly KeyFigure[]): Comparison[] {
  const comparisons = figures
    .filter((f) => f.rate && COMPARED_CONCEPTS.includes(f.concept))
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

export function comparisonOf(context: FactsContext, region: string, figure: KeyFigure): Comparison | undefined {
  const source = context.concept(figure.concept);
  const rateMeasure = figure.rate?.measure;
  if (!source || !rateMeasure) return undefined;
  const { dataset } = source;
  // Judge differences on rates from the counts, not on rates rounded to one decimal: 1,0% against 0,9% may
  // be 0,96 against 0,94.
  const own = exactRate(dataset, dataset.totalRow(region, figure.period), rateMeasure) ?? figure.rate?.value?.value ?? null;
  const references = referencesOf({ context, dataset, region, measure: figure.measure, rate: rateMeasure, period: figure.period }).map((r) => ({
    ...r,
    verdict: own !== null && r.exact !== null ? compareRates(own, r.exact) : undefined,
  }));
  const among = peersOf(context, dataset, region, rateMeasure, figure.period);
  return {
    concept: figure.concept,
    figure,
    rateMeasure,
    references,
    sentences: comparisonSentences(
      {
        plain: regionName(context.register, region, 'plain'),
        inPhrase: regionName(context.register, region, 'in'),
        kind: regionKind(region) === 'gemeente' ? 'gemeente' : 'regio',
      },
      figure,
      references,
    ),
    among,
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

function referencesOf(query: ReferenceQuery): Array<Omit<ComparisonReference, 'verdict'>> {
  const { context, dataset, region, measure, rate, period } = query;
  const { register } = context;
  const kind = regionKind(region);
  const codes: string[] = [];
  if (kind !== 'land') codes.push(NEDERLAND);
  if (kind === 'gemeente') {
    const provincie = register.provincieOf(region);
    const jeugdregio = register.jeugdregioOf(region);
    if (provincie) codes.push(provincie);
    if (jeugdregio) codes.push(jeugdregio);
  }
  const out = codes.map((code): Omit<ComparisonReference, 'verdict'> => {
    const row = dataset.totalRow(code, period);
    const rateCell = dataset.index.cellOf(row, rate.id) ?? { value: null, symbol: '.' };
    const count = dataset.index.cellOf(row, measure.id) ?? { value: null, symbol: '.' };
    return {
      kind: regionKind(code) as ReferenceKind,
      code,
      label: capitalise(regionName(register, code, 'plain')),
      inPhrase: regionName(register, code, 'in'),
      rate: rateCell,
      rateShown: formatObservation(rateCell, rate),
      count,
      countShown: formatObservation(count, measure),
      aggregated: row?.aggregated ?? false,
      exact: rateCell.value === null ? null : (exactRate(dataset, row, rate) ?? rateCell.value),
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
function similarReference(query: ReferenceQuery): Omit<ComparisonReference, 'verdict'> | undefined {
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
    aggregated: true,
    exact: usable && group.denominator > 0 ? (group.numerator / group.denominator) * (rate.rate?.per ?? 100) : null,
    note: `${others.length} andere gemeenten met ${sizeClass.label}${left}`,
  };
}

const VERDICT_WORDS: Record<Verdict, string> = {
  meer: 'meer dan',
  minder: 'minder dan',
  'ongeveer-evenveel': 'ongeveer evenveel als',
};

/**
 * "In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (595 jongeren). Dat is meer dan in
 * Nederland (10,2%) en ongeveer evenveel als in gelijksoortige gemeenten (11,1%, gemeenten met …)."
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
  const first = `${capitalise(name.inPhrase)} ${text.verb} ${ratePhrase(own, rate.measure, 'de')} ${text.object}${countText}.`;
  const known = references.filter((r) => r.verdict !== undefined && r.rate.value !== null);
  if (known.length === 0) return [first];
  const clauses: string[] = [];
  for (const verdict of ['meer', 'ongeveer-evenveel', 'minder'] as const) {
    const these = known.filter((r) => r.verdict === verdict);
    if (these.length === 0) continue;
    const items = these.map((r) => `${r.inPhrase} (${rateNumber(r.rate.value!, rate.measure)}${r.note ? `, ${r.note}` : ''})`);
    clauses.push(`${VERDICT_WORDS[verdict]} ${joinDutch(items)}`);
  }
  // One clause per verdict; a semicolon keeps "en" for the lists inside them.
  const sentences = [first, `Dat is ${clauses.join('; het is ')}.`];
  if (known.some((r) => r.verdict !== 'ongeveer-evenveel')) {
    if (figure.small) sentences.push(SMALL_DIFFERENCE_CAVEAT);
    sentences.push(differenceIsAQuestion(name.kind));
  }
  return sentences;
}

/** Every region of the same kind with its rate: all current gemeenten, provincies or jeugdregio's. */
function peersOf(context: FactsContext, dataset: FactsDataset, region: string, rate: Measure, period: string): Comparison['among'] {
  const kind = regionKind(region);
  const noun = kind === 'provincie' ? 'provincies' : kind === 'jeugdregio' ? "jeugdregio's" : 'gemeenten';
  // The same strip serves every gemeente (or provincie, jeugdregio): compute it once per build.
  const { values, distribution, peers } = context.shared(`peers|${dataset.meta.id}|${rate.id}|${period}|${noun}`, () => {
    const { register } = context;
    const peers =
      kind === 'provincie'
        ? register.provincies().map((p) => p.code)
        : kind === 'jeugdregio'
          ? register.jeugdregios().map((j) => j.code)
          : kind === 'gemeente'
            ? context.currentGemeenten()
            : [];
    const list: StripValue[] = [];
    for (const code of peers) {
      const value = dataset.index.cellOf(dataset.totalRow(code, period), rate.id)?.value;
      if (value !== null && value !== undefined) list.push({ code, label: register.label(code), value });
    }
    // Frozen: every page passes it on to its dot strip, whose cache key is then made once (see deepFreeze).
    return { values: deepFreeze(list), peers: peers.length, distribution: spreadOf(list.map((v) => v.value)) };
  });
  const group = kind === 'gemeente' ? context.similarGemeenten(region) : [];
  return { noun, values, peers, group, distribution };
}

/** The input of the dot strip: this region among all of its kind, Nederland and the comparison group as references. */
export function dotStripInput(comparison: Comparison, region: string): DotStripInput {
  const { rateMeasure, figure, references, among } = comparison;
  const similar = references.find((r) => r.kind === 'gelijksoortig');
  return {
    id: `positie-${comparison.concept}`,
    title: `${figure.measure.label}: ${rateUnitText(rateMeasure)}, alle ${among.noun}, ${figure.periodLabel}`,
    unit: rateMeasure.rate?.per === 100 ? '%' : rateMeasure.unit,
    decimals: rateMeasure.decimals,
    values: among.values,
    highlight: region,
    references: references
      .filter((r) => r.kind === 'land' || r.kind === 'gelijksoortig')
      .filter((r) => r.rate.value !== null)
      .map((r) => ({ label: r.label, value: r.rate.value! })),
    ...(among.group.length > 0 ? { group: new Set(among.group), groupLabel: `gelijksoortige gemeenten${similar?.note ? ` (${similar.note.replace(/^\d+ andere /, '')})` : ''}` } : {}),
    ...(among.peers > among.values.length ? { missingCount: among.peers - among.values.length } : {}),
  };
}
