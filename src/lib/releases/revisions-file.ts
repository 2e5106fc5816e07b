/**
 * All revised figures of a release against the one before it, as CSV (both dialects): one line per cell
 * with its old and new value and symbol. The release page shows only the largest; this file has them all.
 */
import { parsePeriodCode, periodLabel } from '../data/periods';
import { formatCsvRows, type CsvDialect } from '../downloads/csv';
import type { RegionRegister } from '../regions/register';
import { diffVersions } from './diff';
import { datasetVersion, previousRelease, releaseContents, type ReleaseStore } from './versions';

export const REVISION_COLUMNS = [
  'tabel_code', 'tabel', 'regio_code', 'regio', 'perioden_code', 'perioden', 'categorie_codes', 'categorie',
  'maat_code', 'maat', 'eenheid', 'oude_waarde', 'oud_teken', 'nieuwe_waarde', 'nieuw_teken', 'verschil', 'verschil_procent',
] as const;

export function revisionsCsv(store: ReleaseStore, register: RegionRegister, releaseId: string, dialect: CsvDialect): string {
  return formatCsvRows(REVISION_COLUMNS, revisionRows(store, register, releaseId), dialect);
}

type RevisionRow = Array<string | number | null>;

// The two dialects of a release's file are written one after the other: build the rows once for both.
let lastRows: { store: ReleaseStore; releaseId: string; rows: RevisionRow[] } | undefined;

function revisionRows(store: ReleaseStore, register: RegionRegister, releaseId: string): RevisionRow[] {
  if (lastRows?.store === store && lastRows.releaseId === releaseId) return lastRows.rows;
  const previous = previousRelease(store.catalog, releaseId);
  const rows: RevisionRow[] = [];
  if (previous) {
    for (const version of releaseContents(store, releaseId)) {
      const before = datasetVersion(store, version.meta.id, previous.id);
      if (!before) continue;
      const { meta } = version;
      const labels = meta.dimensions.map((d) => new Map(d.codes.map((c) => [c.code, c.label])));
      const periodLabels = new Map<string, string>();
      for (const r of diffVersions(before, version).revisions) {
        let shownPeriod = periodLabels.get(r.period);
        if (shownPeriod === undefined) {
          const period = parsePeriodCode(r.period);
          periodLabels.set(r.period, (shownPeriod = period ? periodLabel(period) : r.period));
        }
        rows.push([
          meta.id, meta.title, r.region, register.label(r.region), r.period, shownPeriod,
          meta.dimensions.map((d, j) => `${d.id}=${r.topics[j] ?? ''}`).join(';'),
          meta.dimensions.map((d, j) => `${d.label}: ${labels[j]!.get(r.topics[j]!) ?? r.topics[j]}`).join('; '),
          r.measure.id, r.measure.label, r.measure.unit,
          r.old.value, r.old.symbol ?? '', r.new.value, r.new.symbol ?? '',
          r.difference, r.relative === null ? null : Math.round(r.relative * 10000) / 100,
        ]);
      }
    }
  }
  lastRows = { store, releaseId, rows };
  return rows;
}
