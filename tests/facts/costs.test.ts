/**
 * The "Kosten" section of the fact pages (src/lib/facts/costs.ts) on the default data: the figures are those of
 * the published table (read from data/kosten-jeugd/observations.csv, as a reader downloads it), Nederland stands
 * beside them, the missing realisatie is said, and no comparison word appears.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { costsSection, euro } from '../../src/lib/facts/costs';
import { projectRoot } from '../../src/node/project-paths';
import { useDefaultFacts } from './default-data';

/** The published figure of a region, year and measure, from the CSV as written. */
function published(region: string, year: number, measure: string): string {
  const [header, ...lines] = readFileSync(path.join(projectRoot(), 'data', 'kosten-jeugd', 'observations.csv'), 'utf8').trim().split('\n');
  const column = header!.split(',').indexOf(measure);
  const line = lines.find((l) => l.startsWith(`${region},${year}JJ00,`));
  return line!.split(',')[column]!;
}

describe('the costs section on the default data', () => {
  const facts = useDefaultFacts();

  it('gives Amsterdam the begroting and the realisatie of the latest year (its jaarrekening is in), with Nederland beside them', () => {
    const section = costsSection(facts.context, 'GM0363', 'Amsterdam')!;
    const e = (region: string, year: number, measure: string) => euro(Number(published(region, year, measure)));
    expect(section.lines).toEqual([
      `Begroting 2025: Amsterdam ${e('GM0363', 2025, 'lasten_per_jongere_begroting')}, Nederland ${e('NL01', 2025, 'lasten_per_jongere_begroting')}.`,
      `Realisatie 2025: Amsterdam ${e('GM0363', 2025, 'lasten_per_jongere_realisatie')} (begroot ${e('GM0363', 2025, 'lasten_per_jongere_begroting')}), ` +
        `Nederland ${e('NL01', 2025, 'lasten_per_jongere_realisatie')} (begroot ${e('NL01', 2025, 'lasten_per_jongere_begroting')}).`,
    ]);
    expect(section.lines[0]).toMatch(/^Begroting 2025: Amsterdam € \d\.\d{3}, Nederland € \d\.\d{3}\.$/);
    expect(section.tableHref).toBe('/tabellen/kosten-jeugd/');
  });

  it('says both caveats and why there is no verdict, and uses no comparison word of its own', () => {
    const section = costsSection(facts.context, 'GM1680', 'Aa en Hunze')!;
    expect(section.caveat).toMatch(/Uitgaven zijn geen gebruik/);
    expect(section.caveat).toMatch(/boeken niet allemaal op dezelfde manier/);
    expect(section.caveat).toMatch(/geen toets op toeval/);
    const text = [section.intro, ...section.lines].join(' ');
    expect(text).not.toMatch(/hoger|lager|meer dan|minder dan|duurder|goedkoper/i);
    expect(text).toMatch(/per jongere tot 18 jaar/);
  });

  it('shows Nederland once on its own page, a provincie beside Nederland, and nothing for a former gemeente', () => {
    const nl = costsSection(facts.context, 'NL01', 'Nederland')!;
    expect(nl.lines[0]).toBe(`Begroting 2025: ${euro(Number(published('NL01', 2025, 'lasten_per_jongere_begroting')))}.`);
    expect(nl.lines.join(' ')).not.toMatch(/Nederland/);
    const utrecht = costsSection(facts.context, 'PV26', 'Provincie Utrecht')!;
    expect(utrecht.lines[0]).toBe(
      `Begroting 2025: Provincie Utrecht ${euro(Number(published('PV26', 2025, 'lasten_per_jongere_begroting')))}, Nederland ${euro(Number(published('NL01', 2025, 'lasten_per_jongere_begroting')))}.`,
    );
    // Weesp joined Amsterdam in 2022: its spending is Amsterdam's now, and its page has no section.
    expect(costsSection(facts.context, 'GM0457', 'Weesp')).toBeUndefined();
  });
});
