/**
 * Turns source tables (what the readers found) into our datasets: {meta, rows}. A table profile names the
 * measures; without one they are derived from the CBS keys and labels. Tables of the same dataset (a
 * gemeenten export and a wijken export of one CBS table) are merged cell by cell: a cell one file leaves
 * empty is filled from the other, and two different figures for the same cell are an error.
 */
import type { z } from 'zod';
import { countWords } from '../format/number';
import { DatasetMetaSchema, type DatasetMeta, type DatasetMetaInput, type MeasureSchema } from '../../schemas/dataset';
import { cellRangeProblem, findPartAboveWhole } from '../data/consistency';
import { computeDerivedMeasures, rowKey, withMinimumDenominator, type ObservationRow } from '../data/dataset';
import { DataError } from '../data/errors';
import { comparePeriods, parsePeriodCode, periodLabel, periodRange, type PeriodStatus } from '../data/periods';
import { regionYearProblem } from '../data/region-checks';
import type { Observation } from '../data/symbols';
import { parseWithDataError } from '../data/zod-errors';
import { gemeenteOfWijk, regionKind, slugify } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import { checkComplete } from './completeness';
import { resolveStatus, statusByRhythm, type StatusRules } from './period-status';
import {
  findProfileMeasure,
  isIgnoredKey,
  matchProfile,
  misnamedProfileMeasure,
  TABLE_PROFILES,
  unitKind,
  type SourceColumn,
  type TableProfile,
} from './profiles';
import { cellLocation, decimalsOf, type SourceCell, type SourceMeasure, type SourceRecord, type SourceTable } from './source-table';

type MeasureInput = z.input<typeof MeasureSchema>;

export interface BuildOptions {
  register: RegionRegister;
  /** The release the imported figures belong to (YYYY-MM-DD). */
  release: string;
  /**
   * How periods get a status when their source states none (period-status.ts). Default: derived from
   * `release` by the CBS rhythm. The import passes no release here when the user gave no date.
   */
  statuses?: StatusRules;
  profiles?: readonly TableProfile[];
  progress?: (message: string) => void;
}

export interface BuiltDataset {
  meta: DatasetMeta;
  rows: ObservationRow[];
}

interface DraftRow {
  region: string;
  period: string;
  topics: string[];
  cells: Map<string, SourceCell>;
  /** Which table made the row, and where: a second record for the same key in that table is a duplicate. */
  origin: SourceTable;
  at: SourceRecord['at'];
}

interface DraftDimension {
  id: string;
  key: string;
  label: string;
  description: string;
  codes: Array<{ code: string; label: string; description?: string | undefined }>;
}

interface Draft {
  id: string;
  profile: TableProfile | undefined;
  first: SourceTable;
  measures: MeasureInput[];
  /** Largest number of decimals seen per measure without stated decimals. */
  inferredDecimals: Map<string, number>;
  /** Measures whose source states no unit (an OData CSV without metadata): "aantal" is then only a guess. */
  inferredUnits: Set<string>;
  dimensions: DraftDimension[];
  /** Each period with the status a source states, and where it first occurs (for a message when none does). */
  periods: Map<string, { status: PeriodStatus | undefined; statedIn: string | undefined; at: SourceRecord['at']; field: string }>;
  regionLabels: Map<string, string>;
  rows: Map<string, DraftRow>;
  emptyAsDot: boolean;
}

/** A measure id from a CBS key or label: `TotaalJongerenMetJeugdzorgInNatura_1` → `totaal_jongeren_met_jeugdzorg_in_natura`. */
export function measureIdFromKey(key: string): string {
  const words = key
    .replace(/_\d+$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(words) ? words : `m_${words || 'maat'}`;
}

/** "TotaalJongerenMetJeugdzorgInNatura_1" → "Totaal jongeren met jeugdzorg in natura", for keys without a title. */
function labelFromKey(key: string): string {
  const text = key.replace(/_\d+$/, '').replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a generic measure counts and whether it is a rate, read from its unit and label. */
function genericMeasure(source: SourceMeasure, id: string): MeasureInput {
  const unit = source.unit?.trim() || 'aantal';
  const label = source.label === source.key && /[a-z][A-Z]|_\d+$/.test(source.key) ? labelFromKey(source.key) : source.label;
  const countOf = /traject/i.test(label) ? 'trajecten' : /inwoner|bevolking/i.test(label) ? 'inwoners' : 'personen';
  const per = unit.includes('%') ? 100 : /per\s*10[ .]?000/i.test(unit) ? 10000 : /per\s*1[ .]?000/i.test(unit) ? 1000 : undefined;
  const base = { id, label, unit, decimals: source.decimals ?? 0, countOf, definition: source.description ?? '' } as const;
  const sourceKey = source.key !== source.label ? { sourceKey: source.key } : {};
  return per
    ? { ...base, ...sourceKey, type: 'rate', rate: { denominatorLabel: unit === '%' ? 'zie de toelichting van CBS' : unit.replace(/^per\s*[\d .]+\s*/i, '') || unit, per } }
    : { ...base, ...sourceKey, type: 'aantal' };
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
  taken.add(id);
  return id;
}

function datasetIdOf(table: SourceTable, profile: TableProfile | undefined): string {
  if (profile) return profile.id;
  if (table.tableId) return `cbs-${table.tableId.toLowerCase()}`;
  const base = table.file.split(/[\\/]/).pop()!.replace(/\.(csv|json)$/i, '');
  const slug = slugify(base);
  return /^[a-z]/.test(slug) ? slug : `tabel-${slug || 'cbs'}`;
}

/**
 * The measures of a table as the profiles see them: key, title, stated unit, and the column's figures (read
 * only when the unit is not stated, to tell a count from a percentage).
 */
function sourceColumns(table: SourceTable): SourceColumn[] {
  return table.measures.map((measure, i) => {
    let values: number[] | undefined;
    const read = () => (values ??= table.records.flatMap((r) => (r.cells[i]?.value != null ? [r.cells[i]!.value!] : [])));
    return { key: measure.key, label: measure.label, unit: measure.unit, values: read };
  });
}

/** Maps each source measure to a measure id of the draft (undefined: not published), adding new measures. */
function mapMeasures(draft: Draft, table: SourceTable, columns: readonly SourceColumn[], options: BuildOptions): Array<string | undefined> {
  const taken = new Set(draft.measures.map((m) => m.id));
  const unnamed: string[] = [];
  const ids = table.measures.map((source, i) => {
    const column = columns[i]!;
    if (draft.profile && isIgnoredKey(draft.profile, source.key)) return undefined;
    const known = draft.profile ? findProfileMeasure(draft.profile, column) : undefined;
    if (known) {
      if (!draft.measures.some((m) => m.id === known.id)) {
        const { keys: _keys, ...measure } = known;
        draft.measures.push(measure);
        taken.add(known.id);
      }
      return known.id;
    }
    const misnamed = draft.profile ? misnamedProfileMeasure(draft.profile, column) : undefined;
    if (misnamed) {
      options.progress?.(
        `${table.file}: kolom "${source.key}" heet als "${misnamed.measure.label}" (${misnamed.measure.id}, ${misnamed.measure.unit}) in tabelprofiel ${draft.profile!.id}, maar heeft ${misnamed.reason}; ${draft.profile!.onlyNamed ? 'niet ingelezen' : 'ingelezen als eigen maat'}`,
      );
    }
    if (draft.profile?.onlyNamed) {
      unnamed.push(source.key);
      return undefined;
    }
    // The same column in another file of this dataset (a second export of the table), unless its unit differs.
    const existing = draft.measures.find(
      (m) =>
        (m.sourceKey === source.key || (m.sourceKey === undefined && m.label === source.label)) &&
        (column.unit === undefined || unitKind(m.unit) === unitKind(column.unit)),
    );
    if (existing) return existing.id;
    // v4 identifiers (M004117) say nothing; their title makes a readable id.
    const idSource = /^M\d+(_\d+)?$/.test(source.key) ? source.label : source.key;
    const measure = genericMeasure(source, uniqueId(measureIdFromKey(idSource), taken));
    draft.measures.push(measure);
    if (source.decimals === undefined) draft.inferredDecimals.set(measure.id, 0);
    if (!source.unit?.trim()) draft.inferredUnits.add(measure.id);
    return measure.id;
  });
  if (unnamed.length > 0) {
    options.progress?.(`${table.file}: ${countWords(unnamed.length, 'kolom', 'kolommen')} die tabelprofiel ${draft.profile!.id} niet noemt, niet ingelezen (zoals ${unnamed.slice(0, 3).join(', ')})`);
  }
  return ids;
}

function dimensionIdOf(key: string): string {
  const id = measureIdFromKey(key).replace(/_/g, '-');
  return id === 'regio' || id === 'perioden' ? `${id}-dimensie` : id;
}

/**
 * Which topic dimensions of the table the dataset keeps: a profile's fixed topic whose records all hold that
 * one category (or nothing) is dropped, so a one-category dimension does not clutter every table.
 */
function keptDimensionsOf(draft: Draft, table: SourceTable): number[] {
  return table.dimensions.flatMap((dim, d) => {
    const fixed = draft.profile?.fixedTopics?.[dim.key];
    const single = fixed !== undefined && table.records.every((r) => r.topics[d] === fixed.code || r.topics[d] === '');
    return single ? [] : [d];
  });
}

function mergeDimensions(draft: Draft, table: SourceTable, kept: number[], isFirst: boolean): void {
  const incoming = kept.map((d) => table.dimensions[d]!);
  if (isFirst) {
    draft.dimensions = incoming.map((dim) => ({
      id: dimensionIdOf(dim.key),
      key: dim.key,
      label: dim.label,
      description: dim.description ?? '',
      codes: [...dim.codes],
    }));
    return;
  }
  const same = incoming.length === draft.dimensions.length && incoming.every((dim, i) => dim.key === draft.dimensions[i]!.key);
  if (!same) {
    throw new DataError(
      { file: table.file },
      `dezelfde dimensies als ${draft.first.file} (${draft.dimensions.map((d) => d.key).join(', ') || 'geen'}), omdat beide bestanden dataset "${draft.id}" vullen`,
      incoming.map((d) => d.key).join(', ') || 'geen',
    );
  }
}

function checkRegion(record: SourceRecord, table: SourceTable, register: RegionRegister): void {
  const code = record.region;
  const known =
    regionKind(code) === 'gemeente'
      ? register.gemeente(code) !== undefined
      : regionKind(code) === 'wijk'
        ? register.gemeente(gemeenteOfWijk(code)) !== undefined
        : regionKind(code) === 'land' || register.label(code) !== code;
  if (!known) {
    throw new DataError(cellLocation(record.at, table.regionField), 'een regio uit het register (src/reference): gemeente, wijk van een bekende gemeente, provincie, jeugdregio of Nederland', code);
  }
}

/** A gemeente that is not in the indeling of the row's year (merged away) and has no figures: not data. */
function isMergedAwayFiller(record: SourceRecord, register: RegionRegister): boolean {
  if (regionKind(record.region) !== 'gemeente') return false;
  const year = parsePeriodCode(record.period)?.year;
  const g = register.gemeente(record.region);
  if (!g || year === undefined) return false;
  const exists = g.eersteJaar <= year && (g.laatsteJaar === null || g.laatsteJaar >= year);
  return !exists && record.cells.every((cell) => cell === null || cell.value === null);
}

/**
 * A region that cannot have figures in the record's period: a gemeente after it merged away (or before it was
 * formed), a wijk the register does not know in that year.
 */
function checkRegionInPeriod(record: SourceRecord, table: SourceTable, register: RegionRegister): void {
  const problem = regionYearProblem(register, record.region, parsePeriodCode(record.period)!);
  if (problem !== undefined) throw new DataError(cellLocation(record.at, table.regionField), problem, record.region);
}

/**
 * A figure in its measure's range (consistency.ts). Where the source states no unit, "aantal" is a guess and a
 * figure with decimals is no error (the decimals are inferred); a stated count must be whole.
 */
function checkCell(cell: SourceCell, measure: MeasureInput, record: SourceRecord, key: string, unitGuessed: boolean): SourceCell {
  if (cell === null || cell.value === null) return cell;
  const problem = cellRangeProblem({ ...measure, decimals: unitGuessed ? 6 : (measure.decimals ?? 0) }, cell);
  if (problem !== undefined) throw new DataError(cellLocation(record.at, key), problem, String(cell.value));
  // Neither API marks nihil; an exact 0 in a count is CBS's "-" (tests/fixtures/cbs/README.md, rule 6).
  if (measure.type === 'aantal' && cell.value === 0 && cell.symbol === null) return { value: 0, symbol: '-' };
  return cell;
}

/** Figures of a period that had not ended on the release date cannot exist: 9999 is a typo or a forgery. */
function checkPeriodBeforeRelease(record: SourceRecord, table: SourceTable, release: string): void {
  const period = parsePeriodCode(record.period)!;
  if (periodRange(period).end < release) return;
  throw new DataError(
    cellLocation(record.at, record.periodField ?? table.periodField),
    `een periode die vóór de publicatiedatum ${release} (--release) is afgelopen; ${periodLabel(period)} is dan nog niet voorbij`,
    record.period,
  );
}

function sameCell(a: Observation, b: Observation): boolean {
  return a.value === b.value && a.symbol === b.symbol;
}

function addRecord(draft: Draft, table: SourceTable, record: SourceRecord, measureIds: Array<string | undefined>, kept: number[]): void {
  const topics = kept.map((d) => record.topics[d]!);
  topics.forEach((code, i) => {
    const dim = draft.dimensions[i]!;
    if (code === '') throw new DataError(cellLocation(record.at, dim.key), `een categorie van "${dim.label}"`, '');
    if (!dim.codes.some((c) => c.code === code)) {
      if (table.dimensions[kept[i]!]!.codes.length > 0) {
        throw new DataError(cellLocation(record.at, dim.key), `een categorie uit de codelijst van "${dim.label}"`, code);
      }
      dim.codes.push({ code, label: code });
    }
  });
  topics.forEach((code, i) => {
    // Category codes come from the export; they are text, never a path (no "/", "\\" or "..").
    if (code.length > 100 || /[\\/]|\.\.|\s/.test(code)) {
      throw new DataError(cellLocation(record.at, draft.dimensions[i]!.key), 'een categoriecode van hoogstens 100 letters en cijfers, zonder spatie, "/", "\\" of ".."', code);
    }
  });
  const key = rowKey(record.region, record.period, topics);
  let row = draft.rows.get(key);
  if (row && row.origin === table) {
    const earlier = row.at.line !== undefined ? `regel ${row.at.line}` : (row.at.item ?? '');
    throw new DataError({ ...cellLocation(record.at, table.regionField), field: undefined }, `elke combinatie van regio, periode en categorie één keer; deze staat ook op ${earlier}`, key);
  }
  if (!row) {
    row = { region: record.region, period: record.period, topics, cells: new Map(), origin: table, at: record.at };
    draft.rows.set(key, row);
  }
  record.cells.forEach((raw, i) => {
    const id = measureIds[i];
    if (id === undefined) return;
    const measure = draft.measures.find((m) => m.id === id)!;
    const cell = checkCell(raw, measure, record, table.measures[i]!.key, draft.inferredUnits.has(id));
    const inferred = draft.inferredDecimals.get(id);
    if (inferred !== undefined && cell?.value != null) draft.inferredDecimals.set(id, Math.max(inferred, decimalsOf(cell.value)));
    const before = row.cells.get(id) ?? null;
    if (before !== null && cell !== null && !sameCell(before, cell)) {
      throw new DataError(
        cellLocation(record.at, table.measures[i]!.key),
        `hetzelfde cijfer als ${row.origin.file}${row.at.line !== undefined ? `, regel ${row.at.line}` : ''} (${before.value ?? before.symbol}), want beide bestanden vullen dataset "${draft.id}"`,
        String(cell.value ?? cell.symbol),
      );
    }
    if (before === null) row.cells.set(id, cell);
  });
}

function addTable(drafts: Map<string, Draft>, source: SourceTable, options: BuildOptions): void {
  const { register } = options;
  const profile = matchProfile({ tableId: source.tableId, measures: sourceColumns(source) }, options.profiles ?? TABLE_PROFILES);
  const table = profile?.prepare ? profile.prepare(source) : source;
  const columns = sourceColumns(table);
  const id = datasetIdOf(table, profile);
  let draft = drafts.get(id);
  const isFirst = !draft;
  if (!draft) {
    draft = {
      id,
      profile,
      first: table,
      measures: [],
      inferredDecimals: new Map(),
      inferredUnits: new Set(),
      dimensions: [],
      periods: new Map(),
      regionLabels: new Map(),
      rows: new Map(),
      emptyAsDot: false,
    };
    drafts.set(id, draft);
  }
  const measureIds = mapMeasures(draft, table, columns, options);
  const keptDimensions = keptDimensionsOf(draft, table);
  mergeDimensions(draft, table, keptDimensions, isFirst);
  let skipped = 0;
  let otherKinds = 0;
  const kept: SourceRecord[] = [];
  for (const record of table.records) {
    const kind = regionKind(record.region);
    if (profile?.regionKinds && !(kind && profile.regionKinds.includes(kind))) {
      otherKinds++;
      continue;
    }
    checkRegion(record, table, register);
    if (isMergedAwayFiller(record, register)) {
      skipped++;
      continue;
    }
    checkRegionInPeriod(record, table, register);
    kept.push(record);
    const stated = table.periodStatus.get(record.period);
    const known = draft.periods.get(record.period);
    if (!known) {
      checkPeriodBeforeRelease(record, table, options.release);
      draft.periods.set(record.period, { status: stated, statedIn: stated && table.file, at: record.at, field: record.periodField ?? table.periodField });
    }
    else if (known.status === undefined && stated !== undefined) Object.assign(known, { status: stated, statedIn: table.file });
    addRecord(draft, table, record, measureIds, keptDimensions);
  }
  checkComplete(table, kept, register);
  for (const [code, label] of table.regionLabels) draft.regionLabels.set(code, label);
  if (table.emptySymbol === '.' && table.records.some((r) => r.cells.some((c) => c === null))) draft.emptyAsDot = true;
  const rows = (n: number) => `${n} ${n === 1 ? 'rij' : 'rijen'}`;
  options.progress?.(`${table.file}: ${rows(table.records.length - skipped - otherKinds)} voor dataset "${id}"${profile ? '' : ' (geen tabelprofiel: maten afgeleid uit de export)'}`);
  if (skipped > 0) options.progress?.(`${table.file}: ${countWords(skipped, 'lege rij', 'lege rijen')} van opgeheven gemeenten overgeslagen`);
  if (otherKinds > 0) options.progress?.(`${table.file}: ${countWords(otherKinds, 'rij', 'rijen')} van andere regio's dan ${profile!.regionKinds!.join(' en ')} overgeslagen (dataset "${id}")`);
  for (const notice of table.notices) options.progress?.(notice);
}

function regionLabel(code: string, draft: Draft, register: RegionRegister): string {
  if (regionKind(code) === 'wijk') return draft.regionLabels.get(code) ?? register.wijk(code)?.naam ?? code;
  const label = register.label(code);
  return label !== code ? label : (draft.regionLabels.get(code) ?? code);
}

const EMPTY_FOOTNOTE = {
  id: 'lege-cellen',
  text: 'In de CBS-download zijn afgeschermde en onbekende cijfers lege cellen. Ze staan hier als "." (gegevens ontbreken of zijn geheim).',
  appliesTo: {},
};

function finishDraft(draft: Draft, options: BuildOptions): BuiltDataset {
  const { profile, first } = draft;
  const drafted = [...draft.rows.values()];
  // A measure no row has a cell for (a v4 selection that left it out) is not part of what was imported.
  const empty = draft.measures.filter((m) => drafted.every((row) => (row.cells.get(m.id) ?? null) === null));
  if (empty.length > 0 && empty.length < draft.measures.length) {
    options.progress?.(`dataset "${draft.id}": maten zonder cijfers weggelaten: ${empty.map((m) => m.id).join(', ')}`);
  }
  const imported = draft.measures
    .filter((m) => empty.length === draft.measures.length || !empty.includes(m))
    .map((m) => (draft.inferredDecimals.has(m.id) ? { ...m, decimals: draft.inferredDecimals.get(m.id)! } : m));
  // Rates the profile derives from two imported counts, computed on load and never stored.
  const present = new Set(imported.map((m) => m.id));
  // Their definitions say when they are not computed (a denominator below MIN_RATE_DENOMINATOR).
  const derived = (profile?.derived ?? []).filter((m) => present.has(m.rate?.numerator ?? '') && present.has(m.rate?.denominator ?? '')).map(withMinimumDenominator);
  const measures = [...imported, ...derived];
  // Rows in time order, each period in the order the sources list their regions (Nederland first).
  const periodOrder = (code: string) => parsePeriodCode(code)!;
  drafted.sort((a, b) => comparePeriods(periodOrder(a.period), periodOrder(b.period)));
  const rows: ObservationRow[] = drafted.map((row) => ({
    region: row.region,
    period: row.period,
    topics: row.topics,
    cells: measures.map((m) => row.cells.get(m.id) ?? { value: null, symbol: row.origin.emptySymbol }),
  }));
  const regions = [...new Set(rows.map((r) => r.region))];
  reportUnknownWijkYears(draft.id, rows, options);
  const periods = periodStatuses(draft, options);
  const fixed = profile?.fixedTopics ? Object.entries(profile.fixedTopics).filter(([key]) => !draft.dimensions.some((d) => d.key === key)) : [];
  const input: DatasetMetaInput = {
    id: draft.id,
    title: profile?.title ?? first.title ?? `CBS-tabel ${first.tableId ?? draft.id}`,
    ...(profile?.shortTitle ? { shortTitle: profile.shortTitle } : {}),
    description: profile?.description ?? firstParagraph(first.description) ?? `Ingelezen uit ${first.file}.`,
    source: profile?.source ?? {
      name: 'CBS',
      ...(first.tableId ? { table: first.tableId, url: `https://www.cbs.nl/nl-nl/cijfers/detail/${first.tableId}` } : {}),
    },
    release: options.release,
    measures,
    dimensions: draft.dimensions.map((d) => ({
      id: d.id,
      label: d.label,
      description: d.description,
      codes: d.codes.map((c) => ({ ...c, total: /^T\d{6}$/.test(c.code) || /^totaal/i.test(c.label) })),
    })),
    periods,
    ...(profile?.trendBreaks ? { trendBreaks: [...profile.trendBreaks] } : {}),
    sums: (profile?.sums ?? []).filter((sum) => [sum.total, ...sum.parts].every((id) => measures.some((m) => m.id === id))),
    regions: regions.map((code) => ({ code, label: regionLabel(code, draft, options.register) })),
    footnotes: [
      ...(profile?.footnotes ?? []),
      ...(draft.emptyAsDot ? [EMPTY_FOOTNOTE] : []),
      ...fixed.map(([key, fixedTopic]) => ({ id: `vast-${dimensionIdOf(key)}`, text: `Alle cijfers gelden voor: ${fixedTopic.label} (CBS ${key} ${fixedTopic.code}).`, appliesTo: {} })),
    ],
  };
  const meta = parseWithDataError(DatasetMetaSchema, input, `dataset "${draft.id}" (uit ${first.file})`);
  const problem = findPartAboveWhole(meta, rows);
  if (problem) {
    const part = drafted[problem.row]!;
    const whole = drafted[problem.whole]!;
    const measure = meta.measures[problem.measure]!;
    const wholeAt = whole.at.line !== undefined ? `regel ${whole.at.line}` : (whole.at.item ?? '');
    const sameLine = whole === part;
    throw new DataError(
      cellLocation(part.at, measure.sourceKey ?? measure.label),
      `${problem.expected}${sameLine ? '' : ` (${whole.at.file === part.at.file ? '' : `${whole.at.file}, `}${wholeAt})`}`,
      problem.found,
    );
  }
  computeDerivedMeasures(meta, rows);
  return { meta, rows };
}

/**
 * The status of every period: as a source states it, otherwise given (--status) or by the CBS rhythm from
 * the release date; with neither, the import stops at the first record of the period. Never a default.
 */
function periodStatuses(draft: Draft, options: BuildOptions): Array<{ code: string; status: PeriodStatus }> {
  const rules: StatusRules = options.statuses ?? { release: options.release };
  const derived: string[] = [];
  const inOrder = [...draft.periods.entries()]
    .map(([code, known]) => ({ code, known, period: parsePeriodCode(code)! }))
    .sort((a, b) => comparePeriods(a.period, b.period));
  const periods = inOrder.map(({ code, known, period }) => {
    if (known.status !== undefined) {
      const expected = rules.release !== undefined ? statusByRhythm(period, rules.release) : undefined;
      if (expected !== undefined && expected !== known.status) {
        options.progress?.(
          `dataset "${draft.id}": ${code} is volgens ${known.statedIn} ${statusText(known.status)}, volgens het CBS-ritme bij release ${rules.release} ${statusText(expected)}; de status uit het bestand geldt`,
        );
      }
      return { code, status: known.status };
    }
    const resolved = resolveStatus(period, rules);
    if ('problem' in resolved) throw new DataError(cellLocation(known.at, known.field), resolved.expected, code);
    derived.push(`${code} ${statusText(resolved.status)} (${resolved.how === 'gegeven' ? '--status' : `CBS-ritme bij release ${rules.release}`})`);
    return { code, status: resolved.status };
  });
  if (derived.length > 0) options.progress?.(`dataset "${draft.id}": status van perioden zonder status in de bestanden: ${derived.join(', ')}`);
  return periods;
}

function statusText(status: PeriodStatus): string {
  return status === 'nader-voorlopig' ? 'nader voorlopig' : status;
}

/**
 * The site names wijken, and tells a changed area, by the register's wijkindeling of each year
 * (src/reference/wijken.csv and wijkindelingen.json). Wijk rows of a year the register does not have are
 * named as in its nearest year: say so, so the register is brought up to date (npm run reference).
 */
function reportUnknownWijkYears(id: string, rows: readonly ObservationRow[], options: BuildOptions): void {
  const years = new Set<number>();
  for (const row of rows) if (regionKind(row.region) === 'wijk') years.add(parsePeriodCode(row.period)?.year ?? 0);
  const unknown = [...years].filter((y) => options.register.wijkIndelingYear(y) !== y).sort();
  if (unknown.length === 0) return;
  options.progress?.(
    `dataset "${id}": wijken van ${unknown.join(', ')} staan niet in het register (src/reference/wijken.csv); de site noemt ze naar de wijkindeling van het dichtstbijzijnde jaar en ziet er geen indelingswijzigingen in. Werk het register bij met npm run reference.`,
  );
}

function firstParagraph(text: string | undefined): string | undefined {
  const paragraph = text?.trim().split(/\r?\n\s*\r?\n/)[0]?.replace(/\s+/g, ' ').trim();
  return paragraph || undefined;
}

/** Builds one dataset per profile (or per unprofiled table), merging tables that fill the same dataset. */
export function buildDatasets(tables: readonly SourceTable[], options: BuildOptions): BuiltDataset[] {
  const drafts = new Map<string, Draft>();
  for (const table of tables) addTable(drafts, table, options);
  return [...drafts.values()].map((draft) => finishDraft(draft, options));
}
