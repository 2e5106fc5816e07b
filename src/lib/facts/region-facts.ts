/**
 * Everything a fact page shows about one region, assembled from the building blocks: key figures, trend,
 * comparison, breakdowns, wijken, members, warnings and footnotes. The .astro pages only render this.
 */
import { regionHref } from '../pages/gemeente-links';
import { statusExplanation } from './phrases';
import { NEDERLAND, regionKind, type RegionKind } from '../regions/codes';
import { breakdownsOf, type Breakdown } from './breakdowns';
import { comparisonsOf, type Comparison } from './comparison';
import type { FactsContext } from './context';
import { formerFate, identityLine, predecessorsOf, type FormerFate, type Predecessor } from './history';
import { keyFiguresOf, keyRateIn, searchKeyFigure, statusesOf, type KeyFigure } from './key-figures';
import { yearFiguresOf } from './year-figures';
import { memberTable, type MemberTable } from './members';
import { applicableFootnotes, smallNumbersWarning, type AppliedFootnote, type ShownFigures, type SmallNumbersWarning } from './notes';
import { capitalise, regionName } from './regions';
import { countsTrendOf, trendOf, type RateTrend, type TrendTable } from './trend';
import { changeOf, type ChangeFacts } from './change';
import { indicatorsOf, type IndicatorTable } from './indicators';
import { isCompared } from './funnel';
import { wijkenAbsence, wijkenOf, type WijkenTable } from './wijken';
import { outcomeOf, type OutcomeFacts } from './outcome';
import { juvenileJusticeOf, protectionOf, type JuvenileJusticeFacts, type ProtectionFacts } from './protection';
import { factsSummary, type FactsSummary } from './summary';

export interface RegionFacts {
  code: string;
  kind: RegionKind;
  /** "Aa en Hunze", "Provincie Drenthe", "Jeugdregio Drenthe", "Nederland". */
  title: string;
  /** "in Aa en Hunze", "in de provincie Drenthe". */
  inPhrase: string;
  /** A gemeente that no longer exists: its figures are its own, as published up to its last year. */
  former: FormerFate | undefined;
  predecessors: Predecessor[];
  /** "Gemeentecode GM0363; voorheen ook Weesp (GM0457)". */
  identity: string | undefined;
  /** The provincie and jeugdregio of a gemeente (of a jeugdregio: none; of a provincie: none). */
  parents: Array<{ kind: 'Provincie' | 'Jeugdregio'; code: string; naam: string; href: string | undefined }>;
  /** "20.000 tot 35.000 inwoners", the size class the gelijksoortige gemeenten share. */
  sizeClass: string | undefined;
  /** Datasets with figures of this region, for the downloads. */
  datasets: Array<{ id: string; title: string }>;
  keyFigures: KeyFigure[];
  /**
   * Beside the half-year key figures, the latest year figure of the same concept where a dataset publishes one
   * (a youth helped in both half years counts once in the year). None for a former gemeente.
   */
  yearFigures: KeyFigure[];
  /** "In het kort": the compared key figures with their verdicts, at the top of the page. */
  summary: FactsSummary | undefined;
  /** Tables of CBS indicators (rates without counts), as published, beside Nederland. */
  indicators: IndicatorTable[];
  statusNotes: string[];
  /** Some key figures were computed from the gemeenten ("berekend uit de gemeenten"). */
  aggregated: boolean;
  /** Some figures were converted from former gemeenten. */
  converted: boolean;
  comparisons: Comparison[];
  /**
   * The development of each key measure (those set against other regions): the region, the middle half of its
   * comparison group and Nederland, with whether it changed beyond chance. Without rates in the data, the
   * first count alone. The first is the main trend (also the region's embed).
   */
  trends: RateTrend[];
  /** Whether the other rates (trajecten per 1.000 jongeren, jeugdhulp zonder verblijf) changed beyond chance. */
  otherChanges: ChangeFacts[];
  counts: TrendTable | undefined;
  breakdowns: Breakdown[];
  /** Jeugdbescherming per maatregel, and the youths with a measure who also had jeugdhulp met verblijf; none for a former gemeente. */
  protection: ProtectionFacts | undefined;
  /** Trajecten of jeugdreclassering by form; none for a former gemeente. */
  juvenileJustice: JuvenileJusticeFacts | undefined;
  /** How jeugdhulptrajecten began, lasted and ended; none for a former gemeente. */
  outcome: OutcomeFacts | undefined;
  wijken: WijkenTable | undefined;
  /** Why a current gemeente has no wijken where a table publishes wijken (formed after the wijkindeling). */
  wijkenAbsent: string | undefined;
  /** The year figure among the key figures that counts what the wijken table counts, in the same year. */
  wijkenYearFigure: KeyFigure | undefined;
  members: MemberTable | undefined;
  /** For Nederland: the provincies and the jeugdregio's. */
  regions: { provincies: MemberTable | undefined; jeugdregios: MemberTable | undefined } | undefined;
  warning: SmallNumbersWarning | undefined;
  footnotes: AppliedFootnote[];
  /** "595 jongeren met jeugdhulp (1e halfjaar 2025*)", for the search result. */
  searchKeyFigure: string | undefined;
}

export function regionFacts(context: FactsContext, code: string): RegionFacts {
  const { register } = context;
  const kind = regionKind(code);
  if (!kind || kind === 'wijk') throw new Error(`geen regio met een feitenpagina: ${code}`);
  const former = kind === 'gemeente' ? formerFate(register, code) : undefined;
  const published = former !== undefined;
  const keyFigures = sharedKeyFigures(context, code, published);
  const yearFigures = yearFiguresOf(context, code, keyFigures, { published });
  const statuses = statusesOf([...keyFigures, ...yearFigures]);
  const predecessors = kind === 'gemeente' && !former ? predecessorsOf(register, code) : [];
  const trends = sharedTrends(context, code, keyFigures, published);
  const trendConcepts = new Set(trends.map((t) => t.concept));
  const otherChanges = keyFigures
    .filter((f) => f.rate && !trendConcepts.has(f.concept))
    .map((f) => changeOf(context, code, f.concept, { published }))
    .filter((c) => c !== undefined);
  const counts = countsTrendOf(context, code, { published });
  const comparisons = published || code === NEDERLAND ? [] : comparisonsOf(context, code, keyFigures);
  // The cards print a compared rate and its margin as its row in the comparison table does.
  const cards = keyFigures.map((f) => {
    const compared = comparisons.find((c) => c.concept === f.concept);
    return compared && f.rate ? { ...f, rate: keyRateIn(f.rate, compared.own.decimals) } : f;
  });
  const breakdowns = published ? [] : breakdownsOf(context, code);
  const wijken = kind === 'gemeente' ? wijkenOf(context, code) : undefined;
  const members =
    kind === 'provincie' || kind === 'jeugdregio' ? memberTable(context, register.membersOf(code).map((g) => g.code)) : undefined;
  const regions =
    kind === 'land'
      ? {
          provincies: memberTable(context, register.provincies().map((p) => p.code)),
          jeugdregios: memberTable(context, register.jeugdregios().map((j) => j.code)),
        }
      : undefined;
  const protection = published ? undefined : protectionOf(context, code);
  const juvenileJustice = published ? undefined : juvenileJusticeOf(context, code);
  const outcome = published ? undefined : outcomeOf(context, code);
  const sections = [protection, juvenileJustice, outcome].flatMap((section) => section?.shown ?? []);
  const metas = context.datasets.map((d) => d.meta);
  const scopeWith = (shown: readonly ShownFigures[]) => footnoteScope(code, predecessors, [...keyFigures, ...yearFigures], trends, counts, breakdowns, wijken, shown);
  // A printed factsheet leaves the detailed sections out, and with them the notes that only they need.
  const general = new Set(applicableFootnotes(metas, scopeWith([])).map((f) => f.footnote.text));
  const footnotes = applicableFootnotes(metas, scopeWith(sections)).map((f): AppliedFootnote => (general.has(f.footnote.text) ? f : { ...f, detail: true }));
  return {
    code,
    kind,
    title: capitalise(regionName(register, code, 'plain')),
    inPhrase: regionName(register, code, 'in'),
    former,
    predecessors,
    identity: kind === 'gemeente' ? identityLine(register, code) : undefined,
    parents: kind === 'gemeente' ? parentsOf(context, code) : [],
    sizeClass: kind === 'gemeente' && !former ? context.sizeClassOf(code)?.label : undefined,
    datasets: context.datasets
      .filter((d) => (published ? d.periods.some((p) => d.published().row(code, p, d.totals)) : d.has(code)))
      .map((d) => ({ id: d.meta.id, title: d.meta.shortTitle ?? d.meta.title })),
    keyFigures: cards,
    yearFigures,
    wijkenYearFigure: wijken && yearFigures.find((f) => f.concept === wijken.concept && f.period === wijken.period),
    summary: factsSummary({ keyFigures, comparisons, trends, otherChanges }),
    indicators: published ? [] : indicatorsOf(context, code),
    statusNotes: statuses.map((s) => statusExplanation(s, statuses.length > 1)),
    aggregated: keyFigures.some((f) => f.aggregated),
    converted: keyFigures.some((f) => f.converted) || (counts?.hasConverted ?? false),
    comparisons,
    trends,
    otherChanges,
    counts,
    breakdowns,
    protection,
    juvenileJustice,
    outcome,
    wijken,
    wijkenAbsent: kind === 'gemeente' && !former ? wijkenAbsence(context, code) : undefined,
    members,
    regions,
    warning: smallNumbersWarning(keyFigures),
    footnotes,
    searchKeyFigure: searchKeyFigure(keyFigures),
  };
}

/**
 * How many pages of a build read a region's key figures and trends: its fact page, the embed of its main
 * trend (a current region's, src/lib/embed/embeds.ts) and, for Nederland, the home page. They are made once
 * and let go after the last of them (FactsContext.sharedBy): kept to the end, with the trend charts drawn
 * for them (src/render/charts.ts keeps a chart as long as its input), they were some 100 MB of the main
 * thread's memory at the end of a build.
 */
function readersOf(code: string, published: boolean): number {
  if (published) return 1;
  return code === NEDERLAND ? 3 : 2;
}

function sharedKeyFigures(context: FactsContext, code: string, published: boolean): KeyFigure[] {
  return context.sharedBy(`key-figures|${code}|${published}`, readersOf(code, published), () => keyFiguresOf(context, code, { published }));
}

/** The trends a fact page shows (see RegionFacts.trends); made once for the page and its embed. */
function sharedTrends(context: FactsContext, code: string, keyFigures: readonly KeyFigure[], published: boolean): RateTrend[] {
  return context.sharedBy(`trends|${code}|${published}`, readersOf(code, published), () => {
    const compared = keyFigures.filter((f) => f.rate && isCompared(context, f.concept));
    const concepts = compared.length > 0 ? compared.map((f) => f.concept) : [(keyFigures.find((f) => f.rate) ?? keyFigures[0])?.concept].filter((c) => c !== undefined);
    return concepts.map((c) => trendOf(context, code, c, { published, band: true })).filter((t) => t !== undefined);
  });
}

/** The main trend of a current region's fact page, without the rest of the page (for its embed). */
export function regionTrend(context: FactsContext, code: string): RateTrend | undefined {
  return sharedTrends(context, code, sharedKeyFigures(context, code, false), false)[0];
}

function parentsOf(context: FactsContext, code: string): RegionFacts['parents'] {
  const { register } = context;
  const out: RegionFacts['parents'] = [];
  const provincie = register.provincieOf(code);
  const jeugdregio = register.jeugdregioOf(code);
  if (provincie) out.push({ kind: 'Provincie', code: provincie, naam: register.label(provincie), href: regionHref(register, provincie) });
  if (jeugdregio) out.push({ kind: 'Jeugdregio', code: jeugdregio, naam: register.label(jeugdregio), href: regionHref(register, jeugdregio) });
  return out;
}

function footnoteScope(
  code: string,
  predecessors: readonly Predecessor[],
  keyFigures: readonly KeyFigure[],
  trends: readonly RateTrend[],
  counts: TrendTable | undefined,
  breakdowns: readonly Breakdown[],
  wijken: WijkenTable | undefined,
  sections: readonly ShownFigures[],
) {
  const measures = new Map<string, Set<string>>();
  const periods = new Map<string, Set<string>>();
  const add = (datasetId: string, measureIds: readonly string[], periodCodes: readonly string[]) => {
    const m = measures.get(datasetId) ?? new Set<string>();
    const p = periods.get(datasetId) ?? new Set<string>();
    for (const id of measureIds) m.add(id);
    for (const c of periodCodes) p.add(c);
    measures.set(datasetId, m);
    periods.set(datasetId, p);
  };
  const trendPeriods = [...trends.flatMap((t) => t.table.rows), ...(counts?.rows ?? [])].map((r) => r.period);
  for (const f of keyFigures) add(f.datasetId, [f.measure.id, ...(f.rate ? [f.rate.measure.id] : [])], [f.period, ...trendPeriods]);
  for (const b of breakdowns) add(b.datasetId, [b.measure.id], [b.period]);
  if (wijken) add(wijken.datasetId, wijken.measureIds, [wijken.period]);
  for (const section of sections) add(section.datasetId, section.measures, [section.period]);
  const regions = [code, ...predecessors.map((p) => p.code), ...(wijken?.rows.map((w) => w.code) ?? [])];
  return { regions, measures, periods };
}
