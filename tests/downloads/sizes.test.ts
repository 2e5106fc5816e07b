/**
 * The size beside a download link: marks written by the pages, filled with the true sizes of the files once
 * they are written (src/lib/downloads/sizes.ts, src/node/site-downloads.ts fillDownloadSizes).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFileBytes, gemeenteZipFiles } from '../../src/lib/downloads/site-files';
import { createZip } from '../../src/node/zip';
import { downloadPaths } from '../../src/lib/downloads/files';
import { formatFileSize, hasSizeMarks, sizeMark } from '../../src/lib/downloads/sizes';
import { fillDownloadSizes, fillSizeMarks } from '../../src/node/site-downloads';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';

const SITE = 'https://jeugdzorg.example/';

describe('the size of a download', () => {
  it('is written as browsers show it, in decimal units with a decimal comma', () => {
    expect(formatFileSize(412)).toBe('412 bytes');
    expect(formatFileSize(4_630)).toBe('4,6 kB');
    expect(formatFileSize(84_012)).toBe('84 kB');
    expect(formatFileSize(1_234_567)).toBe('1,2 MB');
    expect(formatFileSize(18_400_000)).toBe('18 MB');
  });

  it('replaces each mark by its file\'s size, after a link\'s name or on its own, and tells a missing file', () => {
    const html = `<a href="/downloads/a.csv">CSV${sizeMark('/downloads/a.csv')}</a><td>${sizeMark('/downloads/a.csv', { bare: true })}</td><a>${sizeMark('/downloads/weg.csv')}</a>`;
    expect(hasSizeMarks(html)).toBe(true);
    const filled = fillSizeMarks(Buffer.from(`<p>é</p>${html}`), (p) => (p === '/downloads/a.csv' ? 1_234_567 : undefined));
    expect(filled.html.toString('utf8')).toBe('<p>é</p><a href="/downloads/a.csv">CSV, 1,2 MB</a><td>1,2 MB</td><a></a>');
    expect(filled).toMatchObject({ marks: 3, missing: ['/downloads/weg.csv'] });
    expect(() => sizeMark('/downloads/a-->b.csv')).toThrow();
  });
});

describe('filling the sizes into a built site', () => {
  let site: SiteData;
  let dir: string;
  beforeAll(async () => {
    site = await fixtureSite();
    dir = mkdtempSync(path.join(tmpdir(), 'groottes-'));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (sitePath: string, parts: Uint8Array[] | string) => {
    const file = path.join(dir, sitePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof parts === 'string' ? parts : Buffer.concat(parts));
    return file;
  };

  it('gives every link the byte size of the file written, and fails on a link to a file that is not there', async () => {
    const dataset = downloadPaths.datasetFile('jeugdhulp', 'excel');
    const gemeente = downloadPaths.gemeenteZip(site.register.slug('GM0363'));
    write(dataset, datasetFileBytes(site, 'jeugdhulp', 'excel'));
    write(gemeente, [await createZip(gemeenteZipFiles(site, 'GM0363', SITE), site.currentRelease.date)]);
    const page = write('/downloads/index.html', `<p><a href="${dataset}">CSV voor Excel${sizeMark(dataset)}</a> <a href="${gemeente}">CSV${sizeMark(gemeente)}</a></p>`);
    const untouched = write('/over/index.html', '<p>geen downloads</p>');
    const before = statSync(untouched).mtimeMs;

    expect(fillDownloadSizes(dir, ['/downloads/', '/over/'])).toEqual({ pages: 1, marks: 2 });
    const html = readFileSync(page, 'utf8');
    expect(html).toBe(
      `<p><a href="${dataset}">CSV voor Excel, ${formatFileSize(statSync(path.join(dir, dataset)).size)}</a> <a href="${gemeente}">CSV, ${formatFileSize(statSync(path.join(dir, gemeente)).size)}</a></p>`,
    );
    expect(html).not.toContain('<!--');
    expect(statSync(untouched).mtimeMs).toBe(before);

    write('/tabellen/index.html', `<a href="/downloads/weg.csv">CSV${sizeMark('/downloads/weg.csv')}</a>`);
    expect(() => fillDownloadSizes(dir, ['/tabellen/'])).toThrow(/\/tabellen\/ linkt naar \/downloads\/weg\.csv/);
  });
});
