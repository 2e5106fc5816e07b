/**
 * A built site for the tests that need one (search in the browser, downloads against pages): the real Astro
 * build with the Pagefind integration, over the release fixture data, built once and shared by the test
 * files of a run (a lock folder keeps two workers from building at once). Set BUILT_SITE to use an existing
 * build instead. The build goes inside the project (.tmp/), because Astro writes its server chunks to
 * ./.astro/ when the output folder is outside the project, where parallel builds would overwrite them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureDataDir } from '../releases/fixture';

/** A key of the site's sources (src/, content/, astro.config.mjs): a build of other sources is another build. */
export function sourceKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${full}:${statSync(full).size}:${statSync(full).mtimeMs}\n`);
    }
  };
  for (const dir of ['src', 'content']) if (existsSync(dir)) walk(dir);
  hash.update(String(statSync('astro.config.mjs').mtimeMs));
  return hash.digest('hex').slice(0, 12);
}

/** Builds of earlier sources (other keys) that no run has used for an hour. */
function removeStaleBuilds(keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync('.tmp')) {
    const match = /^(test-site-[0-9a-f]+)\.done$/.exec(name);
    if (!match || match[1] === keep || statSync(path.join('.tmp', name)).mtimeMs > hourAgo) continue;
    for (const suffix of ['', '.cache', '.done']) rmSync(path.join('.tmp', `${match[1]}${suffix}`), { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function builtSite(): Promise<string> {
  if (process.env.BUILT_SITE) return path.resolve(process.env.BUILT_SITE);
  const dist = path.resolve('.tmp', `test-site-${sourceKey()}`);
  const done = `${dist}.done`;
  const lock = `${dist}.lock`;
  mkdirSync(path.dirname(dist), { recursive: true });
  for (;;) {
    if (existsSync(done)) return dist;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than ten minutes was left by a crashed run.
      if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
    }
  }
  try {
    if (existsSync(done)) return dist;
    removeStaleBuilds(path.basename(dist));
    const result = spawnSync('npx', ['astro', 'build', '--outDir', dist], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: await fixtureDataDir(), BUILD_DATE: '2023-11-20', ASTRO_CACHE_DIR: `${dist}.cache` },
    });
    if (result.status !== 0) throw new Error(`De testbuild is mislukt:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    writeFileSync(done, new Date().toISOString());
    return dist;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
