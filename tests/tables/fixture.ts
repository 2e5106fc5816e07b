/**
 * A realistic table for the table tests: Nederland, the 12 provincies, 42 jeugdregio's and every gemeente
 * of each period's own indeling (345 in 2022, 342 in 2023, when Weesp joined Amsterdam and Voorne aan Zee
 * was formed), three half years with their status, a hulpvorm dimension with a total, counts, a population
 * and a derived percentage, suppressed small numbers, nihil, footnotes of every reach and a trend break.
 * Figures are made up (seeded), region totals add up from the gemeenten.
 */
import { computeDerivedMeasures, type Dataset, type ObservationRow } from '../../src/lib/data/dataset';
import type { Observation } from '../../src/lib/data/symbols';
import { convertToIndeling } from '../../src/lib/regions/convert';
import { tableSourceOf, type TableSource } from '../../src/lib/tables/table-source';
import { loadRegister } from '../../src/node/reference-fs';
import { DatasetMetaSchema, type DatasetMetaInput } from '../../src/schemas/dataset';
import { mulberry32 } from '../../src/lib/demo/random';

export const register = loadRegister();

export const fixtureMeta: DatasetMetaInput = {
  id: 'trajecten',
  title: 'Jeugdhulptrajecten; hulpvorm, regio',
  description: 'Lopende jeugdhulptrajecten per halfjaar, naar hulpvorm.',
  source: { name: 'CBS', table: '85097NED' },
  fictitious: true,
  release: '2023-10-26',
  measures: [
    { id: 'trajecten', label: 'Lopende jeugdhulptrajecten', shortLabel: 'Trajecten', unit: 'aantal', decimals: 0, countOf: 'trajecten', type: 'aantal', concept: 'trajecten-lopend', definition: 'Trajecten die op enig moment in de periode liepen.' },
    { id: 'jongeren', label: 'Jongeren met jeugdhulp', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal', concept: 'jongeren-jeugdhulp' },
    { id: 'bevolking', label: 'Jongeren tot 18 jaar', unit: 'aantal', decimals: 0, countOf: 'inwoners', type: 'aantal', concept: 'bevolking' },
    {
      id: 'jongeren_pct',
      label: 'Jongeren met jeugdhulp (%)',
      shortLabel: 'Jongeren met jeugdhulp',
      unit: '%',
      decimals: 1,
      countOf: 'personen',
      type: 'rate',
      derived: true,
      rate: { numerator: 'jongeren', denominator: 'bevolking', denominatorLabel: 'jongeren tot 18 jaar', per: 100 },
    },
  ],
  dimensions: [
    {
      id: 'hulpvorm',
      label: 'Hulpvorm',
      description: 'De vorm van de jeugdhulp.',
      codes: [
        { code: 'T001', label: 'Totaal', total: true },
        { code: '01', label: 'Jeugdhulp door wijkteam', group: 'Zonder verblijf' },
        { code: '02', label: 'Ambulant op locatie', group: 'Zonder verblijf' },
        { code: '11', label: 'Pleegzorg', group: 'Met verblijf' },
      ],
    },
  ],
  periods: [
    { code: '2022HJ01', status: 'definitief' },
    { code: '2022HJ02', status: 'definitief' },
    { code: '2023HJ01', status: 'voorlopig' },
  ],
  regions: [{ code: 'NL01', label: 'Nederland' }],
  footnotes: [
    { id: 'demo', text: 'Fictieve cijfers.', appliesTo: {} },
    { id: 'wijkteam', text: 'Niet alle wijkteams leveren gegevens aan.', appliesTo: { topics: { hulpvorm: ['01'] } } },
    { id: 'amsterdam-2023', text: 'Een aanbieder sloot en heropende alle trajecten.', appliesTo: { regions: ['GM0363'], periods: ['2023HJ01'] } },
    { id: 'pleegzorg-pct', text: 'Percentage van alle jongeren.', appliesTo: { measures: ['jongeren_pct'] } },
  ],
  trendBreaks: [{ from: '2022HJ02', measures: ['trajecten'], note: 'Nieuwe telwijze van trajecten.' }],
};

const count = (value: number): Observation => (value === 0 ? { value: 0, symbol: '-' } : value < 10 ? { value: null, symbol: '.' } : { value, symbol: null });

/** Figures per gemeente of each period's own indeling; the larger regions are sums of their gemeenten. */
export function fixtureRows(): ObservationRow[] {
  const random = mulberry32(42);
  const rows: ObservationRow[] = [];
  const shares = { '01': 0.35, '02': 0.5, '11': 0.15 } as const;
  for (const period of ['2022HJ01', '2022HJ02', '2023HJ01']) {
    const year = Number(period.slice(0, 4));
    const sums = new Map<string, number[]>();
    const add = (region: string, topic: string, values: number[]) => {
      const key = `${region}|${topic}`;
      const sum = sums.get(key) ?? [0, 0, 0];
      values.forEach((v, i) => (sum[i]! += v));
      sums.set(key, sum);
    };
    for (const g of register.gemeentenIn(year)) {
      // Schiermonnikoog-sized gemeenten get small numbers, so suppression happens where it would.
      const population = g.code === 'GM0088' ? 180 : Math.round(2000 + random() * 30000);
      const youths = Math.round(population * (0.08 + random() * 0.06));
      const totals = [0, 0, population];
      for (const [topic, share] of Object.entries(shares)) {
        const jongeren = topic === '11' && g.code === 'GM0096' ? 0 : Math.round(youths * share * (0.8 + random() * 0.4));
        const trajecten = Math.round(jongeren * 1.3);
        totals[0]! += trajecten;
        totals[1]! += jongeren;
        for (const region of [g.code, 'NL01', register.provincieOf(g.code)!, register.jeugdregioOf(g.code)!]) add(region, topic, [trajecten, jongeren, population]);
      }
      for (const region of [g.code, 'NL01', register.provincieOf(g.code)!, register.jeugdregioOf(g.code)!]) add(region, 'T001', totals);
    }
    for (const [key, [trajecten, jongeren, population]] of sums) {
      const [region, topic] = key.split('|') as [string, string];
      rows.push({ region, period, topics: [topic], cells: [count(trajecten!), count(jongeren!), { value: population!, symbol: null }, { value: null, symbol: null }] });
    }
  }
  return rows;
}

export function fixtureDataset(): Dataset {
  const meta = DatasetMetaSchema.parse({ ...fixtureMeta, regions: [{ code: 'NL01', label: 'Nederland' }] });
  const rows = fixtureRows();
  computeDerivedMeasures(meta, rows);
  meta.regions = [...new Set(rows.map((r) => r.region))].map((code) => ({ code, label: register.label(code) }));
  return { meta, rows };
}

let cached: TableSource | undefined;

/** The fixture as a table page sees it: both views, regions described, periods in order. */
export function fixtureSource(): TableSource {
  if (cached) return cached;
  const original = fixtureDataset();
  const converted = convertToIndeling(original, register);
  cached = tableSourceOf({ meta: original.meta, original, converted, periods: ['2022HJ01', '2022HJ02', '2023HJ01'] }, register);
  return cached;
}
