/**
 * How jeugdhulptrajecten began, lasted and ended, for a fact page: herhaald beroep among the begun trajecten,
 * the ended ones by duration and reason, with and without verblijf, and two shares set against Nederland with
 * the funnel verdict of the key figures (ended as planned, herhaald beroep). The average duration gets no
 * verdict: without the spread of the durations, chance cannot be told from a difference. Found by concept
 * (facts/concepts.ts OUTCOME_CONCEPTS), so an imported CBS table with those concepts shows here too.
 */
import type { Measure } from '../../schemas/dataset';
import { computeRate } from '../data/dataset';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import { formatNumber, formatObservation } from '../format/number';
import { NEDERLAND } from '../regions/codes';
import { conceptMeasure, conceptMeasures, type OutcomeConcept } from './concepts';
import type { ConceptSource, FactsContext } from './context';
import { shownFigures, shownShare, type ShownFigures } from './notes';
import { capitalise, regionName } from './regions';
import { NO_SHARE_VERDICT, shareVerdictOf, whyNotComputed, type ShareVerdict } from './share-verdict';

export interface JudgedShare extends ShareVerdict {
  /** "Van de 2.800 beëindigde trajecten met een bekende reden eindigde 69,8% volgens plan (1.955 trajecten)." */
  figure: string;
}

export interface OutcomeRow {
  label: string;
  /** One cell per column, as printed ("41,2", "." when not computed). */
  cells: string[];
}

export interface OutcomeFacts {
  datasetId: string;
  period: string;
  /** "2e halfjaar 2025*". */
  periodLabel: string;
  /** The column heads: the categories of verblijf, and Nederland's total beside a region's. */
  columns: string[];
  /** Ended trajecten per column, as printed: what the shares below are shares of (empty without them). */
  ended: string[];
  /** Shares of the duration classes in the ended trajecten (%), and the average duration (dagen) as the last row. */
  duration: OutcomeRow[];
  /** The average duration in running text, with Nederland's beside it and why there is no verdict. */
  average: string | undefined;
  /** The ended trajecten with a known reason per column, as printed. */
  known: string[];
  /** Shares of the reasons among the trajecten with a known reason (%). */
  reasons: OutcomeRow[];
  /** How many ended trajecten had no known reason, when any did. */
  unknown: string | undefined;
  planned: JudgedShare | undefined;
  returning: JudgedShare | undefined;
  /** Youths new in jeugdhulp in the period, as a share of all youths, against Nederland. */
  inflow: JudgedShare | undefined;
  /** Youths who stopped in the period, as a share of the youths with jeugdhulp, against Nederland. */
  outflow: JudgedShare | undefined;
  /** The table of youths coming in and going out, when the data has one. */
  flowDatasetId: string | undefined;
  /**
   * Of the youths who stopped in a half year, the share with jeugdhulp again within a year, against Nederland:
   * the latest half year whose year after it is over, a year before the other figures.
   */
  comeback: JudgedShare | undefined;
  /** The table of youths coming back, when the data has one. */
  comebackDatasetId: string | undefined;
  /** What the section shows, for its footnotes. */
  shown: ShownFigures[];
}

interface Column {
  label: string;
  region: string;
  topic: string | undefined;
}

/** The section's facts for a current region, or undefined when the data has no such table for it. */
export function outcomeOf(context: FactsContext, code: string): OutcomeFacts | undefined {
  // The demonstration table holds all of it; CBS's 85097NED per gemeente the average duration and herhaald
  // beroep beside its ended trajecten (concept trajecten-beeindigd), without duration classes.
  const anchor = context.concept('einde-trajecten') ?? context.concept('einde-gemiddelde-duur') ?? context.concept('start-herhaald-beroep');
  if (!anchor) return undefined;
  const { dataset } = anchor;
  const { meta } = dataset;
  const endedMeasure = (conceptMeasure(meta, 'einde-trajecten') ?? conceptMeasure(meta, 'trajecten-beeindigd'))?.measure;
  const period = dataset.latestPeriod;
  if (!dataset.totalRow(code, period)) return undefined;

  // Columns by verblijf where the table splits by it; another dimension (CBS's verwijzer) is taken at its total.
  const position = meta.dimensions.findIndex((d) => d.id === 'verblijf' && d.codes.some((c) => c.total));
  const columns: Column[] = [
    ...(position < 0
      ? [{ label: 'Totaal', region: code, topic: undefined }]
      : meta.dimensions[position]!.codes.map((c) => ({ label: c.total ? 'Totaal' : shortVerblijf(c.label), region: code, topic: c.code }))),
    ...(code === NEDERLAND ? [] : [{ label: 'Nederland', region: NEDERLAND, topic: undefined }]),
  ];
  const cell = (column: Column, measure: Measure | undefined): Observation | undefined => {
    if (!measure) return undefined;
    const topics = position < 0 || column.topic === undefined ? dataset.totals : dataset.totals.map((t, i) => (i === position ? column.topic! : t));
    return dataset.index.cellOf(dataset.index.row(column.region, period, topics), measure.id);
  };
  const share = (part: Measure, whole: Measure) => (column: Column) => shown(computeRate(cell(column, part) ?? MISSING_CELL, cell(column, whole) ?? MISSING_CELL, 100, 1), 1);
  const measureOf = (concept: OutcomeConcept) => conceptMeasure(meta, concept)?.measure;

  const average = measureOf('einde-gemiddelde-duur');
  const durationRows = endedMeasure ? conceptMeasures(meta, 'einde-duurklasse').map((m) => ({ label: m.shortLabel ?? m.label, cells: columns.map(share(m, endedMeasure)) })) : [];
  if (average) durationRows.push({ label: 'Gemiddelde duur (dagen)', cells: columns.map((c) => formatObservation(cell(c, average), average)) });

  const known = measureOf('einde-reden-bekend');
  const plannedMeasure = measureOf('einde-volgens-plan');
  const reasonMeasures = [plannedMeasure, ...conceptMeasures(meta, 'einde-voortijdig')].filter((m): m is Measure => m !== undefined);
  const reasons = known ? reasonMeasures.map((m) => ({ label: m.shortLabel ?? m.label, cells: columns.map(share(m, known)) })) : [];
  const unknownMeasure = measureOf('einde-reden-onbekend');

  const own = columns[0]!;
  const where = regionName(context.register, code, 'in');
  const tableMeasures = [endedMeasure, ...(endedMeasure ? conceptMeasures(meta, 'einde-duurklasse') : []), average, ...(known ? [known, ...reasonMeasures] : []), unknownMeasure];
  const flows = flowsOf(context, code);
  const comeback = comebackOf(context, code);
  const plannedSource = context.concept('einde-volgens-plan');
  const planned = judged(context, plannedSource, code, period, (percent, whole, part) =>
    `Van de ${whole} beëindigde trajecten met een bekende reden eindigde ${percent} volgens plan (${part} trajecten).`,
    'welk deel van de trajecten volgens plan eindigde');
  const returningSource = context.concept('start-herhaald-beroep');
  const returning = judged(context, returningSource, code, period, (percent, whole, part) =>
    `Van de ${whole} begonnen trajecten was ${percent} herhaald beroep (${part} trajecten): de jongere kreeg in de vijf jaar ervoor al jeugdhulp.`,
    'welk deel van de begonnen trajecten herhaald beroep was');
  return {
    datasetId: meta.id,
    period,
    periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)),
    columns: columns.map((c) => c.label),
    ended: endedMeasure ? columns.map((c) => formatObservation(cell(c, endedMeasure), endedMeasure)) : [],
    duration: durationRows,
    average: average ? averageText(cell(own, average), code === NEDERLAND ? undefined : cell(columns.at(-1)!, average), cell(own, endedMeasure), where, durationRows.length > 1) : undefined,
    known: known ? columns.map((c) => formatObservation(cell(c, known), known)) : [],
    reasons,
    unknown: unknownMeasure ? unknownText(cell(own, unknownMeasure), cell(own, endedMeasure)) : undefined,
    planned,
    returning,
    ...flows,
    comeback: comeback.comeback,
    comebackDatasetId: comeback.comebackDatasetId,
    shown: [
      shownFigures(meta.id, tableMeasures, period),
      ...(planned ? shownShare(plannedSource, period) : []),
      ...(returning ? shownShare(returningSource, period) : []),
      ...flows.shown,
      ...comeback.shown,
    ],
  };
}

/** The youths who came into jeugdhulp and who stopped, in the latest half year, each against Nederland. */
function flowsOf(context: FactsContext, code: string): Pick<OutcomeFacts, 'inflow' | 'outflow' | 'flowDatasetId' | 'shown'> {
  const inSource = context.concept('instroom-jongeren');
  const outSource = context.concept('uitstroom-jongeren');
  const source = inSource ?? outSource;
  const latest = source?.dataset.latestPeriod;
  if (!source || !latest || !source.dataset.totalRow(code, latest)) return { inflow: undefined, outflow: undefined, flowDatasetId: undefined, shown: [] };
  const label = periodLabelWithStatus(parsePeriodCode(latest)!, source.dataset.statusOf(latest));
  return {
    flowDatasetId: source.dataset.meta.id,
    shown: [...shownShare(inSource, latest), ...shownShare(outSource, latest)],
    inflow: judged(context, inSource, code, latest, (percent, whole, part) =>
      `In het ${label} kwamen ${part} jongeren nieuw in de jeugdhulp: ${percent} van alle ${whole} jongeren tot 18 jaar. Nieuw is: op de eerste dag van het halfjaar liep er voor hen geen jeugdhulp.`,
      'welk deel van de jongeren nieuw in de jeugdhulp kwam'),
    outflow: judged(context, outSource, code, latest, (percent, whole, part) =>
      `In het ${label} stopten ${part} van de ${whole} jongeren met jeugdhulp (${percent}): op de laatste dag van het halfjaar liep er voor hen geen jeugdhulp meer.`,
      'welk deel van de jongeren met jeugdhulp stopte'),
  };
}

/**
 * Of the youths who stopped with jeugdhulp in the latest half year the table has (a year before the others:
 * whether they came back is known a year later), the share who had it again within a year, against Nederland.
 */
function comebackOf(context: FactsContext, code: string): Pick<OutcomeFacts, 'comeback' | 'comebackDatasetId' | 'shown'> {
  const source = context.concept('terugkeer-jongeren');
  const latest = source?.dataset.latestPeriod;
  if (!source || !latest || !source.dataset.totalRow(code, latest)) return { comeback: undefined, comebackDatasetId: undefined, shown: [] };
  const label = periodLabelWithStatus(parsePeriodCode(latest)!, source.dataset.statusOf(latest));
  return {
    comebackDatasetId: source.dataset.meta.id,
    shown: shownShare(source, latest),
    comeback: judged(context, source, code, latest, (percent, whole, part) =>
      `Van de ${whole} jongeren die in het ${label} met jeugdhulp stopten, kreeg ${percent} binnen een jaar weer jeugdhulp (${part} jongeren). Dat is pas een jaar later bekend; daarom gaat dit cijfer over een eerder halfjaar dan de andere.`,
      'welk deel van de gestopte jongeren binnen een jaar weer jeugdhulp kreeg'),
  };
}

const MISSING_CELL: Observation = { value: null, symbol: '.' };

/** "Jeugdhulp zonder verblijf" → "Zonder verblijf": the column heads are narrow. */
function shortVerblijf(label: string): string {
  return capitalise(label.replace(/^jeugdhulp\s+/i, ''));
}

/** A share as printed: its figure, or the symbol of why there is none ('x' where a secret count would come back). */
function shown(rate: Observation, decimals: number): string {
  return formatObservation(rate, { decimals });
}

/** The share of a rate source in the region's total row, in words, with its margin and verdict. */
function judged(
  context: FactsContext,
  source: ConceptSource | undefined,
  code: string,
  period: string,
  sentence: (percent: string, whole: string, part: string) => string,
  what: string,
): JudgedShare | undefined {
  if (!source?.rate || !source.dataset.periods.includes(period)) return undefined;
  const { dataset, measure, rate } = source;
  const row = dataset.totalRow(code, period);
  const value = dataset.index.cellOf(row, rate.id);
  const part = dataset.index.cellOf(row, measure.id);
  const whole = dataset.index.cellOf(row, rate.rate?.denominator ?? '');
  if (value?.value == null) {
    const why = whyNotComputed(whole, rate.rate?.denominatorLabel ?? 'trajecten', 'het aantal is afgeschermd');
    return { figure: `${capitalise(what)}, is niet berekend: ${why}.`, ...NO_SHARE_VERDICT };
  }
  const figure = sentence(`${formatObservation(value, rate)}%`, formatObservation(whole, { decimals: 0 }), formatObservation(part, measure));
  return { figure, ...shareVerdictOf(context, source, code, period) };
}

/**
 * The average duration in words, with Nederland's. No verdict: a margin for an average needs the spread of the
 * single durations. CBS publishes none; the duration classes, where the table has them, give it only coarsely,
 * with an open last class (4 jaar of langer), so they do not bound it either.
 */
function averageText(own: Observation | undefined, nl: Observation | undefined, ended: Observation | undefined, where: string, withClasses: boolean): string {
  const days = (c: Observation | undefined) => (c?.value == null ? undefined : `${formatNumber(c.value)} dagen`);
  const ownDays = days(own);
  if (!ownDays) return `${capitalise(where)} is de gemiddelde duur niet bekend: er eindigden te weinig trajecten.`;
  const count = ended?.value == null ? '' : ` ${formatNumber(ended.value)}`;
  const nlDays = days(nl);
  return (
    `De${count} trajecten die ${where} eindigden, duurden gemiddeld ${ownDays}${nlDays ? ` (Nederland: ${nlDays})` : ''}.` +
    (nlDays
      ? ` Over dat verschil geeft deze site geen oordeel: CBS publiceert bij het gemiddelde geen spreiding${withClasses ? '; de duurklassen hieronder geven die maar grof, en de langste klasse (4 jaar of langer) heeft geen bovengrens' : ''}. Hoeveel toeval in het verschil zit, is dus niet te zeggen.`
      : '')
  );
}

function unknownText(unknown: Observation | undefined, ended: Observation | undefined): string | undefined {
  if (unknown?.value == null || unknown.value === 0 || ended?.value == null || !(ended.value > 0)) return undefined;
  const percent = formatNumber((unknown.value / ended.value) * 100, 1);
  return `Van ${formatNumber(unknown.value)} beëindigde trajecten (${percent}%) is de reden niet bekend; de percentages van de redenen zijn berekend zonder hen.`;
}
