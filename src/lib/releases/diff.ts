/**
 * What changed from one release to the next: revised figures (old and new value), new periods, periods
 * whose status changed (voorlopig → nader voorlopig → definitief), new datasets, and the herindelingen that
 * took effect with the first figures of a new year (from then on the site shows the series on that
 * indeling). Pure.
 */
import { median } from 'd3-array';
import type { DatasetMeta, Measure } from '../../schemas/dataset';
import { rowKey } from '../data/dataset';
import { parsePeriodCode, type PeriodStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import type { HerindelingRecord } from '../regions/register';
import type { DatasetVersion } from './versions';

export interface Revision {
  datasetId: string;
  region: string;
  period: string;
  topics: readonly string[];
  measure: Measure;
  old: Observation;
  new: Observation;
  /** new − old, when both are numbers. */
  difference: number | null;
  /** (new − old) / old as a fraction, when both are numbers and old is not 0. */
  relative: number | null;
}

export interface StatusChange {
  period: string;
  from: PeriodStatus;
  to: PeriodStatus;
}

export interface DatasetDiff {
  meta: DatasetMeta;
  /** Periods published for the first time, in the newer release's order. */
  newPeriods: string[];
  /** Periods the newer release no longer has (rare: a withdrawn period). */
  droppedPeriods: string[];
  statusChanges: StatusChange[];
  revisions: Revision[];
  /** Rows of a period in both releases that only the newer one has (e.g. a region added). */
  addedRows: number;
  removedRows: number;
}

function cellChanged(a: Observation | undefined, b: Observation | undefined): boolean {
  return (a?.value ?? null) !== (b?.value ?? null) || (a?.symbol ?? null) !== (b?.symbol ?? null);
}

/**
 * Compares two versions of one dataset (the older first). Not cached: each release's page compares its
 * versions once, the release checks once at the start of a build, the downloads worker once for each revisions
 * file. A cache keyed by the rows (as there was) lived as long as the data: every revision of every release
 * held to the end of the build, a quarter of a gigabyte with ten times the default data.
 */
export function diffVersions(older: DatasetVersion, newer: DatasetVersion): DatasetDiff {
  const meta = newer.meta;
  const oldStatus = new Map(older.periods.map((p) => [p.code, p.status]));
  const newStatus = new Map(newer.periods.map((p) => [p.code, p.status]));
  const newPeriods = newer.periods.filter((p) => !oldStatus.has(p.code)).map((p) => p.code);
  const droppedPeriods = older.periods.filter((p) => !newStatus.has(p.code)).map((p) => p.code);
  const statusChanges: StatusChange[] = newer.periods
    .filter((p) => oldStatus.has(p.code) && oldStatus.get(p.code) !== p.status)
    .map((p) => ({ period: p.code, from: oldStatus.get(p.code)!, to: p.status }));

  // The versions of a dataset share the row objects that did not change (see reconstructRelease): a row
  // in both is unchanged, and only the others need a lookup by key.
  const inNewer = new Set(newer.rows);
  const inOlder = new Set(older.rows);
  const oldRows = new Map<string, (typeof older.rows)[number]>();
  for (const row of older.rows) if (newStatus.has(row.period) && !inNewer.has(row)) oldRows.set(rowKey(row.region, row.period, row.topics), row);
  const revisions: Revision[] = [];
  let addedRows = 0;
  for (const row of newer.rows) {
    if (!oldStatus.has(row.period) || inOlder.has(row)) continue;
    const key = rowKey(row.region, row.period, row.topics);
    const before = oldRows.get(key);
    if (!before) {
      addedRows++;
      continue;
    }
    oldRows.delete(key);
    meta.measures.forEach((measure, i) => {
      const a = before.cells[i];
      const b = row.cells[i];
      if (!cellChanged(a, b)) return;
      const old = a ?? { value: null, symbol: '.' };
      const now = b ?? { value: null, symbol: '.' };
      const difference = old.value !== null && now.value !== null ? round(now.value - old.value, measure.decimals) : null;
      const relative = difference !== null && old.value !== null && old.value !== 0 ? difference / old.value : null;
      revisions.push({ datasetId: meta.id, region: row.region, period: row.period, topics: row.topics, measure, old, new: now, difference, relative });
    });
  }
  return { meta, newPeriods, droppedPeriods, statusChanges, revisions, addedRows, removedRows: oldRows.size };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * The herindelingen a release brought into the figures: those of a year whose first figures appear in
 * this release (the 2023 merger of Weesp into Amsterdam came with the first 2023 figures).
 */
export function herindelingenApplied(newPeriodCodes: readonly string[], olderPeriodCodes: readonly string[], herindelingen: readonly HerindelingRecord[]): HerindelingRecord[] {
  const yearsBefore = new Set(olderPeriodCodes.map((c) => parsePeriodCode(c)?.year));
  const newYears = new Set(newPeriodCodes.map((c) => parsePeriodCode(c)?.year).filter((y): y is number => y !== undefined && !yearsBefore.has(y)));
  return herindelingen.filter((h) => newYears.has(h.jaar));
}

/**
 * The revisions worth showing on a page: counts (not rates, which follow from them) whose old value is
 * large enough for a percentage to mean something (counts are rounded to fives: 110 → 120 is mostly
 * rounding), largest relative change first.
 */
export const REVISION_MINIMUM = 500;

export function largestRevisions(revisions: readonly Revision[], limit = 20, minimumOld = REVISION_MINIMUM): Revision[] {
  return revisions
    .filter((r) => r.measure.type === 'aantal' && r.measure.concept !== 'bevolking' && r.relative !== null && (r.old.value ?? 0) >= minimumOld)
    .sort((a, b) => Math.abs(b.relative!) - Math.abs(a.relative!) || a.region.localeCompare(b.region))
    .slice(0, limit);
}

/**
 * A summary of the revisions of one dataset: how many cells, which way, and the typical size of a revision:
 * the median of the relative changes without their sign ("de helft met minder dan 3,3%"). The median of the
 * signed changes would count every downward revision, however large, as small.
 */
export function revisionSummary(revisions: readonly Revision[]): { cells: number; medianSize: number | null; upward: number; downward: number } {
  const sizes = revisions.map((r) => r.relative).filter((r): r is number => r !== null).map(Math.abs);
  return {
    cells: revisions.length,
    medianSize: median(sizes) ?? null,
    upward: revisions.filter((r) => (r.difference ?? 0) > 0).length,
    downward: revisions.filter((r) => (r.difference ?? 0) < 0).length,
  };
}
