/**
 * The three real CBS exports in ../shared/cbs, read in place (never copied into the repository): the figures
 * must come through to the digit. Skipped, visibly, where ../shared is absent; CI always has it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RowIndex, type Dataset } from '../../src/lib/data/dataset';
import { readDataDir } from '../../src/node/datastore-fs';
import { sharedDir } from '../../src/node/project-paths';
import { importQuietly, REAL_FILES, removeDir, tempDir } from './helpers';

const present = REAL_FILES.every((file) => existsSync(file));
if (!present) console.warn(`OVERGESLAGEN: de echte CBS-bestanden ontbreken in ${path.join(sharedDir(), 'cbs')} (../shared); tests/import/real-data.test.ts draait niet.`);

describe.skipIf(!present)('importer: the real CBS exports in ../shared/cbs', () => {
  let tmp: string;
  let wijken: Dataset;
  let indicatoren: Dataset;
  const progress: string[] = [];
  const cell = (dataset: Dataset, region: string, period: string, measure: string) => new RowIndex(dataset).cell(region, period, measure);

  beforeAll(async () => {
    tmp = await tempDir('import-real-');
    const out = path.join(tmp, 'data');
    const result = await importQuietly({ inputs: REAL_FILES, out, progress: (m) => progress.push(m) });
    expect(result.datasets.map((d) => d.id)).toEqual(['indicatoren-jeugdzorg-gemeenten', 'jeugdzorg-in-natura-wijken']);
    const store = await readDataDir(out);
    wijken = store.datasets.find((d) => d.meta.id === 'jeugdzorg-in-natura-wijken')!;
    indicatoren = store.datasets.find((d) => d.meta.id === 'indicatoren-jeugdzorg-gemeenten')!;
  });
  afterAll(async () => removeDir(tmp));

  it('keeps the reference figures of 2022 to the digit', () => {
    expect(cell(wijken, 'GM0363', '2022JJ00', 'jongeren_jeugdzorg')).toEqual({ value: 21520, symbol: null });
    expect(cell(wijken, 'GM1680', '2022JJ00', 'jongeren_jeugdzorg')).toEqual({ value: 595, symbol: null });
    // Nederland: NL00 in the wijken table, filled from the gemeenten export where the joined file is empty.
    expect(cell(wijken, 'NL01', '2022JJ00', 'jongeren_jeugdzorg')).toEqual({ value: 461985, symbol: null });
    expect(cell(wijken, 'NL01', '2022JJ00', 'trajecten')).toEqual({ value: 695095, symbol: null });
    expect(cell(indicatoren, 'NL01', '2022JJ00', 'pct_jeugdhulp')).toEqual({ value: 13.2, symbol: null });
  });

  it('matches every column to a profile measure of its own unit (StatLine headers, the figures of the OData files)', () => {
    expect(progress.filter((m) => m.includes('heet als'))).toEqual([]);
    expect(indicatoren.meta.measures.map((m) => m.unit)).toEqual(['%', '%', '%', '%', '%']);
    const counts = wijken.meta.measures.filter((m) => !m.derived);
    expect(counts.every((m) => m.unit === 'aantal' && m.type === 'aantal' && m.decimals === 0)).toBe(true);
  });

  it('derives jeugdzorg per 1.000 inwoners from the two counts', () => {
    const amsterdam = new RowIndex(wijken).get('GM0363', '2022JJ00')!;
    const at = (id: string) => amsterdam.cells[wijken.meta.measures.findIndex((m) => m.id === id)]!;
    const expected = Math.round((21520 / at('inwoners').value!) * 1000 * 10) / 10;
    expect(at('jongeren_jeugdzorg_per_1000')).toEqual({ value: expected, symbol: null });
    expect(wijken.meta.measures.find((m) => m.id === 'jongeren_jeugdzorg_per_1000')?.rate?.denominatorLabel).toBe('inwoners');
  });

  it('reads the wijken table: both years, wijken with their own names, population beside it', () => {
    // The OData files state no status: it follows from the release of 28 April 2023, when CBS first
    // published 2022 (voorlopig) and 2021 had been definitief since October 2022.
    expect(wijken.meta.periods).toEqual([
      { code: '2021JJ00', status: 'definitief' },
      { code: '2022JJ00', status: 'voorlopig' },
    ]);
    const count = (prefix: string, period: string) => wijken.rows.filter((r) => r.period === period && r.region.startsWith(prefix)).length;
    expect([count('GM', '2021JJ00'), count('GM', '2022JJ00')]).toEqual([352, 345]);
    expect([count('WK', '2021JJ00'), count('WK', '2022JJ00')]).toEqual([3248, 3340]);
    expect(wijken.meta.regions.find((r) => r.code === 'WK001400')).toEqual({ code: 'WK001400', label: 'Centrum' });
    expect(cell(wijken, 'GM0363', '2022JJ00', 'inwoners')).toEqual({ value: 882633, symbol: null });
    // 2021 has no Nederland row in the jeugdzorg table: the figure is missing, not zero.
    expect(cell(wijken, 'NL01', '2021JJ00', 'jongeren_jeugdzorg')).toEqual({ value: null, symbol: '.' });
    expect(cell(wijken, 'NL01', '2021JJ00', 'inwoners')).toEqual({ value: 17475415, symbol: null });
    // Suppressed in the v3 export ("."), empty in the joined file: "." either way.
    expect(cell(wijken, 'GM1680', '2022JJ00', 'trajecten_rechter_ovj')).toEqual({ value: null, symbol: '.' });
    const measure = wijken.meta.measures.find((m) => m.id === 'inwoners')!;
    expect(measure).toMatchObject({ concept: 'bevolking', countOf: 'inwoners', source: 'CBS Kerncijfers wijken en buurten' });
    expect(wijken.meta.measures.find((m) => m.id === 'jongeren_jeugdzorg')!.concept).toBe('jongeren-jeugdzorg');
    expect(wijken.meta.dimensions).toEqual([]);
  });

  it('reads the StatLine download: names to codes, provisional status, merged-away rows skipped, empty cells as "."', () => {
    expect(indicatoren.meta.periods).toEqual([{ code: '2022JJ00', status: 'voorlopig' }]);
    expect(indicatoren.rows).toHaveLength(346);
    expect(indicatoren.meta.regions.find((r) => r.code === 'GM0344')).toEqual({ code: 'GM0344', label: 'Utrecht' });
    expect(cell(indicatoren, 'GM0373', '2022JJ00', 'pct_jeugdhulp')!.value).toBe(12.7); // "Bergen (NH.)"
    expect(cell(indicatoren, 'GM0893', '2022JJ00', 'pct_jeugdhulp')!.value).toBe(14); // "Bergen (L.)"
    expect(indicatoren.rows.some((r) => r.region === 'GM0370')).toBe(false); // Beemster, merged into Purmerend in 2022
    // Ameland: a figure and four empty cells, which StatLine downloads write for suppressed figures.
    const ameland = indicatoren.rows.find((r) => r.region === 'GM0060')!;
    expect(ameland.cells.map((c) => c.value ?? c.symbol)).toEqual([7.8, '.', '.', '.', '.']);
    expect(indicatoren.meta.footnotes.map((f) => f.id)).toContain('lege-cellen');
    expect(indicatoren.meta.measures[0]).toMatchObject({ unit: '%', decimals: 1, type: 'rate', rate: { per: 100, denominatorLabel: 'jongeren tot 18 jaar' } });
  });
});
