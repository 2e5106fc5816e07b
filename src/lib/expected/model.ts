/**
 * The expected count of a gemeente from its characteristics: a Poisson regression of the observed counts of
 * all gemeenten on their characteristics (dataset kenmerken), with ln(youths) as offset, fitted per period at
 * build time (poisson.ts). The characteristics are the seven the neighbours are chosen on, with the same
 * transformations (size and urbanity on a log scale, src/lib/neighbours/characteristics.ts), standardised to
 * z-scores so that the coefficients are comparable; each period uses the kenmerken of its own year, or the
 * latest year before it.
 *
 * The fit is judged out of sample, by 5-fold cross-validation: the share of the deviance between gemeenten
 * that the model explains beyond Nederland's rate ({@link EXPLAINS_LITTLE} for when that is little). Pure.
 */
import type { FactsContext } from '../facts/context';
import { parsePeriodCode } from '../data/periods';
import { KENMERKEN_DATASET } from '../data/kenmerken';
import { MIN_SITE_CHARACTERISTICS, NEIGHBOUR_CHARACTERISTICS } from '../neighbours/characteristics';
import { meanAndSd, transformed, type CharacteristicSpec } from '../neighbours/neighbours';
import { characteristicCell } from '../neighbours/site';
import { crossValidatePoisson, fitPoisson, predictPoisson, type CrossValidation, type PoissonFit } from './poisson';

/** Why a gemeente has no expected value from its characteristics. */
export type ModelAbsent = 'geen-tabel' | 'te-weinig-kenmerken' | 'kenmerken-ontbreken' | 'geen-fit';

export const MODEL_ABSENT_TEXT: Record<ModelAbsent, string> = {
  'geen-tabel': 'deze cijfers hebben geen tabel met kenmerken van gemeenten',
  'te-weinig-kenmerken': `van te weinig kenmerken (minder dan ${MIN_SITE_CHARACTERISTICS}) zijn de cijfers bekend`,
  'kenmerken-ontbreken': 'van deze gemeente ontbreken kenmerken',
  'geen-fit': 'het model liet zich niet schatten',
};

/**
 * Below this out-of-sample share of deviance explained, the page says the model "verklaart weinig". A
 * convention, not a test: under a quarter, three quarters or more of the differences between gemeenten are
 * left unexplained, and the expected value is little better than Nederland's rate applied to the gemeente.
 */
export const EXPLAINS_LITTLE = 0.25;

/** The folds of the cross-validation. */
export const FOLDS = 5;

/** A characteristic leaves the model when it is unknown for more than this share of the gemeenten. */
const MAX_MISSING_SHARE = 0.1;

export interface ModelCharacteristic {
  id: string;
  transform: CharacteristicSpec['transform'];
  /** Mean and sd over the fitted gemeenten, on the transformed scale (the z-score's). */
  mean: number;
  sd: number;
  /** The change in ln(expected) per standard deviation, and its quasi-Poisson standard error. */
  coefficient: number;
  standardError: number;
}

export interface CharacteristicsModel {
  /** The kenmerken period (year) used. */
  kenmerkenPeriod: string;
  characteristics: ModelCharacteristic[];
  fit: PoissonFit;
  /**
   * Out of sample; only for the period the pages show (each measure's latest), since each costs five more
   * fits and the build budget is tight. Earlier periods give `inSample` in the download.
   */
  crossValidation: CrossValidation | undefined;
  /** Share of deviance explained in sample (1 − deviance / null deviance), for comparison with the cross-validated one. */
  inSample: number;
  /** Whether the cross-validated share is below {@link EXPLAINS_LITTLE}; undefined without cross-validation. */
  explainsLittle: boolean | undefined;
  /** The gemeenten the model was fitted on. */
  units: number;
  /** The expected count of every gemeente with its characteristics known, also where its count is hidden. */
  expected: ReadonlyMap<string, number>;
}

export interface ModelInput {
  code: string;
  observed: number | null;
  population: number | null;
}

/** The transformed characteristics of every current gemeente in one kenmerken period, by code (undefined where unknown). */
type CharacteristicTable = { specs: readonly CharacteristicSpec[]; values: ReadonlyMap<string, ReadonlyArray<number | undefined>> };

/**
 * The characteristics a period's models read: the same for every measure and both half years of a year, so
 * read once per kenmerken period and build (FactsContext.shared).
 */
function characteristicTable(context: FactsContext, kenmerkenPeriod: string, specs: readonly CharacteristicSpec[]): CharacteristicTable {
  return context.shared(`expected|kenmerken|${kenmerkenPeriod}|${specs.map((s) => s.id).join(',')}`, () => {
    const dataset = context.datasets.find((d) => d.meta.id === KENMERKEN_DATASET)!;
    const values = new Map(context.currentGemeenten().map((code) => [code, specs.map((s) => transformed(characteristicCell(dataset, code, kenmerkenPeriod, s.id)?.value, s.transform))]));
    return { specs, values };
  });
}

/** The model for one measure in one period; the rows are all current gemeenten. */
export function characteristicsModel(
  context: FactsContext,
  period: string,
  rows: readonly ModelInput[],
  options: { crossValidate: boolean } = { crossValidate: true },
  specs: readonly CharacteristicSpec[] = NEIGHBOUR_CHARACTERISTICS,
): CharacteristicsModel | { absent: ModelAbsent } {
  const dataset = context.datasets.find((d) => d.meta.id === KENMERKEN_DATASET);
  const held = specs.filter((s) => dataset?.meta.measures.some((m) => m.id === s.id));
  if (!dataset || held.length === 0) return { absent: 'geen-tabel' };
  const year = parsePeriodCode(period)?.year ?? Infinity;
  const kenmerkenPeriod = [...dataset.periods].reverse().find((p) => (parsePeriodCode(p)?.year ?? Infinity) <= year);
  if (!kenmerkenPeriod) return { absent: 'te-weinig-kenmerken' };
  const table = characteristicTable(context, kenmerkenPeriod, held);
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : 1));
  const valueAt = (code: string, j: number) => table.values.get(code)?.[j];
  const missing = held.map(() => 0);
  for (const r of sorted) table.values.get(r.code)?.forEach((v, j) => {
    if (v === undefined) missing[j] = missing[j]! + 1;
  });
  const usedAt = held.map((_, j) => j).filter((j) => missing[j]! <= MAX_MISSING_SHARE * sorted.length);
  const used = usedAt.map((j) => held[j]!);
  if (used.length < MIN_SITE_CHARACTERISTICS) return { absent: 'te-weinig-kenmerken' };
  const withValues = sorted.flatMap((r) => {
    const values = usedAt.map((j) => valueAt(r.code, j));
    return values.every((v) => v !== undefined) && r.population && r.population > 0 ? [{ ...r, values: values as number[] }] : [];
  });
  const fitted = withValues.filter((r) => r.observed !== null);
  const scales = used.map((_, j) => meanAndSd(fitted.map((r) => r.values[j]!)));
  if (fitted.length <= used.length + FOLDS || scales.some((s) => !(s.sd > 0))) return { absent: 'geen-fit' };
  const z = (values: readonly number[]) => values.map((v, j) => (v - scales[j]!.mean) / scales[j]!.sd);
  const data = { y: fitted.map((r) => r.observed!), x: fitted.map((r) => z(r.values)), offset: fitted.map((r) => Math.log(r.population!)) };
  const fit = fitPoisson(data);
  if (!fit) return { absent: 'geen-fit' };
  const crossValidation = options.crossValidate ? crossValidatePoisson({ ...data, start: fit.coefficients }, FOLDS) : undefined;
  if (options.crossValidate && !crossValidation) return { absent: 'geen-fit' };
  const predicted = predictPoisson(fit.coefficients, withValues.map((r) => z(r.values)), withValues.map((r) => Math.log(r.population!)));
  const widen = Math.sqrt(Math.max(1, fit.dispersion));
  return {
    kenmerkenPeriod,
    characteristics: used.map((s, j) => ({ id: s.id, transform: s.transform, mean: scales[j]!.mean, sd: scales[j]!.sd, coefficient: fit.coefficients[j + 1]!, standardError: fit.standardErrors[j + 1]! * widen })),
    fit,
    crossValidation,
    inSample: 1 - fit.deviance / fit.nullDeviance,
    explainsLittle: crossValidation && crossValidation.explained < EXPLAINS_LITTLE,
    units: fitted.length,
    expected: new Map(withValues.map((r, i) => [r.code, predicted[i]!])),
  };
}
