/**
 * Classes for choropleth maps: quantiles of the gemeenten that have a figure, so each colour holds about as
 * many gemeenten and a few extreme gemeenten do not push all others into one class. Class bounds are rounded
 * to the measure's decimals, so a legend label says exactly which values belong to it.
 */
import { quantileSorted } from 'd3-array';
import { roundTo } from '../data/dataset';
import { formatNumber } from '../format/number';

export interface MapClass {
  /** Lowest and highest value in the class (inclusive), at the measure's decimals. */
  min: number;
  max: number;
  count: number;
  label: string;
}

export interface MapClasses {
  /** A value belongs to class i when it is at least thresholds[i - 1] and below thresholds[i]. */
  thresholds: number[];
  classes: MapClass[];
}

export function quantileClasses(values: readonly number[], decimals: number, wanted = 5): MapClasses {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { thresholds: [], classes: [] };
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const candidates: number[] = [];
  for (let i = 1; i < wanted; i++) {
    const t = roundTo(quantileSorted(sorted, i / wanted)!, decimals);
    if (t > min && t <= max && (candidates.length === 0 || t > candidates.at(-1)!)) candidates.push(t);
  }
  // A threshold between two data values can leave a class empty; an empty class only confuses the legend.
  const thresholds = candidates.filter((t, i) => {
    const lower = i === 0 ? min : candidates[i - 1]!;
    return sorted.some((v) => v >= lower && v < t);
  });
  const step = 10 ** -decimals;
  const classes = [...thresholds, Infinity].map((upper, i): MapClass => {
    const lower = i === 0 ? -Infinity : thresholds[i - 1]!;
    const members = sorted.filter((v) => v >= lower && v < upper);
    const lo = i === 0 ? min : lower;
    const hi = upper === Infinity ? max : roundTo(upper - step, decimals);
    return { min: lo, max: hi, count: members.length, label: classLabel(lo, hi, decimals) };
  });
  return { thresholds, classes };
}

export function classIndex(value: number, thresholds: readonly number[]): number {
  let i = 0;
  while (i < thresholds.length && value >= thresholds[i]!) i++;
  return i;
}

function classLabel(lo: number, hi: number, decimals: number): string {
  if (lo === hi) return formatNumber(lo, decimals);
  return `${formatNumber(lo, decimals)} tot en met ${formatNumber(hi, decimals)}`;
}

/** Why the map uses these classes, for the legend text. */
export function quantileClassNote(classCount: number): string {
  if (classCount <= 1) return 'Alle gemeenten met een cijfer vallen in één klasse.';
  const share = classCount === 5 ? 'een vijfde' : classCount === 4 ? 'een kwart' : classCount === 3 ? 'een derde' : 'de helft';
  return (
    `De ${classCount} klassen zijn kwantielen: elke klasse bevat ongeveer ${share} van de gemeenten met een cijfer. ` +
    'Zo blijven verschillen tussen gemeenten zichtbaar, ook als enkele gemeenten een heel hoog of laag cijfer hebben. ' +
    'Donkerder betekent een hoger cijfer.'
  );
}
