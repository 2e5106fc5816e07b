/**
 * Generates the embedded demonstration data folder: fictitious, deterministic figures on the real
 * municipal indelingen (see src/lib/demo/). Usage:
 *
 *   npm run data:demo                       writes data/ (the committed default)
 *   npm run data:demo -- --out /tmp/big --scale 10   a benchmark-sized folder
 *
 * Progress goes to stderr. The folder is written atomically (writeDataDir), then data/README.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateDemo } from '../src/lib/demo/generate';
import { demoReadme } from '../src/lib/demo/readme';
import { readFormerPopulation, writeDemoDir } from '../src/node/demo-fs';
import { loadRegister } from '../src/node/reference-fs';
import { projectRoot } from '../src/node/project-paths';

function fail(message: string): never {
  process.stderr.write(`data:demo: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 100) fail(`--scale verwacht een geheel getal van 1 tot 100: ${values.scale}`);
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail(`--seed verwacht een geheel getal: ${values.seed}`);
const out = path.resolve(projectRoot(), values.out);

const started = Date.now();
const log = (message: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
const register = loadRegister();
const former = readFormerPopulation();
log(`register: ${register.allGemeenten().length} gemeenten, ${former.length} voormalige met geschatte inwoners`);
const data = generateDemo(register, former, { seed, scale, onProgress: log });
log('afschermen, schrijven en controleren …');
const bytes = await writeDemoDir(out, data, demoReadme({ seed, scale, data }), log);
log(`klaar: ${out} (${(bytes / 1e6).toFixed(1)} MB)`);
