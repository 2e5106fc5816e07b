/**
 * "In het kort" at the top of a fact page, on the default data: built from the page's own key figures, verdicts
 * and changes, and read by the same scan as the rest of the page (no verdict may contradict its figures).
 */
import { describe, expect, it } from 'vitest';
import { parsePeriodCode, periodLabel } from '../../src/lib/data/periods';
import { useDefaultFacts } from './default-data';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { VERDICT_TEXT } from '../../src/lib/stats/verdict';
import { rateNumber, ratePhrase } from '../../src/lib/facts/phrases';
import { emptyScan, scanFactPage } from '../support/verdict-scan';

/** The verdict words that govern a phrase: the last "… dan" before it ("niet duidelijk anders dan in A (x) en in B (y)"). */
function verdictBefore(text: string, phrase: string): string | undefined {
  const at = text.indexOf(phrase);
  if (at < 0) return undefined;
  return [...text.slice(0, at).toLowerCase().matchAll(/(duidelijk hoger|hoger|niet duidelijk anders|lager|duidelijk lager) dan/g)].at(-1)?.[0];
}

const asList = (items: readonly { text: string }[]) => `<ul class="summary-list">${items.map((i) => `<li>${i.text}</li>`).join('')}</ul>`;

describe('the summary of a fact page', () => {
  const data = useDefaultFacts();

  it('gives Amsterdam each compared figure with its verdicts against Nederland and its vergelijkbare gemeenten, and since a year earlier', () => {
    const facts = regionFacts(data.context, 'GM0363');
    const summary = facts.summary!;
    expect(summary.periodLabel).toBe(facts.keyFigures[0]!.periodLabel);
    expect(summary.items.map((i) => i.concept)).toEqual(facts.comparisons.map((c) => c.concept));
    expect(summary.items.every((i) => i.judged)).toBe(true);
    for (const [i, comparison] of facts.comparisons.entries()) {
      const text = summary.items[i]!.text;
      // The published rate, as the brackets print theirs (the key figure card may print more decimals beside its margin).
      expect(text.startsWith(`${comparison.figure.measure.label}: ${ratePhrase(comparison.figure.rate!.value!.value!, comparison.figure.rate!.measure)} (${comparison.figure.countText} jongeren).`)).toBe(true);
      for (const reference of comparison.references) {
        const named = text.includes(`${reference.inPhrase} (`);
        // Nederland and the peers (its vergelijkbare gemeenten) only; the provincie and jeugdregio are in the comparison below.
        expect(named, `${reference.label} in "${text}"`).toBe(reference.kind === 'land' || reference.kind === 'vergelijkbaar');
        // As its table row prints it (Amsterdam's figures print alike with no other verdict).
        if (named) expect(verdictBefore(text, `${reference.inPhrase} (${rateNumber(reference.printed!, comparison.rateMeasure, reference.decimals)})`)).toBe(VERDICT_TEXT[reference.judgement.verdict!].than);
      }
      const change = facts.trends.find((t) => t.concept === comparison.concept)!.change!;
      // With its period: "een jaar eerder (11,0% in het 1e halfjaar 2025)".
      expect(text).toContain(`een jaar eerder (${rateNumber(change.yearEarlier!.rate.shown!, comparison.rateMeasure)} in het ${periodLabel(parsePeriodCode(change.yearEarlier!.period)!)})`);
      expect(verdictBefore(text, 'een jaar eerder')).toBe(VERDICT_TEXT[change.change.verdict!].than);
    }
  });

  it('says why a small gemeente has no figure, without a verdict (Vlieland)', () => {
    const summary = regionFacts(data.context, 'GM0096').summary!;
    const none = summary.items.filter((i) => i.text.includes('afgeschermd'));
    expect(none.length).toBeGreaterThan(0);
    for (const item of none) {
      expect(item.text).not.toMatch(/hoger|lager|anders/);
      expect(item.judged).toBe(false);
    }
  });

  it('has Nederland’s figures with their change only, and a former gemeente’s as published', () => {
    const nederland = regionFacts(data.context, 'NL01').summary!;
    expect(nederland.items.length).toBeGreaterThan(0);
    for (const item of nederland.items) expect(item.text).not.toContain('in Nederland');
    const weesp = regionFacts(data.context, 'GM0457');
    expect(weesp.summary?.periodLabel).toBe(weesp.keyFigures[0]!.periodLabel);
  });

  it('never contradicts its figures, on any gemeente, provincie or jeugdregio', () => {
    const { context } = data;
    const { register } = context;
    const codes = [...context.currentGemeenten(), ...register.provincies().map((p) => p.code), ...register.jeugdregios().map((j) => j.code), 'NL01'];
    const result = emptyScan();
    for (const code of codes) {
      const summary = regionFacts(data.context, code).summary;
      expect(summary, code).toBeDefined();
      scanFactPage(asList(summary!.items), code, result);
    }
    expect(result.findings).toEqual([]);
    // Nederland and the vergelijkbare gemeenten for each figure of each gemeente, and a year earlier.
    expect(result.checked.summaries).toBeGreaterThan(codes.length * 4);
  }, 120_000);
});
