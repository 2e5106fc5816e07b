/**
 * The statistical neighbours on the default (demonstration) data, with its dataset `kenmerken`, and the
 * fallback to the size class on data without it (the fact-page fixture, as a build from the real CBS files
 * on jeugdzorg would be).
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { formatNumber } from '../../src/lib/format/number';
import { NEIGHBOUR_CHARACTERISTICS } from '../../src/lib/neighbours/characteristics';
import { neighbourDownload, neighboursCsv } from '../../src/lib/neighbours/download';
import { neighbourExample } from '../../src/lib/neighbours/example';
import { distanceBetween, meanAndSd, statisticalNeighbours, type GemeenteCharacteristics, type NeighbourOutcome } from '../../src/lib/neighbours/neighbours';
import { neighbourSection } from '../../src/lib/neighbours/section';
import { characteristicCell, computeSiteNeighbours, siteNeighbours, type SiteNeighbours } from '../../src/lib/neighbours/site';
import { peerGroupOf, peerPhrase } from '../../src/lib/facts/comparison';
import { useDefaultFacts } from '../facts/default-data';
import { fixture } from '../facts/fixture';

const facts = useDefaultFacts();
/** The neighbours of an outcome that must have them. */
function buren(outcome: NeighbourOutcome) {
  if (outcome.kind !== 'buren') throw new Error(`${outcome.code} heeft geen buren`);
  return outcome;
}
const codeOf = (name: string) => facts.context.currentGemeenten().find((c) => facts.context.register.label(c) === name)!;

describe('the neighbours of every current gemeente on the default data', () => {
  it('are chosen on all seven characteristics of the latest year', () => {
    const site = siteNeighbours(facts.context);
    expect(site.absent).toBeUndefined();
    expect(site.period).toBe(site.dataset!.periods.at(-1));
    expect(site.model!.method.characteristics.map((c) => c.id)).toEqual(NEIGHBOUR_CHARACTERISTICS.map((c) => c.id));
    expect(site.model!.method.placed).toBe(facts.context.currentGemeenten().length);
  });

  it('gives every gemeente ten neighbours, never itself, nearest first, ranked 1 to 10', () => {
    const site = siteNeighbours(facts.context);
    for (const code of facts.context.currentGemeenten()) {
      const o = site.of(code);
      if (o.kind !== 'buren') throw new Error(`${code} heeft geen buren`);
      expect(o.neighbours).toHaveLength(10);
      expect(new Set(o.neighbours.map((n) => n.code)).size).toBe(10);
      expect(o.neighbours.map((n) => n.code)).not.toContain(code);
      expect(o.neighbours.map((n) => n.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (let i = 1; i < 10; i++) expect(o.neighbours[i]!.distance).toBeGreaterThanOrEqual(o.neighbours[i - 1]!.distance);
    }
  });

  it('has z-scores with mean 0 and sd 1 over the gemeenten, and distances that are the distances between them, both ways', () => {
    const site = siteNeighbours(facts.context);
    const z = new Map(facts.context.currentGemeenten().map((c) => [c, buren(site.of(c)).z]));
    const weights = site.model!.method.characteristics.map((c) => c.weight);
    site.model!.method.characteristics.forEach((_, j) => {
      const { mean, sd } = meanAndSd([...z.values()].map((v) => v[j]!));
      expect(mean).toBeCloseTo(0, 9);
      expect(sd).toBeCloseTo(1, 9);
    });
    let mutual = 0;
    for (const [code, own] of z) {
      const o = site.of(code);
      if (o.kind !== 'buren') continue;
      for (const n of o.neighbours) {
        expect(n.distance).toBeCloseTo(distanceBetween(own, z.get(n.code)!, weights), 8);
        const back = site.of(n.code);
        const there = back.kind === 'buren' ? back.neighbours.find((m) => m.code === code) : undefined;
        if (there) {
          mutual++;
          expect(there.distance).toBe(n.distance);
        }
      }
    }
    expect(mutual).toBeGreaterThan(0);
    // Nobody closer was left out: the tenth neighbour is at most as far as any gemeente not on the list.
    const amsterdam = codeOf('Amsterdam');
    const list = buren(site.of(amsterdam));
    const tenth = list.neighbours[9]!.distance;
    for (const [code, other] of z) {
      if (code === amsterdam || list.neighbours.some((n) => n.code === code)) continue;
      expect(distanceBetween(z.get(amsterdam)!, other, weights)).toBeGreaterThanOrEqual(tenth - 1e-9);
    }
  });

  it('is deterministic: computed again, or from the gemeenten in another order, the same', () => {
    const site = siteNeighbours(facts.context);
    const again = computeSiteNeighbours(facts.context);
    expect([...again.model!.outcomes]).toEqual([...site.model!.outcomes]);
    const input: GemeenteCharacteristics[] = facts.context.currentGemeenten().map((code) => ({
      code,
      values: Object.fromEntries(NEIGHBOUR_CHARACTERISTICS.map((c) => [c.id, characteristicCell(site.dataset!, code, site.period!, c.id)?.value ?? null])),
    }));
    const reversed = statisticalNeighbours([...input].reverse(), NEIGHBOUR_CHARACTERISTICS);
    expect([...reversed.outcomes]).toEqual([...site.model!.outcomes]);
  });

  it('puts Vlieland next to Schiermonnikoog, and the big cities far from the small islands', () => {
    const site = siteNeighbours(facts.context);
    const of = (name: string) => {
      const o = site.of(codeOf(name));
      return o.kind === 'buren' ? o.neighbours.map((n) => facts.context.register.label(n.code)) : [];
    };
    expect(of('Vlieland')[0]).toBe('Schiermonnikoog');
    expect(of('Schiermonnikoog')[0]).toBe('Vlieland');
    expect(of('Amsterdam')).not.toContain('Vlieland');
    // Amsterdam's neighbours are all towns of some size: at least 50.000 inhabitants.
    for (const n of buren(site.of(codeOf('Amsterdam'))).neighbours) {
      expect(characteristicCell(site.dataset!, n.code, site.period!, 'inwoners')!.value).toBeGreaterThan(50_000);
    }
  });
});

describe('the section on the fact page', () => {
  it("names and links Amsterdam's ten neighbours, with its own row first and Nederland last, in units", () => {
    const section = neighbourSection(facts.context, codeOf('Amsterdam'));
    if (section.kind !== 'buren') throw new Error(section.text);
    expect(section.neighbours).toHaveLength(10);
    for (const n of section.neighbours) expect(n.href).toMatch(/^\/gemeente\/[a-z0-9-]+\/$/);
    expect(section.rows.map((r) => r.header)).toEqual(['Amsterdam', ...section.neighbours.map((n) => n.name), 'Nederland']);
    expect(section.rows[0]!.highlight).toBe(true);
    expect(section.columns).toEqual([
      { label: 'Inwoners', unit: 'aantal' },
      { label: expect.any(String), unit: expect.stringContaining('km²') },
      { label: 'Laag inkomen', unit: '%' },
    ]);
    // Nederland's row is the published one, not a sum of the gemeenten's shares.
    const site = siteNeighbours(facts.context);
    expect(section.rows.at(-1)!.cells[2]).toBe(formatNumber(characteristicCell(site.dataset!, 'NL01', site.period!, 'jongeren_laag_inkomen')!.value!, 1));
    expect(section.chosen).toMatch(/^De tien gemeenten die het meest op Amsterdam lijken, gemeten aan het aantal inwoners, .* en het gemiddelde inkomen in 2025\. Elk kenmerk telt even zwaar/);
  });

  it('says why a gemeente that lacks a characteristic is compared with its size class', () => {
    // Vlieland without its average income: the model on the real values of all others.
    const site = siteNeighbours(facts.context);
    const vlieland = codeOf('Vlieland');
    const input = facts.context.currentGemeenten().map((code) => ({
      code,
      values: Object.fromEntries(NEIGHBOUR_CHARACTERISTICS.map((c) => [c.id, code === vlieland && c.id === 'gemiddeld_inkomen' ? null : characteristicCell(site.dataset!, code, site.period!, c.id)?.value ?? null])),
    }));
    const model = statisticalNeighbours(input, NEIGHBOUR_CHARACTERISTICS);
    const without: SiteNeighbours = { ...site, model, of: (c) => model.outcomes.get(c)! };
    expect(neighbourSection(facts.context, vlieland, without)).toMatchObject({
      kind: 'grootteklasse',
      text: 'Van Vlieland is in 2025 niet bekend: het gemiddelde inkomen. Zonder dat kiezen we geen vergelijkbare gemeenten op kenmerken; daarom vergelijkt deze pagina Vlieland met gemeenten van dezelfde grootteklasse: gemeenten met minder dan 10.000 inwoners.',
    });
    // Nobody has Vlieland as a neighbour any more; Schiermonnikoog's nearest is now another.
    for (const o of model.outcomes.values()) if (o.kind === 'buren') expect(o.neighbours.map((n) => n.code)).not.toContain(vlieland);
  });

  it('falls back to the size class for every gemeente on data without the characteristics, and says so', () => {
    const { context } = fixture();
    const site = computeSiteNeighbours(context);
    expect(site.absent).toBe('geen-tabel');
    expect(site.model).toBeUndefined();
    for (const code of context.currentGemeenten()) expect(site.of(code)).toEqual({ kind: 'grootteklasse', code, missing: [] });
    const section = neighbourSection(context, 'GM0363', site);
    expect(section).toMatchObject({
      kind: 'grootteklasse',
      text: 'Om vergelijkbare gemeenten te kiezen zijn kenmerken van gemeenten nodig, zoals inkomen en stedelijkheid. Die zitten niet in de gegevens van deze site; daarom vergelijkt deze pagina Amsterdam met gemeenten van dezelfde grootteklasse: gemeenten met 250.000 inwoners of meer.',
    });
    // The download still lists every gemeente, each with one row that says so.
    const table = neighbourDownload(context, site);
    expect(table.rows).toHaveLength(context.currentGemeenten().length);
    expect(new Set(table.rows.map((r) => r[2]))).toEqual(new Set(['grootteklasse']));
  });

  it('falls back when the data has only the population characteristics, and names them', () => {
    // Inwoners and the share of youths, as the CBS population tables give them: no more than a finer size class.
    const site = computeSiteNeighbours(facts.context, NEIGHBOUR_CHARACTERISTICS.filter((c) => c.id === 'inwoners' || c.id === 'aandeel_jongeren_tot_18'));
    expect(site.absent).toBe('te-weinig-kenmerken');
    expect(site.known).toEqual(['inwoners', 'aandeel_jongeren_tot_18']);
    expect(neighbourSection(facts.context, codeOf('Zwolle'), site)).toMatchObject({
      kind: 'grootteklasse',
      text: 'Om vergelijkbare gemeenten te kiezen zijn meer kenmerken van gemeenten nodig, zoals inkomen en stedelijkheid. In de gegevens van deze site staan alleen het aantal inwoners en het aandeel jongeren tot 18 jaar; daarom vergelijkt deze pagina Zwolle met gemeenten van dezelfde grootteklasse: gemeenten met 100.000 tot 250.000 inwoners.',
    });
    // With a third (income), they are chosen on the three.
    const three = computeSiteNeighbours(facts.context, NEIGHBOUR_CHARACTERISTICS.filter((c) => ['inwoners', 'aandeel_jongeren_tot_18', 'gemiddeld_inkomen'].includes(c.id)));
    expect(three.absent).toBeUndefined();
    expect(buren(three.of(codeOf('Zwolle'))).neighbours).toHaveLength(10);
  });
});

describe('the download of all neighbours', () => {
  it('has a row per gemeente and rank, and the Excel file says the same as the comma file under unique Dutch labels', () => {
    const table = neighbourDownload(facts.context);
    const gemeenten = facts.context.currentGemeenten();
    expect(table.rows).toHaveLength(gemeenten.length * 10);
    const parse = (text: string, delimiter: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, skipEmptyLines: true }).data;
    const comma = parse(neighboursCsv(facts.context, 'rfc4180'), ',');
    const excel = parse(neighboursCsv(facts.context, 'excel-nl'), ';');
    expect(comma[0]).toEqual(table.columns.map((c) => c.name));
    expect(excel[0]).toEqual(table.columns.map((c) => c.label));
    expect(new Set(excel[0]).size).toBe(excel[0]!.length);
    expect(excel[0]).toContain('Inwoners, gemeente (aantal)');
    expect(excel[0]).toContain('Afstand (standaarddeviaties)');
    expect(excel[0]).toContain('Eenoudergezinnen, vergelijkbare gemeente (% van de huishoudens met kinderen)');
    expect(comma).toHaveLength(table.rows.length + 1);
    for (let i = 1; i < comma.length; i++) {
      expect(excel[i]!.map((v) => v.replace(',', '.'))).toEqual(comma[i]!.map((v) => v.replace(',', '.')));
    }
    const site = siteNeighbours(facts.context);
    const amsterdam = comma.filter((r) => r[0] === codeOf('Amsterdam'));
    const own = buren(site.of(codeOf('Amsterdam')));
    expect(amsterdam.map((r) => r[4])).toEqual(own.neighbours.map((n) => n.code));
    expect(amsterdam.map((r) => Number(r[6]))).toEqual(own.neighbours.map((n) => Number(n.distance.toFixed(6))));
    expect(amsterdam[0]![comma[0]!.indexOf('inwoners')]).toBe(String(characteristicCell(site.dataset!, codeOf('Amsterdam'), site.period!, 'inwoners')!.value));
  });
});

describe('the worked example of the method page', () => {
  it('adds the squared differences of the z-scores up to the distance of the nearest neighbour', () => {
    const site = siteNeighbours(facts.context);
    const example = neighbourExample(facts.context)!;
    // The gemeente with the median number of inhabitants: as many gemeenten below it as above (342: 170 and 171).
    const inwoners = (c: string) => characteristicCell(site.dataset!, c, site.period!, 'inwoners')!.value!;
    const own = inwoners(example.gemeente.code);
    const all = facts.context.currentGemeenten();
    expect(all.filter((c) => inwoners(c) < own)).toHaveLength(Math.floor((all.length - 1) / 2));
    const outcome = buren(site.of(example.gemeente.code));
    expect(example.neighbour.code).toBe(outcome.neighbours[0]!.code);
    example.rows.forEach((r, j) => expect(r.gemeente.z).toBeCloseTo(outcome.z[j]!, 12));
    expect(Math.sqrt(example.sum)).toBeCloseTo(example.neighbour.distance, 8);
    const row = example.rows.find((r) => r.id === 'inwoners')!;
    expect(row.gemeente.transformed).toBeCloseTo(Math.log(row.gemeente.value), 12);
  });
});

describe('the comparison intro of a fact page', () => {
  it('names every neighbour in the sentence, so the printed factsheet (which leaves out their section) says with whom', () => {
    const code = codeOf('Amsterdam');
    const group = peerGroupOf(facts.context, code)!;
    expect(group.kind).toBe('vergelijkbaar');
    const label = (c: string) => facts.context.register.label(c);
    const phrase = peerPhrase(group, 'Amsterdam', 'meer dan 100.000 inwoners', label);
    const names = buren(siteNeighbours(facts.context).of(code)).neighbours.map((n) => label(n.code));
    expect(names).toHaveLength(10);
    for (const name of names) expect(phrase).toContain(name);
    expect(phrase).toMatch(new RegExp(`, ${names.at(-2)} en ${names.at(-1)}$`));
    expect(phrase).not.toMatch(/hieronder/);
  });

  it('names the size class where there are no neighbours', () => {
    expect(peerPhrase(undefined, 'Vlieland', 'minder dan 5.000 inwoners', (c) => c)).toBe('gemeenten van dezelfde grootte: gemeenten met minder dan 5.000 inwoners');
  });
});
