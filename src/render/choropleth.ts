/**
 * Choropleth maps of the gemeenten. Projecting 342 boundaries is the expensive part (about 20 ms), and it is
 * the same for every map of a geometry year, so Plot draws each geometry once, with a placeholder fill and
 * tooltip per gemeente; a map is that drawing with the placeholders filled in (well under a millisecond).
 *
 * Gemeenten without a figure are hatched, never coloured as a low value. Classes are quantiles (see
 * src/lib/charts/classes.ts). The highlighted gemeente is outlined in black and named on the map.
 *
 * Each gemeente with a page is a link to it (an SVG <a> named by its <title>, "Groningen: 9,0%"), so the map
 * is reachable by keyboard and touch; the map is then a group of links rather than one image.
 */
import * as Plot from '@observablehq/plot';
import { countWords } from '../lib/format/number';
import { parseHTML } from 'linkedom';
import { pathBounds, relativePolygonPath } from '../lib/charts/svg-compact';
import { escapeMarkup } from '../lib/charts/markup';
import { classIndex, quantileClasses, quantileClassNote } from '../lib/charts/classes';
import { describeChoropleth, NO_FIGURE } from '../lib/charts/describe';
import { formatChartValue } from '../lib/charts/format';
import { PLOT_STYLE } from '../lib/charts/layout';
import { MAP_BORDER_COLOR, MAP_MISSING_HATCH, SEQUENTIAL_BLUES } from '../lib/charts/palette';
import type { ChoroplethInput, ChoroplethOutput, LegendItem } from '../lib/charts/types';
import { gemeenteGeometry, geoYearFor, provincieGeometry, type GeoFeature } from './geo';
import { ID_TOKEN, PLOT_CLASS, finishSvg } from './plot-dom';

const MAP_WIDTH = 520;
const TITLE_SLOT = '@@title@@';
const DESC_SLOT = '@@desc@@';
const fillSlot = (code: string) => `var(--fill-${code})`;
const tipSlot = (code: string) => `@@tip-${code}@@`;
const HREF_SLOT = /<a href="@@href-(GM\d{4})@@">(.*?)<\/a>/g;

interface BaseMap {
  year: number;
  svg: string;
  features: GeoFeature[];
  /** The path of each gemeente, for the outline of a highlighted one. */
  paths: Map<string, string>;
  width: number;
  height: number;
}

const BASE_KEY = Symbol.for('jeugdzorg.choroplethBase');
type GlobalWithBase = typeof globalThis & { [BASE_KEY]?: Map<number, BaseMap> };

function baseMap(year: number): BaseMap {
  const holder = globalThis as GlobalWithBase;
  const cache = (holder[BASE_KEY] ??= new Map());
  let base = cache.get(year);
  if (!base) cache.set(year, (base = drawBaseMap(year)));
  return base;
}

function drawBaseMap(year: number): BaseMap {
  const geometry = gemeenteGeometry(year);
  const provincies = provincieGeometry();
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const marks: Plot.Markish[] = [
    Plot.geo(geometry.features, {
      fill: (f: GeoFeature) => fillSlot(f.properties.code),
      stroke: MAP_BORDER_COLOR,
      strokeWidth: 0.5,
      title: (f: GeoFeature) => tipSlot(f.properties.code),
    }),
  ];
  if (provincies) marks.push(Plot.geo(provincies.features, { fill: 'none', stroke: '#1a1a1a', strokeWidth: 1.2 }));
  const root = Plot.plot({
    document: document as unknown as Document,
    className: PLOT_CLASS,
    width: MAP_WIDTH,
    margin: 4,
    style: PLOT_STYLE,
    projection: { type: 'mercator', domain: geometry },
    marks,
  }) as unknown as Element;
  const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  defs.innerHTML =
    `<pattern id="${ID_TOKEN}-hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">` +
    `<rect width="5" height="5" fill="#ffffff"></rect><line x1="0" y1="0" x2="0" y2="5" stroke="${MAP_MISSING_HATCH}" stroke-width="1.5"></line></pattern>`;
  root.insertBefore(defs, root.firstChild);
  const svg = linkSlots(compactPaths(finishSvg(root as Element, { title: TITLE_SLOT, description: DESC_SLOT }, document as unknown as Document)));
  const paths = new Map<string, string>();
  for (const m of svg.matchAll(/<path ([^>]*)>/g)) {
    const code = /fill="var\(--fill-(GM\d{4})\)"/.exec(m[1]!)?.[1];
    const d = / d="([^"]+)"/.exec(` ${m[1]!}`)?.[1];
    if (code && d) paths.set(code, d);
  }
  const [, width = '0', height = '0'] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
  return { year, svg, features: geometry.features, paths, width: Number(width), height: Number(height) };
}

/** Outlines as relative moves at a tenth of a pixel, finer than any screen or printer shows: a third smaller. */
function compactPaths(svg: string): string {
  return svg.replace(/ d="([^"]+)"/g, (_, d: string) => ` d="${relativePolygonPath(d)}"`);
}

/**
 * Puts every gemeente's shape in a link slot, its <title> first: `<a href="@@href-GM0014@@"><title>…</title>
 * <path …></path></a>`. A map without a page for a gemeente unwraps the slot again (see linkGemeenten).
 */
function linkSlots(svg: string): string {
  return svg.replace(/<path ([^>]*fill="var\(--fill-(GM\d{4})\)"[^>]*)><title>([^<]*)<\/title><\/path>/g, (_, attributes: string, code: string, tip: string) => `<a href="@@href-${code}@@"><title>${tip}</title><path ${attributes}></path></a>`);
}

/** Fills the link slots with the gemeenten's pages; a gemeente without a page keeps its shape and tooltip, unlinked. */
function linkGemeenten(svg: string, hrefOf: (code: string) => string | undefined): string {
  return svg.replace(HREF_SLOT, (_, code: string, inner: string) => {
    const href = hrefOf(code);
    return href ? `<a href="${escapeMarkup(href)}">${inner}</a>` : inner.replace(/^<title>(.*?)<\/title>(<path [^>]*>)<\/path>$/, '$2<title>$1</title></path>');
  });
}

export function renderChoroplethUncached(input: ChoroplethInput): ChoroplethOutput {
  const year = geoYearFor(input.geoYear);
  const base = baseMap(year);
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const rows = base.features.map((f) => {
    const cell = input.values.get(f.properties.code);
    const value = cell && cell.value !== null && Number.isFinite(cell.value) ? cell.value : null;
    return { code: f.properties.code, label: f.properties.naam, value };
  });
  const classes = quantileClasses(rows.flatMap((r) => (r.value === null ? [] : [r.value])), input.decimals);
  const colors = SEQUENTIAL_BLUES[Math.max(1, Math.min(5, classes.classes.length))]!;
  const fillOf = new Map<string, string>();
  const tipOf = new Map<string, string>();
  for (const r of rows) {
    fillOf.set(r.code, r.value === null ? `url(#${ID_TOKEN}-hatch)` : colors[classIndex(r.value, classes.thresholds)]!);
    tipOf.set(r.code, `${r.label}: ${r.value === null ? NO_FIGURE : fmt(r.value)}`);
  }
  const description = describeChoropleth({ unit: input.unit, decimals: input.decimals, values: rows, classes, highlight: input.highlight });
  const anyLink = [...input.values.values()].some((v) => v.href);
  const linked = linkGemeenten(base.svg, (code) => input.values.get(code)?.href);
  let svg = (anyLink ? linked.replace(' role="img"', ' role="group"') : linked)
    .replace(/var\(--fill-(GM\d{4})\)/g, (_, code: string) => fillOf.get(code) ?? `url(#${ID_TOKEN}-hatch)`)
    .replace(/@@tip-(GM\d{4})@@/g, (_, code: string) => escapeMarkup(tipOf.get(code) ?? code))
    .replace(TITLE_SLOT, escapeMarkup(input.title))
    .replace(DESC_SLOT, escapeMarkup(description));
  const own = input.highlight ? rows.find((r) => r.code === input.highlight) : undefined;
  const ownPath = own ? base.paths.get(own.code) : undefined;
  if (own && ownPath) svg = svg.replace(/<\/svg>$/, `${highlightMarkup(ownPath, own.label, base.width)}</svg>`);

  const legend: ChoroplethOutput['legend'] = classes.classes.map((c, i): LegendItem => ({
    label: `${c.label} (${countWords(c.count, 'gemeente', 'gemeenten')})`,
    color: colors[i]!,
    swatch: 'area',
    ...(i === 0 ? { outlined: true } : {}),
  }));
  const missing = rows.filter((r) => r.value === null).length;
  if (missing > 0) legend.push({ label: `${NO_FIGURE} (${countWords(missing, 'gemeente', 'gemeenten')})`, color: '#ffffff', swatch: 'hatch', outlined: true });
  if (own) legend.push({ label: `${own.label} (zwart omlijnd)`, color: '#000000', swatch: 'area', outlined: true });
  return { id: input.id, title: input.title, description, svg, legend, classNote: quantileClassNote(classes.classes.length), geoYear: year, unit: input.unit };
}

/** A black outline over a white one (visible on every class and on the hatch) and the name above it. */
function highlightMarkup(d: string, label: string, width: number): string {
  const box = pathBounds(d);
  const cx = (box.x0 + box.x1) / 2;
  const top = box.y0;
  const x = Math.round(Math.min(width - 60, Math.max(60, cx)));
  const y = Math.round(Math.max(14, top - 6));
  return (
    `<g class="map-highlight" aria-hidden="true">` +
    `<path d="${d}" fill="none" stroke="#ffffff" stroke-width="4.5" stroke-linejoin="round"></path>` +
    `<path d="${d}" fill="none" stroke="#000000" stroke-width="2.25" stroke-linejoin="round"></path>` +
    `<text x="${x}" y="${y}" text-anchor="middle" font-weight="bold" fill="#000000" stroke="#ffffff" stroke-width="4" paint-order="stroke">${escapeMarkup(label)}</text>` +
    `</g>`
  );
}
