import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildPivot } from '../../src/lib/tables/pivot';
import { escapeHtml, renderRegionChips, renderTable, renderTableNotes } from '../../src/lib/tables/render-html';
import { defaultSelection, parseSelection, type SelectionContext } from '../../src/lib/tables/selection';
import { fixtureSource } from './fixture';

const source = fixtureSource();
const context: SelectionContext = { meta: source.meta, periods: source.periods, regions: source.regions };

function render(query: string) {
  const selection = query ? parseSelection(query, context).selection : defaultSelection(context);
  const pivot = buildPivot(source, selection, { id: 'tabel' });
  const { document } = parseHTML(`<!doctype html><html><body>${renderTable(pivot)}${renderTableNotes(pivot, { legendHref: '#tekens' })}</body></html>`);
  return { pivot, document, table: document.querySelector('table')! };
}

describe('the default table as HTML', () => {
  const { document, table } = render('');

  it('has a caption naming dataset, period and layout', () => {
    const caption = table.querySelector('caption')!;
    expect(caption.getAttribute('id')).toBe('tabel-caption');
    expect(caption.textContent).toContain('Jeugdhulptrajecten; hulpvorm, regio — 1e halfjaar 2023*, hulpvorm: totaal');
    expect(caption.textContent).toContain("Rijen: regio's (397)");
  });

  it('gives every header cell a scope: col for measures, rowgroup for kinds, row for regions', () => {
    const ths = [...table.querySelectorAll('th')];
    expect(ths.filter((th) => !th.getAttribute('scope'))).toEqual([]);
    expect(table.querySelectorAll('thead th[scope="col"]').length).toBe(5);
    expect([...table.querySelectorAll('th[scope="rowgroup"]')].map((th) => th.textContent)).toEqual(['Provincies', "Jeugdregio's", 'Gemeenten']);
    expect(table.querySelectorAll('tbody th[scope="row"]').length).toBe(397);
    expect(table.querySelectorAll('tbody').length).toBe(4);
    // A simple table needs no headers attributes, which keeps the page small.
    expect(table.querySelectorAll('td[headers]').length).toBe(0);
  });

  it('writes the numbers in nl-NL, a cell per measure', () => {
    const first = table.querySelector('tbody tr')!;
    expect(first.getAttribute('class')).toBe('is-total');
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['844.478', '649.565', '5.883.648', '11,0']);
    expect(table.querySelectorAll('td').length).toBe(397 * 4);
  });

  it('links each footnote mark to its note, with words for screen readers', () => {
    const marks = [...table.querySelectorAll('sup.marks a')];
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      const target = mark.getAttribute('href')!.slice(1);
      expect(document.getElementById(target), target).not.toBeNull();
      expect(mark.querySelector('.visually-hidden')!.textContent).toBe('voetnoot ');
    }
    expect([...document.querySelectorAll('ol.footnotes li')].map((li) => [li.getAttribute('value'), li.textContent])).toEqual([
      ['1', 'Fictieve cijfers.'],
      ['2', 'Een aanbieder sloot en heropende alle trajecten.'],
      ['3', 'Percentage van alle jongeren.'],
    ]);
    expect(document.querySelector('.legend-short')!.textContent).toBe('Tekens in deze tabel: * voorlopig cijfer. Alle tekens');
  });
});

describe('a table with nested headers as HTML', () => {
  const { document, table } = render('regio=GM0344,GM0363&perioden=2022HJ02,2023HJ01&hulpvorm=T001,11&maat=trajecten,jongeren_pct&rijen=regio,hulpvorm&kolommen=perioden,maat');

  it('names every cell’s headers by id, and every id exists', () => {
    const cells = [...table.querySelectorAll('tbody td')];
    expect(cells).toHaveLength(2 * 2 * 4);
    for (const td of cells) {
      const ids = td.getAttribute('headers')!.split(' ');
      expect(ids).toHaveLength(4);
      for (const id of ids) expect(document.getElementById(id), id).not.toBeNull();
    }
    const last = cells.at(-1)!;
    expect(last.getAttribute('headers')!.split(' ').map((id) => document.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      '1e halfjaar 2023*',
      // The footnote mark of the measure reads "voetnoot 3" to a screen reader.
      'Jongeren met jeugdhulpvoetnoot 3 %',
      'Utrecht',
      'Pleegzorg',
    ]);
  });

  it('spans period headers over their measures and keeps an empty corner above the row header label', () => {
    const headerRows = [...table.querySelectorAll('thead tr')];
    expect(headerRows[0]!.querySelector('td.corner')).not.toBeNull();
    expect([...headerRows[0]!.querySelectorAll('th')].map((th) => th.getAttribute('colspan'))).toEqual(['2', '2']);
    expect(headerRows[1]!.querySelector('th.corner')!.textContent).toBe('Hulpvorm');
    expect([...table.querySelectorAll('th[scope="rowgroup"]')].map((th) => th.getAttribute('colspan'))).toEqual(['5', '5']);
  });

  it('marks converted figures with a link to the note on omgerekend', () => {
    const converted = [...table.querySelectorAll('a.mark-converted')];
    expect(converted.length).toBe(4);
    expect(converted.every((a) => a.getAttribute('href') === '#tabel-omgerekend')).toBe(true);
    expect(document.getElementById('tabel-omgerekend')!.textContent).toContain('indeling van 2023');
  });
});

describe('symbols in cells', () => {
  it('marks cells with a symbol for styling, but not nihil', () => {
    const { table } = render('regio=GM0088,GM0096&hulpvorm=11&maat=jongeren');
    // (linkedom reports a missing class attribute as "", so ask for the class list.)
    expect([...table.querySelectorAll('td')].map((td) => [td.textContent, td.classList.contains('symbol')])).toEqual([
      ['.', true],
      ['-', false],
    ]);
  });
});

describe('escaping', () => {
  it('escapes labels', () => {
    expect(escapeHtml('Bergen (NH.) & <script>"x"</script>')).toBe('Bergen (NH.) &amp; &lt;script&gt;&quot;x&quot;&lt;/script&gt;');
  });

  it('renders chosen regions with a hidden input for the form and a named remove button', () => {
    const { document } = parseHTML(`<ul>${renderRegionChips(['NL01', 'gemeenten-PV26'], source.regions)}</ul>`);
    expect([...document.querySelectorAll('input')].map((i) => i.getAttribute('value'))).toEqual(['NL01', 'gemeenten-PV26']);
    expect([...document.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Verwijder Nederland', 'Verwijder Gemeenten in Utrecht (provincie)']);
  });
});
