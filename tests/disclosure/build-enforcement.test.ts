/**
 * The build enforces disclosure control on a data folder that was not written protected (edited by hand):
 * a count that breaks the policy stops it with file, line and what was expected; "beschermen" protects it
 * instead; a folder whose stamp no longer matches is protected again; a dimension of providers is refused.
 * Each case is a copy of the default jeugdreclassering table with one change.
 */
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/lib/data/errors';
import { getSiteData } from '../../src/node/site-data';
import { projectRoot } from '../../src/node/project-paths';
import { removeDir, tempDir } from '../import/helpers';

const SOURCE = path.join(projectRoot(), 'data');

/** A data folder with only jeugdreclassering, changed by `edit` (meta.json and observations.csv as text). */
async function folderWith(edit: (files: { meta: Record<string, any>; observations: string }) => void): Promise<string> {
  const dir = path.join(await tempDir('disclosure-build-'), 'data');
  await cp(path.join(SOURCE, 'jeugdreclassering'), path.join(dir, 'jeugdreclassering'), { recursive: true });
  const catalog = JSON.parse(await readFile(path.join(SOURCE, 'catalog.json'), 'utf8'));
  await writeFile(path.join(dir, 'catalog.json'), JSON.stringify({ ...catalog, datasets: ['jeugdreclassering'] }, null, 2));
  const metaFile = path.join(dir, 'jeugdreclassering', 'meta.json');
  const observationsFile = path.join(dir, 'jeugdreclassering', 'observations.csv');
  const files = { meta: JSON.parse(await readFile(metaFile, 'utf8')), observations: await readFile(observationsFile, 'utf8') };
  edit(files);
  await writeFile(metaFile, JSON.stringify(files.meta, null, 2));
  await writeFile(observationsFile, files.observations);
  // No manifest: a folder edited by hand has none (with one, the reader would refuse the changed file first).
  await rm(path.join(dir, 'manifest.json'), { force: true });
  return dir;
}

/** Replaces Aa en Hunze's count of the first half of 2015 (line `line` of the file) by `value`. */
function setAaEnHunze(files: { observations: string }, value: string | ((old: string) => string)): number {
  const lines = files.observations.split('\n');
  const index = lines.findIndex((l) => l.startsWith('GM1680,2015HJ01,'));
  const cells = lines[index]!.split(',');
  cells[2] = typeof value === 'string' ? value : value(cells[2]!);
  lines[index] = cells.join(',');
  files.observations = lines.join('\n');
  return index + 1;
}

describe('the build and a data folder that was not written protected', { timeout: 60_000 }, () => {
  it('refuses an unrounded small count, naming file, line, column and the policy', async () => {
    let line = 0;
    const dir = await folderWith((files) => (line = setAaEnHunze(files, '7')));
    try {
      const error = await getSiteData(dir).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      const message = (error as DataError).message;
      expect(message).toContain(`${path.join(dir, 'jeugdreclassering', 'observations.csv')}, regel ${line}`);
      expect(message).toContain('kolom "jongeren_jeugdreclassering"');
      expect(message).toContain('een aantal afgerond op een veelvoud van 5');
      expect(message).toContain('(gevonden: "7")');
    } finally {
      await removeDir(path.dirname(dir));
    }
  });

  it('protects it instead when the publisher chose "beschermen": 7 becomes a point, 12 becomes 10', async () => {
    const dir = await folderWith((files) => {
      files.meta.disclosure = { ...files.meta.disclosure, onViolation: 'beschermen' };
      setAaEnHunze(files, '7');
      const lines = files.observations.split('\n');
      const i = lines.findIndex((l) => l.startsWith('GM0014,2015HJ01,'));
      const cells = lines[i]!.split(',');
      cells[2] = '12';
      lines[i] = cells.join(',');
      files.observations = lines.join('\n');
    });
    try {
      const site = await getSiteData(dir);
      const d = site.datasets[0]!;
      const cell = (region: string) => d.original.rows.find((r) => r.region === region && r.period === '2015HJ01')!.cells[0];
      expect(cell('GM1680')).toEqual({ value: null, symbol: '.' });
      expect(cell('GM0014')).toEqual({ value: 10, symbol: null });
      const current = site.disclosure.find((r) => r.release === d.meta.release)!;
      expect(current).toMatchObject({ stored: false, primary: 2, unresolved: 0 });
    } finally {
      await removeDir(path.dirname(dir));
    }
  });

  it('protects a folder whose files no longer match their stamp again, before anything is shown', async () => {
    // A rounded count changed by hand: within the policy, but the stamp says the files are not as protected.
    const dir = await folderWith((files) => setAaEnHunze(files, (old) => String(Number.isNaN(Number(old)) ? 20 : Number(old) + 5)));
    try {
      const site = await getSiteData(dir);
      expect(site.disclosure.map((r) => [r.stored, r.unresolved])).toEqual(site.disclosure.map(() => [false, 0]));
    } finally {
      await removeDir(path.dirname(dir));
    }
  });

  it('never publishes per provider: a dimension of aanbieders is refused', async () => {
    const withProvider = (csv: string) =>
      csv
        .split('\n')
        .map((l, i) => (l === '' ? l : i === 0 ? l.replace('perioden,', 'perioden,aanbieder,') : l.replace(/^([^,]+,[^,]+,)/, '$1T001,')))
        .join('\n');
    const dir = await folderWith((files) => {
      files.meta.dimensions = [{ id: 'aanbieder', label: 'Zorgaanbieder', codes: [{ code: 'T001', label: 'Totaal', total: true }] }];
      files.observations = withProvider(files.observations);
    });
    const releases = path.join(dir, 'jeugdreclassering', 'releases');
    for (const file of await readdir(releases)) await writeFile(path.join(releases, file), withProvider(await readFile(path.join(releases, file), 'utf8')));
    try {
      const error = await getSiteData(dir).then(() => undefined, (e: unknown) => e);
      expect(String(error)).toMatch(/geen cijfers per aanbieder.*"aanbieder"/);
    } finally {
      await removeDir(path.dirname(dir));
    }
  });
});
