/**
 * Search records for things that have no page of their own: wijken (a section of their gemeente's page)
 * and measures (explained on their table's page). Pagefind indexes them beside the HTML pages.
 */
import { countsSomething } from '../data/consistency';
import { totalTopics } from '../data/dataset';
import { parsePeriodCode, periodLabelWithStatus, primaryPeriods } from '../data/periods';
import { formatObservation } from '../format/number';
import { gemeenteOfWijk, regionKind, NEDERLAND } from '../regions/codes';
import { wijkChangeNote } from '../regions/wijk-versions';
import { regionHref } from '../pages/gemeente-links';
import { keyFigureOf } from './key-figure';
import { SEARCH_META, type SearchKind } from './kinds';
import type { SearchSiteData } from './page-props';

/** A Pagefind custom record (pagefind's `CustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export const SEARCH_LANGUAGE = 'nl';

/**
 * The id of a wijk's row or heading on the page that shows it, so a search result can jump there:
 * `wijk-wk036305`. Fact pages put `id={wijkAnchorId(code)}` on the element that names the wijk.
 */
export function wijkAnchorId(code: string): string {
  return `wijk-${code.toLowerCase()}`;
}

/** The id of a measure's column or definition on its table page: `maat-jongeren_jeugdhulp`. */
export function measureAnchorId(measureId: string): string {
  return `maat-${measureId}`;
}

/** The page a wijk is shown on: its gemeente's, or (after a herindeling) the gemeente most of it went to. */
export function wijkHref(data: SearchSiteData, code: string): string | undefined {
  const { register } = data;
  let gemeente = gemeenteOfWijk(code);
  const record = register.gemeente(gemeente);
  if (record && !register.isCurrent(gemeente) && record.laatsteJaar !== null) {
    gemeente = register.destinations(gemeente, record.laatsteJaar, register.latestYear)[0]?.code ?? gemeente;
  }
  const page = regionHref(register, gemeente);
  return page ? `${page}#${wijkAnchorId(code)}` : undefined;
}

function record(url: string, kind: SearchKind, title: string, content: string, meta: Record<string, string>, provincie?: string): SearchRecord {
  return {
    url,
    content,
    language: SEARCH_LANGUAGE,
    meta: { title, ...meta },
    filters: { soort: [kind], ...(provincie ? { provincie: [provincie] } : {}) },
  };
}

/**
 * One record per wijk that has figures in the latest period of a dataset with wijken, under its name of that
 * period's wijkindeling. A wijk whose area changed says so; one that was only renamed is also found by its
 * earlier name (the same area, shown on the same page).
 */
export function wijkRecords(data: SearchSiteData): SearchRecord[] {
  const { register } = data;
  // The wijken of the latest period that has wijken: the ones the gemeente pages show (wijk codes change).
  const codes = new Map<string, number>();
  for (const d of data.datasets) {
    const wijkRows = d.index.dataset.rows.filter((row) => regionKind(row.region) === 'wijk');
    const latest = d.periods.findLast((p) => wijkRows.some((row) => row.period === p));
    const year = latest === undefined ? undefined : parsePeriodCode(latest)?.year;
    if (year === undefined) continue;
    for (const row of wijkRows) if (row.period === latest && (codes.get(row.region) ?? 0) < year) codes.set(row.region, year);
  }
  const out: SearchRecord[] = [];
  for (const [code, year] of [...codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const url = wijkHref(data, code);
    if (!url) continue;
    const naam = register.wijkName(code, year);
    const gemeente = register.label(gemeenteOfWijk(code));
    const provincieCode = register.provincieOf(gemeenteOfWijk(code));
    const provincie = provincieCode ? register.label(provincieCode) : undefined;
    const figure = keyFigureOf(data.datasets, code, (period) => register.sameWijkArea(code, parsePeriodCode(period)?.year ?? year, year));
    const version = register.wijkVersion(code, year);
    const change = wijkChangeNote(version);
    const history = change
      ? ` ${change.charAt(0).toUpperCase()}${change.slice(1)}: de wijkcode stond toen voor een ander gebied.`
      : version?.change?.kind === 'naam'
        ? ` Tot en met ${version.change.since}: ${version.change.naam}.`
        : '';
    const content = `Wijk ${naam} in de gemeente ${gemeente}, wijkcode ${code}${provincie ? `, provincie ${provincie}` : ''}.${history}`;
    const meta: Record<string, string> = { [SEARCH_META.code]: code, ...(figure ? { [SEARCH_META.keyFigure]: figure.text } : {}) };
    out.push(record(url, 'Wijk', `${naam} (wijk in ${gemeente})`, content, meta, provincie));
  }
  return out;
}

/** One record per measure of every dataset, leading to the dataset's table, with the figure for Nederland. */
export function measureRecords(data: SearchSiteData): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (const d of data.datasets) {
    const topics = totalTopics(d.meta);
    const title = d.meta.shortTitle ?? d.meta.title;
    d.meta.measures.forEach((measure, i) => {
      const latest = primaryPeriods(d.meta, d.periods).reverse().find((p) => d.index.get(NEDERLAND, p, topics) !== undefined);
      const meta: Record<string, string> = {};
      if (latest) {
        const cell = d.index.get(NEDERLAND, latest, topics)?.cells[i];
        const status = d.meta.periods.find((p) => p.code === latest)?.status ?? 'definitief';
        const period = parsePeriodCode(latest);
        const unit = measure.unit === 'aantal' ? measure.countOf : measure.unit;
        meta[SEARCH_META.keyFigure] = `Nederland: ${formatObservation(cell, measure)} ${unit} · ${period ? periodLabelWithStatus(period, status) : latest}`;
      }
      const definition = measure.definition ? ` ${measure.definition}` : '';
      const counts = countsSomething(measure) ? `; telt ${measure.countOf}` : '';
      const content = `${measure.label}.${definition} Eenheid: ${measure.unit}${counts}. In de tabel ${d.meta.title}.`;
      out.push(record(`/tabellen/${d.meta.id}/#${measureAnchorId(measure.id)}`, 'Maat', `${measure.label} (${title})`, content, meta));
    });
  }
  return out;
}

/**
 * The names people use for gemeenten whose official name they do not type: "Den Haag" for 's-Gravenhage.
 * Each becomes a record that leads to the gemeente's page.
 */
export const GEMEENTE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GM0518: ['Den Haag'],
  GM0796: ['Den Bosch'],
  GM0820: ['Nuenen'],
};

export function aliasRecords(data: SearchSiteData): SearchRecord[] {
  const { register } = data;
  return Object.entries(GEMEENTE_ALIASES).flatMap(([code, aliases]) => {
    const url = register.isCurrent(code) ? regionHref(register, code) : undefined;
    if (!url) return [];
    const naam = register.label(code);
    const provincieCode = register.provincieOf(code);
    const provincie = provincieCode ? register.label(provincieCode) : undefined;
    const figure = keyFigureOf(data.datasets, code);
    return aliases.map((alias) =>
      record(url, 'Gemeente', `${naam} (${alias})`, `${alias} is de gemeente ${naam}, gemeentecode ${code}.`, { [SEARCH_META.code]: code, ...(figure ? { [SEARCH_META.keyFigure]: figure.text } : {}) }, provincie),
    );
  });
}
