/**
 * Youth populations for the demonstration data, on each year's own indeling.
 *
 * Where they come from:
 * - 2021 and 2022: the real inhabitants in the reference (inwoners.csv, CBS), split into the age bands
 *   the jeugd tables use (see `youthGroups`).
 * - Later years: the gemeente's 2022 parts added up (Amsterdam 2023 = Amsterdam + Weesp of 2022).
 * - Earlier years, walking back one year at a time: a gemeente that continues has its later population
 *   minus what it absorbed (divided by the share it kept, for a split or a grenscorrectie); a gemeente
 *   that ceased has the approximate inhabitants of its last year from a small hand-made file
 *   (scripts/reference-input/inwoners-voormalig.csv), scaled so that the parts of a new gemeente add up to it.
 * - Every year then gets a mild trend per provincie (youths decline slowly before 2022 and grow a little
 *   after), relative to the reference year it was derived from, so series move smoothly.
 */
import { readCsv, requireColumn } from '../csv/read-csv';
import { DataError } from '../data/errors';
import type { RegionRegister } from '../regions/register';

/** Inhabitants: all ages, 0 to 15 and 15 to 25 years (the bands of CBS Kerncijfers wijken en buurten). */
export interface PopulationVector {
  inwoners: number;
  jong: number;
  tiener: number;
}

export interface FormerPopulation {
  code: string;
  naam: string;
  inwoners: number;
  jaar: number;
}

/** The age bands of the jeugd tables, each split in boys and girls. */
export const AGE_BANDS = ['00-04', '04-12', '12-18', '18-23'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type YouthGroups = Record<AgeBand, { jongens: number; meisjes: number }>;

/** National shares of inhabitants aged 0–14 and 15–24 (2021), for gemeenten the reference has no bands for. */
const SHARE_0_14 = 0.16;
const SHARE_15_24 = 0.12;
const GIRLS_UNDER_18 = 0.488;
const GIRLS_18_23 = 0.495;

/** Splits the Kerncijfers bands into the jeugd age bands (ages within a band are taken as equally large). */
export function youthGroups(v: PopulationVector): YouthGroups {
  const y00 = 0.262 * v.jong;
  const y04 = 0.533 * v.jong;
  const y12 = 0.205 * v.jong;
  // 15–17 is about as large as 12–14; in student towns 15–24 is dominated by 18+, so cap it by the band.
  const y15 = Math.min(0.215 * v.jong, 0.5 * v.tiener);
  const y18 = (Math.max(0, v.tiener - y15) * 5) / 7;
  const split = (n: number, girls: number) => ({ jongens: n * (1 - girls), meisjes: n * girls });
  return {
    '00-04': split(y00, GIRLS_UNDER_18),
    '04-12': split(y04, GIRLS_UNDER_18),
    '12-18': split(y12 + y15, GIRLS_UNDER_18),
    '18-23': split(y18, GIRLS_18_23),
  };
}

export function under18(groups: YouthGroups): number {
  return (['00-04', '04-12', '12-18'] as const).reduce((sum, band) => sum + groups[band].jongens + groups[band].meisjes, 0);
}

/** Youths of 12 to 23 years (12–22), the base of jeugdreclassering. */
export function aged12to23(groups: YouthGroups): number {
  return groups['12-18'].jongens + groups['12-18'].meisjes + groups['18-23'].jongens + groups['18-23'].meisjes;
}

/** Reads scripts/reference-input/inwoners-voormalig.csv: code,naam,inwoners,jaar. */
export function parseFormerPopulation(text: string, file: string): FormerPopulation[] {
  const table = readCsv(text, { file, delimiter: ',' });
  const col = (name: string) => requireColumn(table, name, file);
  const [code, naam, inwoners, jaar] = [col('code'), col('naam'), col('inwoners'), col('jaar')];
  return table.records.map(({ line, cells }) => {
    const number = (index: number, field: string) => {
      const text = cells[index] ?? '';
      if (!/^\d+$/.test(text)) throw new DataError({ file, line, field }, 'een geheel getal', text);
      return Number(text);
    };
    return { code: cells[code] ?? '', naam: cells[naam] ?? '', inwoners: number(inwoners, 'inwoners'), jaar: number(jaar, 'jaar') };
  });
}

/** Yearly change of the youth population per provincie, on top of the national one (CBS-like patterns). */
const PROVINCIE_TREND: Record<string, number> = {
  PV20: -0.004, PV21: -0.004, PV22: -0.006, PV23: -0.001, PV24: 0.006, PV25: -0.001,
  PV26: 0.005, PV27: 0.002, PV28: 0.002, PV29: -0.006, PV30: -0.001, PV31: -0.008,
};

function yearlyChange(provincie: string, year: number): number {
  return (year < 2022 ? -0.004 : 0.003) + (PROVINCIE_TREND[provincie] ?? 0);
}

/** Population index of a year relative to 2022 (1 in 2022). */
export function trendIndex(provincie: string, year: number): number {
  let index = 1;
  for (let y = 2022; y < year; y++) index *= 1 + yearlyChange(provincie, y);
  for (let y = year; y < 2022; y++) index /= 1 + yearlyChange(provincie, y);
  return index;
}

const scale = (v: PopulationVector, f: number): PopulationVector => ({ inwoners: v.inwoners * f, jong: v.jong * f, tiener: v.tiener * f });
const add = (a: PopulationVector, b: PopulationVector): PopulationVector => ({
  inwoners: a.inwoners + b.inwoners,
  jong: a.jong + b.jong,
  tiener: a.tiener + b.tiener,
});
const ZERO: PopulationVector = { inwoners: 0, jong: 0, tiener: 0 };

export class PopulationModel {
  /** year → gemeente → population of that year's area, at the level of its reference year. */
  private readonly base = new Map<number, Map<string, PopulationVector>>();
  private readonly referenceYears: number[];

  constructor(
    readonly register: RegionRegister,
    former: readonly FormerPopulation[],
    readonly years: { first: number; last: number },
  ) {
    this.referenceYears = [...new Set(register.reference.inwoners.map((p) => p.jaar))].sort((a, b) => a - b);
    if (this.referenceYears.length === 0) throw new Error('inwoners.csv bevat geen jaren');
    const formerByCode = new Map(former.map((f) => [f.code, f]));
    const first = this.referenceYears[0]!;
    const last = this.referenceYears[this.referenceYears.length - 1]!;
    for (const year of this.referenceYears) this.base.set(year, this.fromReference(year));
    for (let year = last + 1; year <= years.last; year++) this.base.set(year, this.forward(last, year));
    for (let year = first - 1; year >= years.first; year--) this.base.set(year, this.backward(year, formerByCode));
  }

  /** The reference year a year's population is derived from. */
  anchorOf(year: number): number {
    const years = this.referenceYears;
    return year <= years[0]! ? years[0]! : year >= years[years.length - 1]! ? years[years.length - 1]! : year;
  }

  /** Inhabitants of a gemeente in a year (on that year's indeling), trend applied. */
  vector(code: string, year: number): PopulationVector {
    const base = this.base.get(year)?.get(code);
    if (!base) throw new Error(`geen bevolking voor ${code} in ${year}`);
    const provincie = this.register.provincieOf(code) ?? '';
    return scale(base, trendIndex(provincie, year) / trendIndex(provincie, this.anchorOf(year)));
  }

  groups(code: string, year: number): YouthGroups {
    return youthGroups(this.vector(code, year));
  }

  /** All gemeenten of a year with their (untrended) population, for checks. */
  baseOf(year: number): ReadonlyMap<string, PopulationVector> {
    return this.base.get(year) ?? new Map();
  }

  private fromReference(year: number): Map<string, PopulationVector> {
    const out = new Map<string, PopulationVector>();
    for (const g of this.register.gemeentenIn(year)) {
      const p = this.register.populationOf(g.code, year);
      if (!p?.inwoners) throw new Error(`inwoners.csv mist ${g.code} (${g.naam}) voor ${year}`);
      out.set(g.code, {
        inwoners: p.inwoners,
        jong: p.inwoners0tot15 ?? p.inwoners * SHARE_0_14,
        tiener: p.inwoners15tot25 ?? p.inwoners * SHARE_15_24,
      });
    }
    return out;
  }

  private forward(from: number, year: number): Map<string, PopulationVector> {
    const known = this.base.get(from)!;
    const out = new Map<string, PopulationVector>();
    for (const g of this.register.gemeentenIn(year)) {
      let sum = ZERO;
      for (const part of this.register.parts(g.code, from, year)) sum = add(sum, scale(known.get(part.code) ?? ZERO, part.share));
      if (!(sum.inwoners > 0)) throw new Error(`geen bevolking af te leiden voor ${g.code} (${g.naam}) in ${year}`);
      out.set(g.code, sum);
    }
    return out;
  }

  /** The population of `year`'s gemeenten from those of `year + 1` (see the module comment). */
  private backward(year: number, former: ReadonlyMap<string, FormerPopulation>): Map<string, PopulationVector> {
    const next = this.base.get(year + 1)!;
    const gemeenten = this.register.gemeentenIn(year);
    const nextCodes = new Set(next.keys());
    const destinations = new Map(gemeenten.map((g) => [g.code, this.register.destinations(g.code, year, year + 1)]));
    const contributors = new Map<string, Array<{ code: string; share: number }>>();
    for (const [code, list] of destinations) {
      for (const d of list) contributors.set(d.code, [...(contributors.get(d.code) ?? []), { code, share: d.share }]);
    }
    const out = new Map<string, PopulationVector>();
    const ceased = gemeenten.filter((g) => !nextCodes.has(g.code));
    const newCodes = [...nextCodes].filter((code) => !gemeenten.some((g) => g.code === code));

    // Ceased gemeenten: their approximate inhabitants; a code change alone (Groesbeek → Berg en Dal) needs none.
    for (const g of ceased) {
      const f = former.get(g.code);
      const soleSource = destinations.get(g.code)!.every((d) => contributors.get(d.code)?.length === 1);
      if (f) out.set(g.code, { inwoners: f.inwoners, jong: f.inwoners * SHARE_0_14, tiener: f.inwoners * SHARE_15_24 });
      else if (soleSource) out.set(g.code, { inwoners: 1, jong: 1, tiener: 1 });
      else {
        throw new Error(
          `inwoners ontbreken voor de voormalige gemeente ${g.code} (${g.naam}, laatste jaar ${year}); ` +
            'voeg een regel toe aan scripts/reference-input/inwoners-voormalig.csv',
        );
      }
    }
    // Scale the ceased parts of each new gemeente so they add up to it (per band).
    const factors = new Map<string, Array<{ share: number; factor: PopulationVector }>>();
    for (const code of newCodes) {
      const parts = contributors.get(code) ?? [];
      let estimate = ZERO;
      let known = ZERO;
      for (const part of parts) {
        if (out.has(part.code)) estimate = add(estimate, scale(out.get(part.code)!, part.share));
        else known = add(known, scale(next.get(part.code) ?? ZERO, part.share));
      }
      const target = next.get(code)!;
      const factor = {
        inwoners: (target.inwoners - known.inwoners) / estimate.inwoners,
        jong: (target.jong - known.jong) / estimate.jong,
        tiener: (target.tiener - known.tiener) / estimate.tiener,
      };
      for (const part of parts) factors.set(part.code, [...(factors.get(part.code) ?? []), { share: part.share, factor }]);
    }
    for (const g of ceased) {
      const list = factors.get(g.code);
      if (!list) continue;
      const weight = list.reduce((s, x) => s + x.share, 0);
      const v = out.get(g.code)!;
      const mean = (key: keyof PopulationVector) => list.reduce((s, x) => s + x.share * x.factor[key], 0) / weight;
      out.set(g.code, { inwoners: v.inwoners * mean('inwoners'), jong: v.jong * mean('jong'), tiener: v.tiener * mean('tiener') });
    }
    // Continuing gemeenten: later population minus what came in, divided by the share kept. Grenscorrecties
    // between two continuing gemeenten make this a small fixed point; three rounds settle it.
    const continuing = gemeenten.filter((g) => nextCodes.has(g.code));
    for (const g of continuing) out.set(g.code, next.get(g.code)!);
    for (let round = 0; round < 3; round++) {
      for (const g of continuing) {
        let inflow = ZERO;
        let kept = 0;
        for (const c of contributors.get(g.code) ?? []) {
          if (c.code === g.code) kept = c.share;
          else inflow = add(inflow, scale(out.get(c.code)!, c.share));
        }
        const later = next.get(g.code)!;
        const value = scale(add(later, scale(inflow, -1)), 1 / kept);
        if (!(kept > 0) || value.inwoners < 0.1 * later.inwoners || value.jong <= 0 || value.tiener <= 0) {
          throw new Error(
            `bevolking van ${g.code} (${g.naam}) in ${year} wordt negatief of onwaarschijnlijk klein na aftrek van wat het in ` +
              `${year + 1} overnam; controleer scripts/reference-input/inwoners-voormalig.csv`,
          );
        }
        out.set(g.code, value);
      }
    }
    return out;
  }
}
