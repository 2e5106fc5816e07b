/**
 * `npm run build`: `astro build`, but the output folder is replaced whole or not at all. Astro builds into a
 * sibling folder (dist.new/), which replaces dist/ only when the build completed; a failure, Ctrl-C or a
 * kill at any moment leaves the previous dist/ whole and servable (src/node/atomic-output.ts).
 *
 *   node --import tsx scripts/build.ts [astro build options]   e.g. --outDir .tmp/site, --site https://…, --verbose
 *
 * Every option goes to `astro build`; --outDir (and --root) also tell this wrapper which folder to replace
 * (default dist/ in the project; an outDir set in astro.config.mjs is not seen here: pass it as --outDir).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  discardStaging,
  FINAL_OUT_DIR_ENV,
  lockOutput,
  missingFiles,
  OutputLockedError,
  outputPaths,
  recoverOutput,
  swapIntoPlace,
  type OutputLock,
  type OutputPaths,
} from '../src/node/atomic-output';
import { BUILD_NODE_OPTIONS } from '../src/node/build-flags';

const ASTRO = fileURLToPath(new URL('../node_modules/astro/astro.js', import.meta.url));
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SIGNAL_NUMBER: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

const say = (text: string) => console.log(`[bouwen] ${text}`);

/** Takes --outDir and --root out of the options (both spellings: `--outDir x` and `--outDir=x`). */
export function splitOptions(args: readonly string[]): { outDir?: string; root?: string; rest: string[] } {
  const rest: string[] = [];
  const found: { outDir?: string; root?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--(outDir|root)(?:=(.*))?$/.exec(args[i]!);
    if (!match) {
      rest.push(args[i]!);
      continue;
    }
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new Error(`--${match[1]} verwacht een map`);
    found[match[1] as 'outDir' | 'root'] = value;
    // --root also goes to Astro; --outDir is replaced by the staging folder.
    if (match[1] === 'root') rest.push('--root', value);
  }
  return { ...found, rest };
}

function runAstro(args: string[], paths: OutputPaths, lock: OutputLock): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // The build names the output folder it will be swapped into (its release checks report moves with it).
    const env = { ...process.env, [FINAL_OUT_DIR_ENV]: paths.out };
    const child = spawn(process.execPath, [...BUILD_NODE_OPTIONS, ASTRO, 'build', ...args], { stdio: 'inherit', env });
    if (child.pid !== undefined) lock.addProcess(child.pid);
    // The child is in our process group, so a Ctrl-C reaches it too; a signal sent to this process alone
    // is passed on, and this process waits for Astro to stop before it clears up.
    for (const signal of SIGNALS) process.on(signal, () => child.kill(signal));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    const { code } = await new Promise<{ code: number | null }>((resolve) =>
      spawn(process.execPath, [ASTRO, 'build', ...args], { stdio: 'inherit' }).on('exit', (code) => resolve({ code })),
    );
    return code ?? 1;
  }
  const { outDir, root, rest } = splitOptions(args);
  const base = path.resolve(root ?? '.');
  const paths = outputPaths(path.resolve(base, outDir ?? 'dist'));

  let lock: OutputLock;
  try {
    lock = lockOutput(paths);
  } catch (error) {
    if (error instanceof OutputLockedError) {
      console.error(`[bouwen] ${error.message}`);
      return 1;
    }
    throw error;
  }
  let interrupted: NodeJS.Signals | undefined;
  for (const signal of SIGNALS) process.on(signal, () => (interrupted = signal));
  try {
    for (const line of recoverOutput(paths)) say(line);
    say(`Bouwen in ${paths.staging}; ${paths.out} blijft tot het einde zoals het is.`);
    const { code, signal } = await runAstro([...rest, '--outDir', paths.staging], paths, lock);
    const stoppedBy = signal ?? interrupted;
    if (code !== 0 || stoppedBy) {
      discardStaging(paths);
      say(`De build is niet voltooid${stoppedBy ? ` (gestopt met ${stoppedBy})` : ''}; ${paths.out} is niet veranderd.`);
      return code !== null && code !== 0 ? code : 128 + (SIGNAL_NUMBER[stoppedBy as keyof typeof SIGNAL_NUMBER] ?? 1);
    }
    const missing = missingFiles(paths.staging);
    if (missing.length > 0) {
      discardStaging(paths);
      say(`De build mist ${missing.join(', ')}; ${paths.out} is niet veranderd.`);
      return 1;
    }
    swapIntoPlace(paths);
    say(`Klaar: ${paths.out} bevat de nieuwe build${existsSync(paths.report) ? `; de releasecontrole staat in ${paths.report}` : ''}.`);
    return 0;
  } finally {
    lock.release();
  }
}

// Only as a script: the tests import splitOptions.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
