/**
 * Markup in labels and footnotes is stored as text (loader.test.ts, import.test.ts); here it is shown as text:
 * the table of a hostile data folder, rendered by the functions the table pages use (renderTable and
 * renderTableNotes, inserted with set:html), holds no element the labels describe, and its text holds the
 * labels exactly. Astro escapes {expressions} in the other pages itself; `href` values can only be http(s)
 * (the schema refuses javascript: and data:, loader.test.ts).
 */
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPivot } from '../../src/lib/tables/pivot';
import { renderTable, renderTableNotes } from '../../src/lib/tables/render-html';
import { defaultSelection } from '../../src/lib/tables/selection';
import { tableSourceOf } from '../../src/lib/tables/table-source';
import { writeDataDir } from '../../src/node/datastore-fs';
import { getSiteData } from '../../src/node/site-data';
import { DatasetMetaSchema } from '../../src/schemas/dataset';
import { smallData, smallMeta, smallRows } from '../fixtures/small-data';
import { removeDir, tempDir } from './helpers';

const SCRIPT = '<script>alert("xss")</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("https://evil.example/","klik")';

let tmp: string;
beforeAll(async () => {
  tmp = await tempDir('hostile-escape-');
});
afterAll(async () => removeDir(tmp));

describe('markup in labels is shown as text', () => {
  it('in the table and its notes, as the table pages insert them', async () => {
    const dir = path.join(tmp, 'data');
    const data = smallData();
    const meta = DatasetMetaSchema.parse({
      ...smallMeta,
      title: `${SCRIPT} titel`,
      measures: smallMeta.measures.map((m, i) => ({ ...m, label: `${[SCRIPT, IMG, FORMULA][i]} ${m.label}` })),
      dimensions: smallMeta.dimensions!.map((d) => ({ ...d, label: `${IMG} ${d.label}`, codes: d.codes.map((c) => ({ ...c, label: `${SCRIPT} ${c.label}` })) })),
      regions: smallMeta.regions.map((r) => ({ ...r, label: `${IMG} ${r.label}` })),
      footnotes: [{ id: 'noot', text: `${SCRIPT} ${IMG} voetnoot`, appliesTo: {} }],
    });
    data.datasets[0] = { meta, rows: smallRows() };
    await writeDataDir(dir, data);
    const site = await getSiteData(dir);
    const source = tableSourceOf(site.datasets[0]!, site.register);
    const pivot = buildPivot(source, defaultSelection({ meta: source.meta, periods: source.periods, regions: source.regions }), { id: 'tabel' });
    const html = renderTable(pivot) + renderTableNotes(pivot);
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelectorAll('script, img, svg').length).toBe(0);
    expect([...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'))).toEqual([]);
    const text = document.body.textContent!;
    expect(text).toContain(`${SCRIPT} ${IMG} voetnoot`);
    expect(text).toContain(`${SCRIPT} ${smallMeta.measures[0]!.label}`);
  });
});
