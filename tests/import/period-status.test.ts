/**
 * The status of figures whose source states none (a saved OData CSV, the joined wijken file): from the
 * release date by the CBS rhythm, or given with --status; never assumed to be definitief. A status the file
 * states (StatLine "2022*", OData Perioden) wins.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodCode } from '../../src/lib/data/periods';
import { buildDatasets } from '../../src/lib/import/build-dataset';
import { readODataCsv } from '../../src/lib/import/odata-v3';
import { parseStatusOption, releaseCycle, statusByRhythm } from '../../src/lib/import/period-status';
import { readDataDir } from '../../src/node/datastore-fs';
import { importQuietly, ODATA_CSV_LINES, odataCsv, register, removeDir, snapshot, statline, tempDir, writeInput } from './helpers';

const status = (code: string, release: string) => statusByRhythm(parsePeriodCode(code)!, release);

describe('status by the CBS rhythm', () => {
  it('gives the statuses of the release of 28 April 2023', () => {
    expect(status('2022JJ00', '2023-04-28')).toBe('voorlopig');
    expect(status('2022HJ02', '2023-04-28')).toBe('voorlopig');
    expect(status('2022HJ01', '2023-04-28')).toBe('nader-voorlopig');
    expect(status('2021JJ00', '2023-04-28')).toBe('definitief');
    expect(status('2021HJ02', '2023-04-28')).toBe('definitief');
    expect(status('2015KW01', '2023-04-28')).toBe('definitief');
    // Peildata go with their half year: 31 December 2022 appears with 2022HJ02.
    expect(status('2022PD12', '2023-04-28')).toBe('voorlopig');
    expect(status('2022PD06', '2023-04-28')).toBe('nader-voorlopig');
  });

  it('makes a year definitief when the first half year of the next is published (end of October)', () => {
    expect(status('2023HJ01', '2023-10-31')).toBe('voorlopig');
    expect(status('2022JJ00', '2023-10-31')).toBe('definitief');
    expect(status('2022HJ01', '2023-10-31')).toBe('definitief');
    expect(status('2022HJ02', '2023-10-31')).toBe('definitief');
  });

  it('agrees with the statuses CBS gives in the recorded OData responses (release of April 2024)', () => {
    // tests/fixtures/cbs/odata-v4/85097NED/PeriodenCodes.json
    expect(['2022JJ00', '2023HJ01', '2023HJ02', '2023JJ00'].map((c) => status(c, '2024-04-25'))).toEqual([
      'definitief',
      'nader-voorlopig',
      'voorlopig',
      'voorlopig',
    ]);
  });

  it('reads a date between two releases as the last regular release before it', () => {
    expect(releaseCycle('2023-04-28')).toEqual({ year: 2023, month: 4 });
    expect(releaseCycle('2023-11-30')).toEqual({ year: 2023, month: 10 }); // a nader voorlopig extra release
    expect(releaseCycle('2024-02-01')).toEqual({ year: 2023, month: 10 });
    expect(status('2023HJ01', '2023-11-30')).toBe('voorlopig');
  });

  it('knows no status for figures CBS had not yet published on the date', () => {
    expect(status('2023JJ00', '2023-04-28')).toBeUndefined();
    expect(status('2023HJ01', '2023-04-28')).toBeUndefined();
    expect(status('2023HJ02', '2023-10-31')).toBeUndefined();
    expect(status('2022JJ00', '2023-03-01')).toBeUndefined();
  });

  it('reads --status for every period or for one', () => {
    expect(parseStatusOption(['voorlopig', '2021=definitief', '1e halfjaar 2022=nader voorlopig'])).toEqual(
      new Map([
        ['*', 'voorlopig'],
        ['2021JJ00', 'definitief'],
        ['2022HJ01', 'nader-voorlopig'],
      ]),
    );
    expect(() => parseStatusOption(['voorlopg'])).toThrow(
      '--status: een status (voorlopig, nader-voorlopig of definitief), of periode=status zoals 2022JJ00=voorlopig (gevonden: "voorlopg")',
    );
    expect(() => parseStatusOption(['2022x=voorlopig'])).toThrow('(gevonden: "2022x=voorlopig")');
    expect(() => parseStatusOption(['2022JJ00=voorlopig', '2022=definitief'])).toThrow('--status: elke periode één keer (gevonden: "2022=definitief")');
  });
});

describe('status of imported figures', () => {
  let tmp: string;
  let out: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    tmp = await tempDir('import-status-');
    out = path.join(tmp, 'data');
    await importQuietly({ inputs: [await writeInput(tmp, 'goed.csv', statline())], out });
    before = await snapshot(out);
  });
  afterAll(async () => removeDir(tmp));

  const wijkenPeriods = async (dir: string) => (await readDataDir(dir)).datasets.find((d) => d.meta.id === 'jeugdzorg-in-natura-wijken')!.meta.periods;

  it('derives the status of an OData CSV from the release date', async () => {
    const file = await writeInput(tmp, 'wijken.csv', odataCsv());
    const dir = path.join(tmp, 'afgeleid');
    const progress: string[] = [];
    await importQuietly({ inputs: [file], out: dir, release: '2023-04-28', progress: (m) => progress.push(m) });
    expect(await wijkenPeriods(dir)).toEqual([{ code: '2022JJ00', status: 'voorlopig' }]);
    expect(progress).toContain('dataset "jeugdzorg-in-natura-wijken": status van perioden zonder status in de bestanden: 2022JJ00 voorlopig (CBS-ritme bij release 2023-04-28)');
  });

  it('refuses figures without a status when no release date is given, naming file, line and what to give', async () => {
    const file = await writeInput(tmp, 'zonder-status.csv', odataCsv());
    const error = await importQuietly({ inputs: [file], out, release: undefined }).then(
      () => expect.fail('ingelezen zonder status'),
      (e: Error) => e,
    );
    expect(error.name).toBe('DataError');
    expect(error.message).toBe(
      `${file}, regel 2: kolom "Perioden": een status van de cijfers (voorlopig, nader voorlopig of definitief), maar dit bestand vermeldt die niet; geef de publicatiedatum met --release JJJJ-MM-DD (de status volgt dan uit het CBS-ritme) of de status met --status: voor alle perioden zonder status (--status voorlopig) of per periode (--status 2022JJ00=<status>) (gevonden: "2022JJ00")`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('refuses figures CBS could not have published on the release date', async () => {
    const file = await writeInput(tmp, 'te-vroeg.csv', odataCsv());
    await expect(importQuietly({ inputs: [file], out, release: '2023-03-01' })).rejects.toThrow(
      `${file}, regel 2: kolom "Perioden": een periode die op de publicatiedatum 2023-03-01 (--release) al verschenen was; het CBS publiceert 2022 pas eind april 2023. Geef de juiste --release, of de status met --status (gevonden: "2022JJ00")`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('takes the status given with --status, per period before the one for all', async () => {
    const lines = [...ODATA_CSV_LINES, ...ODATA_CSV_LINES.map((l, i) => l.replace('2022JJ00', '2021JJ00').replace(/^\d+,\d+/, `${10 + i},${20 + i}`))];
    const file = await writeInput(tmp, 'gegeven.csv', odataCsv(lines));
    const dir = path.join(tmp, 'gegeven');
    await importQuietly({ inputs: [file], out: dir, release: undefined, status: ['nader-voorlopig', '2021JJ00=definitief'] });
    expect(await wijkenPeriods(dir)).toEqual([
      { code: '2021JJ00', status: 'definitief' },
      { code: '2022JJ00', status: 'nader-voorlopig' },
    ]);
  });

  it('keeps the status a file states, also beside a file of the same dataset without one', () => {
    // A v3 export with Perioden says "Voorlopig"; here a StatLine-like statement through the table itself.
    const stated = readODataCsv(odataCsv(), 'met-status.csv');
    stated.periodStatus.set('2022JJ00', 'nader-voorlopig');
    const bare = readODataCsv(odataCsv([ODATA_CSV_LINES[0]!.replace('NL00', 'GM0014').replace('461985', '5000').replace('695095', '8000')]), 'zonder-status.csv');
    const progress: string[] = [];
    const [dataset] = buildDatasets([bare, stated], { register: register(), release: '2023-04-28', progress: (m) => progress.push(m) });
    expect(dataset!.meta.periods).toEqual([{ code: '2022JJ00', status: 'nader-voorlopig' }]);
    expect(progress).toContain(
      'dataset "jeugdzorg-in-natura-wijken": 2022JJ00 is volgens met-status.csv nader voorlopig, volgens het CBS-ritme bij release 2023-04-28 voorlopig; de status uit het bestand geldt',
    );
  });
});
