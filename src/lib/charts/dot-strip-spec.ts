/**
 * The position of one gemeente among all gemeenten: a beeswarm along one value axis, not a ranked list.
 * The gemeente is a large vermillion dot with a dark outline, a rule and its name and value above the chart;
 * the comparison group is filled blue, the other gemeenten are hollow grey rings; reference lines for
 * Nederland, provincie and jeugdregio are dashed and labelled, each on its own line above the chart.
 *
 * Every gemeente page shows the same swarm of all gemeenten, so the layout does not depend on which gemeente
 * is highlighted: it is computed once per set of values ({@link swarmLayout}, cached by the renderer). Plot
 * draws only the frame (the value axis), which few strips differ in ({@link dotStripFrame}, also cached); the
 * marks of one gemeente (dots, rules, labels) are written as SVG beside it ({@link dotStripOverlay}). A dot
 * strip then costs a few string operations instead of a Plot rendering.
 */
import * as Plot from '@observablehq/plot';
import { extent, nice, ticks as tickValues } from 'd3-array';
import { beeswarm } from './beeswarm';
import { escapeText } from './markup';
import { axisLabel, estimateTextWidth, formatChartValue, tickFormatter } from './format';
import { roundTenth } from './svg-compact';
import { BOLD_WIDTH, CHART_WIDTH, FONT_SIZE, FRAME_SLOT_CLASS, LINE_HEIGHT, PLOT_STYLE } from './layout';
import { GROUP_COLOR, HIGHLIGHT_COLOR, OTHER_COLOR, REFERENCE_COLOR } from './palette';
import type { DotStripInput, LegendItem } from './types';

const MARGIN_SIDE = 24;
const MARGIN_BOTTOM = 36;
const R_OTHER = 3;
const R_HIGHLIGHT = 6;

export interface SwarmLayout {
  /** The width of the chart the swarm is laid out for. */
  width: number;
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

/** Lays out all gemeenten in value order, each at the free place nearest the centre line, for a chart `width` wide. */
export function swarmLayout(values: DotStripInput['values'], domain: [number, number], width = CHART_WIDTH): SwarmLayout {
  const [lo, hi] = domain;
  const ordered = [...values].sort((a, b) => a.value - b.value || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const inner = width - 2 * MARGIN_SIDE;
  const toPx = (v: number) => ((v - lo) / (hi - lo || 1)) * inner;
  const offsets = beeswarm(ordered.map((v) => ({ x: toPx(v.value), r: R_OTHER })));
  const positions = new Map(ordered.map((v, i) => [v.code, { x: Math.round(toPx(v.value) * 10) / 10, y: Math.round(offsets[i]! * 10) / 10 }]));
  const reach = Math.max(2 * R_HIGHLIGHT, ...[...positions.values()].map((p) => Math.abs(p.y) + R_OTHER + 1));
  return { width, domain, height: Math.ceil(2 * reach), positions };
}

const circleMarkup = new WeakMap<SwarmLayout, Map<number, Map<string, string>>>();

/** The dots as SVG: the other gemeenten, then the group, then the highlighted gemeente on top. */
export function swarmMarkup(input: DotStripInput, layout: SwarmLayout, marginTop: number): string {
  const group = input.group ?? new Set<string>();
  const centre = marginTop + layout.height / 2;
  const circle = (code: string, r: number) => {
    const p = layout.positions.get(code)!;
    return `<circle cx="${Math.round((MARGIN_SIDE + p.x) * 10) / 10}" cy="${Math.round((centre + p.y) * 10) / 10}" r="${r}"/>`;
  };
  // The same circles return on every page of the measure (only their colour group changes): written once.
  let written = circleMarkup.get(layout)?.get(marginTop);
  if (!written) {
    written = new Map();
    if (!circleMarkup.has(layout)) circleMarkup.set(layout, new Map());
    circleMarkup.get(layout)!.set(marginTop, written);
  }
  const circles = (codes: string[], r: number) => {
    let out = '';
    for (const code of codes) {
      if (r !== R_OTHER) out += circle(code, r);
      else {
        let markup = written.get(code);
        if (markup === undefined) written.set(code, (markup = circle(code, r)));
        out += markup;
      }
    }
    return out;
  };
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

/** The parts of a dot strip: Plot draws only the {@link DotStripFrame}; {@link dotStripOverlay} draws the rest. */
export interface DotStripFrame {
  /**
   * Plot options for the axis and a placeholder mark (class {@link FRAME_SLOT_CLASS}) where the overlay goes;
   * made only when the frame is not drawn yet (Plot's marks cost more to make than the overlay).
   */
  options: () => Plot.PlotOptions;
  /** Same key, same frame: the value axis, its unit and the height of the label rows and the swarm. */
  key: string;
  marginTop: number;
}

function labelRowsOf(input: DotStripInput): { own: DotStripInput['values'][number] | undefined; refs: NonNullable<DotStripInput['references']> } {
  return { own: input.values.find((v) => v.code === input.highlight), refs: input.references ?? [] };
}

/**
 * The frame of a dot strip: the value axis with its ticks and label. Hundreds of gemeente pages share a few
 * frames (one per measure and number of reference lines), so Plot draws each frame once and the marks of one
 * gemeente are written beside it ({@link dotStripOverlay}).
 */
export function dotStripFrame(input: DotStripInput, layout: SwarmLayout): DotStripFrame {
  const { own, refs } = labelRowsOf(input);
  const [lo, hi] = layout.domain;
  const marginTop = ((own ? 1 : 0) + refs.length) * LINE_HEIGHT + 10;
  // About one tick per 100 pixels: six on the wide drawing, three on the narrow one.
  const ticks = tickValues(lo, hi, Math.max(3, Math.round(layout.width / 100)));
  const options = (): Plot.PlotOptions => ({
    width: layout.width,
    height: marginTop + layout.height + MARGIN_BOTTOM,
    marginTop,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: MARGIN_SIDE,
    marginRight: MARGIN_SIDE,
    style: PLOT_STYLE,
    x: { domain: [lo, hi], ticks, tickFormat: tickFormatter(ticks), label: `${axisLabel(input.unit)} →`, labelAnchor: 'right' },
    y: { domain: [-layout.height / 2, layout.height / 2], axis: null },
    marks: [Plot.ruleX([lo], { strokeOpacity: 0, className: FRAME_SLOT_CLASS })],
  });
  return { options, key: JSON.stringify([lo, hi, input.unit, marginTop, layout.height, layout.width]), marginTop };
}

/**
 * What one gemeente adds to the frame, as SVG in the order Plot would draw it: the dashed reference rules, the
 * gemeente's own rule, the dots, then the labels stacked above the frame (the gemeente's own on top). Positions
 * use Plot's linear scale (d3's interpolation) so the marks sit exactly on the frame's axis.
 */
export function dotStripOverlay(input: DotStripInput, layout: SwarmLayout, marginTop: number): string {
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const { own, refs } = labelRowsOf(input);
  const [lo, hi] = layout.domain;
  const left = MARGIN_SIDE;
  const right = layout.width - MARGIN_SIDE;
  const x = (value: number) => {
    const t = (value - lo) / (hi - lo);
    return roundTenth(left * (1 - t) + right * t);
  };
  const bottom = marginTop + layout.height;
  // Attributes in the order Plot's DOM writes them, so the SVG is the same as when Plot drew every mark.
  const rule = (value: number) => `<line y2="${bottom}" y1="${marginTop}" x2="${x(value)}" x1="${x(value)}" />`;
  // Centred over its line, unless that would run off the chart: near an end a label starts or ends there.
  const anchor = (value: number, text: string, bold: boolean) => {
    const f = (value - lo) / (hi - lo || 1);
    const half = (estimateTextWidth(text, FONT_SIZE) * (bold ? BOLD_WIDTH : 1)) / 2;
    if (f < 0.15 || x(value) - half < 0) return 'start';
    if (f > 0.85 || x(value) + half > layout.width) return 'end';
    return 'middle';
  };
  const label = (value: number, text: string, line: number, bold: boolean) => {
    const textAnchor = anchor(value, text, bold);
    return (
      `<g transform="translate(0,${-4 - line * LINE_HEIGHT})" font-weight="${bold ? 'bold' : 'normal'}"` +
      `${textAnchor === 'middle' ? '' : ` text-anchor="${textAnchor}"`} fill="${bold ? '#000000' : REFERENCE_COLOR}">` +
      `<text transform="translate(${x(value)},${marginTop})">${escapeText(text)}</text></g>`
    );
  };
  return (
    (refs.length > 0 ? `<g stroke-dasharray="5 3" stroke-width="1.25" stroke="${REFERENCE_COLOR}">${refs.map((r) => rule(r.value)).join('')}</g>` : '') +
    (own ? `<g stroke-width="2" stroke="${HIGHLIGHT_COLOR}">${rule(own.value)}</g>` : '') +
    swarmMarkup(input, layout, marginTop) +
    refs.map((r, i) => label(r.value, `${r.label}: ${fmt(r.value)}`, i, false)).join('') +
    (own ? label(own.value, `${own.label}: ${fmt(own.value)}`, refs.length, true) : '')
  );
}

/** The legend beside the chart: the gemeente, its group (when it shows), the others and the reference lines. */
export function dotStripLegend(input: DotStripInput): LegendItem[] {
  const { own, refs } = labelRowsOf(input);
  const group = input.group ?? new Set<string>();
  const legend: LegendItem[] = [];
  if (own) legend.push({ label: own.label, color: HIGHLIGHT_COLOR, swatch: 'dot', outlined: true });
  if ([...group].some((c) => c !== input.highlight && input.values.some((v) => v.code === c))) {
    legend.push({ label: input.groupLabel ?? 'gelijksoortige gemeenten', color: GROUP_COLOR, swatch: 'dot' });
  }
  legend.push({ label: 'overige gemeenten', color: OTHER_COLOR, swatch: 'open-dot' });
  if (refs.length > 0) legend.push({ label: 'ter vergelijking', color: REFERENCE_COLOR, swatch: 'rule' });
  return legend;
}
