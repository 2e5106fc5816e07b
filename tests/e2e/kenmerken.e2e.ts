/**
 * The table of characteristics of gemeenten (/tabellen/kenmerken/), made by the generic table machinery from
 * dataset `kenmerken`: accessible (axe, WCAG 2.1 AA), no wider than a 320 px screen, with its units in the
 * header and its figures as published (no rounding to fives, nothing suppressed), and downloadable.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

const TABLE = '/tabellen/kenmerken/';

afterAll(closeBrowser);

describe('the table of characteristics of gemeenten', () => {
  it('passes axe and shows Nederland with every characteristic and its unit', async () => {
    const { context, page } = await newPage();
    try {
      const response = await page.goto(baseUrl + TABLE, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      const header = await page.$eval('table.data thead', (h) => h.textContent?.replace(/\s+/g, ' ') ?? '');
      for (const text of ['Inwoners', 'Eenoudergezinnen', 'Met bijstand', 'Laag inkomen', 'Gemiddeld inkomen', '× 1.000 euro', 'adressen per km²']) expect(header).toContain(text);
      const nederland = await page.$$eval('table.data tbody tr', (rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')).find((cells) => cells[0] === 'Nederland'),
      );
      expect(nederland).toHaveLength(8);
      // Seven figures, none a suppression symbol; the inhabitants are not rounded to fives.
      expect(nederland!.slice(1).every((c) => /^\d{1,3}(\.\d{3})*(,\d)?$/.test(c))).toBe(true);
      const downloads = await page.$$eval('a[href$=".csv"], a[href$=".json"]', (links) => links.map((a) => a.getAttribute('href')));
      expect(downloads).toContain('/tabellen/kenmerken/kenmerken-selectie.csv');
    } finally {
      await context.close();
    }
  });

  it('fits a 320 px screen without scrolling the page sideways', async () => {
    const { context, page } = await newPage({ width: 320 });
    try {
      await page.goto(baseUrl + TABLE, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
