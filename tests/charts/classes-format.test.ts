import { describe, expect, it } from 'vitest';
import { classIndex, quantileClasses, quantileClassNote } from '../../src/lib/charts/classes';
import { formatChartValue, niceZeroDomain, tickDecimals, tickFormatter } from '../../src/lib/charts/format';
import { contrastRatio, GROUP_COLOR, HIGHLIGHT_COLOR, MAP_BORDER_COLOR, OTHER_COLOR, REFERENCE_COLOR, SEQUENTIAL_BLUES, SERIES_COLORS, relativeLuminance } from '../../src/lib/charts/palette';
import { compactSvgNumbers, pathBounds, relativePolygonPath } from '../../src/lib/charts/svg-compact';
import { inPeriod, periodPosition, yearTicks, sortedPeriods } from '../../src/lib/charts/period-axis';
import { comparePeriods, parsePeriodCode } from '../../src/lib/data/periods';

describe('map classes', () => {
  const values = Array.from({ length: 342 }, (_, i) => Math.round((4 + (i % 97) * 0.13 + Math.floor(i / 97)) * 10) / 10);

  it('makes five quantile classes that hold about a fifth each, with exact nl-NL bounds', () => {
    const { thresholds, classes } = quantileClasses(values, 1);
    expect(classes).toHaveLength(5);
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(342);
    for (const c of classes) expect(c.count).toBeGreaterThan(342 / 5 - 15);
    // Every value is in exactly the class whose label contains it.
    for (const v of values) {
      const c = classes[classIndex(v, thresholds)]!;
      expect(v).toBeGreaterThanOrEqual(c.min);
      expect(v).toBeLessThanOrEqual(c.max);
    }
    // Class i ends one step (0,1) below where class i + 1 starts.
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.min - classes[i - 1]!.max).toBeCloseTo(0.1, 9);
    expect(classes[0]!.label).toMatch(/^\d+,\d tot en met \d+,\d$/);
  });

  it('drops classes that would be empty and copes with one value or none', () => {
    // The 20%, 40% and 60% quantiles are all 3: one class boundary remains, at the 80% quantile (4,2 → 4).
    expect(quantileClasses([3, 3, 3, 3, 9], 0).classes.map((c) => [c.label, c.count])).toEqual([
      ['3', 4],
      ['4 tot en met 9', 1],
    ]);
    expect(quantileClasses([7], 0).classes).toEqual([{ min: 7, max: 7, count: 1, label: '7' }]);
    expect(quantileClasses([], 0).classes).toEqual([]);
    expect(quantileClassNote(5)).toContain('een vijfde van de gemeenten');
  });
});

describe('chart number formats', () => {
  it('writes values and ticks in nl-NL', () => {
    expect(formatChartValue(15500, 'aantal', 0)).toBe('15.500');
    expect(formatChartValue(6.25, '%', 1)).toBe('6,3%');
    expect(formatChartValue(45.1, 'per 1.000 jongeren', 1)).toBe('45,1 per 1.000 jongeren');
    expect(tickDecimals(5)).toBe(0);
    expect(tickDecimals(0.5)).toBe(1);
    expect(tickDecimals(0.25)).toBe(2);
    const { domain, ticks } = niceZeroDomain([12300, 15500]);
    expect(domain).toEqual([0, 20000]);
    expect(ticks.map(tickFormatter(ticks))).toEqual(['0', '5.000', '10.000', '15.000', '20.000']);
    const small = niceZeroDomain([0.3, 1.2]);
    expect(small.ticks.map(tickFormatter(small.ticks))).toEqual(['0,0', '0,2', '0,4', '0,6', '0,8', '1,0', '1,2']);
  });

  it('places periods in the middle of their time and labels years without a thousands separator', () => {
    const periods = sortedPeriods(['2016HJ01', '2015HJ02', '2015HJ01', '2015JJ00']);
    expect(periods.map((p) => p.code)).toEqual(['2015HJ01', '2015HJ02', '2015JJ00', '2016HJ01']);
    expect(periods.map(periodPosition)).toEqual([2015.25, 2015.75, 2015.5, 2016.25]);
    expect(yearTicks(periods)).toEqual([2015.5, 2016.5]);
    expect(inPeriod(parsePeriodCode('2025PD06')!)).toBe('op 30 juni 2025');
    // The same order as comparePeriods, for every kind of period.
    const mixed = ['2024MM06', '2024PD06', '2024JJ00', '2024HJ01', '2024KW02', '2024PD12', '2024HJ02', '2024MM12', '2024KW04', '2024MM01', '2023JJ00'];
    const expected = mixed.map((c) => parsePeriodCode(c)!).sort(comparePeriods).map((p) => p.code);
    expect(sortedPeriods(mixed).map((p) => p.code)).toEqual(expected);
    expect(inPeriod(parsePeriodCode('2025JJ00')!)).toBe('in 2025');
  });
});

describe('palette', () => {
  it('gives every colour that carries meaning 3:1 contrast with white', () => {
    for (const color of [...SERIES_COLORS, HIGHLIGHT_COLOR, GROUP_COLOR, OTHER_COLOR, REFERENCE_COLOR, MAP_BORDER_COLOR]) {
      expect(contrastRatio(color, '#FFFFFF'), color).toBeGreaterThanOrEqual(3);
    }
    expect(SERIES_COLORS).not.toContain(HIGHLIGHT_COLOR);
  });

  it('orders the map classes from light to dark, so they stay ordered in grey print', () => {
    for (const scheme of Object.values(SEQUENTIAL_BLUES)) {
      const l = scheme.map(relativeLuminance);
      for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]!);
    }
  });
});

describe('compact SVG', () => {
  it('rewrites polygons as relative moves with the same outline', () => {
    const d = 'M457,68.71L447.04,74.66L449.7,77.8ZM10,10L20,10L20,20Z';
    const compact = relativePolygonPath(d);
    expect(compact).toBe('M457,68.7l-10,6 2.7,3.1zM10,10l10,0 0,10z');
    expect(pathBounds(compact)).toEqual({ x0: 10, y0: 10, x1: 457, y1: 77.8 });
    expect(relativePolygonPath('M0,0A1,1 0 0 1 2,2')).toBe('M0,0A1,1 0 0 1 2,2');
  });

  it('rounds coordinates but leaves text alone', () => {
    expect(compactSvgNumbers('<circle cx="1.23456" cy="-0.04" r="3"></circle><text x="2.06">0.123</text>')).toBe(
      '<circle cx="1.2" cy="0" r="3"></circle><text x="2.1">0.123</text>',
    );
  });
});
