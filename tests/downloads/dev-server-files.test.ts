/**
 * The dev server makes a download when it is asked for, from the same list the build writes: a dataset file,
 * and a release's revision files (the CSV, and the CSV for Excel zipped; the build writes them beside the pages).
 */
import { describe, expect, it } from 'vitest';
import { getSiteData } from '../../src/node/site-data';
import { downloadResponse } from '../../src/node/site-downloads';
import { CONTENT_TYPE, downloadPaths, isDownloadPath, REVISIONS_EXCEL_FILE } from '../../src/lib/downloads/files';
import { readZip } from '../../src/node/zip';
import { REVISION_COLUMNS, revisionsCsv } from '../../src/lib/releases/revisions-file';

const site = 'https://jeugdzorgcijfers.example.nl';

describe('downloads on request', () => {
  it('serves the revision files of every release after the first, and the dataset files', async () => {
    const data = await getSiteData();
    const [first, ...later] = data.catalog.releases;
    expect(later.length).toBeGreaterThan(0);
    for (const release of later) {
      const csv = await downloadResponse(data, downloadPaths.revisions(release.id), site);
      expect(csv?.type).toMatch(/^text\/csv/);
      expect(String(csv?.body)).toBe(revisionsCsv(data.store, data.register, release.id, 'rfc4180'));
      expect(String(csv?.body).split(/\r?\n/)[0]).toBe(REVISION_COLUMNS.join(','));
      // The CSV for Excel comes zipped, its one entry the whole file.
      const zip = await downloadResponse(data, downloadPaths.revisionsExcelZip(release.id), site);
      expect(zip?.type).toBe(CONTENT_TYPE.zip);
      const entries = readZip(zip!.body as Buffer);
      expect(entries.map((e) => [e.name, e.crcOk])).toEqual([[REVISIONS_EXCEL_FILE, true]]);
      expect(entries[0]!.data.toString('utf8')).toBe(revisionsCsv(data.store, data.register, release.id, 'excel-nl'));
    }
    // The first release has nothing to be compared with.
    expect(await downloadResponse(data, downloadPaths.revisions(first!.id), site)).toBeUndefined();
    expect(await downloadResponse(data, downloadPaths.revisionsExcelZip(first!.id), site)).toBeUndefined();
    const dataset = data.datasets[0]!.meta.id;
    expect((await downloadResponse(data, downloadPaths.datasetFile(dataset, 'csv'), site))?.type).toMatch(/^text\/csv/);
  }, 60_000);

  it('knows which paths are downloads', () => {
    expect(isDownloadPath('/downloads/jeugdhulp/jeugdhulp.csv')).toBe(true);
    expect(isDownloadPath('/releases/2026-10-29/herzieningen.csv')).toBe(true);
    expect(isDownloadPath('/releases/2026-10-29/herzieningen-excel.zip')).toBe(true);
    expect(isDownloadPath('/releases/2026-10-29/herzieningen-excel.csv')).toBe(false);
    expect(isDownloadPath('/releases/2026-10-29/')).toBe(false);
    expect(isDownloadPath('/gemeente/amsterdam/')).toBe(false);
  });
});
