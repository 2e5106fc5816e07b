/**
 * How a gemeente's figures of the wijken table are spread over its wijken: the youths with jeugdhulp by
 * household (households.ts) and the jeugdhulptrajecten by verwijzer (wijk-trajecten.ts).
 *
 * Each of the gemeente's parts, WIJK_KNOWN of it (as in CBS's wijken table, not every youth has a known
 * wijk), goes to the wijken by their weight (their youths and their persistent need of help, world.ts
 * wijkWeights) times a lean of the wijk for that part, and is rounded down. So no wijk ever holds more of a
 * part than its gemeente, and the wijken together never more than the gemeente; a wijk's total is the sum of
 * its parts.
 */
import type { WijkRecord } from '../regions/register';

export function spreadOverWijken(
  parts: readonly number[],
  known: number,
  wijken: readonly WijkRecord[],
  weightOf: (wijk: WijkRecord) => number | undefined,
  leanOf: (wijk: WijkRecord) => readonly number[],
): Map<string, number[]> {
  const weighted = wijken.flatMap((wijk) => {
    const weight = weightOf(wijk);
    if (weight === undefined) return [];
    const lean = leanOf(wijk);
    return [{ code: wijk.code, weights: parts.map((_, p) => weight * lean[p]!) }];
  });
  const sums = parts.map((_, p) => weighted.reduce((s, w) => s + w.weights[p]!, 0));
  const out = new Map<string, number[]>();
  for (const { code, weights } of weighted) {
    out.set(code, parts.map((part, p) => (sums[p]! > 0 ? Math.floor((part * known * weights[p]!) / sums[p]!) : 0)));
  }
  return out;
}
