import { beforeAll, describe, expect, it } from 'vitest';
import { diffVersions, herindelingenApplied, largestRevisions, revisionSummary } from '../../src/lib/releases/diff';
import { datasetVersion, isCurrentRelease, nextRelease, previousRelease, releaseContents } from '../../src/lib/releases/versions';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from './fixture';

let site: SiteData;
beforeAll(async () => {
  site = await fixtureSite();
});

const [OCT_2022, APR_2023, OCT_2023] = ['2022-10-27', '2023-04-27', '2023-10-26'];

describe('datasets as each release published them', () => {
  it('knows the order of releases', () => {
    expect(site.catalog.releases.map((r) => r.id)).toEqual([OCT_2022, APR_2023, OCT_2023]);
    expect(previousRelease(site.catalog, APR_2023)?.id).toBe(OCT_2022);
    expect(previousRelease(site.catalog, OCT_2022)).toBeUndefined();
    expect(nextRelease(site.catalog, APR_2023)?.id).toBe(OCT_2023);
    expect(isCurrentRelease(site.catalog, OCT_2023)).toBe(true);
    expect(isCurrentRelease(site.catalog, APR_2023)).toBe(false);
  });

  it('gives each release its own periods, statuses and rows', () => {
    const oct22 = datasetVersion(site.store, 'jeugdhulp', OCT_2022)!;
    const oct23 = datasetVersion(site.store, 'jeugdhulp', OCT_2023)!;
    expect(oct22.periods.at(-1)).toEqual({ code: '2022HJ01', status: 'voorlopig' });
    expect(oct23.periods.find((p) => p.code === '2022HJ01')?.status).toBe('definitief');
    // Weesp still had figures of its own in October 2022; its 2023 figures belong to Amsterdam.
    expect(oct22.rows.some((r) => r.region === 'GM0457' && r.period === '2022HJ01')).toBe(true);
    expect(oct23.rows.some((r) => r.region === 'GM0457' && r.period === '2023HJ01')).toBe(false);
    expect(oct22.rows.every((r) => oct22.periods.some((p) => p.code === r.period))).toBe(true);
    expect(releaseContents(site.store, OCT_2022).map((v) => v.meta.id)).toEqual(site.catalog.datasets);
  });
});

describe('what changed from one release to the next', () => {
  it('finds new periods and status changes (voorlopig → nader voorlopig → definitief)', () => {
    const apr = diffVersions(datasetVersion(site.store, 'jeugdhulp', OCT_2022)!, datasetVersion(site.store, 'jeugdhulp', APR_2023)!);
    // April brings the 2nd half year and, beside it, the whole year.
    expect(apr.newPeriods).toEqual(['2022HJ02', '2022JJ00']);
    expect(apr.statusChanges).toEqual([{ period: '2022HJ01', from: 'voorlopig', to: 'nader-voorlopig' }]);
    const oct = diffVersions(datasetVersion(site.store, 'jeugdhulp', APR_2023)!, datasetVersion(site.store, 'jeugdhulp', OCT_2023)!);
    expect(oct.newPeriods).toEqual(['2023HJ01']);
    expect(oct.statusChanges).toEqual([
      { period: '2022HJ01', from: 'nader-voorlopig', to: 'definitief' },
      { period: '2022HJ02', from: 'voorlopig', to: 'definitief' },
      { period: '2022JJ00', from: 'voorlopig', to: 'definitief' },
    ]);
    expect(oct.droppedPeriods).toEqual([]);
  });

  it('lists each revised figure with its old and new value, and leaves definitive figures alone', () => {
    const older = datasetVersion(site.store, 'jeugdhulp', APR_2023)!;
    const newer = datasetVersion(site.store, 'jeugdhulp', OCT_2023)!;
    const diff = diffVersions(older, newer);
    expect(diff.revisions.length).toBeGreaterThan(0);
    // Only periods that were not yet definitief can be revised.
    expect(new Set(diff.revisions.map((r) => r.period))).toEqual(new Set(['2022HJ01', '2022HJ02', '2022JJ00']));
    const revision = diff.revisions.find((r) => r.region === 'GM0363' && r.measure.id === 'jongeren_jeugdhulp' && r.topics.every((t) => t.startsWith('T001')))!;
    const measureIndex = newer.meta.measures.findIndex((m) => m.id === 'jongeren_jeugdhulp');
    const key = (r: { region: string; period: string; topics: readonly string[] }) => `${r.region}|${r.period}|${r.topics.join('|')}`;
    const oldRow = older.rows.find((r) => key(r) === key(revision))!;
    const newRow = newer.rows.find((r) => key(r) === key(revision))!;
    expect(revision.old).toEqual(oldRow.cells[measureIndex]);
    expect(revision.new).toEqual(newRow.cells[measureIndex]);
    expect(revision.difference).toBe(newRow.cells[measureIndex]!.value! - oldRow.cells[measureIndex]!.value!);
    // Revisions of the beleidsinformatie jeugd are small: 1–5%, usually upward.
    const summary = revisionSummary(diff.revisions.filter((r) => r.measure.type === 'aantal' && (r.old.value ?? 0) >= 100));
    expect(summary.medianSize!).toBeLessThan(0.06);
    // "De helft met minder dan": half of the revisions, up or down, are no larger than the median size.
    const sizes = diff.revisions.filter((r) => r.measure.type === 'aantal' && (r.old.value ?? 0) >= 100 && r.relative !== null).map((r) => Math.abs(r.relative!));
    expect(sizes.filter((x) => x <= summary.medianSize!).length).toBeGreaterThanOrEqual(sizes.length / 2);
    expect(sizes.filter((x) => x >= summary.medianSize!).length).toBeGreaterThanOrEqual(sizes.length / 2);
    expect(summary.upward).toBeGreaterThan(summary.downward);
  });

  it('picks the largest revisions of counts for the page, never rates or small numbers', () => {
    const diff = diffVersions(datasetVersion(site.store, 'jeugdhulp', APR_2023)!, datasetVersion(site.store, 'jeugdhulp', OCT_2023)!);
    const top = largestRevisions(diff.revisions, 5, 100);
    expect(top).toHaveLength(5);
    expect(top.every((r) => r.measure.type === 'aantal' && r.old.value! >= 100)).toBe(true);
    expect(largestRevisions(diff.revisions, 50).every((r) => r.old.value! >= 500)).toBe(true);
    const sizes = top.map((r) => Math.abs(r.relative!));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });

  it('names the herindelingen that came with the first figures of a new year', () => {
    const apr = datasetVersion(site.store, 'jeugdhulp', APR_2023)!;
    const oct = datasetVersion(site.store, 'jeugdhulp', OCT_2023)!;
    const herindelingen = site.register.reference.herindelingen;
    const applied = herindelingenApplied(diffVersions(apr, oct).newPeriods, apr.periods.map((p) => p.code), herindelingen);
    expect(applied.some((h) => h.oudeCode === 'GM0457' && h.nieuweCode === 'GM0363' && h.jaar === 2023)).toBe(true);
    expect(applied.every((h) => h.jaar === 2023)).toBe(true);
    // April 2023 brought only the second half of 2022: no new year, no herindeling.
    const oct22 = datasetVersion(site.store, 'jeugdhulp', OCT_2022)!;
    expect(herindelingenApplied(diffVersions(oct22, apr).newPeriods, oct22.periods.map((p) => p.code), herindelingen)).toEqual([]);
  });
});
