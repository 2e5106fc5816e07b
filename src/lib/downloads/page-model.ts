/**
 * What the download pages and the DownloadLinks component show: the files with their formats and
 * approximate sizes, the columns with their meaning, and the periods covered. Pure.
 */
import type { DatasetMeta, Release } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { parsePeriodCode, periodLabel } from '../data/periods';
import { formatNumber } from '../format/number';
import { tableSchema } from './datapackage';
import { DOWNLOAD_FORMATS, FORMAT_LABEL, datasetFileName, downloadPaths, renderDatasetFile, type DownloadFormat } from './files';
import type { DownloadSiteData } from './site-files';

export interface FileLink {
  href: string;
  name: string;
  label: string;
  hint: string;
  /** "ca. 18 MB" */
  size?: string;
}

/** "ca. 18 MB", "ca. 420 kB" (decimal units, as browsers show downloads). */
export function formatSize(bytes: number): string {
  if (bytes >= 1e6) return `ca. ${formatNumber(bytes / 1e6, bytes >= 1e7 ? 0 : 1)} MB`;
  return `ca. ${formatNumber(Math.max(1, Math.round(bytes / 1e3)))} kB`;
}

/**
 * The size of a download estimated from a sample of its lines, so a page can say how big a file is without
 * writing it twice. Good to a few per cent for files of many similar lines.
 */
export function estimateSize(meta: DatasetMeta, rows: readonly ObservationRow[], format: DownloadFormat, regionLabel: (code: string) => string, sample = 300): number {
  if (rows.length === 0) return 0;
  const step = Math.max(1, Math.floor(rows.length / sample));
  const picked = rows.filter((_, i) => i % step === 0);
  const render = (subset: readonly ObservationRow[]) =>
    new TextEncoder().encode(renderDatasetFile(meta, subset, format, { regionLabel, release: undefined, indeling: '' })).length;
  const head = render(picked.slice(0, 1)) - (render(picked.slice(0, 2)) - render(picked.slice(0, 1)));
  const perRow = (render(picked) - head) / picked.length;
  return Math.round(head + perRow * rows.length);
}

export interface DatasetDownloadModel {
  meta: DatasetMeta;
  release: Release | undefined;
  /** "1e halfjaar 2015 tot en met 1e halfjaar 2026" */
  periodsText: string;
  rowCount: number;
  columnCount: number;
  files: FileLink[];
  datapackage: FileLink;
  columns: ReturnType<typeof tableSchema>['fields'];
  indeling: number;
}

export function periodsText(codes: readonly string[]): string {
  const first = parsePeriodCode(codes[0] ?? '');
  const last = parsePeriodCode(codes.at(-1) ?? '');
  if (!first || !last) return '';
  return first.code === last.code ? periodLabel(first) : `${periodLabel(first)} tot en met ${periodLabel(last)}`;
}

export function datasetDownloadModel(data: DownloadSiteData, id: string): DatasetDownloadModel {
  const d = data.datasets.find((x) => x.meta.id === id);
  if (!d) throw new Error(`onbekende dataset: ${id}`);
  const rows = d.converted.rows;
  const files = DOWNLOAD_FORMATS.map((format) => ({
    href: downloadPaths.datasetFile(id, format),
    name: datasetFileName(id, format),
    label: FORMAT_LABEL[format].name,
    hint: FORMAT_LABEL[format].hint,
    size: formatSize(estimateSize(d.meta, rows, format, (code) => data.register.label(code))),
  }));
  const schema = tableSchema(d.meta, 'rfc4180');
  return {
    meta: d.meta,
    release: data.catalog.releases.find((r) => r.id === d.meta.release),
    periodsText: periodsText(d.periods),
    rowCount: rows.length,
    columnCount: schema.fields.length,
    files,
    datapackage: { href: downloadPaths.datasetPackage(id), name: 'datapackage.json', label: 'Beschrijving (datapackage.json)', hint: 'kolommen, eenheden, definities, bron, licentie en tekens; Frictionless Data Package' },
    columns: schema.fields,
    indeling: d.converted.indeling,
  };
}
