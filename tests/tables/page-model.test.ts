import { describe, expect, it } from 'vitest';
import { tablePageModel } from '../../src/lib/tables/page-model';
import type { TableSource } from '../../src/lib/tables/table-source';
import { fixtureSource } from './fixture';

const source = fixtureSource();
const releases = [
  { id: '2023-04-27', date: '2023-04-27', title: 'April 2023', description: '' },
  { id: '2023-10-26', date: '2023-10-26', title: 'Oktober 2023', description: '' },
];
const model = tablePageModel(source, releases, releases[1]!);

describe('the table page model', () => {
  it('names the release of the figures and the next planned one', () => {
    expect(model.release?.title).toBe('Oktober 2023');
    expect(model.next.date).toBe('2024-04-30');
  });

  it('sums up which periods are definitief and which voorlopig', () => {
    expect(model.explanation.statuses).toEqual(['definitief: 1e halfjaar 2022, 2e halfjaar 2022', 'voorlopig (*): 1e halfjaar 2023']);
  });

  it('names each rate’s denominator in the toelichting', () => {
    expect(model.explanation.measures.find((m) => m.measure.id === 'jongeren_pct')!.rate).toBe(
      'Percentage van jongeren tot 18 jaar, berekend uit de afgeronde aantallen.',
    );
    expect(model.explanation.measures[0]!.counts).toBe('trajecten');
  });

  it('links the selection downloads built with the site and the full downloads', () => {
    expect(model.downloads.map((d) => d.href)).toEqual([
      '/tabellen/trajecten/trajecten-selectie.csv',
      '/tabellen/trajecten/trajecten-selectie-excel.csv',
      '/tabellen/trajecten/trajecten-selectie.json',
    ]);
    expect(model.urls.fullDownloads).toBe('/downloads/trajecten/');
    // Short names for the toolbar above the table (the size follows each), what each is for said apart.
    expect(model.downloads.map((d) => d.label)).toEqual(['CSV', 'CSV voor Excel', 'JSON']);
    expect(model.downloads.every((d) => d.hint.length > 10 && !d.hint.includes(d.label))).toBe(true);
  });

  it('offers the selection form the periods newest first, with status marks', () => {
    expect(model.form.periods.map((p) => [p.label, p.checked])).toEqual([
      ['1e halfjaar 2023*', true],
      ['2e halfjaar 2022', false],
      ['1e halfjaar 2022', false],
    ]);
    expect(model.form.placement).toEqual([
      { dim: 'regio', label: "Regio's", place: 'rijen' },
      { dim: 'perioden', label: 'Perioden', place: '' },
      { dim: 'hulpvorm', label: 'Hulpvorm', place: '' },
      { dim: 'maat', label: 'Onderwerpen', place: 'kolommen' },
    ]);
    expect(model.hint).toBeUndefined();
  });

  it('leaves wijken out of the default and says how to get them', () => {
    const amsterdam = source.regions.find((r) => r.code === 'GM0363')!;
    const wijken = ['WK036300', 'WK036301', 'WK059900'].map((code) => ({ code, label: `Wijk ${code}`, kind: 'wijk' as const, gemeente: `GM${code.slice(2, 6)}` }));
    const rows = source.rows.filter((r) => r.period === '2023HJ01').slice(0, 10);
    const withWijken: TableSource = { ...source, regions: [...source.regions, ...wijken], rows: [...rows, ...wijken.map((w) => ({ ...rows[0]!, region: w.code }))] };
    const wijkModel = tablePageModel(withWijken, releases, releases[1]!);
    expect(wijkModel.selection.regions).not.toContain('wijken');
    expect(wijkModel.hint).toContain(`voeg toe ‘Wijken’ binnen ‘${amsterdam.label}’`);
    expect(wijkModel.form.scopes.map((s) => s.label)).toEqual(['Provincies', "Jeugdregio's", 'Gemeenten']);
  });
});

describe('the toelichting of the default data', () => {
  it('says "Telt …" only of what counts something, and how often a table of year figures appears', async () => {
    const { getSiteData } = await import('../../src/node/site-data');
    const { tableSourceOf } = await import('../../src/lib/tables/table-source');
    const data = await getSiteData();
    const explain = (id: string) => {
      const dataset = data.datasets.find((d) => d.meta.id === id)!;
      return tablePageModel(tableSourceOf(dataset, data.register), data.catalog.releases, data.currentRelease).explanation;
    };
    const kenmerken = explain('kenmerken');
    const counts = Object.fromEntries(kenmerken.measures.map((m) => [m.measure.id, m.counts]));
    // An income, an address density and shares of households count no inhabitants; inhabitants do.
    expect(counts).toMatchObject({ inwoners: 'inwoners', gemiddeld_inkomen: undefined, omgevingsadressendichtheid: undefined, eenoudergezinnen: undefined });
    expect(kenmerken.measures.find((m) => m.measure.id === 'eenoudergezinnen')!.rate).toBe('Percentage van huishoudens met kinderen.');
    expect(kenmerken.rhythm).toBe('elk jaar');
    const trajecten = explain('jeugdhulptrajecten');
    expect(trajecten.measures.find((m) => m.measure.id === 'trajecten_lopend_per_1000')!.counts).toBe('trajecten');
    expect(trajecten.rhythm).toBe('elk halfjaar');
  }, 60_000);
});
