/**
 * Reads a built fact page as a reader does and checks that no comparison word contradicts the figures printed
 * beside it: "hoger" needs a higher printed figure, "lager" a lower one, and equal printed figures allow only
 * "niet duidelijk anders". It looks at the comparison sentences, the comparison tables, the change sentences
 * (against a year earlier, and the recent trend), the summary at the top of the page ("In het kort") and the
 * funnel tables of the national pages. Within one sentence or table, two figures printed alike must not carry
 * different verdicts ("hoger dan in Nederland (1,0%), niet duidelijk anders dan in vergelijkbare gemeenten (1,0%)").
 */
import { parseHTML } from 'linkedom';
import { parseDutchNumber } from '../../src/lib/format/number';

export interface ScanFinding {
  where: string;
  text: string;
  problem: string;
}

export interface ScanResult {
  /** How many verdicts were checked, by kind. */
  checked: { sentences: number; tableRows: number; changes: number; trends: number; summaries: number; margins: number };
  findings: ScanFinding[];
}

type Direction = 1 | 0 | -1;

/** The direction a comparison word claims: 1 higher, -1 lower, 0 not clearly different; undefined for none. */
function claimed(words: string): Direction | undefined {
  const w = words.trim().toLowerCase();
  if (/^(duidelijk )?hoger\b/.test(w)) return 1;
  if (/^(duidelijk )?lager\b/.test(w)) return -1;
  if (/^niet duidelijk anders\b/.test(w)) return 0;
  return undefined;
}

/** The first printed rate in a text: "11,4%" or "102,0 per 1.000". */
const RATE = /(-?\d{1,3}(?:\.\d{3})*,\d+)(?=%| per )/g;
const ratesIn = (text: string) => [...text.matchAll(RATE)].map((m) => parseDutchNumber(m[1]!)!);

function check(result: ScanResult, where: string, text: string, claim: Direction | undefined, own: number | undefined, other: number | undefined): void {
  if (claim === undefined || own === undefined || other === undefined) return;
  const order: Direction = own > other ? 1 : own < other ? -1 : 0;
  if (order === 0 && claim !== 0) result.findings.push({ where, text, problem: `"${claim > 0 ? 'hoger' : 'lager'}" beside equal figures` });
  else if (claim !== 0 && claim !== order) result.findings.push({ where, text, problem: `says ${claim > 0 ? 'hoger' : 'lager'} but ${own} vs ${other}` });
}

/** "1,07–1,09" (or "1,07–1,09%") as its two ends. */
function marginOf(text: string | undefined): [number, number] | undefined {
  const match = /^\s*(-?[\d.]+(?:,\d+)?)–(-?[\d.]+(?:,\d+)?)%?\s*$/.exec(text ?? '');
  if (!match) return undefined;
  const [lower, upper] = [parseDutchNumber(match[1]!), parseDutchNumber(match[2]!)];
  return lower === undefined || upper === undefined ? undefined : [lower, upper];
}

/** A printed rate lies within its printed margin, as the figures it is printed from do. */
function checkWithinMargin(result: ScanResult, where: string, text: string, rate: number | undefined, margin: [number, number] | undefined): void {
  if (rate === undefined || margin === undefined) return;
  if (rate < margin[0] || rate > margin[1]) result.findings.push({ where, text, problem: `${rate} outside its printed margin ${margin.join('–')}` });
}

/** Figures judged in one sentence or table: two printed alike must have the same verdict. */
function checkAlike(result: ScanResult, where: string, text: string, judged: ReadonlyArray<{ verdict: string; figure: number | undefined }>): void {
  const verdicts = new Map<number, string>();
  for (const { verdict, figure } of judged) {
    if (figure === undefined) continue;
    const earlier = verdicts.get(figure);
    if (earlier !== undefined && earlier !== verdict) result.findings.push({ where, text, problem: `${figure} printed alike with "${earlier}" and "${verdict}"` });
    verdicts.set(figure, verdict);
  }
}

const VERDICT_PHRASE = /^(duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan /;

/** Only the parts that carry verdicts are parsed: a whole gemeente page with its charts is slow to parse. */
function verdictFragments(html: string): string {
  const parts = [
    ...html.matchAll(/<section[^>]*class="(?:share-)?comparison[^"]*"[^>]*>[\s\S]*?<\/section>/g),
    ...html.matchAll(/<p class="change-sentence[^"]*"[^>]*>[\s\S]*?<\/p>/g),
    ...html.matchAll(/<ul class="change-list[^"]*"[^>]*>[\s\S]*?<\/ul>/g),
    ...html.matchAll(/<ul class="summary-list[^"]*"[^>]*>[\s\S]*?<\/ul>/g),
    ...html.matchAll(/<p class="kf__rate">[\s\S]*?<\/p>\s*<p class="kf__interval">[\s\S]*?<\/p>/g),
  ];
  // In page order: a change sentence refers to the latest figure in the paragraph before it.
  return parts
    .sort((a, b) => a.index! - b.index!)
    .map((m) => m[0].replace(/<svg[\s\S]*?<\/svg>/g, ''))
    .join('');
}

export function scanFactPage(html: string, where: string, result: ScanResult = emptyScan()): ScanResult {
  const { document } = parseHTML(`<!doctype html><html><body>${verdictFragments(html)}</body></html>`);
  // The key figures' comparisons, and the shares set against Nederland further down (jeugdbescherming and verblijf, trajecten ended as planned, herhaald beroep).
  for (const section of document.querySelectorAll('section.comparison, section.share-comparison')) {
    const paragraphs = [...section.querySelectorAll(':scope > p')].map((p) => p.textContent ?? '');
    const own = ratesIn(paragraphs[0] ?? '')[0];
    for (const text of paragraphs.slice(1)) {
      // A share's own margin in words: "95%-marge door toeval: 69,6–73,3%." holds the share printed above it.
      const margin = /^95%-marge door toeval: (.*)\.$/.exec(text);
      if (margin) checkWithinMargin(result, where, `${paragraphs[0]} | ${text}`, own, marginOf(margin[1]));
      if (!text.startsWith('Dat is ')) continue;
      // "Dat is hoger dan in A (x%) en in B (y%); het is niet duidelijk anders dan in C (z%)."
      const judged: Array<{ verdict: string; figure: number | undefined }> = [];
      for (const clause of text.replace(/^Dat is /, '').replace(/\.$/, '').split('; het is ')) {
        const verdict = VERDICT_PHRASE.exec(clause);
        if (!verdict) {
          result.findings.push({ where, text: clause, problem: 'a comparison clause without a known verdict' });
          continue;
        }
        // The first rate inside each "(…)" after the verdict: the reference's printed figure.
        for (const item of clause.matchAll(/\(([^()]*)\)/g)) {
          result.checked.sentences++;
          const figure = ratesIn(item[1]!)[0];
          check(result, where, clause, claimed(verdict[1]!), own, figure);
          judged.push({ verdict: verdict[1]!, figure });
        }
      }
      checkAlike(result, where, text, judged);
    }
    const table = section.querySelector('table');
    if (table) {
      const rows = [...table.querySelectorAll('tbody tr')];
      const ownRow = rows.find((r) => r.classList.contains('is-highlight'));
      const ownCells = ownRow ? [...ownRow.querySelectorAll('td')].map((c) => c.textContent ?? '') : [];
      const ownRate = ownRow ? parseDutchNumber(ownCells[0] ?? '') : undefined;
      // Columns: the rate, the verdict, the 95%-marge, the count. The rate lies within its margin, and a
      // reference called higher or lower lies outside the region's own margin.
      const ownMargin = marginOf(ownCells[2]);
      if (ownRow) checkWithinMargin(result, where, ownCells.join(' | '), ownRate, ownMargin);
      const judged: Array<{ verdict: string; figure: number | undefined }> = [];
      for (const row of rows) {
        if (row === ownRow) continue;
        const cells = [...row.querySelectorAll('td')].map((c) => c.textContent ?? '');
        result.checked.tableRows++;
        const other = parseDutchNumber(cells[0] ?? '');
        const claim = claimed(cells[1] ?? '');
        if (claim !== undefined) judged.push({ verdict: (cells[1] ?? '').trim(), figure: other });
        check(result, where, cells.join(' | '), claim, ownRate, other);
        checkWithinMargin(result, where, cells.join(' | '), other, marginOf(cells[2]));
        if (claim !== undefined && claim !== 0 && ownMargin && other !== undefined && (claim > 0 ? other >= ownMargin[0] : other <= ownMargin[1])) {
          result.findings.push({ where, text: cells.join(' | '), problem: `"${claim > 0 ? 'hoger' : 'lager'}" than ${other}, which lies within the printed margin ${ownMargin.join('–')}` });
        }
      }
      checkAlike(result, where, rows.map((r) => r.textContent ?? '').join(' | '), judged);
    }
  }
  for (const p of document.querySelectorAll('p.change-sentence, .change-list li')) {
    const text = p.textContent ?? '';
    scanChangeText(text, where, result);
  }
  // A key figure's rate and its margin: "1,08% van alle jongeren" beside "95%-marge: 1,07–1,09%".
  for (const rate of document.querySelectorAll('p.kf__rate')) {
    const interval = rate.nextElementSibling;
    const text = `${rate.textContent ?? ''} | ${interval?.textContent ?? ''}`;
    result.checked.margins++;
    checkWithinMargin(result, where, text, ratesIn(rate.textContent ?? '')[0], marginOf((interval?.textContent ?? '').replace(/^95%-marge:\s*/, '')));
  }
  for (const li of document.querySelectorAll('.summary-list li')) scanSummaryItem((li.textContent ?? '').replace(/\s+/g, ' ').trim(), where, result);
  return result;
}

const VERDICT_WORDS = /(duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan /gi;

/**
 * "Jongeren met jeugdhulp: 12,1% van alle jongeren tot 18 jaar (18.755 jongeren). Hoger dan in vergelijkbare
 * gemeenten (8,6%), niet duidelijk anders dan in Nederland (10,6%). Duidelijk hoger dan een jaar eerder (11,3%)."
 * The first sentence holds the region's own figure; every later sentence is verdicts, each followed by the
 * printed figures it was judged against in brackets, or says why there is no verdict.
 */
function scanSummaryItem(text: string, where: string, result: ScanResult): void {
  const sentences = text.split(/(?<=\.) (?=[A-Z])/);
  const own = ratesIn(sentences[0] ?? '')[0];
  for (const sentence of sentences.slice(1)) {
    if (sentence.startsWith('Geen oordeel')) continue;
    const verdicts = [...sentence.matchAll(VERDICT_WORDS)];
    if (verdicts[0]?.index !== 0) {
      result.findings.push({ where, text: sentence, problem: 'a summary sentence without a known verdict' });
      continue;
    }
    const judged: Array<{ verdict: string; figure: number | undefined }> = [];
    verdicts.forEach((verdict, i) => {
      const clause = sentence.slice(verdict.index, verdicts[i + 1]?.index ?? sentence.length);
      for (const item of clause.matchAll(/\(([^()]*)\)/g)) {
        result.checked.summaries++;
        const figure = ratesIn(`${item[1]!} `)[0];
        check(result, where, clause, claimed(verdict[1]!), own, figure);
        judged.push({ verdict: verdict[1]!.toLowerCase(), figure });
      }
    });
    checkAlike(result, where, sentence, judged);
  }
}

/** "In het 1e halfjaar 2026*: 11,4%. Dat is hoger dan een jaar eerder (11,0% in …)." and the recent trend. */
function scanChangeText(text: string, where: string, result: ScanResult): void {
  const latest = /(?:^|\. )In (?:het )?[^:]*: (-?\d{1,3}(?:\.\d{3})*,\d+)(?=%| per )/.exec(text);
  const change = /Dat is (duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan een jaar eerder \(([^)]*)\)/.exec(text);
  if (change) {
    result.checked.changes++;
    // In a list item the latest figure is in the same text; in a paragraph it is in the one before.
    const own = latest ? parseDutchNumber(latest[1]!) : lastLatest.get(where);
    check(result, where, text, claimed(change[1]!), own, ratesIn(change[2]!)[0]);
  }
  if (latest) lastLatest.set(where, parseDutchNumber(latest[1]!));
  const trend = /ging het cijfer duidelijk (omhoog|omlaag): van ([^ ]+(?:%| per 1\.000)) naar ([^ .]+(?:%| per 1\.000))/.exec(text);
  if (trend) {
    result.checked.trends++;
    const from = ratesIn(`${trend[2]} `)[0];
    const to = ratesIn(`${trend[3]} `)[0];
    check(result, where, text, trend[1] === 'omhoog' ? 1 : -1, to, from);
  }
}

const lastLatest = new Map<string, number | undefined>();

/** The funnel table of a national page: each row's printed rate against Nederland's, and its verdict. */
export function scanFunnelPage(html: string, where: string, nederland: number, result: ScanResult = emptyScan()): ScanResult {
  const { document } = parseHTML(html);
  for (const row of document.querySelectorAll('table tbody tr')) {
    const cells = [...row.querySelectorAll('td')].map((c) => c.textContent ?? '');
    const verdict = cells.at(-1) ?? '';
    if (claimed(verdict) === undefined) continue;
    result.checked.tableRows++;
    check(result, where, cells.join(' | '), claimed(verdict), parseDutchNumber(cells[0] ?? ''), nederland);
  }
  return result;
}

export function emptyScan(): ScanResult {
  return { checked: { sentences: 0, tableRows: 0, changes: 0, trends: 0, summaries: 0, margins: 0 }, findings: [] };
}
