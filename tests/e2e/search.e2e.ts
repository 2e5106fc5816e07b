/**
 * Search as readers and journalists use it (issue 11), in Chromium against the built site (the default or the
 * real-data build: E2E_DIST): typos find the region, a postcode is told plainly that it cannot be searched,
 * the header's search box suggests regions while typing (a combobox for keyboard, screen reader and touch,
 * a plain form without JavaScript), and on a phone the first result shows without scrolling.
 * Screenshots with the suggestions open are saved in tests/e2e/screenshots/ for review.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, describeViolations, newPage, openBrowser, runAxe } from './browser';
import { ISSUE_TYPOS } from '../search/typos';

const SCREENSHOTS = path.resolve('tests/e2e/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

afterAll(closeBrowser);

/** A phone: 375 px wide, with the height of the smallest common one (iPhone SE), touch. */
async function phone() {
  const browser = await openBrowser();
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, locale: 'nl-NL' });
  return { context, page: await context.newPage() };
}

/** The search page for a query, once it has answered. */
async function search(page: Page, query: string, filters = ''): Promise<{ status: string; hrefs: string[]; titles: string[] }> {
  await page.goto(`${baseUrl}/zoeken/?q=${encodeURIComponent(query)}${filters}`);
  await page.waitForFunction(() => (document.querySelector('#zoek-status')?.textContent ?? '') !== '' && !document.querySelector('#zoek-resultaten[aria-busy]'), undefined, { timeout: 20_000 });
  const links = page.locator('#zoek-resultaten > li h2 a');
  return {
    status: (await page.locator('#zoek-status').textContent()) ?? '',
    hrefs: await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')),
    titles: await links.evaluateAll((as) => as.map((a) => a.textContent ?? '')),
  };
}

/** Console messages that tell of a blocked resource or a script error. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

describe('the search page', () => {
  it('finds the gemeente behind a typo, first (Amsterdm, Rotterdm, Groningn, Apeldorn, Utrect)', async () => {
    const { context, page } = await newPage();
    try {
      for (const [typo, url] of ISSUE_TYPOS) {
        const result = await search(page, typo);
        expect(result.hrefs[0], typo).toBe(url);
        expect(result.status, typo).toMatch(new RegExp(`^\\d+ resultaten? voor ‘.+’; u typte ‘${typo}’\\.$`));
      }
      // "Utrect" was the word "u" to Pagefind; now it is Utrecht: the gemeente, the provincie, and pages about them.
      const utrecht = await search(page, 'Utrect');
      expect(utrecht.hrefs.slice(0, 2)).toEqual(['/gemeente/utrecht/', '/provincie/utrecht/']);
      expect(utrecht.hrefs).not.toContain('/over/cijfers-lezen/');
      expect(utrecht.hrefs.filter((h) => h === '/gemeente/utrecht/')).toHaveLength(1);
      // The gemeente shows its key figure, as Pagefind gives it.
      expect(await page.locator('#zoek-resultaten > li').first().locator('.search-result__figure').textContent()).toMatch(/^[\d.]+ /);
    } finally {
      await context.close();
    }
  });

  it('says plainly that postcodes cannot be searched, and points to the list of gemeenten', async () => {
    const { context, page } = await newPage();
    try {
      for (const postcode of ['1011', '1011 AB']) {
        const result = await search(page, postcode);
        expect(result.hrefs, postcode).toEqual([]);
        expect(result.status).toBe(`Geen resultaten voor ‘${postcode}’: zoeken op postcode kan niet.`);
        const notice = page.locator('#zoek-postcode');
        expect(await notice.isVisible()).toBe(true);
        expect(await notice.locator('a').getAttribute('href')).toBe('/gemeenten/');
      }
      // The notice goes once a name is searched.
      await page.fill('#zoekterm', 'Amsterdam');
      await page.press('#zoekterm', 'Enter');
      await page.waitForFunction(() => document.querySelector('#zoek-resultaten li a')?.getAttribute('href') === '/gemeente/amsterdam/', undefined, { timeout: 20_000 });
      expect(await page.locator('#zoek-postcode').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('shows the first result on a phone without scrolling', async () => {
    const { context, page } = await phone();
    try {
      for (const query of ['Amsterdam', 'Utrect', 'jeugdbescherming']) {
        await search(page, query);
        const first = await page.locator('#zoek-resultaten > li').first().boundingBox();
        expect(first, query).not.toBeNull();
        // Its title and what it is (kind, provincie) above the fold, on the top of the page.
        const kind = await page.locator('#zoek-resultaten > li').first().locator('h2, .search-result__kind').last().boundingBox();
        expect(await page.evaluate(() => window.scrollY), query).toBe(0);
        expect(kind!.y + kind!.height, query).toBeLessThanOrEqual(667);
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, 'zoeken-375-jeugdbescherming.png') });
    } finally {
      await context.close();
    }
  });

  it('opens the filters when one is chosen, and has no accessibility violations', async () => {
    const { context, page } = await newPage();
    try {
      await search(page, 'Utrect');
      expect(await page.locator('#zoek-verfijnen').getAttribute('open')).toBeNull();
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await search(page, 'Groningen', '&soort=Provincie');
      expect(await page.locator('#zoek-verfijnen').getAttribute('open')).not.toBeNull();
      expect(await page.locator('#zoek-resultaten > li h2 a').first().getAttribute('href')).toBe('/provincie/groningen/');
    } finally {
      await context.close();
    }
  });
});

describe('suggestions in the header search box', () => {
  it('suggests regions while typing, typos included; arrows, Enter and Escape work; no script loads before typing', async () => {
    const { context, page } = await newPage();
    const problems = watchConsole(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${baseUrl}/gemeente/tilburg/`, { waitUntil: 'networkidle' });
      const box = page.locator('#site-search');
      // An external script: the host's Content-Security-Policy refuses inline ones.
      expect(await page.locator('script[src="/zoeken/zoekvak.js"]').count()).toBe(1);
      expect(await box.getAttribute('role')).toBe('combobox');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(fetched.filter((p) => (p.startsWith('/zoeken/') && p !== '/zoeken/zoekvak.js') || p.startsWith('/pagefind/'))).toEqual([]);

      await box.click();
      await box.pressSequentially('Groningn', { delay: 30 });
      const list = page.locator('#site-search-suggesties');
      await list.locator('[role="option"]').first().waitFor();
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      expect(await box.getAttribute('aria-controls')).toBe('site-search-suggesties');
      expect(await list.getAttribute('role')).toBe('listbox');
      const options = await list.locator('[role="option"]').allTextContents();
      expect(options[0]).toMatch(/^Groningen Gemeente in Groningen$/);
      expect(options).toContain('Groningen Provincie');
      expect(fetched).toEqual(expect.arrayContaining(['/zoeken/suggesties.js', '/zoeken/regios.json', '/zoeken/suggesties.css']));
      // The suggestions do not need Pagefind.
      expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);

      await page.keyboard.press('ArrowDown');
      const firstId = await list.locator('[role="option"]').first().getAttribute('id');
      expect(await box.getAttribute('aria-activedescendant')).toBe(firstId);
      expect(await list.locator('[role="option"]').first().getAttribute('aria-selected')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      expect(await box.getAttribute('aria-activedescendant')).toBe(firstId);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'suggesties-1280.png') });
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.keyboard.press('Escape');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(await list.isVisible()).toBe(false);
      expect(await box.getAttribute('aria-activedescendant')).toBeNull();
      expect(await box.inputValue()).toBe('Groningn');

      await page.keyboard.press('ArrowDown');
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/gemeente\/groningen\/$/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('submits to the search page on Enter without a chosen suggestion, and says so for a postcode', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/`);
      await page.locator('#site-search').pressSequentially('1011', { delay: 30 });
      const option = page.locator('#site-search-suggesties [role="option"]');
      await option.first().waitFor();
      expect(await option.allTextContents()).toEqual(['Zoeken op postcode kan niet Kies uw gemeente in de lijst van gemeenten']);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/zoeken\/\?q=1011$/);
    } finally {
      await context.close();
    }
  });

  it('works with touch on a phone: a tap on a suggestion opens it', async () => {
    const { context, page } = await phone();
    try {
      await page.goto(`${baseUrl}/`);
      const box = page.locator('#site-search');
      await box.tap();
      await box.pressSequentially('Apeldorn', { delay: 30 });
      const option = page.locator('#site-search-suggesties [role="option"]').first();
      await option.waitFor();
      expect(await option.textContent()).toMatch(/^Apeldoorn /);
      // The list fits the screen.
      const box375 = await page.locator('#site-search-suggesties').boundingBox();
      expect(box375!.x).toBeGreaterThanOrEqual(0);
      expect(box375!.x + box375!.width).toBeLessThanOrEqual(375);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'suggesties-375.png') });
      await option.tap();
      await page.waitForURL(/\/gemeente\/apeldoorn\/$/);
    } finally {
      await context.close();
    }
  });

  it('is a plain form without JavaScript: it submits to /zoeken/', async () => {
    const { context, page } = await newPage({ javaScript: false });
    try {
      await page.goto(`${baseUrl}/gemeente/tilburg/`);
      expect(await page.locator('#site-search').getAttribute('role')).toBeNull();
      await page.fill('#site-search', 'Amsterdm');
      await page.press('#site-search', 'Enter');
      await page.waitForURL(/\/zoeken\/\?q=Amsterdm$/);
    } finally {
      await context.close();
    }
  });
});
