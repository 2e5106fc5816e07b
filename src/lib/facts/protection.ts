/**
 * Jeugdbescherming in detail for a fact page: per maatregel the youths, the share of them who also had
 * jeugdhulp met verblijf, and the measures running, begun and ended; and that share (the figure often called
 * uithuisplaatsing) set against Nederland with the same funnel verdict as the key figures. Found by concept
 * (facts/concepts.ts PROTECTION_CONCEPTS), so an imported CBS table with those concepts shows here too.
 */
import type { Measure } from '../../schemas/dataset';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import { formatNumber, formatObservation } from '../format/number';
import { conceptMeasure, type ProtectionConcept } from './concepts';
import type { ConceptSource, FactsContext, FactsDataset } from './context';
import { capitalise, regionName } from './regions';
import { shownFigures, shownShare, type ShownFigures } from './notes';
import { NO_SHARE_VERDICT, shareVerdictOf, whyNotComputed, type ShareVerdict } from './share-verdict';

export interface ProtectionRow {
  code: string;
  label: string;
  /** Youths with the maatregel, and the share of them who also had jeugdhulp met verblijf, as printed. */
  youths: string;
  placedShare: string;
  /** Measures running, begun and ended in the period, as printed ('' without a table of measures). */
  running: string;
  begun: string;
  ended: string;
}

export interface Placement extends ShareVerdict {
  /** "In Amsterdam kreeg 44,8% van de 1.240 jongeren met jeugdbescherming ook jeugdhulp met verblijf (555 jongeren)." */
  figure: string;
}

export interface ProtectionFacts {
  datasetId: string;
  /** The table of measures, when the data has one for the period. */
  measuresDatasetId: string | undefined;
  period: string;
  /** "2e halfjaar 2025*". */
  periodLabel: string;
  /** The share of the youths with any measure who also had jeugdhulp met verblijf; undefined when not published. */
  placement: Placement | undefined;
  rows: ProtectionRow[];
  /** What the section shows, for its footnotes. */
  shown: ShownFigures[];
}

/** The dataset and measure of a protection concept (with the rate whose numerator it is). */
function source(context: FactsContext, concept: ProtectionConcept): ConceptSource | undefined {
  return context.concept(concept);
}

/** The section's facts for a current region, or undefined when the data has no detail of jeugdbescherming. */
export function protectionOf(context: FactsContext, code: string): ProtectionFacts | undefined {
  const placed = source(context, 'jongeren-jeugdbescherming-met-verblijf');
  if (!placed) return undefined;
  const { dataset } = placed;
  const youths = conceptMeasure(dataset.meta, 'jongeren-jeugdbescherming');
  const position = dataset.meta.dimensions.findIndex((d) => d.id === 'maatregel');
  const period = dataset.latestPeriod;
  if (!youths || !dataset.totalRow(code, period)) return undefined;

  const measures = source(context, 'maatregelen-lopend')?.dataset;
  const measuresHavePeriod = measures?.periods.includes(period) ?? false;
  const measureOf = (concept: ProtectionConcept) => (measures ? conceptMeasure(measures.meta, concept)?.measure : undefined);
  const [running, begun, ended] = (['maatregelen-lopend', 'maatregelen-begonnen', 'maatregelen-beeindigd'] as const).map(measureOf);

  const codes = position < 0 ? [{ code: dataset.totals[0] ?? '', label: 'Totaal' }] : dataset.meta.dimensions[position]!.codes;
  const rowOf = (d: FactsDataset, topic: string) => d.index.row(code, period, position < 0 ? d.totals : d.totals.map((t, i) => (i === position ? topic : t)));
  const shown = (d: FactsDataset | undefined, topic: string, measure: Measure | undefined) =>
    d && measure && (d === dataset || measuresHavePeriod) ? formatObservation(d.index.cellOf(rowOf(d, topic), measure.id), measure) : '';
  const rows = codes.map(({ code: topic, label }): ProtectionRow => ({
    code: topic,
    label,
    youths: shown(dataset, topic, youths.measure),
    placedShare: shown(dataset, topic, placed.rate),
    running: shown(measures, topic, running),
    begun: shown(measures, topic, begun),
    ended: shown(measures, topic, ended),
  }));
  return {
    datasetId: dataset.meta.id,
    measuresDatasetId: measuresHavePeriod ? measures?.meta.id : undefined,
    shown: [
      shownFigures(dataset.meta.id, [youths.measure], period),
      ...shownShare(placed, period),
      ...(measures && measuresHavePeriod ? [shownFigures(measures.meta.id, [running, begun, ended], period)] : []),
    ],
    period,
    periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)),
    placement: placementOf(context, placed, code, period),
    rows,
  };
}

export interface JuvenileJusticeRow {
  code: string;
  label: string;
  running: string;
  begun: string;
  ended: string;
}

export interface JuvenileJusticeFacts {
  datasetId: string;
  period: string;
  periodLabel: string;
  rows: JuvenileJusticeRow[];
  /** What the section shows, for its footnotes. */
  shown: ShownFigures[];
}

/** The trajecten of jeugdreclassering running, begun and ended by form, in the latest half year; undefined without such a table. */
export function juvenileJusticeOf(context: FactsContext, code: string): JuvenileJusticeFacts | undefined {
  const running = source(context, 'jr-trajecten-lopend');
  if (!running) return undefined;
  const { dataset } = running;
  const period = dataset.latestPeriod;
  if (!dataset.totalRow(code, period)) return undefined;
  const [begun, ended] = (['jr-trajecten-begonnen', 'jr-trajecten-beeindigd'] as const).map((c) => conceptMeasure(dataset.meta, c)?.measure);
  const position = dataset.meta.dimensions.findIndex((d) => d.codes.some((c) => c.total));
  const codes = position < 0 ? [{ code: '', label: 'Totaal' }] : dataset.meta.dimensions[position]!.codes;
  const shown = (topic: string, measure: Measure | undefined) => {
    if (!measure) return '';
    const row = dataset.index.row(code, period, position < 0 ? dataset.totals : dataset.totals.map((t, i) => (i === position ? topic : t)));
    return formatObservation(dataset.index.cellOf(row, measure.id), measure);
  };
  return {
    datasetId: dataset.meta.id,
    period,
    periodLabel: periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period)),
    rows: codes.map(({ code: topic, label }) => ({ code: topic, label, running: shown(topic, running.measure), begun: shown(topic, begun), ended: shown(topic, ended) })),
    shown: [shownFigures(dataset.meta.id, [running.measure, begun, ended], period)],
  };
}

function placementOf(context: FactsContext, placed: ConceptSource, code: string, period: string): Placement | undefined {
  const { dataset, measure, rate } = placed;
  if (!rate) return undefined;
  const row = dataset.totalRow(code, period);
  const share = dataset.index.cellOf(row, rate.id);
  const count = dataset.index.cellOf(row, measure.id);
  const youths = dataset.index.cellOf(row, rate.rate?.denominator ?? '');
  const where = regionName(context.register, code, 'in');
  const youthsText = youths?.value != null ? formatNumber(youths.value) : formatObservation(youths, measure);
  if (share?.value == null) {
    const why = whyNotComputed(youths, 'jongeren met jeugdbescherming', 'het aantal van hen met verblijf is afgeschermd');
    return { figure: `${capitalise(where)} is niet berekend welk deel van de jongeren met jeugdbescherming ook jeugdhulp met verblijf kreeg: ${why}.`, ...NO_SHARE_VERDICT };
  }
  const percent = `${formatObservation(share, rate)}%`;
  const figure = `${capitalise(where)} kreeg ${percent} van de ${youthsText} jongeren met jeugdbescherming ook jeugdhulp met verblijf (${formatObservation(count, measure)} jongeren).`;
  return { figure, ...shareVerdictOf(context, placed, code, period) };
}
