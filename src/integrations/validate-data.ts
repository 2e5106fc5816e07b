import type { AstroIntegration } from 'astro';
import { DataError } from '../lib/data/errors';
import { dataDir } from '../node/project-paths';
import { getSiteData } from '../node/site-data';

/**
 * Reads and checks the data folder before Astro writes anything, so a broken data folder stops the build
 * with one message naming file, line and field, and no half-written dist/.
 */
export default function validateData(): AstroIntegration {
  return {
    name: 'jeugdzorg:validate-data',
    hooks: {
      'astro:config:setup': async ({ logger, command }) => {
        if (command !== 'build') return;
        const dir = dataDir();
        logger.info(`Gegevens lezen uit ${dir}`);
        const started = Date.now();
        try {
          const data = await getSiteData(dir);
          const rows = data.datasets.reduce((n, d) => n + d.original.rows.length, 0);
          logger.info(`${data.datasets.length} datasets, ${rows.toLocaleString('nl-NL')} regels gelezen in ${Date.now() - started} ms`);
        } catch (error) {
          if (error instanceof DataError) {
            logger.error(`De datamap is niet in orde; er is niets gebouwd.\n${error.message}`);
            // Exit here: Astro would otherwise print a stack trace that hides the one line that matters.
            process.exit(1);
          }
          throw error;
        }
      },
    },
  };
}
