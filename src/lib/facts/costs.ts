/**
 * The "Kosten" section of a fact page (issue 14, item 4): what the region spends on youth care per youth under
 * 18, begroting and realisatie, with Nederland beside it, and the two caveats. The words come from here; the
 * component (src/components/facts/Costs.astro) only lays them out.
 *
 * No comparison words: the site's verdicts (src/lib/stats/verdict.ts) weigh chance in counts of youths, and an
 * amount of money has no such chance model. The figures stand side by side, and the section says why there is
 * no "hoger" or "lager".
 */
import { KOSTEN_DATASET, perJongereId, type Verslagsoort } from '../data/kosten-jeugd';
import { parsePeriodCode, periodLabelWithStatus } from '../data/periods';
import { formatNumber } from '../format/number';
import { NEDERLAND } from '../regions/codes';
import type { FactsContext, FactsDataset } from './context';

export interface CostsSection {
  intro: string;
  /** One line per verslagsoort and year: the region's figure and Nederland's. */
  lines: string[];
  caveat: string;
  tableHref: string;
}

/** A whole number of euros as the site writes it: "€ 2.399". */
export const euro = (value: number) => `€ ${formatNumber(value, 0)}`;

function perYouth(dataset: FactsDataset, region: string, period: string, soort: Verslagsoort): number | undefined {
  const cell = dataset.index.cellOf(dataset.totalRow(region, period), perJongereId(soort));
  return cell?.value ?? undefined;
}

/** The latest year with a figure per youth of this kind for the region, newest first. */
function latestWith(dataset: FactsDataset, region: string, soort: Verslagsoort): string | undefined {
  return [...dataset.periods].reverse().find((p) => perYouth(dataset, region, p, soort) !== undefined);
}

export const COSTS_CAVEAT =
  'Uitgaven zijn geen gebruik, en gemeenten boeken niet allemaal op dezelfde manier. Voor bedragen bestaat geen ' +
  'toets op toeval zoals voor aantallen jongeren, dus geen oordeel: een verschil is een vraag.';

/**
 * The section for a region (Nederland, a provincie, a jeugdregio or a current gemeente), or undefined when the
 * site has no spending per youth for it (no such dataset, a former gemeente, an import without population).
 */
export function costsSection(context: FactsContext, code: string, name: string): CostsSection | undefined {
  const dataset = context.datasets.find((d) => d.meta.id === KOSTEN_DATASET);
  if (!dataset || !dataset.meta.measures.some((m) => m.id === perJongereId('begroting'))) return undefined;
  const begrotingYear = latestWith(dataset, code, 'begroting');
  if (!begrotingYear) return undefined;
  const realisatieYear = latestWith(dataset, code, 'realisatie');
  const label = (period: string) => periodLabelWithStatus(parsePeriodCode(period)!, dataset.statusOf(period));
  const isNederland = code === NEDERLAND;
  const pair = (period: string, soort: Verslagsoort, withBudget: boolean) => {
    const own = perYouth(dataset, code, period, soort)!;
    const nl = perYouth(dataset, NEDERLAND, period, soort);
    const budget = (region: string) => {
      const b = withBudget ? perYouth(dataset, region, period, 'begroting') : undefined;
      return b === undefined ? '' : ` (begroot ${euro(b)})`;
    };
    const ownText = `${isNederland ? '' : `${name} `}${euro(own)}${budget(code)}`;
    return isNederland || nl === undefined ? ownText : `${ownText}, Nederland ${euro(nl)}${budget(NEDERLAND)}`;
  };
  const lines = [`Begroting ${label(begrotingYear)}: ${pair(begrotingYear, 'begroting', false)}.`];
  if (realisatieYear) lines.push(`Realisatie ${label(realisatieYear)}: ${pair(realisatieYear, 'realisatie', true)}.`);
  if (!realisatieYear || realisatieYear < begrotingYear) lines.push(`Realisatie ${label(begrotingYear)}: volgt na de jaarrekening.`);
  return {
    intro: 'Lasten voor jeugdhulp, jeugdbescherming en jeugdreclassering (taakvelden 6.72 en 6.82) per jongere tot 18 jaar:',
    lines,
    caveat: COSTS_CAVEAT,
    tableHref: `/tabellen/${KOSTEN_DATASET}/`,
  };
}
