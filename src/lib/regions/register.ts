import { NEDERLAND, regionKind, slugify, type RegionKind } from './codes';
import { referenceWijkAreaChanges, wijkChangeNote, wijkVersionsOf, type WijkAreaChanges, type WijkVersion } from './wijk-versions';

/**
 * The register of regions: every gemeente of every indeling since 2015, the herindelingen between them,
 * provincies and jeugdregio's. Built from the project's reference files (src/reference, credited to CBS).
 */
export interface GemeenteRecord {
  code: string;
  naam: string;
  /** The name as StatLine writes it, disambiguated: "Utrecht (gemeente)", "Bergen (NH.)". */
  statlineNaam: string;
  provincie: string;
  /** First indeling year the gemeente exists in (2015 for those that existed at the start). */
  eersteJaar: number;
  /** Last indeling year it exists in; null while it exists. */
  laatsteJaar: number | null;
}

export type HerindelingSoort = 'samenvoeging' | 'opsplitsing' | 'grenscorrectie' | 'naamswijziging';

export interface HerindelingRecord {
  /** The year of the new indeling (the change took effect on 1 January). */
  jaar: number;
  oudeCode: string;
  oudeNaam: string;
  nieuweCode: string;
  nieuweNaam: string;
  /** Share of the old gemeente's addresses that went to the new one. */
  aandeel: number;
  soort: HerindelingSoort;
}

export interface NamedRegion {
  code: string;
  naam: string;
}

export interface PopulationRecord {
  code: string;
  jaar: number;
  inwoners: number | null;
  inwoners0tot15: number | null;
  inwoners15tot25: number | null;
}

export interface WijkRecord extends PopulationRecord {
  naam: string;
  gemeente: string;
}

export interface ReferenceData {
  provincies: NamedRegion[];
  gemeenten: GemeenteRecord[];
  herindelingen: HerindelingRecord[];
  jeugdregios: NamedRegion[];
  /** Membership on the latest indeling. */
  jeugdregioGemeenten: Array<{ gemeente: string; jeugdregio: string }>;
  inwoners: PopulationRecord[];
  wijken: WijkRecord[];
}

/** Where the figures of one gemeente go on a later indeling: target gemeenten with the share of addresses. */
export type Destination = { code: string; share: number };

/**
 * Size classes for "gelijksoortige gemeenten". CBS's own classes (20.000–50.000 holds 180 gemeenten) are
 * too coarse to compare with; these split the crowded middle as the domain brief suggests (35.000–50.000).
 */
export const SIZE_CLASSES = [
  { min: 0, max: 10_000, label: 'minder dan 10.000 inwoners' },
  { min: 10_000, max: 20_000, label: '10.000 tot 20.000 inwoners' },
  { min: 20_000, max: 35_000, label: '20.000 tot 35.000 inwoners' },
  { min: 35_000, max: 50_000, label: '35.000 tot 50.000 inwoners' },
  { min: 50_000, max: 100_000, label: '50.000 tot 100.000 inwoners' },
  { min: 100_000, max: 250_000, label: '100.000 tot 250.000 inwoners' },
  { min: 250_000, max: Infinity, label: '250.000 inwoners of meer' },
] as const;

export type SizeClass = (typeof SIZE_CLASSES)[number];

export class RegionRegister {
  readonly firstYear: number;
  /** The latest indeling, on which series are shown by default. */
  readonly latestYear: number;
  /** The indeling the jeugdregio membership of the reference is given on: that of the last herindeling. */
  readonly membershipYear: number;
  private readonly gemeenten = new Map<string, GemeenteRecord>();
  private readonly names = new Map<string, NamedRegion>();
  private readonly jeugdregioByGemeente = new Map<string, string>();
  private readonly herindelingenByYear = new Map<number, HerindelingRecord[]>();
  private readonly mappings = new Map<string, Map<string, Destination[]>>();
  private readonly inverseMappings = new Map<string, Map<string, Destination[]>>();
  private readonly byName = new Map<string, string[]>();
  private readonly slugs = new Map<string, string>();
  private readonly codesBySlug = new Map<string, string>();
  private readonly wijken = new Map<string, WijkRecord>();
  /** Years of the wijkindelingen the reference knows (2021 and 2022), ascending. */
  private readonly wijkYears: number[];
  private readonly wijkRecordsByCode = new Map<string, WijkRecord[]>();
  private readonly wijkVersionCache = new Map<string, WijkVersion[]>();
  private readonly wijkAreaChanges: WijkAreaChanges;
  private readonly population = new Map<string, PopulationRecord>();

  /**
   * `wijkAreaChanges`: which wijken got another area in which year (CBS IndelingswijzigingWijken), by
   * default src/reference/wijkindelingen.json.
   */
  constructor(readonly reference: ReferenceData, options: { latestYear?: number; wijkAreaChanges?: WijkAreaChanges } = {}) {
    this.firstYear = Math.min(...reference.gemeenten.map((g) => g.eersteJaar));
    const lastChange = Math.max(...reference.herindelingen.map((h) => h.jaar), this.firstYear);
    // The latest indeling is that of the newest figures: a site built from 2022 data shows 2022's gemeenten
    // (Weesp still on its own), not a later indeling its figures were never published on.
    this.latestYear = Math.max(options.latestYear ?? lastChange, this.firstYear);
    this.membershipYear = lastChange;
    for (const g of reference.gemeenten) this.gemeenten.set(g.code, g);
    this.names.set(NEDERLAND, { code: NEDERLAND, naam: 'Nederland' });
    for (const r of [...reference.provincies, ...reference.jeugdregios]) this.names.set(r.code, r);
    for (const m of reference.jeugdregioGemeenten) this.jeugdregioByGemeente.set(m.gemeente, m.jeugdregio);
    for (const h of reference.herindelingen) {
      const list = this.herindelingenByYear.get(h.jaar) ?? [];
      list.push(h);
      this.herindelingenByYear.set(h.jaar, list);
    }
    for (const w of reference.wijken) {
      this.wijken.set(`${w.code}|${w.jaar}`, w);
      const list = this.wijkRecordsByCode.get(w.code);
      if (list) list.push(w);
      else this.wijkRecordsByCode.set(w.code, [w]);
    }
    this.wijkYears = [...new Set(reference.wijken.map((w) => w.jaar))].sort((a, b) => a - b);
    this.wijkAreaChanges = options.wijkAreaChanges ?? referenceWijkAreaChanges();
    for (const p of reference.inwoners) this.population.set(`${p.code}|${p.jaar}`, p);
    this.indexNames();
    this.assignSlugs();
  }

  private indexNames(): void {
    const add = (name: string, code: string) => {
      const key = normaliseName(name);
      const list = this.byName.get(key) ?? [];
      if (!list.includes(code)) list.push(code);
      this.byName.set(key, list);
    };
    for (const g of this.gemeenten.values()) {
      add(g.naam, g.code);
      add(g.statlineNaam, g.code);
      // People type "Bergen" or "Hengelo", not "Bergen (NH.)": index the name without its qualifier too.
      add(g.statlineNaam.replace(/\s*\([^)]*\)$/, ''), g.code);
    }
    for (const r of this.names.values()) add(r.naam, r.code);
  }

  /** Gemeente slugs are their names; where two gemeenten share a name the StatLine name tells them apart. */
  private assignSlugs(): void {
    const counts = new Map<string, number>();
    for (const g of this.gemeenten.values()) counts.set(slugify(g.naam), (counts.get(slugify(g.naam)) ?? 0) + 1);
    for (const g of this.gemeenten.values()) {
      const plain = slugify(g.naam);
      const slug = (counts.get(plain) ?? 0) > 1 ? slugify(g.statlineNaam === g.naam ? `${g.naam} ${g.code}` : g.statlineNaam) : plain;
      this.slugs.set(g.code, slug);
      this.codesBySlug.set(slug, g.code);
    }
    for (const r of this.names.values()) this.slugs.set(r.code, slugify(r.naam));
  }

  /** Every gemeente that ever existed since the first indeling, current and former. */
  allGemeenten(): GemeenteRecord[] {
    return [...this.gemeenten.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  }

  /** The gemeenten of one year's indeling, by name. */
  gemeentenIn(year: number): GemeenteRecord[] {
    return this.allGemeenten().filter((g) => existsIn(g, year));
  }

  currentGemeenten(): GemeenteRecord[] {
    return this.gemeentenIn(this.latestYear);
  }

  formerGemeenten(): GemeenteRecord[] {
    return this.allGemeenten().filter((g) => g.laatsteJaar !== null && g.laatsteJaar < this.latestYear);
  }

  gemeente(code: string): GemeenteRecord | undefined {
    return this.gemeenten.get(code);
  }

  isCurrent(code: string): boolean {
    const g = this.gemeenten.get(code);
    return g !== undefined && existsIn(g, this.latestYear);
  }

  provincies(): NamedRegion[] {
    return this.reference.provincies;
  }

  jeugdregios(): NamedRegion[] {
    return this.reference.jeugdregios;
  }

  /** The name of any region: Nederland, a provincie, jeugdregio, gemeente (current or former) or wijk. */
  label(code: string): string {
    return this.gemeenten.get(code)?.naam ?? this.names.get(code)?.naam ?? this.wijk(code)?.naam ?? code;
  }

  kind(code: string): RegionKind | undefined {
    return regionKind(code);
  }

  slug(code: string): string {
    return this.slugs.get(code) ?? code.toLowerCase();
  }

  gemeenteBySlug(slug: string): GemeenteRecord | undefined {
    const code = this.codesBySlug.get(slug);
    return code ? this.gemeenten.get(code) : undefined;
  }

  /** The provincie of a gemeente (former gemeenten: the one of their successor). */
  provincieOf(code: string): string | undefined {
    return this.gemeenten.get(code)?.provincie;
  }

  /**
   * The jeugdregio of a gemeente of any year. The reference lists the members on the indeling of the last
   * herindeling (2023); a gemeente that merged away before then belongs to the region of the gemeente it
   * went into, and of a split the region most of its addresses went to. This holds whatever the latest
   * indeling of the site is: on a site of 2022 figures Weesp is a current gemeente, and still a member of
   * the jeugdregio Amsterdam joined it into.
   */
  jeugdregioOf(code: string): string | undefined {
    const direct = this.jeugdregioByGemeente.get(code);
    if (direct) return direct;
    const g = this.gemeenten.get(code);
    if (!g) return undefined;
    const from = Math.min(g.laatsteJaar ?? this.membershipYear, this.membershipYear);
    const main = this.destinations(code, from, this.membershipYear).sort((a, b) => b.share - a.share)[0];
    return main ? this.jeugdregioByGemeente.get(main.code) : undefined;
  }

  /** The gemeenten on the latest indeling that belong to a provincie or jeugdregio. */
  membersOf(regionCode: string): GemeenteRecord[] {
    const kind = regionKind(regionCode);
    return this.currentGemeenten().filter((g) =>
      kind === 'provincie' ? g.provincie === regionCode : kind === 'jeugdregio' ? this.jeugdregioOf(g.code) === regionCode : kind === 'land',
    );
  }

  /** The last indeling year a gemeente exists in, used as the starting point of its mapping. */
  private yearOf(code: string): number {
    const g = this.gemeenten.get(code);
    return g ? Math.min(g.laatsteJaar ?? this.latestYear, this.latestYear) : this.latestYear;
  }

  /**
   * Where each gemeente of the `fromYear` indeling goes on the `toYear` indeling, with shares. Merges give
   * share 1, splits the shares of addresses, a grenscorrectie moves its share and keeps the rest.
   */
  mapping(fromYear: number, toYear: number): Map<string, Destination[]> {
    const key = `${fromYear}>${toYear}`;
    const cached = this.mappings.get(key);
    if (cached) return cached;
    const result = new Map<string, Destination[]>();
    for (const g of this.gemeentenIn(fromYear)) result.set(g.code, this.destinations(g.code, fromYear, toYear));
    this.mappings.set(key, result);
    return result;
  }

  /** Where one gemeente's figures of `fromYear` go on the `toYear` indeling. */
  destinations(code: string, fromYear: number, toYear: number): Destination[] {
    let shares = new Map<string, number>([[code, 1]]);
    for (let year = fromYear + 1; year <= toYear; year++) {
      const changes = this.herindelingenByYear.get(year) ?? [];
      if (changes.length === 0) continue;
      const next = new Map<string, number>();
      for (const [holder, share] of shares) {
        const rows = changes.filter((h) => h.oudeCode === holder);
        if (rows.length === 0) {
          next.set(holder, (next.get(holder) ?? 0) + share);
          continue;
        }
        const corrections = rows.filter((h) => h.soort === 'grenscorrectie');
        const moves = rows.filter((h) => h.soort !== 'grenscorrectie');
        let kept = share;
        for (const h of corrections) {
          next.set(h.nieuweCode, (next.get(h.nieuweCode) ?? 0) + share * h.aandeel);
          kept -= share * h.aandeel;
        }
        if (moves.length === 0) {
          next.set(holder, (next.get(holder) ?? 0) + kept);
          continue;
        }
        const total = moves.reduce((sum, h) => sum + h.aandeel, 0);
        // Shares of a split are rounded in the source and need not add up to exactly 1; normalise them.
        for (const h of moves) next.set(h.nieuweCode, (next.get(h.nieuweCode) ?? 0) + (kept * h.aandeel) / total);
      }
      shares = next;
    }
    return [...shares].map(([c, share]) => ({ code: c, share })).sort((a, b) => b.share - a.share);
  }

  /**
   * The parts of a gemeente of the `toYear` indeling on the `fromYear` indeling: which gemeenten of then
   * make it up now, and with which share of each. Identity when nothing changed.
   */
  parts(code: string, fromYear: number, toYear: number): Destination[] {
    const key = `${fromYear}>${toYear}`;
    let inverse = this.inverseMappings.get(key);
    if (!inverse) {
      inverse = new Map();
      for (const [source, destinations] of this.mapping(fromYear, toYear)) {
        for (const d of destinations) {
          const list = inverse.get(d.code) ?? [];
          list.push({ code: source, share: d.share });
          inverse.set(d.code, list);
        }
      }
      this.inverseMappings.set(key, inverse);
    }
    return inverse.get(code) ?? [];
  }

  /** True when a gemeente of `toYear` is made of exactly the same gemeente in `fromYear`. */
  isUnchanged(code: string, fromYear: number, toYear: number): boolean {
    const parts = this.parts(code, fromYear, toYear);
    return parts.length === 1 && parts[0]!.code === code && Math.abs(parts[0]!.share - 1) < 1e-9;
  }

  /** The herindelingen a gemeente took part in, as old or new gemeente. */
  herindelingenOf(code: string): HerindelingRecord[] {
    return this.reference.herindelingen.filter((h) => h.oudeCode === code || h.nieuweCode === code);
  }

  /** Former gemeenten merged (wholly or partly) into a current gemeente, with the year of the change. */
  predecessorsOf(code: string): Array<{ gemeente: GemeenteRecord; jaar: number; share: number }> {
    const out: Array<{ gemeente: GemeenteRecord; jaar: number; share: number }> = [];
    for (const former of this.formerGemeenten()) {
      const d = this.destinations(former.code, this.yearOf(former.code), this.latestYear).find((x) => x.code === code);
      if (d) out.push({ gemeente: former, jaar: (former.laatsteJaar ?? this.latestYear) + 1, share: d.share });
    }
    return out.sort((a, b) => a.jaar - b.jaar || a.gemeente.naam.localeCompare(b.gemeente.naam, 'nl'));
  }

  /** Finds a gemeente or region by code, name or StatLine name (any case); several when a name is ambiguous. */
  resolve(query: string): string[] {
    const code = query.trim().toUpperCase();
    if (this.gemeenten.has(code) || this.names.has(code)) return [code];
    return this.byName.get(normaliseName(query)) ?? [];
  }

  /** A wijk as it was in a year (the latest known when no year is given). */
  wijk(code: string, year?: number): WijkRecord | undefined {
    if (year !== undefined) return this.wijken.get(`${code}|${year}`);
    let found: WijkRecord | undefined;
    for (const w of this.reference.wijken) if (w.code === code && (!found || w.jaar > found.jaar)) found = w;
    return found;
  }

  /** The wijken of a gemeente on the wijkindeling in force in a year (see wijkIndelingYear). */
  wijkenOf(gemeente: string, year: number): WijkRecord[] {
    const indeling = this.wijkIndelingYear(year);
    return this.reference.wijken.filter((w) => w.gemeente === gemeente && w.jaar === indeling);
  }

  /**
   * The year of the wijkindeling that holds for a period's year: the year itself when the reference has
   * its wijken, otherwise the nearest earlier one, and before the first one the first (the reference has
   * 2021 and 2022: 2018 is named as in 2021, 2025 as in 2022). Undefined without any wijken.
   */
  wijkIndelingYear(year: number): number | undefined {
    let found: number | undefined;
    for (const y of this.wijkYears) if (y <= year) found = y;
    return found ?? this.wijkYears[0];
  }

  /** A wijk as it was in the wijkindeling of a year; undefined when the code did not exist then. */
  wijkIn(code: string, year: number): WijkRecord | undefined {
    const indeling = this.wijkIndelingYear(year);
    return indeling === undefined ? undefined : this.wijken.get(`${code}|${indeling}`);
  }

  /** True when the reference knows the wijk code at all (in any year). */
  knowsWijk(code: string): boolean {
    return this.wijkRecordsByCode.has(code);
  }

  /**
   * The name of a wijk in a year: the name of that year's wijkindeling, so the figures of a year carry the
   * name they were published under (WK003402 is "Wijk 02 Almere Stad" in 2021 and "De Werven" in 2022).
   * Falls back to the latest name, then the code.
   */
  wijkName(code: string, year: number): string {
    return this.wijkIn(code, year)?.naam ?? this.wijk(code)?.naam ?? code;
  }

  /**
   * The name of a wijk in a year with, where its area differs from an earlier year's (CBS), the mark
   * "(andere indeling dan in 2021)": for lists that show several years of one code (downloads).
   */
  wijkLabel(code: string, year: number): string {
    const note = wijkChangeNote(this.wijkVersion(code, year));
    const name = this.wijkName(code, year);
    return note ? `${name} (${note})` : name;
  }

  /**
   * The versions of a wijk code over the years the reference knows: a new version starts where the name
   * or (CBS IndelingswijzigingWijken) the area changes, or where the code comes back after a gap. Figures
   * of two versions with another area are not one series.
   */
  wijkVersions(code: string): WijkVersion[] {
    let versions = this.wijkVersionCache.get(code);
    if (!versions) {
      versions = wijkVersionsOf(code, this.wijkRecordsByCode.get(code) ?? [], this.wijkYears, this.wijkAreaChanges);
      this.wijkVersionCache.set(code, versions);
    }
    return versions;
  }

  /** The version of a wijk in force in a year; undefined when the code did not exist then. */
  wijkVersion(code: string, year: number): WijkVersion | undefined {
    const indeling = this.wijkIndelingYear(year);
    return indeling === undefined ? undefined : this.wijkVersions(code).find((v) => v.first <= indeling && indeling <= v.last);
  }

  /**
   * True when the figures of a wijk in two years are about the same area (no change of its boundaries in
   * between, by CBS), so they may be compared or drawn as one series. Unknown wijken count as unchanged.
   */
  sameWijkArea(code: string, yearA: number, yearB: number): boolean {
    if (!this.knowsWijk(code)) return true;
    const [a, b] = [this.wijkVersion(code, yearA), this.wijkVersion(code, yearB)];
    if (!a || !b) return false;
    const [from, to] = a.first <= b.first ? [a, b] : [b, a];
    const versions = this.wijkVersions(code);
    return versions.slice(versions.indexOf(from) + 1, versions.indexOf(to) + 1).every((v) => v.change?.kind === 'naam');
  }

  /** Inhabitants in a year, where the reference knows them (on that year's indeling). */
  populationOf(code: string, year: number): PopulationRecord | undefined {
    return this.population.get(`${code}|${year}`);
  }

  /**
   * Inhabitants of a gemeente of the latest indeling, from the latest year the reference has, converted to
   * the latest indeling (Amsterdam includes Weesp). Used for size classes.
   */
  currentPopulation(code: string): number | undefined {
    const years = [...new Set(this.reference.inwoners.map((p) => p.jaar))].sort((a, b) => b - a);
    for (const year of years) {
      let total = 0;
      let complete = true;
      for (const part of this.parts(code, year, this.latestYear)) {
        const p = this.population.get(`${part.code}|${year}`)?.inwoners;
        if (p === undefined || p === null) complete = false;
        else total += p * part.share;
      }
      if (complete && total > 0) return Math.round(total);
    }
    return undefined;
  }

  sizeClassOf(code: string): SizeClass | undefined {
    const population = this.currentPopulation(code);
    return population === undefined ? undefined : SIZE_CLASSES.find((c) => population >= c.min && population < c.max);
  }

  /** Gemeenten of the latest indeling in the same size class (gelijksoortige gemeenten), the gemeente included. */
  similarGemeenten(code: string): GemeenteRecord[] {
    const own = this.sizeClassOf(code);
    return own ? this.currentGemeenten().filter((g) => this.sizeClassOf(g.code) === own) : [];
  }
}

function existsIn(g: GemeenteRecord, year: number): boolean {
  return g.eersteJaar <= year && (g.laatsteJaar === null || g.laatsteJaar >= year);
}

export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
