/**
 * axe-core in Chromium on every kind of page: zero WCAG 2.0/2.1 A and AA violations. Charts' text
 * alternatives and tables' captions and headers are checked explicitly as well.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

const PAGES = {
  home: '/',
  'tabellenoverzicht': '/tabellen/',
  dataset: '/tabellen/jeugdhulp/',
  gemeente: '/gemeente/amsterdam/',
  'kleine gemeente': '/gemeente/schiermonnikoog/',
  'voormalige gemeente': '/gemeente/weesp/',
  'opgesplitste gemeente': '/gemeente/haaren/',
  nederland: '/nederland/',
  provincie: '/provincie/utrecht/',
  jeugdregio: '/jeugdregio/amsterdam-amstelland/',
  gemeentelijst: '/gemeenten/',
  kaart: '/kaarten/',
  zoeken: '/zoeken/?q=Weesp',
  uitleg: '/over/cijfers-lezen/',
  toegankelijkheid: '/over/toegankelijkheid/',
  publicaties: '/releases/',
  'huidige publicatie': '/releases/2026-10-29/',
  'vervangen publicatie': '/releases/2025-10-30/',
  downloads: '/downloads/',
  'downloads van een tabel': '/downloads/jeugdhulp/',
  'kaart van een periode': '/kaarten/jeugdhulp/2026hj01/',
  verschillen: '/verschillen/',
  'verschillen van een cijfer en periode': '/verschillen/jeugdhulp/2026hj01/',
  'wijkentabel': '/tabellen/jeugdhulp-wijken/',
  insluiten: '/embed/',
  'ingesloten grafiek': '/embed/trend-gemeente-amsterdam/',
  'ingesloten kaart': '/embed/kaart-jeugdhulp/',
  'niet gevonden': '/bestaat-niet/',
} as const;

afterAll(closeBrowser);

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const [kind, route] of Object.entries(PAGES)) {
    it(`${kind}: ${route}`, async () => {
      const { context, page } = await newPage();
      try {
        const response = await page.goto(baseUrl + route, { waitUntil: 'networkidle' });
        expect(response?.status(), `${route} bestaat`).toBe(route === '/bestaat-niet/' ? 404 : 200);
        const violations = await runAxe(page);
        expect(violations, describeViolations(violations)).toEqual([]);

        // Every chart is an image with a name and a description, and links to its table.
        const charts = await page.$$eval('svg[role="img"]', (svgs) =>
          svgs.map((svg) => {
            const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
            const texts = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '');
            const figure = svg.closest('figure');
            const skip = figure?.querySelector('a[href^="#"]')?.getAttribute('href') ?? null;
            return { texts, skipTarget: skip && document.querySelector(skip) ? skip : null };
          }),
        );
        for (const chart of charts) {
          expect(chart.texts.length, 'grafiek heeft titel en beschrijving').toBeGreaterThanOrEqual(2);
          expect(chart.texts.every((t) => t.length > 0)).toBe(true);
          expect(chart.skipTarget, 'grafiek linkt naar een bestaande tabel').not.toBeNull();
        }
        // Every data table has a caption and header cells with a scope.
        const tables = await page.$$eval('table', (list) =>
          list.map((t) => ({ caption: t.querySelector('caption')?.textContent?.trim() ?? '', unscoped: [...t.querySelectorAll('th')].filter((th) => !th.getAttribute('scope') && !th.id).length })),
        );
        for (const table of tables) {
          expect(table.caption.length, 'tabel heeft een bijschrift').toBeGreaterThan(0);
          expect(table.unscoped, 'elke th heeft scope').toBe(0);
        }
      } finally {
        await context.close();
      }
    });
  }
});
