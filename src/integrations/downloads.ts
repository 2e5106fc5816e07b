import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { getSiteData } from '../node/site-data';
import type { DownloadsJob, DownloadsResult } from '../node/downloads-worker';
import { downloadResponse } from '../node/site-downloads';
import { startTsWorker, workerResult } from '../node/ts-worker';

/**
 * The downloads (each dataset's files, each gemeente's files, the zip of every release: some 7.800 files and
 * 350 MB) are data, not pages. Written as Astro endpoints they went one by one through the page pipeline on
 * the main thread. The build now writes them in a worker thread that starts once Astro has emptied the output
 * folder and runs beside the page rendering; the build waits for it at the end, while Pagefind indexes.
 * The dev server makes a download when it is asked for.
 */
export default function downloads(): AstroIntegration {
  let job: DownloadsJob | undefined;
  let result: Promise<DownloadsResult> | undefined;
  return {
    name: 'jeugdzorg:downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        job = { outDir: fileURLToPath(config.outDir), site: config.site ?? 'http://localhost/' };
      },
      // The server build comes after Astro emptied the output folder, and before the pages.
      'astro:build:setup': ({ target }) => {
        if (target !== 'server' || result || !job) return;
        result = workerResult<DownloadsResult>(startTsWorker('src/node/downloads-worker.ts', job));
        // Awaited in astro:build:done; until then a failure must not count as unhandled.
        result.catch(() => undefined);
      },
      'astro:build:done': async ({ logger }) => {
        if (!result) throw new Error('de downloads zijn niet gestart');
        const { files, bytes, ms } = await result;
        logger.info(`${files.toLocaleString('nl-NL')} downloadbestanden (${Math.round(bytes / 1e6)} MB) geschreven in ${(ms / 1000).toFixed(1)} s`);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((request, response, next) => {
          const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (request.method !== 'GET' || !pathname.startsWith('/downloads/')) return next();
          getSiteData()
            .then((data) => downloadResponse(data, decodeURIComponent(pathname), job?.site ?? 'http://localhost/'))
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
