/**
 * The release checks of a data folder without a build (the build runs them too, see
 * src/integrations/validate-data.ts): the current release against the previous one.
 *
 *   tsx scripts/release-checks.ts [--data <dir>] [--out <file.md>] [--factor 2] [--minimum 100] [--strict]
 *
 * Prints the summary; the whole report goes to --out, or to the screen without it. --strict exits with 1
 * when there are findings (for a script that must stop before publishing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataError } from '../src/lib/data/errors';
import { checkRelease, DEFAULT_RELEASE_CHECK_OPTIONS, formatReleaseReport, summariseReleaseChecks } from '../src/lib/releases/release-checks';
import { dataDir } from '../src/node/project-paths';
import { getSiteData } from '../src/node/site-data';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    factor: { type: 'string', default: String(DEFAULT_RELEASE_CHECK_OPTIONS.jumpFactor) },
    minimum: { type: 'string', default: String(DEFAULT_RELEASE_CHECK_OPTIONS.jumpMinimum) },
    strict: { type: 'boolean', default: false },
  },
});

const jumpFactor = Number(values.factor);
const jumpMinimum = Number(values.minimum);
if (!(jumpFactor > 1) || !(jumpMinimum >= 0)) {
  console.error('--factor verwacht een getal groter dan 1 en --minimum een getal van 0 of meer');
  process.exit(2);
}

try {
  const data = await getSiteData(values.data ? path.resolve(values.data) : dataDir());
  const result = checkRelease(data.store, data.register, { jumpFactor, jumpMinimum });
  const report = formatReleaseReport(result, data.dir);
  console.log(summariseReleaseChecks(result).join('\n'));
  if (values.out) {
    mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    writeFileSync(values.out, report);
    console.log(`Het hele verslag: ${path.resolve(values.out)}`);
  } else if (result.findings.length > 0) {
    console.log(`\n${report}`);
  }
  process.exit(values.strict && result.findings.length > 0 ? 1 : 0);
} catch (error) {
  if (error instanceof DataError) {
    console.error(`De datamap is niet in orde.\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
