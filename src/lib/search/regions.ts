/**
 * The regions the search finds by name (src/lib/search/region-match.ts), as the build writes them to
 * /zoeken/regios.json: gemeenten current and former, provincies, jeugdregio's and Nederland, each with its
 * page, its other names and codes. Wijken are left to Pagefind: there are thousands, and the file is fetched
 * while someone types.
 */
import { regionHref } from '../pages/gemeente-links';
import { GEMEENTE_ALIASES } from './records';
import { successorMeta, type SearchSiteData } from './page-props';
import { SEARCH_META } from './kinds';
import { regionUrl, type RegionEntry, type RegionSearchKind } from './region-entry';

/** Everyday names of regions that are not their official name (gemeenten: see GEMEENTE_ALIASES). */
const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = { ...GEMEENTE_ALIASES, PV21: ['Friesland'] };

/**
 * The regions of the site, in the order ties are broken in: current gemeenten by inhabitants (someone who
 * types "Almre" more likely means Almere than Almelo), then provincies, jeugdregio's, Nederland and former
 * gemeenten by name.
 */
export function regionEntries(data: SearchSiteData): RegionEntry[] {
  const { register } = data;
  const entry = (code: string, s: RegionSearchKind, more: { p?: string | undefined; nu?: string | undefined; names?: string[] } = {}): RegionEntry | undefined => {
    const u = regionHref(register, code);
    if (!u) return undefined;
    const n = register.label(code);
    const a = [...new Set([...(more.names ?? []), ...(REGION_ALIASES[code] ?? [])])].filter((name) => name !== n);
    const region: RegionEntry = { n, s, c: code, ...(more.p ? { p: more.p } : {}), ...(a.length > 0 ? { a } : {}), ...(more.nu ? { nu: more.nu } : {}) };
    // The page only where the name does not give it: a third of the file's size otherwise.
    return regionUrl(region) === u ? region : { ...region, u };
  };
  const provincieOf = (code: string) => {
    const p = register.provincieOf(code);
    return p ? register.label(p) : undefined;
  };
  const gemeenten = register.allGemeenten();
  const isFormer = (g: (typeof gemeenten)[number]) => g.laatsteJaar !== null && g.laatsteJaar < register.latestYear;
  const current = gemeenten
    .filter((g) => !isFormer(g))
    .map((g) => ({ g, inwoners: register.currentPopulation(g.code) ?? 0 }))
    .sort((x, y) => y.inwoners - x.inwoners || x.g.naam.localeCompare(y.g.naam, 'nl'))
    .map(({ g }) => entry(g.code, 'Gemeente', { p: provincieOf(g.code), names: [g.statlineNaam] }));
  const former = gemeenten
    .filter(isFormer)
    .map((g) => entry(g.code, 'Voormalige gemeente', { p: provincieOf(g.code), names: [g.statlineNaam], nu: successorMeta(register, g.code)[SEARCH_META.now] }));
  const named = (regions: ReadonlyArray<{ code: string }>, s: RegionSearchKind) => regions.map((r) => entry(r.code, s));
  return [
    ...current,
    ...named(register.provincies(), 'Provincie'),
    ...named(register.jeugdregios(), 'Jeugdregio'),
    entry('NL01', 'Nederland'),
    ...former,
  ].filter((e): e is RegionEntry => e !== undefined);
}

