/**
 * A share of some group set against Nederland, for the sections below the key figures (the youths with
 * jeugdbescherming who also had verblijf, the trajecten that ended as planned): its 95% margin from its counts
 * and the funnel verdict among the regions of its kind, with the same words and limits as the key figures.
 */
import type { Measure } from '../../schemas/dataset';
import { MIN_RATE_DENOMINATOR } from '../data/dataset';
import type { Observation } from '../data/symbols';
import { formatNumber } from '../format/number';
import { NEDERLAND, regionKind } from '../regions/codes';
import { NO_VERDICT_TEXT, VERDICT_TEXT, type Judgement } from '../stats/verdict';
import { intervalText } from './chance';
import { COUNT_NOUN } from './concepts';
import type { ConceptSource, FactsContext } from './context';
import { funnelOfSource, FUNNEL_NOUN, type Funnel, type FunnelKind } from './funnel';
import { SMALL_COUNT } from './key-figures';

export interface ShareVerdict {
  /** "95%-marge door toeval: 42,0–47,6%." where the counts allow it. */
  margin: string | undefined;
  /** "Dat is niet duidelijk anders dan in Nederland (47,6%)." or why there is no verdict. */
  verdict: string | undefined;
  judgement: Judgement | undefined;
  /** What the verdict words mean, where there is a verdict. */
  meaning: string | undefined;
}

export const NO_SHARE_VERDICT: ShareVerdict = { margin: undefined, verdict: undefined, judgement: undefined, meaning: undefined };

const FUNNEL_KIND: Partial<Record<string, FunnelKind>> = { gemeente: 'gemeente', provincie: 'provincie', jeugdregio: 'jeugdregio' };

/**
 * The margin and verdict of a region's share (the rate of `source`) against Nederland's, among all regions of
 * its kind in the period; none for Nederland itself, or where the share is no proportion with counts.
 */
export function shareVerdictOf(context: FactsContext, source: ConceptSource, code: string, period: string): ShareVerdict {
  const kind = FUNNEL_KIND[regionKind(code) ?? ''];
  const rate = source.rate;
  if (code === NEDERLAND || !kind || !rate) return NO_SHARE_VERDICT;
  const funnel = shareFunnel(context, source, period, kind);
  const own = funnel?.regions.find((r) => r.code === code);
  if (!funnel || !own) return NO_SHARE_VERDICT;
  const nl = `${formatNumber(funnel.target.shown, rate.decimals)}%`;
  return {
    margin: own.interval ? `95%-marge door toeval: ${intervalText(own.interval, rate.decimals)}%.` : undefined,
    verdict: own.judgement.verdict
      ? `Dat is ${VERDICT_TEXT[own.judgement.verdict].than} in Nederland (${nl}).${smallCountCaveat(own.rate.count, funnel.countMeasure)}`
      : `Geen oordeel over het verschil met Nederland (${nl}): ${NO_VERDICT_TEXT[own.judgement.reason]}.`,
    judgement: own.judgement,
    meaning: own.judgement.verdict ? shareMeaning(FUNNEL_NOUN[kind]) : undefined,
  };
}

/**
 * Where a verdict rests on a small count (below SMALL_COUNT, as the key figures mark one), the caveat the key
 * figures give too: the verdict holds by the method, but one family can move such a figure a lot.
 */
function smallCountCaveat(count: number | null, measure: Measure): string {
  if (count === null || count >= SMALL_COUNT) return '';
  return ` Het gaat om een klein aantal (${formatNumber(count, 0)} ${COUNT_NOUN[measure.countOf]}): één gezin kan dit cijfer flink veranderen.`;
}

/**
 * Why a share is not computed, in words: its denominator is suppressed as small ("."), kept secret so that a
 * small count elsewhere cannot be worked out ("x", not small itself), fewer than MIN_RATE_DENOMINATOR, or else
 * its part is suppressed (`partText`).
 */
export function whyNotComputed(whole: Observation | undefined, noun: string, partText: string): string {
  if (whole?.value == null) {
    return whole?.symbol === 'x'
      ? `het aantal ${noun} is afgeschermd, zodat een klein aantal niet uit de andere cijfers terug te rekenen is`
      : `het aantal ${noun} is afgeschermd, omdat het zo klein is`;
  }
  return whole.value < MIN_RATE_DENOMINATOR ? `het gaat om ${formatNumber(whole.value)} ${noun}, minder dan ${MIN_RATE_DENOMINATOR}` : partText;
}

/** The funnel of a share among the regions of a kind, computed once per build: the pages and the downloads use the same. */
export function shareFunnel(context: FactsContext, source: ConceptSource, period: string, kind: FunnelKind): Omit<Funnel, 'concept'> | undefined {
  return context.shared(`share-funnel|${source.dataset.meta.id}|${source.rate?.id}|${period}|${kind}`, () => funnelOfSource(context, source, period, kind));
}

/**
 * The shares set against Nederland in the sections below the key figures, each in the latest half year of its
 * table, as the sections show them: youths with jeugdbescherming who also had verblijf, youths coming into and
 * going out of jeugdhulp, youths coming back within a year (in the latest half year whose year after it is over),
 * herhaald beroep and trajecten ended as planned.
 */
export const SHARE_CONCEPTS = ['jongeren-jeugdbescherming-met-verblijf', 'instroom-jongeren', 'uitstroom-jongeren', 'terugkeer-jongeren', 'start-herhaald-beroep', 'einde-volgens-plan'] as const;
export type ShareConcept = (typeof SHARE_CONCEPTS)[number];

/** A share's source and the period its section judges it in (the latest half year of its table). */
export function shareSource(context: FactsContext, concept: ShareConcept): { source: ConceptSource; period: string } | undefined {
  const source = context.concept(concept);
  return source?.rate ? { source, period: source.dataset.latestPeriod } : undefined;
}

/** The verdict words as the key figures use them (comparison.ts verdictMeaning), said briefly: the section is further down the page. */
function shareMeaning(noun: string): string {
  return `Het oordeel houdt rekening met toeval en met de gewone verschillen tussen ${noun}, net als bij de kerncijfers: “duidelijk” buiten de 99,8%-grenzen, “hoger” of “lager” buiten de 95%-grenzen.`;
}
