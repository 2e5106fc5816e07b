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

/** What the build log says about disclosure control (see src/node/disclosure-fs.ts for `stored`). */
export function disclosureLogLine(reports: ReadonlyArray<{ stored: boolean; primary: number; secondary: number; unresolved: number }>): { level: 'info' | 'warn'; text: string } {
  const redone = reports.filter((r) => !r.stored);
  if (redone.length === 0) return { level: 'info', text: `Geheimhouding: alle ${reports.length} tabellen (met eerdere publicaties) zijn beschermd weggeschreven en ongewijzigd.` };
  const primary = redone.reduce((n, r) => n + r.primary, 0);
  const secondary = redone.reduce((n, r) => n + r.secondary, 0);
  const unresolved = redone.reduce((n, r) => n + r.unresolved, 0);
  return {
    level: 'warn',
    text:
      `Geheimhouding: ${redone.length} van ${reports.length} tabellen kwamen niet zoals ze beschermd waren weggeschreven en zijn bij het bouwen opnieuw beschermd: ` +
      `${primary} aantallen afgerond of afgeschermd volgens het beleid, ${secondary} extra afgeschermd (x)` +
      `${unresolved > 0 ? `; ${unresolved} kleine aantallen blijven af te leiden` : ''}. Schrijf de datamap opnieuw met npm run import of npm run data:demo; dan hoeft dit niet bij elke build.`,
  };
}
