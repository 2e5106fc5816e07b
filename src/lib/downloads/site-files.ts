/**
 * The site's download files, from the loaded site data: a whole dataset on the latest indeling (as the
 * pages show it), one gemeente's rows of every dataset, and their datapackage.json. Pure (the site data is
 * passed in); src/node/site-downloads.ts writes them in the build and serves them in the dev server.
 */
import type { Catalog, DatasetMeta, Release } from '../../schemas/dataset';
import { rowIndexOf, type Dataset, type ObservationRow, type RowIndex } from '../data/dataset';
import type { ConvertedDataset } from '../regions/convert';
import { gemeenteOfWijk, regionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import { datasetVersion, releaseContents, tablesOnlyStore, type ReleaseStore } from '../releases/versions';
import { datasetRevisionRows, formatRevisions, revisionRows, type RevisionRow } from '../releases/revisions-file';
import { dataPackage, dataPackageText, resource, type PackageResource } from './datapackage';
import { RELEASE_FORMATS, readmeText, releaseDatasetFile, releaseDatasetFileBytes, releasePackage, releaseReadme, zipFilesExplanation, type ReleaseFile, type ReleaseFileBytes } from './release-files';
import { formatDate } from '../format/number';
import { STATUS_LABEL } from '../data/periods';
import { tableFootnotes } from '../tables/table-source';
import {
  DATAPACKAGE,
  DATASET_FILE_FORMATS,
  datasetFileName,
  downloadPaths,
  bytesToText,
  indelingText,
  registerLabel,
  renderedFileBytes,
  REVISIONS_EXCEL_FILE,
  renderTableLines,
  ZIP_FORMATS,
  type CsvFormat,
  type RenderedTable,
} from './files';

/** What the downloads need of the site data (src/node/site-data.ts `SiteData` fits). */
export interface DownloadSiteData {
  register: RegionRegister;
  catalog: Catalog;
  currentRelease: Release;
  datasets: ReadonlyArray<{ meta: DatasetMeta; original: Dataset; converted: ConvertedDataset; index: RowIndex; periods: readonly string[] }>;
}

const publishedIndexes = new WeakMap<Dataset, RowIndex>();

/** A row index over a dataset as published, built once per dataset (former gemeenten are shown as published). */
export function publishedIndex(dataset: Dataset): RowIndex {
  let index = publishedIndexes.get(dataset);
  if (!index) publishedIndexes.set(dataset, (index = rowIndexOf(dataset)));
  return index;
}

function datasetOf(data: DownloadSiteData, id: string) {
  const d = data.datasets.find((x) => x.meta.id === id);
  if (!d) throw new Error(`onbekende dataset: ${id}`);
  return d;
}

function releaseOf(data: DownloadSiteData, meta: DatasetMeta): Release | undefined {
  return data.catalog.releases.find((r) => r.id === meta.release);
}

const isConverted = (row: ObservationRow) => 'converted' in row && row.converted === true;

/**
 * The lines of one dataset on the latest indeling, or as published (the current release's own table), with
 * the wijken of each gemeente. renderTableLines keeps the last table, so the files of one table follow each
 * other (see siteDownloadFiles).
 */
function renderedTableOf(data: DownloadSiteData, d: DownloadSiteData['datasets'][number], published: boolean) {
  const regionLabel = registerLabel(data.register);
  const table = published
    ? renderTableLines(d.meta, d.original.rows, { regionLabel, periods: d.meta.periods, release: undefined, indeling: '' })
    : renderTableLines(d.meta, d.converted.rows, { regionLabel, isConverted, release: undefined, indeling: '' });
  let wijken = wijkenByTable.get(table);
  if (!wijken) {
    wijken = new Map<string, string[]>();
    for (const code of table.regions.keys()) {
      if (regionKind(code) !== 'wijk') continue;
      const list = wijken.get(gemeenteOfWijk(code)) ?? [];
      list.push(code);
      wijken.set(gemeenteOfWijk(code), list);
    }
    wijkenByTable.set(table, wijken);
  }
  return { table, wijken };
}

const wijkenByTable = new WeakMap<RenderedTable, Map<string, string[]>>();

/** A whole dataset on the latest indeling, in one format (its lines are rendered once for all formats). */
export function datasetFile(data: DownloadSiteData, id: string, format: CsvFormat): string {
  return bytesToText(datasetFileBytes(data, id, format));
}

/** The same as UTF-8 bytes, in parts (see renderedFileBytes). */
export function datasetFileBytes(data: DownloadSiteData, id: string, format: CsvFormat): Uint8Array[] {
  const d = datasetOf(data, id);
  return renderedFileBytes(d.meta, renderedTableOf(data, d, false).table, format);
}

const wijkRowsByGemeente = new WeakMap<Dataset, Map<string, ObservationRow[]>>();
/** The rows of the wijken of a gemeente (by the wijk code, which starts with the gemeente's digits). */
function wijkRowsOf(dataset: Dataset, gemeente: string): readonly ObservationRow[] {
  let byGemeente = wijkRowsByGemeente.get(dataset);
  if (!byGemeente) {
    byGemeente = new Map();
    for (const row of dataset.rows) {
      if (regionKind(row.region) !== 'wijk') continue;
      const list = byGemeente.get(gemeenteOfWijk(row.region)) ?? [];
      list.push(row);
      byGemeente.set(gemeenteOfWijk(row.region), list);
    }
    wijkRowsByGemeente.set(dataset, byGemeente);
  }
  return byGemeente.get(gemeente) ?? [];
}

/**
 * The rows of one gemeente (and its wijken) in each dataset: a current gemeente on the latest indeling
 * (earlier periods omgerekend), a former gemeente as published while it existed.
 */
export function gemeenteRows(data: DownloadSiteData, code: string): Array<{ meta: DatasetMeta; rows: readonly ObservationRow[]; converted: boolean }> {
  const current = data.register.isCurrent(code);
  return data.datasets
    .map((d) => {
      const source = current ? d.converted : d.original;
      const own = current ? d.index.rowsOf(code) : publishedIndex(d.original).rowsOf(code);
      const wijken = wijkRowsOf(source, code);
      return { meta: d.meta, rows: wijken.length > 0 ? [...own, ...wijken] : own, converted: current };
    })
    .filter((x) => x.rows.length > 0);
}

/**
 * What the readmes and datapackages of the site's zips need: the releases, every table's metadata, and which
 * tables hold figures of each gemeente; no rows. With it the build's downloads worker makes every zip while
 * it holds one dataset's rows at a time (src/node/downloads-worker.ts).
 */
export interface DownloadsOutline {
  register: RegionRegister;
  catalog: Catalog;
  currentRelease: Release;
  /** Every dataset's metadata, in catalog order. */
  metas: readonly DatasetMeta[];
  /** Each gemeente with figures, current or former (register order), with the ids of the datasets that hold them (catalog order). */
  gemeenteTables: ReadonlyMap<string, readonly string[]>;
}

/** Which datasets hold figures of each gemeente (see DownloadsOutline), from the loaded data. */
export function gemeenteTables(data: DownloadSiteData): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const { code } of data.register.allGemeenten()) {
    const ids = gemeenteRows(data, code).map((e) => e.meta.id);
    if (ids.length > 0) tables.set(code, ids);
  }
  return tables;
}

const outlines = new WeakMap<DownloadSiteData, DownloadsOutline>();

/** The outline of loaded data (made once per data). */
export function downloadsOutline(data: DownloadSiteData): DownloadsOutline {
  let outline = outlines.get(data);
  if (!outline) {
    const { register, catalog, currentRelease } = data;
    outline = { register, catalog, currentRelease, metas: data.datasets.map((d) => d.meta), gemeenteTables: gemeenteTables(data) };
    outlines.set(data, outline);
  }
  return outline;
}

/** The metadata of the datasets with figures of a gemeente, in catalog order. */
function gemeenteMetas(outline: DownloadsOutline, code: string): DatasetMeta[] {
  const ids = new Set(outline.gemeenteTables.get(code) ?? []);
  return outline.metas.filter((meta) => ids.has(meta.id));
}

/**
 * One gemeente's file of a dataset, an entry of its zip: the lines of the gemeente and its wijken, cut from
 * the whole dataset's lines (on the latest indeling for a current gemeente, as published for a former one).
 */
export function gemeenteFile(data: DownloadSiteData, code: string, id: string, format: CsvFormat): string {
  return bytesToText(gemeenteFileBytes(data, code, id, format));
}

/** The same as UTF-8 bytes, in parts (see renderedFileBytes). */
export function gemeenteFileBytes(data: DownloadSiteData, code: string, id: string, format: CsvFormat): Uint8Array[] {
  const d = datasetOf(data, id);
  const current = data.register.isCurrent(code);
  const { table, wijken } = renderedTableOf(data, d, !current);
  const regions = [code, ...(wijken.get(code) ?? [])];
  if (!regions.some((r) => table.regions.has(r))) throw new Error(`geen cijfers van ${code} in ${id}`);
  return renderedFileBytes(d.meta, table, format, regions);
}

function resources(meta: DatasetMeta, formats: readonly CsvFormat[] = ZIP_FORMATS): PackageResource[] {
  return formats.map((format) => ({
    meta,
    name: `${meta.id}${format === 'excel' ? '-excel' : ''}`,
    path: datasetFileName(meta.id, format),
    dialect: format === 'excel' ? 'excel-nl' : 'rfc4180',
    title: `${meta.title}${format === 'excel' ? ' (CSV voor Excel)' : ''}`,
  }));
}

/**
 * A dataset's datapackage.json: the one beside its files describes the files there (DATASET_FILE_FORMATS),
 * the one in its zip both CSV forms in the zip (ZIP_FORMATS). Every resource path resolves beside the package.
 */
export function datasetPackageJson(data: DownloadSiteData, id: string, site: URL | string, formats: readonly CsvFormat[] = DATASET_FILE_FORMATS): string {
  const d = datasetOf(data, id);
  const pkg = dataPackage(
    {
      name: `jeugdzorg-${id}`,
      title: d.meta.title,
      description:
        `${d.meta.description} Elke regel is een regio, periode en categorie, met per onderwerp een kolom voor het cijfer en een kolom <onderwerp>${'_teken'} voor het CBS-teken.` +
        // The description is of the table as published; these files may have every period on one indeling.
        (d.converted.indeling === undefined ? '' : ` In deze bestanden staan alle perioden, anders dan in de tabel zoals gepubliceerd, op de gemeentelijke indeling van ${d.converted.indeling}: een opgeheven gemeente staat in de gemeente die haar overnam (kolom omgerekend).`),
      release: releaseOf(data, d.meta),
      homepage: new URL(`/tabellen/${id}/`, site).href,
      indeling: indelingText(d.converted.indeling),
      datasets: [d.meta],
    },
    resources(d.meta, formats),
  );
  // As the table page tells them: each period with its status, and the footnotes (trend breaks among them),
  // with what they concern. The resources stay last.
  const { resources: files, ...head } = pkg;
  const perioden = d.meta.periods.map((p) => ({ code: p.code, status: STATUS_LABEL[p.status] }));
  const voetnoten = tableFootnotes(d.meta).map((f) => ({ tekst: f.text, geldtVoor: f.appliesTo }));
  return `${JSON.stringify({ ...head, perioden, voetnoten, resources: files }, null, 2)}\n`;
}

/** Each table's resource text, the same in every gemeente's datapackage.json. */
const resourceTexts = new WeakMap<DatasetMeta, Map<string, string>>();

function resourceText(r: PackageResource): string {
  let texts = resourceTexts.get(r.meta);
  if (!texts) resourceTexts.set(r.meta, (texts = new Map()));
  const key = JSON.stringify([r.name, r.path, r.dialect, r.title]);
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = JSON.stringify(resource(r), null, 2)));
  return text;
}

export function gemeentePackageJson(data: DownloadsOutline, code: string, site: URL | string): string {
  const metas = gemeenteMetas(data, code);
  const naam = data.register.label(code);
  const current = data.register.isCurrent(code);
  const slug = data.register.slug(code);
  return dataPackageText(
    {
      name: `jeugdzorg-${slug}`,
      title: `Jeugdzorg in ${naam}${current ? '' : ' (voormalige gemeente)'}`,
      description: `Alle cijfers van ${current ? 'de gemeente' : 'de voormalige gemeente'} ${naam} (${code}), per tabel een CSV-bestand en een CSV-bestand voor Excel.`,
      release: data.currentRelease,
      homepage: new URL(`/gemeente/${slug}/`, site).href,
      indeling: indelingText(current ? data.register.latestYear : undefined),
      datasets: metas,
    },
    metas.flatMap((meta) => resources(meta)),
    resourceText,
  );
}

/** The folder inside a dataset's zip, so unpacking it makes one folder. */
export function datasetZipFolder(id: string): string {
  return `jeugdzorg-${id}`;
}

/** A dataset's zip, dated as its release. */
export function datasetZipTarget(data: DownloadSiteData, id: string): ZipTarget {
  return { path: downloadPaths.datasetZip(id), date: (releaseOf(data, datasetOf(data, id).meta) ?? data.currentRelease).date };
}

/** LEESMIJ.txt, the first entry of a dataset's zip. */
export function datasetReadme(data: DownloadSiteData, id: string, site: URL | string): ReleaseFile {
  const d = datasetOf(data, id);
  const release = releaseOf(data, d.meta) ?? data.currentRelease;
  const lines = [
    `Jeugdzorg in cijfers: ${d.meta.title}`,
    '',
    d.meta.fictitious ? 'LET OP: fictieve demonstratiecijfers naar het model van de CBS-beleidsinformatie jeugd. Gebruik ze niet als feiten.\n' : '',
    `Publicatie ${release.title} (${formatDate(release.date)}). De tabel op de site: ${new URL(`/tabellen/${id}/`, site).href}`,
    '',
    ...zipFilesExplanation(`Alle perioden staan op de gemeentelijke indeling van ${d.converted.indeling}: cijfers van vóór een herindeling zijn omgerekend (kolom omgerekend).`),
    '',
    `Bron: ${d.meta.attribution}. Licentie: ${d.meta.licence.name}.`,
    '',
  ];
  return { name: `${datasetZipFolder(id)}/LEESMIJ.txt`, data: readmeText(lines) };
}

/** One form of a whole dataset as an entry of its zip. */
export function datasetZipFileBytes(data: DownloadSiteData, id: string, format: CsvFormat): ReleaseFileBytes {
  return { name: `${datasetZipFolder(id)}/${datasetFileName(id, format)}`, parts: datasetFileBytes(data, id, format) };
}

/** datapackage.json, the last entry of a dataset's zip. */
export function datasetZipPackage(data: DownloadSiteData, id: string, site: URL | string): ReleaseFile {
  return { name: `${datasetZipFolder(id)}/${DATAPACKAGE}`, data: datasetPackageJson(data, id, site, ZIP_FORMATS) };
}

/** The entries of a dataset's zip one by one, in the order of the build's (the dev server, tests). */
export function* datasetZipFiles(data: DownloadSiteData, id: string, site: URL | string): Generator<ReleaseFile> {
  yield datasetReadme(data, id, site);
  for (const format of ZIP_FORMATS) {
    const { name, parts } = datasetZipFileBytes(data, id, format);
    yield { name, data: bytesToText(parts) };
  }
  yield datasetZipPackage(data, id, site);
}

/** The folder inside a gemeente's zip, so unpacking it makes one folder. */
export function gemeenteZipFolder(slug: string): string {
  return `jeugdzorg-${slug}`;
}

/** LEESMIJ.txt, the first entry of a gemeente's zip. */
export function gemeenteReadme(data: DownloadsOutline, code: string, site: URL | string): ReleaseFile {
  const naam = data.register.label(code);
  const current = data.register.isCurrent(code);
  const slug = data.register.slug(code);
  const fictitious = data.metas.some((meta) => meta.fictitious);
  const first = data.metas[0];
  const lines = [
    `Jeugdzorg in cijfers: ${current ? 'gemeente' : 'voormalige gemeente'} ${naam} (${code})`,
    '',
    fictitious ? 'LET OP: fictieve demonstratiecijfers naar het model van de CBS-beleidsinformatie jeugd. Gebruik ze niet als feiten.\n' : '',
    `Publicatie ${data.currentRelease.title} (${formatDate(data.currentRelease.date)}). Pagina van ${naam}: ${new URL(`/gemeente/${slug}/`, site).href}`,
    '',
    'Tabellen:',
    ...gemeenteMetas(data, code).map((meta) => `- ${meta.title}`),
    '',
    ...zipFilesExplanation(
      current
        ? `Alle perioden staan op de gemeentelijke indeling van ${data.register.latestYear}: cijfers van vóór een herindeling zijn omgerekend (kolom omgerekend).`
        : `De cijfers staan zoals ze zijn gepubliceerd, tot de gemeente ophield te bestaan.`,
    ),
    '',
    `Bron: ${first?.attribution ?? 'CBS'}. Licentie: ${first?.licence.name ?? 'CC BY 4.0'}.`,
    '',
  ];
  return { name: `${gemeenteZipFolder(slug)}/LEESMIJ.txt`, data: readmeText(lines) };
}

/** One dataset of a gemeente as an entry of its zip. */
export function gemeenteZipFileBytes(data: DownloadSiteData, code: string, id: string, format: CsvFormat): ReleaseFileBytes {
  return { name: `${gemeenteZipFolder(data.register.slug(code))}/${datasetFileName(id, format)}`, parts: gemeenteFileBytes(data, code, id, format) };
}

/** datapackage.json, the last entry of a gemeente's zip. */
export function gemeentePackage(data: DownloadsOutline, code: string, site: URL | string): ReleaseFile {
  return { name: `${gemeenteZipFolder(data.register.slug(code))}/${DATAPACKAGE}`, data: gemeentePackageJson(data, code, site) };
}

/** The entries of a gemeente's zip one by one, in the order of the build's (the dev server, tests). */
export function* gemeenteZipFiles(data: DownloadSiteData, code: string, site: URL | string): Generator<ReleaseFile> {
  const outline = downloadsOutline(data);
  yield gemeenteReadme(outline, code, site);
  for (const meta of gemeenteMetas(outline, code)) {
    for (const format of RELEASE_FORMATS) {
      const { name, parts } = gemeenteZipFileBytes(data, code, meta.id, format);
      yield { name, data: bytesToText(parts) };
    }
  }
  yield gemeentePackage(outline, code, site);
}

/** A release's revisions zip, dated as the release. */
export function revisionsZipTarget(release: Release): ZipTarget {
  return { path: downloadPaths.revisionsExcelZip(release.id), date: release.date };
}

/** The one entry of a release's revisions zip: its revised figures in the CSV for Excel. */
export function revisionsExcelFile(data: DownloadsData, releaseId: string): ReleaseFile {
  return revisionsExcelEntry(revisionRows(data.store, data.register, releaseId));
}

function revisionsExcelEntry(rows: readonly RevisionRow[]): ReleaseFile {
  return { name: REVISIONS_EXCEL_FILE, data: formatRevisions(rows, 'excel-nl') };
}

/** A file of the site and how to make it: as text, or as the UTF-8 bytes the build writes. */
export interface DownloadFile {
  /** Site path, e.g. /downloads/jeugdhulp/jeugdhulp.csv */
  path: string;
  render: () => string;
  /** The same text as UTF-8 bytes in parts, to be written one after the other (most are slices of a table's lines). */
  bytes: () => Uint8Array[];
}

/** A zip of the site: a dataset's (/downloads/<tabel>/<tabel>.zip), a release's (/downloads/release-<id>.zip) or a gemeente's (/downloads/gemeente/<naam>.zip). */
export interface ZipTarget {
  /** Site path of the zip. */
  path: string;
  /** The date on its entries (ISO): the release's. */
  date: string;
}

/** An entry of a zip and how to make it. */
export interface ZipEntry {
  zip: ZipTarget;
  render: () => ReleaseFile;
  bytes: () => ReleaseFileBytes;
}

const utf8 = new TextEncoder();

/** A file made as text, which the build writes as UTF-8. */
function textFile(path: string, render: () => string): DownloadFile {
  return { path, render, bytes: () => [utf8.encode(render())] };
}

function textEntry(zip: ZipTarget, render: () => ReleaseFile): ZipEntry {
  return {
    zip,
    render,
    bytes: () => {
      const { name, data } = render();
      return { name, parts: [utf8.encode(data)] };
    },
  };
}

export type DownloadsData = DownloadSiteData & { store: ReleaseStore };

/** A zip of the site's for each release, in the order the build makes them: the current release first (its tables are the ones as published). */
function releaseZips(outline: DownloadsOutline): Array<{ release: Release; zip: ZipTarget }> {
  return [...outline.catalog.releases].reverse().map((release) => ({ release, zip: { path: downloadPaths.releaseZip(release.id), date: release.date } }));
}

function gemeenteZips(outline: DownloadsOutline): Array<{ code: string; current: boolean; tables: ReadonlySet<string>; zip: ZipTarget }> {
  const { register } = outline;
  return [...outline.gemeenteTables].map(([code, ids]) => ({
    code,
    current: register.isCurrent(code),
    tables: new Set(ids),
    zip: { path: downloadPaths.gemeenteZip(register.slug(code)), date: outline.currentRelease.date },
  }));
}

/**
 * Every download of the site, files and zip entries, in the order that makes each dataset's lines once and
 * keeps one dataset's at a time: the first entry of every release's and gemeente's zip (downloadsBefore),
 * each dataset's files and entries (datasetDownloads), then the last entries and the revisions of every
 * release (downloadsAfter). The build writes the same parts with one dataset's rows loaded at a time
 * (src/node/site-downloads.ts); this list is for the dev server and the tests, with all data loaded.
 */
export function siteDownloadFiles(data: DownloadsData, site: URL | string): Array<DownloadFile | ZipEntry> {
  const outline = downloadsOutline(data);
  return [
    ...downloadsBefore(outline, site),
    ...data.datasets.flatMap((d) => datasetDownloads(outline, data, d.meta.id, site)),
    ...downloadsAfter(outline, (releaseId) => revisionRows(data.store, data.register, releaseId), site),
  ];
}

/** The first entry of every release's zip and every gemeente's zip: its LEESMIJ, which lists its tables. */
export function downloadsBefore(outline: DownloadsOutline, site: URL | string): ZipEntry[] {
  const tables = tablesOnlyStore(outline.catalog, outline.metas);
  return [
    ...releaseZips(outline).map(({ release, zip }) => textEntry(zip, () => releaseReadme(tables, release, site))),
    ...gemeenteZips(outline).map((g) => textEntry(g.zip, () => gemeenteReadme(outline, g.code, site))),
  ];
}

/**
 * One dataset's downloads: on the latest indeling its own CSV and zip and those of every current gemeente;
 * as published those of the former gemeenten and its entries in the current release's zip; then its entries
 * in the zips of the earlier releases, which share most rows (see LineCache). `data` needs to hold only this
 * dataset.
 */
export function datasetDownloads(outline: DownloadsOutline, data: DownloadsData, id: string, site: URL | string): Array<DownloadFile | ZipEntry> {
  const { register, store } = data;
  const out: Array<DownloadFile | ZipEntry> = [];
  for (const format of DATASET_FILE_FORMATS) {
    out.push({ path: downloadPaths.datasetFile(id, format), render: () => datasetFile(data, id, format), bytes: () => datasetFileBytes(data, id, format) });
  }
  out.push(textFile(downloadPaths.datasetPackage(id), () => datasetPackageJson(data, id, site)));
  const datasetZip = datasetZipTarget(data, id);
  out.push(textEntry(datasetZip, () => datasetReadme(data, id, site)));
  for (const format of ZIP_FORMATS) {
    const bytes = () => datasetZipFileBytes(data, id, format);
    out.push({ zip: datasetZip, bytes, render: () => ({ name: bytes().name, data: datasetFile(data, id, format) }) });
  }
  out.push(textEntry(datasetZip, () => datasetZipPackage(data, id, site)));
  const gemeenten = gemeenteZips(outline);
  for (const current of [true, false]) {
    for (const g of gemeenten) {
      if (g.current !== current || !g.tables.has(id)) continue;
      for (const format of RELEASE_FORMATS) {
        const bytes = () => gemeenteZipFileBytes(data, g.code, id, format);
        out.push({ zip: g.zip, bytes, render: () => ({ name: bytes().name, data: gemeenteFile(data, g.code, id, format) }) });
      }
    }
  }
  for (const { release, zip } of releaseZips(outline)) {
    const version = datasetVersion(store, id, release.id);
    if (!version) continue;
    for (const format of RELEASE_FORMATS) {
      out.push({ zip, render: () => releaseDatasetFile(register, release, version, format), bytes: () => releaseDatasetFileBytes(register, release, version, format) });
    }
  }
  return out;
}

/**
 * The last entry of every release's zip (its datapackage.json), every release's revisions (`revisions` gives
 * a release's revised figures, every dataset's in catalog order) and the last entry of every gemeente's zip.
 */
export function downloadsAfter(outline: DownloadsOutline, revisions: (releaseId: string) => readonly RevisionRow[], site: URL | string): Array<DownloadFile | ZipEntry> {
  const tables = tablesOnlyStore(outline.catalog, outline.metas);
  const out: Array<DownloadFile | ZipEntry> = releaseZips(outline).map(({ release, zip }) => textEntry(zip, () => releasePackage(release, releaseContents(tables, release.id), site)));
  // Every revised figure of a release against the one before it: data files too, so made here beside the
  // pages rather than on the main thread that renders them.
  for (const release of outline.catalog.releases.slice(1)) {
    out.push(textFile(downloadPaths.revisions(release.id), () => formatRevisions(revisions(release.id), 'rfc4180')));
    out.push(textEntry(revisionsZipTarget(release), () => revisionsExcelEntry(revisions(release.id))));
  }
  for (const g of gemeenteZips(outline)) out.push(textEntry(g.zip, () => gemeentePackage(outline, g.code, site)));
  return out;
}

/** Each later release's revised figures of one dataset (`data` holding at least that dataset), for downloadsAfter. */
export function datasetRevisions(data: DownloadsData, id: string): Map<string, RevisionRow[]> {
  return new Map(data.catalog.releases.slice(1).map((release) => [release.id, datasetRevisionRows(data.store, data.register, id, release.id)]));
}
