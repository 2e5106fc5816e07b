/** Tables without a profile still import: ids from CBS keys or labels, units from StatLine headers, decimals from the data. */
import { describe, expect, it } from 'vitest';
import { buildDatasets, measureIdFromKey } from '../../src/lib/import/build-dataset';
import { readODataCsv } from '../../src/lib/import/odata-v3';
import { readStatlineCsv, splitStatlineHeader } from '../../src/lib/import/statline-csv';
import { register } from './helpers';

describe('importer: tables without a profile', () => {
  it('splits StatLine headers into label and unit', () => {
    expect(splitStatlineHeader('Jongeren met jeugdhulp in natura (% (zie toelichting))')).toEqual({ label: 'Jongeren met jeugdhulp in natura', unit: '%' });
    expect(splitStatlineHeader('Gemiddelde duur (dagen)')).toEqual({ label: 'Gemiddelde duur', unit: 'dagen' });
    expect(splitStatlineHeader("Regio's")).toBeUndefined();
  });

  it('derives measure ids from CBS keys and labels', () => {
    expect(measureIdFromKey('TotaalJongerenMetJeugdzorgInNatura_1')).toBe('totaal_jongeren_met_jeugdzorg_in_natura');
    expect(measureIdFromKey('k_0Tot4Jaar_2')).toBe('k_0_tot4_jaar');
    expect(measureIdFromKey('Jongeren met jeugdh. met verbl. in nat.')).toBe('jongeren_met_jeugdh_met_verbl_in_nat');
    expect(measureIdFromKey('0 tot 4 jaar')).toBe('m_0_tot_4_jaar');
  });

  it('imports an unknown StatLine table with a topic dimension, units, rates and inferred decimals', () => {
    const text = [
      '"Verwijzer jeugdzorg";"Regio\'s";"Perioden";"Jeugdhulptrajecten (aantal)";"Trajecten per 1 000 jongeren (per 1 000 jongeren)"',
      '"Totaal verwijzer";"Nederland";"2023 1e halfjaar**";516980;145,25',
      '"Huisarts";"Nederland";"2023 1e halfjaar**";180765;50,8',
      '"Totaal verwijzer";"Groningen (PV)";"2023 1e halfjaar**";24215;.',
      '"Totaal verwijzer";"Hengelo";"2023 1e halfjaar**";4150;-',
    ].join('\n');
    const table = readStatlineCsv(text, 'onbekend.csv', register());
    const [dataset] = buildDatasets([table], { register: register(), release: '2023-10-31' });
    const { meta, rows } = dataset!;
    expect(meta.id).toBe('onbekend');
    expect(meta.periods).toEqual([{ code: '2023HJ01', status: 'nader-voorlopig' }]);
    expect(meta.dimensions).toMatchObject([
      {
        id: 'verwijzer-jeugdzorg',
        label: 'Verwijzer jeugdzorg',
        description: '',
        codes: [
          { code: 'totaal-verwijzer', label: 'Totaal verwijzer', total: true },
          { code: 'huisarts', label: 'Huisarts', total: false },
        ],
      },
    ]);
    expect(meta.measures.map((m) => [m.id, m.unit, m.type, m.decimals, m.countOf, m.rate?.per])).toEqual([
      ['jeugdhulptrajecten', 'aantal', 'aantal', 0, 'trajecten', undefined],
      ['trajecten_per_1_000_jongeren', 'per 1 000 jongeren', 'rate', 2, 'trajecten', 1000],
    ]);
    expect(meta.regions).toEqual([
      { code: 'NL01', label: 'Nederland' },
      { code: 'PV20', label: 'Groningen' },
      { code: 'GM0164', label: 'Hengelo' },
    ]);
    expect(rows.map((r) => r.cells.map((c) => c.value ?? c.symbol))).toEqual([
      [516980, 145.25],
      [180765, 50.8],
      [24215, '.'],
      [4150, 0],
    ]);
  });

  it('classifies the columns of an OData CSV without DataProperties', () => {
    const text = [
      'ID,Perioden,RegioS,VerwijzerJeugdzorg,Gemeentenaam_18,TotaalJeugdhulptrajectenInNatura_1,GemiddeldeDuur_8',
      '5,2022JJ00,NL01  ,T001270,Nederland ,  621450,   331.0',
      '6,2022JJ00,GM0363,T001270,Amsterdam ,   26110,       .',
    ].join('\n');
    const table = readODataCsv(text, 'v3.csv');
    expect(table.dimensions.map((d) => d.key)).toEqual(['VerwijzerJeugdzorg']);
    expect(table.measures.map((m) => m.key)).toEqual(['TotaalJeugdhulptrajectenInNatura_1', 'GemiddeldeDuur_8']);
    expect(table.notices).toEqual(['v3.csv: kolommen zonder cijfers niet ingelezen: Gemeentenaam_18']);
    const [dataset] = buildDatasets([table], { register: register(), release: '2023-10-31' });
    // Without a table id or titles no profile matches: generic measures, labelled from their keys.
    expect(dataset!.meta.measures.map((m) => [m.id, m.label, m.decimals])).toEqual([
      ['totaal_jeugdhulptrajecten_in_natura', 'Totaal jeugdhulptrajecten in natura', 0],
      ['gemiddelde_duur', 'Gemiddelde duur', 0],
    ]);
  });
});
