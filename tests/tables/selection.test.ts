import { describe, expect, it } from 'vitest';
import {
  defaultSelection,
  describeRegionToken,
  parseSelection,
  placeDimensions,
  readRegionToken,
  resolveRegionTokens,
  serialiseSelection,
  type Selection,
  type SelectionContext,
} from '../../src/lib/tables/selection';
import type { RegionInfo } from '../../src/lib/tables/table-source';
import { fixtureSource } from './fixture';

const source = fixtureSource();
const context: SelectionContext = { meta: source.meta, periods: source.periods, regions: source.regions };

describe('the default selection', () => {
  it('is the latest period, the totals, all measures, and Nederland with provincies, jeugdregio’s and gemeenten in the rows', () => {
    expect(defaultSelection(context)).toEqual({
      regions: ['NL01', 'provincies', 'jeugdregios', 'gemeenten'],
      periods: ['2023HJ01'],
      topics: { hulpvorm: ['T001'] },
      measures: ['trajecten', 'jongeren', 'bevolking', 'jongeren_pct'],
      rows: ['regio'],
      columns: ['maat'],
      view: 'omgerekend',
    });
  });

  it('opens a table with years beside its half years on the latest half year, as the key figures show it', () => {
    // April: the 2nd half year is published with the whole year, which sorts after it.
    const codes = ['2022HJ01', '2022HJ02', '2022JJ00'];
    const mixed: SelectionContext = { ...context, meta: { ...context.meta, periods: codes.map((code) => ({ code, status: 'voorlopig' as const })) }, periods: codes };
    expect(defaultSelection(mixed).periods).toEqual(['2022HJ02']);
    // A yearly table opens on its latest year.
    const yearly: SelectionContext = { ...context, meta: { ...context.meta, periods: [{ code: '2022JJ00', status: 'definitief' }] }, periods: ['2022JJ00'] };
    expect(defaultSelection(yearly).periods).toEqual(['2022JJ00']);
  });

  it('is the empty query, and the empty query is the default', () => {
    expect(serialiseSelection(defaultSelection(context), context)).toBe('');
    expect(parseSelection('', context)).toEqual({ selection: defaultSelection(context), messages: [] });
  });

  it('leaves wijken out of a wijken table’s default', () => {
    const regions: RegionInfo[] = [
      { code: 'NL01', label: 'Nederland', kind: 'land' },
      { code: 'GM0363', label: 'Amsterdam', kind: 'gemeente', provincie: 'PV27', jeugdregio: 'JZ16' },
      { code: 'WK036300', label: 'Centrum', kind: 'wijk', gemeente: 'GM0363', provincie: 'PV27', jeugdregio: 'JZ16' },
    ];
    expect(defaultSelection({ ...context, regions }).regions).toEqual(['NL01', 'gemeenten']);
  });
});

describe('selection in the address', () => {
  const selection: Selection = {
    regions: ['NL01', 'GM0363', 'gemeenten-PV26'],
    periods: ['2022HJ02', '2023HJ01'],
    topics: { hulpvorm: ['01', '11'] },
    measures: ['trajecten', 'jongeren_pct'],
    rows: ['perioden', 'hulpvorm'],
    columns: ['regio', 'maat'],
    view: 'gepubliceerd',
  };

  it('is written readably, with literal commas, only what differs from the default', () => {
    expect(serialiseSelection(selection, context)).toBe(
      'regio=NL01,GM0363,gemeenten-PV26&perioden=2022HJ02,2023HJ01&hulpvorm=01,11&maat=trajecten,jongeren_pct&rijen=perioden,hulpvorm&kolommen=regio,maat&indeling=gepubliceerd',
    );
    expect(serialiseSelection({ ...defaultSelection(context), periods: ['2022HJ01'] }, context)).toBe('perioden=2022HJ01');
  });

  it('reads back what it wrote', () => {
    const query = serialiseSelection(selection, context);
    expect(parseSelection(query, context)).toEqual({ selection, messages: [] });
    expect(parseSelection(`?${query}`, context).selection).toEqual(selection);
  });

  it('reads repeated parameters, any case, and puts values in the dataset’s order', () => {
    const { selection: read, messages } = parseSelection('regio=gm0363&regio=NL01&perioden=2023hj01,2022HJ01&maat=jongeren_pct,trajecten', context);
    expect(messages).toEqual([]);
    expect(read.regions).toEqual(['GM0363', 'NL01']);
    expect(read.periods).toEqual(['2022HJ01', '2023HJ01']);
    expect(read.measures).toEqual(['trajecten', 'jongeren_pct']);
  });

  it('ignores unknown codes with a message and keeps the rest', () => {
    const { selection: read, messages } = parseSelection(
      'regio=GM0363,GM9999,nergens&perioden=2023HJ01,2031HJ01&hulpvorm=T001,99&maat=trajecten,vermogen&rijen=regio,kleur&kolommen=maat&indeling=morgen',
      context,
    );
    expect(read.regions).toEqual(['GM0363']);
    expect(read.periods).toEqual(['2023HJ01']);
    expect(read.topics).toEqual({ hulpvorm: ['T001'] });
    expect(read.measures).toEqual(['trajecten']);
    expect(read.rows).toEqual(['regio']);
    expect(read.view).toBe('omgerekend');
    expect(messages).toEqual([
      'Onbekende regio “GM9999” genegeerd.',
      'Onbekende regio “nergens” genegeerd.',
      'Onbekende periode “2031HJ01” genegeerd.',
      'Onbekende categorie van hulpvorm “99” genegeerd.',
      'Onbekend onderwerp “vermogen” genegeerd.',
      'Onbekende dimensie “kleur” genegeerd.',
      'Onbekende indeling “morgen” genegeerd.',
    ]);
  });

  it('falls back to the default when nothing valid is left, and says so', () => {
    const { selection: read, messages } = parseSelection('perioden=2040JJ00&regio=', context);
    expect(read.periods).toEqual(['2023HJ01']);
    expect(read.regions).toEqual(defaultSelection(context).regions);
    expect(messages).toContain('Geen geldige periode gekozen; de standaardkeuze wordt getoond.');
    expect(messages).toContain("Geen geldige regio's gekozen; de standaardkeuze wordt getoond.");
  });
});

describe('region tokens', () => {
  it('reads codes, kinds and kinds within a region, and rejects what makes no sense', () => {
    expect(readRegionToken('gm0363')).toEqual({ token: 'GM0363', code: 'GM0363' });
    expect(readRegionToken('Gemeenten-pv26')).toEqual({ token: 'gemeenten-PV26', kind: 'gemeente', within: 'PV26' });
    expect(readRegionToken('wijken-GM0363')).toEqual({ token: 'wijken-GM0363', kind: 'wijk', within: 'GM0363' });
    expect(readRegionToken('gemeenten-GM0363')).toBeUndefined();
    expect(readRegionToken('provincies-PV26')).toBeUndefined();
    expect(readRegionToken('steden')).toBeUndefined();
  });

  it('resolves gemeenten within a provincie and a jeugdregio on the register', () => {
    const utrecht = resolveRegionTokens(['gemeenten-PV26'], source.regions);
    expect(utrecht.map((r) => r.code)).toContain('GM0344');
    expect(utrecht.every((r) => r.kind === 'gemeente' && r.provincie === 'PV26')).toBe(true);
    expect(utrecht).toHaveLength(26);
    const amsterdamAmstelland = resolveRegionTokens([`gemeenten-${source.regions.find((r) => r.code === 'GM0363')!.jeugdregio}`], source.regions);
    expect(amsterdamAmstelland.map((r) => r.label)).toEqual(expect.arrayContaining(['Amsterdam', 'Amstelveen', 'Weesp']));
  });

  it('keeps table order and names each region once', () => {
    const resolved = resolveRegionTokens(['GM0363', 'gemeenten-PV27', 'NL01', 'provincies'], source.regions);
    expect(resolved[0]!.code).toBe('NL01');
    expect(resolved.slice(1, 13).every((r) => r.kind === 'provincie')).toBe(true);
    expect(resolved.filter((r) => r.code === 'GM0363')).toHaveLength(1);
  });

  it('describes tokens in words for the list of chosen regions', () => {
    expect(describeRegionToken('gemeenten', source.regions)).toBe('Alle gemeenten');
    expect(describeRegionToken('gemeenten-PV26', source.regions)).toBe('Gemeenten in Utrecht (provincie)');
    expect(describeRegionToken('GM0344', source.regions)).toBe('Utrecht (gemeente)');
    expect(describeRegionToken('NL01', source.regions)).toBe('Nederland');
  });
});

describe('placing dimensions in rows and columns', () => {
  const order = ['regio', 'perioden', 'hulpvorm', 'maat'];
  const base = defaultSelection(context);

  it('adds an unplaced dimension with several items to the rows', () => {
    const counts = new Map([['regio', 3], ['perioden', 2], ['hulpvorm', 1], ['maat', 4]]);
    expect(placeDimensions(base, counts, order)).toEqual({ rows: ['regio', 'perioden'], columns: ['maat'] });
  });

  it('keeps a table with something on both sides', () => {
    const counts = new Map([['regio', 1], ['perioden', 1], ['hulpvorm', 1], ['maat', 4]]);
    expect(placeDimensions({ ...base, rows: [], columns: ['maat'] }, counts, order)).toEqual({ rows: ['regio'], columns: ['maat'] });
    expect(placeDimensions({ ...base, rows: ['regio', 'maat'], columns: [] }, counts, order)).toEqual({ rows: ['regio'], columns: ['maat'] });
  });
});
