/**
 * One measured Astro build, run in its own process so its peak memory is its own. Prints one JSON line:
 * { ms, maxRssMb, pages, cpuMs, outMb }. Used by scripts/bench.ts.
 *   tsx scripts/bench/build-once.ts --root <project> --out <dir>
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, out: { type: 'string' } } });
const root = path.resolve(values.root!);
const outDir = path.resolve(values.out ?? path.join(root, 'dist'));

const started = performance.now();
await build({ root, outDir, logLevel: 'error' });
const ms = performance.now() - started;

/** The number of HTML pages and the bytes of all files under a folder. */
function countOutput(dir: string): { pages: number; bytes: number } {
  const total = { pages: 0, bytes: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = countOutput(file);
      total.pages += inner.pages;
      total.bytes += inner.bytes;
    } else {
      total.bytes += statSync(file).size;
      if (entry.name.endsWith('.html')) total.pages++;
    }
  }
  return total;
}

// resourceUsage() covers this process with its worker threads: maxRSS is the peak resident set (KiB), and user
// plus system time (µs) the CPU work, which on two cores bounds the wall time (child processes such as
// Pagefind's are not in it).
const usage = process.resourceUsage();
const output = countOutput(outDir);
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(usage.maxRSS / 1024),
    pages: output.pages,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    outMb: Math.round(output.bytes / 1e6),
  }),
);
process.exit(0);
