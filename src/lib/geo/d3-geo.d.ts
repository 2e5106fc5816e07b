/**
 * d3-geo ships without types and @types/d3-geo is not installed; it comes with @observablehq/plot. Only what
 * this project uses is declared here.
 */
declare module 'd3-geo' {
  /** Spherical area of a GeoJSON object in steradians; a wrongly wound polygon gives nearly 4π. */
  export function geoArea(object: { type: string }): number;
}
