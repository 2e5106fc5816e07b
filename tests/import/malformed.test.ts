/**
 * Every malformed export ends the import with one Dutch message naming file, line and column, and leaves an
 * earlier good data folder exactly as it was. The inputs are small realistic exports, broken in one place.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importQuietly,
  ODATA_CSV_HEADER,
  ODATA_CSV_LINES,
  odataCsv,
  removeDir,
  snapshot,
  STATLINE_LINES,
  statline,
  tempDir,
  writeInput,
} from './helpers';

let tmp: string;
let out: string;
let before: Record<string, string>;

beforeAll(async () => {
  tmp = await tempDir('import-bad-');
  out = path.join(tmp, 'data');
  // An earlier good import that every failed import below must leave alone.
  await importQuietly({ inputs: [await writeInput(tmp, 'goed.csv', statline())], out });
  before = await snapshot(out);
  expect(Object.keys(before)).toContain('catalog.json');
});
afterAll(async () => removeDir(tmp));

/** Imports one broken file and returns the message; the out folder must be untouched. */
async function failure(name: string, content: string | Uint8Array): Promise<string> {
  const file = await writeInput(tmp, name, content);
  let message = '';
  await importQuietly({ inputs: [file], out }).then(
    () => expect.fail(`${name} werd zonder fout ingelezen`),
    (error: Error) => {
      expect(error.name).toBe('DataError');
      message = error.message.replace(`${tmp}${path.sep}`, '');
    },
  );
  expect(await snapshot(out)).toEqual(before);
  return message;
}

const withLine = (line: string) => statline([...STATLINE_LINES, line]);

describe('importer: malformed input', () => {
  it('refuses an empty file', async () => {
    expect(await failure('leeg.csv', '')).toBe('leeg.csv: het bestand is leeg; verwacht een CSV- of JSON-export van CBS');
  });

  it('refuses a binary file', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    expect(await failure('download.csv', zip)).toBe(
      'download.csv: het bestand is binair (bevat NUL-tekens); verwacht tekst (CSV of JSON, UTF-8)',
    );
  });

  it('refuses a Latin-1 export and names the line', async () => {
    const text = statline([...STATLINE_LINES, '"Súdwest-Fryslân";"2022*";12;1']).slice(1);
    expect(await failure('latin1.csv', Buffer.from(text, 'latin1'))).toBe(
      'latin1.csv, regel 7: geen geldige UTF-8-tekst; sla de export op als UTF-8 (StatLine: "CSV met BOM, UTF-8")',
    );
  });

  it('refuses an unbalanced quote', async () => {
    const lines = [STATLINE_LINES[0]!, '"Aa en Hunze;"2022*";13;1,4', STATLINE_LINES[2]!];
    expect(await failure('quote.csv', statline(lines))).toBe('quote.csv, regel 3: een aanhalingsteken (") wordt geopend maar niet gesloten');
  });

  it('refuses an extra field', async () => {
    expect(await failure('extra.csv', withLine('"Aalsmeer";"2022*";12,5;0,6;9'))).toBe(
      'extra.csv, regel 7: verwacht 4 velden zoals de kopregel (scheidingsteken ";"), maar deze regel heeft er 5: 1 veld te veel',
    );
  });

  it('refuses a non-numeric value', async () => {
    expect(await failure('letter.csv', withLine('"Aalsmeer";"2022*";12,5;O,6'))).toBe(
      'letter.csv, regel 7: kolom "Jongeren met jeugdbescherming (% (zie toelichting))": een getal (zoals "12,5") of een CBS-teken: ".", "x" of "-" (gevonden: "O,6")',
    );
    const line = ODATA_CSV_LINES[2]!.replace('   21520', '  21.5k');
    expect(await failure('odata-letter.csv', odataCsv([ODATA_CSV_LINES[0]!, ODATA_CSV_LINES[1]!, line]))).toBe(
      'odata-letter.csv, regel 4: kolom "TotaalJongerenMetJeugdzorgInNatura_1": een getal (zoals "12.5") of een CBS-teken: ".", "x" of "-" (gevonden: "21.5k")',
    );
  });

  it('refuses an unknown region, by name and by code', async () => {
    expect(await failure('regio.csv', withLine('"Atlantis";"2022*";12,5;0,6'))).toBe(
      'regio.csv, regel 7: kolom "Regio\'s": een gemeente, provincie of jeugdregio uit het register (src/reference), of "Nederland" (gevonden: "Atlantis")',
    );
    const line = '3,11,T001203,GM9999    ,2022JJ00,      25,      40,Nergens                                 ';
    expect(await failure('code.csv', odataCsv([...ODATA_CSV_LINES, line]))).toBe(
      'code.csv, regel 5: kolom "Wijken": een regio uit het register (src/reference): gemeente, wijk van een bekende gemeente, provincie, jeugdregio of Nederland (gevonden: "GM9999")',
    );
    const bad = '3,11,T001203,XX0363    ,2022JJ00,      25,      40,Nergens                                 ';
    expect(await failure('geen-code.csv', odataCsv([...ODATA_CSV_LINES, bad]))).toBe(
      'geen-code.csv, regel 5: kolom "Wijken": een regiocode zoals NL01, PV27, GM0363 of WK036300 (gevonden: "XX0363")',
    );
  });

  it('refuses an unparseable period', async () => {
    expect(await failure('periode.csv', withLine('"Aalsmeer";"2022x";12,5;0,6'))).toBe(
      'periode.csv, regel 7: kolom "Perioden": een periode zoals "2022", "2022*", "2023 1e halfjaar**" of "2023HJ01" (gevonden: "2022x")',
    );
    const line = ODATA_CSV_LINES[1]!.replace('2022JJ00', '2022XX00');
    expect(await failure('periode-code.csv', odataCsv([ODATA_CSV_LINES[0]!, line]))).toBe(
      'periode-code.csv, regel 3: kolom "Perioden": een CBS-periodecode zoals 2022JJ00 of 2023HJ01 (of een jaartal) (gevonden: "2022XX00")',
    );
  });

  it('refuses a duplicate key', async () => {
    expect(await failure('dubbel.csv', withLine('"Aa en Hunze";"2022*";13;1,4'))).toBe(
      'dubbel.csv, regel 7: elke combinatie van regio, periode en categorie één keer; deze staat ook op regel 3 (gevonden: "GM1680|2022JJ00")',
    );
  });

  it('refuses a negative count', async () => {
    const line = '3,11,T001203,GM0358    ,2022JJ00,     -25,     860,Aalsmeer                                ';
    expect(await failure('negatief.csv', odataCsv([...ODATA_CSV_LINES, line]))).toBe(
      'negatief.csv, regel 5: kolom "TotaalJongerenMetJeugdzorgInNatura_1": een aantal van 0 of meer (gevonden: "-25")',
    );
  });

  it('refuses a missing column', async () => {
    const header = '"Regio\'s";"Jongeren met jeugdhulp in natura (% (zie toelichting))";"Jongeren met jeugdbescherming (% (zie toelichting))"';
    const lines = STATLINE_LINES.map((l) => l.replace(';"2022*"', ''));
    expect(await failure('geen-periode.csv', statline(lines, header))).toBe(
      'geen-periode.csv, regel 1: kolom "Perioden": kolom ontbreekt; een StatLine-download heeft een kolom "Perioden" (de kopregel heeft: "Regio\'s", "Jongeren met jeugdhulp in natura (% (zie toelichting))", "Jongeren met jeugdbescherming (% (zie toelichting))")',
    );
    const odataHeader = ODATA_CSV_HEADER.replace(',Wijken,', ',Buurt,');
    expect(await failure('geen-regio.csv', odataCsv(ODATA_CSV_LINES, odataHeader))).toMatch(
      /^geen-regio\.csv, regel 1: kolom "Wijken": kolom ontbreekt; verwacht een regiokolom \(WijkenEnBuurten, Wijken, RegioS, Gemeenten, Regio, gwb_code\); de kopregel heeft: "", "ID", "VormenVanJeugdzorg", "Buurt"/,
    );
  });

  it('refuses broken JSON and an OData response without data', async () => {
    const dir = path.join(tmp, 'v4-kapot');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeInput(dir, 'Observations.json', '{\n  "value": [\n    { "Id": 1, "Measure": "M004117", }\n  ]\n}');
    const file = path.join(dir, 'Observations.json');
    let message = '';
    await importQuietly({ inputs: [dir], out }).catch((e: Error) => (message = e.message));
    expect(message).toBe(`${file}, regel 3: geldige JSON; teken 38 past niet`);
    await writeInput(dir, 'Observations.json', '{"value": []}');
    await importQuietly({ inputs: [dir], out }).catch((e: Error) => (message = e.message));
    expect(message).toBe(`${file}: Observations met minstens één waarneming`);
    expect(await snapshot(out)).toEqual(before);
  });

  it('refuses a bad --release', async () => {
    const file = await writeInput(tmp, 'goed2.csv', statline());
    await expect(importQuietly({ inputs: [file], out, release: '28-04-2023' })).rejects.toThrow(
      '--release: een publicatiedatum JJJJ-MM-DD, zoals 2023-04-28 (gevonden: "28-04-2023")',
    );
  });
});
