/**
 * Statistical disclosure control as CBS applies it to the jeugd tables (DOMAIN.md, "Disclosure control"):
 * counts are rounded to multiples of 5, and cells with fewer than 10 (before rounding) are suppressed with
 * the symbol `.`. A real zero is shown as nihil (`-`, value 0) only for categories where "none" is a
 * meaningful, harmless answer (a small gemeente without a gesloten plaatsing); elsewhere a zero is small
 * like any other and is suppressed.
 */
import type { Observation } from '../data/symbols';

/** CBS rounds counts to multiples of this. */
export const ROUNDING_BASE = 5;
/** Cells below this, before rounding, are suppressed. */
export const SUPPRESSION_THRESHOLD = 10;

export function roundToBase(value: number, base = ROUNDING_BASE): number {
  return Math.round(value / base) * base;
}

export interface DiscloseOptions {
  /** Show an exact zero as nihil instead of suppressing it. */
  nihil?: boolean;
}

/** The published cell for an underlying whole count; `undefined` when the figure is not known at all. */
export function discloseCount(raw: number | undefined, options: DiscloseOptions = {}): Observation {
  if (raw === undefined || !Number.isFinite(raw)) return { value: null, symbol: '.' };
  if (raw === 0 && options.nihil) return { value: 0, symbol: '-' };
  if (raw < SUPPRESSION_THRESHOLD) return { value: null, symbol: '.' };
  return { value: roundToBase(raw), symbol: null };
}
