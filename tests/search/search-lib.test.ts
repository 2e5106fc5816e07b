import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countsSomething } from '../../src/lib/data/consistency';
import type { Measure } from '../../src/schemas/dataset';
import { keyFigureOf } from '../../src/lib/search/key-figure';
import { datasetSearchProps, regionSearchProps } from '../../src/lib/search/page-props';
import { EMPTY_STATE, pagefindFilters, parseSearchState, postcodeMessage, searchStateQuery, statusMessage } from '../../src/lib/search/query';
import { aliasRecords, measureRecords, wijkAnchorId, wijkHref, wijkRecords } from '../../src/lib/search/records';
import { excerptParts, mergeResults, rankResults, regionsForResults, toResultView, type ResultView } from '../../src/lib/search/results';
import { createRegionMatcher } from '../../src/lib/search/region-match';
import { regionEntries } from '../../src/lib/search/regions';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';

let site: SiteData;
beforeAll(async () => {
  site = await fixtureSite();
}, 120_000);

const view = (title: string, kind: string, code?: string): ResultView =>
  toResultView({ url: `/${title}/`, excerpt: '', meta: { title, ...(code ? { code } : {}) }, filters: { soort: [kind] } });

describe('ranking search results', () => {
  it('puts the gemeente whose name was typed first, although Pagefind stems Haaren and Haren alike', () => {
    const pagefindOrder = [view('Haren (voormalige gemeente)', 'Voormalige gemeente'), view('Haarlem', 'Gemeente'), view('Haaren (voormalige gemeente)', 'Voormalige gemeente')];
    expect(rankResults('Haaren', pagefindOrder).map((r) => r.title)).toEqual(['Haaren (voormalige gemeente)', 'Haren (voormalige gemeente)', 'Haarlem']);
    expect(rankResults('haren', pagefindOrder)[0]!.title).toBe('Haren (voormalige gemeente)');
  });

  it('puts a gemeente before a wijk of the same name, and matches a CBS code', () => {
    const results = [view('Weesp (wijk in Amsterdam)', 'Wijk'), view('Amsterdam', 'Gemeente', 'GM0363'), view('Weesp (voormalige gemeente)', 'Voormalige gemeente', 'GM0457')];
    expect(rankResults('Weesp', results).map((r) => r.title)).toEqual(['Weesp (voormalige gemeente)', 'Weesp (wijk in Amsterdam)', 'Amsterdam']);
    expect(rankResults('gm0457', results)[0]!.code).toBe('GM0457');
    expect(rankResults('Súdwest', [view('Sudwest-Fryslan', 'Gemeente'), view('Súdwest-Fryslân', 'Gemeente')]).map((r) => r.title)).toEqual(['Sudwest-Fryslan', 'Súdwest-Fryslân']);
  });

  it('shows only <mark> from an excerpt as markup; the rest stays text', () => {
    expect(excerptParts('Op 1 januari 2023 is <mark>Weesp</mark> opgegaan &amp; &lt;script&gt;')).toEqual([
      { text: 'Op 1 januari 2023 is ', marked: false },
      { text: 'Weesp', marked: true },
      { text: ' opgegaan & <script>', marked: false },
    ]);
  });

  it('reads kind, provincie, key figure and successor from a result', () => {
    const r = toResultView({
      url: '/gemeente/weesp/',
      excerpt: '<mark>Weesp</mark>',
      meta: { title: 'Weesp (voormalige gemeente)', kerncijfer: '1.234 jongeren met jeugdhulp · 2022*', nu_bij: 'Amsterdam', nu_bij_url: '/gemeente/amsterdam/' },
      filters: { soort: ['Voormalige gemeente'], provincie: ['Noord-Holland'] },
      sub_results: [{ title: 'Weesp (voormalige gemeente)', url: '/gemeente/weesp/' }, { title: 'Kerncijfers', url: '/gemeente/weesp/#kerncijfers' }],
    });
    expect(r).toMatchObject({ kind: 'Voormalige gemeente', provincie: 'Noord-Holland', now: { label: 'Amsterdam', url: '/gemeente/amsterdam/' } });
    expect(r.sections).toEqual([{ title: 'Kerncijfers', url: '/gemeente/weesp/#kerncijfers' }]);
  });
});

describe('regions first, then Pagefind', () => {
  it('puts the regions whose name was typed first, each once, as Pagefind shows it where Pagefind found it', () => {
    const matcher = createRegionMatcher(regionEntries(site));
    // The closest typos only: the gemeente and the provincie Utrecht, not Utrecht West (a word of its name is a letter off).
    const regions = regionsForResults(matcher.search('Utrect'), EMPTY_STATE);
    expect(regions.map((r) => `${r.n} (${r.s})`)).toEqual(['Utrecht (Gemeente)', 'Utrecht (Provincie)']);
    expect(regionsForResults(matcher.search('Wesp'), EMPTY_STATE).map((r) => r.n)).toEqual(['Weesp']);
    const pagefind = [
      { ...view('Zo leest u de cijfers', 'Uitleg'), url: '/over/cijfers-lezen/' },
      { ...view('Utrecht', 'Gemeente', 'GM0344'), url: '/gemeente/utrecht/', keyFigure: '1.234 jongeren met jeugdhulp' },
    ];
    const merged = mergeResults(regions, pagefind);
    expect(merged.map((r) => r.url)).toEqual(['/gemeente/utrecht/', '/provincie/utrecht/', '/over/cijfers-lezen/']);
    expect(merged[0]!.keyFigure).toBe('1.234 jongeren met jeugdhulp');
    expect(merged[1]).toMatchObject({ title: 'Utrecht', kind: 'Provincie', code: 'PV26', keyFigure: undefined });
    // The provincie's page, found apart (it was further down Pagefind's list): shown as Pagefind has it.
    const provincie = { ...view('Provincie Utrecht', 'Provincie', 'PV26'), url: '/provincie/utrecht/', keyFigure: '5.678 jongeren met jeugdhulp' };
    expect(mergeResults(regions, pagefind, [provincie])[1]).toBe(provincie);
    expect(mergeResults(regions, pagefind, [provincie]).map((r) => r.url)).toEqual(merged.map((r) => r.url));
  });

  it('shows names as typed rather than typos, within the chosen filters', () => {
    const matcher = createRegionMatcher(regionEntries(site));
    // "Haren" is a name; Haaren and Laren are a letter off, and not shown before Pagefind's results.
    expect(regionsForResults(matcher.search('Haren'), EMPTY_STATE).map((r) => r.n)).toEqual(['Haren']);
    expect(regionsForResults(matcher.search('Groningen'), { soort: 'Provincie', provincie: '' }).map((r) => r.c)).toEqual(['PV20']);
    expect(regionsForResults(matcher.search('Bergen'), { soort: '', provincie: 'Limburg' }).map((r) => r.n)).toEqual(['Bergen (L.)']);
    const weesp = regionsForResults(matcher.search('Weesp'), EMPTY_STATE)[0]!;
    expect(mergeResults([weesp], [])[0]).toMatchObject({ title: 'Weesp (voormalige gemeente)', now: { label: 'Amsterdam' } });
    // Words of the tables are no region: Pagefind's results stand alone.
    for (const word of ['jeugdhulp', 'verblijf', 'landelijk', 'kaarten', 'wijken', 'hulp']) expect(regionsForResults(matcher.search(word), EMPTY_STATE), word).toEqual([]);
  });
});

describe('the search state in the URL', () => {
  it('round-trips and leaves empty fields out', () => {
    const state = parseSearchState('?q=+Weesp++&soort=Gemeente');
    expect(state).toEqual({ q: 'Weesp', soort: 'Gemeente', provincie: '' });
    expect(searchStateQuery(state)).toBe('?q=Weesp&soort=Gemeente');
    expect(searchStateQuery(EMPTY_STATE)).toBe('');
    expect(pagefindFilters(state)).toEqual({ soort: 'Gemeente' });
  });

  it('announces the number of results in Dutch', () => {
    expect(statusMessage(1, { ...EMPTY_STATE, q: 'Weesp' })).toBe('1 resultaat voor ‘Weesp’.');
    expect(statusMessage(9, { ...EMPTY_STATE, q: 'Utrect' }, 'Utrecht')).toBe('9 resultaten voor ‘Utrecht’; u typte ‘Utrect’.');
    expect(postcodeMessage({ ...EMPTY_STATE, q: '1011' })).toBe('Geen resultaten voor ‘1011’: zoeken op postcode kan niet.');
    expect(statusMessage(12, { q: 'jeugd', soort: 'Tabel', provincie: '' })).toBe('12 resultaten voor ‘jeugd’ (soort: Tabel).');
    expect(statusMessage(0, { ...EMPTY_STATE, q: 'Xyz' })).toMatch(/^Geen resultaten voor ‘Xyz’/);
  });
});

describe('what the index holds', () => {
  it('gives a former gemeente its kind, provincie, last figure and where its figures are now', () => {
    const weesp = regionSearchProps(site, 'GM0457');
    expect(weesp.searchFilters).toEqual({ soort: 'Voormalige gemeente', provincie: 'Noord-Holland' });
    expect(weesp.searchMeta).toMatchObject({ code: 'GM0457', nu_bij: 'Amsterdam', nu_bij_url: '/gemeente/amsterdam/' });
    expect(weesp.searchMeta.kerncijfer).toMatch(/^[\d.]+ jongeren met jeugdhulp \([\d,]+%\) · 2e halfjaar 2022$/);
    const haaren = regionSearchProps(site, 'GM0788');
    expect(haaren.searchMeta.nu_bij).toBe('Boxtel, Oisterwijk, Tilburg en Vught');
  });

  it('gives a current gemeente its latest figure on the current indeling', () => {
    const amsterdam = regionSearchProps(site, 'GM0363');
    expect(amsterdam.searchFilters).toEqual({ soort: 'Gemeente', provincie: 'Noord-Holland' });
    const figure = keyFigureOf(site.datasets, 'GM0363')!;
    expect(figure.period).toBe('2023HJ01');
    expect(amsterdam.searchMeta.kerncijfer).toBe(figure.text);
    expect(figure.text).toMatch(/ · 1e halfjaar 2023\*$/);
    expect(regionSearchProps(site, 'PV27').searchFilters).toEqual({ soort: 'Provincie', provincie: 'Noord-Holland' });
    expect(datasetSearchProps(site, 'jeugdhulp').searchMeta.kerncijfer).toMatch(/^Nederland: [\d.]+ jongeren met jeugdhulp/);
  });

  it('has a record per wijk of the latest wijken period, pointing at its row on the gemeente page', () => {
    const records = wijkRecords(site);
    expect(records.length).toBeGreaterThan(5);
    const first = records[0]!;
    expect(first.url).toBe(`/gemeente/${first.meta.code!.startsWith('WK0363') ? 'amsterdam' : 'tilburg'}/#${wijkAnchorId(first.meta.code!)}`);
    expect(first.filters.soort).toEqual(['Wijk']);
    expect(first.meta.title).toMatch(/\(wijk in (Amsterdam|Tilburg|Groningen)\)$/);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    // A wijk of a gemeente that no longer exists is shown on the page of the gemeente it went to.
    expect(wijkHref(site, 'WK045701')).toBe('/gemeente/amsterdam/#wijk-wk045701');
  });

  it('has a record per measure with its definition and the figure for Nederland', () => {
    const records = measureRecords(site);
    expect(records).toHaveLength(site.datasets.reduce((n, d) => n + d.meta.measures.length, 0));
    const r = records.find((x) => x.url === '/tabellen/jeugdhulp/#maat-jongeren_jeugdhulp')!;
    expect(r.filters.soort).toEqual(['Maat']);
    expect(r.meta.kerncijfer).toMatch(/^Nederland: [\d.]+ personen · 1e halfjaar 2023\*$/);
    expect(r.content.length).toBeGreaterThan(60);
    expect(r.content).toContain('; telt personen.');
  });

  it('says what a measure counts only where it counts something: not of an amount in euro or an income', () => {
    const measures = (id: string) => (JSON.parse(readFileSync(path.join('data', id, 'meta.json'), 'utf8')) as { measures: Measure[] }).measures;
    const counting = (id: string) => measures(id).filter(countsSomething).map((m) => m.id);
    expect(counting('kosten-jeugd')).toEqual(['jongeren_tot_18', 'inwoners']);
    expect(counting('kenmerken')).toEqual(['inwoners']);
    expect(counting('jeugdhulp')).toEqual(expect.arrayContaining(['jongeren_jeugdhulp', 'jongeren_jeugdhulp_pct', 'jongeren']));
  });

  it('leads the everyday name of a gemeente to its page', () => {
    const denHaag = aliasRecords(site).find((r) => r.meta.title === "'s-Gravenhage (Den Haag)")!;
    expect(denHaag).toMatchObject({ url: '/gemeente/s-gravenhage/', filters: { soort: ['Gemeente'], provincie: ['Zuid-Holland'] } });
    expect(denHaag.content).toContain('Den Haag');
  });
});
