/**
 * A region's rate beside Nederland, its provincie, its jeugdregio and its peers, each with
 * a chance-aware verdict from src/lib/stats/verdict.ts, and its place in the funnel of all regions of its kind.
 * The purpose is learning from differences, not ranking: no rank numbers, and a sentence that calls a
 * difference a question.
 */
import { joinDutch } from '../format/text';
import type { Measure } from '../../schemas/dataset';
import { roundTo } from '../data/dataset';
import type { Observation } from '../data/symbols';
import { formatNumber, formatObservation } from '../format/number';
import { NEDERLAND, regionKind } from '../regions/codes';
import type { FunnelLimits } from '../stats/funnel';
import type { Interval } from '../stats/intervals';
import { judgeAgainstReference, NO_VERDICT_TEXT, VERDICT_TEXT, type ComparedRate, type Judgement, type NoVerdictReason, type Verdict } from '../stats/verdict';
import { groupRate } from './aggregate';
import { agreeingDecimals, comparedRateOf, distinctDecimals, exactValue, intervalOf, printedValue, rateUnitOf, type PrintableRate, type SeparatedRate } from './chance';
import { CONCEPT_TEXT, COUNT_NOUN, type KeyConcept } from './concepts';
import type { FactsContext, FactsDataset } from './context';
import { funnelOf, isCompared, type Funnel, type FunnelKind } from './funnel';
import type { KeyFigure } from './key-figures';
import { rateNumber, ratePhrase, thePeriod } from './phrases';
import { capitalise, regionName } from './regions';
import { siteNeighbours } from '../neighbours/site';

/** Largest share of the group's denominator (jongeren) that may be left out of a group rate. */
export const MAX_EXCLUDED_SHARE = 0.1;

/**
 * A gemeente's peers are its statistical neighbours ('vergelijkbaar', src/lib/neighbours/), or, for a gemeente
 * without them, the gemeenten of its size class ('grootteklasse'). The size class stays one of the views: in
 * the download beside the neighbours (Comparison.views).
 */
export type PeerKind = 'vergelijkbaar' | 'grootteklasse';
export type ReferenceKind = 'land' | 'provincie' | 'jeugdregio' | PeerKind;
export const PEER_KINDS: readonly PeerKind[] = ['vergelijkbaar', 'grootteklasse'];
export const isPeerKind = (kind: ReferenceKind): kind is PeerKind => (PEER_KINDS as readonly ReferenceKind[]).includes(kind);

/** A group of gemeenten a gemeente is compared with, the gemeente itself not among them. */
export interface PeerGroup {
  kind: PeerKind;
  /** The other gemeenten, in the order they are listed (nearest neighbour first). */
  members: string[];
  /** For a table: "Vergelijkbare gemeenten", "Gemeenten van dezelfde grootte". */
  label: string;
  /** For running text: "in vergelijkbare gemeenten". */
  inPhrase: string;
  /** What the group is: "10 gemeenten gekozen op kenmerken, genoemd onder Vergelijkbare gemeenten". */
  note: string;
  /** For the funnel's legend: "vergelijkbare gemeenten", "gemeenten van dezelfde grootte (20.000 tot 35.000 inwoners)". */
  funnelLabel: string;
}

/** The gemeenten of the size class of a gemeente, itself left out; undefined without a class. */
export function sizeClassGroup(context: FactsContext, gemeente: string): PeerGroup | undefined {
  const sizeClass = context.sizeClassOf(gemeente);
  const members = context.similarGemeenten(gemeente).filter((g) => g !== gemeente);
  if (!sizeClass || members.length === 0) return undefined;
  return {
    kind: 'grootteklasse',
    members,
    label: 'Gemeenten van dezelfde grootte',
    inPhrase: 'in gemeenten van dezelfde grootte',
    note: `${members.length} andere gemeenten met ${sizeClass.label}`,
    funnelLabel: `gemeenten van dezelfde grootte (${sizeClass.label})`,
  };
}

/** The statistical neighbours of a gemeente (src/lib/neighbours/site.ts); undefined when it has none. */
export function neighbourGroup(context: FactsContext, gemeente: string): PeerGroup | undefined {
  const outcome = siteNeighbours(context).of(gemeente);
  if (outcome.kind !== 'buren' || outcome.neighbours.length === 0) return undefined;
  const members = outcome.neighbours.map((n) => n.code);
  return {
    kind: 'vergelijkbaar',
    members,
    label: 'Vergelijkbare gemeenten',
    inPhrase: 'in vergelijkbare gemeenten',
    note: `${members.length} gemeenten gekozen op kenmerken, genoemd onder Vergelijkbare gemeenten`,
    funnelLabel: 'vergelijkbare gemeenten',
  };
}

/** The peers the sentences, the summary and the funnel use: the neighbours, or else the size class. */
export function peerGroupOf(context: FactsContext, gemeente: string): PeerGroup | undefined {
  return neighbourGroup(context, gemeente) ?? sizeClassGroup(context, gemeente);
}

/**
 * How a page names the peers of a gemeente (`name`) after "Nederland, de provincie, de jeugdregio en …".
 * The neighbours are named in the sentence itself: the printed factsheet leaves out the section that lists
 * them, and a reader of the comparison should not have to look elsewhere to know with whom.
 */
export function peerPhrase(group: PeerGroup | undefined, name: string, sizeClass: string | undefined, labelOf: (code: string) => string): string {
  if (group?.kind === 'vergelijkbaar') return `vergelijkbare gemeenten, de gemeenten die op kenmerken het meest op ${name} lijken: ${joinDutch(group.members.map(labelOf))}`;
  return `gemeenten van dezelfde grootte: gemeenten met ${sizeClass ?? 'ongeveer evenveel inwoners'}`;
}

export interface ComparisonReference {
  kind: ReferenceKind;
  /** The region code; undefined for a group of peers. */
  code: string | undefined;
  /** For a table: "Nederland", "Provincie Drenthe", "Jeugdregio Drenthe", "Vergelijkbare gemeenten". */
  label: string;
  /** For running text: "in Nederland", "in de provincie Drenthe", "in vergelijkbare gemeenten". */
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
  /** What a group of peers is: "81 andere gemeenten met 20.000 tot 35.000 inwoners"; with members left out. */
  note: string | undefined;
  /** The region against this reference: a verdict, or why there is none. */
  judgement: Judgement;
  /** The control limits around this reference at the region's size (95% and 99.8%), in the rate's unit. */
  limits: FunnelLimits | undefined;
  /** The rate as its table row prints it, with `decimals` (the published one, or from its counts with more); null without one. */
  printed: number | null;
  /** The decimals its row prints the rate and margin with: as many as the margin needs (chance.ts agreeingDecimals). */
  decimals: number;
}

export interface Comparison {
  concept: KeyConcept;
  figure: KeyFigure;
  rateMeasure: Measure;
  /**
   * The region's own rate with its counts and 95% interval, and as its table row prints them: with the rate's
   * own decimals, or more where the published rate would lie outside its printed margin or a reference judged
   * different inside it (src/lib/facts/chance.ts agreeingDecimals); with more, computed from its counts.
   */
  own: { rate: ComparedRate; interval: Interval | undefined; printed: number | null; decimals: number; shown: string };
  references: ComparisonReference[];
  /** Further views, judged the same way but not on the page: the size class beside the neighbours (downloads). */
  views: ComparisonReference[];
  /** Plain sentences: what the figure is, how it differs, and that a difference is a question. */
  sentences: string[];
  /** Every region of the same kind with its verdict against Nederland, for the funnel plot. */
  funnel: Funnel | undefined;
  /** The peers (the gemeente itself included), drawn distinct in the funnel. */
  group: string[];
  /** The peers in the funnel's legend: "vergelijkbare gemeenten". */
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
  return `“Hoger” of “lager” staat er alleen als het verschil groter is dan toeval en de gewone verschillen tussen ${noun} samen kunnen verklaren (buiten de 95%-grenzen van het trechterdiagram) en de marge van het cijfer het cijfer waarmee het vergeleken wordt niet bevat; “duidelijk hoger” of “duidelijk lager” als het ook buiten de 99,8%-grenzen valt. Anders staat er “niet duidelijk anders”. De marge in de tabellen gaat alleen over toeval: een cijfer kan daarom “niet duidelijk anders” zijn dan dat van Nederland, ook als dat buiten de marge valt.`;
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
  const judge = (r: UnjudgedReference): Omit<ComparisonReference, 'printed' | 'decimals'> => {
    if (tau2 === undefined) return { ...r, judgement: { verdict: undefined, reason: own.count === null ? 'afgeschermd' : 'geen-aantallen' }, limits: undefined };
    const judged = judgeAgainstReference(own, { rate: r.exact, shown: r.rate.value }, unit, tau2);
    return { ...r, judgement: judged.judgement, limits: judged.limits };
  };
  const query: ReferenceQuery = { context, dataset, region, measure: figure.measure, rate: rateMeasure, period: figure.period };
  const peers = kind === 'gemeente' ? peerGroupOf(context, region) : undefined;
  const judged = referencesOf(query, peers).map(judge);
  // Each table row prints its rate with the decimals its margin needs (chance.ts agreeingDecimals), and more
  // where it would print like a reference judged otherwise (distinctDecimals); the region's row also as many as
  // keep every reference judged different outside its margin. The sentences print the references as the rows do.
  const base = rateMeasure.decimals;
  const printedOf = (r: PrintableRate, cell: Observation | undefined, decimals: number) => {
    const printed = printedValue(r, decimals, base);
    return { printed, decimals, shown: printed === null ? formatObservation(cell, rateMeasure) : formatNumber(printed, decimals) };
  };
  const rowDecimals = distinctDecimals(
    base,
    judged.map((r) => ({ rate: referencePrintable(r), decimals: agreeingDecimals(base, [referencePrintable(r)]), verdict: r.judgement.verdict })),
  );
  const references = judged.map((r, i): ComparisonReference => {
    const { printed, decimals, shown } = printedOf(referencePrintable(r), r.rate, rowDecimals[i]!);
    return { ...r, printed, decimals, rateShown: shown };
  });
  const ownInterval = intervalOf(own, unit);
  const ownPrintable: PrintableRate = { published: figure.rate?.value?.value ?? null, exact: exactValue(own, unit), interval: ownInterval };
  const separated = references.flatMap((r): SeparatedRate[] => {
    const verdict = r.judgement.verdict;
    if (!verdict || verdict === 'niet-duidelijk-anders') return [];
    const printed = [r.rate.value, r.printed].filter((v): v is number => v !== null).map((v, i) => (i === 0 ? roundTo(v, base) : roundTo(v, r.decimals)));
    return [{ printed, regionIs: verdict.endsWith('hoger') ? 'hoger' : 'lager' }];
  });
  // The size class stays one of the views when the sentences compare with the neighbours.
  const sizeClass = peers?.kind === 'vergelijkbaar' ? sizeClassGroup(context, region) : undefined;
  const sizeClassView = sizeClass && peerReference(query, sizeClass);
  return {
    concept: figure.concept,
    figure,
    rateMeasure,
    own: { rate: own, interval: ownInterval, ...printedOf(ownPrintable, figure.rate?.value, agreeingDecimals(base, [ownPrintable], separated, ownPrintable)) },
    references,
    views: sizeClassView ? [{ ...judge(sizeClassView), printed: sizeClassView.rate.value, decimals: base }] : [],
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
    group: peers ? [region, ...peers.members] : [],
    groupLabel: peers?.funnelLabel,
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

type UnjudgedReference = Omit<ComparisonReference, 'judgement' | 'limits' | 'printed' | 'decimals'>;

function referencesOf(query: ReferenceQuery, peers: PeerGroup | undefined): UnjudgedReference[] {
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
  const peer = peers && peerReference(query, peers);
  if (peer) out.push(peer);
  return out;
}

/** A group of peers (the gemeente itself not among them) as a reference; its rate from their summed counts. */
function peerReference(query: ReferenceQuery, peers: PeerGroup): UnjudgedReference | undefined {
  const { dataset, measure, rate, period } = query;
  const group = groupRate(dataset.meta, rate, peers.members.map((g) => dataset.totalRow(g, period)));
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
    kind: peers.kind,
    code: undefined,
    label: peers.label,
    inPhrase: peers.inPhrase,
    rate: groupRateCell,
    rateShown: formatObservation(groupRateCell, rate),
    count,
    countShown: formatObservation(count, measure),
    denominator: counts.denominator,
    aggregated: true,
    exact: exactValue(counts, unit),
    interval: intervalOf(counts, unit),
    note: `${peers.note}${left}`,
  };
}

/** A reference's figure as it can be printed: as published, or from its counts with more decimals. */
export function referencePrintable(r: Pick<ComparisonReference, 'rate' | 'exact' | 'interval'>): PrintableRate {
  return { published: r.rate.value, exact: r.exact, interval: r.interval };
}

/** The order verdicts are told in: from higher to lower. */
const VERDICT_ORDER: readonly Verdict[] = ['duidelijk-hoger', 'hoger', 'niet-duidelijk-anders', 'lager', 'duidelijk-lager'];

/** "met Nederland", "met de provincie Drenthe", "met vergelijkbare gemeenten". */
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
 * "niet duidelijk anders dan in vergelijkbare gemeenten (11,1%, 10 gemeenten gekozen op kenmerken …)".
 */
export function verdictClauses(items: readonly JudgedItem[]): string[] {
  const clauses: string[] = [];
  for (const verdict of VERDICT_ORDER) {
    const these = items.filter((i) => i.verdict === verdict);
    if (these.length > 0) clauses.push(`${VERDICT_TEXT[verdict].than} ${joinDutch(these.map((i) => i.text))}`);
  }
  return clauses;
}

/**
 * The references with a verdict and a printed rate, each named with that rate as its table row prints it (and
 * its note, if asked); `decimals` overrides a row's decimals (the summary's figures, chance.ts distinctDecimals).
 */
export function judgedReferences(
  references: readonly ComparisonReference[],
  rate: Pick<Measure, 'decimals' | 'rate'>,
  withNotes: boolean,
  decimals: readonly number[] = references.map((r) => r.decimals),
): JudgedItem[] {
  return references.flatMap((r, i) => {
    const d = decimals[i]!;
    const printed = printedValue(referencePrintable(r), d, rate.decimals);
    if (r.judgement.verdict === undefined || printed === null) return [];
    return [{ verdict: r.judgement.verdict, text: `${r.inPhrase} (${rateNumber(printed, rate, d)}${withNotes && r.note ? `, ${r.note}` : ''})` }];
  });
}

/**
 * "In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (595 jongeren). Dat is hoger dan in
 * Nederland (10,2%); het is niet duidelijk anders dan in vergelijkbare gemeenten (11,1%, …)." Every verdict
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
      `Over ${thePeriod(figure.periodLabel)} is er voor ${name.plain} geen cijfer: het aantal is zo klein dat CBS het afschermt, of het ontbreekt.`,
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
