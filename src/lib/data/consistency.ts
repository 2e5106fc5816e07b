/**
 * Checks on figures that hold for every table of this publication, whatever its source, used both by the
 * importer (naming the line of the CBS export) and by the data folder reader (naming the line of
 * observations.csv):
 * - a cell is in the range of its measure: counts are whole numbers of 0 or more, a percentage is between 0
 *   and 100, persons per 1.000 are at most 1.000;
 * - a part is never larger than its whole: a category than its dimension's total, a measure than the measure
 *   it is part of (`meta.sums`), any region than Nederland, a wijk than its gemeente. Rounding both to fives
 *   keeps this (rounding is monotone); where only one of them is rounded (Kerncijfers wijken en buurten rounds
 *   the inhabitants of a wijk to fives, not those of its gemeente: 2.065 beside 2.062 in the real 2022 file)
 *   the part may exceed the whole by less than one rounding step. A part above its whole by a full step or
 *   more is a broken file (a duplicated column once made the Nederland total 1), never a rounding effect.
 */
import type { DatasetMeta, Measure } from '../../schemas/dataset';
import { gemeenteOfWijk, NEDERLAND } from '../regions/codes';
import type { ObservationRow } from './dataset';
import type { Observation } from './symbols';

type MeasureRange = Pick<Measure, 'type' | 'unit' | 'countOf' | 'decimals'> & { rate?: { per: number } | undefined };

/**
 * A stored count that adds up over regions and categories: unit "aantal" (also "aantal x 1 000"). An average
 * of type "aantal" (a duration in "dagen", an income in "× 1.000 euro", a density in "adressen per km²") does not.
 */
export function isAdditiveCount(measure: Pick<Measure, 'type' | 'unit' | 'derived'>): boolean {
  return measure.type === 'aantal' && !measure.derived && /^aantal\b/i.test(measure.unit.trim());
}

/**
 * Whether a figure of combined gemeenten is the sum of theirs: every additive count, and an amount of money
 * marked `additive` (an average such as an income is not).
 */
export function addsUpOverRegions(measure: Pick<Measure, 'type' | 'unit' | 'derived' | 'additive'>): boolean {
  return measure.additive ?? isAdditiveCount(measure);
}

/**
 * Whether "telt …" (its countOf) is true of a measure: a count that adds up, or a rate of persons or trajecten.
 * An income, an amount in euro or an address density (unit not "aantal") counts nothing, and a share of the
 * population such as single-parent households counts households, which the countOf of the schema does not name:
 * their rate text says it.
 */
export function countsSomething(measure: Pick<Measure, 'type' | 'unit' | 'derived' | 'countOf'>): boolean {
  return isAdditiveCount(measure) || (measure.type === 'rate' && measure.countOf !== 'inwoners');
}

/** What is expected of a figure of this measure when it is out of range; undefined when it is fine. */
export function cellRangeProblem(measure: MeasureRange, cell: Observation): string | undefined {
  const value = cell.value;
  if (value === null) return undefined;
  if (!Number.isFinite(value)) return 'een eindig getal';
  if (measure.type === 'aantal') {
    if (value < 0) return 'een aantal van 0 of meer';
    // A count without decimals is whole. ("aantal x 1 000" and other scaled units may have decimals, and say so.)
    if (measure.decimals === 0 && /^aantal$/i.test(measure.unit.trim()) && !Number.isInteger(value)) {
      return `een geheel aantal: ${measure.countOf} tellen in hele aantallen, niet in delen`;
    }
    return undefined;
  }
  const per = measure.rate?.per;
  if (value < 0) return per === 100 ? 'een percentage van 0 of meer' : 'een cijfer van 0 of meer';
  if (per === 100 && value > 100) return 'een percentage van hoogstens 100';
  // Persons per 1.000 cannot exceed 1.000; trajecten per 1.000 can (one youth, several trajecten).
  if (per !== undefined && measure.countOf !== 'trajecten' && value > per) {
    return `hoogstens ${per.toLocaleString('nl-NL')} per ${per.toLocaleString('nl-NL')}: er zijn niet meer ${measure.countOf} dan de noemer telt`;
  }
  return undefined;
}

export interface TotalProblem {
  /** The row whose figure is too large, and the measure. */
  row: number;
  measure: number;
  /** The row (or, for a sum of measures, the same row) holding the whole. */
  whole: number;
  wholeMeasure: number;
  expected: string;
  found: string;
}

/** Category codes the total does not include ("18 tot 23 jaar" beside "Totaal tot 18 jaar"). */
function outsideTotal(code: { outsideTotal?: boolean | undefined }): boolean {
  return code.outsideTotal === true;
}

/**
 * Rows by their coordinates (region, period, one category per dimension) as one integer, so that "the same
 * row with another region or category" is arithmetic instead of a joined string: a dataset has 150.000 rows.
 */
export class RowGrid {
  readonly regionIndex = new Map<string, number>();
  readonly periodIndex = new Map<string, number>();
  readonly topicIndex: Array<Map<string, number>>;
  readonly regionOf: Int32Array;
  readonly periodOf: Int32Array;
  readonly topicOf: Int32Array[];
  readonly keys: Float64Array;
  /** What one step in the region or in dimension d adds to a key. */
  readonly regionStride: number;
  readonly topicStride: number[];
  private readonly dense: Int32Array | undefined;
  private readonly sparse: Map<number, number> | undefined;

  constructor(meta: DatasetMeta, rows: readonly ObservationRow[]) {
    const dims = meta.dimensions.length;
    this.topicIndex = meta.dimensions.map(() => new Map<string, number>());
    this.regionOf = new Int32Array(rows.length);
    this.periodOf = new Int32Array(rows.length);
    this.topicOf = meta.dimensions.map(() => new Int32Array(rows.length));
    const index = (map: Map<string, number>, key: string) => {
      let i = map.get(key);
      if (i === undefined) map.set(key, (i = map.size));
      return i;
    };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      this.regionOf[i] = index(this.regionIndex, row.region);
      this.periodOf[i] = index(this.periodIndex, row.period);
      for (let d = 0; d < dims; d++) this.topicOf[d]![i] = index(this.topicIndex[d]!, row.topics[d]!);
    }
    // Regions may be looked up that have no rows (a wijk's gemeente): give them a place too.
    for (const region of [...this.regionIndex.keys()]) if (region.startsWith('WK')) index(this.regionIndex, gemeenteOfWijk(region));
    index(this.regionIndex, NEDERLAND);
    const sizes = [this.periodIndex.size, ...this.topicIndex.map((m) => m.size)];
    this.topicStride = this.topicIndex.map((_m, d) => sizes.slice(d + 2).reduce((a, b) => a * b, 1));
    this.regionStride = sizes.reduce((a, b) => a * b, 1);
    const periodStride = this.topicIndex.reduce((a, m) => a * m.size, 1);
    this.keys = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      let key = this.regionOf[i]! * this.regionStride + this.periodOf[i]! * periodStride;
      for (let d = 0; d < dims; d++) key += this.topicOf[d]![i]! * this.topicStride[d]!;
      this.keys[i] = key;
    }
    const size = this.regionIndex.size * this.regionStride;
    if (size <= 20_000_000) {
      this.dense = new Int32Array(size).fill(-1);
      for (let i = 0; i < rows.length; i++) this.dense[this.keys[i]!] = i;
    } else {
      this.sparse = new Map();
      for (let i = 0; i < rows.length; i++) this.sparse.set(this.keys[i]!, i);
    }
  }

  /** The row at a key, or undefined. */
  at(key: number): number | undefined {
    if (this.dense) {
      const i = this.dense[key];
      return i === undefined || i < 0 ? undefined : i;
    }
    return this.sparse!.get(key);
  }

  /** Each distinct (region, period) of the rows once, with its first row. */
  *regionPeriods(): Generator<{ region: string; period: string; row: number }> {
    const regions = [...this.regionIndex.keys()];
    const periods = [...this.periodIndex.keys()];
    const seen = new Uint8Array(regions.length * periods.length);
    for (let i = 0; i < this.regionOf.length; i++) {
      const pair = this.regionOf[i]! * periods.length + this.periodOf[i]!;
      if (seen[pair]) continue;
      seen[pair] = 1;
      yield { region: regions[this.regionOf[i]!]!, period: periods[this.periodOf[i]!]!, row: i };
    }
  }
}

/**
 * The first part larger than its whole in the rows, or undefined. Only stored counts are compared: rates of a
 * part may well be higher than the rate of the whole.
 */
export function findPartAboveWhole(meta: DatasetMeta, rows: readonly ObservationRow[], prebuilt?: RowGrid): TotalProblem | undefined {
  // Counts add up; an average (mean duration in days, also of type "aantal") does not.
  const counts = meta.measures.flatMap((m, i) => (isAdditiveCount(m) ? [i] : []));
  if (counts.length === 0 || rows.length === 0) return undefined;
  const grid = prebuilt ?? new RowGrid(meta, rows);
  const fmt = (v: number) => String(v);
  /** A part may exceed its whole by less than this: one rounding step (at least 5, as CBS rounds). */
  const step = Math.max(5, meta.disclosure?.roundTo ?? 5);

  const compare = (part: number, whole: number | undefined, describe: (wholeValue: number) => string): TotalProblem | undefined => {
    if (whole === undefined || whole === part) return undefined;
    const a = rows[part]!.cells;
    const b = rows[whole]!.cells;
    for (const m of counts) {
      const pv = a[m]?.value;
      const wv = b[m]?.value;
      if (pv == null || wv == null || pv - wv < step) continue;
      return { row: part, measure: m, whole, wholeMeasure: m, expected: describe(wv), found: fmt(pv) };
    }
    return undefined;
  };

  // A category against its dimension's total (one total per dimension; with several, which holds what is unclear).
  for (const [d, dim] of meta.dimensions.entries()) {
    const totals = dim.codes.filter((c) => c.total);
    if (totals.length !== 1) continue;
    const total = totals[0]!;
    const totalIndex = grid.topicIndex[d]!.get(total.code);
    if (totalIndex === undefined) continue;
    const skip = new Uint8Array(grid.topicIndex[d]!.size);
    skip[totalIndex] = 1;
    for (const code of dim.codes.filter(outsideTotal)) {
      const at = grid.topicIndex[d]!.get(code.code);
      if (at !== undefined) skip[at] = 1;
    }
    const stride = grid.topicStride[d]!;
    const topicOf = grid.topicOf[d]!;
    for (let i = 0; i < rows.length; i++) {
      const t = topicOf[i]!;
      if (skip[t]) continue;
      const key = grid.keys[i]! + (totalIndex - t) * stride;
      const problem = compare(i, grid.at(key), (wv) => `hoogstens het totaal van ${dim.label}: "${total.label}" is ${fmt(wv)}, en een categorie kan niet groter zijn dan het totaal`);
      if (problem) return problem;
    }
  }

  // A measure against the measure it is a part of.
  const index = new Map(meta.measures.map((m, i) => [m.id, i]));
  for (const sum of meta.sums ?? []) {
    const total = index.get(sum.total);
    if (total === undefined) continue;
    for (const partId of sum.parts) {
      const part = index.get(partId);
      if (part === undefined) continue;
      for (let i = 0; i < rows.length; i++) {
        const pv = rows[i]!.cells[part]?.value;
        const tv = rows[i]!.cells[total]?.value;
        if (pv == null || tv == null || pv - tv < step) continue;
        const totalLabel = meta.measures[total]!.label;
        return { row: i, measure: part, whole: i, wholeMeasure: total, expected: `hoogstens "${totalLabel}" (${fmt(tv)}), waarvan dit een deel is`, found: fmt(pv) };
      }
    }
  }

  // A region against Nederland, and a wijk against its gemeente, for the same period and categories.
  const nl = grid.regionIndex.get(NEDERLAND)!;
  for (let i = 0; i < rows.length; i++) {
    const r = grid.regionOf[i]!;
    if (r === nl) continue;
    const key = grid.keys[i]!;
    let problem = compare(i, grid.at(key + (nl - r) * grid.regionStride), (wv) => `hoogstens het cijfer van Nederland (${fmt(wv)}) in dezelfde periode`);
    if (problem) return problem;
    const region = rows[i]!.region;
    if (region.startsWith('WK')) {
      const gemeente = gemeenteOfWijk(region);
      const g = grid.regionIndex.get(gemeente)!;
      problem = compare(i, grid.at(key + (g - r) * grid.regionStride), (wv) => `hoogstens het cijfer van de gemeente ${gemeente} (${fmt(wv)}) in dezelfde periode`);
      if (problem) return problem;
    }
  }
  return undefined;
}
