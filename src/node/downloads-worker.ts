/**
 * The build's downloads worker (started by src/integrations/downloads.ts): loads the site data on its own
 * and writes every download into the output folder while the main thread renders the pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getSiteData } from './site-data';
import { writeSiteDownloads, type DownloadsSummary } from './site-downloads';

export interface DownloadsJob {
  outDir: string;
  site: string;
}

export interface DownloadsResult extends DownloadsSummary {
  ms: number;
}

const { outDir, site } = (workerData as { job: DownloadsJob }).job;
const started = performance.now();
const summary = await writeSiteDownloads(await getSiteData(), outDir, site);
parentPort!.postMessage({ ...summary, ms: performance.now() - started } satisfies DownloadsResult);
