/**
 * The map pages (/kaarten/): which measures get a map, and what one map page shows — the figures of every
 * gemeente on the latest indeling for one period, with the count that each rate is made of.
 */
import type { DatasetMeta, Measure, MeasureConcept } from '../../schemas/dataset';
import { totalTopics, type ObservationRow, type RowIndex } from '../data/dataset';
import { comparePeriods, parsePeriodCode, periodLabel, periodLabelWithStatus, type Period, type PeriodStatus } from '../data/periods';
import { formatObservation } from '../format/number';
import { slugify } from '../regions/codes';
import type { ConvertedDataset, ConvertedRow } from '../regions/convert';
import { escapeMarkup } from './markup';
import type { ChoroplethInput } from './types';

/** The measures that get a map, in this order, each as a rate: the key figures of the beleidsinformatie. */
export const KEY_MAP_CONCEPTS: ReadonlyArray<{ concept: MeasureConcept; slug: string }> = [
  { concept: 'jongeren-jeugdhulp', slug: 'jeugdhulp' },
  { concept: 'jongeren-jeugdhulp-met-verblijf', slug: 'jeugdhulp-met-verblijf' },
  { concept: 'jongeren-jeugdbescherming', slug: 'jeugdbescherming' },
  { concept: 'jongeren-jeugdreclassering', slug: 'jeugdreclassering' },
  { concept: 'trajecten-gestart', slug: 'gestarte-trajecten' },
];

export interface MapMeasure {
  /** URL segment: /kaarten/<slug>/. */
  slug: string;
  datasetId: string;
  measure: Measure;
  /** The count the rate is computed from, shown beside it (N next to every percentage). */
  numerator: Measure | undefined;
}

function conceptOf(meta: DatasetMeta, measure: Measure): MeasureConcept | undefined {
  if (measure.concept) return measure.concept;
  const numerator = meta.measures.find((m) => m.id === measure.rate?.numerator);
  return numerator?.concept;
}

function numeratorOf(meta: DatasetMeta, measure: Measure): Measure | undefined {
  return meta.measures.find((m) => m.id === measure.rate?.numerator);
}

/**
 * The rate measures to map, found by concept in the datasets (first dataset in catalog order wins), so that
 * imported CBS tables work as well as the demonstration data. Without any key concept, every rate is mapped.
 */
export function findMapMeasures(metas: readonly DatasetMeta[]): MapMeasure[] {
  const found: MapMeasure[] = [];
  for (const { concept, slug } of KEY_MAP_CONCEPTS) {
    for (const meta of metas) {
      const measure = meta.measures.find((m) => m.type === 'rate' && conceptOf(meta, m) === concept);
      if (measure) {
        found.push({ slug, datasetId: meta.id, measure, numerator: numeratorOf(meta, measure) });
        break;
      }
    }
  }
  if (found.length > 0) return found;
  const slugs = new Set<string>();
  return metas.flatMap((meta) =>
    meta.measures
      .filter((m) => m.type === 'rate')
      .map((measure) => {
        let slug = slugify(measure.label);
        if (slugs.has(slug)) slug = slugify(`${meta.id} ${measure.id}`);
        slugs.add(slug);
        return { slug, datasetId: meta.id, measure, numerator: numeratorOf(meta, measure) };
      }),
  );
}

/** Period codes in URLs are lower case: /kaarten/jeugdhulp/2026hj01/. */
export function periodSlug(code: string): string {
  return code.toLowerCase();
}

export function mapHref(slug: string, period: string): string {
  return `/kaarten/${slug}/${periodSlug(period)}/`;
}

export interface MapRow {
  code: string;
  label: string;
  href: string | undefined;
  value: number | null;
  symbol: string | null;
  shown: string;
  count: { value: number | null; shown: string } | undefined;
  /** The figure was put together from gemeenten of an earlier indeling. */
  converted: boolean;
}

function isConverted(row: ObservationRow | undefined): boolean {
  return row !== undefined && 'converted' in row && (row as ConvertedRow).converted === true;
}

/** Collator made once: localeCompare builds one per call, which is slow for 342 names on 100 pages. */
const DUTCH = new Intl.Collator('nl');

/** One row per gemeente of the indeling, by name; a gemeente without a row in the data shows `.`. */
export function mapRows(
  dataset: ConvertedDataset,
  index: RowIndex,
  gemeenten: ReadonlyArray<{ code: string; label: string; href: string | undefined }>,
  mapMeasure: MapMeasure,
  period: string,
): MapRow[] {
  const topics = totalTopics(dataset.meta);
  return [...gemeenten]
    .sort((a, b) => DUTCH.compare(a.label, b.label))
    .map((g) => {
      const cell = index.cell(g.code, period, mapMeasure.measure.id, topics);
      const count = mapMeasure.numerator ? index.cell(g.code, period, mapMeasure.numerator.id, topics) : undefined;
      return {
        code: g.code,
        label: g.label,
        href: g.href,
        value: cell?.value ?? null,
        symbol: cell ? cell.symbol : '.',
        shown: formatObservation(cell, mapMeasure.measure),
        count: mapMeasure.numerator ? { value: count?.value ?? null, shown: formatObservation(count, mapMeasure.numerator) } : undefined,
        converted: isConverted(index.get(g.code, period, topics)),
      };
    });
}

export interface PeriodLink {
  code: string;
  href: string;
  /** Within its year: "1e halfjaar", "jaar", "30 juni". */
  shortLabel: string;
  label: string;
  status: PeriodStatus;
}

/** Periods grouped by year, newest year first, for the period selector. */
export function periodLinks(slug: string, periods: readonly DatasetMeta['periods'][number][]): Array<{ year: number; periods: PeriodLink[] }> {
  const byYear = new Map<number, PeriodLink[]>();
  const ordered = periods
    .map((p) => ({ ...p, period: parsePeriodCode(p.code) }))
    .filter((p): p is typeof p & { period: Period } => p.period !== undefined)
    .sort((a, b) => comparePeriods(a.period, b.period));
  for (const { code, status, period } of ordered) {
    const list = byYear.get(period.year) ?? [];
    list.push({ code, href: mapHref(slug, code), shortLabel: periodWithinYear(period), label: periodLabelWithStatus(period, status), status });
    byYear.set(period.year, list);
  }
  return [...byYear].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, periods: list }));
}

function periodWithinYear(period: Period): string {
  if (period.kind === 'jaar') return 'heel jaar';
  return periodLabel(period).replace(` ${period.year}`, '');
}

/** What a rate is relative to, for legends and headings: "% van de jongeren tot 18 jaar", "per 1.000 jongeren". */
export function rateUnitText(measure: Measure): string {
  if (measure.unit === '%' && measure.rate) return `% van de ${measure.rate.denominatorLabel}`;
  return measure.unit;
}

/**
 * The rows of the map table as one HTML string: 342 rows of JSX cost an Astro page several milliseconds,
 * and there are a hundred map pages.
 */
export function mapTableRowsHtml(rows: readonly MapRow[]): string {
  return rows
    .map((r) => {
      const name = r.href ? `<a href="${escapeMarkup(r.href)}">${escapeMarkup(r.label)}</a>` : escapeMarkup(r.label);
      const note = r.converted ? '<span class="map-table__note"> omgerekend</span>' : '';
      const count = r.count ? `<td>${escapeMarkup(r.count.shown)}</td>` : '';
      return `<tr><th scope="row">${name}${note}</th><td>${escapeMarkup(r.shown)}</td>${count}</tr>`;
    })
    .join('');
}

/** The choropleth of a map page's rows; the embed of the same map passes the same input and reuses the render. */
export function mapChartInput(id: string, title: string, mapMeasure: MapMeasure, rows: readonly MapRow[], indeling: number): ChoroplethInput {
  return {
    id,
    title,
    unit: mapMeasure.measure.unit,
    decimals: mapMeasure.measure.decimals,
    geoYear: indeling,
    values: new Map(rows.map((r) => [r.code, { value: r.value, symbol: r.symbol, href: r.href }])),
  };
}
