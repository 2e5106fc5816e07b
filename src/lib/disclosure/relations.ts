/**
 * The additive relations between the published counts of one table: what someone could subtract to recover a
 * suppressed cell. Pure.
 *  - a total category and the other categories of an additive dimension (age groups, sexes);
 *  - a total measure and the measures that add up to it (meta.sums);
 *  - a region and its members in the same row: Nederland and the provincies, Nederland, a provincie or a
 *    jeugdregio and their gemeenten of that period's indeling; a gemeente and its wijken (at most: not every
 *    youth has a known wijk).
 * Herindelingen add no relation: a converted gemeente is the sum of published parts, unknown when a part is
 * suppressed, or with a fixed estimate for a small part (src/lib/regions/convert.ts); it reveals nothing.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import { rowKey, type ObservationRow } from '../data/dataset';
import { gemeenteOfWijk, regionKind } from '../regions/codes';
import { protectedMeasureIndexes } from './policy';

/** Who belongs to which provincie and jeugdregio (RegionRegister fits). */
export interface Membership {
  provincieOf(gemeente: string): string | undefined;
  jeugdregioOf(gemeente: string): string | undefined;
}

export const RELATION_KINDS = ['categorieën', 'onderwerpen', 'regio’s', 'wijken'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * Relations "total = sum of parts" (exact) or "total ≥ sum of parts" (not exact), packed in typed arrays: a
 * table has hundreds of thousands, and the propagation runs over them many times. Cells are numbered
 * row × measures + measure. Relation i is cells[start[i]] (its total) and cells[start[i] + 1 … start[i + 1]).
 */
export interface RelationSet {
  count: number;
  cells: Int32Array;
  start: Int32Array;
  exact: Uint8Array;
  kind: Uint8Array;
}

/** One relation, unpacked (for tests and messages). */
export interface Relation {
  kind: RelationKind;
  total: number;
  parts: number[];
  exact: boolean;
}

export function relationAt(set: RelationSet, i: number): Relation {
  const from = set.start[i]!;
  return {
    kind: RELATION_KINDS[set.kind[i]!]!,
    total: set.cells[from]!,
    parts: Array.from(set.cells.subarray(from + 1, set.start[i + 1]!)),
    exact: set.exact[i] === 1,
  };
}

class RelationBuilder {
  private cells: number[] = [];
  private start: number[] = [];
  private exact: number[] = [];
  private kind: number[] = [];

  push(kind: RelationKind, total: number, parts: readonly number[], exact: boolean): void {
    this.start.push(this.cells.length);
    this.cells.push(total, ...parts);
    this.exact.push(exact ? 1 : 0);
    this.kind.push(RELATION_KINDS.indexOf(kind));
  }

  build(): RelationSet {
    return {
      count: this.start.length,
      cells: Int32Array.from(this.cells),
      start: Int32Array.from([...this.start, this.cells.length]),
      exact: Uint8Array.from(this.exact),
      kind: Uint8Array.from(this.kind),
    };
  }
}

export function cellId(row: number, measure: number, measureCount: number): number {
  return row * measureCount + measure;
}

export function relationsOf(meta: DatasetMeta, rows: readonly ObservationRow[], membership: Membership): RelationSet {
  const m = meta.measures.length;
  const measures = protectedMeasureIndexes(meta);
  const protectedSet = new Set(measures);
  const index = new Map<string, number>();
  rows.forEach((row, r) => index.set(rowKey(row.region, row.period, row.topics), r));
  const out = new RelationBuilder();
  const add = (kind: RelationKind, totalRow: number, partRows: number[], exact: boolean) => {
    if (partRows.length === 0) return;
    for (const i of measures) out.push(kind, cellId(totalRow, i, m), partRows.map((p) => cellId(p, i, m)), exact);
  };

  // A total category and the others of an additive dimension.
  meta.dimensions.forEach((dim, d) => {
    const total = dim.codes.find((c) => c.total)?.code;
    if (!dim.additive || total === undefined) return;
    const others = dim.codes.filter((c) => !c.total && !c.outsideTotal).map((c) => c.code);
    rows.forEach((row, r) => {
      if (row.topics[d] !== total) return;
      const parts: number[] = [];
      for (const code of others) {
        const topics = row.topics.slice();
        topics[d] = code;
        const p = index.get(rowKey(row.region, row.period, topics));
        if (p !== undefined) parts.push(p);
      }
      // A category without a row: the others add up to at most the total.
      add('categorieën', r, parts, parts.length === others.length);
    });
  });

  // Measures that add up to another measure of the same row.
  const measureIndex = new Map(meta.measures.map((x, i) => [x.id, i]));
  for (const sum of meta.sums) {
    const total = measureIndex.get(sum.total)!;
    const parts = sum.parts.map((id) => measureIndex.get(id)!);
    if (!protectedSet.has(total) || !parts.every((p) => protectedSet.has(p))) continue;
    rows.forEach((_, r) => out.push('onderwerpen', cellId(r, total, m), parts.map((p) => cellId(r, p, m)), sum.complete));
  }

  // Regions and their members, per period and categories. Looking up a former gemeente's jeugdregio follows
  // its herindelingen: once per gemeente, not once per row.
  const regionsOfCode = new Map<string, string[]>();
  const regionsOf = (code: string): string[] => {
    let regions = regionsOfCode.get(code);
    if (!regions) {
      regions = [membership.provincieOf(code), membership.jeugdregioOf(code)].filter((r): r is string => r !== undefined);
      regionsOfCode.set(code, regions);
    }
    return regions;
  };
  const groups = new Map<string, { nl?: number; provincies: number[]; gemeenten: number[]; wijken: number[] }>();
  rows.forEach((row, r) => {
    const key = rowKey('', row.period, row.topics);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { provincies: [], gemeenten: [], wijken: [] }));
    const kind = regionKind(row.region);
    if (kind === 'land') group.nl = r;
    else if (kind === 'provincie') group.provincies.push(r);
    else if (kind === 'gemeente') group.gemeenten.push(r);
    else if (kind === 'wijk') group.wijken.push(r);
  });
  for (const [key, group] of groups) {
    // key is rowKey('', period, topics): the region goes in front of it.
    const rowOf = (region: string) => index.get(`${region}${key}`);
    if (group.nl !== undefined) {
      add('regio’s', group.nl, group.provincies, group.provincies.length === 12);
      add('regio’s', group.nl, group.gemeenten, true);
    }
    const byRegion = new Map<string, number[]>();
    for (const g of group.gemeenten) {
      for (const region of regionsOf(rows[g]!.region)) {
        if (region === undefined) continue;
        const list = byRegion.get(region) ?? [];
        list.push(g);
        byRegion.set(region, list);
      }
    }
    for (const [region, members] of byRegion) {
      const total = rowOf(region);
      if (total !== undefined) add('regio’s', total, members, true);
    }
    const wijkenByGemeente = new Map<string, number[]>();
    for (const w of group.wijken) {
      const gemeente = gemeenteOfWijk(rows[w]!.region);
      const list = wijkenByGemeente.get(gemeente) ?? [];
      list.push(w);
      wijkenByGemeente.set(gemeente, list);
    }
    for (const [gemeente, members] of wijkenByGemeente) {
      const total = rowOf(gemeente);
      if (total !== undefined) add('wijken', total, members, false);
    }
  }
  return out.build();
}
