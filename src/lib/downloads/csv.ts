/**
 * Writes download records as CSV in the two dialects readers need, and reads them back (for tests and
 * the round trip). Pure: used at build time for files and in the browser for a table selection.
 *
 * - `rfc4180`: comma, decimal point, UTF-8 without BOM, CRLF. What R, Python and databases expect.
 * - `excel-nl`: semicolon, decimal comma, UTF-8 with BOM, every text field quoted, CRLF. What Dutch Excel
 *   opens correctly with a double click, and what StatLine itself offers.
 */
export type CsvDialect = 'rfc4180' | 'excel-nl';

export const DIALECTS: Record<CsvDialect, { delimiter: string; decimal: string; bom: boolean; label: string; suffix: string }> = {
  rfc4180: { delimiter: ',', decimal: '.', bom: false, label: 'CSV (komma, decimale punt)', suffix: '' },
  'excel-nl': { delimiter: ';', decimal: ',', bom: true, label: 'CSV voor Excel (puntkomma, decimale komma)', suffix: '-excel' },
};

type Value = string | number | null | undefined;

export function formatCsv(columns: readonly string[], records: ReadonlyArray<Record<string, Value>>, dialect: CsvDialect): string {
  const d = DIALECTS[dialect];
  const lines = [columns.map((c) => quote(c, d.delimiter, dialect === 'excel-nl')).join(d.delimiter)];
  for (const record of records) {
    lines.push(columns.map((c) => formatValue(record[c], d.delimiter, d.decimal, dialect === 'excel-nl')).join(d.delimiter));
  }
  return (d.bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}

/**
 * The same for rows given as arrays in column order, which a whole dataset's download uses: no record
 * objects, and each distinct text (a region or category label) is quoted once.
 */
export function formatCsvRows(columns: readonly string[], rows: ReadonlyArray<readonly Value[]>, dialect: CsvDialect): string {
  const writer = new CsvLineWriter(dialect);
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = writer.line(rows[i]!);
  return csvFileText(writer.line(columns), lines, dialect);
}

/**
 * Formats rows of values (in column order) as lines of one dialect, quoting each distinct text once. A whole
 * dataset's download is written line by line with it, so a gemeente's file can reuse the lines of its rows.
 */
export class CsvLineWriter {
  private readonly quoted = new Map<string, string>();
  private readonly delimiter: string;
  private readonly decimal: string;
  private readonly always: boolean;

  constructor(dialect: CsvDialect) {
    this.delimiter = DIALECTS[dialect].delimiter;
    this.decimal = DIALECTS[dialect].decimal;
    this.always = dialect === 'excel-nl';
  }

  line(row: readonly Value[]): string {
    const fields = new Array<string>(row.length);
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      fields[i] =
        value === null || value === undefined
          ? ''
          : typeof value === 'number'
            ? this.decimal !== '.' ? String(value).replace('.', this.decimal) : String(value)
            : this.text(value);
    }
    return fields.join(this.delimiter);
  }

  private text(value: string): string {
    let out = this.quoted.get(value);
    if (out === undefined) this.quoted.set(value, (out = quote(value, this.delimiter, this.always)));
    return out;
  }
}

/** A CSV file from its header line and data lines: BOM where the dialect has one, CRLF after every line. */
export function csvFileText(header: string, lines: readonly string[], dialect: CsvDialect): string {
  const body = lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '';
  return `${DIALECTS[dialect].bom ? '\ufeff' : ''}${header}\r\n${body}`;
}

function formatValue(value: Value, delimiter: string, decimal: string, quoteText: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // No grouping separators: a thousands dot would be read as a decimal point by half the world's software.
    const text = String(value);
    return decimal === '.' ? text : text.replace('.', decimal);
  }
  return quote(value, delimiter, quoteText);
}

/**
 * A text cell as a spreadsheet must read it: never as a formula (OWASP, "CSV injection"). A text that starts
 * with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed, also after spaces, quotes or invisible
 * characters that a spreadsheet may drop, gets a leading `'`, which Excel, LibreOffice and Google Sheets take
 * as "this is text". The same holds after a separator of either dialect (`,` `;`), a tab or a line break
 * inside the text: a file opened with another separator than its own (the comma file double-clicked in Dutch
 * Excel is split at `;`, where a quote in mid-field does not protect) starts a cell there, so a `'` is put
 * right after that character. The one exception is the CBS symbol `-` (nihil) on its own: a lone minus is no
 * formula in any spreadsheet, and the codebook lists it as it is. Numbers never come here: a number cell
 * (-3, -0,5) is written by the number branch of the writers and stays a number.
 */
export function neutraliseText(text: string): string {
  if (!MAY_BE_FORMULA.test(text)) return text;
  // Each part is a cell a spreadsheet may start: the text itself, and what follows each separator.
  const parts = text.split(CELL_BREAK);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const cell = i + 1 < parts.length ? part.slice(0, -1) : part;
    const starts = i === 0 ? FORMULA_START.test(cell) || /^[\t\r\n]/.test(text) : FORMULA_START.test(cell);
    out += starts && !LONE_MINUS.test(cell) ? `'${part}` : part;
  }
  return out;
}

/** A character that a formula starts with; a text without any is returned as it is, untested further. */
const MAY_BE_FORMULA = /[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
/** Where a spreadsheet reading with either separator may start a cell: after each of these (split keeps them). */
const CELL_BREAK = /(?<=[,;\t\r\n])/;
/** A formula's first character, after what a spreadsheet may skip (spaces, quotes, invisible characters). */
const FORMULA_START = /^[\s"\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const LONE_MINUS = /^ *- *$/;

/**
 * Every text cell of every CSV the site writes passes here (formatCsv, formatCsvRows, CsvLineWriter and so
 * the lines of the dataset, gemeente and release files): neutralised (see neutraliseText), then quoted as
 * RFC 4180 says. Quoted as well, in both dialects: a neutralised text, and a text with either dialect's
 * separator or a tab in it, so that a file opened with the other separator (a comma file double-clicked in
 * Dutch Excel splits at `;`) cannot start a new cell in the middle of a text.
 */
function quote(text: string, delimiter: string, always: boolean): string {
  const safe = neutraliseText(text);
  if (always || safe !== text || /[,;\t"\r\n]/.test(safe) || safe.includes(delimiter) || safe !== safe.trim()) {
    return `"${safe.replace(/"/g, '""')}"`;
  }
  return safe;
}

/** Reads a CSV written by formatCsv back into records, numbers in `numeric` columns parsed. */
export function parseDownloadCsv(text: string, dialect: CsvDialect, numeric: readonly string[] = ['waarde']): Array<Record<string, string | number | null>> {
  const d = DIALECTS[dialect];
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows = splitCsv(body, d.delimiter);
  const header = rows.shift() ?? [];
  return rows
    .filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => {
      const record: Record<string, string | number | null> = {};
      header.forEach((name, i) => {
        const raw = r[i] ?? '';
        record[name] = numeric.includes(name) ? (raw === '' ? null : Number(d.decimal === ',' ? raw.replace(',', '.') : raw)) : raw;
      });
      return record;
    });
}

function splitCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
