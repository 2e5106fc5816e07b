/**
 * Charts other sites can embed with an <iframe>, one or more of every kind the site draws: the trend of the
 * main rate of every region (Nederland, provincies, jeugdregio's, current gemeenten) against Nederland; the
 * funnel of all gemeenten for every compared key figure and the map of every key measure, in their latest
 * period; and the breakdowns of Nederland (bars). Each has a permanent address /embed/<id>/ with a minimal
 * page (the chart, its table, the source and a link back). Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import { findMapMeasures } from '../charts/map-pages';
import { breakdownsOf } from '../facts/breakdowns';
import type { FactsContext } from '../facts/context';
import { funnelPeriods } from '../facts/funnel';
import { funnelHref, funnelPageConcepts, funnelSlug } from '../facts/funnel-page';
import type { KeyConcept } from '../facts/concepts';
import { regionTrend } from '../facts/region-facts';
import type { RateTrend } from '../facts/trend';
import { regionHref } from '../pages/gemeente-links';
import { regionKind, type RegionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';

export type EmbedSpec =
  | { id: string; kind: 'trend'; region: string; pageHref: string; height: number }
  | { id: string; kind: 'kaart'; mapSlug: string; datasetId: string; pageHref: string; height: number }
  | { id: string; kind: 'trechter'; concept: KeyConcept; period: string; pageHref: string; height: number }
  | { id: string; kind: 'verdeling'; region: string; dimension: string; pageHref: string; height: number };

const KIND_SEGMENT: Partial<Record<RegionKind, string>> = { land: 'nederland', provincie: 'provincie', jeugdregio: 'jeugdregio', gemeente: 'gemeente' };

/** "trend-gemeente-amsterdam", "trend-provincie-groningen", "trend-nederland". */
export function trendEmbedId(register: RegionRegister, code: string): string | undefined {
  const kind = regionKind(code);
  const segment = kind ? KIND_SEGMENT[kind] : undefined;
  if (!segment) return undefined;
  return kind === 'land' ? 'trend-nederland' : `trend-${segment}-${register.slug(code)}`;
}

export function mapEmbedId(mapSlug: string): string {
  return `kaart-${mapSlug}`;
}

/** "trechter-jeugdhulp": the funnel of all gemeenten. */
export function funnelEmbedId(concept: KeyConcept): string {
  return `trechter-${funnelSlug(concept)}`;
}

/** "verdeling-nederland-hulpvorm": a breakdown of Nederland. */
export function breakdownEmbedId(dimension: string): string {
  return `verdeling-nederland-${dimension}`;
}

export function embedPath(id: string): string {
  return `/embed/${id}/`;
}

export const TREND_HEIGHT = 640;
export const MAP_HEIGHT = 760;
export const FUNNEL_HEIGHT = 680;
export const BARS_HEIGHT = 560;

/** The iframe height an embed needs: the chart, its folded table and the source line. */
export function embedHeight(id: string): number {
  if (id.startsWith('kaart-')) return MAP_HEIGHT;
  if (id.startsWith('trechter-')) return FUNNEL_HEIGHT;
  if (id.startsWith('verdeling-')) return BARS_HEIGHT;
  return TREND_HEIGHT;
}

/** Every embeddable chart. */
export function embedSpecs(context: FactsContext, metas: readonly DatasetMeta[]): EmbedSpec[] {
  const { register } = context;
  const regions = ['NL01', ...register.provincies().map((p) => p.code), ...register.jeugdregios().map((j) => j.code), ...register.currentGemeenten().map((g) => g.code)];
  const trends = regions.flatMap((code): EmbedSpec[] => {
    const id = trendEmbedId(register, code);
    const pageHref = regionHref(register, code);
    return id && pageHref ? [{ id, kind: 'trend', region: code, pageHref, height: TREND_HEIGHT }] : [];
  });
  const maps = findMapMeasures(metas).map((m): EmbedSpec => ({ id: mapEmbedId(m.slug), kind: 'kaart', mapSlug: m.slug, datasetId: m.datasetId, pageHref: `/kaarten/${m.slug}/`, height: MAP_HEIGHT }));
  const funnels = funnelPageConcepts(context).flatMap((concept): EmbedSpec[] => {
    const period = funnelPeriods(context, concept).at(-1);
    return period ? [{ id: funnelEmbedId(concept), kind: 'trechter', concept, period, pageHref: funnelHref(concept, period), height: FUNNEL_HEIGHT }] : [];
  });
  const bars = breakdownsOf(context, 'NL01').map((b): EmbedSpec => ({ id: breakdownEmbedId(b.dimension.id), kind: 'verdeling', region: 'NL01', dimension: b.dimension.id, pageHref: '/nederland/#verdeling', height: BARS_HEIGHT }));
  return [...trends, ...funnels, ...maps, ...bars];
}

/** The trend of a region's main figure, exactly as its fact page shows it (embeds are of current regions only). */
export function trendOf(context: FactsContext, region: string): RateTrend | undefined {
  return regionTrend(context, region);
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML another site pastes to show a chart: a lazy, titled, borderless iframe that fits the width. */
export function embedSnippet(url: string, title: string, height: number): string {
  return `<iframe src="${escapeAttribute(url)}" title="${escapeAttribute(title)}" width="100%" height="${height}" style="border:0;max-width:720px" loading="lazy"></iframe>`;
}
