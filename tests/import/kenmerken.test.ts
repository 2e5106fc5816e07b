/**
 * The characteristics of gemeenten from real CBS tables (profile KENMERKEN, src/lib/import/profiles.ts): a
 * Kerncijfers wijken en buurten table as the OData v3 API gives it (one table per year, no Perioden column:
 * the year is in TableInfos) and the population by age (03759ned) as a StatLine download and through OData,
 * all in the CBS layout, going through the real import into one dataset `kenmerken`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/dataset';
import { ageRange, under18Codes } from '../../src/lib/import/population-by-age';
import { unitKind } from '../../src/lib/import/profiles';
import { readDataDir } from '../../src/node/datastore-fs';
import { importQuietly, removeDir, statline, tempDir, writeInput } from './helpers';

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('import-kenmerken-');
});
afterAll(async () => removeDir(tmp));

const property = (id: number, key: string, title: string, extra: Record<string, unknown>) => ({ ID: id, Position: id, ParentID: null, Key: key, Title: title, Description: '', ...extra });
const topic = (id: number, key: string, title: string, unit: string, decimals = 0, datatype = 'Long') =>
  property(id, key, title, { Type: 'Topic', Datatype: datatype, Unit: unit, Decimals: decimals, Default: 'Impossible', PresentationType: 'Absolute' });

/** A selection of Kerncijfers wijken en buurten 2022 (85318NED) as the OData v3 API returns it. */
function kerncijfers2022(options: { oadUnit?: string; amsterdamInwoners?: number } = {}): Record<string, unknown> {
  const row = (code: string, naam: string, soort: string, inwoners: number | null, inkomen: number | null, laagInkomen: number | null, oad: number | null) => ({
    ID: 0,
    WijkenEnBuurten: code.padEnd(10, ' '),
    Gemeentenaam_1: naam.padEnd(40, ' '),
    SoortRegio_2: soort.padEnd(10, ' '),
    Codering_3: code.padEnd(10, ' '),
    AantalInwoners_5: inwoners,
    Mannen_6: inwoners === null ? null : Math.round(inwoners * 0.49),
    GemGestandaardiseerdInkomenVanHuish_75: inkomen,
    HuishoudensMetEenLaagInkomen_78: laagInkomen,
    PersonenPerSoortUitkeringBijstand_83: inwoners === null ? null : Math.round(inwoners * 0.03),
    Omgevingsadressendichtheid_117: oad,
  });
  return {
    'TableInfos.json': { value: [{ ID: 0, Title: 'Kerncijfers wijken en buurten 2022', Identifier: '85318NED', Period: '2022', Frequency: 'Eenmalig', ShortDescription: 'Kerncijfers per gemeente, wijk en buurt.' }] },
    'DataProperties.json': {
      value: [
        property(0, 'WijkenEnBuurten', 'Wijken en buurten', { Type: 'GeoDimension' }),
        property(1, 'Gemeentenaam_1', 'Gemeentenaam', { Type: 'Topic', Datatype: 'String', Unit: '' }),
        property(2, 'SoortRegio_2', 'Soort regio', { Type: 'Topic', Datatype: 'String', Unit: '' }),
        property(3, 'Codering_3', 'Codering', { Type: 'GeoDetail' }),
        topic(5, 'AantalInwoners_5', 'Aantal inwoners', 'aantal'),
        topic(6, 'Mannen_6', 'Mannen', 'aantal'),
        topic(75, 'GemGestandaardiseerdInkomenVanHuish_75', 'Gem. gestandaardiseerd inkomen van huish.', 'x 1 000 euro', 1, 'Double'),
        topic(78, 'HuishoudensMetEenLaagInkomen_78', 'Huishoudens met een laag inkomen', '%', 1, 'Double'),
        topic(83, 'PersonenPerSoortUitkeringBijstand_83', 'Personen per soort uitkering; Bijstand', 'aantal'),
        topic(117, 'Omgevingsadressendichtheid_117', 'Omgevingsadressendichtheid', options.oadUnit ?? 'per km2'),
      ],
    },
    'WijkenEnBuurten.json': {
      value: [
        { Key: 'NL00      ', Title: 'Nederland', Description: null },
        { Key: 'GM0363    ', Title: 'Amsterdam', Description: null },
        { Key: 'WK036300  ', Title: 'Burgwallen-Oude Zijde', Description: null },
        { Key: 'BU03630000', Title: 'Kop Zeedijk', Description: null },
        { Key: 'GM1680    ', Title: 'Aa en Hunze', Description: null },
      ],
    },
    'TypedDataSet.json': {
      value: [
        row('NL00', 'Nederland', 'Land', 17_590_672, 37.8, 8.2, 1_984),
        row('GM0363', 'Amsterdam', 'Gemeente', options.amsterdamInwoners ?? 882_633, 36.1, 14.9, 6_040),
        row('WK036300', 'Amsterdam', 'Wijk', 4_630, 41.0, 12.3, 11_560),
        row('BU03630000', 'Amsterdam', 'Buurt', 1_100, null, null, 12_140),
        row('GM1680', 'Aa en Hunze', 'Gemeente', 25_445, 41.7, 4.4, 248),
      ].map((r, i) => ({ ...r, ID: i })),
    },
  };
}

async function writeFolder(name: string, files: Record<string, unknown>): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), JSON.stringify(content));
  return dir;
}

/** 03759ned as StatLine downloads it: the dimensions as labels, then "Label (eenheid)". */
const POPULATION_HEADER = '"Geslacht";"Leeftijd";"Burgerlijke staat";"Regio\'s";"Perioden";"Bevolking op 1 januari (aantal)";"Gemiddelde bevolking (aantal)"';
const AGES: Array<[string, number]> = [
  ['0 tot 5 jaar', 0.047],
  ['5 tot 10 jaar', 0.045],
  ['10 tot 15 jaar', 0.046],
  ['15 jaar', 0.0096],
  ['16 jaar', 0.0098],
  ['17 jaar', 0.0099],
  ['18 jaar', 0.0105],
  ['15 tot 20 jaar', 0.05],
];
function populationLines(region: string, period: string, inwoners: number): string[] {
  const line = (sex: string, age: string, value: number) => `"${sex}";"${age}";"Totaal burgerlijke staat";"${region}";"${period}";${value};${value + 900}`;
  return [
    line('Totaal mannen en vrouwen', 'Totaal', inwoners),
    ...AGES.map(([age, share]) => line('Totaal mannen en vrouwen', age, Math.round(inwoners * share))),
    // Men only: not a total, so not counted.
    line('Mannen', 'Totaal', Math.round(inwoners * 0.49)),
    line('Mannen', '0 tot 5 jaar', Math.round(inwoners * 0.024)),
  ];
}
const under18 = (inwoners: number) => ['0 tot 5 jaar', '5 tot 10 jaar', '10 tot 15 jaar', '15 jaar', '16 jaar', '17 jaar'].reduce((s, age) => s + Math.round(inwoners * AGES.find(([a]) => a === age)![1]), 0);

async function importKenmerken(name: string, inputs: string[]): Promise<{ dataset: Dataset; log: string[] }> {
  const out = path.join(tmp, `${name}-out`);
  const log: string[] = [];
  await importQuietly({ inputs, out, progress: (m: string) => log.push(m) });
  const store = await readDataDir(out);
  return { dataset: store.datasets.find((d) => d.meta.id === 'kenmerken')!, log };
}

const cellOf = (d: Dataset, region: string, period: string, measure: string) =>
  d.rows.find((r) => r.region === region && r.period === period)?.cells[d.meta.measures.findIndex((m) => m.id === measure)];

describe('Kerncijfers wijken en buurten and the population by age into dataset kenmerken', () => {
  it('reads a Kerncijfers table of one year: the year from TableInfos, the measures by their names before the ordinal', async () => {
    const dir = await writeFolder('kwb-2022', kerncijfers2022());
    const { dataset, log } = await importKenmerken('kwb', [dir]);
    expect(dataset.meta.measures.map((m) => m.id)).toEqual(['inwoners', 'gemiddeld_inkomen', 'omgevingsadressendichtheid']);
    expect(dataset.meta.periods.map((p) => p.code)).toEqual(['2022JJ00']);
    // Nederland and gemeenten only: the wijk and the buurt are skipped, and the log says so.
    expect([...new Set(dataset.rows.map((r) => r.region))].sort()).toEqual(['GM0363', 'GM1680', 'NL01']);
    expect(log.some((l) => /buurten overgeslagen/.test(l))).toBe(true);
    expect(log.some((l) => /andere regio's dan land en gemeente overgeslagen/.test(l))).toBe(true);
    // Columns the profile does not name (men, low-income households, persons on bijstand) are not imported.
    expect(log.some((l) => /3 kolommen die tabelprofiel kenmerken niet noemt, niet ingelezen/.test(l))).toBe(true);
    expect(cellOf(dataset, 'GM0363', '2022JJ00', 'inwoners')).toEqual({ value: 882_633, symbol: null });
    expect(cellOf(dataset, 'GM0363', '2022JJ00', 'gemiddeld_inkomen')).toEqual({ value: 36.1, symbol: null });
    expect(cellOf(dataset, 'GM1680', '2022JJ00', 'omgevingsadressendichtheid')).toEqual({ value: 248, symbol: null });
    expect(cellOf(dataset, 'NL01', '2022JJ00', 'inwoners')).toEqual({ value: 17_590_672, symbol: null });
    const units = Object.fromEntries(dataset.meta.measures.map((m) => [m.id, m.unit]));
    expect(units).toEqual({ inwoners: 'aantal', gemiddeld_inkomen: '× 1.000 euro', omgevingsadressendichtheid: 'adressen per km²' });
  });

  it('folds the population by age into inhabitants and the share under 18, with the other dimensions at their total', async () => {
    const csv = await writeInput(tmp, 'bevolking.csv', statline([...populationLines('Amsterdam', '2022', 882_633), ...populationLines('Aa en Hunze', '2022', 25_445)], POPULATION_HEADER));
    const { dataset } = await importKenmerken('bevolking', [csv]);
    expect(dataset.meta.measures.map((m) => m.id)).toEqual(['inwoners', 'aandeel_jongeren_tot_18']);
    expect(dataset.rows).toHaveLength(2);
    expect(cellOf(dataset, 'GM0363', '2022JJ00', 'inwoners')).toEqual({ value: 882_633, symbol: null });
    expect(cellOf(dataset, 'GM0363', '2022JJ00', 'aandeel_jongeren_tot_18')!.value).toBe(Math.round((1000 * under18(882_633)) / 882_633) / 10);
    expect(cellOf(dataset, 'GM1680', '2022JJ00', 'aandeel_jongeren_tot_18')!.value).toBe(Math.round((1000 * under18(25_445)) / 25_445) / 10);
    const share = dataset.meta.measures.find((m) => m.id === 'aandeel_jongeren_tot_18')!;
    expect(share).toMatchObject({ unit: '%', type: 'rate', rate: { denominatorLabel: 'inwoners', per: 100 } });
  });

  it('puts both tables in one dataset, row by row, and refuses inhabitants on which they disagree', async () => {
    const kwb = await writeFolder('kwb-samen', kerncijfers2022());
    const csv = await writeInput(tmp, 'bevolking-samen.csv', statline(populationLines('Amsterdam', '2022', 882_633), POPULATION_HEADER));
    const { dataset } = await importKenmerken('samen', [kwb, csv]);
    expect(dataset.meta.measures.map((m) => m.id).sort()).toEqual(['aandeel_jongeren_tot_18', 'gemiddeld_inkomen', 'inwoners', 'omgevingsadressendichtheid']);
    expect(cellOf(dataset, 'GM0363', '2022JJ00', 'inwoners')!.value).toBe(882_633);
    expect(cellOf(dataset, 'GM0363', '2022JJ00', 'aandeel_jongeren_tot_18')!.value).toBeGreaterThan(15);
    expect(cellOf(dataset, 'GM0363', '2022JJ00', 'omgevingsadressendichtheid')!.value).toBe(6_040);
    // Aa en Hunze is only in Kerncijfers: no share of youths, as the population table did not give it.
    expect(cellOf(dataset, 'GM1680', '2022JJ00', 'aandeel_jongeren_tot_18')!.value).toBeNull();

    const other = await writeFolder('kwb-anders', kerncijfers2022({ amsterdamInwoners: 882_600 }));
    await expect(importKenmerken('anders', [other, csv])).rejects.toThrow(/hetzelfde cijfer als .*882633/);
  });

  it('does not take a column of another unit for a profile measure', async () => {
    const dir = await writeFolder('kwb-procent', kerncijfers2022({ oadUnit: '%' }));
    const { dataset, log } = await importKenmerken('procent', [dir]);
    expect(dataset.meta.measures.map((m) => m.id)).not.toContain('omgevingsadressendichtheid');
    expect(log.some((l) => /Omgevingsadressendichtheid_117.*eenheid "%", het profiel verwacht "adressen per km²"; niet ingelezen/.test(l))).toBe(true);
  });

  it('reads the population by age from OData, by the labels of its code list', async () => {
    const ages = [['10000', 'Totaal'], ['70100', '0 tot 5 jaar'], ['70200', '5 tot 10 jaar'], ['70300', '10 tot 15 jaar'], ['10015', '15 jaar'], ['10016', '16 jaar'], ['10017', '17 jaar'], ['10018', '18 jaar']];
    const values: Record<string, number> = { '10000': 25_445, '70100': 1_150, '70200': 1_300, '70300': 1_420, '10015': 300, '10016': 310, '10017': 305, '10018': 260 };
    const dir = await writeFolder('03759ned', {
      'TableInfos.json': { value: [{ ID: 0, Title: 'Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio', Identifier: '03759ned', Period: '1988-2024' }] },
      'DataProperties.json': {
        value: [
          property(0, 'Geslacht', 'Geslacht', { Type: 'Dimension' }),
          property(1, 'Leeftijd', 'Leeftijd', { Type: 'Dimension' }),
          property(2, 'BurgerlijkeStaat', 'Burgerlijke staat', { Type: 'Dimension' }),
          property(3, 'RegioS', "Regio's", { Type: 'GeoDimension' }),
          property(4, 'Perioden', 'Perioden', { Type: 'TimeDimension' }),
          topic(5, 'BevolkingOp1Januari_1', 'Bevolking op 1 januari', 'aantal'),
          topic(6, 'GemiddeldeBevolking_2', 'Gemiddelde bevolking', 'aantal'),
        ],
      },
      'Geslacht.json': { value: [{ Key: 'T001038', Title: 'Totaal mannen en vrouwen' }, { Key: '3000', Title: 'Mannen' }] },
      'Leeftijd.json': { value: ages.map(([Key, Title]) => ({ Key, Title })) },
      'BurgerlijkeStaat.json': { value: [{ Key: 'T001019', Title: 'Totaal burgerlijke staat' }] },
      'RegioS.json': { value: [{ Key: 'GM1680', Title: 'Aa en Hunze' }] },
      'Perioden.json': { value: [{ Key: '2022JJ00', Title: '2022', Status: 'Definitief' }] },
      'TypedDataSet.json': {
        value: ages.map(([code], i) => ({ ID: i, Geslacht: 'T001038', Leeftijd: code, BurgerlijkeStaat: 'T001019', RegioS: 'GM1680  ', Perioden: '2022JJ00', BevolkingOp1Januari_1: values[code!], GemiddeldeBevolking_2: values[code!]! + 10 })),
      },
    });
    const { dataset } = await importKenmerken('odata-bevolking', [dir]);
    expect(dataset.meta.periods).toEqual([{ code: '2022JJ00', status: 'definitief' }]);
    expect(cellOf(dataset, 'GM1680', '2022JJ00', 'inwoners')!.value).toBe(25_445);
    expect(cellOf(dataset, 'GM1680', '2022JJ00', 'aandeel_jongeren_tot_18')!.value).toBe(Math.round((1000 * (1_150 + 1_300 + 1_420 + 300 + 310 + 305)) / 25_445) / 10);
  });
});

describe('ages and units as CBS writes them', () => {
  it('reads age categories and chooses the widest that cover 0 to 18 exactly', () => {
    expect(ageRange('0 jaar')).toEqual([0, 1]);
    expect(ageRange('15 tot 20 jaar')).toEqual([15, 20]);
    expect(ageRange('95 jaar of ouder')).toBeUndefined();
    const dimension = (labels: string[]) => ({ key: 'Leeftijd', label: 'Leeftijd', codes: labels.map((label, i) => ({ code: `c${i}`, label })) });
    const labels = (d: ReturnType<typeof dimension>, codes: string[] | undefined) => codes?.map((c) => d.codes.find((x) => x.code === c)!.label);
    const bands = dimension(['Totaal', '0 tot 5 jaar', '0 tot 15 jaar', '0 tot 20 jaar', '15 jaar', '16 jaar', '17 jaar', '15 tot 20 jaar']);
    expect(labels(bands, under18Codes(bands))).toEqual(['0 tot 15 jaar', '15 jaar', '16 jaar', '17 jaar']);
    expect(under18Codes(dimension(['Totaal', '0 tot 5 jaar', '5 tot 10 jaar', '10 tot 20 jaar']))).toBeUndefined();
  });

  it('takes CBS units and this site’s as the same unit', () => {
    expect(unitKind('x 1 000 euro')).toBe(unitKind('× 1.000 euro'));
    expect(unitKind('per km2')).toBe('per km2');
    expect(unitKind('aantal per km²')).toBe(unitKind('adressen per km²'));
    expect(unitKind('per 1 000 jongeren')).toBe('per 1000');
    expect(unitKind('%')).not.toBe(unitKind('adressen per km²'));
  });
});
