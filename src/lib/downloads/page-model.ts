/**
 * What the download page of a dataset shows: the files with their formats (their sizes are filled in once
 * the build has written them, see sizes.ts), the columns with their meaning, and the periods covered. Pure.
 */
import type { DatasetMeta, Release } from '../../schemas/dataset';
import { periodSpanText } from '../data/periods';
import { tableSchema } from './datapackage';
import { DATASET_FILE_FORMATS, DATASET_ZIP_LABEL, FORMAT_LABEL, datasetFileName, downloadPaths } from './files';
import type { DownloadSiteData } from './site-files';

export interface FileLink {
  href: string;
  name: string;
  label: string;
  hint: string;
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

export function datasetDownloadModel(data: DownloadSiteData, id: string): DatasetDownloadModel {
  const d = data.datasets.find((x) => x.meta.id === id);
  if (!d) throw new Error(`onbekende dataset: ${id}`);
  const rows = d.converted.rows;
  const files = [
    ...DATASET_FILE_FORMATS.map((format) => ({
      href: downloadPaths.datasetFile(id, format),
      name: datasetFileName(id, format),
      label: FORMAT_LABEL[format].name,
      hint: FORMAT_LABEL[format].hint,
    })),
    { href: downloadPaths.datasetZip(id), name: `${id}.zip`, label: DATASET_ZIP_LABEL.name, hint: DATASET_ZIP_LABEL.hint(id) },
  ];
  const schema = tableSchema(d.meta, 'rfc4180');
  return {
    meta: d.meta,
    release: data.catalog.releases.find((r) => r.id === d.meta.release),
    periodsText: periodSpanText(d.periods),
    rowCount: rows.length,
    columnCount: schema.fields.length,
    files,
    datapackage: { href: downloadPaths.datasetPackage(id), name: 'datapackage.json', label: 'Beschrijving (datapackage.json)', hint: 'kolommen, eenheden, definities, bron, licentie en tekens; Frictionless Data Package' },
    columns: schema.fields,
    indeling: d.converted.indeling,
  };
}
