/**
 * The position of one gemeente among all gemeenten: a beeswarm along one value axis, not a ranked list.
 * The gemeente is a large vermillion dot with a dark outline, a rule and its name and value above the chart;
 * the comparison group is filled blue, the other gemeenten are hollow grey rings; reference lines for
 * Nederland, provincie and jeugdregio are dashed and labelled, each on its own line above the chart.
 *
 * Every gemeente page shows the same swarm of all gemeenten, so the layout does not depend on which gemeente
 * is highlighted: it is computed once per set of values ({@link swarmLayout}, cached by the renderer) and
 * the dots are written as SVG directly ({@link swarmMarkup}); Plot draws the axis, rules and labels around
 * them. That makes a dot strip about as cheap as a bar chart.
 */
import * as Plot from '@observablehq/plot';
import { extent, nice, ticks as tickValues } from 'd3-array';
import { beeswarm } from './beeswarm';
import { axisLabel, formatChartValue, tickFormatter } from './format';
import { CHART_WIDTH, LINE_HEIGHT, PLOT_STYLE } from './layout';
import { GROUP_COLOR, HIGHLIGHT_COLOR, OTHER_COLOR, REFERENCE_COLOR } from './palette';
import type { DotStripInput, LegendItem } from './types';

const MARGIN_SIDE = 24;
const MARGIN_BOTTOM = 36;
const R_OTHER = 3;
const R_HIGHLIGHT = 6;
const INNER_WIDTH = CHART_WIDTH - 2 * MARGIN_SIDE;
/** The class of the placeholder mark that the dots replace. */
export const SWARM_SLOT_CLASS = 'dot-strip-slot';

export interface SwarmLayout {
  domain: [number, number];
  /** Height of the swarm band in pixels. */
  height: number;
  /** Position of each gemeente: x from the left of the frame, y from the centre line, in pixels. */
  positions: Map<string, { x: number; y: number }>;
}

/** The value axis: nice bounds around all values and reference lines. */
export function dotStripDomain(input: Pick<DotStripInput, 'values' | 'references'>): [number, number] {
  const [lo, hi] = extent([...input.values.map((v) => v.value), ...(input.references ?? []).map((r) => r.value)]) as [number | undefined, number | undefined];
  if (lo === undefined || hi === undefined) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  return nice(lo, hi, 6);
}

/** Lays out all gemeenten in value order, each at the free place nearest the centre line. */
export function swarmLayout(values: DotStripInput['values'], domain: [number, number]): SwarmLayout {
  const [lo, hi] = domain;
  const ordered = [...values].sort((a, b) => a.value - b.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const toPx = (v: number) => ((v - lo) / (hi - lo || 1)) * INNER_WIDTH;
  const offsets = beeswarm(ordered.map((v) => ({ x: toPx(v.value), r: R_OTHER })));
  const positions = new Map(ordered.map((v, i) => [v.code, { x: Math.round(toPx(v.value) * 10) / 10, y: Math.round(offsets[i]! * 10) / 10 }]));
  const reach = Math.max(2 * R_HIGHLIGHT, ...[...positions.values()].map((p) => Math.abs(p.y) + R_OTHER + 1));
  return { domain, height: Math.ceil(2 * reach), positions };
}

/** The dots as SVG: the other gemeenten, then the group, then the highlighted gemeente on top. */
export function swarmMarkup(input: DotStripInput, layout: SwarmLayout, marginTop: number): string {
  const group = input.group ?? new Set<string>();
  const centre = marginTop + layout.height / 2;
  const circles = (codes: string[], r: number) =>
    codes
      .map((code) => {
        const p = layout.positions.get(code)!;
        return `<circle cx="${Math.round((MARGIN_SIDE + p.x) * 10) / 10}" cy="${Math.round((centre + p.y) * 10) / 10}" r="${r}"/>`;
      })
      .join('');
  const codes = input.values.map((v) => v.code).filter((c) => layout.positions.has(c));
  const others = codes.filter((c) => c !== input.highlight && !group.has(c));
  const members = codes.filter((c) => c !== input.highlight && group.has(c));
  const own = codes.filter((c) => c === input.highlight);
  return (
    `<g class="dot-strip-others" fill="#ffffff" stroke="${OTHER_COLOR}" stroke-width="1">${circles(others, R_OTHER)}</g>` +
    (members.length > 0 ? `<g class="dot-strip-group" fill="${GROUP_COLOR}" stroke="${GROUP_COLOR}" stroke-width="1">${circles(members, R_OTHER)}</g>` : '') +
    (own.length > 0 ? `<g class="dot-strip-highlight" fill="${HIGHLIGHT_COLOR}" stroke="#000000" stroke-width="1.5">${circles(own, R_HIGHLIGHT)}</g>` : '')
  );
}

/** Plot options for everything but the dots; a placeholder mark (class {@link SWARM_SLOT_CLASS}) marks where they go. */
export function dotStripSpec(input: DotStripInput, layout: SwarmLayout): { options: Plot.PlotOptions; legend: LegendItem[]; marginTop: number } {
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const refs = input.references ?? [];
  const group = input.group ?? new Set<string>();
  const own = input.values.find((v) => v.code === input.highlight);
  const [lo, hi] = layout.domain;
  const ticks = tickValues(lo, hi, 6);
  const format = tickFormatter(ticks);
  const labelRows = (own ? 1 : 0) + refs.length;
  const marginTop = labelRows * LINE_HEIGHT + 10;
  const anchor = (value: number) => {
    const f = (value - lo) / (hi - lo || 1);
    return f < 0.15 ? 'start' : f > 0.85 ? 'end' : 'middle';
  };

  const marks: Plot.Markish[] = [Plot.ruleX(refs, { x: 'value', stroke: REFERENCE_COLOR, strokeWidth: 1.25, strokeDasharray: '5 3' })];
  if (own) marks.push(Plot.ruleX([own.value], { stroke: HIGHLIGHT_COLOR, strokeWidth: 2 }));
  marks.push(Plot.ruleX([lo], { strokeOpacity: 0, className: SWARM_SLOT_CLASS }));
  // Reference labels stack above the frame, one per line; the gemeente's own label is the top line.
  const label = (value: number, text: string, line: number, bold: boolean) =>
    Plot.text([value], {
      x: (v: number) => v,
      text: () => text,
      frameAnchor: 'top',
      lineAnchor: 'bottom',
      textAnchor: anchor(value),
      dy: -4 - line * LINE_HEIGHT,
      fill: bold ? '#000000' : REFERENCE_COLOR,
      fontWeight: bold ? 'bold' : 'normal',
    });
  refs.forEach((r, i) => marks.push(label(r.value, `${r.label}: ${fmt(r.value)}`, i, false)));
  if (own) marks.push(label(own.value, `${own.label}: ${fmt(own.value)}`, refs.length, true));

  const legend: LegendItem[] = [];
  if (own) legend.push({ label: own.label, color: HIGHLIGHT_COLOR, swatch: 'dot', outlined: true });
  if ([...group].some((c) => c !== input.highlight && input.values.some((v) => v.code === c))) {
    legend.push({ label: input.groupLabel ?? 'gelijksoortige gemeenten', color: GROUP_COLOR, swatch: 'dot' });
  }
  legend.push({ label: 'overige gemeenten', color: OTHER_COLOR, swatch: 'open-dot' });
  if (refs.length > 0) legend.push({ label: 'ter vergelijking', color: REFERENCE_COLOR, swatch: 'rule' });

  const options: Plot.PlotOptions = {
    width: CHART_WIDTH,
    height: marginTop + layout.height + MARGIN_BOTTOM,
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: MARGIN_SIDE,
    marginRight: MARGIN_SIDE,
    style: PLOT_STYLE,
    x: { domain: [lo, hi], ticks, tickFormat: format, label: `${axisLabel(input.unit)} →`, labelAnchor: 'right' },
    y: { domain: [-layout.height / 2, layout.height / 2], axis: null },
    marks,
  };
  return { options, legend, marginTop };
}
