/**
 * A raadslid reads on their gemeente's page whether each difference and each change is beyond chance, and what
 * that means, with and without JavaScript: the verdict words, the margin, the funnel with its table, the change
 * since a year earlier, and the way to the method page and the national funnel. Screenshots are saved in
 * tests/e2e/screenshots/ for review.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FULL_PAGE_SCREENSHOT_STYLE } from '../../src/node/chromium';
import { baseUrl, closeBrowser, newPage } from './browser';

const SCREENSHOTS = path.resolve('tests/e2e/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });
afterAll(closeBrowser);

const VERDICT = /(duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan/;

async function readComparison(page: Page) {
  const section = page.locator('section.comparison').first();
  const sentences = await section.locator(':scope > p').allTextContents();
  const table = section.locator('table');
  const verdictCells = await table.locator('tbody tr:not(.is-highlight) td:nth-child(3)').allTextContents();
  const margin = await table.locator('tbody tr.is-highlight td:nth-child(4)').textContent();
  return { sentences, verdictCells, margin, funnel: await section.locator('figure.chart svg[role="img"]').count() };
}

describe('a raadslid reads whether differences and changes are beyond chance', () => {
  for (const javaScript of [true, false]) {
    it(`on the Zwolle page ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
      const { context, page } = await newPage({ javaScript });
      try {
        await page.goto(`${baseUrl}/gemeente/zwolle/`, { waitUntil: 'load' });
        const comparison = await readComparison(page);
        expect(comparison.sentences.join(' ')).toMatch(VERDICT);
        expect(comparison.verdictCells.length).toBeGreaterThanOrEqual(4);
        for (const cell of comparison.verdictCells) expect(cell).toMatch(/^(duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager|geen oordeel: .+)$/);
        expect(comparison.margin).toMatch(/^\d+,\d–\d+,\d$/);
        expect(comparison.funnel).toBeGreaterThan(0);
        // What the words mean, and where the method is explained.
        await expect(page.getByText('“Hoger” of “lager” staat er alleen als').isVisible()).resolves.toBe(true);
        expect(await page.locator('a[href="/over/methoden/"]').count()).toBeGreaterThan(0);
        // Change since a year earlier, per key measure.
        const changes = await page.locator('p.change-sentence').allTextContents();
        expect(changes.filter((s) => /een jaar eerder/.test(s)).length).toBeGreaterThanOrEqual(4);
        if (!javaScript) await page.screenshot({ path: path.join(SCREENSHOTS, 'oordelen-zwolle-zonder-js.png'), fullPage: true, style: FULL_PAGE_SCREENSHOT_STYLE });
        // From the funnel to the table of all gemeenten.
        await page.locator('section.comparison').first().getByRole('link', { name: /Alle gemeenten in een tabel/ }).click();
        await page.waitForURL(/\/verschillen\/[a-z-]+\/\d{4}hj0\d\/$/);
        const zwolle = page.locator('tr', { has: page.getByRole('link', { name: 'Zwolle', exact: true }) });
        expect(await zwolle.locator('td').last().textContent()).toMatch(/^(duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager)$/);
        // No ranks on the national page.
        expect(await page.locator('th', { hasText: /^(Rang|Plaats|Positie)$/ }).count()).toBe(0);
        if (javaScript) await page.screenshot({ path: path.join(SCREENSHOTS, 'verschillen-jeugdhulp.png'), fullPage: false });
      } finally {
        await context.close();
      }
    });
  }

  it('finds the method page with worked examples from the figures', async () => {
    const { context, page } = await newPage({ javaScript: false });
    try {
      await page.goto(`${baseUrl}/over/methoden/`, { waitUntil: 'load' });
      await expect(page.getByRole('heading', { name: 'Rekenvoorbeelden uit deze cijfers' }).isVisible()).resolves.toBe(true);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toMatch(/De 95%-marge is dus \d+,\d–\d+,\d%/);
      expect(text).toMatch(/τ² = \d/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'methoden.png'), fullPage: true, style: FULL_PAGE_SCREENSHOT_STYLE });
    } finally {
      await context.close();
    }
  });
});
