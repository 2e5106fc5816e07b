/**
 * The characteristics of gemeenten (dataset `kenmerken`, issue 13): the measures as both the demonstration data
 * (src/lib/demo/characteristics.ts) and the import of CBS tables (src/lib/import/profiles.ts) publish them, so
 * that the neighbour selection and the pages find the same ids, labels and units whichever data a site has.
 *
 * None counts persons in care: inhabitants are public population figures (countOf `inwoners`, never rounded or
 * suppressed), the shares are stored as published (a rate without a numerator in the table), and an income or a
 * density is an average (a unit that is not "aantal"), which does not add up over gemeenten.
 */
import type { z } from 'zod';
import type { MeasureSchema } from '../../schemas/dataset';

export const KENMERKEN_DATASET = 'kenmerken';

export const KENMERKEN_MEASURE_IDS = [
  'inwoners',
  'aandeel_jongeren_tot_18',
  'eenoudergezinnen',
  'huishoudens_bijstand',
  'jongeren_laag_inkomen',
  'gemiddeld_inkomen',
  'omgevingsadressendichtheid',
] as const;
export type KenmerkId = (typeof KENMERKEN_MEASURE_IDS)[number];

type MeasureInput = z.input<typeof MeasureSchema>;

/** A share of a group, stored as published: no numerator in the table, so never recomputed. */
function share(id: KenmerkId, label: string, shortLabel: string, denominatorLabel: string, definition: string): MeasureInput {
  return { id, label, shortLabel, unit: '%', decimals: 1, countOf: 'inwoners', type: 'rate', rate: { denominatorLabel, per: 100 }, definition };
}

/** An average of the gemeente: of type "aantal" for the tables, but in a unit that says it is no count. */
function average(id: KenmerkId, label: string, shortLabel: string, unit: string, decimals: number, definition: string): MeasureInput {
  return { id, label, shortLabel, unit, decimals, countOf: 'inwoners', type: 'aantal', definition: `${definition} Een gemiddelde, geen aantal: het telt niet op over gemeenten.` };
}

/** Each measure with the definition that holds for every source; a source adds where its figures come from. */
export const KENMERKEN_MEASURES: Readonly<Record<KenmerkId, MeasureInput>> = {
  inwoners: {
    id: 'inwoners',
    label: 'Inwoners',
    unit: 'aantal',
    decimals: 0,
    countOf: 'inwoners',
    type: 'aantal',
    definition: 'Het aantal inwoners van de gemeente op 1 januari van het jaar, volgens de gemeentelijke indeling van dat jaar.',
  },
  aandeel_jongeren_tot_18: share(
    'aandeel_jongeren_tot_18',
    'Jongeren tot 18 jaar (% van de inwoners)',
    'Jongeren tot 18',
    'inwoners',
    'Inwoners jonger dan 18 jaar op 1 januari, als percentage van alle inwoners.',
  ),
  eenoudergezinnen: share(
    'eenoudergezinnen',
    'Eenoudergezinnen (% van de huishoudens met kinderen)',
    'Eenoudergezinnen',
    'huishoudens met kinderen',
    'Huishoudens van één ouder met een of meer thuiswonende kinderen, als percentage van alle huishoudens met thuiswonende kinderen.',
  ),
  huishoudens_bijstand: share(
    'huishoudens_bijstand',
    'Huishoudens met bijstand (% van de huishoudens)',
    'Met bijstand',
    'huishoudens',
    'Huishoudens met een bijstandsuitkering (Participatiewet), als percentage van alle particuliere huishoudens.',
  ),
  jongeren_laag_inkomen: share(
    'jongeren_laag_inkomen',
    'Jongeren in een huishouden met een laag inkomen (% van de jongeren tot 18 jaar)',
    'Laag inkomen',
    'jongeren tot 18 jaar',
    'Jongeren tot 18 jaar in een huishouden met een inkomen onder de lage-inkomensgrens van CBS (risico op armoede), als percentage van alle jongeren tot 18 jaar.',
  ),
  gemiddeld_inkomen: average(
    'gemiddeld_inkomen',
    'Gemiddeld gestandaardiseerd inkomen van huishoudens',
    'Gemiddeld inkomen',
    '× 1.000 euro',
    1,
    'Het gemiddelde besteedbare inkomen van particuliere huishoudens, gestandaardiseerd: gecorrigeerd voor de grootte en ' +
      'samenstelling van het huishouden, zodat huishoudens vergelijkbaar zijn. In duizenden euro’s per jaar.',
  ),
  omgevingsadressendichtheid: average(
    'omgevingsadressendichtheid',
    'Omgevingsadressendichtheid',
    'Adressendichtheid',
    'adressen per km²',
    0,
    'De stedelijkheid: het gemiddelde aantal adressen per km² binnen een cirkel van één kilometer rond elk adres in de ' +
      'gemeente (CBS). Vanaf 2.500 is een gemeente zeer sterk stedelijk, onder 500 niet stedelijk.',
  ),
};

/** A measure with a sentence added to its definition (where a source's figures come from). */
export function kenmerkMeasure(id: KenmerkId, addition = '', extra: Partial<MeasureInput> = {}): MeasureInput {
  const measure = KENMERKEN_MEASURES[id];
  return { ...measure, ...extra, definition: addition ? `${measure.definition} ${addition}` : measure.definition! };
}
