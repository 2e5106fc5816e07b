import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseFiles } from '../../src/lib/downloads/release-files';
import { siteDownloadFiles } from '../../src/lib/downloads/site-files';
import { createZip, dosDateTime, readZip } from '../../src/node/zip';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';

let site: SiteData;
beforeAll(async () => {
  site = await fixtureSite();
});

describe('the zip of a release', () => {
  it('holds every dataset as CSV and CSV for Excel (no JSON), the datapackage and a leesmij, as that release published them', async () => {
    const release = site.catalog.releases[0]!;
    const files = [...releaseFiles(site.store, site.register, release, 'https://jeugdzorg.example/')];
    const folder = 'jeugdzorg-in-cijfers-2022-10-27/';
    expect(files.map((f) => f.name)).toEqual([
      `${folder}LEESMIJ.txt`,
      ...site.catalog.datasets.flatMap((id) => [`${folder}${id}.csv`, `${folder}${id}-excel.csv`]),
      `${folder}datapackage.json`,
    ]);
    const leesmij = files[0]!.data;
    expect(leesmij).toMatch(/vervangen door April 2023/);
    // The periods and statuses of then: 2022HJ01 was voorlopig and the newest period.
    const csv = files.find((f) => f.name.endsWith('/jeugdhulp.csv'))!.data;
    expect(csv).toMatch(/,2022HJ01,1e halfjaar 2022,voorlopig,/);
    expect(csv).not.toMatch(/2022HJ02/);
    expect(csv).toMatch(/^GM0457,Weesp,2022HJ01,/m);

    const zip = await createZip(files, release.date);
    const back = readZip(zip);
    expect(back.map((e) => e.name)).toEqual(files.map((f) => f.name));
    expect(back.every((e) => e.crcOk)).toBe(true);
    expect(back.map((e) => e.data.toString('utf8'))).toEqual(files.map((f) => f.data));
  });

  it('gets the same entries in the build, where they are made dataset by dataset between the other downloads', () => {
    const site2 = 'https://jeugdzorg.example/';
    const built = new Map<string, Array<{ name: string; data: string }>>();
    for (const output of siteDownloadFiles(site, site2)) {
      const made = output.render();
      if ('zip' in output) built.set(output.zip.id, [...(built.get(output.zip.id) ?? []), made as { name: string; data: string }]);
    }
    expect([...built.keys()].sort()).toEqual(site.catalog.releases.map((r) => r.id).sort());
    for (const release of site.catalog.releases) expect(built.get(release.id), release.id).toEqual([...releaseFiles(site.store, site.register, release, site2)]);
  });

  it('is a zip other tools read (Python zipfile), with the release date on every entry', async () => {
    const python = spawnSync('python3', ['--version']);
    if (python.status !== 0) return void console.warn('python3 ontbreekt: alleen de eigen lezer getest');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jz-zip-')), 't.zip');
    writeFileSync(file, await createZip([{ name: 'map/één.csv', data: 'a,b\r\n1,2\r\n'.repeat(1000) }, { name: 'leeg.txt', data: '' }], '2026-10-29'));
    const out = execFileSync('python3', ['-c', `import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist(): print(i.filename, i.file_size, i.date_time[:3])`, file], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(['map/één.csv 10000 (2026, 10, 29)', 'leeg.txt 0 (2026, 10, 29)']);
    expect(dosDateTime('2026-10-29').date).toBe(((2026 - 1980) << 9) | (10 << 5) | 29);
  });
});
