/**
 * The search as a reader uses it: the real build's Pagefind index, queried through /zoeken/ in Chromium.
 * Old names and CBS codes lead to the page that says where a gemeente's figures are now.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../src/node/chromium';
import { serveStatic, type StaticServer } from '../../src/node/static-server';
import { builtSite } from './built-site';

const browserMissing = !findChromium();
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (browserMissing) return;
  server = await serveStatic(await builtSite(), { gzip: true });
  browser = await launchChromium();
  page = await browser.newPage();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function searchFor(query: string, extra = ''): Promise<{ status: string; hrefs: string[] }> {
  await page.goto(`${server.url}/zoeken/?q=${encodeURIComponent(query)}${extra}`);
  await page.locator('#zoek-resultaten li').first().waitFor();
  return {
    status: (await page.locator('#zoek-status').textContent()) ?? '',
    hrefs: await page.locator('#zoek-resultaten li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')),
  };
}

describe.skipIf(browserMissing)('searching the built site', () => {
  it('finds a former gemeente by its old name, first', async () => {
    const weesp = await searchFor('Weesp');
    expect(weesp.hrefs[0]).toBe('/gemeente/weesp/');
    // That page says where Weesp's figures are now, with a link.
    await page.goto(`${server.url}/gemeente/weesp/`);
    expect(await page.locator('main').textContent()).toMatch(/Weesp opgegaan in Amsterdam/);
    // Pagefind stems Haaren and Haren alike; the exact name comes first.
    expect((await searchFor('Haaren')).hrefs[0]).toBe('/gemeente/haaren/');
    expect((await searchFor('Haren')).hrefs[0]).toBe('/gemeente/haren/');
  });

  it('finds a gemeente by its CBS code', async () => {
    expect((await searchFor('GM0457')).hrefs[0]).toBe('/gemeente/weesp/');
    expect((await searchFor('gm0363')).hrefs[0]).toBe('/gemeente/amsterdam/');
  });

  it('shows the kind and the key figure of each result, and announces the count', async () => {
    const result = await searchFor('Amsterdam');
    expect(result.status).toMatch(/^\d+ resultaten voor ‘Amsterdam’\.$/);
    expect(await page.locator('#zoek-status').getAttribute('aria-live')).toBe('polite');
    const first = page.locator('#zoek-resultaten li').first();
    expect(await first.locator('.search-result__kind').textContent()).toMatch(/^Gemeente · provincie Noord-Holland/);
    expect(await first.locator('.search-result__figure').textContent()).toMatch(/^[\d.]+ jongeren met jeugdhulp/);
  });

  it('finds wijken, tables and measures, and filters by kind and provincie', async () => {
    const tables = await searchFor('jeugdreclassering', '&soort=Tabel');
    // The two tables of jeugdreclassering (youths, and trajecten by form) come before every other table.
    expect(tables.hrefs.slice(0, 2).sort()).toEqual(['/tabellen/jeugdreclassering/', '/tabellen/jeugdreclasseringstrajecten/']);
    expect(tables.hrefs.every((h) => h.startsWith('/tabellen/'))).toBe(true);
    expect(await page.locator('#zoek-soort').inputValue()).toBe('Tabel');
    expect(await page.locator('#zoek-verfijnen').getAttribute('open')).not.toBeNull();
    const measures = await searchFor('verblijf', '&soort=Maat');
    expect(measures.hrefs.every((h) => /^\/tabellen\/[a-z-]+\/#maat-/.test(h))).toBe(true);
    const wijken = await searchFor('wijk', '&soort=Wijk&provincie=Noord-Holland');
    expect(wijken.hrefs.length).toBeGreaterThan(0);
    expect(wijken.hrefs.every((h) => h.startsWith('/gemeente/amsterdam/#wijk-wk0363'))).toBe(true);
  });

  it('puts the query in the address while typing, and works with the keyboard', async () => {
    await page.goto(`${server.url}/zoeken/`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('zoekterm');
    await page.keyboard.type('Tilburg', { delay: 30 });
    await page.waitForURL(/\?q=Tilburg$/);
    await page.locator('#zoek-resultaten li').first().waitFor();
    expect(await page.locator('#zoek-resultaten li h2 a').first().getAttribute('href')).toBe('/gemeente/tilburg/');
    await page.keyboard.press('Tab'); // the Zoeken button
    await page.keyboard.press('Tab'); // the folded filters
    expect(await page.evaluate(() => document.activeElement?.closest('details')?.id)).toBe('zoek-verfijnen');
    await page.keyboard.press('Tab'); // first result
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/gemeente/tilburg/');
  });

  it('loads the index only when someone searches', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/gemeente/amsterdam/`);
    await page.goto(`${server.url}/zoeken/`);
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await page.fill('#zoekterm', 'Vught');
    await page.locator('#zoek-resultaten li').first().waitFor();
    expect(fetched.some((p) => p.startsWith('/pagefind/'))).toBe(true);
    page.removeAllListeners('request');
  });

  it('explains without JavaScript that search needs it, and where to go instead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}/zoeken/?q=Weesp`);
    const notice = noJs.locator('main .notice:not([hidden])');
    expect(await notice.textContent()).toMatch(/Zoeken werkt alleen met JavaScript/);
    expect(await notice.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/gemeenten/', '/tabellen/']);
    expect(await noJs.locator('#zoek-meer').isVisible()).toBe(false);
    await context.close();
  });
});
