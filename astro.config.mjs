// @ts-check
import { defineConfig } from 'astro/config';
import validateData from './src/integrations/validate-data.ts';
import pagefind from './src/integrations/pagefind.ts';
import downloads from './src/integrations/downloads.ts';
import chartReport from './src/render/chart-report.ts';
import chartWorkers from './src/render/chart-pool.ts';
import { astroCspConfig } from './src/lib/security/csp.ts';
import { astroSite } from './src/lib/embed/site-address.ts';
import chartFiles from './src/render/chart-files.ts';
import collectGarbage from './src/integrations/collect-garbage.ts';

// Registers the project's integrations; no logic here.
export default defineConfig({
  // The public address (SITE_URL) for embed codes, citations and chart source lines; without it readers see paths (README).
  site: astroSite(process.env),
  trailingSlash: 'always',
  // Several pages at a time: while one waits for a chart from a chart worker, the next is laid out.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  // downloads after pagefind: the build waits for the downloads worker while Pagefind indexes.
  // collectGarbage before pagefind: the main thread gives back the pages' memory before it waits (its comment).
  integrations: [validateData(), collectGarbage(), chartWorkers(), chartFiles(), pagefind(), downloads(), chartReport()],
  devToolbar: { enabled: false },
  // Content-Security-Policy in every page, with the hashes of the inlined styles (src/lib/security/csp.ts).
  experimental: { csp: astroCspConfig() },
  // Builds and test sites go to .tmp/ (tens of thousands of files): the dev server must not watch them.
  vite: { server: { watch: { ignored: ['**/.tmp/**'] } } },
  // Separate caches let several builds (e.g. the benchmark's) run side by side.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
