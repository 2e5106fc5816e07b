/** Region codes as CBS writes them: NL01, PV20–PV31, JZ01–JZ42, GM + 4 digits, WK + 6 digits. */
export type RegionKind = 'land' | 'provincie' | 'jeugdregio' | 'gemeente' | 'wijk';

export const NEDERLAND = 'NL01';

export function regionKind(code: string): RegionKind | undefined {
  if (code === NEDERLAND) return 'land';
  if (/^PV\d{2}$/.test(code)) return 'provincie';
  if (/^JZ\d{2}$/.test(code)) return 'jeugdregio';
  if (/^GM\d{4}$/.test(code)) return 'gemeente';
  if (/^WK\d{6}$/.test(code)) return 'wijk';
  return undefined;
}

export const REGION_KIND_LABEL: Record<RegionKind, string> = {
  land: 'Nederland',
  provincie: 'Provincie',
  jeugdregio: 'Jeugdregio',
  gemeente: 'Gemeente',
  wijk: 'Wijk',
};

/**
 * Normalises a region code from a CBS export: trims the padding of OData values, upper-cases, and maps the
 * wijken table's `NL00` to `NL01`. Returns undefined when it is not a region code.
 */
export function normaliseRegionCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  if (code === 'NL00') return NEDERLAND;
  return regionKind(code) ? code : undefined;
}

/** The gemeente a wijk belongs to: WK036305 → GM0363. */
export function gemeenteOfWijk(wijk: string): string {
  return `GM${wijk.slice(2, 6)}`;
}

/** URL slug of a name: "Súdwest-Fryslân" → "sudwest-fryslan", "'s-Gravenhage" → "s-gravenhage". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
