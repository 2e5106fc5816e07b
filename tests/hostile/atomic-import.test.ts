/**
 * An import killed at any moment of replacing the data folder leaves the previous data whole: the issue found
 * that one killed between its two renames left no data/ at all, and the next import silently started a new
 * folder without the earlier datasets. Here a real import (runImport, in a child process) kills itself with
 * SIGKILL before, between and after the renames (tests/hostile/fixtures/die-while-importing.ts); then the
 * build's loader and the next import must find the earlier datasets, and nothing may be left beside data/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataDir } from '../../src/node/datastore-fs';
import { importQuietly, removeDir, snapshot, tempDir } from '../import/helpers';
import { statlineText } from './helpers';

const SCRIPT = path.resolve('tests/hostile/fixtures/die-while-importing.ts');

let tmp: string;
let out: string;
beforeEach(async () => {
  tmp = await tempDir('hostile-atomic-');
  out = path.join(tmp, 'data');
});
afterEach(async () => removeDir(tmp));

async function file(name: string): Promise<string> {
  const full = path.join(tmp, name);
  await (await import('node:fs/promises')).writeFile(full, statlineText());
  return full;
}

/** Imports `inputs` in a child process that kills itself at `moment`; asserts it died. */
async function importAndDie(moment: string, inputs: string[]): Promise<void> {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, moment, out, '2023-04-28', ...inputs], { encoding: 'utf8', timeout: 60_000 });
  expect(result.stdout).not.toContain('klaar zonder te sterven');
  expect(result.signal, result.stderr).toBe('SIGKILL');
}

async function beside(): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => name.startsWith('data.')).map((name) => name.replace(/-\d+-\d+$/, '-…'));
}

async function datasetsOf(dir: string): Promise<string[]> {
  return (await readDataDir(dir)).catalog.datasets;
}

describe('an import killed while it replaces the data folder', () => {
  it('between its two renames: the loader puts the previous folder back, whole', async () => {
    await importQuietly({ inputs: [await file('eerste.csv')], out });
    const before = await snapshot(out);
    await importAndDie('rename:2', [await file('tweede.csv')]);
    // What the kill left: no data folder, the old one and the new one beside it.
    expect(existsSync(out)).toBe(false);
    expect((await beside()).sort()).toEqual(['data.old-…', 'data.tmp-…']);
    // The build's loader restores the folder of before the killed import.
    expect(await datasetsOf(out)).toEqual(['eerste']);
    expect(await snapshot(out)).toEqual(before);
  });

  it('between its two renames: the next import starts from the previous folder, not from nothing', async () => {
    await importQuietly({ inputs: [await file('eerste.csv')], out });
    await importAndDie('rename:2', [await file('tweede.csv')]);
    expect(existsSync(out)).toBe(false);
    const progress: string[] = [];
    await importQuietly({ inputs: [await file('derde.csv')], out, progress: (m) => progress.push(m) });
    expect(await datasetsOf(out)).toEqual(['eerste', 'derde']);
    expect(progress.some((m) => m.includes('de datamap van vóór die import is teruggezet'))).toBe(true);
    expect(await beside()).toEqual([]);
  });

  it('before its first rename: the previous folder stays, the unfinished one is cleared by the next import', async () => {
    await importQuietly({ inputs: [await file('eerste.csv')], out });
    const before = await snapshot(out);
    await importAndDie('rename:1', [await file('tweede.csv')]);
    expect(await snapshot(out)).toEqual(before);
    expect(await beside()).toEqual(['data.tmp-…']);
    await importQuietly({ inputs: [await file('derde.csv')], out });
    expect(await datasetsOf(out)).toEqual(['eerste', 'derde']);
    expect(await beside()).toEqual([]);
  });

  it('after the swap, before the old folder is removed: the new folder is whole and the old one is cleared', async () => {
    await importQuietly({ inputs: [await file('eerste.csv')], out });
    await importAndDie('rm-old', [await file('tweede.csv')]);
    expect(await datasetsOf(out)).toEqual(['eerste', 'tweede']);
    expect(await beside()).toEqual(['data.old-…']);
    await importQuietly({ inputs: [await file('derde.csv')], out });
    expect(await datasetsOf(out)).toEqual(['eerste', 'tweede', 'derde']);
    expect(await beside()).toEqual([]);
  });

  it('the very first import killed before its only rename leaves nothing, and the next one starts cleanly', async () => {
    await importAndDie('rename:1', [await file('eerste.csv')]);
    expect(existsSync(out)).toBe(false);
    await importQuietly({ inputs: [await file('tweede.csv')], out });
    expect(await datasetsOf(out)).toEqual(['tweede']);
    expect(await beside()).toEqual([]);
  });
});
