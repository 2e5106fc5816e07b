/**
 * A trivial Astro site with a given number of pages: the floor Astro itself sets for a build of that many
 * pages. Written to a scratch folder that uses the project's node_modules.
 */
import { mkdir, symlink, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';

export async function writeTrivialSite(dir: string, pages: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src', 'pages'), { recursive: true });
  await symlink(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'trivial', type: 'module', private: true }));
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', build: { format: 'directory' }, telemetry: false });\n`,
  );
  await writeFile(
    path.join(dir, 'src', 'pages', '[n].astro'),
    `---\nexport function getStaticPaths() {\n  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } }));\n}\nconst { n } = Astro.params;\n---\n<html lang="nl"><head><meta charset="utf-8" /><title>Pagina {n}</title></head><body><h1>Pagina {n}</h1><p>Een eenvoudige pagina.</p></body></html>\n`,
  );
}
