import { beforeEach, describe, expect, it } from 'vitest';
import { renderStats, renderTrendChart, resetRenderCache } from '../../src/render/charts';
import { describeTrend } from '../../src/lib/charts/describe';
import { estimateTextWidth } from '../../src/lib/charts/format';
import { BOLD_WIDTH, FONT_SIZE, NARROW_CHART_WIDTH } from '../../src/lib/charts/layout';
import { swatchMarkup } from '../../src/lib/charts/legend-swatch';
import { contrastRatio, CONVERTED_BAND_COLOR } from '../../src/lib/charts/palette';
import { COMPARISON_BAND_COLOR, wrapChangeLabel } from '../../src/lib/charts/trend-spec';
import type { TrendChartInput } from '../../src/lib/charts/types';
import { halfYears } from './fixtures';
import { randomTrendInput } from './trend-inputs';

beforeEach(() => resetRenderCache());

const PERIODS = halfYears(2015, 2026, 1);
const GROUP = 'middelste helft van de gemeenten met 100.000 tot 250.000 inwoners';

/** Zwolle against Nederland, 2015–2026 by half year, the last one voorlopig, with the group's range and the change. */
function zwolle(options: { id?: string; shift?: number; words?: string; width?: number } = {}): TrendChartInput {
  const status = (i: number) => (i === PERIODS.length - 1 ? ('voorlopig' as const) : ('definitief' as const));
  return {
    id: options.id ?? 'trend-zwolle',
    title: 'Jongeren met jeugdhulp',
    unit: '%',
    decimals: 1,
    subject: 'het percentage jongeren met jeugdhulp',
    series: [
      { label: 'Zwolle', highlight: true, points: PERIODS.map((period, i) => ({ period, value: 8 + i * 0.2 + (options.shift ?? 0), status: status(i) })) },
      { label: 'Nederland', points: PERIODS.map((period, i) => ({ period, value: 9 + i * 0.15, status: status(i) })) },
    ],
    band: { label: GROUP, points: PERIODS.flatMap((period, i) => (i === 4 || i === 6 ? [] : [{ period, low: 8.5 + i * 0.1, high: 11 + i * 0.15 }])) },
    change: { from: '2025HJ01', to: '2026HJ01', words: options.words ?? 'hoger' },
    ...(options.width ? { width: options.width } : {}),
  };
}

describe('the comparison group\'s range on a trend chart', () => {
  it('is a translucent band behind the lines, with gaps, a lone period as a box, and edges that have contrast', async () => {
    const chart = await renderTrendChart(zwolle());
    const band = /<g[^>]*class="trend-band"[^>]*><path d="([^"]+)"/.exec(chart.svg)!;
    expect(band[0]).toContain('fill-opacity="0.25"');
    // 2015HJ01–2016HJ02, 2017HJ02 alone (a box), 2018HJ02 onwards: two areas and a box.
    expect(band[1]!.match(/M/g)).toHaveLength(2);
    expect(chart.svg.match(/<g stroke="#4A86C0" fill-opacity="0.25" fill="#4A86C0"><rect /g)).toHaveLength(1);
    // Behind the lines: the band comes before every line and point.
    expect(chart.svg.indexOf('trend-band')).toBeLessThan(chart.svg.indexOf('trend-line'));
    expect(contrastRatio(COMPARISON_BAND_COLOR, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(COMPARISON_BAND_COLOR, CONVERTED_BAND_COLOR)).toBeGreaterThanOrEqual(3);
  });

  it('widens the axis to the range', async () => {
    const input = zwolle();
    input.band!.points.push({ period: '2016HJ01', low: 30, high: 31 });
    input.band!.points = input.band!.points.filter((p, i, all) => all.findIndex((q) => q.period === p.period) === i || p.low === 30);
    const ticks = [...(await renderTrendChart(input)).svg.matchAll(/<text transform="translate\(\d+(?:\.\d+)?,[\d.]+\)" y="0.3em">([\d,.]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toContain('30');
  });

  it('is drawn beside the frame, so gemeenten of other groups with the same axis share it', async () => {
    // Ranges differ per group: drawn in the frame, they doubled the frames Plot draws in a build.
    for (let i = 0; i < 6; i++) {
      const input = zwolle({ id: `g${i}`, shift: i / 100 });
      input.band!.points = input.band!.points.map((p) => ({ ...p, low: p.low - i / 10 }));
      await renderTrendChart(input);
    }
    expect(renderStats().trend!.renders).toBe(6);
    expect(renderStats().frame).toMatchObject({ renders: 1, hits: 5 });
  });

  it('has a legend entry of its own, drawn as a range and unlike the converted periods\' band', async () => {
    const chart = await renderTrendChart(zwolle());
    const item = chart.legend!.find((l) => l.label === GROUP)!;
    expect(item).toMatchObject({ color: COMPARISON_BAND_COLOR, swatch: 'band', outlined: true });
    const swatch = swatchMarkup(item, 'x');
    expect(swatch).toContain('fill-opacity="0.25"');
    expect(swatch).toContain(`stroke="${COMPARISON_BAND_COLOR}"`);
    expect(swatchMarkup({ label: 'omgerekend', color: CONVERTED_BAND_COLOR, swatch: 'band' }, 'y')).not.toContain('fill-opacity');
  });
});

describe('the marked change on a trend chart', () => {
  it('rings the two compared points of the highlighted series and labels them with the given words', async () => {
    const chart = await renderTrendChart(zwolle({ words: 'niet duidelijk anders' }));
    const rings = /<g[^>]*class="trend-change">([\s\S]*?)<\/g>/.exec(chart.svg)![1]!;
    expect(rings.match(/<circle r="7.5"/g)).toHaveLength(2);
    const label = /<g[^>]*class="trend-change-label">([\s\S]*?)<\/g>/.exec(chart.svg)![1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    expect(label).toBe('1e halfjaar 2025 → 1e halfjaar 2026: niet duidelijk anders');
    expect(chart.legend!.at(-1)).toMatchObject({ label: 'omcirkeld: de twee vergeleken cijfers van Zwolle (1e halfjaar 2025 en 1e halfjaar 2026)', swatch: 'open-dot', outlined: true });
    expect(swatchMarkup(chart.legend!.at(-1)!, 'z')).toMatch(/r="3" fill="#D55E00".*r="6.5" fill="none"/);
  });

  it('rings only a compared figure that exists', async () => {
    const input = zwolle();
    input.series[0]!.points.find((p) => p.period === '2025HJ01')!.value = null;
    const rings = /<g[^>]*class="trend-change">([\s\S]*?)<\/g>/.exec((await renderTrendChart(input)).svg)![1]!;
    expect(rings.match(/<circle/g)).toHaveLength(1);
  });

  it('wraps the label on the narrow drawing, in the shorter wording where that takes fewer rows', async () => {
    const narrow = await renderTrendChart(zwolle({ words: 'niet duidelijk anders', width: NARROW_CHART_WIDTH }));
    const lines = [.../<g[^>]*class="trend-change-label">([\s\S]*?)<\/g>/.exec(narrow.svg)![1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(lines).toEqual(['1e halfjaar 2025 → 2026:', 'niet duidelijk anders']);
    // One row more than the wide drawing, above the plot, which keeps its height.
    expect(/viewBox="0 0 320 (\d+)"/.exec(narrow.svg)![1]).toBe('335');
    expect(wrapChangeLabel(['1e halfjaar 2025 →', '1e halfjaar 2026:', 'hoger'], 400)).toEqual(['1e halfjaar 2025 → 1e halfjaar 2026: hoger']);
    expect(wrapChangeLabel(['1e halfjaar 2025 →', '1e halfjaar 2026:', 'niet duidelijk anders'], 200)).toEqual(['1e halfjaar 2025 →', '1e halfjaar 2026:', 'niet duidelijk anders']);
  });

  it('never overlaps the axis label, the trend break labels, the end labels or the rings, wide or narrow', async () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const input = randomTrendInput(seed);
      if (!input.change) continue;
      for (const drawn of [input, { ...input, id: `${input.id}-smal`, width: NARROW_CHART_WIDTH }]) {
        const svg = (await renderTrendChart(drawn)).svg;
        const boxes = textBoxes(svg);
        const change = boxes.filter((b) => b.change);
        expect(change.length, drawn.id).toBeGreaterThan(0);
        // The parts it must keep clear of are all found.
        expect(boxes.filter((b) => b.text.startsWith('↑ ')), drawn.id).toHaveLength(1);
        expect(boxes.filter((b) => b.end).length, drawn.id).toBeGreaterThanOrEqual(input.series.length);
        expect(boxes.filter((b) => b.text === 'trendbreuk'), drawn.id).toHaveLength(input.trendBreaks ? 1 : 0);
        const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
        for (const c of change) {
          expect(c.x0, `${drawn.id}: ${c.text} begint links buiten de grafiek`).toBeGreaterThanOrEqual(0);
          expect(c.x1, `${drawn.id}: ${c.text} eindigt rechts buiten de grafiek`).toBeLessThanOrEqual(width);
          for (const other of boxes.filter((b) => !b.change)) {
            expect(overlaps(c, other), `${drawn.id}: "${c.text}" over "${other.text}"`).toBe(false);
          }
        }
        // A ring keeps clear of every end label.
        for (const ring of circles(svg)) {
          for (const label of boxes.filter((b) => b.end)) expect(overlaps(ring, label), `${drawn.id}: ring over "${label.text}"`).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  }, 60_000);
});

describe('text alternative of a trend chart with a range and a change', () => {
  it('says what the band shows at its last period and which figures the rings compare, in the given words', () => {
    expect(describeTrend(zwolle())).toBe(
      'Het percentage jongeren met jeugdhulp in Zwolle steeg van 8,0% in het 1e halfjaar 2015 tot 12,4% in het 1e halfjaar 2026 (voorlopig). ' +
        'De omcirkelde punten vergelijken Zwolle in het 1e halfjaar 2026 (12,4%, voorlopig) met het 1e halfjaar 2025 (12,0%): hoger. ' +
        'Ter vergelijking: Nederland van 9,0% tot 12,3%. ' +
        `Het vlak toont de ${GROUP}, van 10,7% tot 14,3% in het 1e halfjaar 2026.`,
    );
  });

  it('leaves out a figure that is missing, and keeps the article of a label that has one', () => {
    const input = zwolle({ words: 'niet duidelijk anders' });
    input.series[0]!.points.find((p) => p.period === '2025HJ01')!.value = null;
    input.band = { label: 'de middelste helft van alle gemeenten', points: [{ period: '2020HJ02', low: 9, high: 12 }, { period: '2016HJ01', low: 8, high: 11 }] };
    const text = describeTrend(input);
    expect(text).toContain('De omcirkelde punten vergelijken Zwolle in het 1e halfjaar 2026 (12,4%, voorlopig) met het 1e halfjaar 2025: niet duidelijk anders.');
    expect(text).toContain('Het vlak toont de middelste helft van alle gemeenten, van 9,0% tot 12,0% in het 2e halfjaar 2020.');
  });
});

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
  change?: boolean;
  end?: boolean;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

const number = (s: string | undefined, fallback = 0) => (s === undefined ? fallback : Number(s));

/**
 * Where each line of text in a chart sits, estimated as the charts estimate text (0.58 em a character, bold
 * wider), from the transforms Plot writes: `<g transform="translate(dx,dy)" … text-anchor>` around
 * `<text transform="translate(x,y)" y="…em">` or its `<tspan>` lines.
 */
function textBoxes(svg: string): Box[] {
  const boxes: Box[] = [];
  for (const group of svg.matchAll(/<g([^>]*)>((?:(?!<\/?g[ >])[\s\S])*?<text[\s\S]*?)<\/g>/g)) {
    const attrs = group[1]!;
    const [dx, dy] = (/transform="translate\(([-\d.]+),([-\d.]+)\)"/.exec(attrs)?.slice(1) ?? ['0', '0']).map(Number) as [number, number];
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'middle';
    const bold = attrs.includes('font-weight="bold"');
    for (const text of group[2]!.matchAll(/<text transform="translate\(([-\d.]+),([-\d.]+)\)"(?: y="([-\d.]+)em")?>([\s\S]*?)<\/text>/g)) {
      const x = number(text[1]) + dx;
      let baseline = number(text[2]) + dy + number(text[3]) * FONT_SIZE;
      const spans = [...text[4]!.matchAll(/<tspan (?:y="([-\d.]+)em"|dy="([-\d.]+)em") x="0">([^<]*)<\/tspan>/g)];
      const lines = spans.length > 0 ? spans.map((s, i) => {
        baseline = i === 0 ? number(text[2]) + dy + number(s[1]) * FONT_SIZE : baseline + number(s[2]) * FONT_SIZE;
        return { baseline, line: s[3]! };
      }) : [{ baseline, line: text[4]! }];
      for (const { baseline: b, line } of lines) {
        const w = estimateTextWidth(line, FONT_SIZE) * (bold ? BOLD_WIDTH : 1);
        const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
        boxes.push({ x0, x1: x0 + w, y0: b - 9, y1: b + 3, text: line, change: attrs.includes('trend-change-label'), end: attrs.includes('font-weight=') });
      }
    }
  }
  return boxes;
}

function circles(svg: string): Box[] {
  const group = /<g[^>]*class="trend-change">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...group.matchAll(/<circle r="([\d.]+)" cy="([-\d.]+)" cx="([-\d.]+)"/g)].map((m) => {
    const r = Number(m[1]) + 0.75;
    return { x0: Number(m[3]) - r, x1: Number(m[3]) + r, y0: Number(m[2]) - r, y1: Number(m[2]) + r, text: 'ring' };
  });
}
