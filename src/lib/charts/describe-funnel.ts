/**
 * The text alternative of a funnel plot (funnel-spec.ts): what is plotted, how many regions lie beyond the
 * limits, and for a highlighted region its figure, its size and its verdict. The verdicts are those on the
 * input, in the words of VERDICT_TEXT (src/lib/stats/verdict.ts); nothing is recomputed here, and nothing is
 * ranked.
 */
import { formatNumber } from '../format/number';
import { NO_VERDICT_TEXT, VERDICT_TEXT, type NoVerdictReason, type Verdict } from '../stats/verdict';
import { formatChartValue } from './format';
import type { FunnelChartInput } from './types';

/** "gemeente" for "gemeenten": the noun of one region. */
export function singularNoun(noun: string): string {
  if (noun === "jeugdregio's") return 'jeugdregio';
  if (noun === 'provincies') return 'provincie';
  if (noun.endsWith('en')) return noun.slice(0, -1);
  return noun;
}

/** How many points carry each verdict, and how many have none. */
export function countVerdicts(points: FunnelChartInput['points']): Record<Verdict, number> & { none: number } {
  const counts = { 'duidelijk-hoger': 0, hoger: 0, 'niet-duidelijk-anders': 0, lager: 0, 'duidelijk-lager': 0, none: 0 };
  for (const p of points) counts[p.verdict ?? 'none']++;
  return counts;
}

/** "1 gemeente", "18 gemeenten", "geen gemeente". */
function howMany(n: number, noun: string): string {
  if (n === 0) return `geen ${singularNoun(noun)}`;
  return `${formatNumber(n)} ${n === 1 ? singularNoun(noun) : noun}`;
}

function sideSentence(input: FunnelChartInput, counts: ReturnType<typeof countVerdicts>, side: 'boven' | 'onder'): string {
  const strong: Verdict = side === 'boven' ? 'duidelijk-hoger' : 'duidelijk-lager';
  const mild: Verdict = side === 'boven' ? 'hoger' : 'lager';
  const beyond95 = counts[strong] + counts[mild];
  const than = input.target.inPhrase ?? input.target.label;
  const verb = beyond95 === 1 ? 'ligt' : 'liggen';
  if (beyond95 === 0) return `${side === 'boven' ? 'Boven' : 'Onder'} de 95%-grens ligt ${howMany(0, input.noun)}.`;
  const first = `${side === 'boven' ? 'Boven' : 'Onder'} de 95%-grens ${verb} ${howMany(beyond95, input.noun)}: ${VERDICT_TEXT[mild].than} ${than}`;
  if (counts[strong] === 0) return `${first}; geen daarvan ligt ook ${side} de 99,8%-grens.`;
  return `${first}, en ${formatNumber(counts[strong])} daarvan ${counts[strong] === 1 ? 'ligt' : 'liggen'} ook ${side} de 99,8%-grens: ${VERDICT_TEXT[strong].word}.`;
}

/** A few Dutch sentences that say what the funnel shows. */
export function describeFunnel(input: FunnelChartInput): string {
  const fmt = (v: number) => formatChartValue(v, input.unit, input.decimals);
  const counts = countVerdicts(input.points);
  const n = input.points.length;
  const sentences: string[] = [];
  sentences.push(
    `Trechterdiagram van ${howMany(n, input.noun)}: liggend het aantal ${input.sizeLabel} (logaritmische schaal), staand het cijfer in ${input.unit === '%' ? 'procenten' : input.unit}.`,
  );
  sentences.push(
    `De middellijn is ${input.target.label} (${fmt(input.target.shown ?? input.target.value)}). De grenslijnen geven aan hoe ver een cijfer daarvan kan afwijken door toeval en de gewone verschillen tussen ${input.noun}: bij een kleiner aantal ${input.sizeLabel} liggen ze verder uit elkaar.`,
  );
  sentences.push(sideSentence(input, counts, 'boven'));
  sentences.push(sideSentence(input, counts, 'onder'));
  const similar = counts['niet-duidelijk-anders'];
  sentences.push(`${similar === 1 ? 'Het cijfer van' : 'De cijfers van'} ${howMany(similar, input.noun)} ${similar === 1 ? 'is' : 'zijn'} ${VERDICT_TEXT['niet-duidelijk-anders'].than} ${input.target.inPhrase ?? input.target.label}.`);
  if (counts.none > 0) {
    const reasons = new Map<NoVerdictReason, number>();
    for (const p of input.points) if (!p.verdict) reasons.set(p.reason ?? 'te-weinig', (reasons.get(p.reason ?? 'te-weinig') ?? 0) + 1);
    for (const [reason, k] of reasons) sentences.push(`Voor ${howMany(k, input.noun)} is er geen oordeel: ${NO_VERDICT_TEXT[reason]}.`);
  }
  if (input.missingCount) sentences.push(`${howMany(input.missingCount, input.noun)} ${input.missingCount === 1 ? 'staat' : 'staan'} er niet in, omdat het aantal afgeschermd of onbekend is.`.replace(/^./, (c) => c.toUpperCase()));
  const own = input.highlight === undefined ? undefined : input.points.find((p) => p.code === input.highlight);
  if (own) {
    const judged = own.verdict
      ? `dat is ${VERDICT_TEXT[own.verdict].than} ${input.target.inPhrase ?? input.target.label}`
      : `geen oordeel: ${NO_VERDICT_TEXT[own.reason ?? 'te-weinig']}`;
    sentences.push(`${own.label} (de grote stip met naam): ${fmt(own.shown ?? own.value)} van ${formatNumber(own.size)} ${input.sizeLabel}; ${judged}.`);
  }
  // The group drawn in blue (funnel-spec.ts): the gemeente's peers, as the legend names them.
  const group = input.group;
  const members = group ? input.points.filter((p) => group.has(p.code) && p.code !== input.highlight).length : 0;
  if (members > 0) sentences.push(`De ${members === 1 ? 'blauwe stip is' : `${formatNumber(members)} blauwe stippen zijn`} de ${input.groupLabel ?? 'vergelijkbare gemeenten'}.`);
  return sentences.join(' ');
}
