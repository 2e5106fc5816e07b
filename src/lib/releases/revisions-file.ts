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
  const previous = previousRelease(store.catalog, releaseId);
  const rows: Array<Array<string | number | null>> = [];
  if (previous) {
    for (const version of releaseContents(store, releaseId)) {
      const before = datasetVersion(store, version.meta.id, previous.id);
      if (!before) continue;
      const { meta } = version;
      for (const r of diffVersions(before, version).revisions) {
        const period = parsePeriodCode(r.period);
        rows.push([
          meta.id, meta.title, r.region, register.label(r.region), r.period, period ? periodLabel(period) : r.period,
          meta.dimensions.map((d, j) => `${d.id}=${r.topics[j] ?? ''}`).join(';'),
          meta.dimensions.map((d, j) => `${d.label}: ${d.codes.find((c) => c.code === r.topics[j])?.label ?? r.topics[j]}`).join('; '),
          r.measure.id, r.measure.label, r.measure.unit,
          r.old.value, r.old.symbol ?? '', r.new.value, r.new.symbol ?? '',
          r.difference, r.relative === null ? null : Math.round(r.relative * 10000) / 100,
        ]);
      }
    }
  }
  return formatCsvRows(REVISION_COLUMNS, rows, dialect);
}
