/**
 * Links from a gemeente's fact page to the table pages, with the gemeente, the gemeenten it is compared with
 * (its statistical neighbours, or else its size class) and Nederland preselected: the comparison of the
 * page, opened as a table the reader can change and share. And a link with only the gemeente and
 * Nederland, for a reader who picks the gemeenten to compare by name (as Waar staat je gemeente allows).
 * The addresses are written by the table page's own serialiser (src/lib/tables/selection.ts), so the
 * table reads them back exactly. Pure.
 */
import { COMPARED_CONCEPTS } from '../facts/concepts';
import { peerGroupOf, type PeerGroup, type PeerKind } from '../facts/comparison';
import type { FactsContext, FactsDataset } from '../facts/context';
import { NEDERLAND } from '../regions/codes';
import { defaultSelection, REGION_DIM, MEASURE_DIM, serialiseSelection, type Selection, type SelectionContext } from '../tables/selection';
import { tableSourceOf, type SiteDatasetLike } from '../tables/table-source';

/** A table page's address: its path, and the selection when it differs from the default table. */
export function tableHref(context: SelectionContext, selection: Selection): string {
  const query = serialiseSelection(selection, context);
  return `/tabellen/${context.meta.id}/${query ? `?${query}` : ''}`;
}

/**
 * A table of at most this many measures shows them all, as the table page does by default: they fit beside
 * each other, and the address stays short (it is on every gemeente's page). A wider table (a CBS table of
 * twenty measures) shows only the figures compared.
 */
export const MAX_ALL_MEASURES = 8;

/**
 * The table of exactly these regions (in this order) in one period: regions in the rows, measures in the
 * columns, every topic dimension at its total, on the latest indeling. Its measures are all the table's,
 * or with more than MAX_ALL_MEASURES only the given ones.
 */
export function comparisonSelection(context: SelectionContext, regions: readonly string[], period: string, measures: readonly string[]): Selection {
  const all = context.meta.measures.map((m) => m.id);
  return {
    ...defaultSelection(context),
    regions: [...new Set(regions)],
    periods: [period],
    // In the dataset's order, as the table reads them back.
    measures: all.length <= MAX_ALL_MEASURES ? all : all.filter((id) => measures.includes(id)),
    rows: [REGION_DIM],
    columns: [MEASURE_DIM],
  };
}

/**
 * Where the table page's region picker starts (the help line above the chosen regions, SelectionForm.astro):
 * the link that leaves the choice to the reader opens there, and the browser unfolds the form around it.
 */
export const REGION_PICKER_ANCHOR = 'regio-uitleg';

export interface CompareLink {
  /** What the table shows, for the link text: "jongeren met jeugdhulp". */
  label: string;
  href: string;
}

export interface CompareLinks {
  /** Which gemeenten the links add: the neighbours, or the size class when the gemeente has none. */
  peers: PeerKind;
  /** How many gemeenten besides the gemeente itself. */
  count: number;
  /** Per dataset of the figures the page compares: the gemeente, its peers and Nederland. */
  tables: CompareLink[];
  /** The first of those tables with only the gemeente and Nederland, open at the region picker to add gemeenten by name. */
  own: CompareLink;
}

/** A table page's selection context for a dataset of the fact pages: the table source the table page uses. */
function selectionContextOf(context: FactsContext, dataset: FactsDataset): SelectionContext | undefined {
  const source = dataset.source;
  // The site's datasets carry their indeling (a ConvertedDataset); FactsContext only types what it reads.
  if (!('indeling' in source.converted)) return undefined;
  return tableSourceOf(source as SiteDatasetLike, context.register);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The compare links of a current gemeente: one table per dataset that holds a figure the page compares
 * (COMPARED_CONCEPTS), in its latest period, with the table's measures (of a wide table only the count and
 * the rate of each such figure: comparisonSelection). The peers are those the page compares with
 * (peerGroupOf) unless given. Undefined when the gemeente has no peers or no
 * compared figure.
 */
export function compareLinks(context: FactsContext, code: string, peers: Pick<PeerGroup, 'kind' | 'members'> | undefined = peerGroupOf(context, code)): CompareLinks | undefined {
  if (!peers || peers.members.length === 0) return undefined;
  const byDataset = new Map<FactsDataset, { label: string; measures: string[] }>();
  for (const concept of COMPARED_CONCEPTS) {
    const source = context.concept(concept);
    if (!source || !source.dataset.has(code)) continue;
    const entry = byDataset.get(source.dataset) ?? { label: lowerFirst(source.measure.label), measures: [] };
    entry.measures.push(source.measure.id, ...(source.rate ? [source.rate.id] : []));
    byDataset.set(source.dataset, entry);
  }
  const regions = [code, ...peers.members, NEDERLAND];
  const tables: Array<CompareLink & { selectionContext: SelectionContext; period: string; measures: string[] }> = [];
  for (const [dataset, { label, measures }] of byDataset) {
    const selectionContext = selectionContextOf(context, dataset);
    if (!selectionContext) continue;
    const period = dataset.latestPeriod;
    tables.push({ label, href: tableHref(selectionContext, comparisonSelection(selectionContext, regions, period, measures)), selectionContext, period, measures });
  }
  const first = tables[0];
  if (!first) return undefined;
  return {
    peers: peers.kind,
    count: peers.members.length,
    tables: tables.map(({ label, href }) => ({ label, href })),
    own: {
      label: first.label,
      href: `${tableHref(first.selectionContext, comparisonSelection(first.selectionContext, [code, NEDERLAND], first.period, first.measures))}#${REGION_PICKER_ANCHOR}`,
    },
  };
}

/**
 * The table page of a gemeente's wijken in the period of its wijken section: the gemeente as published that
 * year (as the section shows it) and all its wijken in the rows, every measure of the table in the columns.
 * The section shows a few counts so that it fits a phone; the table has all CBS publishes per wijk (ages,
 * households, verwijzers). Undefined for a dataset the table pages do not know.
 */
export function wijkenTableHref(context: FactsContext, gemeente: string, wijken: { datasetId: string; period: string }): string | undefined {
  const dataset = context.datasets.find((d) => d.meta.id === wijken.datasetId);
  const selectionContext = dataset && selectionContextOf(context, dataset);
  if (!selectionContext) return undefined;
  return tableHref(selectionContext, {
    ...defaultSelection(selectionContext),
    regions: [gemeente, `wijken-${gemeente}`],
    periods: [wijken.period],
    view: 'gepubliceerd',
  });
}
