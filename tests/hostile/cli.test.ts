/**
 * The inputs that crashed `npm run import` with a stack trace and no file or line (deeply nested JSON, valid
 * and broken, and the period 0000JJ00), and a few other hostile ones, as a user runs the command: exit 1, one
 * message naming the file and the line or JSON path, no stack trace, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQuietly, removeDir, snapshot, tempDir } from '../import/helpers';
import { statlineText } from './helpers';

let tmp: string;
let out: string;
let before: Record<string, string>;
beforeAll(async () => {
  tmp = await tempDir('hostile-cli-');
  out = path.join(tmp, 'data');
  const good = path.join(tmp, 'goed.csv');
  await writeFile(good, statlineText());
  await importQuietly({ inputs: [good], out });
  before = await snapshot(out);
});
afterAll(async () => removeDir(tmp));

function runImport(input: string): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', input, '--out', out, '--release', '2023-04-28', '--quiet'], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr.replaceAll(`${tmp}${path.sep}`, '') };
}

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

describe('npm run import with hostile input: a message, never a stack trace', () => {
  const cases: Array<[string, () => Promise<string>, string]> = [
    [
      'deeply nested valid JSON',
      () => folder('diep-geldig', { 'Observations.json': `{"value":${'['.repeat(100_000)}${']'.repeat(100_000)}}` }),
      'diep-geldig/Observations.json, regel 1: kolom "value[0][0][0][0][0][0][0][0][0][0][0][0…[0][0][0][0][0][0][0][0][0][0]": JSON van hoogstens 64 niveaus diep',
    ],
    [
      'deeply nested broken JSON',
      () => folder('diep-kapot', { 'Observations.json': `{"value":${'['.repeat(100_000)}` }),
      'diep-kapot/Observations.json, regel 1: kolom "value[0][0][0][0][0][0][0][0][0][0][0][0…[0][0][0][0][0][0][0][0][0][0]": JSON van hoogstens 64 niveaus diep',
    ],
    [
      'the period 0000JJ00',
      async () => {
        const file = path.join(tmp, 'periode-0000.csv');
        await writeFile(file, statlineText(['"Nederland";"0000JJ00";396780;40120']));
        return file;
      },
      'periode-0000.csv, regel 2: kolom "Perioden": een periode zoals "2022", "2022*", "2023 1e halfjaar**" of "2023HJ01" (gevonden: "0000JJ00")',
    ],
    [
      'a duplicate JSON key',
      () => folder('dubbel', { 'Observations.json': '{"value": [], "value": []}' }),
      'dubbel/Observations.json, regel 1: kolom "value": elke sleutel één keer per object (JSON.parse zou stil de laatste nemen); "value" staat ook op regel 1',
    ],
  ];
  for (const [what, make, message] of cases) {
    it(what, async () => {
      const { status, stderr } = runImport(await make());
      expect(status, stderr).toBe(1);
      expect(stderr).toBe(`Import mislukt, er is niets geschreven.\n${message}\n`);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(await snapshot(out)).toEqual(before);
    });
  }
});
