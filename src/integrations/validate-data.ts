import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from '../lib/data/errors';
import { disclosureLogLine } from '../lib/disclosure/summary';
import { countWords } from '../lib/format/number';
import { checkRelease, formatReleaseReport, summariseReleaseChecks, type ReleaseCheckResult } from '../lib/releases/release-checks';
import { FINAL_OUT_DIR_ENV, releaseReportFile } from '../node/atomic-output';
import { dataDir } from '../node/project-paths';
import { getSiteData, type SiteData } from '../node/site-data';

/**
 * Reads and checks the data folder before Astro writes anything, so a broken data folder stops the build
 * with one message naming file, line and field, and no half-written dist/.
 *
 * Then it checks the current release against the previous one (src/lib/releases/release-checks.ts:
 * gemeenten gone without a herindeling, jumps, totals that do not match their parts). Those findings do not
 * stop the build: a summary goes to the log as a warning, and every finding to a report beside the output
 * folder (dist.releasecontrole.md; `npm run build` swaps it in with dist/), for the publisher to read before
 * publishing.
 */
export default function validateData(): AstroIntegration {
  let summary: string | undefined;
  return {
    name: 'jeugdzorg:validate-data',
    hooks: {
      'astro:config:setup': async ({ logger, command, config }) => {
        if (command !== 'build') return;
        const dir = dataDir();
        logger.info(`Gegevens lezen uit ${dir}`);
        const started = Date.now();
        let data: SiteData;
        try {
          data = await getSiteData(dir);
          const rows = data.datasets.reduce((n, d) => n + d.original.rows.length, 0);
          logger.info(`${data.datasets.length} datasets, ${rows.toLocaleString('nl-NL')} regels gelezen in ${Date.now() - started} ms`);
          const disclosure = disclosureLogLine(data.disclosure);
          logger[disclosure.level](disclosure.text);
        } catch (error) {
          if (error instanceof DataError) {
            logger.error(`De datamap is niet in orde; er is niets gebouwd.\n${error.message}`);
            // Exit here: Astro would otherwise print a stack trace that hides the one line that matters.
            process.exit(1);
          }
          throw error;
        }
        // Under `npm run build` Astro builds into dist.new/; the report goes beside it and moves with it to dist/.
        const finalOutDir = process.env[FINAL_OUT_DIR_ENV];
        const reportFile = releaseReportFile(fileURLToPath(config.outDir));
        summary = reportReleaseChecks(data, reportFile, finalOutDir ? releaseReportFile(finalOutDir) : reportFile, logger);
      },
      'astro:build:done': ({ logger }) => {
        // Once more at the end, where it is seen.
        if (summary) logger.warn(summary);
      },
    },
  };
}

/** Runs the release checks, logs their summary and writes the report; returns a line for the end of the build. */
function reportReleaseChecks(data: SiteData, reportFile: string, shownAs: string, logger: AstroIntegrationLogger): string | undefined {
  const started = Date.now();
  let result: ReleaseCheckResult;
  try {
    result = checkRelease(data.store, data.register);
  } catch (error) {
    // The checks advise the publisher; a fault in them must not stop a build of good data.
    logger.warn(`De releasecontrole is mislukt: ${error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  }
  const lines = summariseReleaseChecks(result);
  try {
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(`${reportFile}.tmp`, formatReleaseReport(result, data.dir));
    renameSync(`${reportFile}.tmp`, reportFile);
    lines.push(`  Het hele verslag: ${shownAs} (${Date.now() - started} ms)`);
  } catch (error) {
    lines.push(`  Het verslag kon niet worden geschreven naar ${reportFile}: ${String(error)}`);
  }
  if (result.findings.length === 0) {
    logger.info(lines.join('\n'));
    return undefined;
  }
  logger.warn(lines.join('\n'));
  return `Releasecontrole: ${countWords(result.findings.length, 'bevinding', 'bevindingen')} om na te kijken vóór publicatie, zie ${shownAs}`;
}
