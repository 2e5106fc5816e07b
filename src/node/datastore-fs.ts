/**
 * Reads and writes a data folder. Node-only (node:fs), so it lives apart from the pure modules in src/lib.
 *
 * Layout of a data folder:
 *   catalog.json                       releases (oldest first, last is current) and dataset ids in site order
 *   <dataset>/meta.json                metadata, see DatasetMetaSchema
 *   <dataset>/observations.csv         the figures of the current release, see observations-csv.ts
 *   <dataset>/releases/<release>.csv   rows of an earlier release that differ from the current one
 *   manifest.json                      size, lines and SHA-256 of every file above, as written (see below)
 *
 * The manifest lets the reader tell a file that was cut off or changed after it was written: a CSV cut at
 * a line boundary is still valid CSV, and only its length says that rows are gone. A folder without a
 * manifest (made by hand, or before it existed) is read without this check.
 *
 * Writing replaces the folder whole (writeDataDir): a sibling `<dir>.tmp-<pid>-<time>` is written and checked,
 * then `<dir>` becomes `<dir>.old-<pid>-<time>` and the new folder takes its place. A process killed between
 * those two renames leaves no `<dir>`; recoverDataDir, run before every import and write and by the reader
 * when `<dir>` is missing, puts the old folder back (the import that died never said it succeeded).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CatalogSchema, DatasetMetaSchema, type Catalog, type DatasetMeta } from '../schemas/dataset';
import { decodeText } from '../lib/csv/read-csv';
import { rowKey, type Dataset, type ObservationRow } from '../lib/data/dataset';
import { DataError } from '../lib/data/errors';
import { parseJsonStrict } from '../lib/data/json-position';
import { formatObservationsCsv, parseObservationsCsv } from '../lib/data/observations-csv';
import { parseWithDataError } from '../lib/data/zod-errors';
import type { RegionRegister } from '../lib/regions/register';
import { loadRegister } from './reference-fs';

export interface DataStore {
  dir: string;
  catalog: Catalog;
  datasets: Dataset[];
  /** Earlier releases: dataset id → release id → rows as they were then (restricted to that release's periods). */
  history: Map<string, Map<string, ObservationRow[]>>;
}

export const CATALOG_FILE = 'catalog.json';
export const MANIFEST_FILE = 'manifest.json';

const ManifestSchema = z.object({
  files: z.record(z.string(), z.object({ bytes: z.number().int().min(0), lines: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
type Manifest = z.output<typeof ManifestSchema>;
type ManifestEntry = Manifest['files'][string];

function manifestEntry(bytes: Uint8Array): ManifestEntry {
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines++;
  return { bytes: bytes.length, lines, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** One file of a data folder: read as bytes (for the manifest) and shown in messages under its path. */
class FolderReader {
  private manifest: Manifest | undefined;

  constructor(readonly dir: string) {}

  shown(relative: string): string {
    return path.join(this.dir, ...relative.split('/'));
  }

  async bytes(relative: string): Promise<Buffer> {
    try {
      return await readFile(this.shown(relative));
    } catch (cause) {
      throw new DataError({ file: this.shown(relative) }, 'het bestand ontbreekt of is niet leesbaar', undefined, { cause });
    }
  }

  async loadManifest(): Promise<void> {
    if (!existsSync(this.shown(MANIFEST_FILE))) return;
    const bytes = await this.bytes(MANIFEST_FILE);
    const file = this.shown(MANIFEST_FILE);
    this.manifest = parseWithDataError(ManifestSchema, parseJsonStrict(decodeText(bytes, file, { checkCharacters: false }), file), file);
  }

  /**
   * After a file's content passed every check (so a broken cell is reported as such): is it what was written?
   * A file shorter than written was cut off; another one was changed by hand or by a broken copy.
   */
  verify(relative: string, bytes: Uint8Array): void {
    const written = this.manifest?.files[relative];
    if (!this.manifest) return;
    const file = this.shown(relative);
    if (!written) {
      throw new DataError({ file }, `een bestand dat in ${MANIFEST_FILE} staat; dit bestand is na het schrijven van de datamap toegevoegd`);
    }
    const now = manifestEntry(bytes);
    if (now.sha256 === written.sha256 && now.bytes === written.bytes) return;
    const sizes = `${MANIFEST_FILE} noemt ${written.bytes} bytes in ${written.lines} regels, het bestand heeft er nu ${now.bytes} in ${now.lines} regels`;
    const what = now.lines < written.lines && now.bytes < written.bytes ? 'Het is ingekort (afgebroken?)' : 'Het is gewijzigd';
    throw new DataError(
      { file, line: now.lines },
      `het bestand zoals het geschreven is (${sizes}). ${what} na het schrijven; schrijf de datamap opnieuw (npm run import of npm run data:demo), of verwijder ${MANIFEST_FILE} als de wijziging bedoeld is`,
    );
  }

  async json(relative: string): Promise<{ value: unknown; bytes: Buffer }> {
    const bytes = await this.bytes(relative);
    const file = this.shown(relative);
    return { value: parseJsonStrict(decodeText(bytes, file, { checkCharacters: false }), file), bytes };
  }

  async text(relative: string): Promise<{ text: string; bytes: Buffer }> {
    const bytes = await this.bytes(relative);
    return { text: decodeText(bytes, this.shown(relative)), bytes };
  }
}

export interface ReadDataDirOptions {
  /** The register of regions to check regions against (default: src/reference); false to skip that check. */
  register?: RegionRegister | false | undefined;
}

/** One dataset of a data folder as read: its current rows and, per earlier release, the rows of then. */
export interface DatasetFiles {
  dataset: Dataset;
  /** Earlier release id → the rows as that release published them (restricted to its periods). */
  history: Map<string, ObservationRow[]>;
}

/**
 * A data folder opened for reading: its catalog and every dataset's metadata read and checked, the rows
 * read per dataset when asked (readDataset). The build's downloads worker reads one dataset at a time, so
 * it never holds more than one dataset's rows (src/node/downloads-worker.ts).
 */
export interface DataDirReader {
  dir: string;
  catalog: Catalog;
  /** Every dataset's metadata, in catalog order. */
  metas: DatasetMeta[];
  readDataset(meta: DatasetMeta): Promise<DatasetFiles>;
}

/** Opens a data folder: reads and checks its catalog and metadata; throws one DataError naming file and field on the first problem. */
export async function openDataDir(dir: string, options: ReadDataDirOptions = {}): Promise<DataDirReader> {
  if (!existsSync(dir)) {
    const notes = await recoverDataDir(dir);
    for (const note of notes) console.warn(note);
    if (!existsSync(dir)) throw new DataError({ file: dir }, 'een datamap (maak er een met npm run import of npm run data:demo)');
  }
  const register = options.register === false ? undefined : (options.register ?? loadRegister());
  const folder = new FolderReader(dir);
  const shown = (...parts: string[]) => folder.shown(parts.join('/'));
  await folder.loadManifest();
  const catalogFile = await folder.json(CATALOG_FILE);
  const catalog = parseWithDataError(CatalogSchema, catalogFile.value, shown(CATALOG_FILE));
  folder.verify(CATALOG_FILE, catalogFile.bytes);
  const releaseIds = new Set(catalog.releases.map((r) => r.id));
  const metas: DatasetMeta[] = [];
  for (const id of catalog.datasets) {
    const metaFile = shown(id, 'meta.json');
    const metaJson = await folder.json(`${id}/meta.json`);
    const meta = parseWithDataError(DatasetMetaSchema, metaJson.value, metaFile);
    if (meta.id !== id) throw new DataError({ file: metaFile, field: 'id' }, `id gelijk aan de mapnaam "${id}"`, meta.id);
    for (const [field, release] of [['release', meta.release], ...meta.history.map((h, i) => [`history[${i}].release`, h.release])] as const) {
      if (!releaseIds.has(release)) throw new DataError({ file: metaFile, field }, `een release uit ${CATALOG_FILE}`, release);
    }
    folder.verify(`${id}/meta.json`, metaJson.bytes);
    metas.push(meta);
  }
  const readDataset = async (meta: DatasetMeta): Promise<DatasetFiles> => {
    const { id } = meta;
    const observationsFile = shown(id, 'observations.csv');
    const observations = await folder.text(`${id}/observations.csv`);
    const rows = parseObservationsCsv(observations.text, meta, observationsFile, { register, complete: true });
    folder.verify(`${id}/observations.csv`, observations.bytes);
    const history = new Map<string, ObservationRow[]>();
    for (const earlier of meta.history) {
      const relative = `${id}/releases/${earlier.release}.csv`;
      const releaseMeta = { ...meta, periods: earlier.periods };
      const release = await folder.text(relative);
      const changed = parseObservationsCsv(release.text, releaseMeta, shown(relative), { register });
      folder.verify(relative, release.bytes);
      history.set(earlier.release, reconstructRelease(rows, changed, new Set(earlier.periods.map((p) => p.code))));
    }
    return { dataset: { meta, rows }, history };
  };
  return { dir, catalog, metas, readDataset };
}

/** Reads and checks a whole data folder; throws one DataError naming file, line and field on the first problem. */
export async function readDataDir(dir: string, options: ReadDataDirOptions = {}): Promise<DataStore> {
  const reader = await openDataDir(dir, options);
  const datasets: Dataset[] = [];
  const history = new Map<string, Map<string, ObservationRow[]>>();
  for (const meta of reader.metas) {
    const files = await reader.readDataset(meta);
    datasets.push(files.dataset);
    history.set(meta.id, files.history);
  }
  return { dir, catalog: reader.catalog, datasets, history };
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

/** The steps of writeDataDir, for tests that stop a write between them. */
export type WriteStep = 'staged' | 'retired' | 'swapped';

export interface WriteDataDirOptions {
  /** Called after each step; a test kills the process here to show what a crash at that moment leaves. */
  onStep?: ((step: WriteStep) => void) | undefined;
}

const SAFE_ID = /^[a-z][a-z0-9_-]*$/;
const RELEASE_ID = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes a complete data folder atomically: everything goes to a temporary sibling folder first, which
 * replaces `dir` only when all of it is written and read back without a problem. A failure leaves an earlier
 * `dir` exactly as it was; a kill between the two renames leaves it beside `dir`, and recoverDataDir puts it
 * back.
 */
export async function writeDataDir(dir: string, data: DataToWrite, options: WriteDataDirOptions = {}): Promise<void> {
  const target = path.resolve(dir);
  // Ids become folder and file names: never let one climb out of the folder.
  for (const { meta } of data.datasets) {
    if (!SAFE_ID.test(meta.id)) throw new DataError({ file: dir, field: 'id' }, 'een dataset-id van kleine letters, cijfers, _ en - (het wordt een mapnaam)', meta.id);
    for (const { release } of meta.history) {
      if (!RELEASE_ID.test(release)) throw new DataError({ file: dir, field: 'history.release' }, 'een release-id JJJJ-MM-DD (het wordt een bestandsnaam)', release);
    }
  }
  await mkdir(path.dirname(target), { recursive: true });
  await recoverDataDir(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${target}.tmp-${stamp}`;
  const retired = `${target}.old-${stamp}`;
  try {
    await mkdir(staging, { recursive: true });
    const manifest: Manifest = { files: {} };
    const put = async (relative: string, content: string) => {
      const bytes = Buffer.from(content, 'utf8');
      await writeFile(path.join(staging, ...relative.split('/')), bytes);
      manifest.files[relative] = manifestEntry(bytes);
    };
    await put(CATALOG_FILE, JSON.stringify(data.catalog, null, 2) + '\n');
    for (const { meta, rows, history } of data.datasets) {
      await mkdir(path.join(staging, meta.id), { recursive: true });
      await put(`${meta.id}/meta.json`, JSON.stringify(meta, null, 2) + '\n');
      await put(`${meta.id}/observations.csv`, formatObservationsCsv(meta, rows));
      for (const earlier of meta.history) {
        const earlierRows = history?.get(earlier.release) ?? [];
        await mkdir(path.join(staging, meta.id, 'releases'), { recursive: true });
        await put(`${meta.id}/releases/${earlier.release}.csv`, formatObservationsCsv(meta, diffRelease(rows, earlierRows)));
      }
    }
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    // Check what was written before it replaces anything: a writer bug must not destroy good data.
    await readDataDir(staging);
    options.onStep?.('staged');
    if (existsSync(target)) {
      await rename(target, retired);
      options.onStep?.('retired');
    }
    await rename(staging, target);
    options.onStep?.('swapped');
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (existsSync(retired) && !existsSync(target)) await rename(retired, target);
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
}

/** Whether a process runs (signal 0 tests without sending anything); the own process counts as running. */
function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after a write of `dir` that was killed, by a process that no longer runs (one that runs may be
 * writing now, and is left alone):
 * - killed between its two renames (no `dir`, a `<dir>.old-…` beside it): the old folder is put back, so the
 *   data is as it was before that import, which never said it succeeded;
 * - killed after them (`dir` and a `<dir>.old-…`): the new folder is complete, the old one is removed;
 * - killed while writing (`<dir>.tmp-…`): the unfinished folder is removed.
 * Returns what it did, one Dutch sentence per action.
 */
export async function recoverDataDir(dir: string): Promise<string[]> {
  const target = path.resolve(dir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  if (!existsSync(parent)) return [];
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-(\\d+)$`);
  const leftovers = (await readdir(parent))
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((e) => e.match !== null && !processRuns(Number(e.match[2])))
    .map((e) => ({ full: path.join(parent, e.name), kind: e.match![1] as 'tmp' | 'old', time: Number(e.match![3]) }))
    .sort((a, b) => b.time - a.time);
  const notes: string[] = [];
  const olds = leftovers.filter((e) => e.kind === 'old');
  if (!existsSync(target) && olds.length > 0) {
    await rename(olds[0]!.full, target);
    notes.push(`${dir}: een eerdere import is afgebroken terwijl hij de datamap verving; de datamap van vóór die import is teruggezet (uit ${path.basename(olds[0]!.full)})`);
    olds.shift();
  }
  for (const leftover of [...olds, ...leftovers.filter((e) => e.kind === 'tmp')]) {
    await rm(leftover.full, { recursive: true, force: true });
    notes.push(`${dir}: ${leftover.kind === 'tmp' ? 'onafgemaakte' : 'vervangen'} map van een afgebroken import opgeruimd (${path.basename(leftover.full)})`);
  }
  return notes;
}

/** Lists dataset folders present in `dir`, for messages about folders the catalog does not name. */
export async function listDatasetFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
