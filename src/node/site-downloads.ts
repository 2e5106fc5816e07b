/**
 * Writes the site's downloads into a built site: every file of siteDownloadFiles (each dataset's CSV and
 * datapackage.json) and the zips of every dataset, release and gemeente. They are data, not pages: the build
 * writes them in a worker thread beside Astro's page rendering (src/integrations/downloads.ts), and the dev
 * server makes one when it is asked for (downloadResponse).
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPE, downloadPaths, isDownloadPath, parseDatasetFileName } from '../lib/downloads/files';
import { releaseFiles } from '../lib/downloads/release-files';
import {
  datasetDownloads,
  datasetRevisions,
  datasetZipFiles,
  datasetZipTarget,
  downloadsAfter,
  downloadsBefore,
  gemeenteZipFiles,
  revisionsExcelFile,
  siteDownloadFiles,
  type DownloadFile,
  type DownloadsData,
  type DownloadsOutline,
  type ZipEntry,
} from '../lib/downloads/site-files';
import type { RevisionRow } from '../lib/releases/revisions-file';
import { formatFileSize, sizeSuffix } from '../lib/downloads/sizes';
import { builtPageFile } from './page-taps';
import type { SiteDataReader } from './site-data';
import { createZip, writeAll, ZipFileWriter } from './zip';

export interface DownloadsSummary {
  files: number;
  bytes: number;
}

/** One dataset's data for its downloads (DownloadsData holding that dataset alone, or all of them). */
export interface DatasetDownloadsData {
  id: string;
  data: DownloadsData;
}

/**
 * Writes every download into `outDir`: what lists the tables first, then each dataset's files as `datasets`
 * yields it (in catalog order; the build reads one at a time, see src/node/downloads-worker.ts), then the
 * last entries of the zips and the revisions. With `ready`, the first file waits for it (the files are made
 * meanwhile). Zips are written as their entries come (ZipFileWriter), so no zip is held whole.
 */
export async function writeSiteDownloads(
  outline: DownloadsOutline,
  datasets: AsyncIterable<DatasetDownloadsData> | Iterable<DatasetDownloadsData>,
  outDir: string,
  site: string,
  ready?: Promise<void>,
): Promise<DownloadsSummary> {
  const summary: DownloadsSummary = { files: 0, bytes: 0 };
  const folders = new Set<string>();
  const folderOf = (file: string) => {
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    return file;
  };
  // Synchronous writes: this runs in a worker thread of its own, where nothing else waits for the event loop.
  // A file is written from its parts (mostly slices of a table's encoded lines), without joining them first.
  const writeFile = (sitePath: string, parts: readonly Uint8Array[]) => {
    const fd = openSync(folderOf(path.join(outDir, sitePath)), 'w');
    try {
      summary.bytes += writeAll(fd, parts);
    } finally {
      closeSync(fd);
    }
    summary.files++;
  };
  const outputReady = ready ?? Promise.resolve();
  // By path: the parts of the list make their own targets for the same zip.
  const zips = new Map<string, ZipFileWriter>();
  let waited = ready === undefined;
  const write = async (outputs: Iterable<DownloadFile | ZipEntry>) => {
    for (const output of outputs) {
      if ('zip' in output) {
        let zip = zips.get(output.zip.path);
        if (!zip) {
          const file = path.join(outDir, output.zip.path);
          zips.set(output.zip.path, (zip = new ZipFileWriter(file, output.zip.date, outputReady.then(() => void folderOf(file)))));
        }
        const { name, parts } = output.bytes();
        await zip.add({ name, data: parts });
        continue;
      }
      const parts = output.bytes();
      if (!waited) await ready;
      waited = true;
      writeFile(output.path, parts);
    }
  };
  await write(downloadsBefore(outline, site));
  const revisions = new Map<string, RevisionRow[]>();
  for await (const { id, data } of datasets) {
    await write(datasetDownloads(outline, data, id, site));
    for (const [release, rows] of datasetRevisions(data, id)) revisions.set(release, [...(revisions.get(release) ?? []), ...rows]);
  }
  await write(downloadsAfter(outline, (release) => revisions.get(release) ?? [], site));
  for (const zip of zips.values()) {
    summary.bytes += await zip.finish();
    summary.files++;
  }
  return summary;
}

/**
 * The datasets of a data folder one by one, for writeSiteDownloads: each read, protected and converted when
 * its turn comes, and held only until the next (nothing else keeps its rows).
 */
export async function* datasetsOneByOne(reader: SiteDataReader): AsyncGenerator<DatasetDownloadsData> {
  const { register, catalog, currentRelease } = reader;
  for (const meta of reader.metas) {
    const { dataset, history } = await reader.readDataset(meta);
    const store = { catalog, datasets: [dataset.original], history: new Map([[meta.id, history]]) };
    yield { id: meta.id, data: { register, catalog, currentRelease, datasets: [dataset], store } };
  }
}

/** Every dataset of loaded site data, for writeSiteDownloads (the tests; the build reads them one by one). */
export function* allDatasets(data: DownloadsData): Generator<DatasetDownloadsData> {
  for (const d of data.datasets) yield { id: d.meta.id, data };
}

/**
 * One download for the dev server, made when it is asked for; undefined for any other path. (The build
 * writes them all at once with writeSiteDownloads.)
 */
export async function downloadResponse(data: DownloadsData, pathname: string, site: string): Promise<{ body: string | Buffer; type: string } | undefined> {
  const release = data.catalog.releases.find((r) => downloadPaths.releaseZip(r.id) === pathname);
  if (release) return { body: await createZip(releaseFiles(data.store, data.register, release, site), release.date), type: CONTENT_TYPE.zip };
  const revised = data.catalog.releases.slice(1).find((r) => downloadPaths.revisionsExcelZip(r.id) === pathname);
  if (revised) return { body: await createZip([revisionsExcelFile(data, revised.id)], revised.date), type: CONTENT_TYPE.zip };
  const gemeente = data.register.allGemeenten().find(({ code }) => downloadPaths.gemeenteZip(data.register.slug(code)) === pathname);
  if (gemeente) return { body: await createZip(gemeenteZipFiles(data, gemeente.code, site), data.currentRelease.date), type: CONTENT_TYPE.zip };
  const dataset = data.datasets.find((d) => downloadPaths.datasetZip(d.meta.id) === pathname);
  if (dataset) return { body: await createZip(datasetZipFiles(data, dataset.meta.id, site), datasetZipTarget(data, dataset.meta.id).date), type: CONTENT_TYPE.zip };
  if (!isDownloadPath(pathname)) return undefined;
  const file = siteDownloadFiles(data, site).find((f): f is DownloadFile => 'path' in f && f.path === pathname);
  if (!file) return undefined;
  const format = parseDatasetFileName(path.posix.basename(pathname))?.format;
  return { body: file.render(), type: CONTENT_TYPE[format ?? 'json'] };
}

export interface SizesSummary {
  pages: number;
  marks: number;
}

/**
 * Puts the true size of every linked download into the built pages that printed a size mark (see
 * src/lib/downloads/sizes.ts; `pages` are their site paths): run once every file is written, downloads and
 * pages. A page is replaced whole (written beside it, then renamed), so a reader of the folder never sees
 * half a page. A mark whose file does not exist fails the build: the link would lead nowhere.
 */
export function fillDownloadSizes(outDir: string, pages: Iterable<string>): SizesSummary {
  const summary: SizesSummary = { pages: 0, marks: 0 };
  const sizes = new Map<string, number | undefined>();
  const sizeOf = (sitePath: string) => {
    if (!sizes.has(sitePath)) {
      let size: number | undefined;
      try {
        const stat = statSync(path.join(outDir, sitePath));
        size = stat.isFile() ? stat.size : undefined;
      } catch {
        size = undefined;
      }
      sizes.set(sitePath, size);
    }
    return sizes.get(sitePath);
  };
  const problems: string[] = [];
  for (const page of new Set(pages)) {
    const file = path.join(outDir, builtPageFile(page));
    const filled = fillSizeMarks(readFileSync(file), sizeOf);
    if (filled.marks === 0) continue;
    for (const missing of filled.missing) problems.push(`${page} linkt naar ${missing}, dat niet bestaat`);
    const temporary = `${file}.grootte`;
    writeFileSync(temporary, filled.html);
    renameSync(temporary, file);
    summary.pages++;
    summary.marks += filled.marks;
  }
  if (problems.length > 0) throw new Error(`downloads zonder bestand:\n${problems.slice(0, 20).join('\n')}`);
  return summary;
}

const START = Buffer.from('<!--grootte');
const END = Buffer.from('-->');
const BARE = Buffer.from('-los:');

/**
 * A page (its UTF-8 bytes) with every mark replaced by its file's size; `sizeOf` gives the size of a site
 * path, or undefined when there is no such file (listed in `missing`, and its mark left out: a size that
 * is not true is worse than none). Works on the bytes, which are searched and cut without decoding the page.
 */
export function fillSizeMarks(html: Uint8Array, sizeOf: (sitePath: string) => number | undefined): { html: Buffer; marks: number; missing: string[] } {
  const page = Buffer.from(html.buffer, html.byteOffset, html.byteLength);
  const parts: Buffer[] = [];
  const missing: string[] = [];
  let marks = 0;
  let from = 0;
  for (let at = page.indexOf(START); at >= 0; at = page.indexOf(START, from)) {
    const end = page.indexOf(END, at);
    if (end < 0) break;
    const bare = page.subarray(at + START.length, at + START.length + BARE.length).equals(BARE);
    const sitePath = page.toString('latin1', at + START.length + (bare ? BARE.length : 1), end);
    parts.push(page.subarray(from, at));
    marks++;
    const bytes = sizeOf(sitePath);
    if (bytes === undefined) missing.push(sitePath);
    else parts.push(Buffer.from(bare ? formatFileSize(bytes) : sizeSuffix(bytes)));
    from = end + END.length;
  }
  parts.push(page.subarray(from));
  return { html: marks === 0 ? page : Buffer.concat(parts), marks, missing };
}
