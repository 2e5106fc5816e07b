/**
 * Importing into an existing data folder: imported datasets are added or replaced, others stay, and a
 * replaced dataset keeps its earlier release in meta.history (only differing cells are stored).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RowIndex } from '../../src/lib/data/dataset';
import { readDataDir } from '../../src/node/datastore-fs';
import { importQuietly, odataCsv, removeDir, snapshot, STATLINE_LINES, statline, tempDir, writeInput } from './helpers';

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('import-releases-');
});
afterAll(async () => removeDir(tmp));

describe('importer: releases and an existing data folder', () => {
  it('keeps other datasets and the earlier release of a replaced one', async () => {
    const out = path.join(tmp, 'data');
    const april = await writeInput(tmp, 'april.csv', statline());
    const wijken = await writeInput(tmp, 'wijken.csv', odataCsv());
    await importQuietly({ inputs: [april, wijken], out, release: '2023-04-28' });

    // October: 2022 is now "nader voorlopig" and Aa en Hunze was revised upward.
    const revised = STATLINE_LINES.map((l) => l.replace('2022*', '2022**')).map((l) => l.replace('"Aa en Hunze";"2022**";13;', '"Aa en Hunze";"2022**";13,4;'));
    const october = await writeInput(tmp, 'oktober.csv', statline(revised));
    const progress: string[] = [];
    await importQuietly({ inputs: [october], out, release: '2023-10-31', progress: (m) => progress.push(m) });
    expect(progress.at(-1)).toMatch(/^geschreven: indicatoren-jeugdzorg-gemeenten \(4 rijen, 2 maten\)$/);

    const store = await readDataDir(out);
    expect(store.catalog.releases.map((r) => r.id)).toEqual(['2023-04-28', '2023-10-31']);
    // Named by month, as the pages put "Publicatie" before it ("Publicatie April 2023", never "Publicatie Publicatie van …").
    expect(store.catalog.releases.map((r) => r.title)).toEqual(['April 2023', 'Oktober 2023']);
    expect(store.catalog.datasets).toEqual(['indicatoren-jeugdzorg-gemeenten', 'jeugdzorg-in-natura-wijken']);
    const wijkenSet = store.datasets.find((d) => d.meta.id === 'jeugdzorg-in-natura-wijken')!;
    expect(wijkenSet.meta.release).toBe('2023-04-28');

    const indicatoren = store.datasets.find((d) => d.meta.id === 'indicatoren-jeugdzorg-gemeenten')!;
    expect(indicatoren.meta.release).toBe('2023-10-31');
    expect(indicatoren.meta.periods).toEqual([{ code: '2022JJ00', status: 'nader-voorlopig' }]);
    expect(indicatoren.meta.history).toEqual([{ release: '2023-04-28', periods: [{ code: '2022JJ00', status: 'voorlopig' }] }]);
    expect(new RowIndex(indicatoren).cell('GM1680', '2022JJ00', 'pct_jeugdhulp')!.value).toBe(13.4);
    const then = store.history.get('indicatoren-jeugdzorg-gemeenten')!.get('2023-04-28')!;
    expect(then.find((r) => r.region === 'GM1680')!.cells[0]!.value).toBe(13);
    expect(then.find((r) => r.region === 'NL01')!.cells[0]!.value).toBe(13.2);
  });

  it('replaces a dataset imported again for the same release, and refuses an older release', async () => {
    const out = path.join(tmp, 'zelfde');
    const file = await writeInput(tmp, 'een.csv', statline());
    await importQuietly({ inputs: [file], out, release: '2023-10-31' });
    await importQuietly({ inputs: [file], out, release: '2023-10-31' });
    const store = await readDataDir(out);
    expect(store.catalog.releases.map((r) => r.id)).toEqual(['2023-10-31']);
    expect(store.datasets[0]!.meta.history).toEqual([]);
    const before = await snapshot(out);
    await expect(importQuietly({ inputs: [file], out, release: '2023-04-28' })).rejects.toThrow(
      `${out}/indicatoren-jeugdzorg-gemeenten/meta.json: kolom "release": een release na de huidige (2023-10-31); importeer met een latere --release (gevonden: "2023-04-28")`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('will not replace a folder that is not a data folder', async () => {
    const out = path.join(tmp, 'iets-anders');
    await import('node:fs/promises').then(async (fs) => {
      await fs.mkdir(out);
      await fs.writeFile(path.join(out, 'notities.md'), '# belangrijk\n');
    });
    const file = await writeInput(tmp, 'twee.csv', statline());
    await expect(importQuietly({ inputs: [file], out })).rejects.toThrow(`${out}: een datamap (met catalog.json) of een lege map; deze map zou overschreven worden`);
    expect(await snapshot(out)).toEqual({ 'notities.md': '# belangrijk\n' });
  });
});
