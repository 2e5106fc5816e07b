/**
 * One measured Astro build, run in its own process so its peak memory is its own. Prints one JSON line:
 * { ms, maxRssMb, pages }. Used by scripts/bench.ts.
 *   tsx scripts/bench/build-once.ts --root <project> --out <dir>
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, out: { type: 'string' } } });
const root = path.resolve(values.root!);
const outDir = path.resolve(values.out ?? path.join(root, 'dist'));

const started = performance.now();
await build({ root, outDir, logLevel: 'error' });
const ms = performance.now() - started;

function countHtml(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countHtml(path.join(dir, entry.name));
    else if (entry.name.endsWith('.html')) n++;
  }
  return n;
}

// resourceUsage().maxRSS is the peak resident set of this process (in KiB), worker threads included.
console.log(JSON.stringify({ ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), pages: countHtml(outDir) }));
process.exit(0);
