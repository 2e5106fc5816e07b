/**
 * CBS indicator tables (rates without counts) on the fact pages: shown as published beside Nederland, for
 * the real CBS export when ../shared is present; absent from the demonstration data, which has counts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFactsContext, type FactsContext } from '../../src/lib/facts/context';
import { indicatorsOf, isIndicatorDataset } from '../../src/lib/facts/indicators';
import { sharedDir } from '../../src/node/project-paths';
import { getSiteData } from '../../src/node/site-data';
import { importQuietly, REAL_FILES, removeDir, tempDir } from '../import/helpers';
import { fixture } from './fixture';

describe('CBS indicators on the fact pages', () => {
  it('finds none where every rate has its counts (the fixture, like the demonstration data)', () => {
    const { context } = fixture();
    expect(context.datasets.some(isIndicatorDataset)).toBe(false);
    expect(indicatorsOf(context, 'GM1680')).toEqual([]);
  });
});

const present = REAL_FILES.every((file) => existsSync(file));
if (!present) console.warn(`OVERGESLAGEN: de echte CBS-bestanden ontbreken in ${path.join(sharedDir(), 'cbs')} (../shared); de indicatorentest met echte cijfers draait niet.`);

describe.skipIf(!present)('CBS indicators from the real StatLine export (../shared/cbs)', () => {
  let tmp: string;
  let context: FactsContext;
  beforeAll(async () => {
    tmp = await tempDir('indicatoren-real-');
    const out = path.join(tmp, 'data');
    await importQuietly({ inputs: REAL_FILES, out, release: '2023-04-28' });
    context = getFactsContext(await getSiteData(out));
  });
  afterAll(async () => removeDir(tmp));

  it('shows the five indicators of Aa en Hunze beside Nederland, as CBS published them', () => {
    const [table] = indicatorsOf(context, 'GM1680');
    expect(table!.periodLabel).toBe('2022*');
    expect(table!.rows.map((r) => [r.measure.id, r.own, r.nederland])).toEqual([
      ['pct_jeugdhulp', '13,0', '13,2'],
      ['pct_jeugdhulp_met_verblijf', '11,5', '8,8'],
      ['pct_jeugdbescherming', '1,4', '1,2'],
      ['pct_jeugdbescherming_met_verblijf', '56,9', '46,3'],
      ['pct_jeugdreclassering', '.', '0,3'],
    ]);
  });
});
