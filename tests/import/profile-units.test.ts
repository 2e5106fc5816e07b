/**
 * A table profile names measures by their CBS keys and titles, and a title alone does not say what is
 * counted: CBS titles a count and a percentage of the same youths alike ("Jongeren met jeugdhulp in natura
 * (aantal)" and "(%)"). A profile measure only takes a column of its own unit, as the StatLine header or
 * the OData metadata states it or, without either, as the figures show it. Otherwise the column imports
 * generically, under its own unit, and the import says so.
 */
import { describe, expect, it } from 'vitest';
import { buildDatasets } from '../../src/lib/import/build-dataset';
import { readODataCsv } from '../../src/lib/import/odata-v3';
import { findProfileMeasure, INDICATOREN_GEMEENTEN, JEUGDZORG_WIJKEN, matchProfile, unitKind } from '../../src/lib/import/profiles';
import { readStatlineCsv } from '../../src/lib/import/statline-csv';
import { ODATA_CSV_HEADER, ODATA_CSV_LINES, odataCsv, register, statline } from './helpers';

function build(tables: Parameters<typeof buildDatasets>[0]) {
  const progress: string[] = [];
  const datasets = buildDatasets(tables, { register: register(), release: '2023-04-28', progress: (m) => progress.push(m) });
  return { datasets, progress };
}

describe('table profiles check the unit of what they match', () => {
  it('reads CBS unit texts as kinds', () => {
    expect(['%', '% (zie toelichting)', 'procent'].map(unitKind)).toEqual(['procent', 'procent', 'procent']);
    expect(['aantal', 'Aantal trajecten', 'per 1 000 jongeren', 'per 1.000 jongeren', 'x 1 000', 'dagen', ''].map(unitKind)).toEqual([
      'aantal',
      'aantal',
      'per 1000',
      'per 1000',
      'x 1000', // the thousands separator does not matter: "x 1.000" is the same unit
      'dagen',
      undefined,
    ]);
  });

  it('matches a title only to a measure of the same unit', () => {
    const jeugdhulp = { key: 'Jongeren met jeugdhulp in natura', label: 'Jongeren met jeugdhulp in natura' };
    expect(findProfileMeasure(INDICATOREN_GEMEENTEN, { ...jeugdhulp, unit: '%' })?.id).toBe('pct_jeugdhulp');
    expect(findProfileMeasure(INDICATOREN_GEMEENTEN, { ...jeugdhulp, unit: 'aantal' })).toBeUndefined();
    // Without a stated unit the figures decide: decimals are no count, more than 100 is no percentage.
    expect(findProfileMeasure(INDICATOREN_GEMEENTEN, { ...jeugdhulp, values: () => [13.2, 7.8] })?.id).toBe('pct_jeugdhulp');
    expect(findProfileMeasure(INDICATOREN_GEMEENTEN, { ...jeugdhulp, values: () => [461985, 595] })).toBeUndefined();
    expect(findProfileMeasure(JEUGDZORG_WIJKEN, { key: 'k_0Tot4Jaar_2', values: () => [31040, 25] })?.id).toBe('jongeren_0_4');
    expect(findProfileMeasure(JEUGDZORG_WIJKEN, { key: 'k_0Tot4Jaar_2', values: () => [6.7, 0.8] })).toBeUndefined();
    expect(findProfileMeasure(JEUGDZORG_WIJKEN, { key: 'k_0Tot4Jaar_2', unit: '%' })).toBeUndefined();
  });

  it('imports a StatLine download of counts titled like 82972NED as counts, not as its percentages', () => {
    // "Jongeren met jeugdhulp in natura (aantal)": what a count table of the same youths writes in its header.
    const text = statline(
      ['"Nederland";"2022*";396780;4985', '"Aa en Hunze";"2022*";430;.', '"Utrecht (gemeente)";"2022*";9380;150'],
      '"Regio\'s";"Perioden";"Jongeren met jeugdhulp in natura (aantal)";"Jongeren met jeugdreclassering (aantal)"',
    );
    const table = readStatlineCsv(text, 'aantallen.csv', register());
    expect(matchProfile({ measures: table.measures })).toBeUndefined();
    const { datasets } = build([table]);
    const { meta, rows } = datasets[0]!;
    expect(meta.id).toBe('aantallen');
    expect(meta.measures.map((m) => [m.id, m.unit, m.type, m.decimals, m.countOf])).toEqual([
      ['jongeren_met_jeugdhulp_in_natura', 'aantal', 'aantal', 0, 'personen'],
      ['jongeren_met_jeugdreclassering', 'aantal', 'aantal', 0, 'personen'],
    ]);
    // Before, these were pct_jeugdhulp and pct_jeugdreclassering: "396.780,0%" on every page.
    expect(rows[0]!.cells[0]).toEqual({ value: 396780, symbol: null });
  });

  it('keeps the profile for the columns that agree and imports the one that does not under its own unit', () => {
    const text = statline(
      ['"Nederland";"2022*";13,2;4985', '"Aa en Hunze";"2022*";13;.'],
      '"Regio\'s";"Perioden";"Jongeren met jeugdhulp in natura (% (zie toelichting))";"Jongeren met jeugdreclassering (aantal)"',
    );
    const { datasets, progress } = build([readStatlineCsv(text, 'gemengd.csv', register())]);
    const { meta } = datasets[0]!;
    expect(meta.id).toBe('indicatoren-jeugdzorg-gemeenten');
    expect(meta.measures.map((m) => [m.id, m.unit, m.decimals])).toEqual([
      ['pct_jeugdhulp', '%', 1],
      ['jongeren_met_jeugdreclassering', 'aantal', 0],
    ]);
    expect(progress).toContain(
      'gemengd.csv: kolom "Jongeren met jeugdreclassering" heet als "Jongeren met jeugdreclassering" (pct_jeugdreclassering, %) in tabelprofiel indicatoren-jeugdzorg-gemeenten, maar heeft eenheid "aantal", het profiel verwacht "%"; ingelezen als eigen maat',
    );
  });

  it('tells a percentage from a count by its figures in an OData CSV without metadata', () => {
    // The wijken table's key, but the figures of a share (decimals): not the profile's count of youths.
    const header = ODATA_CSV_HEADER.replace('TotaalTrajectenInNatura_9', 'k_0Tot4Jaar_2');
    const lines = ODATA_CSV_LINES.map((line, i) => {
      const fields = line.split(',');
      fields[6] = `     ${[6.7, 4.2, 5.1][i]}`;
      return fields.join(',');
    });
    const table = readODataCsv(odataCsv(lines, header), 'relatief.csv');
    expect(table.records.map((r) => r.cells[1]!.value)).toEqual([6.7, 4.2, 5.1]);
    const { datasets, progress } = build([table]);
    const { meta } = datasets[0]!;
    expect(meta.id).toBe('jeugdzorg-in-natura-wijken');
    expect(meta.measures.map((m) => [m.id, m.unit, m.decimals])).toEqual([
      ['jongeren_jeugdzorg', 'aantal', 0],
      ['k_0_tot4_jaar', 'aantal', 1],
    ]);
    expect(progress).toContain(
      'relatief.csv: kolom "k_0Tot4Jaar_2" heet als "Jongeren met jeugdzorg in natura, 0 tot 4 jaar" (jongeren_0_4, aantal) in tabelprofiel jeugdzorg-in-natura-wijken, maar heeft cijfers met decimalen (zoals 6.7), het profiel verwacht een aantal; ingelezen als eigen maat',
    );
  });
});
