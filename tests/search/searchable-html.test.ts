import { describe, expect, it } from 'vitest';
import { withoutSvg } from '../../src/lib/search/searchable-html';

const cut = (html: string) => withoutSvg(Buffer.from(html)).toString('utf8');

describe('withoutSvg: a page as the search index reads it', () => {
  it('drops each svg element, nested ones with their outer one, and keeps the text around them', () => {
    const html = '<h2>Trend</h2><figure><svg viewBox="0 0 1 1"><title>Jeugdhulp</title><svg x="1"><rect/></svg><text>12,3</text></svg><figcaption>Bron: CBS</figcaption></figure><svg\nclass="i"></svg>eind';
    expect(cut(html)).toBe('<h2>Trend</h2><figure><figcaption>Bron: CBS</figcaption></figure>eind');
  });

  it('keeps what only looks like an svg tag, and an unclosed svg as it is', () => {
    expect(cut('<svgish>a</svgish> b')).toBe('<svgish>a</svgish> b');
    expect(cut('a <svg><rect/> b')).toBe('a <svg><rect/> b');
  });

  it('cuts between whole characters: names with accents and symbols around a drawing stay intact', () => {
    const html = '<h1>Súdwest-Fryslân</h1><svg><text>“12,3%” – ±2</text></svg><p>Sittard-Geleen · ’s-Hertogenbosch</p>';
    expect(cut(html)).toBe('<h1>Súdwest-Fryslân</h1><p>Sittard-Geleen · ’s-Hertogenbosch</p>');
  });

  it('leaves a page without charts unchanged', () => {
    const html = '<main data-pagefind-body><p>Geen grafiek</p></main>';
    expect(cut(html)).toBe(html);
  });
});
