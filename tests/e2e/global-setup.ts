import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from '../../src/node/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

let server: StaticServer | undefined;

/** Builds the site once (unless E2E_DIST points at a build) and serves it for all browser tests. */
export async function setup(project: TestProject): Promise<void> {
  let dist = process.env.E2E_DIST;
  if (!dist) {
    dist = path.resolve('.tmp/e2e-dist');
    console.log(`Site bouwen voor de browsertests in ${dist} …`);
    const started = Date.now();
    const result = spawnSync('npx', ['astro', 'build', '--outDir', dist], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ASTRO_CACHE_DIR: path.resolve('.tmp/e2e-cache'), BUILD_DATE: process.env.BUILD_DATE ?? '2026-11-22' },
    });
    if (result.status !== 0) throw new Error(`De build voor de browsertests is mislukt (exitcode ${result.status})`);
    console.log(`Gebouwd in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`Geen gebouwde site in ${dist}`);
  server = await serveStatic(dist, { gzip: true });
  project.provide('baseUrl', server.url);
  project.provide('distDir', dist);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
