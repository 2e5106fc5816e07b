/**
 * "Verwacht en gemeten" on the gemeente pages (issue 13, item 3), against the built default site: every
 * current gemeente page has the section; no verdict in it contradicts the ratio printed beside it; Amsterdam's
 * figures are those of the download; the page works without JavaScript, passes axe and fits 320 px; the
 * method page has the worked example and the download its codebook.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { formatNumber, parseDutchNumber } from '../../src/lib/format/number';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

afterAll(closeBrowser);

const dist = inject('distDir');
const SECTION = 'section[aria-labelledby="verwacht"]';

/** The current gemeente pages of the build (a former gemeente's page redirects or has no such section). */
function gemeentePages(): Array<{ slug: string; html: string }> {
  const dir = path.join(dist, 'gemeente');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'index.html')))
    .map((e) => ({ slug: e.name, html: readFileSync(path.join(dir, e.name, 'index.html'), 'utf8') }))
    .filter((p) => !/http-equiv="refresh"/.test(p.html) && !p.html.includes('(voormalige gemeente)</h1>'));
}

const sectionOf = (html: string) => {
  const start = html.indexOf('<section aria-labelledby="verwacht"');
  return start < 0 ? undefined : html.slice(start, html.indexOf('</section>', start) + 10);
};

describe('verwacht en gemeten on every gemeente page', () => {
  it('is on every current gemeente page, and no verdict contradicts the ratio printed beside it', () => {
    const pages = gemeentePages();
    expect(pages.length).toBeGreaterThan(300);
    let verdicts = 0;
    for (const p of pages) {
      const section = sectionOf(p.html);
      expect(section, p.slug).toBeDefined();
      const { document } = parseHTML(`<!doctype html><html><body>${section}</body></html>`);
      for (const row of document.querySelectorAll('tbody tr')) {
        const cells = [...row.querySelectorAll('td')].map((c) => c.textContent!.trim());
        const verdict = cells[3]!;
        if (!/^(duidelijk )?(hoger|lager)$|^niet duidelijk anders$/.test(verdict)) continue;
        verdicts++;
        const ratio = parseDutchNumber(cells[2]!.split(' ')[0]!)!;
        if (/hoger/.test(verdict)) expect(ratio, `${p.slug}: ${cells.join(' | ')}`).toBeGreaterThan(1);
        if (/lager/.test(verdict)) expect(ratio, `${p.slug}: ${cells.join(' | ')}`).toBeLessThan(1);
      }
    }
    // Two measures split by age and sex, on almost every gemeente page.
    expect(verdicts).toBeGreaterThan(600);
  });

  it('gives Amsterdam the figures of the download, which the section links', async () => {
    const { context, page } = await newPage({ javaScript: false });
    await page.goto(`${baseUrl}/gemeente/amsterdam/`);
    const section = page.locator(SECTION);
    await expect(section.locator('h2').textContent()).resolves.toBe('Verwacht en gemeten');
    // The section links the downloads page, which links the file.
    expect(await section.locator('a[href="/downloads/#verwacht"]').count()).toBe(1);
    await page.goto(`${baseUrl}/downloads/`);
    const csvHref = await page.locator('h2#verwacht ~ p a[href$="verwacht.csv"]').first().getAttribute('href');
    await page.goto(`${baseUrl}/gemeente/amsterdam/`);
    const csv = Papa.parse<Record<string, string>>(await (await page.request.get(`${baseUrl}${csvHref}`)).text(), { header: true, skipEmptyLines: true }).data;
    const amsterdam = csv.filter((r) => r.gemeente_code === 'GM0363');
    const latest = amsterdam.map((r) => r.periode!).sort().at(-1);
    const rows = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    const topics = (await section.locator('tbody th').allTextContents()).map((t) => t.trim());
    expect(topics).toEqual(['Jeugdhulp', 'Jeugdhulp met verblijf']);
    const concepts = ['jongeren-jeugdhulp', 'jongeren-jeugdhulp-met-verblijf'];
    let checked = 0;
    concepts.forEach((concept, i) => {
      const r = amsterdam.find((x) => x.onderwerp === concept && x.periode === latest)!;
      const cells = rows[i]!;
      expect(cells[0], concept).toBe(formatNumber(Number(r.gemeten), 0));
      checked++;
      expect(cells[1], concept).toBe(formatNumber(Number(r.verwacht_leeftijd_geslacht), 0));
      expect(cells[2], concept).toBe(`${formatNumber(Number(r.verhouding), 2)} (${formatNumber(Number(r.verhouding_95_onder), 2)}–${formatNumber(Number(r.verhouding_95_boven), 2)})`);
      expect(cells[3], concept).toBe(r.oordeel!.replace(/-/g, ' '));
      // The model's fit as the download gives it; a number only where the model explains at least a quarter.
      const explained = Math.max(0, Number(r.model_verklaard));
      expect(cells[6], concept).toBe(`${formatNumber(explained * 100, 0)}%${explained < 0.25 ? ', weinig' : ''}`);
      expect(cells[4], concept).toBe(explained < 0.25 ? '–' : formatNumber(Number(r.verwacht_kenmerken), 0));
    });
    // The measures without a row: no age-sex split in the download either, and the model's fit as the sentence gives it.
    const sentence = await section.locator('p', { hasText: 'staan er niet in' }).textContent();
    for (const concept of ['jongeren-jeugdbescherming', 'jongeren-jeugdreclassering']) {
      const r = amsterdam.find((x) => x.onderwerp === concept && x.periode === latest)!;
      expect(r.geen_verwachting_reden, concept).toBe('geen-uitsplitsing');
      expect(Number(r.model_verklaard), concept).toBeLessThan(0.25);
      expect(sentence, concept).toContain(`${formatNumber(Math.max(0, Number(r.model_verklaard)) * 100, 0)}%`);
    }
    expect(checked).toBe(2);
    expect(await section.locator('a[href="/over/methoden/#verwacht-en-gemeten"]').count()).toBe(1);
    await context.close();
  });

  it('has no axe violations and fits 320 px, its table scrolling in its own box', async () => {
    const { context, page } = await newPage({ width: 320 });
    await page.goto(`${baseUrl}/gemeente/vlieland/#verwacht`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const box = page.locator(`${SECTION} .table-scroll`);
    expect(await box.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(320);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
});

describe('the method page and the download', () => {
  it('works the example through: the groups add up to the expected count on the page', async () => {
    const { context, page } = await newPage({ javaScript: false, width: 320 });
    await page.goto(`${baseUrl}/over/methoden/`);
    expect(await page.locator('#verwacht-en-gemeten').count()).toBe(1);
    const rows = await page.locator('#rekenvoorbeeld-verwacht-tabel tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows.length).toBe(7);
    const groups = rows.slice(0, 6).reduce((sum, r) => sum + parseDutchNumber(r[4]!)!, 0);
    expect(Math.abs(groups - parseDutchNumber(rows[6]![4]!)!)).toBeLessThan(0.35);
    expect(await page.locator('#model-verwacht-tabel tbody tr').count()).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('has a method page without axe violations', async () => {
    const { context, page } = await newPage();
    await page.goto(`${baseUrl}/over/methoden/#verwacht-en-gemeten`);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });

  it('is linked from /downloads/ with both files and the codebook', async () => {
    const { context, page } = await newPage({ javaScript: false });
    await page.goto(`${baseUrl}/downloads/`);
    for (const file of ['verwacht.csv', 'verwacht-excel.csv', 'datapackage.json']) {
      const href = await page.locator(`#verwacht ~ p a[href="/downloads/verwacht/${file}"]`).first().getAttribute('href');
      expect((await page.request.get(`${baseUrl}${href}`)).status(), file).toBe(200);
    }
    await context.close();
  });

  it('has a codebook that describes every column of both files', () => {
    const pkg = JSON.parse(readFileSync(path.join(dist, 'downloads/verwacht/datapackage.json'), 'utf8'));
    for (const resource of pkg.resources) {
      const header = readFileSync(path.join(dist, 'downloads/verwacht', resource.path), 'utf8').replace(/^\ufeff/, '').split('\r\n')[0]!;
      const delimiter = resource.dialect.delimiter;
      expect(Papa.parse<string[]>(header, { delimiter }).data[0]).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
    }
  });
});
