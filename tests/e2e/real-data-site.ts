/**
 * The site built from the real CBS files in ../shared/cbs, for the browser tests that check what a real-data
 * build says (issue 13: without characteristics of gemeenten it compares with the size class, and says so).
 * Made by the test run itself, as on a fresh clone in CI: `npm run import -- ../shared/cbs --release
 * 2023-04-28` into a data folder, then `astro build` from it (about a minute on two cores). The build is kept
 * in .tmp/ under a key of the sources and the CBS files, so a second run reuses it; REAL_DATA_DIST names an
 * existing build instead. Without ../shared/cbs there is no build, and the tests say loudly why they skip.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../../src/node/project-paths';
import { sourceKey } from '../search/built-site';

/** The release date of the real files: CBS published the 2022 figures on 28 April 2023. */
export const REAL_RELEASE = '2023-04-28';
const PREFIX = 'echte-site-';

export function realCbsDir(): string {
  return path.join(sharedDir(), 'cbs');
}

/** Why there is no real-data build on this machine, or undefined when there can be one. */
export function realDataMissing(): string | undefined {
  if (process.env.REAL_DATA_DIST) return undefined;
  const dir = realCbsDir();
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    return `De echte CBS-bestanden ontbreken (${dir}): de test van de build met echte gegevens wordt OVERGESLAGEN.`;
  }
  return undefined;
}

function buildKey(): string {
  const hash = createHash('sha256').update(sourceKey()).update(REAL_RELEASE);
  for (const name of readdirSync(realCbsDir()).sort()) {
    const stat = statSync(path.join(realCbsDir(), name));
    hash.update(`${name}:${stat.size}:${stat.mtimeMs}\n`);
  }
  for (const file of ['scripts/import.ts', 'package-lock.json']) if (existsSync(file)) hash.update(`${file}:${statSync(file).mtimeMs}`);
  return hash.digest('hex').slice(0, 12);
}

/** Builds of other sources that no run has used for an hour. */
function removeStale(keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync('.tmp')) {
    const match = new RegExp(`^(${PREFIX}[0-9a-f]+)\\.done$`).exec(name);
    if (!match || match[1] === keep || statSync(path.join('.tmp', name)).mtimeMs > hourAgo) continue;
    for (const suffix of ['', '.data', '.cache', '.done', '.releasecontrole.md']) rmSync(path.join('.tmp', `${match[1]}${suffix}`), { recursive: true, force: true });
  }
}

/** Runs a command without blocking the test worker (a build takes a minute), failing with its last output. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-6000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${what} is mislukt (exitcode ${code}):\n${output}`))));
  });
}

/** The folder of the real-data build, built now when no build of these sources exists yet. */
export async function realDataSite(): Promise<string> {
  if (process.env.REAL_DATA_DIST) return path.resolve(process.env.REAL_DATA_DIST);
  const name = `${PREFIX}${buildKey()}`;
  const dist = path.resolve('.tmp', name);
  const done = `${dist}.done`;
  if (existsSync(done)) return dist;
  mkdirSync('.tmp', { recursive: true });
  removeStale(name);
  const data = `${dist}.data`;
  const started = Date.now();
  console.log(`Site met echte CBS-gegevens bouwen voor de browsertests in ${dist} …`);
  rmSync(data, { recursive: true, force: true });
  await run('npx', ['tsx', 'scripts/import.ts', realCbsDir(), '--out', data, '--release', REAL_RELEASE, '--quiet'], {}, 'Het importeren van de echte CBS-bestanden');
  await run('npx', ['astro', 'build', '--outDir', dist], { DATA_DIR: data, BUILD_DATE: '2023-05-01', ASTRO_CACHE_DIR: `${dist}.cache` }, 'De build met echte gegevens');
  writeFileSync(done, new Date().toISOString());
  console.log(`Gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dist;
}
