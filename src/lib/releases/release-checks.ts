/**
 * Checks of a new release against the one before it, for the publisher to read before publishing:
 *  - gemeenten that vanished without a herindeling (had figures before, have none now, and the register of
 *    regions says they still exist);
 *  - jumps: a count that changed by more than a set factor, from the period before to a new period, or from
 *    the previous release to this one for a period both publish (a revision);
 *  - totals that do not match their parts beyond rounding: a total category and the other categories of an
 *    additive dimension, measures that add up (meta.sums), Nederland, a provincie or jeugdregio and its
 *    gemeenten, Nederland and the provincies, a gemeente and its wijken (the relations of disclosure control,
 *    src/lib/disclosure/relations.ts); in the periods with new or revised figures (all periods of a first
 *    release).
 * The findings are not errors: the build reports them and goes on (src/integrations/validate-data.ts). Pure.
 */
import type { DatasetMeta, Measure, Release } from '../../schemas/dataset';
import { isAdditiveCount } from '../data/consistency';
import { rowKey, type ObservationRow } from '../data/dataset';
import { comparePeriods, parsePeriodCode, periodLabel, type Period } from '../data/periods';
import type { Observation } from '../data/symbols';
import { contradicts, initialBounds, partsInterval, type Bounds } from '../disclosure/bounds';
import { RELATION_KINDS, relationsOf, type RelationSet } from '../disclosure/relations';
import { countWords, formatNumber } from '../format/number';
import { regionKind } from '../regions/codes';
import type { Destination } from '../regions/register';
import { diffVersions, type DatasetDiff } from './diff';
import { datasetVersion, previousRelease, type DatasetVersion, type ReleaseStore } from './versions';

/** What the checks need of the register of regions (src/lib/regions/register.ts `RegionRegister` fits). */
export interface ReleaseCheckRegions {
  label(code: string): string;
  gemeente(code: string): { eersteJaar: number; laatsteJaar: number | null } | undefined;
  gemeentenIn(year: number): ReadonlyArray<{ code: string }>;
  provincies(): ReadonlyArray<{ code: string }>;
  provincieOf(gemeente: string): string | undefined;
  jeugdregioOf(gemeente: string): string | undefined;
  /** The gemeenten of `fromYear` that make up a gemeente of `toYear`, with shares. */
  parts(code: string, fromYear: number, toYear: number): Destination[];
  sameWijkArea(code: string, yearA: number, yearB: number): boolean;
}

export interface ReleaseCheckOptions {
  /**
   * A count jumps when it became this many times larger or smaller. 2 (doubled, or halved): the counts are
   * of persons and trajecten who mostly stay in care from one half year to the next, so a gemeente's count
   * moves by percents, and a revision from voorlopig to definitief by a few percent; a factor of 2 is what
   * an import error looks like (a decimal point read as a thousands separator, a file read twice, half the
   * rows missing, a unit of 1.000), while an ordinary year does not come near it.
   */
  jumpFactor?: number;
  /**
   * Only counts of which the larger value is at least this are compared. 100: below it chance and rounding
   * decide (counts are rounded to fives: 10 → 25 is 2,5 times as many, and one family moving house doubles
   * a small gemeente's jeugdreclassering); from 100 on a doubling is 50 or more, some five times the
   * spread chance gives a count of that size (√100 = 10).
   */
  jumpMinimum?: number;
  /** At most this many findings per kind and dataset in the report file; the build log shows fewer still. */
  reportLimit?: number;
}

export const DEFAULT_RELEASE_CHECK_OPTIONS: Required<ReleaseCheckOptions> = { jumpFactor: 2, jumpMinimum: 100, reportLimit: 200 };

export type FindingKind = 'verdwenen-gemeente' | 'sprong' | 'totaal-past-niet';

export const FINDING_KIND_LABEL: Record<FindingKind, { one: string; many: string }> = {
  'verdwenen-gemeente': { one: 'gemeente verdwenen zonder herindeling', many: 'gemeenten verdwenen zonder herindeling' },
  sprong: { one: 'sprong', many: 'sprongen' },
  'totaal-past-niet': { one: 'totaal dat niet past bij zijn delen', many: 'totalen die niet passen bij hun delen' },
};

interface FindingBase {
  dataset: string;
  /** Region code; empty for a finding about a whole relation (`values.rows`). */
  region: string;
  /** Period code; empty for a finding about a whole relation. */
  period: string;
  /** Measure id; null for a gemeente that vanished (all its measures). */
  measure: string | null;
  /** Dimension id → category code of the row (empty without dimensions). */
  topics: Readonly<Record<string, string>>;
  /** In Dutch, for the publisher. */
  message: string;
}

export interface VanishedFinding extends FindingBase {
  kind: 'verdwenen-gemeente';
  /** The period it last had figures in: of the previous release, or the same period when a row was dropped. */
  values: { lastPeriod: string; previousRelease: string };
}

export interface JumpFinding extends FindingBase {
  kind: 'sprong';
  values: {
    previous: number;
    current: number;
    /** current / previous; Infinity from 0. */
    factor: number;
    /** A revision compares the same period in the previous release; a new period the period before it. */
    comparedWith: 'vorige-release' | 'vorige-periode';
    previousPeriod: string;
  };
}

export interface TotalFinding extends FindingBase {
  kind: 'totaal-past-niet';
  values: {
    relation: string;
    total: number | null;
    /** What the parts can add up to, given rounding, secret cells and missing parts. */
    partsLow: number;
    partsHigh: number;
    parts: number;
    /** For a finding about a whole relation: in how many of how many rows it does not hold. */
    rows?: { failing: number; checked: number };
  };
}

export type ReleaseFinding = VanishedFinding | JumpFinding | TotalFinding;

export interface ReleaseCheckResult {
  current: Release;
  previous: Release | undefined;
  options: Required<ReleaseCheckOptions>;
  /**
   * Each dataset of the current release: compared with the previous release, or new or carried over; and
   * the periods its totals were checked in (null: all).
   */
  datasets: Array<{ id: string; title: string; comparedWith: string | null; carriedOver: boolean; totalsIn: string[] | null }>;
  findings: ReleaseFinding[];
}

/** Checks the current (last) release of a data folder against the one before it. */
export function checkRelease(store: ReleaseStore, regions: ReleaseCheckRegions, options: ReleaseCheckOptions = {}): ReleaseCheckResult {
  const opts = { ...DEFAULT_RELEASE_CHECK_OPTIONS, ...options };
  const current = store.catalog.releases.at(-1)!;
  const previous = previousRelease(store.catalog, current.id);
  const context = new Context(regions);
  const result: ReleaseCheckResult = { current, previous, options: opts, datasets: [], findings: [] };
  for (const id of store.catalog.datasets) {
    const now = datasetVersion(store, id, current.id);
    if (!now) continue;
    const before = previous && !now.carriedOver ? datasetVersion(store, id, previous.id) : undefined;
    // Compared once for the three checks that read it.
    const diff = before && diffVersions(before, now);
    const totalsIn = now.carriedOver ? [] : diff ? changedPeriods(diff, now) : null;
    result.datasets.push({ id, title: now.meta.title, comparedWith: before ? previous!.id : null, carriedOver: now.carriedOver, totalsIn });
    if (before && diff) {
      result.findings.push(...vanishedGemeenten(before, now, diff, context));
      result.findings.push(...jumps(before, now, diff, context, opts));
    }
    if (totalsIn?.length !== 0) result.findings.push(...totalsAndParts(now, context, totalsIn && new Set(totalsIn)));
  }
  return result;
}

/**
 * The periods whose figures this release publishes anew: new periods and periods with revised figures, in
 * time order; null (all) when rows were added to or dropped from a period both publish. Totals are checked
 * there: the other periods are as the previous release published them, and were checked then.
 */
function changedPeriods(diff: DatasetDiff, now: DatasetVersion): string[] | null {
  if (diff.addedRows > 0 || diff.removedRows > 0) return null;
  const changed = new Set([...diff.newPeriods, ...diff.revisions.map((r) => r.period)]);
  return now.periods.map((p) => p.code).filter((code) => changed.has(code));
}

/** Lookups the checks repeat, cached per run. */
class Context {
  private readonly periods = new Map<string, Period | undefined>();
  private readonly gemeentenByYear = new Map<number, string[]>();
  private readonly labels = new Map<string, string>();
  private readonly membership = { provincie: new Map<string, string | undefined>(), jeugdregio: new Map<string, string | undefined>() };
  private readonly members = new Map<string, Map<string, string[]>>();
  constructor(readonly regions: ReleaseCheckRegions) {}

  period(code: string): Period | undefined {
    if (!this.periods.has(code)) this.periods.set(code, parsePeriodCode(code));
    return this.periods.get(code);
  }

  periodText(code: string): string {
    const period = this.period(code);
    return period ? periodLabel(period) : code;
  }

  regionText(code: string): string {
    let text = this.labels.get(code);
    if (text === undefined) {
      const name = this.regions.label(code);
      this.labels.set(code, (text = name === code ? code : `${name} (${code})`));
    }
    return text;
  }

  /** The provincie or jeugdregio of a gemeente. */
  memberOf(kind: 'provincie' | 'jeugdregio', gemeente: string): string | undefined {
    const cache = this.membership[kind];
    let region = cache.get(gemeente);
    if (region === undefined && !cache.has(gemeente)) {
      region = kind === 'provincie' ? this.regions.provincieOf(gemeente) : this.regions.jeugdregioOf(gemeente);
      cache.set(gemeente, region);
    }
    return region;
  }

  /** The gemeenten of a year's indeling in a provincie or jeugdregio. */
  membersIn(kind: 'provincie' | 'jeugdregio', region: string, year: number): string[] {
    const key = `${kind}|${year}`;
    let byRegion = this.members.get(key);
    if (!byRegion) {
      byRegion = new Map();
      for (const g of this.gemeentenIn(year)) {
        const r = this.memberOf(kind, g);
        if (r === undefined) continue;
        const list = byRegion.get(r);
        if (list) list.push(g);
        else byRegion.set(r, [g]);
      }
      this.members.set(key, byRegion);
    }
    return byRegion.get(region) ?? [];
  }

  gemeentenIn(year: number): string[] {
    let list = this.gemeentenByYear.get(year);
    if (!list) this.gemeentenByYear.set(year, (list = this.regions.gemeentenIn(year).map((g) => g.code)));
    return list;
  }

  existsIn(gemeente: string, year: number): boolean | undefined {
    const g = this.regions.gemeente(gemeente);
    return g ? g.eersteJaar <= year && (g.laatsteJaar === null || year <= g.laatsteJaar) : undefined;
  }
}

/** Stored counts: what the checks compare (rates follow from their counts, or lack the size to judge them). */
function countMeasures(meta: DatasetMeta): Array<{ measure: Measure; index: number }> {
  return meta.measures.map((measure, index) => ({ measure, index })).filter(({ measure }) => isAdditiveCount(measure));
}

function topicsOf(meta: DatasetMeta, topics: readonly string[]): Record<string, string> {
  return Object.fromEntries(meta.dimensions.map((d, i) => [d.id, topics[i]!]));
}

/** The categories of a row that are not a total, as words: "12 tot 18 jaar, meisjes". */
function topicText(meta: DatasetMeta, topics: readonly string[]): string {
  return meta.dimensions
    .map((d, i) => d.codes.find((c) => c.code === topics[i]))
    .filter((c) => c !== undefined && !c.total)
    .map((c) => c!.label)
    .join(', ');
}

function sortedPeriods(version: DatasetVersion, context: Context): Period[] {
  return version.periods
    .map((p) => context.period(p.code))
    .filter((p): p is Period => p !== undefined)
    .sort(comparePeriods);
}

/** The latest period of the same kind before `period` in a list sorted in time. */
function periodBefore(period: Period, sorted: readonly Period[]): Period | undefined {
  let found: Period | undefined;
  for (const p of sorted) if (p.kind === period.kind && comparePeriods(p, period) < 0) found = p;
  return found;
}

/** The gemeenten with rows in each of `periods` (all periods: null). */
function gemeentenWithRows(rows: readonly ObservationRow[], periods: ReadonlySet<string> | null): Map<string, Set<string>> {
  const byPeriod = new Map<string, Set<string>>();
  for (const row of rows) {
    if ((periods && !periods.has(row.period)) || !row.region.startsWith('GM')) continue;
    let set = byPeriod.get(row.period);
    if (!set) byPeriod.set(row.period, (set = new Set()));
    set.add(row.region);
  }
  return byPeriod;
}

function vanishedGemeenten(before: DatasetVersion, now: DatasetVersion, diff: DatasetDiff, context: Context): VanishedFinding[] {
  const meta = now.meta;
  const out: VanishedFinding[] = [];
  const previousRelease = before.release.id;
  const earlier = new Set(before.periods.map((p) => p.code));
  const beforeSorted = sortedPeriods(before, context);
  const lastOf = new Map(
    now.periods.flatMap((p) => {
      const period = earlier.has(p.code) ? undefined : context.period(p.code);
      const last = period && periodBefore(period, beforeSorted);
      return period && last ? [[p.code, { period, last }] as const] : [];
    }),
  );
  // A gemeente gone from a period both publish means rows dropped: only then are all periods compared.
  const dropped = diff.removedRows > 0;
  const had = gemeentenWithRows(before.rows, dropped ? null : new Set([...lastOf.values()].map((x) => x.last.code)));
  const has = gemeentenWithRows(now.rows, dropped ? null : new Set(lastOf.keys()));
  const finding = (region: string, period: string, lastPeriod: string, message: string): VanishedFinding => ({
    kind: 'verdwenen-gemeente',
    dataset: meta.id,
    region,
    period,
    measure: null,
    topics: {},
    values: { lastPeriod, previousRelease },
    message,
  });
  // A period both releases publish: its indeling did not change, so a gemeente may not go.
  for (const p of dropped ? now.periods : []) {
    if (!earlier.has(p.code)) continue;
    for (const g of had.get(p.code) ?? []) {
      if (has.get(p.code)?.has(g)) continue;
      const text = `${context.regionText(g)} had in de vorige release (${previousRelease}) cijfers over ${context.periodText(p.code)}, nu niet meer.`;
      out.push(finding(g, p.code, p.code, text));
    }
  }
  // A new period: every gemeente of the period before that still exists in the new one's year.
  for (const [code, { period, last }] of lastOf) {
    for (const g of had.get(last.code) ?? []) {
      if (has.get(code)?.has(g) || context.existsIn(g, period.year) === false) continue;
      const text = `${context.regionText(g)} heeft geen cijfers over ${context.periodText(code)}, wel over ${context.periodText(last.code)}, en is volgens het register van gemeenten niet bij een herindeling opgeheven.`;
      out.push(finding(g, code, last.code, text));
    }
  }
  return out;
}

/**
 * A number for a cell, for comparing sizes: nihil and "cannot occur" are 0, a suppressed count (".") is
 * below the threshold, so at most threshold − 1; a secret ("x") or missing cell is unknown.
 */
function sizeOf(cell: Observation | undefined, meta: DatasetMeta): number | undefined {
  if (!cell) return undefined;
  if (cell.value !== null) return cell.value;
  if (cell.symbol === '-' || cell.symbol === '') return 0;
  if (cell.symbol === '.') return Math.max(0, meta.disclosure.threshold - 1);
  return undefined;
}

function isJump(a: number, b: number, opts: Required<ReleaseCheckOptions>): boolean {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  return big >= opts.jumpMinimum && big >= opts.jumpFactor * small;
}

const formatFactor = (factor: number) => (Number.isFinite(factor) ? `×${formatNumber(factor, 2)}` : 'van 0');

function jumps(before: DatasetVersion, now: DatasetVersion, diff: DatasetDiff, context: Context, opts: Required<ReleaseCheckOptions>): JumpFinding[] {
  const meta = now.meta;
  const measures = countMeasures(meta);
  const countIndexes = new Set(measures.map((m) => m.index));
  const out: JumpFinding[] = [];
  const seen = new Set<string>();
  const push = (f: JumpFinding, measure: Measure) => {
    // A population figure repeats on every row of a region and period: report it once.
    const key = measure.countOf === 'inwoners' ? `${f.region}|${f.period}|${f.measure}|${f.values.previous}|${f.values.current}` : undefined;
    if (key && seen.has(key)) return;
    if (key) seen.add(key);
    out.push(f);
  };

  // Revisions: the same cell in the previous release.
  for (const r of diff.revisions) {
    const i = meta.measures.indexOf(r.measure);
    if (!countIndexes.has(i)) continue;
    const a = sizeOf(r.old, meta);
    const b = sizeOf(r.new, meta);
    if (a === undefined || b === undefined || !isJump(a, b, opts)) continue;
    const factor = a === 0 ? Infinity : b / a;
    const where = [context.regionText(r.region), topicText(meta, r.topics)].filter(Boolean).join(', ');
    const text = `${r.measure.label}, ${where}, ${context.periodText(r.period)}: herzien van ${show(r.old)} in de vorige release naar ${show(r.new)} (${formatFactor(factor)}).`;
    push(
      {
        kind: 'sprong',
        dataset: meta.id,
        region: r.region,
        period: r.period,
        measure: r.measure.id,
        topics: topicsOf(meta, r.topics),
        values: { previous: a, current: b, factor, comparedWith: 'vorige-release', previousPeriod: r.period },
        message: text,
      },
      r.measure,
    );
  }

  // New periods: against the period before, on the same indeling (herindelingen converted, changed wijken left out).
  const earlier = new Set(before.periods.map((p) => p.code));
  const sorted = sortedPeriods(now, context);
  const needed = new Set<string>();
  for (const p of now.periods) {
    const period = earlier.has(p.code) ? undefined : context.period(p.code);
    const last = period && periodBefore(period, sorted);
    if (last) needed.add(p.code).add(last.code);
  }
  const byPeriod = new Map<string, Map<string, ObservationRow>>();
  for (const row of now.rows) {
    if (!needed.has(row.period)) continue;
    let rows = byPeriod.get(row.period);
    if (!rows) byPeriod.set(row.period, (rows = new Map()));
    rows.set(rowKey(row.region, '', row.topics), row);
  }
  for (const p of now.periods) {
    if (earlier.has(p.code)) continue;
    const period = context.period(p.code);
    const last = period && periodBefore(period, sorted);
    if (!period || !last) continue;
    const lastRows = byPeriod.get(last.code) ?? new Map<string, ObservationRow>();
    const compared = measures.filter(({ measure }) => !breakBetween(meta, measure, last, period, context));
    for (const row of byPeriod.get(p.code)?.values() ?? []) {
      const base = baseRows(row, last, period, lastRows, context);
      if (!base) continue;
      for (const { measure, index } of compared) {
        let a = 0;
        for (const { row: part, share } of base) {
          const size = sizeOf(part.cells[index], meta);
          if (size === undefined) {
            a = NaN;
            break;
          }
          a += size * share;
        }
        const b = sizeOf(row.cells[index], meta);
        if (Number.isNaN(a) || b === undefined || !isJump(a, b, opts)) continue;
        a = Math.round(a);
        const factor = a === 0 ? Infinity : b / a;
        const converted = base.length > 1 || base[0]!.share !== 1 || base[0]!.row.region !== row.region ? ' (omgerekend naar de indeling van nu)' : '';
        const where = [context.regionText(row.region), topicText(meta, row.topics)].filter(Boolean).join(', ');
        const text = `${measure.label}, ${where}: van ${formatNumber(a)} in ${context.periodText(last.code)}${converted} naar ${show(row.cells[index]!)} in ${context.periodText(p.code)} (${formatFactor(factor)}).`;
        push(
          {
            kind: 'sprong',
            dataset: meta.id,
            region: row.region,
            period: p.code,
            measure: measure.id,
            topics: topicsOf(meta, row.topics),
            values: { previous: a, current: b, factor, comparedWith: 'vorige-periode', previousPeriod: last.code },
            message: text,
          },
          measure,
        );
      }
    }
  }
  return out;
}

function show(cell: Observation): string {
  return cell.value !== null ? formatNumber(cell.value) : `"${cell.symbol ?? '.'}"`;
}

/** True when a trend break of the measure lies between two periods: a jump there is expected. */
function breakBetween(meta: DatasetMeta, measure: Measure, from: Period, to: Period, context: Context): boolean {
  return meta.trendBreaks.some((b) => {
    const at = context.period(b.from);
    return at !== undefined && (!b.measures || b.measures.includes(measure.id)) && comparePeriods(at, from) > 0 && comparePeriods(at, to) <= 0;
  });
}

/**
 * The rows of the earlier period that make up a region of the new one: itself, or for a gemeente changed by
 * a herindeling its parts with their shares; undefined when they cannot be compared (a part without a row,
 * a wijk with another area).
 */
function baseRows(
  row: ObservationRow,
  last: Period,
  period: Period,
  lastRows: ReadonlyMap<string, ObservationRow>,
  context: Context,
): Array<{ row: ObservationRow; share: number }> | undefined {
  const kind = regionKind(row.region);
  const own = lastRows.get(rowKey(row.region, '', row.topics));
  if (kind === 'wijk') return own && context.regions.sameWijkArea(row.region, last.year, period.year) ? [{ row: own, share: 1 }] : undefined;
  if (kind !== 'gemeente' || last.year === period.year) return own ? [{ row: own, share: 1 }] : undefined;
  const parts = context.regions.parts(row.region, last.year, period.year);
  if (parts.length === 0) return own ? [{ row: own, share: 1 }] : undefined;
  const out: Array<{ row: ObservationRow; share: number }> = [];
  for (const part of parts) {
    const partRow = lastRows.get(rowKey(part.code, '', row.topics));
    if (!partRow) return undefined;
    out.push({ row: partRow, share: part.share });
  }
  return out;
}

/**
 * A relation of the table (src/lib/disclosure/relations.ts, the one definition of which cells add up to
 * which), as the findings name it.
 */
interface RelationName {
  /** Groups the rows of one relation, for the structural check. */
  id: string;
  /** In Dutch: "de categorieën van leeftijd", "de gemeenten van Nederland". */
  label: string;
}

/**
 * A relation that fails for a measure in at least this share of its rows (and in at least MIN_STRUCTURAL
 * rows) is reported once, as a whole, for all its measures: then its definition is wrong (a category outside
 * the total, a dimension in which one youth can be in several categories), not each of its rows.
 */
const STRUCTURAL_SHARE = 0.5;
const MIN_STRUCTURAL = 20;

interface Mismatch {
  relation: RelationName;
  row: ObservationRow;
  measure: Measure;
  total: Observation;
  /** How many parts the table has, and their published values summed. */
  parts: number;
  sum: number;
  /** What the parts can add up to, and the most the total can be. */
  low: number;
  high: number;
  totalHigh: number;
  slack: number;
}

/**
 * What each published cell allows its true count to be: the intervals of disclosure control (cellInterval)
 * with two of their lower ends taken back to what a source table promises. A rounded count v is v − 2 or
 * more, not also 10 or more: in CBS's own tables a published 10 can stand for fewer (Makkinga, 2021: 15
 * youths with jeugdzorg, of whom 10 aged 4 to 12 and 10 aged 12 to 18; some 70 such totals in the wijken
 * table of 2021–2022). A secret cell ("x", CBS: geheim) is anything from 0: it can hide a count below the
 * threshold.
 */
function publishedBounds(rows: readonly ObservationRow[], meta: DatasetMeta): Bounds {
  const m = meta.measures.length;
  const bounds = initialBounds(rows, m, meta.disclosure);
  const below = Math.floor(meta.disclosure.roundTo / 2);
  rows.forEach((row, r) => {
    row.cells.forEach((cell, i) => {
      if (!cell) return;
      if (cell.value === null ? cell.symbol === 'x' : cell.value !== 0 && cell.symbol !== '-') bounds.lo[r * m + i] = Math.max(0, (cell.value ?? 0) - below);
    });
  });
  return bounds;
}

/**
 * Totals against their parts, in the periods with new or revised figures (null: all), for the counts of
 * persons and trajecten that disclosure control protects (population figures come from another source and
 * repeat across categories: they are no parts of one another).
 */
function totalsAndParts(now: DatasetVersion, context: Context, periods: ReadonlySet<string> | null): TotalFinding[] {
  const meta = now.meta;
  const rows = periods ? now.rows.filter((row) => periods.has(row.period)) : now.rows;
  const set = relationsOf(meta, rows, {
    provincieOf: (g) => context.memberOf('provincie', g),
    jeugdregioOf: (g) => context.memberOf('jeugdregio', g),
  });
  if (set.count === 0) return [];
  const m = meta.measures.length;
  const bounds = publishedBounds(rows, meta);
  const name = relationNamer(meta, rows, context);
  const byRelation = new Map<string, { checked: Map<string, number>; failing: Mismatch[] }>();
  for (let i = 0; i < set.count; i++) {
    const totalCell = set.cells[set.start[i]!]!;
    const row = rows[Math.floor(totalCell / m)]!;
    const measure = meta.measures[totalCell % m]!;
    const total = row.cells[totalCell % m];
    // A total that is not there, or not a figure, tells nothing: in CBS tables "." is also "gegevens ontbreken".
    if (!total || (total.value === null && total.symbol !== '-' && total.symbol !== '')) continue;
    const named = name(set, i);
    if (!named) continue;
    const { relation, complete } = named;
    let group = byRelation.get(relation.id);
    if (!group) byRelation.set(relation.id, (group = { checked: new Map(), failing: [] }));
    group.checked.set(measure.id, (group.checked.get(measure.id) ?? 0) + 1);
    // A region without a row for one of the members of its indeling is at least their sum, not equal to it
    // (the missing gemeente is a finding of its own).
    if (!complete) set.exact[i] = 0;
    if (!contradicts(set, i, bounds)) continue;
    const [low, high] = partsInterval(set, i, bounds);
    const from = set.start[i]! + 1;
    const to = set.start[i + 1]!;
    let sum = 0;
    for (let k = from; k < to; k++) {
      const c = set.cells[k]!;
      sum += rows[Math.floor(c / m)]!.cells[c % m]?.value ?? 0;
    }
    const slack = Math.floor(meta.disclosure.roundTo / 2);
    group.failing.push({ relation, row, measure, total, parts: to - from, sum, low, high, totalHigh: bounds.hi[totalCell]!, slack });
  }
  const out: TotalFinding[] = [];
  for (const { checked, failing } of byRelation.values()) {
    if (failing.length === 0) continue;
    const perMeasure = new Map<string, number>();
    for (const f of failing) perMeasure.set(f.measure.id, (perMeasure.get(f.measure.id) ?? 0) + 1);
    const structural = [...perMeasure].some(([id, n]) => n >= MIN_STRUCTURAL && n >= STRUCTURAL_SHARE * checked.get(id)!);
    if (!structural) {
      out.push(...failing.map((f) => totalFinding(f, meta, context)));
      continue;
    }
    const example = totalFinding(failing[0]!, meta, context);
    const counts = { failing: failing.length, checked: [...checked.values()].reduce((a, b) => a + b, 0) };
    const which = [...perMeasure].map(([id, n]) => `${meta.measures.find((x) => x.id === id)!.label.toLowerCase()} ${formatNumber(n)} van ${formatNumber(checked.get(id)!)}`);
    out.push({
      ...example,
      region: '',
      period: '',
      measure: failing[0]!.measure.id,
      topics: {},
      values: { ...example.values, rows: counts },
      message:
        `${capitalise(failing[0]!.relation.label)} passen niet bij hun totaal, niet af en toe maar in een groot deel van de rijen (${which.join('; ')}). ` +
        `Staat een categorie buiten het totaal, of kan één persoon of traject in meer delen vallen? Dan zijn ze niet optelbaar (additive: false bij de dimensie in meta.json). ` +
        `Bijvoorbeeld: ${example.message}`,
    });
  }
  return out;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function totalFinding({ relation, row, measure, total, parts, sum, low, high, totalHigh, slack }: Mismatch, meta: DatasetMeta, context: Context): TotalFinding {
  const where = [context.regionText(row.region), topicText(meta, row.topics)].filter(Boolean).join(', ');
  const shown = show(total);
  const partsText = `${relation.label}: ${parts} delen, samen ${formatNumber(sum)}`;
  const allowance = `met afronding (±${slack} per aantal) en geheime cellen`;
  const text =
    low > totalHigh
      ? `het totaal ${shown} is kleiner dan de delen samen (${partsText}; ${allowance} ten minste ${formatNumber(low)})`
      : `het totaal ${shown} is groter dan de delen samen kunnen zijn (${partsText}; ${allowance} hoogstens ${formatNumber(high)})`;
  return {
    kind: 'totaal-past-niet',
    dataset: meta.id,
    region: row.region,
    period: row.period,
    measure: measure.id,
    topics: topicsOf(meta, row.topics),
    values: { relation: relation.label, total: total.value, partsLow: low, partsHigh: high, parts },
    message: `${measure.label}, ${where}, ${context.periodText(row.period)}: ${text}.`,
  };
}

/**
 * Names relation i of a set built over `rows`, and tells whether a region relation has a row for every
 * member of its indeling; undefined for a region relation in a period that is no period. relationsOf gives
 * the relations of the same rows for each measure in turn: the last answer is kept for the next.
 */
function relationNamer(meta: DatasetMeta, rows: readonly ObservationRow[], context: Context) {
  const m = meta.measures.length;
  const measureIndex = new Map(meta.measures.map((x, i) => [x.id, i]));
  const sums = new Map(
    meta.sums.map((sum, index) => [
      [sum.total, ...sum.parts].map((id) => measureIndex.get(id)).join(','),
      { id: `som:${index}`, label: `de maten ${sum.parts.map((id) => meta.measures[measureIndex.get(id)!]!.label.toLowerCase()).join(', ')}` },
    ]),
  );
  let provincieCodes: string[] | undefined;
  let last: { key: string; named: { relation: RelationName; complete: boolean } | undefined } | undefined;
  return (set: RelationSet, i: number): { relation: RelationName; complete: boolean } | undefined => {
    const from = set.start[i]!;
    const to = set.start[i + 1]!;
    const kind = RELATION_KINDS[set.kind[i]!]!;
    const total = rows[Math.floor(set.cells[from]! / m)]!;
    const first = rows[Math.floor(set.cells[from + 1]! / m)]!;
    if (kind === 'onderwerpen') {
      const relation = sums.get(Array.from(set.cells.subarray(from, to), (c) => c % m).join(','));
      return relation && { relation, complete: true };
    }
    const key = `${kind}|${Math.floor(set.cells[from]! / m)}|${Math.floor(set.cells[from + 1]! / m)}|${to - from}`;
    if (last?.key === key) return last.named;
    let named: { relation: RelationName; complete: boolean } | undefined;
    if (kind === 'categorieën') {
      const dim = meta.dimensions.find((_, d) => total.topics[d] !== first.topics[d])!;
      named = { relation: { id: `categorie:${dim.id}`, label: `de categorieën van ${dim.label.toLowerCase()}` }, complete: true };
    } else {
      const year = context.period(total.period)?.year;
      const totalKind = regionKind(total.region);
      let members: readonly string[] = [];
      let relation: RelationName;
      if (kind === 'wijken') relation = { id: 'regio:gemeente-wijken', label: 'de wijken' };
      else if (totalKind === 'land' && regionKind(first.region) === 'provincie') {
        relation = { id: 'regio:land-provincies', label: 'de provincies' };
        members = provincieCodes ??= context.regions.provincies().map((p) => p.code);
      } else if (totalKind === 'land') {
        relation = { id: 'regio:land-gemeenten', label: 'de gemeenten van Nederland' };
        members = year === undefined ? [] : context.gemeentenIn(year);
      } else {
        const of = totalKind === 'provincie' ? 'provincie' : 'jeugdregio';
        relation = { id: `regio:${of}-gemeenten`, label: `de gemeenten van de ${of}` };
        members = year === undefined ? [] : context.membersIn(of, total.region, year);
      }
      let complete = false;
      if (kind !== 'wijken' && members.length > 0) {
        const present = new Set<string>();
        for (let k = from + 1; k < to; k++) present.add(rows[Math.floor(set.cells[k]! / m)]!.region);
        complete = members.every((code) => present.has(code));
      }
      named = year === undefined ? undefined : { relation, complete };
    }
    last = { key, named };
    return named;
  };
}

const KINDS: readonly FindingKind[] = ['verdwenen-gemeente', 'sprong', 'totaal-past-niet'];

function countsByDataset(findings: readonly ReleaseFinding[], kind: FindingKind): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.kind === kind) counts.set(f.dataset, (counts.get(f.dataset) ?? 0) + 1);
  return counts;
}

const kindWords = (kind: FindingKind, n: number) => countWords(n, FINDING_KIND_LABEL[kind].one, FINDING_KIND_LABEL[kind].many);

function comparedText(result: ReleaseCheckResult): string {
  return result.previous
    ? `release ${result.current.id} tegen ${result.previous.id}`
    : `release ${result.current.id} (de eerste: alleen totalen en hun delen)`;
}

/** A few lines for the build log: the number of findings of each kind per dataset, and an example of each. */
export function summariseReleaseChecks(result: ReleaseCheckResult, maxExample = 300): string[] {
  const { findings } = result;
  if (findings.length === 0) return [`Releasecontrole, ${comparedText(result)}: geen bevindingen.`];
  const lines = [`Releasecontrole, ${comparedText(result)}: ${countWords(findings.length, 'bevinding', 'bevindingen')} om na te kijken vóór publicatie:`];
  for (const kind of KINDS) {
    const counts = countsByDataset(findings, kind);
    const n = [...counts.values()].reduce((a, b) => a + b, 0);
    if (n === 0) continue;
    lines.push(`  ${kindWords(kind, n)} (${[...counts].map(([id, c]) => `${id} ${formatNumber(c)}`).join(', ')})`);
    const example = findings.find((f) => f.kind === kind)!.message;
    lines.push(`    bijvoorbeeld: ${example.length > maxExample ? `${example.slice(0, maxExample - 1)}…` : example}`);
  }
  return lines;
}

const SECTION_TITLE: Record<FindingKind, string> = {
  'verdwenen-gemeente': 'Gemeenten verdwenen zonder herindeling',
  sprong: 'Sprongen',
  'totaal-past-niet': 'Totalen die niet passen bij hun delen',
};

/** The report for the publisher (Markdown): what was compared, the settings, and every finding. */
export function formatReleaseReport(result: ReleaseCheckResult, source?: string): string {
  const { current, previous, options, findings } = result;
  const out: string[] = [`# Releasecontrole: ${current.title} (${current.id})`, ''];
  if (source) out.push(`Gegevens: ${source}`, '');
  out.push(
    previous
      ? `Vergeleken met de vorige release: ${previous.title} (${previous.id}).`
      : 'Dit is de eerste release: er is geen vorige om mee te vergelijken. Alleen totalen en hun delen zijn gecontroleerd.',
    '',
    'Bevindingen zijn geen fouten: ze vragen om een blik vóór publicatie. Gecontroleerd is:',
    '',
    '- of een gemeente die in de vorige release cijfers had, die nog heeft, tenzij ze volgens het register bij een herindeling is opgeheven;',
    `- of een aantal sprong: ${formatNumber(options.jumpFactor, 1)} keer zo groot of klein werd als in de periode ervoor (nieuwe perioden, herindelingen omgerekend, niet over een trendbreuk) of als in de vorige release (herziene cijfers), waar het grootste van de twee ten minste ${formatNumber(options.jumpMinimum)} is;`,
    '- of totalen passen bij de som van hun delen (categorieën, gemeenten van Nederland, een provincie of jeugdregio, wijken van een gemeente), met ±2 per afgerond aantal voor de afronding op vijftallen en 0 tot de drempel voor een geheime cel ("."), in de perioden met nieuwe of herziene cijfers (de andere zijn gecontroleerd toen ze verschenen).',
    '',
    '## Overzicht',
    '',
    '| Dataset | Vergeleken met | Verdwenen gemeenten | Sprongen | Totalen die niet passen | Totalen gecontroleerd in |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  );
  for (const d of result.datasets) {
    const n = (kind: FindingKind) => formatNumber(findings.filter((f) => f.dataset === d.id && f.kind === kind).length);
    const compared = d.comparedWith ?? (d.carriedOver ? 'niet bijgewerkt in deze release' : previous ? 'nieuw in deze release' : '–');
    const label = (code: string) => {
      const period = parsePeriodCode(code);
      return period ? periodLabel(period) : code;
    };
    const totalsIn = d.totalsIn === null ? 'alle perioden' : d.totalsIn.length === 0 ? 'geen' : d.totalsIn.map(label).join(', ');
    out.push(`| ${d.title} (${d.id}) | ${compared} | ${n('verdwenen-gemeente')} | ${n('sprong')} | ${n('totaal-past-niet')} | ${totalsIn} |`);
  }
  out.push('');
  if (findings.length === 0) out.push('Geen bevindingen.', '');
  for (const kind of KINDS) {
    const ofKind = findings.filter((f) => f.kind === kind);
    if (ofKind.length === 0) continue;
    out.push(`## ${SECTION_TITLE[kind]} (${formatNumber(ofKind.length)})`, '');
    for (const d of result.datasets) {
      const list = ofKind.filter((f) => f.dataset === d.id);
      if (list.length === 0) continue;
      out.push(`### ${d.title} (${d.id})`, '');
      for (const f of list.slice(0, options.reportLimit)) out.push(`- ${f.message}`);
      if (list.length > options.reportLimit) out.push(`- … en nog ${formatNumber(list.length - options.reportLimit)}.`);
      out.push('');
    }
  }
  return out.join('\n');
}
