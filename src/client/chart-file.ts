/**
 * A chart on the page as a file: the SVG with its title, legend, notes and source line
 * (src/lib/charts/standalone-svg.ts), or that SVG drawn on a canvas at twice its size as a PNG. Loaded by
 * src/client/chart-download.ts on the first click.
 */
import { chartFileName, chartSourceLine, downloadTitle, inlineSvgImages, standaloneSvg, svgImageFiles, withFrameImage } from '../lib/charts/standalone-svg';

const PNG_SCALE = 2;

/** The standalone SVG of the chart in `figure` (a Chart.astro or ChoroplethMap.astro figure). */
export async function chartSvgOf(figure: HTMLElement): Promise<string> {
  const drawing = figure.querySelector('.chart__canvas--wide svg, .chart__canvas svg, .chart--map__canvas svg');
  if (!drawing) throw new Error('geen grafiek');
  let svg = new XMLSerializer().serializeToString(drawing);
  // The shared frame under it (an <img> beside the drawing on the page) goes inside, under its marks.
  const frame = drawing.parentElement?.querySelector<HTMLImageElement>('img[data-frame]');
  if (frame) svg = withFrameImage(svg, { href: frame.getAttribute('src')!, width: Number(frame.getAttribute('width')), height: Number(frame.getAttribute('height')) });
  // A fact page's funnel draws its shared frame from a file: put the file inside.
  const files = new Map<string, string>();
  await Promise.all(svgImageFiles(svg).map(async (href) => files.set(href, await (await fetch(href)).text())));
  svg = inlineSvgImages(svg, (href) => files.get(href));
  const legend = [...figure.querySelectorAll('.chart-legend li')].map((item) => ({
    label: item.querySelector('span')?.textContent ?? '',
    swatch: item.querySelector('svg')?.innerHTML ?? '',
  }));
  return standaloneSvg({
    svg,
    title: downloadTitle(figure.querySelector('figcaption')?.textContent?.trim() ?? '', figure.dataset.regio),
    legend,
    notes: [...figure.querySelectorAll('.chart--map__note')].map((note) => note.textContent ?? ''),
    source: chartSourceLine(figure.dataset.bron ?? '', location.origin + location.pathname),
  });
}

export async function saveChart(figure: HTMLElement, format: 'svg' | 'png'): Promise<void> {
  const name = chartFileName(location.pathname, figure.id.replace(/-figuur$/, ''));
  const svg = new Blob([await chartSvgOf(figure)], { type: 'image/svg+xml' });
  if (format === 'svg') return save(svg, name);
  // Drawn from a blob: address (the Content-Security-Policy allows img-src blob:).
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * PNG_SCALE;
    canvas.height = image.naturalHeight * PNG_SCALE;
    canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG'))), 'image/png'));
    save(png, name.replace(/\.svg$/, '.png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

function save(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
