import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, readCsv } from '../../src/lib/csv/read-csv';

/**
 * Checks the generated reference files in src/reference (made by scripts/build-reference.ts) for the
 * facts the site relies on. The last block compares them with the CBS files in ../shared.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REFERENCE = resolve(ROOT, 'src/reference');
const SHARED = resolve(ROOT, process.env['SHARED_DIR'] ?? '../shared');

function readBytes(name: string): Buffer {
  return readFileSync(resolve(REFERENCE, name));
}

/** The rows of a reference CSV as objects keyed by its header. */
function readReference(name: string): Array<Record<string, string>> {
  const table = readCsv(decodeUtf8(readBytes(name), name), { file: name, delimiter: ',' });
  return table.records.map((record) => Object.fromEntries(table.header.map((column, i) => [column, record.cells[i] ?? ''])));
}

function get(row: Record<string, string>, column: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`kolom ${column} ontbreekt`);
  return value;
}

const gemeenten = readReference('gemeenten.csv');
const existsIn = (row: Record<string, string>, year: number) =>
  Number(get(row, 'eerste_jaar')) <= year && (get(row, 'laatste_jaar') === '' || Number(get(row, 'laatste_jaar')) >= year);
const indelingen = new Map<number, Set<string>>();
/** The codes of one year's indeling, from eerste_jaar and laatste_jaar. */
function codesIn(year: number): Set<string> {
  let codes = indelingen.get(year);
  if (!codes) {
    codes = new Set(gemeenten.filter((g) => existsIn(g, year)).map((g) => get(g, 'code')));
    indelingen.set(year, codes);
  }
  return codes;
}

describe('CSV format', () => {
  const files = ['provincies.csv', 'herindelingen.csv', 'gemeenten.csv', 'jeugdregios.csv', 'jeugdregio-gemeenten.csv', 'inwoners.csv', 'wijken.csv'];

  it.each(files)('%s is UTF-8 without BOM, with \\n line ends and a final newline', (name) => {
    const bytes = readBytes(name);
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
  });

  const sortKeys: Record<string, string[]> = {
    'provincies.csv': ['code'],
    'herindelingen.csv': ['jaar', 'oude_code', 'nieuwe_code'],
    'gemeenten.csv': ['code'],
    'jeugdregios.csv': ['code'],
    'jeugdregio-gemeenten.csv': ['gemeente'],
    'inwoners.csv': ['code', 'jaar'],
    'wijken.csv': ['code', 'jaar'],
  };

  it.each(files)('%s has unique rows, strictly sorted by its key', (name) => {
    const rows = readReference(name);
    expect(rows.length).toBeGreaterThan(0);
    // Codes and years have fixed widths, so comparing the joined key as text gives the intended order.
    const keys = rows.map((row) => sortKeys[name]!.map((column) => get(row, column)).join('|'));
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!, `${keys[i - 1]} vóór ${keys[i]}`).toBe(true);
  });
});

describe('gemeenten.csv', () => {
  it('gives the CBS number of gemeenten for every indeling from 2015 to 2026', () => {
    const counts = Object.fromEntries([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => [y, codesIn(y).size]));
    expect(counts).toEqual({
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
    });
  });

  it('has unique codes and StatLine names, and a known provincie for every gemeente', () => {
    const provincies = new Set(readReference('provincies.csv').map((p) => get(p, 'code')));
    expect(new Set(gemeenten.map((g) => get(g, 'code'))).size).toBe(gemeenten.length);
    expect(new Set(gemeenten.map((g) => get(g, 'statline_naam'))).size).toBe(gemeenten.length);
    for (const g of gemeenten) expect(provincies.has(get(g, 'provincie')), get(g, 'code')).toBe(true);
  });

  it('keeps gemeenten that absorbed others under their own code', () => {
    const byCode = new Map(gemeenten.map((g) => [get(g, 'code'), g]));
    for (const code of ['GM0014', 'GM0363', 'GM0080', 'GM0394']) {
      expect(get(byCode.get(code)!, 'eerste_jaar'), code).toBe('2015');
      expect(get(byCode.get(code)!, 'laatste_jaar'), code).toBe('');
    }
    expect(get(byCode.get('GM0457')!, 'laatste_jaar')).toBe('2022'); // Weesp, into Amsterdam in 2023
    expect(get(byCode.get('GM0241')!, 'laatste_jaar')).toBe('2015'); // Groesbeek, renamed Berg en Dal
    expect(get(byCode.get('GM1945')!, 'eerste_jaar')).toBe('2016');
    expect(get(byCode.get('GM0344')!, 'statline_naam')).toBe('Utrecht (gemeente)');
  });
});

describe('herindelingen.csv', () => {
  const herindelingen = readReference('herindelingen.csv');

  it('names only gemeenten that are in gemeenten.csv, existing when they should', () => {
    for (const h of herindelingen) {
      const year = Number(get(h, 'jaar'));
      expect(codesIn(year - 1).has(get(h, 'oude_code')), `${year} ${get(h, 'oude_code')}`).toBe(true);
      expect(codesIn(year).has(get(h, 'nieuwe_code')), `${year} ${get(h, 'nieuwe_code')}`).toBe(true);
    }
  });

  it('uses the four kinds and decimal shares', () => {
    for (const h of herindelingen) {
      expect(['samenvoeging', 'opsplitsing', 'grenscorrectie', 'naamswijziging']).toContain(get(h, 'soort'));
      const aandeel = Number(get(h, 'aandeel'));
      expect(aandeel > 0 && aandeel <= 1).toBe(true);
    }
  });

  it('splits gemeenten into shares that add up to 1', () => {
    const sums = new Map<string, number>();
    for (const h of herindelingen.filter((x) => get(x, 'soort') === 'opsplitsing')) {
      const key = `${get(h, 'jaar')} ${get(h, 'oude_code')}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(get(h, 'aandeel')));
    }
    expect(sums.size).toBe(3);
    for (const sum of sums.values()) expect(sum).toBeCloseTo(1, 2);
  });
});

describe("jeugdregio's", () => {
  const regions = readReference('jeugdregios.csv');
  const members = readReference('jeugdregio-gemeenten.csv');

  it("has 42 jeugdregio's, each with at least one gemeente", () => {
    expect(regions).toHaveLength(42);
    for (const r of regions) expect(members.some((m) => get(m, 'jeugdregio') === get(r, 'code')), get(r, 'code')).toBe(true);
  });

  it('puts every gemeente of the 2023 indeling in exactly one jeugdregio', () => {
    const codes = members.map((m) => get(m, 'gemeente'));
    expect(codes).toHaveLength(342);
    expect(new Set(codes)).toEqual(codesIn(2023));
    const known = new Set(regions.map((r) => get(r, 'code')));
    for (const m of members) expect(known.has(get(m, 'jeugdregio'))).toBe(true);
  });
});

describe('inwoners.csv and wijken.csv', () => {
  const inwoners = readReference('inwoners.csv');
  const wijken = readReference('wijken.csv');

  it('has Nederland and every gemeente of 2021 and 2022, adding up to Nederland', () => {
    for (const year of [2021, 2022]) {
      const rows = inwoners.filter((p) => get(p, 'jaar') === String(year));
      const gemeenteRows = rows.filter((p) => get(p, 'code') !== 'NL01');
      expect(new Set(gemeenteRows.map((p) => get(p, 'code')))).toEqual(codesIn(year));
      const land = rows.find((p) => get(p, 'code') === 'NL01');
      expect(gemeenteRows.reduce((sum, p) => sum + Number(get(p, 'inwoners')), 0)).toBe(Number(get(land!, 'inwoners')));
    }
  });

  it('gives wijk codes that start with WK and the digits of their gemeente', () => {
    expect(wijken.length).toBe(3248 + 3340);
    for (const w of wijken) {
      expect(get(w, 'code')).toMatch(/^WK\d{6}$/);
      expect(get(w, 'code').slice(2, 6), get(w, 'code')).toBe(get(w, 'gemeente').slice(2));
      expect(codesIn(Number(get(w, 'jaar'))).has(get(w, 'gemeente')), get(w, 'code')).toBe(true);
    }
  });
});

describe('maps', () => {
  type Collection = {
    type: string;
    features: Array<{ type: string; properties: { code: string; naam: string }; geometry: { type: string; coordinates: unknown } }>;
  };
  const readMap = (name: string) => JSON.parse(readBytes(`geo/${name}`).toString('utf8')) as Collection;

  it.each([
    ['gemeenten-2022.geojson', 2022],
    ['gemeenten-2023.geojson', 2023],
    ['gemeenten-2025.geojson', 2025],
  ] as const)('%s has one feature per gemeente of the indeling', (name, year) => {
    const map = readMap(name);
    expect(map.type).toBe('FeatureCollection');
    expect(new Set(map.features.map((f) => f.properties.code))).toEqual(codesIn(year));
    expect(map.features).toHaveLength(codesIn(year).size);
  });

  it('has the twelve provincies under their proper names', () => {
    const map = readMap('provincies-2023.geojson');
    const provincies = readReference('provincies.csv');
    expect(map.features.map((f) => [f.properties.code, f.properties.naam])).toEqual(provincies.map((p) => [get(p, 'code'), get(p, 'naam')]));
  });

  it.each(['gemeenten-2022.geojson', 'gemeenten-2023.geojson', 'gemeenten-2025.geojson', 'provincies-2023.geojson'])(
    '%s is wound for d3-geo: every feature is a small area',
    (name) => {
      for (const feature of readMap(name).features) {
        const area = geoArea(feature);
        expect(area, feature.properties.code).toBeGreaterThan(0);
        expect(area, feature.properties.code).toBeLessThan(0.001);
      }
    },
  );

  it('stays within the size targets', () => {
    for (const name of ['gemeenten-2022.geojson', 'gemeenten-2023.geojson', 'gemeenten-2025.geojson']) {
      expect(readBytes(`geo/${name}`).length, name).toBeLessThan(200 * 1024);
    }
    expect(readBytes('geo/provincies-2023.geojson').length).toBeLessThan(60 * 1024);
  });
});

const sharedThere = existsSync(resolve(SHARED, 'reference/gemeenten-alfabetisch-2023.csv'));
if (!sharedThere) console.warn(`Overgeslagen: vergelijking met de CBS-bestanden, want ${SHARED} ontbreekt.`);

describe.skipIf(!sharedThere)('against the CBS files in ../shared', () => {
  function readShared(path: string, delimiter: ',' | ';'): Array<Record<string, string>> {
    const table = readCsv(decodeUtf8(readFileSync(resolve(SHARED, path)), path), { file: path, delimiter });
    return table.records.map((record) => Object.fromEntries(table.header.map((column, i) => [column, (record.cells[i] ?? '').trim()])));
  }

  it('has the 2021 and 2023 indelingen of the CBS municipality lists', () => {
    for (const year of [2021, 2023]) {
      const list = readShared(`reference/gemeenten-alfabetisch-${year}.csv`, ',');
      expect(codesIn(year)).toEqual(new Set(list.map((r) => get(r, 'GemeentecodeGM'))));
    }
  });

  it('knows every region name of the StatLine download', () => {
    const names = new Set(gemeenten.map((g) => get(g, 'statline_naam')));
    const rows = readShared('cbs/indicatoren-jeugdzorg-gemeenten-2022.statline-export.csv', ';');
    for (const row of rows) {
      const name = get(row, "Regio's");
      if (name !== 'Nederland') expect(names.has(name), name).toBe(true);
    }
  });
});
