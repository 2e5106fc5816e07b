/**
 * The printed fact page (issue 14, for raadsleden), in Chromium against the built site: a gemeente's page printed
 * on A4 is a factsheet of at most two pages that still holds the name, the period and its status, the summary, the
 * comparison verdicts, the citation with publication, address and date, and the source, and leaves out navigation,
 * charts and downloads. Also the two explanatory pages for raadsleden: axe-clean, 320 px wide, linked from every
 * fact page's "Goed om te weten" and from /over/.
 * FACTSHEET_PDF_DIR=<folder> keeps the PDFs, to look at them (pdftoppm -r 80 -png file.pdf prefix).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

afterAll(closeBrowser);

/** Pages in a PDF as Chromium writes it: its page objects, which must agree with the page tree's count. */
function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  expect(counts.length, 'the PDF has a page tree').toBeGreaterThan(0);
  expect(Math.max(...counts)).toBe(pages);
  return pages;
}

/** A4 less the page margins of src/styles/facts-print.css (12 mm each side), in CSS pixels. */
const PRINT_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/**
 * The page laid out for print at the width of the paper: the text a reader sees on paper (innerText leaves out
 * what is hidden) and how far anything sticks out to the right (Chromium shrinks a page that does to fit it).
 */
async function printed(page: Page): Promise<{ text: string; overflow: number }> {
  await page.setViewportSize({ width: PRINT_WIDTH, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => ({
    text: document.body.innerText.replace(/\s+/g, ' '),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('a gemeente page printed is a factsheet of at most two A4 pages', () => {
  // The largest gemeente, one of the smallest (suppressed figures, long "geen oordeel" verdicts) and a mid-size one.
  for (const slug of ['amsterdam', 'vlieland', 'veenendaal']) {
    it(`/gemeente/${slug}/`, async () => {
      const { context, page } = await newPage();
      try {
        await page.goto(`${baseUrl}/gemeente/${slug}/`, { waitUntil: 'networkidle' });
        const name = squash(await page.locator('h1').innerText());
        const summary = (await page.locator('.summary-list li').allInnerTexts()).map(squash);
        const verdicts = (await page.locator('.comparison tbody tr:not(.is-highlight) td:nth-child(3)').allInnerTexts()).map(squash);
        const release = squash(await page.locator('.cite__text').innerText());
        expect(summary.length).toBeGreaterThan(0);
        expect(verdicts.length).toBeGreaterThan(0);

        const pdf = await page.pdf({ format: 'A4' });
        if (process.env.FACTSHEET_PDF_DIR) {
          mkdirSync(process.env.FACTSHEET_PDF_DIR, { recursive: true });
          writeFileSync(path.join(process.env.FACTSHEET_PDF_DIR, `${slug}.pdf`), pdf);
        }
        const pages = pdfPageCount(pdf);
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(2);

        const { text, overflow } = await printed(page);
        expect(overflow, 'nothing wider than the paper').toBeLessThanOrEqual(0);
        expect(text).toContain(name);
        for (const item of summary) expect(text).toContain(item);
        // Every comparison verdict is on paper, as many times as on the screen.
        for (const verdict of new Set(verdicts)) {
          expect(text.split(verdict).length - 1, verdict).toBeGreaterThanOrEqual(verdicts.filter((v) => v === verdict).length);
        }
        // The period with its status, the publication, the address of the page and the date it was printed.
        // The year figure beside it, named as a whole year (src/lib/facts/year-figures.ts).
        expect(text).toMatch(/Cijfers over het [12]e halfjaar \d{4}\*{0,2}; per jaar: heel \d{4}\*{0,2}\./);
        // On paper the year cards become one line per group, each figure with its count (and rate).
        expect(text).toMatch(/Heel jaar \d{4}\*{0,2} \(% van jongeren tot 18 jaar\): met jeugdhulp (\d[\d.]* \([\d,]+%\)|afgeschermd) · zonder verblijf /);
        expect(text).toMatch(/Heel jaar \d{4}\*{0,2} \(per 1\.000 jongeren tot 18 jaar\): lopend \d[\d.]* \([\d,]+\) · gestart /);
        expect(text).toMatch(/voorlopig|definitief/);
        expect(release).toMatch(/publicatie .+ \(\d+ \w+ \d{4}\)/);
        expect(text).toContain(release);
        expect(text).toMatch(new RegExp(`via https?://\\S+/gemeente/${slug}/\\.`));
        const today = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
        expect(text).toContain(`Geraadpleegd op ${today}`);
        expect(text).toMatch(/Licentie: CC BY 4\.0/);
        // Not on paper: navigation, the table of contents, search, charts, the long tables and the downloads.
        for (const absent of ['Op deze pagina:', 'Zoeken', 'Downloaden', 'Kopieer de bronvermelding', 'Ontwikkeling']) {
          expect(text, absent).not.toContain(absent);
        }
        // The section that names the neighbours stays on screen (the comparison tables name the group itself).
        expect(await page.locator('#vergelijkbare-gemeenten').isVisible()).toBe(false);
        expect(text).not.toContain('genoemd onder Vergelijkbare gemeenten');
        // So the comparison's intro names them itself: every neighbour named on screen is on paper too.
        const neighbours = await page.locator('table#buren tbody th a').allTextContents();
        for (const name of neighbours) expect(text, name).toContain(name);
        expect(text).not.toContain('hieronder genoemd');
        const chartsShown = await page.locator('figure.chart, svg[role="img"]').evaluateAll((els) => els.filter((el) => (el as HTMLElement).getClientRects().length > 0).length);
        expect(chartsShown).toBe(0);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the pages for raadsleden', () => {
  const PAGES = {
    '/over/vragen-bij-de-cijfers/': ['Herkennen', 'Verklaren', 'Waarderen', 'Verbeteren', 'Jongeren met jeugdhulp met verblijf', 'woonplaatsbeginsel'],
    '/over/wat-niet-in-de-cijfers-staat/': ['Wachttijden', 'Vrij toegankelijke hulp', 'persoonsgebonden budget', 'in natura', 'Hoe volledig de aanlevering is'],
  };
  for (const [route, phrases] of Object.entries(PAGES)) {
    it(`${route} has no axe violations, fits 320 px and is linked from /over/`, async () => {
      const { context, page } = await newPage({ width: 320 });
      try {
        const response = await page.goto(baseUrl + route, { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(200);
        const text = await page.locator('main').innerText();
        for (const phrase of phrases) expect(text, phrase).toContain(phrase);
        // No ranking, anywhere.
        expect(text).not.toMatch(/\b(ranglijst|ranking|beste|slechtste|koploper|hekkensluiter)\b/i);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        const violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);
        await page.goto(`${baseUrl}/over/`);
        expect(await page.locator(`main a[href="${route}"]`).count()).toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    });
  }

  it('every fact page links both under "Goed om te weten"', async () => {
    const { context, page } = await newPage({ javaScript: false });
    try {
      for (const route of ['/gemeente/vlieland/', '/gemeente/weesp/', '/nederland/', '/jeugdregio/amsterdam-amstelland/']) {
        await page.goto(baseUrl + route);
        const section = page.locator('section[aria-labelledby="goed-om-te-weten"]');
        for (const href of Object.keys(PAGES)) expect(await section.locator(`a[href="${href}"]`).count(), `${route} → ${href}`).toBe(1);
      }
    } finally {
      await context.close();
    }
  });
});
