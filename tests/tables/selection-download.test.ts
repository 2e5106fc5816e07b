import { describe, expect, it } from 'vitest';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import { parseSelection, defaultSelection, type SelectionContext } from '../../src/lib/tables/selection';
import { selectionFile, selectionFileName, selectionRecords } from '../../src/lib/tables/selection-download';
import { fixtureSource } from './fixture';

const source = fixtureSource();
const context: SelectionContext = { meta: source.meta, periods: source.periods, regions: source.regions };
const selection = parseSelection('regio=NL01,GM0363,GM0088&perioden=2022HJ02,2023HJ01&hulpvorm=T001,11&maat=trajecten,jongeren_pct', context).selection;

describe('the download of a selection', () => {
  it('names its files clearly', () => {
    expect(['rfc4180', 'excel-nl', 'json'].map((f) => selectionFileName('jeugdhulp', f as 'json'))).toEqual([
      'jeugdhulp-selectie.csv',
      'jeugdhulp-selectie-excel.csv',
      'jeugdhulp-selectie.json',
    ]);
  });

  it('has a record per region, period, category and measure chosen, in table order', () => {
    const records = selectionRecords(source, selection);
    expect(records).toHaveLength(3 * 2 * 2 * 2);
    expect(records.slice(0, 3).map((r) => [r.regio, r.perioden, r.hulpvorm, r.maat_code])).toEqual([
      ['Nederland', '2e halfjaar 2022', 'Totaal', 'trajecten'],
      ['Nederland', '2e halfjaar 2022', 'Totaal', 'jongeren_pct'],
      ['Nederland', '2e halfjaar 2022', 'Pleegzorg', 'trajecten'],
    ]);
    const amsterdam2022 = records.find((r) => r.regio_code === 'GM0363' && r.perioden_code === '2022HJ02')!;
    expect(amsterdam2022.omgerekend).toBe('ja');
    const suppressed = records.find((r) => r.regio_code === 'GM0088' && r.hulpvorm_code === '11' && r.maat_code === 'trajecten')!;
    expect([suppressed.waarde, suppressed.teken]).toEqual([null, '.']);
    expect(records.find((r) => r.perioden_code === '2023HJ01')!.status).toBe('voorlopig');
  });

  it('follows the indeling chosen', () => {
    const published = { ...selection, regions: ['GM0457'], view: 'gepubliceerd' as const };
    expect(selectionRecords(source, published).map((r) => r.perioden_code)).toEqual(['2022HJ02', '2022HJ02', '2022HJ02', '2022HJ02']);
    expect(selectionRecords(source, { ...published, view: 'omgerekend' })).toEqual([]);
  });

  it('writes CSV for Dutch Excel and plain CSV that read back to the same figures', () => {
    const excel = selectionFile(source, selection, 'excel-nl', { permalink: 'x' });
    expect(excel.name).toBe('trajecten-selectie-excel.csv');
    expect(excel.text.startsWith('\ufeff"regio_code";"regio"')).toBe(true);
    // Percentages have a decimal comma for Excel and a decimal point in plain CSV; no thousands separators.
    expect(excel.text).toMatch(/;\d+,\d;"";"nee"/);
    expect(excel.text).toContain(';844478;');
    const plain = selectionFile(source, selection, 'rfc4180', { permalink: 'x' });
    expect(plain.text).toMatch(/,\d+\.\d,,nee/);
    expect(parseDownloadCsv(excel.text, 'excel-nl')).toEqual(parseDownloadCsv(plain.text, 'rfc4180'));
    expect(parseDownloadCsv(plain.text, 'rfc4180')).toHaveLength(24);
  });

  it('writes JSON with source, licence, the address of the selection and the records', () => {
    const file = selectionFile(source, defaultSelection(context), 'json', { permalink: 'https://example.nl/tabellen/trajecten/', releaseDate: '2023-10-26' });
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({
      dataset: 'trajecten',
      bron: 'Bron: CBS',
      licentie: { naam: 'CC BY 4.0' },
      fictief: true,
      publicatiedatum: '2023-10-26',
      selectie: 'https://example.nl/tabellen/trajecten/',
      indeling: 'omgerekend naar de gemeentelijke indeling van 2023',
    });
    expect(json.records).toHaveLength(397 * 4);
    expect(json.kolommen).toEqual(Object.keys(json.records[0]));
  });
});
