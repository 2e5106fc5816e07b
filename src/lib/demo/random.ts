/**
 * Seeded randomness for the demonstration data. Nothing here reads Math.random: every stream is derived
 * from a text key (a gemeente code, a period, a purpose), so a value does not depend on the order in which
 * things are generated, and a subset (one gemeente, a few periods) gives the same numbers as a full run.
 */

/** A 32-bit hash of a text (FNV-1a followed by a murmur3 finaliser, so nearby keys spread well). */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a small, fast generator of 32-bit state with good statistical quality for this purpose. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  private spare: number | undefined;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A stream for a key under a global seed: `Random.for(seed, 'GM0363', '2022HJ01')`. */
  static for(seed: number, ...parts: Array<string | number>): Random {
    return new Random(hashKey(`${seed}|${parts.join('|')}`));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return value;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** A multiplicative factor around 1 with the given relative spread (lognormal, median 1). */
  factor(spread: number): number {
    return Math.exp(spread * this.normal());
  }

  /**
   * A whole count with mean `mean`: Poisson for small means (so tiny gemeenten get real zeros and ones),
   * its normal approximation above 50 (fast, and indistinguishable there).
   */
  count(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let product = this.next();
    while (product > limit) {
      k++;
      product *= this.next();
    }
    return k;
  }
}

/**
 * Splits a whole number over categories in proportion to weights, exactly (the parts add up to `total`):
 * each part gets the floor of its share, and the remainder goes one by one to random categories, drawn
 * with probability proportional to their fractional parts.
 */
export function splitCount(total: number, weights: readonly number[], random: Random): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let remainder = total - parts.reduce((a, b) => a + b, 0);
  const fractions = exact.map((x, i) => x - parts[i]!);
  while (remainder > 0) {
    const fractionSum = fractions.reduce((a, b) => a + b, 0);
    let pick = random.float() * fractionSum;
    let index = fractions.findIndex((f) => (pick -= f) < 0);
    if (index < 0) index = Math.max(0, fractions.findIndex((f) => f > 0));
    parts[index]! += 1;
    fractions[index] = 0;
    remainder--;
  }
  return parts;
}
