/**
 * The downloads behind the verdicts: their rows say what the fact pages say (comparisonsOf, funnelOf,
 * changeOf), a verdict can be recomputed from the columns of its row, every column is in the codebook, and
 * both CSV dialects read back to the same values.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  comparisonDatasets,
  comparisonDownloads,
  comparisonTable,
  comparisonPackage,
  excelHeader,
  fixed,
  funnelTable,
  significant,
  tableCsv,
  type DownloadRecord,
  type DownloadTable,
} from '../../src/lib/downloads/comparisons';
import { changeOf } from '../../src/lib/facts/change';
import { comparisonsOf } from '../../src/lib/facts/comparison';
import { KEY_CONCEPTS } from '../../src/lib/facts/concepts';
import { getFactsContext, type FactsContext } from '../../src/lib/facts/context';
import { funnelOf, funnelPeriods } from '../../src/lib/facts/funnel';
import { outcomeOf } from '../../src/lib/facts/outcome';
import { SHARE_CONCEPTS, shareFunnel, shareSource } from '../../src/lib/facts/share-verdict';
import { keyFiguresOf } from '../../src/lib/facts/key-figures';
import { NEDERLAND } from '../../src/lib/regions/codes';
import { funnelLimits } from '../../src/lib/stats/funnel';
import { roundedCountRange, Z95, Z998, type RateKind } from '../../src/lib/stats/intervals';
import {
  testedTrendZ,
  changeInterval,
  judgeAgainstReference,
  judgeChange,
  judgeRecentTrend,
  NO_VERDICT_TEXT,
  printedOrder,
  TREND_TEXT,
  trendZ,
  VERDICT_TEXT,
  type ComparedRate,
  type RateUnit,
  type Verdict,
} from '../../src/lib/stats/verdict';
import { getSiteData, type SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';
import { fixture } from '../facts/fixture';
import { useDefaultFacts } from '../facts/default-data';

const { context, register } = fixture();
const tables = comparisonDownloads(context);

const num = (v: DownloadRecord[string] | undefined) => (v === null || v === undefined ? null : (v as number));
const unitOf = (r: DownloadRecord): RateUnit => ({
  kind: (r.soort_cijfer === 'aandeel' ? 'proportion' : 'poisson') as RateKind,
  per: r.per as number,
  decimals: r.decimalen as number,
  rounding: r.afronding as number,
});
const ownRate = (r: DownloadRecord, prefix = ''): ComparedRate => ({ count: num(r[`${prefix}aantal`]), denominator: num(r[`${prefix}noemer`]), shown: num(r[`${prefix}cijfer`]) });
const judgementOf = (r: DownloadRecord, prefix = '') => (r[`${prefix}oordeel`] ? { verdict: r[`${prefix}oordeel`] } : { verdict: undefined, reason: r[`${prefix}reden`] });
const limitsOf = (r: DownloadRecord) =>
  r.grens95_onder === null ? undefined : { lower95: r.grens95_onder, upper95: r.grens95_boven, lower998: r.grens998_onder, upper998: r.grens998_boven };
const fixedLimits = (l: { lower95: number; upper95: number; lower998: number; upper998: number } | undefined) =>
  l && { lower95: fixed(l.lower95), upper95: fixed(l.upper95), lower998: fixed(l.lower998), upper998: fixed(l.upper998) };

/** The verdict a row's columns give, by the rule its codebook states (before the words follow the printed figures). */
/** The verdict by the codebook's rule: the limits, then the region's margin, which must hold neither figure of the reference. */
function verdictFromColumns(r: DownloadRecord, referenceExact: unknown, referenceShown: unknown): Verdict {
  const raw = verdictFromLimits(r);
  const beyond = (v: number) => (raw.endsWith('hoger') ? v < (r.marge95_onder as number) : v > (r.marge95_boven as number));
  return raw === 'niet-duidelijk-anders' || (beyond(referenceExact as number) && beyond(referenceShown as number)) ? raw : 'niet-duidelijk-anders';
}

function verdictFromLimits(r: DownloadRecord): Verdict {
  const unit = unitOf(r);
  const range = roundedCountRange(r.aantal as number, unit.rounding);
  // As the codebook says: a denominator that is a multiple of the rounding base may be rounded too.
  const n = r.noemer as number;
  const half = Math.floor(unit.rounding! / 2);
  const [fewest, most] = n % unit.rounding! === 0 ? [n - half, n + half] : [n, n];
  const lowest = (Math.min(range.lower, most) / most) * unit.per;
  const highest = (Math.min(range.upper, fewest) / fewest) * unit.per;
  if (lowest > (r.grens998_boven as number)) return 'duidelijk-hoger';
  if (lowest > (r.grens95_boven as number)) return 'hoger';
  if (highest < (r.grens998_onder as number)) return 'duidelijk-lager';
  if (highest < (r.grens95_onder as number)) return 'lager';
  return 'niet-duidelijk-anders';
}

/** A raw verdict becomes the row's verdict, or "niet duidelijk anders" where the printed figures disagree with it. */
function followsPrinted(raw: Verdict, row: Verdict, shown: number, reference: number, decimals: number) {
  if (raw === row) return true;
  if (row !== 'niet-duidelijk-anders') return false;
  const order = printedOrder(shown, reference, decimals);
  return raw.endsWith('hoger') ? order !== 1 : order !== -1;
}

describe('vergelijkingen', () => {
  const table = tables.vergelijkingen;

  it('has a row for every reference of every comparison a fact page makes, with its verdict and limits', () => {
    const rows = new Map(table.records.map((r) => [`${r.regio_code}|${r.onderwerp}|${r.referentie_soort}`, r]));
    let expected = 0;
    const regions = [...register.provincies().map((p) => p.code), ...register.jeugdregios().map((j) => j.code), ...context.currentGemeenten()];
    for (const region of regions) {
      for (const c of comparisonsOf(context, region, keyFiguresOf(context, region))) {
        for (const ref of [...c.references, ...c.views]) {
          expected++;
          const row = rows.get(`${region}|${c.concept}|${ref.kind}`)!;
          expect(row, `${region} ${c.concept} ${ref.kind}`).toBeDefined();
          expect(row.perioden_code).toBe(c.figure.period);
          expect([row.aantal, row.noemer, row.cijfer]).toEqual([c.own.rate.count, c.own.rate.denominator, c.own.rate.shown]);
          expect([row.marge95_onder, row.marge95_boven]).toEqual([fixed(c.own.interval?.lower), fixed(c.own.interval?.upper)]);
          expect([row.referentie_code, row.referentie_cijfer, row.referentie_cijfer_uit_aantallen]).toEqual([ref.code ?? null, ref.rate.value, fixed(ref.exact)]);
          expect(judgementOf(row)).toEqual({ ...ref.judgement });
          expect(limitsOf(row)).toEqual(fixedLimits(ref.limits));
          expect(row.tau2).toBe(significant(c.funnel?.overdispersion.tau2));
        }
      }
    }
    expect(table.records.length).toBe(expected);
    expect(expected).toBeGreaterThan(1000);
    // Gemeenten against four references (here, without characteristics, the size class as their peers),
    // provincies and jeugdregio's against Nederland only.
    expect(new Set(table.records.filter((r) => r.regiosoort === 'gemeente').map((r) => r.referentie_soort))).toEqual(new Set(['land', 'provincie', 'jeugdregio', 'grootteklasse']));
    expect(new Set(table.records.filter((r) => r.regiosoort !== 'gemeente').map((r) => r.referentie_soort))).toEqual(new Set(['land']));
  });

  it('gives the same verdict when it is recomputed from the columns of its row', () => {
    const verdicts = new Set<string>();
    let recomputed = 0;
    for (const row of table.records) {
      if (row.tau2 === null) continue;
      const judged = judgeAgainstReference(ownRate(row), { rate: num(row.referentie_cijfer_uit_aantallen), shown: num(row.referentie_cijfer) }, unitOf(row), row.tau2 as number);
      expect(judged.judgement, `${row.regio_code} ${row.onderwerp} ${row.referentie_soort}`).toEqual(judgementOf(row));
      if (judged.limits) {
        // The limits from the reference rate, the region's size and τ², as the codebook says.
        const own = funnelLimits((row.referentie_cijfer_uit_aantallen as number) / (row.per as number), row.noemer as number, row.tau2 as number);
        expect((own.upper95 * (row.per as number))).toBeCloseTo(row.grens95_boven as number, 5);
        expect((own.lower998 * (row.per as number))).toBeCloseTo(row.grens998_onder as number, 5);
        // And the verdict by the rule in the codebook, from the limit and margin columns.
        const raw = verdictFromColumns(row, row.referentie_cijfer_uit_aantallen, row.referentie_cijfer);
        expect(followsPrinted(raw, row.oordeel as Verdict, row.cijfer as number, row.referentie_cijfer as number, row.decimalen as number)).toBe(true);
      }
      if (row.oordeel) verdicts.add(row.oordeel as string);
      recomputed++;
    }
    expect(recomputed).toBeGreaterThan(1000);
    expect(verdicts.size).toBeGreaterThanOrEqual(3);
  });
});

describe('trechters', () => {
  const table = tables.trechters;

  it('has every region of every funnel of every period, as funnelOf has it', () => {
    const rows = new Map(table.records.map((r) => [`${r.onderwerp}|${r.perioden_code}|${r.trechter}|${r.regio_code}`, r]));
    let expected = 0;
    const concepts = KEY_CONCEPTS.filter((c) => funnelOf(context, c, funnelPeriods(context, c).at(-1) ?? '', 'gemeente'));
    expect(concepts.length).toBeGreaterThanOrEqual(3);
    for (const concept of concepts) {
      for (const period of funnelPeriods(context, concept)) {
        for (const kind of ['gemeente', 'provincie', 'jeugdregio'] as const) {
          const funnel = funnelOf(context, concept, period, kind)!;
          for (const region of funnel.regions) {
            expected++;
            const row = rows.get(`${concept}|${period}|${kind}|${region.code}`)!;
            expect([row.aantal, row.noemer, row.cijfer, row.cijfer_uit_aantallen]).toEqual([region.rate.count, region.rate.denominator, region.rate.shown, fixed(region.exact)]);
            expect(judgementOf(row)).toEqual({ ...region.judgement });
            expect(limitsOf(row)).toEqual(fixedLimits(region.limits));
            expect([row.phi, row.tau2, row.trechter_regios]).toEqual([significant(funnel.overdispersion.phi), significant(funnel.overdispersion.tau2), funnel.overdispersion.units]);
            expect([row.nederland_cijfer, row.nederland_cijfer_uit_aantallen]).toEqual([funnel.target.shown, fixed(funnel.target.rate)]);
          }
        }
      }
    }
    // The shares further down the pages, in the period their sections judge them in.
    for (const concept of SHARE_CONCEPTS) {
      const share = shareSource(context, concept);
      if (!share) continue;
      for (const kind of ['gemeente', 'provincie', 'jeugdregio'] as const) {
        for (const region of shareFunnel(context, share.source, share.period, kind)?.regions ?? []) {
          expected++;
          expect(judgementOf(rows.get(`${concept}|${share.period}|${kind}|${region.code}`)!)).toEqual({ ...region.judgement });
        }
      }
    }
    expect(table.records.length).toBe(expected);
  });

  it('gives the same verdict against Nederland when it is recomputed from the columns of its row', () => {
    for (const row of table.records) {
      const judged = judgeAgainstReference(ownRate(row), { rate: num(row.nederland_cijfer_uit_aantallen), shown: num(row.nederland_cijfer) }, unitOf(row), row.tau2 as number);
      expect(judged.judgement, `${row.onderwerp} ${row.perioden_code} ${row.regio_code}`).toEqual(judgementOf(row));
      if (row.oordeel) expect(followsPrinted(verdictFromColumns(row, row.nederland_cijfer_uit_aantallen, row.nederland_cijfer), row.oordeel as Verdict, row.cijfer as number, row.nederland_cijfer as number, row.decimalen as number)).toBe(true);
    }
  });

  it('uses the same τ² in a comparison with Nederland as in the funnel of its kind', () => {
    const funnels = new Map(tables.trechters.records.map((r) => [`${r.onderwerp}|${r.perioden_code}|${r.trechter}|${r.regio_code}`, r]));
    for (const row of tables.vergelijkingen.records.filter((r) => r.referentie_soort === 'land')) {
      const funnel = funnels.get(`${row.onderwerp}|${row.perioden_code}|${row.regiosoort}|${row.regio_code}`)!;
      expect([row.tau2, row.oordeel, row.grens95_boven]).toEqual([funnel.tau2, funnel.oordeel, funnel.grens95_boven]);
    }
  });
});

/** The checks of a veranderingen table against changeOf and against its own columns. */
function checkChanges(ctx: FactsContext, table: DownloadTable, regions: readonly string[]) {
  const rows = new Map(table.records.map((r) => [`${r.regio_code}|${r.onderwerp}`, r]));
  let expected = 0;
  const verdicts = new Set<string>();
  for (const region of regions) {
    for (const concept of KEY_CONCEPTS) {
      const facts = changeOf(ctx, region, concept);
      if (!facts) continue;
      expected++;
      const row = rows.get(`${region}|${concept}`)!;
      expect(row, `${region} ${concept}`).toBeDefined();
      expect([row.perioden_code, row.eerder_perioden_code]).toEqual([facts.latest.period, facts.yearEarlier?.period ?? null]);
      expect(judgementOf(row)).toEqual({ ...facts.change });
      expect(row.trend_richting ? { direction: row.trend_richting } : { direction: undefined, reason: row.trend_reden }).toEqual({ ...facts.trend });
      expect([row.trend_eerste_periode_code, row.trend_laatste_periode_code]).toEqual([facts.recent[0]?.period ?? null, facts.recent.at(-1)?.period ?? null]);

      // Recomputed from the columns: the interval of the difference, the verdict, the trend.
      const unit = unitOf(row);
      const later = ownRate(row);
      const earlier = ownRate(row, 'eerder_');
      if (row.verschil95_onder !== null) {
        const usual = changeInterval(earlier, later, unit, Z95)!;
        const strict = changeInterval(earlier, later, unit, Z998)!;
        expect([row.verschil95_onder, row.verschil95_boven, row.verschil998_onder, row.verschil998_boven]).toEqual([fixed(usual.lower), fixed(usual.upper), fixed(strict.lower), fixed(strict.upper)]);
        if (row.reden !== 'trendbreuk') expect(judgementOf(row)).toEqual({ ...judgeChange(earlier, later, unit) });
      }
      if (row.oordeel && row.oordeel !== 'niet-duidelijk-anders') {
        const d = (row.oordeel as string).startsWith('duidelijk') ? ['verschil998_onder', 'verschil998_boven'] : ['verschil95_onder', 'verschil95_boven'];
        if ((row.oordeel as string).endsWith('hoger')) expect(row[d[0]!] as number).toBeGreaterThan(0);
        else expect(row[d[1]!] as number).toBeLessThan(0);
      }
      if (row.trend_z !== null) {
        const counts = String(row.trend_aantallen).split(' ').map(Number);
        const sizes = String(row.trend_noemers).split(' ').map(Number);
        expect(row.trend_z).toBe(fixed(trendZ(counts, sizes, unit.kind)));
        expect(row.trend_z_getoetst).toBe(fixed(testedTrendZ(counts, sizes, unit)));
        const points = counts.map((count, i): ComparedRate => ({
          count,
          denominator: sizes[i]!,
          shown: i === 0 ? num(row.trend_eerste_cijfer) : i === counts.length - 1 ? num(row.cijfer) : null,
        }));
        expect(judgeRecentTrend(points, unit)).toEqual({ ...facts.trend });
        if (row.trend_richting === 'stijgend') expect(row.trend_z_getoetst as number).toBeGreaterThan(Z998);
        if (row.trend_richting === 'dalend') expect(row.trend_z_getoetst as number).toBeLessThan(-Z998);
      }
      if (row.oordeel) verdicts.add(row.oordeel as string);
    }
  }
  expect(table.records.length).toBe(expected);
  return verdicts;
}

describe('veranderingen', () => {
  it('has every change and trend a fact page states, and each recomputes from its columns', () => {
    const regions = [NEDERLAND, ...register.provincies().map((p) => p.code), ...register.jeugdregios().map((j) => j.code), ...context.currentGemeenten()];
    const verdicts = checkChanges(context, tables.veranderingen, regions);
    expect(verdicts.size).toBeGreaterThanOrEqual(3);
    expect(tables.veranderingen.records.some((r) => r.trend_richting === 'stijgend')).toBe(true);
  });

  describe('with trajecten per 1.000 jongeren (Byar, Poisson)', () => {
    let site: SiteData;
    beforeAll(async () => {
      site = await fixtureSite();
    }, 120_000);

    it('recomputes the changes of counts per population too', () => {
      const ctx = getFactsContext(site);
      const own = comparisonDownloads(ctx).veranderingen;
      expect(own.records.some((r) => r.soort_cijfer === 'telling' && r.verschil95_onder !== null)).toBe(true);
      const regions = [NEDERLAND, ...site.register.provincies().map((p) => p.code), ...site.register.jeugdregios().map((j) => j.code), ...ctx.currentGemeenten()];
      checkChanges(ctx, own, regions);
    });
  });
});

describe('the files', () => {
  const pkg = comparisonPackage(tables, {
    release: undefined,
    homepage: 'https://jeugdzorg.example/downloads/',
    methodPage: 'https://jeugdzorg.example/over/methoden/',
    indelingYear: register.latestYear,
    datasets: context.datasets.map((d) => d.meta),
  });

  it('every column of every CSV has a codebook field with a title and a description', () => {
    const resources = pkg.resources;
    expect(resources.map((r) => r.path)).toEqual([
      'vergelijkingen.csv',
      'vergelijkingen-excel.csv',
      'trechters.csv',
      'trechters-excel.csv',
      'veranderingen.csv',
      'veranderingen-excel.csv',
    ]);
    for (const resource of resources) {
      const excel = resource.path.endsWith('-excel.csv');
      const table = Object.values(tables).find((t) => resource.path.startsWith(`${t.name}`))!;
      const text = tableCsv(table, excel ? 'excel-nl' : 'rfc4180');
      const header = Papa.parse<string[]>(text.replace(/^\ufeff/, '').split('\r\n')[0]!, { delimiter: resource.dialect.delimiter }).data[0]!;
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
      for (const field of resource.schema.fields) {
        expect(field.title.length, field.name).toBeGreaterThan(2);
        expect(field.description.length, field.name).toBeGreaterThan(10);
        if (field.type === 'number') expect((field as { decimalChar?: string }).decimalChar).toBe(excel ? ',' : undefined);
      }
      // Every record has exactly the columns (by their machine names), and the primary key is unique.
      const names = resource.schema.fields.map((f) => ('naamInCsv' in f ? f.naamInCsv : f.name));
      const machineName = new Map(resource.schema.fields.map((f, i) => [f.name, names[i]!]));
      for (const r of table.records) expect(Object.keys(r)).toEqual(names);
      const keys = new Set(table.records.map((r) => resource.schema.primaryKey.map((k) => r[machineName.get(k)!]).join('|')));
      expect(resource.schema.primaryKey.every((k) => header.includes(k)), resource.path).toBe(true);
      expect(keys.size, resource.path).toBe(table.records.length);
    }
    expect(pkg).toMatchObject({ profile: 'tabular-data-package', name: 'jeugdzorg-vergelijkingen', licenses: [{ name: 'CC-BY-4.0' }], methode: 'https://jeugdzorg.example/over/methoden/' });
    const descriptions = JSON.stringify(pkg);
    for (const method of ['Wilson', 'Byar', 'Spiegelhalter', 'FunnelPlotR', 'gewinsoriseerd', 'MOVER-D', 'Newcombe', 'Chi-kwadraattoets', '99,8%', 'laagste aantal']) {
      expect(descriptions, method).toContain(method);
    }
  });

  it('both dialects read back (papaparse) to the same values, and a code column holds only its codes', () => {
    for (const table of Object.values(tables)) {
      const problems: string[] = [];
      const csv = readThroughCodebook(table, pkg, 'rfc4180', problems);
      expect(csv).toEqual(table.records);
      expect(readThroughCodebook(table, pkg, 'excel-nl', problems)).toEqual(csv);
      for (const column of table.columns.filter((c) => c.enum)) {
        for (const r of table.records) if (r[column.name] !== null && !column.enum!.includes(r[column.name] as string)) problems.push(`${table.name}.${column.name}: ${r[column.name]}`);
      }
      expect(problems.slice(0, 5)).toEqual([]);
    }
  }, 60_000);

  it('takes the words from the verdict texts, and writes no symbol as a number', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => ok || problems.push(what);
    for (const table of Object.values(tables)) {
      for (const r of table.records) {
        const where = `${table.name} ${r.regio_code} ${r.onderwerp} ${r.perioden_code}`;
        check(r.oordeel_tekst === (r.oordeel ? VERDICT_TEXT[r.oordeel as Verdict].word : null), `${where}: oordeel_tekst`);
        check(r.reden_tekst === (r.reden ? NO_VERDICT_TEXT[r.reden as keyof typeof NO_VERDICT_TEXT] : null), `${where}: reden_tekst`);
        // A verdict or a reason, never both, never neither.
        check((r.oordeel === null) !== (r.reden === null), `${where}: oordeel of reden`);
        if (r.aantal === null) check(r.oordeel === null, `${where}: oordeel zonder aantal`);
        if (table.name === 'veranderingen') {
          check(r.trend_tekst === (r.trend_richting ? TREND_TEXT[r.trend_richting as keyof typeof TREND_TEXT] : null), `${where}: trend_tekst`);
          check(r.trend_reden_tekst === (r.trend_reden ? NO_VERDICT_TEXT[r.trend_reden as keyof typeof NO_VERDICT_TEXT] : null), `${where}: trend_reden_tekst`);
        }
        for (const c of table.columns) if (c.type !== 'string' && r[c.name] !== null) check(typeof r[c.name] === 'number', `${where}: ${c.name} is geen getal`);
      }
      // Suppressed counts are in the files, as empty cells with their reason.
      if (table.name !== 'veranderingen') expect(table.records.some((r) => r.aantal === null && r.reden === 'afgeschermd'), table.name).toBe(true);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});

type ComparisonPackage = ReturnType<typeof comparisonPackage>;

/**
 * Reads a table's file as a reader's script would: its header through the codebook's fields (the Excel file's
 * Dutch labels back to the machine names by naamInCsv), its numbers by the field types, the Excel file's
 * decimal comma turned back. Cells that are not numbers where the codebook says number go to `problems`.
 */
function readThroughCodebook(table: DownloadTable, pkg: ComparisonPackage, dialect: 'rfc4180' | 'excel-nl', problems: string[]): DownloadRecord[] {
  const resource = pkg.resources.find((r) => r.path === `${table.name}${dialect === 'excel-nl' ? '-excel' : ''}.csv`)!;
  const fields = new Map(resource.schema.fields.map((f) => [f.name, { name: 'naamInCsv' in f ? f.naamInCsv : f.name, type: f.type }]));
  const text = tableCsv(table, dialect).replace(/^\ufeff/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: resource.dialect.delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields, resource.path).toEqual([...fields.keys()]);
  return parsed.data.map((row) => {
    const out: DownloadRecord = {};
    for (const [k, v] of Object.entries(row)) {
      const field = fields.get(k)!;
      if (v === '' || field.type === 'string') out[field.name] = v === '' ? null : v;
      else {
        const number = dialect === 'excel-nl' ? v.replace(',', '.') : v;
        if (!/^-?\d+(\.\d+)?(e-\d+)?$/.test(number)) problems.push(`${table.name}.${field.name}: ${v}`);
        out[field.name] = Number(number);
      }
    }
    return out;
  });
}

describe('the Excel files of the default data', () => {
  let tables: Record<string, DownloadTable>;
  let pkg: ComparisonPackage;
  beforeAll(async () => {
    const data = await getSiteData();
    const ctx = getFactsContext(data);
    tables = comparisonDownloads(ctx);
    pkg = comparisonPackage(comparisonDownloads(ctx), {
      release: data.currentRelease,
      homepage: 'https://jeugdzorg.example/downloads/',
      methodPage: 'https://jeugdzorg.example/over/methoden/',
      indelingYear: data.register.latestYear,
      datasets: comparisonDatasets(ctx),
    });
  }, 120_000);

  const headerOf = (text: string, delimiter: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, '').split('\r\n')[0]!, { delimiter }).data[0]!;

  it('have a unique Dutch label for every column, with its unit where it has one, and the comma files keep the machine names', () => {
    for (const table of Object.values(tables)) {
      const header = headerOf(tableCsv(table, 'excel-nl'), ';');
      expect(header).toEqual(excelHeader(table));
      expect(header.filter((label, i) => header.indexOf(label) !== i), table.name).toEqual([]);
      // Dutch words, not machine names: a capital or a Greek letter first, no underscore.
      expect(header.filter((label) => !/^[A-ZΦφτ]/.test(label) || label.includes('_')), table.name).toEqual([]);
      expect(headerOf(tableCsv(table, 'rfc4180'), ',')).toEqual(table.columns.map((c) => c.name));
      const units = new Set(table.records.map((r) => r.eenheid as string));
      const label = (name: string) => header[table.columns.findIndex((c) => c.name === name)]!;
      // Counts say "aantal"; figures, margins and limits the units of the figures in the file.
      expect(label('aantal')).toBe('Teller (aantal)');
      expect(label('noemer')).toBe('Noemer (aantal)');
      for (const unit of units) {
        expect(label('cijfer'), table.name).toContain(unit);
        expect(label('cijfer_uit_aantallen'), table.name).toContain(unit);
        if (table.name !== 'veranderingen') expect(label('marge95_onder'), table.name).toMatch(new RegExp(`^Ondergrens 95%-marge \\(.*${unit.replace(/[.%]/g, '\\$&')}`));
      }
      for (const column of table.columns) {
        if (column.type !== 'string' && column.unit === 'cijfer') expect(label(column.name)).toMatch(/\((%|per )/);
        if (column.type === 'string') expect(label(column.name)).not.toMatch(/\((aantal|%)\)$/);
      }
    }
    // A difference of percentages is in procentpunt, and the two periods of a change are told apart.
    const change = (name: string) => excelHeader(tables.veranderingen!)[tables.veranderingen!.columns.findIndex((c) => c.name === name)]!;
    expect(change('verschil95_onder')).toMatch(/^Ondergrens 95%-marge van het verschil \(procentpunt/);
    expect([change('perioden'), change('eerder_perioden'), change('eerder_aantal')]).toEqual(['Periode', 'Periode een jaar eerder', 'Teller een jaar eerder (aantal)']);
  });

  it('map both ways in the codebook, and the Excel file read through it is the comma file', () => {
    for (const table of Object.values(tables)) {
      const [csv, excel] = pkg.resources.filter((r) => r.path.startsWith(`${table.name}.`) || r.path.startsWith(`${table.name}-`));
      const csvHeader = headerOf(tableCsv(table, 'rfc4180'), ',');
      const excelHeaderRead = headerOf(tableCsv(table, 'excel-nl'), ';');
      expect(csv!.schema.fields.map((f) => ('naamInExcel' in f ? f.naamInExcel : undefined))).toEqual(excelHeaderRead);
      expect(excel!.schema.fields.map((f) => ('naamInCsv' in f ? f.naamInCsv : undefined))).toEqual(csvHeader);
      expect(excel!.schema.primaryKey.map((k) => excel!.schema.fields.find((f) => f.name === k)!).map((f) => ('naamInCsv' in f ? f.naamInCsv : ''))).toEqual(csv!.schema.primaryKey);
      const problems: string[] = [];
      const fromCsv = readThroughCodebook(table, pkg, 'rfc4180', problems);
      const fromExcel = readThroughCodebook(table, pkg, 'excel-nl', problems);
      expect(fromExcel.length, table.name).toBeGreaterThan(1000);
      expect(fromExcel).toEqual(fromCsv);
      expect(problems.slice(0, 5)).toEqual([]);
    }
  }, 120_000);
});

describe('trechters on the default data: the shares further down the pages', () => {
  const facts = useDefaultFacts();

  it('carries each gemeente’s share ended as planned, herhaald beroep, instroom and uitstroom with the verdict its page prints', () => {
    const rows = funnelTable(facts.context).records.filter((r) => r.trechter === 'gemeente');
    const byKey = new Map(rows.map((r) => [`${r.onderwerp}|${r.regio_code}`, r]));
    const keys = { planned: 'einde-volgens-plan', returning: 'start-herhaald-beroep', inflow: 'instroom-jongeren', outflow: 'uitstroom-jongeren' } as const;
    let judged = 0;
    for (const code of facts.context.currentGemeenten()) {
      const o = outcomeOf(facts.context, code)!;
      for (const [key, concept] of Object.entries(keys) as Array<[keyof typeof keys, string]>) {
        const row = byKey.get(`${concept}|${code}`)!;
        expect(row, `${concept} ${code}`).toBeDefined();
        expect(row.perioden_code).toBe('2026HJ01');
        expect(row.soort_cijfer).toBe('aandeel');
        const judgement = o[key]?.judgement;
        expect(row.oordeel ?? undefined, `${concept} ${code}`).toBe(judgement?.verdict);
        if (judgement?.verdict) judged++;
      }
    }
    expect(judged).toBeGreaterThan(1000);
  }, 120_000);
});

describe('vergelijkingen on the default data, with statistical neighbours', () => {
  const data = useDefaultFacts();

  it('has each gemeente against its vergelijkbare gemeenten, as on its page, and against its size class as a second view', () => {
    const table = comparisonTable(data.context);
    const gemeenten = table.records.filter((r) => r.regiosoort === 'gemeente');
    expect(new Set(gemeenten.map((r) => r.referentie_soort))).toEqual(new Set(['land', 'provincie', 'jeugdregio', 'vergelijkbaar', 'grootteklasse']));
    const kinds = new Map<string, string[]>();
    for (const r of gemeenten) kinds.set(`${r.regio_code}|${r.onderwerp}`, [...(kinds.get(`${r.regio_code}|${r.onderwerp}`) ?? []), r.referentie_soort as string]);
    for (const [key, list] of kinds) expect(list, key).toEqual(['land', 'provincie', 'jeugdregio', 'vergelijkbaar', 'grootteklasse']);
    const zwolle = data.context.currentGemeenten().find((c) => data.context.register.label(c) === 'Zwolle')!;
    for (const c of comparisonsOf(data.context, zwolle, keyFiguresOf(data.context, zwolle))) {
      const peer = c.references.find((r) => r.kind === 'vergelijkbaar')!;
      const row = gemeenten.find((r) => r.regio_code === zwolle && r.onderwerp === c.concept && r.referentie_soort === 'vergelijkbaar')!;
      expect([row.referentie, row.referentie_toelichting, row.referentie_aantal, row.referentie_noemer, row.referentie_cijfer]).toEqual([peer.label, peer.note, peer.count.value, peer.denominator, peer.rate.value]);
      expect(judgementOf(row)).toEqual({ ...peer.judgement });
    }
  }, 120_000);
});
