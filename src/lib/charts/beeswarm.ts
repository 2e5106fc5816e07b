/**
 * Beeswarm layout: dots keep their x and move up or down from a centre line just enough not to overlap.
 * Dots are placed in the given order, each at the free position nearest the centre line, so the first dots
 * (the gemeente a chart is about, then its comparison group) sit in the middle.
 */
export interface SwarmDot {
  /** Horizontal position in pixels. */
  x: number;
  r: number;
}

/** Vertical offsets (pixels, from the centre line) for dots in the given order. */
export function beeswarm(dots: readonly SwarmDot[], padding = 0.6): number[] {
  // Placed dots are kept in buckets as wide as the largest possible distance between two touching dots, so
  // a new dot only looks at its own bucket and the two beside it.
  const maxR = Math.max(0, ...dots.map((d) => d.r));
  const width = 2 * maxR + padding || 1;
  const buckets = new Map<number, Array<{ x: number; y: number; r: number }>>();
  const offsets: number[] = [];
  for (const dot of dots) {
    const b = Math.floor(dot.x / width);
    const near = [b - 1, b, b + 1].flatMap((k) => buckets.get(k) ?? []).filter((p) => Math.abs(p.x - dot.x) < p.r + dot.r + padding);
    const candidates = [0];
    for (const p of near) {
      const reach = p.r + dot.r + padding;
      const dy = Math.sqrt(Math.max(0, reach * reach - (p.x - dot.x) ** 2));
      candidates.push(p.y + dy, p.y - dy);
    }
    candidates.sort((a, c) => Math.abs(a) - Math.abs(c) || a - c);
    const y = candidates.find((c) => near.every((p) => (p.x - dot.x) ** 2 + (p.y - c) ** 2 >= (p.r + dot.r + padding) ** 2 - 1e-6)) ?? 0;
    const list = buckets.get(b) ?? [];
    list.push({ x: dot.x, y, r: dot.r });
    buckets.set(b, list);
    offsets.push(y);
  }
  return offsets;
}
