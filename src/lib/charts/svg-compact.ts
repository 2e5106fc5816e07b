/**
 * Smaller SVG text without visible change: coordinates to a tenth of a pixel, and map outlines as relative
 * moves. A gemeente page carries several charts and must stay small (under 60 KB compressed).
 */

const GEOMETRY_ATTRIBUTES = /\s(d|cx|cy|x|y|x1|x2|y1|y2|r|transform|points|width|height)="([^"]*)"/g;

/** A coordinate to a tenth of a pixel, as this module writes it (also for marks written as SVG directly). */
export function roundTenth(n: number): number {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

function round1(n: number): string {
  return String(roundTenth(n));
}

/** Rounds the numbers in geometry attributes to one decimal; text content is left alone. */
export function compactSvgNumbers(svg: string): string {
  return svg.replace(GEOMETRY_ATTRIBUTES, (_, name: string, value: string) => ` ${name}="${value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => round1(Number(n)))}"`);
}

/**
 * Rewrites an absolute polygon path of M, L and Z commands (as d3-geo writes it) with relative lines between
 * positions rounded to a tenth of a pixel: "M457,68.7l-10,6 2.7,3.1z". Other paths are returned unchanged.
 */
export function relativePolygonPath(d: string): string {
  if (!/^[MLZ0-9.,\-\s]+$/i.test(d) || /[a-ln-y]/.test(d)) return d;
  const out: string[] = [];
  let x = 0;
  let y = 0;
  let inLine = false;
  for (const m of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    const command = m[1]!;
    if (command === 'Z') {
      out.push('z');
      inLine = false;
      continue;
    }
    const numbers = m[2]!.split(/[\s,]+/).filter(Boolean).map((n) => Math.round(Number(n) * 10));
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const nx = numbers[i]!;
      const ny = numbers[i + 1]!;
      if (command === 'M') {
        out.push(`M${nx / 10},${ny / 10}`);
        inLine = false;
      } else {
        const dx = (nx - x) / 10;
        const dy = (ny - y) / 10;
        out.push(`${inLine ? (dx < 0 ? '' : ' ') : 'l'}${dx},${dy}`);
        inLine = true;
      }
      x = nx;
      y = ny;
    }
  }
  return out.join('');
}

/** Bounding box of a path written by {@link relativePolygonPath} (or an absolute M/L/Z path). */
export function pathBounds(d: string): { x0: number; y0: number; x1: number; y1: number } {
  let x = 0;
  let y = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const m of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    const numbers = (m[2]!.match(/-?\d*\.?\d+/g) ?? []).map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      if (m[1] === 'l') {
        x += numbers[i]!;
        y += numbers[i + 1]!;
      } else {
        x = numbers[i]!;
        y = numbers[i + 1]!;
      }
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return { x0, y0, x1, y1 };
}
