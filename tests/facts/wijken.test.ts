/**
 * The wijken table of the default data: the wijken have year figures (2025, a whole year) while the key figures of
 * the page are of a half year (1e halfjaar 2026*). A wijk must be set against the gemeente's own figure of the
 * same year, from the same table, never against the half-year figures above it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { useDefaultFacts } from './default-data';
import { keyFiguresOf } from '../../src/lib/facts/key-figures';
import { wijkenAbsence, wijkenIntro, wijkenOf } from '../../src/lib/facts/wijken';
import { formatNumber } from '../../src/lib/format/number';
import { dataDir } from '../../src/node/project-paths';

/** The gemeente's own row of the wijken table as the data file has it: [count, denominator]. */
function publishedRow(gemeente: string, period: string): [number, number] {
  const [header, ...lines] = readFileSync(path.join(dataDir(), 'jeugdhulp-wijken', 'observations.csv'), 'utf8').split('\n');
  const cells = lines.find((l) => l.startsWith(`${gemeente},${period},`))!.split(',');
  const column = (id: string) => Number(cells[header!.split(',').indexOf(id)]);
  return [column('jongeren_jeugdhulp'), column('jongeren_tot_18')];
}

describe('wijken of the default data beside the gemeente in the same year', () => {
  const data = useDefaultFacts();

  it('starts Amsterdam’s table with Amsterdam as a whole in 2025, as the wijken table published it', () => {
    const wijken = wijkenOf(data.context, 'GM0363')!;
    expect(wijken.period).toBe('2025JJ00');
    expect(wijken.periodSpan).toBe('2025 (heel jaar)');
    const [count, denominator] = publishedRow('GM0363', '2025JJ00');
    expect(wijken.gemeente).toMatchObject({ code: 'GM0363', label: 'Amsterdam, hele gemeente' });
    expect(wijken.gemeente!.cells).toEqual([formatNumber(count), formatNumber((count / denominator) * 100, 1)]);
    expect(wijken.columns.map((c) => `${c.label} ${c.unit}`)).toEqual(['Met jeugdhulp aantal jongeren', '% van jongeren tot 18 jaar']);
  });

  it('says the year figures are not comparable with the half-year key figures, and points to the gemeente row', () => {
    const wijken = wijkenOf(data.context, 'GM0363')!;
    const keyPeriod = keyFiguresOf(data.context, 'GM0363')[0]!.periodLabel;
    expect(keyPeriod).toMatch(/halfjaar/);
    const intro = wijkenIntro(wijken, 'Amsterdam', keyPeriod);
    expect(intro).toContain(`De cijfers gaan over het hele jaar 2025, de kerncijfers bovenaan over het ${keyPeriod}: die zijn niet met elkaar te vergelijken.`);
    expect(intro).toContain('Vergelijk een wijk met de eerste rij: Amsterdam als geheel in 2025.');
  });

  it('says so where the key figures have the year figure of the same year (the fact pages of the default data)', () => {
    const facts = regionFacts(data.context, 'GM0363');
    // Jeugdhulp's own year figure (the table publishes 2025JJ00 beside its half years), not the wijken table's.
    const year = facts.wijkenYearFigure!;
    expect(year.datasetId).toBe('jeugdhulp');
    expect(year.periodLabel).toBe(facts.wijken!.periodLabel);
    expect(year.countShown).toBe(facts.wijken!.gemeente!.cells[0]);
    const intro = wijkenIntro(facts.wijken!, 'Amsterdam', facts.keyFigures[0]!.periodLabel, year.periodLabel);
    expect(intro).toContain(
      `De cijfers gaan over het hele jaar 2025, net als het jaarcijfer bij de kerncijfers; de andere kerncijfers bovenaan gaan over het ${facts.keyFigures[0]!.periodLabel}: die zijn niet met deze te vergelijken.`,
    );
  });

  it('has the gemeente’s own figure of the same year for every gemeente with wijken', () => {
    const withWijken = data.context.currentGemeenten().map((g) => [g, wijkenOf(data.context, g)] as const).filter(([, w]) => w);
    expect(withWijken.length).toBeGreaterThanOrEqual(40);
    for (const [code, wijken] of withWijken) {
      const [count] = publishedRow(code, wijken!.period);
      expect(wijken!.gemeente?.cells[0], code).toBe(formatNumber(count));
    }
  });

  it('says whose wijken are missing: Weesp’s in Amsterdam, on the wijkindeling of 2022, though the gemeente row counts them', () => {
    const wijken = wijkenOf(data.context, 'GM0363')!;
    expect(wijken.notCovered).toEqual({ names: ['Weesp'], indelingYear: 2022 });
    expect(wijkenIntro(wijken, 'Amsterdam')).toContain('De wijken van Weesp staan niet in de tabel: die volgt de wijkindeling van 2022, van voor de herindeling.');
    // Zwolle took in no gemeente after 2022: nothing to say.
    expect(wijkenOf(data.context, 'GM0193')!.notCovered).toBeUndefined();
  });

  it('explains why a gemeente formed after the wijkindeling has no wijken (Voorne aan Zee, 2023), and says nothing where it has them', () => {
    const voorne = data.context.currentGemeenten().find((code) => data.context.register.label(code) === 'Voorne aan Zee')!;
    expect(wijkenOf(data.context, voorne)).toBeUndefined();
    expect(wijkenAbsence(data.context, voorne)).toBe(
      'Voorne aan Zee bestaat sinds 2023. De tabel Jeugdhulp per wijk volgt de wijkindeling van 2022, van voor de herindeling, en heeft daarom geen wijken van Voorne aan Zee. De wijken van Brielle, Hellevoetsluis en Westvoorne staan tot en met 2022 op de pagina’s van die gemeenten.',
    );
    expect(regionFacts(data.context, voorne).wijkenAbsent).toContain('bestaat sinds 2023');
    expect(wijkenAbsence(data.context, 'GM0363')).toBeUndefined();
  });
});
