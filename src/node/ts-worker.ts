/**
 * Worker threads on the project's TypeScript modules. Astro bundles the pages, but a worker thread starts
 * from a module Node loads itself, and Node 20 cannot load TypeScript: worker-boot.mjs registers tsx (the
 * loader the project's scripts run on) and then imports the module.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from './project-paths';

/** Starts `module` (a path relative to the project root) in a worker thread; it reads its job from `workerData.job`. */
export function startTsWorker(module: string, job: unknown): Worker {
  const boot = path.join(projectRoot(), 'src', 'node', 'worker-boot.mjs');
  return new Worker(boot, { workerData: { module: pathToFileURL(path.resolve(projectRoot(), module)).href, job } });
}

/** The first message of a worker that sends one result, or its error; a worker that ends without one fails. */
export function workerResult<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker stopte (exitcode ${code}) zonder resultaat`)));
  });
}
