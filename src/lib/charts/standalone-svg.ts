/**
 * A chart as a file to download and reuse: one self-contained SVG with the chart's title above it, its legend
 * and notes below it, and the source line (who made the figures, which release, where on the site), so a copy
 * in an article or a slide still says what it shows and where it comes from. The page's buttons put it
 * together from the chart on the page (src/client/chart-file.ts) and draw it on a canvas for a PNG; maps are
 * also written as files at build time, for readers without JavaScript (src/render/chart-files.ts). Pure, and
 * small enough for the browser.
 */
import { SITE_NAME } from '../releases/cite';
import { SWATCH_HEIGHT, SWATCH_WIDTH } from './legend-swatch';
import { escapeText } from './markup';
import type { RegionRegister } from '../regions/register';
import type { ChartFrame } from './types';

export interface StandaloneChart {
  /** The chart's own drawing: an <svg> with width and height. */
  svg: string;
  title: string;
  /** The legend: each entry's label and the inner markup of its swatch (swatchMarkup, or the page's legend; ids unique in the file). */
  legend?: ReadonlyArray<{ label: string; swatch: string }> | undefined;
  /** Lines under the legend: how a map's classes were made, the credit for its boundaries. */
  notes?: readonly string[] | undefined;
  /** The source line, from {@link chartSourceLine}. */
  source: string;
}

/** Who made the figures and in which release: "Bron: CBS, beleidsinformatie jeugd · publicatie Oktober 2026". */
export function chartSource(options: { fictitious: boolean; releaseTitle: string | undefined }): string {
  const source = options.fictitious ? 'Fictieve demonstratiecijfers naar het model van CBS, beleidsinformatie jeugd' : 'Bron: CBS, beleidsinformatie jeugd';
  return [source, options.releaseTitle && `publicatie ${options.releaseTitle}`].filter(Boolean).join(' · ');
}

/** The whole source line: the source and where on the site the chart is, "… · Jeugdzorg in cijfers, https://…/gemeente/x/". */
export function chartSourceLine(source: string, address: string): string {
  return `${source} · ${SITE_NAME}, ${address}`;
}

/** The file name of a chart's download beside its page: "gemeente-amsterdam-trend-jongeren-jeugdhulp.svg". */
export function chartFileName(pagePath: string, chartId: string): string {
  const segments = pagePath.split('/').filter(Boolean);
  return `${[...segments, chartId].join('-')}.svg`;
}

const PAD = 12;
const TITLE_SIZE = 15;
const TEXT_SIZE = 12;
const NOTE_SIZE = 11;
const LINE = 1.35;
/** Average width of a character of system-ui at 1px, normal and bold, a little generous so that wrapped lines never overflow. */
export const CHAR_WIDTH = 0.56;
export const BOLD_CHAR_WIDTH = 0.64;

const textWidth = (text: string, size: number, bold = false) => text.length * size * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH);

/** Splits text into lines of at most `width` pixels at `size`, at spaces. */
export function wrapText(text: string, size: number, width: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function svgSize(svg: string): { width: number; height: number } {
  const open = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const viewBox = / viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(open);
  const width = Number(/ width="([\d.]+)"/.exec(open)?.[1] ?? viewBox?.[1]);
  const height = Number(/ height="([\d.]+)"/.exec(open)?.[1] ?? viewBox?.[2]);
  if (!(width > 0 && height > 0)) throw new Error('grafiek zonder breedte en hoogte');
  return { width, height };
}

/** The standalone SVG document of a chart. */
export function standaloneSvg(chart: StandaloneChart): string {
  const { width: chartWidth, height: chartHeight } = svgSize(chart.svg);
  const inner = Math.max(chartWidth, 300);
  const parts: string[] = [];
  let y = PAD;
  const textLines = (lines: string[], size: number, attributes = '') => {
    for (const line of lines) {
      y += size;
      parts.push(`<text x="${PAD}" y="${y}" font-size="${size}"${attributes}>${escapeText(line)}</text>`);
      y += size * (LINE - 1);
    }
  };
  textLines(wrapText(chart.title, TITLE_SIZE, inner, true), TITLE_SIZE, ' font-weight="bold"');
  y += 6;
  // The chart keeps its own attributes (text alternative, font); it only moves below the title.
  parts.push(chart.svg.replace(/^<svg /, `<svg x="${PAD}" y="${y}" `));
  y += chartHeight + 8;
  let x = PAD;
  const rowHeight = Math.max(SWATCH_HEIGHT, TEXT_SIZE) + 6;
  for (const item of chart.legend ?? []) {
    const itemWidth = SWATCH_WIDTH + 6 + textWidth(item.label, TEXT_SIZE) + 18;
    if (x > PAD && x + itemWidth > PAD + inner) {
      x = PAD;
      y += rowHeight;
    }
    parts.push(`<svg x="${x}" y="${y}" width="${SWATCH_WIDTH}" height="${SWATCH_HEIGHT}" viewBox="0 0 ${SWATCH_WIDTH} ${SWATCH_HEIGHT}">${item.swatch}</svg>`);
    parts.push(`<text x="${x + SWATCH_WIDTH + 6}" y="${y + SWATCH_HEIGHT / 2 + TEXT_SIZE * 0.35}" font-size="${TEXT_SIZE}">${escapeText(item.label)}</text>`);
    x += itemWidth;
  }
  if (chart.legend?.length) y += rowHeight + 2;
  for (const note of chart.notes ?? []) textLines(wrapText(note, NOTE_SIZE, inner), NOTE_SIZE, ' fill="#444444"');
  y += 4;
  textLines(wrapText(chart.source, NOTE_SIZE, inner), NOTE_SIZE, ' fill="#444444"');
  const width = Math.ceil(inner + 2 * PAD);
  const height = Math.ceil(y + PAD);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" fill="#1a1a1a">` +
    `<title>${escapeText(chart.title)}</title><desc>${escapeText(chart.source)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"></rect>${parts.join('')}</svg>\n`
  );
}

/**
 * A drawing with its shared part (ChartOutput.frame) put back inside as an <image> under its own marks, where
 * the frame was drawn: right after the title and description. The page shows the file under the drawing
 * instead, so a browser fetches it only where the drawing is shown (the wide or the narrow one).
 */
export function withFrameImage(svg: string, frame: ChartFrame): string {
  const at = svg.indexOf('</desc>');
  if (at < 0) throw new Error('grafiek zonder beschrijving: geen plek voor het kader');
  const end = at + '</desc>'.length;
  return `${svg.slice(0, end)}<image href="${frame.href}" x="0" y="0" width="${frame.width}" height="${frame.height}" />${svg.slice(end)}`;
}

/** The shared SVG files a chart draws from (a fact page's funnel its frame, /grafieken/trechter/…). */
export function svgImageFiles(svg: string): string[] {
  return [...new Set([...svg.matchAll(/<image href="(\/[^"]+\.svg)"/g)].map((m) => m[1]!))];
}

/** Puts those files inside the chart as data: addresses, so the download needs nothing else. */
export function inlineSvgImages(svg: string, fileOf: (href: string) => string | undefined): string {
  return svg.replace(/<image href="(\/[^"]+\.svg)"/g, (whole, href: string) => {
    const file = fileOf(href);
    return file === undefined ? whole : `<image href="data:image/svg+xml,${encodeURIComponent(file)}"`;
  });
}

/** The region a fact page is about, by its path (/gemeente/amsterdam/ → Amsterdam), to name it in a downloaded chart's title. */
export function pageRegionName(register: RegionRegister, pagePath: string): string | undefined {
  const [kind, slug] = pagePath.split('/').filter(Boolean);
  if (kind === 'nederland') return 'Nederland';
  if (!slug) return undefined;
  if (kind === 'gemeente') return register.gemeenteBySlug(slug)?.naam;
  const regions = kind === 'provincie' ? register.provincies() : kind === 'jeugdregio' ? register.jeugdregios() : [];
  return regions.find((r) => register.slug(r.code) === slug)?.naam;
}

/** A downloaded chart's title: the caption, with the region of a fact page after it. */
export function downloadTitle(caption: string, region: string | undefined): string {
  return region && !caption.includes(region) ? `${caption} — ${region}` : caption;
}
