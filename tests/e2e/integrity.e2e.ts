/**
 * The built site as a whole: every internal link and asset resolves, every page has a title, a lang and a
 * heading structure without skips, and the HTML is valid.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../support/built-pages';

const dist = inject('distDir');


const files = htmlFiles(dist);
const pages = files.map((file) => ({ file, route: '/' + path.relative(dist, file).replace(/index\.html$/, ''), html: readFileSync(file, 'utf8') }));
const isRedirect = (html: string) => /http-equiv="refresh"/.test(html);

function resolves(target: string): boolean {
  const clean = decodeURIComponent(target.split('#')[0]!.split('?')[0]!);
  const file = path.join(dist, clean);
  if (existsSync(file) && statSync(file).isFile()) return true;
  return existsSync(path.join(file, 'index.html'));
}

describe(`the built site (${files.length} pages)`, () => {
  it('has pages of every kind', () => {
    for (const route of ['/', '/tabellen/', '/gemeenten/', '/gemeente/amsterdam/', '/gemeente/weesp/', '/over/', '/over/toegankelijkheid/', '/verschillen/', '/verschillen/jeugdhulp/2026hj01/']) {
      expect(pages.some((p) => p.route === route), route).toBe(true);
    }
  });

  it('has no internal link or asset that does not resolve', () => {
    const broken: string[] = [];
    const attr = /\s(?:href|src)="([^"]+)"/g;
    for (const page of pages) {
      for (const match of page.html.matchAll(attr)) {
        const target = match[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|data:|#|javascript:)/.test(target)) continue;
        const absolute = target.startsWith('/') ? target : new URL(target, `http://x${page.route}`).pathname;
        if (!resolves(absolute)) broken.push(`${page.route} → ${target}`);
      }
    }
    expect(broken.slice(0, 20), `${broken.length} kapotte links`).toEqual([]);
  });

  it('draws the funnels of fact pages over a built file of their shared part, in the same size, and has no file no page uses', () => {
    const dir = path.join(dist, 'grafieken', 'trechter');
    const built = new Set(existsSync(dir) ? readdirSync(dir).map((f) => `/grafieken/trechter/${f}`) : []);
    const used = new Set<string>();
    const problems: string[] = [];
    let gemeenten = 0;
    for (const page of pages) {
      if (!/^\/(gemeente|provincie|jeugdregio)\//.test(page.route) || isRedirect(page.html)) continue;
      // A frame is an <img> under its drawing (Chart.astro): <div class="chart__layers"><img …><svg …>.
      for (const layers of page.html.matchAll(/<div class="chart__layers"[^>]*>(<img\b[^>]*>)(<svg\b[^>]*>[\s\S]*?<\/svg>)<\/div>/g)) {
        const [, img, svg] = layers as unknown as [string, string, string];
        const image = /src="([^"]+)" width="(\d+)" height="(\d+)" alt="" loading="lazy"/.exec(img);
        if (!image) {
          problems.push(`${page.route}: kader zonder bron, maat, lege alt-tekst of lazy laden: ${img}`);
          continue;
        }
        const [, href, width, height] = image;
        used.add(href!);
        if (!svg.includes('role="img"') || !/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/.test(svg)) problems.push(`${page.route}: ${href} zonder titel en beschrijving`);
        if (!svg.includes(`viewBox="0 0 ${width} ${height}"`)) problems.push(`${page.route}: ${href} niet zo groot als de grafiek`);
        if (!built.has(href!)) {
          problems.push(`${page.route}: ${href} bestaat niet`);
          continue;
        }
        const file = readFileSync(path.join(dist, href!), 'utf8');
        if (!file.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') || !file.includes(`viewBox="0 0 ${width} ${height}" height="${height}" width="${width}"`)) problems.push(`${href}: geen losse SVG van ${width}×${height}`);
      }
      if (page.route.startsWith('/gemeente/') && page.html.includes('src="/grafieken/trechter/')) gemeenten++;
    }
    expect(problems.slice(0, 20), `${problems.length} problemen`).toEqual([]);
    expect(gemeenten, 'gemeentepagina\'s met een trechter uit een bestand').toBeGreaterThan(300);
    expect([...built].filter((f) => !used.has(f)), 'bestanden die geen pagina gebruikt').toEqual([]);
  });

  it('speaks to readers, not developers: no command line on any page', () => {
    const withCommands = pages.filter((p) => /\bnpm (run|install|test)\b|\bnpx\b/.test(p.html)).map((p) => p.route);
    expect(withCommands).toEqual([]);
  });

  it('never tells a reader to credit fictitious figures to CBS: /over/ names the attribution of its datasets', () => {
    const over = pages.find((p) => p.route === '/over/')!.html;
    const section = /<section aria-labelledby="bron-en-licentie">([\s\S]*?)<\/section>/.exec(over)![1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    // The default build is the demonstration data: fictitious, with its own attribution.
    expect(section).toContain('De cijfers op deze site zijn fictief');
    expect(section).toContain('"Fictieve demonstratiecijfers (model: CBS beleidsinformatie jeugd)"');
    expect(section).not.toMatch(/bronvermelding "Bron: CBS"/);
  });

  it('gives every page a title, lang="nl" and headings without skips', () => {
    const problems: string[] = [];
    for (const page of pages) {
      if (!/<html[^>]*\slang="nl"/.test(page.html)) problems.push(`${page.route}: geen lang="nl"`);
      if (!/<title>[^<]+<\/title>/.test(page.html)) problems.push(`${page.route}: geen title`);
      if (isRedirect(page.html)) continue;
      const levels = [...page.html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      if (levels.filter((l) => l === 1).length !== 1) problems.push(`${page.route}: ${levels.filter((l) => l === 1).length} h1-koppen`);
      levels.forEach((level, i) => {
        if (i > 0 && level > levels[i - 1]! + 1) problems.push(`${page.route}: h${levels[i - 1]} gevolgd door h${level}`);
      });
    }
    expect(problems.slice(0, 20), `${problems.length} problemen`).toEqual([]);
  });

  it('is valid HTML', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard'],
      rules: {
        // Astro writes void elements without a slash and attributes in its own style.
        'void-style': 'off',
        'no-trailing-whitespace': 'off',
        'attribute-boolean-style': 'off',
        'attribute-empty-style': 'off',
        // Inline SVG from Plot carries presentation attributes html-validate does not know.
        'no-unknown-elements': 'off',
      },
    });
    // Validate one page of each kind (all of them takes minutes): the first page under every top-level route.
    const sample = new Map<string, (typeof pages)[number]>();
    for (const page of pages) {
      const kind = page.route.split('/').slice(0, 2).join('/') + (page.route.split('/').length > 3 ? '/*' : '');
      if (!sample.has(kind) && !isRedirect(page.html)) sample.set(kind, page);
    }
    const errors: string[] = [];
    for (const page of sample.values()) {
      const report = await validator.validateString(page.html, page.file);
      for (const result of report.results) {
        for (const m of result.messages) errors.push(`${page.route}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(errors.slice(0, 30), `${errors.length} HTML-fouten in ${sample.size} pagina's`).toEqual([]);
  });
});
