import { describe, expect, it } from 'vitest';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import { parseDownloadJson } from '../../src/lib/downloads/wide';
import { defaultSelection, parseSelection, type SelectionContext } from '../../src/lib/tables/selection';
import { selectionFile, selectionFileName, selectionTable } from '../../src/lib/tables/selection-download';
import { fixtureSource } from './fixture';

const source = fixtureSource();
const context: SelectionContext = { meta: source.meta, periods: source.periods, regions: source.regions };
const selection = parseSelection('regio=NL01,GM0363,GM0088&perioden=2022HJ02,2023HJ01&hulpvorm=T001,11&maat=trajecten,jongeren_pct', context).selection;
const records = () => {
  const { table } = selectionTable(source, selection);
  return table.rows.map((values) => Object.fromEntries(table.columns.map((c, i) => [c, values[i]])));
};
const release = { id: '2023-10-26', date: '2023-10-26', title: 'Oktober 2023', description: '' };

describe('the download of a selection', () => {
  it('names its files clearly', () => {
    expect((['csv', 'excel', 'json'] as const).map((f) => selectionFileName('jeugdhulp', f))).toEqual([
      'jeugdhulp-selectie.csv',
      'jeugdhulp-selectie-excel.csv',
      'jeugdhulp-selectie.json',
    ]);
  });

  it('has the columns of the whole dataset’s download, for the chosen measures only', () => {
    const { table } = selectionTable(source, selection);
    expect(table.columns).toEqual([
      'regio_code', 'regio', 'perioden_code', 'perioden', 'status', 'hulpvorm_code', 'hulpvorm',
      'trajecten', 'trajecten_teken', 'jongeren_pct', 'jongeren_pct_teken', 'omgerekend',
    ]);
  });

  it('has a line per region, period and category chosen, Nederland first', () => {
    const lines = records();
    expect(lines).toHaveLength(3 * 2 * 2);
    expect(lines.slice(0, 2).map((r) => [r.regio, r.perioden, r.hulpvorm])).toEqual([
      ['Nederland', '2e halfjaar 2022', 'Totaal'],
      ['Nederland', '2e halfjaar 2022', 'Pleegzorg'],
    ]);
    const amsterdam2022 = lines.find((r) => r.regio_code === 'GM0363' && r.perioden_code === '2022HJ02' && r.hulpvorm_code === 'T001')!;
    expect(amsterdam2022.omgerekend).toBe('ja');
    const amsterdam2023 = lines.find((r) => r.regio_code === 'GM0363' && r.perioden_code === '2023HJ01' && r.hulpvorm_code === 'T001')!;
    expect([amsterdam2023.omgerekend, amsterdam2023.status]).toEqual(['nee', 'voorlopig']);
    const suppressed = lines.find((r) => r.regio_code === 'GM0088' && r.hulpvorm_code === '11')!;
    expect([suppressed.trajecten, suppressed.trajecten_teken]).toEqual([null, '.']);
  });

  it('follows the indeling chosen', () => {
    const published = { ...selection, regions: ['GM0457'], view: 'gepubliceerd' as const };
    expect(selectionTable(source, published).table.rows.map((r) => r[2])).toEqual(['2022HJ02', '2022HJ02']);
    expect(selectionTable(source, { ...published, view: 'omgerekend' }).table.rows).toEqual([]);
  });

  it('writes CSV for Dutch Excel and plain CSV that read back to the same figures', () => {
    const excel = selectionFile(source, selection, 'excel', { permalink: 'x', release });
    expect(excel.name).toBe('trajecten-selectie-excel.csv');
    expect(excel.text.startsWith('\ufeff"Regiocode";"Regio\'s";"Periodecode"')).toBe(true);
    expect(excel.text.split('\r\n')[0]).toContain('"Lopende jeugdhulptrajecten (aantal)"');
    // Percentages have a decimal comma for Excel and a decimal point in plain CSV; no thousands separators.
    expect(excel.text).toMatch(/;\d+;"";\d+,\d;"";"nee"/);
    const plain = selectionFile(source, selection, 'csv', { permalink: 'x', release });
    expect(plain.text).toMatch(/,\d+,,\d+\.\d,,nee/);
    const numeric = ['trajecten', 'jongeren_pct'];
    // The same figures under the Excel file's Dutch labels, in the same column order.
    const excelRows = parseDownloadCsv(excel.text, 'excel-nl', ['Lopende jeugdhulptrajecten (aantal)', 'Jongeren met jeugdhulp (%)']).map((r) => Object.values(r));
    expect(excelRows).toEqual(parseDownloadCsv(plain.text, 'rfc4180', numeric).map((r) => Object.values(r)));
    expect(parseDownloadCsv(plain.text, 'rfc4180', numeric)).toEqual(records());
  });

  it('writes JSON with source, licence, release, the address of the selection and the rows', () => {
    const file = selectionFile(source, defaultSelection(context), 'json', { permalink: 'https://example.nl/tabellen/trajecten/', release });
    const { header, records: rows } = parseDownloadJson(file.text);
    expect(header).toMatchObject({
      dataset: 'trajecten',
      bron: 'Bron: CBS',
      licentie: { naam: 'CC BY 4.0' },
      fictief: true,
      publicatie: { id: '2023-10-26', datum: '2023-10-26' },
      selectie: 'https://example.nl/tabellen/trajecten/',
      indeling: 'omgerekend naar de gemeentelijke indeling van 2023 (kolom omgerekend)',
    });
    expect(rows).toHaveLength(397);
    expect(rows[0]).toMatchObject({ regio_code: 'NL01', trajecten: 844478, jongeren_pct: 11 });
  });
});
