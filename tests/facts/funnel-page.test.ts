import { describe, expect, it } from 'vitest';
import { describeFunnel } from '../../src/lib/charts/describe-funnel';
import { funnelChartInput, funnelPoints, funnelTitle } from '../../src/lib/facts/funnel-chart';
import { funnelOf, funnelPeriods } from '../../src/lib/facts/funnel';
import { funnelHref, funnelIndex, funnelPage, funnelPagePaths, funnelPageConcepts, funnelSlug, funnelTableRowsHtml, overdispersionText, verdictCounts } from '../../src/lib/facts/funnel-page';
import { formatNumber } from '../../src/lib/format/number';
import { regionHref } from '../../src/lib/pages/gemeente-links';
import { NO_VERDICT_TEXT, VERDICT_TEXT } from '../../src/lib/stats/verdict';
import { HALF_YEARS, fixture } from './fixture';

const { context, register } = fixture();
const LATEST = HALF_YEARS.at(-1)!;
const funnel = funnelOf(context, 'jongeren-jeugdhulp', LATEST)!;
const page = funnelPage(context, 'jongeren-jeugdhulp', LATEST)!;

const VERDICT_WORDS = new Set(Object.values(VERDICT_TEXT).map((t) => t.word));
const NO_VERDICT_WORDS = new Set(Object.values(NO_VERDICT_TEXT).map((t) => `geen oordeel: ${t}`));

describe('funnel pages: which exist', () => {
  it('has a page for every compared key figure and every period of its dataset, under a stable slug', () => {
    const concepts = funnelPageConcepts(context);
    expect(concepts).toContain('jongeren-jeugdhulp');
    expect(concepts).not.toContain('trajecten-gestart');
    expect(concepts).not.toContain('jongeren-jeugdhulp-zonder-verblijf');
    const paths = funnelPagePaths(context);
    expect(paths.length).toBe(concepts.reduce((n, c) => n + funnelPeriods(context, c).length, 0));
    expect(paths).toContainEqual({ concept: 'jongeren-jeugdhulp', period: LATEST, slug: 'jeugdhulp', periodSlug: LATEST.toLowerCase() });
    expect(funnelSlug('jongeren-jeugdhulp-met-verblijf')).toBe('jeugdhulp-met-verblijf');
    expect(funnelHref('jongeren-jeugdhulp', '2024HJ01')).toBe('/verschillen/jeugdhulp/2024hj01/');
  });

  it('lists the figures on the index with their newest period and a denominator as the key figure names it', () => {
    const index = funnelIndex(context);
    const jeugdhulp = index.find((e) => e.concept === 'jongeren-jeugdhulp')!;
    expect(jeugdhulp).toMatchObject({ label: 'Jongeren met jeugdhulp', rateText: '% van de jongeren tot 18 jaar', href: '/verschillen/jeugdhulp/2024hj01/', latestLabel: '1e halfjaar 2024*', periods: HALF_YEARS.length });
  });

  it('links every period of the figure, the current one marked', () => {
    const years = page.periods;
    expect(years.map((y) => y.year)).toEqual([2024, 2023, 2022, 2021, 2020]);
    const all = years.flatMap((y) => y.periods);
    expect(all).toHaveLength(HALF_YEARS.length);
    expect(all.filter((p) => p.current).map((p) => p.code)).toEqual([LATEST]);
    expect(all.find((p) => p.code === '2021HJ02')).toMatchObject({ href: '/verschillen/jeugdhulp/2021hj02/', shortLabel: '2e halfjaar' });
    expect(page.isLatest).toBe(true);
    expect(funnelPage(context, 'jongeren-jeugdhulp', '2022HJ01')!.isLatest).toBe(false);
  });
});

describe('funnel chart input', () => {
  it('plots every region with counts at its denominator and exact rate, with its verdict', () => {
    const chart = funnelChartInput(funnel, { id: 'trechter' });
    const withCounts = funnel.regions.filter((r) => r.exact !== null);
    expect(chart.points).toHaveLength(withCounts.length);
    expect(chart.missingCount).toBe(funnel.regions.length - withCounts.length);
    for (const [i, r] of withCounts.entries()) {
      const p = chart.points[i]!;
      expect(p).toMatchObject({ code: r.code, label: r.label, size: r.rate.denominator, value: r.exact, shown: r.rate.shown });
      expect(p.verdict).toBe(r.judgement.verdict);
    }
    expect(chart.target).toEqual({ label: 'Nederland', value: funnel.target.rate, shown: funnel.target.shown, inPhrase: 'in Nederland' });
    expect(chart.tau2).toBe(funnel.overdispersion.tau2);
    expect(chart.per).toBe(100);
    expect(chart.sizeLabel).toBe('jongeren tot 18 jaar');
    expect(chart.noun).toBe('gemeenten');
    expect(chart.title).toBe('Jongeren met jeugdhulp: % van jongeren tot 18 jaar naar aantal jongeren tot 18 jaar, alle gemeenten, 1e halfjaar 2024*');
    expect(funnelTitle(funnel)).toBe(chart.title);
  });

  it('passes the same frozen points to every page of the funnel, so the renderer needs no hash per page', () => {
    const a = funnelChartInput(funnel, { id: 'a', highlight: 'GM0363' });
    const b = funnelChartInput(funnel, { id: 'b', highlight: 'GM1680', group: new Set(['GM0344']), groupLabel: 'vergelijkbare gemeenten', width: 320 });
    expect(a.points).toBe(b.points);
    expect(a.points).toBe(funnelPoints(funnel));
    expect(Object.isFrozen(a.points)).toBe(true);
    expect(b).toMatchObject({ highlight: 'GM1680', groupLabel: 'vergelijkbare gemeenten', width: 320 });
    expect(a).not.toHaveProperty('group');
  });

  it('describes a marked gemeente with its published figure and the verdict of the funnel', () => {
    const amsterdam = funnel.regions.find((r) => r.code === 'GM0363')!;
    const text = describeFunnel(funnelChartInput(funnel, { id: 'a', highlight: 'GM0363' }));
    const verdict = amsterdam.judgement.verdict ? `dat is ${VERDICT_TEXT[amsterdam.judgement.verdict].than} in Nederland` : 'geen oordeel';
    expect(text).toContain(`Amsterdam (de grote stip met naam): ${formatNumber(amsterdam.rate.shown!, 1)}% van ${formatNumber(amsterdam.rate.denominator!)} jongeren tot 18 jaar; ${verdict}`);
  });
});

describe('funnel page model', () => {
  it('lists every gemeente alphabetically, linked to its page, with no rank column', () => {
    const { rows, columns } = page.table;
    const names = rows.map((r) => r.header);
    expect(names).toEqual([...funnel.regions.map((r) => r.label)].sort(new Intl.Collator('nl').compare));
    expect(rows).toHaveLength(funnel.regions.length);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const r of rows) expect(r.href).toBe(regionHref(register, r.code));
    expect(columns.map((c) => c.label)).toEqual(['%', 'Aantal', 'Jongeren tot 18 jaar', '95%-marge', 'Grenzen 95%', 'Grenzen 99,8%', 'Oordeel']);
    expect(columns.map((c) => `${c.label} ${c.unit ?? ''}`).join(' ')).not.toMatch(/rang|positie|plaats|nummer|#/i);
    expect(page.caption).toBe(funnelTitle(funnel));
    expect(page.table.caption).toMatch(/op alfabetische volgorde/);
    // No column is a ranking 1, 2, 3, … in any order.
    for (let c = 0; c < columns.length; c++) {
      const values = rows.map((r) => r.cells[c]).sort();
      const ranks = rows.map((_, i) => String(i + 1)).sort();
      expect(values).not.toEqual(ranks);
    }
  });

  it('writes the table rows as HTML: a linked row header and a cell per column, names escaped', () => {
    const html = funnelTableRowsHtml(page.table.rows);
    expect(html.match(/<tr>/g)).toHaveLength(funnel.regions.length);
    expect(html.match(/<th scope="row">/g)).toHaveLength(funnel.regions.length);
    expect(html.match(/<td\b/g)).toHaveLength(funnel.regions.length * page.table.columns.length);
    expect(html).toContain('<th scope="row"><a href="/gemeente/amsterdam/">Amsterdam</a></th>');
    const odd = funnelTableRowsHtml([{ code: 'GM9999', header: 'A & <B>', href: undefined, cells: ['1', 'geen oordeel: x'], verdict: undefined }]);
    expect(odd).toBe('<tr><th scope="row">A &amp; &lt;B&gt;</th><td>1</td><td class="funnel-table__verdict">geen oordeel: x</td></tr>');
  });

  it('shows the published figures, the counts, the intervals and the limits of each gemeente', () => {
    const amsterdam = funnel.regions.find((r) => r.code === 'GM0363')!;
    const row = page.table.rows.find((r) => r.code === 'GM0363')!;
    expect(row.cells.slice(0, 3)).toEqual([formatNumber(amsterdam.rate.shown!, 1), formatNumber(amsterdam.rate.count!), formatNumber(amsterdam.rate.denominator!)]);
    expect(row.cells[3]).toMatch(/^\d+,\d+–\d+,\d+$/);
    expect(row.cells[4]).toBe(`${formatNumber(amsterdam.limits!.lower95, 1)}–${formatNumber(amsterdam.limits!.upper95, 1)}`);
    expect(row.cells[5]).toMatch(/^\d+,\d+–\d+,\d+$/);
  });

  it('takes every verdict word in the table from VERDICT_TEXT, or says why there is none', () => {
    let judged = 0;
    for (const row of page.table.rows) {
      const cell = row.cells.at(-1)!;
      const region = funnel.regions.find((r) => r.code === row.code)!;
      if (region.judgement.verdict) {
        judged++;
        expect(cell).toBe(VERDICT_TEXT[region.judgement.verdict].word);
        expect(VERDICT_WORDS.has(cell)).toBe(true);
      } else {
        expect(cell).toBe(`geen oordeel: ${NO_VERDICT_TEXT[region.judgement.reason]}`);
        expect(NO_VERDICT_WORDS.has(cell)).toBe(true);
        // Without a verdict, no limits either.
        expect(row.cells[4]).toBe('');
      }
    }
    expect(judged).toBeGreaterThan(300);
  });

  it('counts the gemeenten per verdict in the words of VERDICT_TEXT', () => {
    const counts = verdictCounts(funnel);
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(funnel.regions.length);
    expect(counts.slice(0, 5).map((c) => c.verdict)).toEqual(['duidelijk-hoger', 'hoger', 'niet-duidelijk-anders', 'lager', 'duidelijk-lager']);
    for (const c of counts) {
      if (c.verdict) {
        expect(c.words).toBe(`${VERDICT_TEXT[c.verdict].than} in Nederland`);
        expect(c.count).toBe(funnel.regions.filter((r) => r.judgement.verdict === c.verdict).length);
      } else expect(c.words).toBe(`geen oordeel: ${NO_VERDICT_TEXT[c.reason!]}`);
      expect(c.countText).toBe(`${formatNumber(c.count)} ${c.count === 1 ? 'gemeente' : 'gemeenten'}`);
    }
    expect(page.counts).toEqual(counts);
  });

  it('states the overdispersion plainly', () => {
    const { phi, tau2 } = funnel.overdispersion;
    const text = overdispersionText(funnel);
    if (tau2 > 0) {
      expect(text).toContain(`De gemeenten verschillen onderling φ = ${formatNumber(phi, 1)} keer zoveel als toeval alleen zou geven; de grenzen zijn daarom verbreed`);
      expect(text).toMatch(/τ² = 0,\d+/);
      expect(text).toMatch(/liggen de 95%-grenzen daardoor op \d+,\d+% en \d+,\d+%; door toeval alleen zouden ze op \d+,\d+% en \d+,\d+% liggen\./);
    } else {
      expect(text).toContain('niet meer dan toeval');
    }
    const none = { ...funnel, overdispersion: { units: 300, phi: 0.9, tau2: 0 } };
    expect(overdispersionText(none)).toBe('De gemeenten verschillen onderling niet meer dan toeval alleen zou geven (φ = 0,9); de grenzen zijn daarom niet verbreed.');
  });

  it('explains the plot without ranks, and says a difference is a question', () => {
    const all = [page.title, page.heading, page.description, ...page.explanation, page.overdispersion, ...page.table.notes, page.table.caption].join(' ');
    expect(all).toContain('Een verschil is een vraag, geen oordeel');
    expect(all).toContain('De middellijn is Nederland');
    expect(all).not.toMatch(/hoogste|laagste|\d+e plaats|ranglijst|rang\b/);
  });

  it('has no page for a figure without a funnel', () => {
    expect(funnelPage(context, 'trajecten-gestart', LATEST)).toBeUndefined();
  });
});
