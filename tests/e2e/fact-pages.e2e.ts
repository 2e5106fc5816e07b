/**
 * The long fact pages as readers meet them: a summary at the top, a table of contents that stays at hand on a
 * phone without covering what a reader jumps or tabs to, wijken set against the gemeente in the same year
 * (never against the half-year key figures), and a way to report a problem in the accessibility statement.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_PUBLISHER } from '../../src/lib/publisher/publisher';
import { baseUrl, closeBrowser, describeViolations, newPage, runAxe } from './browser';
import { roundedSharesNote } from '../../src/lib/facts/notes';

const dist = inject('distDir');
afterAll(closeBrowser);

/** The built gemeente pages that have a wijken section. */
function gemeentePagesWithWijken(): Array<{ route: string; html: string }> {
  const dir = path.join(dist, 'gemeente');
  return readdirSync(dir)
    .filter((slug) => existsSync(path.join(dir, slug, 'index.html')))
    .map((slug) => ({ route: `/gemeente/${slug}/`, html: readFileSync(path.join(dir, slug, 'index.html'), 'utf8') }))
    .filter((p) => p.html.includes('id="wijken-tabel"'));
}

/**
 * The parts of a built page a test reads, as a document: the h1 and the sections named (by their heading id).
 * Some 340 pages are read, and a whole page with its charts is slow to parse.
 */
function pageParts(html: string, sections: readonly string[]): Document {
  const h1 = /<h1[^>]*>[\s\S]*?<\/h1>/.exec(html)?.[0] ?? '';
  const parts = sections.map((id) => new RegExp(`<section[^>]*aria-labelledby="${id}"[^>]*>[\\s\\S]*?<\\/section>`).exec(html)?.[0] ?? '');
  return parseHTML(`<!doctype html><html><body>${h1}${parts.join('')}</body></html>`).document as unknown as Document;
}

/** Runs `use` on a fresh page and closes it whatever happens. */
async function withPage(options: { width?: number; javaScript?: boolean }, use: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(options);
  try {
    await use(page);
  } finally {
    await context.close();
  }
}

/** The table of contents and a target: where each is on the screen. */
async function boxes(page: Page, target: string) {
  return page.evaluate((selector) => {
    const toc = document.querySelector('nav.toc')!.getBoundingClientRect();
    const el = (selector === ':focus' ? document.activeElement : document.querySelector(selector))!.getBoundingClientRect();
    return { tocTop: toc.top, tocBottom: toc.bottom, targetTop: el.top, targetBottom: el.bottom, viewport: window.innerHeight };
  }, target);
}

describe('the wijken table', () => {
  it('starts with the gemeente as a whole in the same period, on every page with wijken, and names the period', { timeout: 180_000 }, () => {
    const pages = gemeentePagesWithWijken();
    expect(pages.length).toBeGreaterThanOrEqual(40);
    for (const { route, html } of pages) {
      const document = pageParts(html, ['wijken']);
      const section = document.querySelector('section[aria-labelledby="wijken"]')!;
      const caption = section.querySelector('#wijken-tabel caption')!.textContent!;
      const first = section.querySelector('#wijken-tabel tbody tr')!;
      const name = document.querySelector('h1')!.textContent!.replace(/ \(voormalige gemeente\)$/, '');
      expect(first.classList.contains('is-highlight'), route).toBe(true);
      expect(first.querySelector('th')!.textContent, route).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, hele gemeenteGM\\d{4}$`));
      // A year is called one, so it is never read as the half year the key figures are about.
      const intro = section.querySelector('p')!.textContent!;
      // The wijken tables of the default and the real data are of whole years.
      const year = /\((\d{4}\*{0,2})\)\./.exec(intro)?.[1];
      expect(year, route).toBeDefined();
      expect(caption, route).toContain(`${year} (heel jaar)`);
      expect(intro, route).toContain(`Vergelijk een wijk met de eerste rij: ${name} als geheel in`);
      // "halfjaar" only where the page says the two are not comparable.
      for (const sentence of intro.split(/(?<=\.) /).filter((s) => s.includes('halfjaar'))) {
        expect(sentence, route).toMatch(/niet met (elkaar|deze) te vergelijken/);
      }
    }
  });
});

describe('a long fact page on a phone', () => {
  it('opens with a short summary of the compared figures, in the first screens at 375 px', async () => {
    await withPage({ width: 375 }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/amsterdam/`);
      const summary = await page.evaluate(() => {
        const section = document.querySelector('section.summary')!;
        return { top: section.getBoundingClientRect().top + window.scrollY, items: section.querySelectorAll('li').length, height: section.getBoundingClientRect().height };
      });
      const comparisons = await page.locator('section.comparison').count();
      expect(summary.items).toBe(comparisons);
      expect(summary.top).toBeLessThan(900 * 1.5);
      expect(summary.height).toBeLessThan(900 * 1.5);
    });
  });

  for (const [width, javaScript] of [[375, true], [320, false]] as const) {
    it(`keeps the table of contents at hand at ${width} px${javaScript ? '' : ' without JavaScript'}, without covering where a link leads`, async () => {
      await withPage({ width, javaScript }, async (page) => {
        await page.goto(`${baseUrl}/gemeente/amsterdam/`);
        // One line, not a block that eats the screen.
        const height = await page.evaluate(() => document.querySelector('nav.toc')!.getBoundingClientRect().height);
        expect(height).toBeLessThan(56);
        for (const id of ['ontwikkeling', 'wijken', 'downloads']) {
          await page.locator(`nav.toc a[href="#${id}"]`).focus();
          await page.keyboard.press('Enter');
          await page.waitForFunction((hash) => location.hash === hash, `#${id}`);
          await page.waitForTimeout(300);
          const at = await boxes(page, `#${id}`);
          // Stuck at the top of the screen, and the heading just below it, not under it.
          expect(at.tocTop, id).toBeLessThanOrEqual(1);
          expect(at.targetTop, id).toBeGreaterThanOrEqual(at.tocBottom - 1);
          expect(at.targetBottom, id).toBeLessThan(at.viewport);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    });
  }

  it('never hides a focused link under the table of contents when a reader tabs back up the page', async () => {
    await withPage({ width: 375 }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/amsterdam/#downloads`);
      await page.waitForTimeout(300);
      await page.locator('section[aria-labelledby="downloads"] a').first().focus();
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Shift+Tab');
        const at = await boxes(page, ':focus');
        const inToc = await page.evaluate(() => document.activeElement?.closest('nav.toc') !== null);
        if (inToc) break;
        // An element taller than half the screen cannot always be scrolled whole into view; the rest must be.
        if (at.targetBottom - at.targetTop < at.viewport / 2) expect(at.targetTop, `focus ${i}`).toBeGreaterThanOrEqual(at.tocBottom - 1);
      }
    });
  });

  it('has no WCAG A or AA violations at 375 px, summary and table of contents included', async () => {
    await withPage({ width: 375 }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/amsterdam/#wijken`);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  });
});

describe('the accessibility statement', () => {
  it('says where to report a problem and when the publisher answers', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${baseUrl}/over/toegankelijkheid/`);
      const report = await page.locator('.report-problem').textContent();
      expect(await page.locator(`.report-problem a[href="mailto:${DEFAULT_PUBLISHER.email}"]`).count()).toBe(1);
      expect(report).toContain(`${DEFAULT_PUBLISHER.name} reageert binnen ${DEFAULT_PUBLISHER.responseDays} werkdagen.`);
    });
    // The address is one long word: it must wrap rather than widen the page on a phone.
    await withPage({ width: 320 }, async (page) => {
      await page.goto(`${baseUrl}/over/toegankelijkheid/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });
  });
});

describe('the year figure beside the half years', () => {
  /** The count of a key-figure card in a list, by the list's heading id. */
  const cardCounts = (document: Document, listLabel: string) =>
    [...document.querySelectorAll(`ul[aria-labelledby="${listLabel}"] .kf__count data`)].map((d) => d.getAttribute('value'));

  it('is the figure the wijken table gives the gemeente as a whole, on every page that has both', { timeout: 180_000 }, () => {
    const pages = gemeentePagesWithWijken();
    let checked = 0;
    for (const { route, html } of pages) {
      const document = pageParts(html, ['kerncijfers', 'wijken']);
      const heading = document.querySelector('#kerncijfers-personen-jaar');
      if (!heading) continue;
      // One figure printed twice: the year card and the wijken table's first row (same dataset, same year).
      const year = /Heel jaar (\d{4})/.exec(heading.textContent!)![1]!;
      const caption = document.querySelector('#wijken-tabel caption')!.textContent!;
      if (!caption.includes(year)) continue;
      const wholeGemeente = document.querySelector('#wijken-tabel tbody tr td')!.textContent!.trim();
      const [count] = cardCounts(document as unknown as Document, 'kerncijfers-personen-jaar');
      expect(Number(count).toLocaleString('nl-NL'), route).toBe(wholeGemeente);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it('stands apart from the half-year figures, labelled as a whole year, and passes axe on a phone', async () => {
    await withPage({ width: 320 }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/amsterdam/`, { waitUntil: 'networkidle' });
      const heading = page.locator('#kerncijfers-personen-jaar');
      await expect(heading.textContent()).resolves.toMatch(/^Heel jaar 2025\*{0,2}$/);
      const card = page.locator('ul[aria-labelledby="kerncijfers-personen-jaar"] li').first();
      await expect(card.locator('.kf__meta').textContent()).resolves.toMatch(/heel jaar 2025/);
      await expect(page.locator('#kerncijfers + .meta-line').textContent()).resolves.toMatch(/^Cijfers over het 1e halfjaar 2026\*; per jaar: heel 2025/);
      expect(await card.isVisible()).toBe(true);
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  });
});

describe('the link from the wijken section to their table', () => {
  it('opens Amsterdam and the wijken of its section with the figures of the section, every measure in the columns', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${baseUrl}/gemeente/amsterdam/`, { waitUntil: 'networkidle' });
      const section = page.locator('section[aria-labelledby="wijken"]');
      const wijkRows = section.locator('#wijken-tabel tbody tr');
      const onPage = new Map<string, string>();
      for (const row of await wijkRows.all()) {
        const name = (await row.locator('th').evaluate((th) => th.firstChild?.textContent ?? ''))!.trim();
        onPage.set(name, (await row.locator('td').first().textContent())!.trim());
      }
      const link = section.locator('a[data-wijken-tabel]');
      await expect(link.textContent()).resolves.toBe(`Alle cijfers van de ${onPage.size - 1} wijken van Amsterdam (2025) in de tabel, om aan te passen en te downloaden`);
      await link.click();
      await page.waitForFunction(() => /^Tabel bijgewerkt/.test(document.querySelector('[data-table-status]')?.textContent ?? ''), undefined, { timeout: 20_000 });
      const headers = (await page.locator('#tabel thead th').allTextContents()).join(' ');
      for (const label of ['Jongeren met jeugdhulp', 'Jongeren tot 18 jaar']) expect(headers).toContain(label);
      // Rows with a region (the table also has a heading row per kind of region: "Wijken in Amsterdam").
      const rows = page.locator('#tabel tbody tr').filter({ has: page.locator('th[scope="row"]') });
      expect(await rows.count()).toBe(onPage.size);
      expect((await page.locator('#tabel tbody').allTextContents()).join(' ')).toContain('Wijken in Amsterdam');
      // Each wijk's first figure in the table is the one the section shows.
      let compared = 0;
      for (const row of await rows.all()) {
        const name = (await row.locator('th[scope="row"]').textContent())!.trim();
        const shown = onPage.get(name === 'Amsterdam' ? 'Amsterdam, hele gemeente' : name);
        if (shown === undefined) continue;
        expect((await row.locator('td').first().textContent())!.trim(), name).toBe(shown);
        compared++;
      }
      expect(compared).toBe(onPage.size);
    });
  });
});

describe('jeugdbescherming in detail', () => {
  /** A figure of the default data, read with papaparse from the data folder the site was built from. */
  const persons = Papa.parse<Record<string, string>>(readFileSync('data/jeugdbescherming/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
  const cell = (region: string, maatregel: string, measure: string) =>
    Number(persons.find((r) => r.regio === region && r.perioden === '2026HJ01' && r.maatregel === maatregel)![measure]);

  it('shows Amsterdam’s maatregelen, its share placed against Nederland and its jeugdreclassering by form without JavaScript, and passes axe at 320 px', async () => {
    await withPage({ width: 320, javaScript: false }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/amsterdam/#jeugdbescherming`, { waitUntil: 'networkidle' });
      const section = page.locator('section[aria-labelledby="jeugdbescherming"]');
      expect(await section.locator('h2').textContent()).toBe('Jeugdbescherming');
      const rows = await section.locator('#jeugdbescherming-maatregelen tbody th').allTextContents();
      expect(rows.map((r) => r.trim())).toEqual(['Totaal jeugdbescherming', 'Ondertoezichtstelling', 'Voorlopige ondertoezichtstelling', 'Voogdij', 'Voorlopige voogdij', 'Tijdelijke voogdij']);
      // Its shares come from rounded counts, and the table says what that does to them.
      expect(await section.locator('.table-notes li').allTextContents()).toContain(roundedSharesNote('jongeren'));
      const [all, placed] = [cell('GM0363', 'T001', 'jongeren_jeugdbescherming'), cell('GM0363', 'T001', 'jongeren_jeugdbescherming_verblijf')];
      const share = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((placed / all) * 100);
      const nl = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        (cell('NL01', 'T001', 'jongeren_jeugdbescherming_verblijf') / cell('NL01', 'T001', 'jongeren_jeugdbescherming')) * 100,
      );
      const paragraphs = await section.locator('.share-comparison p').allTextContents();
      expect(paragraphs[0]).toBe(`In Amsterdam kreeg ${share}% van de ${all.toLocaleString('nl-NL')} jongeren met jeugdbescherming ook jeugdhulp met verblijf (${placed.toLocaleString('nl-NL')} jongeren).`);
      expect(paragraphs[1]).toMatch(/^95%-marge door toeval: \d+,\d–\d+,\d%\.$/);
      expect(paragraphs[2]).toMatch(new RegExp(`^Dat is (duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan in Nederland \\(${nl}%\\)\\.$`));
      await expect(section.locator('a[href="/tabellen/jeugdbeschermingstrajecten/"]').count()).resolves.toBe(1);
      // Jeugdreclassering by form, as trajecten, in a section of its own.
      const jr = page.locator('section[aria-labelledby="jeugdreclassering"]');
      expect((await jr.locator('#jeugdreclassering-soorten tbody th').allTextContents()).map((r) => r.trim())).toEqual([
        'Totaal jeugdreclassering', 'Toezicht en begeleiding', 'ITB Harde Kern', 'ITB CRIEM', 'Gedragsbeïnvloedende maatregel', 'Vrijwillig kader', 'Overige jeugdreclassering',
      ]);
      expect(await jr.locator('#jeugdreclassering-soorten thead').textContent()).toContain('trajecten');
    });
    // axe runs in the page, so this part with JavaScript.
    await withPage({ width: 320 }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/amsterdam/#jeugdbescherming`, { waitUntil: 'networkidle' });
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  });
});

describe('duration and ending of jeugdhulp', () => {
  const rows = Papa.parse<Record<string, string>>(readFileSync('data/jeugdhulp-verloop/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
  const cell = (region: string, verblijf: string, measure: string) =>
    Number(rows.find((r) => r.regio === region && r.perioden === '2026HJ01' && r.verblijf === verblijf)![measure]);
  const oneDecimal = (value: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  const comebacks = Papa.parse<Record<string, string>>(readFileSync('data/jeugdhulp-terugkeer/observations.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
  const comeback = (region: string, period: string, measure: string) => Number(comebacks.find((r) => r.regio === region && r.perioden === period)![measure]);

  it('shows Zwolle’s youths coming in and going out, its trajecten ended as planned against Nederland, and its ended trajecten by duration and reason, without JavaScript, and passes axe at 320 px', async () => {
    await withPage({ width: 320, javaScript: false }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/zwolle/#verloop`, { waitUntil: 'networkidle' });
      const section = page.locator('section[aria-labelledby="verloop"]');
      expect(await section.locator('h2').textContent()).toBe('Instroom, duur en einde van de jeugdhulp');
      await expect(page.locator('nav.toc a[href="#verloop"]').count()).resolves.toBe(1);
      const planned = await section.locator('section[aria-labelledby="volgens-plan"] p').allTextContents();
      const [known, asPlanned] = [cell('GM0193', 'T001', 'beeindigd_reden_bekend'), cell('GM0193', 'T001', 'reden_volgens_plan')];
      expect(planned[0]).toBe(`Van de ${known.toLocaleString('nl-NL')} beëindigde trajecten met een bekende reden eindigde ${oneDecimal((asPlanned / known) * 100)}% volgens plan (${asPlanned.toLocaleString('nl-NL')} trajecten).`);
      expect(planned[1]).toMatch(/^95%-marge door toeval: \d+,\d–\d+,\d%\.$/);
      const nl = oneDecimal((cell('NL01', 'T001', 'reden_volgens_plan') / cell('NL01', 'T001', 'beeindigd_reden_bekend')) * 100);
      expect(planned[2]).toMatch(new RegExp(`^Dat is (duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan in Nederland \\(${nl}%\\)\\.$`));
      expect((await section.locator('#einde-duur thead th').allTextContents()).map((t) => t.trim())).toEqual(['Duur', 'Totaal', 'Zonder verblijf', 'Met verblijf', 'Nederland']);
      const average = (await section.locator('#einde-duur tbody tr').last().locator('td').allTextContents()).map((t) => t.trim());
      expect(average).toEqual([cell('GM0193', 'T001', 'gemiddelde_duur'), cell('GM0193', 'ZONDER', 'gemiddelde_duur'), cell('GM0193', 'MET', 'gemiddelde_duur'), cell('NL01', 'T001', 'gemiddelde_duur')].map(String));
      expect((await section.locator('#einde-reden tbody th').allTextContents()).map((t) => t.trim())).toEqual([
        'Met een bekende reden (aantal)', 'Volgens plan', 'In overeenstemming', 'Eenzijdig door de cliënt', 'Eenzijdig door de aanbieder', 'Externe omstandigheden',
      ]);
      await expect(section.locator('a[href="/tabellen/jeugdhulp-verloop/"]').count()).resolves.toBe(1);
      // Youths coming in and going out, before the trajecten.
      expect((await section.locator('h3').allTextContents()).map((t) => t.trim())).toEqual(['Nieuw in de jeugdhulp', 'Gestopt met jeugdhulp', 'Binnen een jaar weer jeugdhulp', 'Herhaald beroep', 'Beëindigd volgens plan']);
      expect(await section.locator('section[aria-labelledby="uitstroom"]').textContent()).toContain('op de laatste dag van het halfjaar liep er voor hen geen jeugdhulp meer');
      await expect(section.locator('a[href="/tabellen/jeugdhulp-instroom/"]').count()).resolves.toBe(1);
      // Who came back within a year is known a year later: the youths who stopped in the 1st half year of 2025.
      const [stopped, back] = [comeback('GM0193', '2025HJ01', 'jongeren_uitstroom'), comeback('GM0193', '2025HJ01', 'jongeren_terug_binnen_jaar')];
      const returned = await section.locator('section[aria-labelledby="terugkeer"] p').allTextContents();
      expect(returned[0]).toBe(
        `Van de ${stopped.toLocaleString('nl-NL')} jongeren die in het 1e halfjaar 2025* met jeugdhulp stopten, kreeg ${oneDecimal((back / stopped) * 100)}% binnen een jaar weer jeugdhulp (${back.toLocaleString('nl-NL')} jongeren). Dat is pas een jaar later bekend; daarom gaat dit cijfer over een eerder halfjaar dan de andere.`,
      );
      expect(returned[2]).toMatch(/^Dat is (duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan in Nederland \(\d+,\d%\)\.$/);
      await expect(section.locator('a[href="/tabellen/jeugdhulp-terugkeer/"]').count()).resolves.toBe(1);
    });
    await withPage({ width: 320 }, async (page) => {
      await page.goto(`${baseUrl}/gemeente/zwolle/#verloop`, { waitUntil: 'networkidle' });
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  });
});
