/**
 * The site's download files, from the loaded site data: a whole dataset on the latest indeling (as the
 * pages show it), one gemeente's rows of every dataset, and their datapackage.json. Pure (the site data is
 * passed in); src/pages/downloads/** are thin endpoints around these functions.
 */
import type { Catalog, DatasetMeta, Release } from '../../schemas/dataset';
import { RowIndex, type Dataset, type ObservationRow } from '../data/dataset';
import type { ConvertedDataset } from '../regions/convert';
import { gemeenteOfWijk, regionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import { dataPackage, type PackageResource } from './datapackage';
import { DATAPACKAGE, datasetFileName, indelingText, renderWideTable, wideTableOf, type DownloadFormat } from './files';
import type { WideTable } from './wide';

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
  if (!index) publishedIndexes.set(dataset, (index = new RowIndex(dataset)));
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

// The three formats of a dataset are written one after the other; keeping only the last table saves
// holding every dataset's (large) table for the rest of the build.
let lastDatasetTable: { dataset: Dataset; table: WideTable } | undefined;

/** A whole dataset on the latest indeling, in one format (the table is built once for all formats). */
export function datasetFile(data: DownloadSiteData, id: string, format: DownloadFormat, site: URL | string): string {
  const d = datasetOf(data, id);
  const options = {
    regionLabel: (code: string) => data.register.label(code),
    isConverted,
    release: releaseOf(data, d.meta),
    indeling: indelingText(d.converted.indeling),
    description: new URL(`/downloads/${id}/${DATAPACKAGE}`, site).href,
  };
  if (lastDatasetTable?.dataset !== d.converted) lastDatasetTable = { dataset: d.converted, table: wideTableOf(d.meta, d.converted.rows, options) };
  return renderWideTable(d.meta, lastDatasetTable.table, format, options);
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

// The three formats of one gemeente's table are written one after the other: keep the last table built.
let lastGemeenteTable: { key: string; table: WideTable } | undefined;

export function gemeenteFile(data: DownloadSiteData, code: string, id: string, format: DownloadFormat, site: URL | string): string {
  const entry = gemeenteRows(data, code).find((x) => x.meta.id === id);
  if (!entry) throw new Error(`geen cijfers van ${code} in ${id}`);
  const options = {
    regionLabel: (c: string) => data.register.label(c),
    isConverted,
    release: releaseOf(data, entry.meta),
    indeling: indelingText(entry.converted ? data.register.latestYear : undefined),
    description: new URL(`/downloads/gemeente/${data.register.slug(code)}/${DATAPACKAGE}`, site).href,
  };
  const key = `${data.catalog.releases.at(-1)?.id}|${code}|${id}`;
  if (lastGemeenteTable?.key !== key) lastGemeenteTable = { key, table: wideTableOf(entry.meta, entry.rows, options) };
  return renderWideTable(entry.meta, lastGemeenteTable.table, format, options);
}

function resources(meta: DatasetMeta, prefix = ''): PackageResource[] {
  return (['csv', 'excel'] as const).map((format) => ({
    meta,
    name: `${meta.id}${format === 'excel' ? '-excel' : ''}`,
    path: `${prefix}${datasetFileName(meta.id, format)}`,
    dialect: format === 'csv' ? 'rfc4180' : 'excel-nl',
    title: `${meta.title}${format === 'excel' ? ' (CSV voor Excel)' : ''}`,
  }));
}

export function datasetPackageJson(data: DownloadSiteData, id: string, site: URL | string): string {
  const d = datasetOf(data, id);
  const pkg = dataPackage(
    {
      name: `jeugdzorg-${id}`,
      title: d.meta.title,
      description: `${d.meta.description} Elke regel is een regio, periode en categorie, met per onderwerp een kolom voor het cijfer en een kolom <onderwerp>${'_teken'} voor het CBS-teken. Ook als JSON: ${datasetFileName(id, 'json')}.`,
      release: releaseOf(data, d.meta),
      homepage: new URL(`/tabellen/${id}/`, site).href,
      indeling: indelingText(d.converted.indeling),
      datasets: [d.meta],
    },
    resources(d.meta),
  );
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function gemeentePackageJson(data: DownloadSiteData, code: string, site: URL | string): string {
  const entries = gemeenteRows(data, code);
  const naam = data.register.label(code);
  const current = data.register.isCurrent(code);
  const slug = data.register.slug(code);
  const pkg = dataPackage(
    {
      name: `jeugdzorg-${slug}`,
      title: `Jeugdzorg in ${naam}${current ? '' : ' (voormalige gemeente)'}`,
      description: `Alle cijfers van ${current ? 'de gemeente' : 'de voormalige gemeente'} ${naam} (${code}), per tabel een bestand. Ook als JSON per tabel.`,
      release: data.currentRelease,
      homepage: new URL(`/gemeente/${slug}/`, site).href,
      indeling: indelingText(current ? data.register.latestYear : undefined),
      datasets: entries.map((e) => e.meta),
    },
    entries.flatMap((e) => resources(e.meta)),
  );
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
