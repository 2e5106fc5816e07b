/** No rate on a tiny denominator: below MIN_RATE_DENOMINATOR a rate derived from counts is unknown ("."). */
import { describe, expect, it } from 'vitest';
import { computeDerivedMeasures, computeRate, MIN_RATE_DENOMINATOR, minimumDenominatorText, withMinimumDenominator } from '../../src/lib/data/dataset';
import { JEUGDZORG_WIJKEN } from '../../src/lib/import/profiles';
import { wijkenSpec, JEUGDHULP_SPEC } from '../../src/lib/demo/spec';
import { DatasetMetaSchema } from '../../src/schemas/dataset';

const n = (value: number) => ({ value, symbol: null });

describe('the minimum denominator of a derived rate', () => {
  it('leaves a rate out below 50 in the denominator: WK003437 has 10 youths per 30 inhabitants', () => {
    expect(MIN_RATE_DENOMINATOR).toBe(50);
    expect(computeRate(n(10), n(30), 1000, 1)).toEqual({ value: null, symbol: '.' });
    expect(computeRate(n(10), n(49), 100, 1)).toEqual({ value: null, symbol: '.' });
    expect(computeRate(n(10), n(50), 1000, 1)).toEqual({ value: 200, symbol: null });
    // Nothing to divide by: cannot occur; a suppressed part stays suppressed.
    expect(computeRate(n(10), { value: 0, symbol: '-' }, 1000, 1)).toEqual({ value: null, symbol: '' });
    expect(computeRate({ value: null, symbol: '.' }, n(30), 1000, 1)).toEqual({ value: null, symbol: '.' });
  });

  it('applies wherever rates are derived from counts', () => {
    const meta = DatasetMetaSchema.parse({
      id: 'w',
      title: 'W',
      description: 'W.',
      source: { name: 'CBS' },
      release: '2023-04-28',
      measures: [
        { id: 'jongeren', label: 'Jongeren', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
        { id: 'inwoners', label: 'Inwoners', unit: 'aantal', decimals: 0, countOf: 'inwoners', type: 'aantal' },
        { id: 'per_1000', label: 'Per 1.000', unit: 'per 1.000 inwoners', decimals: 1, countOf: 'personen', type: 'rate', derived: true, rate: { numerator: 'jongeren', denominator: 'inwoners', denominatorLabel: 'inwoners', per: 1000 } },
      ],
      periods: [{ code: '2022JJ00', status: 'voorlopig' }],
      regions: [{ code: 'WK003437', label: 'Gooisekant' }],
    });
    const rows = [
      { region: 'WK003437', period: '2022JJ00', topics: [], cells: [n(10), n(30), { value: null, symbol: null }] },
      { region: 'WK003402', period: '2022JJ00', topics: [], cells: [n(70), n(2860), { value: null, symbol: null }] },
    ];
    computeDerivedMeasures(meta, rows);
    expect(rows.map((r) => r.cells[2])).toEqual([{ value: null, symbol: '.' }, { value: 24.5, symbol: null }]);
  });

  it('is said in the definition of every derived rate, of the real tables and the demonstration data', () => {
    expect(minimumDenominatorText({ rate: { per: 1000, denominatorLabel: 'inwoners' } })).toBe(
      'Niet berekend (.) bij een noemer van minder dan 50: één meer of minder in de teller verandert het cijfer dan al met 20 per 1.000.',
    );
    expect(minimumDenominatorText({ rate: { per: 100, denominatorLabel: 'jongeren' } })).toContain('2 procentpunt');
    const real = JEUGDZORG_WIJKEN.derived!.map(withMinimumDenominator);
    for (const m of real) expect(m.definition).toContain('Niet berekend (.) bij een noemer van minder dan 50');
    // Once only.
    expect(withMinimumDenominator(real[0]!).definition).toBe(real[0]!.definition);
    for (const spec of [wijkenSpec(40), JEUGDHULP_SPEC]) {
      for (const m of spec.measures.filter((x) => x.derived)) expect(m.definition, m.id).toContain('bij een noemer van minder dan 50');
    }
  });

  it('rounds a rate that lies exactly halfway up, as CBS does, whatever binary floating point makes of the quotient', () => {
    const count = (value: number) => ({ value, symbol: null });
    // (865 / 10.000) × 100 is 8,6499999… in floating point; the rate is 8,65 and rounds to 8,7.
    expect(computeRate(count(865), count(10000), 100, 1).value).toBe(8.7);
    expect(computeRate(count(115), count(400), 100, 1).value).toBe(28.8);
    // Per 1.000: 1 of 80 is 12,5 per 1.000, with no decimals 13.
    expect(computeRate(count(1), count(80), 1000, 0).value).toBe(13);
    // Not halfway: as before.
    expect(computeRate(count(864), count(10000), 100, 1).value).toBe(8.6);
    expect(computeRate(count(1000), count(3000), 100, 1).value).toBe(33.3);
  });
});
