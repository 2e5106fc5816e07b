import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataDir, writeDataDir } from '../../src/node/datastore-fs';
import { DatasetMetaSchema } from '../../src/schemas/dataset';
import { smallData, smallMeta } from '../fixtures/small-data';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'datastore-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('data folder', () => {
  it('round-trips datasets, symbols and derived rates', async () => {
    const dir = path.join(tmp, 'data');
    await writeDataDir(dir, smallData());
    const store = await readDataDir(dir);
    const [dataset] = store.datasets;
    expect(dataset!.meta.title).toBe('Jongeren met jeugdhulp; regio');
    expect(dataset!.rows).toHaveLength(5);
    const amsterdam = dataset!.rows.find((r) => r.region === 'GM0363' && r.period === '2022HJ02')!;
    // The rate is derived from numerator and denominator on load: 15000 / 150000 = 10,0%.
    expect(amsterdam.cells[2]).toEqual({ value: 10, symbol: null });
    const suppressed = dataset!.rows.find((r) => r.topics[0] === '00-12')!;
    expect(suppressed.cells[0]).toEqual({ value: null, symbol: '.' });
    expect(suppressed.cells[2]).toEqual({ value: null, symbol: '.' });
    const csv = await readFile(path.join(dir, 'jeugdhulp', 'observations.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('regio,perioden,leeftijd,jongeren_jeugdhulp,jongeren_tot_18');
    expect(csv).toContain('GM0457,2022HJ02,00-12,.,2500');
  });

  it('gives rows with the same categories one frozen list of them (850.000 lists and their codes took 100 MB per thread)', async () => {
    const dir = path.join(tmp, 'data');
    await writeDataDir(dir, smallData());
    const rows = (await readDataDir(dir)).datasets[0]!.rows;
    const totals = rows.filter((r) => r.topics[0] === 'T001');
    expect(totals.length).toBeGreaterThan(1);
    for (const row of totals) expect(row.topics).toBe(totals[0]!.topics);
    expect(Object.isFrozen(totals[0]!.topics)).toBe(true);
    expect(rows.find((r) => r.topics[0] !== 'T001')!.topics).not.toBe(totals[0]!.topics);
  });

  it('keeps an earlier release as the cells that differ', async () => {
    const dir = path.join(tmp, 'data');
    const data = smallData();
    data.catalog.releases.unshift({ id: '2023-04-28', date: '2023-04-28', title: 'April 2023', description: '' });
    const meta = DatasetMetaSchema.parse({ ...smallMeta, history: [{ release: '2023-04-28', periods: [{ code: '2022HJ02', status: 'voorlopig' }] }] });
    const current = data.datasets[0]!.rows;
    const earlier = current
      .filter((r) => r.period === '2022HJ02')
      .map((r) => (r.region === 'GM0363' ? { ...r, cells: [{ value: 14800, symbol: null }, ...r.cells.slice(1)] } : r));
    data.datasets[0] = { meta, rows: current, history: new Map([['2023-04-28', earlier]]) };
    await writeDataDir(dir, data);
    const diff = await readFile(path.join(dir, 'jeugdhulp', 'releases', '2023-04-28.csv'), 'utf8');
    expect(diff.trim().split('\n')).toEqual(['regio,perioden,leeftijd,jongeren_jeugdhulp,jongeren_tot_18', 'GM0363,2022HJ02,T001,14800,150000']);
    const store = await readDataDir(dir);
    const then = store.history.get('jeugdhulp')!.get('2023-04-28')!;
    expect(then).toHaveLength(4);
    expect(then.find((r) => r.region === 'GM0363')!.cells[0]!.value).toBe(14800);
    // The rate of the earlier release is derived from the earlier count.
    expect(then.find((r) => r.region === 'GM0363')!.cells[2]!.value).toBe(9.9);
  });

  it('leaves an earlier good folder intact when a write fails', async () => {
    const dir = path.join(tmp, 'data');
    await writeDataDir(dir, smallData());
    const before = await readFile(path.join(dir, 'jeugdhulp', 'observations.csv'), 'utf8');
    const broken = smallData();
    // A row with a region the metadata does not list: the check after writing must refuse it.
    broken.datasets[0]!.rows.push({ region: 'GM0014', period: '2023HJ01', topics: ['T001'], cells: [{ value: 1, symbol: null }, { value: 1, symbol: null }, { value: null, symbol: '.' }] });
    await expect(writeDataDir(dir, broken)).rejects.toThrow(/observations\.csv, regel 7: kolom "regio"/);
    expect(await readFile(path.join(dir, 'jeugdhulp', 'observations.csv'), 'utf8')).toBe(before);
    const leftovers = (await import('node:fs/promises')).readdir(tmp);
    expect(await leftovers).toEqual(['data']);
  });

  it('names file, line and column for a bad cell', async () => {
    const dir = path.join(tmp, 'data');
    await writeDataDir(dir, smallData());
    const file = path.join(dir, 'jeugdhulp', 'observations.csv');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[3] = 'GM0457,2022HJ02,T001,3OO,4000';
    await writeFile(file, lines.join('\n'));
    await expect(readDataDir(dir)).rejects.toThrow(
      `${file}, regel 4: kolom "jongeren_jeugdhulp": een getal met decimale punt, of een teken: ".", "x", "-" of leeg (gevonden: "3OO")`,
    );
  });

  it('refuses a negative count, a duplicate row and an unknown period', async () => {
    const dir = path.join(tmp, 'data');
    await writeDataDir(dir, smallData());
    const file = path.join(dir, 'jeugdhulp', 'observations.csv');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('GM0457,2022HJ02,T001,300', 'GM0457,2022HJ02,T001,-300'));
    await expect(readDataDir(dir)).rejects.toThrow(/regel 4: kolom "jongeren_jeugdhulp": een aantal van 0 of meer \(gevonden: "-300"\)/);
    await writeFile(file, original + 'GM0363,2023HJ01,T001,1,1\n');
    await expect(readDataDir(dir)).rejects.toThrow(/regel 7: .*deze staat ook op regel 6/);
    await writeFile(file, original.replace('GM0363,2023HJ01', 'GM0363,2023HJ03'));
    await expect(readDataDir(dir)).rejects.toThrow(/regel 6: kolom "perioden": een periodecode uit meta.json/);
  });

  it('names the field of a bad meta.json and the line of broken JSON', async () => {
    const dir = path.join(tmp, 'data');
    await writeDataDir(dir, smallData());
    const file = path.join(dir, 'jeugdhulp', 'meta.json');
    const meta = JSON.parse(await readFile(file, 'utf8'));
    meta.measures[0].decimals = 'nul';
    await writeFile(file, JSON.stringify(meta, null, 2));
    await expect(readDataDir(dir)).rejects.toThrow(`${file}: kolom "measures[0].decimals": verwacht een getal, gevonden tekst`);
    await writeFile(file, '{\n  "id": "jeugdhulp",\n  "title": \n}');
    await expect(readDataDir(dir)).rejects.toThrow(/meta\.json, regel 4: geldige JSON/);
  });

  it('refuses a rate that says it counts something else than its numerator (trajecten per 1.000 jongeren are trajecten)', async () => {
    const dir = path.join(tmp, 'data');
    await writeDataDir(dir, smallData());
    const file = path.join(dir, 'jeugdhulp', 'meta.json');
    const meta = JSON.parse(await readFile(file, 'utf8'));
    const rate = meta.measures.findIndex((m: { id: string }) => m.id === 'jongeren_jeugdhulp_pct');
    meta.measures[rate].countOf = 'trajecten';
    await writeFile(file, JSON.stringify(meta, null, 2));
    await expect(readDataDir(dir, { register: false })).rejects.toThrow(`${file}: kolom "measures[${rate}].countOf": "personen", wat de teller "jongeren_jeugdhulp" telt (gevonden: "trajecten")`);
  });

  it('says what is missing when the folder is not there', async () => {
    await expect(readDataDir(path.join(tmp, 'nergens'))).rejects.toThrow(/een datamap/);
    expect(existsSync(path.join(tmp, 'nergens'))).toBe(false);
  });
});
