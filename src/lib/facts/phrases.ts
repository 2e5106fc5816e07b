/** Small pieces of plain Dutch for figures in running text. */
import type { Measure } from '../../schemas/dataset';
import type { PeriodStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import { formatNumber } from '../format/number';
import { COUNT_NOUN, totalDenominatorLabel } from './concepts';

/** "595 jongeren", "1.020 trajecten"; a suppressed count says so. */
export function countPhrase(cell: Observation | undefined, measure: Pick<Measure, 'countOf' | 'decimals'>): string {
  const noun = COUNT_NOUN[measure.countOf];
  if (!cell || cell.value === null) return `onbekend aantal ${noun}`;
  return `${formatNumber(cell.value, measure.decimals)} ${noun}`;
}

/** A rate's number with its sign: "11,4%", "3,2 per 1.000". */
export function rateNumber(value: number, measure: Pick<Measure, 'decimals' | 'rate'>, decimals = measure.decimals): string {
  const number = formatNumber(value, decimals);
  const per = measure.rate?.per ?? 100;
  return per === 100 ? `${number}%` : `${number} per ${formatNumber(per)}`;
}

/** The rate with its denominator named: "11,4% van alle jongeren tot 18 jaar", "3,2 per 1.000 jongeren van 12 tot 23 jaar". */
export function ratePhrase(value: number, measure: Pick<Measure, 'decimals' | 'rate'>, article: 'alle' | 'de' = 'alle'): string {
  const denominator = totalDenominatorLabel(measure);
  const per = measure.rate?.per ?? 100;
  return per === 100 ? `${rateNumber(value, measure)} van ${article} ${denominator}` : `${rateNumber(value, measure)} ${denominator}`;
}

/** The unit of a rate in a table header or chart title: "% van jongeren tot 18 jaar", "per 1.000 jongeren tot 18 jaar". */
export function rateUnitText(measure: Pick<Measure, 'rate' | 'unit'>): string {
  const per = measure.rate?.per ?? 100;
  const denominator = totalDenominatorLabel(measure);
  if (!denominator) return measure.unit;
  return per === 100 ? `% van ${denominator}` : `per ${formatNumber(per)} ${denominator}`;
}

/** A period in running text, with "het" where Dutch wants it: "het 1e halfjaar 2026*", but "2022", "30 juni 2023". */
export function thePeriod(label: string): string {
  return /^\d+e /.test(label) ? `het ${label}` : label;
}

/**
 * A narrow rate column header for phones: "%" over "van jongeren tot 18 jaar", or "Per 1.000" over
 * "jongeren tot 18 jaar".
 */
export function rateColumn(measure: Pick<Measure, 'rate' | 'unit'>): { label: string; unit: string } {
  const per = measure.rate?.per ?? 100;
  const denominator = totalDenominatorLabel(measure);
  if (!denominator) return { label: measure.unit, unit: '' };
  return per === 100 ? { label: '%', unit: `van ${denominator}` } : { label: `Per ${formatNumber(per)}`, unit: denominator };
}

/** What the status of a period means, for the line under the key figures; `mixed`: not all of them have this status. */
export function statusExplanation(status: PeriodStatus, mixed = false): string {
  switch (status) {
    case 'voorlopig':
      return 'Het sterretje (*) betekent: voorlopig. CBS kan deze cijfers nog aanpassen als er meer gegevens binnenkomen. Tot nu toe waren de aanpassingen 1 tot 5%, meestal omhoog.';
    case 'nader-voorlopig':
      return 'Twee sterretjes (**) betekenen: nader voorlopig. De cijfers zijn al eens bijgewerkt, maar zijn nog niet definitief.';
    case 'definitief':
      return mixed ? 'Cijfers zonder sterretje zijn definitief.' : 'Deze cijfers zijn definitief.';
  }
}
