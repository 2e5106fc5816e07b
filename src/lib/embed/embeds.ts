/**
 * Charts other sites can embed with an <iframe>: the trend of the main rate of every region (Nederland,
 * provincies, jeugdregio's, current gemeenten) against Nederland, and the map of every key measure in its
 * latest period. Each has a permanent address /embed/<id>/ with a minimal page (the chart, its table, the
 * source and a link back). Pure.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import { findMapMeasures } from '../charts/map-pages';
import type { FactsContext } from '../facts/context';
import { regionTrend } from '../facts/region-facts';
import type { RateTrend } from '../facts/trend';
import { regionHref } from '../pages/gemeente-links';
import { regionKind, type RegionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';

export type EmbedSpec =
  | { id: string; kind: 'trend'; region: string; pageHref: string; height: number }
  | { id: string; kind: 'kaart'; mapSlug: string; datasetId: string; pageHref: string; height: number };

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

export function embedPath(id: string): string {
  return `/embed/${id}/`;
}

export const TREND_HEIGHT = 640;
export const MAP_HEIGHT = 760;

/** Every embeddable chart. */
export function embedSpecs(register: RegionRegister, metas: readonly DatasetMeta[]): EmbedSpec[] {
  const regions = ['NL01', ...register.provincies().map((p) => p.code), ...register.jeugdregios().map((j) => j.code), ...register.currentGemeenten().map((g) => g.code)];
  const trends = regions.flatMap((code): EmbedSpec[] => {
    const id = trendEmbedId(register, code);
    const pageHref = regionHref(register, code);
    return id && pageHref ? [{ id, kind: 'trend', region: code, pageHref, height: TREND_HEIGHT }] : [];
  });
  const maps = findMapMeasures(metas).map((m): EmbedSpec => ({ id: mapEmbedId(m.slug), kind: 'kaart', mapSlug: m.slug, datasetId: m.datasetId, pageHref: `/kaarten/${m.slug}/`, height: MAP_HEIGHT }));
  return [...trends, ...maps];
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
