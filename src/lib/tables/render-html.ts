/**
 * The table markup, written once: the build puts it in the page (set:html) and the browser script puts it
 * in place after a change of selection. Simple tables use `scope`; tables with several header levels also
 * give every cell `headers` pointing at the ids of its headers (WAI tutorial "multi-level headers").
 */
import { SYMBOL_LEGEND } from '../data/symbols';
import type { HeaderCell, Mark, PivotTable } from './pivot';
import { describeRegionToken } from './selection';
import type { RegionInfo } from './table-source';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export function footnoteAnchor(tableId: string, noteId: string): string {
  return `${tableId}-noot-${noteId}`;
}

export function convertedAnchor(tableId: string): string {
  return `${tableId}-omgerekend`;
}

/** Superscript marks: footnote numbers and the omgerekend mark, each a link to its note, each with words for screen readers. */
export function renderMarks(marks: readonly Mark[], tableId: string): string {
  if (marks.length === 0) return '';
  const links = marks.map((m) =>
    m.type === 'voetnoot'
      ? `<a href="#${footnoteAnchor(tableId, m.id)}"><span class="visually-hidden">voetnoot </span>${m.number}</a>`
      : `<a href="#${convertedAnchor(tableId)}" class="mark-converted"><span class="visually-hidden">omgerekend</span><span aria-hidden="true">o</span></a>`,
  );
  return `<sup class="marks">${links.join('<span aria-hidden="true">,</span>')}</sup>`;
}

function headerContent(cell: HeaderCell, tableId: string): string {
  const unit = cell.unit ? ` <span class="unit">${escapeHtml(cell.unit)}</span>` : '';
  return `${escapeHtml(cell.label)}${renderMarks(cell.marks, tableId)}${unit}`;
}

function attrs(pairs: Record<string, string | number | undefined | false>): string {
  return Object.entries(pairs)
    // A span of 1 is the default and is left out, which keeps a large table smaller.
    .filter(([k, v]) => v !== undefined && v !== false && !(v === 1 && k.endsWith('span')))
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
}

/** The `<table>`, or a paragraph saying why there is none. */
export function renderTable(pivot: PivotTable): string {
  const { id, complex } = pivot;
  if (pivot.rowCount === 0) {
    const why = pivot.messages.length > 0 ? pivot.messages.map(escapeHtml).join(' ') : 'Geen cijfers in deze selectie.';
    return `<p class="table-empty">${why}</p>`;
  }
  const out: string[] = [];
  out.push(`<table class="data pivot" id="${id}">`);
  const { title, detail } = pivot.caption;
  // The inner span stays in view and wraps to the screen while a wide table scrolls sideways (see the CSS).
  out.push(`<caption id="${id}-caption"><span class="caption-inner"><span class="caption-title">${escapeHtml(title)}</span>${renderMarks(pivot.captionMarks, id)}. ${escapeHtml(detail)}</span></caption>`);
  out.push('<thead>');
  const corner = pivot.cornerLabels.length;
  pivot.columnHeaders.forEach((level, l) => {
    const last = l === pivot.columnHeaders.length - 1;
    const cornerCells = last
      ? pivot.cornerLabels.map((label, i) => `<th scope="col"${complex ? ` id="${id}-h${i}"` : ''} class="corner">${escapeHtml(label)}</th>`).join('')
      : `<td${attrs({ colspan: corner })} class="corner"></td>`;
    const cells = level.map((cell) => `<th scope="col"${attrs({ colspan: cell.span, id: complex ? cell.id : undefined })}>${headerContent(cell, id)}</th>`);
    out.push(`<tr>${cornerCells}${cells.join('')}</tr>`);
  });
  out.push('</thead>');
  const width = corner + pivot.columnCount;
  for (const group of pivot.groups) {
    out.push('<tbody>');
    if (group.header) {
      // The label is wrapped so it can stay in view while the row scrolls sideways.
      out.push(`<tr class="group-head"><th scope="rowgroup"${attrs({ colspan: width, id: complex ? group.header.id : undefined })}><span class="group-label">${headerContent(group.header, id)}</span></th></tr>`);
    }
    for (const row of group.rows) {
      const heads = row.headers
        .map((h) => (h ? `<th scope="row"${attrs({ rowspan: h.span, id: complex ? h.id : undefined })}>${headerContent(h, id)}</th>` : ''))
        .join('');
      const cells = row.cells.map((cell, c) => {
        const headers = complex ? [...pivot.columnHeaderIds[c]!, ...row.headerIds].join(' ') : undefined;
        const symbol = cell.symbol !== null && cell.symbol !== '-' ? ` class="symbol"` : '';
        return `<td${attrs({ headers })}${symbol}>${escapeHtml(cell.text)}${renderMarks(cell.marks, id)}</td>`;
      });
      out.push(`<tr${row.total ? ' class="is-total"' : ''}>${heads}${cells.join('')}</tr>`);
    }
    out.push('</tbody>');
  }
  out.push('</table>');
  return out.join('\n');
}

/** What goes under the table: its footnotes, the omgerekend note, and the symbols that occur in it. */
export function renderTableNotes(pivot: PivotTable, options: { legendHref?: string } = {}): string {
  const { id } = pivot;
  const out: string[] = [];
  if (pivot.footnotes.length > 0) {
    out.push('<p class="notes-title">Voetnoten</p>');
    out.push('<ol class="footnotes">');
    for (const note of pivot.footnotes) out.push(`<li id="${footnoteAnchor(id, note.id)}" value="${note.number}">${escapeHtml(note.text)}</li>`);
    out.push('</ol>');
  }
  if (pivot.hasConverted) {
    out.push(
      `<p id="${convertedAnchor(id)}" class="note-converted"><span class="mark-key" aria-hidden="true">o</span> Omgerekend: de gemeente bestond in die periode nog niet in deze vorm. Haar cijfers zijn samengesteld uit de gemeenten van toen (aantallen en bedragen opgeteld, bij een splitsing verdeeld naar adressen; percentages en bedragen per jongere opnieuw berekend; een gemiddelde of een percentage zonder teller en noemer in de tabel is dan onbekend) naar de gemeentelijke indeling van ${pivot.indeling}.</p>`,
    );
  }
  // An empty cell ("(leeg)": cannot occur, e.g. a gemeente in a year it did not exist) is explained too.
  const legend = SYMBOL_LEGEND.filter((s) => pivot.symbols.includes(s.symbol));
  if (legend.length > 0) {
    const items = legend.map((s) => `<span class="legend-item"><span class="legend-symbol">${escapeHtml(s.shown)}</span> ${escapeHtml(s.meaning)}</span>`);
    const more = options.legendHref ? ` <a href="${escapeHtml(options.legendHref)}">Alle tekens</a>` : '';
    out.push(`<p class="legend-short">Tekens in deze tabel: ${items.join('; ')}.${more}</p>`);
  }
  return out.join('\n');
}

/** The list of chosen regions in the selection form, each with a button to remove it. */
export function renderRegionChips(tokens: readonly string[], regions: readonly RegionInfo[]): string {
  return tokens
    .map((token) => {
      const label = escapeHtml(describeRegionToken(token, regions));
      return `<li><input type="hidden" name="regio" value="${escapeHtml(token)}"><span>${label}</span> <button type="button" class="chip-remove" data-remove="${escapeHtml(token)}">Verwijder<span class="visually-hidden"> ${label}</span></button></li>`;
    })
    .join('');
}
