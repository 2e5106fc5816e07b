import { describe, expect, it } from 'vitest';
import { isSearchable, withoutSvg } from '../../src/lib/search/searchable-html';

describe('withoutSvg: a page as the search index reads it', () => {
  it('drops each svg element, nested ones with their outer one, and keeps the text around them', () => {
    const html = '<h2>Trend</h2><figure><svg viewBox="0 0 1 1"><title>Jeugdhulp</title><svg x="1"><rect/></svg><text>12,3</text></svg><figcaption>Bron: CBS</figcaption></figure><svg\nclass="i"></svg>eind';
    expect(withoutSvg(html)).toBe('<h2>Trend</h2><figure><figcaption>Bron: CBS</figcaption></figure>eind');
  });

  it('keeps what only looks like an svg tag, and an unclosed svg as it is', () => {
    expect(withoutSvg('<svgish>a</svgish> b')).toBe('<svgish>a</svgish> b');
    expect(withoutSvg('a <svg><rect/> b')).toBe('a <svg><rect/> b');
  });

  it('leaves a page without charts unchanged', () => {
    const html = '<main data-pagefind-body><p>Geen grafiek</p></main>';
    expect(withoutSvg(html)).toBe(html);
    expect(isSearchable(html)).toBe(true);
    expect(isSearchable('<main><p>Niet zoekbaar</p></main>')).toBe(false);
  });
});
