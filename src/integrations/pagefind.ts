import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { getSiteData } from '../node/site-data';
import { aliasRecords, measureRecords, wijkRecords, SEARCH_LANGUAGE, type SearchRecord } from '../lib/search/records';
import { SEARCH_BODY_MARKER, withoutSvg } from '../lib/search/searchable-html';
import { closePageTap, openPageTap } from '../node/page-taps';

/**
 * Builds the Pagefind search index over the written HTML (the pages mark their content with
 * data-pagefind-body and carry their filters and key figure) plus custom records for wijken and measures,
 * which have no page of their own, and for everyday names of gemeenten ("Den Haag"). Pagefind runs as a
 * process of its own: it starts with the build, takes the custom records, and takes each page as Astro renders
 * it (src/middleware.ts, src/node/page-taps.ts), so that it indexes on the second core while the pages are
 * rendered; after the last page only the index files are left to write. (Indexing the written pages after
 * the rendering made the build wait 2.8 s for Pagefind.) The index lands in <outDir>/pagefind/ and is only
 * fetched when someone searches (src/client/search.ts).
 */
const SEARCH_TAP = 'zoekindex';

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
        const index = started;
        // A page is indexed as rendered: a download's size, filled in after the rendering (src/lib/downloads/
        // sizes.ts), is not in its text in the index, which is no loss for a search.
        openPageTap(SEARCH_TAP, (page) => {
          if (!page.has(SEARCH_BODY_MARKER)) return;
          const content = withoutSvg(page.bytes).toString('utf8');
          index.then((search) => search.pages.push(search.index.addHTMLFile({ url: page.pathname, content }))).catch(() => undefined);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        closePageTap(SEARCH_TAP);
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
  /** The pages given to Pagefind while they were rendered; none: it reads the written pages itself. */
  pages: Promise<pagefind.NewFileResponse>[];
}

/** Starts Pagefind and gives it the custom records (sent together: each answer would otherwise wait for the last). */
export async function startSearchIndex(records: readonly SearchRecord[]): Promise<StartedIndex> {
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, excludeSelectors: NOT_SEARCHED }), 'createIndex');
    if (!index) throw new Error('Pagefind gaf geen index terug');
    const responses = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, i) => check(response, `addCustomRecord ${records[i]!.url}`));
    return { index, records: records.length, pages: [] };
  } catch (cause) {
    await pagefind.close();
    throw searchIndexError(cause);
  }
}

/** Adds the built site's searchable pages and writes the index into `<siteDir>/pagefind/`. */
export async function finishSearchIndex(
  { index, records, pages }: StartedIndex,
  siteDir: string,
  logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<{ pages: number; records: number }> {
  const started = performance.now();
  try {
    const page_count = pages.length > 0 ? await fedPages(pages) : await addWrittenPages(index, siteDir);
    check(await index.writeFiles({ outputPath: `${siteDir.replace(/\/$/, '')}/pagefind` }), 'writeFiles');
    logger.info(`Zoekindex: ${page_count} pagina's en ${records} extra records; na de pagina's nog ${Math.round(performance.now() - started)} ms`);
    return { pages: page_count, records };
  } catch (cause) {
    throw searchIndexError(cause);
  } finally {
    await pagefind.close();
  }
}

/** Waits for Pagefind to have taken every page it was fed; how many. */
async function fedPages(pages: readonly Promise<pagefind.NewFileResponse>[]): Promise<number> {
  const responses = await Promise.all(pages);
  responses.forEach((response) => check(response, `addHTMLFile ${response.file?.url ?? ''}`));
  return responses.length;
}

/** Lets Pagefind read the searchable pages of a written site; how many. */
async function addWrittenPages(index: pagefind.PagefindIndex, siteDir: string): Promise<number> {
  const glob = searchablePagesGlob(siteDir);
  return check(await index.addDirectory({ path: siteDir, ...(glob ? { glob } : {}) }), 'addDirectory').page_count;
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
const BODY_MARKER = Buffer.from(SEARCH_BODY_MARKER);

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
