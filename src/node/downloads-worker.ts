/**
 * The build's downloads worker (started by src/integrations/downloads.ts): writes every download into the
 * output folder while the main thread renders the pages. It reads the data folder on its own, one dataset at
 * a time, and lets each go once its files are written: the main thread holds all of them for the pages, and
 * two full copies made the largest part of a big build's peak memory. Which tables hold figures of each
 * gemeente (for the first and last entries of the gemeenten's zips) comes from the main thread with the job.
 * It starts with the build, but writes only after the message OUTPUT_READY: Astro empties the output folder first.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { openSiteData } from './site-data';
import { datasetsOneByOne, writeSiteDownloads, type DownloadsSummary } from './site-downloads';

export interface DownloadsJob {
  outDir: string;
  site: string;
  /** Each gemeente with figures → the ids of the datasets that hold them (gemeenteTables of the main thread's data). */
  gemeenteTables: Map<string, string[]>;
}

export interface DownloadsResult extends DownloadsSummary {
  ms: number;
}

export const OUTPUT_READY = 'output-ready';

// This module is also imported by the integration for its types and constant; only a worker runs the job.
/**
 * Lets the main thread go first. The pages and the downloads each keep a core busy, and with Pagefind, the
 * chart worker and the garbage collector beside them a build on two cores has more work than cores: at the
 * same priority the main thread waited its turn. Linux only (a thread's own id is in /proc/thread-self);
 * elsewhere the worker keeps its priority.
 */
function yieldToMainThread(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(threadId)) setPriority(threadId, 19);
  } catch {
    // No /proc, or no permission: the same work, only scheduled as before.
  }
}

if (!isMainThread && parentPort) {
  yieldToMainThread();
  const port = parentPort;
  const ready = new Promise<void>((resolve) => port.on('message', (message) => message === OUTPUT_READY && resolve()));
  const { outDir, site, gemeenteTables } = (workerData as { job: DownloadsJob }).job;
  const started = performance.now();
  const reader = await openSiteData();
  const { register, catalog, currentRelease, metas } = reader;
  const outline = { register, catalog, currentRelease, metas, gemeenteTables };
  const summary = await writeSiteDownloads(outline, datasetsOneByOne(reader), outDir, site, ready);
  port.postMessage({ ...summary, ms: performance.now() - started } satisfies DownloadsResult);
  port.close();
}
