import { beforeAll, describe, expect, it } from 'vitest';
import { citation, citationText } from '../../src/lib/releases/cite';
import { formatChange, releasePageModel } from '../../src/lib/releases/page-model';
import { revisionsCsv } from '../../src/lib/releases/revisions-file';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from './fixture';

let site: SiteData;
beforeAll(async () => {
  site = await fixtureSite();
});

describe('a release page', () => {
  it('marks an earlier release as replaced by the next one', () => {
    const model = releasePageModel(site.store, site.register, '2022-10-27');
    expect(model.current).toBe(false);
    expect(model.replacedBy?.id).toBe('2023-04-27');
    expect(model.changes).toBeUndefined(); // the first release has nothing to compare with
    expect(model.datasets.find((d) => d.meta.id === 'jeugdhulp')).toMatchObject({
      periods: '1e halfjaar 2019 tot en met 1e halfjaar 2022; de jaren 2019 tot en met 2021',
      latest: '1e halfjaar 2022*',
    });
    // April publishes the 2nd half year with the whole year beside it: the latest is the half year, not the year.
    const april = releasePageModel(site.store, site.register, '2023-04-27');
    expect(april.datasets.find((d) => d.meta.id === 'jeugdhulp')).toMatchObject({
      periods: '1e halfjaar 2019 tot en met 2e halfjaar 2022; de jaren 2019 tot en met 2022',
      latest: '2e halfjaar 2022*',
    });
  });

  it('says what changed in October 2023: a new half year, statuses, the Weesp merger and the largest revisions', () => {
    const model = releasePageModel(site.store, site.register, '2023-10-26', 10);
    expect(model.current).toBe(true);
    const changes = model.changes!;
    expect(changes.datasets.find((d) => d.meta.id === 'jeugdhulp')).toMatchObject({
      newPeriods: ['1e halfjaar 2023'],
      statusChanges: [
        { period: '1e halfjaar 2022', from: 'nader voorlopig', to: 'definitief' },
        { period: '2e halfjaar 2022', from: 'voorlopig', to: 'definitief' },
        { period: '2022', from: 'voorlopig', to: 'definitief' },
      ],
    });
    expect(changes.herindelingen).toContain('Op 1 januari 2023 is de gemeente Weesp opgegaan in Amsterdam.');
    expect(changes.largest).toHaveLength(10);
    expect(changes.largest[0]!.change).toMatch(/^[+−]\d+,\d%$/);
    expect(changes.totalRevisions).toBe(parseDownloadCsv(revisionsCsv(site.store, site.register, '2023-10-26', 'rfc4180'), 'rfc4180').length);
  });

  it('writes changes and citations in Dutch', () => {
    expect(formatChange(0.0234)).toBe('+2,3%');
    expect(formatChange(-0.004)).toBe('−0,4%');
    const release = site.catalog.releases.at(-1)!;
    const c = citation('Jongeren met jeugdhulp', release, 'https://jeugdzorg.example/tabellen/jeugdhulp/');
    expect(citationText(c, '2023-11-03')).toBe(
      'Jeugdzorg in cijfers, Jongeren met jeugdhulp, publicatie Oktober 2023: 1e halfjaar 2023 (26 oktober 2023). Geraadpleegd op 3 november 2023 via https://jeugdzorg.example/tabellen/jeugdhulp/.',
    );
  });
});
