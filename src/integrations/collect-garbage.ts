import type { AstroIntegration } from 'astro';

/**
 * Once the pages are written, the main thread mostly waits: for Pagefind and for the downloads worker. V8
 * collects garbage only when the thread allocates, so it waited with the pages' garbage still in its heap, and
 * the build's peak memory came in that wait (a 10× build: 2,4 GB of heap, 0,8 GB of it garbage, beside the
 * downloads worker). One full collection when the pages are done gives it back. It needs --expose-gc, which
 * every site build runs with (src/node/build-flags.ts); without it nothing happens. Listed before Pagefind,
 * whose build:done hook comes next.
 */
export default function collectGarbage(): AstroIntegration {
  return {
    name: 'jeugdzorg:collect-garbage',
    hooks: {
      'astro:build:done': ({ logger }) => {
        const gc = (globalThis as { gc?: () => void }).gc;
        if (!gc) return;
        const before = process.memoryUsage();
        const started = performance.now();
        gc();
        const after = process.memoryUsage();
        const mb = (bytes: number) => Math.round(bytes / 1e6).toLocaleString('nl-NL');
        logger.info(`geheugen na de pagina's: heap ${mb(before.heapTotal)} → ${mb(after.heapTotal)} MB, proces ${mb(before.rss)} → ${mb(after.rss)} MB (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
