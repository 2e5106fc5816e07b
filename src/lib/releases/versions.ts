/**
 * Each dataset as it was in each release. The data folder keeps the current figures and, per earlier
 * release, the rows that differed then (src/node/datastore-fs.ts reconstructs them); this module answers
 * "what did release R publish?" Pure.
 */
import type { Catalog, DatasetMeta, DatasetPeriod, Release } from '../../schemas/dataset';
import type { Dataset, ObservationRow } from '../data/dataset';

/** What the release history needs of the data store (src/node/datastore-fs.ts `DataStore` fits). */
export interface ReleaseStore {
  catalog: Catalog;
  datasets: readonly Dataset[];
  /** Dataset id → earlier release id → the rows of that release. */
  history: ReadonlyMap<string, ReadonlyMap<string, readonly ObservationRow[]>>;
}

/** One dataset as one release published it: its periods with the status they had, and its rows. */
export interface DatasetVersion {
  meta: DatasetMeta;
  release: Release;
  periods: readonly DatasetPeriod[];
  rows: readonly ObservationRow[];
  /** True when the dataset was not updated in this release and is carried over from an earlier one. */
  carriedOver: boolean;
}

/** The release before `releaseId` in the catalog, or undefined for the first. */
export function previousRelease(catalog: Catalog, releaseId: string): Release | undefined {
  const i = catalog.releases.findIndex((r) => r.id === releaseId);
  return i > 0 ? catalog.releases[i - 1] : undefined;
}

/** The release after `releaseId` (the one that replaced it), or undefined for the current one. */
export function nextRelease(catalog: Catalog, releaseId: string): Release | undefined {
  const i = catalog.releases.findIndex((r) => r.id === releaseId);
  return i >= 0 ? catalog.releases[i + 1] : undefined;
}

export function isCurrentRelease(catalog: Catalog, releaseId: string): boolean {
  return catalog.releases.at(-1)?.id === releaseId;
}

/**
 * A dataset as release `releaseId` published it; undefined when the dataset was not (yet) part of it.
 * A dataset whose latest release is older than `releaseId` is carried over unchanged.
 */
export function datasetVersion(store: ReleaseStore, datasetId: string, releaseId: string): DatasetVersion | undefined {
  const dataset = store.datasets.find((d) => d.meta.id === datasetId);
  const release = store.catalog.releases.find((r) => r.id === releaseId);
  if (!dataset || !release) return undefined;
  const { meta } = dataset;
  if (meta.release === releaseId) return { meta, release, periods: meta.periods, rows: dataset.rows, carriedOver: false };
  const earlier = meta.history.find((h) => h.release === releaseId);
  if (earlier) {
    const rows = store.history.get(datasetId)?.get(releaseId) ?? [];
    return { meta, release, periods: earlier.periods, rows, carriedOver: false };
  }
  const own = store.catalog.releases.find((r) => r.id === meta.release);
  if (own && own.date < release.date) return { meta, release, periods: meta.periods, rows: dataset.rows, carriedOver: true };
  return undefined;
}

/** Every dataset of a release, in catalog order. */
export function releaseContents(store: ReleaseStore, releaseId: string): DatasetVersion[] {
  return store.catalog.datasets.map((id) => datasetVersion(store, id, releaseId)).filter((v): v is DatasetVersion => v !== undefined);
}

/**
 * A store with every dataset's metadata and no rows: enough for what lists a release's tables (its readme and
 * datapackage.json), which the build's downloads worker makes before and after it reads the rows, one dataset
 * at a time.
 */
export function tablesOnlyStore(catalog: Catalog, metas: readonly DatasetMeta[]): ReleaseStore {
  return { catalog, datasets: metas.map((meta) => ({ meta, rows: [] })), history: new Map() };
}
