import type { DatasetMeta } from '../../schemas/dataset';
import { forEachCsvRecord } from '../csv/read-csv';
import type { RegionRegister } from '../regions/register';
import { cellRangeProblem, findPartAboveWhole, RowGrid } from './consistency';
import { computeDerivedMeasures, rowKey, storedMeasures, type ObservationRow } from './dataset';
import { DataError } from './errors';
import { parsePeriodCode } from './periods';
import { regionYearProblem } from './region-checks';
import { isCellSymbol, MISSING, symbolObservation, type Observation } from './symbols';

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

export interface ParseObservationsOptions {
  /** Checks that every region can have figures in each period (no gemeente after it merged away, no unknown wijk). */
  register?: RegionRegister | undefined;
  /**
   * The file holds the dataset's current figures, so the metadata's regions and periods each have rows, and
   * no part is larger than its whole (consistency.ts). Not for the files of earlier releases, which hold only
   * the rows that differ.
   */
  complete?: boolean | undefined;
}

/**
 * Parses an observations file and checks every line against the dataset's metadata: known region, period
 * and categories, a valid cell per measure in its measure's range (consistency.ts), no key twice; with the
 * options, regions that exist in the period and wholes not smaller than their parts.
 *
 * A dataset has some 150.000 lines of a few cells each, and most cells repeat (counts rounded to fives, a
 * few symbols): each distinct cell text becomes one frozen Observation that all its cells share, which
 * saves millions of small objects and the garbage collector's time over them.
 */
export function parseObservationsCsv(text: string, meta: DatasetMeta, file: string, options: ParseObservationsOptions = {}): ObservationRow[] {
  const regions = new Set(meta.regions.map((r) => r.code));
  const periods = new Set(meta.periods.map((p) => p.code));
  const categories = meta.dimensions.map((d) => new Set(d.codes.map((c) => c.code)));
  const stored = meta.measures.map((m, i) => ({ m, i })).filter(({ m }) => !m.derived);
  const dimCount = meta.dimensions.length;
  const seen = new Map<string, number>();
  const rows: ObservationRow[] = [];
  const lines: number[] = [];
  const shared = new Map<string, Observation>();
  const ranges = stored.map(() => new Map<Observation, string | undefined>());
  const regionPeriods = new Map<string, Map<string, string>>();
  const { register } = options;

  const record = (line: number, cells: string[]) => {
    const region = sharedCode(cells[0]!);
    const period = sharedCode(cells[1]!);
    if (!regions.has(region)) throw new DataError({ file, line, field: REGION_COLUMN }, 'een regiocode uit meta.json (regions)', region);
    if (!periods.has(period)) throw new DataError({ file, line, field: PERIOD_COLUMN }, 'een periodecode uit meta.json (periods)', period);
    const topics = sharedTopics(cells, dimCount);
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
    if (register && !options.complete) {
      // (A complete file is checked once per region and period after reading, checkComplete.)
      // Nested maps: no joined string per line (a dataset has 150.000 of them).
      let byPeriod = regionPeriods.get(region);
      if (!byPeriod) regionPeriods.set(region, (byPeriod = new Map()));
      let problem = byPeriod.get(period);
      if (problem === undefined) byPeriod.set(period, (problem = regionYearProblem(register, region, parsePeriodCode(period)!) ?? ''));
      if (problem !== '') throw new DataError({ file, line, field: REGION_COLUMN }, problem, region);
    }
    // Derived measures stay missing here; computeDerivedMeasures fills them in below.
    const rowCells = new Array<Observation>(meta.measures.length).fill(MISSING);
    for (let s = 0; s < stored.length; s++) {
      const { m, i } = stored[s]!;
      const cellText = cells[2 + dimCount + s]!;
      let cell = shared.get(cellText);
      if (cell === undefined) shared.set(cellText, (cell = Object.freeze(parseStoredCell(cellText, { file, line, field: m.id }))));
      // Cells are shared per text, so each distinct cell of a measure is checked once.
      const checked = ranges[s]!;
      let problem = checked.get(cell);
      if (!checked.has(cell)) checked.set(cell, (problem = cellRangeProblem(m, cell)));
      if (problem !== undefined) throw new DataError({ file, line, field: m.id }, problem, cellText);
      rowCells[i] = cell;
    }
    rows.push({ region, period, topics, cells: rowCells });
    lines.push(line);
  };
  forEachCsvRecord(text, { file, delimiter: ',', requireFinalNewline: true }, { header: (header) => checkHeader(header, meta, file), record });
  if (options.complete) checkComplete(meta, rows, lines, file, register);
  computeDerivedMeasures(meta, rows);
  return rows;
}

/**
 * The current figures of a dataset: every region and period the metadata lists has rows (the import lists
 * exactly those that have), and no part is larger than its whole. A file cut off at a line boundary loses
 * its last rows; where they were the only rows of a period or region, this says so.
 */
function checkComplete(meta: DatasetMeta, rows: readonly ObservationRow[], lines: readonly number[], file: string, register: RegionRegister | undefined): void {
  const grid = new RowGrid(meta, rows);
  if (register) {
    for (const { region, period, row } of grid.regionPeriods()) {
      const problem = regionYearProblem(register, region, parsePeriodCode(period)!);
      if (problem !== undefined) throw new DataError({ file, line: lines[row], field: REGION_COLUMN }, problem, region);
    }
  }
  const last = lines.at(-1) ?? 1;
  const periods = new Set(rows.map((r) => r.period));
  const missingPeriod = meta.periods.find((p) => !periods.has(p.code));
  if (missingPeriod) {
    throw new DataError(
      { file, line: last, field: PERIOD_COLUMN },
      `regels voor elke periode uit meta.json; ${missingPeriod.code} heeft er geen. Is het bestand afgebroken? Het eindigt op regel ${last}`,
    );
  }
  const regions = new Set(rows.map((r) => r.region));
  const missingRegion = meta.regions.find((r) => !regions.has(r.code));
  if (missingRegion) {
    throw new DataError(
      { file, line: last, field: REGION_COLUMN },
      `regels voor elke regio uit meta.json; ${missingRegion.code} (${missingRegion.label}) heeft er geen. Is het bestand afgebroken? Het eindigt op regel ${last}`,
    );
  }
  const problem = findPartAboveWhole(meta, rows, grid);
  if (problem) {
    const measure = meta.measures[problem.measure]!;
    const wholeLine = lines[problem.whole]!;
    throw new DataError(
      { file, line: lines[problem.row], field: measure.id },
      `${problem.expected}${wholeLine !== lines[problem.row] ? ` (regel ${wholeLine})` : ''}`,
      problem.found,
    );
  }
}

function checkHeader(header: readonly string[], meta: DatasetMeta, file: string): void {
  const expected = observationsHeader(meta);
  expected.forEach((name, i) => {
    if (header[i] !== name) {
      throw new DataError({ file, line: 1, field: header[i] ?? `kolom ${i + 1}` }, `kolom ${i + 1} heet "${name}" (volgens meta.json)`, header[i] ?? '');
    }
  });
  if (header.length > expected.length) {
    throw new DataError({ file, line: 1, field: header[expected.length] }, `niet meer dan ${expected.length} kolommen (volgens meta.json)`);
  }
}

/**
 * Region, period and category codes, and the lists of category codes, one copy each for all rows: read anew
 * per line, the same few thousand codes took some 100 MB of strings and arrays in each thread that loads the
 * data (850.000 rows). The lists are frozen: a row never changes its categories.
 */
const codes = new Map<string, string>();
const topicLists = new Map<string, readonly string[]>();
const NO_TOPICS: readonly string[] = Object.freeze([]);

function sharedCode(code: string): string {
  const known = codes.get(code);
  if (known !== undefined) return known;
  codes.set(code, code);
  return code;
}

function sharedTopics(cells: readonly string[], dimCount: number): readonly string[] {
  if (dimCount === 0) return NO_TOPICS;
  const key = dimCount === 1 ? cells[2]! : cells.slice(2, 2 + dimCount).join('\u0000');
  let topics = topicLists.get(key);
  if (!topics) topicLists.set(key, (topics = Object.freeze(cells.slice(2, 2 + dimCount).map(sharedCode))));
  return topics;
}

function parseStoredCell(text: string, where: { file: string; line: number; field: string }): Observation {
  if (isCellSymbol(text)) return symbolObservation(text);
  if (!NUMBER.test(text)) {
    throw new DataError(where, 'een getal met decimale punt, of een teken: ".", "x", "-" of leeg', text);
  }
  return { value: Number(text), symbol: null };
}
