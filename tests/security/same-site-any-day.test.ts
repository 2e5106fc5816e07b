/**
 * Same input, byte-identical site on any day (issue 12): "Volgende publicatie", the table of expected
 * releases and the calendar file (its events and DTSTAMP) come from the release metadata, never from the
 * build date. They are rendered here with the clock set to two days years apart and must come out the same;
 * and no source file of the build reads the clock, except where the reason below says it stays out of the
 * site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarStamp, nextPlannedRelease, plannedReleases } from '../../src/node/build-date';
import { getSiteData } from '../../src/node/site-data';
import { fixtureDataDir } from '../releases/fixture';

const DAYS = ['2023-11-20T09:00:00Z', '2031-06-02T23:30:00Z'] as const;

const dataDir = process.env.DATA_DIR;
beforeAll(async () => {
  // The calendar route reads the site data of DATA_DIR: the release fixture (current release 2023-10-26).
  process.env.DATA_DIR = await fixtureDataDir();
}, 120_000);
afterAll(() => {
  if (dataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = dataDir;
});

afterEach(() => {
  vi.useRealTimers();
});

/** What the schedule parts of the site give on a day (the clock faked, Date only). */
async function renderedOn(day: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(day));
  expect(new Date().toISOString()).toBe(new Date(day).toISOString());
  const { currentRelease } = await getSiteData();
  const { GET } = await import('../../src/pages/releases/kalender.ics');
  const response = (await GET({ site: new URL('https://jeugdzorg.example/') } as Parameters<typeof GET>[0])) as Response;
  return {
    next: nextPlannedRelease(currentRelease),
    planned: plannedReleases(currentRelease, 4),
    stamp: calendarStamp(currentRelease),
    ics: await response.text(),
    currentRelease,
  };
}

describe('the same site on any day', () => {
  it('gives the same next release, planned releases and calendar file with the clock two days years apart', async () => {
    const [a, b] = [await renderedOn(DAYS[0]), await renderedOn(DAYS[1])];
    expect(b).toEqual(a);
    // As of the current release (26 October 2023): the next is April 2024, even on a day in 2031.
    expect(a.currentRelease.date).toBe('2023-10-26');
    expect(a.next.date).toBe('2024-04-30');
    expect(a.planned.map((p) => p.date)).toEqual(['2024-04-30', '2024-10-31', '2025-04-30', '2025-10-31']);
    const lines = a.ics.split('\r\n');
    expect(lines.filter((l) => l.startsWith('DTSTAMP:'))).toEqual(Array(4).fill('DTSTAMP:20231026T000000Z'));
    expect(lines).toContain('DTSTART;VALUE=DATE:20240430');
  });

  it('counts from the current release: the release planned in its month is that release', () => {
    const next = (date: string) => nextPlannedRelease({ date }).date;
    expect(next('2026-10-29')).toBe('2027-04-30'); // the default data; October 2026 was planned for the 30th
    expect(next('2023-10-26')).toBe('2024-04-30');
    expect(next('2023-04-28')).toBe('2023-10-31'); // the real CBS files' release, on the planned day itself
    expect(next('2023-11-02')).toBe('2024-04-30'); // a late October release
    expect(next('2024-01-15')).toBe('2024-04-30'); // a correction between two releases
    expect(plannedReleases({ date: '2026-10-29' }, 2).map((p) => p.title)).toEqual(['April 2027', 'Oktober 2027']);
  });

  it('has no source file of the build that reads the clock, except where it stays out of the site', () => {
    // Each exception with why its time never reaches a page or a file of the site.
    const allowed: Record<string, string> = {
      'src/node/datastore-fs.ts': 'names of temporary folders while the data folder is written',
      'src/node/import-fs.ts': 'the import’s default release id (npm run import), not the build',
      'src/node/atomic-output.ts': 'when a lock on the output folder was taken, beside the output',
      'src/integrations/validate-data.ts': 'the duration in a log line',
    };
    const clock = /\bnew Date\(\s*\)|\bDate\.now\(|\bnew Date\(\s*Date\.now/;
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.posix.join(dir, entry.name);
        // src/client runs in the reader's browser (the "geraadpleegd op" date of a citation is the reader's day).
        if (entry.isDirectory()) {
          if (file !== 'src/client') walk(file);
          continue;
        }
        if (!/\.(ts|mts|mjs|js|astro)$/.test(entry.name) || file in allowed) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (clock.test(line) && !/^\s*(\*|\/\/)/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
          });
      }
    };
    walk('src');
    if (/\bnew Date\(\s*\)|\bDate\.now\(/.test(readFileSync('astro.config.mjs', 'utf8'))) found.push('astro.config.mjs');
    expect(found, 'de build leest de klok: haal datums uit de publicatiegegevens').toEqual([]);
  });
});
