/**
 * The Content-Security-Policy (issue 12): no inline script and no request to another origin, on every page.
 * Every page of the build carries the policy in a <meta>, and every inline stylesheet and style attribute
 * is allowed by its hash; no inline script, event handler or javascript: URL; nothing loaded from another
 * origin. In Chromium, served with the response headers of public/_headers as a host sends them: a fact
 * page, the search page (with a search) and a table page (with a new selection) work without a single
 * violation or request to another origin, while an injected inline script and a fetch to another origin
 * are refused. Another site may frame an embeddable chart, not a page of the site.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, newPage } from './browser';
import { matchesPattern, parseHeadersFile } from '../support/headers-file';
import { htmlFiles } from '../support/built-pages';

const dist = inject('distDir');

// ---------------------------------------------------------------------------------------------------------
// Every page of the build


const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The sources of a directive in a policy text. */
function sources(policy: string, directive: string): string[] {
  const found = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === directive);
  return found ? found.slice(1) : [];
}

describe('the policy in every page of the build', () => {
  const files = htmlFiles(dist);

  it(`is in all ${files.length} pages, before any style, and allows only hashed inline styles and no inline script`, () => {
    const problems: string[] = [];
    for (const file of files) {
      const route = '/' + path.relative(dist, file);
      const html = readFileSync(file, 'utf8');
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
      if (!meta) {
        problems.push(`${route}: geen Content-Security-Policy`);
        continue;
      }
      const policy = decode(meta[1]!);
      const firstStyle = html.search(/<style|<link[^>]+rel="stylesheet"/);
      if (firstStyle >= 0 && firstStyle < meta.index) problems.push(`${route}: stijl vóór het beleid`);
      for (const directive of ['default-src', 'script-src', 'style-src', 'img-src', 'connect-src', 'object-src', 'base-uri', 'form-action']) {
        const list = sources(policy, directive);
        if (list.length === 0) problems.push(`${route}: geen ${directive}`);
        // img-src blob: only: a chart's PNG is drawn from a blob the page's own script made (src/client/chart-file.ts).
        const allowed = (s: string) => directive === 'img-src' && s === 'blob:';
        if (list.some((s) => !allowed(s) && (s === '*' || s === "'unsafe-inline'" || s === "'unsafe-eval'" || /^(https?:|data:|blob:)/.test(s)))) problems.push(`${route}: ${directive} ${list.join(' ')}`);
      }
      const style = new Set(sources(policy, 'style-src'));
      for (const [, css] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) if (!style.has(hash(css!))) problems.push(`${route}: <style> zonder hash in het beleid`);
      for (const [, value] of html.matchAll(/\sstyle="([^"]*)"/g)) {
        if (!style.has(hash(decode(value!)))) problems.push(`${route}: style="${value}" niet toegestaan (gebruik een class, of voeg het toe in src/lib/security/csp.ts)`);
      }
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) if (!/\ssrc="\//.test(tag!)) problems.push(`${route}: inline script ${tag}`);
      for (const [attribute] of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)=/gi)) problems.push(`${route}: ${attribute}`);
      if (/(href|src|action)="\s*javascript:/i.test(html)) problems.push(`${route}: javascript:-URL`);
      // What a page loads: scripts, stylesheets, icons, images, frames, SVG images: only from the site itself.
      for (const [, url] of html.matchAll(/<(?:script|img|iframe|image|use|source|video|audio|embed|object)\b[^>]*\s(?:src|href|data)="([^"]*)"/g)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url!)) problems.push(`${route}: laadt ${url}`);
      }
      for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
        const rel = /\srel="([^"]*)"/.exec(tag!)?.[1] ?? '';
        const href = /\shref="([^"]*)"/.exec(tag!)?.[1] ?? '';
        if (!/canonical|alternate/.test(rel) && /^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) problems.push(`${route}: laadt ${href}`);
      }
    }
    expect(problems.slice(0, 30), `${problems.length} problemen`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// In Chromium, with the response headers of public/_headers

/**
 * A static server for the build that sends the _headers of the build as Cloudflare Pages does: every
 * matching rule, and a header set by several joined with a comma (for a CSP: several policies, all enforced).
 */
async function serveWithHeaders(root: string): Promise<{ url: string; server: Server }> {
  const rules = parseHeadersFile(readFileSync(path.join(root, '_headers'), 'utf8'));
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const status = existsSync(file) ? 200 : 404;
    if (status === 404) file = path.join(root, '404.html');
    const headers: Record<string, string> = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    for (const rule of rules.filter((r) => matchesPattern(r.pattern, url.pathname))) {
      for (const [name, value] of rule.headers) headers[name.toLowerCase()] = headers[name.toLowerCase()] ? `${headers[name.toLowerCase()]}, ${value}` : value;
    }
    res.writeHead(status, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

/** Another origin (another port), with a page that frames the given addresses of the site. */
async function serveFramer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const frames = url.searchParams.getAll('frame');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Andere site</title>${frames.map((f, i) => `<iframe name="f${i}" src="${f}" width="600" height="400"></iframe>`).join('')}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

let site: { url: string; server: Server };
let framer: { url: string; server: Server };

beforeAll(async () => {
  [site, framer] = await Promise.all([serveWithHeaders(path.resolve(dist)), serveFramer()]);
});

afterAll(async () => {
  await closeBrowser();
  await Promise.all([site, framer].map((s) => new Promise<void>((resolve) => s?.server.close(() => resolve()))));
});

interface Watch {
  violations: string[];
  foreign: string[];
  errors: string[];
}

/** A page that records CSP violations (events and console), console errors and every request to another origin. */
async function watchedPage(): Promise<{ context: BrowserContext; page: Page; watch: Watch; reported: () => Promise<string[]> }> {
  const { context, page } = await newPage();
  const watch: Watch = { violations: [], foreign: [], errors: [] };
  const origin = new URL(site.url).origin;
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) watch.foreign.push(request.url());
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) watch.violations.push(text);
    else if (message.type() === 'error') watch.errors.push(text);
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  const reported = () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  return { context, page, watch, reported };
}

async function expectClean(watch: Watch, reported: () => Promise<string[]>, what: string) {
  expect(await reported(), `${what}: securitypolicyviolation`).toEqual([]);
  expect(watch.violations, `${what}: CSP in de console`).toEqual([]);
  expect(watch.foreign, `${what}: verzoeken naar een andere origin`).toEqual([]);
  expect(watch.errors, `${what}: fouten in de console`).toEqual([]);
}

describe('the policy in Chromium, with the response headers of _headers', () => {
  it('sends the headers a host should send', async () => {
    const [page, embed] = await Promise.all([fetch(`${site.url}/gemeente/amsterdam/`), fetch(`${site.url}/embed/trend-nederland/`)]);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(embed.headers.get('content-security-policy')).not.toMatch(/frame-ancestors/);
    expect(embed.headers.get('x-frame-options')).toBeNull();
  });

  it('shows a fact page without a violation or a request to another origin, and refuses injected script and foreign requests', async () => {
    const { context, page, watch, reported } = await watchedPage();
    try {
      await page.goto(`${site.url}/gemeente/amsterdam/`, { waitUntil: 'networkidle' });
      expect(await page.textContent('h1')).toContain('Amsterdam');
      // Inline styles apply: Plot's charts keep their 12 px text.
      expect(await page.$eval('svg[role="img"]', (svg) => getComputedStyle(svg).fontSize)).toBe('12px');
      await expectClean(watch, reported, 'feitenpagina');
      // What the policy is for: an inline script that got into the page does not run, nor does a foreign request leave.
      const ran = await page.evaluate(async (foreign) => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
        const fetched = await fetch(foreign).then(() => true, () => false);
        return { script: (window as unknown as { __injected?: boolean }).__injected === true, fetched };
      }, `${framer.url}/`);
      expect(ran).toEqual({ script: false, fetched: false });
      await expect.poll(reported).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^connect-src/)]));
    } finally {
      await context.close();
    }
  });

  it('searches with Pagefind (WebAssembly) without a violation or a request to another origin', async () => {
    const { context, page, watch, reported } = await watchedPage();
    try {
      await page.goto(`${site.url}/zoeken/?q=Amsterdam`);
      await page.waitForSelector('#zoek-resultaten li a', { timeout: 20_000 });
      expect(await page.getAttribute('#zoek-resultaten li a', 'href')).toMatch(/\/gemeente\/amsterdam\/$/);
      await page.fill('#zoekterm', 'Weesp');
      await page.press('#zoekterm', 'Enter');
      await page.waitForFunction(() => document.querySelector('#zoek-resultaten li a')?.getAttribute('href')?.endsWith('/gemeente/weesp/'), undefined, { timeout: 20_000 });
      await expectClean(watch, reported, 'zoeken');
    } finally {
      await context.close();
    }
  });

  it('changes a table selection without a violation or a request to another origin', async () => {
    const { context, page, watch, reported } = await watchedPage();
    try {
      await page.goto(`${site.url}/tabellen/jeugdhulp/`);
      const caption = await page.textContent('#tabel-caption');
      await page.click('#selectie summary');
      const periods = await page.$$eval('input[name="perioden"]', (inputs) => inputs.map((i) => ({ value: (i as HTMLInputElement).value, checked: (i as HTMLInputElement).checked })));
      const on = periods.find((p) => p.checked)!;
      const off = periods.find((p) => !p.checked)!;
      await page.uncheck(`input[name="perioden"][value="${on.value}"]`);
      await page.check(`input[name="perioden"][value="${off.value}"]`);
      await page.click('[data-table-form] button[type="submit"]');
      await page.waitForURL(new RegExp(`perioden=${off.value}`));
      // The script drew the new selection: another caption, and its status says so.
      await page.waitForFunction(
        (before) => document.querySelector('#tabel-caption')?.textContent !== before && /bijgewerkt/.test(document.querySelector('[data-table-status]')?.textContent ?? ''),
        caption,
        { timeout: 20_000 },
      );
      expect(await page.$$eval('#tabel tbody tr', (rows) => rows.length)).toBeGreaterThan(10);
      await page.waitForLoadState('networkidle');
      await expectClean(watch, reported, 'tabel');
    } finally {
      await context.close();
    }
  });

  it('lets another site frame an embeddable chart, but not a page of the site', async () => {
    const { context, page } = await newPage();
    try {
      const frames = [`${site.url}/embed/trend-nederland/`, `${site.url}/gemeente/amsterdam/`];
      await page.goto(`${framer.url}/?${frames.map((f) => `frame=${encodeURIComponent(f)}`).join('&')}`, { waitUntil: 'networkidle' });
      const embed = page.frame({ name: 'f0' })!;
      expect(await embed.$$eval('svg[role="img"]', (s) => s.length)).toBeGreaterThan(0);
      const framed = page.frame({ name: 'f1' })!;
      // Blocked: the frame shows Chromium's error page instead of the site's page.
      const heading = await framed.$('h1');
      expect((await heading?.textContent()) ?? '').not.toContain('Amsterdam');
      expect(framed.url()).not.toBe(frames[1]);
      // The site itself may frame its pages.
      await page.goto(`${site.url}/embed/`);
      const own = await page.evaluate(async (src) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        document.body.append(frame);
        await new Promise((resolve) => frame.addEventListener('load', resolve));
        return frame.contentDocument?.querySelector('h1')?.textContent ?? '';
      }, `${site.url}/gemeente/amsterdam/`);
      expect(own).toContain('Amsterdam');
    } finally {
      await context.close();
    }
  });
});
