/**
 * Charts to reuse (issue 11), in Chromium against the built site: a chart downloaded as SVG and as PNG (with
 * its title, legend and source line; the PNG twice the SVG's size), a map downloaded without JavaScript, the
 * map's gemeenten as links reached with Tab and named on focus, and embed codes and citations without a
 * placeholder domain when the build has no site address (the test build sets no SITE_URL).
 */
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';

const SHOTS = path.resolve('tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });
afterAll(closeBrowser);

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file!) };
}

/** Errors the page reports, such as a Content-Security-Policy violation. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** How big the browser draws an SVG file as an image (which needs well-formed XML). */
async function imageSize(page: Page, svg: string): Promise<{ width: number; height: number }> {
  return page.evaluate(async (text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const image = new Image();
    image.src = url;
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  }, svg);
}

async function latestMapHref(page: Page): Promise<string> {
  await page.goto(`${baseUrl}/kaarten/`);
  return (await page.locator('.map-card__title a').first().getAttribute('href'))!;
}

describe('a chart to reuse', () => {
  it('downloads a fact page chart as SVG with title, legend and source line, and as a PNG of twice its size', async () => {
    const { context, page } = await newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(`${baseUrl}/gemeente/amsterdam/`);
      const figure = page.locator('#trend-jongeren-jeugdhulp-figuur');
      const buttons = figure.locator('.chart__download button');
      expect(await buttons.allTextContents()).toEqual(['SVG', 'PNG']);
      const svg = await downloaded(page, () => buttons.nth(0).click());
      expect(svg.name).toBe('gemeente-amsterdam-trend-jongeren-jeugdhulp.svg');
      const text = svg.bytes.toString('utf8');
      const caption = (await figure.locator('figcaption').textContent())!.trim();
      expect(text).toContain(`<title>${caption} — Amsterdam</title>`);
      for (const label of await figure.locator('.chart-legend li span').allTextContents()) expect(text).toContain(`>${label}</text>`);
      expect(text).toMatch(/(Bron: CBS|Fictieve demonstratiecijfers)[^<]* · publicatie [^<]+ · Jeugdzorg in cijfers, /);
      expect(text).toContain(`${baseUrl}/gemeente/amsterdam/`);
      const size = await imageSize(page, text);
      expect(size.width).toBeGreaterThan(600);

      const png = await downloaded(page, () => buttons.nth(1).click());
      expect(png.name).toBe('gemeente-amsterdam-trend-jongeren-jeugdhulp.png');
      expect(pngSize(png.bytes)).toEqual({ width: size.width * 2, height: size.height * 2 });
      expect(errors).toEqual([]);
      await writeFile(path.join(SHOTS, 'grafiek-download-trend.png'), png.bytes);
      await figure.screenshot({ path: path.join(SHOTS, 'grafiek-download-knoppen.png') });
    } finally {
      await context.close();
    }
  });

  for (const { width, shown, hidden } of [
    { width: 1280, shown: '-breed-', hidden: '-smal-' },
    { width: 375, shown: '-smal-', hidden: '-breed-' },
  ]) {
    it(`fetches a funnel's shared frame at ${width} px only for the drawing shown, and only when the reader gets there`, async () => {
      // With JavaScript: without it a browser loads every image at once (the HTML standard lets lazy loading
      // wait only where scripting is on), so both frames come, as they did before.
      const { context, page } = await newPage({ width });
      try {
        const frames: string[] = [];
        page.on('request', (request) => {
          if (request.url().includes('/grafieken/trechter/')) frames.push(request.url());
        });
        await page.goto(`${baseUrl}/gemeente/amsterdam/`, { waitUntil: 'load' });
        const figure = page.locator('figure.chart:has(img[data-frame])').first();
        const before = frames.length;
        await figure.scrollIntoViewIfNeeded();
        const frame = figure.locator(`img[data-frame][src*="${shown}"]`);
        await expect.poll(() => frame.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
        expect(frames.some((url) => url.includes(shown))).toBe(true);
        expect(frames.filter((url) => url.includes(hidden))).toEqual([]);
        // Not before the reader scrolled near it (the page has four funnels, far below the first screen).
        expect(before, 'kaders geladen voordat de lezer erheen scrolde').toBeLessThan(4);
        // The drawing lies exactly on its frame.
        const [imgBox, svgBox] = await Promise.all([frame.boundingBox(), figure.locator(`.chart__layers:has(img[src*="${shown}"]) > svg`).boundingBox()]);
        expect(svgBox).toEqual(imgBox);
      } finally {
        await context.close();
      }
    });
  }

  it("puts a funnel's shared frame inside its download, so the PNG shows all gemeenten", async () => {
    const { context, page } = await newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(`${baseUrl}/gemeente/amsterdam/`);
      // The first funnel: the chart that draws its shared frame from a file.
      const figure = page.locator('figure.chart:has(.chart__canvas--wide img[data-frame])').first();
      const svg = await downloaded(page, () => figure.locator('.chart__download button', { hasText: 'SVG' }).click());
      const text = svg.bytes.toString('utf8');
      expect(text).toContain('<image href="data:image/svg+xml,');
      expect(text).not.toContain('href="/grafieken/');
      const png = await downloaded(page, () => figure.locator('.chart__download button', { hasText: 'PNG' }).click());
      const size = await imageSize(page, text);
      expect(pngSize(png.bytes)).toEqual({ width: size.width * 2, height: size.height * 2 });
      // The frame is drawn: the PNG has far more ink than the same chart without its frame (the grey rings of
      // every gemeente, the limit curves, the axes).
      const withoutFrame = text.replace(/<image href="data:[^"]*"[^>]*>(<\/image>)?/, '');
      const [inkedPng, inkedWithoutFrame] = await page.evaluate(
        async ([pngBase64, svgText]) => {
          const ink = async (blob: Blob, scale: number) => {
            const url = URL.createObjectURL(blob);
            const image = new Image();
            image.src = url;
            await image.decode();
            const canvas = document.createElement('canvas');
            canvas.width = image.naturalWidth * scale;
            canvas.height = image.naturalHeight * scale;
            const context2d = canvas.getContext('2d')!;
            context2d.drawImage(image, 0, 0, canvas.width, canvas.height);
            const { data } = context2d.getImageData(0, 0, canvas.width, canvas.height);
            let dark = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i]! < 220 && data[i + 3]! > 0) dark++;
            return dark;
          };
          const png = Uint8Array.from(atob(pngBase64!), (c) => c.charCodeAt(0));
          return [await ink(new Blob([png], { type: 'image/png' }), 1), await ink(new Blob([svgText!], { type: 'image/svg+xml' }), 2)];
        },
        [png.bytes.toString('base64'), withoutFrame],
      );
      expect(inkedPng).toBeGreaterThan(inkedWithoutFrame * 1.5);
      await writeFile(path.join(SHOTS, 'grafiek-download-trechter.png'), png.bytes);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers the map as an SVG file without JavaScript, with its legend, notes and source line', async () => {
    const { context, page } = await newPage({ javaScript: false });
    try {
      const href = await latestMapHref(page);
      await page.goto(baseUrl + href);
      const link = page.locator('.chart__download a[download]');
      expect(await link.textContent()).toBe('SVG');
      expect(await page.locator('.chart__download button').count()).toBe(0);
      const fileUrl = new URL((await link.getAttribute('href'))!, baseUrl + href).href;
      const response = await page.request.get(fileUrl);
      expect(response.status()).toBe(200);
      const text = await response.text();
      expect(text).toContain('Kaartgrenzen: CBS/Kadaster');
      expect(text).toContain(' · Jeugdzorg in cijfers, ' + href);
      expect(text).not.toContain('example.nl');
      await page.goto(fileUrl);
      const shown = await page.evaluate(() => ({ width: document.documentElement.getAttribute('width'), tag: document.documentElement.tagName }));
      expect(shown.tag).toBe('svg');
      expect(Number(shown.width)).toBeGreaterThan(500);
    } finally {
      await context.close();
    }
  });
  it('says under each fact page chart, without JavaScript, that the files need it and where its figures are', async () => {
    const { context, page } = await newPage({ javaScript: false });
    try {
      await page.goto(`${baseUrl}/gemeente/zwolle/`);
      const figures = page.locator('figure.chart:not(.chart--map)');
      const count = await figures.count();
      expect(count).toBeGreaterThan(0);
      const funnels: string[] = [];
      for (let i = 0; i < count; i++) {
        const note = figures.nth(i).locator('.chart__nojs');
        await expect.poll(() => note.isVisible(), { timeout: 1000 }).toBe(true);
        expect(await note.textContent()).toContain('Als SVG of PNG downloaden kan met JavaScript aan');
        // Its table link leads to a table on this page; a funnel's to the table of all gemeenten, which the
        // table on this page (Zwolle and its references) is not.
        const target = (await note.locator('a').first().getAttribute('href'))!;
        if (target.startsWith('#')) {
          expect(await page.locator(`${target} tbody tr`).count(), target).toBeGreaterThan(0);
          continue;
        }
        expect(target, 'alleen een trechter linkt naar een andere pagina').toMatch(/^\/verschillen\//);
        funnels.push(target);
      }
      expect(funnels.length).toBeGreaterThan(0);
      for (const target of funnels) {
        await page.goto(`${baseUrl}${target}`);
        expect(await page.locator('table tbody tr').count(), target).toBeGreaterThan(300);
      }
      expect(await page.locator('.chart__download button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the map', () => {
  it('is reached with Tab: each gemeente a link that shows its name and figure on focus', async () => {
    const { context, page } = await newPage();
    try {
      const href = await latestMapHref(page);
      await page.goto(baseUrl + href);
      await page.focus('.chart--map .chart__skip');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const a = document.activeElement!;
        return { tag: a.tagName, inMap: !!a.closest('.chart--map__canvas'), href: a.getAttribute('href'), name: a.querySelector('title')?.textContent, outline: getComputedStyle(a).outlineStyle };
      });
      expect(focused).toMatchObject({ tag: 'a', inMap: true, outline: 'solid' });
      expect(focused.href).toMatch(/^\/gemeente\/[a-z0-9-]+\/$/);
      const label = page.locator('.chart--map__label');
      expect(await label.isVisible()).toBe(true);
      expect(await label.textContent()).toBe(focused.name);

      // Amsterdam's link: named by its figure as the table gives it, and followed with Enter.
      const figure = await page.locator('#kaart-tabel tr', { has: page.locator('a[href="/gemeente/amsterdam/"]') }).locator('td').first().textContent();
      // The table prints "12,1", the map "12,1%" (or "12,1 per 1.000 jongeren").
      const amsterdam = page.locator('.chart--map__canvas').getByRole('link', { name: new RegExp(`^Amsterdam: ${figure}( |%|$)`) });
      await amsterdam.focus();
      expect(await label.textContent()).toMatch(new RegExp(`^Amsterdam: ${figure}( |%|$)`));
      const box = (await label.boundingBox())!;
      const shape = (await amsterdam.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(shape.y + 1);
      // Its outline drawn over the neighbours, in black on white.
      expect(await page.locator('.chart--map__focus path').count()).toBe(2);
      await page.locator('.chart--map').screenshot({ path: path.join(SHOTS, 'kaart-focus-amsterdam.png') });
      expect(describeViolations(await runAxe(page))).toBe('');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${baseUrl}/gemeente/amsterdam/`);
    } finally {
      await context.close();
    }
  });
});

describe('embed codes and citations of a build without a site address', () => {
  it('show the path and a notice without JavaScript, and the address the page was opened at with it', async () => {
    for (const javaScript of [false, true]) {
      const { context, page } = await newPage({ javaScript });
      try {
        await page.goto(`${baseUrl}/gemeente/amsterdam/`);
        const text = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('textarea')].map((t) => t.value).join(' '));
        expect(text).not.toContain('example.nl');
        await page.locator('.embed-snippet summary').click();
        const code = await page.locator('.embed-snippet textarea').inputValue();
        const cite = await page.locator('.cite__text').textContent();
        const notice = page.locator('.embed-snippet__notice');
        if (javaScript) {
          expect(code).toContain(`src="${baseUrl}/embed/trend-gemeente-amsterdam/"`);
          expect(cite).toContain(` via ${baseUrl}/gemeente/amsterdam/.`);
          expect(await notice.isVisible()).toBe(false);
        } else {
          expect(code).toContain('src="/embed/trend-gemeente-amsterdam/"');
          expect(cite).toContain(' via /gemeente/amsterdam/.');
          expect(await notice.isVisible()).toBe(true);
          expect(await notice.textContent()).toContain('niet ingesteld');
        }
      } finally {
        await context.close();
      }
    }
  });
});

describe('embeds of every chart kind', () => {
  it('show a funnel, a map and a bar chart with their table, source and a link back, and pass axe', async () => {
    const { context, page } = await newPage();
    try {
      await page.goto(`${baseUrl}/embed/`);
      const ids = await page.$$eval('.embed-snippet textarea', (areas) => areas.map((a) => /\/embed\/([a-z0-9-]+)\//.exec((a as HTMLTextAreaElement).value)?.[1] ?? ''));
      const kinds = new Set(ids.map((id) => id.split('-')[0]));
      expect([...kinds].sort()).toEqual(['kaart', 'trechter', 'trend', 'verdeling']);
      for (const kind of ['trechter', 'kaart', 'verdeling']) {
        const id = ids.find((x) => x.startsWith(`${kind}-`))!;
        await page.goto(`${baseUrl}/embed/${id}/`);
        expect(await page.locator('figure svg.chart-plot').count()).toBeGreaterThan(0);
        expect(await page.locator('#embed-tabel tbody tr').count()).toBeGreaterThan(1);
        expect(await page.locator('.embed__source').textContent()).toContain('licentie CC BY 4.0');
        const back = (await page.locator('.embed__source a').getAttribute('href'))!;
        expect(back).not.toContain('example.nl');
        expect((await page.request.get(new URL(back, baseUrl).href)).status()).toBe(200);
        expect(await page.locator('.chart__download button', { hasText: 'PNG' }).count()).toBe(1);
        expect(describeViolations(await runAxe(page))).toBe('');
        await page.screenshot({ path: path.join(SHOTS, `embed-${kind}.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
