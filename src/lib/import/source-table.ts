/**
 * What every reader of a CBS export produces: the table as the source has it (CBS keys, CBS codes, cells with
 * their symbols), before a table profile and the region register turn it into one of our datasets
 * (build-dataset.ts). Keeping this step separate lets the StatLine, OData v3 and OData v4 readers stay small and
 * lets the same table arrive in several files (a wijken export and a gemeenten export) and be merged.
 */
import type { PeriodStatus } from '../data/periods';
import { DataError, type DataErrorLocation } from '../data/errors';
import { isCellSymbol, symbolObservation, type Observation } from '../data/symbols';
import { parseDutchNumber } from '../format/number';

export type SourceFormat = 'statline-csv' | 'odata-csv' | 'odata-v3' | 'odata-v4';

export interface SourceMeasure {
  /** CBS key: the OData topic key or v4 measure identifier; for StatLine the header label without its unit. */
  key: string;
  label: string;
  unit?: string | undefined;
  description?: string | undefined;
  /** When the source states them (OData metadata); otherwise they are inferred from the figures. */
  decimals?: number | undefined;
}

export interface SourceCode {
  code: string;
  label: string;
  description?: string | undefined;
}

export interface SourceDimension {
  key: string;
  label: string;
  description?: string | undefined;
  /** Known categories in CBS order; codes that only occur in the rows are added by the builder. */
  codes: SourceCode[];
}

/** A figure, or null when the source has no cell at all (empty CSV field, absent v4 observation). */
export type SourceCell = Observation | null;

/** Where a record stands in its file: a CSV line, or an item of a JSON page. */
export interface RecordLocation {
  file: string;
  line?: number | undefined;
  /** JSON path of the record, e.g. `value[12]`; cell fields are appended to it. */
  item?: string | undefined;
}

export interface SourceRecord {
  at: RecordLocation;
  /** A normalised region code (NL01, GM0363, WK036300). */
  region: string;
  /** A CBS period code (2022JJ00). */
  period: string;
  /** The column the period was read from, where the table has several (a joined file: Perioden or year). */
  periodField?: string | undefined;
  /** Category codes, in the order of `SourceTable.dimensions`. */
  topics: string[];
  /** One cell per measure, in the order of `SourceTable.measures`. */
  cells: SourceCell[];
}

export interface SourceTable {
  /** The file or URL the table came from, for messages. */
  file: string;
  format: SourceFormat;
  /** The CBS table id, when the source says (OData metadata, --cbs). */
  tableId?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  measures: SourceMeasure[];
  dimensions: SourceDimension[];
  /** The column or field that names the region, for messages about a region. */
  regionField: string;
  /** The column or field that names the period, for messages about a period (its status). */
  periodField: string;
  records: SourceRecord[];
  /**
   * Period statuses the source states (StatLine `*` marks, OData Perioden Status). A period without one
   * gets its status from the import's rules (period-status.ts), never a default.
   */
  periodStatus: Map<string, PeriodStatus>;
  /** Region names the source gives (wijk names; gemeente names come from the register). */
  regionLabels: Map<string, string>;
  /**
   * What a missing cell means in this source. CSV downloads write suppressed figures as empty fields, so
   * there an empty cell is `.`; OData v4 leaves out exactly the cells StatLine shows blank (cannot occur).
   */
  emptySymbol: '.' | '';
  /** Things the reader passed over on purpose, for the progress log. */
  notices: string[];
}

/** The location of one cell of a record, for a DataError. */
export function cellLocation(at: RecordLocation, field: string): DataErrorLocation {
  return { file: at.file, line: at.line, field: at.item ? `${at.item}.${field}` : field };
}

/**
 * Reads one cell as CBS writes it: a number (decimal comma in StatLine downloads, decimal point in OData),
 * one of the symbols `.`, `x`, `-`, or nothing. OData pads values with spaces, so the text is trimmed first.
 */
export function parseSourceCell(raw: string, decimal: 'comma' | 'point', where: DataErrorLocation): SourceCell {
  const text = raw.trim();
  if (text === '') return null;
  if (isCellSymbol(text)) return symbolObservation(text);
  const value = decimal === 'comma' ? parseDutchNumber(text) : parsePointNumber(text);
  if (value === undefined) {
    const example = decimal === 'comma' ? '"12,5"' : '"12.5"';
    throw new DataError(where, `een getal (zoals ${example}) of een CBS-teken: ".", "x" of "-"`, text);
  }
  return { value, symbol: null };
}

function parsePointNumber(text: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** Is this text a figure or a CBS symbol (so the column holds figures), rather than a name or code? */
export function looksLikeFigure(raw: string, decimal: 'comma' | 'point'): boolean {
  const text = raw.trim();
  if (text === '' || isCellSymbol(text)) return true;
  return decimal === 'comma' ? parseDutchNumber(text) !== undefined : parsePointNumber(text) !== undefined;
}

/** Decimals a figure needs as written: 13.2 → 1, 595 → 0 (a `3566.0` from OData needs none). */
export function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 || /e/i.test(text) ? 0 : text.length - dot - 1;
}

/** OData period statuses as CBS spells them ("Nader voorlopig"). */
export function parseCbsStatus(text: unknown): PeriodStatus | undefined {
  switch (typeof text === 'string' ? text.trim().toLowerCase() : '') {
    case 'definitief':
      return 'definitief';
    case 'voorlopig':
      return 'voorlopig';
    case 'nader voorlopig':
      return 'nader-voorlopig';
    default:
      return undefined;
  }
}
