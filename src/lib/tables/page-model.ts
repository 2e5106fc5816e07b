/**
 * Everything a table page shows that is not the table itself: the default selection and its table, the
 * options of the selection form, release dates, the download links and the toelichting. Computed at build
 * time; the .astro components only print it.
 */
import type { Measure, Release } from '../../schemas/dataset';
import { parsePeriodCode, periodLabel, periodLabelWithStatus, STATUS_LABEL, STATUS_MARK, type PeriodStatus } from '../data/periods';
import { nextRelease, type PlannedRelease } from '../data/release-calendar';
import { countsSomething } from '../data/consistency';
import { formatNumber } from '../format/number';
import { buildPivot, DIMENSION_LABELS, type PivotTable } from './pivot';
import { renderRegionChips, renderTable, renderTableNotes } from './render-html';
import { defaultSelection, dimensionIds, REGION_GROUPS, topicParam, type Selection, type SelectionContext } from './selection';
import { FORMAT_LABEL, type DownloadFormat } from '../downloads/files';
import { SELECTION_FORMATS, selectionFileName } from './selection-download';
import { regionCodeOf } from './region-keys';
import type { RegionInfo, TableSource } from './table-source';

export interface Option {
  value: string;
  label: string;
  checked: boolean;
}

export interface TablePageModel {
  id: string;
  /** The <title>: short enough for a browser tab and a search result (the site name follows it). */
  pageTitle: string;
  context: SelectionContext;
  selection: Selection;
  pivot: PivotTable;
  tableHtml: string;
  notesHtml: string;
  chipsHtml: string;
  /** The catalog release the figures belong to, and the next planned one. */
  release: Release | undefined;
  next: PlannedRelease;
  /** Said above the table when the default leaves out part of the regions (wijken). */
  hint: string | undefined;
  form: {
    groups: Array<{ token: string; label: string }>;
    scopes: Array<{ label: string; options: Array<{ value: string; label: string }> }>;
    periods: Option[];
    topics: Array<{ param: string; label: string; options: Array<Option & { group?: string; total: boolean }> }>;
    measures: Array<Option & { unit: string }>;
    placement: Array<{ dim: string; label: string; place: 'rijen' | 'kolommen' | '' }>;
    indeling: number;
  };
  urls: { table: string; periods: string; fullDownloads: string };
  /** The files of the default selection: "CSV voor Excel" and what it is for ("puntkomma, decimale komma; …"). */
  downloads: Array<{ format: DownloadFormat; name: string; href: string; label: string; hint: string }>;
  explanation: {
    /** `counts` only for a measure that counts something (persons, trajecten, inhabitants), not for an average or a share of the population. */
    measures: Array<{ measure: Measure; counts: string | undefined; rate: string | undefined }>;
    /** "elk halfjaar", or "elk jaar" for a table of year figures only. */
    rhythm: string;
    /** Which periods have which status: "definitief: 1e halfjaar 2015 tot en met 2e halfjaar 2025". */
    statuses: string[];
  };
}

const COUNT_WORD: Record<Measure['countOf'], string> = { personen: 'personen (jongeren)', trajecten: 'trajecten', inwoners: 'inwoners' };

export function tablePageModel(source: TableSource, releases: readonly Release[], currentRelease: Release): TablePageModel {
  const { meta } = source;
  const context: SelectionContext = { meta, periods: source.periods, regions: source.regions };
  const selection = defaultSelection(context);
  const pivot = buildPivot(source, selection, { id: 'tabel' });
  const statuses = new Map<string, PeriodStatus>(meta.periods.map((p) => [p.code, p.status]));
  const labelWithStatus = (code: string) => {
    const period = parsePeriodCode(code);
    return period ? periodLabelWithStatus(period, statuses.get(code) ?? 'definitief') : code;
  };
  const kinds = new Set(source.regions.map((r) => r.kind));
  // Versions of one wijk (another area or name over the years) are one wijk here.
  const count = (kind: RegionInfo['kind']) => new Set(source.regions.filter((r) => r.kind === kind).map((r) => regionCodeOf(r.code))).size;
  const wijken = count('wijk');
  const base = `/tabellen/${meta.id}/`;
  const placeOf = (dim: string): 'rijen' | 'kolommen' | '' =>
    pivot.placement.rows.includes(dim) ? 'rijen' : pivot.placement.columns.includes(dim) ? 'kolommen' : '';
  const labelOf = (dim: string) => DIMENSION_LABELS[dim] ?? meta.dimensions.find((d) => d.id === dim)?.label ?? dim;
  const byKind = (kind: RegionInfo['kind']) => source.regions.filter((r) => r.kind === kind).map((r) => ({ value: r.code, label: r.label }));

  return {
    id: meta.id,
    pageTitle: shortTitle(meta.shortTitle ?? meta.title.split(';')[0]!.trim()),
    context,
    selection,
    pivot,
    tableHtml: renderTable(pivot),
    notesHtml: renderTableNotes(pivot, { legendHref: '#verklaring-van-tekens' }),
    chipsHtml: renderRegionChips(selection.regions, source.regions),
    release: releases.find((r) => r.id === meta.release),
    next: nextReleaseAfter(currentRelease),
    hint:
      wijken > 0
        ? `Deze tabel heeft ook cijfers voor ${formatNumber(wijken)} ${wijken === 1 ? 'wijk' : 'wijken'}${meta.periods.length > 1 ? ' over alle jaren samen; één jaar heeft er minder, omdat de wijkindeling verandert' : ''}. Zoveel rijen passen niet in één overzicht, dus standaard staan de wijken er niet in. Kies bij ‘Selectie aanpassen’ bijvoorbeeld: voeg toe ‘Wijken’ binnen ‘${exampleGemeente(source.regions)}’.`
        : undefined,
    form: {
      groups: [
        ...(kinds.has('land') ? [{ token: 'NL01', label: 'Nederland' }] : []),
        ...REGION_GROUPS.filter((g) => kinds.has(g.kind)).map((g) => ({ token: g.token, label: `${g.plural.charAt(0).toUpperCase()}${g.plural.slice(1)}` })),
      ],
      scopes: [
        { label: 'Provincies', options: byKind('provincie') },
        { label: "Jeugdregio's", options: byKind('jeugdregio') },
        // Wijken within one gemeente are the useful way into a wijken table.
        ...(wijken > 0 ? [{ label: 'Gemeenten', options: byKind('gemeente') }] : []),
      ].filter((s) => s.options.length > 0),
      periods: [...source.periods].reverse().map((code) => ({ value: code, label: labelWithStatus(code), checked: selection.periods.includes(code) })),
      topics: meta.dimensions.map((dim) => ({
        param: topicParam(dim.id),
        label: dim.label,
        options: dim.codes.map((c) => ({
          value: c.code,
          label: c.label,
          checked: (selection.topics[dim.id] ?? []).includes(c.code),
          total: c.total,
          ...(c.group ? { group: c.group } : {}),
        })),
      })),
      measures: meta.measures.map((m) => ({ value: m.id, label: m.label, unit: m.unit, checked: selection.measures.includes(m.id) })),
      placement: dimensionIds(meta).map((dim) => ({ dim, label: labelOf(dim), place: placeOf(dim) })),
      indeling: source.indeling,
    },
    urls: { table: `${base}tabel.json`, periods: `${base}cijfers/`, fullDownloads: `/downloads/${meta.id}/` },
    downloads: SELECTION_FORMATS.map((format) => {
      const name = selectionFileName(meta.id, format);
      return { format, name, href: `${base}${name}`, label: FORMAT_LABEL[format].name, hint: FORMAT_LABEL[format].hint };
    }),
    explanation: {
      measures: meta.measures.map((measure) => ({
        measure,
        counts: countsSomething(measure) ? COUNT_WORD[measure.countOf] : undefined,
        rate: measure.rate ? rateText(measure) : undefined,
      })),
      rhythm: source.periods.every((code) => parsePeriodCode(code)?.kind === 'jaar') ? 'elk jaar' : 'elk halfjaar',
      statuses: statusSummary(source.periods, statuses),
    },
  };
}

/** How a rate is computed, naming its denominator: "per 1.000 jongeren tot 18 jaar". */
function rateText(measure: Measure): string {
  const rate = measure.rate!;
  const base = rate.per === 100 ? `Percentage van ${rate.denominatorLabel}` : `Aantal per ${formatNumber(rate.per)} ${rate.denominatorLabel}`;
  return measure.derived ? `${base}, berekend uit de afgeronde aantallen.` : `${base}.`;
}

/** The periods of each status, as a range where they follow each other. */
function statusSummary(periods: readonly string[], statuses: ReadonlyMap<string, PeriodStatus>): string[] {
  const label = (code: string) => {
    const period = parsePeriodCode(code);
    return period ? periodLabel(period) : code;
  };
  const out: string[] = [];
  for (const status of ['definitief', 'nader-voorlopig', 'voorlopig'] as const) {
    const positions = periods.map((p, i) => (statuses.get(p) ?? 'definitief') === status ? i : -1).filter((i) => i >= 0);
    if (positions.length === 0) continue;
    const contiguous = positions.at(-1)! - positions[0]! === positions.length - 1;
    const names = positions.map((i) => label(periods[i]!));
    const text = contiguous && names.length > 2 ? `${names[0]} tot en met ${names.at(-1)}` : names.join(', ');
    out.push(`${STATUS_LABEL[status]}${STATUS_MARK[status] ? ` (${STATUS_MARK[status]})` : ''}: ${text}`);
  }
  return out;
}

/** The gemeente with the most wijken, as the example in the hint of a wijken table. */
function exampleGemeente(regions: readonly RegionInfo[]): string {
  const counts = new Map<string, number>();
  for (const r of regions) if (r.kind === 'wijk' && r.gemeente && r.code === regionCodeOf(r.code)) counts.set(r.gemeente, (counts.get(r.gemeente) ?? 0) + 1);
  const [code] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [''];
  return regions.find((r) => r.code === code)?.label ?? code;
}

/**
 * The release after the current one. The calendar plans on the last working day of April and October, but a
 * release may come out a few days earlier (the demonstration data publishes on the last Thursday): the
 * planned release of the current release's own month is the current one, so look from that month's end.
 */
function nextReleaseAfter(current: Release): PlannedRelease {
  const [year, month] = current.date.split('-').map(Number) as [number, number];
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return nextRelease(monthEnd);
}

/** Cuts a title at a word boundary so that, with " | <site name>", it stays within 70 characters. */
function shortTitle(title: string, max = 46): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
