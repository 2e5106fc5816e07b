/**
 * The year figures beside a region's half-year key figures. CBS publishes some concepts per year as well as per
 * half year (Jeugdzorg in natura; wijken counts the youths of a whole year). A youth helped in both half years
 * counts once in the year, so the year figure is no sum of the two half years: it is a figure of its own, with
 * its own period, status and release rhythm, and the page shows it apart, labelled "heel jaar".
 *
 * The year comes from the key figure's own table where that has years beside its half years (CBS's tables
 * do), otherwise from a yearly table of the same concept. Only beside a half-year key figure: where the key
 * figure itself is a year figure (a site built from yearly tables only), the year is already what the page
 * shows. Pure.
 */
import type { MeasureConcept } from '../../schemas/dataset';
import { parsePeriodCode, primaryPeriodKind } from '../data/periods';
import { conceptMeasure, preferDataset } from './concepts';
import type { ObservationRow } from '../data/dataset';
import type { FactsContext, FactsDataset } from './context';
import { keyFigureOf, type KeyFigure, type KeyFigureOptions } from './key-figures';
import { rateUnitText } from './phrases';

/** The year periods of a dataset, in time order: all of a yearly table, or those beside the half years of a CBS table. */
function yearPeriodsOf(dataset: FactsDataset): string[] {
  return dataset.source.periods.filter((code) => parsePeriodCode(code)?.kind === 'jaar');
}

/**
 * For each half-year key figure, the latest year figure of its concept: from the key figure's own table when
 * that publishes years beside its half years (as CBS's tables do), otherwise from a yearly table.
 */
export function yearFiguresOf(context: FactsContext, region: string, keyFigures: readonly KeyFigure[], options: KeyFigureOptions = {}): KeyFigure[] {
  const out: KeyFigure[] = [];
  for (const figure of keyFigures) {
    const half = parsePeriodCode(figure.period);
    if (half?.kind !== 'halfjaar') continue;
    const holders = context.datasets.filter((d) => conceptMeasure(d.meta, figure.concept) && yearPeriodsOf(d).length > 0);
    const dataset = holders.find((d) => d.meta.id === figure.datasetId) ?? preferDataset(holders.filter((d) => primaryPeriodKind(d.meta) === 'jaar'));
    if (!dataset) continue;
    const found = options.published ? lastPublishedYear(dataset, region, half.year) : latestYear(dataset, region);
    if (!found) continue;
    const { period, row } = found;
    const { measure, rate } = conceptMeasure(dataset.meta, figure.concept)!;
    // Persons and trajecten are different units: a concept's year figure must count what its half-year figure counts.
    if (measure.countOf !== figure.measure.countOf) continue;
    out.push(keyFigureOf(figure.concept, dataset, measure, rate, period, row));
  }
  return out;
}

function latestYear(dataset: FactsDataset, region: string): { period: string; row: ObservationRow | undefined } | undefined {
  const period = yearPeriodsOf(dataset).at(-1)!;
  // The table's latest year, even when this region has no row in it: an old figure must not pass for a new one.
  const row = dataset.totalRow(region, period);
  if (!row && !dataset.has(region)) return undefined;
  return { period, row };
}

/**
 * A former gemeente's year as published, on its own indeling: the last year it has a figure for, up to the
 * year of its half-year key figures (the whole of its last year beside that year's 2nd half year).
 */
function lastPublishedYear(dataset: FactsDataset, region: string, upTo: number): { period: string; row: ObservationRow } | undefined {
  const published = dataset.published();
  for (const period of yearPeriodsOf(dataset).reverse()) {
    if (parsePeriodCode(period)!.year > upTo) continue;
    const row = published.row(region, period, dataset.totals);
    if (row) return { period, row };
  }
  return undefined;
}

/**
 * Under the year figures of persons or trajecten: how a year relates to its half years. A person in both half
 * years counts once in the year; so does a traject running in both. Started and ended trajecten do add up.
 */
export function yearNote(unit: string, concepts: readonly MeasureConcept[]): string {
  if (unit !== 'trajecten') {
    return 'Een jongere die in beide halfjaren meetelt, telt in het jaar één keer mee. Een jaarcijfer is daarom geen optelsom van de twee halfjaren, maar een eigen cijfer.';
  }
  const added = concepts.filter((c) => c === 'trajecten-gestart' || c === 'trajecten-beeindigd');
  const running = concepts.includes('trajecten-lopend')
    ? 'Een traject dat in beide halfjaren liep, telt bij de lopende trajecten van het jaar één keer mee: dat jaarcijfer is geen optelsom van de twee halfjaren.'
    : '';
  const sums =
    added.length === 0 ? '' : `${added.length === 2 ? 'Gestarte en beëindigde trajecten' : added[0] === 'trajecten-gestart' ? 'Gestarte trajecten' : 'Beëindigde trajecten'} van een jaar zijn die van de twee halfjaren samen, op de afronding op vijftallen na.`;
  return [running, sums].filter(Boolean).join(' ');
}

/**
 * The year figures of one group in a line, for the printed factsheet (the year cards stay on screen): "Heel
 * jaar 2025: met jeugdhulp 23.850 (15,4%) · met verblijf 1.450 (0,9%) · …".
 */
export function yearFiguresLine(years: readonly KeyFigure[]): string {
  if (years.length === 0) return '';
  const periods = [...new Set(years.map((f) => f.periodLabel))].join(' en ');
  // What the rates are of, said once after the period where most share it, and beside each rate that differs
  // (jeugdreclassering is of youths of 12 to 23): on paper the cards that name it are not printed.
  const unitOf = (f: KeyFigure) => (f.rate?.value?.value != null ? rateUnitText(f.rate.measure) : undefined);
  const units = years.map(unitOf).filter((u): u is string => u !== undefined);
  const common = units.sort((a, b) => units.filter((u) => u === b).length - units.filter((u) => u === a).length)[0];
  const parts = years.map((f) => {
    const label = f.measure.shortLabel ?? f.measure.label;
    const unit = unitOf(f);
    const shown = unit === undefined ? '' : unit === common ? `${f.rate!.shown}${unit.startsWith('%') ? '%' : ''}` : `${f.rate!.shown}${unit.startsWith('%') ? '' : ' '}${unit}`;
    return `${label.charAt(0).toLowerCase()}${label.slice(1)} ${f.countText}${shown ? ` (${shown})` : ''}`;
  });
  return `Heel jaar ${periods}${common ? ` (${common})` : ''}: ${parts.join(' · ')}.`;
}

/** "; per jaar: heel 2025*", after the periods of the key figures; empty without year figures. */
export function yearPeriodsText(yearFigures: readonly KeyFigure[]): string {
  const labels = [...new Set(yearFigures.map((f) => f.periodLabel))];
  return labels.length === 0 ? '' : `; per jaar: heel ${labels.join(' en heel ')}`;
}
