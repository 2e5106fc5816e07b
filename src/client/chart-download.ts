/**
 * The download buttons under every chart and map (figure[data-bron]): SVG and PNG, put together in the browser
 * from the chart on the page with its title, legend and source line (./chart-file.ts, loaded on the first
 * click, so pages carry only this). A map's SVG file is a link that works without JavaScript; it gets a PNG
 * button beside it.
 */
export function startChartDownloads(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure[data-bron]')) {
    if (figure.dataset.bound) continue;
    figure.dataset.bound = 'ja';
    let line = figure.querySelector<HTMLElement>('.chart__download');
    if (!line) {
      line = document.createElement('p');
      line.className = 'chart__download';
      line.textContent = 'Downloaden:';
      figure.append(line);
    }
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    for (const format of ['svg', 'png'] as const) {
      if (format === 'svg' && line.querySelector('a[download]')) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = format.toUpperCase();
      button.addEventListener('click', async () => {
        button.disabled = true;
        status.textContent = '';
        try {
          const { saveChart } = await import('./chart-file');
          await saveChart(figure, format);
        } catch {
          status.textContent = 'Downloaden lukte niet.';
        } finally {
          button.disabled = false;
        }
      });
      line.append(' ', button);
    }
    line.append(' ', status);
  }
}
