import { describe, expect, it } from 'vitest';
import { conceptMeasure, preferDataset } from '../../src/lib/facts/concepts';
import { primaryPeriods } from '../../src/lib/data/periods';
import { groupKeyFigures, isSmall, keyFiguresOf, searchKeyFigure, SMALL_COUNT } from '../../src/lib/facts/key-figures';
import { smallNumbersWarning } from '../../src/lib/facts/notes';
import { thePeriod } from '../../src/lib/facts/phrases';
import { fixture, publishedIndex } from './fixture';

const { context, datasets } = fixture();

describe('finding measures by concept', () => {
  it('finds the count and the rate whose numerator it is, whatever the ids', () => {
    const jr = datasets.find((d) => d.meta.id === 'jeugdreclassering')!;
    const found = conceptMeasure(jr.meta, 'jongeren-jeugdreclassering')!;
    expect(found.measure.id).toBe('jongeren_jr');
    expect(found.rate?.id).toBe('jr_per_1000');
    expect(conceptMeasure(jr.meta, 'jongeren-jeugdhulp')).toBeUndefined();
  });

  it('prefers the half-year series over the yearly wijken table for the same concept', () => {
    const holders = datasets.filter((d) => conceptMeasure(d.meta, 'jongeren-jeugdhulp'));
    expect(holders.map((d) => d.meta.id).sort()).toEqual(['jeugdhulp', 'jeugdhulp-wijken']);
    expect(preferDataset(holders)?.meta.id).toBe('jeugdhulp');
    expect(context.concept('jongeren-jeugdhulp')?.dataset.meta.id).toBe('jeugdhulp');
  });

  it('follows a dataset in half years when it has them', () => {
    const meta = { periods: [{ code: '2023HJ01', status: 'definitief' as const }, { code: '2023JJ00', status: 'definitief' as const }, { code: '2023HJ02', status: 'definitief' as const }] };
    expect(primaryPeriods(meta, ['2023HJ01', '2023HJ02', '2023JJ00'])).toEqual(['2023HJ01', '2023HJ02']);
  });
});

describe('key figures of a gemeente', () => {
  const figures = keyFiguresOf(context, 'GM1680');

  it('lists every concept in the data, persons and trajecten apart', () => {
    expect(figures.map((f) => f.concept)).toEqual([
      'jongeren-jeugdhulp',
      'jongeren-jeugdhulp-zonder-verblijf',
      'jongeren-jeugdhulp-met-verblijf',
      'jongeren-jeugdreclassering',
      'trajecten-lopend',
      'trajecten-gestart',
      'trajecten-beeindigd',
    ]);
    expect(figures.filter((f) => f.unit === 'personen')).toHaveLength(4);
    expect(figures.filter((f) => f.unit === 'trajecten').map((f) => f.noun)).toEqual(['trajecten', 'trajecten', 'trajecten']);
  });

  it('says trajecten per 1.000 jongeren are a ratio, not a share of the youths, where the group has such a rate', () => {
    // This fixture's trajecten have no population beside them; give them the rate of the persons' first figure.
    const rate = figures.find((f) => f.rate)!.rate;
    const [persons, trajecten] = groupKeyFigures(figures.map((f) => (f.unit === 'trajecten' ? { ...f, rate } : f)));
    expect(persons!.note).not.toMatch(/verhouding/);
    expect(trajecten!.note).toMatch(/een verhouding, geen deel van de jongeren; bij jeugdhulp tellen ook de trajecten van jongeren van 18 jaar en ouder mee/);
    // Without rates (counts only) the note has nothing to explain.
    const [, countsOnly] = groupKeyFigures(figures.map((f) => ({ ...f, rate: undefined })));
    expect(countsOnly!.note).not.toMatch(/verhouding/);
  });

  it('gives the count of the latest period with its rate and named denominator', () => {
    const jeugdhulp = figures[0]!;
    const index = publishedIndex('jeugdhulp');
    const count = index.cell('GM1680', '2024HJ01', 'jongeren_jeugdhulp', ['T001'])!.value!;
    const youths = index.cell('GM1680', '2024HJ01', 'jongeren_tot_18', ['T001'])!.value!;
    expect(jeugdhulp.period).toBe('2024HJ01');
    expect(jeugdhulp.count?.value).toBe(count);
    expect(jeugdhulp.rate?.value?.value).toBeCloseTo((count / youths) * 100, 1);
    expect(jeugdhulp.rate?.phrase).toMatch(/^\d+,\d% van alle jongeren tot 18 jaar$/);
    expect(jeugdhulp.periodLabel).toBe('1e halfjaar 2024*');
    expect(jeugdhulp.statusLabel).toBe('voorlopig');
    const jr = figures.find((f) => f.concept === 'jongeren-jeugdreclassering')!;
    expect(jr.rate?.phrase).toMatch(/^\d+,\d per 1\.000 jongeren van 12 tot 23 jaar$/);
  });

  it('shows a former gemeente its own figures as published, up to its last period', () => {
    const weesp = keyFiguresOf(context, 'GM0457', { published: true });
    expect(weesp[0]!.period).toBe('2022HJ02');
    expect(weesp[0]!.status).toBe('definitief');
    expect(weesp[0]!.count?.value).toBe(publishedIndex('jeugdhulp').cell('GM0457', '2022HJ02', 'jongeren_jeugdhulp', ['T001'])!.value);
    // On the latest indeling Weesp has no figures of its own.
    expect(keyFiguresOf(context, 'GM0457')).toEqual([]);
  });

  it('marks figures of a merged gemeente before the merger as converted, and its latest as not', () => {
    const amsterdam = keyFiguresOf(context, 'GM0363');
    expect(amsterdam[0]!.converted).toBe(false);
    const row = context.concept('jongeren-jeugdhulp')!.dataset.totalRow('GM0363', '2022HJ02')!;
    expect(row.converted).toBe(true);
  });

  it('gives the search result line', () => {
    expect(searchKeyFigure(figures)).toMatch(/^\d+ jongeren met jeugdhulp \(1e halfjaar 2024\*\)$/);
  });
});

describe('periods in running text', () => {
  it('puts "het" before a half year, not before a year or a date', () => {
    expect(thePeriod('1e halfjaar 2026*')).toBe('het 1e halfjaar 2026*');
    expect(thePeriod('2022')).toBe('2022');
    expect(thePeriod('30 juni 2023')).toBe('30 juni 2023');
  });
});

describe('small numbers', () => {
  it('counts below the threshold and suppressed cells are small; nihil too; large ones not', () => {
    expect(isSmall({ value: SMALL_COUNT - 5, symbol: null })).toBe(true);
    expect(isSmall({ value: SMALL_COUNT, symbol: null })).toBe(false);
    expect(isSmall({ value: null, symbol: '.' })).toBe(true);
    expect(isSmall({ value: 0, symbol: '-' })).toBe(true);
    expect(isSmall(undefined)).toBe(false);
  });

  it('warns on Schiermonnikoog and names the small figures, not on Amsterdam', () => {
    const warning = smallNumbersWarning(keyFiguresOf(context, 'GM0088'));
    expect(warning?.text).toContain('één gezin dat verhuist');
    expect(warning?.figures).toContain('jongeren met jeugdreclassering: afgeschermd of onbekend');
    expect(warning?.figures.some((f) => /^jongeren met jeugdhulp: \d+ jongeren$/.test(f))).toBe(true);
    expect(smallNumbersWarning(keyFiguresOf(context, 'GM0363'))).toBeUndefined();
  });
});
