/**
 * Charts are rendered once per distinct input. The cache lives on globalThis because Astro loads this module
 * more than once in a build (see src/node/site-data.ts), and it holds promises, so concurrent requests for the
 * same chart share one rendering. Render time is counted per chart kind for the build report and the tests.
 *
 * The cache keeps the charts used most recently, up to {@link CACHE_BUDGET_CHARS} of SVG: kept whole, it held
 * every map and bar chart of a build until its end (some 60 MB of strings with the default data, all of it
 * beside the pages still to come). A chart is asked for again mostly by the pages rendered around it.
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

/** Characters of SVG the cache keeps at most (a string of them takes one or two bytes each). */
export const CACHE_BUDGET_CHARS = 8_000_000;

interface MemoState {
  /** In order of use, oldest first; the size is known once a chart is rendered. */
  cache: Map<string, { promise: Promise<unknown>; chars: number }>;
  chars: number;
  stats: Map<string, RenderStats>;
}

const STATE_KEY = Symbol.for('jeugdzorg.chartMemo');
type GlobalWithMemo = typeof globalThis & { [STATE_KEY]?: MemoState };

function state(): MemoState {
  const holder = globalThis as GlobalWithMemo;
  return (holder[STATE_KEY] ??= { cache: new Map(), chars: 0, stats: new Map() });
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
  const memo = state();
  const { cache } = memo;
  const cached = cache.get(key);
  const stats = statsOf(kind);
  if (cached) {
    stats.hits++;
    // Used again: last to go.
    cache.delete(key);
    cache.set(key, cached);
    return cached.promise as Promise<T>;
  }
  // Time the rendering itself: a synchronous render is timed before anything else runs, so charts that a page
  // requests together (Promise.all) are not counted in each other's time.
  const start = performance.now();
  const entry = { promise: undefined as unknown as Promise<T>, chars: 0 };
  const record = (result: T): T => {
    stats.ms += renderMs?.(result) ?? performance.now() - start;
    stats.renders++;
    stats.svgChars += result.svg.length;
    if (cache.get(key) === entry) {
      entry.chars = result.svg.length;
      memo.chars += entry.chars;
      evictOldest(memo);
    }
    return result;
  };
  // In the cache before it renders: a synchronous render records its size at once.
  cache.set(key, entry);
  try {
    const rendered = render();
    entry.promise = rendered instanceof Promise ? rendered.then(record) : Promise.resolve(record(rendered));
  } catch (error) {
    entry.promise = Promise.reject(error);
  }
  entry.promise.catch(() => {
    if (cache.get(key) === entry) forget(memo, key);
  });
  return entry.promise;
}

function forget(memo: MemoState, key: string): void {
  const entry = memo.cache.get(key);
  if (!entry) return;
  memo.chars -= entry.chars;
  memo.cache.delete(key);
}

/** Lets go of the charts used longest ago while the cache holds more than its budget (the newest stays). */
function evictOldest(memo: MemoState): void {
  for (const key of memo.cache.keys()) {
    if (memo.chars <= CACHE_BUDGET_CHARS || memo.cache.size <= 1) return;
    forget(memo, key);
  }
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
  state().chars = 0;
  state().stats.clear();
}
