import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { getSiteData } from '../node/site-data';
import { aliasRecords, measureRecords, wijkRecords, SEARCH_LANGUAGE, type SearchRecord } from '../lib/search/records';

/**
 * Builds the Pagefind search index over the written HTML (the pages mark their content with
 * data-pagefind-body and carry their filters and key figure) plus custom records for wijken and measures,
 * which have no page of their own, and for everyday names of gemeenten ("Den Haag"). Pagefind runs as a
 * process of its own: it starts with the build and takes the custom records while Astro renders the pages,
 * and indexes the pages once they are written. The index lands in <outDir>/pagefind/ and is only fetched
 * when someone searches (src/client/search.ts).
 */
export default function pagefindIntegration(): AstroIntegration {
  let started: Promise<StartedIndex> | undefined;
  return {
    name: 'jeugdzorg:pagefind',
    hooks: {
      'astro:build:start': async () => {
        const data = await getSiteData();
        started = startSearchIndex([...wijkRecords(data), ...measureRecords(data), ...aliasRecords(data)]);
        // Awaited in astro:build:done; a build that fails before then must not report it as unhandled.
        started.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!started) throw new Error('de zoekindex is niet gestart');
        await finishSearchIndex(await started, fileURLToPath(dir), logger);
      },
    },
  };
}

/**
 * What Pagefind leaves out of every page: the tables of figures and the charts' SVG. Their words are numbers,
 * periods and axis labels, which nobody searches for; the words around them (headings, captions, text
 * alternatives) stay in. Left in, they were two fifths of the index that a search fetches from, and Pagefind
 * took a quarter longer to index the pages.
 */
export const NOT_SEARCHED = ['table', 'svg'];

interface StartedIndex {
  index: pagefind.PagefindIndex;
  records: number;
}

/** Starts Pagefind and gives it the custom records (sent together: each answer would otherwise wait for the last). */
export async function startSearchIndex(records: readonly SearchRecord[]): Promise<StartedIndex> {
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, excludeSelectors: NOT_SEARCHED }), 'createIndex');
    if (!index) throw new Error('Pagefind gaf geen index terug');
    const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, i) => check(response, `addCustomRecord ${records[i]!.url}`));
    return { index, records: records.length };
  } catch (cause) {
    await pagefind.close();
    throw searchIndexError(cause);
  }
}

/** Adds the built site's searchable pages and writes the index into `<siteDir>/pagefind/`. */
export async function finishSearchIndex(
  { index, records }: StartedIndex,
  siteDir: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<{ pages: number; records: number }> {
  const started = performance.now();
  try {
    const glob = searchablePagesGlob(siteDir);
    const { page_count } = check(await index.addDirectory({ path: siteDir, ...(glob ? { glob } : {}) }), 'addDirectory');
    check(await index.writeFiles({ outputPath: `${siteDir.replace(/\/$/, '')}/pagefind` }), 'writeFiles');
    logger.info(`Zoekindex: ${page_count} pagina's en ${records} extra records; na de pagina's nog ${Math.round(performance.now() - started)} ms`);
    return { pages: page_count, records };
  } catch (cause) {
    throw searchIndexError(cause);
  } finally {
    await pagefind.close();
  }
}

/** Indexes a built site plus custom records into `<siteDir>/pagefind/` in one go. */
export async function buildSearchIndex(
  siteDir: string,
  records: readonly SearchRecord[],
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<{ pages: number; records: number }> {
  return finishSearchIndex(await startSearchIndex(records), siteDir, logger);
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

function searchIndexError(cause: unknown): Error {
  return new Error(`De zoekindex (Pagefind) kon niet worden gebouwd: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
}

/** Pagefind answers with a list of errors rather than throwing: make them an error that names the step. */
function check<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step}: ${response.errors.join('; ')}`);
  return response;
}
