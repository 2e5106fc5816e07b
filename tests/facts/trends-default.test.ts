/**
 * What a review of the default build found misleading, on the default data. The middle half of a
 * comparison group in the trend charts is left out in a period where too many members' rates are suppressed
 * (their small counts would be missing and push the band up: Vlieland's size class read "0,0–0,0" for
 * jeugdreclassering from its zeros alone). A breakdown by maatregel names its rate's denominator. And a
 * trend chart draws a rate from its counts, not rounded to one decimal (0,2% and 0,3% made a line of jumps);
 * shares by hulpvorm set Nederland beside a region without wijkteam data over the same hulpvormen.
 */
import { describe, expect, it } from 'vitest';
import { breakdownsOf, uncoveredCategories } from '../../src/lib/facts/breakdowns';
import { formatNumber, parseDutchNumber } from '../../src/lib/format/number';
import { BAND_GAP_NOTE, MAX_BAND_SUPPRESSED, trendOf } from '../../src/lib/facts/trend';
import { useDefaultFacts } from './default-data';

describe('the middle half in a trend', () => {
  const data = useDefaultFacts();

  it('is left out where more than a tenth of the group has a suppressed rate, and the table says why', () => {
    const { context } = data;
    const trend = trendOf(context, 'GM0096', 'jongeren-jeugdreclassering', { band: true })!;
    const points = trend.chart.band?.points ?? [];
    const source = context.concept('jongeren-jeugdreclassering')!;
    // The group: the gemeenten of Vlieland's size class, as the band of its jeugdhulp (never suppressed there) names it.
    const groupOf = (code: string) => trendOf(context, code, 'jongeren-jeugdhulp', { band: true })?.chart.band?.label;
    const label = groupOf('GM0096')!;
    expect(label).toMatch(/^middelste helft van de gemeenten met minder dan/);
    const members = context.currentGemeenten().filter((code) => groupOf(code) === label);
    expect(members.length).toBeGreaterThan(4);
    let left = 0;
    for (const period of source.dataset.periods) {
      const cells = members.flatMap((code) => {
        const row = source.dataset.totalRow(code, period);
        return row ? [source.dataset.index.cellOf(row, source.rate!.id)] : [];
      });
      const suppressed = cells.filter((c) => c?.value === null || c?.value === undefined).length;
      const shown = points.some((p) => p.period === period);
      if (suppressed > MAX_BAND_SUPPRESSED * cells.length) {
        expect(shown, period).toBe(false);
        left++;
      } else if (cells.length - suppressed >= 4) expect(shown, period).toBe(true);
    }
    // 1e halfjaar 2019: 6 of the 13 at nihil, 7 suppressed; no band there.
    expect(points.some((p) => p.period === '2019HJ01')).toBe(false);
    expect(left).toBeGreaterThan(0);
    expect(trend.table.notes).toEqual([BAND_GAP_NOTE]);
  });

  it('is there in every period where the rates are published, with no note (Zwolle’s jeugdhulp)', () => {
    const trend = trendOf(data.context, 'GM0193', 'jongeren-jeugdhulp', { band: true })!;
    const periods = data.context.concept('jongeren-jeugdhulp')!.dataset.periods;
    expect(trend.chart.band!.points.map((p) => p.period)).toEqual([...periods]);
    expect(trend.table.notes).toBeUndefined();
  });
});

describe('a breakdown by a category that is no group of the population', () => {
  const data = useDefaultFacts();

  it('names the rate of a maatregel as a share of all jongeren, not of "die groep" (Zwolle: OTS 160 of 27.165 = 0,6%)', () => {
    const maatregel = breakdownsOf(data.context, 'GM0193').find((b) => b.dimension.id === 'maatregel')!;
    expect(maatregel.metricLabel).toBe('% van alle jongeren tot 18 jaar');
    expect(maatregel.explanation).not.toContain('in die groep');
    expect(maatregel.explanation).toContain('als deel van alle jongeren tot 18 jaar');
    const ots = maatregel.rows.find((r) => r.code === 'OTS')!;
    expect(ots.countShown).toBe('160');
    expect(ots.metricShown).toBe('0,6');
    const leeftijd = breakdownsOf(data.context, 'GM0193').find((b) => b.dimension.id === 'leeftijd')!;
    expect(leeftijd.metricLabel).toBe('% van de jongeren in die groep');
  });
});

describe('a trend chart of a rate', () => {
  const data = useDefaultFacts();

  it('draws the rate from its counts, the table printing the published figure (Zwolle’s and Nederland’s jeugdreclassering)', () => {
    const { context } = data;
    const trend = trendOf(context, 'GM0193', 'jongeren-jeugdreclassering', { band: true })!;
    const source = context.concept('jongeren-jeugdreclassering')!;
    const { dataset, rate } = source;
    const numerator = rate!.rate!.numerator!;
    const denominator = rate!.rate!.denominator!;
    let compared = 0;
    for (const [s, region] of [[0, 'GM0193'], [1, 'NL01']] as const) {
      for (const point of trend.chart.series[s]!.points) {
        const row = dataset.totalRow(region, point.period);
        const [count, population, published] = [numerator, denominator, rate!.id].map((id) => dataset.index.cellOf(row, id)?.value ?? null) as [number | null, number | null, number | null];
        if (published === null || count === null || population === null) continue;
        expect(point.value, `${region} ${point.period}`).toBeCloseTo((count / population) * 100, 10);
        expect(Math.abs(point.value! - published)).toBeLessThanOrEqual(0.05 + 1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // Nederland's line moves with its counts, not in a few steps of 0,1 as its published figures do.
    const nl = trend.chart.series[1]!.points.filter((p) => p.value !== null);
    const publishedNl = nl.map((p) => dataset.index.cellOf(dataset.totalRow('NL01', p.period), rate!.id)!.value);
    expect(new Set(publishedNl).size).toBeLessThanOrEqual(3);
    expect(new Set(nl.map((p) => p.value)).size).toBeGreaterThan(nl.length - 3);
    // The table keeps the published figure with its one decimal.
    expect(trend.table.rows.every((r) => /^(\d+,\d|\.|-|)$/.test(r.cells[0]!.shown))).toBe(true);
  });
});

describe('shares of trajecten by hulpvorm beside Nederland', () => {
  const data = useDefaultFacts();

  it('finds the categories a total leaves out: not delivered, not suppressed (hand-made counts)', () => {
    // 23.290 + 1.925 + 1.245 = 26.460: a total of 26.460 leaves the wijkteam out, one of 27.000 holds it.
    const parts = [{ code: '01', count: null }, { code: '02', count: 23290 }, { code: '03', count: 1925 }, { code: '04', count: 1245 }];
    const wijkteamLarge = () => 4000;
    expect(uncoveredCategories(parts, 26460, wijkteamLarge)).toEqual(['01']);
    expect(uncoveredCategories(parts, 26465, wijkteamLarge)).toEqual(['01']);
    expect(uncoveredCategories(parts, 27000, wijkteamLarge)).toEqual([]);
    expect(uncoveredCategories(parts.slice(1), 26460, wijkteamLarge)).toEqual([]);
    // Where the category would hold a handful at Nederland's share, a suppressed count below 10 fits the sums as
    // well as one not delivered: the page claims neither (Zwolle's rechter or officier van justitie).
    expect(uncoveredCategories(parts, 26460, () => 20)).toEqual([]);
    expect(uncoveredCategories(parts, 26460, () => null)).toEqual([]);
  });

  it('does not call Zwolle’s few trajecten from rechter or officier van justitie (.) “not delivered”: they are in its total', () => {
    const { context } = data;
    const verwijzer = breakdownsOf(context, 'GM0193').find((b) => b.dimension.id === 'verwijzer')!;
    const dataset = context.datasets.find((d) => d.meta.id === verwijzer.datasetId)!;
    const count = (region: string, code: string) => dataset.index.cellOf(dataset.index.row(region, verwijzer.period, dataset.totals.map((t, i) => (i === 0 ? code : t))), verwijzer.measure.id);
    expect(count('GM0193', '08')?.symbol).toBe('.');
    expect(verwijzer.explanation).not.toContain('geleverd');
    // Nederland beside it: its shares of all its begun trajecten.
    const huisarts = verwijzer.rows.find((r) => r.code === '01')!;
    expect(huisarts.nationalShown).toBe(formatNumber((count('NL01', '01')!.value! / count('NL01', 'T001')!.value!) * 100, 1));
  });

  it('compares Amsterdam, which delivers no wijkteam trajecten, with Nederland’s trajecten without wijkteam too', () => {
    const { context } = data;
    const hulpvorm = breakdownsOf(context, 'GM0363').find((b) => b.dimension.id === 'hulpvorm')!;
    const dataset = context.datasets.find((d) => d.meta.id === hulpvorm.datasetId)!;
    const count = (region: string, code: string) => dataset.index.cellOf(dataset.index.row(region, hulpvorm.period, dataset.totals.map((t, i) => (i === 0 ? code : t))), hulpvorm.measure.id)?.value ?? null;
    expect(count('GM0363', '01')).toBeNull();
    const nlWithoutWijkteam = count('NL01', 'T001')! - count('NL01', '01')!;
    const ambulant = hulpvorm.rows.find((r) => r.code === '02')!;
    expect(ambulant.metricShown).toBe(formatNumber((count('GM0363', '02')! / count('GM0363', 'T001')!) * 100, 1));
    expect(ambulant.nationalShown).toBe(formatNumber((count('NL01', '02')! / nlWithoutWijkteam) * 100, 1));
    expect(hulpvorm.explanation).toContain('Nederland ernaast is daarom ook zonder die hulpvorm berekend');
    // The wijkteam row itself has no share of Nederland beside it: it is not in the total compared.
    expect(hulpvorm.rows.find((r) => r.code === '01')!.nationalShown).toBe('');
    // Nederland's shares over the same hulpvormen add up to 100 within rounding.
    const shares = hulpvorm.rows.filter((r) => r.code !== '01').map((r) => parseDutchNumber(r.nationalShown!)!);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.5);
    // Zwolle delivers its wijkteam: Nederland's shares are of all its trajecten.
    const zwolle = breakdownsOf(context, 'GM0193').find((b) => b.dimension.id === 'hulpvorm')!;
    expect(zwolle.rows.find((r) => r.code === '02')!.nationalShown).toBe(formatNumber((count('NL01', '02')! / count('NL01', 'T001')!) * 100, 1));
    expect(zwolle.explanation).not.toContain('Nederland ernaast');
  });
});

describe('the notes and small rates of a breakdown', () => {
  const data = useDefaultFacts();

  it('names the total and what it leaves out, says why a rate is missing, and shows a tiny rate as more than nil', () => {
    const { context } = data;
    const zwolle = breakdownsOf(context, 'GM0193');
    const leeftijd = zwolle.find((b) => b.dimension.id === 'leeftijd')!;
    // 18 tot 23 jaar is shown beside the age groups under 18 but is not in their total.
    expect(leeftijd.total.label).toBe('Totaal tot 18 jaar');
    expect(leeftijd.total.outside).toEqual(['18 tot 23 jaar (verlengde jeugdhulp)']);
    expect(leeftijd.smallDenominator).toBe(false);
    // Vlieland: 10 youths of 12 to 18 with jeugdhulp out of fewer than 50: no rate, and the note says why.
    const vlieland = breakdownsOf(context, 'GM0096').find((b) => b.dimension.id === 'leeftijd')!;
    const teens = vlieland.rows.find((r) => r.code === '12-18')!;
    expect([teens.countShown, teens.metricShown]).toEqual(['10', '.']);
    expect(vlieland.smallDenominator).toBe(true);
    // Voorlopige voogdij in Nederland: some hundreds of youths, 0,0% when rounded; shown from the counts.
    const maatregel = zwolle.find((b) => b.dimension.id === 'maatregel')!;
    const vvoogdij = maatregel.rows.find((r) => r.code === 'VVOOGDIJ')!;
    const source = context.datasets.find((d) => d.meta.id === maatregel.datasetId)!;
    const row = source.index.row('NL01', maatregel.period, ['VVOOGDIJ']);
    const [youths, all] = [source.index.cellOf(row, 'jongeren_jeugdbescherming')!.value!, source.index.cellOf(row, 'jongeren_tot_18')!.value!];
    expect(youths).toBeGreaterThan(100);
    expect(formatNumber((youths / all) * 100, 1)).toBe('0,0');
    expect(vvoogdij.nationalShown).toBe(formatNumber((youths / all) * 100, 2));
    expect(vvoogdij.nationalShown).not.toBe('0,00');
  });
});

describe('the bars of a breakdown', () => {
  const data = useDefaultFacts();

  it('say what its table says: Overijssel’s few youths under voorlopige voogdij are not 0,0%', () => {
    const { context } = data;
    const overijssel = context.register.provincies().find((p) => p.naam === 'Overijssel')!;
    const maatregel = breakdownsOf(context, overijssel.code).find((b) => b.dimension.id === 'maatregel')!;
    let small = 0;
    for (const row of maatregel.rows) {
      const bar = maatregel.chart.bars.find((b) => b.label === row.label)!;
      if (row.metric === null) continue;
      expect(bar.printed, row.label).toBe(row.metricShown);
      // A category with youths in it never prints as none.
      if ((row.count?.value ?? 0) > 0) expect(parseDutchNumber(bar.printed!)!, row.label).toBeGreaterThan(0);
      if (row.metric === 0 && (row.count?.value ?? 0) > 0) small++;
    }
    expect(small).toBeGreaterThan(0);
  });
});
