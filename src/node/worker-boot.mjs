// Entry of the project's worker threads (see ts-worker.ts): registers tsx, then loads the TypeScript module
// named in workerData.module. Plain JavaScript, because Node 20 cannot load TypeScript by itself.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
