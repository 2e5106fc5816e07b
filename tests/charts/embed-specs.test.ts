/** Every kind of chart the site draws can be embedded (issue 11): trend, funnel, map and bars, on the default data. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getFactsContext, type FactsContext } from '../../src/lib/facts/context';
import { breakdownsOf } from '../../src/lib/facts/breakdowns';
import { funnelPageConcepts } from '../../src/lib/facts/funnel-page';
import { findMapMeasures } from '../../src/lib/charts/map-pages';
import { embedHeight, embedSpecs, type EmbedSpec } from '../../src/lib/embed/embeds';
import { getSiteData, type SiteData } from '../../src/node/site-data';

let data: SiteData;
let context: FactsContext;
let specs: EmbedSpec[];

beforeAll(async () => {
  data = await getSiteData();
  context = getFactsContext(data);
  specs = embedSpecs(context, data.datasets.map((d) => d.meta));
}, 120_000);

describe('embeddable charts', () => {
  it('cover every chart kind: trends, funnels, maps and bars', () => {
    const kinds = new Set(specs.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['kaart', 'trechter', 'trend', 'verdeling']);
    expect(specs.filter((s) => s.kind === 'trechter').map((s) => s.id)).toEqual(funnelPageConcepts(context).map((c) => `trechter-${c.replace(/^jongeren-/, '')}`));
    expect(specs.filter((s) => s.kind === 'kaart')).toHaveLength(findMapMeasures(data.datasets.map((d) => d.meta)).length);
    expect(specs.filter((s) => s.kind === 'verdeling').map((s) => s.id)).toEqual(breakdownsOf(context, 'NL01').map((b) => `verdeling-nederland-${b.dimension.id}`));
    expect(specs.find((s) => s.id === 'trend-gemeente-amsterdam')?.pageHref).toBe('/gemeente/amsterdam/');
  });

  it('have unique ids that are safe in a URL, and link to the page with the full chart', () => {
    const ids = specs.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const spec of specs) {
      expect(spec.id).toMatch(/^[a-z0-9-]+$/);
      expect(spec.pageHref).toMatch(/^\/[a-z0-9/#-]*$/);
      expect(spec.height).toBe(embedHeight(spec.id));
    }
    const funnel = specs.find((s) => s.kind === 'trechter')!;
    expect(funnel.pageHref).toMatch(/^\/verschillen\/[a-z-]+\/\d{4}hj0[12]\/$/);
  });
});
