/**
 * Primary disclosure control: the counts a dataset publishes must follow its policy (DisclosurePolicySchema):
 * multiples of `roundTo`, and nothing below `threshold` except a nihil. This module finds the cells that break
 * it and, where the publisher chose protection, rounds and suppresses them. Pure.
 */
import type { DatasetMeta, DisclosurePolicy, Measure } from '../../schemas/dataset';
import type { ObservationRow } from '../data/dataset';
import type { Observation } from '../data/symbols';

/**
 * The measures the policy applies to: stored counts (unit "aantal") of persons and trajecten. Population is
 * public, and an average (unit "dagen") is no count.
 */
export function protectedMeasureIndexes(meta: DatasetMeta): number[] {
  return meta.measures.flatMap((m, i) => (isProtectedCount(m) ? [i] : []));
}

export function isProtectedCount(measure: Measure): boolean {
  return measure.type === 'aantal' && measure.unit === 'aantal' && !measure.derived && measure.countOf !== 'inwoners';
}

/** The smallest count a policy lets through: the threshold, rounded as every count is (10 for CBS's 5 and 10). */
export function smallestPublished(policy: DisclosurePolicy): number {
  return Math.max(policy.roundTo, Math.round(policy.threshold / policy.roundTo) * policy.roundTo);
}

export interface PolicyViolation {
  row: number;
  measure: number;
  value: number;
  /** What the policy expected, in Dutch, for the error message. */
  expected: string;
}

/** Why a published count breaks the policy, or undefined when it does not. */
export function violationOf(cell: Observation, policy: DisclosurePolicy): string | undefined {
  const { value, symbol } = cell;
  if (value === null || (symbol === '-' && value === 0)) return undefined;
  if (!Number.isInteger(value) || value % policy.roundTo !== 0) return `een aantal afgerond op een veelvoud van ${policy.roundTo}`;
  if (value < smallestPublished(policy)) {
    return `een aantal van ${smallestPublished(policy)} of meer; kleinere aantallen (onder ${policy.threshold}) zijn geheim (".")`;
  }
  return undefined;
}

/** Every count in `rows` that breaks the policy, in row order. */
export function policyViolations(meta: DatasetMeta, rows: readonly ObservationRow[]): PolicyViolation[] {
  const measures = protectedMeasureIndexes(meta);
  const out: PolicyViolation[] = [];
  rows.forEach((row, r) => {
    for (const i of measures) {
      const cell = row.cells[i];
      if (!cell) continue;
      const expected = violationOf(cell, meta.disclosure);
      if (expected) out.push({ row: r, measure: i, value: cell.value!, expected });
    }
  });
  return out;
}

const SUPPRESSED: Observation = Object.freeze({ value: null, symbol: '.' }) as Observation;

/**
 * The cell as the policy publishes it: below the threshold secret, otherwise rounded. The value is taken to
 * be the unrounded count (a dataset that breaks the policy was not protected at its source).
 */
export function protectCell(cell: Observation, policy: DisclosurePolicy): Observation {
  if (!violationOf(cell, policy)) return cell;
  const value = cell.value!;
  if (value < policy.threshold) return SUPPRESSED;
  const rounded = Math.round(value / policy.roundTo) * policy.roundTo;
  return { value: Math.max(rounded, smallestPublished(policy)), symbol: null };
}

/**
 * Nothing is ever published per provider (DOMAIN.md): figures by aanbieder could point at the few children a
 * small provider helps. A dataset with a dimension of providers is refused, whatever its policy says.
 */
export function providerDimension(meta: DatasetMeta): string | undefined {
  return meta.dimensions.find((d) => /aanbieder|provider/i.test(`${d.id} ${d.label}`))?.id;
}
