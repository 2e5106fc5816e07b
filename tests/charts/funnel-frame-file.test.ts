/**
 * The funnel of a fact page draws what all fact pages of the funnel share from a static file
 * (src/pages/grafieken/trechter/[frame].svg.ts): the drawing with that file put in place of its <image> must be
 * exactly the drawing that carries everything itself, so nothing moved; and every file a fact page refers to is
 * one the endpoint writes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { comparisonFunnelInput, factPageFunnels, funnelChartInput, funnelFrameInputs, funnelFramePath } from '../../src/lib/facts/funnel-chart';
import { funnelOf } from '../../src/lib/facts/funnel';
import { CHART_WIDTH, NARROW_CHART_WIDTH } from '../../src/lib/charts/layout';
import type { ChartOutput, FunnelChartInput } from '../../src/lib/charts/types';
import { funnelFrameFile, renderFunnelChart, resetRenderCache, withNarrow } from '../../src/render/charts';
import { withFrameImage } from '../../src/lib/charts/standalone-svg';
import { fixture, HALF_YEARS } from '../facts/fixture';

const { context, register } = fixture();
const LATEST = HALF_YEARS.at(-1)!;

const IMAGE = /<image href="([^"]+)" x="0" y="0" width="(\d+)" height="(\d+)" \/>/g;

/** The drawing with the file's contents where its <image> is, the file's ids made the chart's. */
function compose(svg: string, id: string, file: string): string {
  const inner = file.replace(/^<svg\b[^>]*>/, '').replace(/<\/svg>$/, '').replace(/(["#])trechter-clip-/g, `$1${id}-clip-`);
  const images = [...svg.matchAll(IMAGE)];
  expect(images).toHaveLength(1);
  return svg.replace(images[0]![0], () => inner);
}

/** The files the endpoint writes, by href. */
function endpointFiles(): Map<string, ReturnType<typeof funnelFrameFile>> {
  return new Map(factPageFunnels(context).flatMap(funnelFrameInputs).map(funnelFrameFile).map((f) => [f.href, f]));
}

/** A fact page's funnels, wide and narrow, as the page renders them (RegionFactsPage.astro). */
async function factPageFunnelCharts(code: string): Promise<Array<{ input: FunnelChartInput; chart: ChartOutput }>> {
  const out: Array<{ input: FunnelChartInput; chart: ChartOutput }> = [];
  for (const c of regionFacts(context, code).comparisons) {
    const input = comparisonFunnelInput(c, code);
    if (!input) continue;
    const chart = await withNarrow(renderFunnelChart, input);
    out.push({ input, chart }, { input: { ...input, id: `${input.id}-smal`, width: NARROW_CHART_WIDTH }, chart: chart.narrow! });
  }
  return out;
}

beforeEach(() => resetRenderCache());

describe('funnel of a fact page with its shared part from a file', () => {
  const GEMEENTEN = { GM0193: 'Zwolle', GM0096: 'Vlieland', GM0363: 'Amsterdam', GM1680: 'Aa en Hunze' };

  it('composed with its file, is exactly the drawing that carries everything itself, wide and narrow', async () => {
    const files = endpointFiles();
    const regions = [...Object.keys(GEMEENTEN), register.provincies()[0]!.code, register.jeugdregios()[0]!.code];
    const compared: Record<string, number> = {};
    for (const code of regions) {
      const charts = await factPageFunnelCharts(code);
      compared[code] = charts.length;
      for (const { input, chart } of charts) {
        const { frameFile, ...inline } = input;
        expect(frameFile).toBeDefined();
        const whole = (await renderFunnelChart(inline)).svg;
        // The page shows the file under the drawing; a download puts it inside, where the frame was drawn.
        expect(chart.svg).not.toContain('<image');
        const drawn = withFrameImage(chart.svg, chart.frame!);
        const href = [...drawn.matchAll(IMAGE)][0]![1]!;
        expect(href).toBe(chart.frame!.href);
        const file = files.get(href);
        expect(file, `${code} ${input.id}: ${href} is een bestand van het endpoint`).toBeDefined();
        expect(compose(drawn, input.id, file!.svg)).toBe(whole);
        // Only the page's own marks are inline: no grey rings, no axes.
        expect(chart.svg).not.toContain('funnel-others');
        expect(chart.svg).not.toContain('aria-hidden');
        expect(chart.svg.length).toBeLessThan(whole.length / 2);
      }
    }
    // Every region at least one funnel, wide and narrow (the fixture compares three figures; of Vlieland fewer
    // have counts), gemeenten, a provincie and a jeugdregio.
    for (const code of regions) expect(compared[code], code).toBeGreaterThanOrEqual(2);
    expect(Object.values(compared).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(20);
  });

  it('keeps what makes the inline drawing a chart: size, role, its own title and description', async () => {
    const [first, second] = await factPageFunnelCharts('GM0193');
    const { input, chart } = first!;
    const narrow = second!.chart;
    expect(withFrameImage(chart.svg, chart.frame!)).toMatch(new RegExp(`^<svg aria-labelledby="${input.id}-title ${input.id}-desc" role="img" [^>]*viewBox="0 0 640 420" height="420" width="640"[^>]* class="chart-plot"><title id="${input.id}-title">[^<]+</title><desc id="${input.id}-desc">[^<]+</desc><image href="/grafieken/trechter/[^"]+-breed-[0-9a-f]{10}\\.svg" x="0" y="0" width="640" height="420" />`));
    expect(chart.frame).toMatchObject({ width: 640, height: 420 });
    expect(narrow.frame).toMatchObject({ href: expect.stringMatching(/^\/grafieken\/trechter\/[^"]+-smal-[0-9a-f]{10}\.svg$/), width: 320, height: 340 });
    expect(narrow.svg).toMatch(/viewBox="0 0 320 340" height="340" width="320"[^>]*><title id="[^"]+-smal-title">/);
    expect(chart.description).toContain('Zwolle (de grote stip met naam)');
    expect(chart.svg).toContain('class="funnel-highlight"');
    expect(chart.svg).toContain('class="funnel-highlight-label"');
  });

  it('is drawn whole without frameFile (the national pages)', async () => {
    const funnel = funnelOf(context, 'jongeren-jeugdhulp', LATEST)!;
    const chart = await renderFunnelChart(funnelChartInput(funnel, { id: 'trechter' }));
    expect(chart.svg).not.toContain('<image');
    expect(chart.frame).toBeUndefined();
    expect(chart.svg).toContain('class="funnel-others"');
  });
});

describe('the files of the shared parts', () => {
  it('are one per funnel that fact pages show and width, each referred to by the fact pages, with stable names', async () => {
    const files = endpointFiles();
    const funnels = factPageFunnels(context);
    expect(funnels.map((f) => f.kind)).toEqual(expect.arrayContaining(['gemeente', 'provincie', 'jeugdregio']));
    expect(funnels.every((f) => f.period === LATEST)).toBe(true);
    expect(files.size).toBe(funnels.length * 2);
    expect(new Set([...files.values()].map((f) => f.name)).size).toBe(files.size);
    for (const funnel of funnels) {
      for (const width of ['breed', 'smal']) {
        expect([...files.keys()].filter((h) => new RegExp(`^${funnelFramePath(funnel)}-${width}-[0-9a-f]{10}\\.svg$`).test(h)), `${funnelFramePath(funnel)} ${width}`).toHaveLength(1);
      }
    }
    expect(funnelFramePath(funnels[0]!)).toBe(`/grafieken/trechter/jongeren-jeugdhulp-${LATEST.toLowerCase()}-gemeente`);
    // Every gemeente of the funnel refers to the same file; the files of a few pages are among them.
    const referred = new Set<string>();
    for (const code of ['GM0193', 'GM0096', 'GM0363', register.provincies()[0]!.code, register.jeugdregios()[0]!.code]) {
      for (const { chart } of await factPageFunnelCharts(code)) referred.add(chart.frame!.href);
    }
    for (const href of referred) expect(files.has(href), href).toBe(true);
    // The same again: the same names (a rebuild of the same data writes the same files).
    resetRenderCache();
    expect([...endpointFiles().keys()]).toEqual([...files.keys()]);
  });

  it('are standalone SVG documents in the size of the drawing, without the chart ids or role of an inline chart', () => {
    for (const file of endpointFiles().values()) {
      const width = file.href.includes('-smal-') ? NARROW_CHART_WIDTH : CHART_WIDTH;
      expect(file.width).toBe(width);
      const root = /^<svg\b[^>]*>/.exec(file.svg)![0];
      expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(root).toContain(`viewBox="0 0 ${width} ${file.height}" height="${file.height}" width="${width}"`);
      expect(root).toContain('font-family="system-ui, sans-serif"');
      expect(root).toContain('color="#1a1a1a"');
      expect(root).not.toMatch(/role=|aria-labelledby|class=/);
      expect(file.svg).not.toMatch(/__chart__|<title|<desc|<image/);
      expect(file.svg.endsWith('</svg>')).toBe(true);
      expect(file.svg).toContain('class="funnel-others"');
      expect(file.svg).toContain('class="funnel-centre-label"');
      expect(file.svg).not.toContain('funnel-highlight');
      // Every clip path it uses, it defines.
      for (const [, id] of file.svg.matchAll(/url\(#([^)]+)\)/g)) expect(file.svg).toContain(`id="${id}"`);
    }
  });

  it('change name when what they draw changes (a browser never shows a kept file under new marks)', () => {
    const funnel = funnelOf(context, 'jongeren-jeugdhulp', LATEST)!;
    const [wide] = funnelFrameInputs(funnel);
    const file = funnelFrameFile(wide!);
    const moved = funnelFrameFile({ ...wide!, target: { ...wide!.target, value: wide!.target.value * 1.01 } });
    expect(moved.href).not.toBe(file.href);
    expect(moved.href.replace(/-[0-9a-f]{10}\.svg$/, '')).toBe(file.href.replace(/-[0-9a-f]{10}\.svg$/, ''));
    expect(() => funnelFrameFile(funnelChartInput(funnel, { id: 'trechter' }))).toThrow();
  });
});
