import { beforeEach, describe, expect, it } from 'vitest';
import { describeFunnel } from '../../src/lib/charts/describe-funnel';
import { funnelCurves, funnelLayout, funnelScales, funnelSpec, limitsAt, sizeTicks } from '../../src/lib/charts/funnel-spec';
import { NARROW_CHART_WIDTH } from '../../src/lib/charts/layout';
import type { FunnelChartInput } from '../../src/lib/charts/types';
import { funnelLimits } from '../../src/lib/stats/funnel';
import { VERDICT_TEXT, type Verdict } from '../../src/lib/stats/verdict';
import { renderFunnelChart, renderStats, resetRenderCache, withNarrow } from '../../src/render/charts';
import { renderPlotSvg, withChartId } from '../../src/render/plot-dom';

/** Text content of every <text> element (tspans joined), as a reader sees it. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

const VERDICTS: Array<Verdict | undefined> = ['niet-duidelijk-anders', 'hoger', 'niet-duidelijk-anders', 'lager', 'niet-duidelijk-anders', 'duidelijk-hoger', 'niet-duidelijk-anders', undefined, 'duidelijk-lager', 'niet-duidelijk-anders'];

/** 120 regions from 90 to about 150.000 youths around 10,6%, with a verdict each (not computed: given). */
function points(n = 120): FunnelChartInput['points'] {
  return Array.from({ length: n }, (_, i) => {
    const size = Math.round(90 * 1.064 ** i);
    const value = 10.6 + (((i * 7919) % 101) - 50) / 10;
    const verdict = VERDICTS[i % VERDICTS.length];
    return { code: `GM${String(1000 + i)}`, label: i === 3 ? 'Bergen (NH.) & <Egmond>' : `Gemeente ${i}`, size, value, shown: Math.round(value * 10) / 10, ...(verdict ? { verdict } : { reason: 'te-weinig' as const }) };
  });
}

const POINTS = points();

function input(overrides: Partial<FunnelChartInput> = {}): FunnelChartInput {
  return {
    id: 'trechter',
    title: 'Jongeren met jeugdhulp: % van de jongeren tot 18 jaar naar aantal jongeren, alle gemeenten, 1e halfjaar 2026*',
    unit: '%',
    decimals: 1,
    per: 100,
    sizeLabel: 'jongeren tot 18 jaar',
    target: { label: 'Nederland', value: 10.643, shown: 10.6, inPhrase: 'in Nederland' },
    tau2: 0.000565,
    points: POINTS,
    noun: 'gemeenten',
    missingCount: 3,
    ...overrides,
  };
}

beforeEach(() => resetRenderCache());

describe('funnel plot spec', () => {
  it('draws limit curves that are funnelLimits at every size of the grid, in the rate unit', () => {
    const chart = input();
    const layout = funnelLayout(chart);
    const curves = funnelCurves(chart, layout);
    expect(curves[0]!.size).toBe(layout.xDomain[0]);
    expect(curves.at(-1)!.size).toBe(layout.xDomain[1]);
    for (const c of [curves[0]!, curves[17]!, curves[30]!, curves.at(-1)!]) {
      const l = funnelLimits(10.643 / 100, c.size, 0.000565);
      expect(c.lower95).toBeCloseTo(l.lower95 * 100, 10);
      expect(c.upper95).toBeCloseTo(l.upper95 * 100, 10);
      expect(c.lower998).toBeCloseTo(l.lower998 * 100, 10);
      expect(c.upper998).toBeCloseTo(l.upper998 * 100, 10);
    }
    // At sample sizes too, and per 1.000.
    for (const size of [100, 2500, 40000]) {
      const l = funnelLimits(0.0045, size, 0.00002);
      expect(limitsAt({ target: { label: 'Nederland', value: 4.5 }, tau2: 0.00002, per: 1000 }, size)).toEqual({
        size,
        lower95: l.lower95 * 1000,
        upper95: l.upper95 * 1000,
        lower998: l.lower998 * 1000,
        upper998: l.upper998 * 1000,
      });
    }
    // Spread evenly over the logarithmic axis, each at a whole pixel.
    const { x } = funnelScales(layout);
    const columns = curves.map((c) => x(c.size));
    const step = (columns.at(-1)! - columns[0]!) / (curves.length - 1);
    columns.forEach((px, i) => {
      expect(Math.abs(px - Math.round(px))).toBeLessThan(1e-6);
      expect(Math.abs(px - (columns[0]! + i * step))).toBeLessThanOrEqual(0.5 + 1e-6);
    });
  });

  it('draws the limits at whole pixel columns, within a tenth of a pixel of funnelLimits there, wide and narrow', async () => {
    for (const chart of [input(), input({ width: NARROW_CHART_WIDTH })]) {
      const layout = funnelLayout(chart);
      const { sizeAt, y } = funnelScales(layout);
      const svg = (await renderFunnelChart(chart)).svg;
      for (const [cls, lower, upper] of [['funnel-limit-95', 'lower95', 'upper95'], ['funnel-limit-998', 'lower998', 'upper998']] as const) {
        const group = new RegExp(`<g[^>]*class="${cls}"[^>]*>([\\s\\S]*?)</g>`).exec(svg)![1]!;
        const paths = [...group.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]!);
        expect(paths).toHaveLength(2);
        paths.forEach((d, i) => {
          const vertices = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
          expect(vertices.length).toBe(49);
          for (const [px, py] of vertices) {
            expect(Number.isInteger(px)).toBe(true);
            const limits = limitsAt(chart, sizeAt(px));
            expect(Math.abs(py - y(limits[i === 0 ? lower : upper]))).toBeLessThanOrEqual(0.06);
          }
        });
      }
    }
  });

  it('puts every region and the narrow end of the funnel on the chart, with nl-NL ticks on a log axis', async () => {
    const chart = await renderFunnelChart(input());
    const layout = funnelLayout(input());
    for (const p of POINTS) {
      expect(p.size).toBeGreaterThan(layout.xDomain[0]);
      expect(p.size).toBeLessThan(layout.xDomain[1]);
      expect(p.value).toBeGreaterThanOrEqual(layout.yDomain[0]);
      expect(p.value).toBeLessThanOrEqual(layout.yDomain[1]);
    }
    const end = limitsAt(input(), layout.xDomain[1]);
    expect(end.lower998).toBeGreaterThanOrEqual(layout.yDomain[0]);
    expect(end.upper998).toBeLessThanOrEqual(layout.yDomain[1]);
    const t = texts(chart.svg);
    expect(t).toEqual(expect.arrayContaining(['100', '1.000', '10.000', '100.000', 'Nederland: 10,6%', 'jongeren tot 18 jaar (logaritmische schaal) →', '↑ % van de jongeren tot 18 jaar']));
    expect(t.join(' ')).not.toMatch(/\d,\d{3}\b|\dk\b/);
    // Every region as a grey ring, the limits as four clipped curves; no ranks anywhere.
    expect(/<g[^>]*class="funnel-others"[^>]*>([\s\S]*?)<\/g>/.exec(chart.svg)![1]!.match(/<circle/g)!.length).toBe(POINTS.length);
    expect(/<g[^>]*class="funnel-limit-95"[^>]*>([\s\S]*?)<\/g>/.exec(chart.svg)![0]).toContain('stroke-dasharray');
    expect(chart.svg).not.toMatch(/\d+e (hoogste|laagste|plaats)|rang/);
  });

  it('labels every tick of the size axis (a Plot log axis would leave out 5.000)', async () => {
    const large = POINTS.filter((p) => p.size >= 800).map((p) => ({ ...p }));
    const layout = funnelLayout(input({ points: large }));
    expect(layout.xTicks).toEqual([1000, 2000, 5000, 10000, 20000, 50000, 100000]);
    const t = texts((await renderFunnelChart(input({ points: large }))).svg);
    expect(t).toEqual(expect.arrayContaining(['1.000', '2.000', '5.000', '10.000', '20.000', '50.000', '100.000']));
  });

  it('uses 1-2-5, 1-3 or powers of ten on the size axis as room allows', () => {
    expect(sizeTicks([90, 160000], 1800)).toEqual([100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000]);
    expect(sizeTicks([90, 160000], 560)).toEqual([100, 300, 1000, 3000, 10000, 30000, 100000]);
    expect(sizeTicks([90, 160000], 250)).toEqual([100, 1000, 10000, 100000]);
  });
});

describe('funnel plot, drawn as a shared frame and its own marks', () => {
  const group = new Set(POINTS.filter((_, i) => i % 9 === 0).map((p) => p.code));
  const cases: FunnelChartInput[] = [
    input(),
    input({ id: 'trechter-links', highlight: POINTS[3]!.code, group, groupLabel: 'gemeenten met 20.000 tot 35.000 inwoners' }),
    input({ id: 'trechter-rechts', highlight: POINTS.at(-1)!.code, group }),
    input({ id: 'trechter-midden', highlight: POINTS[60]!.code }),
    // Per 1.000, with no overdispersion and another target.
    input({ id: 'trechter-promille', unit: 'per 1.000 jongeren', per: 1000, target: { label: 'Nederland', value: 106.43 }, tau2: 0, points: POINTS.map((p) => ({ ...p, value: p.value * 10, shown: p.value * 10 })), highlight: POINTS[20]!.code }),
  ];

  it('is exactly what Plot draws with every mark, wide and narrow', async () => {
    const both = cases.flatMap((c) => [c, { ...c, id: `${c.id}-smal`, width: NARROW_CHART_WIDTH }]);
    for (const chart of both) {
      const byPlot = withChartId(renderPlotSvg(funnelSpec(chart).options, { title: chart.title, description: describeFunnel(chart) }), chart.id);
      expect((await renderFunnelChart(chart)).svg).toBe(byPlot);
    }
  });

  it('draws the frame that the pages of one measure and period share only once', async () => {
    for (let i = 0; i < 40; i++) await renderFunnelChart(input({ id: `trechter-${i}`, highlight: POINTS[i]!.code, group }));
    expect(renderStats().funnel).toMatchObject({ renders: 40 });
    expect(renderStats().frame).toMatchObject({ renders: 1, hits: 39 });
    // Another width, target or set of points is another frame.
    await renderFunnelChart(input({ id: 'smal', width: NARROW_CHART_WIDTH }));
    await renderFunnelChart(input({ id: 'ander-doel', target: { label: 'Nederland', value: 9.9 } }));
    await renderFunnelChart(input({ id: 'andere-punten', points: points(119) }));
    expect(renderStats().frame!.renders).toBe(4);
  });

  it('marks the highlighted region once, with its name and printed figure, and names it in the legend', async () => {
    const own = POINTS[3]!;
    const chart = await withNarrow(renderFunnelChart, input({ highlight: own.code, group, groupLabel: 'gelijksoortige gemeenten' }));
    for (const svg of [chart.svg, chart.narrow!.svg]) {
      const label = `${own.label}: ${String(own.shown).replace('.', ',')}%`;
      expect(texts(svg).filter((t) => t.replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>') === label)).toHaveLength(1);
      expect(svg.match(/class="funnel-highlight"/g)).toHaveLength(1);
      expect(/<g[^>]*class="funnel-highlight"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!.match(/<circle/g)).toHaveLength(1);
      expect(/<g[^>]*class="funnel-group"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1]!.match(/<circle/g)).toHaveLength([...group].filter((c) => c !== own.code).length);
    }
    expect(chart.legend!.map((l) => l.label)).toEqual([own.label, 'gelijksoortige gemeenten', 'overige gemeenten', 'Nederland', '95%-grens', '99,8%-grens']);
    const national = await renderFunnelChart(input());
    expect(national.legend!.map((l) => l.label)).toEqual(['gemeenten', 'Nederland', '95%-grens', '99,8%-grens']);
    expect(national.svg).not.toContain('funnel-highlight');
  });

  it('keeps the label of a region at the right end inside the chart', async () => {
    const chart = await renderFunnelChart(input({ highlight: POINTS.at(-1)!.code, width: NARROW_CHART_WIDTH }));
    expect(chart.svg).toMatch(/<g transform="translate\(-10,0\)" font-weight="bold" text-anchor="end"/);
  });
});

describe('funnel text alternative', () => {
  it('counts the verdicts on the input, above and below the limits', () => {
    const counts = { 'duidelijk-hoger': 0, hoger: 0, 'niet-duidelijk-anders': 0, lager: 0, 'duidelijk-lager': 0, none: 0 };
    for (const p of POINTS) counts[p.verdict ?? 'none']++;
    expect(counts).toEqual({ 'duidelijk-hoger': 12, hoger: 12, 'niet-duidelijk-anders': 60, lager: 12, 'duidelijk-lager': 12, none: 12 });
    const text = describeFunnel(input());
    expect(text).toContain('Trechterdiagram van 120 gemeenten');
    expect(text).toContain('De middellijn is Nederland (10,6%)');
    expect(text).toContain(`Boven de 95%-grens liggen 24 gemeenten: ${VERDICT_TEXT.hoger.than} in Nederland, en 12 daarvan liggen ook boven de 99,8%-grens: ${VERDICT_TEXT['duidelijk-hoger'].word}.`);
    expect(text).toContain(`Onder de 95%-grens liggen 24 gemeenten: ${VERDICT_TEXT.lager.than} in Nederland, en 12 daarvan liggen ook onder de 99,8%-grens: ${VERDICT_TEXT['duidelijk-lager'].word}.`);
    expect(text).toContain(`De cijfers van 60 gemeenten zijn ${VERDICT_TEXT['niet-duidelijk-anders'].than} in Nederland.`);
    expect(text).toContain('Voor 12 gemeenten is er geen oordeel');
    expect(text).toContain('3 gemeenten staan er niet in');
    expect(text).not.toMatch(/hoogste|laagste|plaats|rang/);
  });

  it('uses the verdicts it is given, never its own', () => {
    // Every point far above the line, but judged "niet duidelijk anders": the text follows the verdicts.
    const high = POINTS.map((p) => ({ ...p, value: 40, verdict: 'niet-duidelijk-anders' as const }));
    const text = describeFunnel(input({ points: high, missingCount: 0 }));
    expect(text).toContain('Boven de 95%-grens ligt geen gemeente.');
    expect(text).toContain('De cijfers van 120 gemeenten zijn niet duidelijk anders dan in Nederland.');
    expect(text).not.toContain('staan er niet in');
  });

  it('gives the highlighted region its figure, size and verdict', () => {
    const own = POINTS[5]!; // duidelijk hoger
    expect(describeFunnel(input({ highlight: own.code }))).toContain(
      `${own.label} (de grote stip met naam): ${String(own.shown).replace('.', ',')}% van ${own.size.toLocaleString('nl-NL')} jongeren tot 18 jaar; dat is duidelijk hoger dan in Nederland.`,
    );
    const none = POINTS[7]!;
    expect(describeFunnel(input({ highlight: none.code }))).toContain('geen oordeel: de aantallen zijn te klein om een verschil van toeval te onderscheiden.');
  });

  it('speaks of one region in the singular', () => {
    const one = [{ ...POINTS[0]!, verdict: 'hoger' as const }, { ...POINTS[1]!, verdict: 'duidelijk-lager' as const }, { ...POINTS[2]!, verdict: 'niet-duidelijk-anders' as const }];
    const text = describeFunnel(input({ points: one, missingCount: 1, noun: 'provincies' }));
    expect(text).toContain('Boven de 95%-grens ligt 1 provincie: hoger dan in Nederland; geen daarvan ligt ook boven de 99,8%-grens.');
    expect(text).toContain('Onder de 95%-grens ligt 1 provincie: lager dan in Nederland, en 1 daarvan ligt ook onder de 99,8%-grens: duidelijk lager.');
    expect(text).toContain('Het cijfer van 1 provincie is niet duidelijk anders dan in Nederland.');
    expect(text).toContain('1 provincie staat er niet in');
  });
});
