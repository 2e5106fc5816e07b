import type { TrendChartInput } from '../../src/lib/charts/types';

/** Half-year codes from the 1e halfjaar of `from` to the `lastHalf` of `to`. */
export function halfYears(from: number, to: number, lastHalf: 1 | 2 = 2): string[] {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (const h of [1, 2]) if (y < to || h <= lastHalf) out.push(`${y}HJ0${h}`);
  return out;
}

/**
 * Jongeren met jeugdhulp in Amsterdam per half year: figures before 2023 converted to the current indeling
 * (Weesp joined in 2022), the last `provisional` periods voorlopig, and a suppressed figure where asked.
 */
export function amsterdamTrend(options: { id?: string; periods: string[]; value: (i: number) => number | null; provisional?: number }): TrendChartInput {
  const { periods, value, provisional = 1 } = options;
  return {
    id: options.id ?? 'trend-amsterdam',
    title: 'Jongeren met jeugdhulp in Amsterdam',
    unit: 'aantal',
    decimals: 0,
    subject: 'het aantal jongeren met jeugdhulp',
    series: [
      {
        label: 'Amsterdam',
        highlight: true,
        points: periods.map((period, i) => {
          const v = value(i);
          return {
            period,
            value: v,
            symbol: v === null ? '.' : null,
            converted: Number(period.slice(0, 4)) < 2023,
            status: i >= periods.length - provisional ? ('voorlopig' as const) : ('definitief' as const),
          };
        }),
      },
    ],
  };
}
