/**
 * The links from a gemeente's page to the tables with its comparison preselected (issue 13, item 4): their
 * addresses read back through the table page's own parser to exactly the gemeente, the gemeenten it is
 * compared with and Nederland, in the latest period, and the table built from them has those rows. On the
 * default data the peers are the statistical neighbours; on data without characteristics (the fixture, as
 * a build from the real CBS files) the size class.
 */
import { describe, expect, it } from 'vitest';
import { peerGroupOf, sizeClassGroup } from '../../src/lib/facts/comparison';
import type { FactsContext } from '../../src/lib/facts/context';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { compareLinks, comparisonSelection, MAX_ALL_MEASURES, REGION_PICKER_ANCHOR, tableHref, wijkenTableHref } from '../../src/lib/neighbours/compare-links';
import { wijkenOf, wijkenTableText } from '../../src/lib/facts/wijken';
import { neighbourSection } from '../../src/lib/neighbours/section';
import { siteNeighbours } from '../../src/lib/neighbours/site';
import { NEDERLAND } from '../../src/lib/regions/codes';
import { indexView, selectedRegions } from '../../src/lib/tables/pivot';
import { parseSelection, serialiseSelection } from '../../src/lib/tables/selection';
import { tableSourceOf, type SiteDatasetLike, type TableSource } from '../../src/lib/tables/table-source';
import { useDefaultFacts } from '../facts/default-data';
import { fixture } from '../facts/fixture';

const facts = useDefaultFacts();
const codeOf = (context: FactsContext, name: string) => context.currentGemeenten().find((c) => context.register.label(c) === name)!;

/** The table page's source of a dataset, as the table page builds it. */
function tableOf(context: FactsContext, id: string): TableSource {
  const dataset = context.datasets.find((d) => d.meta.id === id)!;
  return tableSourceOf(dataset.source as SiteDatasetLike, context.register);
}

/** A link's dataset and query, read back as the table page reads them (with JavaScript). */
function openLink(context: FactsContext, href: string) {
  const match = /^\/tabellen\/([^/]+)\/\?([^#]+)(?:#.*)?$/.exec(href);
  if (!match) throw new Error(`geen tabeladres met selectie: ${href}`);
  const table = tableOf(context, match[1]!);
  const parsed = parseSelection(match[2]!, table);
  const shown = selectedRegions(table, parsed.selection, indexView(table, parsed.selection).regions);
  return { table, query: match[2]!, ...parsed, rows: shown.regions.map((r) => r.code), rowMessages: shown.messages };
}

/** The datasets of the figures a gemeente's page compares, in page order. */
const comparedDatasets = (context: FactsContext, code: string) => [...new Set(regionFacts(context, code).comparisons.map((c) => c.figure.datasetId))];

describe('compare links on the default data (statistical neighbours)', () => {
  it('open, per dataset the page compares, exactly Amsterdam, its ten neighbours and Nederland in the latest period', () => {
    const { context } = facts;
    const amsterdam = codeOf(context, 'Amsterdam');
    const outcome = siteNeighbours(context).of(amsterdam);
    if (outcome.kind !== 'buren') throw new Error('Amsterdam heeft geen buren');
    const expected = [amsterdam, ...outcome.neighbours.map((n) => n.code), NEDERLAND];
    const links = compareLinks(context, amsterdam)!;
    expect(links.peers).toBe('vergelijkbaar');
    expect(links.count).toBe(10);
    expect(links.tables.map((t) => /^\/tabellen\/([^/]+)\//.exec(t.href)![1])).toEqual(comparedDatasets(context, amsterdam));
    expect(links.tables.map((t) => t.label)).toEqual(['jongeren met jeugdhulp', 'jongeren met jeugdbescherming', 'jongeren met jeugdreclassering']);
    for (const link of links.tables) {
      const opened = openLink(context, link.href);
      expect(opened.messages).toEqual([]);
      expect(opened.rowMessages).toEqual([]);
      expect(opened.selection.regions).toEqual(expected);
      expect(new Set(opened.rows)).toEqual(new Set(expected));
      expect(opened.rows).toHaveLength(12);
      expect(opened.selection.periods).toEqual([context.datasets.find((d) => d.meta.id === opened.table.meta.id)!.latestPeriod]);
      expect(opened.selection.rows).toEqual(['regio']);
      expect(opened.selection.columns).toEqual(['maat']);
      // A table of a few measures shows them all (the default: no maat in the address).
      expect(opened.selection.measures).toEqual(opened.table.meta.measures.map((m) => m.id));
      expect(opened.query).not.toContain('maat=');
      // The address is the table page's own: written back, the selection gives the same address.
      expect(serialiseSelection(opened.selection, opened.table)).toBe(opened.query);
    }
  });

  it('offers the first table with only the gemeente and Nederland, to pick gemeenten by name', () => {
    const { context } = facts;
    const zwolle = codeOf(context, 'Zwolle');
    const links = compareLinks(context, zwolle)!;
    expect(links.own.href).toMatch(new RegExp(`#${REGION_PICKER_ANCHOR}$`));
    const own = openLink(context, links.own.href);
    expect(own.table.meta.id).toBe(openLink(context, links.tables[0]!.href).table.meta.id);
    expect(own.selection.regions).toEqual([zwolle, NEDERLAND]);
    expect(own.rows.sort()).toEqual([zwolle, NEDERLAND].sort());
    expect(own.messages).toEqual([]);
  });

  it('compares with the same gemeenten as the verdicts on the page, for every current gemeente', () => {
    const { context } = facts;
    for (const code of context.currentGemeenten()) {
      const links = compareLinks(context, code);
      const peers = peerGroupOf(context, code)!;
      expect(links?.count).toBe(peers.members.length);
      const [, id, query] = /^\/tabellen\/([^/]+)\/\?(.+)$/.exec(links!.tables[0]!.href)!;
      const parsed = parseSelection(query!, tableOf(context, id!));
      expect(parsed.messages).toEqual([]);
      expect(parsed.selection.regions).toEqual([code, ...peers.members, NEDERLAND]);
    }
  });

  it('put into words on the page: the links in the section of Amsterdam', () => {
    const section = neighbourSection(facts.context, codeOf(facts.context, 'Amsterdam'));
    expect(section.compare?.intro).toBe('Hun cijfers naast elkaar in de tabel:');
    expect(section.compare?.ownText).toBe('alleen Amsterdam en Nederland');
    expect(section.compare?.tables).toEqual(compareLinks(facts.context, codeOf(facts.context, 'Amsterdam'))!.tables);
  });
});

describe('compare links without characteristics (size class)', () => {
  it('open the gemeente with the gemeenten of its size class and Nederland, and say so', () => {
    const { context } = fixture();
    const zwolle = codeOf(context, 'Zwolle');
    const sizeClass = sizeClassGroup(context, zwolle)!;
    expect(sizeClass.members.length).toBeGreaterThan(10);
    const section = neighbourSection(context, zwolle);
    expect(section.kind).toBe('grootteklasse');
    const compare = section.compare!;
    expect(compare.peers).toBe('grootteklasse');
    expect(compare.intro).toBe(`De cijfers van Zwolle, de ${sizeClass.members.length} gemeenten van dezelfde grootte en Nederland naast elkaar in de tabel:`);
    expect(compare.tables.length).toBeGreaterThan(0);
    for (const link of compare.tables) {
      const opened = openLink(context, link.href);
      expect(opened.messages).toEqual([]);
      expect(opened.selection.regions).toEqual([zwolle, ...sizeClass.members, NEDERLAND]);
      expect(new Set(opened.rows)).toEqual(new Set([zwolle, ...sizeClass.members, NEDERLAND]));
      expect(serialiseSelection(opened.selection, opened.table)).toBe(opened.query);
    }
  });
});

describe('comparisonSelection', () => {
  it('keeps only the compared measures of a wide table, in the table order, and the address reads back', () => {
    const { context } = facts;
    const table = tableOf(context, 'jeugdhulp');
    // The jeugdhulp table widened to more measures than fit, as a CBS table of twenty measures is.
    const extra = Array.from({ length: MAX_ALL_MEASURES }, (_, i) => ({ ...table.meta.measures[0]!, id: `extra_${i}`, label: `Extra ${i}` }));
    const wide: TableSource = { ...table, meta: { ...table.meta, measures: [...table.meta.measures, ...extra] } };
    const period = table.periods.at(-1)!;
    const selection = comparisonSelection(wide, ['GM0363', 'NL01'], period, ['jongeren_jeugdhulp_pct', 'jongeren_jeugdhulp']);
    expect(selection.measures).toEqual(['jongeren_jeugdhulp', 'jongeren_jeugdhulp_pct']);
    const href = tableHref(wide, selection);
    expect(href).toBe('/tabellen/jeugdhulp/?regio=GM0363,NL01&maat=jongeren_jeugdhulp,jongeren_jeugdhulp_pct');
    const parsed = parseSelection(href.split('?')[1]!, wide);
    expect(parsed.messages).toEqual([]);
    expect(parsed.selection).toEqual(selection);
  });

  it('writes the period when it is not the table’s latest', () => {
    const table = tableOf(facts.context, 'jeugdbescherming');
    const earlier = table.periods.at(-2)!;
    const href = tableHref(table, comparisonSelection(table, ['GM0363', 'GM0599', 'NL01'], earlier, []));
    expect(href).toBe(`/tabellen/jeugdbescherming/?regio=GM0363,GM0599,NL01&perioden=${earlier}`);
    expect(parseSelection(href.split('?')[1]!, table).selection.periods).toEqual([earlier]);
  });
});

describe('the link from a gemeente\'s wijken to their table', () => {
  it('opens the gemeente as published that year and exactly the wijken of its section, with every measure of the table', () => {
    const { context } = facts;
    let checked = 0;
    for (const code of context.currentGemeenten()) {
      const wijken = wijkenOf(context, code);
      if (!wijken) continue;
      const href = wijkenTableHref(context, code, wijken)!;
      const opened = openLink(context, href);
      expect(opened.table.meta.id, code).toBe(wijken.datasetId);
      expect(opened.messages, code).toEqual([]);
      expect(opened.selection).toMatchObject({ periods: [wijken.period], view: 'gepubliceerd', measures: opened.table.meta.measures.map((m) => m.id) });
      // The rows the table shows: the gemeente, then its wijken; the same wijken the section lists.
      expect(opened.rows[0], code).toBe(code);
      expect(opened.rows.slice(1).sort(), code).toEqual(wijken.rows.map((w) => w.code).sort());
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(40);
  });

  it('names the wijken, the gemeente and the year in its text', () => {
    const amsterdam = codeOf(facts.context, 'Amsterdam');
    const wijken = wijkenOf(facts.context, amsterdam)!;
    expect(wijkenTableText(wijken, 'Amsterdam')).toBe(`Alle cijfers van de ${wijken.rows.length} wijken van Amsterdam (${wijken.periodLabel}) in de tabel, om aan te passen en te downloaden`);
    expect(wijkenTableText({ ...wijken, rows: wijken.rows.slice(0, 1) }, 'Amsterdam')).toMatch(/^Alle cijfers van de wijk van Amsterdam /);
  });
});
