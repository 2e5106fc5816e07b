import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rowKey, totalTopics as totalTopicsOf, type ObservationRow } from '../../src/lib/data/dataset';
import { formatObservationsCsv } from '../../src/lib/data/observations-csv';
import type { DemoData, DemoDataset } from '../../src/lib/demo/generate';
import { diffRelease } from '../../src/node/datastore-fs';
import { defaultDemo, demo, register } from './helpers';

const dataset = (data: DemoData, id: string): DemoDataset => data.datasets.find((d) => d.meta.id === id)!;
const measureIndex = (d: DemoDataset, id: string) => d.meta.measures.findIndex((m) => m.id === id);
const cell = (d: DemoDataset, region: string, period: string, measure: string, topics: string[] = []) =>
  d.rows.find((r) => r.region === region && r.period === period && r.topics.join('|') === topics.join('|'))?.cells[measureIndex(d, measure)];

/** Everything writeDataDir would write, as one hash. */
function hashOf(data: DemoData): string {
  const hash = createHash('sha256').update(JSON.stringify(data.catalog));
  for (const d of data.datasets) {
    hash.update(JSON.stringify(d.meta)).update(formatObservationsCsv(d.meta, d.rows));
    for (const [release, rows] of d.history) hash.update(release).update(formatObservationsCsv(d.meta, diffRelease(d.rows, rows)));
  }
  return hash.digest('hex');
}

describe('the default demonstration data', () => {
  const data = defaultDemo();

  it('is deterministic: a second run gives identical files', () => {
    expect(hashOf(demo({}))).toBe(hashOf(data));
  }, 120_000);

  it('has the thirteen datasets, three releases and the statuses CBS would give', () => {
    expect(data.catalog.datasets).toEqual(['jeugdhulp', 'jeugdhulptrajecten', 'verwijzers', 'jeugdbescherming', 'jeugdbeschermingstrajecten', 'jeugdreclassering', 'jeugdreclasseringstrajecten', 'jeugdhulp-verloop', 'jeugdhulp-instroom', 'jeugdhulp-terugkeer', 'jeugdhulp-wijken', 'kenmerken', 'kosten-jeugd']);
    expect(data.catalog.releases.map((r) => r.id)).toEqual(['2025-10-30', '2026-04-30', '2026-10-29']);
    for (const d of data.datasets) {
      expect(d.meta.fictitious).toBe(true);
      expect(d.meta.attribution).not.toMatch(/Bron: CBS/);
      expect(d.meta.release).toBe('2026-10-29');
      expect(d.meta.history.map((h) => h.release)).toEqual(['2025-10-30', '2026-04-30']);
      expect(d.meta.measures.filter((m) => !m.definition)).toEqual([]);
    }
    // 23 half years and, beside them, the 11 whole years 2015–2025: a year follows its 2nd half year.
    const jeugdhulp = dataset(data, 'jeugdhulp');
    expect(jeugdhulp.meta.periods).toHaveLength(34);
    expect(jeugdhulp.meta.periods.slice(-4).map((p) => p.code)).toEqual(['2025HJ01', '2025HJ02', '2025JJ00', '2026HJ01']);
    expect(jeugdhulp.meta.periods.filter((p) => p.status !== 'definitief')).toEqual([{ code: '2026HJ01', status: 'voorlopig' }]);
    const [oct25, apr26] = jeugdhulp.meta.history;
    expect(oct25!.periods.slice(-2)).toEqual([
      { code: '2024JJ00', status: 'definitief' },
      { code: '2025HJ01', status: 'voorlopig' },
    ]);
    // April publishes the 2nd half year and the whole year, both voorlopig (CBS's rhythm, DOMAIN.md).
    expect(apr26!.periods.slice(-3)).toEqual([
      { code: '2025HJ01', status: 'nader-voorlopig' },
      { code: '2025HJ02', status: 'voorlopig' },
      { code: '2025JJ00', status: 'voorlopig' },
    ]);
    for (const id of ['jeugdhulptrajecten', 'verwijzers', 'jeugdbescherming', 'jeugdbeschermingstrajecten', 'jeugdreclassering', 'jeugdreclasseringstrajecten', 'jeugdhulp-verloop', 'jeugdhulp-instroom']) {
      expect(dataset(data, id).meta.periods.map((p) => p.code), id).toEqual(jeugdhulp.meta.periods.map((p) => p.code));
    }
    const wijken = dataset(data, 'jeugdhulp-wijken');
    expect(wijken.meta.periods.map((p) => p.code)).toEqual(['2018JJ00', '2019JJ00', '2020JJ00', '2021JJ00', '2022JJ00', '2023JJ00', '2024JJ00', '2025JJ00']);
    expect(wijken.meta.history[1]!.periods.at(-1)).toEqual({ code: '2025JJ00', status: 'voorlopig' });
    expect(dataset(data, 'jeugdreclassering').meta.trendBreaks.map((b) => b.from)).toContain('2021HJ01');
  });

  it('rounds every count to a multiple of 5 and suppresses small cells', () => {
    // The characteristics of gemeenten and the spending count no persons in care (tests/demo/characteristics.test.ts, costs.test.ts).
    for (const d of data.datasets.filter((x) => x.meta.id !== 'kenmerken' && x.meta.id !== 'kosten-jeugd')) {
      // Counts only: an average duration in days is no count (src/lib/disclosure/policy.ts).
      const counts = d.meta.measures.flatMap((m, i) => (!m.derived && m.unit === 'aantal' ? [i] : []));
      let suppressed = 0;
      const wrong: string[] = [];
      for (const rows of [d.rows, ...d.history.values()]) {
        for (const row of rows) {
          for (const i of counts) {
            const c = row.cells[i]!;
            // Empty: a category that cannot occur in the period (reden onbekend before 2021).
            const ok =
              c.symbol === '.' || c.symbol === '' ? c.value === null : c.symbol === '-' ? c.value === 0 : c.symbol === null && c.value! % 5 === 0 && c.value! >= 10;
            if (c.symbol === '.') suppressed++;
            if (!ok && wrong.length < 5) wrong.push(`${rowKey(row.region, row.period, row.topics)}: ${JSON.stringify(c)}`);
          }
        }
      }
      expect(wrong, d.meta.id).toEqual([]);
      expect(suppressed, d.meta.id).toBeGreaterThan(0);
    }
    const trajecten = dataset(data, 'jeugdhulptrajecten');
    const gesloten = trajecten.rows.filter((r) => r.topics[0] === '13').map((r) => r.cells[0]!.symbol);
    expect(gesloten).toContain('-');
    // Some gemeenten's wijkteams deliver, others do not (shown as missing).
    const wijkteam = trajecten.rows.filter((r) => r.period === '2022HJ01' && r.region.startsWith('GM') && r.topics[0] === '01');
    const delivered = wijkteam.filter((r) => r.cells[0]!.symbol === null).length;
    expect(delivered / wijkteam.length).toBeGreaterThan(0.2);
    expect(delivered / wijkteam.length).toBeLessThan(0.7);
  });

  it('has realistic national magnitudes', () => {
    const jeugdhulp = dataset(data, 'jeugdhulp');
    const total = ['T001', 'T001038'];
    const nl2022 = cell(jeugdhulp, 'NL01', '2022HJ01', 'jongeren_jeugdhulp', total)!.value!;
    expect(nl2022).toBeGreaterThan(280_000);
    expect(nl2022).toBeLessThan(400_000);
    const pct = (period: string) => cell(jeugdhulp, 'NL01', period, 'jongeren_jeugdhulp_pct', total)!.value!;
    expect(pct('2015HJ01')).toBeGreaterThanOrEqual(6);
    expect(pct('2015HJ01')).toBeLessThanOrEqual(7.5);
    expect(pct('2026HJ01')).toBeGreaterThanOrEqual(10);
    expect(pct('2026HJ01')).toBeLessThanOrEqual(11.5);
    const withStay = cell(jeugdhulp, 'NL01', '2022HJ01', 'jongeren_met_verblijf', total)!.value! / nl2022;
    expect(withStay).toBeGreaterThan(0.07);
    expect(withStay).toBeLessThan(0.13);
    const jb = cell(dataset(data, 'jeugdbescherming'), 'NL01', '2022HJ01', 'jongeren_jeugdbescherming_pct', ['T001'])!.value!;
    expect(jb).toBeGreaterThan(0.7);
    expect(jb).toBeLessThan(1.3);
    const jr = cell(dataset(data, 'jeugdreclassering'), 'NL01', '2022HJ01', 'jongeren_jeugdreclassering_pct')!.value!;
    expect(jr).toBeGreaterThan(0.2);
    expect(jr).toBeLessThan(0.5);
    const verwijzers = dataset(data, 'verwijzers');
    const share = (period: string, code: string) =>
      cell(verwijzers, 'NL01', period, 'trajecten_gestart', [code])!.value! / cell(verwijzers, 'NL01', period, 'trajecten_gestart', ['T001'])!.value!;
    expect(share('2015HJ01', '02')).toBeGreaterThan(0.55);
    expect(share('2015HJ01', '01')).toBeLessThan(0.12);
    expect(share('2024HJ01', '01')).toBeGreaterThan(0.25);
    const year = cell(dataset(data, 'jeugdhulp-wijken'), 'NL01', '2022JJ00', 'jongeren_jeugdhulp')!.value!;
    expect(year / nl2022).toBeGreaterThan(1.2);
    expect(year / nl2022).toBeLessThan(1.45);
  });

  it('makes each whole year from its half years: persons once, started and ended trajecten added, the wijken table alike', () => {
    const rowsOf = (d: DemoDataset, topics: string[]) => {
      const byKey = new Map<string, ObservationRow>();
      for (const r of d.rows) if (r.topics.join('|') === topics.join('|')) byKey.set(`${r.region}|${r.period}`, r);
      return (region: string, period: string, measure: string) => byKey.get(`${region}|${period}`)?.cells[measureIndex(d, measure)]?.value ?? null;
    };
    const persons: Array<[string, string[], string]> = [
      ['jeugdhulp', ['T001', 'T001038'], 'jongeren_jeugdhulp'],
      ['jeugdhulp', ['T001', 'T001038'], 'jongeren_met_verblijf'],
      ['jeugdbescherming', ['T001'], 'jongeren_jeugdbescherming'],
      ['jeugdbescherming', ['OTS'], 'jongeren_jeugdbescherming'],
      ['jeugdbescherming', ['T001'], 'jongeren_jeugdbescherming_verblijf'],
      ['jeugdbeschermingstrajecten', ['OTS'], 'maatregelen_lopend'],
      ['jeugdreclassering', [], 'jongeren_jeugdreclassering'],
      ['jeugdhulptrajecten', ['T001'], 'trajecten_lopend'],
    ];
    const gemeenten = register().gemeentenIn(2024).map((g) => g.code);
    let checked = 0;
    for (const [id, topics, measure] of persons) {
      const value = rowsOf(dataset(data, id), topics);
      let below = 0;
      let compared = 0;
      for (const code of [...gemeenten, 'NL01']) {
        const [first, second, year] = ['2024HJ01', '2024HJ02', '2024JJ00'].map((p) => value(code, p, measure)) as Array<number | null>;
        if (first == null || second == null || year == null) continue;
        // Rounding each figure to fives keeps their order: a year is never below its larger half year.
        expect(year, `${id} ${measure} ${code}`).toBeGreaterThanOrEqual(Math.max(first, second));
        expect(year, `${id} ${measure} ${code}`).toBeLessThanOrEqual(first + second + 5);
        if (year < first + second) below++;
        compared++;
      }
      // Most youths and trajecten continue from one half year into the next: the year is clearly less than the sum.
      expect(below, `${id} ${measure}`).toBeGreaterThan(compared * 0.8);
      checked += compared;
    }
    for (const [id, measure] of [['jeugdhulptrajecten', 'trajecten_gestart'], ['jeugdbeschermingstrajecten', 'maatregelen_begonnen'], ['jeugdbeschermingstrajecten', 'maatregelen_beeindigd'], ['jeugdreclasseringstrajecten', 'trajecten_begonnen']] as const) {
      const started = rowsOf(dataset(data, id), ['T001']);
      for (const code of gemeenten) {
        const [first, second, year] = ['2024HJ01', '2024HJ02', '2024JJ00'].map((p) => started(code, p, measure)) as Array<number | null>;
        if (first == null || second == null || year == null) continue;
        expect(Math.abs(year - first - second), `${measure} ${code}`).toBeLessThanOrEqual(5);
      }
    }
    // One year, one figure: the wijken table's gemeente rows are jeugdhulp's year figures.
    const jeugdhulp = rowsOf(dataset(data, 'jeugdhulp'), ['T001', 'T001038']);
    const wijken = rowsOf(dataset(data, 'jeugdhulp-wijken'), []);
    for (const code of [...gemeenten, 'NL01']) {
      expect(wijken(code, '2024JJ00', 'jongeren_jeugdhulp'), code).toBe(jeugdhulp(code, '2024JJ00', 'jongeren_jeugdhulp'));
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it('has every gemeente of each year’s own indeling in every period, and the aggregates', () => {
    const reg = register();
    for (const d of data.datasets) {
      const byPeriod = new Map<string, Set<string>>();
      for (const row of d.rows) {
        let set = byPeriod.get(row.period);
        if (!set) byPeriod.set(row.period, (set = new Set()));
        set.add(row.region);
      }
      for (const { code } of d.meta.periods) {
        const regions = byPeriod.get(code)!;
        const year = Number(code.slice(0, 4));
        const gemeenten = [...regions].filter((r) => r.startsWith('GM')).sort();
        expect(gemeenten, `${d.meta.id} ${code}`).toEqual(reg.gemeentenIn(year).map((g) => g.code).sort());
        expect([...regions].filter((r) => r.startsWith('PV'))).toHaveLength(12);
        expect([...regions].filter((r) => r.startsWith('JZ'))).toHaveLength(42);
        expect(regions.has('NL01')).toBe(true);
      }
    }
    const jr = dataset(data, 'jeugdreclassering');
    const weesp = jr.rows.filter((r) => r.region === 'GM0457').map((r) => r.period);
    expect(weesp.slice(-2)).toEqual(['2022HJ02', '2022JJ00']);
    expect(weesp).toHaveLength(16 + 8);
    expect(jr.rows.some((r) => r.region === 'GM1992' && r.period === '2023HJ01')).toBe(true);
    expect(jr.rows.some((r) => r.region === 'GM1992' && r.period === '2022HJ02')).toBe(false);
    // Amsterdam grows by Weesp's youths in 2023.
    const youths = (region: string, period: string) => cell(jr, region, period, 'jongeren_12_22')!.value!;
    expect(youths('GM0363', '2023HJ01') - youths('GM0363', '2022HJ02')).toBeGreaterThan(youths('GM0457', '2022HJ02') * 0.8);
    const wijken = dataset(data, 'jeugdhulp-wijken');
    // Wijken for every gemeente, as CBS publishes them: each gemeente of a year with wijken in the reference has them.
    const reference = register().reference.wijken;
    for (const year of [2021, 2022, 2025]) {
      const period = `${year}JJ00`;
      const withRows = new Set(wijken.rows.filter((r) => r.period === period && r.region.startsWith('WK')).map((r) => `GM${r.region.slice(2, 6)}`));
      const indeling = register().wijkIndelingYear(year);
      const expected = new Set(reference.filter((w) => w.jaar === indeling && register().gemeentenIn(year).some((g) => g.code === w.gemeente)).map((w) => w.gemeente));
      expect(withRows, period).toEqual(expected);
      expect(withRows.size, period).toBeGreaterThan(330);
    }
    // No wijk holds more youths than its gemeente, also where a gemeente is a single wijk.
    const youthIndex = measureIndex(wijken, 'jongeren_tot_18');
    const gemeenteYouth = new Map(wijken.rows.filter((r) => r.region.startsWith('GM')).map((r) => [`${r.region}|${r.period}`, r.cells[youthIndex]!.value] as const));
    for (const row of wijken.rows.filter((r) => r.region.startsWith('WK'))) {
      const whole = gemeenteYouth.get(`GM${row.region.slice(2, 6)}|${row.period}`);
      if (whole != null && row.cells[youthIndex]!.value != null) expect(row.cells[youthIndex]!.value!, row.region).toBeLessThanOrEqual(whole);
    }
  });

  it('makes totals from unrounded parts: the national total is near the sum of its gemeenten', () => {
    const d = dataset(data, 'jeugdbescherming');
    const i = measureIndex(d, 'jongeren_jeugdbescherming');
    const rows = d.rows.filter((r) => r.period === '2020HJ02' && r.topics[0] === 'T001');
    const gemeenten = rows.filter((r) => r.region.startsWith('GM'));
    const visible = gemeenten.reduce((s, r) => s + (r.cells[i]!.value ?? 0), 0);
    const hidden = gemeenten.filter((r) => r.cells[i]!.value === null).length;
    const nl = rows.find((r) => r.region === 'NL01')!.cells[i]!.value!;
    expect(nl).toBeGreaterThanOrEqual(visible - gemeenten.length * 2.5);
    expect(nl).toBeLessThanOrEqual(visible + hidden * 9 + gemeenten.length * 2.5);
  });

  it('keeps each year within what its half years and flows allow: youths who came in and stopped, and never more youths than measures running', () => {
    const valueOf = (id: string, topics: string[] = []) => {
      const d = dataset(data, id);
      const byKey = new Map(d.rows.filter((r) => r.topics.join('|') === topics.join('|')).map((r) => [`${r.region}|${r.period}`, r] as const));
      return (region: string, period: string, measure: string) => byKey.get(`${region}|${period}`)?.cells[measureIndex(d, measure)]?.value ?? null;
    };
    const stroom = valueOf('jeugdhulp-instroom');
    const regions = [...new Set(dataset(data, 'jeugdhulp-instroom').rows.map((r) => r.region))];
    // Three figures each rounded to five: a sum may be off by up to 7,5 from the rounded whole.
    const ROUNDING = 10;
    const broken: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) broken.push(what);
    };
    let checked = 0;
    for (const year of [2016, 2020, 2025]) {
      const [h1, h2, y] = [`${year}HJ01`, `${year}HJ02`, `${year}JJ00`];
      for (const region of regions) {
        const [persons1, persons2, persons, in1, in2, inYear, out1, out2, outYear] = [
          [h1, 'jongeren_jeugdhulp'], [h2, 'jongeren_jeugdhulp'], [y, 'jongeren_jeugdhulp'],
          [h1, 'jongeren_instroom'], [h2, 'jongeren_instroom'], [y, 'jongeren_instroom'],
          [h1, 'jongeren_uitstroom'], [h2, 'jongeren_uitstroom'], [y, 'jongeren_uitstroom'],
        ].map(([period, measure]) => stroom(region, period!, measure!));
        if ([persons1, persons2, persons, in1, in2, inYear, out1, out2, outYear].some((v) => v === null)) continue;
        checked++;
        // The year's youths: the 1st half year's and those who came in during the 2nd (less those coming back).
        check(persons! <= persons1! + in2! + ROUNDING, `${region} ${year}: ${persons} jongeren > ${persons1} + instroom ${in2}`);
        check(inYear! >= in1! - ROUNDING && inYear! <= in1! + in2! + ROUNDING, `${region} ${year}: instroom ${inYear} buiten ${in1}–${in1! + in2!}`);
        check(outYear! >= out2! - ROUNDING && outYear! <= out1! + out2! + ROUNDING, `${region} ${year}: uitstroom ${outYear} buiten ${out2}–${out1! + out2!}`);
      }
      for (const maatregel of ['T001', 'OTS', 'VOTS', 'VOOGDIJ', 'VVOOGDIJ', 'TVOOGDIJ']) {
        const youths = valueOf('jeugdbescherming', [maatregel]);
        const measures = valueOf('jeugdbeschermingstrajecten', [maatregel]);
        for (const region of regions) {
          const [youthYear, running] = [youths(region, y, 'jongeren_jeugdbescherming'), measures(region, y, 'maatregelen_lopend')];
          if (youthYear === null || running === null) continue;
          check(youthYear <= running + ROUNDING, `${region} ${year} ${maatregel}: ${youthYear} jongeren > ${running} lopende maatregelen`);
          // The year's youths: those of the 1st half year and those who began a measure in the 2nd.
          const [youths1, begun2] = [youths(region, h1, 'jongeren_jeugdbescherming'), measures(region, h2, 'maatregelen_begonnen')];
          if (youths1 !== null && begun2 !== null) check(youthYear <= youths1 + begun2 + ROUNDING, `${region} ${year} ${maatregel}: ${youthYear} jongeren > ${youths1} + ${begun2} begonnen`);
        }
      }
      const jr = valueOf('jeugdreclassering');
      const jrTrajecten = valueOf('jeugdreclasseringstrajecten', ['T001']);
      for (const region of regions) {
        const [youthYear, running] = [jr(region, y, 'jongeren_jeugdreclassering'), jrTrajecten(region, y, 'trajecten_lopend')];
        if (youthYear === null || running === null) continue;
        check(youthYear <= running + ROUNDING, `${region} ${year} jeugdreclassering: ${youthYear} jongeren > ${running} lopende trajecten`);
      }
    }
    expect(broken.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  // Tables of trajecten or measures, each a stock: what runs is what ran the half year before and did not end, plus what began.
  const STOCKS = [
    { table: 'jeugdhulptrajecten', running: 'trajecten_lopend', begun: 'trajecten_gestart', ended: 'trajecten_beeindigd', steps: 30_000 },
    { table: 'jeugdbeschermingstrajecten', running: 'maatregelen_lopend', begun: 'maatregelen_begonnen', ended: 'maatregelen_beeindigd', steps: 12_000 },
    // The new registration of 2021 counts anew: nothing carries over into its first half year.
    { table: 'jeugdreclasseringstrajecten', running: 'trajecten_lopend', begun: 'trajecten_begonnen', ended: 'trajecten_beeindigd', steps: 10_000, countsAnew: '2021HJ01' },
  ];

  /** Each definitief half year of a table with the half year before it, where both are on one indeling. */
  function halfYearSteps(d: DemoDataset): { row: ObservationRow; before: string }[] {
    const reg = register();
    const steps: { row: ObservationRow; before: string }[] = [];
    for (const row of d.rows) {
      const period = /^(\d{4})HJ0([12])$/.exec(row.period);
      // Definitief periods only: a voorlopige figure is revised by its own factor per measure.
      if (!period || Number(period[1]) > 2025) continue;
      const [year, half] = [Number(period[1]), Number(period[2])];
      // A gemeente that changed at a herindeling carries its parts' trajecten, which its own row before does not
      // hold; Nederland changes then too, where a merged gemeente registers its wijkteam differently from its parts.
      if (row.region.startsWith('GM') && half === 1 && !reg.isUnchanged(row.region, year - 1, year)) continue;
      if (row.region === 'NL01' && half === 1 && reg.reference.herindelingen.some((h) => h.jaar === year)) continue;
      if (!row.region.startsWith('GM') && row.region !== 'NL01') continue;
      steps.push({ row, before: half === 2 ? `${year}HJ01` : `${year - 1}HJ02` });
    }
    return steps;
  }

  it.each(STOCKS)('keeps $table one stock: what runs is what ran the half year before and did not end, plus what began', ({ table, running, begun, ended, steps: atLeast, countsAnew }) => {
    const d = dataset(data, table);
    const [now, began, stopped] = [running, begun, ended].map((id) => measureIndex(d, id));
    const byKey = new Map<string, ObservationRow>(d.rows.map((r) => [`${r.region}|${r.period}|${r.topics.join('|')}`, r]));
    const off: string[] = [];
    let checked = 0;
    for (const { row, before } of halfYearSteps(d)) {
      if (row.period === countsAnew) continue;
      const prev = byKey.get(`${row.region}|${before}|${row.topics.join('|')}`);
      const values = [row.cells[now!]!.value, row.cells[began!]!.value, prev?.cells[now!]!.value, prev?.cells[stopped!]!.value];
      if (values.some((v) => v === null || v === undefined)) continue;
      const [runs, starts, ran, ends] = values as [number, number, number, number];
      checked++;
      // Four counts each rounded to five: at most 10 apart.
      if (Math.abs(runs - (ran - ends + starts)) > 10) off.push(`${row.region} ${row.period} ${row.topics.join('|')}: ${runs} ≠ ${ran} − ${ends} + ${starts}`);
    }
    expect(off.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(atLeast);
  });

  it('never has more youths with a measure than last half year’s plus the measures begun, nor more than the measures running', () => {
    const pairs = [
      ...['T001', 'OTS', 'VOTS', 'VOOGDIJ', 'VVOOGDIJ', 'TVOOGDIJ'].map((topic) => ({
        youths: dataset(data, 'jeugdbescherming'), youth: 'jongeren_jeugdbescherming', youthTopics: [topic],
        measures: dataset(data, 'jeugdbeschermingstrajecten'), running: 'maatregelen_lopend', begun: 'maatregelen_begonnen', measureTopics: [topic],
      })),
      {
        youths: dataset(data, 'jeugdreclassering'), youth: 'jongeren_jeugdreclassering', youthTopics: [] as string[],
        measures: dataset(data, 'jeugdreclasseringstrajecten'), running: 'trajecten_lopend', begun: 'trajecten_begonnen', measureTopics: ['T001'],
      },
    ];
    const off: string[] = [];
    let checked = 0;
    for (const p of pairs) {
      const reader = (d: DemoDataset, topics: string[], measure: string) => {
        const byKey = new Map(d.rows.filter((r) => r.topics.join('|') === topics.join('|')).map((r) => [`${r.region}|${r.period}`, r] as const));
        const i = measureIndex(d, measure);
        return (region: string, period: string) => byKey.get(`${region}|${period}`)?.cells[i!]?.value ?? null;
      };
      const [youths, running, begun] = [reader(p.youths, p.youthTopics, p.youth), reader(p.measures, p.measureTopics, p.running), reader(p.measures, p.measureTopics, p.begun)];
      for (const { row, before } of halfYearSteps(p.youths)) {
        if (row.topics.join('|') !== p.youthTopics.join('|') || (p.youth === 'jongeren_jeugdreclassering' && row.period === '2021HJ01')) continue;
        const values = [youths(row.region, row.period), youths(row.region, before), running(row.region, row.period), begun(row.region, row.period)];
        if (values.some((v) => v === null)) continue;
        const [now, then, runs, starts] = values as number[];
        checked++;
        // Three counts each rounded to five.
        if (now! > then! + starts! + 10) off.push(`${row.region} ${row.period} ${p.youthTopics.join('|') || 'jeugdreclassering'}: ${now} jongeren > ${then} + ${starts} begonnen`);
        if (now! > runs! + 5) off.push(`${row.region} ${row.period} ${p.youthTopics.join('|') || 'jeugdreclassering'}: ${now} jongeren > ${runs} lopend`);
      }
    }
    expect(off.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(15_000);
  });

  // A whole and its parts in the wijken table: youths by household, running trajecten by verwijzer.
  const WIJK_SPLITS = [
    { whole: 'jongeren_jeugdhulp', parts: ['jongeren_eenouderhuishouden', 'jongeren_bij_paar', 'jongeren_ander_huishouden'] },
    {
      whole: 'trajecten_lopend',
      parts: [
        'trajecten_gemeentelijke_toegang', 'trajecten_huisarts', 'trajecten_jeugdarts', 'trajecten_gecertificeerde_instelling',
        'trajecten_medisch_specialist', 'trajecten_rechter_ovj', 'trajecten_geen_verwijzer', 'trajecten_verwijzer_onbekend',
      ],
    },
  ];

  it.each(WIJK_SPLITS)('splits $whole of the wijken table: the parts make the total, no wijk exceeds its gemeente, the wijken together neither', ({ whole, parts: partIds }) => {
    const d = dataset(data, 'jeugdhulp-wijken');
    const [total, ...parts] = [whole, ...partIds].map((id) => measureIndex(d, id));
    expect([total, ...parts].every((i) => i! >= 0)).toBe(true);
    const byKey = new Map<string, ObservationRow>(d.rows.map((r) => [`${r.region}|${r.period}`, r]));
    const inWijken = new Map<string, number[]>();
    const wijkCount = new Map<string, number>();
    let wijken = 0;
    for (const row of d.rows) {
      const values = parts.map((i) => row.cells[i!]!.value);
      // Parts each rounded to five beside their rounded total: at most 2,5 per part and 2,5 for the total apart.
      if (values.every((v) => v !== null) && row.cells[total!]!.value !== null) {
        expect(Math.abs(values.reduce((a, b) => a! + b!, 0)! - row.cells[total!]!.value!), row.region).toBeLessThanOrEqual(2.5 * (parts.length + 1));
      }
      if (!row.region.startsWith('WK')) continue;
      wijken++;
      const key = `GM${row.region.slice(2, 6)}|${row.period}`;
      const gemeente = byKey.get(key);
      if (!gemeente) continue;
      const sums = inWijken.get(key) ?? parts.map(() => 0);
      parts.forEach((i, p) => {
        const [own, all] = [row.cells[i!]!.value, gemeente.cells[i!]!.value];
        if (own !== null && all !== null) expect(own, `${row.region} ${row.period}`).toBeLessThanOrEqual(all);
        sums[p]! += own ?? 0;
      });
      inWijken.set(key, sums);
      wijkCount.set(key, (wijkCount.get(key) ?? 0) + 1);
    }
    expect(wijken).toBeGreaterThan(20_000);
    // The published wijken of a gemeente (each rounded to five, the suppressed left out) hold no more than it
    // does, but for rounding: each wijk at most 2,5 up.
    const over: string[] = [];
    for (const [key, sums] of inWijken) {
      parts.forEach((i, p) => {
        const all = byKey.get(key)!.cells[i!]!.value;
        if (all !== null && sums[p]! > all + 2.5 * wijkCount.get(key)!) over.push(`${key} ${partIds[p]}: ${sums[p]} > ${all}`);
      });
    }
    expect(over.slice(0, 5)).toEqual([]);
  });

  it('splits the households as the model says: about a third of the youths with jeugdhulp live with one parent', () => {
    const d = dataset(data, 'jeugdhulp-wijken');
    const nl = (id: string) => d.rows.find((r) => r.region === 'NL01' && r.period === '2025JJ00')!.cells[measureIndex(d, id)]!.value!;
    expect(nl('jongeren_eenouderhuishouden') / nl('jongeren_jeugdhulp')).toBeGreaterThan(0.25);
    expect(nl('jongeren_eenouderhuishouden') / nl('jongeren_jeugdhulp')).toBeLessThan(0.4);
    expect(nl('jongeren_ander_huishouden') / nl('jongeren_jeugdhulp')).toBeLessThan(0.08);
  });

  it('gives the wijken table the running trajecten of the trajecten table, split as the verwijzers table’s begun ones', () => {
    const wijkenTable = dataset(data, 'jeugdhulp-wijken');
    const trajecten = dataset(data, 'jeugdhulptrajecten');
    const verwijzers = dataset(data, 'verwijzers');
    const [running, huisarts] = ['trajecten_lopend', 'trajecten_huisarts'].map((id) => measureIndex(wijkenTable, id));
    const runningThere = new Map(
      trajecten.rows.filter((r) => r.topics[0] === 'T001').map((r) => [`${r.region}|${r.period}`, r.cells[measureIndex(trajecten, 'trajecten_lopend')]!.value] as const),
    );
    const begun = (region: string, period: string, code: string) =>
      verwijzers.rows.find((r) => r.region === region && r.period === period && r.topics[0] === code)!.cells[measureIndex(verwijzers, 'trajecten_gestart')]!.value;
    let compared = 0;
    const differing: string[] = [];
    for (const row of wijkenTable.rows) {
      if (row.region.startsWith('WK')) continue;
      const theirs = runningThere.get(`${row.region}|${row.period}`);
      if (row.cells[running!]!.value !== theirs) differing.push(`${row.region} ${row.period}: ${row.cells[running!]!.value} / ${theirs}`);
      compared++;
    }
    expect(differing.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(3_000);
    // Nederland 2025: the huisarts's share of the running trajecten is that of the begun ones, within a point.
    const nl = wijkenTable.rows.find((r) => r.region === 'NL01' && r.period === '2025JJ00')!;
    const shareRunning = nl.cells[huisarts!]!.value! / nl.cells[running!]!.value!;
    const shareBegun = begun('NL01', '2025JJ00', '02')! / begun('NL01', '2025JJ00', 'T001')!;
    expect(Math.abs(shareRunning - shareBegun)).toBeLessThan(0.01);
    expect(shareRunning).toBeGreaterThan(0.25);
  });

  it('gives every table the same youths under 18 for a region and period, the jeugdhulp table’s total row too', () => {
    const populationOf = (id: string, measure: string, topics: (d: DemoDataset) => string) => {
      const d = dataset(data, id);
      const at = measureIndex(d, measure);
      const total = topics(d);
      return new Map(d.rows.filter((r) => r.topics.join('|') === total).map((r) => [`${r.region}|${r.period}`, r.cells[at]!.value] as const));
    };
    const totalTopics = (d: DemoDataset) => totalTopicsOf(d.meta).join('|');
    const jeugdhulp = populationOf('jeugdhulp', 'jongeren', totalTopics);
    expect(jeugdhulp.get('NL01|2015HJ01')).toBeGreaterThan(3_000_000);
    for (const [id, measure] of [['jeugdbescherming', 'jongeren_tot_18'], ['jeugdhulptrajecten', 'jongeren_tot_18'], ['jeugdhulp-instroom', 'jongeren_tot_18']] as const) {
      const other = populationOf(id, measure, totalTopics);
      const differing = [...jeugdhulp].filter(([key, youths]) => other.has(key) && other.get(key) !== youths);
      expect(differing.slice(0, 5), id).toEqual([]);
    }
  });

  it('revises earlier releases by 1–5%, mostly upward, only where the period was not yet definitief', () => {
    let upward = 0;
    let compared = 0;
    const wrong: string[] = [];
    for (const d of data.datasets) {
      const current = new Map(d.rows.map((r) => [rowKey(r.region, r.period, r.topics), r]));
      for (const [release, rows] of d.history) {
        const statuses = new Map(d.meta.history.find((h) => h.release === release)!.periods.map((p) => [p.code, p.status]));
        for (const changed of diffRelease(d.rows, rows) as ObservationRow[]) {
          if (statuses.get(changed.period) === 'definitief') wrong.push(`${d.meta.id} ${release}: ${changed.period} is definitief`);
          const now = current.get(rowKey(changed.region, changed.period, changed.topics))!;
          d.meta.measures.forEach((m, i) => {
            const before = changed.cells[i]!.value;
            const after = now.cells[i]!.value;
            if (m.derived || before === null || after === null || before < 2000) return;
            const change = after / before - 1;
            const allowed = m.concept === 'bevolking' ? change === 0 : Math.abs(change) <= 0.055;
            if (!allowed) wrong.push(`${d.meta.id} ${release} ${changed.region} ${changed.period} ${m.id}: ${before} → ${after}`);
            if (m.concept === 'bevolking') return;
            compared++;
            if (change > 0) upward++;
          });
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    expect(upward / compared).toBeGreaterThan(0.75);
    const nl = (rows: readonly ObservationRow[]) => rows.find((r) => r.region === 'NL01' && r.topics.join() === 'T001,T001038' && r.period === '2025HJ01')!.cells[0]!.value!;
    const jeugdhulp = dataset(data, 'jeugdhulp');
    const [v, nv, final] = [nl(jeugdhulp.history.get('2025-10-30')!), nl(jeugdhulp.history.get('2026-04-30')!), nl(jeugdhulp.rows)];
    expect(v).toBeLessThan(nv);
    expect(nv).toBeLessThan(final);
    expect(final / v - 1).toBeGreaterThanOrEqual(0.01);
    expect(final / v - 1).toBeLessThanOrEqual(0.05);
  });
});

describe('generator options', () => {
  it('gives a subset the same numbers as the full run', () => {
    const subset = demo({ gemeenten: ['GM0363', 'GM0457', 'GM0088'], fromYear: 2022 });
    const full = dataset(defaultDemo(), 'jeugdhulp');
    const part = dataset(subset, 'jeugdhulp');
    const amsterdam = part.rows.filter((r) => r.region === 'GM0363');
    expect(amsterdam.length).toBeGreaterThan(0);
    const byKey = new Map(full.rows.filter((r) => r.region === 'GM0363').map((r) => [rowKey(r.region, r.period, r.topics), r.cells]));
    expect(amsterdam.map((r) => r.cells)).toEqual(amsterdam.map((r) => byKey.get(rowKey(r.region, r.period, r.topics))));
  });

  it('makes a larger folder with --scale without changing the default datasets', () => {
    const small = demo({ gemeenten: ['GM0014', 'GM0363'], fromYear: 2024 });
    const large = demo({ gemeenten: ['GM0014', 'GM0363'], fromYear: 2024, scale: 3 });
    expect(large.catalog.datasets).toEqual([...small.catalog.datasets, 'jeugdhulp-kopie-2', 'jeugdhulptrajecten-kopie-3']);
    expect(dataset(large, 'jeugdhulp').rows).toEqual(dataset(small, 'jeugdhulp').rows);
    const wijkRows = (d: DemoData) => dataset(d, 'jeugdhulp-wijken').rows.filter((r) => r.region.startsWith('WK')).length;
    expect(wijkRows(large)).toBeGreaterThanOrEqual(wijkRows(small));
    expect(dataset(large, 'jeugdhulp-wijken').meta.periods[0]!.code).toBe('2024JJ00');
  });
});
