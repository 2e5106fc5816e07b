/**
 * A value in a download equals the value on the page, for every cell a page shows: the default table of
 * every dataset (/tabellen/<id>/) against the dataset's CSV and the CSV for Excel in its zip, from the same build,
 * and the revisions on a release page against its CSV of all revisions. Pages show nl-NL text ("27.235",
 * "11,1", "."); the test parses them back to numbers and symbols.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { totalTopics } from '../../src/lib/data/dataset';
import { parsePeriodLabel } from '../../src/lib/data/periods';
import { parseDownloadCsv } from '../../src/lib/downloads/csv';
import { REVISIONS_EXCEL_FILE } from '../../src/lib/downloads/files';
import { machineNamedRecords, wideNumericColumns, wideNumericLabels, type WideRecord } from '../../src/lib/downloads/wide';
import { parseDutchNumber } from '../../src/lib/format/number';
import { regionKind, type RegionKind } from '../../src/lib/regions/codes';
import type { SiteData } from '../../src/node/site-data';
import { fixtureSite } from '../releases/fixture';
import { REVISION_FIELDS } from '../../src/lib/releases/revisions-file';
import { builtSite } from '../search/built-site';
import { readZip } from '../../src/node/zip';

let dist: string;
let site: SiteData;
beforeAll(async () => {
  [dist, site] = await Promise.all([builtSite(), fixtureSite()]);
}, 600_000);

const read = (route: string) => readFileSync(path.join(dist, route), 'utf8');
/** One file of a built zip, found by its name (inside the zip's folder). */
function readZipped(route: string, name: string): string {
  const entry = readZip(readFileSync(path.join(dist, route))).find((e) => e.name.endsWith(`/${name}`));
  if (!entry?.crcOk) throw new Error(`${name} ontbreekt of is beschadigd in ${route}`);
  return entry.data.toString('utf8');
}
const GROUP_KIND: Record<string, RegionKind> = { Provincies: 'provincie', "Jeugdregio's": 'jeugdregio', Gemeenten: 'gemeente', Wijken: 'wijk' };

/** A page cell as a value and a symbol: "27.235" → 27235, "11,1" → 11.1, "." → null with ".". */
function pageCell(text: string): { value: number | null; symbol: string } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const number = parseDutchNumber(clean);
  if (number !== undefined) return { value: number, symbol: '' };
  return { value: clean === '-' ? 0 : null, symbol: clean };
}

describe('downloads against the pages of the same build', () => {
  it('every cell of every default table equals the dataset’s CSV and Excel CSV', () => {
    let compared = 0;
    for (const d of site.datasets) {
      const { document } = parseHTML(read(`tabellen/${d.meta.id}/index.html`));
      const table = document.querySelector('table#tabel')!;
      const caption = table.querySelector('.caption-title')!.textContent!;
      const periodText = caption.split(' — ')[1]!.split(',')[0]!;
      const period = parsePeriodLabel(periodText)!.period.code;
      const topics = totalTopics(d.meta);
      const headers = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.firstChild!.textContent!.trim());
      const measures = headers.map((h) => d.meta.measures.find((m) => (m.shortLabel ?? m.label) === h || m.label === h)!);
      expect(measures.every(Boolean), `${d.meta.id}: kolommen ${headers.join(' | ')}`).toBe(true);

      const numeric = wideNumericColumns(d.meta);
      const files = {
        csv: parseDownloadCsv(read(`downloads/${d.meta.id}/${d.meta.id}.csv`), 'rfc4180', numeric),
        excel: machineNamedRecords(d.meta, parseDownloadCsv(readZipped(`downloads/${d.meta.id}/${d.meta.id}.zip`, `${d.meta.id}-excel.csv`), 'excel-nl', wideNumericLabels(d.meta))),
      };
      const key = (r: WideRecord) => [r.regio_code, r.perioden_code, ...d.meta.dimensions.map((dim) => r[`${dim.id}_code`])].join('|');
      const lookups = Object.fromEntries(Object.entries(files).map(([f, records]) => [f, new Map(records.map((r) => [key(r), r]))]));

      for (const tbody of table.querySelectorAll('tbody')) {
        const group = tbody.querySelector('.group-label')?.textContent?.trim();
        const kind: RegionKind = group ? GROUP_KIND[group]! : 'land';
        for (const tr of tbody.querySelectorAll('tr:not(.group-head)')) {
          const label = tr.querySelector('th[scope=row]')!.firstChild!.textContent!.trim();
          const region = [...new Set(d.converted.rows.map((r) => r.region))].find((c) => regionKind(c) === kind && site.register.label(c) === label);
          expect(region, `${d.meta.id}: regio ${label}`).toBeDefined();
          [...tr.querySelectorAll('td')].forEach((td, i) => {
            const shown = pageCell(td.firstChild?.textContent ?? '');
            const measure = measures[i]!;
            for (const [format, lookup] of Object.entries(lookups)) {
              const record = lookup.get([region, period, ...topics].join('|'));
              expect(record, `${d.meta.id} ${format} ${region} ${period}`).toBeDefined();
              const where = `${d.meta.id} ${format} ${label} ${measure.id}`;
              expect(record![`${measure.id}_teken`], where).toBe(shown.symbol);
              expect(record![measure.id], where).toBe(shown.value);
              compared++;
            }
          });
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('the revisions on a release page equal those in its CSV', () => {
    const { document } = parseHTML(read('releases/2023-10-26/index.html'));
    const rows = [...document.querySelectorAll('table.revisions tbody tr')];
    expect(rows.length).toBe(20);
    const csv = parseDownloadCsv(read('releases/2023-10-26/herzieningen.csv'), 'rfc4180', ['oude_waarde', 'nieuwe_waarde']);
    for (const tr of rows) {
      const cells = [...tr.children].map((c) => c.textContent!.trim());
      const [regio, , perioden, , maat, oud, nieuw] = cells;
      const match = csv.filter((r) => r.regio === regio && r.perioden === perioden && r.maat === maat && r.oude_waarde === pageCell(oud!).value && r.nieuwe_waarde === pageCell(nieuw!).value);
      expect(match.length, cells.join(' | ')).toBeGreaterThan(0);
    }
    // The Excel file has the Dutch labels: read back through them, it holds the same rows and numbers.
    const label = (name: string) => REVISION_FIELDS.find((f) => f.name === name)!.label;
    const numbers = ['oude_waarde', 'nieuwe_waarde', 'verschil', 'verschil_procent'];
    // It comes zipped, its one entry the whole file.
    const [entry, ...more] = readZip(readFileSync(path.join(dist, 'releases/2023-10-26/herzieningen-excel.zip')));
    expect(more).toEqual([]);
    expect([entry?.name, entry?.crcOk]).toEqual([REVISIONS_EXCEL_FILE, true]);
    const excel = parseDownloadCsv(entry!.data.toString('utf8'), 'excel-nl', numbers.map(label));
    expect(excel).toHaveLength(csv.length);
    const csvNumbers = parseDownloadCsv(read('releases/2023-10-26/herzieningen.csv'), 'rfc4180', numbers);
    excel.forEach((row, i) => {
      for (const name of ['regio_code', 'perioden_code', 'maat_code', ...numbers]) expect(row[label(name)], `${name}, regel ${i + 2}`).toEqual(csvNumbers[i]![name]);
    });
  });

  it('every release has a page, a zip, and (after the first) a revisions file', () => {
    for (const release of site.catalog.releases) {
      expect(read(`releases/${release.id}/index.html`)).toContain(release.title);
      expect(readFileSync(path.join(dist, `downloads/release-${release.id}.zip`)).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    }
    expect(read('releases/2022-10-27/index.html')).toMatch(/vervangen door/);
  });
});
