import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { getSiteData } from '../node/site-data';
import { aliasRecords, measureRecords, wijkRecords, SEARCH_LANGUAGE, type SearchRecord } from '../lib/search/records';

/**
 * Builds the Pagefind search index after the build, over the written HTML (the pages mark their content
 * with data-pagefind-body and carry their filters and key figure) plus custom records for wijken and
 * measures, which have no page of their own, and for everyday names of gemeenten ("Den Haag"). The index
 * lands in <outDir>/pagefind/ and is only fetched when someone searches (src/client/search.ts).
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'jeugdzorg:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const data = await getSiteData();
        await buildSearchIndex(fileURLToPath(dir), [...wijkRecords(data), ...measureRecords(data), ...aliasRecords(data)], logger);
      },
    },
  };
}

/** Indexes a built site plus custom records into `<siteDir>/pagefind/`. Exported for the tests. */
export async function buildSearchIndex(
  siteDir: string,
  records: readonly SearchRecord[],
  logger: Pick<AstroIntegrationLogger, 'info' | 'error'>,
): Promise<{ pages: number; records: number }> {
  const started = performance.now();
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }), 'createIndex', logger);
    if (!index) throw new Error('Pagefind gaf geen index terug');
    const glob = searchablePagesGlob(siteDir);
    const { page_count } = check(await index.addDirectory({ path: siteDir, ...(glob ? { glob } : {}) }), 'addDirectory', logger);
    for (const record of records) check(await index.addCustomRecord(record), `addCustomRecord ${record.url}`, logger);
    check(await index.writeFiles({ outputPath: `${siteDir.replace(/\/$/, '')}/pagefind` }), 'writeFiles', logger);
    logger.info(`Zoekindex: ${page_count} pagina's en ${records.length} extra records in ${Math.round(performance.now() - started)} ms`);
    return { pages: page_count, records: records.length };
  } catch (cause) {
    throw new Error('De zoekindex (Pagefind) kon niet worden gebouwd', { cause });
  } finally {
    await pagefind.close();
  }
}

/** The attribute that marks what Pagefind indexes (set by src/layouts/Base.astro). */
const BODY_MARKER = Buffer.from('data-pagefind-body');

/**
 * A glob of exactly the pages that have a data-pagefind-body. Pagefind would otherwise parse every HTML file
 * to find them, embeds and maps and redirects included (two thirds of the files), which took it twice as
 * long; the index it writes is the same. Without any such page Pagefind indexes every page: no glob then.
 */
export function searchablePagesGlob(siteDir: string): string | undefined {
  const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && readFileSync(path.join(siteDir, file)).includes(BODY_MARKER))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
  if (pages.length === 0) return undefined;
  // Pagefind's globs (the wax crate) take a backslash before a character that would otherwise be syntax.
  const escape = (file: string) => file.replace(/[\\{}[\]<>*?,:!()]/g, (c) => `\\${c}`);
  return `{${pages.map(escape).join(',')}}`;
}

function check<T extends { errors: string[] }>(response: T, step: string, logger: Pick<AstroIntegrationLogger, 'error'>): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind (${step}): ${error}`);
    throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
  }
  return response;
}
