/**
 * Wijken change. CBS publishes the wijken of each year on that year's wijkindeling, and a wijk code can stand
 * for another area from one year to the next: Almere renumbered its wijken in 2022, and WK003402, "Wijk 02
 * Almere Stad" with 109.415 inhabitants in 2021, is "De Werven" with 2.860 in 2022. CBS says so in the column
 * IndelingswijzigingWijken of its wijken tables (code 3: the area changed since the year before), which
 * scripts/build-reference.ts writes to src/reference/wijkindelingen.json.
 *
 * A version of a wijk is a run of years with one name and one area. Figures of two versions with another
 * area are not one series; a version that only has another name is the same area.
 */
import wijkindelingen from '../../reference/wijkindelingen.json';
import type { WijkRecord } from './register';

/** Per year, the wijk codes whose area differs from the year before. */
export type WijkAreaChanges = ReadonlyMap<number, ReadonlySet<string>>;

let areaChanges: WijkAreaChanges | undefined;

/** The changes of src/reference/wijkindelingen.json (made on first use, so code that never asks leaves the file out of a browser bundle). */
export function referenceWijkAreaChanges(): WijkAreaChanges {
  areaChanges ??= new Map(
    Object.entries(wijkindelingen.afbakeningGewijzigd as Record<string, string[]>).map(([year, codes]) => [Number(year), new Set(codes)]),
  );
  return areaChanges;
}

export interface WijkVersion {
  code: string;
  /** The first and last year of the reference's wijkindelingen this version is in. */
  first: number;
  last: number;
  naam: string;
  /**
   * How it differs from the version before it: another area ('gebied': CBS says the boundaries changed, or
   * the code was gone for a while), or only another name ('naam'). `since`: the last year of that version.
   */
  change?: { kind: 'gebied' | 'naam'; since: number; naam: string };
}

/** The versions of one wijk code, oldest first, from its records and the years the reference has wijken for. */
export function wijkVersionsOf(code: string, records: readonly WijkRecord[], years: readonly number[], changes: WijkAreaChanges): WijkVersion[] {
  const byYear = new Map(records.map((r) => [r.jaar, r]));
  const out: WijkVersion[] = [];
  let previousYear: number | undefined;
  for (const year of years) {
    const record = byYear.get(year);
    if (!record) continue;
    const last = out.at(-1);
    const contiguous = previousYear !== undefined && years.indexOf(year) === years.indexOf(previousYear) + 1;
    const area = !contiguous || (changes.get(year)?.has(code) ?? false);
    if (last && !area && last.naam === record.naam) last.last = year;
    else {
      const version: WijkVersion = { code, first: year, last: year, naam: record.naam };
      if (last) version.change = { kind: area ? 'gebied' : 'naam', since: last.last, naam: last.naam };
      out.push(version);
    }
    previousYear = year;
  }
  return out;
}

/**
 * The mark of a version whose area differs from the one before it, in plain Dutch: "andere indeling dan in
 * 2021". Undefined for a first version or one that only has another name.
 */
export function wijkChangeNote(version: WijkVersion | undefined): string | undefined {
  return version?.change?.kind === 'gebied' ? `andere indeling dan in ${version.change.since}` : undefined;
}
