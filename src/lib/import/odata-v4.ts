/**
 * Reads CBS OData v4: long `Observations`, one object per cell (`Measure`, `ValueAttribute`, `Value` and one
 * field per dimension), with `MeasureCodes`, `Dimensions`, `<Dim>Codes` and `Properties` beside it. The cells
 * are pivoted into one record per region × period × category. Cells v4 leaves out are blank in StatLine
 * ("kan niet voorkomen"); see tests/fixtures/cbs/README.md §3 and rule 4.
 */
import { DataError } from '../data/errors';
import type { Observation } from '../data/symbols';
import { normaliseRegionCode } from '../regions/codes';
import { parsePeriodCode } from '../data/periods';
import { entitySet, requireText, singleton, tableIdOf, text, describe, type ODataBundle, type ODataItem } from './odata-bundle';
import { periodStatuses } from './odata-v3';
import { cellLocation, type SourceDimension, type SourceMeasure, type SourceRecord, type SourceTable } from './source-table';

const CELL_FIELDS = new Set(['Id', 'Measure', 'ValueAttribute', 'Value', 'StringValue']);
const KNOWN_ATTRIBUTES = new Set(['None', 'Impossible', 'Confidential', 'Missing']);

interface DimensionPlan {
  region: string;
  period: string;
  topics: SourceDimension[];
}

function planDimensions(bundle: ODataBundle, observations: ODataItem[]): DimensionPlan {
  let declared = entitySet(bundle, 'Dimensions').map(({ item }) => ({ key: text(item, 'Identifier') ?? '', kind: text(item, 'Kind'), item }));
  if (declared.length === 0) {
    // Without Dimensions, every non-cell field of an observation is a dimension; guess their kinds by name.
    const keys = Object.keys(observations[0]?.item ?? {}).filter((k) => !CELL_FIELDS.has(k));
    declared = keys.map((key) => ({
      key,
      kind: /^perioden$/i.test(key) ? 'TimeDimension' : /regio|wijken|gemeente/i.test(key) ? 'GeoDimension' : 'Dimension',
      item: {},
    }));
  }
  const region = declared.find((d) => d.kind === 'GeoDimension')?.key;
  const period = declared.find((d) => d.kind === 'TimeDimension')?.key;
  const file = bundle.sets.get('Dimensions')?.[0]?.file ?? bundle.source;
  if (!region) throw new DataError({ file, field: 'Kind' }, 'een regiodimensie (Kind "GeoDimension")');
  if (!period) throw new DataError({ file, field: 'Kind' }, 'een tijdsdimensie (Kind "TimeDimension")');
  const topics = declared
    .filter((d) => d.kind !== 'GeoDimension' && d.kind !== 'TimeDimension')
    .map((d) => ({
      key: d.key,
      label: text(d.item, 'Title') || d.key,
      description: text(d.item, 'Description') || undefined,
      codes: entitySet(bundle, `${d.key}Codes`).map(({ item }) => ({
        code: text(item, 'Identifier') ?? '',
        label: text(item, 'Title') || (text(item, 'Identifier') ?? ''),
        description: text(item, 'Description') || undefined,
      })),
    }));
  return { region, period, topics };
}

function measuresOf(bundle: ODataBundle, observations: ODataItem[]): SourceMeasure[] {
  const codes = entitySet(bundle, 'MeasureCodes');
  if (codes.length > 0) {
    return codes.map((entry) => ({
      key: requireText(entry, 'Identifier'),
      label: text(entry.item, 'Title') || requireText(entry, 'Identifier'),
      unit: text(entry.item, 'Unit') || undefined,
      description: text(entry.item, 'Description') || undefined,
      decimals: typeof entry.item['Decimals'] === 'number' ? entry.item['Decimals'] : undefined,
    }));
  }
  const keys = [...new Set(observations.map((o) => text(o.item, 'Measure') ?? ''))].filter(Boolean);
  return keys.map((key) => ({ key, label: key }));
}

/** One v4 cell (rule 4 of the fixture notes): a number, or the symbol its ValueAttribute stands for. */
function cellOf(entry: ODataItem, notices: Set<string>): Observation {
  const attribute = text(entry.item, 'ValueAttribute') ?? 'None';
  const value = entry.item['Value'];
  if (!KNOWN_ATTRIBUTES.has(attribute)) notices.add(attribute);
  if (attribute === 'None') {
    if (value === null || value === undefined) return { value: null, symbol: '.' };
    if (typeof value !== 'number') throw new DataError(cellLocation(entry.at, 'Value'), 'een getal of null', describe(value));
    return { value, symbol: null };
  }
  if (attribute === 'Impossible') return { value: null, symbol: '' };
  if (attribute === 'Confidential') return { value: null, symbol: 'x' };
  return { value: null, symbol: '.' };
}

export function readODataV4(bundle: ODataBundle): SourceTable {
  const observations = entitySet(bundle, 'Observations');
  const file = bundle.sets.get('Observations')?.[0]?.file ?? bundle.source;
  if (observations.length === 0) throw new DataError({ file }, 'Observations met minstens één waarneming');
  const plan = planDimensions(bundle, observations);
  const measures = measuresOf(bundle, observations);
  const measureIndex = new Map(measures.map((m, i) => [m.key, i]));
  const properties = singleton(bundle, 'Properties');
  const table: SourceTable = {
    file: bundle.source,
    format: 'odata-v4',
    tableId: (properties && tableIdOf(text(properties, 'Identifier'), bundle.sets.get('Properties')?.[0]?.file ?? bundle.source, 'Identifier')) || bundle.tableId,
    title: properties && text(properties, 'Title'),
    description: properties && text(properties, 'Description'),
    measures,
    dimensions: plan.topics,
    regionField: plan.region,
    periodField: plan.period,
    records: [],
    periodStatus: periodStatuses(entitySet(bundle, `${plan.period}Codes`), 'Identifier'),
    regionLabels: new Map(),
    emptySymbol: '',
    notices: [],
  };
  const byKey = new Map<string, { record: SourceRecord; seen: Array<ODataItem | undefined> }>();
  const unknownAttributes = new Set<string>();
  for (const entry of observations) {
    const regionText = requireText(entry, plan.region);
    const region = normaliseRegionCode(regionText);
    if (!region) throw new DataError(cellLocation(entry.at, plan.region), 'een regiocode zoals NL01, GM0363 of WK036300', regionText);
    const periodText = requireText(entry, plan.period);
    const period = parsePeriodCode(periodText)?.code;
    if (!period) throw new DataError(cellLocation(entry.at, plan.period), 'een CBS-periodecode zoals 2022JJ00', periodText);
    const topics = plan.topics.map((d) => requireText(entry, d.key));
    const measure = requireText(entry, 'Measure');
    const index = measureIndex.get(measure);
    if (index === undefined) throw new DataError(cellLocation(entry.at, 'Measure'), 'een maat uit MeasureCodes', measure);
    const key = [region, period, ...topics].join('|');
    let slot = byKey.get(key);
    if (!slot) {
      slot = { record: { at: entry.at, region, period, topics, cells: measures.map(() => null) }, seen: [] };
      byKey.set(key, slot);
      table.records.push(slot.record);
    }
    const earlier = slot.seen[index];
    if (earlier) {
      throw new DataError(cellLocation(entry.at, 'Measure'), `één waarneming per regio, periode, categorie en maat; dezelfde staat ook in ${earlier.at.file} ${earlier.at.item}`, measure);
    }
    slot.seen[index] = entry;
    slot.record.cells[index] = cellOf(entry, unknownAttributes);
  }
  for (const entry of entitySet(bundle, `${plan.region}Codes`)) {
    const code = normaliseRegionCode(text(entry.item, 'Identifier') ?? '');
    if (code) table.regionLabels.set(code, text(entry.item, 'Title') || code);
  }
  if (unknownAttributes.size > 0) {
    table.notices.push(`${bundle.source}: onbekende ValueAttribute(s) ${[...unknownAttributes].join(', ')} gelezen als "." (onbekend)`);
  }
  return table;
}
