/**
 * Charts to reuse (issue 11): the downloadable SVG of a chart with its title, legend and source line; the map's
 * gemeenten as links to their pages; the site address in embed codes, citations and source lines.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderChoroplethUncached } from '../../src/render/choropleth';
import { renderTrendChart } from '../../src/render/charts';
import { swatchMarkup } from '../../src/lib/charts/legend-swatch';
import { BOLD_CHAR_WIDTH, chartFileName, chartSource, chartSourceLine, downloadTitle, inlineSvgImages, pageRegionName, standaloneSvg, svgImageFiles, wrapText } from '../../src/lib/charts/standalone-svg';
import { astroSite, configuredSite, isConfiguredSite, PLACEHOLDER_SITE, publicAddress } from '../../src/lib/embed/site-address';
import { embedSnippet } from '../../src/lib/embed/embeds';
import { regionHref } from '../../src/lib/pages/gemeente-links';
import chartFiles from '../../src/render/chart-files';
import { loadRegister } from '../../src/node/reference-fs';
import { amsterdamTrend, halfYears } from './fixtures';

const register = loadRegister({ latestYear: 2026 });

/** Parses an SVG file as XML (leniently: the browser test loads the files as images, which is strict). */
function parseSvgFile(text: string): Document {
  const { DOMParser } = parseHTML('<html></html>') as unknown as { DOMParser: typeof globalThis.DOMParser };
  return new DOMParser().parseFromString(text.replace(/^<\?xml[^>]*>\s*/, ''), 'image/svg+xml');
}

describe('a chart as a file to download', () => {
  it('puts the title with the region, the chart, its legend and the source line in one SVG of the right size', async () => {
    const chart = await renderTrendChart(amsterdamTrend({ id: 'trend-jongeren-jeugdhulp', periods: halfYears(2015, 2026, 1), value: (i) => 9000 + i * 150 }));
    const source = chartSourceLine(chartSource({ fictitious: false, releaseTitle: 'Oktober 2026: 1e halfjaar 2026' }), 'https://jeugdzorgcijfers.nl/gemeente/amsterdam/');
    const file = standaloneSvg({
      svg: chart.svg,
      title: downloadTitle('Jongeren met jeugdhulp, aantal', pageRegionName(register, '/gemeente/amsterdam/')),
      legend: chart.legend!.map((item, i) => ({ label: item.label, swatch: swatchMarkup(item, `legenda-${i}`) })),
      source,
    });
    const document = parseSvgFile(file);
    const root = document.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const chartWidth = Number(/ width="(\d+)"/.exec(chart.svg)![1]);
    const chartHeight = Number(/ height="(\d+)"/.exec(chart.svg)![1]);
    expect(Number(root.getAttribute('width'))).toBe(chartWidth + 24);
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(chartHeight + 60);
    const lines = [...root.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(lines[0]).toBe('Jongeren met jeugdhulp, aantal — Amsterdam');
    expect(lines.join(' ')).toContain('Bron: CBS, beleidsinformatie jeugd · publicatie Oktober 2026: 1e halfjaar 2026 · Jeugdzorg in cijfers, https://jeugdzorgcijfers.nl/gemeente/amsterdam/');
    for (const item of chart.legend!) expect(lines).toContain(item.label);
    // The chart itself, whole, below the title.
    expect(root.querySelectorAll('svg.chart-plot')).toHaveLength(1);
    expect(file).toContain(chart.svg.slice(chart.svg.indexOf('>') + 1));
  });

  it('wraps long titles and source lines within the chart width', () => {
    const words = 'Lopende trajecten (op enig moment in de periode) naar hulpvorm, aandeel van alle trajecten — Súdwest-Fryslân';
    const lines = wrapText(words, 15, 296, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(words);
    for (const line of lines) expect(line.length * 15 * BOLD_CHAR_WIDTH).toBeLessThanOrEqual(296);
    expect(wrapText(words, 15, 296).length).toBeLessThanOrEqual(lines.length);
  });

  it('says when the figures are fictitious', () => {
    expect(chartSource({ fictitious: true, releaseTitle: 'April 2026' })).toBe('Fictieve demonstratiecijfers naar het model van CBS, beleidsinformatie jeugd · publicatie April 2026');
  });

  it('names the file after the page and the chart, and the title after the page region', () => {
    expect(chartFileName('/gemeente/amsterdam/', 'trend-jongeren-jeugdhulp')).toBe('gemeente-amsterdam-trend-jongeren-jeugdhulp.svg');
    expect(chartFileName('/kaarten/jeugdhulp/2026hj01/', 'kaart')).toBe('kaarten-jeugdhulp-2026hj01-kaart.svg');
    expect(pageRegionName(register, '/gemeente/s-hertogenbosch/')).toBe("'s-Hertogenbosch");
    expect(pageRegionName(register, '/gemeente/weesp/')).toBe('Weesp');
    expect(pageRegionName(register, '/provincie/fryslan/')).toBe('Fryslân');
    expect(pageRegionName(register, '/nederland/')).toBe('Nederland');
    expect(pageRegionName(register, '/verschillen/jeugdhulp/2026hj01/')).toBeUndefined();
    expect(downloadTitle('Jongeren met jeugdhulp in Amsterdam', 'Amsterdam')).toBe('Jongeren met jeugdhulp in Amsterdam');
  });

  it("puts a funnel's shared frame file inside the chart", () => {
    const svg = '<svg width="10" height="10"><image href="/grafieken/trechter/a-breed-1.svg" x="0" y="0" width="10" height="10" /></svg>';
    expect(svgImageFiles(svg)).toEqual(['/grafieken/trechter/a-breed-1.svg']);
    const inlined = inlineSvgImages(svg, () => '<svg xmlns="http://www.w3.org/2000/svg"><circle r="2"/></svg>');
    expect(inlined).toContain('href="data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%3E%3Ccircle');
    expect(svgImageFiles(inlined)).toEqual([]);
  });
});

describe('the map: every gemeente a link to its page', () => {
  const gemeenten = register.gemeentenIn(2026);
  const values = new Map(gemeenten.map((g, i) => [g.code, { value: i % 40 === 0 ? null : 6 + (i % 97) / 10, href: regionHref(register, g.code) }]));

  it('wraps each shape in a link named by its title, with the name and figure', () => {
    const map = renderChoroplethUncached({ id: 'kaart', title: 'Jongeren met jeugdhulp', unit: '%', decimals: 1, geoYear: 2026, values });
    const { document } = parseHTML(`<html><body>${map.svg}</body></html>`);
    const links = [...document.querySelectorAll('svg a')];
    expect(links).toHaveLength(gemeenten.length);
    const amsterdam = links.find((a) => a.getAttribute('href') === '/gemeente/amsterdam/')!;
    expect(amsterdam.firstElementChild!.tagName.toLowerCase()).toBe('title');
    const value = values.get('GM0363')!.value;
    expect(amsterdam.firstElementChild!.textContent).toBe(`Amsterdam: ${value === null ? 'geen cijfer (afgeschermd of ontbreekt)' : `${value.toFixed(1).replace('.', ',')}%`}`);
    expect(amsterdam.querySelector('path')).not.toBeNull();
    const unknown = links.find((a) => a.firstElementChild!.textContent!.startsWith(`${gemeenten[0]!.naam}:`))!;
    expect(unknown.firstElementChild!.textContent).toContain('geen cijfer');
    // A group of links, not one image whose parts a screen reader cannot reach.
    expect(document.querySelector('svg')!.getAttribute('role')).toBe('group');
  });

  it('leaves a gemeente without a page, and a map without any, as before: shapes with a tooltip', () => {
    const some = new Map([...values].map(([code, v]) => [code, code === 'GM0363' ? { ...v, href: undefined } : v]));
    const partly = renderChoroplethUncached({ id: 'kaart', title: 'Kaart', unit: '%', decimals: 1, geoYear: 2026, values: some });
    expect(partly.svg).not.toContain('href="/gemeente/amsterdam/"');
    expect(partly.svg).toMatch(/<path [^>]*><title>Amsterdam: [^<]+<\/title><\/path>/);
    const none = renderChoroplethUncached({ id: 'kaart', title: 'Kaart', unit: '%', decimals: 1, geoYear: 2026, values: new Map([...values].map(([code, v]) => [code, { value: v.value }])) });
    expect(none.svg).not.toContain('<a ');
    expect(none.svg).not.toContain('@@');
    expect(none.svg).toContain('role="img"');
  });
});

describe('the site address in embed codes, citations and source lines', () => {
  it('shows the configured address, and a path (never the placeholder) without one', () => {
    expect(configuredSite({ SITE_URL: ' https://jeugdzorgcijfers.nl/ ' })).toBe('https://jeugdzorgcijfers.nl');
    expect(configuredSite({})).toBeUndefined();
    expect(configuredSite({ SITE_URL: '' })).toBeUndefined();
    expect(() => configuredSite({ SITE_URL: 'jeugdzorgcijfers.nl' })).toThrow(/geen webadres/);
    expect(() => configuredSite({ SITE_URL: 'ftp://jeugdzorgcijfers.nl' })).toThrow(/https:\/\//);
    expect(astroSite({})).toBe(PLACEHOLDER_SITE);
    expect(isConfiguredSite(new URL(astroSite({})))).toBe(false);
    expect(isConfiguredSite(new URL(astroSite({ SITE_URL: 'https://jeugdzorgcijfers.nl' })))).toBe(true);

    const configured = publicAddress('/embed/trend-nederland/', new URL('https://jeugdzorgcijfers.nl'));
    expect(configured).toEqual({ href: 'https://jeugdzorgcijfers.nl/embed/trend-nederland/', absolute: true, path: '/embed/trend-nederland/' });
    const unset = publicAddress('/embed/trend-nederland/', new URL(astroSite({})));
    expect(unset).toEqual({ href: '/embed/trend-nederland/', absolute: false, path: '/embed/trend-nederland/' });
    const code = embedSnippet(unset.href, 'Jeugdzorg in Nederland', 640);
    expect(code).toContain('src="/embed/trend-nederland/"');
    expect(code).not.toContain('example');
  });
});

describe('a build without a site address', () => {
  const warnings = async (command: 'build' | 'dev', site: string) => {
    const warned: string[] = [];
    const hook = chartFiles().hooks['astro:config:setup']!;
    const logger = { warn: (m: string) => warned.push(m), info: () => {}, error: () => {}, debug: () => {}, fork: () => logger, label: 'test', options: {} };
    await (hook as unknown as (options: object) => unknown)({ command, config: { site }, logger });
    return warned;
  };

  it('warns in the build log, and only then; the build goes on', async () => {
    expect(await warnings('build', astroSite({}))).toEqual([expect.stringContaining('SITE_URL is niet ingesteld')]);
    expect(await warnings('build', astroSite({ SITE_URL: 'https://jeugdzorgcijfers.nl' }))).toEqual([]);
    expect(await warnings('dev', astroSite({}))).toEqual([]);
  });
});
