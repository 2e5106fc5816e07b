import type { DatasetMeta, Measure } from '../../schemas/dataset';
import type { Observation } from './symbols';

/** One line of a dataset: a region, a period and one category per topic dimension, with a cell per measure. */
export interface ObservationRow {
  region: string;
  period: string;
  /** Category codes, in the order of `meta.dimensions`. */
  topics: readonly string[];
  /** One observation per measure, in the order of `meta.measures` (derived measures included). */
  cells: Observation[];
}

export interface Dataset {
  meta: DatasetMeta;
  rows: ObservationRow[];
}

/** A dataset that is only read: what a RowIndex needs. */
export interface DatasetView {
  meta: DatasetMeta;
  rows: readonly ObservationRow[];
}

export function rowKey(region: string, period: string, topics: readonly string[]): string {
  return topics.length === 0 ? `${region}|${period}` : `${region}|${period}|${topics.join('|')}`;
}

/** Measures that are stored in the observations file (derived ones are computed). */
export function storedMeasures(meta: DatasetMeta): Measure[] {
  return meta.measures.filter((m) => !m.derived);
}

/**
 * Computes the derived measures of each row from their numerator and denominator, so a rate is always
 * consistent with the counts beside it. A missing numerator or denominator leaves the rate missing with
 * the numerator's symbol (a suppressed count makes a suppressed rate).
 */
export function computeDerivedMeasures(meta: DatasetMeta, rows: ObservationRow[]): void {
  const index = new Map(meta.measures.map((m, i) => [m.id, i]));
  const derived = meta.measures
    .map((measure, i) => ({ measure, i }))
    .filter(({ measure }) => measure.derived && measure.rate?.numerator && measure.rate.denominator);
  if (derived.length === 0) return;
  // Rates repeat as much as counts do: one frozen Observation per distinct result, as in the parser.
  const shared = new Map<number | string, Observation>();
  for (const row of rows) {
    for (const { measure, i } of derived) {
      const numerator = row.cells[index.get(measure.rate!.numerator!)!]!;
      const denominator = row.cells[index.get(measure.rate!.denominator!)!]!;
      const rate = computeRate(numerator, denominator, measure.rate!.per, measure.decimals);
      // A Map key does not tell -0 from 0; a rate of -0 (there should be none) keeps its own object.
      const key = rate.value ?? `symbol:${rate.symbol}`;
      if (Object.is(key, -0)) {
        row.cells[i] = rate;
        continue;
      }
      let cell = shared.get(key);
      if (cell === undefined) shared.set(key, (cell = Object.freeze(rate)));
      row.cells[i] = cell;
    }
  }
}

/**
 * The smallest denominator a rate is computed for. Below it one youth or traject more or less moves the rate
 * by more than 2% of the denominator (20 per 1.000, 2 procentpunt), as much as the differences the site
 * compares, and the rounding of counts to fives moves it even more: a wijk with 30 inhabitants and 10 youths
 * would show 333,3 per 1.000. Such a rate is unknown ("."), like a suppressed count.
 */
export const MIN_RATE_DENOMINATOR = 50;

/** A rate from two observations, rounded to the measure's decimals; "." below MIN_RATE_DENOMINATOR. */
export function computeRate(numerator: Observation, denominator: Observation, per: number, decimals: number): Observation {
  if (numerator.value === null) return { value: null, symbol: numerator.symbol ?? '.' };
  if (denominator.value === null) return { value: null, symbol: denominator.symbol ?? '.' };
  if (denominator.value === 0) return { value: null, symbol: '' };
  if (denominator.value < MIN_RATE_DENOMINATOR) return { value: null, symbol: '.' };
  return { value: roundedRatio(numerator.value, denominator.value, per, decimals), symbol: null };
}

/**
 * Every measure that is a quotient of two others (Measure.quotient: euros per youth) computed again from their
 * cells, where those were combined from several gemeenten; unknown (or secret) where either is.
 */
export function recomputeQuotients(meta: DatasetMeta, cells: Observation[]): Observation[] {
  const index = new Map(meta.measures.map((m, i) => [m.id, i]));
  return cells.map((cell, i) => {
    const quotient = meta.measures[i]!.quotient;
    if (!quotient) return cell;
    const numerator = cells[index.get(quotient.numerator) ?? -1];
    const denominator = cells[index.get(quotient.denominator) ?? -1];
    if (!numerator || !denominator) return { value: null, symbol: '.' };
    if (numerator.value === null) return { value: null, symbol: numerator.symbol === 'x' ? 'x' : '.' };
    if (denominator.value === null) return { value: null, symbol: denominator.symbol === 'x' ? 'x' : '.' };
    if (denominator.value === 0) return { value: null, symbol: '' };
    return { value: roundTo((numerator.value * quotient.factor) / denominator.value, meta.measures[i]!.decimals), symbol: null };
  });
}

/**
 * numerator / denominator × per, rounded half up to `decimals` as CBS rounds, from the whole counts: 865 of
 * 10.000 is 8,7%, not the 8,6% that (865 / 10.000) × 100 = 8,6499999… would round to. A quotient of two whole
 * numbers that lies exactly halfway is exactly representable, so the division finds the tie.
 */
export function roundedRatio(numerator: number, denominator: number, per: number, decimals: number): number {
  const factor = 10 ** decimals;
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) return roundTo((numerator / denominator) * per, decimals);
  return Math.round((numerator * per * factor) / denominator) / factor;
}

/**
 * The sentence a derived rate's definition ends with, so every page, table and download that explains the
 * measure says when it is not computed: "Niet berekend (.) bij een noemer van minder dan 50: één meer of
 * minder in de teller verandert het cijfer dan al met 20 per 1.000."
 */
export function minimumDenominatorText(measure: Pick<Measure, 'rate'>): string {
  const per = measure.rate?.per ?? 100;
  const step = per / MIN_RATE_DENOMINATOR;
  const change = per === 100 ? `${step} procentpunt` : `${step} per ${per.toLocaleString('nl-NL')}`;
  return `Niet berekend (.) bij een noemer van minder dan ${MIN_RATE_DENOMINATOR}: één meer of minder in de teller verandert het cijfer dan al met ${change}.`;
}

/** A derived rate's definition with minimumDenominatorText at its end (once). */
export function withMinimumDenominator<M extends Pick<Measure, 'rate'> & { definition?: string | undefined }>(measure: M): M {
  const note = minimumDenominatorText(measure);
  const definition = measure.definition ?? '';
  return definition.includes(note) ? measure : { ...measure, definition: definition ? `${definition} ${note}` : note };
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/**
 * A lookup from (region, period, topics) to row, built once per dataset. The rows by region are made at once;
 * the lookup by key when something first asks for it: the downloads only ever ask for a region's rows.
 *
 * The lookup nests region, period and categories rather than keeping a joined string per row: with 2 million
 * rows (the benchmark's 10× data) the strings and their map entries took 330 MB of the pages' thread. Rows
 * without categories sit under their period directly; the categories' key is made once per list of them
 * (rows share their frozen lists, observations-csv.ts).
 */
export class RowIndex {
  private byKeyMap: Map<string, Map<string, ObservationRow | Map<string, ObservationRow>>> | undefined;
  private readonly byRegion = new Map<string, ObservationRow[]>();

  constructor(readonly dataset: DatasetView) {
    for (const row of dataset.rows) {
      let list = this.byRegion.get(row.region);
      if (!list) this.byRegion.set(row.region, (list = []));
      list.push(row);
    }
  }

  private get byKey(): Map<string, Map<string, ObservationRow | Map<string, ObservationRow>>> {
    if (!this.byKeyMap) {
      const byKey = new Map<string, Map<string, ObservationRow | Map<string, ObservationRow>>>();
      const keys = new Map<readonly string[], string>();
      for (const row of this.dataset.rows) {
        let byPeriod = byKey.get(row.region);
        if (!byPeriod) byKey.set(row.region, (byPeriod = new Map()));
        if (row.topics.length === 0) {
          byPeriod.set(row.period, row);
          continue;
        }
        let byTopics = byPeriod.get(row.period);
        if (!(byTopics instanceof Map)) byPeriod.set(row.period, (byTopics = new Map()));
        let key = keys.get(row.topics);
        if (key === undefined) keys.set(row.topics, (key = topicsKey(row.topics)));
        byTopics.set(key, row);
      }
      this.byKeyMap = byKey;
    }
    return this.byKeyMap;
  }

  get(region: string, period: string, topics: readonly string[] = []): ObservationRow | undefined {
    const found = this.byKey.get(region)?.get(period);
    if (found === undefined) return undefined;
    if (found instanceof Map) return topics.length === 0 ? undefined : found.get(topicsKey(topics));
    return topics.length === 0 ? found : undefined;
  }

  rowsOf(region: string): readonly ObservationRow[] {
    return this.byRegion.get(region) ?? [];
  }

  /** The observation of one measure, or undefined when the row does not exist. */
  cell(region: string, period: string, measureId: string, topics: readonly string[] = []): Observation | undefined {
    const row = this.get(region, period, topics);
    const i = this.dataset.meta.measures.findIndex((m) => m.id === measureId);
    return row && i >= 0 ? row.cells[i] : undefined;
  }
}

/** The categories of a row as one key (a single category is its own code). */
function topicsKey(topics: readonly string[]): string {
  return topics.length === 1 ? topics[0]! : topics.join('|');
}

// On globalThis: Astro loads this module twice in a build (the integrations' copy that loads the site data and
// the pages' bundled copy), and a second index of every row cost almost two seconds.
const INDEXES_KEY = Symbol.for('jeugdzorg.rowIndexes');
type GlobalWithIndexes = typeof globalThis & { [INDEXES_KEY]?: WeakMap<DatasetView, RowIndex> };

/** The RowIndex of a dataset, built once however many modules ask for it. */
export function rowIndexOf(dataset: DatasetView): RowIndex {
  const indexes = ((globalThis as GlobalWithIndexes)[INDEXES_KEY] ??= new WeakMap());
  let index = indexes.get(dataset);
  if (!index) indexes.set(dataset, (index = new RowIndex(dataset)));
  return index;
}

/** The codes of the total category of each topic dimension, used for headline figures. */
export function totalTopics(meta: DatasetMeta): string[] {
  return meta.dimensions.map((dim) => (dim.codes.find((c) => c.total) ?? dim.codes[0]!).code);
}
