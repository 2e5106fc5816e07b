import type { DatasetMeta } from '../../schemas/dataset';
import { addsUpOverRegions } from '../data/consistency';
import { computeRate, recomputeQuotients, roundTo, type Dataset, type ObservationRow } from '../data/dataset';
import { parsePeriodCode } from '../data/periods';
import type { Observation } from '../data/symbols';
import { regionKind } from './codes';
import type { RegionRegister } from './register';

/** A row on another indeling than its period's own, with how it was made. */
/**
 * A row on another indeling than its period's own: the published row object itself where conversion left it
 * as it was (a copy of each of the some 800.000 rows took 270 MB of every thread that loads the data), or a
 * new row marked `converted`.
 */
export interface ConvertedRow extends ObservationRow {
  /** True when the gemeente's figures were put together from other gemeenten (omgerekend). */
  converted?: true;
}

export interface ConvertedDataset extends Dataset {
  rows: ConvertedRow[];
  /** The indeling year all gemeente rows are on. */
  indeling: number;
}

/**
 * Shows a dataset on one indeling (the latest by default). For each period the gemeenten of that period's
 * own indeling are mapped onto the target: counts of merged gemeenten add up, a split gemeente is divided by
 * the shares of its addresses, and rates are recomputed from their converted numerator and denominator.
 * A sum with a suppressed part is unknown, unless the rest is large enough to estimate the small part (see
 * ESTIMATE_SUPPRESSED_FROM). Rows of other region kinds pass through unchanged. A row left as published keeps
 * its cells array (mergeViews in src/lib/tables tells the two views apart by it); a converted row gets its own.
 */
export function convertToIndeling(dataset: Dataset, register: RegionRegister, indeling = register.latestYear): ConvertedDataset {
  const { meta } = dataset;
  const rowsByPeriod = new Map<string, ObservationRow[]>();
  const out: ConvertedRow[] = [];
  for (const row of dataset.rows) {
    if (regionKind(row.region) !== 'gemeente') {
      out.push(row);
      continue;
    }
    const list = rowsByPeriod.get(row.period) ?? [];
    list.push(row);
    rowsByPeriod.set(row.period, list);
  }
  for (const [periodCode, rows] of rowsByPeriod) {
    const year = Math.min(parsePeriodCode(periodCode)?.year ?? indeling, indeling);
    out.push(...convertPeriod(meta, rows, register, year, indeling));
  }
  return { meta, rows: out, indeling };
}

function convertPeriod(meta: DatasetMeta, rows: ObservationRow[], register: RegionRegister, fromYear: number, toYear: number): ConvertedRow[] {
  const byKey = new Map<string, ObservationRow>();
  const topicCombos = new Map<string, readonly string[]>();
  for (const row of rows) {
    const topicKey = row.topics.join('|');
    byKey.set(`${row.region}|${topicKey}`, row);
    topicCombos.set(topicKey, row.topics);
  }
  const period = rows[0]!.period;
  const out: ConvertedRow[] = [];
  for (const target of register.gemeentenIn(toYear)) {
    const parts = register.parts(target.code, fromYear, toYear);
    if (parts.length === 0) continue;
    const unchanged = parts.length === 1 && parts[0]!.code === target.code && Math.abs(parts[0]!.share - 1) < 1e-9;
    for (const [topicKey, topics] of topicCombos) {
      const sources = parts.map((p) => ({ row: byKey.get(`${p.code}|${topicKey}`), share: p.share }));
      if (sources.every((s) => !s.row)) continue;
      if (unchanged) {
        out.push(sources[0]!.row!);
        continue;
      }
      out.push({ region: target.code, period, topics, cells: combineCells(meta, sources), converted: true });
    }
  }
  return out;
}

/**
 * A suppressed part is a count from 1 to 9. Where the known parts add up to at least this much per hidden
 * part, such a part is estimated at 5 (the middle of what it can be): the error is then at most 4 in 400, 1%,
 * below the revisions between releases (1 to 5%). Below it, a hidden part could change the figure too much,
 * and the sum stays unknown. Without this, Amsterdam would lose every converted half year to a small count in
 * Weesp: at 1.000 it still lost 15 of its 16 half years of jeugdreclassering (some 500 youths a half year).
 */
export const ESTIMATE_SUPPRESSED_FROM = 400;
const SUPPRESSED_ESTIMATE = 5;

function combineCells(meta: DatasetMeta, sources: Array<{ row: ObservationRow | undefined; share: number }>): Observation[] {
  const cells: Observation[] = meta.measures.map((measure, i) => {
    // An average (an income, a density) of merged gemeenten is not their sum; without the weights it is unknown.
    // A quotient (euros per youth) is computed again below.
    if (!addsUpOverRegions(measure)) return { value: null, symbol: '.' };
    let total = 0;
    let hidden = 0;
    let hiddenParts = 0;
    for (const { row, share } of sources) {
      const cell = row?.cells[i];
      // A part without a row (the gemeente did not report) makes the sum unknown.
      if (!cell) return { value: null, symbol: '.' };
      if (cell.value === null) {
        if (cell.symbol !== '.') return { value: null, symbol: cell.symbol === 'x' ? 'x' : '.' };
        hidden += share;
        hiddenParts++;
        continue;
      }
      total += cell.value * share;
    }
    if (hidden > 0) {
      if (total < ESTIMATE_SUPPRESSED_FROM * hiddenParts) return { value: null, symbol: '.' };
      total += SUPPRESSED_ESTIMATE * hidden;
    }
    const value = roundTo(total, measure.decimals);
    return { value, symbol: value === 0 ? '-' : null };
  });
  // Rates are recomputed from the converted counts, never averaged over the parts.
  const index = new Map(meta.measures.map((m, i) => [m.id, i]));
  meta.measures.forEach((measure, i) => {
    const rate = measure.rate;
    if (measure.type !== 'rate' || !rate?.numerator || !rate.denominator) return;
    cells[i] = computeRate(cells[index.get(rate.numerator)!]!, cells[index.get(rate.denominator)!]!, rate.per, measure.decimals);
  });
  return recomputeQuotients(meta, cells);
}
