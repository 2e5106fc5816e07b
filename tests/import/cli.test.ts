/**
 * The command end to end, as a user runs it: `npx tsx scripts/import.ts`. A bad file ends with a non-zero
 * exit, one message on stderr and the out folder untouched; the real exports import with exit 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataDir } from '../../src/node/datastore-fs';
import { importQuietly, REAL_FILES, removeDir, snapshot, STATLINE_LINES, statline, tempDir, writeInput } from './helpers';

function runCli(args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
}

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('import-cli-');
});
afterAll(async () => removeDir(tmp));

describe('npm run import (CLI)', () => {
  it('exits non-zero with one message on stderr and leaves the out folder as it was', async () => {
    const out = path.join(tmp, 'data');
    await importQuietly({ inputs: [await writeInput(tmp, 'goed.csv', statline())], out });
    const before = await snapshot(out);
    const bad = await writeInput(tmp, 'kapot.csv', statline([...STATLINE_LINES, '"Aalsmeer";"2022*";12,5;O,6']));
    const result = runCli([bad, '--out', out, '--release', '2023-04-28']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`lezen: ${bad}`);
    expect(result.stderr).toContain(
      `Import mislukt, er is niets geschreven.\n${bad}, regel 7: kolom "Jongeren met jeugdbescherming (% (zie toelichting))": een getal (zoals "12,5") of een CBS-teken: ".", "x" of "-" (gevonden: "O,6")\n`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('explains its options', () => {
    const result = runCli(['--odata', 'v5']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--odata: v3 of v4 (gevonden: "v5")');
    expect(result.stderr).toContain('Gebruik: npm run import');
  });

  const present = REAL_FILES.every((f) => existsSync(f));
  if (!present) console.warn('OVERGESLAGEN: de echte CBS-bestanden ontbreken (../shared/cbs); de CLI-test met echte bestanden draait niet.');
  it.skipIf(!present)('imports the real exports with exit 0', async () => {
    const out = path.join(tmp, 'echt');
    const result = runCli([...REAL_FILES, '--out', out, '--release', '2023-04-28', '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    const store = await readDataDir(out);
    expect(store.catalog.datasets).toEqual(['indicatoren-jeugdzorg-gemeenten', 'jeugdzorg-in-natura-wijken']);
  });

  it.skipIf(!present)('stops without --release or --status: the OData exports state no status', async () => {
    const out = path.join(tmp, 'zonder-datum');
    const result = runCli([...REAL_FILES, '--out', out, '--quiet']);
    expect(result.status).toBe(1);
    // The earliest period without a status comes first: 2021, from the joined wijken file's column "year".
    expect(result.stderr).toBe(
      `Import mislukt, er is niets geschreven.\n${REAL_FILES[2]}, regel 2: kolom "year": een status van de cijfers (voorlopig, nader voorlopig of definitief), maar dit bestand vermeldt die niet; geef de publicatiedatum met --release JJJJ-MM-DD (de status volgt dan uit het CBS-ritme) of de status met --status: voor alle perioden zonder status (--status voorlopig) of per periode (--status 2021JJ00=<status>) (gevonden: "2021JJ00")\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
