/**
 * The year figures beside a region's half-year key figures. CBS publishes some concepts per year as well as per
 * half year (Jeugdzorg in natura; wijken counts the youths of a whole year). A youth helped in both half years
 * counts once in the year, so the year figure is no sum of the two half years: it is a figure of its own, with
 * its own period, status and release rhythm, and the page shows it apart, labelled "heel jaar".
 *
 * Only beside a half-year key figure: where the key figure itself is a year figure (a site built from yearly
 * tables only), the year is already what the page shows. Pure.
 */
import { parsePeriodCode } from '../data/periods';
import { conceptMeasure, preferDataset, primaryPeriodKind } from './concepts';
import type { FactsContext } from './context';
import { keyFigureOf, type KeyFigure } from './key-figures';

/** For each half-year key figure whose concept another dataset publishes per year: that dataset's latest year figure. */
export function yearFiguresOf(context: FactsContext, region: string, keyFigures: readonly KeyFigure[]): KeyFigure[] {
  const out: KeyFigure[] = [];
  for (const figure of keyFigures) {
    if (parsePeriodCode(figure.period)?.kind !== 'halfjaar') continue;
    const yearly = context.datasets.filter((d) => primaryPeriodKind(d.meta) === 'jaar' && conceptMeasure(d.meta, figure.concept));
    const dataset = preferDataset(yearly);
    if (!dataset) continue;
    // The dataset's latest year, even when this region has no row in it: an old figure must not pass for a new one.
    const row = dataset.totalRow(region, dataset.latestPeriod);
    if (!row && !dataset.has(region)) continue;
    const { measure, rate } = conceptMeasure(dataset.meta, figure.concept)!;
    // Persons and trajecten are different units: a concept's year figure must count what its half-year figure counts.
    if (measure.countOf !== figure.measure.countOf) continue;
    out.push(keyFigureOf(figure.concept, dataset, measure, rate, dataset.latestPeriod, row));
  }
  return out;
}

/** Under the year figures of persons or trajecten: why they are not the half years added up. */
export function yearNote(unit: string): string {
  const once = unit === 'trajecten' ? 'Een traject dat in beide halfjaren liep' : 'Een jongere die in beide halfjaren hulp kreeg';
  return `${once}, telt in het jaar één keer mee. Een jaarcijfer is daarom kleiner dan de twee halfjaren samen: het is een eigen cijfer, geen optelsom.`;
}

/** "; per jaar: heel 2025*", after the periods of the key figures; empty without year figures. */
export function yearPeriodsText(yearFigures: readonly KeyFigure[]): string {
  const labels = [...new Set(yearFigures.map((f) => f.periodLabel))];
  return labels.length === 0 ? '' : `; per jaar: heel ${labels.join(' en heel ')}`;
}
