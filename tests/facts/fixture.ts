/**
 * A realistic, deterministic data set for the fact-page tests, on the real register of gemeenten: six
 * datasets as the demonstration data has them (half years 2020–2024 across the herindelingen of 2021 and
 * 2023, each period on its own indeling, counts rounded to 5 and small ones suppressed, a Nederland row but
 * no provincie or jeugdregio rows), put through the same conversion the site uses.
 */
import { RowIndex, computeDerivedMeasures, type Dataset, type ObservationRow } from '../../src/lib/data/dataset';
import { comparePeriods, parsePeriodCode } from '../../src/lib/data/periods';
import type { Observation } from '../../src/lib/data/symbols';
import { FactsContext, type SourceDataset } from '../../src/lib/facts/context';
import { convertToIndeling } from '../../src/lib/regions/convert';
import type { RegionRegister } from '../../src/lib/regions/register';
import { loadRegister } from '../../src/node/reference-fs';
import { DatasetMetaSchema, type DatasetMetaInput } from '../../src/schemas/dataset';

export const register = loadRegister({ latestYear: 2024 });

export const HALF_YEARS = ['2020HJ02', '2021HJ01', '2021HJ02', '2022HJ01', '2022HJ02', '2023HJ01', '2023HJ02', '2024HJ01'];
const status = (code: string) =>
  code.startsWith('2024') ? 'voorlopig' : code.startsWith('2023') ? 'nader-voorlopig' : 'definitief';
const periods = (codes: string[]) => codes.map((code) => ({ code, status: status(code) as 'voorlopig' }));

/** A stable factor per gemeente between 0,75 and 1,3, so gemeenten differ the same way in every period. */
export function character(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return 0.75 + (h % 1000) / 1000 * 0.55;
}

function youths(register: RegionRegister, code: string): number {
  const p = register.populationOf(code, 2022) ?? register.populationOf(code, 2021);
  return Math.round((p?.inwoners ?? 20000 + (character(code) - 0.75) * 40000) * 0.2);
}

/** CBS rounds counts to multiples of 5 and hides those below 10. */
function published(raw: number): Observation {
  if (raw === 0) return { value: 0, symbol: '-' };
  const rounded = Math.round(raw / 5) * 5;
  if (rounded < 10) return { value: null, symbol: '.' };
  return { value: rounded, symbol: null };
}
const exact = (value: number): Observation => ({ value, symbol: null });
const derived: Observation = { value: null, symbol: null };

const base = {
  description: 'Fictieve testcijfers.',
  source: { name: 'CBS' },
  fictitious: true,
  release: '2024-10-31',
} as const;

/** A small dataset meta for a unit test: the given measures and whatever else the test sets. */
export function testMeta(fields: Omit<DatasetMetaInput, keyof typeof base | 'id' | 'title'>) {
  return DatasetMetaSchema.parse({ ...base, id: 'jeugdhulp', title: 'Jongeren met jeugdhulp', ...fields });
}

type MeasureInput = DatasetMetaInput['measures'][number];
type Concept = NonNullable<MeasureInput['concept']>;

/** A count measure of persons, trajecten or inhabitants. */
function count(id: string, label: string, countOf: MeasureInput['countOf'], concept?: Concept): MeasureInput {
  return { id, label, unit: 'aantal', decimals: 0, countOf, type: 'aantal', ...(concept ? { concept } : {}) };
}

/** A derived rate of a count over a population, per 100 or per 1.000. */
function rate(id: string, label: string, numerator: string, denominator: string, denominatorLabel: string, per: 100 | 1000 = 100): MeasureInput {
  return {
    id, label, unit: per === 100 ? '%' : 'per 1.000 jongeren', decimals: 1, countOf: 'personen', type: 'rate', derived: true,
    rate: { numerator, denominator, denominatorLabel, per },
  };
}

function jeugdhulpMeta(regions: DatasetMetaInput['regions']): DatasetMetaInput {
  const pct = (id: string, label: string, numerator: string) => rate(id, label, numerator, 'jongeren_tot_18', 'jongeren tot 18 jaar');
  return {
    ...base,
    id: 'jeugdhulp',
    title: 'Jongeren met jeugdhulp; regio',
    measures: [
      count('jongeren_jeugdhulp', 'Jongeren met jeugdhulp', 'personen', 'jongeren-jeugdhulp'),
      count('jongeren_zonder_verblijf', 'Jongeren met jeugdhulp zonder verblijf', 'personen', 'jongeren-jeugdhulp-zonder-verblijf'),
      count('jongeren_met_verblijf', 'Jongeren met jeugdhulp met verblijf', 'personen', 'jongeren-jeugdhulp-met-verblijf'),
      count('jongeren_tot_18', 'Jongeren tot 18 jaar', 'inwoners', 'bevolking'),
      pct('pct_jeugdhulp', 'Jongeren met jeugdhulp (%)', 'jongeren_jeugdhulp'),
      pct('pct_zonder_verblijf', 'Jeugdhulp zonder verblijf (%)', 'jongeren_zonder_verblijf'),
      pct('pct_met_verblijf', 'Jeugdhulp met verblijf (%)', 'jongeren_met_verblijf'),
    ],
    dimensions: [
      {
        id: 'leeftijd',
        label: 'Leeftijd',
        codes: [
          { code: 'T001', label: 'Totaal tot 18 jaar', total: true },
          { code: '00-04', label: '0 tot 4 jaar' },
          { code: '04-12', label: '4 tot 12 jaar' },
          { code: '12-18', label: '12 tot 18 jaar' },
        ],
      },
    ],
    periods: periods(HALF_YEARS),
    regions,
    footnotes: [
      { id: 'woonplaatsbeginsel', text: 'Jeugdhulp telt mee in de gemeente waar de gezaghebbende ouder woont (woonplaatsbeginsel).', appliesTo: {} },
      { id: 'amsterdam-2021', text: 'Amsterdam leverde over 2021 onvolledige gegevens.', appliesTo: { regions: ['GM0363'], periods: ['2021HJ01', '2021HJ02'] } },
      { id: 'utrecht', text: 'Utrecht registreerde anders.', appliesTo: { regions: ['GM0344'] } },
    ],
  };
}

const AGE_SHARE: Record<string, number> = { '00-04': 0.22, '04-12': 0.44, '12-18': 0.34 };
const AGE_USE: Record<string, number> = { '00-04': 0.35, '04-12': 1.1, '12-18': 1.25 };

function jeugdhulpRows(register: RegionRegister, code: string, period: string, t: number): ObservationRow[] {
  const y = youths(register, code);
  const rate = 0.09 * character(code) * (1 + 0.02 * t);
  return ['T001', '00-04', '04-12', '12-18'].map((age) => {
    const pop = age === 'T001' ? y : Math.round(y * AGE_SHARE[age]!);
    const n = pop * rate * (age === 'T001' ? 1 : AGE_USE[age]!);
    return {
      region: code,
      period,
      topics: [age],
      cells: [published(n), published(n * 0.9), published(n * 0.12), exact(pop), derived, derived, derived],
    };
  });
}

function trajectenMeta(regions: DatasetMetaInput['regions']): DatasetMetaInput {
  return {
    ...base,
    id: 'jeugdhulptrajecten',
    title: 'Jeugdhulptrajecten; hulpvorm, regio',
    measures: [
      count('trajecten_lopend', 'Lopende trajecten', 'trajecten', 'trajecten-lopend'),
      count('trajecten_gestart', 'Gestarte trajecten', 'trajecten', 'trajecten-gestart'),
      count('trajecten_beeindigd', 'Beëindigde trajecten', 'trajecten', 'trajecten-beeindigd'),
    ],
    dimensions: [
      {
        id: 'hulpvorm',
        label: 'Hulpvorm',
        codes: [
          { code: 'T001', label: 'Totaal', total: true },
          { code: '01', label: 'Jeugdhulp door wijkteam', group: 'Zonder verblijf' },
          { code: '02', label: 'Ambulant op locatie', group: 'Zonder verblijf' },
          { code: '11', label: 'Pleegzorg', group: 'Met verblijf' },
        ],
      },
    ],
    periods: periods(HALF_YEARS),
    regions,
    footnotes: [
      { id: 'wijkteam', text: 'Niet alle wijkteams leveren gegevens aan.', appliesTo: { topics: { hulpvorm: ['01'] } } },
    ],
  };
}

function trajectenRows(register: RegionRegister, code: string, period: string, t: number): ObservationRow[] {
  const n = youths(register, code) * 0.13 * character(code) * (1 + 0.01 * t);
  const shares: Record<string, number> = { T001: 1, '01': 0.25, '02': 0.6, '11': 0.15 };
  return Object.entries(shares).map(([hulpvorm, share]) => ({
    region: code,
    period,
    topics: [hulpvorm],
    cells: [published(n * share), published(n * share * 0.45), published(n * share * 0.4)],
  }));
}

function jeugdreclasseringMeta(regions: DatasetMetaInput['regions']): DatasetMetaInput {
  return {
    ...base,
    id: 'jeugdreclassering',
    title: 'Jongeren met jeugdreclassering; regio',
    measures: [
      count('jongeren_jr', 'Jongeren met jeugdreclassering', 'personen', 'jongeren-jeugdreclassering'),
      count('jongeren_12_23', 'Jongeren van 12 tot 23 jaar', 'inwoners', 'bevolking'),
      rate('jr_per_1000', 'Jongeren met jeugdreclassering per 1.000', 'jongeren_jr', 'jongeren_12_23', 'jongeren van 12 tot 23 jaar', 1000),
    ],
    periods: periods(HALF_YEARS),
    regions,
    trendBreaks: [{ from: '2021HJ01', note: 'Vanaf 2021 is de registratie van jeugdreclassering veranderd.' }],
  };
}

function jeugdreclasseringRows(register: RegionRegister, code: string, period: string, t: number): ObservationRow[] {
  const pop = Math.round(youths(register, code) * 0.65);
  const n = pop * 0.0028 * character(code) * (t >= 1 ? 1.12 : 1);
  return [{ region: code, period, topics: [], cells: [published(n), exact(pop), derived] }];
}

function wijkenMeta(regions: DatasetMetaInput['regions']): DatasetMetaInput {
  return {
    ...base,
    id: 'jeugdhulp-wijken',
    title: 'Jongeren met jeugdhulp; wijken',
    measures: [
      count('jongeren_jeugdhulp', 'Jongeren met jeugdhulp', 'personen', 'jongeren-jeugdhulp'),
      count('inwoners_tot_18', 'Inwoners tot 18 jaar', 'inwoners', 'bevolking'),
      rate('pct', 'Jongeren met jeugdhulp (%)', 'jongeren_jeugdhulp', 'inwoners_tot_18', 'jongeren tot 18 jaar'),
    ],
    periods: [{ code: '2022JJ00', status: 'definitief' }],
    regions,
  };
}

function build(meta: DatasetMetaInput, rows: ObservationRow[], register: RegionRegister): SourceDataset {
  const parsed = DatasetMetaSchema.parse(meta);
  computeDerivedMeasures(parsed, rows);
  const original: Dataset = { meta: parsed, rows };
  const converted = convertToIndeling(original, register);
  const sorted = parsed.periods.map((p) => parsePeriodCode(p.code)!).sort(comparePeriods).map((p) => p.code);
  return { meta: parsed, original, converted, periods: sorted };
}

/** Adds a Nederland row per period and topic combination: the sum of all gemeenten, a hidden cell counted as 7 (CBS sums before it suppresses). */
function withNederland(rows: ObservationRow[], measuresToSum: number[]): ObservationRow[] {
  const sums = new Map<string, ObservationRow>();
  for (const row of rows) {
    const key = `${row.period}|${row.topics.join('|')}`;
    let nl = sums.get(key);
    if (!nl) sums.set(key, (nl = { region: 'NL01', period: row.period, topics: row.topics, cells: row.cells.map(() => ({ value: 0, symbol: null })) }));
    for (const i of measuresToSum) nl.cells[i] = { value: (nl.cells[i]!.value ?? 0) + (row.cells[i]!.value ?? 7), symbol: null };
  }
  for (const nl of sums.values()) nl.cells = nl.cells.map((c, i) => (measuresToSum.includes(i) ? c : derived));
  return [...rows, ...sums.values()];
}

export interface Fixture {
  register: RegionRegister;
  datasets: SourceDataset[];
  context: FactsContext;
}

let cached: Fixture | undefined;

export function fixture(): Fixture {
  if (cached) return cached;
  const perPeriod = (make: (r: RegionRegister, code: string, period: string, t: number) => ObservationRow[]) =>
    HALF_YEARS.flatMap((period, t) => register.gemeentenIn(parsePeriodCode(period)!.year).flatMap((g) => make(register, g.code, period, t)));
  const regionList = (rows: ObservationRow[]) =>
    [...new Set(rows.map((r) => r.region))].map((code) => ({ code, label: register.label(code) }));

  const jh = withNederland(perPeriod(jeugdhulpRows), [0, 1, 2, 3]);
  const tr = withNederland(perPeriod(trajectenRows), [0, 1, 2]);
  const jr = withNederland(perPeriod(jeugdreclasseringRows), [0, 1]);
  const wijkRows: ObservationRow[] = ['GM0363', 'GM1680'].flatMap((gm) =>
    register.wijkenOf(gm, 2022).map((w) => {
      const pop = Math.round((w.inwoners ?? 0) * 0.18);
      return { region: w.code, period: '2022JJ00', topics: [], cells: [published(pop * 0.12 * character(w.code)), exact(pop), derived] };
    }),
  );
  const datasets = [
    build(jeugdhulpMeta(regionList(jh)), jh, register),
    build(trajectenMeta(regionList(tr)), tr, register),
    build(jeugdreclasseringMeta(regionList(jr)), jr, register),
    build(wijkenMeta(regionList(wijkRows)), wijkRows, register),
  ];
  cached = { register, datasets, context: new FactsContext(register, datasets) };
  return cached;
}

/** The published (unconverted) index of a fixture dataset, for checking numbers by hand. */
export function publishedIndex(id: string): RowIndex {
  return new RowIndex(fixture().datasets.find((d) => d.meta.id === id)!.original);
}
