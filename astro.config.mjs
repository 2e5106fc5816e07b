// @ts-check
import { defineConfig } from 'astro/config';
import validateData from './src/integrations/validate-data.ts';
import pagefind from './src/integrations/pagefind.ts';
import chartReport from './src/render/chart-report.ts';

// Registers the project's integrations; no logic here.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://jeugdzorgcijfers.example.nl',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [validateData(), pagefind(), chartReport()],
  devToolbar: { enabled: false },
  // Separate caches let several builds (e.g. the benchmark's) run side by side.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
