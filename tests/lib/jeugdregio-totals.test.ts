/**
 * Every gemeente of every year in the data belongs to a jeugdregio, and every jeugdregio's total adds up
 * its members: for the default demonstration data and for the real CBS exports of ../shared/cbs (whose
 * newest figures are of 2022, so the site's latest indeling still has Weesp, Brielle, Hellevoetsluis and
 * Westvoorne, which merged on 1 January 2023 and are not in the jeugdregio list of 2023 themselves).
 *
 * The members are found here independently of the fact pages' groups: every gemeente row of the data,
 * grouped by the jeugdregio the register gives it. A gemeente without one, or a group the site forms
 * differently, makes a jeugdregio's total differ from the sum of its members.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAdditiveCount } from '../../src/lib/data/consistency';
import { RowIndex, rowKey, type ObservationRow } from '../../src/lib/data/dataset';
import { aggregateGroups } from '../../src/lib/facts/aggregate';
import { FactsContext, regionGroups } from '../../src/lib/facts/context';
import { regionKind } from '../../src/lib/regions/codes';
import { dataDir, sharedDir } from '../../src/node/project-paths';
import { getSiteData, type SiteData } from '../../src/node/site-data';
import { importQuietly, REAL_FILES, removeDir, tempDir } from '../import/helpers';

interface Mismatch {
  dataset: string;
  jeugdregio: string;
  period: string;
  topics: string;
  measure: string;
  total: number | null;
  sum: number;
}

/** The gemeente rows of the data in which some gemeente has no jeugdregio ("GM0457 2022JJ00"). */
function gemeentenWithoutJeugdregio(site: SiteData): string[] {
  const out = new Set<string>();
  for (const d of site.datasets) {
    for (const row of [...d.original.rows, ...d.converted.rows]) {
      if (regionKind(row.region) === 'gemeente' && site.register.jeugdregioOf(row.region) === undefined) out.add(`${row.region} ${row.period}`);
    }
  }
  return [...out].sort();
}

/**
 * For every dataset, jeugdregio, period, category and count: the total the site computes from the
 * gemeenten (on the latest indeling, as the fact pages do) against the sum of the members' counts, where
 * every member has a figure. Also returns how many totals were compared, so an empty check cannot pass.
 */
function compareTotals(site: SiteData, totalOf: (datasetIndex: number, jeugdregio: string, row: ObservationRow) => ObservationRow | undefined) {
  const mismatches: Mismatch[] = [];
  let compared = 0;
  site.datasets.forEach((d, di) => {
    const byJeugdregio = new Map<string, Map<string, ObservationRow[]>>();
    for (const row of d.converted.rows) {
      if (regionKind(row.region) !== 'gemeente') continue;
      const jeugdregio = site.register.jeugdregioOf(row.region);
      if (jeugdregio === undefined) continue; // reported by gemeentenWithoutJeugdregio
      const combos = byJeugdregio.get(jeugdregio) ?? new Map<string, ObservationRow[]>();
      byJeugdregio.set(jeugdregio, combos);
      const combo = rowKey('', row.period, row.topics);
      combos.set(combo, [...(combos.get(combo) ?? []), row]);
    }
    for (const [jeugdregio, combos] of byJeugdregio) {
      for (const members of combos.values()) {
        const first = members[0]!;
        const total = totalOf(di, jeugdregio, first);
        d.meta.measures.forEach((measure, mi) => {
          // Only counts add up; an income or an address density of a jeugdregio is not the sum of its gemeenten'.
          if (!isAdditiveCount(measure)) return;
          const values = members.map((m) => m.cells[mi]?.value ?? null);
          if (values.some((v) => v === null)) return;
          const sum = (values as number[]).reduce((a, b) => a + b, 0);
          compared++;
          const value = total?.cells[mi]?.value ?? null;
          if (value === null || Math.abs(value - sum) > 1e-9) {
            mismatches.push({ dataset: d.meta.id, jeugdregio, period: first.period, topics: first.topics.join('|'), measure: measure.id, total: value, sum });
          }
        });
      }
    }
  });
  return { mismatches, compared };
}

/** The jeugdregio rows computed from the gemeenten alone, as the fact pages compute them for a dataset that does not publish them. */
function computedFromGemeenten(site: SiteData) {
  const groups = regionGroups(site.register).filter((g) => regionKind(g.code) === 'jeugdregio');
  const indexes = site.datasets.map((d) => {
    const gemeenten = d.converted.rows.filter((r) => regionKind(r.region) === 'gemeente');
    const rows = aggregateGroups(d.meta, gemeenten, groups, new RowIndex({ meta: d.meta, rows: gemeenten }));
    return new RowIndex({ meta: d.meta, rows });
  });
  return (di: number, jeugdregio: string, row: ObservationRow) => indexes[di]!.get(jeugdregio, row.period, row.topics);
}

function checkJeugdregios(site: SiteData) {
  expect(gemeentenWithoutJeugdregio(site)).toEqual([]);
  // Every gemeente on the latest indeling is in exactly one of the groups the fact pages use.
  const groups = regionGroups(site.register).filter((g) => regionKind(g.code) === 'jeugdregio');
  const members = groups.flatMap((g) => g.members);
  expect(new Set(members).size).toBe(members.length);
  expect([...members].sort()).toEqual(site.register.currentGemeenten().map((g) => g.code).sort());
}

describe('jeugdregio totals: the default demonstration data', () => {
  let site: SiteData;
  beforeAll(async () => {
    site = await getSiteData(dataDir());
  }, 60_000);

  it('gives every gemeente of every period a jeugdregio', () => checkJeugdregios(site));

  it('computes every jeugdregio total as the sum of its members', () => {
    const { mismatches, compared } = compareTotals(site, computedFromGemeenten(site));
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});

const present = REAL_FILES.every((file) => existsSync(file));
if (!present) console.warn(`OVERGESLAGEN: de echte CBS-bestanden ontbreken in ${path.join(sharedDir(), 'cbs')} (../shared); de jeugdregiotest met echte cijfers draait niet.`);

describe.skipIf(!present)('jeugdregio totals: the real CBS exports in ../shared/cbs', () => {
  let tmp: string;
  let site: SiteData;
  beforeAll(async () => {
    tmp = await tempDir('jeugdregio-real-');
    const out = path.join(tmp, 'data');
    await importQuietly({ inputs: REAL_FILES, out });
    site = await getSiteData(out);
  });
  afterAll(async () => removeDir(tmp));

  it('keeps the gemeenten that merged on 1 January 2023 in the jeugdregio of their successor', () => {
    expect(site.register.latestYear).toBe(2022);
    const amsterdam = site.register.jeugdregioOf('GM0363');
    const voorne = site.register.jeugdregioOf('GM1992');
    expect(site.register.jeugdregioOf('GM0457')).toBe(amsterdam); // Weesp
    for (const code of ['GM0501', 'GM0530', 'GM0614']) expect(site.register.jeugdregioOf(code)).toBe(voorne); // Brielle, Hellevoetsluis, Westvoorne
    checkJeugdregios(site);
  });

  it('shows every jeugdregio total on the fact pages as the sum of its members', () => {
    const context = new FactsContext(site.register, site.datasets);
    const shown = (di: number, jeugdregio: string, row: ObservationRow) => context.datasets[di]!.index.row(jeugdregio, row.period, row.topics);
    const { mismatches, compared } = compareTotals(site, shown);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(1_000);
    // All 42 jeugdregio's together hold every youth counted in a gemeente: 461.955 in 2022, none left out.
    // (Disclosure control keeps no gemeente total of 2022 secret, so every jeugdregio total is known.)
    const wijken = context.datasets.find((d) => d.meta.id === 'jeugdzorg-in-natura-wijken')!;
    const sumOf = (codes: string[]) => codes.reduce((s, code) => s + (wijken.index.cellOf(wijken.totalRow(code, '2022JJ00'), 'jongeren_jeugdzorg')?.value ?? NaN), 0);
    const jeugdregios = sumOf(site.register.jeugdregios().map((j) => j.code));
    expect(jeugdregios).toBe(sumOf(site.register.currentGemeenten().map((g) => g.code)));
    expect(jeugdregios).toBe(461955);
  });
});
