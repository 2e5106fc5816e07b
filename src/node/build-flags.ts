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
 */
export const BUILD_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=64'];
