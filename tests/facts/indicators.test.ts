/**
 * CBS indicator tables (rates without counts) on the fact pages: shown as published beside Nederland, for
 * the real CBS export when ../shared is present; absent from the demonstration data, which has counts.
 */
import { describe, expect, it } from 'vitest';
import { getFactsContext } from '../../src/lib/facts/context';
import { indicatorsOf, isIndicatorDataset } from '../../src/lib/facts/indicators';
import { realFilesPresent, useRealImport } from '../import/helpers';
import { fixture } from './fixture';

describe('CBS indicators on the fact pages', () => {
  it('finds none where every rate has its counts (the fixture, like the demonstration data)', () => {
    const { context } = fixture();
    expect(context.datasets.some(isIndicatorDataset)).toBe(false);
    expect(indicatorsOf(context, 'GM1680')).toEqual([]);
  });
});

describe.skipIf(!realFilesPresent('tests/facts/indicators.test.ts'))('CBS indicators from the real StatLine export (../shared/cbs)', () => {
  const real = useRealImport('indicatoren-real-');

  it('shows the five indicators of Aa en Hunze beside Nederland, as CBS published them', () => {
    const [table] = indicatorsOf(getFactsContext(real.site), 'GM1680');
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
