/**
 * Jeugdbescherming in detail (issue 14, item 3) on the default data: the five maatregelen, the measures
 * running, begun and ended, and the share of youths with a measure who also had jeugdhulp met verblijf, set
 * against Nederland with the funnel verdict. Expected numbers are read straight from the data files with
 * papaparse, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { juvenileJusticeOf, protectionOf } from '../../src/lib/facts/protection';
import { formatNumber, parseDutchNumber } from '../../src/lib/format/number';
import { useDefaultFacts } from './default-data';

const facts = useDefaultFacts();

type CsvRow = Record<string, string>;
const readRows = (file: string) => Papa.parse<CsvRow>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const persons = readRows('data/jeugdbescherming/observations.csv');
const measures = readRows('data/jeugdbeschermingstrajecten/observations.csv');
const find = (rows: CsvRow[], region: string, period: string, maatregel: string) => rows.find((r) => r.regio === region && r.perioden === period && r.maatregel === maatregel);
const shown = (text: string) => (/^\d+$/.test(text) ? formatNumber(Number(text)) : text);
const MAATREGELEN = ['T001', 'OTS', 'VOTS', 'VOOGDIJ', 'VVOOGDIJ', 'TVOOGDIJ'];

describe('jeugdbescherming in detail on a fact page', () => {
  it('shows every maatregel of Amsterdam with its youths, its share placed and its measures, as in the data files', () => {
    const p = protectionOf(facts.context, 'GM0363')!;
    expect(p.period).toBe('2026HJ01');
    expect(p.measuresDatasetId).toBe('jeugdbeschermingstrajecten');
    expect(p.rows.map((r) => r.code)).toEqual(MAATREGELEN);
    expect(p.rows.map((r) => r.label)).toContain('Tijdelijke voogdij');
    for (const row of p.rows) {
      const person = find(persons, 'GM0363', p.period, row.code)!;
      const measure = find(measures, 'GM0363', p.period, row.code)!;
      expect(row.youths, row.code).toBe(shown(person.jongeren_jeugdbescherming!));
      expect([row.running, row.begun, row.ended], row.code).toEqual([measure.maatregelen_lopend, measure.maatregelen_begonnen, measure.maatregelen_beeindigd].map((v) => shown(v!)));
      // The share is recomputed from the two published counts, to one decimal.
      const placed = Number(person.jongeren_jeugdbescherming_verblijf);
      const all = Number(person.jongeren_jeugdbescherming);
      if (all >= 50 && Number.isFinite(placed)) expect(parseDutchNumber(row.placedShare), row.code).toBeCloseTo((placed / all) * 100, 1);
    }
  });

  it('judges the share placed against Nederland in words that follow the printed figures, with a margin', () => {
    const nl = find(persons, 'NL01', '2026HJ01', 'T001')!;
    const nlShare = formatNumber((Number(nl.jongeren_jeugdbescherming_verblijf) / Number(nl.jongeren_jeugdbescherming)) * 100, 1);
    let judged = 0;
    for (const code of facts.context.currentGemeenten()) {
      const placement = protectionOf(facts.context, code)?.placement;
      if (!placement?.judgement) continue;
      expect(placement.verdict).toContain(`in Nederland (${nlShare}%)`);
      if (!placement.judgement.verdict) continue;
      judged++;
      const own = parseDutchNumber(/kreeg (\d+,\d)%/.exec(placement.figure)![1]!)!;
      const reference = parseDutchNumber(nlShare)!;
      const word = placement.judgement.verdict;
      if (word.endsWith('hoger')) expect(own, code).toBeGreaterThan(reference);
      if (word.endsWith('lager')) expect(own, code).toBeLessThan(reference);
      expect(placement.margin, code).toMatch(/^95%-marge door toeval: \d+,\d–\d+,\d%\.$/);
    }
    // Only gemeenten with at least 50 youths with a measure have a share, and so a verdict.
    expect(judged).toBeGreaterThan(40);
  });

  it('adds the key figures’ caveat to a verdict that rests on fewer than 50 youths placed (Bunschoten: 10 of 50), and only there', () => {
    let small = 0;
    for (const code of facts.context.currentGemeenten()) {
      const placement = protectionOf(facts.context, code)?.placement;
      if (!placement?.judgement?.verdict) continue;
      const row = find(persons, code, '2026HJ01', 'T001')!;
      const placed = Number(row.jongeren_jeugdbescherming_verblijf);
      const caveat = `Het gaat om een klein aantal (${formatNumber(placed)} jongeren): één gezin kan dit cijfer flink veranderen.`;
      if (placed < 50) {
        small++;
        expect(placement.verdict, code).toContain(caveat);
      } else {
        expect(placement.verdict, code).not.toContain('klein aantal');
      }
    }
    expect(small).toBeGreaterThan(5);
  });

  it('says why a small gemeente has no share, and gives no verdict', () => {
    const vlieland = protectionOf(facts.context, 'GM0096')!;
    expect(vlieland.placement?.figure).toMatch(/niet berekend .*: het aantal jongeren met jeugdbescherming is afgeschermd/);
    expect(vlieland.placement?.verdict).toBeUndefined();
  });

  it('is on the pages of Nederland and a provincie, and not on that of a former gemeente', () => {
    expect(regionFacts(facts.context, 'NL01').protection?.placement?.verdict).toBeUndefined();
    expect(regionFacts(facts.context, 'PV27').protection?.placement?.verdict).toMatch(/^(Dat is|Geen oordeel)/);
    expect(regionFacts(facts.context, 'GM0457').protection).toBeUndefined();
  });

  it('keeps the youths placed within the youths with a measure and within jeugdhulp met verblijf, in every gemeente and period', () => {
    const jeugdhulp = readRows('data/jeugdhulp/observations.csv').filter((r) => r.geslacht === 'T001038');
    const withStay = new Map<string, number>();
    for (const r of jeugdhulp) {
      if (r.leeftijd === 'T001' && r.regio!.startsWith('GM')) withStay.set(`${r.regio}|${r.perioden}`, Number(r.jongeren_met_verblijf));
    }
    let checked = 0;
    for (const r of persons) {
      const placed = Number(r.jongeren_jeugdbescherming_verblijf);
      const all = Number(r.jongeren_jeugdbescherming);
      if (!Number.isFinite(placed) || !Number.isFinite(all)) continue;
      expect(placed, `${r.regio} ${r.perioden} ${r.maatregel}`).toBeLessThanOrEqual(all);
      const stay = withStay.get(`${r.regio}|${r.perioden}`);
      // Both counts are rounded to 5 apart.
      if (r.maatregel === 'T001' && stay !== undefined && Number.isFinite(stay)) {
        expect(placed, `${r.regio} ${r.perioden}`).toBeLessThanOrEqual(stay + 5);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('adds the measures of the maatregelen up to the total (each measure is of one kind), within the rounding', () => {
    let checked = 0;
    for (const total of measures.filter((r) => r.maatregel === 'T001' && r.regio === 'NL01')) {
      const parts = MAATREGELEN.slice(1).map((m) => Number(find(measures, 'NL01', total.perioden!, m)!.maatregelen_begonnen));
      const sum = parts.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - Number(total.maatregelen_begonnen)), total.perioden).toBeLessThanOrEqual(15);
      checked++;
    }
    expect(checked).toBe(34);
  });

  it('shows Amsterdam’s trajecten of jeugdreclassering by form as in the data file, and they add up to the total within the rounding', () => {
    const jr = readRows('data/jeugdreclasseringstrajecten/observations.csv');
    const facts2 = juvenileJusticeOf(facts.context, 'GM0363')!;
    expect(facts2.period).toBe('2026HJ01');
    expect(facts2.rows.map((r) => r.label)).toEqual(['Totaal jeugdreclassering', 'Toezicht en begeleiding', 'ITB Harde Kern', 'ITB CRIEM', 'Gedragsbeïnvloedende maatregel', 'Vrijwillig kader', 'Overige jeugdreclassering']);
    for (const row of facts2.rows) {
      const file = jr.find((r) => r.regio === 'GM0363' && r.perioden === '2026HJ01' && r['soort-jeugdreclassering'] === row.code)!;
      expect([row.running, row.begun, row.ended], row.code).toEqual([file.trajecten_lopend, file.trajecten_begonnen, file.trajecten_beeindigd].map((v) => shown(v!)));
    }
    for (const total of jr.filter((r) => r.regio === 'NL01' && r['soort-jeugdreclassering'] === 'T001')) {
      const parts = jr.filter((r) => r.regio === 'NL01' && r.perioden === total.perioden && r['soort-jeugdreclassering'] !== 'T001');
      expect(parts).toHaveLength(6);
      const sum = parts.reduce((n, r) => n + Number(r.trajecten_lopend), 0);
      expect(Math.abs(sum - Number(total.trajecten_lopend)), total.perioden).toBeLessThanOrEqual(15);
    }
    // Persons and trajecten are different units: a youth has about 1,1 trajecten, never fewer than one.
    const persons = readRows('data/jeugdreclassering/observations.csv').find((r) => r.regio === 'NL01' && r.perioden === '2026HJ01')!;
    const ratio = Number(jr.find((r) => r.regio === 'NL01' && r.perioden === '2026HJ01' && r['soort-jeugdreclassering'] === 'T001')!.trajecten_lopend) / Number(persons.jongeren_jeugdreclassering);
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.25);
  });

  it('agrees between the tables of youths and of measures or trajecten in every region and period (review finding)', () => {
    // No youths with a maatregel (nihil) means no measure of it running (nihil too), and the other way round.
    let nihil = 0;
    const key = (r: CsvRow) => `${r.regio} ${r.perioden} ${r.maatregel}`;
    const measureOf = new Map(measures.map((r) => [key(r), r]));
    for (const person of persons) {
      const measure = measureOf.get(key(person))!;
      const [youths, running] = [person.jongeren_jeugdbescherming, measure.maatregelen_lopend];
      if (youths === '-' || running === '-') {
        expect(`${youths} ${running}`, `${person.regio} ${person.perioden} ${person.maatregel}`).toBe('- -');
        nihil++;
      }
    }
    expect(nihil).toBeGreaterThan(1000);
    // Youths with jeugdreclassering (a number, or a small count kept secret) have trajecten: never nihil.
    const jr = readRows('data/jeugdreclasseringstrajecten/observations.csv').filter((r) => r['soort-jeugdreclassering'] === 'T001');
    const trajecten = new Map(jr.map((r) => [`${r.regio} ${r.perioden}`, r.trajecten_lopend]));
    let withYouths = 0;
    for (const row of readRows('data/jeugdreclassering/observations.csv')) {
      if (row.jongeren_jeugdreclassering === '-') continue;
      withYouths++;
      expect(trajecten.get(`${row.regio} ${row.perioden}`), `${row.regio} ${row.perioden}`).not.toBe('-');
    }
    expect(withYouths).toBeGreaterThan(10_000);
  });
});
