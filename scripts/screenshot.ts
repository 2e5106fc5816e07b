/**
 * Takes full-page screenshots of pages of a built site, to look at them as a reader would.
 *   npx tsx scripts/screenshot.ts [--dist dist] [--out .tmp/screens] [--width 1280] [--no-js] /path/ /other/path/
 * To look at a state a reader reaches (a table scrolled, a panel opened, the bottom of a long form):
 *   --click '#selectie summary'        clicks an element first (may be given more than once)
 *   --scroll-in '.table-scroll:300,1500' scrolls an element to x,y inside it
 *   --scroll 2400                      scrolls the page to y, and --viewport shoots what the screen shows
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FULL_PAGE_SCREENSHOT_STYLE, launchChromium } from '../src/node/chromium';
import { serveStatic } from '../src/node/static-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: '.tmp/screens' },
    width: { type: 'string', default: '1280' },
    'no-js': { type: 'boolean', default: false },
    /** Screenshots of successive screens instead of one long image (easier to read at full size). */
    tiles: { type: 'string', default: '0' },
    click: { type: 'string', multiple: true, default: [] },
    'scroll-in': { type: 'string' },
    scroll: { type: 'string' },
    viewport: { type: 'boolean', default: false },
  },
});

const server = await serveStatic(values.dist!);
const browser = await launchChromium();
try {
  await mkdir(values.out!, { recursive: true });
  const context = await browser.newContext({ viewport: { width: Number(values.width), height: 900 }, javaScriptEnabled: !values['no-js'] });
  const page = await context.newPage();
  for (const route of positionals.length ? positionals : ['/']) {
    await page.goto(server.url + route, { waitUntil: 'networkidle' });
    for (const selector of values.click!) await page.click(selector);
    if (values['scroll-in']) {
      const [selector, at] = [values['scroll-in'].slice(0, values['scroll-in'].lastIndexOf(':')), values['scroll-in'].slice(values['scroll-in'].lastIndexOf(':') + 1)];
      const [x, y] = at.split(',').map(Number);
      await page.locator(selector).first().evaluate((el, [left, top]) => el.scrollTo(left!, top!), [x, y]);
      await page.locator(selector).first().scrollIntoViewIfNeeded();
    }
    if (values.scroll) await page.evaluate((y) => window.scrollTo(0, y), Number(values.scroll));
    const name = (route.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home') + `-${values.width}.png`;
    const file = path.join(values.out!, name);
    const tiles = Number(values.tiles);
    if (values.viewport) {
      await page.screenshot({ path: file });
      console.log(file);
    } else if (tiles > 0) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let i = 0; i < tiles && i * 900 < height; i++) {
        const tile = file.replace(/\.png$/, `-${i + 1}.png`);
        await page.screenshot({ path: tile, clip: { x: 0, y: i * 900, width: Number(values.width), height: Math.min(900, height - i * 900) }, fullPage: true, style: FULL_PAGE_SCREENSHOT_STYLE });
        console.log(tile);
      }
    } else {
      await page.screenshot({ path: file, fullPage: true, style: FULL_PAGE_SCREENSHOT_STYLE });
      console.log(file);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
