/** Shared by the importer tests: small realistic exports written to a temp dir, and folder snapshots. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sharedDir } from '../../src/node/project-paths';
import { loadRegister } from '../../src/node/reference-fs';
import { runImport, type ImportOptions } from '../../src/node/import-fs';
import { getSiteData, type SiteData } from '../../src/node/site-data';
import { afterAll, beforeAll } from 'vitest';

export const register = () => loadRegister();

/** The real CBS exports, read in place from ../shared/cbs (never copied into the repository). */
export const REAL_FILES = [
  'indicatoren-jeugdzorg-gemeenten-2022.statline-export.csv',
  'jeugdzorg-in-natura-gemeenten-2022.odata-v3.csv',
  'jeugdzorg-in-natura-gemeenten-wijken-2021-2022.csv',
].map((name) => path.join(sharedDir(), 'cbs', name));

/** A StatLine download of 82972NED as CBS writes it: BOM, `;`, quoted labels, decimal commas, `2022*`. */
export const STATLINE_HEADER =
  '"Regio\'s";"Perioden";"Jongeren met jeugdhulp in natura (% (zie toelichting))";"Jongeren met jeugdbescherming (% (zie toelichting))"';
export const STATLINE_LINES = [
  '"Nederland";"2022*";13,2;1,2',
  '"Aa en Hunze";"2022*";13;1,4',
  '"Ameland";"2022*";7,8;',
  '"Beemster";"2022*";;',
  '"Utrecht (gemeente)";"2022*";15,2;0,8',
];
export function statline(lines: string[] = STATLINE_LINES, header = STATLINE_HEADER): string {
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}

/** A saved OData v3 UntypedDataSet of the wijken table as CSV: pandas index, padded keys and values. */
export const ODATA_CSV_HEADER = ',ID,VormenVanJeugdzorg,Wijken,Perioden,TotaalJongerenMetJeugdzorgInNatura_1,TotaalTrajectenInNatura_9,Gemeentenaam_18';
export const ODATA_CSV_LINES = [
  '0,2,T001203,NL00      ,2022JJ00,  461985,  695095,                                        ',
  '1,5,T001203,GM1680    ,2022JJ00,     595,     860,Aa en Hunze                             ',
  '2,8,T001203,GM0363    ,2022JJ00,   21520,   32485,Amsterdam                               ',
];
export function odataCsv(lines: string[] = ODATA_CSV_LINES, header = ODATA_CSV_HEADER): string {
  return [header, ...lines].join('\r\n') + '\r\n';
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function writeInput(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Every file below a folder with its content, to show a failed import left it exactly as it was. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      out[path.relative(dir, full)] = await readFile(full, 'utf8');
    }
  }
  return out;
}

/** An import with the test defaults: a fixed release (`release: undefined` for none) and no progress output. */
export function importQuietly(options: Omit<ImportOptions, 'release'> & { release?: string | undefined }) {
  return runImport({ release: '2023-04-28', register: register(), ...options });
}

/** Whether the real CBS exports are beside the project (always in CI); a test without them says so and skips. */
export function realFilesPresent(test: string): boolean {
  const present = REAL_FILES.every((file) => existsSync(file));
  if (!present) console.warn(`OVERGESLAGEN: de echte CBS-bestanden ontbreken (../shared/cbs); ${test} draait niet.`);
  return present;
}

/**
 * The site data of the real CBS exports, imported once into a temporary folder for a describe block (release
 * 28 April 2023, as the README's import): call in the block, read `.site` in its tests.
 */
export function useRealImport(prefix: string): { readonly site: SiteData } {
  let tmp: string | undefined;
  let site: SiteData | undefined;
  beforeAll(async () => {
    tmp = await tempDir(prefix);
    const out = path.join(tmp, 'data');
    await importQuietly({ inputs: REAL_FILES, out, release: '2023-04-28' });
    site = await getSiteData(out);
    // The import checks and protects (disclosure control) some 10.000 rows: seconds, more on a busy machine.
  }, 120_000);
  afterAll(async () => {
    if (tmp) await removeDir(tmp);
  });
  return {
    get site() {
      if (!site) throw new Error('de echte cijfers zijn nog niet ingelezen');
      return site;
    },
  };
}
