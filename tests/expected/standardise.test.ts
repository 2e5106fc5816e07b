/**
 * Indirect standardisation pinned against values computed by hand, on a small made-up table and on the
 * default data (Amsterdam's expected count recomputed here from data/jeugdhulp/observations.csv itself).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { expectedCount, judgeObservedExpected, ratioInterval, standardisedOverdispersion, stratumRates } from '../../src/lib/expected/standardise';
import { siteExpected } from '../../src/lib/expected/site';
import { useDefaultFacts } from '../facts/default-data';

describe('indirect standardisation on a made-up table', () => {
  // Nederland: group a 100 of 1.000 (10%), group b 50 of 2.000 (2,5%). The gemeente: 200 in a, 400 in b, 45 counted.
  const rates = stratumRates([
    { stratum: 'a', count: 100, population: 1000 },
    { stratum: 'b', count: 50, population: 2000 },
  ])!;
  const o = { observed: 45, expected: expectedCount([{ stratum: 'a', population: 200 }, { stratum: 'b', population: 400 }], rates)!, population: 600 };

  it('expects 200 × 0,1 + 400 × 0,025 = 30, a ratio of 1,5', () => {
    expect(o.expected).toBeCloseTo(30, 12);
    expect(o.observed / o.expected).toBeCloseTo(1.5, 12);
  });

  it('gives the ratio the Byar interval of 43 (lowest) and 47 (highest), divided by 30', () => {
    // By hand: 43·(1 − 1/387 − 1,959964/(3√43))³ / 30 and 48·(1 − 1/432 + 1,959964/(3√48))³ / 30.
    const interval = ratioInterval(o);
    expect(interval.lower).toBeCloseTo(1.037206, 6);
    expect(interval.upper).toBeCloseTo(2.083382, 6);
  });

  it('judges 45 against 30 as hoger: 43/600 = 0,0717 lies above the 95% limit 0,0689 but below the 99,8% limit 0,0810', () => {
    expect(judgeObservedExpected(o, 0)).toEqual({ verdict: 'hoger' });
    // With the usual spread between gemeenten wide enough, the same figures are niet duidelijk anders.
    expect(judgeObservedExpected(o, 0.01)).toEqual({ verdict: 'niet-duidelijk-anders' });
    // Fewer than 5 expected: too few for a verdict.
    expect(judgeObservedExpected({ observed: 5, expected: 4, population: 600 }, 0)).toEqual({ verdict: undefined, reason: 'te-weinig' });
  });

  it('has no expected count when a group’s youths or Nederland’s rate are unknown', () => {
    expect(expectedCount([{ stratum: 'a', population: null }, { stratum: 'b', population: 400 }], rates)).toBeUndefined();
    expect(stratumRates([{ stratum: 'a', count: null, population: 1000 }])).toBeUndefined();
  });

  it('measures no spread beyond chance when every gemeente counts exactly what it could expect', () => {
    const units = [100, 400, 900, 1600].map((n) => ({ observed: n * 0.1, expected: n * 0.1, population: n }));
    expect(standardisedOverdispersion(units).tau2).toBe(0);
  });
});

describe('indirect standardisation on the default data', () => {
  const facts = useDefaultFacts();
  const rows = Papa.parse<Record<string, string>>(readFileSync('data/jeugdhulp/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
  const cell = (regio: string, period: string, leeftijd: string, geslacht: string, measure: string) =>
    Number(rows.find((r) => r.regio === regio && r.perioden === period && r.leeftijd === leeftijd && r.geslacht === geslacht)![measure]);

  it('gives Amsterdam the expected count computed straight from the CSV: Σ its youths per age group and sex × Nederland’s rate', () => {
    const measure = siteExpected(facts.context).find((m) => m.concept === 'jongeren-jeugdhulp')!;
    expect(measure.standardisedBy).toEqual(['leeftijd', 'geslacht']);
    const period = measure.dataset.latestPeriod;
    let expected = 0;
    let youths = 0;
    for (const age of ['00-04', '04-12', '12-18']) {
      for (const sex of ['3000', '4000']) {
        const rate = cell('NL01', period, age, sex, 'jongeren_jeugdhulp') / cell('NL01', period, age, sex, 'jongeren');
        expected += cell('GM0363', period, age, sex, 'jongeren') * rate;
        youths += cell('GM0363', period, age, sex, 'jongeren');
      }
    }
    const amsterdam = measure.period(period).gemeenten.get('GM0363')!;
    expect(amsterdam.observed).toBe(cell('GM0363', period, 'T001', 'T001038', 'jongeren_jeugdhulp'));
    expect(amsterdam.population).toBe(youths);
    expect('absent' in amsterdam.standardised).toBe(false);
    if ('absent' in amsterdam.standardised) return;
    expect(amsterdam.standardised.expected).toBeCloseTo(expected, 6);
    expect(amsterdam.standardised.ratio).toBeCloseTo(amsterdam.observed! / expected, 9);
  });

  it('expects, over all gemeenten together, about as many as were counted (the national rates come from them)', () => {
    const measure = siteExpected(facts.context).find((m) => m.concept === 'jongeren-jeugdhulp')!;
    const p = measure.period(measure.dataset.latestPeriod);
    let observed = 0;
    let expected = 0;
    for (const g of p.gemeenten.values()) {
      if ('absent' in g.standardised || g.observed === null) continue;
      observed += g.observed;
      expected += g.standardised.expected;
    }
    expect(Math.abs(observed / expected - 1)).toBeLessThan(0.01);
  });

  it('says plainly that jeugdbescherming and jeugdreclassering have no split by age and sex', () => {
    for (const concept of ['jongeren-jeugdbescherming', 'jongeren-jeugdreclassering'] as const) {
      const measure = siteExpected(facts.context).find((m) => m.concept === concept)!;
      expect(measure.standardisedBy).toEqual([]);
      const g = measure.period(measure.dataset.latestPeriod).gemeenten.get('GM0363')!;
      expect(g.standardised).toEqual({ absent: 'geen-uitsplitsing' });
    }
  });
});
