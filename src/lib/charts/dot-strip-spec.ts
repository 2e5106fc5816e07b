/**
 * The position of one gemeente among all gemeenten: a beeswarm along one value axis, not a ranked list.
 * The gemeente is a large vermillion dot with a dark outline, a rule and its name and value above the chart;
 * the comparison group is filled blue, the other gemeenten are hollow grey rings; reference lines for
 * Nederland, provincie and jeugdregio are dashed and labelled, each on its own line above the chart.
 */
import * as Plot from '@observablehq/plot';
import { extent, nice, ticks as tickValues } from 'd3-array';
import { axisLabel, formatChartValue, tickFormatter } from './format';
import { CHART_WIDTH, LINE_HEIGHT, PLOT_STYLE } from './layout';
import { GROUP_COLOR, HIGHLIGHT_COLOR, OTHER_COLOR, REFERENCE_COLOR } from './palette';
import type { DotStripInput, LegendItem } from './types';
import { beeswarm } from './beeswarm';

const MARGIN_SIDE = 24;
const MARGIN_BOTTOM = 36;
const R_OTHER = 3;
const R_HIGHLIGHT = 6;

interface Dot {
  code: string;
  value: number;
  r: number;
  fill: string;
  stroke: string;
}

export function dotStripSpec(input: DotStripInput): { options: Plot.PlotOptions; legend: LegendItem[] } {
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const refs = input.references ?? [];
  const group = input.group ?? new Set<string>();
  const own = input.values.find((v) => v.code === input.highlight);
  const [lo0, hi0] = extent([...input.values.map((v) => v.value), ...refs.map((r) => r.value)]) as [number | undefined, number | undefined];
  const [lo, hi] = lo0 === undefined || hi0 === undefined ? [0, 1] : lo0 === hi0 ? [lo0 - 1, hi0 + 1] : nice(lo0, hi0, 6);
  const ticks = tickValues(lo, hi, 6);
  const format = tickFormatter(ticks);

  // The gemeente first, then its group: the swarm puts the first dots on the centre line.
  const rank = (code: string) => (code === input.highlight ? 0 : group.has(code) ? 1 : 2);
  const dots: Dot[] = [...input.values]
    .sort((a, b) => rank(a.code) - rank(b.code) || a.value - b.value || (a.code < b.code ? -1 : 1))
    .map((v) => {
      const kind = rank(v.code);
      return {
        code: v.code,
        value: v.value,
        r: kind === 0 ? R_HIGHLIGHT : R_OTHER,
        fill: kind === 0 ? HIGHLIGHT_COLOR : kind === 1 ? GROUP_COLOR : '#ffffff',
        stroke: kind === 0 ? '#000000' : kind === 1 ? GROUP_COLOR : OTHER_COLOR,
      };
    });

  const innerWidth = CHART_WIDTH - 2 * MARGIN_SIDE;
  const toPx = (v: number) => ((v - lo) / (hi - lo || 1)) * innerWidth;
  const offsets = beeswarm(dots.map((d) => ({ x: toPx(d.value), r: d.r })));
  const placed = dots.map((d, i) => ({ ...d, y: Math.round(offsets[i]! * 10) / 10 }));
  const reach = Math.max(2 * R_HIGHLIGHT, ...placed.map((d) => Math.abs(d.y) + d.r + 1));
  const swarmHeight = Math.ceil(2 * reach);
  const labelRows = (own ? 1 : 0) + refs.length;
  const marginTop = labelRows * LINE_HEIGHT + 10;
  const anchor = (value: number) => {
    const f = (value - lo) / (hi - lo || 1);
    return f < 0.15 ? 'start' : f > 0.85 ? 'end' : 'middle';
  };

  const marks: Plot.Markish[] = [Plot.ruleX(refs, { x: 'value', stroke: REFERENCE_COLOR, strokeWidth: 1.25, strokeDasharray: '5 3' })];
  if (own) marks.push(Plot.ruleX([own.value], { stroke: HIGHLIGHT_COLOR, strokeWidth: 2 }));
  // One mark per kind, so fill, stroke and radius are written once per group instead of once per dot.
  for (const kind of [2, 1, 0]) {
    const members = placed.filter((d) => rank(d.code) === kind);
    const first = members[0];
    if (!first) continue;
    marks.push(Plot.dot(members, { x: 'value', y: 'y', r: first.r, fill: first.fill, stroke: first.stroke, strokeWidth: kind === 0 ? 1.5 : 1 }));
  }
  // Reference labels stack above the frame, one per line; the gemeente's own label is the top line.
  marks.push(
    ...refs.map((r, i) =>
    Plot.text([r], {
      x: 'value',
      text: () => `${r.label}: ${fmt(r.value)}`,
      frameAnchor: 'top',
      lineAnchor: 'bottom',
      textAnchor: anchor(r.value),
      dy: -4 - i * LINE_HEIGHT,
      fill: REFERENCE_COLOR,
      }),
    ),
  );
  if (own) {
    marks.push(
      Plot.text([own], {
        x: 'value',
        text: () => `${own.label}: ${fmt(own.value)}`,
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        textAnchor: anchor(own.value),
        dy: -4 - refs.length * LINE_HEIGHT,
        fontWeight: 'bold',
        fill: '#000000',
      }),
    );
  }

  const legend: LegendItem[] = [];
  if (own) legend.push({ label: own.label, color: HIGHLIGHT_COLOR, swatch: 'dot', outlined: true });
  if ([...group].some((c) => c !== input.highlight && input.values.some((v) => v.code === c))) {
    legend.push({ label: input.groupLabel ?? 'gelijksoortige gemeenten', color: GROUP_COLOR, swatch: 'dot' });
  }
  legend.push({ label: 'overige gemeenten', color: OTHER_COLOR, swatch: 'open-dot' });
  if (refs.length > 0) legend.push({ label: 'ter vergelijking', color: REFERENCE_COLOR, swatch: 'rule' });

  const options: Plot.PlotOptions = {
    width: CHART_WIDTH,
    height: marginTop + swarmHeight + MARGIN_BOTTOM,
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: MARGIN_SIDE,
    marginRight: MARGIN_SIDE,
    style: PLOT_STYLE,
    x: { domain: [lo, hi], ticks, tickFormat: format, label: `${axisLabel(input.unit)} →`, labelAnchor: 'right' },
    // One y unit is one pixel: the swarm's offsets are already laid out.
    y: { domain: [-swarmHeight / 2, swarmHeight / 2], axis: null },
    marks,
  };
  return { options, legend };
}
