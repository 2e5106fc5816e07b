/**
 * A small but realistic data folder for the release, download and search tests: the demonstration
 * generator's figures for a handful of gemeenten around real herindelingen (Weesp into Amsterdam in 2023,
 * the split of Haaren in 2021, Haren and Ten Boer into Groningen in 2019), three half-yearly releases from
 * October 2022 to October 2023, written with the real writer and read back with the real loader.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemo } from '../../src/lib/demo/generate';
import { readFormerPopulation } from '../../src/node/demo-fs';
import { writeDataDir } from '../../src/node/datastore-fs';
import { loadRegister } from '../../src/node/reference-fs';
import { getSiteData, type SiteData } from '../../src/node/site-data';

export const FIXTURE_GEMEENTEN = [
  'GM0363', // Amsterdam
  'GM0457', // Weesp, opgegaan in Amsterdam op 1 januari 2023
  'GM0788', // Haaren, opgesplitst in 2021
  'GM0757', // Boxtel
  'GM0824', // Oisterwijk
  'GM0855', // Tilburg
  'GM0865', // Vught
  'GM0014', // Groningen
  'GM0017', // Haren, opgegaan in Groningen in 2019
] as const;

let folder: Promise<string> | undefined;

/** Writes the fixture data folder once per test process and returns its path. */
export function fixtureDataDir(): Promise<string> {
  folder ??= (async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'jz-release-fixture-')), 'data');
    const demo = generateDemo(loadRegister(), readFormerPopulation(), {
      current: { year: 2023, month: 10 },
      releases: 3,
      gemeenten: FIXTURE_GEMEENTEN,
      fromYear: 2019,
      wijkGemeenten: 2,
    });
    await writeDataDir(dir, { catalog: demo.catalog, datasets: demo.datasets });
    return dir;
  })();
  return folder;
}

export async function fixtureSite(): Promise<SiteData> {
  return getSiteData(await fixtureDataDir());
}
