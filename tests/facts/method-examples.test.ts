/**
 * The worked examples on /over/methoden/ (src/lib/facts/method-examples.ts) on the default data: each number a
 * reader could redo by hand is the one the rest of the site uses, recomputed here from the published counts
 * with Wilson's formula written out, not with the code under test.
 */
import { describe, expect, it } from 'vitest';
import { methodExamples } from '../../src/lib/facts/method-examples';
import { Z95, Z998 } from '../../src/lib/stats/intervals';
import { useDefaultFacts } from './default-data';

const facts = useDefaultFacts();

/** Wilson's score interval, written out (Wilson 1927). */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [centre - half, centre + half];
}

describe('the worked examples of the method page', () => {
  it('take the margin from the fewest youths out of the most and the most out of the fewest, both rounded to fives', () => {
    const examples = methodExamples(facts.context)!;
    const { main, funnel } = examples;
    const count = main.region.rate.count!;
    const n = main.region.rate.denominator!;
    // The demonstration data rounds the youths (the denominator) to fives as well as the counts.
    expect(n % 5).toBe(0);
    expect([main.countRange.lower, main.countRange.upper]).toEqual([count - 2, count + 2]);
    expect([main.denominatorRange.lower, main.denominatorRange.upper]).toEqual([n - 2, n + 2]);
    const per = funnel.unit.per;
    expect(main.wilsonLow.lower * per).toBeCloseTo(wilson(count - 2, n + 2, Z95)[0] * per, 10);
    expect(main.wilsonHigh.upper * per).toBeCloseTo(wilson(count + 2, n - 2, Z95)[1] * per, 10);
    // …and that is the margin the fact page prints.
    expect(main.region.interval!.lower).toBeCloseTo(main.wilsonLow.lower * per, 10);
    expect(main.region.interval!.upper).toBeCloseTo(main.wilsonHigh.upper * per, 10);
  });

  it('quote the trend z the verdict rests on, and a verdict that follows it', () => {
    const { change } = methodExamples(facts.context)!;
    expect(change).toBeDefined();
    if (!change || change.z === undefined) return;
    const clear = Math.abs(change.z) > Z998;
    if (change.trend.direction === 'stijgend') expect(change.z).toBeGreaterThan(Z998);
    if (change.trend.direction === 'dalend') expect(change.z).toBeLessThan(-Z998);
    // Without a clear z there is no direction; with one, the printed first and last figures may still veto it.
    if (!clear) expect(change.trend.direction).toBe('geen-duidelijke-richting');
  });
});
