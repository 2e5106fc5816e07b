/**
 * The CBS Iv3 data of gemeenten into dataset `kosten-jeugd` (profile IV3_GEMEENTEN, src/lib/import/iv3.ts): a
 * table of one boekjaar as the OData v3 API of dataderden.cbs.nl gives it, hand-made in that layout (one row per
 * gemeente × taakveld × categorie × verslagsoort, padded keys, amounts in two "plaatsing" columns, no Perioden:
 * the year is in TableInfos and in the Verslagsoort), through the real import.
 *
 * The layout follows third-party code that reads these tables (see iv3.ts); it is not verified against CBS's
 * documentation. All amounts are invented.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/dataset';
import { IV3_NO_FIGURE, jeugdTaakveld, verslagsoort } from '../../src/lib/import/iv3';
import { readDataDir } from '../../src/node/datastore-fs';
import { importQuietly, removeDir, tempDir } from './helpers';

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('import-iv3-');
});
afterAll(async () => removeDir(tmp));

const property = (id: number, key: string, title: string, extra: Record<string, unknown>) => ({ ID: id, Position: id, ParentID: null, Key: key, Title: title, Description: '', ...extra });
const topic = (id: number, key: string, title: string) =>
  property(id, key, title, { Type: 'Topic', Datatype: 'Double', Unit: 'x 1 000 euro', Decimals: 0, Default: 'Impossible', PresentationType: 'Absolute' });

type Row = [gemeente: string, taakveld: string, categorie: string, soort: string, first: number | null, second: number | null];

/** Amsterdam with begroting and jaarrekening, Aa en Hunze with its begroting only (its jaarrekening not delivered yet). */
const ROWS: Row[] = [
  ['GM0363', '6.72a', 'L3.4.1', '2023X000', 120_000, 121_000],
  ['GM0363', '6.73b', 'L3.4.1', '2023X000', 80_000, 80_000],
  ['GM0363', '6.74c', 'L1.1', '2023X000', 5_000, 5_000],
  ['GM0363', '6.74c', 'B4.3.1', '2023X000', 2_000, 2_000], // baten: not counted
  ['GM0363', '6.82a', 'L4.3.3', '2023X000', 30_000, 30_000],
  ['GM0363', '6.82b', 'L4.3.3', '2023X000', 4_000, IV3_NO_FIGURE], // no 2e plaatsing: the 1e counts
  ['GM0363', '6.71a', 'L3.4.1', '2023X000', 99_000, 99_000], // Wmo 18+: not counted
  ['GM0363', '6.751', 'L3.4.1', '2023X000', 1_000, 1_000], // an unknown finer code: not counted, and said
  ['GM0363', '0.1', 'L1.1', '2023X000', 50_000, 50_000], // bestuur: not counted
  ['GM0363', '6.72a', 'L3.4.1', '2023X005', 130_000, 131_500],
  ['GM0363', '6.73b', 'L3.4.1', '2023X005', 90_000, 90_000],
  ['GM0363', '6.82a', 'L4.3.3', '2023X005', 33_000, 33_000],
  ['GM0363', '6.72a', 'L3.4.1', '2023X002', 60_000, 60_000], // an interim report: skipped
  ['GM1680', '6.72b', 'L3.4.1', '2023X000', 4_100, 4_100],
  ['GM1680', '6.82a', 'L4.3.3', '2023X000', 520, 520],
];

function iv3Table2023(): Record<string, unknown> {
  return {
    'TableInfos.json': { value: [{ ID: 0, Title: 'Gemeenten 2023; onbewerkte Iv3-data', Identifier: '45063NED', Period: '2023', Frequency: 'Perjaar', ShortDescription: 'Iv3-gegevens van gemeenten.' }] },
    'DataProperties.json': {
      value: [
        property(0, 'Gemeenten', 'Gemeenten', { Type: 'GeoDimension' }),
        property(1, 'TaakveldBalanspost', 'Taakveld/balanspost', { Type: 'Dimension' }),
        property(2, 'Categorie', 'Categorie', { Type: 'Dimension' }),
        property(3, 'Verslagsoort', 'Verslagsoort', { Type: 'Dimension' }),
        topic(4, 'k_1ePlaatsing_1', '1e plaatsing'),
        topic(5, 'k_2ePlaatsing_2', '2e plaatsing'),
      ],
    },
    'Gemeenten.json': { value: [{ Key: 'GM0363', Title: 'Amsterdam', Description: null }, { Key: 'GM1680', Title: 'Aa en Hunze', Description: null }] },
    'TaakveldBalanspost.json': { value: [...new Set(ROWS.map((r) => r[1]))].map((k) => ({ Key: k.padEnd(6, ' '), Title: k, Description: null })) },
    'Categorie.json': { value: [...new Set(ROWS.map((r) => r[2]))].map((k) => ({ Key: k.padEnd(6, ' '), Title: k, Description: null })) },
    'Verslagsoort.json': { value: [...new Set(ROWS.map((r) => r[3]))].map((k) => ({ Key: k, Title: k, Description: null })) },
    'TypedDataSet.json': {
      value: ROWS.map(([g, t, c, s, first, second], i) => ({
        ID: i,
        Gemeenten: g,
        TaakveldBalanspost: t.padEnd(6, ' '),
        Categorie: c.padEnd(6, ' '),
        Verslagsoort: s,
        k_1ePlaatsing_1: first,
        k_2ePlaatsing_2: second,
      })),
    },
  };
}

async function writeFolder(name: string, files: Record<string, unknown>): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), JSON.stringify(content));
  return dir;
}

const cellOf = (d: Dataset, region: string, period: string, measure: string) =>
  d.rows.find((r) => r.region === region && r.period === period)?.cells[d.meta.measures.findIndex((m) => m.id === measure)];

describe('the Iv3 codes', () => {
  it('groups the jeugd taakvelden before and after the finer taakvelden of 2023, and nothing else', () => {
    expect(['6.72', '6.72a', '6.72d', '6.73a', '6.73c', '6.74b', '6.74c  '].map(jeugdTaakveld)).toEqual(Array(7).fill('maatwerk'));
    expect(['6.82', '6.82a', '6.82b'].map(jeugdTaakveld)).toEqual(Array(3).fill('geescaleerd'));
    expect(['6.71', '6.71a', '6.81b', '6.2', '6.751', '0.1', 'P11', '6.720x'].map(jeugdTaakveld)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'maatwerk']);
    expect(verslagsoort('2024X000')).toEqual({ soort: 'begroting', year: 2024 });
    expect(verslagsoort('2023X005')).toEqual({ soort: 'realisatie', year: 2023 });
    expect(verslagsoort('2023X002')).toBeUndefined();
  });
});

describe('an Iv3 table of gemeenten into dataset kosten-jeugd', () => {
  it('adds up the lasten on 6.72–6.74 and 6.82 per gemeente and verslagsoort, in thousands of euros', async () => {
    const dir = await writeFolder('iv3-2023', iv3Table2023());
    const out = path.join(tmp, 'out');
    const log: string[] = [];
    await importQuietly({ inputs: [dir], out, release: '2024-10-31', progress: (m: string) => log.push(m) });
    const dataset = (await readDataDir(out)).datasets.find((d) => d.meta.id === 'kosten-jeugd')!;
    expect(dataset.meta.title).toBe('Lasten jeugdzorg van gemeenten; begroting en realisatie, taakveld');
    expect(dataset.meta.periods.map((p) => p.code)).toEqual(['2023JJ00']);
    expect(dataset.rows.map((r) => r.region).sort()).toEqual(['GM0363', 'GM1680']);
    const amount = (region: string, id: string) => cellOf(dataset, region, '2023JJ00', id);
    // Begroting: 2e plaatsing where there is one (121.000), the 1e where it says no figure (4.000); baten, Wmo, 0.1, the unknown 6.751 and the interim report left out.
    expect(amount('GM0363', 'lasten_maatwerk_begroting')).toEqual({ value: 121_000 + 80_000 + 5_000, symbol: null });
    expect(amount('GM0363', 'lasten_geescaleerd_begroting')).toEqual({ value: 30_000 + 4_000, symbol: null });
    expect(amount('GM0363', 'lasten_jeugd_begroting')).toEqual({ value: 206_000 + 34_000, symbol: null });
    expect(amount('GM0363', 'lasten_maatwerk_realisatie')).toEqual({ value: 131_500 + 90_000, symbol: null });
    expect(amount('GM0363', 'lasten_jeugd_realisatie')).toEqual({ value: 221_500 + 33_000, symbol: null });
    // Aa en Hunze delivered its begroting only: its realisatie is unknown, not nihil.
    expect(amount('GM1680', 'lasten_jeugd_begroting')).toEqual({ value: 4_620, symbol: null });
    expect(amount('GM1680', 'lasten_jeugd_realisatie')).toEqual({ value: null, symbol: '.' });
    const measure = dataset.meta.measures.find((m) => m.id === 'lasten_jeugd_begroting')!;
    expect(measure.unit).toBe('× 1.000 euro');
    expect(measure.definition).toMatch(/6\.72/);
    expect(dataset.meta.trendBreaks.map((b) => b.from)).toEqual(['2017JJ00', '2023JJ00']);
    expect(dataset.meta.footnotes.map((f) => f.id)).toEqual(expect.arrayContaining(['uitgaven-geen-gebruik', 'boeken-verschilt', 'taakveld-6-2']));
    expect(log.some((l) => /taakvelden 6\.751 niet meegeteld/.test(l))).toBe(true);
    expect(log.some((l) => /Iv3-lasten op 6\.72 en 6\.82 opgeteld per gemeente en jaar \(2 rijen\)/.test(l))).toBe(true);
  });
});
