/** Writes a chart as a standalone SVG file beside its page (src/render/chart-files.ts); returns its size in bytes. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { standaloneSvg, type StandaloneChart } from '../lib/charts/standalone-svg';

export async function writeChartFile(outDir: string, href: string, chart: StandaloneChart): Promise<number> {
  const file = path.join(outDir, href);
  const svg = standaloneSvg(chart);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, svg);
  return Buffer.byteLength(svg);
}
