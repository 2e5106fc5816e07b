/**
 * All revised figures of a release against the one before it, as CSV (both dialects): one line per cell
 * with its old and new value and symbol. The release page shows only the largest; this file has them all,
 * and lists its columns (REVISION_FIELDS).
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

export type RevisionColumn = (typeof REVISION_COLUMNS)[number];

/**
 * Every column of the file: its name in the comma file, its Dutch label in the Excel file (unique, with the
 * unit where it has one, as the datasets' Excel files have them), and what it holds, for the release page.
 * A value's unit differs per line (aantal, %, per 1.000 jongeren): its label points to column Eenheid.
 */
export const REVISION_FIELDS: ReadonlyArray<{ name: RevisionColumn; label: string; description: string }> = [
  { name: 'tabel_code', label: 'Tabel (code)', description: 'de tabel op deze site (/tabellen/<code>/)' },
  { name: 'tabel', label: 'Tabel', description: 'de titel van de tabel' },
  { name: 'regio_code', label: 'Regiocode', description: 'CBS-code van de regio: NL01, PVnn, JZnn, GMnnnn, WKnnnnnn' },
  { name: 'regio', label: 'Regio', description: 'de naam van de regio' },
  { name: 'perioden_code', label: 'Periodecode', description: 'CBS-periodecode, bijvoorbeeld 2025HJ01' },
  { name: 'perioden', label: 'Periode', description: 'de periode in woorden' },
  { name: 'categorie_codes', label: 'Categorieën (codes)', description: 'de categorie van elke indeling als code, zoals leeftijd=T001;geslacht=T001038' },
  { name: 'categorie', label: 'Categorieën', description: 'dezelfde categorieën in woorden' },
  { name: 'maat_code', label: 'Onderwerp (code)', description: 'de kolomnaam van het cijfer in de download van de tabel' },
  { name: 'maat', label: 'Onderwerp', description: 'de naam van het cijfer' },
  { name: 'eenheid', label: 'Eenheid', description: 'de eenheid van de waarden en het verschil, zoals de tabel haar noemt: aantal, % of per 1.000 jongeren' },
  { name: 'oude_waarde', label: 'Oude waarde (zie kolom Eenheid)', description: 'het cijfer in de vorige publicatie; leeg met een teken als er geen cijfer was' },
  { name: 'oud_teken', label: 'Oude waarde: teken', description: 'het CBS-teken van de oude waarde (verklaring van tekens); leeg bij een gewoon cijfer' },
  { name: 'nieuwe_waarde', label: 'Nieuwe waarde (zie kolom Eenheid)', description: 'het cijfer in deze publicatie' },
  { name: 'nieuw_teken', label: 'Nieuwe waarde: teken', description: 'het CBS-teken van de nieuwe waarde' },
  { name: 'verschil', label: 'Verschil, nieuw min oud (zie kolom Eenheid)', description: 'nieuwe waarde min oude waarde, in de eenheid (procentpunt bij %); leeg als een van beide ontbreekt' },
  { name: 'verschil_procent', label: 'Verschil (% van de oude waarde)', description: 'het verschil als percentage van de oude waarde, op 2 decimalen; leeg als de oude waarde 0 is of ontbreekt' },
];

/** The header of the Excel file, in the order of REVISION_COLUMNS. */
export const REVISION_LABELS: readonly string[] = REVISION_COLUMNS.map((name) => REVISION_FIELDS.find((f) => f.name === name)!.label);

/** The comma file has the machine names (REVISION_COLUMNS), the Excel file the Dutch labels (REVISION_LABELS). */
export function revisionsCsv(store: ReleaseStore, register: RegionRegister, releaseId: string, dialect: CsvDialect): string {
  return formatRevisions(revisionRows(store, register, releaseId), dialect);
}

/** A release's revisions file from its rows (revisionRows, or datasetRevisionRows of each dataset in catalog order). */
export function formatRevisions(rows: readonly RevisionRow[], dialect: CsvDialect): string {
  return formatCsvRows(dialect === 'excel-nl' ? REVISION_LABELS : REVISION_COLUMNS, rows, dialect);
}

/** One revised figure: the values of REVISION_COLUMNS. */
export type RevisionRow = Array<string | number | null>;

// The two dialects of a release's file are written one after the other: build the rows once for both.
let lastRows: { store: ReleaseStore; releaseId: string; rows: RevisionRow[] } | undefined;

/** Every figure release `releaseId` revised against the release before it, dataset by dataset in catalog order. */
export function revisionRows(store: ReleaseStore, register: RegionRegister, releaseId: string): RevisionRow[] {
  if (lastRows?.store === store && lastRows.releaseId === releaseId) return lastRows.rows;
  const rows = releaseContents(store, releaseId).flatMap((version) => datasetRevisionRows(store, register, version.meta.id, releaseId));
  lastRows = { store, releaseId, rows };
  return rows;
}

/**
 * The figures of one dataset that release `releaseId` revised against the release before it; none when the
 * dataset is not in both. The store needs to hold only that dataset (the build's downloads worker has one at a time).
 */
export function datasetRevisionRows(store: ReleaseStore, register: RegionRegister, datasetId: string, releaseId: string): RevisionRow[] {
  const previous = previousRelease(store.catalog, releaseId);
  const version = datasetVersion(store, datasetId, releaseId);
  const before = previous && version ? datasetVersion(store, datasetId, previous.id) : undefined;
  if (!version || !before) return [];
  const rows: RevisionRow[] = [];
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
  return rows;
}
