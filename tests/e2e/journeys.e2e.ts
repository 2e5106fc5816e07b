/**
 * What readers do, in Chromium against the built site: find their gemeente by search, change a table and
 * reopen its permalink, download a CSV and check it against the table, open a former gemeente, use the
 * site with the keyboard only, and read it on a 320 px wide screen. Screenshots of key pages are saved in
 * tests/e2e/screenshots/ for review.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import { parseDutchNumber } from '../../src/lib/format/number';
import { FULL_PAGE_SCREENSHOT_STYLE } from '../../src/node/chromium';
import { baseUrl, closeBrowser, newPage } from './browser';

const SCREENSHOTS = path.resolve('tests/e2e/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

afterAll(closeBrowser);

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, style: FULL_PAGE_SCREENSHOT_STYLE });
}

async function searchResults(page: Page): Promise<Array<{ title: string; href: string; text: string }>> {
  await page.waitForSelector('#zoek-resultaten li a', { timeout: 20_000 });
  return page.$$eval('#zoek-resultaten li', (items) =>
    items.map((li) => ({ title: li.querySelector('a')?.textContent?.trim() ?? '', href: li.querySelector('a')?.getAttribute('href') ?? '', text: li.textContent ?? '' })),
  );
}

describe('a reader', () => {
  it('finds a gemeente from the home page with the search box', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(baseUrl + '/');
      await page.fill('#site-search', 'Aa en Hunze');
      await page.press('#site-search', 'Enter');
      await page.waitForURL(/\/zoeken\/\?q=Aa\+en\+Hunze|\/zoeken\/\?q=Aa%20en%20Hunze/);
      const results = await searchResults(page);
      expect(results[0]?.href).toMatch(/\/gemeente\/aa-en-hunze\/$/);
      expect(results[0]?.text).toMatch(/Gemeente/);
      await screenshot(page, 'zoeken-aa-en-hunze');
      await page.click('#zoek-resultaten li a');
      await page.waitForURL(/\/gemeente\/aa-en-hunze\/$/);
      expect(await page.textContent('h1')).toContain('Aa en Hunze');
      await screenshot(page, 'gemeente-aa-en-hunze');
    } finally {
      await context.close();
    }
  });

  it('finds where the figures of former gemeenten now live (Weesp, Haaren, GM0457)', async () => {
    const { context, page } = await newPage();
    try {
      for (const [query, expected] of [['Weesp', '/gemeente/weesp/'], ['Haaren', '/gemeente/haaren/'], ['GM0457', '/gemeente/weesp/']] as const) {
        await page.goto(`${baseUrl}/zoeken/?q=${query}`);
        const results = await searchResults(page);
        expect(results[0]?.href, query).toMatch(new RegExp(`${expected}$`));
      }
      await page.goto(baseUrl + '/gemeente/weesp/');
      const text = await page.textContent('main');
      expect(text).toMatch(/opgegaan in Amsterdam/);
      await screenshot(page, 'voormalige-gemeente-weesp');
      await page.click('main a[href="/gemeente/amsterdam/"]');
      await page.waitForURL(/\/gemeente\/amsterdam\/$/);
      expect(await page.textContent('main')).toMatch(/Weesp/);
      await screenshot(page, 'gemeente-amsterdam');
    } finally {
      await context.close();
    }
  });

  it('changes a table selection, and the permalink reopens it', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(baseUrl + '/tabellen/jeugdhulp/');
      const before = await page.textContent('#tabel-caption');
      expect(before).toContain('1e halfjaar 2026*');
      await page.click('#selectie summary');
      await page.uncheck('input[name="perioden"][value="2026HJ01"]');
      await page.check('input[name="perioden"][value="2025HJ02"]');
      await page.click('[data-table-form] button[type="submit"]');
      await page.waitForURL(/perioden=2025HJ02/);
      await page.waitForFunction(() => document.querySelector('#tabel-caption')?.textContent?.includes('2e halfjaar 2025'));
      const permalink = page.url();
      await screenshot(page, 'tabel-selectie');

      const { context: other, page: reopened } = await newPage();
      try {
        await reopened.goto(permalink);
        await reopened.waitForFunction(() => document.querySelector('#tabel-caption')?.textContent?.includes('2e halfjaar 2025'));
        expect(await reopened.textContent('#tabel-caption')).not.toContain('1e halfjaar 2026');
        expect(await reopened.isChecked('input[name="perioden"][value="2025HJ02"]')).toBe(true);
      } finally {
        await other.close();
      }
    } finally {
      await context.close();
    }
  });

  it('downloads the table as CSV, and every value equals the table', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(baseUrl + '/tabellen/jeugdreclassering/');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-download="csv"]')]);
      const csv = await readFile((await download.path())!, 'utf8');
      const records = parseDownloadCsv(csv, 'rfc4180', []);
      const header = Object.keys(records[0]!);
      const measureColumns = header.filter((c, i) => header[i + 1] === `${c}_teken`);
      // The table: one row per region, grouped; a column per measure in the same order as the download.
      const table = await page.$$eval('#tabel tbody tr:not(.group-head)', (rows) =>
        rows.map((tr) => ({
          group: tr.closest('tbody')?.querySelector('.group-label')?.textContent?.trim() ?? 'Nederland',
          label: tr.querySelector('th')?.childNodes[0]?.textContent?.trim() ?? '',
          cells: [...tr.querySelectorAll('td')].map((td) => td.childNodes[0]?.textContent?.trim() ?? ''),
        })),
      );
      const kindOf = (code: string) => ({ NL: 'Nederland', PV: 'Provincies', JZ: "Jeugdregio's", GM: 'Gemeenten', WK: 'Wijken' })[code.slice(0, 2)];
      const byKey = new Map(records.map((r) => [`${kindOf(String(r.regio_code))}|${r.regio}`, r]));
      expect(table.length).toBe(records.length);
      let compared = 0;
      for (const row of table) {
        const record = byKey.get(`${row.group}|${row.label}`);
        expect(record, `${row.group} ${row.label}`).toBeDefined();
        measureColumns.forEach((column, i) => {
          const shown = row.cells[i]!;
          const value = record![column] === '' ? null : Number(record![column]);
          const symbol = String(record![`${column}_teken`] ?? '');
          if (shown === '.' || shown === 'x' || shown === '') expect(symbol, `${row.label} ${column}`).toBe(shown);
          else if (shown === '-') expect([symbol, value]).toEqual(['-', 0]);
          else expect(value, `${row.label} ${column}`).toBe(parseDutchNumber(shown));
          compared++;
        });
      }
      expect(compared).toBeGreaterThan(1000);
    } finally {
      await context.close();
    }
  });

  it('uses the site with the keyboard only', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(baseUrl + '/');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Naar de inhoud');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
      // From the top again: Tab to the search box, type, Enter; then Tab to the first result and follow it.
      await page.goto(baseUrl + '/');
      for (let i = 0; i < 15 && (await page.evaluate(() => document.activeElement?.id)) !== 'site-search'; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
      await page.keyboard.type('Weesp');
      await page.keyboard.press('Enter');
      await searchResults(page);
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        const inResults = await page.evaluate(() => !!document.activeElement?.closest('#zoek-resultaten'));
        if (inResults) break;
      }
      expect(await page.evaluate(() => document.activeElement?.closest('#zoek-resultaten') !== null)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/gemeente\/weesp\/$/);
    } finally {
      await context.close();
    }
  });

  it('shows every chart of a gemeente page whole at 320 px, and the wide drawing on a wide screen', async () => {
    for (const width of [320, 1280]) {
      const { context, page } = await newPage({ width });
      try {
        await page.goto(`${baseUrl}/gemeente/amsterdam/`, { waitUntil: 'load' });
        const canvases = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.chart__canvas')]
            .filter((c) => getComputedStyle(c).display !== 'none')
            .map((c) => {
              // Sections below the first screen are laid out when they come near it (content-visibility).
              c.scrollIntoView();
              const svg = c.querySelector('svg')!;
              return { id: svg.id || svg.getAttribute('aria-labelledby')!, cutOff: c.scrollWidth - c.clientWidth, svgWidth: svg.getBoundingClientRect().width };
            }),
        );
        // Four funnel plots (comparisons), four trends (one per key measure) and five breakdowns.
        expect(canvases.length, `zichtbare grafieken bij ${width} px`).toBe(13);
        for (const c of canvases) {
          const narrow = c.id.includes('-smal-');
          expect(narrow, `${c.id} bij ${width} px`).toBe(width === 320);
          expect(c.cutOff, `${c.id} valt buiten beeld bij ${width} px`).toBeLessThanOrEqual(0);
        }
      } finally {
        await context.close();
      }
    }
  });

  it('draws the shared part of each funnel of a gemeente page from its file, which Chromium shows as an image', async () => {
    const { context, page } = await newPage({ width: 1280 });
    try {
      await page.goto(`${baseUrl}/gemeente/zwolle/`, { waitUntil: 'networkidle' });
      const images = await page.evaluate(async () =>
        Promise.all(
          [...document.querySelectorAll('.chart__layers > img[data-frame]')].map(async (image) => {
            const href = image.getAttribute('src')!;
            const response = await fetch(href);
            const type = response.headers.get('content-type') ?? '';
            const doc = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
            // Decoded as an image, as the page's <img> does: a broken SVG file fails here.
            const img = new Image();
            img.src = href;
            const decoded = await img.decode().then(() => img.naturalWidth, () => 0);
            return { href, type, parsed: !doc.querySelector('parsererror'), decoded, width: Number(image.getAttribute('width')) };
          }),
        ),
      );
      // Four funnels, wide and narrow.
      expect(images).toHaveLength(8);
      for (const image of images) {
        expect(image.type, image.href).toContain('image/svg+xml');
        expect(image.parsed, image.href).toBe(true);
        expect(image.decoded, image.href).toBe(image.width);
      }
    } finally {
      await context.close();
    }
  });

  it('reads the key pages at 320 px without the page scrolling sideways', async () => {
    const { context, page } = await newPage({ width: 320 });
    try {
      for (const route of ['/', '/gemeente/aa-en-hunze/', '/gemeente/weesp/', '/tabellen/jeugdhulp/', '/kaarten/', '/nederland/', '/zoeken/?q=utrecht', '/over/cijfers-lezen/', '/downloads/', '/verschillen/jeugdhulp/2026hj01/', '/over/methoden/']) {
        await page.goto(baseUrl + route, { waitUntil: 'networkidle' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route} is breder dan 320 px`).toBeLessThanOrEqual(0);
        await screenshot(page, `320-${route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`);
      }
    } finally {
      await context.close();
    }
  });

  it('reads a gemeente page without JavaScript, charts included', async () => {
    const { context, page } = await newPage({ javaScript: false });
    try {
      await page.goto(baseUrl + '/gemeente/amsterdam/');
      expect(await page.$$eval('svg[role="img"]', (s) => s.length)).toBeGreaterThan(2);
      expect(await page.textContent('main')).toMatch(/\d{1,3}(\.\d{3})+/);
      await page.goto(baseUrl + '/tabellen/jeugdhulp/');
      expect(await page.$$eval('#tabel tbody tr', (r) => r.length)).toBeGreaterThan(300);
    } finally {
      await context.close();
    }
  });
});
