/**
 * Duration and ending of jeugdhulptrajecten on a fact page (issue 14, item 2), on the default data. Expected
 * numbers are read straight from the data file with papaparse, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src/lib/facts/outcome';
import { formatNumber, parseDutchNumber } from '../../src/lib/format/number';
import { useDefaultFacts } from './default-data';

const facts = useDefaultFacts();

type CsvRow = Record<string, string>;
const rows = Papa.parse<CsvRow>(readFileSync('data/jeugdhulp-verloop/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const flows = Papa.parse<CsvRow>(readFileSync('data/jeugdhulp-instroom/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const flow = (region: string, period: string) => flows.find((r) => r.regio === region && r.perioden === period)!;
const comebacks = Papa.parse<CsvRow>(readFileSync('data/jeugdhulp-terugkeer/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const comeback = (region: string, period: string) => comebacks.find((r) => r.regio === region && r.perioden === period)!;
const find = (region: string, period: string, verblijf: string) => rows.find((r) => r.regio === region && r.perioden === period && r.verblijf === verblijf)!;
const shown = (text: string) => (/^\d+$/.test(text) ? formatNumber(Number(text)) : text);
const CLASSES = ['duur_0_3_maanden', 'duur_3_6_maanden', 'duur_6_12_maanden', 'duur_1_2_jaar', 'duur_2_3_jaar', 'duur_3_4_jaar', 'duur_4_jaar_of_langer'];
const share = (part: string, whole: string) => {
  const [p, w] = [Number(part), Number(whole)];
  return Number.isFinite(p) && Number.isFinite(w) && w >= 50 ? formatNumber((p / w) * 100, 1) : undefined;
};

describe('duration and ending of jeugdhulp on a fact page', () => {
  it('shows Zwolle’s ended trajecten by duration, zonder and met verblijf and beside Nederland, as in the data file', () => {
    const o = outcomeOf(facts.context, 'GM0193')!;
    expect(o.period).toBe('2026HJ01');
    expect(o.columns).toEqual(['Totaal', 'Zonder verblijf', 'Met verblijf', 'Nederland']);
    const sources = [find('GM0193', o.period, 'T001'), find('GM0193', o.period, 'ZONDER'), find('GM0193', o.period, 'MET'), find('NL01', o.period, 'T001')];
    expect(o.ended).toEqual(sources.map((r) => shown(r.trajecten_beeindigd!)));
    expect(o.duration.map((r) => r.label)).toEqual(['0 tot 3 maanden', '3 tot 6 maanden', '6 maanden tot 1 jaar', '1 tot 2 jaar', '2 tot 3 jaar', '3 tot 4 jaar', '4 jaar of langer', 'Gemiddelde duur (dagen)']);
    CLASSES.forEach((id, k) => {
      sources.forEach((source, c) => {
        const expected = share(source[id]!, source.trajecten_beeindigd!);
        if (expected) expect(o.duration[k]!.cells[c], `${id} ${c}`).toBe(expected);
      });
    });
    expect(o.duration.at(-1)!.cells).toEqual(sources.map((r) => shown(r.gemiddelde_duur!)));
    expect(o.average).toContain(`gemiddeld ${shown(sources[0]!.gemiddelde_duur!)} dagen (Nederland: ${shown(sources[3]!.gemiddelde_duur!)} dagen)`);
    expect(o.average).toContain('geen oordeel');
    // Reasons are shares of the trajecten with a known reason.
    expect(o.known[0]).toBe(shown(sources[0]!.beeindigd_reden_bekend!));
    expect(o.reasons[0]!.label).toBe('Volgens plan');
    expect(o.reasons[0]!.cells[0]).toBe(share(sources[0]!.reden_volgens_plan!, sources[0]!.beeindigd_reden_bekend!));
    expect(o.unknown).toContain(`Van ${shown(sources[0]!.reden_onbekend!)} beëindigde trajecten`);
  });

  it('tells how many youths came into jeugdhulp and how many stopped in the latest half year, as in the data file', () => {
    const o = outcomeOf(facts.context, 'GM0193')!;
    const now = flow('GM0193', '2026HJ01');
    expect(o.inflow!.figure).toBe(
      `In het 1e halfjaar 2026* kwamen ${shown(now.jongeren_instroom!)} jongeren nieuw in de jeugdhulp: ${share(now.jongeren_instroom!, now.jongeren_tot_18!)}% van alle ${shown(now.jongeren_tot_18!)} jongeren tot 18 jaar. Nieuw is: op de eerste dag van het halfjaar liep er voor hen geen jeugdhulp.`,
    );
    expect(o.outflow!.figure).toBe(
      `In het 1e halfjaar 2026* stopten ${shown(now.jongeren_uitstroom!)} van de ${shown(now.jongeren_jeugdhulp!)} jongeren met jeugdhulp (${share(now.jongeren_uitstroom!, now.jongeren_jeugdhulp!)}%): op de laatste dag van het halfjaar liep er voor hen geen jeugdhulp meer.`,
    );
    expect(o.flowDatasetId).toBe('jeugdhulp-instroom');
  });

  it('tells how many of the youths who stopped a year before the latest half year came back within a year, as in the data file', () => {
    const o = outcomeOf(facts.context, 'GM0193')!;
    // Known a year later: the latest half year of this table is a year before the section's other figures.
    const then = comeback('GM0193', '2025HJ01');
    expect(o.comeback!.figure).toBe(
      `Van de ${shown(then.jongeren_uitstroom!)} jongeren die in het 1e halfjaar 2025* met jeugdhulp stopten, kreeg ${share(then.jongeren_terug_binnen_jaar!, then.jongeren_uitstroom!)}% binnen een jaar weer jeugdhulp (${shown(then.jongeren_terug_binnen_jaar!)} jongeren). Dat is pas een jaar later bekend; daarom gaat dit cijfer over een eerder halfjaar dan de andere.`,
    );
    // The youths who stopped are those the instroom table counted as its uitstroom in that half year.
    expect(then.jongeren_uitstroom).toBe(flow('GM0193', '2025HJ01').jongeren_uitstroom);
    expect(o.comebackDatasetId).toBe('jeugdhulp-terugkeer');
  });

  it('judges ending as planned and herhaald beroep against Nederland in words that follow the printed figures, with a margin around them', () => {
    const nl = find('NL01', '2026HJ01', 'T001');
    const nlNow = flow('NL01', '2026HJ01');
    const nlThen = comeback('NL01', '2025HJ01');
    const references = {
      comeback: formatNumber((Number(nlThen.jongeren_terug_binnen_jaar) / Number(nlThen.jongeren_uitstroom)) * 100, 1),
      planned: formatNumber((Number(nl.reden_volgens_plan) / Number(nl.beeindigd_reden_bekend)) * 100, 1),
      returning: formatNumber((Number(nl.gestart_herhaald_beroep) / Number(nl.trajecten_gestart)) * 100, 1),
      inflow: formatNumber((Number(nlNow.jongeren_instroom) / Number(nlNow.jongeren_tot_18)) * 100, 1),
      outflow: formatNumber((Number(nlNow.jongeren_uitstroom) / Number(nlNow.jongeren_jeugdhulp)) * 100, 1),
    };
    const judged = { planned: 0, returning: 0, inflow: 0, outflow: 0, comeback: 0 };
    const words = new Set<string>();
    for (const code of facts.context.currentGemeenten()) {
      const o = outcomeOf(facts.context, code)!;
      for (const key of ['planned', 'returning', 'inflow', 'outflow', 'comeback'] as const) {
        const s = o[key]!;
        if (!s.judgement?.verdict) continue;
        judged[key]++;
        words.add(s.judgement.verdict);
        expect(s.verdict, code).toContain(`in Nederland (${references[key]}%)`);
        const own = parseDutchNumber(/(\d+,\d)%/.exec(s.figure)![1]!)!;
        const reference = parseDutchNumber(references[key])!;
        if (s.judgement.verdict.endsWith('hoger')) expect(own, code).toBeGreaterThan(reference);
        if (s.judgement.verdict.endsWith('lager')) expect(own, code).toBeLessThan(reference);
        const [, lower, upper] = /(\d+,\d)–(\d+,\d)%/.exec(s.margin!)!;
        expect(own, code).toBeGreaterThanOrEqual(parseDutchNumber(lower!)!);
        expect(own, code).toBeLessThanOrEqual(parseDutchNumber(upper!)!);
      }
    }
    expect(judged.inflow).toBeGreaterThan(200);
    expect(judged.outflow).toBeGreaterThan(200);
    expect(judged.planned).toBeGreaterThan(200);
    expect(judged.returning).toBeGreaterThan(200);
    expect(judged.comeback).toBeGreaterThan(200);
    // The demo gemeenten lean their own way: not every verdict is "niet duidelijk anders".
    expect(words.size).toBeGreaterThan(1);
  });

  it('gives Nederland its figures without a verdict or a column of itself', () => {
    const o = outcomeOf(facts.context, 'NL01')!;
    expect(o.columns).toEqual(['Totaal', 'Zonder verblijf', 'Met verblijf']);
    expect(o.planned!.verdict).toBeUndefined();
    expect(o.average).not.toContain('Nederland:');
  });

  it('says a count kept secret so that another cannot be worked out is not small itself', () => {
    // Every gemeente whose ended trajecten with a known reason are "x" in the latest half year.
    const secret = rows.filter((r) => r.regio?.startsWith('GM') && r.perioden === '2026HJ01' && r.verblijf === 'T001' && r.beeindigd_reden_bekend === 'x');
    expect(secret.length).toBeGreaterThan(0);
    for (const row of secret) {
      const planned = outcomeOf(facts.context, row.regio!)?.planned;
      if (!planned) continue;
      expect(planned.figure, row.regio).toContain('afgeschermd, zodat een klein aantal niet uit de andere cijfers terug te rekenen is');
      expect(planned.figure, row.regio).not.toContain('omdat het zo klein is');
    }
  });

  it('says why a small gemeente gets no share: Vlieland’s few trajecten', () => {
    const o = outcomeOf(facts.context, 'GM0096')!;
    for (const s of [o.planned!, o.returning!, o.outflow!, o.comeback!]) {
      expect(s.figure).toMatch(/^Welk deel van de .*, is niet berekend: .*(afgeschermd|minder dan 50)/);
      expect(s.judgement).toBeUndefined();
    }
  });
});

describe('the footnotes of the detailed sections under "Goed om te weten"', () => {
  it('lists the notes of the verloop, instroom and jeugdbescherming tables that Zwolle’s sections show', async () => {
    const { regionFacts } = await import('../../src/lib/facts/region-facts');
    const notes = regionFacts(facts.context, 'GM0193').footnotes.map((f) => `${f.datasetId}:${f.footnote.id}`);
    // The imputed end dates (ended trajecten, duration; the outflow), why a year is not two half years of
    // flows, and that an extended OTS is the same measure.
    expect(notes).toEqual(expect.arrayContaining(['jeugdhulp-verloop:einddatum-geschat', 'jeugdhulp-instroom:einddatum-geschat', 'jeugdhulp-instroom:stroom-jaren', 'jeugdbeschermingstrajecten:verlenging', 'jeugdhulp-terugkeer:terugkeer-volgtijd']));
  });

  it('marks those as notes of the detailed sections, which a printed factsheet leaves out, and not the general ones', async () => {
    const { regionFacts } = await import('../../src/lib/facts/region-facts');
    const detail = (id: string) => regionFacts(facts.context, 'GM0193').footnotes.filter((f) => f.footnote.id === id).map((f) => f.detail ?? false);
    expect(detail('verlenging')).toEqual([true]);
    expect(detail('stroom-jaren')).toEqual([true]);
    expect(detail('woonplaatsbeginsel')).toEqual([false]);
  });

  it('leaves them out on a former gemeente’s page, which has none of those sections', async () => {
    const { regionFacts } = await import('../../src/lib/facts/region-facts');
    const former = regionFacts(facts.context, 'GM0457');
    expect(former.outcome).toBeUndefined();
    expect(former.footnotes.map((f) => f.footnote.id)).not.toContain('stroom-jaren');
    expect(former.footnotes.map((f) => f.footnote.id)).not.toContain('verlenging');
  });
});
