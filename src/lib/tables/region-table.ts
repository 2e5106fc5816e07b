import type { Measure } from '../../schemas/dataset';
import { totalTopics, type RowIndex, type Dataset } from '../data/dataset';
import { formatObservation } from '../format/number';
import { regionKind, REGION_KIND_LABEL, type RegionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';

export interface RegionTableRow {
  code: string;
  label: string;
  kind: RegionKind;
  cells: Array<{ shown: string; value: number | null; symbol: string | null }>;
}

export interface RegionTable {
  measures: Measure[];
  groups: Array<{ kind: RegionKind; label: string; rows: RegionTableRow[] }>;
}

const ORDER: RegionKind[] = ['land', 'provincie', 'jeugdregio', 'gemeente'];

/** One period of a dataset, total categories, a row per region grouped by kind, a column per measure. */
export function buildRegionTable(dataset: Dataset, index: RowIndex, register: RegionRegister, period: string): RegionTable {
  const topics = totalTopics(dataset.meta);
  const regions = new Set(dataset.rows.filter((r) => r.period === period).map((r) => r.region));
  const groups = ORDER.map((kind) => {
    const codes = [...regions].filter((code) => regionKind(code) === kind);
    const rows = codes
      .map((code): RegionTableRow => {
        const row = index.get(code, period, topics);
        return {
          code,
          label: register.label(code),
          kind,
          cells: dataset.meta.measures.map((m, i) => {
            const cell = row?.cells[i];
            return { shown: formatObservation(cell, m), value: cell?.value ?? null, symbol: cell?.symbol ?? null };
          }),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
    return { kind, label: kind === 'land' ? 'Nederland' : `${REGION_KIND_LABEL[kind]}en`.replace('Jeugdregioen', "Jeugdregio's").replace('Gemeenteen', 'Gemeenten').replace('Provincieen', "Provincies"), rows };
  }).filter((g) => g.rows.length > 0);
  return { measures: dataset.meta.measures, groups };
}
