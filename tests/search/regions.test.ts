/**
 * Finding a region by name with typos, former and everyday names and codes (issue 11), over the regions the
 * build writes to /zoeken/regios.json: of the default demonstration data and of the real CBS exports (whose
 * latest indeling is 2022, so Weesp is a gemeente there and a former gemeente in the default data).
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSiteData, type SiteData } from '../../src/node/site-data';
import { correctedQuery, isPostcode, MATCH, regionUrl, type RegionEntry } from '../../src/lib/search/region-entry';
import { createRegionMatcher, typoCount, type RegionMatcher } from '../../src/lib/search/region-match';
import { regionEntries } from '../../src/lib/search/regions';
import { regionHref } from '../../src/lib/pages/gemeente-links';
import type { RegionRegister } from '../../src/lib/regions/register';
import { realFilesPresent, useRealImport } from '../import/helpers';
import { ISSUE_TYPOS } from './typos';

const names = (matcher: RegionMatcher, query: string, limit = 8) => matcher.search(query, limit).map((h) => `${h.entry.n} (${h.entry.s})`);
const first = (matcher: RegionMatcher, query: string) => {
  const entry = matcher.search(query, 1)[0]?.entry;
  return entry && { ...entry, u: regionUrl(entry) };
};

/** What a reader types for regions any indeling has, and where it must lead first. */
function sharedExpectations(get: () => { entries: RegionEntry[]; matcher: RegionMatcher; register: RegionRegister }) {
  it('finds the gemeente behind a typo (the four of the issue and more), first', () => {
    const { matcher } = get();
    for (const [typo, url] of [
      ...ISSUE_TYPOS,
      ['Amstardam', '/gemeente/amsterdam/'],
      ['Rottredam', '/gemeente/rotterdam/'],
      ['maastrict', '/gemeente/maastricht/'],
      ['Leewarden', '/gemeente/leeuwarden/'],
      ['Zwole', '/gemeente/zwolle/'],
      ['Almre', '/gemeente/almere/'],
    ] as const) {
      expect(first(matcher, typo)?.u, typo).toBe(url);
    }
  });

  it('puts the gemeente before the provincie and jeugdregio of the same name, and finds each', () => {
    const { matcher } = get();
    expect(names(matcher, 'Groningen', 3)).toEqual(['Groningen (Gemeente)', 'Groningen (Provincie)', 'Groningen (Jeugdregio)']);
    expect(names(matcher, 'Utrect', 2)).toEqual(['Utrecht (Gemeente)', 'Utrecht (Provincie)']);
    expect(first(matcher, 'provincie Utrecht')?.u).toBe('/provincie/utrecht/');
    // The provincie is Fryslân; people also call it Friesland, the name of its jeugdregio.
    expect(names(matcher, 'Friesland', 2)).toEqual(['Fryslân (Provincie)', 'Friesland (Fryslân) (Jeugdregio)']);
  });

  it('finds everyday names, names without accents and CBS codes with or without GM', () => {
    const { matcher } = get();
    expect(first(matcher, 'Den Haag')?.u).toBe('/gemeente/s-gravenhage/');
    expect(first(matcher, 'den bosch')?.u).toBe('/gemeente/s-hertogenbosch/');
    expect(first(matcher, 'Gravenhage')?.u).toBe('/gemeente/s-gravenhage/');
    expect(first(matcher, 'sudwest fryslan')?.u).toBe('/gemeente/sudwest-fryslan/');
    expect(first(matcher, 'GM0363')?.u).toBe('/gemeente/amsterdam/');
    expect(first(matcher, 'gm 0363')?.u).toBe('/gemeente/amsterdam/');
    expect(first(matcher, '0363')?.u).toBe('/gemeente/amsterdam/');
    expect(first(matcher, 'pv27')?.u).toBe('/provincie/noord-holland/');
    // Two gemeenten are called Bergen: "Bergen" finds both, before Bergen op Zoom.
    expect(names(matcher, 'Bergen', 3)).toEqual(['Bergen (NH.) (Gemeente)', 'Bergen (L.) (Gemeente)', 'Bergen op Zoom (Gemeente)']);
  });

  it('finds a former gemeente by its name, and says where its figures are now', () => {
    const { matcher } = get();
    const haaren = first(matcher, 'Haaren')!;
    expect(haaren).toMatchObject({ n: 'Haaren', s: 'Voormalige gemeente', u: '/gemeente/haaren/', nu: 'Boxtel, Oisterwijk, Tilburg en Vught' });
    // Haaren and Haren are one letter apart: each finds itself first.
    expect(first(matcher, 'Haren')?.u).toBe('/gemeente/haren/');
    expect(first(matcher, 'GM0788')?.u).toBe('/gemeente/haaren/');
  });

  it('does not match a single letter, nor everything with the letters of a short query', () => {
    const { matcher } = get();
    expect(matcher.search('u')).toEqual([]);
    expect(names(matcher, 'Ede')).toEqual(['Ede (Gemeente)']);
    expect(matcher.search('am').every((h) => h.tier <= MATCH.word && /(^|[\s-])am/i.test([h.entry.n, ...(h.entry.a ?? [])].join(' ')))).toBe(true);
  });

  it('corrects a typo of a region to its name, and nothing else', () => {
    const { matcher } = get();
    expect(correctedQuery(matcher.search('Utrect'))).toBe('Utrecht');
    expect(correctedQuery(matcher.search('Amsterdm'))).toBe('Amsterdam');
    expect(correctedQuery(matcher.search('Amsterdam'))).toBeUndefined();
    expect(correctedQuery(matcher.search('Weesp'))).toBeUndefined();
    expect(correctedQuery(matcher.search('Heuvelrg'))).toBe('Utrechtse Heuvelrug');
    // A name still being typed is suggested, not corrected: the rest may follow.
    expect(matcher.search('Amstedr')[0]?.entry.n).toBe('Amsterdam');
    expect(correctedQuery(matcher.search('Amstedr'))).toBeUndefined();
    // The words of the tables and explanations are not taken for typos of a region.
    for (const word of ['jeugdhulp', 'jeugdbescherming', 'jeugdreclassering', 'verblijf', 'pleegzorg', 'trajecten', 'wijk', 'wijken', 'herindeling', 'geheimhouding', 'downloads', 'kaart', 'kaarten', 'tabel', 'jongeren', 'gemeente', 'provincie', 'percentage', 'methoden', 'landelijk', 'verschillen', 'hulp', 'zorg']) {
      expect(correctedQuery(matcher.search(word)), word).toBeUndefined();
    }
  });

  it('is a small file: every region once, with its page', () => {
    const { entries, register } = get();
    expect(new Set(entries.map((e) => e.c)).size).toBe(entries.length);
    for (const e of entries) expect(regionUrl(e), e.c).toBe(regionHref(register, e.c));
    expect(gzipSync(JSON.stringify(entries)).length).toBeLessThan(6 * 1024);
  });
}

describe('region search over the default data', () => {
  let site: SiteData;
  let entries: RegionEntry[];
  let matcher: RegionMatcher;
  beforeAll(async () => {
    site = await getSiteData('data');
    entries = regionEntries(site);
    matcher = createRegionMatcher(entries);
  }, 120_000);
  sharedExpectations(() => ({ entries, matcher, register: site.register }));

  it('has every gemeente current and former, the provincies, jeugdregio\'s and Nederland', () => {
    const { register } = site;
    expect(entries.filter((e) => e.s === 'Gemeente' || e.s === 'Voormalige gemeente')).toHaveLength(register.allGemeenten().length);
    expect(entries.filter((e) => e.s === 'Provincie')).toHaveLength(12);
    expect(entries.filter((e) => e.s === 'Jeugdregio')).toHaveLength(register.jeugdregios().length);
    expect(entries.filter((e) => e.s === 'Nederland').map(regionUrl)).toEqual(['/nederland/']);
    // The largest gemeente first: ties between equally close names go to the one more people look for.
    expect(entries[0]?.n).toBe('Amsterdam');
  });

  it('knows Weesp as a former gemeente, now part of Amsterdam', () => {
    expect(first(matcher, 'Weesp')).toMatchObject({ s: 'Voormalige gemeente', u: '/gemeente/weesp/', nu: 'Amsterdam', p: 'Noord-Holland' });
    expect(first(matcher, 'Wesp')?.u).toBe('/gemeente/weesp/');
  });
});

describe.skipIf(!realFilesPresent('tests/search/regions.test.ts'))('region search over the real CBS exports (indeling 2022)', () => {
  const real = useRealImport('regions-real-');
  let entries: RegionEntry[];
  let matcher: RegionMatcher;
  beforeAll(() => {
    entries = regionEntries(real.site);
    matcher = createRegionMatcher(entries);
  });
  sharedExpectations(() => ({ entries, matcher, register: real.site.register }));

  it('knows Weesp as a gemeente of its own in 2022', () => {
    expect(first(matcher, 'Weesp')).toMatchObject({ s: 'Gemeente', u: '/gemeente/weesp/' });
    expect(first(matcher, 'Wesp')?.u).toBe('/gemeente/weesp/');
  });
});

describe('counting typos', () => {
  it('counts a wrong, missing, extra or swapped letter as one', () => {
    expect(typoCount('utrect', 'utrecht')).toBe(1);
    expect(typoCount('rottredam', 'rotterdam')).toBe(1);
    expect(typoCount('amstardam', 'amsterdam')).toBe(1);
    expect(typoCount('weeesp', 'weesp')).toBe(1);
    expect(typoCount('landelijk', 'langedijk')).toBe(2);
    expect(typoCount('', 'ede')).toBe(3);
    expect(typoCount('ede', 'ede')).toBe(0);
  });
});

describe('postcodes', () => {
  it('recognises a Dutch postcode with or without its letters', () => {
    for (const q of ['1011', '1011 AB', '1011ab', ' 9999 ZZ ']) expect(isPostcode(q), q).toBe(true);
    for (const q of ['0363', 'GM0363', '10111', '101', '1011 ABC', 'Amsterdam 1011']) expect(isPostcode(q), q).toBe(false);
  });
});
