/**
 * Small SVG samples for the HTML legend beside a chart: the same colour, marker shape, dash pattern or hatch
 * as on the chart, so the legend also works in black and white.
 */
import { HIGHLIGHT_COLOR } from './palette';
import type { LegendItem, MarkerSymbol } from './types';

export const SWATCH_WIDTH = 28;
export const SWATCH_HEIGHT = 16;
/** The fill opacity of a range (a 'band' swatch with `outlined`), in the legend as on the trend chart. */
export const RANGE_FILL_OPACITY = 0.25;

function marker(symbol: MarkerSymbol, cx: number, cy: number, fill: string, stroke: string): string {
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="1.5"`;
  switch (symbol) {
    case 'square':
      return `<rect x="${cx - 3.5}" y="${cy - 3.5}" width="7" height="7" ${paint}/>`;
    case 'triangle':
      return `<path d="M${cx},${cy - 4.5}L${cx + 4.5},${cy + 3.5}L${cx - 4.5},${cy + 3.5}Z" ${paint}/>`;
    case 'diamond':
      return `<path d="M${cx},${cy - 5}L${cx + 3.5},${cy}L${cx},${cy + 5}L${cx - 3.5},${cy}Z" ${paint}/>`;
    case 'star':
      return `<path d="M${cx},${cy - 5}L${cx + 1.5},${cy - 1.5}L${cx + 5},${cy - 1}L${cx + 2.3},${cy + 1.5}L${cx + 3},${cy + 5}L${cx},${cy + 3}L${cx - 3},${cy + 5}L${cx - 2.3},${cy + 1.5}L${cx - 5},${cy - 1}L${cx - 1.5},${cy - 1.5}Z" ${paint}/>`;
    case 'cross':
      return `<path d="M${cx - 1.5},${cy - 4.5}h3v3h3v3h-3v3h-3v-3h-3v-3h3Z" ${paint}/>`;
    case 'wye':
    case 'circle':
      return `<circle cx="${cx}" cy="${cy}" r="4" ${paint}/>`;
  }
}

/** The inner markup of a swatch `<svg>` of {@link SWATCH_WIDTH}×{@link SWATCH_HEIGHT}. `hatchId` must be unique on the page. */
export function swatchMarkup(item: LegendItem, hatchId: string): string {
  const w = SWATCH_WIDTH;
  const h = SWATCH_HEIGHT;
  const mid = h / 2;
  const c = item.color;
  if (item.swatch === 'band' && item.outlined) {
    // A range, as a trend chart draws a comparison group's: a translucent fill between two edges in the colour.
    return `<rect x="1" y="3" width="${w - 2}" height="${h - 6}" fill="${c}" fill-opacity="${RANGE_FILL_OPACITY}"/><path d="M1,3.5H${w - 1}M1,${h - 3.5}H${w - 1}" stroke="${c}" stroke-width="1"/>`;
  }
  switch (item.swatch) {
    case 'line':
    case 'dashed-line': {
      const dash = item.swatch === 'dashed-line' ? ' stroke-dasharray="5 3"' : '';
      const width = item.outlined ? 3 : 1.75;
      const line = `<line x1="1" y1="${mid}" x2="${w - 1}" y2="${mid}" stroke="${c}" stroke-width="${width}"${dash}/>`;
      return item.plain ? line : `${line}${marker(item.symbol ?? 'circle', w / 2, mid, c, c)}`;
    }
    case 'dot':
      return `<circle cx="${w / 2}" cy="${mid}" r="${item.outlined ? 6 : 4}" fill="${c}" stroke="${item.outlined ? '#000000' : c}" stroke-width="1.5"/>`;
    case 'open-dot':
      // Outlined: a ring in the colour around a point of the highlighted series (a trend chart's compared figures).
      if (item.outlined) return `<circle cx="${w / 2}" cy="${mid}" r="3" fill="${HIGHLIGHT_COLOR}"/><circle cx="${w / 2}" cy="${mid}" r="6.5" fill="none" stroke="${c}" stroke-width="1.5"/>`;
      return `<circle cx="${w / 2}" cy="${mid}" r="4" fill="#ffffff" stroke="${c}" stroke-width="1.5"/>`;
    case 'provisional':
      return `<line x1="1" y1="${mid}" x2="${w - 1}" y2="${mid}" stroke="${c}" stroke-width="1.5" stroke-dasharray="4 3"/><circle cx="${w / 2}" cy="${mid}" r="4" fill="#ffffff" stroke="${c}" stroke-width="1.5"/>`;
    case 'rule':
      return `<line x1="${w / 2}" y1="1" x2="${w / 2}" y2="${h - 1}" stroke="${c}" stroke-width="1.5" stroke-dasharray="4 2"/>`;
    case 'band':
    case 'bar':
    case 'area': {
      const stroke = item.outlined ? (item.swatch === 'area' && c === '#000000' ? '#000000' : '#555555') : c;
      const fill = item.swatch === 'area' && c === '#000000' ? '#ffffff' : c;
      const width = c === '#000000' ? 2.25 : 1;
      return `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" fill="${fill}" stroke="${stroke}" stroke-width="${width}"/>`;
    }
    case 'hatch':
      return (
        `<defs><pattern id="${hatchId}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">` +
        `<rect width="5" height="5" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="5" stroke="#555555" stroke-width="1.5"/></pattern></defs>` +
        `<rect x="1" y="1" width="${w - 2}" height="${h - 2}" fill="url(#${hatchId})" stroke="#555555" stroke-width="1"/>`
      );
  }
}
