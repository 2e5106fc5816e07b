/**
 * Everything the pages need, loaded once per build: the data folder (DATA_DIR or data/), the register of
 * regions, and each dataset shown on the latest indeling. Pages call getSiteData() and read from it.
 */
import type { Catalog, DatasetMeta, Release } from '../schemas/dataset';
import { rowIndexOf, type RowIndex, type Dataset } from '../lib/data/dataset';
import { comparePeriods, parsePeriodCode, primaryPeriods } from '../lib/data/periods';
import { convertToIndeling, type ConvertedDataset } from '../lib/regions/convert';
import type { RegionRegister } from '../lib/regions/register';
import { readDataDir, type DataStore } from './datastore-fs';
import { protectStore, type DatasetDisclosure } from './disclosure-fs';
import { dataDir } from './project-paths';
import { loadRegister } from './reference-fs';

export interface SiteDataset {
  meta: DatasetMeta;
  /** The figures as published, each period on its own indeling. */
  original: Dataset;
  /** The figures on the latest indeling (gemeente rows converted where herindelingen happened). */
  converted: ConvertedDataset;
  index: RowIndex;
  /** Period codes in time order: half years and years alike (2025HJ02, then 2025JJ00). */
  periods: string[];
  /**
   * The periods the dataset is followed in (its half years when it has them, see primaryPeriodKind): those of
   * its maps, trends and key figures. A year beside them is shown as such, never as the next period.
   */
  primaryPeriods: string[];
  /** The latest of primaryPeriods. */
  latestPeriod: string;
}

export interface SiteData {
  dir: string;
  catalog: Catalog;
  currentRelease: Release;
  store: DataStore;
  register: RegionRegister;
  datasets: SiteDataset[];
  /** True when any dataset is the project's fictitious demonstration data. */
  fictitious: boolean;
  /** What disclosure control did to each dataset version before anything was shown (src/lib/disclosure). */
  disclosure: DatasetDisclosure[];
}

const CACHE_KEY = Symbol.for('jeugdzorg.siteData');
type GlobalWithCache = typeof globalThis & { [CACHE_KEY]?: Map<string, Promise<SiteData>> };

/**
 * Loads the site data for a data folder once per process. The cache lives on globalThis because Astro
 * loads this module more than once (the config's integration and the bundled pages).
 */
export function getSiteData(dir = dataDir()): Promise<SiteData> {
  const holder = globalThis as GlobalWithCache;
  const cache = (holder[CACHE_KEY] ??= new Map());
  let promise = cache.get(dir);
  if (!promise) {
    promise = loadSiteData(dir);
    cache.set(dir, promise);
    promise.catch(() => cache.delete(dir));
  }
  return promise;
}

async function loadSiteData(dir: string): Promise<SiteData> {
  const store = await readDataDir(dir);
  const latestYear = Math.max(
    ...store.datasets.flatMap((d) => d.meta.periods.map((p) => parsePeriodCode(p.code)?.year ?? 0)),
  );
  const register = loadRegister({ latestYear });
  // Nothing reaches a page or a download before disclosure control: the store's rows are replaced by the
  // protected ones, the current figures and every earlier release.
  const disclosure = await protectStore(store, register);
  const datasets = store.datasets.map((original): SiteDataset => {
    const converted = convertToIndeling(original, register);
    const periods = original.meta.periods
      .map((p) => parsePeriodCode(p.code)!)
      .sort(comparePeriods)
      .map((p) => p.code);
    const primary = primaryPeriods(original.meta, periods);
    return { meta: original.meta, original, converted, index: rowIndexOf(converted), periods, primaryPeriods: primary, latestPeriod: primary.at(-1)! };
  });
  return {
    dir,
    catalog: store.catalog,
    currentRelease: store.catalog.releases.at(-1)!,
    store,
    register,
    datasets,
    fictitious: datasets.some((d) => d.meta.fictitious),
    disclosure,
  };
}
