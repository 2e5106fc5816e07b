/**
 * Writes the site's downloads into a built site: every file of siteDownloadFiles (each dataset's files, each
 * gemeente's files and datapackage.json) and the zip of every release. They are data, not pages: the build
 * writes them in a worker thread beside Astro's page rendering (src/integrations/downloads.ts), and the dev
 * server makes one when it is asked for (downloadResponse).
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_TYPE, downloadPaths, isDownloadPath, parseDatasetFileName } from '../lib/downloads/files';
import { releaseFiles } from '../lib/downloads/release-files';
import { siteDownloadFiles, type DownloadFile, type DownloadsData } from '../lib/downloads/site-files';
import { fillSizeMarks, hasSizeMarks } from '../lib/downloads/sizes';
import type { Release } from '../schemas/dataset';
import { createZip, writeAll, ZipFileWriter } from './zip';

export interface DownloadsSummary {
  files: number;
  bytes: number;
}

/** Writes every download into `outDir`; with `ready`, the first file waits for it (the files are made meanwhile). */
export async function writeSiteDownloads(data: DownloadsData, outDir: string, site: string, ready?: Promise<void>): Promise<DownloadsSummary> {
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
  const write = (sitePath: string, parts: readonly Uint8Array[]) => {
    const fd = openSync(folderOf(path.join(outDir, sitePath)), 'w');
    try {
      summary.bytes += writeAll(fd, parts);
    } finally {
      closeSync(fd);
    }
    summary.files++;
  };
  const outputReady = ready ?? Promise.resolve();
  const zips = new Map<Release, ZipFileWriter>();
  let waited = ready === undefined;
  for (const output of siteDownloadFiles(data, site)) {
    if ('zip' in output) {
      let zip = zips.get(output.zip);
      if (!zip) {
        const file = path.join(outDir, downloadPaths.releaseZip(output.zip.id));
        zips.set(output.zip, (zip = new ZipFileWriter(file, output.zip.date, outputReady.then(() => void folderOf(file)))));
      }
      const { name, parts } = output.bytes();
      await zip.add({ name, data: parts });
      continue;
    }
    const parts = output.bytes();
    if (!waited) await ready;
    waited = true;
    write(output.path, parts);
  }
  for (const zip of zips.values()) {
    summary.bytes += await zip.finish();
    summary.files++;
  }
  return summary;
}

/**
 * One download for the dev server, made when it is asked for; undefined for any other path. (The build
 * writes them all at once with writeSiteDownloads.)
 */
export async function downloadResponse(data: DownloadsData, pathname: string, site: string): Promise<{ body: string | Buffer; type: string } | undefined> {
  const release = data.catalog.releases.find((r) => downloadPaths.releaseZip(r.id) === pathname);
  if (release) return { body: await createZip(releaseFiles(data.store, data.register, release, site), release.date), type: CONTENT_TYPE.zip };
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
 * Puts the true size of every linked download into the built pages (see src/lib/downloads/sizes.ts): run
 * once every file is written, downloads and pages. A page is replaced whole (written beside it, then
 * renamed), so a reader of the folder never sees half a page. A mark whose file does not exist fails the
 * build: the link would lead nowhere.
 */
export function fillDownloadSizes(outDir: string): SizesSummary {
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
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = readFileSync(file, 'utf8');
    if (!hasSizeMarks(html)) continue;
    const filled = fillSizeMarks(html, sizeOf);
    for (const missing of filled.missing) problems.push(`${path.relative(outDir, file)} linkt naar ${missing}, dat niet bestaat`);
    const temporary = `${file}.grootte`;
    writeFileSync(temporary, filled.html);
    renameSync(temporary, file);
    summary.pages++;
    summary.marks += filled.marks;
  }
  if (problems.length > 0) throw new Error(`downloads zonder bestand:\n${problems.slice(0, 20).join('\n')}`);
  return summary;
}
