/**
 * The compact JSON a table page fetches when the reader changes the selection: one file with the dataset's
 * metadata and regions (labels once), and one file per period with its rows. A row is an array of indexes
 * and cells, never labels; derived measures (rates) are left out and recomputed from their numerator and
 * denominator on arrival, as the build does.
 *
 *   tabel.json              {v, meta, periods, indeling, regions: [[code, label, provincie?, jeugdregio?, from?, until?], …]}
 *
 * A region's provincie and jeugdregio are left out (or null before `from`) where they are those of its
 * gemeente; `from` and `until` are the years it exists in where limited (RegionInfo.years; null: open).
 *   cijfers/<periode>.json  {v, period, measures, rows: [[region, topic…, variant, cell…], …]}
 *
 * A cell is a number, a CBS symbol ("." "x" "-" ""), null, or [value, symbol] for the rare figure that has both.
 */
import type { DatasetMeta, Release } from '../../schemas/dataset';
import { computeDerivedMeasures } from '../data/dataset';
import { symbolObservation, type CellSymbol, type Observation } from '../data/symbols';
import { gemeenteOfWijk } from '../regions/codes';
import { regionKindOf } from './region-keys';
import type { RegionInfo, RowVariant, TableRow, TableSource } from './table-source';

export const COMPACT_VERSION = 1;

export type CompactRegion =
  | [string, string]
  | [string, string, string, string]
  | [string, string, string | null, string | null, number | null, number | null];

export interface CompactTable {
  v: number;
  meta: DatasetMeta;
  /** The catalog release the figures belong to, named in downloads of a selection. */
  release?: Release;
  periods: string[];
  indeling: number;
  regions: CompactRegion[];
}

export type CompactCell = number | string | null | [number, string];

export interface CompactPeriod {
  v: number;
  period: string;
  /** Ids of the measures whose cells each row holds, in order. */
  measures: string[];
  rows: CompactCell[][];
}

const VARIANTS: readonly RowVariant[] = ['beide', 'omgerekend', 'gepubliceerd'];

export function encodeTable(source: TableSource, release?: Release): CompactTable {
  const byCode = new Map(source.regions.map((r) => [r.code, r]));
  const regions = source.regions.map((r): CompactRegion => {
    if (r.kind !== 'gemeente' && r.kind !== 'wijk') return [r.code, r.label];
    const gemeente = r.kind === 'wijk' ? byCode.get(r.gemeente ?? '') : undefined;
    // A wijk takes its provincie and jeugdregio from its gemeente when that is in the list.
    const inherits = gemeente !== undefined && gemeente.provincie === r.provincie && gemeente.jeugdregio === r.jeugdregio;
    if (r.years) return [r.code, r.label, inherits ? null : (r.provincie ?? ''), inherits ? null : (r.jeugdregio ?? ''), r.years.from ?? null, r.years.until ?? null];
    if (inherits) return [r.code, r.label];
    return [r.code, r.label, r.provincie ?? '', r.jeugdregio ?? ''];
  });
  // The meta's own region list and release history are not needed in the browser: regions come labelled
  // once in `regions`, and earlier releases are not shown in the table.
  const meta: DatasetMeta = { ...source.meta, regions: [], history: [] };
  return { v: COMPACT_VERSION, meta, ...(release ? { release } : {}), periods: source.periods, indeling: source.indeling, regions };
}

export function decodeRegions(regions: readonly CompactRegion[]): RegionInfo[] {
  const out: RegionInfo[] = [];
  const byCode = new Map<string, RegionInfo>();
  for (const [code, label, provincie, jeugdregio, from, until] of regions) {
    const kind = regionKindOf(code);
    if (!kind) continue;
    const info: RegionInfo = { code, label, kind };
    if (kind === 'wijk') info.gemeente = gemeenteOfWijk(code);
    const parent = kind === 'wijk' && (provincie === undefined || provincie === null) ? byCode.get(info.gemeente!) : undefined;
    const p = provincie ?? parent?.provincie;
    const j = jeugdregio ?? parent?.jeugdregio;
    if (p) info.provincie = p;
    if (j) info.jeugdregio = j;
    if ((from ?? null) !== null || (until ?? null) !== null) info.years = { ...(from != null ? { from } : {}), ...(until != null ? { until } : {}) };
    out.push(info);
    byCode.set(code, info);
  }
  return out;
}

export function encodeCell(cell: Observation | undefined): CompactCell {
  if (!cell) return '.';
  if (cell.symbol === null) return cell.value;
  if (cell.value === null || (cell.symbol === '-' && cell.value === 0)) return cell.symbol;
  return [cell.value, cell.symbol];
}

export function decodeCell(cell: CompactCell | undefined): Observation {
  if (cell === undefined) return { value: null, symbol: '.' };
  if (typeof cell === 'number' || cell === null) return { value: cell, symbol: null };
  if (Array.isArray(cell)) return { value: cell[0], symbol: cell[1] as CellSymbol };
  return symbolObservation(cell as CellSymbol);
}

/** The rows of one period, as indexes into the table's regions and each dimension's codes. */
// The build writes a file for every period of a source: group its rows by period once, not once per file.
const rowsByPeriod = new WeakMap<TableSource, Map<string, TableRow[]>>();

function rowsOfPeriod(source: TableSource, period: string): readonly TableRow[] {
  let byPeriod = rowsByPeriod.get(source);
  if (!byPeriod) {
    byPeriod = new Map();
    for (const row of source.rows) {
      const list = byPeriod.get(row.period);
      if (list) list.push(row);
      else byPeriod.set(row.period, [row]);
    }
    rowsByPeriod.set(source, byPeriod);
  }
  return byPeriod.get(period) ?? [];
}

export function encodePeriod(source: TableSource, period: string): CompactPeriod {
  const regionIndex = new Map(source.regions.map((r, i) => [r.code, i]));
  const topicIndex = source.meta.dimensions.map((d) => new Map(d.codes.map((c, i) => [c.code, i])));
  const stored = source.meta.measures.map((m, i) => ({ m, i })).filter(({ m }) => !m.derived);
  const rows: CompactCell[][] = [];
  for (const row of rowsOfPeriod(source, period)) {
    const region = regionIndex.get(row.region);
    if (region === undefined) continue;
    rows.push([
      region,
      ...row.topics.map((code, d) => topicIndex[d]!.get(code) ?? -1),
      VARIANTS.indexOf(row.variant),
      ...stored.map(({ i }) => encodeCell(row.cells[i])),
    ]);
  }
  return { v: COMPACT_VERSION, period, measures: stored.map(({ m }) => m.id), rows };
}

/** Rebuilds rows from the files of some periods; derived measures are computed again. */
export function decodeRows(table: CompactTable, regions: readonly RegionInfo[], periods: readonly CompactPeriod[]): TableRow[] {
  const { meta } = table;
  const dims = meta.dimensions.length;
  const measurePosition = meta.measures.map((m) => m.id);
  const out: TableRow[] = [];
  for (const file of periods) {
    if (file.v !== COMPACT_VERSION) throw new Error(`cijferbestand ${file.period} heeft versie ${file.v}, verwacht ${COMPACT_VERSION}`);
    const slots = file.measures.map((id) => measurePosition.indexOf(id));
    for (const raw of file.rows) {
      const region = regions[raw[0] as number];
      if (!region) continue;
      const topics = meta.dimensions.map((d, j) => d.codes[raw[1 + j] as number]?.code ?? '');
      const cells: Observation[] = meta.measures.map(() => ({ value: null, symbol: '.' }));
      slots.forEach((slot, k) => {
        if (slot >= 0) cells[slot] = decodeCell(raw[2 + dims + k]);
      });
      out.push({ region: region.code, period: file.period, topics, cells, variant: VARIANTS[raw[1 + dims] as number] ?? 'beide' });
    }
  }
  computeDerivedMeasures(meta, out);
  return out;
}

/** A table source from the compact files, holding the rows of the periods fetched so far. */
export function decodeSource(table: CompactTable, periods: readonly CompactPeriod[]): TableSource {
  const regions = decodeRegions(table.regions);
  return { meta: table.meta, periods: table.periods, indeling: table.indeling, regions, rows: decodeRows(table, regions, periods) };
}
