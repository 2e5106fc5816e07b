import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applicableFootnotes, FURTHER_READING, type FootnoteScope } from '../../src/lib/facts/notes';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { fixture, testMeta } from './fixture';

const meta = testMeta({
  measures: [
    { id: 'n', label: 'Jongeren met jeugdhulp', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
    { id: 'verblijf', label: 'Met verblijf', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' },
  ],
  periods: [{ code: '2023HJ02', status: 'definitief' }, { code: '2024HJ01', status: 'voorlopig' }],
  regions: [{ code: 'GM0363', label: 'Amsterdam' }],
  footnotes: [
    { id: 'all', text: 'Woonplaatsbeginsel.', appliesTo: {} },
    { id: 'ams', text: 'Amsterdam: wijkteams niet geregistreerd.', appliesTo: { regions: ['GM0363'] } },
    { id: 'weesp', text: 'Weesp leverde laat.', appliesTo: { regions: ['GM0457'] } },
    { id: 'verblijf', text: 'Verblijf anders geteld.', appliesTo: { measures: ['verblijf'] } },
    { id: 'old', text: 'In 2019 ontbrak een aanbieder.', appliesTo: { periods: ['2019HJ01'] } },
    { id: 'dup', text: 'Woonplaatsbeginsel.', appliesTo: { regions: ['GM0363'] } },
  ],
});

const scope = (regions: string[], measures: string[], periods: string[]): FootnoteScope => ({
  regions,
  measures: new Map([['jeugdhulp', new Set(measures)]]),
  periods: new Map([['jeugdhulp', new Set(periods)]]),
});
const ids = (s: FootnoteScope) => applicableFootnotes([meta], s).map((f) => f.footnote.id);

describe('footnotes that apply to a page', () => {
  it('matches region, measure and period; a missing key means all', () => {
    expect(ids(scope(['GM0363'], ['n'], ['2024HJ01']))).toEqual(['all', 'ams']);
    expect(ids(scope(['GM0344'], ['n'], ['2024HJ01']))).toEqual(['all']);
    expect(ids(scope(['GM0344'], ['n', 'verblijf'], ['2024HJ01']))).toEqual(['all', 'verblijf']);
    expect(ids(scope(['GM0344'], ['n'], ['2019HJ01']))).toEqual(['all', 'old']);
  });

  it('includes the footnotes of former gemeenten that are part of the page', () => {
    expect(ids(scope(['GM0363', 'GM0457'], ['n'], ['2024HJ01']))).toEqual(['all', 'ams', 'weesp']);
  });

  it('ignores datasets the page does not show', () => {
    expect(applicableFootnotes([meta], { regions: ['GM0363'], measures: new Map(), periods: new Map() })).toEqual([]);
  });
});

describe('footnotes on the fixture pages', () => {
  const { context } = fixture();
  const texts = (code: string) => regionFacts(context, code).footnotes.map((f) => f.footnote.id);

  it('Amsterdam gets its own footnote for 2021 (its trend shows 2021); Aa en Hunze does not', () => {
    expect(texts('GM0363')).toContain('amsterdam-2021');
    expect(texts('GM0363')).not.toContain('utrecht');
    expect(texts('GM1680')).not.toContain('amsterdam-2021');
    expect(texts('GM1680')).toEqual(expect.arrayContaining(['woonplaatsbeginsel', 'wijkteam']));
  });
});

describe('further reading under "Goed om te weten"', () => {
  it('links pages that exist in content/over/, among them the questions for raadsleden and what the figures leave out', () => {
    const hrefs = FURTHER_READING.map((l) => l.href);
    expect(hrefs).toEqual(expect.arrayContaining(['/over/vragen-bij-de-cijfers/', '/over/wat-niet-in-de-cijfers-staat/']));
    for (const href of hrefs) {
      const page = /^\/over\/([a-z-]+)\/$/.exec(href)?.[1];
      expect(page && existsSync(new URL(`../../content/over/${page}.md`, import.meta.url)), href).toBe(true);
    }
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });
});
