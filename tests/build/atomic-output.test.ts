/**
 * The output folder of `npm run build` is replaced whole or not at all (src/node/atomic-output.ts): the lock,
 * the swap and the recovery from every state a killed build can leave, on small folders. The real build,
 * killed at several moments, is tests/build/atomic-build.test.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  discardStaging,
  lockOutput,
  missingFiles,
  OutputLockedError,
  outputPaths,
  recoverOutput,
  releaseReportFile,
  swapIntoPlace,
  type SwapStep,
} from '../../src/node/atomic-output';
import { splitOptions } from '../../scripts/build';

const work = path.resolve('.tmp/test-atomic-output');
const paths = outputPaths(path.join(work, 'dist'));

function site(dir: string, marker: string): void {
  mkdirSync(path.join(dir, 'pagefind'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>${marker}</title>`);
  writeFileSync(path.join(dir, 'pagefind', 'pagefind.js'), `// ${marker}`);
}
const home = (dir: string) => readFileSync(path.join(dir, 'index.html'), 'utf8');

beforeEach(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('the folders beside the output', () => {
  it('are siblings of the output folder, whatever way it is written', () => {
    expect(outputPaths('.tmp/x/dist/')).toEqual(outputPaths(path.resolve('.tmp/x/dist')));
    const p = outputPaths('/srv/site');
    expect(p).toMatchObject({ out: '/srv/site', staging: '/srv/site.new', previous: '/srv/site.old', lock: '/srv/site.lock' });
    expect(p.report).toBe('/srv/site.releasecontrole.md');
    expect(p.stagingReport).toBe(releaseReportFile('/srv/site.new'));
  });

  it('takes --outDir and --root from the options and passes the rest on to Astro', () => {
    expect(splitOptions(['--outDir', 'x', '--site', 'https://a.nl'])).toEqual({ outDir: 'x', rest: ['--site', 'https://a.nl'] });
    expect(splitOptions(['--outDir=x', '--root=r', '--verbose'])).toEqual({ outDir: 'x', root: 'r', rest: ['--root', 'r', '--verbose'] });
    expect(() => splitOptions(['--outDir'])).toThrow('--outDir verwacht een map');
  });
});

describe('the lock', () => {
  it('keeps a second build out while the first runs, naming its process', () => {
    const lock = lockOutput(paths);
    expect(() => lockOutput(paths)).toThrow(OutputLockedError);
    expect(() => lockOutput(paths)).toThrow(`(proces ${process.pid})`);
    lock.release();
    lockOutput(paths).release();
    expect(existsSync(paths.lock)).toBe(false);
  });

  it('is taken over when every process of the build that held it is gone', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    const pid = gone.pid!;
    await new Promise((resolve) => gone.on('exit', resolve));
    mkdirSync(paths.lock);
    writeFileSync(path.join(paths.lock, 'owner.json'), JSON.stringify({ pids: [pid], started: '' }));
    lockOutput(paths).release();
    // A lock folder without its owner (killed right after making it) is stale too.
    mkdirSync(paths.lock);
    lockOutput(paths).release();
  });

  it('waits for the Astro process of a build whose wrapper was killed', () => {
    const lock = lockOutput(paths);
    lock.addProcess(process.pid);
    const owner = JSON.parse(readFileSync(path.join(paths.lock, 'owner.json'), 'utf8')) as { pids: number[] };
    expect(owner.pids).toEqual([process.pid, process.pid]);
    lock.release();
  });
});

describe('the swap', () => {
  it('replaces the output and its report, and leaves nothing beside them', () => {
    site(paths.out, 'oud');
    writeFileSync(paths.report, 'oud verslag');
    site(paths.staging, 'nieuw');
    writeFileSync(paths.stagingReport, 'nieuw verslag');
    expect(missingFiles(paths.staging)).toEqual([]);
    swapIntoPlace(paths);
    expect(home(paths.out)).toContain('nieuw');
    expect(readFileSync(paths.report, 'utf8')).toBe('nieuw verslag');
    for (const leftover of [paths.staging, paths.previous, paths.stagingReport]) expect(existsSync(leftover)).toBe(false);
  });

  it('makes the first output when there was none, and drops a report the new build did not write', () => {
    writeFileSync(paths.report, 'verslag van een oudere build');
    site(paths.staging, 'eerste');
    swapIntoPlace(paths);
    expect(home(paths.out)).toContain('eerste');
    expect(existsSync(paths.report)).toBe(false);
  });

  it('names what an incomplete build lacks', () => {
    mkdirSync(paths.staging, { recursive: true });
    writeFileSync(path.join(paths.staging, 'index.html'), '');
    expect(missingFiles(paths.staging)).toEqual(['pagefind/pagefind.js']);
  });

  it('discards a failed build without touching the output', () => {
    site(paths.out, 'oud');
    site(paths.staging, 'half');
    writeFileSync(paths.stagingReport, 'x');
    discardStaging(paths);
    expect(home(paths.out)).toContain('oud');
    expect(existsSync(paths.staging) || existsSync(paths.stagingReport)).toBe(false);
  });
});

describe('recovery from a build stopped at any step', () => {
  it('does nothing when all is well', () => {
    site(paths.out, 'oud');
    expect(recoverOutput(paths)).toEqual([]);
    expect(home(paths.out)).toContain('oud');
  });

  it('removes an unfinished build', () => {
    site(paths.out, 'oud');
    site(paths.staging, 'half');
    writeFileSync(paths.stagingReport, 'x');
    expect(recoverOutput(paths)).toEqual([`Een onvoltooide build in ${paths.staging} is verwijderd.`]);
    expect(home(paths.out)).toContain('oud');
    expect(existsSync(paths.stagingReport)).toBe(false);
  });

  const outcomes: Record<SwapStep, string> = {
    'vorige-opzij': 'oud',
    'nieuwe-op-zijn-plaats': 'nieuw',
    'verslag-op-zijn-plaats': 'nieuw',
    'vorige-verwijderd': 'nieuw',
  };
  for (const [step, expected] of Object.entries(outcomes) as Array<[SwapStep, string]>) {
    it(`after the swap stopped at "${step}", the output is whole: the ${expected === 'oud' ? 'previous' : 'new'} build, with its own report`, () => {
      site(paths.out, 'oud');
      writeFileSync(paths.report, 'oud verslag');
      site(paths.staging, 'nieuw');
      writeFileSync(paths.stagingReport, 'nieuw verslag');
      const stop = new Error('gestopt');
      expect(() =>
        swapIntoPlace(paths, (s) => {
          if (s === step) throw stop;
        }),
      ).toThrow(stop);
      recoverOutput(paths);
      expect(home(paths.out)).toContain(expected);
      expect(readFileSync(paths.report, 'utf8')).toBe(`${expected} verslag`);
      for (const leftover of [paths.staging, paths.previous, paths.stagingReport]) expect(existsSync(leftover)).toBe(false);
    });
  }
});
