/**
 * OData v3 and v4 against the recorded responses in tests/fixtures/cbs (see its README): read from a folder,
 * and fetched by table id through an injected fetch that serves the fixture files by URL — never the live
 * service. Both APIs must give the same dataset.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RowIndex, type Dataset } from '../../src/lib/data/dataset';
import { readODataV3 } from '../../src/lib/import/odata-v3';
import type { ODataBundle } from '../../src/lib/import/odata-bundle';
import { fetchCbsTable, type FetchLike } from '../../src/node/cbs-fetch';
import { readDataDir } from '../../src/node/datastore-fs';
import { importQuietly, removeDir, snapshot, tempDir } from './helpers';
import { comparePeriods, parsePeriodCode } from '../../src/lib/data/periods';
import { FactsContext } from '../../src/lib/facts/context';
import { keyFiguresOf } from '../../src/lib/facts/key-figures';
import { outcomeOf } from '../../src/lib/facts/outcome';
import { formatNumber } from '../../src/lib/format/number';
import { yearFiguresOf } from '../../src/lib/facts/year-figures';
import { convertToIndeling } from '../../src/lib/regions/convert';
import { defaultSelection } from '../../src/lib/tables/selection';
import { loadRegister } from '../../src/node/reference-fs';

const FIXTURES = path.resolve('tests/fixtures/cbs');
const V3 = path.join(FIXTURES, 'odata-v3', '85097NED');
const V4 = path.join(FIXTURES, 'odata-v4', '85097NED');
const V3_API = 'https://opendata.cbs.nl/ODataApi/odata/85097NED';
const V3_FEED = 'https://opendata.cbs.nl/ODataFeed/odata/85097NED/TypedDataSet?$format=json';
const V4_BASE = 'https://odata4.cbs.nl/CBS';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const nextLink = (file: string, field: string) => (readJson(file) as Record<string, string>)[field]!;

/** A fetch that answers from the fixture files by exact URL, and records what was asked. */
function recordedCbs(): { fetch: FetchLike; requested: string[] } {
  const routes = new Map<string, string>();
  for (const name of readdirSync(V3).filter((f) => !f.includes('DataSet') && f !== 'index.json')) {
    routes.set(`${V3_API}/${name.replace('.json', '')}`, path.join(V3, name));
  }
  routes.set(V3_FEED, path.join(V3, 'TypedDataSet.page1.json'));
  routes.set(nextLink(path.join(V3, 'TypedDataSet.page1.json'), 'odata.nextLink'), path.join(V3, 'TypedDataSet.page2.json'));
  for (const name of readdirSync(V4).filter((f) => !f.startsWith('Observations') && f !== 'index.json')) {
    routes.set(`${V4_BASE}/85097NED/${name.replace('.json', '')}`, path.join(V4, name));
  }
  routes.set(`${V4_BASE}/85097NED/Observations`, path.join(V4, 'Observations.page1.json'));
  routes.set(nextLink(path.join(V4, 'Observations.page1.json'), '@odata.nextLink'), path.join(V4, 'Observations.page2.json'));
  const requested: string[] = [];
  const fetch: FetchLike = async (url) => {
    requested.push(url);
    const file = routes.get(url);
    return { ok: file !== undefined, status: file ? 200 : 404, json: async () => readJson(file!) };
  };
  return { fetch, requested };
}

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('import-odata-');
});
afterAll(async () => removeDir(tmp));

async function importInto(name: string, options: Parameters<typeof importQuietly>[0] extends infer O ? Partial<O> : never): Promise<Dataset> {
  const out = path.join(tmp, name);
  await importQuietly({ inputs: [], out, release: '2024-04-25', ...options });
  const store = await readDataDir(out);
  expect(store.catalog.datasets).toEqual(['jeugdhulptrajecten-verwijzer']);
  return store.datasets[0]!;
}

const cellOf = (d: Dataset, region: string, period: string, verwijzer: string, measure: string) =>
  new RowIndex(d).cell(region, period, measure, [verwijzer]);

describe('importer: OData v4', () => {
  it('pivots Observations with their code lists, statuses and value attributes', async () => {
    const d = await importInto('v4-map', { inputs: [V4] });
    expect(d.meta.periods).toEqual([
      { code: '2022JJ00', status: 'definitief' },
      { code: '2023HJ01', status: 'nader-voorlopig' },
      { code: '2023HJ02', status: 'voorlopig' },
      { code: '2023JJ00', status: 'voorlopig' },
    ]);
    expect(d.meta.source.table).toBe('85097NED');
    expect(d.meta.dimensions[0]!.codes.slice(0, 2)).toMatchObject([
      { code: 'T001270', label: 'Totaal verwijzer', total: true },
      { code: '2028110', label: 'Gemeentelijke toegang', total: false },
    ]);
    // Padded "NL01  " trimmed; names from the register, not StatLine's "Groningen (gemeente)".
    expect(d.meta.regions.map((r) => r.label)).toEqual(['Nederland', 'Aa en Hunze', 'Amsterdam', 'Groningen', 'Weesp']);
    expect(cellOf(d, 'NL01', '2022JJ00', 'T001270', 'trajecten')).toEqual({ value: 621450, symbol: null });
    expect(cellOf(d, 'GM1680', '2022JJ00', '2028160', 'trajecten')).toEqual({ value: null, symbol: '.' }); // Missing
    expect(cellOf(d, 'GM0457', '2022JJ00', '2028160', 'trajecten')).toEqual({ value: 0, symbol: '-' }); // nihil
    expect(cellOf(d, 'GM0457', '2022JJ00', '2028160', 'gemiddelde_duur')).toEqual({ value: null, symbol: '' }); // Impossible
    // Weesp merged into Amsterdam in 2023: v4 returns no cells for it, so there is no row.
    expect(d.rows.some((r) => r.region === 'GM0457' && r.period.startsWith('2023'))).toBe(false);
    // Measures the selection left out are not listed as if they were empty.
    expect(d.meta.measures.map((m) => m.id)).toEqual(['trajecten', 'gemiddelde_duur']);
  });

  it('fetches a table by id, following @odata.nextLink verbatim', async () => {
    const { fetch, requested } = recordedCbs();
    const d = await importInto('v4-fetch', { cbs: ['85097NED'], odata: 'v4', fetch, cbsBases: { v4Base: V4_BASE } });
    const pages = requested.filter((url) => url.includes('/Observations'));
    expect(pages).toEqual([`${V4_BASE}/85097NED/Observations`, nextLink(path.join(V4, 'Observations.page1.json'), '@odata.nextLink')]);
    expect(d.rows).toHaveLength(34);
    expect(cellOf(d, 'GM0363', '2023JJ00', 'T001270', 'trajecten')!.value).toBe(26595);
  });
});

describe('importer: OData v3', () => {
  it('reads a folder of TypedDataSet pages with DataProperties and skips the null rows of a merged-away gemeente', async () => {
    const d = await importInto('v3-map', { inputs: [V3] });
    expect(d.meta.measures.map((m) => m.id)).toEqual([
      'trajecten',
      'trajecten_begonnen',
      'trajecten_herhaald_beroep',
      'trajecten_beeindigd',
      'gemiddelde_duur',
      'aandeel_herhaald_beroep',
    ]);
    expect(d.meta.measures[4]).toMatchObject({ unit: 'dagen', label: 'Gemiddelde duur van de beëindigde trajecten', concept: 'einde-gemiddelde-duur' });
    // CBS looks back five years for herhaald beroep, not one (the outcome indicator "binnen een jaar" is another table).
    expect(d.meta.measures[2]!.definition).toMatch(/in de vijf jaar vóór de periode al jeugdhulp/);
    expect(d.meta.measures[5]).toMatchObject({ type: 'rate', rate: { numerator: 'trajecten_herhaald_beroep', denominator: 'trajecten_begonnen', per: 100 } });
    expect(d.meta.periods.map((p) => p.status)).toEqual(['definitief', 'nader-voorlopig', 'voorlopig', 'voorlopig']);
    expect(d.rows.some((r) => r.region === 'GM0457' && r.period.startsWith('2023'))).toBe(false);
    expect(cellOf(d, 'GM0457', '2022JJ00', '2028160', 'trajecten')).toEqual({ value: 0, symbol: '-' });
    expect(cellOf(d, 'GM0457', '2022JJ00', '2028160', 'gemiddelde_duur')).toEqual({ value: null, symbol: '.' });
    expect(cellOf(d, 'GM0363', '2022JJ00', '2028160', 'trajecten_herhaald_beroep')).toEqual({ value: null, symbol: '.' });
  });

  it('fetches by id from the Feed, following odata.nextLink, and agrees with v4', async () => {
    const { fetch, requested } = recordedCbs();
    const v3 = await importInto('v3-fetch', { cbs: ['85097ned'], odata: 'v3', fetch });
    expect(requested.filter((url) => url.includes('TypedDataSet'))).toEqual([
      V3_FEED,
      nextLink(path.join(V3, 'TypedDataSet.page1.json'), 'odata.nextLink'),
    ]);
    expect(requested).toContain(`${V3_API}/Perioden`);
    const v4 = await importInto('v4-compare', { inputs: [V4] });
    const index = new RowIndex(v3);
    for (const row of v4.rows) {
      const mine = index.cell(row.region, row.period, 'trajecten', row.topics);
      expect(mine, `${row.region} ${row.period} ${row.topics[0]}`).toEqual(row.cells[0]);
    }
  });

  it('reads an UntypedDataSet: padded strings and "." symbols', () => {
    const sets = new Map(
      ['UntypedDataSet', 'DataProperties', 'Perioden', 'RegioS', 'VerwijzerJeugdzorg'].map((name) => [
        name,
        [{ file: `${name}.json`, body: readJson(path.join(V3, `${name}.json`)) }],
      ]),
    );
    const bundle: ODataBundle = { source: 'untyped', sets };
    const table = readODataV3(bundle);
    const aaEnHunzeRechter = table.records.find((r) => r.region === 'GM1680' && r.topics[0] === '2028160')!;
    expect(aaEnHunzeRechter.cells[0]).toEqual({ value: null, symbol: '.' });
    const nl = table.records.find((r) => r.region === 'NL01' && r.topics[0] === 'T001270')!;
    expect(nl.cells.map((c) => c?.value)).toEqual([628740, 339690, 74210, 336045, 334]);
    expect(table.periodStatus.get('2023JJ00')).toBe('voorlopig');
  });

  it('says which URL failed, and writes nothing', async () => {
    const out = path.join(tmp, 'v3-fout');
    const { fetch } = recordedCbs();
    await expect(importQuietly({ inputs: [], out, cbs: ['85099NED'], odata: 'v3', fetch })).rejects.toThrow(
      `${'https://opendata.cbs.nl/ODataApi/odata/85099NED/TableInfos'}: een antwoord van CBS met HTTP-status 200 (gevonden: "HTTP 404")`,
    );
    await expect(importQuietly({ inputs: [], out, cbs: ['jeugdzorg'], fetch })).rejects.toThrow(
      '--cbs: een CBS-tabelnummer zoals 85097NED (gevonden: "jeugdzorg")',
    );
    expect(await snapshot(out)).toEqual({});
  });

  it('pages without a page size of its own', async () => {
    const pages = [
      { value: [{ a: 1 }], 'odata.nextLink': 'https://example.test/p2' },
      { value: [{ a: 2 }], 'odata.nextLink': 'https://example.test/p3' },
      { value: [{ a: 3 }] },
    ];
    const urls: string[] = [];
    const fetch: FetchLike = async (url) => {
      urls.push(url);
      return { ok: true, status: 200, json: async () => (url.endsWith('TypedDataSet?$format=json') ? pages[0] : url.endsWith('p2') ? pages[1] : url.endsWith('p3') ? pages[2] : { value: [] }) };
    };
    const bundle = await fetchCbsTable('12345NED', { odata: 'v3', fetch });
    expect(bundle.sets.get('TypedDataSet')!.map((p) => p.file)).toEqual([
      'https://opendata.cbs.nl/ODataFeed/odata/12345NED/TypedDataSet?$format=json',
      'https://example.test/p2',
      'https://example.test/p3',
    ]);
  });
});

describe('a CBS table with years beside its half years, on the site', () => {
  it('shows the latest half year as the key figure and the year apart, each with the status CBS gave it', async () => {
    const d = await importInto('v4-site', { inputs: [V4] });
    const register = loadRegister({ latestYear: 2023 });
    const periods = d.meta.periods.map((p) => parsePeriodCode(p.code)!).sort(comparePeriods).map((p) => p.code);
    // CBS's order: the year after its 2nd half year.
    expect(periods).toEqual(['2022JJ00', '2023HJ01', '2023HJ02', '2023JJ00']);
    const context = new FactsContext(register, [{ meta: d.meta, original: d, converted: convertToIndeling(d, register), periods }]);
    const [keyFigure] = keyFiguresOf(context, 'GM0363');
    expect(keyFigure).toMatchObject({ concept: 'trajecten-lopend', period: '2023HJ02', periodLabel: '2e halfjaar 2023*' });
    expect(keyFigure!.count).toEqual(cellOf(d, 'GM0363', '2023HJ02', 'T001270', 'trajecten'));
    const [year] = yearFiguresOf(context, 'GM0363', keyFiguresOf(context, 'GM0363'));
    expect(year).toMatchObject({ concept: 'trajecten-lopend', period: '2023JJ00', periodLabel: '2023*', status: 'voorlopig' });
    expect(year!.count).toEqual({ value: 26595, symbol: null });
    // The table page opens on the half year too.
    expect(defaultSelection({ meta: d.meta, periods, regions: [] }).periods).toEqual(['2023HJ02']);
  });
});

describe('CBS 85097NED in the section on duration and ending', () => {
  it('shows the average duration and herhaald beroep of an imported table, with the ended trajecten of its total verwijzer', async () => {
    const d = await importInto('v3-outcome', { inputs: [V3] });
    const register = loadRegister({ latestYear: 2023 });
    const periods = d.meta.periods.map((p) => parsePeriodCode(p.code)!).sort(comparePeriods).map((p) => p.code);
    const context = new FactsContext(register, [{ meta: d.meta, original: d, converted: convertToIndeling(d, register), periods }]);
    const o = outcomeOf(context, 'GM0363')!;
    expect(o.period).toBe('2023HJ02');
    // The verwijzers are no columns: the table is taken at its total.
    expect(o.columns).toEqual(['Totaal', 'Nederland']);
    const cell = (region: string, measure: string) => cellOf(d, region, '2023HJ02', 'T001270', measure)!;
    expect(o.ended).toEqual([formatNumber(cell('GM0363', 'trajecten_beeindigd').value!), formatNumber(cell('NL01', 'trajecten_beeindigd').value!)]);
    expect(o.average).toContain(`gemiddeld ${formatNumber(cell('GM0363', 'gemiddelde_duur').value!)} dagen`);
    // No duration classes, no reasons in this table: no rows for them.
    expect(o.duration.map((r) => r.label)).toEqual(['Gemiddelde duur (dagen)']);
    expect(o.reasons).toEqual([]);
    const started = cell('GM0363', 'trajecten_begonnen').value!;
    const again = cell('GM0363', 'trajecten_herhaald_beroep').value!;
    expect(o.returning!.figure).toContain(`Van de ${formatNumber(started)} begonnen trajecten was ${formatNumber((again / started) * 100, 1)}% herhaald beroep`);
  });
});
