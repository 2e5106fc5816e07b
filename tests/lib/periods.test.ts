import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  halfYearsBetween,
  parsePeriodCode,
  parsePeriodLabel,
  periodLabel,
  periodLabelWithStatus,
  periodRange,
  periodSpanText,
  primaryPeriods,
} from '../../src/lib/data/periods';

describe('CBS period codes', () => {
  it('reads the codes CBS uses, and the short half-year form of reports', () => {
    expect(parsePeriodCode('2023JJ00')).toEqual({ code: '2023JJ00', kind: 'jaar', year: 2023, part: 0 });
    expect(parsePeriodCode('2023HJ01')?.kind).toBe('halfjaar');
    expect(parsePeriodCode('2018HJ1')?.code).toBe('2018HJ01');
    expect(parsePeriodCode('2015KW01')?.code).toBe('2015KW01');
    expect(parsePeriodCode('2023MM03')?.part).toBe(3);
    expect(parsePeriodCode('2025PD06')?.kind).toBe('peildatum');
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2023', '2023HJ03', '2023KW05', '2023MM13', '2023JJ01', '2023PD03', 'HJ012023', '']) {
      expect(parsePeriodCode(bad), bad).toBeUndefined();
    }
  });

  it('labels periods in Dutch, with the status mark CBS appends', () => {
    expect(periodLabel(parsePeriodCode('2023HJ01')!)).toBe('1e halfjaar 2023');
    expect(periodLabel(parsePeriodCode('2023HJ02')!)).toBe('2e halfjaar 2023');
    expect(periodLabel(parsePeriodCode('2015KW01')!)).toBe('1e kwartaal 2015');
    expect(periodLabel(parsePeriodCode('2023MM03')!)).toBe('maart 2023');
    expect(periodLabel(parsePeriodCode('2025PD06')!)).toBe('30 juni 2025');
    expect(periodLabelWithStatus(parsePeriodCode('2022JJ00')!, 'voorlopig')).toBe('2022*');
    expect(periodLabelWithStatus(parsePeriodCode('2022HJ02')!, 'nader-voorlopig')).toBe('2e halfjaar 2022**');
    expect(periodLabelWithStatus(parsePeriodCode('2021JJ00')!, 'definitief')).toBe('2021');
  });

  it('reads StatLine period labels with their status marks', () => {
    expect(parsePeriodLabel('2022*')).toEqual({ period: parsePeriodCode('2022JJ00'), status: 'voorlopig' });
    expect(parsePeriodLabel('2021')?.status).toBeUndefined();
    expect(parsePeriodLabel('2023 1e halfjaar**')).toEqual({ period: parsePeriodCode('2023HJ01'), status: 'nader-voorlopig' });
    expect(parsePeriodLabel('2e halfjaar 2023*')?.period.code).toBe('2023HJ02');
    expect(parsePeriodLabel('31 december 2024')?.period.code).toBe('2024PD12');
    expect(parsePeriodLabel('2022MM04')?.period.code).toBe('2022MM04');
    expect(parsePeriodLabel('vorig jaar')).toBeUndefined();
  });

  it('orders half years before the year that contains them, as StatLine lists them', () => {
    const codes = ['2023JJ00', '2023HJ02', '2022JJ00', '2023HJ01', '2022HJ02'];
    const sorted = codes.map((c) => parsePeriodCode(c)!).sort(comparePeriods).map((p) => p.code);
    expect(sorted).toEqual(['2022HJ02', '2022JJ00', '2023HJ01', '2023HJ02', '2023JJ00']);
  });

  it('knows the days a period covers', () => {
    expect(periodRange(parsePeriodCode('2024KW01')!)).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodRange(parsePeriodCode('2024MM02')!).end).toBe('2024-02-29');
    expect(periodRange(parsePeriodCode('2025PD06')!)).toEqual({ start: '2025-06-30', end: '2025-06-30' });
  });

  it('lists the half years between two periods', () => {
    const list = halfYearsBetween(parsePeriodCode('2015HJ01')!, parsePeriodCode('2026HJ01')!);
    expect(list).toHaveLength(23);
    expect(list.at(-1)?.code).toBe('2026HJ01');
    expect(list[1]?.code).toBe('2015HJ02');
  });
});

describe('the span of a table\'s periods', () => {
  it('names half years and the years beside them apart: a year after the last half year is not the latest half year', () => {
    expect(periodSpanText(['2024HJ01', '2024HJ02', '2024JJ00', '2025HJ01', '2025HJ02', '2025JJ00'])).toBe(
      '1e halfjaar 2024 tot en met 2e halfjaar 2025; de jaren 2024 tot en met 2025',
    );
    expect(periodSpanText(['2025HJ01', '2025HJ02', '2025JJ00', '2026HJ01'])).toBe('1e halfjaar 2025 tot en met 1e halfjaar 2026; het jaar 2025');
    expect(periodSpanText(['2018JJ00', '2019JJ00'])).toBe('2018 tot en met 2019');
    expect(periodSpanText(['2025HJ01'])).toBe('1e halfjaar 2025');
    expect(periodSpanText([])).toBe('');
  });

  it('follows a table in its half years when it has them, and a yearly table in its years', () => {
    const mixed = { periods: ['2025HJ01', '2025HJ02', '2025JJ00'].map((code) => ({ code })) };
    expect(primaryPeriods(mixed, ['2025HJ01', '2025HJ02', '2025JJ00'])).toEqual(['2025HJ01', '2025HJ02']);
    const yearly = { periods: [{ code: '2024JJ00' }, { code: '2025JJ00' }] };
    expect(primaryPeriods(yearly, ['2024JJ00', '2025JJ00'])).toEqual(['2024JJ00', '2025JJ00']);
  });
});
