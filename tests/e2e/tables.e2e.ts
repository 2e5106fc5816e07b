/**
 * Table pages and downloads as readers and journalists use them (issue 11): the downloads and the permalink
 * above the table, headers and first column in view while the table scrolls, a selection panel that works
 * on a phone, a shared selection opened without JavaScript, and the true size beside every download link.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { formatFileSize } from '../../src/lib/downloads/sizes';
import { htmlFiles } from '../support/built-pages';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

afterAll(closeBrowser);

const dist = inject('distDir');
const TABLE = '/tabellen/jeugdhulp/';

describe('a table page', () => {
  for (const width of [1280, 375]) {
    it(`has the downloads and the permalink above the table, each download with its size (${width} px)`, async () => {
      const { context, page } = await newPage({ width });
      try {
        await page.goto(baseUrl + TABLE);
        const toolbar = (await page.locator('.table-toolbar').boundingBox())!;
        const table = (await page.locator('[data-table-container]').boundingBox())!;
        expect(toolbar.y + toolbar.height).toBeLessThanOrEqual(table.y);
        // Within reach: the toolbar starts on the first two screens, not after hundreds of rows.
        expect(toolbar.y).toBeLessThan(2 * 900);
        const links = await page.$$eval('.table-toolbar a[data-download]', (as) => as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
        expect(links.map((l) => l.text.split(',')[0])).toEqual(['CSV', 'CSV voor Excel', 'JSON']);
        for (const link of links) expect(link.text).toBe(`${link.text.split(',')[0]}, ${formatFileSize(statSync(path.join(dist, link.href)).size)}`);
        expect(await page.locator('.table-toolbar [data-permalink]').isVisible()).toBe(true);
      } finally {
        await context.close();
      }
    });

    it(`keeps the column headers and the first column in view while the table scrolls (${width} px)`, async () => {
      const { context, page } = await newPage({ width });
      try {
        await page.goto(baseUrl + TABLE);
        const box = page.locator('[data-table-container]');
        // The whole table scrolls inside its box, which is at most about a screen high.
        const sizes = await box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, wide: el.scrollWidth > el.clientWidth }));
        expect(sizes.client).toBeLessThanOrEqual(900);
        expect(sizes.scroll).toBeGreaterThan(sizes.client);
        await box.evaluate((el) => el.scrollTo(el.scrollWidth, 1500));
        await box.scrollIntoViewIfNeeded();
        const positions = await box.evaluate((el) => {
          const boxTop = el.getBoundingClientRect().top;
          const boxLeft = el.getBoundingClientRect().left;
          const header = el.querySelector('thead tr:last-child th:not(.corner)')!.getBoundingClientRect();
          const rows = [...el.querySelectorAll('tbody tr:not(.group-head) > th:first-child')];
          // The row heads that are now in view, and where they are.
          const visible = rows.map((r) => r.getBoundingClientRect()).filter((r) => r.top > header.bottom && r.bottom < el.getBoundingClientRect().bottom);
          return { headerTop: header.top - boxTop, firstColumnLeft: visible.map((r) => r.left - boxLeft), scrolledDown: el.scrollTop, scrolledRight: el.scrollLeft };
        });
        expect(positions.scrolledDown).toBeGreaterThan(1000);
        expect(Math.abs(positions.headerTop)).toBeLessThanOrEqual(2);
        expect(positions.firstColumnLeft.length).toBeGreaterThan(3);
        if (sizes.wide) {
          expect(positions.scrolledRight).toBeGreaterThan(0);
          for (const left of positions.firstColumnLeft) expect(Math.abs(left)).toBeLessThanOrEqual(2);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('fits 320 px and passes axe with the table scrolled and the selection open', async () => {
    const { context, page } = await newPage({ width: 320 });
    try {
      await page.goto(baseUrl + TABLE);
      await page.click('#selectie summary');
      await page.locator('[data-table-container]').evaluate((el) => el.scrollTo(200, 800));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has a selection panel that works on a phone: groups folded, "Tabel bijwerken" always in reach', async () => {
    const { context, page } = await newPage({ width: 375 });
    try {
      await page.goto(baseUrl + TABLE);
      await page.click('#selectie summary');
      const groups = await page.$$eval('details[data-sel-group]', (ds) => ds.map((d) => ({ name: d.querySelector('summary')!.textContent!.trim(), open: (d as HTMLDetailsElement).open })));
      expect(groups[0]).toMatchObject({ name: "Regio's", open: true });
      expect(groups.slice(1).every((g) => !g.open)).toBe(true);
      expect(groups.find((g) => g.name.startsWith('Perioden'))!.name).toMatch(/Perioden \d+ van \d+ gekozen/);
      const submit = page.locator('[data-table-form] button[type="submit"]');
      // Folded, the whole panel is about a screen; unfolded it is several, and the button stays on screen.
      const folded = (await page.locator('#selectie').boundingBox())!.height;
      expect(folded).toBeLessThan(1400);
      const closed = page.locator('details[data-sel-group]:not([open]) > summary');
      while ((await closed.count()) > 0) await closed.first().click();
      expect((await page.locator('#selectie').boundingBox())!.height).toBeGreaterThan(2 * 900);
      const inView = async () => {
        const b = (await submit.boundingBox())!;
        return b.y >= 0 && b.y + b.height <= 900;
      };
      for (const target of ['input[name="perioden"]', 'input[name="maat"]', 'select[data-place]']) {
        await page.locator(target).first().scrollIntoViewIfNeeded();
        expect(await inView(), target).toBe(true);
      }
      // A group's count follows the boxes.
      await page.locator('input[name="perioden"]').nth(1).check();
      await page.waitForFunction(() => /2 van/.test(document.querySelector('.sel-periods [data-sel-count]')?.textContent ?? ''));
      await submit.click();
      await page.waitForURL(/perioden=/);
    } finally {
      await context.close();
    }
  });

  it('gives the true size of the files of a changed selection, and downloads exactly those', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(baseUrl + TABLE);
      await page.click('#selectie summary');
      await page.locator('input[name="perioden"]').nth(1).check();
      await page.waitForURL(/perioden=/);
      await page.waitForFunction(() => document.querySelector('[data-table-status]')?.textContent?.includes('bijgewerkt'));
      for (const format of ['csv', 'excel', 'json']) {
        const shown = await page.locator(`a[data-download="${format}"]`).textContent();
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[data-download="${format}"]`)]);
        const bytes = (await readFile((await download.path())!)).length;
        expect(shown, format).toMatch(new RegExp(`, ${formatFileSize(bytes).replace(/[.,]/g, '\\$&')}$`));
        if (format === 'excel') expect((await readFile((await download.path())!, 'utf8')).startsWith('\ufeff"Regiocode";"Regio\'s";"Periodecode";"Perioden"')).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it('says without JavaScript that a shared selection needs it, and links the static files', async () => {
    const { context, page } = await newPage({ javaScript: false, width: 375 });
    try {
      await page.goto(`${baseUrl}${TABLE}?perioden=2025HJ02&regio=GM0363`);
      const notice = page.locator('.table-no-js');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toContain('heeft JavaScript nodig');
      const hrefs = await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs).toEqual(expect.arrayContaining(['/downloads/jeugdhulp/', '/gemeenten/']));
      for (const href of hrefs) expect((await page.request.get(baseUrl + href)).status(), href).toBe(200);
      // The notice comes before the table, and the default table's files are in the toolbar.
      expect((await notice.boundingBox())!.y).toBeLessThan((await page.locator('[data-table-container]').boundingBox())!.y);
      expect(await page.locator('.table-toolbar a[data-download]').count()).toBe(3);
    } finally {
      await context.close();
    }
  });
});

describe('every download link of the site', () => {
  /** A file the site offers for download: the CSV, JSON and zip files, not pages or feeds. */
  const isDownload = (href: string) => /^\/(downloads|tabellen|releases)\/.+\.(csv|json|zip)$/.test(href) && !href.endsWith('/tabel.json') && !href.includes('/cijfers/');

  it('shows the size of the file written, in its text or in its table row', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(dist)) {
      const sitePath = `/${path.relative(dist, file).replace(/index\.html$/, '')}`;
      const html = readFileSync(file, 'utf8');
      if (!/href="\/(downloads|tabellen|releases)\/[^"]+\.(csv|json|zip)"/.test(html)) continue;
      expect(html, sitePath).not.toContain('<!--grootte');
      const { document } = parseHTML(html);
      for (const a of document.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (!isDownload(href)) continue;
        const size = formatFileSize(statSync(path.join(dist, href)).size);
        const text = a.textContent ?? '';
        const row = a.closest('tr')?.textContent ?? '';
        if (!text.includes(`, ${size}`) && !row.includes(size)) problems.push(`${sitePath}: ${href} "${text.trim()}" zonder ${size}`);
        checked++;
      }
    }
    expect(problems.slice(0, 20), `${problems.length} links zonder grootte`).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });
});
