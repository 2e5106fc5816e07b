/**
 * Every fact page of the build, read as a reader reads it: no comparison word may contradict the figures
 * printed beside it (tests/support/verdict-scan.ts, which has its own tests that it catches contradictions).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { emptyScan, scanFactPage } from '../support/verdict-scan';
import { formatNumber } from '../../src/lib/format/number';

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
    // "In het kort": Nederland, the vergelijkbare gemeenten and a year earlier, per compared figure.
    expect(result.checked.summaries).toBeGreaterThan(3000);
    console.log(`Gecontroleerd: ${JSON.stringify(result.checked)} op ${pages.length} pagina's`);
  });
});

const csvRecords = (file: string) => Papa.parse<Record<string, string>>(readFileSync(path.join(dist, file), 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('the peers the verdicts compare with', () => {
  it('are, for Zwolle, exactly its ten neighbours of buren.csv, their figure from their summed counts, on the page and in the funnel', () => {
    const buren = csvRecords('downloads/buren/buren.csv');
    const code = buren.find((r) => r.gemeente === 'Zwolle')!.gemeente_code!;
    const neighbours = buren.filter((r) => r.gemeente_code === code).map((r) => r.buur_code!);
    expect(neighbours).toHaveLength(10);
    // Each gemeente's own counts, as the comparisons download gives them (its row against Nederland).
    const comparisons = csvRecords('downloads/vergelijkingen/vergelijkingen.csv');
    const own = new Map(comparisons.filter((r) => r.referentie_soort === 'land').map((r) => [`${r.regio_code}|${r.onderwerp}`, r]));
    const { document } = parseHTML(readFileSync(path.join(dist, 'gemeente/zwolle/index.html'), 'utf8'));
    const sections = [...document.querySelectorAll('section.comparison')];
    expect(sections.length).toBeGreaterThanOrEqual(4);
    let summed = 0;
    for (const section of sections) {
      const concept = section.querySelector('table')!.id.replace(/^vergelijking-/, '').replace(/-tabel$/, '');
      const peerRow = comparisons.find((r) => r.regio_code === code && r.onderwerp === concept && r.referentie_soort === 'vergelijkbaar')!;
      expect(peerRow, concept).toBeDefined();
      // The size class stays in the download as a second view.
      expect(comparisons.some((r) => r.regio_code === code && r.onderwerp === concept && r.referentie_soort === 'grootteklasse'), concept).toBe(true);
      const members = neighbours.map((n) => own.get(`${n}|${concept}`));
      const counted = members.filter((m) => m && m.aantal !== '' && m.noemer !== '');
      const count = counted.reduce((s, m) => s + Number(m!.aantal), 0);
      const denominator = counted.reduce((s, m) => s + Number(m!.noemer), 0);
      const row = [...section.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.startsWith('Vergelijkbare gemeenten'))!;
      expect(row, concept).toBeDefined();
      const note = row.querySelector('.row-note')!.textContent!;
      expect(note.startsWith('10 gemeenten gekozen op kenmerken'), note).toBe(true);
      if (counted.length < 10) expect(note, concept).toContain(`${10 - counted.length} zonder cijfer`);
      if (peerRow.referentie_cijfer === '') continue;
      summed++;
      expect([Number(peerRow.referentie_aantal), Number(peerRow.referentie_noemer)], concept).toEqual([count, denominator]);
      const per = Number(peerRow.per);
      const decimals = Number(peerRow.decimalen);
      // The figure on the page is the one from the neighbours' summed counts, rounded as printed: in the table with
      // the published decimals, or more where its margin needs them to tell it apart (chance.ts agreeingDecimals).
      const printed = row.querySelector('td')!.textContent!.trim();
      const printedDecimals = printed.split(',')[1]?.length ?? 0;
      expect(printedDecimals, concept).toBeGreaterThanOrEqual(decimals);
      expect(printed, concept).toBe(formatNumber((count / denominator) * per, printedDecimals));
      // The sentence names the figure as the table row prints it.
      expect(section.textContent).toContain(`in vergelijkbare gemeenten (${printed}`);
      // The funnel draws the ten in the group's colour and names them so in its legend.
      const dots = section.querySelector('.chart__canvas--wide g.funnel-group')?.querySelectorAll('circle').length;
      expect(dots, concept).toBe(counted.length);
      expect(section.querySelector('.chart__canvas--wide desc')?.textContent, concept).toContain(`De ${counted.length} blauwe stippen zijn de vergelijkbare gemeenten.`);
      expect([...section.querySelectorAll('.chart-legend span')].map((s) => s.textContent!.trim()), concept).toContain('vergelijkbare gemeenten');
    }
    expect(summed).toBeGreaterThanOrEqual(3);
  });
});
