/**
 * The spending on youth care (issue 14, item 4) in the built default site: the table page /tabellen/kosten-jeugd/
 * made by the generic table machinery (accessible, 320 px, its units, caveats and trend break, Nederland's figure
 * as in the download), and the section "Kosten" on Amsterdam's page with the same figures as the download.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { formatNumber } from '../../src/lib/format/number';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

afterAll(closeBrowser);

const dist = inject('distDir');
const TABLE = '/tabellen/kosten-jeugd/';

/** The dataset's download (CSV, RFC 4180) as rows of named fields. */
function download(): Array<Record<string, string>> {
  const text = readFileSync(path.join(dist, 'downloads', 'kosten-jeugd', 'kosten-jeugd.csv'), 'utf8');
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}
const figure = (region: string, year: number, measure: string) => {
  const row = download().find((r) => r['regio_code'] === region && r['perioden_code'] === `${year}JJ00`)!;
  return { value: row[measure]!, symbol: row[`${measure}_teken`]! };
};

describe('the table of spending on youth care', () => {
  it('passes axe, names its units, caveats and trend break, shows Nederland as in the download, and fits 320 px', async () => {
    const { context, page } = await newPage();
    try {
      const response = await page.goto(baseUrl + TABLE, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      const text = (await page.textContent('main'))!.replace(/\s+/g, ' ');
      for (const words of ['× 1.000 euro', 'Uitgaven zijn geen gebruik', 'Gemeenten boeken niet allemaal op dezelfde manier', 'Vanaf 2023 boeken gemeenten jeugdhulp op verfijnde taakvelden']) {
        expect(text).toContain(words);
      }
      const nl = figure('NL01', 2025, 'lasten_jeugd_begroting');
      expect(nl.symbol).toBe('');
      const nederland = await page.$$eval('table.data tbody tr', (rows) =>
        rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')).find((cells) => cells[0] === 'Nederland'),
      );
      expect(nederland).toContain(formatNumber(Number(nl.value)));
      // The October release after the year has its jaarrekening: the realisatie of 2025 in the table as in the download.
      const realised = figure('NL01', 2025, 'lasten_jeugd_realisatie');
      expect(realised.symbol).toBe('');
      expect(nederland).toContain(formatNumber(Number(realised.value)));
      expect(text).not.toContain('ontbreekt nog');
      // Twelve columns of figures scroll inside their table, not the page, on a 320 px screen.
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});

describe('the section Kosten on a gemeente page', () => {
  it('shows Amsterdam the figures of the download beside Nederland, without verdict words, and links the table', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/gemeente/amsterdam/`, { waitUntil: 'networkidle' });
      const section = page.locator('section[aria-labelledby="kosten"]');
      const text = (await section.textContent())!.replace(/\s+/g, ' ');
      const euro = (region: string, year: number, measure: string) => `€ ${formatNumber(Number(figure(region, year, measure).value))}`;
      expect(text).toContain(`Begroting 2025: Amsterdam ${euro('GM0363', 2025, 'lasten_per_jongere_begroting')}, Nederland ${euro('NL01', 2025, 'lasten_per_jongere_begroting')}.`);
      expect(text).toContain(
        `Realisatie 2025: Amsterdam ${euro('GM0363', 2025, 'lasten_per_jongere_realisatie')} (begroot ${euro('GM0363', 2025, 'lasten_per_jongere_begroting')})`,
      );
      expect(text).not.toContain('volgt na de jaarrekening');
      expect(text).toContain('Uitgaven zijn geen gebruik');
      expect(text).not.toMatch(/hoger|lager/i);
      expect(await section.locator(`a[href="${TABLE}"]`).count()).toBe(1);
      // On screen only: the printed factsheet keeps to two pages.
      await page.emulateMedia({ media: 'print' });
      expect(await section.isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
