import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { getSiteData } from '../node/site-data';
import type { Worker } from 'node:worker_threads';
import { OUTPUT_READY, type DownloadsJob, type DownloadsResult } from '../node/downloads-worker';
import { downloadResponse, fillDownloadSizes } from '../node/site-downloads';
import { SIZE_MARK_START } from '../lib/downloads/sizes';
import { closePageTap, openPageTap } from '../node/page-taps';
import { isDownloadPath } from '../lib/downloads/files';
import { gemeenteTables } from '../lib/downloads/site-files';
import { startTsWorker, workerResult } from '../node/ts-worker';

/**
 * The downloads (each dataset's files, each gemeente's files, the zip of every release: some 7.800 files and
 * 350 MB) are data, not pages. Written as Astro endpoints they went one by one through the page pipeline on
 * the main thread. The build now makes them in a worker thread that starts with the build and reads the data
 * one dataset at a time (src/node/downloads-worker.ts); it writes once Astro has emptied the output folder, beside the page
 * rendering, and the build waits for it at the end, while Pagefind indexes. The dev server makes a download
 * when it is asked for.
 */
const SIZES_TAP = 'downloadgroottes';

export default function downloads(): AstroIntegration {
  let site = 'http://localhost/';
  let worker: Worker | undefined;
  let result: Promise<DownloadsResult> | undefined;
  const markedPages: string[] = [];
  return {
    name: 'jeugdzorg:downloads',
    hooks: {
      'astro:config:setup': async ({ config, command }) => {
        site = config.site ?? site;
        if (command !== 'build') return;
        // The data is loaded by now (validate-data runs first); the worker reads its own, one dataset at a time.
        const gemeenten = gemeenteTables(await getSiteData());
        worker = startTsWorker('src/node/downloads-worker.ts', { outDir: fileURLToPath(config.outDir), site, gemeenteTables: gemeenten } satisfies DownloadsJob);
        // Until the end of the build it must not keep a failed build's process alive.
        worker.unref();
        result = workerResult<DownloadsResult>(worker);
        // Awaited in astro:build:done; until then a failure must not count as unhandled.
        result.catch(() => undefined);
      },
      // The server build starts after Astro emptied the output folder: from now on the worker may write.
      'astro:build:setup': ({ target }) => {
        if (target !== 'server') return;
        worker?.postMessage(OUTPUT_READY);
        // The pages with a size to fill in, noted as they are rendered (reading every page back took seconds).
        markedPages.length = 0;
        openPageTap(SIZES_TAP, (page) => {
          if (page.has(SIZE_MARK_START)) markedPages.push(page.pathname);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!worker || !result) throw new Error('de downloads zijn niet gestart');
        worker.ref();
        const { files, bytes, ms } = await result;
        logger.info(`${files.toLocaleString('nl-NL')} downloadbestanden (${Math.round(bytes / 1e6)} MB) geschreven in ${(ms / 1000).toFixed(1)} s`);
        // Every file is written now: the pages get the true size beside each download link.
        const started = performance.now();
        closePageTap(SIZES_TAP);
        const sizes = fillDownloadSizes(fileURLToPath(dir), markedPages);
        logger.info(`grootte bij ${sizes.marks.toLocaleString('nl-NL')} downloadlinks op ${sizes.pages.toLocaleString('nl-NL')} pagina's in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((request, response, next) => {
          const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (request.method !== 'GET' || !isDownloadPath(pathname)) return next();
          getSiteData()
            .then((data) => downloadResponse(data, decodeURIComponent(pathname), site))
            .then((file) => {
              if (!file) return next();
              response.setHeader('content-type', file.type);
              response.end(file.body);
            })
            .catch((error: unknown) => {
              logger.error(`download ${pathname}: ${String(error)}`);
              next(error);
            });
        });
      },
    },
  };
}
