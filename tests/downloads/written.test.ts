/**
 * The downloads as the build writes them (writeSiteDownloads): the build's worker reads the data folder one
 * dataset at a time, and what it writes must be what the site lists (siteDownloadFiles over all data, which
 * the dev server serves and the other download tests read), byte for byte.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { downloadsOutline, gemeenteTables, siteDownloadFiles } from '../../src/lib/downloads/site-files';
import { openSiteData, type SiteData } from '../../src/node/site-data';
import { allDatasets, datasetsOneByOne, writeSiteDownloads, type DownloadsSummary } from '../../src/node/site-downloads';
import { readZip } from '../../src/node/zip';
import { fixtureDataDir, fixtureSite } from '../releases/fixture';

const SITE = 'https://jeugdzorg.example/';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

let site: SiteData;
let oneByOne: { dir: string; summary: DownloadsSummary; held: number[] };
let allAtOnce: { dir: string; summary: DownloadsSummary };

beforeAll(async () => {
  const dataDir = await fixtureDataDir();
  site = await fixtureSite();
  const reader = await openSiteData(dataDir);
  const { register, catalog, currentRelease, metas } = reader;
  const held: number[] = [];
  async function* watched() {
    for await (const dataset of datasetsOneByOne(reader)) {
      held.push(dataset.data.datasets.length + dataset.data.store.datasets.length);
      yield dataset;
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'jz-downloads-one-'));
  const summary = await writeSiteDownloads({ register, catalog, currentRelease, metas, gemeenteTables: gemeenteTables(site) }, watched(), dir, SITE);
  oneByOne = { dir, summary, held };
  const all = mkdtempSync(path.join(tmpdir(), 'jz-downloads-all-'));
  allAtOnce = { dir: all, summary: await writeSiteDownloads(downloadsOutline(site), allDatasets(site), all, SITE) };
}, 120_000);

describe('the downloads the build writes, one dataset at a time', () => {
  it('holds one dataset at a time, in catalog order', () => {
    expect(oneByOne.held).toEqual(site.catalog.datasets.map(() => 2));
  });

  it('are every file the site lists, each with the text it lists', () => {
    const written = filesUnder(oneByOne.dir);
    const zipEntries = new Map<string, Array<{ name: string; data: string }>>();
    const files: string[] = [];
    for (const output of siteDownloadFiles(site, SITE)) {
      if ('zip' in output) {
        zipEntries.set(output.zip.path, [...(zipEntries.get(output.zip.path) ?? []), output.render()]);
        continue;
      }
      files.push(output.path);
      expect(readFileSync(path.join(oneByOne.dir, output.path), 'utf8'), output.path).toBe(output.render());
    }
    expect(written).toEqual([...files, ...zipEntries.keys()].map((p) => p.slice(1)).sort());
    expect(oneByOne.summary.files).toBe(written.length);
    for (const [zipPath, entries] of zipEntries) {
      const back = readZip(readFileSync(path.join(oneByOne.dir, zipPath)));
      expect(back.every((e) => e.crcOk), zipPath).toBe(true);
      expect(back.map((e) => ({ name: e.name, data: e.data.toString('utf8') })), zipPath).toEqual(entries);
    }
    // The gemeenten's zips, with a former gemeente's among them, and the revisions of every later release.
    expect(written).toEqual(expect.arrayContaining(['downloads/gemeente/weesp.zip', 'downloads/gemeente/amsterdam.zip']));
    const revisions = written.filter((f) => f.includes('herzieningen'));
    expect(revisions).toHaveLength(2 * (site.catalog.releases.length - 1));
    // Each later release revised figures of several tables, gathered from the datasets one by one.
    for (const release of site.catalog.releases.slice(1)) {
      const tables = new Set(readFileSync(path.join(oneByOne.dir, `releases/${release.id}/herzieningen.csv`), 'utf8').split('\r\n').slice(1, -1).map((line) => line.slice(0, line.indexOf(','))));
      expect(tables.size, release.id).toBeGreaterThan(1);
    }
  });

  it('are byte for byte the files written from all data at once', () => {
    const written = filesUnder(oneByOne.dir);
    expect(filesUnder(allAtOnce.dir)).toEqual(written);
    for (const file of written) {
      expect(readFileSync(path.join(oneByOne.dir, file)).equals(readFileSync(path.join(allAtOnce.dir, file))), file).toBe(true);
    }
    expect(oneByOne.summary).toEqual(allAtOnce.summary);
  });
});
