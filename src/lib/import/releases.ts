/**
 * Puts imported datasets into an existing data folder's content: imported datasets are added or replace the
 * ones with the same id, the others stay, and the release is added to the catalog. When a dataset is
 * replaced by a later release, its current figures become an earlier release in `meta.history`, so nothing
 * published before is lost (the data store keeps only the cells that differ).
 */
import { DatasetMetaSchema, type Catalog, type DatasetMeta, type Release } from '../../schemas/dataset';
import type { Dataset, ObservationRow } from '../data/dataset';
import { DataError } from '../data/errors';
import { formatDate } from '../format/number';
import type { BuiltDataset } from './build-dataset';

export interface ExistingStore {
  dir: string;
  catalog: Catalog;
  datasets: Dataset[];
  history: Map<string, Map<string, ObservationRow[]>>;
}

/** Structurally the DataToWrite of src/node/datastore-fs.ts. */
export interface StoreContent {
  catalog: Catalog;
  datasets: Array<{ meta: DatasetMeta; rows: ObservationRow[]; history?: ReadonlyMap<string, readonly ObservationRow[]> }>;
}

/**
 * A release named by its month, as the demo's are ("April 2023"): the pages say "Publicatie April 2023" and
 * "publicatie April 2023 (28 april 2023)", so the title itself must not start with "Publicatie van".
 */
export function releaseEntry(date: string): Release {
  const [, month, year] = formatDate(date).split(' ');
  return { id: date, date, title: `${month!.charAt(0).toUpperCase()}${month!.slice(1)} ${year}`, description: '' };
}

export function mergeImport(existing: ExistingStore | undefined, imported: readonly BuiltDataset[], release: Release): StoreContent {
  const releases = [...(existing?.catalog.releases ?? [])];
  if (!releases.some((r) => r.id === release.id)) releases.push(release);
  releases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = [...(existing?.catalog.datasets ?? [])];
  for (const { meta } of imported) if (!ids.includes(meta.id)) ids.push(meta.id);
  const datasets = ids.map((id) => {
    const fresh = imported.find((d) => d.meta.id === id);
    const old = existing?.datasets.find((d) => d.meta.id === id);
    if (!fresh) return { meta: old!.meta, rows: old!.rows, history: existing!.history.get(id) ?? new Map() };
    if (!old) return fresh;
    return withHistory(fresh, old, existing!.history.get(id) ?? new Map(), existing!.dir);
  });
  return { catalog: { releases, datasets: ids }, datasets };
}

/**
 * The imported dataset with the replaced one's releases kept: earlier history entries stay, and the replaced
 * current release becomes one more (unless it is the same release being imported again).
 */
function withHistory(
  fresh: BuiltDataset,
  old: Dataset,
  oldHistory: ReadonlyMap<string, readonly ObservationRow[]>,
  dir: string,
): { meta: DatasetMeta; rows: ObservationRow[]; history: Map<string, ObservationRow[]> } {
  const file = `${dir}/${old.meta.id}/meta.json`;
  if (old.meta.release > fresh.meta.release) {
    throw new DataError({ file, field: 'release' }, `een release na de huidige (${old.meta.release}); importeer met een latere --release`, fresh.meta.release);
  }
  const entries = old.meta.history.filter((h) => h.release !== fresh.meta.release);
  const history = new Map<string, ObservationRow[]>();
  for (const entry of entries) history.set(entry.release, [...(oldHistory.get(entry.release) ?? [])]);
  if (old.meta.release !== fresh.meta.release) {
    entries.push({ release: old.meta.release, periods: old.meta.periods });
    history.set(old.meta.release, old.rows);
  }
  const meta = widenMeta(fresh.meta, old.meta, [...history.values()].flat(), file);
  for (const [release, rows] of history) history.set(release, remapRows(rows, old.meta, meta));
  return { meta: DatasetMetaSchema.parse({ ...meta, history: entries }), rows: fresh.rows, history };
}

/**
 * Earlier releases may name regions or categories the new figures do not have (a gemeente that merged away):
 * the metadata lists them too, so the earlier rows stay readable.
 */
function widenMeta(meta: DatasetMeta, old: DatasetMeta, earlierRows: readonly ObservationRow[], file: string): DatasetMeta {
  const sameDimensions = meta.dimensions.length === old.dimensions.length && meta.dimensions.every((d, i) => d.id === old.dimensions[i]!.id);
  if (!sameDimensions) {
    throw new DataError(
      { file, field: 'dimensions' },
      `dezelfde dimensies als de vorige release (${old.dimensions.map((d) => d.id).join(', ') || 'geen'}), zodat die bewaard kan blijven; geef de nieuwe tabel een eigen dataset`,
      meta.dimensions.map((d) => d.id).join(', ') || 'geen',
    );
  }
  const used = new Set(earlierRows.map((r) => r.region));
  const regions = [...meta.regions, ...old.regions.filter((r) => used.has(r.code) && !meta.regions.some((n) => n.code === r.code))];
  const dimensions = meta.dimensions.map((dim, d) => ({
    ...dim,
    codes: [...dim.codes, ...old.dimensions[d]!.codes.filter((c) => !dim.codes.some((n) => n.code === c.code))],
  }));
  return { ...meta, regions, dimensions };
}

/** Rows of the previous metadata laid out for the new one: cells by measure id, "." for a measure it lacked. */
function remapRows(rows: readonly ObservationRow[], from: DatasetMeta, to: DatasetMeta): ObservationRow[] {
  const index = new Map(from.measures.map((m, i) => [m.id, i]));
  return rows.map((row) => ({
    ...row,
    cells: to.measures.map((m) => {
      const i = index.get(m.id);
      return i === undefined ? { value: null, symbol: '.' } : row.cells[i]!;
    }),
  }));
}
