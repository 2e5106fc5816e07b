/**
 * Trajecten are a stock: what runs in a half year is what ran in the half year before and did not end there
 * (the carry), plus what began in it. CBS counts them that way, so a table whose running trajecten outgrow
 * the carry and the begun ones together shows figures that cannot both be true.
 *
 * The demonstration model draws each half year's running trajecten around the level its youths need, and its
 * begun and ended ones around that level's usual flows. `withCarry` makes them one stock: the begun trajecten
 * are the usual inflow, moved part of the way (TOWARDS_LEVEL) to what it takes to reach the level from the
 * carry, and what runs is the carry plus them; the stock follows its level without taking over its noise. The
 * inflow never falls below half its usual size (no kind of help stops taking in youths at once). Ended
 * trajecten stay as drawn, at most what runs.
 *
 * The measures of jeugdbescherming and the trajecten of jeugdreclassering are stocks the same way
 * (`measuresWithCarry`, which names the begun ones as those tables do), with one difference: of what runs,
 * as large a share ends as was drawn. A gemeente has a handful of each kind, where a quarter of the way rounds
 * to nothing; such a stock, which cannot fall below zero, wandered upwards (Nederland's jeugdreclassering
 * stood 43% above its level by 2020 when they ended as drawn). Jeugdhulptrajecten number hundreds and follow
 * their level without it; ending them that way passes the level's noise on to the ended ones (twice as many
 * doublings and halvings between half years).
 */
export interface TrajectFlows {
  lopend: number;
  gestart: number;
  beeindigd: number;
}

/**
 * How much of the way from the carry and the usual inflow to the model's level the begun trajecten go in one
 * half year. The level is drawn anew each half year (its youths are), so going all the way passed that noise
 * on to the begun trajecten: they doubled or halved from one half year to the next in 159 places of one
 * release (a provincie's pleegzorg from 100 to 255), where the trajecten begun in a half year move gently.
 */
const TOWARDS_LEVEL = 0.25;

/** What carries into the next half year: the running trajecten or measures that did not end (NaN where not delivered). */
export function carriedOver(t: Pick<TrajectFlows, 'lopend' | 'beeindigd'>): number {
  return t.lopend - t.beeindigd;
}

/**
 * One kind of traject in a half year, made one stock with the half year before (`carry`; undefined: none known).
 * `endsWithStock`: of what runs, the drawn share ends (rather than the drawn number).
 */
export function withCarry(drawn: TrajectFlows, carry: number | undefined, endsWithStock = false): TrajectFlows {
  if (carry === undefined || Number.isNaN(carry) || Number.isNaN(drawn.lopend)) return drawn;
  const toLevel = drawn.lopend - carry - drawn.gestart;
  const gestart = Math.max(Math.round(drawn.gestart / 2), drawn.gestart + Math.round(TOWARDS_LEVEL * toLevel));
  const lopend = carry + gestart;
  // Nothing drawn to run: what carried over ends.
  const endedShare = drawn.lopend > 0 ? drawn.beeindigd / drawn.lopend : 1;
  const beeindigd = endsWithStock ? Math.round(endedShare * lopend) : drawn.beeindigd;
  return { lopend, gestart, beeindigd: Math.min(lopend, beeindigd) };
}

/** A measure of jeugdbescherming or a form of jeugdreclassering in a half year, as their tables count it. */
export interface MeasureFlows {
  lopend: number;
  begonnen: number;
  beeindigd: number;
}

/** `withCarry` for measures, whose begun ones are `begonnen`, and of which the drawn share ends. */
export function measuresWithCarry(drawn: MeasureFlows, carry: number | undefined): MeasureFlows {
  const { lopend, gestart, beeindigd } = withCarry({ lopend: drawn.lopend, gestart: drawn.begonnen, beeindigd: drawn.beeindigd }, carry, true);
  return { lopend, begonnen: gestart, beeindigd };
}
