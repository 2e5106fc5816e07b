/**
 * The Node options every site build runs with: `npm run build` starts `astro build` with them, and the
 * benchmark (npm run bench) starts its builds of the site the same way (its floor, a trivial Astro site, runs
 * with Node's defaults: with these options it builds about 0,35 s slower).
 *
 * A build allocates a great deal of short-lived memory (page strings, SVG, rows of figures) while it holds the
 * data of every table. With V8's default young generation (16 MB semi-spaces) much of that survived one
 * scavenge into the old generation, and the main thread spent a fifth of a build collecting garbage; with
 * 64 MB it spends about a third less (CPU profiles of the default build: 22% → 15% of its samples), and the
 * default build takes 2–4 s less (46,2 and 47,5 s against 48,3 and 50,5 s, alternately), for some 400 MB more
 * at its peak.
 *
 * The heap of a build is mostly the data of every table, which lives to the end, and garbage. V8 lets the heap
 * grow to several times what survived its last full collection before the next one; at the end of the
 * pages of a 10× build (npm run bench) the main thread's heap was 2,3 GB, of which 1,15 GB was alive.
 * --heap-growing-percent=150 keeps that to 2,5 times: the 10× build peaked at 3.497–3.638 MB against
 * 3.855–3.956 MB (a limit of 4 GB), the default build at 2.666–2.754 MB against 3.111–3.195 MB, for
 * about 5 s more CPU time in either (within the noise of their build times). 50 saved more (3.193 MB) at
 * a fifth more build time.
 *
 * --expose-gc lets the build collect once when the pages are written (src/integrations/collect-garbage.ts).
 */
export const BUILD_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=64', '--heap-growing-percent=150', '--expose-gc'];
