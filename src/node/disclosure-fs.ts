/**
 * Disclosure control on a data folder (src/lib/disclosure/protect.ts).
 *  - Writing: every data folder is written protected (writeProtectedDataDir, used by the importer and the demo
 *    generator), with a stamp in each meta.json: a hash of the protected observation files, the relations
 *    and the method.
 *  - Building: protectStore checks each dataset's files against its stamp. A folder that still matches was
 *    protected when written; any other (edited by hand, or written before this method) is protected again in
 *    memory, the current figures and every earlier release, before anything is shown. A count that breaks a
 *    dataset's policy stops the build with a DataError naming the file and line, unless the publisher chose
 *    "beschermen".
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetMeta } from '../schemas/dataset';
import type { ObservationRow } from '../lib/data/dataset';
import { DataError } from '../lib/data/errors';
import { formatObservationsCsv } from '../lib/data/observations-csv';
import { providerDimension } from '../lib/disclosure/policy';
import { PolicyViolationError, protectRows, unifySecrets, type DisclosureReport } from '../lib/disclosure/protect';
import type { Membership } from '../lib/disclosure/relations';
import { diffRelease, reconstructRelease, writeDataDir, type DatasetFiles, type DataStore, type DataToWrite } from './datastore-fs';

export interface DatasetDisclosure extends DisclosureReport {
  dataset: string;
  /** The release whose table this is. */
  release: string;
  /** True when the stored files matched their stamp: protected when written, not again now. */
  stored: boolean;
}

/** Raised whenever the method changes what it suppresses: stamps of an earlier method no longer match. */
const DISCLOSURE_METHOD = 3;

/** The stamp of a dataset's observation files (current, then each earlier release in meta.history order). */
export function protectionStamp(meta: DatasetMeta, files: readonly string[]): string {
  const hash = createHash('sha256');
  const { stamp: _stamp, ...policy } = meta.disclosure;
  hash.update(JSON.stringify({ method: DISCLOSURE_METHOD, policy, dimensions: meta.dimensions, sums: meta.sums, measures: meta.measures.map((m) => [m.id, m.type, m.countOf, m.derived, m.rate]) }));
  for (const text of files) hash.update('\0').update(text);
  return hash.digest('hex');
}

/**
 * Every dataset protected (current rows, and each earlier release as a reader of the folder will see it) and
 * stamped, ready for writeDataDir. An earlier release's rows may be given whole (the importer) or as the rows
 * that differed (the demo generator): both are rebuilt the way readDataDir rebuilds them.
 */
export function protectForWriting(
  data: DataToWrite,
  membership: Membership,
  dir = '',
  onProgress?: (message: string) => void,
): { data: DataToWrite; reports: DatasetDisclosure[] } {
  const reports: DatasetDisclosure[] = [];
  const datasets = data.datasets.map(({ meta, rows, history }, i) => {
    const versions = protectVersions(
      meta,
      [
        { release: meta.release, rows, file: path.join(dir, meta.id, 'observations.csv') },
        ...meta.history.map((h) => ({
          release: h.release,
          rows: reconstructRelease(rows, history?.get(h.release) ?? [], new Set(h.periods.map((p) => p.code))),
          file: path.join(dir, meta.id, 'releases', `${h.release}.csv`),
        })),
      ],
      membership,
      reports,
      true,
    );
    const current = versions[0]!;
    const earlier = new Map<string, readonly ObservationRow[]>(meta.history.map((h, i) => [h.release, versions[i + 1]!]));
    const files = [formatObservationsCsv(meta, current), ...meta.history.map((h) => formatObservationsCsv(meta, diffRelease(current, earlier.get(h.release)!)))];
    const stamped: DatasetMeta = { ...meta, disclosure: { ...meta.disclosure, stamp: protectionStamp(meta, files) } };
    // Protection takes most of the time of writing a folder (minutes for a large one): say how far it is.
    onProgress?.(`afgeschermd: ${meta.id} (${i + 1} van ${data.datasets.length})`);
    return { meta: stamped, rows: current, history: earlier };
  });
  return { data: { ...data, datasets }, reports };
}

/** Protects and stamps every dataset (protectForWriting), then writes the folder (writeDataDir). */
export async function writeProtectedDataDir(dir: string, data: DataToWrite, membership: Membership, onProgress?: (message: string) => void): Promise<DatasetDisclosure[]> {
  const { data: protectedData, reports } = protectForWriting(data, membership, dir, onProgress);
  await writeDataDir(dir, protectedData);
  return reports;
}

/** Protects a loaded data folder in place, unless its files match their stamps (see the module comment). */
export async function protectStore(store: DataStore, membership: Membership): Promise<DatasetDisclosure[]> {
  const reports: DatasetDisclosure[] = [];
  for (const dataset of store.datasets) {
    const history = store.history.get(dataset.meta.id) ?? new Map<string, ObservationRow[]>();
    reports.push(...(await protectDataset(store.dir, { dataset, history }, membership)));
  }
  return reports;
}

/**
 * Protects one dataset of the data folder `dir` in place, its current rows and every earlier release, unless
 * its files match their stamp; a report per release.
 */
export async function protectDataset(dir: string, { dataset, history }: DatasetFiles, membership: Membership): Promise<DatasetDisclosure[]> {
  const { meta } = dataset;
  const reports: DatasetDisclosure[] = [];
  const observationsFile = path.join(dir, meta.id, 'observations.csv');
  const releaseFile = (release: string) => path.join(dir, meta.id, 'releases', `${release}.csv`);
  if (meta.disclosure.stamp !== undefined) {
    const files = await Promise.all([observationsFile, ...meta.history.map((h) => releaseFile(h.release))].map((file) => readFile(file, 'utf8')));
    if (protectionStamp(meta, files) === meta.disclosure.stamp) {
      for (const release of [meta.release, ...history.keys()]) reports.push({ dataset: meta.id, release, stored: true, primary: 0, secondary: 0, relations: 0, brokenRelations: 0, unresolved: 0 });
      return reports;
    }
  }
  const releases = [...history.keys()];
  const versions = protectVersions(
    meta,
    [
      { release: meta.release, rows: dataset.rows, file: observationsFile },
      ...releases.map((release) => ({ release, rows: history.get(release)!, file: releaseFile(release) })),
    ],
    membership,
    reports,
    false,
  );
  dataset.rows = versions[0]!;
  releases.forEach((release, i) => history.set(release, versions[i + 1]!));
  return reports;
}

/**
 * Protects every release of a dataset, then keeps what one release keeps secret secret in all (unifySecrets),
 * and protects again where that left a new secret derivable, until nothing changes: a count kept secret in
 * one release must not be recoverable from another.
 */
function protectVersions(
  meta: DatasetMeta,
  versions: ReadonlyArray<{ release: string; rows: readonly ObservationRow[]; file: string }>,
  membership: Membership,
  reports: DatasetDisclosure[],
  stored: boolean,
): ObservationRow[][] {
  const own = versions.map((v) => {
    const before = reports.length;
    const rows = protectVersion(meta, v.release, v.rows, membership, v.file, reports, stored);
    return { rows, report: reports[before]! };
  });
  let current = own.map((v) => v.rows);
  for (let round = 0; round < 20; round++) {
    const unified = unifySecrets(meta, current);
    if (unified.added === 0) return unified.versions;
    own[0]!.report.secondary += unified.added;
    current = unified.versions.map((rows, i) => {
      const again = protectRows(meta, rows, membership);
      own[i]!.report.secondary += again.report.secondary;
      own[i]!.report.unresolved = again.report.unresolved;
      return again.rows;
    });
  }
  return current;
}

function protectVersion(
  meta: DatasetMeta,
  release: string,
  rows: readonly ObservationRow[],
  membership: Membership,
  file: string,
  reports: DatasetDisclosure[],
  stored = true,
): ObservationRow[] {
  const provider = providerDimension(meta);
  if (provider !== undefined) {
    throw new DataError({ file, field: provider }, `geen cijfers per aanbieder: deze site publiceert nooit per aanbieder (dimensie "${provider}" van "${meta.id}")`);
  }
  try {
    const result = protectRows(meta, rows, membership);
    reports.push({ dataset: meta.id, release, stored, ...result.report });
    return result.rows;
  } catch (error) {
    if (!(error instanceof PolicyViolationError)) throw error;
    const first = error.violations[0]!;
    const row = rows[first.row]!;
    const others = error.violations.length - 1;
    throw new DataError(
      { file, line: lineOf(file, row), field: meta.measures[first.measure]!.id },
      `${first.expected} (${row.region}, ${row.period}${row.topics.length ? `, ${row.topics.join(', ')}` : ''}). ` +
        `Het geheimhoudingsbeleid van "${meta.id}" (meta.json, disclosure) weigert deze tabel` +
        `${others > 0 ? `; nog ${others} ${others === 1 ? 'aantal volgt' : 'aantallen volgen'} het niet` : ''}.` +
        ' Rond af en scherm af bij de bron, of kies disclosure.onViolation "beschermen"',
      String(first.value),
    );
  }
}

/** The line of a row in an observations file, when the file is there (only looked up for an error message). */
function lineOf(file: string, row: ObservationRow): number | undefined {
  try {
    const prefix = `${[row.region, row.period, ...row.topics].join(',')},`;
    const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.startsWith(prefix));
    return index >= 0 ? index + 1 : undefined;
  } catch {
    return undefined;
  }
}
