import { describe, expect, it } from 'vitest';
import { changeOf, changeSentences, yearEarlierPeriod, type PeriodRate } from '../../src/lib/facts/change';
import { comparedRateOf } from '../../src/lib/facts/chance';
import { judgeChange, judgeRecentTrend, printedOrder, VERDICT_TEXT } from '../../src/lib/stats/verdict';
import { fixture } from './fixture';

const { context, register } = fixture();

describe('change since a year earlier', () => {
  it('finds the same period a year earlier', () => {
    expect(yearEarlierPeriod('2026HJ01')).toBe('2025HJ01');
    expect(yearEarlierPeriod('2025HJ02')).toBe('2024HJ02');
    expect(yearEarlierPeriod('2022JJ00')).toBe('2021JJ00');
  });

  it('judges the latest half year against the same half year a year earlier, from the counts', () => {
    const change = changeOf(context, 'GM0363', 'jongeren-jeugdhulp')!;
    expect(change.latest.period).toBe('2024HJ01');
    expect(change.yearEarlier!.period).toBe('2023HJ01');
    const { dataset, rate } = context.concept('jongeren-jeugdhulp')!;
    const read = (p: string) => comparedRateOf(dataset.index, dataset.totalRow('GM0363', p), rate!);
    expect(change.change).toEqual(judgeChange(read('2023HJ01'), read('2024HJ01'), { kind: 'proportion', per: 100, decimals: 1 }));
    expect(change.recent.map((r) => r.period)).toEqual(['2022HJ01', '2022HJ02', '2023HJ01', '2023HJ02', '2024HJ01']);
  });

  it('never states a change against the printed figures, for any gemeente and rate', () => {
    let judged = 0;
    for (const { code } of register.currentGemeenten()) {
      for (const concept of ['jongeren-jeugdhulp', 'jongeren-jeugdbescherming', 'jongeren-jeugdreclassering', 'trajecten-lopend'] as const) {
        const c = changeOf(context, code, concept);
        if (!c?.change.verdict || !c.yearEarlier) continue;
        judged++;
        const order = printedOrder(c.latest.rate.shown!, c.yearEarlier.rate.shown!, c.rateMeasure.decimals);
        if (c.change.verdict.endsWith('hoger')) expect(order).toBe(1);
        if (c.change.verdict.endsWith('lager')) expect(order).toBe(-1);
        if (order === 0) expect(c.change.verdict).toBe('niet-duidelijk-anders');
        expect(c.sentences[1]).toContain(`${VERDICT_TEXT[c.change.verdict].than} een jaar eerder`);
      }
    }
    expect(judged).toBeGreaterThan(500);
  });

  it('does not compare across a trend break, and starts the recent trend after it', () => {
    // The fixture's jeugdreclassering has a break at 2021HJ01; its series starts 2020HJ02.
    const { dataset, rate } = context.concept('jongeren-jeugdreclassering')!;
    expect(dataset.meta.trendBreaks[0]!.from).toBe('2021HJ01');
    const c = changeOf(context, 'GM0363', 'jongeren-jeugdreclassering')!;
    expect(c.recent.every((r) => r.period >= '2021HJ01')).toBe(true);
    expect(rate).toBeDefined();
  });

  it('says it in plain Dutch with the printed figures', () => {
    const rate = context.concept('jongeren-jeugdhulp')!.rate!;
    const at = (period: string, label: string, count: number, shown: number): PeriodRate => ({ period, label, rate: { count, denominator: 27400, shown } });
    const latest = at('2024HJ01', '1e halfjaar 2024*', 3300, 12.0);
    const earlier = at('2023HJ01', '1e halfjaar 2023**', 2950, 10.8);
    const recent = [at('2022HJ01', '1e halfjaar 2022', 2900, 10.6), at('2022HJ02', '2e halfjaar 2022', 3000, 10.9), earlier, at('2023HJ02', '2e halfjaar 2023**', 3200, 11.7), latest];
    const unit = { kind: 'proportion', per: 100, decimals: 1 } as const;
    const change = judgeChange(earlier.rate, latest.rate, unit);
    const trend = judgeRecentTrend(recent.map((r) => r.rate), unit);
    expect(change.verdict).toBe('duidelijk-hoger');
    expect(changeSentences(rate, latest, earlier, change, recent, trend)).toEqual([
      'In het 1e halfjaar 2024*: 12,0%.',
      'Dat is duidelijk hoger dan een jaar eerder (10,8% in het 1e halfjaar 2023).',
      'Over de laatste vijf halfjaren (1e halfjaar 2022 tot en met 1e halfjaar 2024) ging het cijfer duidelijk omhoog: van 10,6% naar 12,0%.',
    ]);
    expect(changeSentences(rate, latest, undefined, { verdict: undefined, reason: 'te-weinig-perioden' }, [latest], { direction: undefined, reason: 'te-weinig-perioden' })).toEqual([
      'In het 1e halfjaar 2024*: 12,0%.',
      'Geen oordeel over de verandering sinds een jaar eerder: er zijn te weinig vergelijkbare perioden.',
    ]);
  });
});
