/**
 * The suggestions of the header's search box as one file the browser loads from a fixed address on the
 * first keystroke (/zoeken/suggesties.js and its stylesheet /zoeken/suggesties.css): src/client/search-suggest.ts
 * with Fuse.js, bundled by esbuild while the site is built (some 50 ms). A dynamic import that Vite bundles
 * would put Vite's preload helper (0.8 KB gzip) into the script of every page; this way every page carries
 * only src/client/search-box.ts.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../node/project-paths';

export interface SuggestBundle {
  js: string;
  css: string;
}

let bundle: Promise<SuggestBundle> | undefined;

export function suggestBundle(): Promise<SuggestBundle> {
  bundle ??= (async () => {
    const result = await build({
      entryPoints: [path.join(projectRoot(), 'src', 'client', 'search-suggest.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      write: false,
      outdir: 'zoeken',
      logLevel: 'silent',
    });
    const text = (extension: string) => {
      const file = result.outputFiles.find((f) => f.path.endsWith(extension));
      if (!file) throw new Error(`esbuild schreef geen ${extension} voor de suggesties`);
      return file.text;
    };
    return { js: text('.js'), css: text('.css') };
  })();
  return bundle;
}
