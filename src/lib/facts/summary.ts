/**
 * "In het kort": a few sentences at the top of a fact page, made only of what the page shows further down:
 * each compared key figure with its rate, its verdict against Nederland and its peers (the vergelijkbare gemeenten), and
 * its change since a year earlier. Every comparison word comes from src/lib/stats/verdict.ts (through the
 * comparison and change of the page itself), with the printed figure it was judged against beside it.
 */
import { NO_VERDICT_TEXT } from '../stats/verdict';
import { distinctDecimals } from './chance';
import { periodPrintable, yearEarlierText, type ChangeFacts } from './change';
import { judgedReferences, PEER_KINDS, referencePrintable, verdictClauses, type Comparison, type ReferenceKind } from './comparison';
import type { KeyConcept } from './concepts';
import type { KeyFigure } from './key-figures';
import { ratePhrase } from './phrases';
import { capitalise } from './regions';
import type { RateTrend } from './trend';

/** The references a summary names; the provincie and jeugdregio are in the comparison below it. */
const SUMMARY_REFERENCES: readonly ReferenceKind[] = ['land', ...PEER_KINDS];

export interface FactsSummary {
  /** The period of the figures: "1e halfjaar 2026*". */
  periodLabel: string;
  /** One text per key figure: its rate and count, then its verdicts. */
  items: Array<{ concept: KeyConcept; text: string; judged: boolean }>;
}

export interface SummarySource {
  keyFigures: readonly KeyFigure[];
  comparisons: readonly Comparison[];
  trends: readonly RateTrend[];
  otherChanges: readonly ChangeFacts[];
}

/**
 * The summary of a fact page: the figures set against other regions (or, where the page compares nothing,
 * such as Nederland or a former gemeente, those whose trend is shown); undefined when there are none.
 */
export function factsSummary(source: SummarySource): FactsSummary | undefined {
  const concepts = source.comparisons.length > 0 ? source.comparisons.map((c) => c.concept) : source.trends.filter((t) => t.change).map((t) => t.concept);
  const figures = concepts.map((c) => source.keyFigures.find((f) => f.concept === c)).filter((f) => f !== undefined);
  if (figures.length === 0) return undefined;
  const periodLabel = figures[0]!.periodLabel;
  const changes = [...source.trends.map((t) => t.change), ...source.otherChanges];
  return {
    periodLabel,
    items: figures.map((figure) => ({
      concept: figure.concept,
      ...summaryText(
        figure,
        source.comparisons.find((c) => c.concept === figure.concept),
        changes.find((c) => c?.concept === figure.concept),
        figure.periodLabel === periodLabel,
      ),
    })),
  };
}

/**
 * "Jongeren met jeugdhulp: 12,1% van alle jongeren tot 18 jaar (18.755 jongeren). Duidelijk hoger dan een jaar
 * eerder (11,3%), hoger dan in vergelijkbare gemeenten (8,6%), niet duidelijk anders dan in Nederland (10,6%)."
 */
export function summaryText(
  figure: KeyFigure,
  comparison: Comparison | undefined,
  change: ChangeFacts | undefined,
  samePeriod = true,
): { text: string; judged: boolean } {
  const label = samePeriod ? figure.measure.label : `${figure.measure.label} (${figure.periodLabel})`;
  const count = figure.count?.value;
  const counted = count !== null && count !== undefined ? `${figure.countText} ${figure.noun}` : undefined;
  const rate = figure.rate;
  if (!rate?.phrase || rate.value?.value === null || rate.value?.value === undefined) {
    return { text: counted ? `${label}: ${counted}.` : `${label}: ${figure.countText} (${figure.why.text}).`, judged: false };
  }
  // The region's published figure (the card prints more decimals beside its margin).
  const sentences = [`${label}: ${ratePhrase(rate.value.value, rate.measure)}${counted ? ` (${counted})` : ''}.`];
  const references = (comparison?.references ?? []).filter((r) => SUMMARY_REFERENCES.includes(r.kind));
  const earlier = change?.yearEarlier;
  const earlierVerdict = earlier && earlier.rate.shown !== null ? change.change.verdict : undefined;
  // The references as their table rows print them, and with more decimals where one prints like a figure
  // judged otherwise; the year earlier is one of those figures here.
  const base = rate.measure.decimals;
  const decimals = distinctDecimals(base, [
    ...references.map((r) => ({ rate: referencePrintable(r), decimals: r.decimals, verdict: r.judgement.verdict })),
    ...(earlier && earlierVerdict ? [{ rate: periodPrintable(earlier, change.rateMeasure), decimals: base, verdict: earlierVerdict }] : []),
  ]);
  const judged = judgedReferences(references, rate.measure, false, decimals);
  if (earlier && earlierVerdict) {
    // With its period: on a printed factsheet the sentence stands beside year figures too.
    judged.push({ verdict: earlierVerdict, text: `een jaar eerder (${yearEarlierText(earlier, change.rateMeasure, decimals.at(-1))})` });
  }
  // At most three things judged, so each verdict names one to three and a comma parts the verdicts.
  const clauses = verdictClauses(judged);
  if (clauses.length > 0) sentences.push(`${capitalise(clauses.join(', '))}.`);
  else if (references[0]?.judgement.reason) sentences.push(`Geen oordeel over verschillen: ${NO_VERDICT_TEXT[references[0].judgement.reason]}.`);
  return { text: sentences.join(' '), judged: clauses.length > 0 };
}
