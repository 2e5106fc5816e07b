import { describe, expect, it } from 'vitest';
import { PopulationModel, aged12to23, trendIndex, under18, youthGroups } from '../../src/lib/demo/population';
import { formerPopulation, register } from './helpers';

const model = () => new PopulationModel(register(), formerPopulation(), { first: 2015, last: 2026 });

describe('youth populations of the demonstration data', () => {
  it('has a positive population for every gemeente of every year’s indeling', () => {
    const m = model();
    for (let year = 2015; year <= 2026; year++) {
      for (const g of register().gemeentenIn(year)) {
        const v = m.vector(g.code, year);
        expect(v.jong, `${g.code} ${year}`).toBeGreaterThan(0);
        expect(v.tiener, `${g.code} ${year}`).toBeGreaterThan(0);
        expect(under18(m.groups(g.code, year)), `${g.code} ${year}`).toBeGreaterThan(50);
      }
    }
  });

  it('covers every gemeente that ceased before the reference years with an estimate', () => {
    const covered = new Set(formerPopulation().map((f) => f.code));
    const missing = register()
      .formerGemeenten()
      .filter((g) => !register().populationOf(g.code, 2021) && !register().populationOf(g.code, 2022))
      .filter((g) => !covered.has(g.code) && g.code !== 'GM0241'); // Groesbeek only changed its name (Berg en Dal)
    expect(missing.map((g) => g.code)).toEqual([]);
  });

  it('adds up around herindelingen: a receiving gemeente before = after minus what it absorbed', () => {
    const m = model();
    const base2018 = m.baseOf(2018);
    const base2019 = m.baseOf(2019);
    // Haren and Ten Boer went to Groningen in 2019.
    const groningen = base2018.get('GM0014')!.inwoners + base2018.get('GM0017')!.inwoners + base2018.get('GM0009')!.inwoners;
    expect(groningen).toBeCloseTo(base2019.get('GM0014')!.inwoners, 0);
    // Amsterdam 2023 is Amsterdam and Weesp of 2022.
    expect(m.baseOf(2023).get('GM0363')!.inwoners).toBeCloseTo(m.baseOf(2022).get('GM0363')!.inwoners + m.baseOf(2022).get('GM0457')!.inwoners, 0);
    expect(m.baseOf(2022).get('GM0363')!.inwoners).toBe(register().populationOf('GM0363', 2022)!.inwoners);
  });

  it('gives Nederland about 3,3 million youths under 18 and a mild trend', () => {
    const m = model();
    const total = (year: number) => register().gemeentenIn(year).reduce((s, g) => s + under18(m.groups(g.code, year)), 0);
    for (const year of [2015, 2022, 2026]) {
      expect(total(year)).toBeGreaterThan(3.1e6);
      expect(total(year)).toBeLessThan(3.6e6);
    }
    expect(Math.abs(total(2016) / total(2015) - 1)).toBeLessThan(0.02);
    expect(trendIndex('PV26', 2022)).toBe(1);
  });

  it('splits the Kerncijfers bands into the jeugd age bands', () => {
    const groups = youthGroups({ inwoners: 100_000, jong: 16_000, tiener: 12_000 });
    expect(under18(groups)).toBeCloseTo(16_000 + 0.215 * 16_000, 6);
    expect(aged12to23(groups)).toBeGreaterThan(under18(groups) * 0.5);
    expect(groups['04-12'].jongens).toBeGreaterThan(groups['04-12'].meisjes);
  });
});
