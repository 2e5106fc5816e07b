/**
 * `npm run build` reading a broken data folder: one message naming file, line and column, a non-zero exit,
 * and nothing written — an earlier good build in the output folder stays as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataDir } from '../../src/node/datastore-fs';
import { smallData } from '../fixtures/small-data';

const work = path.resolve('.tmp/test-broken-build');
const data = path.join(work, 'data');
const out = path.join(work, 'dist');

function build(): { status: number | null; output: string } {
  const result = spawnSync('npx', ['astro', 'build', '--outDir', out], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: data, ASTRO_CACHE_DIR: path.join(work, 'cache') },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await writeDataDir(data, smallData());
  // An earlier good build, represented by one file that must survive.
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'index.html'), '<!doctype html><title>eerdere build</title>');
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('building from a broken data folder', () => {
  it('stops before writing anything, with the file, line and column of the problem', async () => {
    const file = path.join(data, 'jeugdhulp', 'observations.csv');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('GM0457,2022HJ02,T001,300', 'GM0457,2022HJ02,T001,drie'));
    const { status, output } = build();
    expect(status).not.toBe(0);
    expect(output).toContain(`${file}, regel 4: kolom "jongeren_jeugdhulp": een getal met decimale punt, of een teken: ".", "x", "-" of leeg (gevonden: "drie")`);
    expect(output).toContain('er is niets gebouwd');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('<!doctype html><title>eerdere build</title>');
    expect(existsSync(path.join(out, 'gemeenten'))).toBe(false);
  }, 120_000);

  it('names a data folder that is not there', () => {
    const saved = data;
    const { status, output } = spawnSync('npx', ['astro', 'build', '--outDir', out], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: path.join(saved, 'bestaat-niet'), ASTRO_CACHE_DIR: path.join(work, 'cache') },
      timeout: 120_000,
    }) as unknown as { status: number; output: string[] };
    expect(status).not.toBe(0);
    expect(output.join('\n')).toContain('bestaat-niet: een datamap');
  }, 120_000);
});
