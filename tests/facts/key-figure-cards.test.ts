/**
 * The key-figure cards at the top of a fact page print a rate with its 95% margin; the comparison below says
 * "lager dan Nederland (0,3%)". The two must not contradict each other: no reference judged different may lie
 * inside the margin the card prints. On the default data, for every provincie, jeugdregio and gemeente.
 */
import { describe, expect, it } from 'vitest';
import { regionFacts } from '../../src/lib/facts/region-facts';
import { parseDutchNumber } from '../../src/lib/format/number';
import { useDefaultFacts } from './default-data';

const facts = useDefaultFacts();

const marginOf = (text: string) => {
  const [, lower, upper] = /(\d+(?:,\d+)?)–(\d+(?:,\d+)?)/.exec(text)!;
  return [parseDutchNumber(lower!)!, parseDutchNumber(upper!)!] as const;
};

describe('the key-figure cards beside the comparisons', () => {
  it('print West Brabant West’s jeugdreclassering with the decimals that keep Nederland outside its margin', () => {
    const { register } = facts.context;
    const region = register.jeugdregios().find((r) => r.naam === 'West Brabant West')!;
    const page = regionFacts(facts.context, region.code);
    const card = page.keyFigures.find((f) => f.concept === 'jongeren-jeugdreclassering')!;
    const compared = page.comparisons.find((c) => c.concept === 'jongeren-jeugdreclassering')!;
    const nederland = compared.references.find((r) => r.label === 'Nederland')!;
    expect(nederland.judgement.verdict).toBe('lager');
    // 80 of 40.945 youths: 0,20%, margin 0,15–0,25%, not "0,2%" beside "0,2–0,3%" and Nederland's 0,3%.
    expect(card.rate!.intervalText).toBe('95%-marge: 0,15–0,25%');
    expect(card.rate!.phrase).toMatch(/^0,20%/);
  });

  it('never print a margin that holds a reference the comparison calls higher or lower, on any region page', { timeout: 300_000 }, () => {
    const { register } = facts.context;
    const codes = [...register.provincies(), ...register.jeugdregios(), ...facts.context.currentGemeenten().map((code) => ({ code }))].map((r) => r.code);
    let checked = 0;
    const wrong: string[] = [];
    for (const code of codes) {
      const page = regionFacts(facts.context, code);
      for (const card of page.keyFigures) {
        const compared = page.comparisons.find((c) => c.concept === card.concept);
        if (!compared || !card.rate?.intervalText) continue;
        const [lower, upper] = marginOf(card.rate.intervalText);
        for (const reference of compared.references) {
          const verdict = reference.judgement.verdict;
          if (!verdict || verdict === 'niet-duidelijk-anders' || reference.rate.value === null) continue;
          const printed = parseDutchNumber(reference.rateShown)!;
          const inside = verdict.endsWith('hoger') ? printed >= lower : printed <= upper;
          if (inside) wrong.push(`${code} ${card.concept}: ${card.rate.intervalText}, ${verdict} dan ${reference.label} (${reference.rateShown})`);
          checked++;
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});
