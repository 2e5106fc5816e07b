/**
 * The worked example of the method page: one gemeente and its nearest neighbour, characteristic by
 * characteristic, from the value to the z-score to the squared difference, and the distance they add up to.
 * Computed from this build's data with the same means, sds and transformations that chose the neighbours.
 * The gemeente is chosen by rule, not by hand: of the gemeenten with neighbours, the one with the median number
 * of inhabitants (the lower of the two middle ones; ties by code), a gemeente like most. Pure.
 */
import type { FactsContext } from '../facts/context';
import { characteristicCell, siteNeighbours, type SiteNeighbours } from './site';
import { transformed, type Transform } from './neighbours';

export interface ExampleSide {
  value: number;
  /** The value as it enters the model: ln(value) for a characteristic on a log scale. */
  transformed: number;
  z: number;
}

export interface ExampleRow {
  id: string;
  label: string;
  unit: string;
  decimals: number;
  transform: Transform;
  weight: number;
  /** Mean and sd over the gemeenten, on the transformed scale. */
  mean: number;
  sd: number;
  gemeente: ExampleSide;
  neighbour: ExampleSide;
  /** weight · (z_gemeente − z_neighbour)². */
  contribution: number;
}

export interface NeighbourExample {
  year: number;
  gemeenten: number;
  gemeente: { code: string; name: string };
  neighbour: { code: string; name: string; distance: number };
  /** The second nearest, to show what "nearest" means. */
  second: { code: string; name: string; distance: number } | undefined;
  rows: ExampleRow[];
  sum: number;
}

export function neighbourExample(context: FactsContext, site: SiteNeighbours = siteNeighbours(context)): NeighbourExample | undefined {
  const { dataset, period, year, model } = site;
  if (!dataset || !period || year === undefined || !model) return undefined;
  const inwoners = (c: string) => characteristicCell(dataset, c, period, 'inwoners')?.value ?? undefined;
  const placed = context
    .currentGemeenten()
    .filter((c) => site.of(c).kind === 'buren' && inwoners(c) !== undefined)
    .sort((a, b) => inwoners(a)! - inwoners(b)! || (a < b ? -1 : 1));
  const code = placed[Math.floor((placed.length - 1) / 2)];
  const outcome = code ? site.of(code) : undefined;
  if (!code || outcome?.kind !== 'buren' || outcome.neighbours.length === 0) return undefined;
  const [nearest, second] = outcome.neighbours;
  const side = (region: string, id: string, transform: Transform, mean: number, sd: number): ExampleSide => {
    const value = characteristicCell(dataset, region, period, id)!.value!;
    const t = transformed(value, transform)!;
    return { value, transformed: t, z: (t - mean) / sd };
  };
  const rows = model.method.characteristics.map((c): ExampleRow => {
    const measure = site.measures.get(c.id)!;
    const a = side(code, c.id, c.transform, c.mean, c.sd);
    const b = side(nearest!.code, c.id, c.transform, c.mean, c.sd);
    return {
      id: c.id,
      label: measure.label,
      unit: measure.unit,
      decimals: measure.decimals,
      transform: c.transform,
      weight: c.weight,
      mean: c.mean,
      sd: c.sd,
      gemeente: a,
      neighbour: b,
      contribution: c.weight * (a.z - b.z) ** 2,
    };
  });
  const label = (c: string) => context.register.label(c);
  return {
    year,
    gemeenten: model.method.placed,
    gemeente: { code, name: label(code) },
    neighbour: { code: nearest!.code, name: label(nearest!.code), distance: nearest!.distance },
    second: second && { code: second.code, name: label(second.code), distance: second.distance },
    rows,
    sum: rows.reduce((s, r) => s + r.contribution, 0),
  };
}
