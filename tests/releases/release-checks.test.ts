/**
 * Checks of a new release against the previous one (src/lib/releases/release-checks.ts): on the default
 * demonstration data as it is, on that data with the faults an import can make put in by hand, on the
 * release fixture around the herindeling of Weesp, and on tiny hand-made tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetMeta, DatasetMetaInput } from '../../src/schemas/dataset';
import { DatasetMetaSchema } from '../../src/schemas/dataset';
import type { Dataset, ObservationRow } from '../../src/lib/data/dataset';
import type { Observation } from '../../src/lib/data/symbols';
import {
  checkRelease,
  DEFAULT_RELEASE_CHECK_OPTIONS,
  formatReleaseReport,
  summariseReleaseChecks,
  type ReleaseCheckRegions,
  type ReleaseCheckResult,
  type ReleaseFinding,
} from '../../src/lib/releases/release-checks';
import { formatNumber } from '../../src/lib/format/number';
import { datasetVersion, type ReleaseStore } from '../../src/lib/releases/versions';
import { dataDir } from '../../src/node/project-paths';
import { loadRegister } from '../../src/node/reference-fs';
import { getSiteData, type SiteData } from '../../src/node/site-data';
import { fixtureSite } from './fixture';

let demo: SiteData;
let demoResult: ReleaseCheckResult;
beforeAll(async () => {
  demo = await getSiteData(dataDir());
  demoResult = checkRelease(demo.store, demo.register);
}, 120_000);

/** The demo store with one dataset, whose current rows `change` rewrites (earlier releases stay as they were). */
function oneDataset(id: string, change: (rows: ObservationRow[], meta: DatasetMeta) => ObservationRow[] = (rows) => rows, meta?: (m: DatasetMeta) => DatasetMeta): ReleaseStore {
  const dataset = demo.store.datasets.find((d) => d.meta.id === id)!;
  const newMeta = meta ? meta(dataset.meta) : dataset.meta;
  return {
    catalog: { ...demo.store.catalog, datasets: [id] },
    datasets: [{ meta: newMeta, rows: change(dataset.rows.slice(), newMeta) }],
    history: new Map([[id, demo.store.history.get(id)!]]),
  };
}

/** A copy of the row of a region, period (and categories) with the count of `measure` changed. */
function setCount(rows: ObservationRow[], meta: DatasetMeta, where: { region: string; period: string; topics?: string[] }, measure: string, value: (old: number) => number): ObservationRow[] {
  const m = meta.measures.findIndex((x) => x.id === measure);
  const topics = (where.topics ?? []).join('|');
  let found = false;
  const out = rows.map((row) => {
    if (row.region !== where.region || row.period !== where.period || row.topics.join('|') !== topics) return row;
    found = true;
    const cells = row.cells.slice();
    cells[m] = { value: value(cells[m]!.value!), symbol: null };
    return { ...row, cells };
  });
  if (!found) throw new Error(`geen rij ${where.region} ${where.period} ${topics}`);
  return out;
}

const ofKind = (findings: readonly ReleaseFinding[], kind: ReleaseFinding['kind']) => findings.filter((f) => f.kind === kind);

describe('the demonstration data as it is', () => {
  it('compares the current release with the one before it, dataset by dataset', () => {
    const result = demoResult;
    const releases = demo.catalog.releases;
    expect(result.current.id).toBe(releases.at(-1)!.id);
    expect(result.previous?.id).toBe(releases.at(-2)!.id);
    expect(result.datasets.map((d) => d.id)).toEqual(demo.catalog.datasets);
    expect(result.datasets.every((d) => d.comparedWith === releases.at(-2)!.id)).toBe(true);
  });

  it('has no gemeente gone without a herindeling, and every region total is the sum of its gemeenten', () => {
    const { findings } = demoResult;
    expect(ofKind(findings, 'verdwenen-gemeente')).toEqual([]);
    const regions = findings.filter((f) => f.kind === 'totaal-past-niet' && /gemeenten van|provincies/.test(f.values.relation));
    expect(regions.map((f) => f.message)).toEqual([]);
  });

  it('reports a relation that fails in most of its rows once, not row by row', () => {
    const { findings } = demoResult;
    const byRelation = new Map<string, ReleaseFinding[]>();
    for (const f of ofKind(findings, 'totaal-past-niet')) {
      if (f.kind !== 'totaal-past-niet') continue;
      const key = `${f.dataset}|${f.values.relation}`;
      byRelation.set(key, [...(byRelation.get(key) ?? []), f]);
    }
    for (const list of byRelation.values()) {
      const whole = list.filter((f) => f.kind === 'totaal-past-niet' && f.values.rows);
      // Either one finding about the whole relation, or findings of single rows: never both.
      if (whole.length > 0) expect(list).toHaveLength(1);
    }
  });

  it('summarises in a few lines and writes every finding to the report', () => {
    const result = demoResult;
    const summary = summariseReleaseChecks(result);
    expect(summary.length).toBeLessThanOrEqual(7);
    expect(summary[0]).toMatch(/^Releasecontrole, release \d{4}-\d{2}-\d{2} tegen \d{4}-\d{2}-\d{2}: /);
    const report = formatReleaseReport(result, 'data');
    expect(report).toContain(`# Releasecontrole: ${result.current.title}`);
    expect(report).toContain('| Dataset | Vergeleken met | Verdwenen gemeenten | Sprongen | Totalen die niet passen | Totalen gecontroleerd in |');
    for (const f of result.findings.slice(0, 50)) expect(report).toContain(f.message);
  });
});

describe('faults put into the newest release of the demonstration data', () => {
  it('a gemeente missing from the new half year, though it still exists', () => {
    const store = oneDataset('jeugdreclassering', (rows) => rows.filter((r) => !(r.region === 'GM1680' && r.period === '2026HJ01')));
    const { findings } = checkRelease(store, demo.register);
    expect(ofKind(findings, 'verdwenen-gemeente')).toEqual([
      {
        kind: 'verdwenen-gemeente',
        dataset: 'jeugdreclassering',
        region: 'GM1680',
        period: '2026HJ01',
        measure: null,
        topics: {},
        values: { lastPeriod: '2025HJ02', previousRelease: '2026-04-30' },
        message:
          'Aa en Hunze (GM1680) heeft geen cijfers over 1e halfjaar 2026, wel over 2e halfjaar 2025, en is volgens het register van gemeenten niet bij een herindeling opgeheven.',
      },
    ]);
    // Without one of its gemeenten Nederland is no longer their sum, only at least it: no total is wrong.
    expect(ofKind(findings, 'totaal-past-niet')).toEqual([]);
  });

  it('a gemeente dropped from a half year the previous release already published', () => {
    const store = oneDataset('jeugdreclassering', (rows) => rows.filter((r) => !(r.region === 'GM1680' && r.period === '2025HJ02')));
    const [finding, ...rest] = ofKind(checkRelease(store, demo.register).findings, 'verdwenen-gemeente');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ region: 'GM1680', period: '2025HJ02', values: { lastPeriod: '2025HJ02' } });
    expect(finding!.message).toBe('Aa en Hunze (GM1680) had in de vorige release (2026-04-30) cijfers over 2e halfjaar 2025, nu niet meer.');
  });

  it('a count ten times too large (a decimal comma read wrong): a jump, and the totals it is part of', () => {
    const store = oneDataset('jeugdreclassering', (rows, meta) =>
      setCount(rows, meta, { region: 'GM0344', period: '2026HJ01' }, 'jongeren_jeugdreclassering', (v) => v * 10),
    );
    const { findings } = checkRelease(store, demo.register);
    const youths = (region: string, period: string) =>
      demo.store.datasets.find((d) => d.meta.id === 'jeugdreclassering')!.rows.find((r) => r.region === region && r.period === period)!.cells[0]!.value!;
    const [previous, current] = [youths('GM0344', '2025HJ02'), youths('GM0344', '2026HJ01') * 10];
    const factor = current / previous;
    expect(factor).toBeGreaterThan(5);
    expect(ofKind(findings, 'sprong')).toEqual([
      {
        kind: 'sprong',
        dataset: 'jeugdreclassering',
        region: 'GM0344',
        period: '2026HJ01',
        measure: 'jongeren_jeugdreclassering',
        topics: {},
        values: { previous, current, factor, comparedWith: 'vorige-periode', previousPeriod: '2025HJ02' },
        message: `Jongeren met jeugdreclassering, Utrecht (GM0344): van ${formatNumber(previous, 0)} in 2e halfjaar 2025 naar ${formatNumber(current, 0)} in 1e halfjaar 2026 (×${formatNumber(factor, 2)}).`,
      },
    ]);
    const totals = ofKind(findings, 'totaal-past-niet');
    expect(totals.map((f) => `${f.region} ${f.kind === 'totaal-past-niet' ? f.values.relation : ''}`).sort()).toEqual([
      `${demo.register.jeugdregioOf('GM0344')} de gemeenten van de jeugdregio`,
      'NL01 de gemeenten van Nederland',
      'PV26 de gemeenten van de provincie',
    ]);
    expect(totals.find((f) => f.region === 'NL01')!.message).toMatch(
      new RegExp(`^Jongeren met jeugdreclassering, Nederland \\(NL01\\), 1e halfjaar 2026: het totaal ${formatNumber(youths('NL01', '2026HJ01'), 0).replace('.', '\\.')} is kleiner dan de delen samen \\(de gemeenten van Nederland: \\d+ delen, samen [\\d.]+; met afronding \\(±2 per aantal\\) en geheime cellen ten minste `),
    );
  });

  it('a revised figure three times what the previous release published', () => {
    const store = oneDataset('jeugdreclassering', (rows, meta) =>
      setCount(rows, meta, { region: 'GM0363', period: '2025HJ02' }, 'jongeren_jeugdreclassering', (v) => v * 3),
    );
    const published = datasetVersion(demo.store, 'jeugdreclassering', demo.catalog.releases.at(-2)!.id)!.rows.find((r) => r.region === 'GM0363' && r.period === '2025HJ02')!.cells[0]!.value!;
    const now = demo.store.datasets.find((d) => d.meta.id === 'jeugdreclassering')!.rows.find((r) => r.region === 'GM0363' && r.period === '2025HJ02')!.cells[0]!.value! * 3;
    const jumps = ofKind(checkRelease(store, demo.register).findings, 'sprong');
    // The revision, and the new half year, which now falls to less than half of it.
    expect(jumps.map((f) => f.kind === 'sprong' && `${f.period} ${f.values.comparedWith}`)).toEqual(['2025HJ02 vorige-release', '2026HJ01 vorige-periode']);
    expect(jumps[0]).toMatchObject({ region: 'GM0363', period: '2025HJ02', values: { previous: published, current: now, comparedWith: 'vorige-release' } });
    expect(jumps[0]!.message).toMatch(/^Jongeren met jeugdreclassering, Amsterdam \(GM0363\), 2e halfjaar 2025: herzien van [\d.]+ in de vorige release naar [\d.]+ \(×\d,\d\d\)\.$/);
  });

  it('no jump across a trend break, and none below the minimum size or within the factor', () => {
    const tenfold = (rows: ObservationRow[], meta: DatasetMeta) => setCount(rows, meta, { region: 'GM0344', period: '2026HJ01' }, 'jongeren_jeugdreclassering', (v) => v * 10);
    const withBreak = oneDataset('jeugdreclassering', tenfold, (m) => ({ ...m, trendBreaks: [...m.trendBreaks, { from: '2026HJ01', note: 'Nieuwe aanlevering.' }] }));
    expect(ofKind(checkRelease(withBreak, demo.register).findings, 'sprong')).toEqual([]);

    // Aa en Hunze: from "." (fewer than 10) to 60 is more than twice as many, but 60 is below the minimum of 100.
    const small = oneDataset('jeugdreclassering', (rows, meta) => setCount(rows, meta, { region: 'GM1680', period: '2026HJ01' }, 'jongeren_jeugdreclassering', () => 60));
    expect(ofKind(checkRelease(small, demo.register).findings, 'sprong')).toEqual([]);
    // (A lower minimum finds it, beside any gemeente whose own few youths doubled.)
    expect(ofKind(checkRelease(small, demo.register, { jumpMinimum: 50 }).findings, 'sprong').map((f) => f.region)).toContain('GM1680');

    const more = oneDataset('jeugdreclassering', (rows, meta) => setCount(rows, meta, { region: 'GM0344', period: '2026HJ01' }, 'jongeren_jeugdreclassering', (v) => v + 150));
    expect(ofKind(checkRelease(more, demo.register).findings, 'sprong')).toEqual([]);
    expect(ofKind(checkRelease(more, demo.register, { jumpFactor: 1.5 }).findings, 'sprong').map((f) => f.region)).toEqual(['GM0344']);
    expect(DEFAULT_RELEASE_CHECK_OPTIONS).toMatchObject({ jumpFactor: 2, jumpMinimum: 100 });
  });

  it('categories that no longer add up to their total beyond rounding: ±2 for each rounded count', () => {
    // Nederland's started trajecten by verwijzer: a total and 8 verwijzers, 9 rounded counts, so ±18.
    const where = { region: 'NL01', period: '2026HJ01' };
    const nl = (topic: string) => demo.store.datasets.find((d) => d.meta.id === 'verwijzers')!.rows.find((r) => r.region === 'NL01' && r.period === '2026HJ01' && r.topics[0] === topic)!.cells[0]!.value!;
    const others = ['01', '02', '03', '04', '05', '06', '08', '99'];
    const deviation = others.reduce((s, code) => s + nl(code), 0) - nl('T001');
    const shift = (by: number) =>
      oneDataset('verwijzers', (rows, meta) => setCount(rows, meta, { ...where, topics: ['01'] }, 'trajecten_gestart', (v) => v + by - deviation));
    const categoryFindings = (store: ReleaseStore) =>
      ofKind(checkRelease(store, demo.register).findings, 'totaal-past-niet').filter((f) => f.region === 'NL01' && f.kind === 'totaal-past-niet' && f.values.relation.startsWith('de categorieën'));
    expect(categoryFindings(shift(15))).toEqual([]);
    expect(categoryFindings(shift(-15))).toEqual([]);
    const [over] = categoryFindings(shift(20));
    expect(over).toMatchObject({ dataset: 'verwijzers', period: '2026HJ01', measure: 'trajecten_gestart', topics: { verwijzer: 'T001' } });
    // The parts 20 above the total; less 2 for each of the 8 rounded parts, still 4 above it.
    const dutch = (n: number) => n.toLocaleString('nl-NL');
    const total = nl('T001');
    expect(over!.message).toContain(
      `het totaal ${dutch(total)} is kleiner dan de delen samen (de categorieën van verwijzer: 8 delen, samen ${dutch(total + 20)}; met afronding (±2 per aantal) en geheime cellen ten minste ${dutch(total + 4)})`,
    );
    const [under] = categoryFindings(shift(-20));
    expect(under!.message).toContain('is groter dan de delen samen kunnen zijn');
  });

  it('checks totals where this release has new or revised figures, not again in what the previous one published', () => {
    const id = 'verwijzers';
    const where = { region: 'NL01', period: '2020HJ01', topics: ['01'] };
    const plus = (rows: ObservationRow[], meta: DatasetMeta) => setCount(rows, meta, where, 'trajecten_gestart', (v) => v + 500);
    const previousId = demo.catalog.releases.at(-2)!.id;
    // Wrong in both releases alike: published before, so not reported now.
    const both = oneDataset(id, plus);
    const history = new Map(demo.store.history.get(id)!);
    history.set(previousId, plus(history.get(previousId)!.slice(), both.datasets[0]!.meta));
    const unchanged: ReleaseStore = { ...both, history: new Map([[id, history]]) };
    const result = checkRelease(unchanged, demo.register);
    expect(result.datasets[0]!.totalsIn).not.toContain('2020HJ01');
    expect(ofKind(result.findings, 'totaal-past-niet').filter((f) => f.period === '2020HJ01')).toEqual([]);
    // Wrong only now (a revision): reported.
    const revised = checkRelease(both, demo.register);
    expect(revised.datasets[0]!.totalsIn).toContain('2020HJ01');
    expect(ofKind(revised.findings, 'totaal-past-niet').filter((f) => f.period === '2020HJ01' && f.region === 'NL01').length).toBeGreaterThan(0);
  });
});

describe('a herindeling between the two releases (the release fixture: Weesp went into Amsterdam on 1 January 2023)', () => {
  let site: SiteData;
  beforeAll(async () => {
    site = await fixtureSite();
  });

  it('does not count Weesp as vanished, and compares Amsterdam with Amsterdam and Weesp together', () => {
    const result = checkRelease(site.store, site.register);
    expect(result.previous?.id).toBe('2023-04-27');
    expect(ofKind(result.findings, 'verdwenen-gemeente')).toEqual([]);
    expect(ofKind(result.findings, 'sprong')).toEqual([]);
  });

  it('would, if the register did not know the herindeling', () => {
    const unaware: ReleaseCheckRegions = Object.assign(Object.create(site.register) as ReleaseCheckRegions, {
      gemeente: (code: string) => (code === 'GM0457' ? { eersteJaar: 2015, laatsteJaar: null } : site.register.gemeente(code)),
    });
    const vanished = ofKind(checkRelease(site.store, unaware).findings, 'verdwenen-gemeente');
    expect(new Set(vanished.map((f) => `${f.region} ${f.period}`))).toEqual(new Set(['GM0457 2023HJ01']));
  });
});

describe('tiny hand-made tables', () => {
  const meta = DatasetMetaSchema.parse({
    id: 'proef',
    title: 'Proef',
    description: 'Een handgemaakte tabel.',
    source: { name: 'CBS' },
    release: '2024-10-31',
    measures: [{ id: 'jongeren', label: 'Jongeren met jeugdhulp', unit: 'aantal', decimals: 0, countOf: 'personen', type: 'aantal' }],
    dimensions: [
      {
        id: 'leeftijd',
        label: 'Leeftijd',
        codes: [
          { code: 'T001', label: 'Totaal', total: true },
          { code: 'A', label: '0 tot 12 jaar' },
          { code: 'B', label: '12 tot 18 jaar' },
          { code: 'C', label: '18 tot 23 jaar' },
        ],
      },
    ],
    periods: [{ code: '2024HJ01', status: 'voorlopig' }],
    regions: [{ code: 'GM0363', label: 'Amsterdam' }],
  } satisfies DatasetMetaInput);
  const cell = (v: number | '.' | 'x' | '-'): Observation => (typeof v === 'number' ? { value: v, symbol: null } : { value: v === '-' ? 0 : null, symbol: v });
  const store = (total: number | '.', parts: Array<number | '.' | 'x' | '-' | undefined>): ReleaseStore => {
    const rows: ObservationRow[] = [{ region: 'GM0363', period: '2024HJ01', topics: ['T001'], cells: [cell(total)] }];
    parts.forEach((p, i) => {
      if (p !== undefined) rows.push({ region: 'GM0363', period: '2024HJ01', topics: [['A', 'B', 'C'][i]!], cells: [cell(p)] });
    });
    const dataset: Dataset = { meta, rows };
    return {
      catalog: { releases: [{ id: '2024-10-31', date: '2024-10-31', title: 'Oktober 2024', description: '' }], datasets: ['proef'] },
      datasets: [dataset],
      history: new Map([['proef', new Map()]]),
    };
  };
  const totals = (s: ReleaseStore) => ofKind(checkRelease(s, loadRegister()).findings, 'totaal-past-niet').map((f) => f.message);

  it('a suppressed part is anything below 10, nihil is 0, a secret part anything at all', () => {
    // 50 + 45 + "." is 91 to 108 with rounding (±2 each) and the suppressed part (0 to 9): 100 fits, 120 does not.
    expect(totals(store(100, [50, 45, '.']))).toEqual([]);
    expect(totals(store(120, [50, 45, '.']))).toEqual([
      'Jongeren met jeugdhulp, Amsterdam (GM0363), 1e halfjaar 2024: het totaal 120 is groter dan de delen samen kunnen zijn (de categorieën van leeftijd: 3 delen, samen 95; met afronding (±2 per aantal) en geheime cellen hoogstens 108).',
    ]);
    expect(totals(store(95, [50, 45, '-']))).toEqual([]);
    expect(totals(store(120, [50, 45, 'x']))).toEqual([]);
    // A secret part can be large, but the others alone are more than the total.
    expect(totals(store(60, [50, 45, 'x']))).toHaveLength(1);
  });

  it('takes a source table as CBS publishes it, where disclosure control is stricter', () => {
    // A published 10 can stand for 8 (disclosure control takes it as 10 or more): 15 fits 10 + 10 (16 to 24).
    expect(totals(store(15, [10, 10, '.']))).toEqual([]);
    expect(totals(store(15, [10, 10, 10]))).toHaveLength(1);
    // A secret part can be below the threshold (disclosure control takes it as 10 or more): 50 fits 45 + "x".
    expect(totals(store(50, [45, 'x', '-']))).toEqual([]);
  });

  it('a missing part row leaves only "at least", and a total that is not a figure tells nothing', () => {
    expect(totals(store(120, [50, 45, undefined]))).toEqual([]);
    expect(totals(store(80, [50, 45, undefined]))).toHaveLength(1);
    expect(totals(store('.', [50, 45, 30]))).toEqual([]);
  });

  it('says there was no previous release to compare with', () => {
    const result = checkRelease(store(95, [50, 45, '-']), loadRegister());
    expect(result.previous).toBeUndefined();
    expect(summariseReleaseChecks(result)).toEqual(['Releasecontrole, release 2024-10-31 (de eerste: alleen totalen en hun delen): geen bevindingen.']);
    expect(formatReleaseReport(result)).toContain('Dit is de eerste release: er is geen vorige om mee te vergelijken.');
  });

  it('lists at most the set number of findings per kind and dataset in the report', () => {
    const result = checkRelease(store(120, [50, 45, '.']), loadRegister(), { reportLimit: 0 });
    expect(formatReleaseReport(result)).toContain('- … en nog 1.');
  });
});
