/**
 * Chart workers for the build. Plot renders a chart on the thread that asks for it; with some 3.500 charts
 * that was a quarter of the main thread's work. During `astro build` the charts are rendered in worker
 * threads instead, and Astro renders several pages at a time (build.concurrency), so the main thread lays
 * out other pages while a chart is drawn. Without a pool (dev server, tests) charts render in-process.
 * The pool lives on globalThis: the integration that starts it and the bundled pages load separate copies
 * of this module.
 */
import type { AstroIntegration } from 'astro';
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../node/ts-worker';
import type { ChartKind } from './charts';

interface Job {
  resolve: (output: object) => void;
  reject: (error: Error) => void;
}

/** What a chart worker answers: the chart and how long it took, or the error. */
export type ChartReply = { id: number; output: object; ms: number } | { id: number; error: string };

/** Render times measured in the workers, for the build's chart report (see memoizeRender). */
const workerTimes = new WeakMap<object, number>();

export function renderTime(output: object): number | undefined {
  return workerTimes.get(output);
}

export class ChartPool {
  private readonly workers: Array<{ worker: Worker; jobs: Map<number, Job> }>;
  private nextId = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = startTsWorker('src/render/chart-worker.ts', null);
      const entry = { worker, jobs: new Map<number, Job>() };
      worker.on('message', (reply: ChartReply) => {
        const job = entry.jobs.get(reply.id);
        entry.jobs.delete(reply.id);
        // An idle worker must not keep the process alive; a busy one must (see render).
        if (entry.jobs.size === 0) worker.unref();
        if (!job) return;
        if ('error' in reply) job.reject(new Error(`grafiek in werkthread: ${reply.error}`));
        else {
          workerTimes.set(reply.output, reply.ms);
          job.resolve(reply.output);
        }
      });
      worker.on('error', (error) => {
        for (const job of entry.jobs.values()) job.reject(error);
        entry.jobs.clear();
      });
      worker.unref();
      return entry;
    });
  }

  /** Charts sent to the workers and not yet back. */
  pending(): number {
    return this.workers.reduce((n, { jobs }) => n + jobs.size, 0);
  }

  /** Renders a chart in the least busy worker. */
  render(kind: ChartKind, input: unknown): Promise<object> {
    const entry = this.workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.jobs.set(id, { resolve, reject });
      entry.worker.ref();
      entry.worker.postMessage({ id, kind, input });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

const POOL_KEY = Symbol.for('jeugdzorg.chartPool');
type GlobalWithPool = typeof globalThis & { [POOL_KEY]?: ChartPool };

export function activeChartPool(): ChartPool | undefined {
  return (globalThis as GlobalWithPool)[POOL_KEY];
}

/**
 * Starts the chart workers when Astro starts bundling the pages and stops them when the build is done.
 * Not earlier: at the start of the build the main thread and the downloads worker load the data, and a
 * third thread loading Plot would only slow them down on two cores. CHART_WORKERS sets how many (default 1:
 * on two cores the downloads worker and the main thread share the rest; 0 renders in-process).
 */
export default function chartWorkers(): AstroIntegration {
  return {
    name: 'jeugdzorg:chart-workers',
    hooks: {
      'astro:build:setup': ({ target }) => {
        const size = Number(process.env.CHART_WORKERS ?? 1);
        const holder = globalThis as GlobalWithPool;
        if (target === 'server' && size > 0 && !holder[POOL_KEY]) holder[POOL_KEY] = new ChartPool(size);
      },
      'astro:build:done': async () => {
        const holder = globalThis as GlobalWithPool;
        await holder[POOL_KEY]?.close();
        delete holder[POOL_KEY];
      },
    },
  };
}
