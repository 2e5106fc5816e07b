/**
 * The download of a table selection (issue 5, "selectie"): the figures of the chosen regions, periods,
 * categories and measures in the chosen view, in the same wide layout, columns and formats as the whole
 * dataset's download (src/lib/downloads/files.ts), so a reader's scripts work on both. Built in the browser
 * for the reader's selection and at build time for the default one, so the links work without JavaScript.
 */
import type { DatasetMeta, Release } from '../../schemas/dataset';
import { rowKey, type ObservationRow } from '../data/dataset';
import { formatCsvRows } from '../downloads/csv';
import {
  CONTENT_TYPE,
  csvHeader,
  datasetFileName,
  DOWNLOAD_FORMATS,
  FORMAT_DIALECT,
  indelingText,
  jsonHeader,
  wideTableOf,
  type DownloadFormat,
} from '../downloads/files';
import { formatDownloadJson, type WideTable } from '../downloads/wide';
import { indexView, selectedRegions } from './pivot';
import { regionCodeOf } from './region-keys';
import type { Selection } from './selection';
import type { TableRow, TableSource } from './table-source';

export const SELECTION_FORMATS: readonly DownloadFormat[] = DOWNLOAD_FORMATS;

/** "jeugdhulp-selectie.csv", "jeugdhulp-selectie-excel.csv", "jeugdhulp-selectie.json". */
export function selectionFileName(datasetId: string, format: DownloadFormat): string {
  return datasetFileName(`${datasetId}-selectie`, format);
}

/** The rows of a selection: its regions (with figures), periods and categories, in the chosen view. */
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

/** The selection as the wide download table, with the chosen measures only. */
export function selectionTable(source: TableSource, selection: Selection): { meta: DatasetMeta; table: WideTable } {
  const positions = source.meta.measures.map((m, i) => ({ m, i })).filter(({ m }) => selection.measures.includes(m.id));
  const meta: DatasetMeta = { ...source.meta, measures: positions.map(({ m }) => m) };
  const labelOf = new Map(source.regions.map((r) => [r.code, r.label]));
  // Rows carry the CBS code (a wijk version's key is the table's own); the name is that of the row's version.
  const labels = new Map<string, string>();
  const rows: ObservationRow[] = selectionRows(source, selection).map((row) => {
    const code = regionCodeOf(row.region);
    labels.set(`${code}|${row.period}`, labelOf.get(row.region) ?? code);
    return { ...row, region: code, cells: positions.map(({ i }) => row.cells[i]!) };
  });
  const table = wideTableOf(meta, rows, {
    regionLabel: (code, period) => labels.get(`${code}|${period}`) ?? code,
    isConverted: (row) => 'variant' in row && row.variant === 'omgerekend',
    release: undefined,
    indeling: '',
  });
  return { meta, table };
}

export interface SelectionFileContext {
  release: Release | undefined;
  /** The address of the selection, to find it again. */
  permalink: string;
}

/** The file of a selection download in one format. */
export function selectionFile(source: TableSource, selection: Selection, format: DownloadFormat, context: SelectionFileContext): { name: string; type: string; text: string } {
  const { meta, table } = selectionTable(source, selection);
  const name = selectionFileName(source.meta.id, format);
  if (format !== 'json') return { name, type: CONTENT_TYPE[format], text: formatCsvRows(csvHeader(meta, format), table.rows, FORMAT_DIALECT[format]) };
  const indeling = indelingText(selection.view === 'omgerekend' ? source.indeling : undefined);
  // The header of the whole dataset's JSON, plus where the selection can be found again.
  const header = Object.assign(jsonHeader(meta, { release: context.release, indeling }), { selectie: context.permalink });
  return { name, type: CONTENT_TYPE.json, text: formatDownloadJson(header, table) };
}
