/**
 * How many counts each published table shows, suppressed at the source (".") and kept secret by this site
 * ("x"), for the page that explains disclosure control. Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { protectedMeasureIndexes } from './policy';

export interface DisclosureSummary {
  id: string;
  title: string;
  /** Counts of persons or trajecten in the table (population excluded). */
  counts: number;
  published: number;
  /** Small counts, "." (suppressed where the figures come from). */
  small: number;
  /** Counts kept secret so that a small one cannot be worked out, "x". */
  keptSecret: number;
}

export function disclosureSummary(meta: DatasetMeta, rows: readonly ObservationRow[]): DisclosureSummary {
  const summary: DisclosureSummary = { id: meta.id, title: meta.shortTitle ?? meta.title, counts: 0, published: 0, small: 0, keptSecret: 0 };
  const measures = protectedMeasureIndexes(meta);
  for (const row of rows) {
    for (const i of measures) {
      const cell = row.cells[i];
      if (!cell || (cell.value === null && cell.symbol === '')) continue;
      summary.counts++;
      if (cell.value !== null) summary.published++;
      else if (cell.symbol === 'x') summary.keptSecret++;
      else summary.small++;
    }
  }
  return summary;
}
