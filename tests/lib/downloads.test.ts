import { describe, expect, it } from 'vitest';
import { downloadColumns, toDownloadRecords } from '../../src/lib/downloads/records';
import { formatCsv, parseDownloadCsv } from '../../src/lib/downloads/csv';
import { DatasetMetaSchema } from '../../src/schemas/dataset';
import { smallMeta, smallRows } from '../fixtures/small-data';
import { computeDerivedMeasures } from '../../src/lib/data/dataset';

const meta = DatasetMetaSchema.parse(smallMeta);
const rows = smallRows();
computeDerivedMeasures(meta, rows);
const labels: Record<string, string> = { NL01: 'Nederland', GM0363: 'Amsterdam', GM0457: 'Weesp' };
const records = toDownloadRecords(meta, rows, { regionLabel: (c) => labels[c] ?? c });

describe('downloads', () => {
  it('gives one record per cell with codes, labels, status and the symbol apart from the value', () => {
    expect(records).toHaveLength(rows.length * meta.measures.length);
    expect(records[0]).toEqual({
      regio_code: 'NL01', regio: 'Nederland', perioden_code: '2022HJ02', perioden: '2e halfjaar 2022', status: 'definitief',
      leeftijd_code: 'T001', leeftijd: 'Totaal tot 18 jaar', maat_code: 'jongeren_jeugdhulp', maat: 'Jongeren met jeugdhulp',
      eenheid: 'aantal', waarde: 380000, teken: '', omgerekend: 'nee',
    });
    const suppressed = records.find((r) => r.regio_code === 'GM0457' && r.leeftijd_code === '00-12' && r.maat_code === 'jongeren_jeugdhulp')!;
    expect(suppressed.waarde).toBeNull();
    expect(suppressed.teken).toBe('.');
  });

  it('writes RFC 4180 CSV with commas and decimal points', () => {
    const csv = formatCsv(downloadColumns(meta), records, 'rfc4180');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('regio_code,regio,perioden_code,perioden,status,leeftijd_code,leeftijd,maat_code,maat,eenheid,waarde,teken,omgerekend');
    expect(lines).toContain('GM0363,Amsterdam,2022HJ02,2e halfjaar 2022,definitief,T001,Totaal tot 18 jaar,jongeren_jeugdhulp_pct,Jongeren met jeugdhulp (%),%,10,,nee');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes Dutch Excel CSV with BOM, semicolons, quoted labels and decimal commas', () => {
    const weesp = toDownloadRecords(meta, rows.filter((r) => r.region === 'GM0457' && r.topics[0] === 'T001'), { regionLabel: (c) => labels[c] ?? c });
    const csv = formatCsv(downloadColumns(meta), weesp, 'excel-nl');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"GM0457";"Weesp";"2022HJ02";"2e halfjaar 2022";"definitief";"T001";"Totaal tot 18 jaar";"jongeren_jeugdhulp_pct";"Jongeren met jeugdhulp (%)";"%";7,5;"";"nee"');
  });

  it('reads back every value exactly in both dialects', () => {
    for (const dialect of ['rfc4180', 'excel-nl'] as const) {
      const back = parseDownloadCsv(formatCsv(downloadColumns(meta), records, dialect), dialect);
      expect(back).toEqual(records);
    }
  });
});
