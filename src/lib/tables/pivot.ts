/**
 * Turns a table source and a selection into a table: header rows, row headers (nested for several row
 * dimensions), and cells with their shown text, symbol and marks (footnote numbers, omgerekend). Pure: the
 * build renders the default table with it and the browser re-renders the table for another selection.
 */
import type { Footnote, Measure } from '../../schemas/dataset';
import { rowKey } from '../data/dataset';
import { parsePeriodCode, periodLabelWithStatus, type PeriodStatus } from '../data/periods';
import type { CellSymbol, Observation } from '../data/symbols';
import { formatNumber, formatObservation } from '../format/number';
import { labelWithUnit } from '../format/text';
import type { RegionKind } from '../regions/codes';
import {
  dimensionIds,
  MEASURE_DIM,
  PERIOD_DIM,
  placeDimensions,
  REGION_DIM,
  resolveRegionTokens,
  type Selection,
} from './selection';
import { cannotOccur } from './region-keys';
import { tableFootnotes, type RegionInfo, type TableRow, type TableSource } from './table-source';

export type Mark = { type: 'voetnoot'; number: number; id: string } | { type: 'omgerekend' };

export interface HeaderCell {
  id: string;
  label: string;
  /** The unit under a measure's label: "aantal", "%". */
  unit?: string;
  /** Columns (column headers) or rows (row headers) the cell spans. */
  span: number;
  marks: Mark[];
  /** A total (Nederland, a total category) is shown in bold. */
  total: boolean;
}

export interface PivotCell {
  text: string;
  value: number | null;
  symbol: CellSymbol | null;
  marks: Mark[];
}

export interface BodyRow {
  /** One per row-header column; null where a header of an earlier row spans down over this one. */
  headers: Array<HeaderCell | null>;
  /** Ids of every row header this row falls under (group, spanning headers, own), outermost first. */
  headerIds: string[];
  cells: PivotCell[];
  total: boolean;
}

export interface BodyGroup {
  /** The heading row of a group (a kind of region, or an item of the outer row dimension). */
  header?: HeaderCell;
  rows: BodyRow[];
}

export interface PivotTable {
  id: string;
  /** What the table shows: the dataset and the fixed choices (title), and its layout and indeling (detail). */
  caption: { title: string; detail: string };
  /** Footnotes that concern the whole table; shown after the caption's title. */
  captionMarks: Mark[];
  /** Labels of the row-header columns, shown in the last header row. */
  cornerLabels: string[];
  /** One list of header cells per column dimension, outermost first. */
  columnHeaders: HeaderCell[][];
  /** Ids of the column headers over each data column, outermost first. */
  columnHeaderIds: string[][];
  groups: BodyGroup[];
  rowCount: number;
  columnCount: number;
  /** Several header levels: cells name their headers with `headers`/`id` as well as `scope`. */
  complex: boolean;
  footnotes: Array<{ number: number; id: string; text: string }>;
  /** True when some figure in the table was converted to the latest indeling. */
  hasConverted: boolean;
  /** Symbols that occur in cells or headers, for the short legend under the table. */
  symbols: string[];
  indeling: number;
  placement: { rows: string[]; columns: string[] };
  messages: string[];
}

export interface PivotOptions {
  /** Prefix of the ids in the table, unique on the page. */
  id?: string;
  /** Above this many cells the table is not built; the selection download still works. */
  maxCells?: number;
}

interface Item {
  code: string;
  label: string;
  /** The full label, where the header uses a short one (measures). */
  fullLabel?: string;
  unit?: string;
  total: boolean;
  /** Group key for regions when they are the only row dimension: the kind (wijken: per gemeente). */
  group?: string;
}

interface Dim {
  id: string;
  label: string;
  items: Item[];
}

export const DIMENSION_LABELS: Record<string, string> = { [REGION_DIM]: "Regio's", [PERIOD_DIM]: 'Perioden', [MEASURE_DIM]: 'Onderwerpen' };

const DEFAULT_MAX_CELLS = 60_000;

/** The rows of one view in the selected periods, by key, and the regions that have any. */
export function indexView(source: TableSource, selection: Pick<Selection, 'view' | 'periods'>): { byKey: Map<string, TableRow>; regions: Set<string> } {
  const periods = new Set(selection.periods);
  const byKey = new Map<string, TableRow>();
  const regions = new Set<string>();
  for (const row of source.rows) {
    if (row.variant !== 'beide' && row.variant !== selection.view) continue;
    if (!periods.has(row.period)) continue;
    byKey.set(rowKey(row.region, row.period, row.topics), row);
    regions.add(row.region);
  }
  return { byKey, regions };
}

/** The regions of a selection that have figures in it, and a message for each named region that has none. */
export function selectedRegions(source: TableSource, selection: Selection, withData: ReadonlySet<string>): { regions: RegionInfo[]; messages: string[] } {
  const named = resolveRegionTokens(selection.regions, source.regions);
  const messages: string[] = [];
  for (const region of named) {
    if (!withData.has(region.code) && selection.regions.includes(region.code)) {
      messages.push(`Geen cijfers voor ${region.label} in deze selectie${region.kind === 'gemeente' && selection.view === 'omgerekend' ? ' (kies “zoals gepubliceerd” voor voormalige gemeenten)' : ''}.`);
    }
  }
  return { regions: named.filter((r) => withData.has(r.code)), messages };
}

export function buildPivot(source: TableSource, selection: Selection, options: PivotOptions = {}): PivotTable {
  const { meta } = source;
  const id = options.id ?? 't';
  const view = indexView(source, selection);
  const { regions, messages } = selectedRegions(source, selection, view.regions);
  const statuses = new Map<string, PeriodStatus>(meta.periods.map((p) => [p.code, p.status]));
  const measureIndex = new Map(meta.measures.map((m, i) => [m.id, i]));

  const groupOf = (r: RegionInfo) => (r.kind === 'wijk' ? `wijk:${r.gemeente ?? ''}` : r.kind);
  const dims: Dim[] = [
    {
      id: REGION_DIM,
      label: DIMENSION_LABELS[REGION_DIM]!,
      items: regions.map((r) => ({ code: r.code, label: r.label, total: r.kind === 'land', group: groupOf(r) })),
    },
    {
      id: PERIOD_DIM,
      label: DIMENSION_LABELS[PERIOD_DIM]!,
      items: selection.periods.map((code) => ({ code, label: periodText(code, statuses.get(code)), total: false })),
    },
    ...meta.dimensions.map((dim) => ({
      id: dim.id,
      label: dim.label,
      items: dim.codes
        .filter((c) => (selection.topics[dim.id] ?? []).includes(c.code))
        .map((c) => ({ code: c.code, label: c.label, total: c.total })),
    })),
    {
      id: MEASURE_DIM,
      label: DIMENSION_LABELS[MEASURE_DIM]!,
      items: meta.measures
        .filter((m) => selection.measures.includes(m.id))
        .map((m) => ({ code: m.id, label: m.shortLabel ?? m.label, fullLabel: m.label, unit: m.unit, total: false })),
    },
  ];
  const byId = new Map(dims.map((d) => [d.id, d]));
  const counts = new Map(dims.map((d) => [d.id, d.items.length]));
  const placement = placeDimensions(selection, counts, dimensionIds(meta));
  const rowDims = placement.rows.map((d) => byId.get(d)!);
  const columnDims = placement.columns.map((d) => byId.get(d)!);
  const fixedDims = dims.filter((d) => !placement.rows.includes(d.id) && !placement.columns.includes(d.id));

  const notes = placeFootnotes(tableFootnotes(meta), dims);
  const result: PivotTable = {
    id,
    caption: { title: '', detail: '' },
    captionMarks: notes.table,
    cornerLabels: [],
    columnHeaders: [],
    columnHeaderIds: [],
    groups: [],
    rowCount: 0,
    columnCount: 0,
    complex: false,
    footnotes: notes.numbered,
    hasConverted: false,
    symbols: [],
    indeling: source.indeling,
    placement,
    messages,
  };
  result.caption = captionText(source, selection, dims, fixedDims, rowDims, columnDims);

  const empty = dims.find((d) => d.items.length === 0);
  if (empty) {
    messages.push(empty.id === REGION_DIM ? "Geen regio's met cijfers in deze selectie." : `Kies ten minste één ${singular(empty)}.`);
    return result;
  }
  const rowCount = rowDims.reduce((n, d) => n * d.items.length, 1);
  const columnCount = columnDims.reduce((n, d) => n * d.items.length, 1);
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (rowCount * columnCount > maxCells) {
    messages.push(
      `Deze selectie heeft ${formatNumber(rowCount * columnCount)} cellen; dat is te veel om als tabel te tonen (hoogstens ${formatNumber(maxCells)}). Kies minder regio's, perioden of onderwerpen, of download de selectie.`,
    );
    return result;
  }

  // Column headers: one header row per column dimension, each item spanning the leaves below it.
  const leaves = cartesian(columnDims.map((d) => d.items));
  result.columnHeaders = columnDims.map((dim, level) => {
    const span = columnDims.slice(level + 1).reduce((n, d) => n * d.items.length, 1);
    const repeat = columnDims.slice(0, level).reduce((n, d) => n * d.items.length, 1);
    const cells: HeaderCell[] = [];
    for (let r = 0; r < repeat; r++) {
      dim.items.forEach((item, i) => cells.push(headerCell(`${id}-k${level}-${r * dim.items.length + i}`, item, span, notes.items.get(`${dim.id}|${item.code}`))));
    }
    return cells;
  });
  result.columnHeaderIds = leaves.map((_, leaf) =>
    columnDims.map((_dim, level) => {
      const span = columnDims.slice(level + 1).reduce((n, d) => n * d.items.length, 1);
      return `${id}-k${level}-${Math.floor(leaf / span)}`;
    }),
  );

  // Row structure: with several row dimensions the outer one makes the groups (tbody with a heading row);
  // with one, regions are grouped by kind.
  const grouped = rowDims.length >= 2;
  const innerDims = grouped ? rowDims.slice(1) : rowDims;
  result.cornerLabels = innerDims.map((d) => d.label);
  result.complex = columnDims.length > 1 || grouped;
  const outerGroups: Array<{ header?: { item: Item; dim: Dim }; fixed: Array<[Dim, Item]>; items: Item[][] }> = [];
  const combos = cartesian(innerDims.map((d) => d.items));
  if (grouped) {
    for (const item of rowDims[0]!.items) outerGroups.push({ header: { item, dim: rowDims[0]! }, fixed: [[rowDims[0]!, item]], items: combos });
  } else if (rowDims[0]?.id === REGION_DIM) {
    const kinds = [...new Set(rowDims[0].items.map((i) => i.group))];
    for (const kind of kinds) outerGroups.push({ fixed: [], items: combos.filter((c) => c[0]!.group === kind) });
  } else outerGroups.push({ fixed: [], items: combos });

  const fixedPairs: Array<[Dim, Item]> = fixedDims.map((d) => [d, d.items[0]!]);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const symbols = new Set<string>();
  let groupIndex = 0;
  let rowIndex = 0;
  for (const group of outerGroups) {
    const groupHeader = group.header
      ? headerCell(`${id}-g${groupIndex}`, group.header.item, columnCount + innerDims.length, notes.items.get(`${group.header.dim.id}|${group.header.item.code}`))
      : regionGroupHeader(`${id}-g${groupIndex}`, group.items[0]?.[0], regions, columnCount + innerDims.length, rowDims[0]?.id === REGION_DIM && outerGroups.length > 1);
    groupIndex++;
    const rows: BodyRow[] = [];
    const open: string[] = [];
    for (const [comboIndex, combo] of group.items.entries()) {
      const headers = combo.map((item, level) => {
        const span = innerDims.slice(level + 1).reduce((n, d) => n * d.items.length, 1);
        if (comboIndex % span !== 0) return null;
        const cell = headerCell(`${id}-r${rowIndex}-${level}`, item, span, notes.items.get(`${innerDims[level]!.id}|${item.code}`));
        open[level] = cell.id;
        return cell;
      });
      const coordinate: Array<[Dim, Item]> = [...fixedPairs, ...group.fixed, ...combo.map((item, level): [Dim, Item] => [innerDims[level]!, item])];
      const cells = leaves.map((leaf) => {
        const full = [...coordinate, ...leaf.map((item, level): [Dim, Item] => [columnDims[level]!, item])];
        return buildCell(full, view.byKey, source, measureIndex, notes.cells, (code, period) => {
          const region = regionByCode.get(code);
          return region !== undefined && cannotOccur(region, period, selection.view);
        });
      });
      const converted = cells.filter((c) => c.converted).length;
      const last = headers[headers.length - 1];
      if (converted > 0 && converted === cells.length && last) {
        // The whole row is converted: one mark on its header says it once.
        last.marks.push({ type: 'omgerekend' });
        for (const c of cells) c.marks = c.marks.filter((m) => m.type !== 'omgerekend');
      }
      if (converted > 0) result.hasConverted = true;
      for (const c of cells) if (c.symbol !== null) symbols.add(c.symbol);
      rows.push({
        headers,
        headerIds: [...(groupHeader ? [groupHeader.id] : []), ...open.slice(0, innerDims.length)],
        cells: cells.map(({ converted: _converted, ...cell }) => cell),
        total: combo.at(-1)?.total ?? false,
      });
      rowIndex++;
    }
    result.groups.push(groupHeader ? { header: groupHeader, rows } : { rows });
  }
  // Status marks of the periods (in headers or the caption) belong in the legend under the table too.
  for (const item of byId.get(PERIOD_DIM)!.items) {
    const mark = /(\*+)$/.exec(item.label)?.[1];
    if (mark) symbols.add(mark);
  }
  result.symbols = [...symbols];
  result.rowCount = rowIndex;
  result.columnCount = columnCount;
  return result;
}

function periodText(code: string, status: PeriodStatus | undefined): string {
  const period = parsePeriodCode(code);
  return period ? periodLabelWithStatus(period, status ?? 'definitief') : code;
}

function singular(dim: Dim): string {
  if (dim.id === PERIOD_DIM) return 'periode';
  if (dim.id === MEASURE_DIM) return 'onderwerp';
  return `categorie van ${dim.label.toLowerCase()}`;
}

function headerCell(id: string, item: Item, span: number, marks: Mark[] | undefined): HeaderCell {
  const cell: HeaderCell = { id, label: item.label, span, marks: [...(marks ?? [])], total: item.total };
  if (item.unit) cell.unit = item.unit;
  return cell;
}

const GROUP_LABEL: Record<RegionKind, string> = {
  land: 'Nederland',
  provincie: 'Provincies',
  jeugdregio: "Jeugdregio's",
  gemeente: 'Gemeenten',
  wijk: 'Wijken',
};

/** A heading row for a kind of region; Nederland needs none, and neither does a table of one kind. */
function regionGroupHeader(id: string, first: Item | undefined, regions: RegionInfo[], span: number, needed: boolean): HeaderCell | undefined {
  if (!needed || !first?.group || first.group === 'land') return undefined;
  let label = GROUP_LABEL[first.group as RegionKind] ?? 'Wijken';
  if (first.group.startsWith('wijk:')) {
    const gemeente = regions.find((r) => r.code === first.group!.slice(5));
    label = gemeente ? `Wijken in ${gemeente.label}` : 'Wijken';
  }
  return { id, label, span, marks: [], total: false };
}

function buildCell(
  coordinate: Array<[Dim, Item]>,
  byKey: Map<string, TableRow>,
  source: TableSource,
  measureIndex: Map<string, number>,
  cellNotes: PlacedNote[],
  impossible: (region: string, period: string) => boolean,
): PivotCell & { converted: boolean } {
  const codes = new Map(coordinate.map(([dim, item]) => [dim.id, item.code]));
  const topics = source.meta.dimensions.map((d) => codes.get(d.id) ?? '');
  const row = byKey.get(rowKey(codes.get(REGION_DIM)!, codes.get(PERIOD_DIM)!, topics));
  const measureId = codes.get(MEASURE_DIM)!;
  const measure: Measure = source.meta.measures[measureIndex.get(measureId)!]!;
  const marks: Mark[] = cellNotes.filter((n) => n.constraints.every((c) => c.codes.has(codes.get(c.dim) ?? ''))).map((n) => n.mark);
  // No row where the region did not exist (Beemster in 2022, a wijk before or after its version): empty,
  // "kan niet voorkomen"; any other missing row is unknown (".").
  if (!row && impossible(codes.get(REGION_DIM)!, codes.get(PERIOD_DIM)!)) return { text: '', value: null, symbol: '', marks, converted: false };
  const observation: Observation | undefined = row?.cells[measureIndex.get(measureId)!];
  const converted = row?.variant === 'omgerekend';
  if (converted) marks.push({ type: 'omgerekend' });
  return {
    text: formatObservation(observation, measure),
    value: observation?.value ?? null,
    symbol: observation ? observation.symbol : '.',
    marks,
    converted,
  };
}

interface PlacedNote {
  mark: Mark;
  constraints: Array<{ dim: string; codes: Set<string> }>;
}

/**
 * Decides where each footnote's mark goes. A constraint that every chosen item meets says nothing in this
 * table and is dropped; a footnote none of whose chosen items it concerns is left out. What remains decides:
 * no constraint — the whole table (caption); one — the headers of the items it names; more — the cells.
 * Footnotes are numbered in the order of the dataset.
 */
function placeFootnotes(footnotes: Footnote[], dims: Dim[]): {
  numbered: PivotTable['footnotes'];
  table: Mark[];
  items: Map<string, Mark[]>;
  cells: PlacedNote[];
} {
  const numbered: PivotTable['footnotes'] = [];
  const table: Mark[] = [];
  const items = new Map<string, Mark[]>();
  const cells: PlacedNote[] = [];
  const chosen = new Map(dims.map((d) => [d.id, d.items.map((i) => i.code)]));
  for (const note of footnotes) {
    const raw: Array<{ dim: string; codes: string[] }> = [];
    if (note.appliesTo.regions) raw.push({ dim: REGION_DIM, codes: note.appliesTo.regions });
    if (note.appliesTo.periods) raw.push({ dim: PERIOD_DIM, codes: note.appliesTo.periods });
    if (note.appliesTo.measures) raw.push({ dim: MEASURE_DIM, codes: note.appliesTo.measures });
    for (const [dim, codes] of Object.entries(note.appliesTo.topics ?? {})) raw.push({ dim, codes });
    let applies = true;
    const constraints: PlacedNote['constraints'] = [];
    for (const c of raw) {
      const items = chosen.get(c.dim);
      if (!items) continue;
      const matching = items.filter((code) => c.codes.includes(code));
      if (matching.length === 0) applies = false;
      else if (matching.length < items.length) constraints.push({ dim: c.dim, codes: new Set(matching) });
    }
    if (!applies) continue;
    const mark: Mark = { type: 'voetnoot', number: numbered.length + 1, id: note.id };
    numbered.push({ number: mark.number, id: note.id, text: note.text });
    if (constraints.length === 0) table.push(mark);
    else if (constraints.length === 1) {
      for (const code of constraints[0]!.codes) {
        const key = `${constraints[0]!.dim}|${code}`;
        items.set(key, [...(items.get(key) ?? []), mark]);
      }
    } else cells.push({ mark, constraints });
  }
  return { numbered, table, items, cells };
}

function captionText(source: TableSource, selection: Selection, dims: Dim[], fixed: Dim[], rows: Dim[], columns: Dim[]): PivotTable['caption'] {
  const fixedText = fixed
    .filter((d) => d.items.length === 1)
    .map((d) => {
      const item = d.items[0]!;
      if (d.id === REGION_DIM || d.id === PERIOD_DIM) return item.label;
      if (d.id === MEASURE_DIM) return item.unit ? labelWithUnit(item.fullLabel ?? item.label, item.unit) : (item.fullLabel ?? item.label);
      return `${d.label.toLowerCase()}: ${item.label.toLowerCase()}`;
    });
  const count = (d: Dim) => `${d.label.toLowerCase()} (${formatNumber(d.items.length)})`;
  const layout = `Rijen: ${rows.map(count).join(', ') || '–'}; kolommen: ${columns.map(count).join(', ') || '–'}.`;
  const hasGemeenten = dims[0]!.items.some((i) => i.group === 'gemeente' || i.group?.startsWith('wijk:'));
  const indeling = hasGemeenten
    ? selection.view === 'omgerekend'
      ? ` Gemeenten op de indeling van ${source.indeling}.`
      : ' Gemeenten zoals gepubliceerd (indeling van elk jaar).'
    : '';
  return { title: `${source.meta.title}${fixedText.length ? ` — ${fixedText.join(', ')}` : ''}`, detail: `${layout}${indeling}` };
}

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

