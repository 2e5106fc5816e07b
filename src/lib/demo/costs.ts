/**
 * Fictitious spending on youth care per gemeente and year (dataset `kosten-jeugd`): the lasten on Iv3 taakvelden
 * 6.72 (maatwerkdienstverlening 18-) and 6.82 (geëscaleerde zorg 18-), begroting and realisatie.
 *
 * The costs follow the demonstration data's own use, so a table of spending and a table of use tell one story:
 * - 6.72 is the running jeugdhulptrajecten of the year (the mean of its two half years) times a price per
 *   traject, far higher with verblijf than without; wijkteam trajecten are left out (gemeenten book their
 *   wijkteams on 6.2, which this table does not count);
 * - 6.82 is the youths with jeugdbescherming and jeugdreclassering times a price per youth;
 * - each gemeente pays its own prices (a factor of its own, and a little more or less each year);
 * - bookings differ: some gemeenten book part of 6.72 on 6.82, some part on 6.2 (then it is missing here), and
 *   many rearranged their bookings with the finer taakvelden of 2023;
 * - the realisatie overruns the begroting by about 7% (gemeenten have budgeted too little for youth care for
 *   years), more in some gemeenten and years, less in others.
 * The realisatie of a year comes with the jaarrekening, in the summer after the year: an April release has the
 * latest year's begroting only (the year is voorlopig), the October release after it has its realisatie too.
 *
 * Prices are calibrated to CBS's orders of magnitude (lasten 6.72 and 6.82 together about 5,5 billion euro in 2022).
 * Every draw comes from its own stream (`Random.for(seed, 'kosten', …)`), so this dataset changes no other figure.
 */
import type { Observation } from '../data/symbols';
import type { Period, PeriodStatus } from '../data/periods';
import {
  AMOUNT_PARTS,
  KOSTEN_DATASET,
  KOSTEN_MEASURE_IDS,
  KOSTEN_TREND_BREAKS,
  VERSLAGSOORTEN,
  amountMeasure,
  kostenFootnotes,
  perInwonerMeasure,
  perJongereMeasure,
} from '../data/kosten-jeugd';
import { HULPVORMEN } from './model';
import type { DatasetPlan } from './plans';
import { under18 } from './population';
import { Random } from './random';
import { fictitiousCommon, POPULATION_SOURCE, type DatasetSpec } from './spec';
import type { DemoWorld } from './world';

export const KOSTEN_FIRST_YEAR = 2017;

/** Euro per running traject per year in 2022, and per youth with a measure; prices rise 3% a year. */
const PRICE_2022 = { zonderVerblijf: 7_000, metVerblijf: 25_000, jeugdbescherming: 12_000, jeugdreclassering: 5_000 };
const PRICE_GROWTH = 0.03;

/** One gemeente in one year, in euros, unrounded; realisatie undefined when not delivered. */
export interface GemeenteCosts {
  begroting: { maatwerk: number; geescaleerd: number };
  realisatie?: { maatwerk: number; geescaleerd: number };
  jongeren: number;
  inwoners: number;
  /** The use the costs follow: running trajecten with and without verblijf, youths with a measure (year means). */
  use: { zonderVerblijf: number; metVerblijf: number; jeugdbescherming: number; jeugdreclassering: number };
}

function yearUse(world: DemoWorld, code: string, year: number): GemeenteCosts['use'] {
  const use = { zonderVerblijf: 0, metVerblijf: 0, jeugdbescherming: 0, jeugdreclassering: 0 };
  for (const half of [1, 2] as const) {
    const f = world.halfYear(code, year, half);
    f.trajecten.forEach((t, h) => {
      const vorm = HULPVORMEN[h]!;
      if (vorm.code === '01' || Number.isNaN(t.lopend)) return;
      if (vorm.verblijf) use.metVerblijf += t.lopend / 2;
      else use.zonderVerblijf += t.lopend / 2;
    });
    use.jeugdbescherming += f.jb.total / 2;
    use.jeugdreclassering += f.jr / 2;
  }
  return use;
}

/** How a gemeente books in an era (before 2023 and from 2023, the finer taakvelden): shares of 6.72 booked elsewhere. */
function bookings(world: DemoWorld, code: string, year: number): { to682: number; to62: number } {
  const era = year >= 2023 ? 2023 : 2017;
  const r = Random.for(world.seed, 'kosten', 'boeking', code, era);
  const to682 = r.chance(0.2) ? r.uniform(0.03, 0.15) : 0;
  const to62 = r.chance(0.15) ? r.uniform(0.03, 0.12) : 0;
  return { to682, to62 };
}

/** The costs of a gemeente in a year (on that year's indeling); realisatie only up to `lastRealisatieYear`. */
export function gemeenteCosts(world: DemoWorld, code: string, year: number, lastRealisatieYear: number): GemeenteCosts {
  const use = yearUse(world, code, year);
  const own = Random.for(world.seed, 'kosten', code);
  const priceLevel = Math.exp(0.15 * own.normal());
  const yearly = Random.for(world.seed, 'kosten', code, year);
  const prices = (1 + PRICE_GROWTH) ** (year - 2022) * priceLevel * yearly.factor(0.04);
  const maatwerk = (use.zonderVerblijf * PRICE_2022.zonderVerblijf + use.metVerblijf * PRICE_2022.metVerblijf) * prices;
  const geescaleerd = (use.jeugdbescherming * PRICE_2022.jeugdbescherming + use.jeugdreclassering * PRICE_2022.jeugdreclassering) * prices;
  const booked = bookings(world, code, year);
  const realised = { maatwerk: maatwerk * (1 - booked.to682 - booked.to62), geescaleerd: geescaleerd + maatwerk * booked.to682 };
  // Budgeted too little, by about 7%: the realisatie is the begroting times the overrun.
  const overrun = Math.exp(0.07 + 0.06 * yearly.normal());
  const jongeren = Math.round(under18(world.population.groups(code, year)));
  const inwoners = Math.round(world.population.vector(code, year).inwoners);
  return {
    begroting: { maatwerk: realised.maatwerk / overrun, geescaleerd: realised.geescaleerd / overrun },
    ...(year <= lastRealisatieYear ? { realisatie: realised } : {}),
    jongeren,
    inwoners,
    use,
  };
}

/**
 * The values the generator adds up for Nederland, provincies and jeugdregio's: the four amounts (× 1.000 euro;
 * NaN for a realisatie not delivered), the youths, the inhabitants, one per gemeente and one per gemeente that
 * delivered its realisatie. A region's realisatie is published only when all its gemeenten delivered it.
 */
export function costSums(c: GemeenteCosts): Float64Array {
  return Float64Array.from([
    c.begroting.maatwerk / 1000,
    c.begroting.geescaleerd / 1000,
    c.realisatie ? c.realisatie.maatwerk / 1000 : NaN,
    c.realisatie ? c.realisatie.geescaleerd / 1000 : NaN,
    c.jongeren,
    c.inwoners,
    1,
    c.realisatie ? 1 : 0,
  ]);
}

const UNKNOWN: Observation = { value: null, symbol: '.' };
const whole = (value: number): Observation => ({ value: Math.round(value), symbol: null });

/**
 * The published cells (in the order of KOSTEN_MEASURE_IDS) from summed values. Amounts are rounded to thousands
 * of euros and the total is the sum of its rounded parts; the rates are computed from the published total, so a
 * reader recomputes them from the table.
 */
export function costCells(v: Float64Array): Observation[] {
  const [b672, b682, r672, r682, jongeren, inwoners, gemeenten, delivered] = v as unknown as number[];
  const bySoort = VERSLAGSOORTEN.map((soort) => {
    const known = soort === 'begroting' || delivered === gemeenten;
    const [m, g] = soort === 'begroting' ? [b672!, b682!] : [r672!, r682!];
    if (!known) return { maatwerk: UNKNOWN, geescaleerd: UNKNOWN, jeugd: UNKNOWN, perJongere: UNKNOWN, perInwoner: UNKNOWN };
    const maatwerk = Math.round(m);
    const geescaleerd = Math.round(g);
    const jeugd = maatwerk + geescaleerd;
    return {
      maatwerk: whole(maatwerk),
      geescaleerd: whole(geescaleerd),
      jeugd: whole(jeugd),
      perJongere: jongeren! > 0 ? whole((jeugd * 1000) / jongeren!) : UNKNOWN,
      perInwoner: inwoners! > 0 ? whole((jeugd * 1000) / inwoners!) : UNKNOWN,
    };
  });
  return [
    ...bySoort.map((s) => s.jeugd),
    ...bySoort.map((s) => s.maatwerk),
    ...bySoort.map((s) => s.geescaleerd),
    ...bySoort.map((s) => s.perJongere),
    ...bySoort.map((s) => s.perInwoner),
    whole(jongeren!),
    whole(inwoners!),
  ];
}

const FICTITIOUS_COSTS = 'Fictief: gemaakt door het rekenmodel van deze site uit het fictieve jeugdhulpgebruik van de gemeente.';

export function kostenSpec(): DatasetSpec {
  return {
    id: KOSTEN_DATASET,
    title: 'Lasten jeugdzorg van gemeenten; begroting en realisatie, taakveld',
    shortTitle: 'Kosten jeugdzorg',
    ...fictitiousCommon(
      'Gemeenten; onbewerkte Iv3-data',
      'Wat gemeenten per jaar uitgeven aan jeugdhulp, jeugdbescherming en jeugdreclassering: de lasten op de ' +
        'taakvelden 6.72 (maatwerkdienstverlening 18-) en 6.82 (geëscaleerde zorg 18-) volgens hun begroting en hun ' +
        'jaarrekening (realisatie), ook per jongere tot 18 jaar en per inwoner. Uitgaven zijn geen gebruik, en ' +
        'gemeenten boeken niet allemaal op dezelfde manier; zie de voetnoten. Nederland, provincies en jeugdregio’s ' +
        'zijn de som van hun gemeenten.',
    ),
    dimensions: [],
    measures: [
      ...VERSLAGSOORTEN.map((s) => amountMeasure('jeugd', s, FICTITIOUS_COSTS)),
      ...VERSLAGSOORTEN.map((s) => amountMeasure('maatwerk', s, FICTITIOUS_COSTS)),
      ...VERSLAGSOORTEN.map((s) => amountMeasure('geescaleerd', s, FICTITIOUS_COSTS)),
      ...VERSLAGSOORTEN.map((s) => perJongereMeasure(s)),
      ...VERSLAGSOORTEN.map((s) => perInwonerMeasure(s)),
      {
        id: 'jongeren_tot_18',
        label: 'Jongeren tot 18 jaar',
        unit: 'aantal',
        decimals: 0,
        countOf: 'inwoners',
        type: 'aantal',
        definition: 'Het aantal inwoners jonger dan 18 jaar op 1 januari: de noemer van de lasten per jongere. Dezelfde jongeren als in de andere tabellen.',
        source: POPULATION_SOURCE,
      },
      {
        id: 'inwoners',
        label: 'Inwoners',
        unit: 'aantal',
        decimals: 0,
        countOf: 'inwoners',
        type: 'aantal',
        definition: 'Het aantal inwoners op 1 januari: de noemer van de lasten per inwoner. Dezelfde inwoners als in de kenmerken van gemeenten.',
        source: POPULATION_SOURCE,
      },
    ],
    footnotes: kostenFootnotes(),
    trendBreaks: KOSTEN_TREND_BREAKS,
  };
}

/**
 * The plan the demo generator fills the dataset with: one row per region and year from 2017. A year's realisatie
 * is published once the year is definitief (the October release after it); before that only its begroting.
 */
export function kostenPlan(): DatasetPlan {
  const stored = [...KOSTEN_MEASURE_IDS];
  if (stored.length !== AMOUNT_PARTS.length * 2 + 6) throw new Error('kosten-jeugd: maten en cellen lopen uiteen');
  return {
    spec: kostenSpec(),
    periodKind: 'jaar',
    firstYear: KOSTEN_FIRST_YEAR,
    combos: [[]],
    stored,
    width: 8,
    // Amounts as the gemeenten delivered them; the demo does not revise them between releases.
    revisable: stored.map(() => false),
    nihil: () => false,
    values(world: DemoWorld, code: string, period: Period, status: PeriodStatus) {
      return costSums(gemeenteCosts(world, code, period.year, status === 'definitief' ? period.year : period.year - 1));
    },
    cells: (values) => costCells(values),
  };
}
