/**
 * Builds the project's own reference files in src/reference from the CBS files in ../shared:
 * provincies, gemeenten of every indeling since 2015, herindelingen, jeugdregio's, inhabitants, wijken and
 * simplified maps. Run with `npm run reference` (or `npx tsx scripts/build-reference.ts`); set SHARED_DIR
 * to read the CBS files from elsewhere.
 *
 * The CBS files are read in place and never copied: what is written are public facts (codes, names,
 * provincies, mergers, inhabitants, a geometry this project simplifies) in the project's own schema.
 * src/reference/README.md describes every output file.
 *
 * Every cross-check that fails stops the script with a message; things worth knowing but not wrong are
 * printed as notes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { z } from 'zod';
import { decodeUtf8, readCsv, requireColumn } from '../src/lib/csv/read-csv';
import { findJunctions, positionKey, simplifyPolygons, type PolygonRings, type Position, type SimplifyOptions } from '../src/lib/geo/simplify';
import { gemeenteOfWijk, normaliseRegionCode } from '../src/lib/regions/codes';
import { normaliseName, type HerindelingRecord as Herindeling, type HerindelingSoort } from '../src/lib/regions/register';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED_DIR = resolve(REPO_ROOT, process.env['SHARED_DIR'] ?? '../shared');
const INPUT_DIR = resolve(REPO_ROOT, 'scripts/reference-input');
const OUT_DIR = resolve(REPO_ROOT, 'src/reference');

/** The indelingen covered: from the Jeugdwet (2015) to the last year the site shows. */
const FIRST_YEAR = 2015;
const LAST_YEAR = 2026;
/** The CBS list the indelingen are derived from; earlier years by undoing herindelingen, later by applying them. */
const BASE_YEAR = 2021;

/** Number of gemeenten per indeling (CBS); the derivation must reproduce these exactly. */
const EXPECTED_COUNTS: Readonly<Record<number, number>> = {
  2015: 393,
  2016: 390,
  2017: 388,
  2018: 380,
  2019: 355,
  2020: 355,
  2021: 352,
  2022: 345,
  2023: 342,
  2024: 342,
  2025: 342,
  2026: 342,
};

const PROVINCIE_CODES = ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31'];
const SOORTEN: readonly HerindelingSoort[] = ['samenvoeging', 'opsplitsing', 'grenscorrectie', 'naamswijziging'];

/**
 * Map simplification: coordinates rounded to 3 decimals (about 70–110 m here), and Douglas–Peucker with a
 * tolerance per source. The CBS 2023 and 2025 maps and the provincies are generalised already and need
 * little more; the 2022 map is about six times as detailed and is simplified harder (0.003° is 200–330 m,
 * below one pixel on a map of the whole country) to stay under the size target. minArea drops slivers and
 * specks below about 1.5 ha.
 */
const SIMPLIFY: SimplifyOptions = { tolerance: 0.0006, decimals: 3, minArea: 2e-6 };
const TOLERANCE_BY_SOURCE: Readonly<Record<string, number>> = { 'geo/gemeente_2022.geojson': 0.003 };
/** Size targets, so a map page stays light: gemeenten under 200 KB, provincies under 60 KB. */
const MAX_GEMEENTE_MAP_BYTES = 200 * 1024;
const MAX_PROVINCIE_MAP_BYTES = 60 * 1024;
/** A gemeente or provincie covers far less than this (all of the Netherlands is about 0.001 sr). */
const MAX_FEATURE_STERADIANS = 0.001;

const notes: string[] = [];
function note(message: string): void {
  notes.push(message);
  console.warn(`  note: ${message}`);
}

function fail(message: string): never {
  throw new Error(message);
}

// ---------------------------------------------------------------------------------------------------------
// Reading

function sharedPath(path: string): string {
  return resolve(SHARED_DIR, path);
}

/**
 * Reads a CSV as records keyed by the columns asked for, failing on a missing column. Cells are trimmed,
 * because some CBS files pad values with spaces.
 */
function readRows<C extends string>(path: string, columns: readonly C[], delimiter?: ',' | ';'): Array<Record<C, string>> {
  const file = relative(REPO_ROOT, path);
  const table = readCsv(decodeUtf8(readFileSync(path), file), { file, ...(delimiter ? { delimiter } : {}) });
  const indexes = columns.map((column) => [column, requireColumn(table, column, file)] as const);
  return table.records.map((record) => {
    const row = {} as Record<C, string>;
    for (const [column, index] of indexes) row[column] = (record.cells[index] ?? '').trim();
    return row;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

type Cell = string | number | null;

/** RFC 4180, quoting only the fields that need it. */
function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeCsv(name: string, header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): void {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  writeOutput(name, `${lines.join('\n')}\n`);
}

const written: Array<{ name: string; bytes: number }> = [];

function writeOutput(name: string, text: string): void {
  const path = resolve(OUT_DIR, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, 'utf8');
  written.push({ name, bytes: Buffer.byteLength(text, 'utf8') });
}

// ---------------------------------------------------------------------------------------------------------
// Provincies

interface Provincie {
  code: string;
  naam: string;
}

/** Compares provincie names across files that write "Noord Holland", "Noord-Holland " or "Friesland". */
function sameProvincieName(a: string, b: string): boolean {
  const key = (name: string) => normaliseName(name).replace(/-/g, ' ').replace(/^friesland$/, 'fryslan');
  return key(a) === key(b);
}

/** Provincie names from the CBS municipality lists, which write them properly ("Fryslân", "Noord-Holland"). */
function buildProvincies(lists: ReadonlyArray<ReadonlyArray<GemeenteListRow>>): Provincie[] {
  const names = new Map<string, string>();
  for (const row of lists.flat()) {
    const naam = row.Provincienaam.replace(/\s+/g, ' ');
    const known = names.get(row.ProvinciecodePV);
    if (known !== undefined && known !== naam) fail(`provincie ${row.ProvinciecodePV} heet "${known}" en "${naam}" in de CBS-lijsten`);
    names.set(row.ProvinciecodePV, naam);
  }
  const codes = [...names.keys()].sort(compareText);
  if (codes.join() !== PROVINCIE_CODES.join()) fail(`verwacht provincies ${PROVINCIE_CODES.join(', ')}, gevonden ${codes.join(', ')}`);
  return codes.map((code) => ({ code, naam: names.get(code)! }));
}

function checkProvincieName(provincies: readonly Provincie[], code: string, naam: string, source: string): void {
  const own = provincies.find((p) => p.code === code);
  if (!own) fail(`${source}: onbekende provinciecode ${code}`);
  if (!sameProvincieName(own.naam, naam)) fail(`${source}: ${code} heet daar "${naam}", in de CBS-lijst "${own.naam}"`);
}

// ---------------------------------------------------------------------------------------------------------
// Herindelingen and indelingen


function isSoort(value: string): value is HerindelingSoort {
  return (SOORTEN as readonly string[]).includes(value);
}

function readHerindelingen(): Herindeling[] {
  const rows = readRows(sharedPath('reference/gemeentelijke-herindelingen-2016-2023.csv'), [
    'jaar_indeling',
    'oude_code',
    'oude_naam',
    'nieuwe_code',
    'nieuwe_naam',
    'aandeel_adressen',
    'soort',
  ]);
  return rows
    .map((row): Herindeling => {
      const where = `herindeling ${row.jaar_indeling} ${row.oude_code} → ${row.nieuwe_code}`;
      if (!isSoort(row.soort)) fail(`${where}: onbekende soort "${row.soort}"`);
      const aandeel = Number(row.aandeel_adressen);
      if (!(aandeel > 0 && aandeel <= 1)) fail(`${where}: aandeel "${row.aandeel_adressen}" ligt niet tussen 0 en 1`);
      if (!/^GM\d{4}$/.test(row.oude_code) || !/^GM\d{4}$/.test(row.nieuwe_code)) fail(`${where}: geen gemeentecode`);
      return {
        jaar: Number(row.jaar_indeling),
        oudeCode: row.oude_code,
        oudeNaam: row.oude_naam,
        nieuweCode: row.nieuwe_code,
        nieuweNaam: row.nieuwe_naam,
        aandeel,
        soort: row.soort,
      };
    })
    .sort((a, b) => a.jaar - b.jaar || compareText(a.oudeCode, b.oudeCode) || compareText(a.nieuweCode, b.nieuweCode));
}

/** The shares of a split gemeente should add up to 1; reported, not corrected (the source rounds them). */
function reportSplitShares(herindelingen: readonly Herindeling[]): void {
  const sums = new Map<string, number>();
  for (const h of herindelingen.filter((x) => x.soort === 'opsplitsing')) {
    const key = `${h.jaar} ${h.oudeCode} ${h.oudeNaam}`;
    sums.set(key, (sums.get(key) ?? 0) + h.aandeel);
  }
  for (const [key, sum] of sums) {
    const shown = `opsplitsing ${key}: aandelen samen ${sum.toFixed(3)}`;
    if (Math.abs(sum - 1) > 0.0015) note(`${shown}, niet 1`);
    else console.log(`  ${shown}`);
  }
}

/** Changes that end the old gemeente. A grenscorrectie only moves some addresses: both gemeenten go on. */
function endingChanges(herindelingen: readonly Herindeling[], year: number): Herindeling[] {
  return herindelingen.filter((h) => h.jaar === year && h.soort !== 'grenscorrectie');
}

/**
 * Whether the gemeente that receives others in `year` already existed the year before. The table has no
 * row for a gemeente that simply goes on, so this is inferred:
 * - a naamswijziging always starts a new code;
 * - a receiver of at most one whole gemeente (plus parts of split ones) absorbs it, because one gemeente
 *   moving to a new code would be a naamswijziging (Zeevang into Edam-Volendam, Weesp into Amsterdam);
 * - a receiver the table names in an earlier year existed then (Groningen: a grenscorrectie in 2017, then
 *   Haren and Ten Boer in 2019);
 * - any other merger of two or more whole gemeenten forms a new gemeente.
 * The per-year counts checked afterwards confirm the outcome.
 */
function existedBefore(code: string, year: number, herindelingen: readonly Herindeling[]): boolean {
  const incoming = endingChanges(herindelingen, year).filter((h) => h.nieuweCode === code);
  if (incoming.some((h) => h.soort === 'naamswijziging')) return false;
  if (incoming.filter((h) => h.soort === 'samenvoeging').length <= 1) return true;
  return herindelingen.some((h) => h.jaar < year && (h.oudeCode === code || h.nieuweCode === code));
}

/** The indeling of `year - 1`, from that of `year`, by undoing the changes of `year`. */
function undoYear(after: ReadonlySet<string>, year: number, herindelingen: readonly Herindeling[]): Set<string> {
  const changes = endingChanges(herindelingen, year);
  const before = new Set(after);
  for (const h of changes) {
    if (after.has(h.oudeCode)) fail(`${h.oudeCode} ${h.oudeNaam} hield op in ${year} maar staat in de indeling van ${year}`);
    if (!after.has(h.nieuweCode)) fail(`${h.nieuweCode} ${h.nieuweNaam} ontbreekt in de indeling van ${year}`);
    before.add(h.oudeCode);
  }
  for (const code of new Set(changes.map((h) => h.nieuweCode))) {
    if (!existedBefore(code, year, herindelingen)) before.delete(code);
  }
  return before;
}

/** The indeling of `year`, from that of `year - 1`, by applying the changes of `year`. */
function applyYear(before: ReadonlySet<string>, year: number, herindelingen: readonly Herindeling[]): Set<string> {
  const changes = endingChanges(herindelingen, year);
  const after = new Set(before);
  for (const h of changes) {
    if (!before.has(h.oudeCode)) fail(`${h.oudeCode} ${h.oudeNaam} gaat op in ${year} maar bestond in ${year - 1} niet`);
    after.delete(h.oudeCode);
  }
  for (const h of changes) after.add(h.nieuweCode);
  return after;
}

function deriveIndelingen(base: ReadonlySet<string>, herindelingen: readonly Herindeling[]): Map<number, Set<string>> {
  const indelingen = new Map<number, Set<string>>([[BASE_YEAR, new Set(base)]]);
  for (let year = BASE_YEAR; year > FIRST_YEAR; year--) {
    indelingen.set(year - 1, undoYear(indelingen.get(year)!, year, herindelingen));
  }
  for (let year = BASE_YEAR + 1; year <= LAST_YEAR; year++) {
    indelingen.set(year, applyYear(indelingen.get(year - 1)!, year, herindelingen));
  }
  return indelingen;
}

/** A grenscorrectie moves addresses between two gemeenten that both exist before and after it. */
function checkGrenscorrecties(indelingen: ReadonlyMap<number, ReadonlySet<string>>, herindelingen: readonly Herindeling[]): void {
  for (const h of herindelingen.filter((x) => x.soort === 'grenscorrectie')) {
    for (const year of [h.jaar - 1, h.jaar]) {
      for (const code of [h.oudeCode, h.nieuweCode]) {
        if (!indelingen.get(year)?.has(code)) fail(`grenscorrectie ${h.jaar} ${h.oudeCode} → ${h.nieuweCode}: ${code} bestaat niet in ${year}`);
      }
    }
  }
}

function checkCounts(indelingen: ReadonlyMap<number, ReadonlySet<string>>): void {
  const wrong = Object.entries(EXPECTED_COUNTS).filter(([year, count]) => indelingen.get(Number(year))?.size !== count);
  if (wrong.length > 0) {
    const shown = wrong.map(([year, count]) => `${year}: ${indelingen.get(Number(year))?.size ?? 0} in plaats van ${count}`);
    fail(`aantal gemeenten per indeling klopt niet: ${shown.join('; ')}`);
  }
}

function checkSameCodes(label: string, actual: Iterable<string>, expected: ReadonlySet<string>): void {
  const got = new Set(actual);
  const missing = [...expected].filter((c) => !got.has(c));
  const extra = [...got].filter((c) => !expected.has(c));
  if (missing.length > 0 || extra.length > 0) {
    fail(`${label}: ontbrekend ${missing.join(', ') || '-'}; onverwacht ${extra.join(', ') || '-'}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Gemeenten

type GemeenteListRow = Record<'GemeentecodeGM' | 'Gemeentenaam' | 'ProvinciecodePV' | 'Provincienaam', string>;

function readGemeenteList(year: number): GemeenteListRow[] {
  return readRows(sharedPath(`reference/gemeenten-alfabetisch-${year}.csv`), ['GemeentecodeGM', 'Gemeentenaam', 'ProvinciecodePV', 'Provincienaam']);
}

type VeiligheidsregioRow = Record<'gemeentCode' | 'gemeenteNaam' | 'provincieCode' | 'Provincie', string>;

function readVeiligheidsregioList(): VeiligheidsregioRow[] {
  return readRows(sharedPath('reference/gemeenten-veiligheidsregio-2023.csv'), ['gemeentCode', 'gemeenteNaam', 'provincieCode', 'Provincie'], ';');
}

interface Gemeente {
  code: string;
  naam: string;
  statlineNaam: string;
  provincie: string;
  eersteJaar: number;
  /** Null while the gemeente still exists. */
  laatsteJaar: number | null;
}

/** Names: the latest CBS list a gemeente is in, else the herindeling in which it ended (or began). */
function nameOf(code: string, lists: ReadonlyArray<readonly GemeenteListRow[]>, herindelingen: readonly Herindeling[]): string {
  for (const list of lists) {
    const row = list.find((r) => r.GemeentecodeGM === code);
    if (row) return row.Gemeentenaam;
  }
  const mentions = herindelingen
    .flatMap((h) => (h.oudeCode === code ? [h.oudeNaam] : h.nieuweCode === code ? [h.nieuweNaam] : []))
    .filter((n) => n !== '');
  return mentions[mentions.length - 1] ?? fail(`geen naam voor ${code}`);
}

/** A former gemeente gets the provincie of its successor (for a split, the one that took the largest share). */
function provincieOf(code: string, known: ReadonlyMap<string, string>, herindelingen: readonly Herindeling[], seen = new Set<string>()): string {
  const direct = known.get(code);
  if (direct) return direct;
  if (seen.has(code)) fail(`kringverwijzing in herindelingen bij ${code}`);
  seen.add(code);
  const successor = herindelingen
    .filter((h) => h.oudeCode === code && h.soort !== 'grenscorrectie')
    .sort((a, b) => b.aandeel - a.aandeel)[0];
  if (!successor) fail(`geen provincie en geen opvolger voor ${code}`);
  return provincieOf(successor.nieuweCode, known, herindelingen, seen);
}

function buildGemeenten(
  indelingen: ReadonlyMap<number, ReadonlySet<string>>,
  lists: { list2021: GemeenteListRow[]; list2023: GemeenteListRow[]; veiligheidsregio: VeiligheidsregioRow[] },
  herindelingen: readonly Herindeling[],
): Gemeente[] {
  const knownProvincie = new Map<string, string>();
  for (const row of [...lists.list2021, ...lists.list2023]) knownProvincie.set(row.GemeentecodeGM, row.ProvinciecodePV);
  const statlineNames = new Map(lists.veiligheidsregio.map((r) => [r.gemeentCode, r.gemeenteNaam]));
  const years = [...indelingen.keys()].sort((a, b) => a - b);
  const codes = new Set([...indelingen.values()].flatMap((s) => [...s]));

  return [...codes].sort(compareText).map((code) => {
    const present = years.filter((y) => indelingen.get(y)!.has(code));
    const eersteJaar = present[0]!;
    const laatsteJaar = present[present.length - 1]!;
    if (present.length !== laatsteJaar - eersteJaar + 1) fail(`${code} verdwijnt en komt terug: ${present.join(', ')}`);
    const naam = nameOf(code, [lists.list2023, lists.list2021], herindelingen);
    return {
      code,
      naam,
      statlineNaam: statlineNames.get(code) ?? naam,
      provincie: provincieOf(code, knownProvincie, herindelingen),
      eersteJaar,
      laatsteJaar: laatsteJaar === LAST_YEAR ? null : laatsteJaar,
    };
  });
}

/** The two CBS lists and the herindelingen must agree on names; differences are reported. */
function reportNameDifferences(gemeenten: readonly Gemeente[], list2021: readonly GemeenteListRow[], herindelingen: readonly Herindeling[]): void {
  const byCode = new Map(gemeenten.map((g) => [g.code, g]));
  for (const row of list2021) {
    const g = byCode.get(row.GemeentecodeGM);
    if (g && g.naam !== row.Gemeentenaam) note(`${g.code} heet in 2021 "${row.Gemeentenaam}", nu "${g.naam}"`);
  }
  for (const h of herindelingen) {
    for (const [code, naam] of [[h.oudeCode, h.oudeNaam], [h.nieuweCode, h.nieuweNaam]] as const) {
      const g = byCode.get(code);
      if (g && g.naam !== naam) note(`herindeling ${h.jaar}: ${code} heet daar "${naam}", in de lijst "${g.naam}"`);
    }
  }
}

/** Every region name in the StatLine download (except Nederland) must be one of our StatLine names. */
function checkStatlineNames(gemeenten: readonly Gemeente[]): void {
  const rows = readRows(sharedPath('cbs/indicatoren-jeugdzorg-gemeenten-2022.statline-export.csv'), ["Regio's"], ';');
  const ours = new Set(gemeenten.map((g) => g.statlineNaam));
  const unknown = rows.map((r) => r["Regio's"]).filter((name) => name !== 'Nederland' && !ours.has(name));
  if (unknown.length > 0) fail(`StatLine-namen zonder gemeente: ${unknown.join(', ')}`);
  const counts = new Map<string, number>();
  for (const g of gemeenten) counts.set(g.statlineNaam, (counts.get(g.statlineNaam) ?? 0) + 1);
  const doubles = [...counts].filter(([, n]) => n > 1).map(([name]) => name);
  if (doubles.length > 0) fail(`StatLine-naam niet uniek: ${doubles.join(', ')}`);
  console.log(`  StatLine-export: ${rows.length - 1} regionamen, alle bekend`);
}

function checkVeiligheidsregioList(rows: readonly VeiligheidsregioRow[], list2023: readonly GemeenteListRow[], provincies: readonly Provincie[]): void {
  checkSameCodes('gemeenten-veiligheidsregio-2023 tegen gemeenten-alfabetisch-2023', rows.map((r) => r.gemeentCode), new Set(list2023.map((r) => r.GemeentecodeGM)));
  const provincieByCode = new Map(list2023.map((r) => [r.GemeentecodeGM, r.ProvinciecodePV]));
  for (const row of rows) {
    if (provincieByCode.get(row.gemeentCode) !== row.provincieCode) fail(`${row.gemeentCode}: provincie verschilt tussen de CBS-lijsten`);
    checkProvincieName(provincies, row.provincieCode, row.Provincie, 'gemeenten-veiligheidsregio-2023');
  }
}

// ---------------------------------------------------------------------------------------------------------
// Jeugdregio's

interface JeugdregioMember {
  jeugdregio: string;
  jeugdregioNaam: string;
  gemeente: string;
}

/** The hand-maintained membership (see src/reference/README.md), checked against the 2023 indeling. */
function readJeugdregios(indeling2023: ReadonlySet<string>, gemeenten: readonly Gemeente[]): JeugdregioMember[] {
  const file = 'jeugdregios-2023.csv';
  const rows = readRows(resolve(INPUT_DIR, file), ['jeugdregio_code', 'jeugdregio_naam', 'gemeentecode']);
  const names = new Map<string, string>();
  for (const row of rows) {
    if (!/^JZ\d{2}$/.test(row.jeugdregio_code)) fail(`${file}: "${row.jeugdregio_code}" is geen jeugdregiocode`);
    const known = names.get(row.jeugdregio_code);
    if (known !== undefined && known !== row.jeugdregio_naam) fail(`${file}: ${row.jeugdregio_code} heeft twee namen`);
    names.set(row.jeugdregio_code, row.jeugdregio_naam);
    if (!indeling2023.has(row.gemeentecode)) fail(`${file}: ${row.gemeentecode} is geen gemeente van de indeling 2023`);
  }
  if (names.size !== 42) fail(`${file}: ${names.size} jeugdregio's, verwacht 42`);
  const seen = new Map<string, string>();
  for (const row of rows) {
    const earlier = seen.get(row.gemeentecode);
    if (earlier !== undefined) fail(`${file}: ${row.gemeentecode} staat in ${earlier} en ${row.jeugdregio_code}`);
    seen.set(row.gemeentecode, row.jeugdregio_code);
  }
  checkSameCodes(`${file} tegen de indeling 2023`, seen.keys(), indeling2023);
  reportProvincieCrossings(rows, gemeenten);
  return rows.map((r) => ({ jeugdregio: r.jeugdregio_code, jeugdregioNaam: r.jeugdregio_naam, gemeente: r.gemeentecode }));
}

/** Jeugdregio's mostly lie within one provincie; the exceptions are worth knowing. */
function reportProvincieCrossings(rows: ReadonlyArray<Record<'jeugdregio_code' | 'jeugdregio_naam' | 'gemeentecode', string>>, gemeenten: readonly Gemeente[]): void {
  const byCode = new Map(gemeenten.map((g) => [g.code, g]));
  const provinciesOf = new Map<string, Map<string, string[]>>();
  for (const row of rows) {
    const g = byCode.get(row.gemeentecode)!;
    const perProvincie = provinciesOf.get(row.jeugdregio_code) ?? new Map<string, string[]>();
    perProvincie.set(g.provincie, [...(perProvincie.get(g.provincie) ?? []), g.naam]);
    provinciesOf.set(row.jeugdregio_code, perProvincie);
  }
  for (const [code, perProvincie] of provinciesOf) {
    if (perProvincie.size < 2) continue;
    const parts = [...perProvincie].map(([pv, names]) => `${pv}: ${names.length <= 2 ? names.join(', ') : `${names.length} gemeenten`}`);
    note(`jeugdregio ${code} ligt in meer dan een provincie (${parts.join('; ')})`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Inhabitants and wijken

const WIJKEN_FILE = 'cbs/jeugdzorg-in-natura-gemeenten-wijken-2021-2022.csv';

interface Population {
  code: string;
  jaar: number;
  inwoners: number | null;
  inwoners014: number | null;
  inwoners1524: number | null;
}

interface Wijk extends Population {
  naam: string;
  gemeente: string;
  /** CBS IndelingswijzigingWijken of the year: 1, 2 or 3 (see checkWijkIndelingen), or '' when CBS gives none. */
  indelingswijziging: string;
}

function parseCount(text: string, where: string): number | null {
  if (text === '') return null;
  // Kerncijfers are whole numbers; some exports write "1234.0".
  if (!/^\d+(\.0+)?$/.test(text)) fail(`${WIJKEN_FILE}, ${where}: "${text}" is geen aantal inwoners`);
  return Number(text);
}

function readPopulationRows(): { inwoners: Population[]; wijken: Wijk[] } {
  const rows = readRows(sharedPath(WIJKEN_FILE), ['year', 'recs', 'gwb_code', 'regio', 'a_inw', 'a_00_14', 'a_15_24', 'IndelingswijzigingWijken_21']);
  const inwoners: Population[] = [];
  const wijken: Wijk[] = [];
  for (const row of rows) {
    const code = normaliseRegionCode(row.gwb_code) ?? fail(`${WIJKEN_FILE}: "${row.gwb_code}" is geen regiocode`);
    const where = `${code} ${row.year}`;
    const population: Population = {
      code,
      jaar: Number(row.year),
      inwoners: parseCount(row.a_inw, where),
      inwoners014: parseCount(row.a_00_14, where),
      inwoners1524: parseCount(row.a_15_24, where),
    };
    if (row.recs === 'Wijk') {
      const indelingswijziging = row.IndelingswijzigingWijken_21;
      if (!['', '1', '2', '3'].includes(indelingswijziging)) fail(`${WIJKEN_FILE}, ${where}: indelingswijziging "${indelingswijziging}" is niet 1, 2, 3 of leeg`);
      wijken.push({ ...population, naam: row.regio, gemeente: gemeenteOfWijk(code), indelingswijziging });
    }
    else if (row.recs === 'Gemeente' || row.recs === 'Land') inwoners.push(population);
    else fail(`${WIJKEN_FILE}: onbekend regiotype "${row.recs}" bij ${where}`);
  }
  return { inwoners, wijken };
}

/** Gemeenten in the file must be exactly that year's indeling; wijken must belong to one of them. */
function checkPopulation(inwoners: readonly Population[], wijken: readonly Wijk[], indelingen: ReadonlyMap<number, ReadonlySet<string>>): void {
  for (const year of [...new Set(inwoners.map((p) => p.jaar))]) {
    const indeling = indelingen.get(year) ?? fail(`${WIJKEN_FILE}: jaar ${year} valt buiten de indelingen`);
    const gemeenten = inwoners.filter((p) => p.jaar === year && p.code !== 'NL01');
    checkSameCodes(`${WIJKEN_FILE}, gemeenten ${year}`, gemeenten.map((p) => p.code), indeling);
    const orphans = wijken.filter((w) => w.jaar === year && !indeling.has(w.gemeente));
    if (orphans.length > 0) fail(`${WIJKEN_FILE}: wijken ${year} van onbekende gemeenten: ${orphans.map((w) => w.code).join(', ')}`);
    const total = gemeenten.reduce((sum, p) => sum + (p.inwoners ?? 0), 0);
    const land = inwoners.find((p) => p.jaar === year && p.code === 'NL01')?.inwoners;
    console.log(`  inwoners ${year}: Nederland ${land ?? '?'}, som van ${gemeenten.length} gemeenten ${total}`);
    if (land !== undefined && land !== null && land !== total) note(`inwoners ${year}: som gemeenten wijkt ${total - land} af van Nederland`);
  }
}

/**
 * What CBS's IndelingswijzigingWijken says, checked on the data rather than assumed. The code of a year
 * compares the wijk with the year before: 1 = same code and same area, 2 = new code for an area that did
 * not change (the wijken of a new gemeente: Land van Cuijk, Maashorst, Beemster in Purmerend), 3 = the
 * area changed (Almere renumbered its wijken in 2022: WK003402 was "Wijk 02 Almere Stad", 109.415
 * inhabitants, and became "De Werven", 2.860). The checks:
 * - code 2 is only given to new codes (an error otherwise);
 * - a new code has 2 or 3, not 1, and a wijk of at least 1.000 inhabitants with code 1 kept its number of
 *   inhabitants within 25% (renamed ones too); exceptions are printed as notes (2022: "Overig Almere Pampus"
 *   with 5 inhabitants is new with code 1, and six wijken with new housing grew by more).
 * 34 wijken of 2021 only got another name in 2022 (code 1: "Wijk 03 IJsselmuiden" became "IJsselmuiden").
 * Returns the codes whose area changed per year (code 3), for wijkindelingen.json.
 */
function checkWijkIndelingen(wijken: readonly Wijk[]): Map<number, string[]> {
  const byKey = new Map(wijken.map((w) => [`${w.code}|${w.jaar}`, w]));
  const years = [...new Set(wijken.map((w) => w.jaar))].sort((a, b) => a - b);
  const changed = new Map<number, string[]>();
  for (const year of years) {
    const ofYear = wijken.filter((w) => w.jaar === year);
    changed.set(year, ofYear.filter((w) => w.indelingswijziging === '3').map((w) => w.code).sort(compareText));
    if (!years.includes(year - 1)) continue;
    let renamed = 0;
    for (const w of ofYear) {
      const before = byKey.get(`${w.code}|${year - 1}`);
      const where = `${WIJKEN_FILE}: ${w.code} ${year}`;
      // What does not fit is reported, not corrected: the register follows CBS's code.
      if (!before && w.indelingswijziging === '1') note(`${where} is nieuw maar heeft indelingswijziging 1 (ongewijzigd); ${w.inwoners ?? '?'} inwoners`);
      if (before && w.indelingswijziging === '2') fail(`${where} bestond al maar heeft indelingswijziging 2 (nieuwe code)`);
      if (before && w.indelingswijziging === '1') {
        const [a, b] = [before.inwoners ?? 0, w.inwoners ?? 0];
        if (Math.max(a, b) >= 1000 && Math.abs(a - b) > 0.25 * Math.max(a, b)) note(`${where}: ongewijzigd volgens CBS, maar ${a} inwoners in ${year - 1} en ${b} in ${year}`);
        if (before.naam !== w.naam) renamed++;
      }
    }
    const sameCode = ofYear.filter((w) => byKey.has(`${w.code}|${year - 1}`));
    const areaChanged = sameCode.filter((w) => w.indelingswijziging === '3');
    const names = sameCode.filter((w) => byKey.get(`${w.code}|${year - 1}`)!.naam !== w.naam).length;
    console.log(
      `  wijken ${year}: ${ofYear.length}, waarvan ${ofYear.length - sameCode.length} met een nieuwe code; van de ${sameCode.length} codes uit ${year - 1} hebben er ${areaChanged.length} een andere afbakening (code 3) en ${names} een andere naam (${renamed} daarvan alleen een nieuwe naam)`,
    );
  }
  return changed;
}

/** wijkindelingen.json: one line per year, so a new year is a one-line diff. */
function writeWijkindelingen(changed: ReadonlyMap<number, readonly string[]>): void {
  const years = [...changed].sort(([a], [b]) => a - b).map(([year, codes]) => `  ${JSON.stringify(String(year))}: ${JSON.stringify(codes)}`);
  const text = [
    '{',
    `"bron": ${JSON.stringify('CBS, Jeugdzorg in natura; wijken 2021 en 2022, kolom IndelingswijzigingWijken (CC BY 4.0)')},`,
    `"toelichting": ${JSON.stringify('Per jaar de wijkcodes waarvan de afbakening anders is dan het jaar ervoor (CBS-code 3). Dezelfde code staat dan voor een ander gebied: de cijfers van de twee jaren horen niet in één reeks.')},`,
    '"afbakeningGewijzigd": {',
    years.join(',\n'),
    '}',
    '}',
  ];
  writeOutput('wijkindelingen.json', `${text.join('\n')}\n`);
}

function populationCells(p: Population): Cell[] {
  return [p.inwoners, p.inwoners014, p.inwoners1524];
}

// ---------------------------------------------------------------------------------------------------------
// Maps

const positionSchema = z
  .array(z.number())
  .min(2)
  .transform((p): Position => [p[0]!, p[1]!]);
const ringSchema = z.array(positionSchema);
const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema)) }),
]);
const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ properties: z.record(z.unknown()), geometry: geometrySchema })),
});

interface MapFeature {
  code: string;
  naam: string;
  polygons: PolygonRings[];
}

function readMap(file: string, codeProperty: string): Array<{ code: string; label: string; polygons: PolygonRings[] }> {
  const parsed = featureCollectionSchema.safeParse(JSON.parse(readFileSync(sharedPath(file), 'utf8')));
  if (!parsed.success) fail(`${file}: geen GeoJSON met (Multi)Polygonen: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data.features.map((feature) => {
    const code = feature.properties[codeProperty];
    if (typeof code !== 'string') fail(`${file}: feature zonder ${codeProperty}`);
    const label = feature.properties['statnaam'] ?? feature.properties['provincie'];
    const { geometry } = feature;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    return { code: code.trim(), label: typeof label === 'string' ? label.trim() : '', polygons };
  });
}

/** Simplifies all features of one map together, so that neighbours keep identical borders. */
function simplifyMap(features: ReadonlyArray<{ code: string; naam: string; polygons: PolygonRings[] }>, file: string): MapFeature[] {
  const junctions = findJunctions(features.flatMap((f) => f.polygons.flat()));
  const tolerance = TOLERANCE_BY_SOURCE[file] ?? SIMPLIFY.tolerance;
  const options: SimplifyOptions = { ...SIMPLIFY, tolerance, isAnchor: (p) => junctions.has(positionKey(p)) };
  return features.map((f) => {
    const polygons = simplifyPolygons(f.polygons, options);
    if (polygons.length === 0) fail(`${file}: ${f.code} verdwijnt bij het vereenvoudigen`);
    return { code: f.code, naam: f.naam, polygons };
  });
}

function toGeoJsonFeature(f: MapFeature) {
  const geometry =
    f.polygons.length === 1
      ? { type: 'Polygon' as const, coordinates: f.polygons[0]! }
      : { type: 'MultiPolygon' as const, coordinates: f.polygons };
  return { type: 'Feature' as const, properties: { code: f.code, naam: f.naam }, geometry };
}

/**
 * d3-geo must see every feature as the small area it is. The rings were wound for that already; should a
 * feature still come out as (nearly) the whole globe, its rings are reversed and checked again.
 */
function ensureD3Winding(feature: ReturnType<typeof toGeoJsonFeature>, file: string): ReturnType<typeof toGeoJsonFeature> {
  if (geoArea(feature) < MAX_FEATURE_STERADIANS) return feature;
  const reversePolygon = (polygon: PolygonRings) => polygon.map((ring) => ring.slice().reverse());
  const { geometry } = feature;
  const rewound =
    geometry.type === 'Polygon'
      ? { ...feature, geometry: { ...geometry, coordinates: reversePolygon(geometry.coordinates) } }
      : { ...feature, geometry: { ...geometry, coordinates: geometry.coordinates.map(reversePolygon) } };
  note(`${file}: ${feature.properties.code} omgekeerd gewonden voor d3-geo`);
  if (geoArea(rewound) >= MAX_FEATURE_STERADIANS) fail(`${file}: ${feature.properties.code} is te groot voor d3-geo (${geoArea(rewound)} sr)`);
  return rewound;
}

/** One feature per line: small diffs when a boundary changes, still valid JSON. */
function writeMap(name: string, features: readonly MapFeature[], maxBytes: number): void {
  const lines = [...features]
    .sort((a, b) => compareText(a.code, b.code))
    .map((f) => JSON.stringify(ensureD3Winding(toGeoJsonFeature(f), name)));
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) fail(`${name}: ${Math.round(bytes / 1024)} KB, meer dan ${maxBytes / 1024} KB; verhoog de tolerantie`);
  writeOutput(name, text);
}

function buildGemeenteMap(year: number, indeling: ReadonlySet<string>, gemeenten: readonly Gemeente[]): void {
  const file = `geo/gemeente_${year}.geojson`;
  const byCode = new Map(gemeenten.map((g) => [g.code, g]));
  const source = readMap(file, 'statcode');
  checkSameCodes(`${file} tegen de indeling ${year}`, source.map((f) => f.code), indeling);
  const named = source.map((f) => {
    const naam = byCode.get(f.code)!.naam;
    if (f.label !== naam) note(`${file}: ${f.code} heet daar "${f.label}", bij ons "${naam}"`);
    return { code: f.code, naam, polygons: f.polygons };
  });
  writeMap(`geo/gemeenten-${year}.geojson`, simplifyMap(named, file), MAX_GEMEENTE_MAP_BYTES);
}

function buildProvincieMap(provincies: readonly Provincie[]): void {
  const file = 'geo/provincie_2023.geojson';
  const source = readMap(file, 'provincieCode');
  checkSameCodes(file, source.map((f) => f.code), new Set(PROVINCIE_CODES));
  const named = source.map((f) => {
    checkProvincieName(provincies, f.code, f.label, file);
    return { code: f.code, naam: provincies.find((p) => p.code === f.code)!.naam, polygons: f.polygons };
  });
  writeMap('geo/provincies-2023.geojson', simplifyMap(named, file), MAX_PROVINCIE_MAP_BYTES);
}

// ---------------------------------------------------------------------------------------------------------

function main(): void {
  console.log(`CBS-bestanden uit ${SHARED_DIR}`);
  const list2021 = readGemeenteList(2021);
  const list2023 = readGemeenteList(2023);
  const veiligheidsregio = readVeiligheidsregioList();

  const provincies = buildProvincies([list2021, list2023]);
  checkVeiligheidsregioList(veiligheidsregio, list2023, provincies);
  writeCsv('provincies.csv', ['code', 'naam'], provincies.map((p) => [p.code, p.naam]));

  const herindelingen = readHerindelingen();
  reportSplitShares(herindelingen);
  writeCsv(
    'herindelingen.csv',
    ['jaar', 'oude_code', 'oude_naam', 'nieuwe_code', 'nieuwe_naam', 'aandeel', 'soort'],
    herindelingen.map((h) => [h.jaar, h.oudeCode, h.oudeNaam, h.nieuweCode, h.nieuweNaam, h.aandeel, h.soort]),
  );

  const indelingen = deriveIndelingen(new Set(list2021.map((r) => r.GemeentecodeGM)), herindelingen);
  checkCounts(indelingen);
  checkSameCodes('afgeleide indeling 2023 tegen gemeenten-alfabetisch-2023', indelingen.get(2023)!, new Set(list2023.map((r) => r.GemeentecodeGM)));
  checkGrenscorrecties(indelingen, herindelingen);
  console.log(`  gemeenten per jaar: ${[...indelingen].sort(([a], [b]) => a - b).map(([y, s]) => `${y} ${s.size}`).join(', ')}`);

  const gemeenten = buildGemeenten(indelingen, { list2021, list2023, veiligheidsregio }, herindelingen);
  reportNameDifferences(gemeenten, list2021, herindelingen);
  checkStatlineNames(gemeenten);
  writeCsv(
    'gemeenten.csv',
    ['code', 'naam', 'statline_naam', 'provincie', 'eerste_jaar', 'laatste_jaar'],
    gemeenten.map((g) => [g.code, g.naam, g.statlineNaam, g.provincie, g.eersteJaar, g.laatsteJaar]),
  );

  const members = readJeugdregios(indelingen.get(2023)!, gemeenten);
  const regions = new Map(members.map((m) => [m.jeugdregio, m.jeugdregioNaam]));
  writeCsv('jeugdregios.csv', ['code', 'naam'], [...regions].sort(([a], [b]) => compareText(a, b)));
  writeCsv(
    'jeugdregio-gemeenten.csv',
    ['gemeente', 'jeugdregio'],
    members.map((m) => [m.gemeente, m.jeugdregio]).sort(([a], [b]) => compareText(String(a), String(b))),
  );

  const { inwoners, wijken } = readPopulationRows();
  checkPopulation(inwoners, wijken, indelingen);
  const byCodeYear = (a: Population, b: Population) => compareText(a.code, b.code) || a.jaar - b.jaar;
  writeCsv(
    'inwoners.csv',
    ['code', 'jaar', 'inwoners', 'inwoners_0_14', 'inwoners_15_24'],
    [...inwoners].sort(byCodeYear).map((p) => [p.code, p.jaar, ...populationCells(p)]),
  );
  writeCsv(
    'wijken.csv',
    ['code', 'naam', 'gemeente', 'jaar', 'inwoners', 'inwoners_0_14', 'inwoners_15_24'],
    [...wijken].sort(byCodeYear).map((w) => [w.code, w.naam, w.gemeente, w.jaar, ...populationCells(w)]),
  );

  const changed = checkWijkIndelingen(wijken);
  writeWijkindelingen(changed);

  for (const year of [2022, 2023, 2025]) buildGemeenteMap(year, indelingen.get(year)!, gemeenten);
  buildProvincieMap(provincies);

  console.log(`Geschreven in ${relative(REPO_ROOT, OUT_DIR)}:`);
  for (const w of written) console.log(`  ${w.name.padEnd(32)} ${(w.bytes / 1024).toFixed(1).padStart(7)} KB`);
  if (notes.length > 0) console.log(`${notes.length} opmerking(en), zie "note:" hierboven.`);
}

try {
  main();
} catch (error) {
  console.error(`build-reference: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
