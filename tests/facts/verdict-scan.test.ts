/** The scan that reads every built fact page for contradicting verdicts must itself catch contradictions. */
import { describe, expect, it } from 'vitest';
import { scanFactPage } from '../support/verdict-scan';

const page = (sentence: string, tableVerdict = 'niet duidelijk anders', change = 'Dat is hoger dan een jaar eerder (11,0% in het 1e halfjaar 2025).') => `
<section class="comparison">
  <p>In Zwolle kreeg 11,4% van de jongeren tot 18 jaar jeugdhulp (3.110 jongeren).</p>
  <p>${sentence}</p>
  <table><tbody>
    <tr class="is-highlight"><th>Zwolle</th><td>11,4</td><td></td><td>11,1–11,8</td><td>3.110</td></tr>
    <tr><th>Nederland</th><td>11,4</td><td>${tableVerdict}</td><td>11,3–11,5</td><td>355.105</td></tr>
  </tbody></table>
</section>
<p class="change-sentence">In het 1e halfjaar 2026*: 11,4%.</p>
<p class="change-sentence">${change}</p>
<p class="change-sentence">Over de laatste vijf halfjaren (1e halfjaar 2024 tot en met 1e halfjaar 2026) ging het cijfer duidelijk omhoog: van 10,2% naar 11,4%.</p>`;

describe('the verdict scan', () => {
  it('passes a page whose words follow its figures, and counts what it checked', () => {
    const result = scanFactPage(page('Dat is hoger dan in Nederland (10,6%) en in de provincie Overijssel (10,5%); het is niet duidelijk anders dan in vergelijkbare gemeenten (11,4%, 10 gemeenten gekozen op kenmerken, genoemd onder Vergelijkbare gemeenten).'), 'ok');
    expect(result.findings).toEqual([]);
    expect(result.checked).toEqual({ sentences: 3, tableRows: 1, changes: 1, trends: 1, summaries: 0, margins: 0 });
  });

  it('finds "hoger" beside an equal or a higher printed figure, in sentences, tables and changes', () => {
    expect(scanFactPage(page('Dat is hoger dan in Nederland (11,4%).'), 'a').findings).toHaveLength(1);
    expect(scanFactPage(page('Dat is lager dan in Nederland (10,6%).'), 'b').findings).toHaveLength(1);
    expect(scanFactPage(page('Dat is niet duidelijk anders dan in Nederland (11,4%).', 'hoger'), 'c').findings.map((f) => f.problem)).toContain('"hoger" beside equal figures');
    expect(scanFactPage(page('Dat is niet duidelijk anders dan in Nederland (11,4%).', 'niet duidelijk anders', 'Dat is lager dan een jaar eerder (11,0% in het 1e halfjaar 2025).'), 'd').findings).toHaveLength(1);
  });

  it('reads the jeugdbescherming section’s share placed against Nederland like a comparison', () => {
    const placed = (verdict: string) => `
<section class="share-comparison"><h3>Jeugdbescherming en verblijf</h3>
  <p>In Zwolle kreeg 41,2% van de 1.225 jongeren met jeugdbescherming ook jeugdhulp met verblijf (505 jongeren).</p>
  <p>95%-marge door toeval: 38,3–44,2%.</p>
  <p>Dat is ${verdict} dan in Nederland (48,3%).</p>
</section>`;
    const ok = scanFactPage(placed('lager'), 'p');
    expect(ok.findings).toEqual([]);
    expect(ok.checked.sentences).toBe(1);
    expect(scanFactPage(placed('hoger'), 'q').findings).toHaveLength(1);
  });

  it('reads the shares of trajecten ended as planned the same way, and checks the share against its own margin', () => {
    const planned = (share: string, margin: string) => `
<section class="share-comparison"><h3>Beëindigd volgens plan</h3>
  <p>Van de 2.385 beëindigde trajecten met een bekende reden eindigde ${share}% volgens plan (1.705 trajecten).</p>
  <p>95%-marge door toeval: ${margin}%.</p>
  <p>Dat is niet duidelijk anders dan in Nederland (71,1%).</p>
</section>`;
    const ok = scanFactPage(planned('71,5', '69,6–73,3'), 'r');
    expect(ok.findings).toEqual([]);
    expect(ok.checked.sentences).toBe(1);
    expect(scanFactPage(planned('71,5', '72,0–73,3'), 's').findings.map((f) => f.problem)).toEqual(['71.5 outside its printed margin 72–73.3']);
  });

  it('finds a printed rate outside its printed margin, and a reference called different that lies within the region’s margin', () => {
    const table = (own: string, ownMargin: string, reference: string, referenceMargin: string, verdict: string) => `
<section class="comparison">
  <p>In IJsselland kreeg ${own}% van de jongeren van 12 tot 23 jaar jeugdreclassering (165 jongeren).</p>
  <table><tbody>
    <tr class="is-highlight"><th>IJsselland</th><td>${own}</td><td></td><td>${ownMargin}</td><td>165</td></tr>
    <tr><th>Nederland</th><td>${reference}</td><td>${verdict}</td><td>${referenceMargin}</td><td>6.940</td></tr>
  </tbody></table>
</section>`;
    // As the review found them: Nederland's 1,1 beside 1,07–1,09; "lager" than 0,3 beside IJsselland's 0,2–0,3.
    expect(scanFactPage(table('0,23', '0,19–0,27', '1,1', '1,07–1,09', 'niet duidelijk anders'), 'a').findings.map((f) => f.problem)).toEqual(['1.1 outside its printed margin 1.07–1.09']);
    expect(scanFactPage(table('0,2', '0,2–0,3', '0,3', '0,3–0,3', 'lager'), 'b').findings.map((f) => f.problem)).toEqual(['"lager" than 0.3, which lies within the printed margin 0.2–0.3']);
    expect(scanFactPage(table('0,23', '0,19–0,27', '0,30', '0,30–0,31', 'lager'), 'c').findings).toEqual([]);
    const card = (rate: string, margin: string) => `<li class="kf"><p class="kf__rate">${rate}% van alle jongeren tot 18 jaar</p>\n<p class="kf__interval">95%-marge: ${margin}%</p></li>`;
    expect(scanFactPage(card('1,1', '1,07–1,09'), 'd').findings).toHaveLength(1);
    const ok = scanFactPage(card('1,08', '1,07–1,09'), 'e');
    expect(ok.findings).toEqual([]);
    expect(ok.checked.margins).toBe(1);
  });

  it('finds two figures printed alike with different verdicts, in a sentence, a table and a summary', () => {
    const alike = 'Dat is hoger dan in Nederland (10,6%); het is niet duidelijk anders dan in vergelijkbare gemeenten (10,6%, 10 gemeenten gekozen op kenmerken).';
    expect(scanFactPage(page(alike), 'i').findings.map((f) => f.problem)).toEqual(['10.6 printed alike with "hoger" and "niet duidelijk anders"']);
    const table = `
<section class="comparison">
  <p>In Hellendoorn had 1,5% van de jongeren tot 18 jaar een jeugdbeschermingsmaatregel (100 jongeren).</p>
  <table><tbody>
    <tr class="is-highlight"><th>Hellendoorn</th><td>1,5</td><td></td><td>1,2–1,8</td><td>100</td></tr>
    <tr><th>Nederland</th><td>1,0</td><td>hoger</td><td>0,9–1,0</td><td>31.720</td></tr>
    <tr><th>Vergelijkbare gemeenten</th><td>1,0</td><td>niet duidelijk anders</td><td>1,0–1,1</td><td>740</td></tr>
  </tbody></table>
</section>`;
    expect(scanFactPage(table, 'j').findings.map((f) => f.problem)).toEqual(['1 printed alike with "hoger" and "niet duidelijk anders"']);
    expect(scanFactPage(table.replace('<td>1,0</td><td>hoger', '<td>0,95</td><td>hoger').replace('<td>1,0</td><td>niet', '<td>1,04</td><td>niet'), 'k').findings).toEqual([]);
    const item = 'Jongeren met jeugdreclassering: 0,5% van alle jongeren van 12 tot 23 jaar (55 jongeren). Hoger dan in Nederland (0,3%), niet duidelijk anders dan een jaar eerder (0,3% in het 1e halfjaar 2025).';
    expect(scanFactPage(summary(item), 'l').findings).toHaveLength(1);
    expect(scanFactPage(summary(item.replace('(0,3%)', '(0,30%)').replace('(0,3% in', '(0,35% in')), 'm').findings).toEqual([]);
  });

  it('finds a comparison clause without a known verdict word', () => {
    expect(scanFactPage(page('Dat is meer dan in Nederland (10,6%).'), 'e').findings[0]!.problem).toMatch(/without a known verdict/);
  });

  const summary = (...items: string[]) => `<ul class="summary-list">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

  it('reads the summary: each verdict against the printed figure in its brackets', () => {
    const ok = scanFactPage(
      summary(
        'Jongeren met jeugdhulp: 12,1% van alle jongeren tot 18 jaar (18.755 jongeren). Hoger dan in vergelijkbare gemeenten (8,6%), niet duidelijk anders dan in Nederland (10,6%) en in de provincie Drenthe (12,1%). Duidelijk hoger dan een jaar eerder (11,3%).',
        'Jongeren met jeugdzorg in natura: 30,6 per 1.000 inwoners (6.660 jongeren). Lager dan in Nederland (31,3 per 1.000). Geen oordeel over de verandering: te weinig perioden.',
        'Jongeren met jeugdbescherming: afgeschermd (te klein om te tonen, of onbekend).',
      ),
      'summary',
    );
    expect(ok.findings).toEqual([]);
    expect(ok.checked.summaries).toBe(5);
  });

  it('finds a summary verdict that contradicts its figures, or a summary sentence without a known verdict', () => {
    expect(scanFactPage(summary('Jongeren met jeugdhulp: 12,1% van alle jongeren tot 18 jaar. Niet duidelijk anders dan in Nederland (10,6%), hoger dan in vergelijkbare gemeenten (12,1%).'), 'f').findings).toHaveLength(1);
    expect(scanFactPage(summary('Jongeren met jeugdhulp: 12,1% van alle jongeren tot 18 jaar. Lager dan een jaar eerder (11,3%).'), 'g').findings).toHaveLength(1);
    expect(scanFactPage(summary('Jongeren met jeugdhulp: 12,1% van alle jongeren tot 18 jaar. Meer dan in Nederland (10,6%).'), 'h').findings[0]!.problem).toMatch(/without a known verdict/);
  });
});
