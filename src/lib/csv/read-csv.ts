import Papa from 'papaparse';
import { countWords } from '../format/number';
import { DataError } from '../data/errors';
import { findUnsafeCharacter, unsafeContext, unsafeExpected } from '../data/text-safety';

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export interface ReadCsvOptions {
  /** Shown in error messages. */
  file: string;
  /** Guessed from the header line when not given (`;` or `,`). */
  delimiter?: ',' | ';' | '\t';
  /** The longest field accepted, in characters (default MAX_CSV_FIELD). */
  maxFieldLength?: number;
  /**
   * Refuse a file whose last line has no line end. Every CBS export, Excel and pandas end the last line with
   * one; without it the file may have been cut off in the middle of its last figure ("1352" read as "13").
   */
  requireFinalNewline?: boolean;
}

/** No label, code or figure is this long; a longer field is a broken or hostile file, not data. */
export const MAX_CSV_FIELD = 10_000;

/**
 * Decodes bytes as UTF-8, refusing anything else. A binary file or a Latin-1 export would otherwise turn
 * into replacement characters and wrong labels without a word.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new DataError({ file }, 'het bestand is leeg; verwacht een CSV- of JSON-export van CBS');
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) {
    throw new DataError({ file }, 'het bestand is binair (bevat NUL-tekens); verwacht tekst (CSV of JSON, UTF-8)');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf8(bytes);
    const line = offset === undefined ? undefined : countLines(bytes, offset);
    throw new DataError(
      { file, line },
      'geen geldige UTF-8-tekst; sla de export op als UTF-8 (StatLine: "CSV met BOM, UTF-8")',
      undefined,
      { cause },
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes an input file as the importer and the data folder reader need it: UTF-8 (with or without BOM) or,
 * with its byte-order mark, UTF-16 (what Excel saves as "Unicode-tekst"); then refuses invisible control and
 * bidi characters (text-safety.ts), naming the line. `checkCharacters: false` leaves that to the caller (the
 * JSON reader reports them with their JSON path).
 */
export function decodeText(bytes: Uint8Array, file: string, options: { checkCharacters?: boolean } = {}): string {
  let text: string;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new DataError({ file }, `geldige UTF-16-tekst (het bestand begint met de BOM van ${encoding.toUpperCase()}); sla de export op als UTF-8`, undefined, { cause });
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') throw new DataError({ file }, 'het bestand is leeg; verwacht een CSV- of JSON-export van CBS');
  } else {
    if (looksLikeUtf16WithoutBom(bytes)) {
      throw new DataError({ file }, 'tekst in UTF-8; dit lijkt UTF-16 zonder byte-order mark (elk tweede byte is 0). Sla de export op als UTF-8');
    }
    text = decodeUtf8(bytes, file);
  }
  if (options.checkCharacters !== false) checkCharacters(text, file);
  return text;
}

/** Refuses a text with an invisible control or bidi character, naming its line. */
export function checkCharacters(text: string, file: string): void {
  const unsafe = findUnsafeCharacter(text);
  if (!unsafe) return;
  let line = 1;
  for (let p = text.indexOf('\n'); p !== -1 && p < unsafe.index; p = text.indexOf('\n', p + 1)) line++;
  throw new DataError({ file, line }, unsafeExpected(unsafe.description), unsafeContext(text, unsafe.index));
}

/** ASCII text in UTF-16 has a zero in every other byte; a binary file has zeros anywhere. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (probe.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe.length; i += 2) {
    if (probe[i] === 0) evenZeros++;
    if (probe[i + 1] === 0) oddZeros++;
  }
  const pairs = probe.length / 2;
  return (oddZeros >= pairs * 0.9 && evenZeros === 0) || (evenZeros >= pairs * 0.9 && oddZeros === 0);
}

function countLines(bytes: Uint8Array, end: number): number {
  let lines = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) lines++;
  return lines;
}

/** Byte offset of the first byte that breaks UTF-8, found by decoding growing prefixes line by line. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * Parses CSV text strictly: every record must have as many fields as the header, quotes must balance.
 * Errors name the line. Blank lines are skipped.
 */
export function readCsv(text: string, options: ReadCsvOptions): CsvTable {
  const { file } = options;
  if (text.trim() === '') throw new DataError({ file }, 'het bestand is leeg; verwacht een kopregel en gegevens');
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const lineStarts = indexLineStarts(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, newline: undefined });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const line = quoteError.index !== undefined ? lineAt(lineStarts, quoteError.index) : undefined;
    throw new DataError({ file, line }, 'een aanhalingsteken (") wordt geopend maar niet gesloten');
  }
  // Papaparse gives no positions per row; recover line numbers by walking the records in order.
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of result.data) {
    const recordLine = line;
    line += cells.reduce((n, cell) => n + countNewlines(cell), 0) + 1;
    if (cells.length === 1 && cells[0] === '') continue;
    records.push({ line: recordLine, cells });
  }
  const first = records.shift();
  if (!first) throw new DataError({ file }, 'het bestand is leeg; verwacht een kopregel en gegevens');
  const header = first.cells.map((name) => name.trim());
  checkHeaderNames(header, file);
  const maxField = options.maxFieldLength ?? MAX_CSV_FIELD;
  for (const record of [first, ...records]) {
    if (record !== first && record.cells.length !== header.length) throw fieldCountError(file, record.line, header.length, record.cells.length, delimiter);
    const long = record.cells.findIndex((cell) => cell.length > maxField);
    if (long !== -1) throw fieldLengthError(file, record.line, record === first ? `${header[long]!.slice(0, 40)}...` : header[long], record.cells[long]!.length, maxField);
  }
  if (options.requireFinalNewline) checkFinalNewline(text, file);
  return { header, records };
}

/** Two columns of one name: a reader by name would take one of them and silently drop the other. */
function checkHeaderNames(header: readonly string[], file: string): void {
  const first = new Map<string, number>();
  header.forEach((name, i) => {
    const earlier = first.get(name);
    if (earlier !== undefined) {
      throw new DataError(
        { file, line: 1, field: name },
        `elke kolomnaam één keer in de kopregel; deze staat in kolom ${earlier + 1} en kolom ${i + 1}, en welke van de twee geldt is niet te zeggen`,
      );
    }
    first.set(name, i);
  });
}

function fieldLengthError(file: string, line: number, field: string | undefined, length: number, max: number): DataError {
  return new DataError(
    { file, line, field },
    `een veld van hoogstens ${max.toLocaleString('nl-NL')} tekens; een naam, label of cijfer is nooit zo lang`,
    `${length.toLocaleString('nl-NL')} tekens`,
  );
}

/** Refuses a text whose last line has no line end (see ReadCsvOptions.requireFinalNewline). */
export function checkFinalNewline(text: string, file: string): void {
  if (/\n\s*$/.test(text)) return;
  const line = countNewlines(text) + 1;
  throw new DataError(
    { file, line },
    'een regeleinde na de laatste regel: zonder regeleinde is het bestand misschien midden in een regel afgebroken. Is het compleet, voeg dan een regeleinde toe',
  );
}

/**
 * The same records as readCsv, one at a time, for large files the project writes itself: without any
 * quote or carriage return in the text, a line is its fields split at the delimiter, which is several
 * times faster than the general parser and needs no array of all records. Otherwise it uses readCsv.
 * `on.header` gets the (trimmed) header first, `on.record` the line number and fields of every record
 * (already checked against the header's count).
 */
export function forEachCsvRecord(
  text: string,
  options: ReadCsvOptions & { delimiter: ',' | ';' | '\t' },
  on: { header: (header: string[]) => void; record: (line: number, cells: string[]) => void },
): void {
  if (text.includes('"') || text.includes('\r')) {
    const table = readCsv(text, options);
    on.header(table.header);
    for (const record of table.records) on.record(record.line, record.cells);
    return;
  }
  const { file, delimiter } = options;
  if (text.trim() === '') throw new DataError({ file }, 'het bestand is leeg; verwacht een kopregel en gegevens');
  let header: string[] | undefined;
  let line = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const content = text.slice(start, end);
    start = end + 1;
    if (content === '') continue;
    const cells = content.split(delimiter);
    if (!header) {
      header = cells.map((name) => name.trim());
      checkHeaderNames(header, file);
      on.header(header);
      continue;
    }
    if (cells.length !== header.length) throw fieldCountError(file, line, header.length, cells.length, delimiter);
    on.record(line, cells);
  }
  if (options.requireFinalNewline) checkFinalNewline(text, file);
}

function fieldCountError(file: string, line: number, expected: number, found: number, delimiter: string): DataError {
  const problem = found > expected ? `${countWords(found - expected, 'veld', 'velden')} te veel` : `${countWords(expected - found, 'veld', 'velden')} te weinig`;
  return new DataError(
    { file, line },
    `verwacht ${expected} velden zoals de kopregel (scheidingsteken "${delimiter}"), maar deze regel heeft er ${found}: ${problem}`,
  );
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function indexLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** StatLine downloads use `;`, OData CSV exports `,`: count outside quotes on the header line. */
export function guessDelimiter(text: string): ',' | ';' | '\t' {
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  return counts['\t'] > counts[','] ? '\t' : ',';
}

/** Column index by name; throws a DataError naming the missing column and the ones that are there. */
export function requireColumn(table: CsvTable, name: string, file: string): number {
  const index = table.header.indexOf(name);
  if (index === -1) {
    throw new DataError(
      { file, line: 1, field: name },
      `kolom ontbreekt; de kopregel heeft: ${table.header.map((h) => `"${h}"`).join(', ')}`,
    );
  }
  return index;
}
