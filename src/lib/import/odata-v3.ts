/**
 * Reads CBS OData v3 data: the wide TypedDataSet/UntypedDataSet, one row per region × period × category and
 * one column per topic. It arrives as JSON responses (with DataProperties and code lists beside it, see
 * tests/fixtures/cbs/README.md) or as a CSV someone saved from it, sometimes joined with other columns
 * (population from Kerncijfers wijken en buurten, `year`, `recs`). Without DataProperties the columns are
 * classified by name and content.
 */
import { MAX_LABEL_LENGTH } from '../../schemas/dataset';
import { readCsv } from '../csv/read-csv';
import { DataError } from '../data/errors';
import { makePeriod, parsePeriodCode, type PeriodStatus } from '../data/periods';
import { normaliseRegionCode } from '../regions/codes';
import { describe, entitySet, isObject, singleton, tableIdOf, text, type ODataBundle } from './odata-bundle';
import {
  cellLocation,
  looksLikeFigure,
  parseCbsStatus,
  parseSourceCell,
  type RecordLocation,
  type SourceCell,
  type SourceDimension,
  type SourceMeasure,
  type SourceTable,
} from './source-table';

/** Region columns, most specific first: a joined export may carry `gwb_code` where `Wijken` is empty. */
const REGION_COLUMNS = ['WijkenEnBuurten', 'Wijken', 'RegioS', 'Gemeenten', 'Regio', 'gwb_code'];
const PERIOD_COLUMNS = ['Perioden', 'year', 'jaar'];
/** Columns with the source's own region names (wijk names are not in our register for every year). */
const LABEL_COLUMNS = ['regio', 'naam'];
/** Row numbers: the OData `ID` and the unnamed index column pandas writes. */
const ROW_NUMBER_COLUMNS = ['', 'ID', 'Id'];
/** A CBS category key: T001203, A048383, 2028160. */
const CATEGORY_CODE = /^([A-Z]\d{6}|\d{7})$/;

interface WideRow {
  at: RecordLocation;
  values: Record<string, unknown>;
}

interface ColumnPlan {
  regions: string[];
  periods: string[];
  topics: SourceDimension[];
  measures: SourceMeasure[];
  label?: string | undefined;
  ignored: string[];
}

/** How an empty or null cell reads: absent in a CSV, suppressed in TypedDataSet, blank in UntypedDataSet. */
interface CellReading {
  nullMeans: SourceCell;
  blankMeans: SourceCell;
}

const CSV_READING: CellReading = { nullMeans: null, blankMeans: null };
// Typed data loses the symbol: null is ".", as the fixture notes say (rule 5). Untyped blanks cannot occur.
const JSON_READING: CellReading = { nullMeans: { value: null, symbol: '.' }, blankMeans: { value: null, symbol: '' } };

function planFromContent(columns: string[], rows: WideRow[], file: string): ColumnPlan {
  const plan: ColumnPlan = { regions: [], periods: [], topics: [], measures: [], ignored: [] };
  for (const column of columns) {
    if (ROW_NUMBER_COLUMNS.includes(column)) continue;
    if (REGION_COLUMNS.includes(column)) plan.regions.push(column);
    else if (PERIOD_COLUMNS.includes(column)) plan.periods.push(column);
    else if (LABEL_COLUMNS.includes(column)) plan.label = column;
    else classifyByContent(column, rows, plan);
  }
  plan.regions.sort((a, b) => REGION_COLUMNS.indexOf(a) - REGION_COLUMNS.indexOf(b));
  plan.periods.sort((a, b) => PERIOD_COLUMNS.indexOf(a) - PERIOD_COLUMNS.indexOf(b));
  requireStructure(plan, columns, file);
  return plan;
}

function classifyByContent(column: string, rows: WideRow[], plan: ColumnPlan): void {
  const filled = rows.map((r) => r.values[column]).filter((v) => v !== null && v !== undefined && String(v).trim() !== '');
  const texts = filled.map((v) => String(v).trim());
  if (texts.length > 0 && !/_\d+$/.test(column) && texts.every((t) => CATEGORY_CODE.test(t)) && texts.some((t) => /^[A-Z]/.test(t))) {
    plan.topics.push({ key: column, label: column, codes: [] });
    return;
  }
  // A figures column may hold one bad cell (which must then be reported), so a majority decides, not all.
  const figures = filled.filter((v) => typeof v === 'number' || looksLikeFigure(String(v), 'point')).length;
  if (texts.length > 0 && figures * 2 >= texts.length) plan.measures.push({ key: column, label: column });
  else plan.ignored.push(column);
}

function requireStructure(plan: ColumnPlan, columns: string[], file: string, fixedPeriod?: string): void {
  const shown = columns.map((c) => `"${c}"`).join(', ');
  if (plan.regions.length === 0) {
    throw new DataError({ file, line: 1, field: 'Wijken' }, `kolom ontbreekt; verwacht een regiokolom (${REGION_COLUMNS.join(', ')}); de kopregel heeft: ${shown}`);
  }
  if (plan.periods.length === 0 && fixedPeriod === undefined) {
    throw new DataError({ file, line: 1, field: 'Perioden' }, `kolom ontbreekt; verwacht een kolom Perioden (of year); de kopregel heeft: ${shown}`);
  }
  if (plan.measures.length === 0) {
    throw new DataError({ file, line: 1 }, `minstens één kolom met cijfers; de kopregel heeft: ${shown}`);
  }
}

/**
 * Reads a key (region or period) from the first filled of its candidate columns; where several are filled
 * they must agree, so a broken join (a wijk row with another gemeente's code) is caught.
 */
function readKey(row: WideRow, columns: string[], what: string, parse: (value: string, column: string) => string): { column: string; code: string } {
  let found: { column: string; code: string } | undefined;
  for (const column of columns) {
    const raw = row.values[column];
    const value = raw === null || raw === undefined ? '' : String(raw).trim();
    if (value === '') continue;
    const code = parse(value, column);
    if (found && found.code !== code) {
      throw new DataError(cellLocation(row.at, column), `dezelfde ${what} als kolom "${found.column}" (${found.code})`, value);
    }
    found ??= { column, code };
  }
  if (!found) throw new DataError(cellLocation(row.at, columns[0]!), `een ${what}code`, '');
  return found;
}

function readRegion(row: WideRow, plan: ColumnPlan): string {
  return readKey(row, plan.regions, 'regio', (value, column) => {
    const code = normaliseRegionCode(value);
    if (!code) throw new DataError(cellLocation(row.at, column), 'een regiocode zoals NL01, PV27, GM0363 of WK036300', value);
    return code;
  }).code;
}

function readPeriod(row: WideRow, plan: ColumnPlan): { column: string; code: string } {
  return readKey(row, plan.periods, 'periode', (value, column) => {
    const code = /^\d{4}$/.test(value) ? makePeriod('jaar', Number(value)).code : parsePeriodCode(value)?.code;
    if (!code) throw new DataError(cellLocation(row.at, column), 'een CBS-periodecode zoals 2022JJ00 of 2023HJ01 (of een jaartal)', value);
    return code;
  });
}

function readCell(row: WideRow, column: string, reading: CellReading): SourceCell {
  const raw = row.values[column];
  const where = cellLocation(row.at, column);
  if (raw === null || raw === undefined) return reading.nullMeans;
  if (typeof raw === 'number') return { value: raw, symbol: null };
  if (typeof raw !== 'string') throw new DataError(where, 'een getal of een CBS-teken', describe(raw));
  return raw.trim() === '' ? reading.blankMeans : parseSourceCell(raw, 'point', where);
}

type TableHeading = Omit<SourceTable, 'records' | 'measures' | 'dimensions' | 'notices' | 'regionLabels' | 'regionField' | 'periodField'>;

/** A buurt: Kerncijfers wijken en buurten has them, this site publishes none. */
const BUURT_CODE = /^BU\d{8}$/;

/**
 * `fixedPeriod`: the one period of a table without a time dimension (Kerncijfers wijken en buurten is one table
 * per year), from its TableInfos.
 */
function wideToSource(rows: WideRow[], plan: ColumnPlan, reading: CellReading, table: TableHeading, fixedPeriod?: string): SourceTable {
  const result: SourceTable = {
    ...table,
    measures: plan.measures,
    dimensions: plan.topics,
    regionField: plan.regions[0]!,
    periodField: plan.periods[0] ?? 'TableInfos.Period',
    records: [],
    regionLabels: new Map(),
    notices: [],
  };
  if (plan.ignored.length > 0) result.notices.push(`${table.file}: kolommen zonder cijfers niet ingelezen: ${plan.ignored.join(', ')}`);
  let buurten = 0;
  for (const row of rows) {
    if (plan.regions.some((column) => BUURT_CODE.test(String(row.values[column] ?? '').trim()))) {
      buurten++;
      continue;
    }
    const region = readRegion(row, plan);
    const topics = plan.topics.map((dim) => {
      const raw = row.values[dim.key];
      return typeof raw === 'string' ? raw.trim() : '';
    });
    const period = fixedPeriod !== undefined ? { column: 'TableInfos.Period', code: fixedPeriod } : readPeriod(row, plan);
    result.records.push({
      at: row.at,
      region,
      period: period.code,
      ...(plan.periods.length > 1 ? { periodField: period.column } : {}),
      topics,
      cells: plan.measures.map((m) => readCell(row, m.key, reading)),
    });
    const label = plan.label ? row.values[plan.label] : undefined;
    if (typeof label === 'string' && label.trim() !== '') result.regionLabels.set(region, label.trim());
  }
  if (buurten > 0) result.notices.push(`${table.file}: ${buurten} rij(en) van buurten overgeslagen (deze site publiceert geen buurten)`);
  return result;
}

/** A saved OData v3 export as CSV (comma-separated, decimal points, padded values). */
export function readODataCsv(text: string, file: string, delimiter?: ',' | ';' | '\t'): SourceTable {
  const table = readCsv(text, { file, ...(delimiter ? { delimiter } : {}), maxFieldLength: MAX_LABEL_LENGTH });
  const rows: WideRow[] = table.records.map(({ line, cells }) => ({
    at: { file, line },
    values: Object.fromEntries(table.header.map((h, i) => [h, cells[i]])),
  }));
  const plan = planFromContent(table.header, rows, file);
  return wideToSource(rows, plan, CSV_READING, { file, format: 'odata-csv', periodStatus: new Map(), emptySymbol: '.' });
}

/** Builds the column plan from DataProperties, the table's own description of its columns. */
function planFromDataProperties(bundle: ODataBundle): ColumnPlan | undefined {
  const properties = entitySet(bundle, 'DataProperties');
  if (properties.length === 0) return undefined;
  const plan: ColumnPlan = { regions: [], periods: [], topics: [], measures: [], ignored: [] };
  for (const { item } of properties) {
    const key = text(item, 'Key') ?? '';
    const title = text(item, 'Title') || key;
    const description = text(item, 'Description') || undefined;
    switch (text(item, 'Type')) {
      case 'GeoDimension':
        plan.regions.push(key);
        break;
      case 'TimeDimension':
        plan.periods.push(key);
        break;
      case 'Dimension':
        plan.topics.push({ key, label: title, description, codes: codeList(bundle, key) });
        break;
      case 'Topic':
        if (text(item, 'Datatype') === 'String') plan.ignored.push(key);
        else plan.measures.push({ key, label: title, unit: text(item, 'Unit') || undefined, description, decimals: integerOrUndefined(item['Decimals']) });
        break;
      case 'GeoDetail':
        plan.ignored.push(key);
        break;
      default:
        break; // TopicGroup: a heading, not a column.
    }
  }
  return plan;
}

function integerOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6 ? value : undefined;
}

function codeList(bundle: ODataBundle, key: string): SourceDimension['codes'] {
  return entitySet(bundle, key).flatMap(({ item }) => {
    const code = text(item, 'Key');
    return code ? [{ code, label: text(item, 'Title') || code, description: text(item, 'Description') || undefined }] : [];
  });
}

/** Period statuses from the Perioden code list (`Status`: Definitief, Voorlopig, Nader voorlopig). */
export function periodStatuses(items: Array<{ item: Record<string, unknown> }>, keyField: string): Map<string, PeriodStatus> {
  const statuses = new Map<string, PeriodStatus>();
  for (const { item } of items) {
    const code = parsePeriodCode(text(item, keyField) ?? '')?.code;
    const status = parseCbsStatus(item['Status']);
    if (code && status) statuses.set(code, status);
  }
  return statuses;
}

/** An OData v3 table from its JSON responses: TypedDataSet (preferred) or UntypedDataSet, with its metadata. */
export function readODataV3(bundle: ODataBundle): SourceTable {
  const setName = bundle.sets.has('TypedDataSet') ? 'TypedDataSet' : 'UntypedDataSet';
  const rows: WideRow[] = entitySet(bundle, setName).map(({ at, item }) => ({ at, values: item }));
  const file = bundle.sets.get(setName)?.[0]?.file ?? bundle.source;
  if (rows.length === 0) throw new DataError({ file }, `${setName} met minstens één rij`);
  const columns = Object.keys(rows[0]!.values);
  const infoEntry = entitySet(bundle, 'TableInfos')[0];
  const info = infoEntry?.item ?? singleton(bundle, 'TableInfos');
  const properties = planFromDataProperties(bundle);
  // A table of one year without a time dimension (Kerncijfers wijken en buurten) says its year in TableInfos.Period.
  const statedYear = isObject(info) ? /^\s*(\d{4})\s*$/.exec(text(info, 'Period') ?? '')?.[1] : undefined;
  const fixedPeriod = properties && properties.periods.length === 0 && statedYear ? makePeriod('jaar', Number(statedYear)).code : undefined;
  const plan = properties ?? planFromContent(columns, rows, file);
  requireStructure(plan, columns, file, fixedPeriod);
  const infoFile = bundle.sets.get('TableInfos')?.[0]?.file ?? bundle.source;
  const infoId = isObject(info) ? tableIdOf(text(info, 'Identifier'), infoFile, infoEntry ? `${infoEntry.at.item}.Identifier` : 'Identifier') : undefined;
  const periodSet = plan.periods[0] ?? 'Perioden';
  const table = wideToSource(rows, plan, JSON_READING, {
    file: bundle.source,
    format: 'odata-v3',
    tableId: infoId ?? bundle.tableId,
    title: isObject(info) ? text(info, 'Title') : undefined,
    description: isObject(info) ? text(info, 'ShortDescription') : undefined,
    periodStatus: periodStatuses(entitySet(bundle, periodSet), 'Key'),
    emptySymbol: '.',
  }, fixedPeriod);
  for (const region of plan.regions) {
    for (const { code, label } of codeList(bundle, region)) {
      const normal = normaliseRegionCode(code);
      if (normal && !table.regionLabels.has(normal)) table.regionLabels.set(normal, label);
    }
  }
  return table;
}

