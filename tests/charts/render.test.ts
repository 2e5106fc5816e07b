import { beforeEach, describe, expect, it } from 'vitest';
import { renderBarChart, renderChoropleth, renderStats, renderTrendChart, resetRenderCache, withNarrow } from '../../src/render/charts';
import { NARROW_CHART_WIDTH } from '../../src/lib/charts/layout';
import { gemeenteGeometry, geoYearFor } from '../../src/render/geo';
import type { BarChartInput, TrendChartInput } from '../../src/lib/charts/types';
import { barSpec } from '../../src/lib/charts/bar-spec';
import { describeBars, describeTrend } from '../../src/lib/charts/describe';
import { trendSpec } from '../../src/lib/charts/trend-spec';
import { renderPlotSvg, withChartId } from '../../src/render/plot-dom';
import { amsterdamTrend, halfYears } from './fixtures';
import { randomTrendInput } from './trend-inputs';

/** Text content of every <text> element (tspans joined), as a reader sees it. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

function trendInput(id = 'trend-amsterdam'): TrendChartInput {
  const input = amsterdamTrend({ id, periods: halfYears(2015, 2025), value: (i) => (i === 6 ? null : 12300 + i * 150), provisional: 2 });
  const periods = input.series[0]!.points.map((p) => p.period);
  input.series.push({ label: 'Nederland', points: periods.map((period, i) => ({ period, value: 10000 + i * 90 })) });
  input.trendBreaks = [{ period: '2021HJ01', note: 'Nieuwe registratie' }];
  return input;
}

const geometry = gemeenteGeometry(geoYearFor(2026));
const gemeenten = geometry.features.map((f, i) => ({ code: f.properties.code, label: f.properties.naam, value: Math.round((6 + ((i * 7919) % 100) / 10) * 10) / 10 }));

beforeEach(() => resetRenderCache());

describe('every chart', () => {
  it('is an SVG with role="img", named by its own <title> and <desc>, with ids from the chart id', async () => {
    const charts = [
      await renderTrendChart(trendInput()),
      await renderBarChart({ id: 'hulpvorm', title: 'Hulpvorm', unit: '%', decimals: 1, bars: [{ label: 'wijkteam', value: 20.1 }] }),
      await renderChoropleth({ id: 'kaart', title: 'Kaart', unit: '%', decimals: 1, geoYear: 2026, values: new Map() }),
    ];
    for (const chart of charts) {
      const open = /^<svg\b[^>]*>/.exec(chart.svg)![0];
      expect(open).toContain('role="img"');
      expect(open).toContain(`aria-labelledby="${chart.id}-title ${chart.id}-desc"`);
      expect(chart.svg).toContain(`<title id="${chart.id}-title">${chart.title}</title>`);
      expect(chart.svg).toContain(`<desc id="${chart.id}-desc">`);
      expect(chart.description.length).toBeGreaterThan(10);
      expect(chart.svg).not.toContain('__chart__');
      expect(chart.svg).not.toMatch(/<style|plot-clip-\d/);
      // Parts of an image have no names of their own (Plot labels its groups; axe forbids that inside role="img").
      expect(chart.svg).not.toMatch(/aria-label=/);
    }
  });
});

describe('trend chart', () => {
  it('writes nl-NL numbers on the axis and years without separators', async () => {
    const chart = await renderTrendChart(trendInput());
    const t = texts(chart.svg);
    expect(t).toEqual(expect.arrayContaining(['0', '5.000', '10.000', '15.000', '2015', '2025', 'Amsterdam', 'Nederland', 'trendbreuk']));
    expect(t.join(' ')).not.toMatch(/\d,\d{3}\b|2\.015/);
  });

  it('leaves a gap at a suppressed figure instead of drawing it as zero', async () => {
    const chart = await renderTrendChart(trendInput());
    // 21 figures for Amsterdam and 22 for Nederland are marked; the suppressed one is not.
    const amsterdamDots = [...chart.svg.matchAll(/<g[^>]*class="trend-points"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => (m[1]!.match(/<(path|circle)\b/g) ?? []).length);
    expect(amsterdamDots.sort()).toEqual([21, 22]);
    const zeroY = /<g[^>]*class="trend-baseline"[^>]*><line[^>]*y1="([\d.]+)"/.exec(chart.svg)?.[1];
    const solidLines = [...chart.svg.matchAll(/<g[^>]*class="trend-line"[^>]*>([\s\S]*?)<\/g>/g)].flatMap((m) =>
      [...m[1]!.matchAll(/<path d="([^"]+)" stroke="#D55E00"/g)].map((p) => p[1]!),
    );
    expect(solidLines.length).toBeGreaterThan(0);
    // The line breaks into separate pieces (a new M) and never touches the zero line.
    expect(solidLines[0]!.match(/M/g)!.length).toBeGreaterThanOrEqual(2);
    for (const y of solidLines.join(' ').match(/,-?[\d.]+/g)!) expect(y.slice(1)).not.toBe(zeroY);
  });

  it('has a legend for converted periods, voorlopige figures and trend breaks', async () => {
    const chart = await renderTrendChart(trendInput());
    expect(chart.legend!.map((l) => l.label)).toEqual([
      'omgerekend naar de huidige indeling',
      'trendbreuk: cijfers ervoor en erna zijn niet goed vergelijkbaar',
      'Nederland',
      'Amsterdam',
      'open punt en stippellijn: voorlopig cijfer',
    ]);
    expect(texts(chart.svg)).toContain('omgerekend');
  });
});

describe('trend chart, drawn as a shared frame and its own lines', () => {
  it('is exactly what Plot draws with every mark: gaps, lone points, voorlopige figures, wrapped labels', async () => {
    const periods = halfYears(2017, 2025, 1);
    const inputs: TrendChartInput[] = [
      trendInput('trend-a'),
      // A lone figure between two gaps (a closed path segment), provisional figures at the end.
      { ...amsterdamTrend({ id: 'trend-b', periods, value: (i) => (i === 4 || i === 6 ? null : 800 + ((i * 37) % 90)), provisional: 3 }) },
      // A label too long for the margin wraps over lines.
      {
        id: 'trend-c',
        title: 'Lange naam',
        unit: '%',
        decimals: 1,
        series: [
          { label: 'Jeugdregio Amsterdam-Amstelland en omliggende gemeenten', highlight: true, points: periods.map((period, i) => ({ period, value: 10 + i / 3 })) },
          { label: 'Nederland', points: periods.map((period, i) => ({ period, value: 11 - i / 7, status: i > 14 ? ('voorlopig' as const) : ('definitief' as const) })) },
        ],
      },
    ];
    // Wide, and narrow for small screens (fewer year ticks, a narrower label margin).
    const both = inputs.flatMap((input) => [input, { ...input, id: `${input.id}-smal`, width: NARROW_CHART_WIDTH }]);
    for (const input of both) {
      const byPlot = withChartId(renderPlotSvg(trendSpec(input).options, { title: input.title, description: describeTrend(input) }), input.id);
      expect((await renderTrendChart(input)).svg).toBe(byPlot);
    }
    expect(renderStats().frame!.renders).toBe(both.length);
  });

  it('is exactly what Plot draws with a comparison group\'s range and a marked change, on random inputs', async () => {
    // Ranges with gaps and lone periods (in the frame), rings and the change label (written beside it), end
    // labels moved out of a ring's way, the label wrapped over rows on the narrow drawing.
    let withBand = 0;
    let withChange = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const input = randomTrendInput(seed);
      if (input.band) withBand++;
      if (input.change) withChange++;
      for (const drawn of [input, { ...input, id: `${input.id}-smal`, width: NARROW_CHART_WIDTH }]) {
        const byPlot = withChartId(renderPlotSvg(trendSpec(drawn).options, { title: drawn.title, description: describeTrend(drawn) }), drawn.id);
        expect((await renderTrendChart(drawn)).svg, `${drawn.id}`).toBe(byPlot);
      }
    }
    expect(withBand).toBeGreaterThan(20);
    expect(withChange).toBeGreaterThan(20);
  }, 60_000);
});

describe('bar chart', () => {
  it('shows the symbol of a suppressed bar, not a zero bar', async () => {
    const chart = await renderBarChart({
      id: 'hulpvorm',
      title: 'Trajecten naar hulpvorm',
      unit: '%',
      decimals: 1,
      bars: [
        { label: 'Jeugdhulp door wijkteam', value: 20.1, group: 'zonder verblijf' },
        { label: 'Ambulant op locatie', value: 1045.2, group: 'zonder verblijf' },
        { label: 'Gesloten plaatsing', value: null, symbol: '.', group: 'met verblijf' },
        { label: 'Pleegzorg', value: 3.3, group: 'met verblijf' },
      ],
    });
    expect(chart.svg.match(/<rect\b/g)!.length).toBe(3);
    const t = texts(chart.svg);
    expect(t).toEqual(expect.arrayContaining(['. (afgeschermd of ontbreekt)', '1.045,2%', '20,1%', 'Gesloten plaatsing']));
    expect(chart.legend!.map((l) => l.label)).toEqual(['zonder verblijf', 'met verblijf']);
  });

  it('draws exactly what Plot draws with every mark, though Plot only drew the shared frame', async () => {
    // Plot draws a frame once for all charts with the same categories and axis; the bars, values and symbols
    // are written beside it. Breakdown-like inputs with zeros, negatives, missing figures and groups.
    const labels = ['Jeugdhulp zonder verblijf', 'Jeugdhulp met verblijf: pleegzorg en gezinshuizen', 'Ambulant', '0 tot 4 jaar', 'Gemeentelijke toegang'];
    const values = [[20.1, 0, null, 3.3, 61.5], [1234, 980.5, 12, null, 0], [-2.5, 4, 8.25, 16, null], [0.4, 0.05, 0.3, 0.2, 0.1], [null, null, 5, 5, 5]];
    for (const [i, row] of values.entries()) {
      const input: BarChartInput = {
        id: `verdeling-${i}`,
        title: `Verdeling ${i} & meer`,
        unit: ['%', 'aantal', 'per 1.000 jongeren'][i % 3]!,
        decimals: i % 2,
        bars: labels.map((label, j) => ({ label, value: row[j]!, ...(row[j] === null ? { symbol: j % 2 ? 'x' : '.' } : {}), ...(i % 2 ? { group: j < 2 ? 'A' : 'B' } : {}) })),
      };
      // Wide, and narrow for small screens (labels wrapped over more lines, taller rows).
      for (const drawn of [input, { ...input, id: `${input.id}-smal`, width: NARROW_CHART_WIDTH }]) {
        const byPlot = withChartId(renderPlotSvg(barSpec(drawn).options, { title: drawn.title, description: describeBars(drawn) }), drawn.id);
        expect((await renderBarChart(drawn)).svg).toBe(byPlot);
      }
    }
    expect(renderStats().bar!.renders).toBe(values.length * 2);
  });

  it('draws the frame that the charts of many gemeenten share only once', async () => {
    const bars = (i: number) => [{ label: 'wijkteam', value: 20 + (i % 7) }, { label: 'huisarts', value: 31.5 - (i % 5) / 10 }, { label: 'rechter', value: null }];
    for (let i = 0; i < 40; i++) await renderBarChart({ id: `verdeling-${i}`, title: `Gemeente ${i}`, unit: '%', decimals: 1, bars: bars(i) });
    expect(renderStats().bar!.renders).toBe(40);
    expect(renderStats().frame).toMatchObject({ renders: 1, hits: 39 });
  });
});

describe('narrow drawing for small screens', () => {
  const viewBox = (svg: string) => /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number);

  it('draws the same chart half as wide, with its own ids, beside the wide one', async () => {
    const chart = await withNarrow(renderTrendChart, trendInput('trend-amsterdam'));
    expect(viewBox(chart.svg)[0]).toBe(640);
    expect(viewBox(chart.narrow!.svg)[0]).toBe(NARROW_CHART_WIDTH);
    expect(chart.narrow!.svg).toContain('aria-labelledby="trend-amsterdam-smal-title trend-amsterdam-smal-desc"');
    expect(chart.narrow!.description).toBe(chart.description);
    expect(chart.narrow!.legend).toEqual(chart.legend);
    // Every year 2015–2025 on the wide axis; on the narrow one every third year, where the labels have room.
    const years = (svg: string) => texts(svg).filter((t) => /^20\d\d$/.test(t));
    expect(years(chart.svg)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(years(chart.narrow!.svg)).toEqual(['2015', '2018', '2021', '2024']);
  });
});

describe('choropleth', () => {
  it('hatches gemeenten without a figure, outlines and names the highlighted one, and explains the classes', async () => {
    const values = new Map(gemeenten.map((g, i) => [g.code, i % 30 === 0 ? { value: null, symbol: '.' } : { value: g.value }]));
    const missing = [...values.values()].filter((v) => v.value === null).length;
    const map = await renderChoropleth({ id: 'kaart-jh', title: 'Jongeren met jeugdhulp', unit: '%', decimals: 1, geoYear: 2026, values, highlight: 'GM0363' });
    expect(map.geoYear).toBe(2025);
    expect(map.unit).toBe('%');
    expect(map.svg.match(/fill="url\(#kaart-jh-hatch\)"/g)!.length).toBe(missing);
    expect(map.svg).toContain('<pattern id="kaart-jh-hatch"');
    expect(texts(map.svg)).toContain('Amsterdam');
    expect(map.svg).toContain('class="map-highlight"');
    expect(map.legend.map((l) => l.swatch)).toEqual(['area', 'area', 'area', 'area', 'area', 'hatch', 'area']);
    expect(map.legend[5]!.label).toBe(`geen cijfer (afgeschermd of ontbreekt) (${missing} gemeenten)`);
    expect(map.classNote).toContain('kwantielen');
    expect(map.description).toContain(`Voor ${missing} gemeenten is er geen cijfer`);
    // A suppressed gemeente's tooltip says so instead of showing a number.
    const name = geometry.features[0]!.properties.naam;
    expect(map.svg).toContain(`<title>${name}: geen cijfer (afgeschermd of ontbreekt)</title>`);
  });
});

describe('rendering once per input', () => {
  const bars = (id: string) => ({ id, title: 'Hulpvorm', unit: '%', decimals: 1, bars: [{ label: 'wijkteam', value: 20.1 }, { label: 'ambulant', value: 45.2 }] });

  it('is deterministic and renders an input once, whatever its id', async () => {
    const a = await renderBarChart(bars('eerste'));
    resetRenderCache();
    const b = await renderBarChart(bars('eerste'));
    expect(b.svg).toBe(a.svg);
    const c = await renderBarChart(bars('tweede'));
    const d = await renderBarChart(bars('tweede'));
    expect(d.svg).toBe(c.svg);
    expect(c.svg.replaceAll('tweede', 'eerste')).toBe(a.svg);
    expect(renderStats().bar).toMatchObject({ renders: 1, hits: 2 });
  });

  it('shares one rendering between concurrent requests', async () => {
    const [x, y] = await Promise.all([renderBarChart(bars('x')), renderBarChart(bars('x'))]);
    expect(x.svg).toBe(y.svg);
    expect(renderStats().bar).toMatchObject({ renders: 1, hits: 1 });
  });

  it('draws a trend chart once per input object (a fact page and its embed), wide and narrow', async () => {
    const input = trendInput('gedeeld');
    const first = await withNarrow(renderTrendChart, input);
    const again = await withNarrow(renderTrendChart, input);
    expect(again.svg).toBe(first.svg);
    expect(again.narrow!.svg).toBe(first.narrow!.svg);
    expect(renderStats().trend).toMatchObject({ renders: 2, hits: 2 });
    // A different object with the same content is drawn anew: trend inputs are not keyed by content.
    await renderTrendChart(trendInput('gedeeld'));
    expect(renderStats().trend).toMatchObject({ renders: 3 });
  });

  it('rejects an id that cannot be an HTML id', async () => {
    await expect(renderTrendChart(trendInput('twee woorden'))).rejects.toThrow(/grafiek-id "twee woorden" is ongeldig/);
    await expect(renderBarChart(bars('twee woorden'))).rejects.toThrow(/grafiek-id "twee woorden" is ongeldig/);
  });
});

describe('render cost (printed, not asserted)', () => {
  it('measures each chart kind on distinct inputs', async () => {
    const n = 40;
    const rows: string[] = [];
    const measure = async (kind: string, make: (i: number) => Promise<{ svg: string }>) => {
      await make(-1); // warm up
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        size += (await make(i)).svg.length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const ms = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(2).padStart(6);
      rows.push(`${kind.padEnd(11)} median ${ms(0.5)} ms, fastest ${ms(0)} ms  ${(size / n / 1024).toFixed(1).padStart(6)} KB SVG`);
    };
    await measure('trend', (i) => {
      const input = trendInput(`t${i + 1}`);
      input.series[1]!.points[0]!.value = 10000 + i;
      return renderTrendChart(input);
    });
    // With a comparison group's range (one group: one frame) and a marked change.
    const periods = halfYears(2015, 2026, 1);
    const band = { label: 'middelste helft van de gemeenten met 100.000 tot 250.000 inwoners', points: periods.map((period, k) => ({ period, low: 9 + k / 20, high: 12.5 + k / 30 })) };
    await measure('trend+band', (i) =>
      renderTrendChart({
        id: `tb${i + 1}`,
        title: 'Jeugdhulp',
        unit: '%',
        decimals: 1,
        series: [
          { label: 'Zwolle', highlight: true, points: periods.map((period, k) => ({ period, value: 10 + ((k * 7 + i) % 13) / 5 + i / 1000, status: k === periods.length - 1 ? ('voorlopig' as const) : ('definitief' as const) })) },
          { label: 'Nederland', points: periods.map((period, k) => ({ period, value: 11 + k / 10 })) },
        ],
        band,
        change: { from: '2025HJ01', to: '2026HJ01', words: i % 2 ? 'hoger' : 'niet duidelijk anders' },
      }),
    );
    await measure('bar', (i) => renderBarChart({ id: `b${i + 1}`, title: 'Hulpvorm', unit: '%', decimals: 1, bars: ['wijkteam', 'ambulant', 'daghulp', 'netwerk', 'pleegzorg', 'gezinsgericht', 'gesloten', 'overig'].map((label, k) => ({ label, value: k === 3 ? null : 5 + k + i / 10, symbol: k === 3 ? '.' : null })) }));
    await measure('choropleth', (i) => renderChoropleth({ id: `m${i + 1}`, title: 'Kaart', unit: '%', decimals: 1, geoYear: 2026, values: new Map(gemeenten.map((g) => [g.code, { value: g.value + i / 10 }])), highlight: gemeenten[i + 1]!.code }));
    console.log(`Render cost per chart (${n} distinct inputs each, after a warm-up; wall clock, so other work on the machine shows):\n${rows.join('\n')}`);
    expect(rows).toHaveLength(4);
  });
});
