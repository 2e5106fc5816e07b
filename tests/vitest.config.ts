import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Unit and integration tests. Browser tests live in tests/e2e and run with `npm run test:e2e` (their own
 * config), because they need a built site and Chromium.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Two cores: keep workers to two so a build test and unit tests do not fight over memory.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
