/** A chart worker (see chart-pool.ts): renders the charts the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import type { ChartReply } from './chart-pool';
import { renderChartNow, type ChartKind } from './charts';

parentPort?.on('message', ({ id, kind, input }: { id: number; kind: ChartKind; input: never }) => {
  const started = performance.now();
  let reply: ChartReply;
  try {
    reply = { id, output: renderChartNow(kind, input), ms: performance.now() - started };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
