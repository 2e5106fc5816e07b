/**
 * A wijken table over two years in which Almere renumbered its wijken (WK003402 was "Wijk 02 Almere Stad"
 * in 2021 and is "De Werven" in 2022) and Beemster merged into Purmerend: each version of a wijk is a row of
 * its own under its own name, and a cell that cannot occur is empty, not ".".
 */
import { describe, expect, it } from 'vitest';
import { computeDerivedMeasures, type ObservationRow } from '../../src/lib/data/dataset';
import { convertToIndeling } from '../../src/lib/regions/convert';
import { decodeSource, encodePeriod, encodeTable } from '../../src/lib/tables/compact';
import { buildPivot } from '../../src/lib/tables/pivot';
import { renderTableNotes } from '../../src/lib/tables/render-html';
import { regionCodeOf } from '../../src/lib/tables/region-keys';
import { selectionTable } from '../../src/lib/tables/selection-download';
import { parseSelection, readRegionToken, serialiseSelection, type Selection } from '../../src/lib/tables/selection';
import { tableSourceOf, type TableSource } from '../../src/lib/tables/table-source';
import { loadRegister } from '../../src/node/reference-fs';
import { DatasetMetaSchema } from '../../src/schemas/dataset';

const register = loadRegister({ latestYear: 2022 });

const meta = DatasetMetaSchema.parse({
  id: 'wijken',
  title: 'Jeugdzorg in natura; wijken',
  description: 'Test.',
  source: { name: 'CBS' },
  release: '2023-04-28',
  measures: [
    { id: 'jongeren', label: 'Jongeren met jeugdzorg', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
    { id: 'inwoners', label: 'Inwoners', unit: 'aantal', decimals: 0, countOf: 'inwoners', type: 'aantal' },
    { id: 'per_1000', label: 'Jeugdzorg per 1.000 inwoners', unit: 'per 1.000 inwoners', decimals: 1, countOf: 'personen', type: 'rate', derived: true, rate: { numerator: 'jongeren', denominator: 'inwoners', denominatorLabel: 'inwoners', per: 1000 } },
  ],
  periods: [
    { code: '2021JJ00', status: 'definitief' },
    { code: '2022JJ00', status: 'voorlopig' },
  ],
  regions: [{ code: 'NL01', label: 'Nederland' }],
});

const row = (region: string, period: string, jongeren: number, inwoners: number): ObservationRow => ({
  region,
  period,
  topics: [],
  cells: [{ value: jongeren, symbol: null }, { value: inwoners, symbol: null }, { value: null, symbol: null }],
});

function source(): TableSource {
  const rows = [
    row('GM0034', '2021JJ00', 6555, 214715),
    row('GM0034', '2022JJ00', 6900, 218096),
    row('GM0370', '2021JJ00', 215, 10110), // Beemster: in Purmerend from 2022
    row('GM0439', '2021JJ00', 1800, 81000),
    row('GM0439', '2022JJ00', 1990, 92000),
    row('WK003402', '2021JJ00', 2140, 109415),
    row('WK003402', '2022JJ00', 70, 2860),
    row('WK003437', '2022JJ00', 10, 300), // Gooisekant: new in 2022
    row('WK016603', '2021JJ00', 255, 12460), // Wijk 03 IJsselmuiden → IJsselmuiden (same area)
    row('WK016603', '2022JJ00', 260, 12480),
    row('WK001400', '2021JJ00', 110, 22735), // Centrum (Groningen): unchanged
    row('WK001400', '2022JJ00', 115, 23065),
  ];
  computeDerivedMeasures(meta, rows);
  const dataset = { meta: { ...meta, regions: [...new Set(rows.map((r) => r.region))].map((code) => ({ code, label: register.label(code) })) }, rows };
  const converted = convertToIndeling(dataset, register);
  return tableSourceOf({ meta: dataset.meta, original: dataset, converted, periods: ['2021JJ00', '2022JJ00'] }, register);
}

const selection = (regions: string[], view: Selection['view'] = 'omgerekend'): Selection => ({
  regions,
  periods: ['2021JJ00', '2022JJ00'],
  topics: {},
  measures: ['jongeren', 'inwoners', 'per_1000'],
  rows: ['regio'],
  columns: ['perioden', 'maat'],
  view,
});

/** Row header → the texts of its cells. */
function cellsByRow(s: TableSource, sel: Selection): Map<string, string[]> {
  const pivot = buildPivot(s, sel);
  return new Map(pivot.groups.flatMap((g) => g.rows).map((r) => [r.headers.at(-1)!.label, r.cells.map((c) => c.text)]));
}

describe('wijk versions in a table', () => {
  it('gives an earlier version of a wijk its own row and key, under its own name', () => {
    const s = source();
    const almere = s.regions.filter((r) => r.gemeente === 'GM0034');
    expect(almere.map((r) => [r.code, r.label, r.years])).toEqual([
      ['WK003402-2021', 'Wijk 02 Almere Stad', { until: 2021 }],
      ['WK003402', 'De Werven (andere indeling dan in 2021)', { from: 2022 }],
      ['WK003437', 'Gooisekant', { from: 2022 }],
    ]);
    // Renamed, same area: still two versions, each with its own name, and no mark of another area.
    expect(s.regions.filter((r) => regionCodeOf(r.code) === 'WK016603').map((r) => r.label)).toEqual(['Wijk 03 IJsselmuiden', 'IJsselmuiden']);
    expect(s.regions.filter((r) => r.code === 'WK001400').map((r) => [r.label, r.years])).toEqual([['Centrum', undefined]]);
    expect(s.rows.filter((r) => r.region === 'WK003402-2021').map((r) => r.period)).toEqual(['2021JJ00']);
    expect(s.rows.filter((r) => r.region === 'WK003402').map((r) => r.period)).toEqual(['2022JJ00']);
  });

  it('shows no figure of one area beside another’s: the other year is empty (cannot occur), not "."', () => {
    const cells = cellsByRow(source(), selection(['wijken-GM0034']));
    expect(cells.get('Wijk 02 Almere Stad')).toEqual(['2.140', '109.415', '19,6', '', '', '']);
    expect(cells.get('De Werven (andere indeling dan in 2021)')).toEqual(['', '', '', '70', '2.860', '24,5']);
    expect(cells.get('Gooisekant')).toEqual(['', '', '', '10', '300', '33,3']);
  });

  it('leaves a gemeente empty in a year it did not exist (Beemster 2022), as published', () => {
    const s = source();
    const published = cellsByRow(s, selection(['GM0370', 'GM0439'], 'gepubliceerd'));
    expect(published.get('Beemster')).toEqual(['215', '10.110', '21,3', '', '', '']);
    const pivot = buildPivot(s, selection(['GM0370'], 'gepubliceerd'));
    expect(pivot.symbols).toContain('');
    expect(renderTableNotes(pivot)).toContain('(leeg)</span> een cijfer kan op logische gronden niet voorkomen');
    // On the latest indeling Beemster is part of Purmerend and has no row of its own.
    expect(cellsByRow(s, selection(['GM0370', 'GM0439'])).has('Beemster')).toBe(false);
  });

  it('keeps the versions, their years and their rows through the compact files the browser reads', () => {
    const s = source();
    const table = JSON.parse(JSON.stringify(encodeTable(s)));
    const periods = s.periods.map((p) => JSON.parse(JSON.stringify(encodePeriod(s, p))));
    const back = decodeSource(table, periods);
    expect(back.regions).toEqual(s.regions);
    expect(cellsByRow(back, selection(['wijken-GM0034']))).toEqual(cellsByRow(s, selection(['wijken-GM0034'])));
  });

  it('reads a version key as a region token, so a permalink to it works', () => {
    const s = source();
    expect(readRegionToken('wk003402-2021')).toEqual({ token: 'WK003402-2021', code: 'WK003402-2021' });
    const context = { meta: s.meta, periods: s.periods, regions: s.regions };
    const parsed = parseSelection('regio=WK003402-2021,WK003402&perioden=2021JJ00,2022JJ00', context);
    expect(parsed.messages).toEqual([]);
    expect(parsed.selection.regions).toEqual(['WK003402-2021', 'WK003402']);
    expect(serialiseSelection(parsed.selection, context)).toContain('regio=WK003402-2021,WK003402');
  });

  it('downloads a selection with the CBS code and each year’s name', () => {
    const { table } = selectionTable(source(), selection(['wijken-GM0034']));
    const at = (name: string) => table.columns.indexOf(name);
    expect(table.rows.map((r) => [r[at('regio_code')], r[at('regio')], r[at('perioden_code')], r[at('jongeren')]])).toEqual([
      ['WK003402', 'Wijk 02 Almere Stad', '2021JJ00', 2140],
      ['WK003402', 'De Werven (andere indeling dan in 2021)', '2022JJ00', 70],
      ['WK003437', 'Gooisekant', '2022JJ00', 10],
    ]);
  });
});
