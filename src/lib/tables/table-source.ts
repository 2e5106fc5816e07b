import type { DatasetMeta, Footnote } from '../../schemas/dataset';
import type { Dataset, ObservationRow } from '../data/dataset';
import { gemeenteOfWijk, regionKind, type RegionKind } from '../regions/codes';
import type { ConvertedDataset } from '../regions/convert';
import type { RegionRegister } from '../regions/register';
import { wijkChangeNote } from '../regions/wijk-versions';
import { regionCodeOf, wijkVersionKey } from './region-keys';
import { parsePeriodCode } from '../data/periods';

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
  /**
   * The region's key in the table: its CBS code, or for an earlier version of a wijk whose code later
   * stands for another area or name, the code with the last year of that version (`WK003402-2021`, see
   * wijkVersionKey). A table shows each version as a row of its own, under its own name.
   */
  code: string;
  label: string;
  kind: RegionKind;
  /**
   * The years the region exists as published, where limited: a gemeente from its first to its last year
   * of indeling, a wijk (version) in the years of its wijkindeling. Outside them a figure cannot occur
   * (empty cell, not "."); as published only, except for wijken, which are never converted.
   */
  years?: { from?: number; until?: number };
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

/** The wijk versions of a table: per key, the name to show and the years it holds. */
interface WijkKey {
  label: string;
  years: { from?: number; until?: number };
}

/**
 * Gives the rows of a wijk whose code stands for several versions over the periods (another area or
 * another name, see RegionRegister.wijkVersions) a key per version: the latest keeps the code, earlier
 * ones get wijkVersionKey. A version whose area differs from the one before is labelled "(andere indeling
 * dan in 2021)", so no table puts figures of two areas side by side as one series. Rewrites `rows` in place
 * (the table's own row objects) and returns the label and years of every wijk key.
 */
export function splitWijkVersions(rows: TableRow[], register: RegionRegister): Map<string, WijkKey> {
  const years = new Map<string, number>();
  const yearOf = (period: string) => {
    let year = years.get(period);
    if (year === undefined) years.set(period, (year = parsePeriodCode(period)?.year ?? 0));
    return year;
  };
  const wijkRows = new Map<string, TableRow[]>();
  for (const row of rows) {
    if (regionKind(row.region) !== 'wijk') continue;
    const list = wijkRows.get(row.region);
    if (list) list.push(row);
    else wijkRows.set(row.region, [row]);
  }
  const keys = new Map<string, WijkKey>();
  for (const [code, list] of wijkRows) {
    if (!register.knowsWijk(code)) continue;
    const versions = register.wijkVersions(code);
    const byRow = list.map((row) => register.wijkVersion(code, yearOf(row.period)));
    const used = versions.filter((v) => byRow.includes(v));
    const latest = used.at(-1);
    for (const version of used) {
      const key = version === latest ? code : wijkVersionKey(code, version.last);
      const index = versions.indexOf(version);
      const range: WijkKey['years'] = {};
      // The first version holds for the years before the reference's first wijkindeling too, the last for the years after.
      if (index > 0 || version.first > (register.wijkIndelingYear(0) ?? version.first)) range.from = version.first;
      if (index < versions.length - 1 || version.last < (register.wijkIndelingYear(9999) ?? version.last)) range.until = version.last;
      const note = wijkChangeNote(version);
      keys.set(key, { label: note ? `${version.naam} (${note})` : version.naam, years: range });
    }
    list.forEach((row, i) => {
      const version = byRow[i];
      if (version && version !== latest) row.region = wijkVersionKey(code, version.last);
    });
  }
  return keys;
}

/** The regions of the rows with names and relations from the register, in table order. */
export function describeRegions(codes: Iterable<string>, register: RegionRegister, wijkKeys: ReadonlyMap<string, WijkKey> = new Map()): RegionInfo[] {
  const out: RegionInfo[] = [];
  for (const key of new Set(codes)) {
    const code = regionCodeOf(key);
    const kind = regionKind(code);
    if (!kind) continue;
    const wijk = wijkKeys.get(key);
    const info: RegionInfo = { code: key, label: wijk?.label ?? register.label(code), kind };
    const gemeente = kind === 'wijk' ? gemeenteOfWijk(code) : kind === 'gemeente' ? code : undefined;
    if (kind === 'wijk') info.gemeente = gemeente!;
    if (gemeente) {
      const provincie = register.provincieOf(gemeente);
      const jeugdregio = register.jeugdregioOf(gemeente);
      if (provincie) info.provincie = provincie;
      if (jeugdregio) info.jeugdregio = jeugdregio;
    }
    const years = kind === 'wijk' ? wijk?.years : kind === 'gemeente' ? gemeenteYears(register, code) : undefined;
    if (years && (years.from !== undefined || years.until !== undefined)) info.years = years;
    out.push(info);
  }
  return sortRegions(out);
}

/** The years a gemeente exists in, where limited (a former gemeente, or one formed after the first indeling). */
function gemeenteYears(register: RegionRegister, code: string): RegionInfo['years'] {
  const g = register.gemeente(code);
  if (!g) return undefined;
  const years: RegionInfo['years'] = {};
  if (g.eersteJaar > register.firstYear) years.from = g.eersteJaar;
  if (g.laatsteJaar !== null) years.until = g.laatsteJaar;
  return years;
}



/**
 * Table order: Nederland, provincies, jeugdregio's, gemeenten, wijken; by name within a kind, and wijken
 * by the name of their gemeente first, so the wijken of one gemeente stay together in CBS code order.
 */
export function sortRegions(regions: RegionInfo[]): RegionInfo[] {
  const labels = new Map(regions.map((r) => [r.code, r.label]));
  const collator = new Intl.Collator('nl');
  const key = (r: RegionInfo) => (r.kind === 'wijk' ? labels.get(r.gemeente ?? '') ?? r.gemeente ?? '' : r.label);
  // Versions of one wijk code: the earlier ones (keyed with their last year) before the latest.
  const version = (r: RegionInfo) => (r.code === regionCodeOf(r.code) ? Infinity : Number(r.code.slice(9)));
  return regions.sort(
    (a, b) =>
      REGION_KIND_ORDER.indexOf(a.kind) - REGION_KIND_ORDER.indexOf(b.kind) ||
      collator.compare(key(a), key(b)) ||
      (a.kind === 'wijk' ? regionCodeOf(a.code).localeCompare(regionCodeOf(b.code)) || version(a) - version(b) : 0) ||
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
    const wijkKeys = splitWijkVersions(rows, register);
    source = {
      meta: dataset.meta,
      periods: dataset.periods,
      regions: describeRegions(rows.map((r) => r.region), register, wijkKeys),
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
