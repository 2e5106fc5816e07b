import type { DatasetMeta } from '../../schemas/dataset';
import { readCsv, type CsvTable } from '../csv/read-csv';
import { computeDerivedMeasures, rowKey, storedMeasures, type ObservationRow } from './dataset';
import { DataError } from './errors';
import { isCellSymbol, symbolObservation, type Observation } from './symbols';

/**
 * The project's own observations file: one CSV line per region, period and topic category, one column per
 * stored measure. A measure cell holds a number with a decimal point, or one CBS symbol (`.`, `x`, `-`), or
 * is empty when the figure cannot occur. Columns: `regio,perioden,<dimension ids>,<measure ids>`.
 */
export const REGION_COLUMN = 'regio';
export const PERIOD_COLUMN = 'perioden';

const NUMBER = /^-?\d+(\.\d+)?$/;

export function observationsHeader(meta: DatasetMeta): string[] {
  return [REGION_COLUMN, PERIOD_COLUMN, ...meta.dimensions.map((d) => d.id), ...storedMeasures(meta).map((m) => m.id)];
}

export function formatObservationCell(cell: Observation): string {
  if (cell.symbol !== null) return cell.symbol;
  if (cell.value === null) return '.';
  return String(cell.value);
}

/** Serialises rows in a stable order (the caller's), one line each, `\n` line ends. */
export function formatObservationsCsv(meta: DatasetMeta, rows: readonly ObservationRow[]): string {
  const stored = meta.measures.map((m, i) => ({ m, i })).filter(({ m }) => !m.derived);
  const lines = [observationsHeader(meta).join(',')];
  for (const row of rows) {
    const cells = [row.region, row.period, ...row.topics.map(quoteIfNeeded), ...stored.map(({ i }) => formatObservationCell(row.cells[i]!))];
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

function quoteIfNeeded(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Parses an observations file and checks every line against the dataset's metadata: known region, period
 * and categories, a valid cell per measure, no negative counts, no key twice.
 */
export function parseObservationsCsv(text: string, meta: DatasetMeta, file: string): ObservationRow[] {
  const table = readCsv(text, { file, delimiter: ',' });
  checkHeader(table, meta, file);
  const regions = new Set(meta.regions.map((r) => r.code));
  const periods = new Set(meta.periods.map((p) => p.code));
  const categories = meta.dimensions.map((d) => new Set(d.codes.map((c) => c.code)));
  const stored = meta.measures.map((m, i) => ({ m, i })).filter(({ m }) => !m.derived);
  const dimCount = meta.dimensions.length;
  const seen = new Map<string, number>();
  const rows: ObservationRow[] = [];

  for (const { line, cells } of table.records) {
    const region = cells[0]!;
    const period = cells[1]!;
    if (!regions.has(region)) throw new DataError({ file, line, field: REGION_COLUMN }, 'een regiocode uit meta.json (regions)', region);
    if (!periods.has(period)) throw new DataError({ file, line, field: PERIOD_COLUMN }, 'een periodecode uit meta.json (periods)', period);
    const topics = cells.slice(2, 2 + dimCount);
    topics.forEach((code, d) => {
      if (!categories[d]!.has(code)) {
        const dim = meta.dimensions[d]!;
        throw new DataError({ file, line, field: dim.id }, `een code van dimensie "${dim.label}"`, code);
      }
    });
    const key = rowKey(region, period, topics);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new DataError({ file, line }, `elke combinatie van regio, periode en categorie één keer; deze staat ook op regel ${earlier}`, key);
    }
    seen.set(key, line);
    const rowCells: Observation[] = meta.measures.map(() => ({ value: null, symbol: '.' }));
    stored.forEach(({ m, i }, s) => {
      const text = cells[2 + dimCount + s]!;
      rowCells[i] = parseStoredCell(text, { file, line, field: m.id }, m.type === 'aantal');
    });
    rows.push({ region, period, topics, cells: rowCells });
  }
  computeDerivedMeasures(meta, rows);
  return rows;
}

function checkHeader(table: CsvTable, meta: DatasetMeta, file: string): void {
  const expected = observationsHeader(meta);
  expected.forEach((name, i) => {
    if (table.header[i] !== name) {
      throw new DataError({ file, line: 1, field: table.header[i] ?? `kolom ${i + 1}` }, `kolom ${i + 1} heet "${name}" (volgens meta.json)`, table.header[i] ?? '');
    }
  });
  if (table.header.length > expected.length) {
    throw new DataError({ file, line: 1, field: table.header[expected.length] }, `niet meer dan ${expected.length} kolommen (volgens meta.json)`);
  }
}

function parseStoredCell(text: string, where: { file: string; line: number; field: string }, isCount: boolean): Observation {
  if (isCellSymbol(text)) return symbolObservation(text);
  if (!NUMBER.test(text)) {
    throw new DataError(where, 'een getal met decimale punt, of een teken: ".", "x", "-" of leeg', text);
  }
  const value = Number(text);
  if (isCount && value < 0) throw new DataError(where, 'een aantal van 0 of meer', text);
  return { value, symbol: null };
}
