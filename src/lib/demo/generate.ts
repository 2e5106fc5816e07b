/**
 * Generates the demonstration data folder's contents in memory: for every dataset plan, the rows of the
 * current release and of each earlier release, with regions, aggregation and disclosure control.
 *
 * - Every period has the gemeenten of its own year's indeling (2022HJ02 has Weesp, 2023HJ01 not).
 * - Nederland, provincies and jeugdregio's are the sums of their gemeenten's underlying, unrounded
 *   figures, then rounded and suppressed like every cell: rounded totals need not equal the sum of their
 *   rounded parts, as in CBS tables. A former gemeente counts in the provincie and jeugdregio the register
 *   gives it (that of its successor).
 * - An earlier release holds the periods it published, with the status they had then; periods that were
 *   not yet definitief differ from the current figures by a revision of 1–5%, usually upward (releases.ts).
 * - Derived measures (rates) are computed from the rounded counts, as on load; they are not stored.
 */
import { DatasetMetaSchema, type Catalog, type DatasetMeta } from '../../schemas/dataset';
import { computeDerivedMeasures, type ObservationRow } from '../data/dataset';
import { comparePeriods, parsePeriodCode, type Period, type PeriodStatus } from '../data/periods';
import { MISSING, type Observation } from '../data/symbols';
import { NEDERLAND } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import { discloseCount } from './disclosure';
import { copyPlan, demoPlans, WIJK_YEAR, type DatasetPlan } from './plans';
import { PopulationModel, type FormerPopulation } from './population';
import { Random } from './random';
import { earlierFactor, halfYearsIn, releaseSeries, statusIn, yearsIn, type DemoRelease } from './releases';
import { DemoWorld } from './world';

export interface DemoOptions {
  /** Seed of every random stream; the default gives the committed data/. */
  seed?: number;
  /** 1 for the default data; more for a benchmark-sized folder (all wijken, copies of datasets). */
  scale?: number;
  /** The current release; default October 2026. */
  current?: { year: number; month: 4 | 10 };
  /** How many releases, the current one included. */
  releases?: number;
  /** Gemeenten with wijken in the wijken dataset: the largest this many (by inhabitants in 2022); default all, as CBS publishes. */
  wijkGemeenten?: number;
  /** Restrict to these gemeenten (for tests); the totals then add up only these. */
  gemeenten?: readonly string[];
  /** Restrict to periods from this year on (for tests). */
  fromYear?: number;
  /** Called with a line of progress per dataset. */
  onProgress?: (message: string) => void;
}

export const DEFAULT_SEED = 20150101;
export const DEFAULT_CURRENT = { year: 2026, month: 10 } as const;

export interface DemoDataset {
  meta: DatasetMeta;
  rows: ObservationRow[];
  /** Earlier release id → the rows of its periods that were not yet definitief then. */
  history: Map<string, ObservationRow[]>;
}

export interface DemoData {
  catalog: Catalog;
  datasets: DemoDataset[];
}

interface Context {
  world: DemoWorld;
  register: RegionRegister;
  seed: number;
  labels: Map<string, string>;
  gemeentenIn(year: number): string[];
  fromYear: number;
}

export function generateDemo(register: RegionRegister, former: readonly FormerPopulation[], options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const current = options.current ?? DEFAULT_CURRENT;
  const releases = releaseSeries(current.year, current.month, options.releases ?? 3);
  const lastYear = current.year;
  const population = new PopulationModel(register, former, { first: 2015, last: lastYear });
  const world = new DemoWorld(register, population, seed);
  const only = options.gemeenten ? new Set(options.gemeenten) : undefined;
  const byYear = new Map<number, string[]>();
  const ctx: Context = {
    world,
    register,
    seed,
    labels: regionLabels(register),
    fromYear: options.fromYear ?? 2015,
    gemeentenIn(year) {
      let list = byYear.get(year);
      if (!list) {
        list = register.gemeentenIn(year).map((g) => g.code).filter((code) => !only || only.has(code)).sort();
        byYear.set(year, list);
      }
      return list;
    },
  };

  const wijkFirstYear = scale > 1 ? 2015 : 2018;
  const plans = demoPlans({
    wijkGemeenten: options.wijkGemeenten === undefined ? 'alle' : largestGemeenten(register, options.wijkGemeenten, wijkFirstYear, lastYear),
    wijkFirstYear,
  });
  const base = plans.slice(0, 4);
  for (let copy = 2; copy <= scale; copy++) plans.push(copyPlan(base[(copy - 2) % base.length]!, copy));

  const datasets = plans.map((plan) => {
    const dataset = generateDataset(ctx, plan, releases);
    const historyRows = [...dataset.history.values()].reduce((s, rows) => s + rows.length, 0);
    options.onProgress?.(`${plan.spec.id}: ${dataset.rows.length} rijen, ${historyRows} rijen in eerdere releases`);
    return dataset;
  });
  return {
    catalog: {
      releases: releases.map(({ id, date, title, description }) => ({ id, date, title, description })),
      datasets: datasets.map((d) => d.meta.id),
    },
    datasets,
  };
}

/** The `count` largest gemeenten (inhabitants 2022) that exist in every year of the wijken series and have wijken. */
export function largestGemeenten(register: RegionRegister, count: number, firstYear: number, lastYear: number): string[] {
  const withWijken = new Set(register.reference.wijken.filter((w) => w.jaar === WIJK_YEAR).map((w) => w.gemeente));
  const everyYear = register.gemeentenIn(WIJK_YEAR).filter((g) => {
    for (let y = firstYear; y <= lastYear; y++) if (!register.gemeentenIn(y).some((x) => x.code === g.code)) return false;
    return withWijken.has(g.code);
  });
  const inhabitants = (code: string) => register.populationOf(code, WIJK_YEAR)?.inwoners ?? 0;
  return everyYear
    .map((g) => g.code)
    .sort((a, b) => inhabitants(b) - inhabitants(a) || a.localeCompare(b))
    .slice(0, count);
}

/**
 * Region labels: the plain names of the register ("Groningen" for the provincie, the jeugdregio and the
 * gemeente alike). The site adds the kind itself ("Groningen (provincie)", "Centrum (wijk in Amsterdam)"),
 * so a suffix here would be said twice.
 */
function regionLabels(register: RegionRegister): Map<string, string> {
  const labels = new Map<string, string>([[NEDERLAND, 'Nederland']]);
  for (const r of [...register.provincies(), ...register.jeugdregios(), ...register.allGemeenten()]) labels.set(r.code, r.naam);
  return labels;
}

/** The periods a release publishes of a plan, in time order (a year after its 2nd half year, as comparePeriods sorts). */
function periodsOf(plan: DatasetPlan, release: DemoRelease, fromYear: number): Array<{ period: Period; status: PeriodStatus }> {
  const years = plan.periodKind === 'jaar' || plan.withYears ? yearsIn(release, plan.firstYear, release.year) : [];
  const all = plan.periodKind === 'halfjaar' ? halfYearsIn(release, plan.firstYear) : [];
  // A half year followed up for a year comes out with the half year a year later, and has its status.
  const later = plan.followUp?.halfYears ?? 0;
  const halfYears = all.slice(0, all.length - later).map(({ period }, i) => ({ period, status: all[i + later]!.status }));
  return [...halfYears, ...years].filter((p) => p.period.year >= fromYear).sort((a, b) => comparePeriods(a.period, b.period));
}

function generateDataset(ctx: Context, plan: DatasetPlan, releases: readonly DemoRelease[]): DemoDataset {
  const current = releases[releases.length - 1]!;
  const earlier = releases.slice(0, -1);
  const periods = periodsOf(plan, current, ctx.fromYear);
  const history = earlier.map((release) => ({ release: release.id, periods: periodsOf(plan, release, ctx.fromYear) }));

  const raw: RawRow[] = [];
  const extraLabels = new Map<string, string>();
  // The current release's figures are the final ones (earlier releases revise them), published with their status.
  for (const { period, status } of periods) raw.push(...periodRows(ctx, plan, period, FINAL, extraLabels, status));
  const regionCodes = [...new Set(raw.map((r) => r.region))];
  const meta = DatasetMetaSchema.parse({
    ...plan.spec,
    release: current.id,
    periods: periods.map(({ period, status }) => ({ code: period.code, status })),
    regions: sortRegions(regionCodes).map((code) => ({ code, label: ctx.labels.get(code) ?? extraLabels.get(code) ?? code })),
    history: history.map(({ release, periods: p }) => ({ release, periods: p.map(({ period, status }) => ({ code: period.code, status })) })),
  });
  const layout = cellLayout(meta, plan);
  const toRows = (list: readonly RawRow[]) => {
    const out = list.flatMap((r) => toObservationRows(r, plan, layout, meta.measures.length));
    computeDerivedMeasures(meta, out);
    return out;
  };
  const earlierRows = new Map<string, ObservationRow[]>();
  earlier.forEach((release, r) => {
    const list: RawRow[] = [];
    for (const { period, status } of history[r]!.periods) {
      if (status === 'definitief') continue;
      // The period's own figures are revised as the period is, those followed up as the later data are.
      const own = plan.followUp ? (statusIn(period, release) ?? status) : status;
      list.push(...periodRows(ctx, plan, period, { followUp: status, own }, extraLabels));
    }
    earlierRows.set(release.id, toRows(list));
  });
  return { meta, rows: toRows(raw), history: earlierRows };
}

/** A row before disclosure: the underlying values per combination and stored measure. */
interface RawRow {
  region: string;
  period: string;
  values: Float64Array;
}

const KIND_ORDER = ['NL', 'PV', 'JZ', 'GM', 'WK'];

function sortRegions(codes: string[]): string[] {
  const rank = (code: string) => KIND_ORDER.indexOf(code.slice(0, 2));
  return codes.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A period's status in a release: of its own figures, and of the later data a followed-up figure rests on. */
interface RowStatus {
  own: PeriodStatus;
  followUp: PeriodStatus;
}

const FINAL: RowStatus = { own: 'definitief', followUp: 'definitief' };

/**
 * The raw rows of one period: every gemeente of the period's indeling, their sums for Nederland,
 * provincies and jeugdregio's, and the plan's extra regions. With a status other than definitief the
 * figures are those of an earlier release, revised per gemeente. `published` is the status the release
 * gives the period (what has been delivered by then: a year's realisatie of costs only once definitief).
 */
function periodRows(ctx: Context, plan: DatasetPlan, period: Period, status: RowStatus, extraLabels: Map<string, string>, published: PeriodStatus = status.own): RawRow[] {
  const gemeenten = ctx.gemeentenIn(period.year);
  const width = plan.combos.length * valuesPerCombo(plan);
  const totals = new Map<string, Float64Array>();
  const addTo = (region: string | undefined, values: Float64Array) => {
    if (!region) return;
    let sum = totals.get(region);
    if (!sum) totals.set(region, (sum = new Float64Array(width)));
    for (let i = 0; i < width; i++) if (!Number.isNaN(values[i]!)) sum[i] = sum[i]! + values[i]!;
  };
  const revise = (gemeente: string, values: Float64Array) => (status.followUp === 'definitief' ? values : revised(ctx, plan, gemeente, period, status, values));
  const own: RawRow[] = [];
  for (const code of gemeenten) {
    const values = revise(code, plan.values(ctx.world, code, period, published));
    own.push({ region: code, period: period.code, values });
    addTo(NEDERLAND, values);
    addTo(ctx.register.provincieOf(code), values);
    addTo(ctx.register.jeugdregioOf(code), values);
  }
  const extra = (plan.extra?.(ctx.world, period, new Set(gemeenten)) ?? []).map((x) => {
    extraLabels.set(x.code, x.label);
    return { region: x.code, period: period.code, values: revise(x.gemeente, x.values) };
  });
  const aggregates = sortRegions([...totals.keys()]).map((region) => ({ region, period: period.code, values: totals.get(region)! }));
  return [...aggregates, ...own, ...extra];
}

/** The values of an earlier release: each revisable measure of a gemeente moved by its revision factor. */
function revised(ctx: Context, plan: DatasetPlan, gemeente: string, period: Period, status: RowStatus, values: Float64Array): Float64Array {
  if (!plan.revisable.some(Boolean)) return values;
  const measures = plan.stored.length;
  const factors = plan.revisable.map((revisable, m) => {
    if (!revisable) return 1;
    const { datasetId, measure } = plan.revisedAs?.[m] ?? { datasetId: plan.spec.id, measure: m };
    const followed = !plan.followUp || plan.followUp.measures.includes(m);
    return earlierFactor(Random.for(ctx.seed, 'revisie', datasetId, gemeente, period.code, measure), followed ? status.followUp : status.own);
  });
  const like = plan.revisedLike ?? factors.map((_, m) => m);
  return values.map((v, i) => (Number.isNaN(v) ? v : Math.round(v * factors[like[i % measures]!]!)));
}

/** Where each stored measure goes in a row's cells (meta.measures order, derived ones included). */
function cellLayout(meta: DatasetMeta, plan: DatasetPlan): number[] {
  return plan.stored.map((id) => {
    const index = meta.measures.findIndex((m) => m.id === id);
    if (index < 0 || meta.measures[index]!.derived) throw new Error(`${plan.spec.id}: ${id} is geen opgeslagen maat`);
    return index;
  });
}

function valuesPerCombo(plan: DatasetPlan): number {
  return plan.width ?? plan.stored.length;
}

/** One raw row becomes one observation row per topic combination, with every stored cell disclosed (or made by the plan). */
function toObservationRows(raw: RawRow, plan: DatasetPlan, layout: readonly number[], measureCount: number): ObservationRow[] {
  const measures = plan.stored.length;
  const width = valuesPerCombo(plan);
  const period = parsePeriodCode(raw.period)!;
  const cannotOccur = plan.stored.map((_, m) => plan.cannotOccur?.(period, m) ?? false);
  return plan.combos.map((topics, c) => {
    const cells = new Array(measureCount).fill(MISSING);
    const made = plan.cells?.(raw.values.subarray(c * width, (c + 1) * width), c);
    layout.forEach((index, m) => {
      const value = raw.values[c * measures + m]!;
      cells[index] = cannotOccur[m]
        ? CANNOT_OCCUR
        : made
          ? made[m]!
          : discloseCount(Number.isNaN(value) ? undefined : value, { nihil: plan.nihil(c, m) });
    });
    return { region: raw.region, period: raw.period, topics, cells };
  });
}

/** A figure that cannot occur: empty in CBS's verklaring van tekens. */
const CANNOT_OCCUR: Observation = Object.freeze({ value: null, symbol: '' });
