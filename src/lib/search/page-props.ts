import { joinDutch } from '../format/text';
import type { Dataset, RowIndex } from '../data/dataset';
import { publishedIndex } from '../downloads/site-files';
import type { DatasetMeta } from '../../schemas/dataset';
import { regionKind, REGION_KIND_LABEL } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import { regionHref } from '../pages/gemeente-links';
import { keyFigureOf, type KeyFigureDataset } from './key-figure';
import { SEARCH_META, type SearchKind } from './kinds';

/** What the search needs of the site data (src/node/site-data.ts `SiteData` fits). */
export interface SearchSiteData {
  register: RegionRegister;
  datasets: ReadonlyArray<{ meta: DatasetMeta; original: Dataset; index: RowIndex; periods: readonly string[] }>;
}

/** Props for the Base layout: the Pagefind filters and metadata of a page. */
export interface SearchProps {
  searchFilters: Record<string, string>;
  searchMeta: Record<string, string>;
}

/**
 * The search filters and key figure of a region's page: Nederland, a provincie, a jeugdregio, or a gemeente
 * (current, or former with where its figures are now).
 *
 * Usage in a page: `<Base … {...regionSearchProps(data, code)}>`.
 */
export function regionSearchProps(data: SearchSiteData, code: string): SearchProps {
  const { register } = data;
  const kind = regionKind(code);
  const former = kind === 'gemeente' && !register.isCurrent(code);
  const datasets: readonly KeyFigureDataset[] = former
    ? data.datasets.map((d) => ({ meta: d.meta, index: publishedIndex(d.original), periods: d.periods }))
    : data.datasets;
  const soort: SearchKind = former ? 'Voormalige gemeente' : kind === 'land' ? 'Nederland' : kind ? (REGION_KIND_LABEL[kind] as SearchKind) : 'Gemeente';
  const searchFilters: Record<string, string> = { soort };
  const provincie = kind === 'gemeente' || kind === 'wijk' ? register.provincieOf(code) : kind === 'provincie' ? code : undefined;
  if (provincie) searchFilters.provincie = register.label(provincie);
  const searchMeta: Record<string, string> = { [SEARCH_META.code]: code };
  const figure = keyFigureOf(datasets, code);
  if (figure) searchMeta[SEARCH_META.keyFigure] = figure.text;
  if (former) Object.assign(searchMeta, successorMeta(register, code));
  return { searchFilters, searchMeta };
}

/** Where a former gemeente's figures are now: "Amsterdam", or "Boxtel, Oisterwijk, Tilburg en Vught" after a split. */
export function successorMeta(register: RegionRegister, code: string): Record<string, string> {
  const g = register.gemeente(code);
  if (!g || g.laatsteJaar === null) return {};
  const destinations = register.destinations(code, g.laatsteJaar, register.latestYear).filter((d) => d.code !== code);
  if (destinations.length === 0) return {};
  const names = destinations.map((d) => register.label(d.code)).sort((a, b) => a.localeCompare(b, 'nl'));
  const main = regionHref(register, destinations[0]!.code);
  return { [SEARCH_META.now]: joinDutch(names), ...(main ? { [SEARCH_META.nowUrl]: main } : {}) };
}

/** The search filters and key figure (Nederland, latest period) of a dataset's table page. */
export function datasetSearchProps(data: SearchSiteData, datasetId: string, soort: SearchKind = 'Tabel'): SearchProps {
  const dataset = data.datasets.find((d) => d.meta.id === datasetId);
  const figure = dataset ? keyFigureOf([dataset], 'NL01') : undefined;
  return { searchFilters: { soort }, searchMeta: figure ? { [SEARCH_META.keyFigure]: `Nederland: ${figure.text}` } : {} };
}
