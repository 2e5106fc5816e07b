/**
 * The CBS Iv3 tables of gemeenten ("Gemeenten <jaar>; onbewerkte Iv3-data", on dataderden.cbs.nl, one table per
 * boekjaar) folded into dataset `kosten-jeugd`: per gemeente and year the lasten on taakveld 6.72 (maatwerk-
 * dienstverlening 18-) and 6.82 (geëscaleerde zorg 18-), begroting and realisatie, in × 1.000 euro.
 *
 * The table is long: one row per gemeente × TaakveldBalanspost × Categorie × Verslagsoort, with the amounts in
 * k_1ePlaatsing_1 and k_2ePlaatsing_2. This step keeps the lasten (categories starting with L) of the jeugd
 * taakvelden and adds them up per gemeente, verslagsoort and taakveld group:
 * - 6.72 and, from 2023, its finer taakvelden 6.72a–d, 6.73a–c and 6.74a–c → maatwerk;
 * - 6.82 and, from 2023, 6.82a and 6.82b → geëscaleerd;
 * - Verslagsoort `<jaar>X000` is the begroting, `<jaar>X005` the jaarrekening (realisatie); others (interim
 *   reports) are skipped. The year of the Verslagsoort is the period.
 *
 * What rests on third-party sources and is NOT verified against CBS's own documentation (say so if it breaks):
 * the table ids per year (2023 45063NED, 2024 45067NED, 2025 45071NED, 2026 45078NED), the dimension and column
 * keys, that X000/X005 mean begroting/jaarrekening, and which of the two "plaatsing" columns holds the final
 * amount: this step takes the 2e plaatsing where the table has it and the 1e plaatsing otherwise, and treats
 * -99998 as no figure. The split of 6.72 and 6.82 from 2023 follows the Iv3-informatievoorschrift 2023
 * (rijksoverheid.nl). From 2025 the sociaal domein may be split a level deeper again (6.751 …): codes 6.75 to
 * 6.79 are not counted, and a notice names them, so that a reader of the log can extend the rule.
 */
import { amountId, type AmountPart, type Verslagsoort } from '../data/kosten-jeugd';
import { makePeriod } from '../data/periods';
import type { SourceCell, SourceMeasure, SourceRecord, SourceTable } from './source-table';

const loose = (text: string) => text.toLowerCase().replace(/\s+/g, '').replace(/_\d+$/, '');
const TAAKVELD_KEY = 'taakveldbalanspost';
const CATEGORIE_KEY = 'categorie';
const VERSLAGSOORT_KEY = 'verslagsoort';
/** The amount columns, the preferred first. */
const AMOUNT_KEYS = ['k_2eplaatsing', 'k_1eplaatsing'];
/** How the Iv3 data write "no figure" (a number, so it must be compared exactly: real amounts can be far below it). */
export const IV3_NO_FIGURE = -99998;

/** The jeugd taakveld group of a taakveld code, or undefined for any other taakveld or balanspost. */
export function jeugdTaakveld(code: string): Exclude<AmountPart, 'jeugd'> | undefined {
  const text = code.trim().toLowerCase();
  if (/^6\.7[234]([a-z]|\d)*$/.test(text)) return 'maatwerk';
  if (/^6\.82([a-z]|\d)*$/.test(text)) return 'geescaleerd';
  return undefined;
}

/** Begroting or realisatie and its year from a Verslagsoort code ("2024X000"); undefined for interim reports. */
export function verslagsoort(code: string): { soort: Verslagsoort; year: number } | undefined {
  const match = /^(\d{4})X(\d{3})$/.exec(code.trim());
  if (!match) return undefined;
  const soort = match[2] === '000' ? 'begroting' : match[2] === '005' ? 'realisatie' : undefined;
  return soort && { soort, year: Number(match[1]) };
}

const FOLDED: Array<{ part: AmountPart; soort: Verslagsoort }> = (['begroting', 'realisatie'] as const).flatMap((soort) =>
  (['maatwerk', 'geescaleerd', 'jeugd'] as const).map((part) => ({ part, soort })),
);

/** An Iv3 table folded into the lasten per gemeente and year; any other table unchanged. */
export function foldIv3(table: SourceTable): SourceTable {
  const dim = (key: string) => table.dimensions.findIndex((d) => loose(d.key) === key);
  const [taakveldAt, categorieAt, soortAt] = [dim(TAAKVELD_KEY), dim(CATEGORIE_KEY), dim(VERSLAGSOORT_KEY)];
  if (taakveldAt < 0 || categorieAt < 0 || soortAt < 0) return table;
  const amountAt = AMOUNT_KEYS.map((key) => table.measures.findIndex((m) => loose(m.key) === key)).filter((i) => i >= 0);
  const notices = [...table.notices];
  if (amountAt.length === 0) {
    notices.push(`${table.file}: geen kolom met bedragen (k_1ePlaatsing of k_2ePlaatsing); geen lasten ingelezen`);
    return { ...table, measures: [], dimensions: [], records: [], notices };
  }
  const unit = table.measures[amountAt[0]!]!.unit ?? 'x 1 000 euro';
  interface Sums { first: SourceRecord; amounts: Map<string, number>; seen: Set<Verslagsoort> }
  const groups = new Map<string, Sums>();
  const uncounted = new Set<string>();
  for (const record of table.records) {
    const soort = verslagsoort(record.topics[soortAt] ?? '');
    const categorie = (record.topics[categorieAt] ?? '').trim();
    const taakveld = record.topics[taakveldAt] ?? '';
    if (!soort || !categorie.startsWith('L')) continue;
    const part = jeugdTaakveld(taakveld);
    if (!part) {
      if (/^6\.7[5-9]/.test(taakveld.trim())) uncounted.add(taakveld.trim());
      continue;
    }
    const period = makePeriod('jaar', soort.year).code;
    const key = `${record.region}|${period}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { first: { ...record, period, topics: [] }, amounts: new Map(), seen: new Set() }));
    group.seen.add(soort.soort);
    const cell = amountAt.map((i) => record.cells[i] ?? null).find((c) => c?.value != null && c.value !== IV3_NO_FIGURE);
    if (!cell) continue;
    for (const id of [amountId(part, soort.soort), amountId('jeugd', soort.soort)]) group.amounts.set(id, (group.amounts.get(id) ?? 0) + cell.value!);
  }
  const records = [...groups.values()].map(({ first, amounts, seen }) => ({
    ...first,
    // A verslagsoort the table has for the gemeente with no lasten on these taakvelden is a nihil; one it lacks is unknown.
    cells: FOLDED.map(({ part, soort }): SourceCell => {
      const id = amountId(part, soort);
      if (amounts.has(id)) return { value: Math.round(amounts.get(id)!), symbol: null };
      return seen.has(soort) ? { value: 0, symbol: '-' } : null;
    }),
  }));
  const measures: SourceMeasure[] = FOLDED.map(({ part, soort }) => ({ key: amountId(part, soort), label: amountId(part, soort), unit }));
  if (uncounted.size > 0) notices.push(`${table.file}: taakvelden ${[...uncounted].sort().join(', ')} niet meegeteld (geen 6.72, 6.73, 6.74 of 6.82); ga na of ze jeugd zijn`);
  return {
    ...table,
    dimensions: [],
    measures,
    records,
    periodStatus: new Map(),
    notices: [...notices, `${table.file}: Iv3-lasten op 6.72 en 6.82 opgeteld per gemeente en jaar (${records.length} rijen)`],
  };
}
