/**
 * The header search box's scripts, bundled by esbuild while the site is built (some 100 ms), for fixed
 * addresses (src/lib/search/search-files.ts):
 * - /zoeken/zoekvak.js, on every page (src/client/search-box.ts, 0.3 KB): Astro would inline a script this
 *   small, which the Content-Security-Policy of the host refuses;
 * - /zoeken/suggesties.js and .css, loaded on the first keystroke (src/client/search-suggest.ts with Fuse.js):
 *   a dynamic import bundled by Vite would put Vite's preload helper (0.8 KB gzip) into every page.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../node/project-paths';

export interface SuggestBundle {
  /** /zoeken/zoekvak.js */
  searchBox: string;
  /** /zoeken/suggesties.js */
  js: string;
  /** /zoeken/suggesties.css */
  css: string;
}

let bundle: Promise<SuggestBundle> | undefined;

export function suggestBundle(): Promise<SuggestBundle> {
  bundle ??= (async () => {
    const result = await build({
      entryPoints: {
        zoekvak: path.join(projectRoot(), 'src', 'client', 'search-box-start.ts'),
        suggesties: path.join(projectRoot(), 'src', 'client', 'search-suggest.ts'),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      outdir: 'zoeken',
      logLevel: 'silent',
    });
    const text = (name: string) => {
      const file = result.outputFiles.find((f) => path.basename(f.path) === name);
      if (!file) throw new Error(`esbuild schreef geen ${name} voor het zoekvak`);
      return file.text;
    };
    return { searchBox: text('zoekvak.js'), js: text('suggesties.js'), css: text('suggesties.css') };
  })();
  return bundle;
}
