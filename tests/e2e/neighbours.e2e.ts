/**
 * "Vergelijkbare gemeenten" on a gemeente's fact page (issue 13), in Chromium against the built site: the
 * section names and links ten neighbours, works without JavaScript, has no axe violations, and fits 320 px
 * (the table scrolls inside its own box); the download it links (on the downloads page) holds the same
 * neighbours; the method page has the worked example.
 */
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

afterAll(closeBrowser);

const SECTION = 'section[aria-labelledby="vergelijkbare-gemeenten"]';

describe('vergelijkbare gemeenten on a fact page', () => {
  for (const [slug, javaScript] of [['amsterdam', true], ['vlieland', false]] as const) {
    it(`names and links ten neighbours of ${slug}, ${javaScript ? 'with' : 'without'} JavaScript, with the download of all`, async () => {
      const { context, page } = await newPage({ javaScript });
      await page.goto(`${baseUrl}/gemeente/${slug}/`);
      const section = page.locator(SECTION);
      await expect(section.locator('h2').textContent()).resolves.toBe('Vergelijkbare gemeenten');
      const links = section.locator('table tbody th a');
      expect(await links.count()).toBe(10);
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(new Set(hrefs).size).toBe(10);
      expect(hrefs).not.toContain(`/gemeente/${slug}/`);
      // The own row first (not a link), Nederland last.
      const headers = await section.locator('table tbody th').allTextContents();
      expect(headers).toHaveLength(12);
      expect(headers.at(-1)).toBe('Nederland');
      expect(await section.locator('tbody tr.is-highlight th a').count()).toBe(0);
      // Each neighbour's link leads to its page, and the download lists the same neighbours in the same order.
      const first = await page.request.get(`${baseUrl}${hrefs[0]}`);
      expect(first.status()).toBe(200);
      // The download of all gemeenten is on the downloads page, where the section links.
      const downloads = await context.newPage();
      await downloads.goto(`${baseUrl}${await section.locator('a[href="/downloads/#buren"]').getAttribute('href')}`);
      const csvHref = await downloads.locator('h2#buren ~ p a[href$="buren.csv"]').first().getAttribute('href');
      const csv = await (await page.request.get(`${baseUrl}${csvHref}`)).text();
      const lines = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
      const code = lines.find((l) => l[1] === headers[0]!.trim())?.[0];
      const listed = lines.filter((l) => l[0] === code).map((l) => l[5]);
      expect(listed).toEqual((await links.allTextContents()).map((t) => t.trim()));
      expect(await section.locator('a[href="/over/methoden/#vergelijkbare-gemeenten"]').count()).toBe(1);
      await context.close();
    });
  }

  it('has no axe violations and fits 320 px, its table scrolling in its own box', async () => {
    const { context, page } = await newPage({ width: 320 });
    await page.goto(`${baseUrl}/gemeente/amsterdam/#vergelijkbare-gemeenten`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const box = page.locator(`${SECTION} .table-scroll`);
    const sizes = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, right: el.getBoundingClientRect().right }));
    expect(sizes.right).toBeLessThanOrEqual(320);
    // A box that scrolls can be reached with the keyboard (WCAG 2.1.1): it is focusable and named by its caption.
    expect(await box.getAttribute('tabindex')).toBe('0');
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
});

describe('the method page', () => {
  it('explains the neighbours and adds up the worked example to the distance it shows', async () => {
    // With JavaScript: axe runs in the page. At 320 px: the example's wide table scrolls in its own box.
    const { context, page } = await newPage({ width: 320 });
    await page.goto(`${baseUrl}/over/methoden/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expect(page.locator('#vergelijkbare-gemeenten').textContent()).resolves.toBe('Vergelijkbare gemeenten');
    const example = page.locator('section[aria-labelledby="rekenvoorbeeld-buren"]');
    const rows = example.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    const squares = (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td:last-child')!.textContent!))).map((t) => Number(t.replace(',', '.')));
    const text = (await example.locator('p').last().textContent())!;
    const distance = Number(/afstand tussen .*: ([\d,]+)\./.exec(text)![1]!.replace(',', '.'));
    // Seven squares rounded to 0,005 each (their sum off by at most 0,035) against a distance rounded to 0,005.
    expect(Math.abs(squares.reduce((a, b) => a + b, 0) - distance ** 2)).toBeLessThanOrEqual(0.035 + 0.01 * distance + 1e-4);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
});
