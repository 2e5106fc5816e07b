/** The chart cache shares a rendering between requests for the same chart, and keeps only so much SVG. */
import { beforeEach, describe, expect, it } from 'vitest';
import { CACHE_BUDGET_CHARS, memoizeRender, renderStats, resetRenderCache } from '../../src/render/memo';

beforeEach(() => resetRenderCache());

/** A chart of a third of the budget, drawn synchronously or not. */
const chart = (n: number) => ({ svg: `<svg data-n="${n}">${'x'.repeat(Math.floor(CACHE_BUDGET_CHARS / 3) - 100)}</svg>` });
const request = (n: number, later = false) => memoizeRender('test', { n }, () => (later ? Promise.resolve(chart(n)) : chart(n)));

describe('the chart cache', () => {
  it('renders a chart once for requests that come together, and answers a repeat from the cache', async () => {
    const [a, b] = await Promise.all([request(1, true), request(1, true)]);
    expect(a).toBe(b);
    await request(1);
    expect(renderStats().test).toMatchObject({ renders: 1, hits: 2 });
  });

  it('lets go of the charts used longest ago once it holds more than its budget of SVG, synchronous or not', async () => {
    for (const n of [1, 2, 3]) await request(n, n === 2);
    // Three thirds fit; a fourth pushes out the oldest (1), and 2 stays.
    await request(4);
    await request(2);
    expect(renderStats().test).toMatchObject({ renders: 4, hits: 1 });
    await request(1);
    expect(renderStats().test).toMatchObject({ renders: 5, hits: 1 });
  });

  it('keeps a chart that was asked for again longer than one that was not', async () => {
    for (const n of [1, 2, 3]) await request(n);
    // 1 is used again, so 2 is now the oldest and goes when 4 comes.
    await request(1);
    await request(4);
    await request(1);
    expect(renderStats().test).toMatchObject({ renders: 4, hits: 2 });
    await request(2);
    expect(renderStats().test!.renders).toBe(5);
  });

  it('forgets a failed rendering, so the next request tries again', async () => {
    await expect(memoizeRender('test', { n: 9 }, () => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
    await request(9);
    expect(renderStats().test).toMatchObject({ renders: 1, hits: 0 });
  });
});
