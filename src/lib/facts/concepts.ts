/**
 * Finding the figures a fact page shows by what they mean (`Measure.concept`), never by dataset or measure
 * id: the demonstration data and an imported CBS table name their measures differently.
 */
import { MEASURE_CONCEPTS, OUTCOME_CONCEPTS, PROTECTION_CONCEPTS, type DatasetMeta, type Measure, type MeasureConcept } from '../../schemas/dataset';
import { parsePeriodCode, primaryPeriodKind, primaryPeriods } from '../data/periods';

/**
 * The detail of jeugdbescherming: the youths with a measure who also had jeugdhulp met verblijf (a share of the
 * youths with a measure, not of all youths), the measures begun, running and ended (measures, not youths), and
 * the trajecten of jeugdreclassering by form. Their own section shows them (facts/protection.ts); they are no
 * key figures.
 */
export { PROTECTION_CONCEPTS };
export type ProtectionConcept = (typeof PROTECTION_CONCEPTS)[number];

/**
 * How jeugdhulp began, lasted and ended: herhaald beroep among the begun trajecten, the duration classes and
 * average duration of the ended ones, their reasons of ending, and the youths who came in and went out. Their
 * own section shows them (facts/outcome.ts). A concept held by several measures (the duration
 * classes, the reasons of an early ending) lists them in the dataset's order.
 */
export { OUTCOME_CONCEPTS };
export type OutcomeConcept = (typeof OUTCOME_CONCEPTS)[number];

/** The concepts of the key figures, in the order of MEASURE_CONCEPTS (population is a denominator, not a figure). */
export type KeyConcept = Exclude<MeasureConcept, 'bevolking' | ProtectionConcept | OutcomeConcept>;
const SECTION_CONCEPTS: readonly string[] = [...PROTECTION_CONCEPTS, ...OUTCOME_CONCEPTS];
export const KEY_CONCEPTS: readonly KeyConcept[] = MEASURE_CONCEPTS.filter((c): c is KeyConcept => c !== 'bevolking' && !SECTION_CONCEPTS.includes(c));

/**
 * The figures a page sets against other regions: the persons with jeugdhulp, verblijf, jeugdbescherming and
 * jeugdreclassering (or jeugdzorg as a whole). Jeugdhulp zonder verblijf is nearly all of jeugdhulp, so it adds
 * nothing. Trajecten per 1.000 jongeren depend on how providers cut care into trajecten, so they are shown
 * but not set against other regions.
 */
export const COMPARED_CONCEPTS: readonly KeyConcept[] = [
  'jongeren-jeugdhulp',
  'jongeren-jeugdhulp-met-verblijf',
  'jongeren-jeugdbescherming',
  'jongeren-jeugdreclassering',
  'jongeren-jeugdzorg',
];

/**
 * What a concept is about, for running text: "In Aa en Hunze kreeg 11,4% van de jongeren tot 18 jaar
 * jeugdhulp." The predicate completes "kreeg/had … van de <noemer>".
 */
export const CONCEPT_TEXT: Record<KeyConcept, { verb: string; object: string }> = {
  'jongeren-jeugdhulp': { verb: 'kreeg', object: 'jeugdhulp' },
  'jongeren-jeugdhulp-zonder-verblijf': { verb: 'kreeg', object: 'jeugdhulp zonder verblijf' },
  'jongeren-jeugdhulp-met-verblijf': { verb: 'kreeg', object: 'jeugdhulp met verblijf' },
  'jongeren-jeugdbescherming': { verb: 'had', object: 'een jeugdbeschermingsmaatregel' },
  'jongeren-jeugdreclassering': { verb: 'had', object: 'jeugdreclassering' },
  'jongeren-jeugdzorg': { verb: 'kreeg', object: 'jeugdzorg' },
  'trajecten-lopend': { verb: 'was', object: 'een lopend traject' },
  'trajecten-gestart': { verb: 'was', object: 'een gestart traject' },
  'trajecten-beeindigd': { verb: 'was', object: 'een beëindigd traject' },
};

/** The word for what a count counts, used after every number: "595 jongeren", "1.020 trajecten". */
export const COUNT_NOUN: Record<Measure['countOf'], string> = {
  personen: 'jongeren',
  trajecten: 'trajecten',
  inwoners: 'inwoners',
};

/** The unit named on every figure, because persons and trajecten are different units. */
export const COUNT_UNIT: Record<Measure['countOf'], string> = {
  personen: 'personen',
  trajecten: 'trajecten',
  inwoners: 'inwoners',
};

export interface ConceptMeasure {
  measure: Measure;
  /** The rate measure whose numerator is this measure, when the dataset has one. */
  rate: Measure | undefined;
}

/** The count measure of a concept in a dataset, with its rate. */
export function conceptMeasure(meta: DatasetMeta, concept: MeasureConcept): ConceptMeasure | undefined {
  const measure = meta.measures.find((m) => m.concept === concept && m.type === 'aantal');
  if (!measure) return undefined;
  return { measure, rate: rateOf(meta, measure.id) };
}

/** The rate measure whose `rate.numerator` is the given measure. */
export function rateOf(meta: DatasetMeta, measureId: string): Measure | undefined {
  return meta.measures.find((m) => m.type === 'rate' && m.rate?.numerator === measureId);
}

/**
 * The denominator of a rate at the total categories, for the key figures: a dataset broken down by age and
 * gender may name its denominator for every category at once, "jongeren van dezelfde leeftijdsgroep (bij
 * het totaal: alle jongeren tot 18 jaar)"; the key figure needs only the part after "bij het totaal".
 */
export function totalDenominatorLabel(rate: Pick<Measure, 'rate'>): string {
  const label = rate.rate?.denominatorLabel ?? '';
  const atTotal = /\(bij het totaal:\s*(?:alle\s+)?([^)]+)\)/i.exec(label);
  return atTotal ? atTotal[1]!.trim() : label;
}

/** Every measure of a concept held by several (the duration classes), in the dataset's order. */
export function conceptMeasures(meta: DatasetMeta, concept: MeasureConcept): Measure[] {
  return meta.measures.filter((m) => m.concept === concept && m.type === 'aantal');
}

/** The measure a rate is a rate of (its numerator), when the dataset has it. */
export function numeratorOf(meta: DatasetMeta, rate: Measure): Measure | undefined {
  const id = rate.rate?.numerator;
  return id ? meta.measures.find((m) => m.id === id) : undefined;
}

/**
 * Chooses among datasets that all hold a concept: the one followed in half years first, then the one with
 * the most recent period, then the longest series. The wijken table also counts jongeren, but per year.
 */
export function preferDataset<T extends { meta: DatasetMeta; periods: readonly string[] }>(candidates: readonly T[]): T | undefined {
  const score = (d: T) => {
    const own = primaryPeriods(d.meta, d.periods);
    const last = parsePeriodCode(own.at(-1) ?? '');
    return {
      halfYears: primaryPeriodKind(d.meta) === 'halfjaar' ? 1 : 0,
      latest: last ? last.year * 100 + last.part : 0,
      length: own.length,
    };
  };
  return [...candidates].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    return sb.halfYears - sa.halfYears || sb.latest - sa.latest || sb.length - sa.length;
  })[0];
}
