import type { DatasetMeta, Footnote } from '../../schemas/dataset';
import type { Dataset, ObservationRow } from '../data/dataset';
import { gemeenteOfWijk, regionKind, type RegionKind } from '../regions/codes';
import type { ConvertedDataset } from '../regions/convert';
import type { RegionRegister } from '../regions/register';

/**
 * What a table page works from, on the build server and in the browser alike: the dataset's metadata, its
 * regions with the relations the selection needs (provincie, jeugdregio, gemeente of a wijk), and one list
 * of rows holding both views of the figures. A row says in which view it appears, so the switch between
 * "zoals gepubliceerd" and "omgerekend" needs no second copy of the rows that are the same in both.
 */
export type RowView = 'omgerekend' | 'gepubliceerd';

/** `beide`: the row is the same in both views (most rows); otherwise the one view it belongs to. */
export type RowVariant = 'beide' | RowView;

export interface TableRow extends ObservationRow {
  variant: RowVariant;
}

export interface RegionInfo {
  code: string;
  label: string;
  kind: RegionKind;
  /** Provincie and jeugdregio of a gemeente or wijk (a former gemeente: those of its successor). */
  provincie?: string;
  jeugdregio?: string;
  /** The gemeente a wijk belongs to. */
  gemeente?: string;
}

export interface TableSource {
  meta: DatasetMeta;
  /** Period codes in time order. */
  periods: string[];
  /** Every region that has a row in either view, in table order (see `compareRegions`). */
  regions: RegionInfo[];
  /** The indeling the `omgerekend` view is on. */
  indeling: number;
  rows: TableRow[];
}

export const REGION_KIND_ORDER: readonly RegionKind[] = ['land', 'provincie', 'jeugdregio', 'gemeente', 'wijk'];

/** Merges a dataset as published and on the latest indeling into one list of rows marked by view. */
export function mergeViews(original: Dataset, converted: ConvertedDataset): TableRow[] {
  // A row that conversion left as it was is a copy of the published row with the same cells array (see
  // convertToIndeling): the arrays tell which rows are in both views, without a key per row.
  const unchanged = new Set<readonly unknown[]>();
  const out: TableRow[] = [];
  for (const row of converted.rows) {
    if (row.converted) {
      out.push({ region: row.region, period: row.period, topics: row.topics, cells: row.cells, variant: 'omgerekend' });
    } else unchanged.add(row.cells);
  }
  for (const row of original.rows) {
    const variant = unchanged.has(row.cells) ? 'beide' : 'gepubliceerd';
    out.push({ region: row.region, period: row.period, topics: row.topics, cells: row.cells, variant });
  }
  return out;
}

/** The regions of the rows with names and relations from the register, in table order. */
export function describeRegions(codes: Iterable<string>, register: RegionRegister): RegionInfo[] {
  const out: RegionInfo[] = [];
  for (const code of new Set(codes)) {
    const kind = regionKind(code);
    if (!kind) continue;
    const info: RegionInfo = { code, label: register.label(code), kind };
    const gemeente = kind === 'wijk' ? gemeenteOfWijk(code) : kind === 'gemeente' ? code : undefined;
    if (kind === 'wijk') info.gemeente = gemeente!;
    if (gemeente) {
      const provincie = register.provincieOf(gemeente);
      const jeugdregio = register.jeugdregioOf(gemeente);
      if (provincie) info.provincie = provincie;
      if (jeugdregio) info.jeugdregio = jeugdregio;
    }
    out.push(info);
  }
  return sortRegions(out);
}

/**
 * Table order: Nederland, provincies, jeugdregio's, gemeenten, wijken; by name within a kind, and wijken
 * by the name of their gemeente first, so the wijken of one gemeente stay together in CBS code order.
 */
export function sortRegions(regions: RegionInfo[]): RegionInfo[] {
  const labels = new Map(regions.map((r) => [r.code, r.label]));
  const collator = new Intl.Collator('nl');
  const key = (r: RegionInfo) => (r.kind === 'wijk' ? labels.get(r.gemeente ?? '') ?? r.gemeente ?? '' : r.label);
  return regions.sort(
    (a, b) =>
      REGION_KIND_ORDER.indexOf(a.kind) - REGION_KIND_ORDER.indexOf(b.kind) ||
      collator.compare(key(a), key(b)) ||
      (a.kind === 'wijk' ? a.code.localeCompare(b.code) : 0) ||
      a.code.localeCompare(b.code),
  );
}

export interface SiteDatasetLike {
  meta: DatasetMeta;
  original: Dataset;
  converted: ConvertedDataset;
  periods: string[];
}

const sources = new WeakMap<SiteDatasetLike, TableSource>();

/** The table source of a dataset of the site data, built once per dataset per build. */
export function tableSourceOf(dataset: SiteDatasetLike, register: RegionRegister): TableSource {
  let source = sources.get(dataset);
  if (!source) {
    const rows = mergeViews(dataset.original, dataset.converted);
    source = {
      meta: dataset.meta,
      periods: dataset.periods,
      regions: describeRegions(rows.map((r) => r.region), register),
      indeling: dataset.converted.indeling,
      rows,
    };
    sources.set(dataset, source);
  }
  return source;
}

/**
 * The footnotes of a table: the dataset's own, and its trend breaks as footnotes on the first period that
 * is not comparable with the ones before it (and on the measures the break concerns).
 */
export function tableFootnotes(meta: DatasetMeta): Footnote[] {
  const breaks = meta.trendBreaks.map(
    (b): Footnote => ({
      id: `trendbreuk-${b.from.toLowerCase()}`,
      text: `Trendbreuk: ${b.note}`,
      appliesTo: b.measures ? { periods: [b.from], measures: b.measures } : { periods: [b.from] },
    }),
  );
  return [...meta.footnotes, ...breaks];
}
