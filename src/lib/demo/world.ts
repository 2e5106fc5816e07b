/**
 * The underlying (unrounded, whole) numbers of the demonstration data, per gemeente and period, before
 * disclosure control: a gemeente's youths with jeugdhulp by age and gender, its trajecten per hulpvorm,
 * verwijzers, jeugdbescherming and jeugdreclassering. Every stream of randomness is keyed by gemeente and
 * period, so a value is the same whichever subset is generated.
 */
import type { Period } from '../data/periods';
import type { RegionRegister, WijkRecord } from '../regions/register';
import {
  DUUR_KLASSEN,
  EINDE_PROFIEL,
  EINDE_REDENEN,
  HULPVORMEN,
  JB_MIX,
  JB_SHORT_MIX,
  JB_TRAJECTEN,
  JB_VERBLIJF_SHARE,
  JR_SOORTEN,
  JR_TRAJECTEN,
  JR_TRAJECTEN_PER_YOUTH,
  JEUGDRECLASSERING_NEW_COUNT,
  JEUGDRECLASSERING_NEW_REGISTRATION,
  MAATREGELEN,
  VERBLIJF_OVERLAP,
  VERBLIJF_SHARE,
  YEAR_OVER_HALF_YEAR,
  ageProfile,
  blendCharacters,
  drawCharacter,
  jeugdbeschermingRate,
  jeugdhulpRate,
  jeugdreclasseringRate,
  stroomShares,
  terugkeerShare,
  timeOf,
  trajectenPerPerson,
  verwijzerWeights,
  type Character,
  type EindeReden,
  type JrSoort,
  type Maatregel,
} from './model';
import { AGE_BANDS, aged12to23, trendIndex, under18, youthGroups, type AgeBand, type PopulationModel, type YouthGroups } from './population';
import { Random, splitCount } from './random';
import { carriedOver, measuresWithCarry, withCarry, type MeasureFlows } from './stock-flow';

export const SEXES = ['jongens', 'meisjes'] as const;
export type Sex = (typeof SEXES)[number];

/** Per maatregel, and (`total`) youths with any measure: one youth with two kinds of measure counts once there. */
export type PerMaatregel = Record<Maatregel | 'total', number>;

export type MaatregelTrajecten = MeasureFlows;

/** Begun and ended jeugdhulptrajecten of one kind (zonder or met verblijf): how they started, how long they ran, how they ended. */
export interface EindeFigures {
  gestart: number;
  /** Begun trajecten of youths who had jeugdhulp in the five years before (herhaald beroep). */
  herhaald: number;
  beeindigd: number;
  /** Ended trajecten per duration class, in the order of DUUR_KLASSEN; they add up to `beeindigd`. */
  duur: number[];
  /** The days the ended trajecten ran, added up: the average duration is this over `beeindigd`. */
  dagen: number;
  /** Ended trajecten per reason; they add up to `beeindigd`. */
  reden: Record<EindeReden, number>;
}

export const VERBLIJF_KINDS = ['zonder', 'met'] as const;
export type VerblijfKind = (typeof VERBLIJF_KINDS)[number];

export interface PersonCounts {
  total: number;
  zonder: number;
  met: number;
}

/** One gemeente in one half year, or in a whole year. NaN marks a figure that was not delivered (wijkteam). */
export interface PeriodFigures {
  groups: YouthGroups;
  jeugdhulp: Record<AgeBand, Record<Sex, PersonCounts>>;
  /** Per hulpvorm, in the order of HULPVORMEN. */
  trajecten: Array<{ lopend: number; gestart: number; beeindigd: number }>;
  /** Started trajecten per verwijzer, in the order of VERWIJZERS. */
  verwijzers: number[];
  /** Youths with jeugdbescherming. */
  jb: PerMaatregel;
  /** Of those, the youths who also had jeugdhulp met verblijf in the period (never more than jeugdhulp's own). */
  jbVerblijf: PerMaatregel;
  /** Measures running, begun and ended in the period, per maatregel (they add up to all measures). */
  jbTrajecten: Record<Maatregel, MaatregelTrajecten>;
  jr: number;
  /** Trajecten of jeugdreclassering running, begun and ended, per form (they add up to all trajecten). */
  jrTrajecten: Record<JrSoort, MaatregelTrajecten>;
  /** Begun and ended jeugdhulptrajecten zonder and met verblijf in detail (the same trajecten as `trajecten`). */
  einde: Record<VerblijfKind, EindeFigures>;
}

/** Youths under 18 with jeugdhulp who came in during a period (none running on its first day), and who stopped (none running on its last day). */
export interface Stroom {
  instroom: number;
  uitstroom: number;
}

/**
 * Persons in a whole year from the two half years: near `ratio` times their mean, never fewer than the larger
 * half year and never more than the two added.
 */
function personsInYear(first: number, second: number, ratio: number, r: Random): number {
  if (Number.isNaN(first) || Number.isNaN(second)) return NaN;
  const estimate = Math.round(((first + second) / 2) * ratio * r.factor(0.02));
  return Math.min(first + second, Math.max(first, second, estimate));
}

function sumTrajecten(parts: readonly MaatregelTrajecten[]): MaatregelTrajecten {
  return parts.reduce((sum, t) => ({ lopend: sum.lopend + t.lopend, begonnen: sum.begonnen + t.begonnen, beeindigd: sum.beeindigd + t.beeindigd }), { lopend: 0, begonnen: 0, beeindigd: 0 });
}

/**
 * Moves the year's persons of these groups (`totals`, set in place) to add up to `target`, each within what its
 * half years allow: at least the larger half year, at most the two added. Each group moves by the same share
 * of its room, rounded down, so the groups never add up to more than the target.
 */
function fitPersonsToTotal(
  groups: ReadonlyArray<{ band: AgeBand; sex: Sex }>,
  totals: Record<AgeBand, Record<Sex, number>>,
  first: Record<AgeBand, Record<Sex, PersonCounts>>,
  second: Record<AgeBand, Record<Sex, PersonCounts>>,
  target: number,
): void {
  const bounds = groups.map(({ band, sex }) => {
    const [a, b] = [first[band][sex].total, second[band][sex].total];
    return { band, sex, now: totals[band][sex], low: Math.max(a, b), high: a + b };
  });
  const sum = (pick: (g: (typeof bounds)[number]) => number) => bounds.reduce((s, g) => s + pick(g), 0);
  const now = sum((g) => g.now);
  if (target < now) {
    const share = Math.max(0, (target - sum((g) => g.low)) / (now - sum((g) => g.low)));
    for (const g of bounds) totals[g.band][g.sex] = g.low + Math.floor((g.now - g.low) * share);
  } else if (target > now) {
    const room = sum((g) => g.high) - now;
    const share = room > 0 ? Math.min(1, (target - now) / room) : 0;
    for (const g of bounds) totals[g.band][g.sex] = g.now + Math.floor((g.high - g.now) * share);
  }
}

/** Trajecten in a whole year: those running in the 1st half year or begun in the 2nd; begun and ended add up. */
function trajectenInYear(a: MaatregelTrajecten, b: MaatregelTrajecten): MaatregelTrajecten {
  return { lopend: Math.max(a.lopend, b.lopend, a.lopend + b.begonnen), begonnen: a.begonnen + b.begonnen, beeindigd: a.beeindigd + b.beeindigd };
}

/** Youths under 18 with jeugdhulp: the age bands below 18, both sexes. */
export function youthsUnder18(jeugdhulp: Record<AgeBand, Record<Sex, PersonCounts>>): number {
  return (['00-04', '04-12', '12-18'] as const).reduce((s, band) => s + jeugdhulp[band].jongens.total + jeugdhulp[band].meisjes.total, 0);
}

/** The share of a gemeente's youths with jeugdhulp whose wijk is known (in CBS's wijken table, too, the wijken hold fewer youths than their gemeente). */
export const WIJK_KNOWN = 0.95;

export class DemoWorld {
  private readonly characters = new Map<string, Character>();
  private readonly periodFigures = new Map<string, PeriodFigures>();
  private readonly flows = new Map<string, Stroom>();

  constructor(
    readonly register: RegionRegister,
    readonly population: PopulationModel,
    readonly seed: number,
  ) {}

  /** A gemeente's character; a gemeente formed by a herindeling inherits the blend of its parts. */
  character(code: string): Character {
    const known = this.characters.get(code);
    if (known) return known;
    const own = drawCharacter(this.seed, code);
    const g = this.register.gemeente(code);
    let character = own;
    if (g && g.eersteJaar > this.register.firstYear) {
      const before = g.eersteJaar - 1;
      const parts = this.register
        .parts(code, before, g.eersteJaar)
        .filter((p) => p.code !== code)
        .map((p) => ({ character: this.character(p.code), weight: p.share * this.population.vector(p.code, before).inwoners }));
      character = blendCharacters(parts, own);
    }
    this.characters.set(code, character);
    return character;
  }

  /** The figures of a gemeente in a half year (on that year's indeling). */
  halfYear(code: string, year: number, half: 1 | 2): PeriodFigures {
    const key = `${code}|${year}|${half}`;
    let figures = this.periodFigures.get(key);
    if (!figures) this.periodFigures.set(key, (figures = this.computeHalfYear(code, year, half)));
    return figures;
  }

  private computeHalfYear(code: string, year: number, half: 1 | 2): PeriodFigures {
    const c = this.character(code);
    const t = timeOf(year, half);
    const r = Random.for(this.seed, 'halfjaar', code, year, half);
    const groups = this.population.groups(code, year);
    const level = jeugdhulpRate(t) * c.level * (1 + c.drift * (t - 2020)) * r.factor(0.02);

    const jeugdhulp = {} as Record<AgeBand, Record<Sex, PersonCounts>>;
    for (const band of AGE_BANDS) {
      const verblijfShare = Math.min(0.8, VERBLIJF_SHARE[band] * c.verblijf * r.factor(0.05));
      const bySex = {} as Record<Sex, PersonCounts>;
      for (const sex of SEXES) {
        const total = r.count(level * ageProfile(band, sex) * groups[band][sex]);
        const met = Math.min(total, r.count(total * verblijfShare));
        const zonder = Math.min(total, total - met + r.count(met * VERBLIJF_OVERLAP));
        bySex[sex] = { total, zonder, met };
      }
      jeugdhulp[band] = bySex;
    }

    let persons = 0;
    let withStay = 0;
    for (const band of AGE_BANDS) for (const sex of SEXES) {
      persons += jeugdhulp[band][sex].total;
      withStay += jeugdhulp[band][sex].met;
    }
    const stayFactor = persons > 0 ? withStay / persons / 0.1 : 1;
    const perPerson = trajectenPerPerson(t) * c.trajecten;
    const drawn = HULPVORMEN.map((h) => {
      if (h.code === '01' && !c.wijkteam) return { lopend: NaN, gestart: NaN, beeindigd: NaN };
      const share = h.code === '01' ? h.share * 1.5 : h.verblijf ? h.share * Math.min(stayFactor, 3) : h.share;
      const lopend = r.count((persons * perPerson * share) / 0.8);
      const gestart = Math.min(lopend, r.count(lopend * h.started * r.factor(0.06)));
      const beeindigd = Math.min(lopend, r.count(gestart * 0.97 * r.factor(0.05)));
      return { lopend, gestart, beeindigd };
    });
    // What runs is what carried over from the half year before plus what began (stock-flow.ts).
    const carry = this.carried(code, year, half, (f) => f.trajecten);
    const trajecten = drawn.map((d, i) => withCarry(d, carry?.[i]));

    const startedOf = (list: typeof drawn) => list.reduce((s, x) => s + (Number.isNaN(x.gestart) ? 0 : x.gestart), 0);
    const weights = verwijzerWeights(t, c.toegang).map((w, i) => (i === 3 ? w * c.jb : w));
    // Split as drawn (which keeps the draws after it as they were), then the begun trajecten in those proportions.
    const drawnVerwijzers = splitCount(startedOf(drawn), weights, r);
    const started = startedOf(trajecten);
    const verwijzers =
      started === startedOf(drawn) ? drawnVerwijzers : splitCount(started, drawnVerwijzers.some((n) => n > 0) ? drawnVerwijzers : weights, Random.for(this.seed, 'verwijzers', code, year, half));

    const jbExpected = jeugdbeschermingRate(t) * c.jb * under18(groups) * r.factor(0.04);
    const drawnOtsOnly = r.count(jbExpected * JB_MIX.ots);
    const drawnVotsOnly = r.count(jbExpected * JB_MIX.vots);
    const drawnBoth = r.count(jbExpected * JB_MIX.both);
    const drawnVoogdij = r.count(jbExpected * JB_MIX.voogdij);
    const drawnJr = r.count(jeugdreclasseringRate(t) * c.jr * aged12to23(groups) * r.factor(0.06));

    // The detail of jeugdbescherming draws from a stream of its own, so the figures above stay as they were.
    const d = Random.for(this.seed, 'jeugdbescherming', code, year, half);
    const drawnJb: Record<Maatregel, number> = {
      ots: drawnOtsOnly + drawnBoth,
      vots: drawnVotsOnly + drawnBoth,
      voogdij: drawnVoogdij,
      vvoogdij: Math.min(drawnOtsOnly + drawnBoth + drawnVoogdij, d.count(jbExpected * JB_SHORT_MIX.vvoogdij)),
      tvoogdij: Math.min(drawnOtsOnly + drawnBoth + drawnVoogdij, d.count(jbExpected * JB_SHORT_MIX.tvoogdij)),
    };
    // The measures are one stock with the half year before (stock-flow.ts), drawn around what the youths need.
    const jbCarry = this.carried(code, year, half, (f) => MAATREGELEN.map((m) => f.jbTrajecten[m]));
    const jbTrajecten = {} as Record<Maatregel, MaatregelTrajecten>;
    MAATREGELEN.forEach((m, i) => {
      const p = JB_TRAJECTEN[m];
      const lopend = drawnJb[m] === 0 ? 0 : Math.max(drawnJb[m], d.count(drawnJb[m] * p.perYouth));
      const begonnen = Math.min(lopend, d.count(lopend * p.begun * d.factor(0.08)));
      const beeindigd = Math.min(lopend, d.count(begonnen * p.endedPerBegun * d.factor(0.06)));
      jbTrajecten[m] = measuresWithCarry({ lopend, begonnen, beeindigd }, jbCarry?.[i]);
    });
    // The youths follow their measures, so they too are those who had one before and did not end it, plus those
    // who began one: never more youths than measures running, nor more than last half year's and the begun ones.
    const youthsWith = (m: Maatregel) => Math.round(jbTrajecten[m].lopend / JB_TRAJECTEN[m].perYouth);
    const [ots, vots, voogdij] = [youthsWith('ots'), youthsWith('vots'), youthsWith('voogdij')];
    // Youths with both an OTS and a voorlopige OTS: the drawn share of the youths with an OTS.
    const both = Math.min(vots, Math.round((ots * drawnBoth) / Math.max(1, drawnOtsOnly + drawnBoth)));
    const [otsOnly, votsOnly] = [ots - both, vots - both];
    const beside = otsOnly + both + voogdij;
    const jb: PerMaatregel = {
      ots,
      vots,
      voogdij,
      vvoogdij: Math.min(beside, youthsWith('vvoogdij')),
      tvoogdij: Math.min(beside, youthsWith('tvoogdij')),
      total: otsOnly + votsOnly + both + voogdij,
    };
    // Where a gemeente places more youths in jeugdhulp met verblijf, it does so in jeugdbescherming too.
    const placing = Math.min(1.25, Math.max(0.8, Math.sqrt(c.verblijf)));
    const placed = (n: number, m: Maatregel | 'both') => Math.min(n, d.count(n * Math.min(0.97, JB_VERBLIJF_SHARE[m] * placing * d.factor(0.05))));
    const parts = [placed(otsOnly, 'ots'), placed(votsOnly, 'vots'), placed(both, 'both'), placed(voogdij, 'voogdij')];
    // Never more youths placed than jeugdhulp met verblijf under 18 of the same gemeente.
    const withStayUnder18 = AGE_BANDS.filter((b) => b !== '18-23').reduce((sum, b) => sum + jeugdhulp[b].jongens.met + jeugdhulp[b].meisjes.met, 0);
    const all = parts.reduce((a, b) => a + b, 0);
    const [otsV, votsV, bothV, voogdijV] = all > withStayUnder18 ? parts.map((n) => Math.floor((n * withStayUnder18) / all)) : parts;
    const totalV = otsV! + votsV! + bothV! + voogdijV!;
    const jbVerblijf: PerMaatregel = {
      ots: otsV! + bothV!,
      vots: votsV! + bothV!,
      voogdij: voogdijV!,
      vvoogdij: Math.min(totalV, placed(jb.vvoogdij, 'vvoogdij')),
      tvoogdij: Math.min(totalV, placed(jb.tvoogdij, 'tvoogdij')),
      total: totalV,
    };
    // Jeugdreclassering by form, from a stream of its own as well, and one stock the same way. The new registration
    // of 2021 counts the trajecten that carry over into its first half year as it counts all: more of them.
    const j = Random.for(this.seed, 'jeugdreclassering', code, year, half);
    const recount = year === JEUGDRECLASSERING_NEW_REGISTRATION && half === 1 ? JEUGDRECLASSERING_NEW_COUNT : 1;
    const jrCarry = this.carried(code, year, half, (f) => JR_SOORTEN.map((s) => f.jrTrajecten[s]))?.map((n) => Math.round(n * recount));
    const jrTrajecten = {} as Record<JrSoort, MaatregelTrajecten>;
    JR_SOORTEN.forEach((s, i) => {
      const lopend = j.count(drawnJr * JR_TRAJECTEN_PER_YOUTH * JR_TRAJECTEN[s].share * j.factor(0.1));
      const begonnen = Math.min(lopend, j.count(lopend * JR_TRAJECTEN[s].begun * j.factor(0.08)));
      const beeindigd = Math.min(lopend, j.count(begonnen * j.factor(0.08)));
      jrTrajecten[s] = measuresWithCarry({ lopend, begonnen, beeindigd }, jrCarry?.[i]);
    });
    // Every youth with jeugdreclassering has a traject, some more than one; the youths follow the trajecten.
    const jr = Math.round(JR_SOORTEN.reduce((sum, s) => sum + jrTrajecten[s].lopend, 0) / JR_TRAJECTEN_PER_YOUTH);
    const einde = this.eindeOf(code, year, half, trajecten);
    return { groups, jeugdhulp, trajecten, verwijzers, jb, jbVerblijf, jbTrajecten, jr, jrTrajecten, einde };
  }

  /**
   * Per kind (hulpvorm, maatregel or form of jeugdreclassering, as `kinds` lists them), what ran in the half
   * year before this one and did not end there, on this half year's indeling (a merged gemeente's parts added
   * by their shares); undefined in the first half year of the series, or NaN where a part did not deliver it.
   */
  private carried(code: string, year: number, half: 1 | 2, kinds: (f: PeriodFigures) => readonly Pick<MeasureFlows, 'lopend' | 'beeindigd'>[]): number[] | undefined {
    if (half === 2) return kinds(this.halfYear(code, year, 1)).map(carriedOver);
    if (year - 1 < this.register.firstYear) return undefined;
    const parts = this.register.parts(code, year - 1, year);
    if (parts.length === 0) return undefined;
    let sums: number[] | undefined;
    for (const part of parts) {
      const carry = kinds(this.halfYear(part.code, year - 1, 2)).map((t) => part.share * carriedOver(t));
      sums = sums ? sums.map((n, i) => n + carry[i]!) : carry;
    }
    return sums!.map((n) => Math.round(n));
  }

  /** The youths under 18 who came into and went out of jeugdhulp in a half year or a whole year. */
  stroom(code: string, period: Pick<Period, 'kind' | 'year' | 'part'>): Stroom {
    const key = `${code}|${period.year}|${period.kind === 'jaar' ? 'jaar' : period.part}`;
    let flows = this.flows.get(key);
    if (!flows) {
      flows = period.kind === 'jaar' ? this.yearStroom(code, period.year) : this.halfYearStroom(code, period.year, period.part as 1 | 2);
      this.flows.set(key, flows);
    }
    return flows;
  }

  /**
   * A half year's flows: each a share of its youths with jeugdhulp, never more than those. Within a year they
   * carry one half year into the other: the 2nd half year's youths beyond the 1st's came in during the 2nd,
   * and the 1st's beyond the 2nd's stopped during the 1st.
   */
  private halfYearStroom(code: string, year: number, half: 1 | 2): Stroom {
    const persons = youthsUnder18(this.halfYear(code, year, half).jeugdhulp);
    const other = youthsUnder18(this.halfYear(code, year, half === 1 ? 2 : 1).jeugdhulp);
    const r = Random.for(this.seed, 'stroom', code, year, half);
    const shares = stroomShares(timeOf(year, half));
    // A gemeente whose jeugdhulp grows takes in more youths than it lets go.
    const leaning = 1 + 4 * this.character(code).drift;
    const instroom = Math.min(persons, r.count(persons * shares.instroom * leaning * r.factor(0.05)));
    const uitstroom = Math.min(persons, r.count(persons * shares.uitstroom * r.factor(0.05)));
    return half === 2 ? { instroom: Math.max(instroom, persons - other), uitstroom } : { instroom, uitstroom: Math.max(uitstroom, persons - other) };
  }

  /**
   * A year's flows from its half years: came in during the 1st half year, or during the 2nd without being one of
   * those coming back (they had jeugdhulp on 1 January or came in during the 1st); stopped during the 2nd, or
   * during the 1st and not back. Those coming back are the half years' youths added, less the year's.
   */
  private yearStroom(code: string, year: number): Stroom {
    const [first, second] = [this.stroom(code, { kind: 'halfjaar', year, part: 1 }), this.stroom(code, { kind: 'halfjaar', year, part: 2 })];
    const back = youthsUnder18(this.halfYear(code, year, 1).jeugdhulp) + second.instroom - youthsUnder18(this.year(code, year).jeugdhulp);
    return {
      instroom: Math.max(first.instroom, first.instroom + second.instroom - back),
      uitstroom: Math.max(second.uitstroom, first.uitstroom + second.uitstroom - back),
    };
  }

  /**
   * How the begun and ended trajecten of a half year (`trajecten`, per hulpvorm) started, lasted and ended, per
   * kind: the same trajecten, from a stream of their own so the other figures stay as they were. A gemeente
   * keeps its own leaning (longer help, more help ended as planned, more youths returning) through the years.
   */
  private eindeOf(code: string, year: number, half: 1 | 2, trajecten: PeriodFigures['trajecten']): Record<VerblijfKind, EindeFigures> {
    const { longer, planned, returning } = this.eindeLeaning(code);
    const e = Random.for(this.seed, 'einde', code, year, half);
    const out = {} as Record<VerblijfKind, EindeFigures>;
    for (const kind of VERBLIJF_KINDS) {
      const profile = EINDE_PROFIEL[kind];
      const sum = (key: 'gestart' | 'beeindigd') =>
        HULPVORMEN.reduce((total, h, i) => (h.verblijf === (kind === 'met') && !Number.isNaN(trajecten[i]![key]) ? total + trajecten[i]![key] : total), 0);
      const [gestart, beeindigd] = [sum('gestart'), sum('beeindigd')];
      const herhaald = Math.min(Math.round(gestart * 0.95), e.count(gestart * profile.herhaald * returning * e.factor(0.05)));
      // Longer help shifts the ended trajecten from the short classes to the long ones.
      const duur = splitCount(beeindigd, profile.duur.map((share, k) => share * longer ** ((k - 2) / 2) * e.factor(0.1)), e);
      const dagen = Math.round(duur.reduce((total, n, k) => total + n * DUUR_KLASSEN[k]!.days * e.factor(0.03), 0));
      const weights = EINDE_REDENEN.map((r) => (r === 'onbekend' && year < 2021 ? 0 : profile.reden[r] * (r === 'volgensPlan' ? planned : 1) * e.factor(0.1)));
      const parts = splitCount(beeindigd, weights, e);
      const reden = Object.fromEntries(EINDE_REDENEN.map((r, i) => [r, parts[i]!])) as Record<EindeReden, number>;
      out[kind] = { gestart, herhaald, beeindigd, duur, dagen, reden };
    }
    return out;
  }

  /** A gemeente's own leaning in how its jeugdhulp lasts and ends, the same in every period. */
  private eindeLeaning(code: string): { longer: number; planned: number; returning: number } {
    const own = Random.for(this.seed, 'einde-karakter', code);
    const [longer, planned, returning] = [own.factor(0.15), own.factor(0.08), own.factor(0.12)];
    return { longer, planned, returning };
  }

  /**
   * Of the youths under 18 who stopped with jeugdhulp in a half year (its uitstroom), how many had jeugdhulp
   * again within a year of stopping. A gemeente whose begun trajecten are more often herhaald beroep sees
   * more of its youths come back.
   */
  terugkeer(code: string, year: number, half: 1 | 2): { uitstroom: number; terug: number } {
    const { uitstroom } = this.stroom(code, { kind: 'halfjaar', year, part: half });
    const r = Random.for(this.seed, 'terugkeer', code, year, half);
    const terug = Math.min(uitstroom, r.count(uitstroom * terugkeerShare(timeOf(year, half)) * this.eindeLeaning(code).returning * r.factor(0.06)));
    return { uitstroom, terug };
  }

  /** The figures of a gemeente in a half year or a whole year (on that year's indeling). */
  figures(code: string, period: Pick<Period, 'kind' | 'year' | 'part'>): PeriodFigures {
    if (period.kind === 'jaar') return this.year(code, period.year);
    if (period.kind !== 'halfjaar') throw new Error(`demo: geen cijfers per ${period.kind}`);
    return this.halfYear(code, period.year, period.part as 1 | 2);
  }

  /**
   * The figures of a gemeente in a whole year, made from its two half years as CBS counts them: a youth with
   * help (or a measure) in both half years counts once in the year, so a count of persons lies between the
   * larger half year and the two added, the nearer the sum the shorter the help (YEAR_OVER_HALF_YEAR), and
   * within what the flows allow: the youths under 18 with jeugdhulp are the 1st half year's and those who came
   * in during the 2nd, less those coming back; never are there more youths with a measure than measures running.
   * Trajecten started or ended add up; a traject running in the year ran in the 1st half year or started in
   * the 2nd. The wijken table's year figure (yearJeugdhulp) is the sum of these, so one year has one figure.
   */
  year(code: string, year: number): PeriodFigures {
    const key = `${code}|${year}|jaar`;
    let figures = this.periodFigures.get(key);
    if (!figures) this.periodFigures.set(key, (figures = this.computeYear(code, year)));
    return figures;
  }

  private computeYear(code: string, year: number): PeriodFigures {
    const [h1, h2] = [this.halfYear(code, year, 1), this.halfYear(code, year, 2)];
    const r = Random.for(this.seed, 'jaar', code, year);
    const persons = (a: number, b: number, ratio: number) => personsInYear(a, b, ratio, r);
    const totals = {} as Record<AgeBand, Record<Sex, number>>;
    for (const band of AGE_BANDS) {
      totals[band] = {} as Record<Sex, number>;
      for (const sex of SEXES) totals[band][sex] = persons(h1.jeugdhulp[band][sex].total, h2.jeugdhulp[band][sex].total, YEAR_OVER_HALF_YEAR.jeugdhulp);
    }
    // The youths under 18 of the year are those of the 1st half year and those who came in during the 2nd, less
    // the youths who stopped in the 1st and came back in the 2nd (they are in both): year = H1 + instroom − back.
    // Most of the youths who come back within a year (terugkeer) do so within the next half year.
    const [first, second] = [this.stroom(code, { kind: 'halfjaar', year, part: 1 }), this.stroom(code, { kind: 'halfjaar', year, part: 2 })];
    const inflow = second.instroom;
    const comingBack = Math.min(first.uitstroom, inflow, Math.round(this.terugkeer(code, year, 1).terug * 0.6 * r.factor(0.1)));
    const under18Bands = AGE_BANDS.filter((band) => band !== '18-23');
    fitPersonsToTotal(under18Bands.flatMap((band) => SEXES.map((sex) => ({ band, sex }))), totals, h1.jeugdhulp, h2.jeugdhulp, youthsUnder18(h1.jeugdhulp) + inflow - comingBack);
    const jeugdhulp = {} as Record<AgeBand, Record<Sex, PersonCounts>>;
    for (const band of AGE_BANDS) {
      const bySex = {} as Record<Sex, PersonCounts>;
      for (const sex of SEXES) {
        const [a, b] = [h1.jeugdhulp[band][sex], h2.jeugdhulp[band][sex]];
        const total = totals[band][sex];
        const met = Math.min(total, persons(a.met, b.met, YEAR_OVER_HALF_YEAR.verblijf));
        // Everyone counted had help with or without verblijf (or both, in turn).
        const zonder = Math.max(total - met, Math.min(total, persons(a.zonder, b.zonder, YEAR_OVER_HALF_YEAR.jeugdhulp)));
        bySex[sex] = { total, zonder, met };
      }
      jeugdhulp[band] = bySex;
    }
    const trajecten = h1.trajecten.map((a, i) => {
      const b = h2.trajecten[i]!;
      return { lopend: Math.max(a.lopend, b.lopend, a.lopend + b.gestart), gestart: a.gestart + b.gestart, beeindigd: a.beeindigd + b.beeindigd };
    });
    const verwijzers = h1.verwijzers.map((n, i) => n + h2.verwijzers[i]!);
    const jbTrajecten = {} as Record<Maatregel, MaatregelTrajecten>;
    for (const m of MAATREGELEN) jbTrajecten[m] = trajectenInYear(h1.jbTrajecten[m], h2.jbTrajecten[m]);
    const jrTrajecten = {} as Record<JrSoort, MaatregelTrajecten>;
    for (const s of JR_SOORTEN) jrTrajecten[s] = trajectenInYear(h1.jrTrajecten[s], h2.jrTrajecten[s]);
    // A youth with a measure in the year had at least one of the measures running in the year, and had one
    // running in the 1st half year or begun in the 2nd (as far as the half years allow: their youths are drawn
    // apart, so the 2nd can hold more than the 1st and its begun measures).
    const withMeasure = (a: number, b: number, ratio: number, measures: MaatregelTrajecten, begunLater: number) =>
      Math.max(a, b, Math.min(persons(a, b, ratio), measures.lopend, a + begunLater));
    const jbPersons = (m: Maatregel) => withMeasure(h1.jb[m], h2.jb[m], YEAR_OVER_HALF_YEAR[m], jbTrajecten[m], h2.jbTrajecten[m].begonnen);
    const [ots, vots, voogdij] = [jbPersons('ots'), jbPersons('vots'), jbPersons('voogdij')];
    const allMeasures = sumTrajecten(MAATREGELEN.map((m) => jbTrajecten[m]));
    const begunLater = MAATREGELEN.reduce((sum, m) => sum + h2.jbTrajecten[m].begonnen, 0);
    // A youth with more than one kind of measure in the year counts once in the total.
    const jbTotal = Math.min(ots + vots + voogdij, Math.max(ots, vots, voogdij, withMeasure(h1.jb.total, h2.jb.total, YEAR_OVER_HALF_YEAR.ots, allMeasures, begunLater)));
    const jrMeasures = sumTrajecten(JR_SOORTEN.map((s) => jrTrajecten[s]));
    const jrBegunLater = JR_SOORTEN.reduce((sum, s) => sum + h2.jrTrajecten[s].begonnen, 0);
    const jr = withMeasure(h1.jr, h2.jr, YEAR_OVER_HALF_YEAR.jeugdreclassering, jrMeasures, jrBegunLater);
    // The short measures run beside the others: their youths are in the total already.
    const vvoogdij = Math.min(jbTotal, jbPersons('vvoogdij'));
    const tvoogdij = Math.min(jbTotal, jbPersons('tvoogdij'));
    const jb: PerMaatregel = { ots, vots, voogdij, vvoogdij, tvoogdij, total: jbTotal };
    // Placed in one half year, mostly still placed in the other; never more than the year's own youths.
    const placedInYear = (k: Maatregel | 'total') => Math.min(jb[k], persons(h1.jbVerblijf[k], h2.jbVerblijf[k], YEAR_OVER_HALF_YEAR.jbVerblijf));
    const withStayUnder18 = AGE_BANDS.filter((b) => b !== '18-23').reduce((sum, b) => sum + jeugdhulp[b].jongens.met + jeugdhulp[b].meisjes.met, 0);
    const totalV = Math.min(withStayUnder18, placedInYear('total'));
    const jbVerblijf = { total: totalV } as PerMaatregel;
    for (const m of MAATREGELEN) jbVerblijf[m] = Math.min(totalV, placedInYear(m));
    // Begun and ended trajecten of a year are those of its half years; so are their days and reasons.
    const einde = {} as Record<VerblijfKind, EindeFigures>;
    for (const kind of VERBLIJF_KINDS) {
      const [a, b] = [h1.einde[kind], h2.einde[kind]];
      einde[kind] = {
        gestart: a.gestart + b.gestart,
        herhaald: a.herhaald + b.herhaald,
        beeindigd: a.beeindigd + b.beeindigd,
        duur: a.duur.map((n, k) => n + b.duur[k]!),
        dagen: a.dagen + b.dagen,
        reden: Object.fromEntries(EINDE_REDENEN.map((r) => [r, a.reden[r] + b.reden[r]])) as Record<EindeReden, number>,
      };
    }
    return { groups: h1.groups, jeugdhulp, trajecten, verwijzers, jb, jbVerblijf, jbTrajecten, jr, jrTrajecten, einde };
  }

  /** Youths under 18 with jeugdhulp in a whole year: fewer than the two half years added (most continue). */
  yearJeugdhulp(code: string, year: number): number {
    return youthsUnder18(this.year(code, year).jeugdhulp);
  }

  /** Youths under 18 in a wijk (its inhabitants of 2022 with the provincie's trend), or undefined when unknown. */
  wijkYouth(wijk: WijkRecord, year: number): number | undefined {
    let { inwoners0tot15: jong, inwoners15tot25: tiener } = wijk;
    if (jong === null && wijk.inwoners !== null) jong = Math.round(wijk.inwoners * 0.16);
    if (tiener === null && wijk.inwoners !== null) tiener = Math.round(wijk.inwoners * 0.12);
    if (jong === null || tiener === null) return undefined;
    // The provincie's trend, not the gemeente's own change: a gemeente's area changes with a herindeling, a wijk's does not.
    const provincie = this.register.provincieOf(wijk.gemeente) ?? '';
    const trend = trendIndex(provincie, year) / trendIndex(provincie, wijk.jaar);
    return under18(youthGroups({ inwoners: wijk.inwoners ?? 0, jong, tiener })) * trend;
  }

  /**
   * Youths under 18 per wijk of a gemeente in a year (undefined where unknown): wijkYouth, scaled down where
   * the wijken together would hold more youths than their gemeente (the wijk figures come from another source
   * and year, with the provincie's trend; a gemeente of one wijk would otherwise outgrow itself).
   */
  wijkYouths(gemeente: string, wijken: readonly WijkRecord[], year: number): Map<string, number | undefined> {
    const youths = new Map(wijken.map((w) => [w.code, this.wijkYouth(w, year)] as const));
    const sum = [...youths.values()].reduce<number>((a, b) => a + (b ?? 0), 0);
    const whole = under18(this.population.groups(gemeente, year));
    const scale = sum > whole ? whole / sum : 1;
    return new Map([...youths].map(([code, youth]) => [code, youth === undefined ? undefined : youth * scale]));
  }

  /**
   * How a gemeente's youths with jeugdhulp spread over its wijken in a year: each wijk's weight is its youths
   * times a persistent wijk factor (some wijken need much more help than others); undefined where the wijk's
   * youths are unknown. The wijken hold WIJK_KNOWN of the gemeente's youths with jeugdhulp (as in CBS's
   * wijken table, not every youth has a known wijk; households.ts spreads them), so the wijken never add up
   * to more than their gemeente.
   */
  wijkWeights(gemeente: string, wijken: readonly WijkRecord[], year: number): Map<string, number> {
    const weights = new Map<string, number>();
    const youths = this.wijkYouths(gemeente, wijken, year);
    for (const wijk of wijken) {
      const youth = youths.get(wijk.code);
      if (youth !== undefined) weights.set(wijk.code, youth * Random.for(this.seed, 'wijk', wijk.code).factor(0.3));
    }
    return weights;
  }
}
