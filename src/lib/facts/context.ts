/**
 * The data the fact pages read, prepared once per build: every dataset on the latest indeling with rows for
 * Nederland, the provincies and the jeugdregio's (published, or computed from the gemeenten when a dataset
 * lacks them), and the lookups by concept. Pure: it takes what getSiteData() loaded.
 */
import type { DatasetMeta, MeasureConcept } from '../../schemas/dataset';
import { rowIndexOf, rowKey, totalTopics, type Dataset, type ObservationRow, type RowIndex } from '../data/dataset';
import { primaryPeriods, type PeriodStatus } from '../data/periods';
import { gemeenteOfWijk, NEDERLAND, regionKind } from '../regions/codes';
import type { RegionRegister, SizeClass } from '../regions/register';
import { aggregateGroups, type FactRow, type RegionGroup } from './aggregate';
import { conceptMeasure, preferDataset, type ConceptMeasure } from './concepts';

export interface SourceDataset {
  meta: DatasetMeta;
  /** As published, each period on its own indeling. */
  original: Dataset;
  /** On the latest indeling; gemeente rows carry `converted`. */
  converted: { meta: DatasetMeta; rows: ReadonlyArray<ObservationRow & { converted?: boolean }> };
  /** All period codes in time order. */
  periods: readonly string[];
}

export interface FactsSource {
  register: RegionRegister;
  datasets: readonly SourceDataset[];
}

/**
 * A lookup from (region, period, topics) to row: the rows of a dataset (through its RowIndex, which the site
 * data already has) and rows computed for groups the dataset does not publish.
 */
export class FactIndex<R extends ObservationRow = FactRow> {
  private readonly computed = new Map<string, R>();
  private readonly measureIndex: Map<string, number>;
  private readonly totals: readonly string[];
  private totalRows: Map<string, Map<string, R>> | undefined;

  constructor(readonly meta: DatasetMeta, private readonly base: RowIndex, computed: Iterable<R> = []) {
    this.measureIndex = new Map(meta.measures.map((m, i) => [m.id, i]));
    this.totals = totalTopics(meta);
    for (const row of computed) this.computed.set(rowKey(row.region, row.period, row.topics), row);
  }

  row(region: string, period: string, topics: readonly string[]): R | undefined {
    if (this.isTotals(topics)) return this.totalRowsByRegion().get(region)?.get(period);
    return (this.base.get(region, period, topics) as R | undefined) ?? this.computed.get(rowKey(region, period, topics));
  }

  private isTotals(topics: readonly string[]): boolean {
    if (topics === this.totals) return true;
    if (topics.length !== this.totals.length) return false;
    for (let i = 0; i < topics.length; i++) if (topics[i] !== this.totals[i]) return false;
    return true;
  }

  /**
   * The rows with every dimension at its total, by region and period: what a fact page asks for most, some
   * hundreds of times per page. Two lookups by strings that already exist cost far less than joining a key.
   */
  private totalRowsByRegion(): Map<string, Map<string, R>> {
    if (!this.totalRows) {
      const byRegion = new Map<string, Map<string, R>>();
      // As in the key lookup: the last base row under a key wins, and a computed row never replaces one.
      const add = (row: R, replace: boolean) => {
        if (!this.isTotals(row.topics)) return;
        let byPeriod = byRegion.get(row.region);
        if (!byPeriod) byRegion.set(row.region, (byPeriod = new Map()));
        if (replace || !byPeriod.has(row.period)) byPeriod.set(row.period, row);
      };
      for (const row of this.base.dataset.rows as readonly ObservationRow[] as readonly R[]) add(row, true);
      for (const row of this.computed.values()) add(row, false);
      this.totalRows = byRegion;
    }
    return this.totalRows;
  }

  cellOf(row: ObservationRow | undefined, measureId: string) {
    const i = this.measureIndex.get(measureId);
    return row && i !== undefined ? row.cells[i] : undefined;
  }

  *rows(): IterableIterator<R> {
    yield* this.base.dataset.rows as readonly ObservationRow[] as readonly R[];
    yield* this.computed.values();
  }
}

export class FactsDataset {
  readonly meta: DatasetMeta;
  /** Rows on the latest indeling, with computed rows for Nederland, provincies and jeugdregio's. */
  readonly index: FactIndex;
  /** Periods of the primary kind (half years when there are any), in time order. */
  readonly periods: string[];
  readonly latestPeriod: string;
  /** The codes of the total category of each dimension, in dimension order. */
  readonly totals: string[];
  private originalIndex: FactIndex<ObservationRow> | undefined;
  private wijkRows: Map<string, FactRow[]> | undefined;
  private readonly status: Map<string, PeriodStatus>;

  constructor(readonly source: SourceDataset, groups: readonly RegionGroup[]) {
    this.meta = source.meta;
    // The rows on the latest indeling as they are (a row without `aggregated` is not aggregated), looked up
    // through their RowIndex; only the computed group rows are new.
    const base = rowIndexOf(source.converted);
    this.index = new FactIndex(source.meta, base, aggregateGroups(source.meta, source.converted.rows, groups, base));
    this.periods = primaryPeriods(source.meta, source.periods);
    this.latestPeriod = this.periods.at(-1) ?? source.periods.at(-1)!;
    this.totals = totalTopics(source.meta);
    this.status = new Map(source.meta.periods.map((p) => [p.code, p.status]));
  }

  statusOf(period: string): PeriodStatus {
    return this.status.get(period) ?? 'definitief';
  }

  /** The row of a region with every dimension at its total. */
  totalRow(region: string, period: string): FactRow | undefined {
    return this.index.row(region, period, this.totals);
  }

  /** The rows as published, on their own indeling: a former gemeente's own figures. */
  published(): FactIndex<ObservationRow> {
    return (this.originalIndex ??= new FactIndex<ObservationRow>(this.meta, rowIndexOf(this.source.original)));
  }

  /** The wijk rows (every dimension at its total) of a gemeente, all periods. */
  wijkenOf(gemeente: string): readonly FactRow[] {
    if (!this.wijkRows) {
      this.wijkRows = new Map();
      for (const row of this.index.rows()) {
        if (regionKind(row.region) !== 'wijk' || row.topics.some((t, i) => t !== this.totals[i])) continue;
        const code = gemeenteOfWijk(row.region);
        const list = this.wijkRows.get(code) ?? [];
        list.push(row);
        this.wijkRows.set(code, list);
      }
    }
    return this.wijkRows.get(gemeente) ?? [];
  }

  has(region: string): boolean {
    return this.periods.some((p) => this.totalRow(region, p) !== undefined);
  }
}

export interface ConceptSource extends ConceptMeasure {
  dataset: FactsDataset;
}

export class FactsContext {
  readonly datasets: FactsDataset[];
  private readonly concepts = new Map<MeasureConcept, ConceptSource | undefined>();
  private sizeClasses: Map<string, SizeClass | undefined> | undefined;
  private readonly memo = new Map<string, unknown>();

  constructor(readonly register: RegionRegister, source: readonly SourceDataset[]) {
    const groups = regionGroups(register);
    this.datasets = source.map((d) => new FactsDataset(d, groups));
  }

  /** The dataset and measure that hold a concept, preferring half-year series (see preferDataset). */
  concept(concept: MeasureConcept): ConceptSource | undefined {
    if (!this.concepts.has(concept)) {
      const candidates = this.datasets.filter((d) => conceptMeasure(d.meta, concept));
      const dataset = preferDataset(candidates);
      this.concepts.set(concept, dataset && { dataset, ...conceptMeasure(dataset.meta, concept)! });
    }
    return this.concepts.get(concept);
  }

  /** A value computed once per build and shared by all pages (the funnel of all gemeenten, say). */
  shared<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /**
   * A value shared by a known number of readers (the files of one download folder), computed once and let go
   * after the last of them: a build would otherwise hold every download's rows until it ends (some 40 MB
   * with the default data). A reader after that computes it anew (the dev server).
   */
  sharedBy<T>(key: string, readers: number, compute: () => T): T {
    const held = this.memo.get(key) as { value: T; left: number } | undefined;
    const entry = held ?? { value: compute(), left: readers };
    if (--entry.left > 0) this.memo.set(key, entry);
    else this.memo.delete(key);
    return entry.value;
  }

  /** The codes of the gemeenten on the latest indeling, by name. */
  currentGemeenten(): string[] {
    return this.shared('current-gemeenten', () => this.register.currentGemeenten().map((g) => g.code));
  }

  /** The size class of a current gemeente (computed once for all: every page compares with its class). */
  sizeClassOf(code: string): SizeClass | undefined {
    if (!this.sizeClasses) {
      this.sizeClasses = new Map(this.currentGemeenten().map((g) => [g, this.register.sizeClassOf(g)]));
    }
    return this.sizeClasses.get(code);
  }

  /** The gemeenten of the size class of a gemeente, the gemeente included (its peers without neighbours). */
  similarGemeenten(code: string): string[] {
    const own = this.sizeClassOf(code);
    if (!own) return [];
    return [...this.sizeClasses!].filter(([, c]) => c === own).map(([g]) => g);
  }
}

/** Nederland, each provincie and each jeugdregio with their gemeenten on the latest indeling. */
export function regionGroups(register: RegionRegister): RegionGroup[] {
  const current = register.currentGemeenten();
  return [
    { code: NEDERLAND, members: current.map((g) => g.code) },
    ...register.provincies().map((p) => ({ code: p.code, members: register.membersOf(p.code).map((g) => g.code) })),
    ...register.jeugdregios().map((j) => ({ code: j.code, members: register.membersOf(j.code).map((g) => g.code) })),
  ];
}

const contexts = new WeakMap<object, FactsContext>();

/** One context per loaded site data: every page of a build shares it. */
export function getFactsContext(source: FactsSource): FactsContext {
  let context = contexts.get(source);
  if (!context) contexts.set(source, (context = new FactsContext(source.register, source.datasets)));
  return context;
}
