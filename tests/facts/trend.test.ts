import { describe, expect, it } from 'vitest';
import { breakdownsOf } from '../../src/lib/facts/breakdowns';
import { memberTable } from '../../src/lib/facts/members';
import { FactsContext } from '../../src/lib/facts/context';
import { regionFacts, regionTrend } from '../../src/lib/facts/region-facts';
import { countsTrendOf, trendOf } from '../../src/lib/facts/trend';
import { wijkenOf } from '../../src/lib/facts/wijken';
import { fixture, HALF_YEARS } from './fixture';

const { context, register } = fixture();

describe('trend on the latest indeling', () => {
  it('covers every half year, marks the converted ones (Amsterdam before Weesp joined) and the status', () => {
    const trend = trendOf(context, 'GM0363', 'jongeren-jeugdhulp')!;
    expect(trend.table.rows.map((r) => r.period)).toEqual(HALF_YEARS);
    const [own, nl] = trend.chart.series;
    expect(own!.highlight).toBe(true);
    expect(nl!.label).toBe('Nederland');
    expect(own!.points.filter((p) => p.converted).map((p) => p.period)).toEqual(['2020HJ02', '2021HJ01', '2021HJ02', '2022HJ01', '2022HJ02']);
    expect(own!.points.at(-1)!.status).toBe('voorlopig');
    expect(trend.table.rows.at(-1)!.label).toBe('1e halfjaar 2024*');
    expect(trend.table.rows.find((r) => r.period === '2023HJ01')!.label).toBe('1e halfjaar 2023**');
    expect(trend.table.hasConverted).toBe(true);
  });

  it('marks a trend break within the series, not one before it', () => {
    const jr = trendOf(context, 'GM0363', 'jongeren-jeugdreclassering')!;
    expect(jr.chart.trendBreaks).toEqual([{ period: '2021HJ01', note: 'Vanaf 2021 is de registratie van jeugdreclassering veranderd.' }]);
    expect(jr.table.rows.find((r) => r.period === '2021HJ01')!.breakNote).toContain('registratie');
    expect(trendOf(context, 'GM0363', 'jongeren-jeugdhulp')!.chart.trendBreaks).toBeUndefined();
  });

  it('follows the count alone where the data has no rate for it', () => {
    const trend = trendOf(context, 'GM0363', 'trajecten-lopend')!;
    expect(trend.chart.unit).toBe('aantal');
    expect(trend.chart.series.map((s) => s.label)).toEqual(['Amsterdam']);
    expect(trend.table.columns).toEqual([{ label: 'Aantal', unit: 'trajecten' }]);
  });

  it('a former gemeente has its own series up to its last period', () => {
    const haaren = trendOf(context, 'GM0788', 'jongeren-jeugdhulp', { published: true })!;
    expect(haaren.table.rows.map((r) => r.period)).toEqual(['2020HJ02']);
    expect(haaren.chart.series[0]!.points).toHaveLength(1);
    const weesp = countsTrendOf(context, 'GM0457', { published: true })!;
    expect(weesp.rows.map((r) => r.period)).toEqual(HALF_YEARS.slice(0, 5));
    expect(weesp.columns.map((c) => c.unit)).toContain('aantal trajecten');
  });
});

describe('breakdowns, wijken and members', () => {
  it('breaks trajecten down by hulpvorm as shares of all trajecten, persons by age as a rate', () => {
    const [hulpvorm, leeftijd] = breakdownsOf(context, 'GM1680');
    expect(hulpvorm!.dimension.id).toBe('hulpvorm');
    expect(hulpvorm!.metricLabel).toBe('aandeel van alle trajecten');
    expect(hulpvorm!.rows.map((r) => r.group)).toEqual(['Zonder verblijf', 'Zonder verblijf', 'Met verblijf']);
    const shares = hulpvorm!.rows.map((r) => r.metric!);
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThan(95);
    expect(hulpvorm!.chart.bars.map((b) => b.group)).toEqual(['Zonder verblijf', 'Zonder verblijf', 'Met verblijf']);
    expect(leeftijd!.dimension.id).toBe('leeftijd');
    expect(leeftijd!.metricUnit).toBe('%');
    expect(leeftijd!.rows[2]!.nationalShown).toMatch(/^\d+,\d$/);
  });

  it('lists the wijken of a gemeente with figures, none for a gemeente without wijk rows', () => {
    const wijken = wijkenOf(context, 'GM0363')!;
    expect(wijken.rows).toHaveLength(register.wijkenOf('GM0363', 2022).length);
    expect(wijken.periodLabel).toBe('2022');
    expect(wijken.columns.map((c) => `${c.label} ${c.unit}`)).toEqual(['Jongeren met jeugdhulp aantal jongeren', '% van jongeren tot 18 jaar']);
    expect(wijkenOf(context, 'GM0088')).toBeUndefined();
  });

  it('lists the gemeenten of a jeugdregio with their key figure', () => {
    const members = memberTable(context, register.membersOf('JZ04').map((g) => g.code))!;
    expect(members.rows.map((r) => r.naam)).toContain('Aa en Hunze');
    expect(members.rows.every((r) => r.href?.startsWith('/gemeente/'))).toBe(true);
    expect(members.rateColumn).toEqual({ label: '%', unit: 'van jongeren tot 18 jaar' });
  });

  it('gives an embed the trend its fact page shows, without making the rest of the page', () => {
    for (const code of ['NL01', 'PV22', 'JZ04', 'GM0363', 'GM1680']) expect(regionTrend(context, code), code).toEqual(regionFacts(context, code).trends[0]);
    expect(regionTrend(context, 'GM0363')).toBeDefined();
  });

  it('makes the trends of a region once for the pages that show them, and lets them go after the last', () => {
    // A context of its own: the others' tests read these regions too. Its pages: a gemeente's fact page and
    // its embed; Nederland's also on the home page.
    const own = new FactsContext(register, fixture().datasets);
    const page = regionFacts(own, 'GM0363').trends[0];
    expect(regionTrend(own, 'GM0363')).toBe(page);
    const again = regionTrend(own, 'GM0363');
    expect(again).not.toBe(page);
    expect(again).toEqual(page);
    const nederland = regionTrend(own, 'NL01');
    expect(regionFacts(own, 'NL01').trends[0]).toBe(nederland);
    expect(regionFacts(own, 'NL01').trends[0]).toBe(nederland);
    expect(regionTrend(own, 'NL01')).not.toBe(nederland);
  });

  it('marks the key figures of a provincie without rows of its own as computed from the gemeenten', () => {
    expect(regionFacts(context, 'PV22').aggregated).toBe(true);
    expect(regionFacts(context, 'NL01').aggregated).toBe(false);
  });
});
