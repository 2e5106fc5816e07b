/**
 * Where the project's files are. Build code is bundled by Astro into dist/ chunks, so `import.meta.url`
 * does not point into src/; paths are resolved from the project root instead (the working directory of
 * every npm script), overridable for tests.
 */
import path from 'node:path';

export function projectRoot(): string {
  return process.env.PROJECT_ROOT ?? process.cwd();
}

/** The folder with the project's reference files (register of gemeenten, geometry). */
export function referenceDir(): string {
  return process.env.REFERENCE_DIR ?? path.join(projectRoot(), 'src', 'reference');
}

/** The data folder the site is built from: DATA_DIR, or the embedded demonstration data in data/. */
export function dataDir(): string {
  return path.resolve(projectRoot(), process.env.DATA_DIR ?? 'data');
}

/** The shared folder with real CBS files beside the checkout (../shared), used by tests and the real-data build. */
export function sharedDir(): string {
  return process.env.SHARED_DIR ?? path.resolve(projectRoot(), '..', 'shared');
}
