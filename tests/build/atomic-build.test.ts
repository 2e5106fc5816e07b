/**
 * `npm run build` never half-fails: the real build (the release fixture data, into .tmp/) is killed with
 * SIGKILL, its whole process group at once, at several moments (as it starts, while the downloads worker
 * writes, while Astro renders the pages, while Pagefind writes the search index, and in the middle of the
 * swap), and fails once on a missing data folder. Each time the previous output must be whole (every file
 * as it was) and servable (the home page, a fact page, a download it links to, the search index); at the
 * end a complete build clears up what the others left and replaces the output.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputPaths, recoverOutput } from '../../src/node/atomic-output';
import { serveStatic } from '../../src/node/static-server';
import { fixtureDataDir } from '../releases/fixture';
import { builtSite } from '../search/built-site';

const work = path.resolve('.tmp/test-atomic-build');
const paths = outputPaths(path.join(work, 'dist'));
const NEW_SITE = 'https://nieuw.example.nl';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every file of a folder with a hash of its bytes. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, file);
    try {
      files.set(file, createHash('sha1').update(readFileSync(full)).digest('hex'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    }
  }
  return files;
}

/** What differs between two trees, as a short list (empty when they are the same). */
function differences(now: Map<string, string>, before: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, hash] of before) {
    if (!now.has(file)) out.push(`ontbreekt: ${file}`);
    else if (now.get(file) !== hash) out.push(`veranderd: ${file}`);
  }
  for (const file of now.keys()) if (!before.has(file)) out.push(`nieuw: ${file}`);
  return out.slice(0, 20);
}

/** The pages a reader and the search start from, and a download the fact page links to. */
function keyUrls(dir: string): string[] {
  const fact = readFileSync(path.join(dir, 'gemeente/amsterdam/index.html'), 'utf8');
  const download = /href="(\/downloads\/gemeente\/amsterdam\.zip)"/.exec(fact)?.[1];
  if (!download) throw new Error('de feitenpagina van Amsterdam linkt niet naar haar zip');
  return ['/', '/gemeente/amsterdam/', download, '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json'];
}

const fileOf = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1));

/** Serves the output and fetches the key URLs: each must answer 200 with the bytes of `expected`. */
async function expectServable(expected: Map<string, string>): Promise<void> {
  const server = await serveStatic(paths.out);
  try {
    for (const url of keyUrls(paths.out)) {
      const response = await fetch(new URL(url, server.url));
      expect(response.status, url).toBe(200);
      const hash = createHash('sha1').update(Buffer.from(await response.arrayBuffer())).digest('hex');
      expect(hash, url).toBe(expected.get(fileOf(url)));
    }
  } finally {
    await server.close();
  }
}

interface Build {
  child: ChildProcess;
  output(): string;
  ended(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `npm run build` into the test's output folder, in a process group of its own (so it can be killed whole). */
async function startBuild(env: Record<string, string> = {}): Promise<Build> {
  const child = spawn('npm', ['run', 'build', '--', '--outDir', paths.out], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: await fixtureDataDir(),
      BUILD_DATE: '2023-11-20',
      SITE_URL: NEW_SITE,
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      NO_COLOR: '1',
      ...env,
    },
  });
  let output = '';
  let ended = false;
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );
  return { child, output: () => output, ended: () => ended, exited };
}

const running = new Set<number>();

/** Kills the build's whole process group the moment `reached` holds; fails when the build ended before it. */
async function killWhen(label: string, reached: (output: string) => boolean): Promise<string> {
  const build = await startBuild();
  running.add(build.child.pid!);
  const deadline = Date.now() + 240_000;
  while (!reached(build.output())) {
    if (build.ended()) throw new Error(`De build eindigde vóór het moment "${label}":\n${build.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`Het moment "${label}" kwam niet binnen 4 minuten`);
    await sleep(5);
  }
  process.kill(-build.child.pid!, 'SIGKILL');
  await build.exited;
  // The group's other processes (Astro, Pagefind) die with it; wait until none is left.
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-build.child.pid!, 0);
      await sleep(25);
    } catch {
      break;
    }
  }
  running.delete(build.child.pid!);
  return build.output();
}

function countFiles(dir: string, test: (file: string) => boolean): number {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(test).length;
  } catch {
    return 0;
  }
}
const downloadsWritten = () => countFiles(path.join(paths.staging, 'downloads'), (f) => /\.(csv|json|zip)$/.test(f));
const pagesWritten = () => countFiles(paths.staging, (f) => f.endsWith('.html'));
/** Astro lists every page it renders ("├─ /gemeente/…/index.html (+5ms)"). */
// Astro colours its log when it thinks it may (CI=true does): count the page lines without the colour codes.
const pagesListed = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '').split('├─ ').length - 1;

let previous: Map<string, string>;
/** The release checks report beside the previous output; it changes only with the output. */
let previousReport = 'verslag van de vorige build';
const expectReport = (text: string) => expect(readFileSync(paths.report, 'utf8')).toBe(text);

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The previous output: a complete build of the same data (shared with other tests of the run).
  cpSync(await builtSite(), paths.out, { recursive: true });
  previous = tree(paths.out);
  writeFileSync(paths.report, previousReport);
}, 600_000);

afterAll(() => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

describe('npm run build keeps the previous output whole and servable', () => {
  it('when the build fails (no data folder)', async () => {
    const build = await startBuild({ DATA_DIR: path.join(work, 'bestaat-niet') });
    const { code } = await build.exited;
    expect(code).not.toBe(0);
    expect(build.output()).toContain('is niet veranderd');
    expect(existsSync(paths.staging)).toBe(false);
    expect(differences(tree(paths.out), previous)).toEqual([]);
    await expectServable(previous);
    expectReport(previousReport);
  }, 120_000);

  it('when killed as it starts', async () => {
    await killWhen('start', (output) => output.includes('[bouwen] Bouwen in'));
    expect(existsSync(paths.lock)).toBe(true);
    expect(differences(tree(paths.out), previous)).toEqual([]);
    await expectServable(previous);
    expectReport(previousReport);
  }, 240_000);

  it('when killed while the downloads are written', async () => {
    await killWhen('downloads', () => downloadsWritten() > 0);
    // Killed in the act: some downloads and no search index in the unfinished build.
    expect(downloadsWritten()).toBeGreaterThan(0);
    expect(existsSync(path.join(paths.staging, 'pagefind'))).toBe(false);
    expect(differences(tree(paths.out), previous)).toEqual([]);
    await expectServable(previous);
    expectReport(previousReport);
  }, 240_000);

  it('when killed while Astro renders the pages', async () => {
    const output = await killWhen('pagina’s', (text) => pagesListed(text) >= 300);
    expect(output).toContain('generating static routes');
    expect(pagesWritten()).toBeGreaterThan(100);
    expect(existsSync(path.join(paths.staging, 'pagefind'))).toBe(false);
    expect(differences(tree(paths.out), previous)).toEqual([]);
    await expectServable(previous);
    expectReport(previousReport);
  }, 240_000);

  it('when killed while Pagefind writes the search index', async () => {
    const output = await killWhen('zoekindex', () => existsSync(path.join(paths.staging, 'pagefind')));
    // The build had not finished: it was not swapped in.
    expect(existsSync(paths.staging)).toBe(true);
    expect(output).not.toContain('[bouwen] Klaar');
    expect(differences(tree(paths.out), previous)).toEqual([]);
    await expectServable(previous);
    expectReport(previousReport);
  }, 240_000);

  /** A complete build in the staging folder (a copy of the output with another home page), swapped in by a process killed after `step`. */
  function killSwapAfter(step: string): Map<string, string> {
    rmSync(paths.staging, { recursive: true, force: true });
    cpSync(paths.out, paths.staging, { recursive: true });
    writeFileSync(path.join(paths.staging, 'index.html'), `${readFileSync(path.join(paths.out, 'index.html'), 'utf8')}<!-- ${step} -->`);
    const next = tree(paths.staging);
    writeFileSync(paths.stagingReport, `verslag ${step}`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/build/swap-kill.ts', paths.out, step], { encoding: 'utf8' });
    expect(result.signal, `${result.stdout}\n${result.stderr}`).toBe('SIGKILL');
    return next;
  }

  it('when killed in the swap after the new output took its place: the new output is whole, the previous one is cleared', async () => {
    const next = killSwapAfter('nieuwe-op-zijn-plaats');
    expect(differences(tree(paths.out), next)).toEqual([]);
    await expectServable(next);
    expect(differences(tree(paths.previous), previous)).toEqual([]);
    recoverOutput(paths);
    expect(existsSync(paths.previous)).toBe(false);
    // The report moves with its build.
    expectReport((previousReport = 'verslag nieuwe-op-zijn-plaats'));
    previous = next;
  }, 60_000);

  it('when killed in the swap between its two renames: the next build puts the previous output back before it starts', async () => {
    killSwapAfter('vorige-opzij');
    // The one moment without an output folder (a few microseconds in a real swap): the previous one is whole beside it.
    expect(existsSync(paths.out)).toBe(false);
    expect(differences(tree(paths.previous), previous)).toEqual([]);
    expectReport(previousReport);

    const build = await startBuild();
    running.add(build.child.pid!);
    while (!build.output().includes('[bouwen] Bouwen in') && !build.ended()) await sleep(10);
    expect(build.output()).toContain('is teruggezet');
    // While the new build runs, the previous output is back in place, whole and servable.
    expect(differences(tree(paths.out), previous)).toEqual([]);
    await expectServable(previous);

    const { code } = await build.exited;
    running.delete(build.child.pid!);
    expect(code, build.output().slice(-3000)).toBe(0);
    expect(build.output()).toContain('onvoltooide build');
    expect(build.output()).toContain('[bouwen] Klaar');
    // The new build replaced it whole, and nothing is left beside it.
    for (const leftover of [paths.staging, paths.previous, paths.lock]) expect(existsSync(leftover), leftover).toBe(false);
    expect(readFileSync(path.join(paths.out, 'index.html'), 'utf8')).toContain(NEW_SITE);
    await expectServable(tree(paths.out));
    // With the release checks of the new build beside it.
    expect(readFileSync(paths.report, 'utf8')).toMatch(/^# Releasecontrole: /);
    expect(existsSync(paths.stagingReport)).toBe(false);
    expect(build.output()).toContain(`Het hele verslag: ${paths.report}`);
  }, 300_000);
});
