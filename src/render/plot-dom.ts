/**
 * Observable Plot on a light server-side DOM (linkedom, pinned at 0.18.12): Plot builds its SVG in one shared
 * document and the element is serialised to a string. Build-time only.
 *
 * The SVG gets what a chart on this site needs: role="img" with <title> and <desc> referenced by
 * aria-labelledby, ids that are unique per chart (Plot numbers its clip paths per process), and no <style>
 * element of its own (src/components/Chart.astro styles every chart once).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { compactSvgNumbers } from '../lib/charts/svg-compact';

/** Stands for the chart id while a chart is rendered and cached; replaced when a page asks for the chart. */
export const ID_TOKEN = '__chart__';
export const PLOT_CLASS = 'chart-plot';

let sharedDocument: Document | undefined;

function plotDocument(): Document {
  sharedDocument ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
  return sharedDocument;
}

export interface SvgText {
  title: string;
  description: string;
}

/** Renders Plot options to an SVG string with the chart's text alternative inside. Ids use {@link ID_TOKEN}. */
export function renderPlotSvg(options: Plot.PlotOptions, text: SvgText): string {
  const document = plotDocument();
  const root = Plot.plot({ ...options, document, className: PLOT_CLASS }) as unknown as Element;
  if (root.tagName.toLowerCase() !== 'svg') throw new Error(`Plot gaf <${root.tagName}> in plaats van <svg>: gebruik geen legend- of title-optie van Plot`);
  return finishSvg(root, text, document);
}

/** Adds role, title and desc to a rendered <svg> element and serialises it. */
export function finishSvg(svg: Element, text: SvgText, document: Document = plotDocument()): string {
  // Plot puts its <style> as a direct child; looking only there is much cheaper than a query.
  for (const child of [...svg.children]) if (child.tagName.toLowerCase() === 'style') child.remove();
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${ID_TOKEN}-title ${ID_TOKEN}-desc`);
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${ID_TOKEN}-title`);
  title.textContent = text.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${ID_TOKEN}-desc`);
  desc.textContent = text.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, desc);
  // Inside role="img" the parts are presentational; Plot's aria-label on plain <g> elements is not allowed
  // there. Removed from the text: a selector query over the light DOM costs more than the whole regex.
  const markup = svg.outerHTML.replace(/ aria-(?:label|description)="[^"]*"/g, '');
  return compactSvgNumbers(localiseIds(markup));
}

/** Plot's clip-path and pattern ids count up per process; make them depend on the chart only. */
function localiseIds(svg: string): string {
  const renamed = new Map<string, string>();
  return svg.replace(/plot-(clip|pattern|marker)-\d+/g, (id, kind: string) => {
    let local = renamed.get(id);
    if (!local) renamed.set(id, (local = `${ID_TOKEN}-${kind}-${renamed.size + 1}`));
    return local;
  });
}

/** Puts the page's chart id into a cached SVG. */
export function withChartId(svg: string, id: string): string {
  return svg.replaceAll(ID_TOKEN, id);
}

/** Chart ids end up in id attributes and URLs: keep them to letters, digits and hyphens. */
export function assertChartId(id: string): void {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) {
    throw new Error(`grafiek-id "${id}" is ongeldig: gebruik letters, cijfers, - en _, beginnend met een letter`);
  }
}
