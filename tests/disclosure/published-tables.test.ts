/**
 * Every table the site publishes, as the build loads it (getSiteData: the current figures and each earlier
 * release), checked as someone would attack it: no suppressed count can be worked out more exactly than
 * rounding hides (src/lib/disclosure/bounds.ts), through any total and its categories, measures that add up,
 * or a region and its members. The default data folder, and the real CBS exports imported.
 */
import { describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/node/site-data';
import { getSiteData } from '../../src/node/site-data';
import { datasetVersion } from '../../src/lib/releases/versions';
import { auditRows } from '../../src/lib/disclosure/protect';
import { totalTopics, type ObservationRow } from '../../src/lib/data/dataset';
import { regionKind } from '../../src/lib/regions/codes';
import type { DatasetMeta } from '../../src/schemas/dataset';
import { realFilesPresent, useRealImport } from '../import/helpers';

function auditSite(site: SiteData) {
  const results = [];
  for (const { meta } of site.datasets) {
    for (const release of site.catalog.releases) {
      const version = datasetVersion(site.store, meta.id, release.id);
      if (!version || version.carriedOver) continue;
      const audit = auditRows(meta, version.rows, site.register);
      results.push({ dataset: meta.id, release: release.id, ...audit });
    }
  }
  return results;
}

describe('the default data folder', () => {
  it('was protected when written: every dataset matches its stamp, so the build protects nothing again', { timeout: 120_000 }, async () => {
    const site = await getSiteData();
    expect(site.disclosure.length).toBeGreaterThanOrEqual(site.datasets.length);
    expect(site.disclosure.filter((d) => !d.stored)).toEqual([]);
  });

  it('discloses no suppressed count in any table of any release', { timeout: 120_000 }, async () => {
    const results = auditSite(await getSiteData());
    // All thirteen datasets in three releases (kenmerken and kosten-jeugd among them, with no count to protect),
    // hundreds of thousands of relations, tens of thousands of secrets.
    expect(results.length).toBe(39);
    expect(results.reduce((n, r) => n + r.relations, 0)).toBeGreaterThan(500_000);
    expect(results.reduce((n, r) => n + r.suppressed, 0)).toBeGreaterThan(100_000);
    expect(results.flatMap((r) => r.disclosed.map((d) => ({ dataset: r.dataset, release: r.release, ...d })))).toEqual([]);
  });
});

describe('tables that publish the same counts', () => {
  // A count kept secret in one table but printed in the other protects nothing, and gives the attacker the
  // total back: the verloop table's begun and ended trajecten are the trajecten table's (its total row), the
  // terugkeer table's youths who stopped are the instroom table's uitstroom, and the wijken table's youths with
  // jeugdhulp and running trajecten in a year are the jeugdhulp and trajecten tables' (all but its wijken, which
  // only the wijken table publishes).
  const isTotal = (meta: DatasetMeta) => {
    const totals = totalTopics(meta);
    return (row: ObservationRow) => regionKind(row.region) !== 'wijk' && row.topics.every((topic, d) => topic === totals[d]);
  };
  it.each([
    { dataset: 'jeugdhulp-verloop', others: [{ other: 'jeugdhulptrajecten', shared: ['trajecten_gestart', 'trajecten_beeindigd'] }], least: 20_000 },
    { dataset: 'jeugdhulp-terugkeer', others: [{ other: 'jeugdhulp-instroom', shared: ['jongeren_uitstroom'] }], least: 8_000 },
    {
      dataset: 'jeugdhulp-wijken',
      others: [
        { other: 'jeugdhulp', shared: ['jongeren_jeugdhulp'] },
        { other: 'jeugdhulptrajecten', shared: ['trajecten_lopend'] },
      ],
      least: 5_000,
    },
  ])('show them alike, and read together still disclose no suppressed count ($dataset beside the others)', { timeout: 120_000 }, async ({ dataset, others, least }) => {
    const site = await getSiteData();
    const meta = site.datasets.find((d) => d.meta.id === dataset)!.meta;
    expect(meta.disclosure.publishedElsewhere).toEqual(others.flatMap((o) => o.shared));
    let compared = 0;
    const index = (id: string, m: { measures: ReadonlyArray<{ id: string }> }) => m.measures.findIndex((x) => x.id === id);
    const ownTotal = isTotal(meta);
    for (const release of site.catalog.releases) {
      const own = datasetVersion(site.store, meta.id, release.id);
      if (!own) continue;
      const different: string[] = [];
      // What someone holding all the tables knows: this table with the others' figures filled in.
      let known = own.rows;
      for (const { other: otherId, shared } of others) {
        const other = datasetVersion(site.store, otherId, release.id);
        if (!other) continue;
        const totals = new Map(other.rows.filter(isTotal(other.meta)).map((r) => [`${r.region}|${r.period}`, r]));
        known = known.map((row) => {
          if (!ownTotal(row)) return row;
          const theirRow = totals.get(`${row.region}|${row.period}`)!;
          const cells = row.cells.slice();
          for (const id of shared) {
            const mine = row.cells[index(id, meta)]!;
            const theirs = theirRow.cells[index(id, other.meta)]!;
            if (mine.value !== theirs.value || mine.symbol !== theirs.symbol) different.push(`${release.id} ${row.region} ${row.period} ${id}: ${mine.symbol ?? mine.value} / ${theirs.symbol ?? theirs.value}`);
            cells[index(id, meta)] = theirs;
            compared++;
          }
          return { ...row, cells };
        });
      }
      expect(different.slice(0, 5), release.id).toEqual([]);
      expect(auditRows(meta, known, site.register).disclosed, release.id).toEqual([]);
    }
    expect(compared).toBeGreaterThan(least);
  });
});

describe('the releases side by side', () => {
  it('never publish as a number a count that another release keeps secret (x)', { timeout: 120_000 }, async () => {
    const site = await getSiteData();
    const given: string[] = [];
    let secrets = 0;
    for (const { meta } of site.datasets) {
      const versions = site.catalog.releases.map((r) => datasetVersion(site.store, meta.id, r.id)).filter((v) => v && !v.carriedOver);
      const byKey = versions.map((v) => new Map(v!.rows.map((row) => [`${row.region}|${row.period}|${row.topics.join('|')}`, row])));
      byKey.forEach((rows, a) => {
        for (const [key, row] of rows) {
          row.cells.forEach((cell, i) => {
            if (cell.symbol !== 'x') return;
            secrets++;
            byKey.forEach((other, b) => {
              const there = other.get(key)?.cells[i];
              if (b !== a && there && there.value !== null && there.symbol === null) given.push(`${meta.id} ${key} ${meta.measures[i]!.id}`);
            });
          });
        }
      });
    }
    expect(secrets).toBeGreaterThan(10_000);
    expect(given.slice(0, 5)).toEqual([]);
  });
});

describe.skipIf(!realFilesPresent('tests/disclosure/published-tables.test.ts'))('the real CBS exports, imported', () => {
  const real = useRealImport('disclosure-real-');

  it('disclose no suppressed count: a gemeente minus its other wijken, a total minus its age groups', { timeout: 120_000 }, () => {
    // The age groups and household types add up to the total (the profile says so): those relations are attacked too.
    expect(real.site.datasets.find((d) => d.meta.id === 'jeugdzorg-in-natura-wijken')!.meta.sums).toHaveLength(3);
    const results = auditSite(real.site);
    expect(results.length).toBeGreaterThan(0);
    expect(results.reduce((n, r) => n + r.suppressed, 0)).toBeGreaterThan(1000);
    expect(results.flatMap((r) => r.disclosed)).toEqual([]);
  });
});

describe('a count kept secret on a fact page', () => {
  it('shows its rate as secret too: Stadskanaal, 18 tot 23 jaar, 1e halfjaar 2026', { timeout: 120_000 }, async () => {
    const { getFactsContext } = await import('../../src/lib/facts/context');
    const { breakdownsOf } = await import('../../src/lib/facts/breakdowns');
    const leeftijd = breakdownsOf(getFactsContext(await getSiteData()), 'GM0037').find((b) => b.dimension.id === 'leeftijd')!;
    const verlengd = leeftijd.rows.find((r) => r.code === '18-23')!;
    expect([verlengd.countShown, verlengd.metricShown]).toEqual(['x', 'x']);
  });
});
