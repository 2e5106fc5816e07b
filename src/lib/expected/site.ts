/**
 * Expected against observed for every current gemeente, key measure and period of the build, computed once
 * per build (FactsContext.shared) for the fact pages, the method page and the download:
 * - expected from the gemeente's youths by age and sex (indirect standardisation on Nederland's rates,
 *   standardise.ts), where the dataset splits both the count and the youths by age and sex;
 * - expected from the gemeente's characteristics (a Poisson regression on the dataset kenmerken, fitted per
 *   period, cross-validated: model.ts), where the build has those characteristics.
 * Where either cannot be computed, `absent` says why, for the page to say so. Pure.
 */
import { joinDutch } from '../format/text';
import type { Measure } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import { NEDERLAND, regionKind } from '../regions/codes';
import type { FactsContext, FactsDataset } from '../facts/context';
import { COMPARED_CONCEPTS, type KeyConcept } from '../facts/concepts';
import type { Interval } from '../stats/intervals';
import { Z95 } from '../stats/intervals';
import type { Judgement } from '../stats/verdict';
import { characteristicsModel, type CharacteristicsModel, type ModelAbsent } from './model';
import { expectedCount, judgeObservedExpected, ratioInterval, standardisedOverdispersion, stratumRates, type ObservedExpected, type StratumCounts } from './standardise';

/** The dimensions that split the youths themselves (not, say, the kind of measure): by these the site standardises. */
export const STANDARDISING_DIMENSIONS = ['leeftijd', 'geslacht'] as const;

/** Why there is no expected value from age and sex. */
export type StandardisedAbsent = 'geen-uitsplitsing' | 'onbekend' | 'afgeschermd';

export const STANDARDISED_ABSENT_TEXT: Record<StandardisedAbsent, string> = {
  'geen-uitsplitsing': 'deze cijfers zijn niet naar leeftijd en geslacht uitgesplitst',
  onbekend: 'het aantal jongeren in een leeftijdsgroep of de landelijke cijfers per groep ontbreken',
  afgeschermd: 'het aantal is afgeschermd of onbekend',
};

export interface ExpectedValue {
  expected: number;
  /** O / E; undefined when the observed count is unknown. */
  ratio: number | undefined;
  /** 95% interval of O / E. */
  interval: Interval | undefined;
}

export interface GemeenteExpected {
  code: string;
  /** The observed count; null when suppressed or unknown. */
  observed: number | null;
  /** The youths the count is of (n). */
  population: number | null;
  /** From age and sex, with its verdict; or why not. */
  standardised: (ExpectedValue & { judgement: Judgement }) | { absent: StandardisedAbsent };
  /** From the characteristics (quasi-Poisson interval); or why not. */
  model: ExpectedValue | { absent: ModelAbsent };
}

export interface PeriodExpected {
  period: string;
  /** The groups standardised over, as "leeftijd en geslacht"; undefined without. */
  strata: readonly string[][] | undefined;
  /** Nederland's rate per group (same order as strata). */
  rates: ReadonlyMap<string, number> | undefined;
  /** τ² of the standardised figures (the verdicts' widening). */
  tau2: number | undefined;
  model: CharacteristicsModel | { absent: ModelAbsent };
  gemeenten: ReadonlyMap<string, GemeenteExpected>;
}

export interface ExpectedMeasure {
  concept: KeyConcept;
  dataset: FactsDataset;
  measure: Measure;
  /** The measure id of the youths (the rate's denominator). */
  denominator: string;
  /** The labels of the dimensions standardised over ("leeftijd", "geslacht"); empty without. */
  standardisedBy: string[];
  periods: readonly string[];
  /** Computed on first use: a page needs only the latest period, the download all of them. */
  period(period: string): PeriodExpected;
}

const key = (topics: readonly string[]) => topics.join('|');

/** Every combination of the non-total codes (inside the total) of the standardising dimensions, others at their total. */
function strataOf(dataset: FactsDataset): string[][] | undefined {
  const dims = dataset.meta.dimensions;
  const used = dims.filter((d) => (STANDARDISING_DIMENSIONS as readonly string[]).includes(d.id));
  if (used.length === 0) return undefined;
  let strata: string[][] = [dataset.totals.slice()];
  dims.forEach((d, i) => {
    if (!used.includes(d)) return;
    const codes = d.codes.filter((c) => !c.total && !c.outsideTotal).map((c) => c.code);
    strata = strata.flatMap((s) => codes.map((c) => s.map((t, j) => (j === i ? c : t))));
  });
  return strata;
}

/** Each region's row per group, by period: read in one pass over the dataset's rows, shared by its measures. */
type StrataTable = Map<string, Map<string, Array<ObservationRow | undefined>>>;

/**
 * One pass over the rows instead of a lookup per region, period and group (tens of thousands of keys): each
 * row's group found by its codes' positions, without joining strings. Once per dataset and build.
 */
function strataTable(context: FactsContext, dataset: FactsDataset, strata: readonly string[][]): StrataTable {
  return context.shared(`expected|strata|${dataset.meta.id}`, () => {
    // A group's position from its codes: strata are in dimension order, the last dimension varying fastest.
    const positions = strata[0]!.map((_, d) => new Map(strata.map((t) => t[d]!).filter((c, i, all) => all.indexOf(c) === i).map((c, i) => [c, i])));
    const strides = positions.map((_, d) => positions.slice(d + 1).reduce((product, p) => product * p.size, 1));
    const positionOf = (topics: readonly string[]): number | undefined => {
      let at = 0;
      for (let d = 0; d < positions.length; d++) {
        const i = positions[d]!.get(topics[d]!);
        if (i === undefined) return undefined;
        at += i * strides[d]!;
      }
      return at;
    };
    const table: StrataTable = new Map();
    for (const row of dataset.index.rows()) {
      const at = positionOf(row.topics);
      if (at === undefined || (row.region !== NEDERLAND && regionKind(row.region) !== 'gemeente')) continue;
      let byRegion = table.get(row.period);
      if (!byRegion) table.set(row.period, (byRegion = new Map()));
      let rows = byRegion.get(row.region);
      if (!rows) byRegion.set(row.region, (rows = new Array<ObservationRow | undefined>(strata.length)));
      rows[at] = row;
    }
    return table;
  });
}

function computePeriod(context: FactsContext, m: Omit<ExpectedMeasure, 'period'>, period: string, strata: string[][] | undefined, table: StrataTable | undefined): PeriodExpected {
  const { dataset } = m;
  const keys = (strata ?? []).map(key);
  const inPeriod = table?.get(period);
  const counts = (region: string): StratumCounts[] => {
    const rows = inPeriod?.get(region);
    return keys.map((stratum, i) => ({
      stratum,
      count: dataset.index.cellOf(rows?.[i], m.measure.id)?.value ?? null,
      population: dataset.index.cellOf(rows?.[i], m.denominator)?.value ?? null,
    }));
  };
  const rates = strata ? stratumRates(counts(NEDERLAND)) : undefined;
  const gemeenten = context.currentGemeenten();
  const rows = gemeenten.map((code) => {
    const total = dataset.totalRow(code, period);
    const observed = dataset.index.cellOf(total, m.measure.id)?.value ?? null;
    const local = rates ? counts(code) : [];
    const expected = rates ? expectedCount(local, rates) : undefined;
    // n is the youths of the groups standardised over, so that E / n is a share of the same youths.
    const population = expected !== undefined ? local.reduce((s, c) => s + c.population!, 0) : (dataset.index.cellOf(total, m.denominator)?.value ?? null);
    return { code, observed, population, expected };
  });
  const usable: ObservedExpected[] = rows.flatMap((r) => (r.expected !== undefined && r.observed !== null && r.population ? [{ observed: r.observed, expected: r.expected, population: r.population }] : []));
  const tau2 = usable.length > 1 ? standardisedOverdispersion(usable).tau2 : undefined;
  // Cross-validated only where the pages state the fit: the latest period.
  const model = characteristicsModel(context, period, rows.map((r) => ({ code: r.code, observed: r.observed, population: r.population })), { crossValidate: period === dataset.latestPeriod });
  const result = new Map<string, GemeenteExpected>();
  for (const r of rows) {
    let standardised: GemeenteExpected['standardised'];
    if (!strata) standardised = { absent: 'geen-uitsplitsing' };
    else if (r.expected === undefined || !r.population) standardised = { absent: 'onbekend' };
    else if (r.observed === null || tau2 === undefined) standardised = { absent: 'afgeschermd' };
    else {
      const o = { observed: r.observed, expected: r.expected, population: r.population };
      standardised = { expected: r.expected, ratio: r.observed / r.expected, interval: ratioInterval(o), judgement: judgeObservedExpected(o, tau2) };
    }
    let modelled: GemeenteExpected['model'];
    if ('absent' in model) modelled = { absent: model.absent };
    else {
      const mu = model.expected.get(r.code);
      if (mu === undefined) modelled = { absent: 'kenmerken-ontbreken' };
      else {
        // Quasi-Poisson: the counts vary φ times as much as Poisson counts, so the interval is √φ times as wide.
        const z = Z95 * Math.sqrt(Math.max(1, model.fit.dispersion));
        const o = r.observed === null ? undefined : { observed: r.observed, expected: mu, population: r.population ?? 0 };
        modelled = { expected: mu, ratio: o && o.observed / mu, interval: o && ratioInterval(o, z) };
      }
    }
    result.set(r.code, { code: r.code, observed: r.observed, population: r.population, standardised, model: modelled });
  }
  return { period, strata, rates, tau2, model, gemeenten: result };
}

/** The key measures that are set against other regions (COMPARED_CONCEPTS) and have a rate of youths. */
export function computeExpected(context: FactsContext): ExpectedMeasure[] {
  const measures: ExpectedMeasure[] = [];
  for (const concept of COMPARED_CONCEPTS) {
    const source = context.concept(concept);
    const denominator = source?.rate?.rate?.denominator;
    if (!source || !denominator) continue;
    const { dataset, measure } = source;
    const strata = strataOf(dataset);
    const standardisedBy = strata ? dataset.meta.dimensions.filter((d) => (STANDARDISING_DIMENSIONS as readonly string[]).includes(d.id)).map((d) => d.label.toLowerCase()) : [];
    const cache = new Map<string, PeriodExpected>();
    const base = { concept, dataset, measure, denominator, standardisedBy, periods: dataset.periods };
    let table: StrataTable | undefined;
    measures.push({
      ...base,
      period(period) {
        let p = cache.get(period);
        if (strata && !table) table = strataTable(context, dataset, strata);
        if (!p) cache.set(period, (p = computePeriod(context, base, period, strata, table)));
        return p;
      },
    });
  }
  return measures;
}

/** The site's expected values, computed once per build. */
export function siteExpected(context: FactsContext): ExpectedMeasure[] {
  return context.shared('expected-values', () => computeExpected(context));
}

/** "leeftijd en geslacht". */
export function standardisedByText(m: Pick<ExpectedMeasure, 'standardisedBy'>): string {
  return joinDutch(m.standardisedBy);
}
