import { describe, expect, it } from 'vitest';
import { buildPivot, type BodyRow, type PivotTable } from '../../src/lib/tables/pivot';
import { defaultSelection, parseSelection, type SelectionContext } from '../../src/lib/tables/selection';
import { fixtureSource } from './fixture';

const source = fixtureSource();
const context: SelectionContext = { meta: source.meta, periods: source.periods, regions: source.regions };
const pivotOf = (query: string, options = {}) => {
  const { selection, messages } = parseSelection(query, context);
  expect(messages).toEqual([]);
  return buildPivot(source, selection, options);
};
const rows = (pivot: PivotTable): BodyRow[] => pivot.groups.flatMap((g) => g.rows);
const rowNamed = (pivot: PivotTable, label: string) => rows(pivot).find((r) => r.headers.some((h) => h?.label === label))!;
const marksOf = (marks: Array<{ type: string; number?: number }>) => marks.map((m) => (m.type === 'omgerekend' ? 'o' : m.number));

describe('the default table', () => {
  const pivot = buildPivot(source, defaultSelection(context));

  it('has a row per region, grouped by kind, and a column per measure with its unit', () => {
    expect(pivot.rowCount).toBe(1 + 12 + 42 + 342);
    expect(pivot.groups.map((g) => [g.header?.label, g.rows.length])).toEqual([
      [undefined, 1],
      ['Provincies', 12],
      ["Jeugdregio's", 42],
      ['Gemeenten', 342],
    ]);
    expect(pivot.columnHeaders).toHaveLength(1);
    expect(pivot.columnHeaders[0]!.map((h) => [h.label, h.unit])).toEqual([
      ['Trajecten', 'aantal'],
      ['Jongeren met jeugdhulp', 'aantal'],
      ['Jongeren tot 18 jaar', 'aantal'],
      ['Jongeren met jeugdhulp', '%'],
    ]);
    expect(pivot.cornerLabels).toEqual(["Regio's"]);
    expect(pivot.complex).toBe(false);
  });

  it('says in the caption what is shown: dataset, period with its status mark, categories, layout, indeling', () => {
    expect(pivot.caption.title).toBe('Jeugdhulptrajecten; hulpvorm, regio — 1e halfjaar 2023*, hulpvorm: totaal');
    expect(pivot.caption.detail).toBe("Rijen: regio's (397); kolommen: onderwerpen (4). Gemeenten op de indeling van 2023.");
  });

  it('formats numbers as Dutch readers expect, in the decimals each measure declares', () => {
    const nederland = rows(pivot)[0]!;
    expect(nederland.total).toBe(true);
    expect(nederland.cells.map((c) => c.text)).toEqual(['844.478', '649.565', '5.883.648', '11,0']);
    const schiermonnikoog = rowNamed(pivot, 'Schiermonnikoog');
    expect(schiermonnikoog.cells.map((c) => c.text)).toEqual(['23', '17', '180', '9,4']);
  });

  it('puts a footnote on the whole table, on a measure’s header, and on a region’s row', () => {
    // "demo" concerns everything; "amsterdam-2023" regions × periods, but only one period is shown;
    // "pleegzorg-pct" one measure; "wijkteam" a category that is not shown, so it is left out.
    expect(pivot.footnotes.map((f) => [f.number, f.id])).toEqual([
      [1, 'demo'],
      [2, 'amsterdam-2023'],
      [3, 'pleegzorg-pct'],
    ]);
    expect(marksOf(pivot.captionMarks)).toEqual([1]);
    expect(marksOf(pivot.columnHeaders[0]![3]!.marks)).toEqual([3]);
    expect(marksOf(rowNamed(pivot, 'Amsterdam').headers[0]!.marks)).toEqual([2]);
    expect(rowNamed(pivot, 'Amsterdam').cells.every((c) => c.marks.length === 0)).toBe(true);
    expect(rowNamed(pivot, 'Rotterdam').headers[0]!.marks).toEqual([]);
  });

  it('lists the status marks that occur for the legend under the table', () => {
    expect(pivot.symbols).toEqual(['*']);
    expect(pivot.hasConverted).toBe(false);
  });
});

describe('periods × hulpvorm for Nederland', () => {
  const pivot = pivotOf('regio=NL01&perioden=2022HJ01,2022HJ02,2023HJ01&hulpvorm=T001,01,02,11&maat=trajecten&rijen=perioden&kolommen=hulpvorm');

  it('has the periods with their status marks as rows and the categories as columns', () => {
    expect(rows(pivot).map((r) => r.headers[0]!.label)).toEqual(['1e halfjaar 2022', '2e halfjaar 2022', '1e halfjaar 2023*']);
    expect(pivot.columnHeaders[0]!.map((h) => h.label)).toEqual(['Totaal', 'Jeugdhulp door wijkteam', 'Ambulant op locatie', 'Pleegzorg']);
    expect(pivot.caption.title).toBe('Jeugdhulptrajecten; hulpvorm, regio — Nederland, Lopende jeugdhulptrajecten (aantal)');
    expect(pivot.columnHeaders[0]![0]!.total).toBe(true);
  });

  it('marks the wijkteam column, the trend break’s period and nothing of Amsterdam', () => {
    const number = (id: string) => pivot.footnotes.find((f) => f.id === id)?.number;
    expect(marksOf(pivot.columnHeaders[0]![1]!.marks)).toEqual([number('wijkteam')]);
    // The trend break concerns one measure and one period; with that measure alone it is the period's.
    expect(marksOf(rows(pivot)[1]!.headers[0]!.marks)).toEqual([number('trendbreuk-2022hj02')]);
    expect(rows(pivot)[0]!.headers[0]!.marks).toEqual([]);
    expect(number('amsterdam-2023')).toBeUndefined();
  });

  it('adds the categories to the totals row by row', () => {
    for (const row of rows(pivot)) {
      const [total, ...parts] = row.cells.map((c) => c.value!);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});

describe('footnotes on cells', () => {
  it('marks only the cells a footnote names when it concerns two dimensions that vary', () => {
    const pivot = pivotOf('regio=NL01,GM0363&perioden=2022HJ02,2023HJ01&maat=trajecten&rijen=regio&kolommen=perioden');
    const number = pivot.footnotes.find((f) => f.id === 'amsterdam-2023')!.number;
    const amsterdam = rowNamed(pivot, 'Amsterdam');
    expect(marksOf(amsterdam.cells[1]!.marks)).toEqual([number]);
    expect(amsterdam.cells[0]!.marks.filter((m) => m.type === 'voetnoot')).toEqual([]);
    expect(rowNamed(pivot, 'Nederland').cells.every((c) => c.marks.length === 0)).toBe(true);
  });
});

describe('suppressed cells and nihil', () => {
  it('shows a suppressed small number as "." and nihil as "-"', () => {
    const pivot = pivotOf('regio=GM0088,GM0096&hulpvorm=11&maat=jongeren,jongeren_pct');
    expect(rowNamed(pivot, 'Schiermonnikoog').cells.map((c) => [c.text, c.symbol])).toEqual([['.', '.'], ['.', '.']]);
    expect(rowNamed(pivot, 'Vlieland').cells.map((c) => [c.text, c.symbol])).toEqual([['-', '-'], ['0,0', null]]);
    expect(pivot.symbols).toEqual(expect.arrayContaining(['.', '-', '*']));
  });
});

describe('converted figures', () => {
  it('marks a gemeente whose row is wholly omgerekend on its header, and shows the sum of its parts', () => {
    const pivot = pivotOf('regio=NL01,GM0363,GM1992&perioden=2022HJ02&maat=trajecten,jongeren_pct');
    const amsterdam = rowNamed(pivot, 'Amsterdam');
    expect(marksOf(amsterdam.headers[0]!.marks)).toContain('o');
    expect(amsterdam.cells.every((c) => !c.marks.some((m) => m.type === 'omgerekend'))).toBe(true);
    expect(marksOf(rowNamed(pivot, 'Voorne aan Zee').headers[0]!.marks)).toContain('o');
    expect(rowNamed(pivot, 'Nederland').headers[0]!.marks).toEqual([]);
    expect(pivot.hasConverted).toBe(true);
    const published = (code: string) => source.rows.find((r) => r.region === code && r.period === '2022HJ02' && r.topics[0] === 'T001' && r.variant === 'gepubliceerd')!;
    expect(amsterdam.cells[0]!.value).toBe(published('GM0363').cells[0]!.value! + published('GM0457').cells[0]!.value!);
  });

  it('marks single cells when only some periods of a row are converted', () => {
    const pivot = pivotOf('regio=GM0363&perioden=2022HJ02,2023HJ01&maat=trajecten&rijen=regio&kolommen=perioden');
    const amsterdam = rowNamed(pivot, 'Amsterdam');
    expect(amsterdam.cells.map((c) => c.marks.some((m) => m.type === 'omgerekend'))).toEqual([true, false]);
    expect(amsterdam.headers[0]!.marks.some((m) => m.type === 'omgerekend')).toBe(false);
  });

  it('shows the figures as published, with the former gemeente, when asked', () => {
    const { selection } = parseSelection('regio=GM0363,GM0457&perioden=2022HJ02&maat=trajecten&indeling=gepubliceerd', context);
    const pivot = buildPivot(source, selection);
    expect(rows(pivot).map((r) => r.headers[0]!.label)).toEqual(['Amsterdam', 'Weesp']);
    expect(pivot.hasConverted).toBe(false);
    expect(pivot.caption.detail).toContain('Gemeenten zoals gepubliceerd (indeling van elk jaar).');
  });

  it('says so when a former gemeente has no figures on the latest indeling', () => {
    const { selection } = parseSelection('regio=GM0363,GM0457&perioden=2022HJ02', context);
    const pivot = buildPivot(source, selection);
    expect(rows(pivot).map((r) => r.headers[0]!.label)).toEqual(['Amsterdam']);
    expect(pivot.messages).toEqual(['Geen cijfers voor Weesp in deze selectie (kies “zoals gepubliceerd” voor voormalige gemeenten).']);
  });
});

describe('nested headers', () => {
  const pivot = pivotOf('regio=GM0344,GM0363&perioden=2022HJ02,2023HJ01&hulpvorm=T001,11&maat=trajecten,jongeren_pct&rijen=regio,hulpvorm&kolommen=perioden,maat');

  it('groups rows by the outer row dimension and spans column headers over the inner ones', () => {
    expect(pivot.complex).toBe(true);
    expect(pivot.groups.map((g) => g.header?.label)).toEqual(['Amsterdam', 'Utrecht']);
    expect(pivot.groups[0]!.rows.map((r) => r.headers[0]!.label)).toEqual(['Totaal', 'Pleegzorg']);
    expect(pivot.columnHeaders.map((level) => level.map((h) => `${h.label}/${h.span}`))).toEqual([
      ['2e halfjaar 2022/2', '1e halfjaar 2023*/2'],
      ['Trajecten/1', 'Jongeren met jeugdhulp/1', 'Trajecten/1', 'Jongeren met jeugdhulp/1'],
    ]);
    expect(pivot.columnHeaderIds[3]).toEqual(['t-k0-1', 't-k1-3']);
    expect(pivot.groups[1]!.rows[1]!.headerIds).toEqual(['t-g1', 't-r3-0']);
  });

  it('finds each cell’s figure by all its coordinates', () => {
    const utrechtPleegzorg = pivot.groups[1]!.rows[1]!;
    const row = source.rows.find((r) => r.region === 'GM0344' && r.period === '2023HJ01' && r.topics[0] === '11' && r.variant === 'beide')!;
    expect(utrechtPleegzorg.cells[2]!.value).toBe(row.cells[0]!.value);
    expect(utrechtPleegzorg.cells[3]!.value).toBe(row.cells[3]!.value);
  });
});

describe('limits', () => {
  it('builds no table above the cell limit and says what to do', () => {
    const pivot = buildPivot(source, defaultSelection(context), { maxCells: 1000 });
    expect(pivot.rowCount).toBe(0);
    expect(pivot.messages[0]).toMatch(/^Deze selectie heeft 1\.588 cellen; dat is te veel om als tabel te tonen \(hoogstens 1\.000\)/);
  });

  it('asks for at least one measure when none is chosen', () => {
    const pivot = buildPivot(source, { ...defaultSelection(context), measures: [] });
    expect(pivot.rowCount).toBe(0);
    expect(pivot.messages).toEqual(['Kies ten minste één onderwerp.']);
  });
});
