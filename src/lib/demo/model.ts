/**
 * The behavioural model of the demonstration data: national levels over time, age and gender profiles,
 * shares of hulpvormen and verwijzers, and the persistent character of each gemeente. The numbers are
 * made up but tuned to the reference values in DOMAIN.md (6,2% of youths with jeugdhulp in Q1 2015, about
 * 13% per year in 2022, huisarts 61% and gemeente 8% of verwijzingen in 2015) and to the CBS wijken table
 * of 2021–2022 (age profile, 18–23 share, verwijzers).
 */
import type { AgeBand } from './population';
import { Random } from './random';

/** Linear interpolation over (time, value) anchors, constant outside them. */
export function interpolate(anchors: ReadonlyArray<readonly [number, number]>, time: number): number {
  const first = anchors[0]!;
  if (time <= first[0]) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const [t1, v1] = anchors[i]!;
    const [t0, v0] = anchors[i - 1]!;
    if (time <= t1) return v0 + ((v1 - v0) * (time - t0)) / (t1 - t0);
  }
  return anchors[anchors.length - 1]![1];
}

/** A half year as a point in time: 2015HJ01 → 2015.0, 2015HJ02 → 2015.5; a year → its middle. */
export function timeOf(year: number, half: 0 | 1 | 2): number {
  return half === 0 ? year + 0.25 : year + (half - 1) * 0.5;
}

/** Share of youths under 18 with jeugdhulp in a half year (persons), nationally. */
const JEUGDHULP_RATE: ReadonlyArray<readonly [number, number]> = [
  [2015, 0.069], [2016, 0.076], [2017, 0.083], [2018, 0.089], [2019, 0.093],
  [2020, 0.094], [2021, 0.096], [2022, 0.099], [2024, 0.103], [2026, 0.106],
];

export function jeugdhulpRate(time: number): number {
  return interpolate(JEUGDHULP_RATE, time);
}

/**
 * Relative jeugdhulp use per age band and gender, against the rate of all under-18s (0–4 little, 4–12 boys
 * most, 12–18 girls catching up; 18–23 is verlengde jeugdhulp). Normalised below so that the weighted
 * under-18 average is 1.
 */
const AGE_PROFILE_RAW: Record<AgeBand, { jongens: number; meisjes: number }> = {
  '00-04': { jongens: 0.4, meisjes: 0.28 },
  '04-12': { jongens: 1.35, meisjes: 0.85 },
  '12-18': { jongens: 1.15, meisjes: 1.22 },
  '18-23': { jongens: 0.13, meisjes: 0.12 },
};
const AGE_WEIGHT: Record<Exclude<AgeBand, '18-23'>, number> = { '00-04': 0.216, '04-12': 0.439, '12-18': 0.345 };
const AGE_NORM =
  (Object.keys(AGE_WEIGHT) as Array<keyof typeof AGE_WEIGHT>).reduce(
    (sum, band) => sum + AGE_WEIGHT[band] * (0.512 * AGE_PROFILE_RAW[band].jongens + 0.488 * AGE_PROFILE_RAW[band].meisjes),
    0,
  );

export function ageProfile(band: AgeBand, sex: 'jongens' | 'meisjes'): number {
  return AGE_PROFILE_RAW[band][sex] / AGE_NORM;
}

/** Share of youths with jeugdhulp who have (also) verblijf, per age band. */
export const VERBLIJF_SHARE: Record<AgeBand, number> = { '00-04': 0.07, '04-12': 0.07, '12-18': 0.13, '18-23': 0.34 };
/** Of those with verblijf, the share who also had jeugdhulp without verblijf in the same half year. */
export const VERBLIJF_OVERLAP = 0.4;

/** Hulpvormen: code, share of running trajecten (nationally, where wijkteams deliver), share started per half year. */
export const HULPVORMEN = [
  { code: '01', share: 0.2, started: 0.55, verblijf: false },
  { code: '02', share: 0.58, started: 0.42, verblijf: false },
  { code: '03', share: 0.05, started: 0.33, verblijf: false },
  { code: '04', share: 0.03, started: 0.4, verblijf: false },
  { code: '11', share: 0.05, started: 0.14, verblijf: true },
  { code: '12', share: 0.02, started: 0.24, verblijf: true },
  { code: '13', share: 0.004, started: 0.5, verblijf: true },
  { code: '14', share: 0.06, started: 0.3, verblijf: true },
] as const;

/** Trajecten running per youth with jeugdhulp (all ages): 1,2 in 2015 (DOMAIN, Q1 2015) to 1,5 in 2022. */
export function trajectenPerPerson(time: number): number {
  return interpolate([[2015, 1.22], [2018, 1.38], [2022, 1.5], [2026, 1.54]], time);
}

/** Verwijzers of started trajecten: 2015 from DOMAIN.md (Q1 2015), 2022 after the CBS wijken table. */
export const VERWIJZERS = [
  { code: '01', y2015: 0.083, y2022: 0.3 },
  { code: '02', y2015: 0.609, y2022: 0.36 },
  { code: '03', y2015: 0.014, y2022: 0.03 },
  { code: '04', y2015: 0.101, y2022: 0.085 },
  { code: '05', y2015: 0.062, y2022: 0.045 },
  { code: '06', y2015: 0.125, y2022: 0.15 },
  { code: '08', y2015: 0.002, y2022: 0.0025 },
  { code: '99', y2015: 0.004, y2022: 0.0075 },
] as const;

/** Verwijzer weights at a time; after 2022 the gemeentelijke toegang keeps growing slowly at the huisarts's cost. */
export function verwijzerWeights(time: number, toegang: number): number[] {
  const f = (time - 2015) / 7;
  return VERWIJZERS.map((v) => {
    let w = v.y2015 + (v.y2022 - v.y2015) * Math.min(f, 1);
    if (time > 2022) w += (v.code === '01' ? 0.006 : v.code === '02' ? -0.006 : 0) * (time - 2022);
    return v.code === '01' ? w * toegang : w;
  });
}

/** Youths with jeugdbescherming as a share of under-18s in a half year. */
export function jeugdbeschermingRate(time: number): number {
  return interpolate([[2015, 0.0115], [2019, 0.0102], [2022, 0.0092], [2026, 0.0086]], time);
}

/** Of youths with jeugdbescherming: only OTS, only voorlopige OTS, both in the same half year, voogdij. */
export const JB_MIX = { ots: 0.7, vots: 0.03, both: 0.05, voogdij: 0.22 };

/**
 * The two short measures, as a share of the youths with jeugdbescherming: a voorlopige voogdij (while the
 * court decides on the parents' authority) and a tijdelijke voogdij nearly always run beside or before an
 * OTS or a voogdij in the same half year, so their youths already count in the total.
 */
export const JB_SHORT_MIX = { vvoogdij: 0.025, tvoogdij: 0.012 };

/** The maatregelen of jeugdbescherming, in the order of the tables (after the total). */
export const MAATREGELEN = ['ots', 'vots', 'voogdij', 'vvoogdij', 'tvoogdij'] as const;
export type Maatregel = (typeof MAATREGELEN)[number];

/**
 * Of the youths with a measure, the share who also had jeugdhulp met verblijf (pleegzorg, a gezinshuis, an
 * institution) in the half year: most youths under voogdij live elsewhere, most with an OTS at home.
 * Nationally about 46% of all youths with jeugdbescherming (CBS 82972NED, 2022: 46,3%).
 */
export const JB_VERBLIJF_SHARE: Record<Maatregel | 'both', number> = { ots: 0.36, vots: 0.5, both: 0.55, voogdij: 0.86, vvoogdij: 0.72, tvoogdij: 0.6 };

/**
 * Measures (trajecten) per half year by maatregel: how many measures one youth with that maatregel has in a
 * half year, the share of the running measures that began in it (an OTS runs a year and is often extended;
 * a voorlopige OTS lasts at most three months; a voogdij lasts until adulthood), and ended against begun.
 */
export const JB_TRAJECTEN: Record<Maatregel, { perYouth: number; begun: number; endedPerBegun: number }> = {
  ots: { perYouth: 1.02, begun: 0.27, endedPerBegun: 1.04 },
  vots: { perYouth: 1.0, begun: 0.88, endedPerBegun: 0.98 },
  voogdij: { perYouth: 1.0, begun: 0.07, endedPerBegun: 1.1 },
  vvoogdij: { perYouth: 1.0, begun: 0.82, endedPerBegun: 0.97 },
  tvoogdij: { perYouth: 1.0, begun: 0.5, endedPerBegun: 1.0 },
};

/** The forms of jeugdreclassering, in the order of the table (after the total). */
export const JR_SOORTEN = ['tb', 'itbHk', 'itbCriem', 'gbm', 'vrijwillig', 'overig'] as const;
export type JrSoort = (typeof JR_SOORTEN)[number];

/**
 * Trajecten of jeugdreclassering per half year by form: the share of all running trajecten, and the share of a
 * form's running trajecten that began in the half year (most forms run some months; a GBM at most a year).
 * A youth has about 1,1 trajecten in a half year (a voluntary one followed by one imposed, say).
 */
export const JR_TRAJECTEN: Record<JrSoort, { share: number; begun: number }> = {
  tb: { share: 0.62, begun: 0.45 },
  itbHk: { share: 0.07, begun: 0.5 },
  itbCriem: { share: 0.03, begun: 0.5 },
  gbm: { share: 0.04, begun: 0.6 },
  vrijwillig: { share: 0.18, begun: 0.55 },
  overig: { share: 0.06, begun: 0.6 },
};
export const JR_TRAJECTEN_PER_YOUTH = 1.1;

/** The year the new registration of jeugdreclassering starts (the trend break in its tables), and how much more it counts. */
export const JEUGDRECLASSERING_NEW_REGISTRATION = 2021;
export const JEUGDRECLASSERING_NEW_COUNT = 1.12;

/**
 * Youths with jeugdreclassering as a share of 12–22-year-olds in a half year. Declining; the new
 * registration from 2021 counts about 12% more (the trend break).
 */
export function jeugdreclasseringRate(time: number): number {
  const base = interpolate([[2015, 0.0042], [2018, 0.0033], [2020, 0.0027], [2026, 0.0025]], time);
  return time >= JEUGDRECLASSERING_NEW_REGISTRATION ? base * JEUGDRECLASSERING_NEW_COUNT : base;
}

/**
 * Persons in a whole year against the mean of the two half years: the longer help or a measure lasts, the
 * more youths are in both half years and the nearer this is to 1 (2 if nobody were in both).
 */
export const YEAR_OVER_HALF_YEAR = {
  jeugdhulp: 1.34,
  /** Jeugdhulp met verblijf lasts longer than help at home. */
  verblijf: 1.2,
  /** An OTS is given for a year and often extended. */
  ots: 1.22,
  /** A voorlopige OTS lasts at most three months. */
  vots: 1.8,
  /** Voogdij lasts until adulthood, mostly. */
  voogdij: 1.08,
  /** A voorlopige voogdij lasts weeks, a tijdelijke voogdij months. */
  vvoogdij: 1.8,
  tvoogdij: 1.5,
  /** Youths with a measure who live elsewhere mostly stay there. */
  jbVerblijf: 1.12,
  jeugdreclassering: 1.45,
} as const;

/** The persistent character of a gemeente: what makes its figures its own. */
export interface Character {
  /** Level of jeugdhulp use against the national rate, ±30%. */
  level: number;
  /** Yearly drift of that level. */
  drift: number;
  /** Factor on the verblijf share. */
  verblijf: number;
  /** Hosts a large residential facility: woonplaatsbeginsel inflates its verblijf figures. */
  institution: boolean;
  /** Its wijkteams deliver data (only some do). */
  wijkteam: boolean;
  /** Factor on verwijzing by the gemeentelijke toegang. */
  toegang: number;
  /** Factors on jeugdbescherming, jeugdreclassering and trajecten per youth. */
  jb: number;
  jr: number;
  trajecten: number;
}

export function drawCharacter(seed: number, code: string): Character {
  const r = Random.for(seed, 'karakter', code);
  const institution = r.chance(0.04);
  return {
    level: r.uniform(0.72, 1.32),
    drift: r.normal() * 0.012,
    verblijf: r.uniform(0.7, 1.35) * (institution ? 2.4 : 1),
    institution,
    wijkteam: r.chance(0.45),
    toegang: r.uniform(0.55, 1.6),
    jb: r.factor(0.25),
    jr: r.factor(0.3),
    trajecten: r.uniform(0.88, 1.12),
  };
}

/** The character of a new gemeente from those of its parts, weighted by inhabitants. */
export function blendCharacters(parts: ReadonlyArray<{ character: Character; weight: number }>, own: Character): Character {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (parts.length === 0 || !(total > 0)) return own;
  const mean = (key: 'level' | 'drift' | 'verblijf' | 'toegang' | 'jb' | 'jr' | 'trajecten') =>
    parts.reduce((s, p) => s + p.weight * p.character[key], 0) / total;
  const largest = [...parts].sort((a, b) => b.weight - a.weight)[0]!.character;
  return {
    level: mean('level') * (0.95 + 0.1 * (own.level - 0.72) / 0.6),
    drift: mean('drift'),
    verblijf: mean('verblijf'),
    institution: parts.some((p) => p.character.institution),
    wijkteam: largest.wijkteam,
    toegang: mean('toegang'),
    jb: mean('jb'),
    jr: mean('jr'),
    trajecten: mean('trajecten'),
  };
}

/** How a jeugdhulptraject ended (after CBS's reden beëindiging), in the order of the tables. */
export const EINDE_REDENEN = ['volgensPlan', 'overeenstemming', 'client', 'aanbieder', 'extern', 'onbekend'] as const;
export type EindeReden = (typeof EINDE_REDENEN)[number];

/** The duration classes of ended trajecten (CBS: 0 tot 3 maanden … 4 jaar of langer), with a typical length in days. */
export const DUUR_KLASSEN = [
  { id: '0-3m', days: 45 },
  { id: '3-6m', days: 137 },
  { id: '6-12m', days: 274 },
  { id: '1-2j', days: 548 },
  { id: '2-3j', days: 913 },
  { id: '3-4j', days: 1278 },
  { id: '4j+', days: 1900 },
] as const;

/**
 * Ended and begun trajecten by whether the help came with verblijf: the shares of the duration classes and of
 * the reasons of ending among ended trajecten, and the share of begun trajecten that are herhaald beroep (the
 * youth had jeugdhulp in the five years before). Help with verblijf lasts longer and ends early more often.
 * Before 2021 a missing reason was estimated from the known ones (CBS), so `onbekend` only exists from 2021.
 */
export const EINDE_PROFIEL: Record<'zonder' | 'met', { duur: readonly number[]; reden: Record<EindeReden, number>; herhaald: number }> = {
  zonder: {
    duur: [0.29, 0.22, 0.22, 0.16, 0.06, 0.03, 0.02],
    reden: { volgensPlan: 0.67, overeenstemming: 0.12, client: 0.07, aanbieder: 0.03, extern: 0.04, onbekend: 0.07 },
    herhaald: 0.42,
  },
  met: {
    duur: [0.2, 0.13, 0.18, 0.21, 0.12, 0.07, 0.09],
    reden: { volgensPlan: 0.55, overeenstemming: 0.14, client: 0.08, aanbieder: 0.07, extern: 0.07, onbekend: 0.09 },
    herhaald: 0.58,
  },
};

/**
 * Youths under 18 coming into and going out of jeugdhulp, as a share of the youths with jeugdhulp in a half
 * year: about a third are new (no traject running on its first day) and about a third stop (none running on
 * its last day); a whole year's follow from its half years (world.ts). More came in than went out while
 * jeugdhulp grew (to 2021), about as many since.
 */
export function stroomShares(time: number): { instroom: number; uitstroom: number } {
  const growth = interpolate([[2015, 0.025], [2021, 0.012], [2023, 0.002], [2026, 0.0]], time);
  return { instroom: 0.34 + growth, uitstroom: 0.34 };
}

/**
 * Of the youths under 18 who stopped with jeugdhulp in a half year (uitstroom), the share who had jeugdhulp again
 * within a year of stopping: about a fifth, a little more in the first years of the Jeugdwet. (CBS published this
 * outcome indicator once per gemeente as a custom table, "Geen nieuwe start jeugdhulp"; the level here is the
 * demo's own.)
 */
export function terugkeerShare(time: number): number {
  return interpolate([[2015, 0.24], [2019, 0.22], [2026, 0.2]], time);
}
