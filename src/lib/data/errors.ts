/**
 * One error type for every bad input, whether a CBS export or a data folder: it names the file, the line
 * and the column or field, says what was expected and what was found. The message is what users read.
 */
export interface DataErrorLocation {
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number | undefined;
  /** Column name or field path. */
  field?: string | undefined;
}

export class DataError extends Error {
  override name = 'DataError';
  readonly location: DataErrorLocation;
  readonly expected: string;
  readonly found: string | undefined;

  constructor(location: DataErrorLocation, expected: string, found?: string, options?: { cause?: unknown }) {
    super(formatDataError(location, expected, found), options);
    this.location = location;
    this.expected = expected;
    this.found = found;
  }
}

export function formatDataError(location: DataErrorLocation, expected: string, found?: string): string {
  const where = [location.file, location.line !== undefined ? `regel ${location.line}` : undefined]
    .filter(Boolean)
    .join(', ');
  const field = location.field !== undefined ? `kolom "${location.field}": ` : '';
  const got = found !== undefined ? ` (gevonden: ${quoteFound(found)})` : '';
  return `${where}: ${field}${expected}${got}`;
}

function quoteFound(found: string): string {
  const shown = found.length > 60 ? `${found.slice(0, 57)}...` : found;
  return found === '' ? 'een lege cel' : `"${shown}"`;
}
