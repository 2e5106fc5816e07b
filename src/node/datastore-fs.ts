/**
 * Reads and writes a data folder. Node-only (node:fs), so it lives apart from the pure modules in src/lib.
 *
 * Layout of a data folder:
 *   catalog.json                       releases (oldest first, last is current) and dataset ids in site order
 *   <dataset>/meta.json                metadata, see DatasetMetaSchema
 *   <dataset>/observations.csv         the figures of the current release, see observations-csv.ts
 *   <dataset>/releases/<release>.csv   rows of an earlier release that differ from the current one
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CatalogSchema, DatasetMetaSchema, type Catalog, type DatasetMeta } from '../schemas/dataset';
import { decodeUtf8 } from '../lib/csv/read-csv';
import { rowKey, type Dataset, type ObservationRow } from '../lib/data/dataset';
import { DataError } from '../lib/data/errors';
import { locateJsonError } from '../lib/data/json-position';
import { formatObservationsCsv, parseObservationsCsv } from '../lib/data/observations-csv';
import { parseWithDataError } from '../lib/data/zod-errors';

export interface DataStore {
  dir: string;
  catalog: Catalog;
  datasets: Dataset[];
  /** Earlier releases: dataset id → release id → rows as they were then (restricted to that release's periods). */
  history: Map<string, Map<string, ObservationRow[]>>;
}

export const CATALOG_FILE = 'catalog.json';

async function readText(file: string, shownAs: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new DataError({ file: shownAs }, 'het bestand ontbreekt of is niet leesbaar', undefined, { cause });
  }
  return decodeUtf8(bytes, shownAs);
}

async function readJson(file: string, shownAs: string): Promise<unknown> {
  const text = await readText(file, shownAs);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const { line, column } = locateJsonError(text);
    throw new DataError({ file: shownAs, line }, `geldige JSON; teken ${column} past niet (${(cause as Error).message})`, undefined, { cause });
  }
}

/** Reads and checks a whole data folder; throws one DataError naming file, line and field on the first problem. */
export async function readDataDir(dir: string): Promise<DataStore> {
  const shown = (...parts: string[]) => path.join(dir, ...parts);
  if (!existsSync(dir)) throw new DataError({ file: dir }, 'een datamap (maak er een met npm run import of npm run data:demo)');
  const catalog = parseWithDataError(CatalogSchema, await readJson(shown(CATALOG_FILE), shown(CATALOG_FILE)), shown(CATALOG_FILE));
  const releaseIds = new Set(catalog.releases.map((r) => r.id));
  const datasets: Dataset[] = [];
  const history = new Map<string, Map<string, ObservationRow[]>>();
  for (const id of catalog.datasets) {
    const metaFile = shown(id, 'meta.json');
    const meta = parseWithDataError(DatasetMetaSchema, await readJson(metaFile, metaFile), metaFile);
    if (meta.id !== id) throw new DataError({ file: metaFile, field: 'id' }, `id gelijk aan de mapnaam "${id}"`, meta.id);
    for (const [field, release] of [['release', meta.release], ...meta.history.map((h, i) => [`history[${i}].release`, h.release])] as const) {
      if (!releaseIds.has(release)) throw new DataError({ file: metaFile, field }, `een release uit ${CATALOG_FILE}`, release);
    }
    const observationsFile = shown(id, 'observations.csv');
    const rows = parseObservationsCsv(await readText(observationsFile, observationsFile), meta, observationsFile);
    datasets.push({ meta, rows });
    const byRelease = new Map<string, ObservationRow[]>();
    for (const earlier of meta.history) {
      const file = shown(id, 'releases', `${earlier.release}.csv`);
      const releaseMeta = { ...meta, periods: earlier.periods };
      const changed = parseObservationsCsv(await readText(file, file), releaseMeta, file);
      byRelease.set(earlier.release, reconstructRelease(rows, changed, new Set(earlier.periods.map((p) => p.code))));
    }
    history.set(id, byRelease);
  }
  return { dir, catalog, datasets, history };
}

/** An earlier release: the current rows of its periods, with the rows it had differently put back. */
export function reconstructRelease(current: readonly ObservationRow[], changed: readonly ObservationRow[], periods: Set<string>): ObservationRow[] {
  const overrides = new Map(changed.map((row) => [rowKey(row.region, row.period, row.topics), row]));
  const out: ObservationRow[] = [];
  for (const row of current) {
    if (!periods.has(row.period)) continue;
    const key = rowKey(row.region, row.period, row.topics);
    out.push(overrides.get(key) ?? row);
    overrides.delete(key);
  }
  out.push(...overrides.values());
  return out;
}

/** The rows of an earlier release that differ from (or are absent in) the current data. */
export function diffRelease(current: readonly ObservationRow[], earlier: readonly ObservationRow[]): ObservationRow[] {
  const byKey = new Map(current.map((row) => [rowKey(row.region, row.period, row.topics), row]));
  return earlier.filter((row) => {
    const now = byKey.get(rowKey(row.region, row.period, row.topics));
    return !now || now.cells.some((cell, i) => cell.value !== row.cells[i]?.value || cell.symbol !== row.cells[i]?.symbol);
  });
}

export interface DataToWrite {
  catalog: Catalog;
  datasets: Array<{ meta: DatasetMeta; rows: ObservationRow[]; history?: ReadonlyMap<string, readonly ObservationRow[]> }>;
}

/**
 * Writes a complete data folder atomically: everything goes to a temporary sibling folder first, which
 * replaces `dir` only when all of it is written. A failure leaves an earlier `dir` exactly as it was.
 */
export async function writeDataDir(dir: string, data: DataToWrite): Promise<void> {
  const target = path.resolve(dir);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  const retired = `${target}.old-${process.pid}-${Date.now()}`;
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, CATALOG_FILE), JSON.stringify(data.catalog, null, 2) + '\n');
    for (const { meta, rows, history } of data.datasets) {
      const folder = path.join(staging, meta.id);
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
      await writeFile(path.join(folder, 'observations.csv'), formatObservationsCsv(meta, rows));
      for (const earlier of meta.history) {
        const earlierRows = history?.get(earlier.release) ?? [];
        await mkdir(path.join(folder, 'releases'), { recursive: true });
        await writeFile(path.join(folder, 'releases', `${earlier.release}.csv`), formatObservationsCsv(meta, diffRelease(rows, earlierRows)));
      }
    }
    // Check what was written before it replaces anything: a writer bug must not destroy good data.
    await readDataDir(staging);
    if (existsSync(target)) await rename(target, retired);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (existsSync(retired) && !existsSync(target)) await rename(retired, target);
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
}

/** Lists dataset folders present in `dir`, for messages about folders the catalog does not name. */
export async function listDatasetFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
