/**
 * Charts are rendered once per distinct input. The cache lives on globalThis because Astro loads this module
 * more than once in a build (see src/node/site-data.ts), and it holds promises, so concurrent requests for the
 * same chart share one rendering. Render time is counted per chart kind for the build report and the tests.
 */
import { createHash } from 'node:crypto';
import { stableKey } from '../lib/charts/stable-key';

export interface RenderStats {
  /** Charts actually rendered. */
  renders: number;
  /** Requests answered from the cache. */
  hits: number;
  /** Milliseconds spent rendering (for an asynchronous renderer: until it resolved). */
  ms: number;
  /** Characters of SVG produced by the renders. */
  svgChars: number;
}

interface MemoState {
  cache: Map<string, Promise<unknown>>;
  stats: Map<string, RenderStats>;
}

const STATE_KEY = Symbol.for('jeugdzorg.chartMemo');
type GlobalWithMemo = typeof globalThis & { [STATE_KEY]?: MemoState };

function state(): MemoState {
  const holder = globalThis as GlobalWithMemo;
  return (holder[STATE_KEY] ??= { cache: new Map(), stats: new Map() });
}

function statsOf(kind: string): RenderStats {
  const { stats } = state();
  let s = stats.get(kind);
  if (!s) stats.set(kind, (s = { renders: 0, hits: 0, ms: 0, svgChars: 0 }));
  return s;
}

/**
 * Returns the cached result for this kind and input, or renders it once. `renderMs` tells how long a result
 * took to render where that was measured elsewhere (in a chart worker); otherwise the time until it is here.
 */
export function memoizeRender<T extends { svg: string }>(
  kind: string,
  input: unknown,
  render: () => T | Promise<T>,
  renderMs?: (result: T) => number | undefined,
): Promise<T> {
  const key = `${kind}:${createHash('sha1').update(stableKey(input)).digest('base64url')}`;
  const { cache } = state();
  const cached = cache.get(key) as Promise<T> | undefined;
  const stats = statsOf(kind);
  if (cached) {
    stats.hits++;
    return cached;
  }
  // Time the rendering itself: a synchronous render is timed before anything else runs, so charts that a page
  // requests together (Promise.all) are not counted in each other's time.
  const start = performance.now();
  const record = (result: T): T => {
    stats.ms += renderMs?.(result) ?? performance.now() - start;
    stats.renders++;
    stats.svgChars += result.svg.length;
    return result;
  };
  let promise: Promise<T>;
  try {
    const rendered = render();
    promise = rendered instanceof Promise ? rendered.then(record) : Promise.resolve(record(rendered));
  } catch (error) {
    promise = Promise.reject(error);
  }
  cache.set(key, promise);
  promise.catch(() => cache.delete(key));
  return promise;
}

/** Counts a chart that was rendered without the cache (one that every page draws differently). */
export function recordRender(kind: string, ms: number, svgChars: number): void {
  const stats = statsOf(kind);
  stats.renders++;
  stats.ms += ms;
  stats.svgChars += svgChars;
}

/** Counts a request answered from a cache kept elsewhere (the chart frames). */
export function recordHit(kind: string): void {
  statsOf(kind).hits++;
}

export function renderStats(): Record<string, RenderStats> {
  return Object.fromEntries([...state().stats].map(([kind, s]) => [kind, { ...s }]));
}

/** Empties the cache and the counters (tests). */
export function resetRenderCache(): void {
  state().cache.clear();
  state().stats.clear();
}
