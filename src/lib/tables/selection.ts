/**
 * The selection of a table page, as StatLine offers it: which regions, periods, categories and measures,
 * which dimensions go in the rows and which in the columns, and on which indeling. It lives in the URL so a
 * selection can be shared and reopened:
 *
 *   ?regio=NL01,gemeenten-PV26&perioden=2025HJ01,2025HJ02&maat=jongeren_jeugdhulp&rijen=regio&kolommen=perioden
 *
 * Parameters equal to the default are left out, so the page's own address is the default table. Values are
 * comma-separated (a repeated parameter is read too). Unknown values are dropped with a message.
 */
import type { DatasetMeta } from '../../schemas/dataset';
import { totalTopics } from '../data/dataset';
import { primaryPeriods } from '../data/periods';
import { NEDERLAND, regionKind, type RegionKind } from '../regions/codes';
import { regionKindOf } from './region-keys';
import type { RegionInfo, RowView } from './table-source';

/** The dimensions a table has: regions, periods, measures, and the dataset's topic dimensions by id. */
export const REGION_DIM = 'regio';
export const PERIOD_DIM = 'perioden';
export const MEASURE_DIM = 'maat';

export interface Selection {
  /** Region tokens: a code (`GM0363`), a kind (`gemeenten`), or a kind within a region (`gemeenten-PV26`). */
  regions: string[];
  periods: string[];
  /** Selected category codes per topic dimension id. */
  topics: Record<string, string[]>;
  measures: string[];
  /** Dimension ids in the rows, outermost first. */
  rows: string[];
  /** Dimension ids in the columns, outermost first. */
  columns: string[];
  view: RowView;
}

/** What a selection is checked against: the dataset's measures, categories, periods and regions. */
export interface SelectionContext {
  meta: DatasetMeta;
  /** Period codes in time order. */
  periods: readonly string[];
  regions: readonly RegionInfo[];
}

/** Kinds of region a token can name in bulk, with their URL word and plural label. */
export const REGION_GROUPS: ReadonlyArray<{ kind: RegionKind; token: string; plural: string }> = [
  { kind: 'provincie', token: 'provincies', plural: 'provincies' },
  { kind: 'jeugdregio', token: 'jeugdregios', plural: "jeugdregio's" },
  { kind: 'gemeente', token: 'gemeenten', plural: 'gemeenten' },
  { kind: 'wijk', token: 'wijken', plural: 'wijken' },
];

/** Kinds that can be limited to a provincie, jeugdregio or gemeente (`gemeenten-PV26`, `wijken-GM0363`). */
const SCOPABLE: ReadonlySet<RegionKind> = new Set(['gemeente', 'wijk']);

export interface RegionToken {
  token: string;
  /** A single region… */
  code?: string;
  /** …or all regions of a kind, optionally within a region. */
  kind?: RegionKind;
  within?: string;
}

/** Reads a region token; undefined when it is not one. Codes are upper-cased, kind words lower-cased. */
export function readRegionToken(raw: string): RegionToken | undefined {
  const text = raw.trim();
  const code = text.toUpperCase();
  // A code, or the key of an earlier version of a wijk (WK003402-2021, see region-keys.ts).
  if (regionKindOf(code)) return { token: code, code };
  const [word = '', scope] = text.split('-', 2);
  const group = REGION_GROUPS.find((g) => g.token === word.toLowerCase());
  if (!group) return undefined;
  if (scope === undefined) return { token: group.token, kind: group.kind };
  const within = scope.toUpperCase();
  const scopeKind = regionKind(within);
  if (!SCOPABLE.has(group.kind) || !scopeKind || scopeKind === 'wijk' || scopeKind === 'land') return undefined;
  if (group.kind === 'gemeente' && scopeKind === 'gemeente') return undefined;
  return { token: `${group.token}-${within}`, kind: group.kind, within };
}

/** True when a region lies within another: a gemeente in its provincie or jeugdregio, a wijk in its gemeente. */
export function isWithin(region: RegionInfo, scope: string): boolean {
  if (scope === NEDERLAND) return true;
  switch (regionKind(scope)) {
    case 'provincie':
      return region.provincie === scope;
    case 'jeugdregio':
      return region.jeugdregio === scope;
    case 'gemeente':
      return region.gemeente === scope || region.code === scope;
    default:
      return false;
  }
}

/** The regions a list of tokens names, in table order, each once. */
export function resolveRegionTokens(tokens: readonly string[], regions: readonly RegionInfo[]): RegionInfo[] {
  const parsed = tokens.map(readRegionToken).filter((t) => t !== undefined);
  return regions.filter((region) =>
    parsed.some((t) => (t.code ? t.code === region.code : t.kind === region.kind && (!t.within || isWithin(region, t.within)))),
  );
}

/**
 * A token in words, for the list of chosen regions: "Alle gemeenten", "Wijken in Amsterdam (gemeente)".
 * No counts: which gemeenten a kind names depends on the periods and the indeling chosen.
 */
export function describeRegionToken(raw: string, regions: readonly RegionInfo[]): string {
  const token = readRegionToken(raw);
  if (!token) return raw;
  if (token.code) {
    const region = regions.find((r) => r.code === token.code);
    return region ? regionNameWithKind(region, regions) : token.code;
  }
  const group = REGION_GROUPS.find((g) => g.kind === token.kind)!;
  if (!token.within) return `Alle ${group.plural}`;
  const scope = regions.find((r) => r.code === token.within);
  const plural = group.plural.charAt(0).toUpperCase() + group.plural.slice(1);
  return `${plural} in ${scope ? regionNameWithKind(scope) : token.within}`;
}

const KIND_WORD: Record<RegionKind, string> = { land: 'land', provincie: 'provincie', jeugdregio: 'jeugdregio', gemeente: 'gemeente', wijk: 'wijk' };

/** "Utrecht (provincie)", "Utrecht (gemeente)", "Centrum (wijk in Amsterdam)"; Nederland stays Nederland. */
export function regionNameWithKind(region: RegionInfo, regions?: readonly RegionInfo[]): string {
  if (region.kind === 'land') return region.label;
  if (region.kind === 'wijk' && regions) {
    const gemeente = regions.find((r) => r.code === region.gemeente);
    if (gemeente) return `${region.label} (wijk in ${gemeente.label})`;
  }
  return `${region.label} (${KIND_WORD[region.kind]})`;
}

/** Dimension ids of a dataset in canonical order. */
export function dimensionIds(meta: DatasetMeta): string[] {
  return [REGION_DIM, PERIOD_DIM, ...meta.dimensions.map((d) => d.id), MEASURE_DIM];
}

/** The URL parameter of a topic dimension: its id, unless that clashes with a parameter of the page. */
export function topicParam(id: string): string {
  return RESERVED_PARAMS.has(id) ? `dim-${id}` : id;
}
const RESERVED_PARAMS = new Set(['regio', 'perioden', 'maat', 'rijen', 'kolommen', 'indeling']);

/**
 * The default table: the latest period of the dataset's rhythm (its latest half year, not the year that may
 * stand after it: the table opens on the figures the key figures show), the total of each topic dimension, all measures, and Nederland with
 * the provincies, jeugdregio's and gemeenten; regions in the rows, measures in the columns. Wijken are left
 * out: several thousand rows make a page nobody reads; the page offers them through the selection.
 */
export function defaultSelection(context: SelectionContext): Selection {
  const kinds = new Set(context.regions.map((r) => r.kind));
  const regions = [
    ...(kinds.has('land') ? [NEDERLAND] : []),
    ...REGION_GROUPS.filter((g) => g.kind !== 'wijk' && kinds.has(g.kind)).map((g) => g.token),
  ];
  const totals = totalTopics(context.meta);
  const latest = primaryPeriods(context.meta, context.periods).at(-1) ?? context.periods.at(-1);
  return {
    regions: regions.length > 0 ? regions : ['wijken'],
    periods: latest ? [latest] : [],
    topics: Object.fromEntries(context.meta.dimensions.map((d, i) => [d.id, [totals[i]!]])),
    measures: context.meta.measures.map((m) => m.id),
    rows: [REGION_DIM],
    columns: [MEASURE_DIM],
    view: 'omgerekend',
  };
}

export interface ParsedSelection {
  selection: Selection;
  /** What was dropped or replaced, in Dutch, for the page's status line. */
  messages: string[];
}

/** Reads a selection from a query string (with or without `?`), checked against the dataset. */
export function parseSelection(query: string | URLSearchParams, context: SelectionContext): ParsedSelection {
  const params = typeof query === 'string' ? new URLSearchParams(query.replace(/^\?/, '')) : query;
  const defaults = defaultSelection(context);
  const messages: string[] = [];
  const listOf = (name: string): string[] | undefined => {
    if (!params.has(name)) return undefined;
    return params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  };
  /** Keeps the known values of a list (once each); falls back to the default when none is left. */
  // Dutch adjectives agree with the noun: "onbekende periode", but "onbekend onderwerp" (het-woord).
  const pick = (name: string, noun: string, known: readonly string[], fallback: string[], normalise = (v: string) => v, neuter = false): string[] => {
    const given = listOf(name);
    if (given === undefined) return fallback;
    const out: string[] = [];
    for (const raw of given) {
      const value = normalise(raw);
      if (!known.includes(value)) messages.push(`${neuter ? 'Onbekend' : 'Onbekende'} ${noun} “${raw}” genegeerd.`);
      else if (!out.includes(value)) out.push(value);
    }
    if (out.length === 0) {
      messages.push(`Geen ${neuter ? 'geldig' : 'geldige'} ${noun} gekozen; de standaardkeuze wordt getoond.`);
      return fallback;
    }
    return out;
  };

  const regions = pickRegions(listOf(REGION_DIM), context, defaults.regions, messages);
  const periods = pick(PERIOD_DIM, 'periode', context.periods, defaults.periods, (v) => v.toUpperCase());
  const topics: Record<string, string[]> = {};
  for (const dim of context.meta.dimensions) {
    const codes = dim.codes.map((c) => c.code);
    topics[dim.id] = orderLike(pick(topicParam(dim.id), `categorie van ${dim.label.toLowerCase()}`, codes, defaults.topics[dim.id]!), codes);
  }
  const measureIds = context.meta.measures.map((m) => m.id);
  const measures = orderLike(pick(MEASURE_DIM, 'onderwerp', measureIds, defaults.measures, undefined, true), measureIds);

  const dims = dimensionIds(context.meta);
  const rows = pick('rijen', 'dimensie', dims, [], (v) => v.toLowerCase());
  const columns = pick('kolommen', 'dimensie', dims, [], (v) => v.toLowerCase()).filter((d) => !rows.includes(d));
  const placedGiven = params.has('rijen') || params.has('kolommen');

  const viewText = params.get('indeling');
  let view: RowView = 'omgerekend';
  if (viewText === 'gepubliceerd') view = 'gepubliceerd';
  else if (viewText !== null && viewText !== 'omgerekend') messages.push(`Onbekende indeling “${viewText}” genegeerd.`);

  return {
    selection: {
      regions,
      periods: orderLike(periods, context.periods),
      topics,
      measures,
      rows: placedGiven ? rows : defaults.rows,
      columns: placedGiven ? columns : defaults.columns,
      view,
    },
    messages,
  };
}

function pickRegions(given: string[] | undefined, context: SelectionContext, fallback: string[], messages: string[]): string[] {
  if (given === undefined) return fallback;
  const out: string[] = [];
  for (const raw of given) {
    const token = readRegionToken(raw);
    const known = token && resolveRegionTokens([token.token], context.regions).length > 0;
    if (!token || !known) messages.push(`Onbekende regio “${raw}” genegeerd.`);
    else if (!out.includes(token.token)) out.push(token.token);
  }
  if (out.length === 0) {
    messages.push("Geen geldige regio's gekozen; de standaardkeuze wordt getoond.");
    return fallback;
  }
  return out;
}

function orderLike(values: string[], order: readonly string[]): string[] {
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * Writes a selection as a readable query string without `?`: only what differs from the default, commas
 * kept literal. The default selection gives the empty string.
 */
export function serialiseSelection(selection: Selection, context: SelectionContext): string {
  const defaults = defaultSelection(context);
  const parts: string[] = [];
  const add = (name: string, values: readonly string[], fallback: readonly string[]) => {
    if (sameList(values, fallback)) return;
    parts.push(`${name}=${values.map(encodeURIComponent).join(',')}`);
  };
  add(REGION_DIM, selection.regions, defaults.regions);
  add(PERIOD_DIM, selection.periods, defaults.periods);
  for (const dim of context.meta.dimensions) add(topicParam(dim.id), selection.topics[dim.id] ?? [], defaults.topics[dim.id] ?? []);
  add(MEASURE_DIM, selection.measures, defaults.measures);
  if (!sameList(selection.rows, defaults.rows) || !sameList(selection.columns, defaults.columns)) {
    parts.push(`rijen=${selection.rows.join(',')}`, `kolommen=${selection.columns.join(',')}`);
  }
  if (selection.view !== defaults.view) parts.push(`indeling=${selection.view}`);
  return parts.join('&');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Where each dimension goes once the selection is known: the given rows and columns, plus every dimension
 * with more than one chosen item that was not placed (added to the rows, innermost). A table needs at least
 * one dimension on each side; a dimension with one item that is not placed is shown in the caption.
 */
export function placeDimensions(selection: Selection, counts: ReadonlyMap<string, number>, order: readonly string[]): { rows: string[]; columns: string[] } {
  const rows = selection.rows.filter((d) => counts.has(d));
  const columns = selection.columns.filter((d) => counts.has(d) && !rows.includes(d));
  for (const dim of order) {
    if ((counts.get(dim) ?? 0) > 1 && !rows.includes(dim) && !columns.includes(dim)) rows.push(dim);
  }
  const unplaced = () => order.filter((d) => !rows.includes(d) && !columns.includes(d));
  if (rows.length === 0) {
    const pick = unplaced().find((d) => d === REGION_DIM) ?? (columns.length > 1 ? columns.shift() : unplaced()[0]);
    if (pick) rows.push(pick);
  }
  if (columns.length === 0) {
    const pick = unplaced().find((d) => d === MEASURE_DIM) ?? (rows.length > 1 ? rows.pop() : unplaced()[0]);
    if (pick) columns.push(pick);
  }
  return { rows, columns };
}
