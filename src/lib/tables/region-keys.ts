/**
 * Region keys of a table (src/lib/tables/table-source.ts): a CBS code, or for an earlier version of a wijk
 * whose code later stands for another area or name, the code with the last year of that version. Small and
 * without data, for the browser's table code too.
 */
import { parsePeriodCode } from '../data/periods';
import { regionKind, type RegionKind } from '../regions/codes';
import type { RegionInfo, RowView } from './table-source';

/** The key of an earlier version of a wijk in a table: `WK003402-2021` (its code and the last year of the version). */
export function wijkVersionKey(code: string, lastYear: number): string {
  return `${code}-${lastYear}`;
}

/** The CBS code of a region key of a table: `WK003402-2021` → `WK003402`; a code is its own. */
export function regionCodeOf(key: string): string {
  return /^WK\d{6}-\d{4}$/.test(key) ? key.slice(0, 8) : key;
}

/** The kind of region a key of a table stands for. */
export function regionKindOf(key: string): RegionKind | undefined {
  return regionKind(regionCodeOf(key));
}

/**
 * True when a region cannot have a figure in a period as the view shows it: a gemeente outside the years
 * of its indeling (as published; on the latest indeling its figures are converted), a wijk outside the
 * years of its version. Such a cell is empty ("kan niet voorkomen"), not "." (unknown or suppressed).
 */
export function cannotOccur(region: RegionInfo, period: string, view: RowView): boolean {
  if (!region.years || (view === 'omgerekend' && region.kind !== 'wijk')) return false;
  const year = parsePeriodCode(period)?.year;
  if (year === undefined) return false;
  return (region.years.from !== undefined && year < region.years.from) || (region.years.until !== undefined && year > region.years.until);
}
