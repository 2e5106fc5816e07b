/**
 * Everything the pages need, loaded once per build: the data folder (DATA_DIR or data/), the register of
 * regions, and each dataset shown on the latest indeling. Pages call getSiteData() and read from it.
 */
import type { Catalog, DatasetMeta, Release } from '../schemas/dataset';
import { rowIndexOf, type RowIndex, type Dataset, type ObservationRow } from '../lib/data/dataset';
import { comparePeriods, parsePeriodCode, primaryPeriods } from '../lib/data/periods';
import { convertToIndeling, type ConvertedDataset } from '../lib/regions/convert';
import type { RegionRegister } from '../lib/regions/register';
import { openDataDir, type DataStore } from './datastore-fs';
import { protectDataset, type DatasetDisclosure } from './disclosure-fs';
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

/**
 * A data folder opened as the site shows it, one dataset at a time: what every page and download needs
 * before any rows (the catalog, the register, every dataset's metadata), and each dataset read, protected
 * and converted when asked (readDataset). loadSiteData reads them all; the build's downloads worker one by
 * one, so it holds one dataset's rows rather than all of them beside the main thread's.
 */
export interface SiteDataReader {
  dir: string;
  catalog: Catalog;
  currentRelease: Release;
  register: RegionRegister;
  /** Every dataset's metadata, in catalog order. */
  metas: DatasetMeta[];
  readDataset(meta: DatasetMeta): Promise<SiteDatasetFiles>;
}

export interface SiteDatasetFiles {
  dataset: SiteDataset;
  /** Earlier release id → the rows as that release published them, protected as the current ones. */
  history: Map<string, ObservationRow[]>;
  disclosure: DatasetDisclosure[];
}

export async function openSiteData(dir = dataDir()): Promise<SiteDataReader> {
  const folder = await openDataDir(dir);
  const latestYear = Math.max(...folder.metas.flatMap((meta) => meta.periods.map((p) => parsePeriodCode(p.code)?.year ?? 0)));
  const register = loadRegister({ latestYear });
  const readDataset = async (meta: DatasetMeta): Promise<SiteDatasetFiles> => {
    const files = await folder.readDataset(meta);
    // Nothing reaches a page or a download before disclosure control: the rows are replaced by the
    // protected ones, the current figures and every earlier release.
    const disclosure = await protectDataset(dir, files, register);
    return { dataset: siteDataset(files.dataset, register), history: files.history, disclosure };
  };
  return { dir, catalog: folder.catalog, currentRelease: folder.catalog.releases.at(-1)!, register, metas: folder.metas, readDataset };
}

function siteDataset(original: Dataset, register: RegionRegister): SiteDataset {
  const converted = convertToIndeling(original, register);
  const periods = original.meta.periods
    .map((p) => parsePeriodCode(p.code)!)
    .sort(comparePeriods)
    .map((p) => p.code);
  const primary = primaryPeriods(original.meta, periods);
  return { meta: original.meta, original, converted, index: rowIndexOf(converted), periods, primaryPeriods: primary, latestPeriod: primary.at(-1)! };
}

async function loadSiteData(dir: string): Promise<SiteData> {
  const reader = await openSiteData(dir);
  const datasets: SiteDataset[] = [];
  const history = new Map<string, Map<string, ObservationRow[]>>();
  const disclosure: DatasetDisclosure[] = [];
  for (const meta of reader.metas) {
    const files = await reader.readDataset(meta);
    datasets.push(files.dataset);
    history.set(meta.id, files.history);
    disclosure.push(...files.disclosure);
  }
  const store: DataStore = { dir, catalog: reader.catalog, datasets: datasets.map((d) => d.original), history };
  return {
    dir,
    catalog: reader.catalog,
    currentRelease: reader.currentRelease,
    store,
    register: reader.register,
    datasets,
    fictitious: datasets.some((d) => d.meta.fictitious),
    disclosure,
  };
}
