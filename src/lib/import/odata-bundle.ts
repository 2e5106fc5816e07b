/**
 * The responses that make up one CBS OData table, whether read from a folder of saved JSON files or fetched
 * (src/node/cbs-fetch.ts): entity sets by name (`TypedDataSet`, `DataProperties`, `Perioden`, `Observations`,
 * `MeasureCodes`, …), each as its pages in order, and singletons such as v4 `Properties`.
 */
import { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH } from '../../schemas/dataset';
import { DataError } from '../data/errors';
import type { RecordLocation } from './source-table';

export interface ODataPage {
  /** File name or URL, for messages. */
  file: string;
  body: unknown;
}

export interface ODataBundle {
  /** The folder or table URL, for messages. */
  source: string;
  tableId?: string | undefined;
  sets: Map<string, ODataPage[]>;
}

export interface ODataItem {
  at: RecordLocation;
  item: Record<string, unknown>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of an entity set over all its pages; an empty list when the bundle lacks the set. */
export function entitySet(bundle: ODataBundle, name: string): ODataItem[] {
  const items: ODataItem[] = [];
  for (const page of bundle.sets.get(name) ?? []) {
    const value = isObject(page.body) ? page.body['value'] : undefined;
    if (!Array.isArray(value)) {
      throw new DataError({ file: page.file, field: 'value' }, 'een OData-antwoord: een JSON-object met een lijst "value"');
    }
    value.forEach((item, index) => {
      const at = { file: page.file, item: `value[${index}]` };
      if (!isObject(item)) throw new DataError({ file: page.file, field: at.item }, 'een object per rij');
      checkTextLengths(item, page.file, at.item);
      items.push({ at, item });
    });
  }
  return items;
}

/** A singleton such as v4 `Properties`: a bare object, not wrapped in `value`. */
export function singleton(bundle: ODataBundle, name: string): Record<string, unknown> | undefined {
  const page = bundle.sets.get(name)?.[0];
  const body = page?.body;
  if (!isObject(body)) return undefined;
  checkTextLengths(body, page!.file, undefined);
  return body;
}

/**
 * Every text of a response within the limits of what it becomes: descriptions (Description, ShortDescription,
 * Summary) a description, anything else (titles, units, keys, codes, cells) a label.
 */
function checkTextLengths(item: Record<string, unknown>, file: string, path: string | undefined): void {
  for (const [field, value] of Object.entries(item)) {
    if (typeof value !== 'string') continue;
    const max = /description|summary|explanation/i.test(field) ? MAX_TEXT_LENGTH : MAX_LABEL_LENGTH;
    if (value.length > max) {
      throw new DataError(
        { file, field: path ? `${path}.${field}` : field },
        `een tekst van hoogstens ${max.toLocaleString('nl-NL')} tekens; een ${max === MAX_TEXT_LENGTH ? 'toelichting' : 'titel, code of cijfer'} is nooit zo lang`,
        `${value.length.toLocaleString('nl-NL')} tekens`,
      );
    }
  }
}

/** A CBS table id: five digits and three letters (85097NED), older tables four (7461BEV). */
export const CBS_TABLE_ID = /^\d{4,6}[A-Za-z]{3}$/;

/** The table id a response states, checked: it becomes part of a dataset id (a folder name) and a web address. */
export function tableIdOf(value: string | undefined, file: string, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!CBS_TABLE_ID.test(value)) throw new DataError({ file, field }, 'een CBS-tabelnummer zoals 85097NED', value);
  return value;
}

/** A string field, trimmed (CBS pads keys and untyped values with spaces); undefined when absent or not text. */
export function text(item: Record<string, unknown>, field: string): string | undefined {
  const value = item[field];
  return typeof value === 'string' ? value.trim() : undefined;
}

export function requireText(entry: ODataItem, field: string): string {
  const value = text(entry.item, field);
  if (value === undefined || value === '') {
    throw new DataError({ file: entry.at.file, field: `${entry.at.item}.${field}` }, 'een code (tekst)', describe(entry.item[field]));
  }
  return value;
}

export function describe(value: unknown): string {
  return value === undefined ? 'niets' : JSON.stringify(value);
}

/** The set name of a saved response file: `TypedDataSet.page2.json` → `TypedDataSet`. */
export function setNameOfFile(fileName: string): string {
  return fileName.replace(/\.json$/i, '').split('.')[0]!;
}
