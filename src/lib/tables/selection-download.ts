/**
 * The download of a table selection (issue 5, "selectie"): the figures of the chosen regions, periods,
 * categories and measures in the chosen view, as tidy records, written as CSV in both dialects and as JSON.
 * Built in the browser for the reader's selection and at build time for the default one, so the links work
 * without JavaScript too.
 */
import { rowKey } from '../data/dataset';
import { toDownloadRecords, downloadColumns, type DownloadRecord } from '../downloads/records';
import { DIALECTS, formatCsv, type CsvDialect } from '../downloads/csv';
import { indexView, selectedRegions } from './pivot';
import type { Selection } from './selection';
import type { TableRow, TableSource } from './table-source';

export type SelectionFormat = CsvDialect | 'json';

export const SELECTION_FORMATS: readonly SelectionFormat[] = ['rfc4180', 'excel-nl', 'json'];

/** "jeugdhulp-selectie.csv", "jeugdhulp-selectie-excel.csv", "jeugdhulp-selectie.json". */
export function selectionFileName(datasetId: string, format: SelectionFormat): string {
  return format === 'json' ? `${datasetId}-selectie.json` : `${datasetId}-selectie${DIALECTS[format].suffix}.csv`;
}

export const FORMAT_LABEL: Record<SelectionFormat, string> = {
  rfc4180: DIALECTS.rfc4180.label,
  'excel-nl': DIALECTS['excel-nl'].label,
  json: 'JSON',
};

/** The rows of a selection in table order: regions, then periods, then categories. */
export function selectionRows(source: TableSource, selection: Selection): TableRow[] {
  const view = indexView(source, selection);
  const { regions } = selectedRegions(source, selection, view.regions);
  const combos = source.meta.dimensions.reduce<string[][]>(
    (acc, dim) => acc.flatMap((prefix) => dim.codes.filter((c) => (selection.topics[dim.id] ?? []).includes(c.code)).map((c) => [...prefix, c.code])),
    [[]],
  );
  const out: TableRow[] = [];
  for (const region of regions) {
    for (const period of selection.periods) {
      for (const topics of combos) {
        const row = view.byKey.get(rowKey(region.code, period, topics));
        if (row) out.push(row);
      }
    }
  }
  return out;
}

export function selectionRecords(source: TableSource, selection: Selection): DownloadRecord[] {
  const labels = new Map(source.regions.map((r) => [r.code, r.label]));
  return toDownloadRecords(source.meta, selectionRows(source, selection), {
    regionLabel: (code) => labels.get(code) ?? code,
    measures: selection.measures,
    isConverted: (row) => 'variant' in row && row.variant === 'omgerekend',
  });
}

export interface SelectionFileContext {
  /** The release date (ISO) of the figures. */
  releaseDate?: string;
  /** The address of the selection, to find it again. */
  permalink: string;
}

/** The file contents of a selection download in one format. */
export function selectionFile(source: TableSource, selection: Selection, format: SelectionFormat, context: SelectionFileContext): { name: string; type: string; text: string } {
  const records = selectionRecords(source, selection);
  const name = selectionFileName(source.meta.id, format);
  if (format !== 'json') {
    return { name, type: 'text/csv;charset=utf-8', text: formatCsv(downloadColumns(source.meta), records, format) };
  }
  const { meta } = source;
  const document = {
    dataset: meta.id,
    titel: meta.title,
    bron: meta.attribution,
    ...(meta.source.table ? { cbsTabel: meta.source.table } : {}),
    licentie: { naam: meta.licence.name, url: meta.licence.url },
    ...(meta.fictitious ? { fictief: true } : {}),
    ...(context.releaseDate ? { publicatiedatum: context.releaseDate } : {}),
    selectie: context.permalink,
    indeling: selection.view === 'omgerekend' ? `omgerekend naar de gemeentelijke indeling van ${source.indeling}` : 'zoals gepubliceerd (indeling van elk jaar)',
    kolommen: downloadColumns(meta),
    records,
  };
  return { name, type: 'application/json;charset=utf-8', text: JSON.stringify(document) };
}
