/** The regions inside a region (gemeenten of a provincie or jeugdregio, provincies of Nederland) with their key figure. */
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import { formatObservation } from '../format/number';
import { regionHref } from '../pages/gemeente-links';
import { COUNT_NOUN, KEY_CONCEPTS } from './concepts';
import type { FactsContext } from './context';
import { isSmall } from './key-figures';
import { rateColumn } from './phrases';

export interface MemberRow {
  code: string;
  naam: string;
  href: string | undefined;
  countShown: string;
  rateShown: string | undefined;
  small: boolean;
}

export interface MemberTable {
  /** "Jongeren met jeugdhulp". */
  label: string;
  countUnit: string;
  /** The header of the rate column: "%" over "van jongeren tot 18 jaar". */
  rateColumn: { label: string; unit: string } | undefined;
  periodLabel: string;
  rows: MemberRow[];
}

/** The member regions with the count (and rate) of the first key concept in the data, in the latest period. */
export function memberTable(context: FactsContext, members: readonly string[]): MemberTable | undefined {
  const concept = KEY_CONCEPTS.find((c) => context.concept(c));
  const source = concept && context.concept(concept);
  if (!source || members.length === 0) return undefined;
  const { dataset, measure, rate } = source;
  const rows = members.map((code): MemberRow => {
    const row = dataset.totalRow(code, dataset.latestPeriod);
    const count = dataset.index.cellOf(row, measure.id);
    return {
      code,
      naam: context.register.label(code),
      href: regionHref(context.register, code),
      countShown: formatObservation(count, measure),
      rateShown: rate ? formatObservation(dataset.index.cellOf(row, rate.id), rate) : undefined,
      small: isSmall(count),
    };
  });
  rows.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return {
    label: measure.label,
    countUnit: COUNT_NOUN[measure.countOf],
    rateColumn: rate ? rateColumn(rate) : undefined,
    periodLabel: periodLabelWithStatus(parsePeriodCode(dataset.latestPeriod)!, dataset.statusOf(dataset.latestPeriod)),
    rows,
  };
}
