/**
 * npm run bench — builds the site at several sizes, side by side in one run, and prints a table:
 *  - build time, peak memory and pages per second for the default data and for a 10× larger generated dataset;
 *  - the same number of trivial pages built by Astro alone (the floor), and the ratio between the two;
 *  - the transfer size of a gemeente page (HTML, CSS, SVG, JS) and of a search (index fragments fetched);
 *  - first contentful paint and total blocking time of a gemeente page in Chromium (4× CPU slowdown).
 * Targets are printed next to the figures; nothing here fails a test. Every build starts from an empty output
 * folder on a flushed disk: the previous build's output is removed and written back before the clock starts,
 * so one build does not pay for another's disk work. With --runs N the default build and its trivial floor
 * are built N times, alternately, and the median is reported with the spread.
 *   npm run bench [-- --skip-10x] [--runs 3] [--page /gemeente/amsterdam/] [--query amsterdam]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { BUILD_NODE_OPTIONS } from '../src/node/build-flags';
import { launchChromium } from '../src/node/chromium';
import { serveStatic } from '../src/node/static-server';
import { writeTrivialSite } from './bench/trivial-site';

const { values } = parseArgs({
  options: {
    'skip-10x': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    page: { type: 'string', default: '/gemeente/amsterdam/' },
    query: { type: 'string', default: 'Weesp' },
    out: { type: 'string', default: '.tmp/bench' },
  },
});
const work = path.resolve(values.out!);
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface BuildResult { ms: number; maxRssMb: number; pages: number; cpuMs: number; outMb: number; ok: boolean }

/**
 * Removes a previous build's output and lets the kernel write everything back to disk. On this kind of
 * machine the disk is slow to take half a gigabyte: a build that starts while another's output is still being
 * written back (or its deleted files discarded) creates its files several times slower.
 */
function quietDisk(outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  spawnSync('sync');
}

/**
 * The site builds with the Node options of `npm run build` (src/node/build-flags.ts); the floor is Astro as it
 * comes, with Node's defaults (those options make the trivial build slower: they are tuned for ours).
 */
type Kind = 'site' | 'floor';

function measureBuild(label: string, kind: Kind, root: string, outDir: string, env: Record<string, string> = {}): BuildResult {
  quietDisk(outDir);
  log(`${label}: bouwen…`);
  const nodeOptions = kind === 'site' ? BUILD_NODE_OPTIONS : [];
  const child = spawnSync(process.execPath, [...nodeOptions, '--import', 'tsx', path.resolve('scripts/bench/build-once.ts'), '--root', root, '--out', outDir], {
    encoding: 'utf8',
    env: { ...process.env, ...env, ASTRO_CACHE_DIR: path.join(work, `cache-${path.basename(outDir)}`) },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = child.stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1);
  if (child.status !== 0 || !line) {
    log(`${label}: MISLUKT (exitcode ${child.status})\n${child.stderr.slice(-2000)}`);
    return { ms: NaN, maxRssMb: NaN, pages: 0, cpuMs: NaN, outMb: NaN, ok: false };
  }
  const result = { ...(JSON.parse(line) as Omit<BuildResult, 'ok'>), ok: true };
  log(`${label}: ${result.pages} pagina's in ${(result.ms / 1000).toFixed(1)} s (CPU ${(result.cpuMs / 1000).toFixed(1)} s), piekgeheugen ${result.maxRssMb} MB, uitvoer ${result.outMb} MB`);
  return result;
}

function generateData(scale: number, dir: string): number {
  log(`data ${scale}× genereren in ${dir}…`);
  const started = performance.now();
  const child = spawnSync('npx', ['tsx', 'scripts/generate-demo.ts', '--scale', String(scale), '--out', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (child.status !== 0) throw new Error(`genereren ${scale}× mislukt`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Page loads per measurement of first contentful paint and blocking time: one load varies by a third. */
const PAGE_LOADS = 5;

async function measurePage(dist: string, route: string, query: string) {
  const server = await serveStatic(dist, { gzip: true });
  const browser = await launchChromium();
  try {
    const loads: Array<Awaited<ReturnType<typeof loadPage>>> = [];
    for (let i = 0; i < PAGE_LOADS; i++) loads.push(await loadPage(browser, server.url + route));
    const timing = { ...loads[0]!, fcp: median(loads.map((l) => l.fcp)), tbt: median(loads.map((l) => l.tbt)), fcps: loads.map((l) => l.fcp), tbts: loads.map((l) => l.tbt) };
    // A search as a reader does it: the search page with a query, until results show.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const searchPage = await context.newPage();
    await searchPage.goto(`${server.url}/zoeken/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
    const search = await searchPage.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ name: r.name, size: r.encodedBodySize })),
    );
    return { timing, search };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One load of a page in a fresh context with a 4× slower CPU: paint, blocking time and what it fetched. */
async function loadPage(browser: Awaited<ReturnType<typeof launchChromium>>, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    return await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
      return {
        fcp: paint,
        tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
        html: nav.encodedBodySize,
        resources: resources.map((r) => ({ name: r.name, type: r.initiatorType, size: r.encodedBodySize })),
        scripts: document.querySelectorAll('script').length,
      };
    });
  } finally {
    await context.close();
  }
}

/** Compressed size of the SVG inside a page (it travels inside the HTML; reported apart for insight). */
function inlineSizes(dist: string, route: string) {
  const html = readFileSync(path.join(dist, route, 'index.html'), 'utf8');
  const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).join('');
  const css = [...html.matchAll(/<style[\s\S]*?<\/style>/g)].map((m) => m[0]).join('');
  const gz = (s: string) => gzipSync(s).length;
  return { htmlRaw: html.length, htmlGz: gz(html), svgGz: gz(svg), cssGz: gz(css), charts: (html.match(/<svg[^>]*role="img"/g) ?? []).length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await mkdir(work, { recursive: true });
const rows: string[][] = [];

const runs = Math.max(1, Number(values.runs) || 1);
const reals: BuildResult[] = [];
const trivials: BuildResult[] = [];
for (let run = 1; run <= runs; run++) {
  const suffix = runs > 1 ? ` (${run}/${runs})` : '';
  const real = measureBuild(`standaarddata${suffix}`, 'site', process.cwd(), path.join(work, 'dist-default'));
  reals.push(real);
  if (run === 1) await writeTrivialSite(path.join(work, 'trivial-default'), real.pages);
  trivials.push(measureBuild(`triviaal, zelfde aantal pagina's${suffix}`, 'floor', path.join(work, 'trivial-default'), path.join(work, 'dist-trivial-default')));
}
const real = { ...reals[0]!, ms: median(reals.map((r) => r.ms)), cpuMs: median(reals.map((r) => r.cpuMs)), maxRssMb: Math.max(...reals.map((r) => r.maxRssMb)) };
const trivial = { ...trivials[0]!, ms: median(trivials.map((r) => r.ms)) };
const spread = (results: BuildResult[]) => (results.length > 1 ? ` (${sec(Math.min(...results.map((r) => r.ms)))}–${sec(Math.max(...results.map((r) => r.ms)))})` : '');
/**
 * The budget of the later issues (verdicts, neighbours, more datasets): within about 10× the floor, median of three.
 * The first goal, 3×, is reported blocked on two cores (see README); both are printed so neither hides.
 */
/** The output folder's size against the budget of the issue on more datasets (dist/ at most 600 MB). */
function outputText(mb: number): string {
  return `${mb} MB (doel ≤ 600 MB: ${mb <= 600 ? 'ja' : 'NEE'})`;
}

function targetText(ratio: number): string {
  return `≤ 10×: ${ratio <= 10 ? 'ja' : 'NEE'}; ≤ 3×: ${ratio <= 3 ? 'ja' : 'nee'}`;
}
rows.push(['Standaarddata', String(real.pages), sec(real.ms) + spread(reals), sec(real.cpuMs), `${real.maxRssMb} MB`, outputText(real.outMb), (real.pages / (real.ms / 1000)).toFixed(0), sec(trivial.ms) + spread(trivials), (real.ms / trivial.ms).toFixed(2) + '×', targetText(real.ms / trivial.ms)]);

if (!values['skip-10x']) {
  const dataDir = path.join(work, 'data-10x');
  const generated = generateData(10, dataDir);
  log(`10× data gegenereerd in ${sec(generated)}`);
  const big = measureBuild('10× data', 'site', process.cwd(), path.join(work, 'dist-10x'), { DATA_DIR: dataDir });
  await writeTrivialSite(path.join(work, 'trivial-10x'), Math.max(big.pages, 1));
  const bigTrivial = measureBuild('triviaal 10×', 'floor', path.join(work, 'trivial-10x'), path.join(work, 'dist-trivial-10x'));
  rows.push(['10× data', String(big.pages), big.ok ? sec(big.ms) : 'mislukt', big.ok ? sec(big.cpuMs) : '-', big.ok ? `${big.maxRssMb} MB` : '-', big.ok ? `${big.outMb} MB` : '-', big.ok ? (big.pages / (big.ms / 1000)).toFixed(0) : '-', sec(bigTrivial.ms), big.ok ? (big.ms / bigTrivial.ms).toFixed(2) + '×' : '-', big.ok ? `piekgeheugen ≤ 4 GB: ${big.maxRssMb <= 4096 ? 'ja' : 'NEE'}` : 'NEE (mislukt)']);
}

const dist = path.join(work, 'dist-default');
const lines: string[] = [];
if (runs > 1) lines.push(`Standaarddata en triviaal: mediaan van ${runs} builds om en om, tussen haakjes de spreiding.`, '');
lines.push('| Build | Pagina\'s | Tijd | CPU (Node, alle threads) | Piekgeheugen | Uitvoermap | Pagina\'s/s | Triviaal (Astro) | Verhouding | Doel |', '|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) lines.push(`| ${r.join(' | ')} |`);

if (existsSync(path.join(dist, values.page!, 'index.html'))) {
  const sizes = inlineSizes(dist, values.page!);
  const { timing, search } = await measurePage(dist, values.page!, values.query!);
  const external = timing.resources.filter((r) => r.name.includes('/_astro/') || r.name.endsWith('.css') || r.name.endsWith('.js'));
  const jsBytes = external.filter((r) => r.name.endsWith('.js')).reduce((s, r) => s + r.size, 0);
  const cssBytes = external.filter((r) => r.name.endsWith('.css')).reduce((s, r) => s + r.size, 0);
  const total = timing.html + timing.resources.reduce((s, r) => s + r.size, 0);
  const pagefind = search.filter((r) => r.name.includes('/pagefind/'));
  lines.push('', `Gemeentepagina ${values.page} (gzip, zoals over het netwerk):`, '', '| Onderdeel | Grootte |', '|---|---|');
  lines.push(`| HTML (met inline CSS en ${sizes.charts} SVG-grafieken) | ${kb(timing.html)} (ongecomprimeerd ${kb(sizes.htmlRaw)}) |`);
  lines.push(`| waarvan SVG | ${kb(sizes.svgGz)} |`, `| waarvan inline CSS | ${kb(sizes.cssGz)} |`);
  lines.push(`| Losse CSS | ${kb(cssBytes)} |`, `| JavaScript | ${kb(jsBytes)} (${timing.scripts} scripts; nodig om te lezen: nee) |`);
  lines.push(`| Totaal | ${kb(total)} ${total < 60 * 1024 ? '(doel < 60 KB: ja)' : '(doel < 60 KB: NEE)'} |`);
  lines.push('', `Zoeken naar "${values.query}" (/zoeken/?q=…): ${pagefind.length} bestanden van de zoekindex, ${kb(pagefind.reduce((s, r) => s + r.size, 0))} gzip.`);
  const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  lines.push('', `Tijden gemeentepagina in Chromium, 4× vertraagde CPU, mediaan van ${PAGE_LOADS} keer laden: first contentful paint ${timing.fcp.toFixed(0)} ms (${range(timing.fcps)}), total blocking time ${timing.tbt.toFixed(0)} ms (${range(timing.tbts)}).`);
} else {
  lines.push('', `Pagina ${values.page} ontbreekt in de build; geen paginametingen.`);
}

const machine = `Node ${process.version}, ${(await import('node:os')).cpus().length} cores`;
const report = `Benchmark ${new Date().toISOString().slice(0, 16).replace('T', ' ')} (${machine})\n\n${lines.join('\n')}\n`;
await writeFile(path.join(work, 'results.md'), report);
console.log(report);
