/**
 * How each demonstration dataset is filled from the underlying figures of a gemeente (world.ts): its topic
 * combinations, its stored measures, and which cells may show nihil. One plan per dataset; the generator
 * (generate.ts) does regions, aggregation, disclosure and releases for all of them alike.
 */
import type { Period, PeriodStatus } from '../data/periods';
import type { Observation } from '../data/symbols';
import type { WijkRecord } from '../regions/register';
import { kenmerkenPlan } from './characteristics';
import { kostenPlan } from './costs';
import { gemeenteHouseholds, HOUSEHOLDS, wijkHouseholds } from './households';
import { gemeenteTrajectenByVerwijzer, WIJK_VERWIJZERS, wijkTrajecten } from './wijk-trajecten';
import { aged12to23, under18, type AgeBand } from './population';
import { discloseCount, SUPPRESSION_THRESHOLD } from './disclosure';
import { JR_SOORTEN, MAATREGELEN } from './model';
import {
  EINDE_SPEC,
  STROOM_SPEC,
  TERUGKEER_FOLLOW_UP_HALF_YEARS,
  TERUGKEER_SPEC,
  JEUGDBESCHERMING_SPEC,
  JEUGDBESCHERMING_TRAJECTEN_SPEC,
  JEUGDHULP_SPEC,
  JEUGDRECLASSERING_SPEC,
  JEUGDRECLASSERING_TRAJECTEN_SPEC,
  TRAJECTEN_SPEC,
  VERWIJZERS_SPEC,
  wijkenSpec,
  type DatasetSpec,
} from './spec';
import { SEXES, VERBLIJF_KINDS, WIJK_KNOWN, youthsUnder18, type DemoWorld, type EindeFigures, type PeriodFigures, type Sex } from './world';

export interface ExtraRegion {
  code: string;
  label: string;
  /** The gemeente whose revisions it follows. */
  gemeente: string;
  values: Float64Array;
}

export interface DatasetPlan {
  spec: DatasetSpec;
  periodKind: 'halfjaar' | 'jaar';
  /** A half-year table that also publishes each whole year (2025JJ00 beside 2025HJ01 and 2025HJ02), as CBS's do. */
  withYears?: boolean;
  /** First year of the series; a yearly series ends with the last year the release publishes. */
  firstYear: number;
  /** Topic codes of each row, in the order of spec.dimensions; one empty combination without dimensions. */
  combos: string[][];
  /** Ids of the stored measures, in the order of spec.measures. */
  stored: string[];
  /** Population measures are not revised between releases. */
  revisable: boolean[];
  /**
   * Per stored measure, the stored measure whose revision factor it takes, where measures add up to another
   * (duration classes to ended trajecten): a part and its total then move together. Without it each measure has its own.
   */
  revisedLike?: readonly number[];
  /**
   * Per stored measure (after revisedLike), another table's measure whose revision factor it takes: the same
   * figures published in two tables (the begun and ended trajecten, see DisclosurePolicy.publishedElsewhere)
   * are revised alike in both, so every release's two tables agree.
   */
  revisedAs?: ReadonlyArray<{ datasetId: string; measure: number } | undefined>;
  /**
   * A table whose figures of a half year rest on the data of a later one (who came back within a year): a half
   * year is published once `halfYears` later ones are, with their status. The stored measures in `measures`
   * rest on those later data and are revised with them; the others are the period's own figures, revised as
   * the period is (as in the table that publishes them too).
   */
  followUp?: { halfYears: number; measures: readonly number[] };
  /**
   * Can this stored measure not occur in this period (a category that did not exist yet)? Its cells are then
   * empty, as CBS leaves a figure that cannot occur, never a zero or nihil.
   */
  cannotOccur?(period: Period, measure: number): boolean;
  /** May an exact zero in this cell show as nihil (`-`)? */
  nihil(combo: number, measure: number): boolean;
  /**
   * Underlying whole numbers of a gemeente in a period, combos × stored measures, row-major; NaN = not delivered.
   * `status` is the period's status in the release being made (definitief in the current one's own figures).
   */
  values(world: DemoWorld, code: string, period: Period, status: PeriodStatus): Float64Array;
  /** Values per combination when they are not the stored measures themselves (weighted sums, see `cells`). */
  width?: number;
  /**
   * The published cells of the stored measures from one combination's values (summed over the gemeenten for
   * Nederland, provincies and jeugdregio's). Without it every value is a count of persons or trajecten, rounded
   * and suppressed (disclosure.ts); with it the plan publishes figures that are no such counts (characteristics).
   */
  cells?(values: Float64Array, combo: number): Observation[];
  /** Regions below the gemeenten (wijken) of a period, not part of any total. */
  extra?(world: DemoWorld, period: Period, gemeenten: ReadonlySet<string>): ExtraRegion[];
}

function codesOf(spec: DatasetSpec, dimension: number): string[] {
  return spec.dimensions?.[dimension]?.codes.map((c) => c.code) ?? [];
}

function cross(...lists: string[][]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((code) => [...prefix, code])), [[]]);
}

/**
 * What the tables after CBS's half-year jeugd tables share: half years from 2015 with each whole year beside
 * them, one row per category of their one dimension (or a single row without one).
 */
function halfYearsWithYears(spec: DatasetSpec): Pick<DatasetPlan, 'spec' | 'periodKind' | 'withYears' | 'firstYear' | 'combos'> {
  const codes = codesOf(spec, 0);
  return { spec, periodKind: 'halfjaar', withYears: true, firstYear: 2015, combos: codes.length > 0 ? codes.map((c) => [c]) : [[]] };
}

const fill = (length: number) => new Float64Array(length);
const addAt = (values: Float64Array, index: number, amount: number) => {
  values[index] = values[index]! + amount;
};

function jeugdhulpPlan(): DatasetPlan {
  const spec = JEUGDHULP_SPEC;
  const combos = cross(codesOf(spec, 0), codesOf(spec, 1));
  const bandsOf = (code: string): AgeBand[] => (code === 'T001' ? ['00-04', '04-12', '12-18'] : [code as AgeBand]);
  const sexesOf = (code: string): Sex[] => (code === 'T001038' ? [...SEXES] : [code === '3000' ? 'jongens' : 'meisjes']);
  return {
    spec,
    periodKind: 'halfjaar',
    withYears: true,
    firstYear: 2015,
    combos,
    stored: ['jongeren_jeugdhulp', 'jongeren_zonder_verblijf', 'jongeren_met_verblijf', 'jongeren'],
    revisable: [true, true, true, false],
    nihil: () => false,
    values(world, code, period) {
      const f = world.figures(code, period);
      const out = fill(combos.length * 4);
      combos.forEach(([age, sex], i) => {
        for (const band of bandsOf(age!)) {
          for (const s of sexesOf(sex!)) {
            const p = f.jeugdhulp[band][s];
            addAt(out, i * 4, p.total);
            addAt(out, i * 4 + 1, p.zonder);
            addAt(out, i * 4 + 2, p.met);
            addAt(out, i * 4 + 3, f.groups[band][s]);
          }
        }
        // Rounded once, after the sum: a total row then holds the same youths under 18 as the other tables
        // (Math.round(under18), which adds the groups in this order), not the sum of six rounded groups.
        out[i * 4 + 3] = Math.round(out[i * 4 + 3]!);
      });
      return out;
    },
  };
}

/**
 * The values of a table of trajecten (or measures) by one dimension: each category's running, started and
 * ended ones, their sum in the total row (a category not delivered, NaN, left out of it), and the youths under
 * 18 in every row.
 */
function trajectenValues(parts: ReadonlyArray<readonly [running: number, started: number, ended: number]>, youth: number): Float64Array {
  const out = fill((parts.length + 1) * 4);
  parts.forEach((part, i) => {
    const at = (i + 1) * 4;
    [out[at], out[at + 1], out[at + 2]] = part;
    if (!Number.isNaN(part[0])) part.forEach((n, k) => addAt(out, k, n));
  });
  for (let i = 0; i <= parts.length; i++) out[i * 4 + 3] = youth;
  return out;
}

/**
 * A table of trajecten (or measures) by one dimension, per half year and year from 2015: running, begun and
 * ended in each category and their total (trajectenValues), with the population the rates are of in every row.
 * Only which zeros may show as nihil, and where the figures come from, differ between such tables.
 */
function trajectenTablePlan(
  spec: DatasetSpec,
  stored: [running: string, begun: string, ended: string, population: string],
  nihil: (code: string) => boolean,
  parts: (figures: PeriodFigures) => ReadonlyArray<readonly [running: number, started: number, ended: number]>,
  population: (figures: PeriodFigures) => number,
): DatasetPlan {
  const codes = codesOf(spec, 0);
  return {
    ...halfYearsWithYears(spec),
    stored,
    revisable: [true, true, true, false],
    nihil: (combo, measure) => measure < 3 && nihil(codes[combo]!),
    values(world, code, period) {
      const f = world.figures(code, period);
      return trajectenValues(parts(f), Math.round(population(f)));
    },
  };
}

const TRAJECTEN_STORED: [running: string, begun: string, ended: string, population: string] = ['trajecten_lopend', 'trajecten_gestart', 'trajecten_beeindigd', 'jongeren_tot_18'];

function trajectenPlan(): DatasetPlan {
  const rare = new Set(['03', '04', '12', '13']);
  return trajectenTablePlan(
    TRAJECTEN_SPEC,
    TRAJECTEN_STORED,
    (code) => rare.has(code),
    (f) => f.trajecten.map((t) => [t.lopend, t.gestart, t.beeindigd] as const),
    (f) => under18(f.groups),
  );
}

function verwijzersPlan(): DatasetPlan {
  const spec = VERWIJZERS_SPEC;
  const codes = codesOf(spec, 0);
  const rare = new Set(['03', '05', '08', '99']);
  return {
    ...halfYearsWithYears(spec),
    stored: ['trajecten_gestart'],
    revisable: [true],
    nihil: (combo) => rare.has(codes[combo]!),
    values(world, code, period) {
      const f = world.figures(code, period);
      const out = fill(codes.length);
      f.verwijzers.forEach((n, i) => {
        out[i + 1] = n;
        addAt(out, 0, n);
      });
      return out;
    },
  };
}

function jeugdbeschermingPlan(): DatasetPlan {
  const spec = JEUGDBESCHERMING_SPEC;
  const codes = codesOf(spec, 0);
  const rare = new Set(['VOTS', 'VOOGDIJ', 'VVOOGDIJ', 'TVOOGDIJ']);
  return {
    ...halfYearsWithYears(spec),
    stored: ['jongeren_jeugdbescherming', 'jongeren_jeugdbescherming_verblijf', 'jongeren_tot_18'],
    revisable: [true, true, false],
    nihil: (combo, measure) => measure < 2 && rare.has(codes[combo]!),
    values(world, code, period) {
      const f = world.figures(code, period);
      const youth = Math.round(under18(f.groups));
      const keys = ['total', ...MAATREGELEN] as const;
      return Float64Array.from(keys.flatMap((k) => [f.jb[k], f.jbVerblijf[k], youth]));
    },
  };
}

function jeugdbeschermingTrajectenPlan(): DatasetPlan {
  // As in the table of youths: where no youth has the measure, none runs, and the zero shows as nihil rather
  // than as a suppressed count (the youths' table gives it away anyway).
  const rare = new Set(['VOTS', 'VOOGDIJ', 'VVOOGDIJ', 'TVOOGDIJ']);
  return trajectenTablePlan(
    JEUGDBESCHERMING_TRAJECTEN_SPEC,
    ['maatregelen_lopend', 'maatregelen_begonnen', 'maatregelen_beeindigd', 'jongeren_tot_18'],
    (code) => rare.has(code),
    // The measures add up: every measure is of one kind.
    (f) => MAATREGELEN.map((m) => [f.jbTrajecten[m].lopend, f.jbTrajecten[m].begonnen, f.jbTrajecten[m].beeindigd] as const),
    (f) => under18(f.groups),
  );
}

function jeugdreclasseringPlan(): DatasetPlan {
  return {
    ...halfYearsWithYears(JEUGDRECLASSERING_SPEC),
    stored: ['jongeren_jeugdreclassering', 'jongeren_12_22'],
    revisable: [true, false],
    nihil: (_combo, measure) => measure === 0,
    values(world, code, period) {
      const f = world.figures(code, period);
      return Float64Array.from([f.jr, Math.round(aged12to23(f.groups))]);
    },
  };
}

function jeugdreclasseringTrajectenPlan(): DatasetPlan {
  return trajectenTablePlan(
    JEUGDRECLASSERING_TRAJECTEN_SPEC,
    ['trajecten_lopend', 'trajecten_begonnen', 'trajecten_beeindigd', 'jongeren_12_22'],
    // Many small gemeenten have no jeugdreclassering at all: a zero total shows as nihil, as its forms do (a
    // suppressed total beside forms that are all nihil would give the zero away).
    () => true,
    // Each traject is of one form: they add up to the total.
    (f) => JR_SOORTEN.map((s) => [f.jrTrajecten[s].lopend, f.jrTrajecten[s].begonnen, f.jrTrajecten[s].beeindigd] as const),
    (f) => aged12to23(f.groups),
  );
}

/**
 * How jeugdhulptrajecten began, lasted and ended, by verblijf (world.ts eindeOf). The values of a row are its
 * stored measures, except that the average duration's place holds the days of the ended trajecten added up:
 * Nederland's average is then its days over its ended trajecten, not a mean of means.
 */
function eindePlan(): DatasetPlan {
  const spec = EINDE_SPEC;
  const stored = spec.measures.filter((m) => !m.derived).map((m) => m.id);
  const at = (id: string) => stored.indexOf(id);
  const [ended, days, unknown] = [at('trajecten_beeindigd'), at('gemiddelde_duur'), at('reden_onbekend')];
  const row = (e: EindeFigures) => {
    const known = e.beeindigd - e.reden.onbekend;
    const early = known - e.reden.volgensPlan;
    const { overeenstemming, client, aanbieder, extern, onbekend, volgensPlan } = e.reden;
    return [e.gestart, e.herhaald, e.beeindigd, ...e.duur, e.dagen, known, volgensPlan, early, overeenstemming, client, aanbieder, extern, onbekend];
  };
  // Begun trajecten and their herhaald beroep are revised together, as are the ended ones, their classes, days and reasons.
  const revisedLike = stored.map((_, m) => (m < ended ? 0 : ended));
  // The begun and ended trajecten themselves are the trajecten table's: revised as there.
  const fromTrajecten = (id: string) => ({ datasetId: TRAJECTEN_SPEC.id, measure: TRAJECTEN_STORED.indexOf(id) });
  const revisedAs = stored.map((id) => (id === 'trajecten_gestart' || id === 'trajecten_beeindigd' ? fromTrajecten(id) : undefined));
  return {
    ...halfYearsWithYears(spec),
    stored,
    revisable: stored.map(() => true),
    revisedLike,
    revisedAs,
    // Before 2021 the category did not exist (CBS estimated a missing reason from the known ones): it cannot
    // occur then, and is no zero. From 2021 a zero is nihil, not a small number.
    cannotOccur: (period, measure) => measure === unknown && period.year < 2021,
    nihil: (_combo, measure) => measure === unknown,
    values(world, code, period) {
      const f = world.figures(code, period);
      const [zonder, met] = VERBLIJF_KINDS.map((kind) => row(f.einde[kind]));
      return Float64Array.from([...zonder!.map((n, i) => n + met![i]!), ...zonder!, ...met!]);
    },
    cells(values) {
      return Array.from(values, (value, m) => {
        if (m !== days) return discloseCount(Number.isNaN(value) ? undefined : value, { nihil: m === unknown });
        const count = values[ended]!;
        // An average over fewer than the smallest published count of trajecten is not shown, as that count is not.
        return count >= SUPPRESSION_THRESHOLD ? { value: Math.round(value / count), symbol: null } : { value: null, symbol: '.' };
      });
    },
  };
}

/**
 * Youths under 18 coming into and going out of jeugdhulp (world.ts stroomOf), beside the youths with it and all
 * youths. Who had jeugdhulp on the day before 1 January 2015 is not in these data: the first period's instroom is unknown.
 */
function stroomPlan(): DatasetPlan {
  return {
    ...halfYearsWithYears(STROOM_SPEC),
    stored: ['jongeren_jeugdhulp', 'jongeren_instroom', 'jongeren_uitstroom', 'jongeren_tot_18'],
    revisable: [true, true, true, false],
    nihil: () => false,
    values(world, code, period) {
      const f = world.figures(code, period);
      const persons = youthsUnder18(f.jeugdhulp);
      const first = period.year === 2015 && (period.kind === 'jaar' || period.part === 1);
      const { instroom, uitstroom } = world.stroom(code, period);
      return Float64Array.from([persons, first ? NaN : instroom, uitstroom, Math.round(under18(f.groups))]);
    },
  };
}

/**
 * Of the youths under 18 who stopped with jeugdhulp in a half year (the uitstroom of stroomPlan, revised alike),
 * those who had jeugdhulp again within a year (world.ts terugkeer): known a year later, so a half year comes
 * out with the half year a year after it, with that one's status.
 */
function terugkeerPlan(): DatasetPlan {
  return {
    spec: TERUGKEER_SPEC,
    periodKind: 'halfjaar',
    firstYear: 2015,
    combos: [[]],
    stored: ['jongeren_uitstroom', 'jongeren_terug_binnen_jaar'],
    revisable: [true, true],
    revisedAs: [{ datasetId: STROOM_SPEC.id, measure: 2 }, undefined],
    followUp: { halfYears: TERUGKEER_FOLLOW_UP_HALF_YEARS, measures: [1] },
    nihil: () => false,
    values(world, code, period) {
      const { uitstroom, terug } = world.terugkeer(code, period.year, period.part as 1 | 2);
      return Float64Array.from([uitstroom, terug]);
    },
  };
}

/** The stored measures of the wijken table, in the order of its spec. */
const WIJKEN_STORED = [
  'jongeren_jeugdhulp',
  ...HOUSEHOLDS.map((h) => `jongeren_${h}`),
  'trajecten_lopend',
  ...WIJK_VERWIJZERS.map((v) => v.id),
  'jongeren_tot_18',
];

/** A gemeente's jeugdhulptrajecten running in a period: the total row of the trajecten table (trajectenValues). */
function runningTrajecten(world: DemoWorld, code: string, period: Period): number {
  return world.figures(code, period).trajecten.reduce((sum, t) => (Number.isNaN(t.lopend) ? sum : sum + t.lopend), 0);
}

/**
 * The wijken of the chosen gemeenten on each year's wijkindeling (the reference has those of 2021 and 2022:
 * earlier years follow 2021, later ones 2022, see RegionRegister.wijkIndelingYear), each under its name of
 * that year; a wijk row follows the revisions of its gemeente.
 */
function wijkenPlan(wijkGemeenten: readonly string[] | 'alle', firstYear: number): DatasetPlan {
  const spec = wijkenSpec(wijkGemeenten === 'alle' ? 'alle' : wijkGemeenten.length);
  const chosen = wijkGemeenten === 'alle' ? undefined : new Set(wijkGemeenten);
  return {
    spec,
    periodKind: 'jaar',
    firstYear,
    combos: [[]],
    stored: WIJKEN_STORED,
    revisable: WIJKEN_STORED.map((id) => id !== 'jongeren_tot_18'),
    // A household moves with its total, and the total with the jeugdhulp table's year, which publishes it too;
    // a verwijzer moves with the running trajecten, and those with the trajecten table's year.
    revisedLike: WIJKEN_STORED.map((id, m) => (id === 'jongeren_tot_18' ? m : WIJKEN_STORED.indexOf(id.startsWith('trajecten_') ? 'trajecten_lopend' : 'jongeren_jeugdhulp'))),
    revisedAs: WIJKEN_STORED.map((id) =>
      id === 'jongeren_jeugdhulp'
        ? { datasetId: JEUGDHULP_SPEC.id, measure: 0 }
        : id === 'trajecten_lopend'
          ? { datasetId: TRAJECTEN_SPEC.id, measure: TRAJECTEN_STORED.indexOf('trajecten_lopend') }
          : undefined,
    ),
    nihil: () => false,
    values(world, code, period) {
      const total = world.yearJeugdhulp(code, period.year);
      const running = runningTrajecten(world, code, period);
      const youths = Math.round(under18(world.population.groups(code, period.year)));
      return Float64Array.from([
        total,
        ...gemeenteHouseholds(world, code, period.year, total),
        running,
        ...gemeenteTrajectenByVerwijzer(world, code, period.year, running),
        youths,
      ]);
    },
    extra(world, period, gemeenten) {
      const out: ExtraRegion[] = [];
      const byGemeente = new Map<string, WijkRecord[]>();
      const indeling = world.register.wijkIndelingYear(period.year);
      for (const wijk of world.register.reference.wijken) {
        if (wijk.jaar !== indeling || !gemeenten.has(wijk.gemeente) || (chosen && !chosen.has(wijk.gemeente))) continue;
        byGemeente.set(wijk.gemeente, [...(byGemeente.get(wijk.gemeente) ?? []), wijk]);
      }
      for (const [gemeente, wijken] of [...byGemeente].sort(([a], [b]) => a.localeCompare(b))) {
        const parts = gemeenteHouseholds(world, gemeente, period.year, world.yearJeugdhulp(gemeente, period.year));
        const weights = world.wijkWeights(gemeente, wijken, period.year);
        const households = wijkHouseholds(world, parts, WIJK_KNOWN, wijken, (wijk) => weights.get(wijk.code));
        const byVerwijzer = gemeenteTrajectenByVerwijzer(world, gemeente, period.year, runningTrajecten(world, gemeente, period));
        const trajecten = wijkTrajecten(world, byVerwijzer, WIJK_KNOWN, wijken, (wijk) => weights.get(wijk.code));
        const youths = world.wijkYouths(gemeente, wijken, period.year);
        const sumOrUnknown = (parts: readonly number[] | undefined, width: number) =>
          parts ? [parts.reduce((a, b) => a + b, 0), ...parts] : new Array<number>(width + 1).fill(NaN);
        for (const wijk of [...wijken].sort((a, b) => a.code.localeCompare(b.code))) {
          const youth = youths.get(wijk.code);
          out.push({
            code: wijk.code,
            label: wijk.naam,
            gemeente,
            values: Float64Array.from([
              ...sumOrUnknown(households.get(wijk.code), HOUSEHOLDS.length),
              ...sumOrUnknown(trajecten.get(wijk.code), WIJK_VERWIJZERS.length),
              youth === undefined ? NaN : Math.round(youth),
            ]),
          });
        }
      }
      return out;
    },
  };
}

/** The year whose gemeenten (with wijken, by inhabitants) are chosen for the wijken dataset. */
export const WIJK_YEAR = 2022;

export interface PlanOptions {
  /** Gemeenten with wijken in the wijken dataset, or all. */
  wijkGemeenten: readonly string[] | 'alle';
  wijkFirstYear: number;
}

export function demoPlans(options: PlanOptions): DatasetPlan[] {
  return [
    jeugdhulpPlan(),
    trajectenPlan(),
    verwijzersPlan(),
    jeugdbeschermingPlan(),
    jeugdbeschermingTrajectenPlan(),
    jeugdreclasseringPlan(),
    jeugdreclasseringTrajectenPlan(),
    eindePlan(),
    stroomPlan(),
    terugkeerPlan(),
    wijkenPlan(options.wijkGemeenten, options.wijkFirstYear),
    kenmerkenPlan(),
    kostenPlan(),
  ];
}

/** A copy of a plan under another id and title, for benchmark-sized data folders (`--scale`). */
export function copyPlan(plan: DatasetPlan, copy: number): DatasetPlan {
  return {
    ...plan,
    spec: {
      ...plan.spec,
      id: `${plan.spec.id}-kopie-${copy}`,
      title: `${plan.spec.title} (kopie ${copy}, voor de benchmark)`,
      shortTitle: `${plan.spec.shortTitle ?? plan.spec.title} (kopie ${copy})`,
    },
  };
}

