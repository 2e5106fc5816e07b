/**
 * The import as a whole, on files: read every export given (files, folders, CBS tables by id), build the
 * datasets, put them into the existing data folder's content and write that folder atomically. Node-only
 * (node:fs); the parsing itself is pure and lives in src/lib/import. Nothing is written unless every step
 * succeeded: the first problem throws one DataError, and writeDataDir leaves an earlier folder intact.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkFinalNewline, decodeText } from '../lib/csv/read-csv';
import { DataError } from '../lib/data/errors';
import { parseJsonStrict } from '../lib/data/json-position';
import { buildDatasets } from '../lib/import/build-dataset';
import { CBS_TABLE_ID, setNameOfFile, type ODataBundle, type ODataPage } from '../lib/import/odata-bundle';
import { parseStatusOption } from '../lib/import/period-status';
import { readCsvSource, readODataSource } from '../lib/import/read-source';
import { mergeImport, releaseEntry } from '../lib/import/releases';
import type { SourceTable } from '../lib/import/source-table';
import type { RegionRegister } from '../lib/regions/register';
import { fetchCbsTable, type FetchLike } from './cbs-fetch';
import { CATALOG_FILE, readDataDir, recoverDataDir } from './datastore-fs';
import { writeProtectedDataDir } from './disclosure-fs';
import { loadRegister } from './reference-fs';

export interface ImportOptions {
  /** Export files, or folders holding them (a folder of JSON responses is one OData table). */
  inputs: readonly string[];
  /** The data folder to write; datasets already there that are not imported stay. */
  out: string;
  /**
   * Release date YYYY-MM-DD; today when not given. A given date also sets the status of periods a source
   * states none for (OData CSV, joined files), by the CBS rhythm; without it such periods need `status`.
   */
  release?: string | undefined;
  /** --status values: `voorlopig` for every period without a status of its own, or `2022JJ00=voorlopig`. */
  status?: readonly string[] | undefined;
  /** CBS table ids to fetch through the OData API. */
  cbs?: readonly string[] | undefined;
  odata?: 'v3' | 'v4' | undefined;
  fetch?: FetchLike | undefined;
  /** Base URLs of the CBS services, for tests that serve recorded responses. */
  cbsBases?: { v3ApiBase?: string; v3FeedBase?: string; v4Base?: string } | undefined;
  register?: RegionRegister | undefined;
  progress?: ((message: string) => void) | undefined;
}

export interface ImportResult {
  out: string;
  release: string;
  datasets: Array<{ id: string; rows: number }>;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function checkRelease(release: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(release);
  const valid = match !== null && new Date(`${release}T00:00:00Z`).toISOString().slice(0, 10) === release;
  if (!valid) throw new DataError({ file: '--release' }, 'een publicatiedatum JJJJ-MM-DD, zoals 2023-04-28', release);
  return release;
}

/** Export files below a folder, sorted, one level of subfolders deep (a folder per OData table). */
async function listFolder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await readdir(full, { withFileTypes: true });
      files.push(...inner.filter((e) => e.isFile()).map((e) => path.join(full, e.name)).sort());
    } else if (entry.isFile()) files.push(full);
  }
  return files.filter((f) => /\.(csv|json)$/i.test(f));
}

async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new DataError({ file: input }, 'een bestaand bestand of een bestaande map met CBS-exports');
    if (info.isDirectory()) files.push(...(await listFolder(input)));
    else if (/\.(csv|json)$/i.test(input)) files.push(input);
    else throw new DataError({ file: input }, 'een CBS-export als .csv (StatLine, OData) of .json (OData-antwoorden)');
  }
  return [...new Set(files)];
}

/** UTF-8 (or UTF-16 with its BOM), without invisible control or bidi characters (read-csv.ts, decodeText). */
async function readText(file: string): Promise<string> {
  return decodeText(await readFile(file), file);
}

/** Strict JSON: no key twice, no absurd depth or length, no hidden characters (json-position.ts). */
async function readJsonPage(file: string): Promise<ODataPage> {
  const text = decodeText(await readFile(file), file, { checkCharacters: false });
  return { file, body: parseJsonStrict(text, file) };
}

/** JSON responses of one folder form one table; the service document (index.json) says nothing we need. */
async function readJsonFolder(dir: string, files: string[]): Promise<ODataBundle> {
  const sets = new Map<string, ODataPage[]>();
  const ordered = files.filter((f) => setNameOfFile(path.basename(f)) !== 'index').sort(comparePageFiles);
  for (const file of ordered) {
    const name = setNameOfFile(path.basename(file));
    const pages = sets.get(name) ?? [];
    pages.push(await readJsonPage(file));
    sets.set(name, pages);
  }
  return { source: dir, tableId: /^\d{5}[A-Z]{3}$/.test(path.basename(dir)) ? path.basename(dir) : undefined, sets };
}

/** `TypedDataSet.page2.json` before `TypedDataSet.page10.json`. */
function comparePageFiles(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

async function readSources(files: string[], register: RegionRegister, progress: (m: string) => void): Promise<SourceTable[]> {
  const tables: SourceTable[] = [];
  const jsonByFolder = new Map<string, string[]>();
  for (const file of files) {
    if (/\.json$/i.test(file)) {
      const dir = path.dirname(file);
      jsonByFolder.set(dir, [...(jsonByFolder.get(dir) ?? []), file]);
      continue;
    }
    progress(`lezen: ${file}`);
    const text = await readText(file);
    const table = readCsvSource(text, file, register);
    checkFinalNewline(text, file);
    progress(`${file}: ${table.records.length} rijen gelezen (${table.format})`);
    tables.push(table);
  }
  for (const [dir, jsonFiles] of jsonByFolder) {
    progress(`lezen: ${dir} (${jsonFiles.length} JSON-bestanden)`);
    const table = readODataSource(await readJsonFolder(dir, jsonFiles));
    progress(`${dir}: ${table.records.length} rijen gelezen (${table.format})`);
    tables.push(table);
  }
  return tables;
}

/**
 * The out folder must be a data folder or empty: writeDataDir replaces it whole, and a folder of other
 * files must not vanish because someone mistyped --out.
 */
async function readExisting(out: string) {
  if (!existsSync(out)) return undefined;
  if (existsSync(path.join(out, CATALOG_FILE))) return readDataDir(out);
  const entries = await readdir(out);
  if (entries.length > 0) {
    throw new DataError({ file: out }, `een datamap (met ${CATALOG_FILE}) of een lege map; deze map zou overschreven worden`);
  }
  return undefined;
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const progress = options.progress ?? (() => {});
  const release = checkRelease(options.release ?? today());
  const given = parseStatusOption(options.status ?? []);
  const register = options.register ?? loadRegister();
  for (const id of options.cbs ?? []) {
    if (!CBS_TABLE_ID.test(id)) throw new DataError({ file: '--cbs' }, 'een CBS-tabelnummer zoals 85097NED', id);
  }
  const files = await expandInputs(options.inputs);
  const tables = await readSources(files, register, progress);
  for (const id of options.cbs ?? []) {
    const bundle = await fetchCbsTable(id, { odata: options.odata, fetch: options.fetch, progress, ...options.cbsBases });
    tables.push(readODataSource(bundle));
  }
  if (tables.length === 0) {
    throw new DataError({ file: options.inputs.join(', ') || 'import' }, 'minstens één CBS-export (.csv of .json) of een tabel met --cbs');
  }
  // Today's date names the release when none is given, but says nothing about the status of the figures.
  const statuses = { given, release: options.release !== undefined ? release : undefined };
  const datasets = buildDatasets(tables, { register, release, statuses, progress });
  // An earlier import killed while it replaced the folder: put the folder of before it back first.
  for (const note of await recoverDataDir(options.out)) progress(note);
  const existing = await readExisting(options.out);
  const content = mergeImport(existing, datasets, releaseEntry(release));
  progress(`schrijven: ${options.out} (${content.datasets.length} dataset(s), waarvan ${datasets.length} geïmporteerd)`);
  const disclosure = await writeProtectedDataDir(options.out, content, register);
  for (const r of disclosure) {
    if (r.primary + r.secondary === 0) continue;
    progress(`geheimhouding ${r.dataset} (${r.release}): ${r.primary} aantallen afgerond of afgeschermd volgens het beleid, ${r.secondary} extra afgeschermd (x) zodat geen klein aantal terug te rekenen is`);
  }
  for (const d of datasets) progress(`geschreven: ${d.meta.id} (${d.rows.length} rijen, ${d.meta.measures.length} maten)`);
  return { out: options.out, release, datasets: datasets.map((d) => ({ id: d.meta.id, rows: d.rows.length })) };
}
