/**
 * Kills itself (SIGKILL, as the OOM killer or `kill -9` would) in the middle of a swap, after the given step,
 * so tests/build/atomic-build.test.ts can check what the next build finds.
 *   tsx tests/build/swap-kill.ts <outDir> <step>
 */
import { outputPaths, swapIntoPlace, type SwapStep } from '../../src/node/atomic-output';

const [outDir, step] = process.argv.slice(2) as [string, SwapStep];
swapIntoPlace(outputPaths(outDir), (done) => {
  if (done === step) process.kill(process.pid, 'SIGKILL');
});
console.error(`de wissel is niet gestopt na "${step}"`);
process.exit(1);
