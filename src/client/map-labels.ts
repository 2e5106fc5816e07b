/**
 * A map's focused gemeente named beside it: its name and figure (the link's <title>) in a label above the shape,
 * for readers who use the keyboard and cannot hover for the tooltip; and its outline drawn over its neighbours
 * (a shape's own stroke lies partly under them). Without JavaScript the browser's focus ring remains.
 */
const SVG = 'http://www.w3.org/2000/svg';

function outlineOver(link: Element): Element | undefined {
  const shape = link.querySelector('path');
  const svg = link.closest('svg');
  if (!shape || !svg) return undefined;
  const group = document.createElementNS(SVG, 'g');
  group.setAttribute('class', 'chart--map__focus');
  group.setAttribute('aria-hidden', 'true');
  for (const [colour, width] of [['#ffffff', '5'], ['#000000', '2.5']] as const) {
    const line = document.createElementNS(SVG, 'path');
    line.setAttribute('d', shape.getAttribute('d') ?? '');
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', colour);
    line.setAttribute('stroke-width', width);
    line.setAttribute('stroke-linejoin', 'round');
    line.setAttribute('pointer-events', 'none');
    group.append(line);
  }
  svg.append(group);
  return group;
}
export function startMapLabels(): void {
  for (const canvas of document.querySelectorAll<HTMLElement>('[data-map-labels]')) {
    if (canvas.dataset.bound) continue;
    canvas.dataset.bound = 'ja';
    const label = document.createElement('p');
    label.className = 'chart--map__label';
    // Screen readers already hear the link's name.
    label.setAttribute('aria-hidden', 'true');
    label.hidden = true;
    canvas.append(label);
    let outline: Element | undefined;
    canvas.addEventListener('focusin', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      const text = link?.querySelector('title')?.textContent;
      if (!link || !text) return;
      label.textContent = text;
      label.hidden = false;
      outline?.remove();
      outline = outlineOver(link);
      const shape = link.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      const left = shape.left - box.left + shape.width / 2 - label.offsetWidth / 2;
      label.style.left = `${Math.max(0, Math.min(box.width - label.offsetWidth, left))}px`;
      label.style.top = `${Math.max(0, shape.top - box.top - label.offsetHeight - 4)}px`;
    });
    canvas.addEventListener('focusout', () => {
      label.hidden = true;
      outline?.remove();
    });
  }
}
