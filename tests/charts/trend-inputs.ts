import type { TrendChartInput, TrendPoint } from '../../src/lib/charts/types';
import { halfYears } from './fixtures';
import { mulberry32 } from '../../src/lib/demo/random';

/** A small seeded generator, so the random inputs are the same on every run. */
export const seeded = mulberry32;

const NAMES = ['Zwolle', 'Ede', 'Súdwest-Fryslân', "'s-Hertogenbosch", 'Land van Cuijk', 'Nederland', 'Jeugdregio IJsselland', 'Provincie Noord-Brabant'];
const WORDS = ['hoger', 'lager', 'niet duidelijk anders', 'duidelijk hoger', 'duidelijk lager'];
const GROUPS = ['middelste helft van de gemeenten met 100.000 tot 250.000 inwoners', 'middelste helft van alle gemeenten', 'middelste helft van de gemeenten in Overijssel'];

/**
 * A trend chart of a key measure as a fact page draws it, at random: 2 or 3 series (the first highlighted),
 * rates from 0,1–0,8% up to counts in the thousands, gaps, converted and voorlopige periods, a trend break,
 * the comparison group's range with gaps and periods that stand alone, and a marked change (sometimes
 * without the earlier figure, sometimes with a period that is not on the axis).
 */
export function randomTrendInput(seed: number): TrendChartInput {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const start = pick([2015, 2015, 2017, 2020]);
  const periods = halfYears(start, 2026, 1);
  const [base, spread, unit, decimals] = pick([
    [11, 5, '%', 1],
    [0.45, 0.35, '%', 1],
    [25, 12, 'per 1.000 jongeren', 1],
    [4200, 1500, 'aantal', 0],
  ] as const);
  const provisional = pick([1, 2]);
  const converted = pick([0, 0, 6, periods.length - 3]);
  const value = () => Math.round((base + (random() - 0.5) * spread) * 10 ** decimals) / 10 ** decimals;
  const series = Array.from({ length: pick([2, 2, 3]) }, (_, s) => ({
    label: s === 0 ? pick(NAMES.filter((n) => n !== 'Nederland')) : s === 1 ? 'Nederland' : pick(NAMES),
    ...(s === 0 ? { highlight: true } : {}),
    points: periods.map((period, i): TrendPoint => {
      const missing = s === 0 && random() < 0.1;
      return {
        period,
        value: missing ? null : value(),
        ...(missing ? { symbol: '.' } : {}),
        ...(s === 0 && i < converted ? { converted: true } : {}),
        status: i >= periods.length - provisional ? 'voorlopig' : 'definitief',
      };
    }),
  }));
  const input: TrendChartInput = { id: `random-${seed}`, title: `Willekeurige trend ${seed}`, unit, decimals, series };
  if (random() < 0.4) input.trendBreaks = [{ period: pick(periods.slice(2, -2)), note: 'Nieuwe registratie' }];
  if (random() < 0.8) {
    input.band = {
      label: pick(GROUPS),
      points: periods.flatMap((period) => {
        if (random() < 0.2) return [];
        const mid = value();
        const half = (random() * spread) / 3;
        return [{ period, low: Math.max(0, mid - half), high: mid + half }];
      }),
    };
  }
  if (random() < 0.8) {
    const to = random() < 0.9 ? periods.at(-1)! : '2027HJ01';
    const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
    input.change = { from, to, words: pick(WORDS) };
    if (random() < 0.2) {
      const point = series[0]!.points.find((p) => p.period === from);
      if (point) point.value = null;
    }
  }
  return input;
}
