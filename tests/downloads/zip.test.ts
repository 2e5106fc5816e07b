import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseFiles } from '../../src/lib/downloads/release-files';
import { downloadPaths } from '../../src/lib/downloads/files';
import { datasetFile, datasetPackageJson, datasetZipFiles, gemeenteZipFiles, siteDownloadFiles } from '../../src/lib/downloads/site-files';
import { createZip, dosDateTime, readZip } from '../../src/node/zip';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';

let site: SiteData;
beforeAll(async () => {
  site = await fixtureSite();
});

/** The entries of every zip as the build makes them (siteDownloadFiles), by the zip's site path. */
function builtZips(siteAddress: string): Map<string, Array<{ name: string; data: string }>> {
  const built = new Map<string, Array<{ name: string; data: string }>>();
  for (const output of siteDownloadFiles(site, siteAddress)) {
    if (!('zip' in output)) continue;
    const made = output.render();
    const bytes = output.bytes();
    // What the build writes (the bytes) is what the dev server and the tests read (the text).
    expect(bytes.name).toBe(made.name);
    expect(Buffer.concat(bytes.parts).toString('utf8')).toBe(made.data);
    built.set(output.zip.path, [...(built.get(output.zip.path) ?? []), made]);
  }
  return built;
}

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
    const built = builtZips(site2);
    for (const release of site.catalog.releases) {
      const zip = downloadPaths.releaseZip(release.id);
      expect(built.get(zip), zip).toEqual([...releaseFiles(site.store, site.register, release, site2)]);
    }
  });

  it('is made for every gemeente with figures, and for nothing else', () => {
    const zips = [...builtZips('https://jeugdzorg.example/').keys()];
    const gemeenten = site.register.allGemeenten().filter(({ code }) => zips.includes(downloadPaths.gemeenteZip(site.register.slug(code))));
    const datasets = site.catalog.datasets.filter((id) => zips.includes(downloadPaths.datasetZip(id)));
    expect(datasets).toEqual(site.catalog.datasets);
    // Every release after the first also has its revisions for Excel zipped.
    const revisions = site.catalog.releases.slice(1).filter((r) => zips.includes(downloadPaths.revisionsExcelZip(r.id)));
    expect(revisions).toHaveLength(site.catalog.releases.length - 1);
    expect(zips.length).toBe(site.catalog.releases.length + gemeenten.length + datasets.length + revisions.length);
    expect(gemeenten.map((g) => g.code)).toEqual(expect.arrayContaining(['GM0363', 'GM0457']));
  });
});

describe('the zip of a dataset', () => {
  const address = 'https://jeugdzorg.example/';
  it('holds a leesmij, the whole dataset as CSV and CSV for Excel, and the datapackage describing both, the same in the build', async () => {
    const files = [...datasetZipFiles(site, 'jeugdhulp', address)];
    const folder = 'jeugdzorg-jeugdhulp/';
    expect(files.map((f) => f.name)).toEqual([`${folder}LEESMIJ.txt`, `${folder}jeugdhulp.csv`, `${folder}jeugdhulp-excel.csv`, `${folder}datapackage.json`]);
    expect(builtZips(address).get(downloadPaths.datasetZip('jeugdhulp'))).toEqual(files);
    const leesmij = files[0]!.data;
    expect(leesmij).toMatch(/^Jeugdzorg in cijfers: Jongeren met jeugdhulp/);
    expect(leesmij).toContain(`${address}tabellen/jeugdhulp/`);
    expect(leesmij).toMatch(/fictieve demonstratiecijfers/);
    expect(leesmij).toMatch(/omgerekend/);
    // The CSV in the zip is the file beside it, byte for byte; the Excel file is only in the zip.
    expect(files[1]!.data).toBe(datasetFile(site, 'jeugdhulp', 'csv'));
    expect(files[2]!.data).toBe(datasetFile(site, 'jeugdhulp', 'excel'));
    expect(files[2]!.data.startsWith('\ufeff"regio_code";') || files[2]!.data.startsWith('\ufeff"Regio')).toBe(true);
    // Each datapackage describes exactly the files beside it: both in the zip, the CSV on the site.
    const inZip = JSON.parse(files[3]!.data) as { resources: Array<{ path: string }> };
    expect(inZip.resources.map((r) => `${folder}${r.path}`)).toEqual(files.slice(1, 3).map((f) => f.name));
    const beside = JSON.parse(datasetPackageJson(site, 'jeugdhulp', address)) as { resources: Array<{ path: string }> };
    expect(beside.resources.map((r) => r.path)).toEqual(['jeugdhulp.csv']);
    const back = readZip(await createZip(files, site.currentRelease.date));
    expect(back.every((e) => e.crcOk)).toBe(true);
    expect(back.map((e) => e.data.toString('utf8'))).toEqual(files.map((f) => f.data));
  });
});

describe('the zip of a gemeente', () => {
  const address = 'https://jeugdzorg.example/';
  it('holds a leesmij, every dataset with its figures as CSV and CSV for Excel, and the datapackage, the same in the build', async () => {
    const files = [...gemeenteZipFiles(site, 'GM0363', address)];
    const folder = 'jeugdzorg-amsterdam/';
    expect(files.map((f) => f.name)).toEqual([
      `${folder}LEESMIJ.txt`,
      ...site.catalog.datasets.flatMap((id) => [`${folder}${id}.csv`, `${folder}${id}-excel.csv`]),
      `${folder}datapackage.json`,
    ]);
    expect(builtZips(address).get(downloadPaths.gemeenteZip('amsterdam'))).toEqual(files);
    const leesmij = files[0]!.data;
    expect(leesmij).toMatch(/^Jeugdzorg in cijfers: gemeente Amsterdam \(GM0363\)/);
    expect(leesmij).toContain(`${address}gemeente/amsterdam/`);
    expect(leesmij).toMatch(/omgerekend/);
    // Amsterdam's rows and its wijken only, on the latest indeling; Weesp's figures before 2022 counted in.
    const csv = files.find((f) => f.name === `${folder}jeugdhulp-wijken.csv`)!.data;
    const codes = new Set(csv.split('\r\n').slice(1, -1).map((line) => line.slice(0, line.indexOf(','))));
    expect([...codes].every((c) => c === 'GM0363' || c.startsWith('WK0363'))).toBe(true);
    expect(codes.size).toBeGreaterThan(1);
    // The datapackage describes exactly the files beside it.
    const pkg = JSON.parse(files.at(-1)!.data) as { resources: Array<{ path: string }> };
    expect(pkg.resources.map((r) => `${folder}${r.path}`)).toEqual(files.slice(1, -1).map((f) => f.name));

    const back = readZip(await createZip(files, site.currentRelease.date));
    expect(back.every((e) => e.crcOk)).toBe(true);
    expect(back.map((e) => e.data.toString('utf8'))).toEqual(files.map((f) => f.data));
  });

  it('gives a former gemeente its figures as published, and says so', () => {
    const files = [...gemeenteZipFiles(site, 'GM0457', address)];
    expect(files[0]!.data).toMatch(/voormalige gemeente Weesp/);
    expect(files[0]!.data).toMatch(/zoals ze zijn gepubliceerd/);
    const csv = files.find((f) => f.name === 'jeugdzorg-weesp/jeugdhulp.csv')!.data;
    expect(csv).toMatch(/^GM0457,Weesp,2022HJ02,/m);
    expect(csv).not.toMatch(/^GM0457,Weesp,2023/m);
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
