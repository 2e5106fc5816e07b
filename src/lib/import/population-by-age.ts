/**
 * CBS's population table by age (03759ned "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio")
 * has one row per region, period, sex, marital status and age band. The characteristics of a gemeente need two
 * figures of it: the inhabitants, and the share of them under 18. This step turns the table into those two
 * measures, one row per region and period, before the profile maps its columns (build-dataset.ts), so that it
 * can fill dataset `kenmerken` beside Kerncijfers wijken en buurten.
 *
 * Ages are read from the categories' labels ("0 jaar", "15 tot 20 jaar"), which StatLine downloads and both
 * OData APIs carry (codes differ between them: a StatLine download has none). Under 18 is summed from
 * categories that cover 0 to 18 exactly, each age once, the widest first ("0 tot 15 jaar", then 15, 16, 17).
 */
import type { SourceCell, SourceDimension, SourceRecord, SourceTable } from './source-table';

/** The measure of the table that holds the population on 1 January. */
const POPULATION_KEYS = ['bevolkingop1januari', 'bevolking op 1 januari'];
/** The key of the share this step computes; the profile maps it to `aandeel_jongeren_tot_18`. */
export const SHARE_UNDER_18_KEY = 'AandeelJongerenTot18';
const UNDER = 18;

/** The ages a category covers, [from, to), from its label; undefined for a total or an open band ("95 jaar of ouder"). */
export function ageRange(label: string): [number, number] | undefined {
  const text = label.trim().toLowerCase();
  const single = /^(\d+) jaar$/.exec(text);
  if (single) return [Number(single[1]), Number(single[1]) + 1];
  const band = /^(\d+) tot (\d+) jaar$/.exec(text);
  if (band && Number(band[1]) < Number(band[2])) return [Number(band[1]), Number(band[2])];
  return undefined;
}

function isTotal(code: { code: string; label: string }): boolean {
  return /^T\d{6}$/.test(code.code) || /^totaal/i.test(code.label.trim()) || code.code === '10000';
}

/** Category codes that together cover ages 0 to 18 exactly, the widest band first; undefined when there are none. */
export function under18Codes(dimension: SourceDimension): string[] | undefined {
  const ranges = dimension.codes.flatMap((c) => {
    const range = ageRange(c.label);
    return range && range[1] <= UNDER ? [{ code: c.code, from: range[0], to: range[1] }] : [];
  });
  const chosen: string[] = [];
  for (let age = 0; age < UNDER; ) {
    const widest = ranges.filter((r) => r.from === age).sort((a, b) => b.to - a.to)[0];
    if (!widest) return undefined;
    chosen.push(widest.code);
    age = widest.to;
  }
  return chosen;
}

/** Keys and labels compared without case, spacing or the OData `_n` ordinal (as profiles.ts does). */
const loose = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/_\d+$/, '');
const isAgeDimension = (d: SourceDimension) => /^leeftijd/.test(loose(d.key)) || /^leeftijd/.test(loose(d.label));
const isPopulation = (key: string, label: string) => POPULATION_KEYS.includes(loose(key)) || POPULATION_KEYS.includes(loose(label));

/**
 * The table with its age dimension folded into inhabitants and the share under 18; any other table unchanged.
 * Other dimensions (sex, marital status) are kept at their total. Notices say what could not be done.
 */
export function foldPopulationByAge(table: SourceTable): SourceTable {
  const ageIndex = table.dimensions.findIndex(isAgeDimension);
  const measureIndex = table.measures.findIndex((m) => isPopulation(m.key, m.label));
  if (ageIndex < 0 || measureIndex < 0) return table;
  const ages = table.dimensions[ageIndex]!;
  // Codes of the category lists may be filled in by the reader from the rows (StatLine): read them from there too.
  const totalCodes = new Set(table.dimensions.map((d) => d.codes.filter(isTotal).map((c) => c.code)).flat());
  const totalAge = ages.codes.find(isTotal)?.code;
  const youngCodes = under18Codes(ages);
  const notices = [...table.notices];
  if (totalAge === undefined) {
    notices.push(`${table.file}: geen categorie "Totaal" in ${ages.label}; inwoners en aandeel jongeren niet ingelezen`);
    return { ...table, measures: [], dimensions: [], records: [], notices };
  }
  if (!youngCodes) notices.push(`${table.file}: de leeftijden van 0 tot 18 jaar staan niet als categorieën in ${ages.label}; het aandeel jongeren tot 18 jaar is niet berekend`);
  const young = new Set(youngCodes ?? []);
  const others = table.dimensions.map((_, d) => d).filter((d) => d !== ageIndex);

  interface Group { total?: SourceRecord; young: number; youngSeen: number; hidden: boolean }
  const groups = new Map<string, Group>();
  for (const record of table.records) {
    if (others.some((d) => !totalCodes.has(record.topics[d]!))) continue;
    const key = `${record.region}|${record.period}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { young: 0, youngSeen: 0, hidden: false }));
    const age = record.topics[ageIndex]!;
    const cell = record.cells[measureIndex] ?? null;
    if (age === totalAge) group.total = record;
    else if (young.has(age)) {
      group.youngSeen++;
      if (cell?.value == null) group.hidden = true;
      else group.young += cell.value;
    }
  }
  const population = table.measures[measureIndex]!;
  const records: SourceRecord[] = [];
  for (const group of groups.values()) {
    if (!group.total) continue;
    const inhabitants = group.total.cells[measureIndex] ?? null;
    let share: SourceCell = null;
    if (youngCodes) {
      share =
        inhabitants?.value && !group.hidden && group.youngSeen === youngCodes.length
          ? { value: Math.round((1000 * group.young) / inhabitants.value) / 10, symbol: null }
          : { value: null, symbol: '.' };
    }
    records.push({ ...group.total, topics: [], cells: youngCodes ? [inhabitants, share] : [inhabitants] });
  }
  return {
    ...table,
    dimensions: [],
    measures: [
      { ...population, unit: population.unit ?? 'aantal' },
      ...(youngCodes
        ? [{
            key: SHARE_UNDER_18_KEY,
            label: 'Jongeren tot 18 jaar (% van de inwoners)',
            unit: '%',
            decimals: 1,
            description: `Berekend uit ${population.label}: de inwoners van 0 tot 18 jaar als percentage van alle inwoners.`,
          }]
        : []),
    ],
    records,
    notices: [...notices, `${table.file}: ${ages.label} samengevat tot inwoners${youngCodes ? ' en het aandeel jongeren tot 18 jaar' : ''} (${records.length} rijen)`],
  };
}
