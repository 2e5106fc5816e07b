/**
 * The project's simplified boundaries (src/reference/geo, derived from the CBS/Kadaster files in ../shared):
 * which indeling years have a geometry, and the features of one year. Read once per process. Build-time only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../node/project-paths';

export interface GeoFeature {
  type: 'Feature';
  properties: { code: string; naam: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** Credit line for every map. */
export const GEO_CREDIT = 'Kaartgrenzen: CBS/Kadaster, vereenvoudigd';

const collections = new Map<string, GeoCollection>();

function geoDir(): string {
  return path.join(referenceDir(), 'geo');
}

/** Years for which gemeente boundaries exist, ascending. */
export function gemeenteGeoYears(): number[] {
  return readdirSync(geoDir())
    .map((name) => /^gemeenten-(\d{4})\.geojson$/.exec(name)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The geometry year to draw an indeling with: the latest geometry at or before it (boundaries only change
 * with a herindeling, so gemeenten-2025 serves 2025 and 2026), or the earliest there is.
 */
export function geoYearFor(indeling: number, years: readonly number[] = gemeenteGeoYears()): number {
  if (years.length === 0) throw new Error(`geen gemeentegrenzen gevonden in ${geoDir()}`);
  return [...years].reverse().find((y) => y <= indeling) ?? years[0]!;
}

function readCollection(file: string): GeoCollection {
  let c = collections.get(file);
  if (!c) {
    c = JSON.parse(readFileSync(path.join(geoDir(), file), 'utf8')) as GeoCollection;
    collections.set(file, c);
  }
  return c;
}

export function gemeenteGeometry(year: number): GeoCollection {
  return readCollection(`gemeenten-${year}.geojson`);
}

/** Provincie boundaries drawn over the gemeenten for orientation. */
export function provincieGeometry(): GeoCollection | undefined {
  const file = readdirSync(geoDir()).filter((n) => /^provincies-\d{4}\.geojson$/.test(n)).sort().at(-1);
  return file ? readCollection(file) : undefined;
}
