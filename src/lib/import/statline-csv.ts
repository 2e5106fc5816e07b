/**
 * Reads a StatLine CSV download: `;`-separated, decimal commas, one column per dimension holding labels
 * ("Utrecht (gemeente)", "2022*"), then one column per measure headed "Label (eenheid)". StatLine writes names,
 * not codes, so regions are looked up in the register, on the indeling of the row's year.
 *
 * Empty cells. CBS's legend says an empty cell "cannot occur", but a StatLine download also writes suppressed
 * figures as empty cells (Ameland in 82972NED: a percentage, then four empty cells). For a gemeente that exists
 * in the row's year a figure can occur, so an empty cell is recorded as "." (unknown or secret), and the
 * dataset gets a footnote saying so. A row of a gemeente that did not exist that year (merged away) with only
 * empty cells is not data and is skipped (build-dataset.ts, isMergedAwayFiller).
 */
import { MAX_LABEL_LENGTH } from '../../schemas/dataset';
import { readCsv, type CsvTable } from '../csv/read-csv';
import { DataError } from '../data/errors';
import { parsePeriodCode, parsePeriodLabel } from '../data/periods';
import { NEDERLAND, regionKind, slugify } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import { parseSourceCell, type SourceDimension, type SourceMeasure, type SourceRecord, type SourceTable } from './source-table';

const PERIOD_HEADERS = ['perioden', 'periode'];
const REGION_HEADERS = ["regio's", 'regios', 'regio', 'gemeenten', 'gemeente', 'wijken en buurten', 'wijken'];

/** "Jongeren met jeugdhulp in natura (% (zie toelichting))" → label and unit; undefined for a dimension header. */
export function splitStatlineHeader(header: string): { label: string; unit: string } | undefined {
  if (!header.endsWith(')')) return undefined;
  // Walk back to the parenthesis that opens the last group; units may nest one, as in "% (zie toelichting)".
  let depth = 0;
  for (let i = header.length - 1; i >= 0; i--) {
    if (header[i] === ')') depth++;
    else if (header[i] === '(' && --depth === 0) {
      const label = header.slice(0, i).trim();
      const unit = header.slice(i + 1, -1).replace(/\s*\(zie toelichting\)\s*$/i, '').trim();
      return label && unit ? { label, unit } : undefined;
    }
  }
  return undefined;
}

interface Layout {
  region: number;
  period: number;
  topics: Array<{ index: number; dimension: SourceDimension }>;
  measures: Array<{ index: number; measure: SourceMeasure }>;
}

function findColumn(table: CsvTable, names: string[], file: string, what: string): number {
  const index = table.header.findIndex((h) => names.includes(h.toLowerCase()));
  if (index === -1) {
    throw new DataError(
      { file, line: 1, field: what },
      `kolom ontbreekt; een StatLine-download heeft een kolom "${what}" (de kopregel heeft: ${table.header.map((h) => `"${h}"`).join(', ')})`,
    );
  }
  return index;
}

function layoutOf(table: CsvTable, file: string): Layout {
  const region = findColumn(table, REGION_HEADERS, file, "Regio's");
  const period = findColumn(table, PERIOD_HEADERS, file, 'Perioden');
  const layout: Layout = { region, period, topics: [], measures: [] };
  table.header.forEach((header, index) => {
    if (index === region || index === period) return;
    const split = splitStatlineHeader(header);
    if (split) layout.measures.push({ index, measure: { key: split.label, label: split.label, unit: split.unit } });
    else layout.topics.push({ index, dimension: { key: slugify(header) || `dimensie-${index + 1}`, label: header, codes: [] } });
  });
  if (layout.measures.length === 0) {
    throw new DataError(
      { file, line: 1 },
      'minstens één kolom met cijfers, met de eenheid tussen haakjes in de kop, zoals "Jongeren met jeugdhulp (aantal)"',
    );
  }
  return layout;
}

/**
 * Finds the region a StatLine label names, on the indeling of `year`. Returns undefined for rows that are not
 * regions at all (gemeentegrootteklassen such as "20 000 tot 50 000 inwoners", which 82972NED lists too).
 */
export function resolveStatlineRegion(name: string, year: number, register: RegionRegister): string | undefined | 'unknown' | string[] {
  const text = name.trim();
  if (/^nederland$/i.test(text)) return NEDERLAND;
  if (/inwoners$/i.test(text)) return undefined;
  const provincie = /^(.*?)\s*\(PV\)$/i.exec(text);
  const candidates = register
    .resolve(provincie ? provincie[1]! : text)
    .filter((code) => (provincie ? regionKind(code) === 'provincie' : regionKind(code) !== undefined));
  if (candidates.length === 0) return 'unknown';
  if (candidates.length === 1) return candidates[0]!;
  // "Hengelo" was one gemeente then, another now: the one that existed in the row's year is meant.
  const existing = candidates.filter((code) => {
    const g = register.gemeente(code);
    return g !== undefined && g.eersteJaar <= year && (g.laatsteJaar === null || g.laatsteJaar >= year);
  });
  return existing.length === 1 ? existing[0]! : candidates;
}

/** A StatLine header: a Perioden column and at least one "Label (eenheid)" column. */
export function isStatlineHeader(header: readonly string[]): boolean {
  return header.some((h) => PERIOD_HEADERS.includes(h.toLowerCase())) && header.some((h) => splitStatlineHeader(h) !== undefined);
}

function isPeriodCode(text: string): boolean {
  return parsePeriodCode(text.trim().replace(/\*+$/, '').trim()) !== undefined;
}

export function readStatlineCsv(text: string, file: string, register: RegionRegister, delimiter: ',' | ';' | '\t' = ';'): SourceTable {
  // Every field is a name, a label or a figure: none is longer than a label may be.
  const table = readCsv(text, { file, delimiter, maxFieldLength: MAX_LABEL_LENGTH });
  const layout = layoutOf(table, file);
  const regionHeader = table.header[layout.region]!;
  const periodHeader = table.header[layout.period]!;
  const result: SourceTable = {
    file,
    format: 'statline-csv',
    measures: layout.measures.map((m) => m.measure),
    dimensions: layout.topics.map((t) => t.dimension),
    regionField: regionHeader,
    periodField: periodHeader,
    records: [],
    periodStatus: new Map(),
    regionLabels: new Map(),
    emptySymbol: '.',
    notices: [],
  };
  let sizeClassRows = 0;
  for (const { line, cells } of table.records) {
    const periodText = cells[layout.period]!;
    const parsed = parsePeriodLabel(periodText);
    if (!parsed) {
      throw new DataError({ file, line, field: periodHeader }, 'een periode zoals "2022", "2022*", "2023 1e halfjaar**" of "2023HJ01"', periodText);
    }
    const name = cells[layout.region]!;
    const region = resolveStatlineRegion(name, parsed.period.year, register);
    if (region === undefined) {
      sizeClassRows++;
      continue;
    }
    if (region === 'unknown') {
      throw new DataError({ file, line, field: regionHeader }, 'een gemeente, provincie of jeugdregio uit het register (src/reference), of "Nederland"', name);
    }
    if (Array.isArray(region)) {
      throw new DataError({ file, line, field: regionHeader }, `één regio; deze naam past bij ${region.join(', ')}`, name);
    }
    const code = parsed.period.code;
    // StatLine marks every period that is not definitief ("2022*"), so a label without a mark is definitief.
    // A bare CBS code ("2022JJ00") in the column is no StatLine label and says nothing about the status.
    const status = parsed.status ?? (isPeriodCode(periodText) ? undefined : 'definitief');
    if (status !== undefined && !result.periodStatus.has(code)) result.periodStatus.set(code, status);
    const record: SourceRecord = {
      at: { file, line },
      region,
      period: code,
      topics: layout.topics.map(({ index }) => {
        const label = cells[index]!.trim();
        const code = slugify(label);
        if (label !== '' && code === '') {
          throw new DataError({ file, line, field: table.header[index] }, 'een categorie met letters of cijfers in de naam (de code van de categorie wordt ervan gemaakt)', label);
        }
        return code;
      }),
      cells: layout.measures.map(({ index }) => parseSourceCell(cells[index]!, 'comma', { file, line, field: table.header[index] })),
    };
    layout.topics.forEach(({ index, dimension }, d) => {
      const code = record.topics[d]!;
      if (!dimension.codes.some((c) => c.code === code)) dimension.codes.push({ code, label: cells[index]!.trim() });
    });
    result.records.push(record);
  }
  if (sizeClassRows > 0) result.notices.push(`${file}: ${sizeClassRows} regel(s) met gemeentegrootteklassen overgeslagen (geen regio)`);
  return result;
}
