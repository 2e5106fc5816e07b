/**
 * Fetches a CBS table through its OData API into an ODataBundle, the same shape a folder of saved responses
 * gives, so one reader serves both. The HTTP layer is a `fetch`-like function passed in: tests serve recorded
 * responses by URL (tests/fixtures/cbs), never the live service.
 *
 * Paging follows the server's link verbatim (`odata.nextLink` in v3, `@odata.nextLink` in v4) until there is
 * none; CBS caps a response at 10,000 rows, and a rebuilt link has broken clients before (see the fixture
 * README, §2 and rule 2). v3 data comes from the bulk Feed, which pages; its ODataApi does not.
 */
import { DataError } from '../lib/data/errors';
import { isObject, type ODataBundle, type ODataPage } from '../lib/import/odata-bundle';

/** The part of `fetch` the importer uses. */
export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface CbsFetchOptions {
  odata?: 'v3' | 'v4' | undefined;
  fetch?: FetchLike | undefined;
  progress?: ((message: string) => void) | undefined;
  /** Base URLs; the defaults are CBS's current services. */
  v3ApiBase?: string;
  v3FeedBase?: string;
  v4Base?: string;
}

export const V3_API_BASE = 'https://opendata.cbs.nl/ODataApi/odata';
export const V3_FEED_BASE = 'https://opendata.cbs.nl/ODataFeed/odata';
export const V4_BASE = 'https://datasets.cbs.nl/odata/v1/CBS';

/** A guard against a server that keeps sending links: 2,000 pages of 10,000 rows is far beyond any jeugd table. */
const MAX_PAGES = 2000;

export function checkTableId(id: string): string {
  const table = id.trim().toUpperCase();
  if (!/^\d{5}[A-Z]{3}$/.test(table)) throw new DataError({ file: '--cbs' }, 'een CBS-tabelnummer zoals 85097NED', id);
  return table;
}

async function getJson(url: string, fetchImpl: FetchLike): Promise<unknown> {
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetchImpl(url);
  } catch (cause) {
    throw new DataError({ file: url }, 'een antwoord van CBS; is er een netwerkverbinding?', String(cause), { cause });
  }
  if (!response.ok) throw new DataError({ file: url }, 'een antwoord van CBS met HTTP-status 200', `HTTP ${response.status}`);
  try {
    return await response.json();
  } catch (cause) {
    throw new DataError({ file: url }, 'een JSON-antwoord van CBS', undefined, { cause });
  }
}

/** All pages of an entity set, following the next-page link the server sends. */
async function getPages(url: string, linkField: string, fetchImpl: FetchLike, progress: (m: string) => void, label: string): Promise<ODataPage[]> {
  const pages: ODataPage[] = [];
  const seen = new Set<string>();
  let rows = 0;
  for (let next: string | undefined = url; next !== undefined; ) {
    if (seen.has(next) || pages.length >= MAX_PAGES) throw new DataError({ file: next }, 'een volgende pagina die nog niet gelezen is');
    seen.add(next);
    const body = await getJson(next, fetchImpl);
    pages.push({ file: next, body });
    const value = isObject(body) ? body['value'] : undefined;
    rows += Array.isArray(value) ? value.length : 0;
    const link = isObject(body) ? body[linkField] : undefined;
    next = typeof link === 'string' && link !== '' ? link : undefined;
    if (next || pages.length > 1) progress(`${label}: pagina ${pages.length}, ${rows} rijen`);
  }
  return pages;
}

/** Reads single-page entity sets (metadata and code lists) into the bundle's sets. */
async function fetchSets(base: string, names: string[], sets: Map<string, ODataPage[]>, fetchImpl: FetchLike): Promise<void> {
  for (const name of names) sets.set(name, [{ file: `${base}/${name}`, body: await getJson(`${base}/${name}`, fetchImpl) }]);
}

/** The items of a fetched set that pass `keep`, as the text of one field: the dimensions to fetch code lists for. */
function fieldOfItems(sets: Map<string, ODataPage[]>, set: string, field: string, keep: (item: Record<string, unknown>) => boolean): string[] {
  const body = sets.get(set)?.[0]?.body;
  const items = isObject(body) && Array.isArray(body['value']) ? body['value'] : [];
  return items.flatMap((item) => (isObject(item) && keep(item) && typeof item[field] === 'string' ? [item[field]] : []));
}

async function fetchV3(table: string, options: CbsFetchOptions, fetchImpl: FetchLike, progress: (m: string) => void): Promise<ODataBundle> {
  const api = `${options.v3ApiBase ?? V3_API_BASE}/${table}`;
  const sets = new Map<string, ODataPage[]>();
  await fetchSets(api, ['TableInfos', 'DataProperties'], sets, fetchImpl);
  const isDimension = (item: Record<string, unknown>) => ['Dimension', 'GeoDimension', 'TimeDimension'].includes(String(item['Type']));
  await fetchSets(api, fieldOfItems(sets, 'DataProperties', 'Key', isDimension), sets, fetchImpl);
  const feed = `${options.v3FeedBase ?? V3_FEED_BASE}/${table}/TypedDataSet?$format=json`;
  sets.set('TypedDataSet', await getPages(feed, 'odata.nextLink', fetchImpl, progress, `${table} TypedDataSet`));
  return { source: api, tableId: table, sets };
}

async function fetchV4(table: string, options: CbsFetchOptions, fetchImpl: FetchLike, progress: (m: string) => void): Promise<ODataBundle> {
  const base = `${options.v4Base ?? V4_BASE}/${table}`;
  const sets = new Map<string, ODataPage[]>();
  await fetchSets(base, ['Properties', 'Dimensions', 'MeasureCodes'], sets, fetchImpl);
  const codeLists = fieldOfItems(sets, 'Dimensions', 'Identifier', () => true).map((dim) => `${dim}Codes`);
  await fetchSets(base, codeLists, sets, fetchImpl);
  sets.set('Observations', await getPages(`${base}/Observations`, '@odata.nextLink', fetchImpl, progress, `${table} Observations`));
  return { source: base, tableId: table, sets };
}

/** Fetches a whole CBS table (metadata, code lists and all data pages) by its id. */
export async function fetchCbsTable(id: string, options: CbsFetchOptions = {}): Promise<ODataBundle> {
  const table = checkTableId(id);
  const fetchImpl = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const progress = options.progress ?? (() => {});
  progress(`${table}: ophalen bij CBS (OData ${options.odata ?? 'v4'})`);
  return options.odata === 'v3' ? fetchV3(table, options, fetchImpl, progress) : fetchV4(table, options, fetchImpl, progress);
}
