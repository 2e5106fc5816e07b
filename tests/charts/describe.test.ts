import { describe, expect, it } from 'vitest';
import { convertedSentence, describeBars, describeChoropleth, describeTrend } from '../../src/lib/charts/describe';
import { quantileClasses } from '../../src/lib/charts/classes';
import type { TrendChartInput } from '../../src/lib/charts/types';
import { amsterdamTrend, halfYears } from './fixtures';

/** Amsterdam, 1e halfjaar 2015 to 1e halfjaar 2026, figures before 2023 converted, the last one voorlopig. */
function amsterdamTrend2015to2026(): TrendChartInput {
  const periods = halfYears(2015, 2026, 1);
  return amsterdamTrend({ periods, value: (i) => (i === 0 ? 12300 : i === periods.length - 1 ? 15500 : 12300 + i * 100) });
}

describe('text alternative of a trend chart', () => {
  it('says how the figure changed, from when to when, with status and conversion', () => {
    expect(describeTrend(amsterdamTrend2015to2026())).toBe(
      'Het aantal jongeren met jeugdhulp in Amsterdam steeg van 12.300 in het 1e halfjaar 2015 tot 15.500 in het 1e halfjaar 2026 (voorlopig). ' +
        'Cijfers vóór 2023 zijn omgerekend naar de huidige indeling.',
    );
  });

  it('mentions a fall, a peak, gaps, comparisons and trend breaks, without a change across a break', () => {
    const input: TrendChartInput = {
      id: 'jr',
      title: 'Jeugdreclassering',
      unit: '%',
      decimals: 1,
      series: [
        {
          label: 'Utrecht',
          highlight: true,
          points: [
            { period: '2020HJ01', value: 0.6 },
            { period: '2020HJ02', value: 0.9 },
            { period: '2021HJ01', value: null, symbol: '.' },
            { period: '2021HJ02', value: 0.4, status: 'nader-voorlopig' },
          ],
        },
        { label: 'Nederland', points: [{ period: '2020HJ01', value: 0.5 }, { period: '2021HJ02', value: 0.45 }] },
      ],
    };
    expect(describeTrend(input)).toBe(
      'Het cijfer voor Utrecht daalde van 0,6% in het 1e halfjaar 2020 tot 0,4% in het 2e halfjaar 2021 (nader voorlopig). ' +
        'Het hoogste cijfer was 0,9% in het 2e halfjaar 2020. ' +
        'Ter vergelijking: Nederland bleef op 0,5%. ' +
        'Voor 1 periode is er geen cijfer (afgeschermd of ontbreekt); de lijn is daar onderbroken.',
    );
    // With a trend break inside the line, the fall from 0,9% to 0,4% is not told: the two sides are not
    // comparable. The change is told from the break on.
    const broken: TrendChartInput = {
      ...input,
      series: [
        { ...input.series[0]!, points: [...input.series[0]!.points, { period: '2022HJ01', value: 0.3 }] },
        { label: 'Nederland', points: [{ period: '2020HJ01', value: 0.5 }, { period: '2021HJ02', value: 0.45 }, { period: '2022HJ01', value: 0.41 }] },
      ],
      trendBreaks: [{ period: '2021HJ01', note: 'Nieuwe manier van aanleveren' }],
    };
    expect(describeTrend(broken)).toBe(
      'Sinds de trendbreuk in het 1e halfjaar 2021: het cijfer voor Utrecht daalde van 0,4% in het 2e halfjaar 2021 (nader voorlopig) tot 0,3% in het 1e halfjaar 2022. ' +
        'Ter vergelijking: Nederland van 0,5% tot 0,4%. ' +
        'Voor 1 periode is er geen cijfer (afgeschermd of ontbreekt); de lijn is daar onderbroken. ' +
        'Trendbreuk vanaf 1e halfjaar 2021: Nieuwe manier van aanleveren.',
    );
  });

  it('calls a change under 2% steady and handles a series without figures', () => {
    const steady = describeTrend({
      id: 's',
      title: 't',
      unit: 'per 1.000 jongeren',
      decimals: 1,
      series: [{ label: 'Ede', points: [{ period: '2024HJ01', value: 45.1 }, { period: '2024HJ02', value: 45.5 }] }],
    });
    expect(steady).toBe('Het cijfer voor Ede bleef ongeveer gelijk: 45,1 per 1.000 jongeren in het 1e halfjaar 2024 en 45,5 per 1.000 jongeren in het 2e halfjaar 2024.');
    const empty = describeTrend({ id: 'e', title: 't', unit: '%', decimals: 1, series: [{ label: 'Vlieland', points: [{ period: '2024HJ01', value: null, symbol: '.' }] }] });
    expect(empty).toBe('Het cijfer voor Vlieland: geen cijfer (afgeschermd of ontbreekt) in alle perioden.');
  });

  it('names the last converted period when conversion does not end at a year', () => {
    expect(convertedSentence([{ period: '2022HJ01', value: 1, converted: true }, { period: '2022HJ02', value: 1 }])).toBe(
      'Cijfers tot en met 1e halfjaar 2022 zijn omgerekend naar de huidige indeling.',
    );
    expect(convertedSentence([{ period: '2022HJ01', value: 1 }])).toBeUndefined();
  });
});

describe('text alternative of a bar chart', () => {
  it('lists the bars and says which have no figure and why', () => {
    expect(
      describeBars({
        id: 'b',
        title: 'Hulpvorm',
        unit: '%',
        decimals: 1,
        bars: [
          { label: 'wijkteam', value: 20.1 },
          { label: 'ambulant', value: 45.2 },
          { label: 'daghulp', value: 1234.5 },
          { label: 'netwerk', value: null, symbol: '.' },
          { label: 'gesloten plaatsing', value: null, symbol: 'x' },
          { label: 'pleegzorg', value: null, symbol: '.' },
        ],
      }),
    ).toBe(
      'wijkteam: 20,1%; ambulant: 45,2%; daghulp: 1.234,5%. Het grootst is daghulp. ' +
        'Geen cijfer voor netwerk en pleegzorg (afgeschermd of ontbreekt). Geen cijfer voor gesloten plaatsing (geheim).',
    );
  });

  it('says a value as its table prints it, so a rate of a few youths is not read as none', () => {
    expect(
      describeBars({
        id: 'b',
        title: 'Maatregel',
        unit: '%',
        decimals: 1,
        bars: [
          { label: 'Ondertoezichtstelling', value: 0.6, printed: '0,6' },
          { label: 'Voorlopige voogdij', value: 0, printed: '0,02' },
        ],
      }),
    ).toBe('Ondertoezichtstelling: 0,6%; Voorlopige voogdij: 0,02%.');
  });
});

describe('text alternative of a map', () => {
  it('summarises the distribution: range, median and gemeenten without a figure', () => {
    const values = [
      { code: 'GM0001', label: 'A', value: 4.2 },
      { code: 'GM0002', label: 'B', value: 8.8 },
      { code: 'GM0003', label: 'C', value: 12.5 },
      { code: 'GM0004', label: 'D', value: null },
    ];
    const classes = quantileClasses([4.2, 8.8, 12.5], 1, 5);
    expect(describeChoropleth({ unit: '%', decimals: 1, values, classes, highlight: 'GM0004' })).toBe(
      'Kaart van de 4 gemeenten. De cijfers lopen van 4,2% tot 12,5%; de mediaan is 8,8%. ' +
        `Hoe donkerder de kleur, hoe hoger het cijfer (${classes.classes.length} klassen met elk ongeveer evenveel gemeenten). ` +
        'Voor 1 gemeente is er geen cijfer (afgeschermd of ontbreekt); die zijn gearceerd. D (omlijnd): geen cijfer (afgeschermd of ontbreekt).',
    );
  });
});
