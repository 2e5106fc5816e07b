/**
 * Every fact page of the build, read as a reader reads it: no comparison word may contradict the figures
 * printed beside it (tests/support/verdict-scan.ts, which has its own tests that it catches contradictions).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { emptyScan, scanFactPage } from '../support/verdict-scan';

const dist = inject('distDir');

function pagesUnder(folder: string): Array<{ route: string; html: string }> {
  const dir = path.join(dist, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'index.html')))
    .map((e) => ({ route: `/${folder}/${e.name}/`, html: readFileSync(path.join(dir, e.name, 'index.html'), 'utf8') }))
    .filter((p) => !/http-equiv="refresh"/.test(p.html));
}

describe('verdicts on the fact pages', () => {
  it('never contradict the printed figures, on any gemeente, provincie, jeugdregio or Nederland page', () => {
    const pages = [...pagesUnder('gemeente'), ...pagesUnder('provincie'), ...pagesUnder('jeugdregio'), { route: '/nederland/', html: readFileSync(path.join(dist, 'nederland/index.html'), 'utf8') }];
    expect(pages.length).toBeGreaterThan(400);
    const result = emptyScan();
    for (const page of pages) scanFactPage(page.html, page.route, result);
    expect(result.findings).toEqual([]);
    // The scan must have read what the pages say: four key measures and four references per current gemeente.
    expect(result.checked.sentences).toBeGreaterThan(3000);
    expect(result.checked.tableRows).toBeGreaterThan(4000);
    expect(result.checked.changes).toBeGreaterThan(2000);
    // "In het kort": Nederland, the gelijksoortige gemeenten and a year earlier, per compared figure.
    expect(result.checked.summaries).toBeGreaterThan(3000);
    console.log(`Gecontroleerd: ${JSON.stringify(result.checked)} op ${pages.length} pagina's`);
  });
});
