/**
 * The statistical neighbours of the site: of every current gemeente, on the characteristics of the dataset
 * `kenmerken` in its latest year that has them, computed once per build (FactsContext.shared) for all pages
 * and downloads. Without that dataset (a data folder of real CBS files without the tables it comes from), or
 * with too few of its characteristics, there are no neighbours and every gemeente falls back to its size
 * class; `absent` says why, for the pages to say so. Pure.
 */
import type { Measure } from '../../schemas/dataset';
import type { Observation } from '../data/symbols';
import { parsePeriodCode } from '../data/periods';
import { NEDERLAND } from '../regions/codes';
import type { FactsContext, FactsDataset } from '../facts/context';
import { KENMERKEN_DATASET } from '../data/kenmerken';
import { MIN_SITE_CHARACTERISTICS, NEIGHBOUR_CHARACTERISTICS } from './characteristics';
import { statisticalNeighbours, type CharacteristicSpec, type GemeenteCharacteristics, type NeighbourModel, type NeighbourOutcome } from './neighbours';

export type NeighboursAbsent = 'geen-tabel' | 'te-weinig-kenmerken';

export interface SiteNeighbours {
  /** The kenmerken dataset, when the data folder has it. */
  dataset: FactsDataset | undefined;
  /** The period (a year) the neighbours were chosen on; with `absent`, the latest the dataset has, if any. */
  period: string | undefined;
  year: number | undefined;
  model: NeighbourModel | undefined;
  /** Why no gemeente has neighbours; undefined when some have. */
  absent: NeighboursAbsent | undefined;
  /** The characteristics known for enough gemeenten in `period` (those the neighbours were chosen on, or too few). */
  known: readonly string[];
  /** The measure of each characteristic the dataset holds, by id. */
  measures: ReadonlyMap<string, Measure>;
  /** The neighbours of a current gemeente, or why it has none. */
  of(code: string): NeighbourOutcome;
}

/** The value of a measure of a region in a period, from the dataset's row with every dimension at its total. */
export function characteristicCell(dataset: FactsDataset, region: string, period: string, measureId: string): Observation | undefined {
  return dataset.index.cellOf(dataset.totalRow(region, period), measureId);
}

/**
 * Nederland's value of a characteristic: as published; one the site computed from the gemeenten only for a
 * count (inwoners), since a sum of the gemeenten's shares, densities or average incomes means nothing.
 */
export function nederlandCell(dataset: FactsDataset, period: string, measure: Measure): Observation | undefined {
  const row = dataset.totalRow(NEDERLAND, period);
  if (row?.aggregated && measure.unit !== 'aantal') return undefined;
  return dataset.index.cellOf(row, measure.id);
}

function characteristicsIn(dataset: FactsDataset, gemeenten: readonly string[], period: string, specs: readonly CharacteristicSpec[]): GemeenteCharacteristics[] {
  return gemeenten.map((code) => ({
    code,
    values: Object.fromEntries(specs.map((s) => [s.id, characteristicCell(dataset, code, period, s.id)?.value ?? null])),
  }));
}

/** The neighbours on the characteristics of the latest year in which enough of them are known. */
export function computeSiteNeighbours(context: FactsContext, specs: readonly CharacteristicSpec[] = NEIGHBOUR_CHARACTERISTICS): SiteNeighbours {
  const dataset = context.datasets.find((d) => d.meta.id === KENMERKEN_DATASET);
  const gemeenten = context.currentGemeenten();
  const measures = new Map((dataset?.meta.measures ?? []).filter((m) => specs.some((s) => s.id === m.id)).map((m) => [m.id, m]));
  const held = specs.filter((s) => measures.has(s.id));
  let period: string | undefined;
  let model: NeighbourModel | undefined;
  let known: readonly string[] = [];
  if (dataset && held.length > 0) {
    // Latest year first; an older year only when the latest has too few characteristics (a new year half filled).
    for (const candidate of [...dataset.periods].reverse()) {
      const tried = statisticalNeighbours(characteristicsIn(dataset, gemeenten, candidate, held), held, { minCharacteristics: MIN_SITE_CHARACTERISTICS });
      if (period === undefined) {
        period = candidate;
        known = tried.method.characteristics.map((c) => c.id);
      }
      if (tried.method.placed > 0) {
        period = candidate;
        model = tried;
        known = tried.method.characteristics.map((c) => c.id);
        break;
      }
    }
  }
  const absent: NeighboursAbsent | undefined = !dataset || held.length === 0 ? 'geen-tabel' : model ? undefined : 'te-weinig-kenmerken';
  const none = (code: string): NeighbourOutcome => ({ kind: 'grootteklasse', code, missing: [] });
  return {
    dataset,
    period,
    year: period ? parsePeriodCode(period)?.year : undefined,
    model,
    absent,
    known,
    measures,
    of: (code) => model?.outcomes.get(code) ?? none(code),
  };
}

/** The site's neighbours, computed once per build. */
export function siteNeighbours(context: FactsContext): SiteNeighbours {
  return context.shared('statistical-neighbours', () => computeSiteNeighbours(context));
}
