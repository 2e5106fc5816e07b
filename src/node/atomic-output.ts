/**
 * A build output folder that is replaced whole or not at all. `npm run build` (scripts/build.ts) builds into
 * a sibling folder and swaps it into place only when the build completed; until then the previous output
 * stays whole and servable. The folders beside the output `dist`:
 *
 *   dist.new/   the build in progress (Astro's outDir); removed when the build fails or was killed
 *   dist.old/   the previous output, only during the swap; removed right after it
 *   dist.lock/  held while a build runs (owner.json names its processes), so two builds cannot mix
 *   dist.releasecontrole.md   the release checks of the build in dist/ (see src/integrations/validate-data.ts)
 *
 * The swap is two renames (dist → dist.old, dist.new → dist), each atomic on one file system; between
 * them, for a few microseconds, there is no dist/. A build killed at any moment leaves one of these states,
 * and the next build (or `recoverOutput`) puts it right before it starts: dist.old without dist/ goes back,
 * dist.old beside a new dist/ is removed, and dist.new is removed. Node has no renameat2(RENAME_EXCHANGE),
 * which would swap the two folders in one step. Files are not fsynced: this survives a killed process,
 * not a power failure in the seconds after a build.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface OutputPaths {
  out: string;
  staging: string;
  previous: string;
  lock: string;
  /** The release checks report of the build in `out`. */
  report: string;
  /** The report the build in `staging` writes; it moves with the swap. */
  stagingReport: string;
}

/** Where a build writes its release checks report: beside its output folder, never in it (that is published). */
export function releaseReportFile(outDir: string): string {
  return `${path.resolve(outDir).replace(/[\\/]+$/, '')}.releasecontrole.md`;
}

/** Set by scripts/build.ts for the Astro build in the staging folder: the output folder it will replace. */
export const FINAL_OUT_DIR_ENV = 'JEUGDZORG_FINAL_OUT_DIR';

export function outputPaths(outDir: string): OutputPaths {
  const out = path.resolve(outDir).replace(/[\\/]+$/, '');
  const staging = `${out}.new`;
  return {
    out,
    staging,
    previous: `${out}.old`,
    lock: `${out}.lock`,
    report: releaseReportFile(out),
    stagingReport: releaseReportFile(staging),
  };
}

/** Files a complete build of this site has; a build without them is not swapped in. */
export const REQUIRED_FILES = ['index.html', 'pagefind/pagefind.js'] as const;

export class OutputLockedError extends Error {}

interface LockOwner {
  pids: number[];
  started: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lock: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path.join(lock, 'owner.json'), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function writeOwner(lock: string, owner: LockOwner): void {
  const file = path.join(lock, 'owner.json');
  writeFileSync(`${file}.tmp`, JSON.stringify(owner));
  renameSync(`${file}.tmp`, file);
}

export interface OutputLock {
  /** Records another process of the build (the Astro process), so a later build waits for it too. */
  addProcess(pid: number): void;
  release(): void;
}

/**
 * Takes the lock of an output folder. A lock whose processes are all gone was left by a killed build and
 * is taken over; a live one is an error that names the process.
 */
export function lockOutput(paths: OutputPaths): OutputLock {
  mkdirSync(path.dirname(paths.lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(paths.lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockedError(paths);
      const owner = readOwner(paths.lock);
      const alive = owner?.pids.filter(isAlive) ?? [];
      if (alive.length > 0) throw lockedError(paths, alive);
      rmSync(paths.lock, { recursive: true, force: true });
    }
  }
  const owner: LockOwner = { pids: [process.pid], started: new Date().toISOString() };
  writeOwner(paths.lock, owner);
  return {
    addProcess(pid) {
      owner.pids.push(pid);
      writeOwner(paths.lock, owner);
    },
    release() {
      rmSync(paths.lock, { recursive: true, force: true });
    },
  };
}

function lockedError(paths: OutputPaths, pids: number[] = []): OutputLockedError {
  const who = pids.length > 0 ? ` (proces ${pids.join(', ')})` : '';
  return new OutputLockedError(
    `Er loopt al een build naar ${paths.out}${who}. Wacht tot die klaar is of stop hem; ${paths.lock} wordt daarna vanzelf opgeruimd.`,
  );
}

/**
 * Puts the output folder right after a build that was killed or failed, and says what it did (nothing
 * when all is well). Call it while holding the lock.
 */
export function recoverOutput(paths: OutputPaths): string[] {
  const done: string[] = [];
  if (existsSync(paths.previous)) {
    if (!existsSync(paths.out)) {
      // Killed between the two renames of the swap: the previous output goes back.
      renameSync(paths.previous, paths.out);
      done.push(`De vorige build stond nog in ${paths.previous} (een build werd tijdens het wisselen gestopt) en is teruggezet naar ${paths.out}.`);
    } else {
      // Killed after the new output was in place: finish the swap.
      if (existsSync(paths.stagingReport) && !existsSync(paths.staging)) renameSync(paths.stagingReport, paths.report);
      rmSync(paths.previous, { recursive: true, force: true });
      done.push(`De overgebleven vorige build ${paths.previous} is verwijderd.`);
    }
  }
  if (existsSync(paths.staging)) {
    rmSync(paths.staging, { recursive: true, force: true });
    done.push(`Een onvoltooide build in ${paths.staging} is verwijderd.`);
  }
  rmSync(paths.stagingReport, { force: true });
  return done;
}

/** Removes what a failed build left beside the output; the output itself is not touched. */
export function discardStaging(paths: OutputPaths): void {
  rmSync(paths.staging, { recursive: true, force: true });
  rmSync(paths.stagingReport, { force: true });
}

/** The required files a build in `dir` lacks. */
export function missingFiles(dir: string): string[] {
  return REQUIRED_FILES.filter((file) => !existsSync(path.join(dir, file)));
}

/** The steps of a swap, for tests that stop a swap half-way. */
export type SwapStep = 'vorige-opzij' | 'nieuwe-op-zijn-plaats' | 'verslag-op-zijn-plaats' | 'vorige-verwijderd';

/**
 * Replaces the output by the completed build in `staging`: output → previous, staging → output, its report
 * beside it, then the previous output is removed. Synchronous, so no signal handler runs in between.
 */
export function swapIntoPlace(paths: OutputPaths, afterStep?: (step: SwapStep) => void): void {
  const hadOutput = existsSync(paths.out);
  if (hadOutput) renameSync(paths.out, paths.previous);
  afterStep?.('vorige-opzij');
  try {
    renameSync(paths.staging, paths.out);
  } catch (error) {
    if (hadOutput) renameSync(paths.previous, paths.out);
    throw error;
  }
  afterStep?.('nieuwe-op-zijn-plaats');
  if (existsSync(paths.stagingReport)) renameSync(paths.stagingReport, paths.report);
  else rmSync(paths.report, { force: true });
  afterStep?.('verslag-op-zijn-plaats');
  syncDirectory(path.dirname(paths.out));
  rmSync(paths.previous, { recursive: true, force: true });
  afterStep?.('vorige-verwijderd');
}

/** Makes the renames in a folder durable (best effort: not every platform can fsync a directory). */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; the renames are still atomic.
  }
}
