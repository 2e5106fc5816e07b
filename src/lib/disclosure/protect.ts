/**
 * Disclosure control as the build enforces it on every table it publishes (the current figures and every
 * earlier release):
 *  1. primary: counts must follow the dataset's policy; a dataset that breaks it is refused, or rounded and
 *     suppressed when the publisher chose "beschermen" (policy.ts);
 *  2. secondary: where a suppressed count could be worked out from the others (a total minus its other
 *     categories, a jeugdregio minus its other gemeenten), a complementary count is kept secret too, with the
 *     symbol "x", until no suppressed count can be narrowed below what rounding already hides (bounds.ts).
 * Pure: rows that change are copied, so versions of a table that share rows keep their own cells.
 */
import type { DatasetMeta, DisclosurePolicy } from '../../schemas/dataset';
import { computeDerivedMeasures, rowKey, type ObservationRow } from '../data/dataset';
import type { Observation } from '../data/symbols';
import { cellInterval, disclosedCells, impliedInterval, initialBounds, isSuppressed, propagate, type Bounds } from './bounds';
import { policyViolations, protectCell, protectedMeasureIndexes, type PolicyViolation } from './policy';
import { regionKind } from '../regions/codes';
import { relationsOf, type Membership, type RelationSet } from './relations';

export interface DisclosureReport {
  /** Counts rounded or suppressed because they broke the policy ("beschermen" only). */
  primary: number;
  /** Counts kept secret so that a suppressed one cannot be worked out. */
  secondary: number;
  /** Relations checked, and those the published figures do not satisfy (so nobody can use them). */
  relations: number;
  brokenRelations: number;
  /** Suppressed cells still narrower than the rounding allows (should be none). */
  unresolved: number;
}

export interface ProtectedRows {
  rows: ObservationRow[];
  report: DisclosureReport;
}

/** Thrown for a dataset that breaks its policy when the publisher chose to refuse ("weigeren"). */
export class PolicyViolationError extends Error {
  constructor(readonly violations: readonly PolicyViolation[]) {
    super(`${violations.length} aantallen volgen het geheimhoudingsbeleid niet`);
  }
}

const KEPT_SECRET: Observation = Object.freeze({ value: null, symbol: 'x' }) as Observation;

/** Rows with copy-on-write cells. */
class RowsEditor {
  readonly rows: ObservationRow[];
  readonly changed = new Set<number>();

  constructor(rows: readonly ObservationRow[]) {
    this.rows = rows.slice();
  }

  set(row: number, measure: number, cell: Observation): void {
    if (!this.changed.has(row)) {
      const original = this.rows[row]!;
      this.rows[row] = { ...original, cells: original.cells.slice() };
      this.changed.add(row);
    }
    this.rows[row]!.cells[measure] = cell;
  }
}

export function protectRows(meta: DatasetMeta, rows: readonly ObservationRow[], membership: Membership): ProtectedRows {
  const policy = meta.disclosure;
  const editor = new RowsEditor(rows);
  const violations = policyViolations(meta, rows);
  if (violations.length > 0 && policy.onViolation === 'weigeren') throw new PolicyViolationError(violations);
  for (const v of violations) editor.set(v.row, v.measure, protectCell(rows[v.row]!.cells[v.measure]!, policy));

  const relations = relationsOf(meta, editor.rows, membership);
  const { secondary, broken, unresolved } = suppressComplements(meta, editor, relations, publishedElsewhere(meta, editor.rows));
  recomputeRates(meta, editor);
  return {
    rows: editor.rows,
    report: { primary: violations.length, secondary, relations: relations.count, brokenRelations: broken, unresolved: unresolved.length },
  };
}

/**
 * Keeps complementary counts secret until no suppressed count is disclosed. Each round works out what the
 * table reveals (bounds.ts); for every disclosed cell, each relation that pins it down gets one more secret
 * cell (chooseComplement).
 */
function suppressComplements(meta: DatasetMeta, editor: RowsEditor, set: RelationSet, fixed: ReadonlySet<number>): { secondary: number; broken: number; unresolved: number[] } {
  const policy = meta.disclosure;
  const m = meta.measures.length;
  const cellOf = (id: number) => editor.rows[Math.floor(id / m)]!.cells[id % m]!;
  let secondary = 0;
  for (let round = 0; ; round++) {
    const bounds = initialBounds(editor.rows, m, policy);
    const broken = propagate(set, bounds);
    const brokenCount = broken.reduce((n, b) => n + b, 0);
    const disclosed = new Set(disclosedCells(suppressedCells(set, broken, cellOf), bounds, policy));
    if (disclosed.size === 0 || round === 50) return { secondary, broken: brokenCount, unresolved: [...disclosed] };
    let progress = false;
    for (let i = 0; i < set.count; i++) {
      if (broken[i]) continue;
      for (let k = set.start[i]!; k < set.start[i + 1]!; k++) {
        const cell = set.cells[k]!;
        if (!disclosed.has(cell)) continue;
        const [a, b] = impliedInterval(set, i, cell, bounds);
        const [initialLo, initialHi] = cellInterval(cellOf(cell), policy);
        const pinsLow = Math.ceil(a) > initialLo && Math.ceil(a) >= bounds.lo[cell]!;
        const pinsHigh = Math.floor(b) < initialHi && Math.floor(b) <= bounds.hi[cell]!;
        if (!pinsLow && !pinsHigh) continue;
        const complement = chooseComplement(set, i, cell, cellOf, bounds, policy, fixed);
        if (complement !== undefined) {
          editor.set(Math.floor(complement / m), complement % m, KEPT_SECRET);
          secondary++;
          progress = true;
        }
        break;
      }
    }
    if (!progress) return { secondary, broken: brokenCount, unresolved: [...disclosed] };
  }
}

/** The suppressed cells that take part in a relation that holds. */
export function suppressedCells(set: RelationSet, broken: Uint8Array, cellOf: (id: number) => Observation): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < set.count; i++) {
    if (broken[i]) continue;
    for (let k = set.start[i]!; k < set.start[i + 1]!; k++) if (isSuppressed(cellOf(set.cells[k]!))) out.add(set.cells[k]!);
  }
  return out;
}

/**
 * The cells (row × measures + measure) that another table publishes too (DisclosurePolicy.publishedElsewhere):
 * those measures in the rows whose every topic is its dimension's total, for every region but a wijk (no
 * other table publishes wijken).
 */
export function publishedElsewhere(meta: DatasetMeta, rows: readonly ObservationRow[]): Set<number> {
  const out = new Set<number>();
  const measures = (meta.disclosure.publishedElsewhere ?? []).map((id) => meta.measures.findIndex((m) => m.id === id));
  if (measures.length === 0) return out;
  const totals = meta.dimensions.map((d) => d.codes.find((c) => c.total)?.code);
  const m = meta.measures.length;
  rows.forEach((row, r) => {
    if (regionKind(row.region) === 'wijk' || !row.topics.every((topic, d) => topic === totals[d])) return;
    for (const measure of measures) if (measure >= 0) out.add(r * m + measure);
  });
  return out;
}

/**
 * The cell of relation i to keep secret for `disclosed`: the smallest published count whose secrecy alone
 * widens the disclosed cell's interval in this relation enough; if none does, the smallest published category
 * (the next round adds more). Ties go to the lower cell number, so the same table always gets the same cells.
 * A cell that another table publishes (`fixed`) is never chosen: its secrecy would protect nothing.
 */
function chooseComplement(
  set: RelationSet,
  i: number,
  disclosed: number,
  cellOf: (id: number) => Observation,
  bounds: Bounds,
  policy: DisclosurePolicy,
  fixed: ReadonlySet<number>,
): number | undefined {
  const from = set.start[i]!;
  const to = set.start[i + 1]!;
  const candidates: Array<{ id: number; value: number; isTotal: boolean }> = [];
  for (let k = from; k < to; k++) {
    const id = set.cells[k]!;
    const { value, symbol } = cellOf(id);
    if (id === disclosed || value === null || symbol !== null || value <= 0 || fixed.has(id)) continue;
    if (fixed.size > 0 && !canStaySecret(set, id, cellOf, fixed)) continue;
    candidates.push({ id, value, isTotal: k === from });
  }
  candidates.sort((a, b) => a.value - b.value || a.id - b.id);
  const secretFrom = cellInterval(KEPT_SECRET, policy)[0];
  for (const candidate of candidates) {
    const saved = [bounds.lo[candidate.id]!, bounds.hi[candidate.id]!];
    bounds.lo[candidate.id] = secretFrom;
    bounds.hi[candidate.id] = Infinity;
    const [a, b] = impliedInterval(set, i, disclosed, bounds);
    bounds.lo[candidate.id] = saved[0]!;
    bounds.hi[candidate.id] = saved[1]!;
    const [initialLo, initialHi] = cellInterval(cellOf(disclosed), policy);
    if (Math.min(Math.floor(b), initialHi) - Math.max(Math.ceil(a), initialLo) + 1 >= policy.roundTo) return candidate.id;
  }
  return candidates.find((c) => !c.isTotal)?.id ?? candidates[0]?.id;
}

/** The exact relations each cell takes part in, per relation set (built for tables with fixed cells only). */
const relationsByCell = new WeakMap<RelationSet, Map<number, number[]>>();

/**
 * Whether a cell kept secret could stay secret: every exact relation it is in has another cell that is, or can
 * become, unknown. With fixed cells (publishedElsewhere) a relation can run out of those, as "ended = reason
 * known + reason unknown" does where the ended trajecten are fixed and no reason was unknown: a secret
 * "reason known" would be the ended trajecten minus nothing. The greedy choice does not go back, so it must
 * not pick such a cell in the first place.
 */
function canStaySecret(set: RelationSet, cell: number, cellOf: (id: number) => Observation, fixed: ReadonlySet<number>): boolean {
  let byCell = relationsByCell.get(set);
  if (!byCell) {
    byCell = new Map();
    for (let r = 0; r < set.count; r++) {
      if (!set.exact[r]) continue;
      for (let k = set.start[r]!; k < set.start[r + 1]!; k++) {
        const list = byCell.get(set.cells[k]!);
        if (list) list.push(r);
        else byCell.set(set.cells[k]!, [r]);
      }
    }
    relationsByCell.set(set, byCell);
  }
  for (const r of byCell.get(cell) ?? []) {
    let others = 0;
    for (let k = set.start[r]!; k < set.start[r + 1]! && others === 0; k++) {
      const id = set.cells[k]!;
      if (id === cell) continue;
      const other = cellOf(id);
      if (isSuppressed(other) || (!fixed.has(id) && other.symbol === null && other.value !== null && other.value > 0)) others++;
    }
    if (others === 0) return false;
  }
  return true;
}

/**
 * Rates follow their counts: a derived rate is computed again, and a stored rate whose numerator is now
 * secret becomes secret too (the rate times its denominator would give the count back).
 */
function recomputeRates(meta: DatasetMeta, editor: RowsEditor): void {
  if (editor.changed.size === 0) return;
  const index = new Map(meta.measures.map((x, i) => [x.id, i]));
  const stored = meta.measures.flatMap((x, i) => (x.type === 'rate' && !x.derived && x.rate?.numerator ? [{ i, numerator: index.get(x.rate.numerator)! }] : []));
  const changedRows = [...editor.changed].map((r) => editor.rows[r]!);
  for (const row of changedRows) {
    for (const { i, numerator } of stored) {
      const count = row.cells[numerator]!;
      if (count.value === null && row.cells[i]!.value !== null) row.cells[i] = { value: null, symbol: count.symbol ?? '.' };
    }
  }
  computeDerivedMeasures(meta, changedRows);
}

export interface AuditResult {
  relations: number;
  brokenRelations: number;
  suppressed: number;
  /** Suppressed cells that can be narrowed below what rounding hides, with their interval. */
  disclosed: Array<{ row: number; measure: number; lo: number; hi: number }>;
}

/** What someone could work out from a published table (bounds.ts): the suppressed cells it discloses. */
export function auditRows(meta: DatasetMeta, rows: readonly ObservationRow[], membership: Membership): AuditResult {
  const m = meta.measures.length;
  const set = relationsOf(meta, rows, membership);
  const bounds = initialBounds(rows, m, meta.disclosure);
  const broken = propagate(set, bounds);
  const suppressed = suppressedCells(set, broken, (id) => rows[Math.floor(id / m)]!.cells[id % m]!);
  return {
    relations: set.count,
    brokenRelations: broken.reduce((n, b) => n + b, 0),
    suppressed: suppressed.size,
    disclosed: disclosedCells(suppressed, bounds, meta.disclosure).map((id) => ({ row: Math.floor(id / m), measure: id % m, lo: bounds.lo[id]!, hi: bounds.hi[id]! })),
  };
}

/**
 * The releases of a table are published side by side (release pages and zips): a count kept secret in one
 * release must not stand as a number in another, or the other release gives it away. Every count that is "x"
 * in some version becomes "x" in all versions that publish it as a number (kept secret once, kept secret in all).
 * Only adds secrets, which never reveals more. Returns the versions, with copies of the rows that changed.
 */
export function unifySecrets(meta: DatasetMeta, versions: ReadonlyArray<readonly ObservationRow[]>): { versions: ObservationRow[][]; added: number } {
  const secret = new Map<string, Set<number>>();
  const measures = protectedMeasureIndexes(meta);
  for (const rows of versions) {
    for (const row of rows) {
      for (const i of measures) {
        if (row.cells[i]?.symbol !== 'x') continue;
        const key = rowKey(row.region, row.period, row.topics);
        let set = secret.get(key);
        if (!set) secret.set(key, (set = new Set()));
        set.add(i);
      }
    }
  }
  let added = 0;
  const out = versions.map((rows) => {
    const editor = new RowsEditor(rows);
    rows.forEach((row, r) => {
      const set = secret.get(rowKey(row.region, row.period, row.topics));
      if (!set) return;
      for (const i of set) {
        const cell = row.cells[i];
        if (cell && cell.value !== null && cell.symbol === null) {
          editor.set(r, i, KEPT_SECRET);
          added++;
        }
      }
    });
    recomputeRates(meta, editor);
    return editor.rows;
  });
  return { versions: out, added };
}
