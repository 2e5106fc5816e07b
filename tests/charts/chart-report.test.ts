import { describe, expect, it } from 'vitest';
import { chartReportLines } from '../../src/render/chart-report';

describe('chart report after a build', () => {
  it('says per kind how many were rendered, from the cache, how long each took and how large', () => {
    expect(
      chartReportLines({
        trend: { renders: 468, hits: 2, ms: 1450.8, svgChars: 468 * 9523 },
        choropleth: { renders: 0, hits: 5, ms: 0, svgChars: 0 },
      }),
    ).toEqual(['468 lijngrafieken, 2 uit de cache, 3,1 ms per stuk, gemiddeld 9,3 kB SVG', '0 kaarten, 5 uit de cache, 0,0 ms per stuk, gemiddeld 0,0 kB SVG']);
  });
});
