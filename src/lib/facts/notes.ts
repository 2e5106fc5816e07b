/**
 * What a reader should know before reading a region's figures: a warning when numbers are small, and the
 * footnotes of the datasets that concern this region and the figures shown.
 */
import type { DatasetMeta, Footnote, Measure } from '../../schemas/dataset';
import type { ConceptSource } from './context';
import type { KeyFigure } from './key-figures';

export const SMALL_NUMBERS_WARNING = {
  title: 'Kleine aantallen',
  text: 'één gezin dat verhuist kan dit cijfer flink veranderen. Kijk liever naar meerdere jaren of naar de jeugdregio.',
};

/**
 * Under a table of shares the site computes from published counts: CBS rounds those to multiples of 5, so a
 * share of a few dozen can be off by several points, and 55 of 55 need not be all of them.
 */
export function roundedSharesNote(noun: 'jongeren' | 'trajecten'): string {
  return `De percentages zijn berekend uit de afgeronde aantallen. Bij kleine aantallen kunnen ze daardoor enkele procentpunten van het echte cijfer afwijken: 55 van 55 ${noun} (100,0%) kunnen er 53 van 55 zijn.`;
}

/**
 * Where "Goed om te weten" sends a reader for more: how to read the figures, herindelingen, and for raadsleden the
 * questions to ask of a difference and what the figures leave out (content/over/).
 */
export const FURTHER_READING: readonly { href: string; text: string }[] = [
  { href: '/over/cijfers-lezen/', text: 'de cijfers lezen' },
  { href: '/over/herindelingen/', text: 'herindelingen' },
  { href: '/over/vragen-bij-de-cijfers/', text: 'vragen om bij de cijfers te stellen' },
  { href: '/over/wat-niet-in-de-cijfers-staat/', text: 'wat niet in de cijfers staat' },
];

export interface SmallNumbersWarning {
  /** "Kleine aantallen", shown in bold before the text. */
  title: string;
  text: string;
  /** The figures that are small or suppressed: "jongeren met jeugdreclassering: afgeschermd of onbekend". */
  figures: string[];
  /** Every key figure is small: the page says so instead of listing them all. */
  all: boolean;
}

/** A warning when any key figure is small (below SMALL_COUNT) or suppressed; undefined when none is. */
export function smallNumbersWarning(figures: readonly KeyFigure[]): SmallNumbersWarning | undefined {
  const small = figures.filter((f) => f.small);
  if (small.length === 0) return undefined;
  return {
    ...SMALL_NUMBERS_WARNING,
    all: small.length === figures.length,
    figures: small.map((f) => {
      const what = f.measure.label.charAt(0).toLowerCase() + f.measure.label.slice(1);
      if (!f.count || f.count.value === null) return `${what}: afgeschermd of onbekend`;
      return `${what}: ${f.countShown} ${f.noun}`;
    }),
  };
}

export interface FootnoteScope {
  /** The region and the regions whose figures are part of the page (e.g. a former gemeente merged into it). */
  regions: readonly string[];
  /** Measures shown, by dataset id. */
  measures: ReadonlyMap<string, ReadonlySet<string>>;
  /** Periods shown, by dataset id. */
  periods: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * What a section of a fact page shows, for the footnotes that concern it: a dataset, its measures and the
 * period (the jeugdbescherming, jeugdreclassering and verloop sections each report theirs).
 */
export interface ShownFigures {
  datasetId: string;
  measures: readonly string[];
  period: string;
}

/** A section's figures of one dataset: the measures it has (those the data lacks are undefined) in a period. */
export function shownFigures(datasetId: string, measures: ReadonlyArray<Measure | undefined>, period: string): ShownFigures {
  return { datasetId, measures: measures.filter((m): m is Measure => m !== undefined).map((m) => m.id), period };
}

/** A concept's measure with its rate and the rate's denominator, as a section that prints the share shows them. */
export function shownShare(source: ConceptSource | undefined, period: string): ShownFigures[] {
  if (!source) return [];
  const measures = [source.measure.id, ...(source.rate ? [source.rate.id, source.rate.rate?.denominator ?? ''] : [])].filter((m) => m !== '');
  return [{ datasetId: source.dataset.meta.id, measures, period }];
}

export interface AppliedFootnote {
  datasetId: string;
  datasetTitle: string;
  footnote: Footnote;
  /** Needed only by the detailed sections (jeugdbescherming, verloop), which a printed factsheet leaves out. */
  detail?: true;
}

/**
 * The footnotes of the shown datasets whose `appliesTo` matches: a missing key means "all", otherwise one of
 * its values must be on the page. Topics are not narrowed: a footnote on a hulpvorm concerns the totals too.
 * The same text from several datasets is listed once.
 */
export function applicableFootnotes(datasets: readonly DatasetMeta[], scope: FootnoteScope): AppliedFootnote[] {
  const out: AppliedFootnote[] = [];
  const seen = new Set<string>();
  for (const meta of datasets) {
    const measures = scope.measures.get(meta.id);
    if (!measures || measures.size === 0) continue;
    const periods = scope.periods.get(meta.id) ?? new Set<string>();
    for (const footnote of meta.footnotes) {
      const { regions, measures: onMeasures, periods: onPeriods } = footnote.appliesTo;
      if (regions && !regions.some((r) => scope.regions.includes(r))) continue;
      if (onMeasures && !onMeasures.some((m) => measures.has(m))) continue;
      if (onPeriods && !onPeriods.some((p) => periods.has(p))) continue;
      if (seen.has(footnote.text)) continue;
      seen.add(footnote.text);
      out.push({ datasetId: meta.id, datasetTitle: meta.shortTitle ?? meta.title, footnote });
    }
  }
  return out;
}
