/**
 * Fictitious characteristics of every gemeente per year (dataset `kenmerken`): inhabitants, the share of youths,
 * single-parent households, households on bijstand, youths in a low-income household, average standardised
 * income and urbanity (omgevingsadressendichtheid). These are the weighting factors of the verdeelmodel jeugd
 * and the urbanity and size that statistical neighbours are chosen on (issue 13).
 *
 * They are made to *drive* the demonstration data's own jeugdhulp: each is a mix of the gemeente's level of
 * jeugdhulp use (`Character.level`, model.ts), its urbanity and noise of its own, so poorer, more urban
 * gemeenten with more single-parent households use more jeugdhulp, and a model fitted on the characteristics
 * has a real relation to find, but not a perfect one. Inhabitants and the share of youths are not drawn: they
 * are the demonstration data's own population (population.ts), so they agree with every other table.
 *
 * Every draw comes from its own stream (`Random.for(seed, 'kenmerken', …)`), so adding this dataset left every
 * figure of the other datasets as it was.
 */
import { roundTo } from '../data/dataset';
import { KENMERKEN_DATASET, KENMERKEN_MEASURE_IDS, kenmerkMeasure } from '../data/kenmerken';
import type { Observation } from '../data/symbols';
import type { Period } from '../data/periods';
import type { DatasetPlan } from './plans';
import { under18 } from './population';
import { Random } from './random';
import { fictitiousCommon, POPULATION_SOURCE, type DatasetSpec } from './spec';
import type { DemoWorld } from './world';

/** One gemeente in one year, unrounded. */
export interface GemeenteCharacteristics {
  inwoners: number;
  /** Youths under 18 (the same count as jongeren_tot_18 in the other tables). */
  jongeren: number;
  /** Percentages. */
  eenoudergezinnen: number;
  huishoudensBijstand: number;
  jongerenLaagInkomen: number;
  /** × 1.000 euro. */
  gemiddeldInkomen: number;
  /** Addresses per km². */
  omgevingsadressendichtheid: number;
}

/** The level of jeugdhulp use (`Character.level`, uniform 0,72–1,32) as a standard score. */
const LEVEL_MEAN = 1.02;
const LEVEL_SD = 0.6 / Math.sqrt(12);

/** A gemeente of this size has the median urbanity; OAD grows with the square root of size (CBS 2022: Amsterdam about 6.000, the Wadden about 150). */
const MEDIAN_SIZE = 30_000;
const MEDIAN_OAD = 1_000;
const OAD_SPREAD = 0.6;

/**
 * The level of a median gemeente over the years (year → value). Larger, more urban gemeenten lie above it, so the
 * weighted Nederland figures come out at the CBS orders of magnitude of 2025: about 25% eenoudergezinnen, 5% of
 * households on bijstand, 7% of youths in a low-income household, € 39.000 average standardised income.
 */
const NATIONAL = {
  eenoudergezinnen: (year: number) => 21.8 + 0.2 * (year - 2015),
  huishoudensBijstand: (year: number) => 4.6 - 0.058 * (year - 2015),
  jongerenLaagInkomen: (year: number) => 8.0 - 0.245 * (year - 2015),
  gemiddeldInkomen: (year: number) => 32.5 * 1.017 ** (year - 2015),
};

/** A standard score mixed from the level, the urbanity and noise of its own, scaled back to a standard deviation of 1. */
function mix(level: number, urbanity: number, noise: number, weights: readonly [number, number, number]): number {
  const [a, b, c] = weights;
  return (a * level + b * urbanity + c * noise) / Math.hypot(a, b, c);
}

/** The characteristics of a gemeente in a year (on that year's indeling). */
export function gemeenteCharacteristics(world: DemoWorld, code: string, year: number): GemeenteCharacteristics {
  const character = world.character(code);
  const population = world.population.vector(code, year);
  const jongeren = Math.round(under18(world.population.groups(code, year)));
  const inwoners = Math.round(population.inwoners);
  // What stays with the gemeente over the years, and what moves a little from year to year.
  const own = Random.for(world.seed, 'kenmerken', code);
  const noise = { oad: own.normal(), eenouder: own.normal(), bijstand: own.normal(), armoede: own.normal(), inkomen: own.normal() };
  const yearly = Random.for(world.seed, 'kenmerken', code, year);
  const level = (character.level - LEVEL_MEAN) / LEVEL_SD;

  const logOad = Math.log(MEDIAN_OAD) + 0.5 * Math.log(Math.max(inwoners, 500) / MEDIAN_SIZE) + 0.1 * level + 0.35 * noise.oad;
  const omgevingsadressendichtheid = Math.min(7_500, Math.max(60, Math.exp(logOad) * yearly.factor(0.01)));
  const urbanity = (Math.log(omgevingsadressendichtheid / MEDIAN_OAD)) / OAD_SPREAD;

  const eenouder = mix(level, urbanity, noise.eenouder, [0.7, 0.35, 0.6]);
  const bijstand = mix(level, urbanity, noise.bijstand, [0.6, 0.55, 0.55]);
  const armoede = mix(level, urbanity, noise.armoede, [0.65, 0.4, 0.6]);
  const inkomen = mix(level, urbanity, noise.inkomen, [0.55, 0.05, 0.8]);
  return {
    inwoners,
    jongeren,
    eenoudergezinnen: Math.min(60, NATIONAL.eenoudergezinnen(year) * Math.exp(0.2 * eenouder) * yearly.factor(0.03)),
    huishoudensBijstand: Math.min(30, NATIONAL.huishoudensBijstand(year) * Math.exp(0.4 * bijstand) * yearly.factor(0.03)),
    jongerenLaagInkomen: Math.min(40, NATIONAL.jongerenLaagInkomen(year) * Math.exp(0.4 * armoede) * yearly.factor(0.04)),
    gemiddeldInkomen: NATIONAL.gemiddeldInkomen(year) * Math.exp(-0.08 * inkomen) * yearly.factor(0.01),
    omgevingsadressendichtheid,
  };
}

/**
 * The values the generator adds up for Nederland, provincies and jeugdregio's: the two populations, then each
 * characteristic times its weight (a share of households with children or of youths by the youths, a share
 * of households, an income or a density by the inhabitants), so the sum divided by the summed weight is the
 * weighted mean of the gemeenten.
 */
export function weightedSums(c: GemeenteCharacteristics): Float64Array {
  return Float64Array.from([
    c.inwoners,
    c.jongeren,
    c.eenoudergezinnen * c.jongeren,
    c.huishoudensBijstand * c.inwoners,
    c.jongerenLaagInkomen * c.jongeren,
    c.gemiddeldInkomen * c.inwoners,
    c.omgevingsadressendichtheid * c.inwoners,
  ]);
}

const figure = (value: number, decimals: number): Observation => (Number.isFinite(value) ? { value: roundTo(value, decimals), symbol: null } : { value: null, symbol: '.' });

/** The published cells (in the order of KENMERKEN_MEASURE_IDS) from weighted sums. */
export function cellsFromSums(v: Float64Array): Observation[] {
  const [inwoners, jongeren, eenouder, bijstand, armoede, inkomen, oad] = v as unknown as number[];
  return [
    figure(inwoners!, 0),
    figure((100 * jongeren!) / inwoners!, 1),
    figure(eenouder! / jongeren!, 1),
    figure(bijstand! / inwoners!, 1),
    figure(armoede! / jongeren!, 1),
    figure(inkomen! / inwoners!, 1),
    figure(oad! / inwoners!, 0),
  ];
}

const FICTITIOUS_CHARACTERISTICS =
  'Fictief: gemaakt door het rekenmodel van deze site, samenhangend met het fictieve jeugdhulpgebruik van de gemeente.';

export const KENMERKEN_SPEC: DatasetSpec = {
  id: KENMERKEN_DATASET,
  title: 'Kenmerken van gemeenten',
  shortTitle: 'Kenmerken van gemeenten',
  ...fictitiousCommon(
    'Kerncijfers wijken en buurten; Bevolking op 1 januari',
    'Kenmerken van de bevolking van elke gemeente per jaar: het aantal inwoners, het aandeel jongeren, ' +
      'eenoudergezinnen, huishoudens met bijstand, jongeren in een huishouden met een laag inkomen, het gemiddelde ' +
      'inkomen en de stedelijkheid. De meeste zijn factoren waarmee het verdeelmodel jeugd het budget over ' +
      'gemeenten verdeelt; met alle zeven kiest deze site bij elke gemeente de vergelijkbare gemeenten. Het zijn geen ' +
      'cijfers over jeugdzorg. Nederland, provincies en jeugdregio’s zijn gewogen gemiddelden van hun gemeenten.',
  ),
  dimensions: [],
  measures: KENMERKEN_MEASURE_IDS.map((id) =>
    id === 'inwoners'
      ? kenmerkMeasure(id, 'Afgeleid van het werkelijke aantal inwoners volgens CBS, zoals in de andere tabellen.', { source: POPULATION_SOURCE })
      : id === 'aandeel_jongeren_tot_18'
        ? kenmerkMeasure(id, 'Dezelfde jongeren als in de andere tabellen.')
        : kenmerkMeasure(id, FICTITIOUS_CHARACTERISTICS),
  ),
  footnotes: [
    {
      id: 'geen-jeugdzorg',
      text:
        'Deze tabel beschrijft de gemeenten, niet de jeugdzorg. De kenmerken worden gebruikt om gemeenten te vinden die ' +
        'op elkaar lijken, en om te schatten hoeveel jeugdhulp bij een gemeente te verwachten is.',
      appliesTo: {},
    },
  ],
  trendBreaks: [],
};

/** The plan the demo generator (generate.ts) fills the dataset with: one row per region and year, no disclosure control (nothing here counts persons in care). */
export function kenmerkenPlan(firstYear = 2015): DatasetPlan {
  return {
    spec: KENMERKEN_SPEC,
    periodKind: 'jaar',
    firstYear,
    combos: [[]],
    stored: [...KENMERKEN_MEASURE_IDS],
    width: 7,
    // Published once a year and never revised.
    revisable: KENMERKEN_MEASURE_IDS.map(() => false),
    nihil: () => false,
    values(world: DemoWorld, code: string, period: Period) {
      return weightedSums(gemeenteCharacteristics(world, code, period.year));
    },
    cells: (values) => cellsFromSums(values),
  };
}
