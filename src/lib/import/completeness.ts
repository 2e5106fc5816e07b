/**
 * Is an export whole? A CSV cut off at a line boundary is still valid CSV: only what the rest of the file and
 * the register of regions promise tells that rows are gone. CBS exports (StatLine downloads, OData tables) are
 * complete cubes: every region of a period with every category. Three signs of a cut are checked, per file:
 *
 * 1. A region with rows in one period and none in another period of the same kind, although it existed then
 *    (a gemeente not yet merged away, a wijk of that year's wijkindeling): the later periods were cut off.
 * 2. The last region of the file with fewer categories than the region before it, in the same period: its
 *    block was cut in the middle.
 * 3. A period with at least half of the gemeenten of its year but not all of them: a national table has them
 *    all, and a selection (one provincie, a few gemeenten) has far fewer.
 *
 * What cannot be told: a file of one period without categories, cut after fewer than half of the gemeenten,
 * reads like a selection of gemeenten. (A last line without a line end, cut in the middle of a figure, is
 * refused by the reader: read-csv.ts, checkFinalNewline.) A JSON response cannot be cut without breaking JSON.
 */
import { DataError } from '../data/errors';
import { parsePeriodCode, periodLabel, type Period } from '../data/periods';
import { regionYearProblem } from '../data/region-checks';
import { countWords } from '../format/number';
import { regionKind } from '../regions/codes';
import type { RegionRegister } from '../regions/register';
import type { SourceRecord, SourceTable } from './source-table';

function where(record: SourceRecord): string {
  if (record.at.line !== undefined) return `regel ${record.at.line}`;
  return record.at.item ?? record.at.file;
}

function end(records: readonly SourceRecord[]): string {
  const last = records.at(-1);
  return last?.at.line !== undefined ? `; het bestand eindigt op regel ${last.at.line}` : '';
}

/** Throws a DataError naming the file when the records show one of the signs above. */
export function checkComplete(table: SourceTable, records: readonly SourceRecord[], register: RegionRegister): void {
  if (records.length === 0) return;
  const last = records.at(-1)!;
  const at = { file: table.file, line: last.at.line, field: last.at.line === undefined ? last.at.item : undefined };
  const periods = new Map<string, Period>();
  const firstOf = new Map<string, SourceRecord>();
  const byPeriod = new Map<string, Set<string>>();
  for (const record of records) {
    if (!periods.has(record.period)) periods.set(record.period, parsePeriodCode(record.period)!);
    let regions = byPeriod.get(record.period);
    if (!regions) byPeriod.set(record.period, (regions = new Set()));
    regions.add(record.region);
    const key = `${record.region}|${record.period}`;
    if (!firstOf.has(key)) firstOf.set(key, record);
  }

  // 1. Regions missing in another period of the same kind, although they existed then.
  const kinds = new Map<string, string[]>();
  for (const [code, period] of periods) kinds.set(period.kind, [...(kinds.get(period.kind) ?? []), code]);
  for (const codes of kinds.values()) {
    if (codes.length < 2) continue;
    for (const p of codes) {
      const present = byPeriod.get(p)!;
      for (const q of codes) {
        if (q === p) continue;
        for (const region of byPeriod.get(q)!) {
          if (present.has(region) || regionYearProblem(register, region, periods.get(p)!) !== undefined) continue;
          const seen = firstOf.get(`${region}|${q}`)!;
          throw new DataError(
            at,
            `rijen voor ${register.label(region)} (${region}) in ${periodLabel(periods.get(p)!)}, zoals in ${periodLabel(periods.get(q)!)} (${where(seen)}), want die ${regionKind(region) ?? 'regio'} bestond toen; zonder die rijen is het bestand waarschijnlijk afgebroken${end(records)}`,
          );
        }
      }
    }
  }

  // 2. The last block of the file cut in the middle: fewer categories than the block before it.
  if (table.dimensions.length > 0) {
    const blockOf = (record: SourceRecord) => `${record.region}|${record.period}`;
    const lastKey = blockOf(last);
    let i = records.length - 1;
    while (i >= 0 && blockOf(records[i]!) === lastKey) i--;
    const lastBlock = records.length - 1 - i;
    const previous = i >= 0 ? records[i]! : undefined;
    if (previous && previous.period === last.period) {
      const previousKey = blockOf(previous);
      let j = i;
      while (j >= 0 && blockOf(records[j]!) === previousKey) j--;
      const previousBlock = i - j;
      if (lastBlock < previousBlock) {
        throw new DataError(
          at,
          `voor de laatste regio (${register.label(last.region)}, ${last.region}) evenveel categorieën als voor de regio ervoor (${countWords(previousBlock, 'rij', 'rijen')} bij ${previous.region}, hier ${lastBlock}); het bestand is waarschijnlijk afgebroken${end(records)}`,
        );
      }
    }
  }

  // 3. A national table missing some of the gemeenten of a year.
  for (const [code, period] of periods) {
    const present = [...byPeriod.get(code)!].filter((region) => regionKind(region) === 'gemeente');
    if (present.length === 0) continue;
    const expected = register.gemeentenIn(period.year);
    const have = new Set(present);
    const missing = expected.filter((g) => !have.has(g.code));
    if (missing.length === 0 || present.length * 2 < expected.length) continue;
    const examples = missing.slice(0, 3).map((g) => `${g.naam} (${g.code})`).join(', ');
    throw new DataError(
      at,
      `voor ${periodLabel(period)} alle ${expected.length} gemeenten van dat jaar, zoals een landelijke tabel ze heeft; er ontbreken er ${missing.length}${missing.length > 3 ? ', onder meer' : ':'} ${examples}. Het bestand is waarschijnlijk afgebroken${end(records)} (een selectie van gemeenten heeft er minder dan de helft)`,
    );
  }
}
