/**
 * Shared by the hostile-input tests: an import that must fail (one DataError, the out folder exactly as it
 * was, no leftover folder beside it), a data folder to break by hand, and exports to break.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { DataError } from '../../src/lib/data/errors';
import { readDataDir, writeDataDir } from '../../src/node/datastore-fs';
import { getSiteData } from '../../src/node/site-data';
import { smallData } from '../fixtures/small-data';
import { importQuietly, snapshot } from '../import/helpers';

export { removeDir, snapshot, tempDir } from '../import/helpers';

/** StatLine download of counts (rounded to fives, as CBS publishes): BOM, `;`, CRLF. */
export const COUNT_HEADER = '"Regio\'s";"Perioden";"Jongeren met jeugdhulp (aantal)";"Jongeren met jeugdbescherming (aantal)"';
export const COUNT_LINES = ['"Nederland";"2022*";396780;40120', '"Aa en Hunze";"2022*";430;45', '"Utrecht (gemeente)";"2022*";9380;745'];

export function statlineText(lines: readonly string[] = COUNT_LINES, header = COUNT_HEADER, { bom = true, eol = '\r\n' } = {}): string {
  return `${bom ? '\uFEFF' : ''}${[header, ...lines].join(eol)}${eol}`;
}

/** A saved OData v3 CSV of the wijken table (codes, comma, decimal point). */
export const ODATA_HEADER = 'ID,VormenVanJeugdzorg,Wijken,Perioden,TotaalJongerenMetJeugdzorgInNatura_1,TotaalTrajectenInNatura_9';
export const ODATA_LINES = [
  '2,T001203,NL00      ,2022JJ00,  461985,  695095',
  '5,T001203,GM0363    ,2022JJ00,   21520,   32485',
  '6,T001203,WK036300  ,2022JJ00,     205,     310',
  '8,T001203,GM1680    ,2022JJ00,     595,     860',
];
export function odataText(lines: readonly string[] = ODATA_LINES, header = ODATA_HEADER): string {
  return `${[header, ...lines].join('\n')}\n`;
}

/** A minimal OData v4 response: one Observations page (dimensions and measures read from its fields). */
export function observation(fields: Record<string, unknown>): Record<string, unknown> {
  return { Id: 1, Measure: 'M004117', ValueAttribute: 'None', Value: 621450.0, StringValue: null, VerwijzerJeugdzorg: 'T001270', RegioS: 'NL01  ', Perioden: '2022JJ00', ...fields };
}

/** The context of one test file: a temp folder with a good data folder in it, written by an earlier import. */
export class HostileImport {
  out: string;
  private before: Record<string, string> = {};

  constructor(readonly tmp: string) {
    this.out = path.join(tmp, 'data');
  }

  /** An earlier good import every failed import must leave alone. */
  async setUp(): Promise<void> {
    await importQuietly({ inputs: [await this.write('goed.csv', statlineText())], out: this.out });
    this.before = await snapshot(this.out);
    expect(Object.keys(this.before)).toContain('catalog.json');
  }

  async write(name: string, content: string | Uint8Array): Promise<string> {
    const file = path.join(this.tmp, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    return file;
  }

  /** A folder of OData JSON responses, each file given as text or as a value to serialise. */
  async jsonFolder(name: string, files: Record<string, unknown>): Promise<string> {
    const dir = path.join(this.tmp, name);
    await mkdir(dir, { recursive: true });
    for (const [file, body] of Object.entries(files)) {
      await writeFile(path.join(dir, file), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
    }
    return dir;
  }

  /** Imports and returns the message, with the temp folder left out; the out folder must be untouched. */
  async failure(inputs: string[], options: { release?: string; cbs?: string[] } = {}): Promise<string> {
    let error: unknown;
    await importQuietly({ inputs, out: this.out, ...options }).then(
      () => expect.fail(`${inputs.join(', ')} werd zonder fout ingelezen`),
      (e: unknown) => (error = e),
    );
    expect(error, String(error)).toBeInstanceOf(DataError);
    await this.expectUntouched();
    return (error as DataError).message.replaceAll(`${this.tmp}${path.sep}`, '');
  }

  /** Imports into a fresh folder beside the shared one; returns the data as read back by the loader. */
  async success(inputs: string[], name: string, options: { release?: string } = {}) {
    const out = path.join(this.tmp, name);
    await importQuietly({ inputs, out, ...options });
    return readDataDir(out);
  }

  async expectUntouched(): Promise<void> {
    expect(await snapshot(this.out)).toEqual(this.before);
    const leftovers = (await readdir(this.tmp)).filter((n) => /^data\.(tmp|old)-/.test(n));
    expect(leftovers).toEqual([]);
  }
}

/** A small good data folder (tests/fixtures/small-data.ts) to break by hand; returns its folder. */
export async function goodDataFolder(tmp: string, name = 'data'): Promise<string> {
  const dir = path.join(tmp, name);
  await writeDataDir(dir, smallData());
  return dir;
}

/**
 * Loads a broken data folder as the build does (getSiteData, which reads it with readDataDir) and returns the
 * message of the DataError, with the folder's path left out. Anything else (a crash) fails the test.
 */
export async function loadFailure(dir: string): Promise<string> {
  let error: unknown;
  await readDataDir(dir).then(
    () => expect.fail(`${dir} werd zonder fout gelezen`),
    (e: unknown) => (error = e),
  );
  expect(error, String(error)).toBeInstanceOf(DataError);
  let siteError: unknown;
  await getSiteData(dir).then(
    () => expect.fail(`${dir} werd zonder fout geladen`),
    (e: unknown) => (siteError = e),
  );
  expect((siteError as Error).message).toBe((error as Error).message);
  expect(existsSync(dir)).toBe(true);
  return (error as DataError).message.replaceAll(`${dir}${path.sep}`, '');
}
