/**
 * What gemeenten spend on youth care (dataset `kosten-jeugd`, issue 14 item 4): the lasten on the Iv3 taakvelden
 * 6.72 (maatwerkdienstverlening 18-) and 6.82 (geëscaleerde zorg 18-), begroting and realisatie, per year, and
 * per youth under 18 and per inhabitant. One definition of the measures, footnotes and trend breaks, shared by
 * the demonstration data (src/lib/demo/costs.ts) and the import of the CBS Iv3 tables (src/lib/import/iv3.ts).
 *
 * None of it counts persons: amounts are in thousands of euros (as CBS publishes Iv3), the rates in whole euros.
 * The schema knows no unit "euro" for what a measure counts, so every measure says `countOf: 'inwoners'` (as the
 * averages of `kenmerken` do) and its unit says what it is; a unit other than "aantal" is never summed or
 * disclosure-controlled by the site. A rate in euros per youth is no rate of the schema (per 100 or 1.000 of a
 * count, at most the whole): it is stored, computed from the published amount and the youths.
 */
import type { z } from 'zod';
import type { FootnoteSchema, MeasureSchema, TrendBreakSchema } from '../../schemas/dataset';

export const KOSTEN_DATASET = 'kosten-jeugd';

export const VERSLAGSOORTEN = ['begroting', 'realisatie'] as const;
export type Verslagsoort = (typeof VERSLAGSOORTEN)[number];

/** The amounts per verslagsoort: the two taakvelden and their sum, in × 1.000 euro. */
export const AMOUNT_PARTS = ['maatwerk', 'geescaleerd', 'jeugd'] as const;
export type AmountPart = (typeof AMOUNT_PARTS)[number];

export const amountId = (part: AmountPart, soort: Verslagsoort) => `lasten_${part}_${soort}`;
export const perJongereId = (soort: Verslagsoort) => `lasten_per_jongere_${soort}`;
export const perInwonerId = (soort: Verslagsoort) => `lasten_per_inwoner_${soort}`;
export const JONGEREN_ID = 'jongeren_tot_18';
export const INWONERS_ID = 'inwoners';

/** The ids in table order: the totals first, then the taakvelden, the rates and the two populations. */
export const KOSTEN_MEASURE_IDS: readonly string[] = [
  ...VERSLAGSOORTEN.map((s) => amountId('jeugd', s)),
  ...VERSLAGSOORTEN.map((s) => amountId('maatwerk', s)),
  ...VERSLAGSOORTEN.map((s) => amountId('geescaleerd', s)),
  ...VERSLAGSOORTEN.map(perJongereId),
  ...VERSLAGSOORTEN.map(perInwonerId),
  JONGEREN_ID,
  INWONERS_ID,
];

type MeasureInput = z.input<typeof MeasureSchema>;

export const AMOUNT_UNIT = '× 1.000 euro';
export const PER_JONGERE_UNIT = 'euro per jongere tot 18 jaar';
export const PER_INWONER_UNIT = 'euro per inwoner';

const SOORT_TEXT: Record<Verslagsoort, { label: string; definition: string }> = {
  begroting: {
    label: 'begroting',
    definition: 'Begroting: wat de gemeente vooraf voor het jaar raamde (de primaire begroting, vóór het jaar vastgesteld).',
  },
  realisatie: {
    label: 'realisatie',
    definition: 'Realisatie: wat de gemeente volgens haar jaarrekening werkelijk uitgaf; die verschijnt pas in de zomer na het jaar.',
  },
};

const PART_TEXT: Record<AmountPart, { label: string; short: string; definition: string }> = {
  maatwerk: {
    label: 'Lasten maatwerkdienstverlening 18- (taakveld 6.72)',
    short: 'Maatwerk 18-',
    definition:
      'De lasten op taakveld 6.72, maatwerkdienstverlening 18-: jeugdhulp die de gemeente voor een jongere inzet, met en ' +
      'zonder verblijf, ook wat zij via een persoonsgebonden budget (pgb) betaalt. Vanaf 2023 de som van de verfijnde ' +
      'taakvelden 6.72a–d, 6.73a–c en 6.74a–c.',
  },
  geescaleerd: {
    label: 'Lasten geëscaleerde zorg 18- (taakveld 6.82)',
    short: 'Geëscaleerd 18-',
    definition:
      'De lasten op taakveld 6.82, geëscaleerde zorg 18-: jeugdbescherming en jeugdreclassering. Vanaf 2023 de som van ' +
      '6.82a (jeugdbescherming) en 6.82b (jeugdreclassering).',
  },
  jeugd: {
    label: 'Lasten jeugd (taakvelden 6.72 en 6.82)',
    short: 'Lasten jeugd',
    definition: 'De som van de lasten op taakveld 6.72 (maatwerkdienstverlening 18-) en 6.82 (geëscaleerde zorg 18-).',
  },
};

const EURO_NOTE = 'Lasten zijn uitgaven volgens de gemeentelijke administratie (Iv3), in duizenden euro’s.';

export function amountMeasure(part: AmountPart, soort: Verslagsoort, addition = ''): MeasureInput {
  const p = PART_TEXT[part];
  return {
    id: amountId(part, soort),
    label: `${p.label}, ${SOORT_TEXT[soort].label}`,
    shortLabel: `${p.short}, ${SOORT_TEXT[soort].label}`,
    unit: AMOUNT_UNIT,
    decimals: 0,
    countOf: 'inwoners',
    type: 'aantal',
    additive: true,
    definition: [p.definition, SOORT_TEXT[soort].definition, EURO_NOTE, addition].filter(Boolean).join(' '),
  };
}

export function perJongereMeasure(soort: Verslagsoort, addition = ''): MeasureInput {
  return {
    id: perJongereId(soort),
    label: `Lasten jeugd per jongere tot 18 jaar, ${SOORT_TEXT[soort].label}`,
    shortLabel: `Per jongere, ${SOORT_TEXT[soort].label}`,
    unit: PER_JONGERE_UNIT,
    decimals: 0,
    countOf: 'inwoners',
    type: 'aantal',
    // Lasten in × 1.000 euro per youth, in euro.
    quotient: { numerator: amountId('jeugd', soort), denominator: JONGEREN_ID, factor: 1000 },
    definition:
      `De lasten jeugd (6.72 en 6.82, ${SOORT_TEXT[soort].label}) in euro’s, gedeeld door het aantal inwoners jonger dan 18 ` +
      'jaar op 1 januari. In de lasten zit ook hulp aan jongeren van 18 tot 23 jaar (verlengde jeugdhulp); de noemer telt ' +
      'alleen de jongeren tot 18 jaar. Berekend uit de gepubliceerde lasten en het aantal jongeren. ' +
      'Een bedrag per jongere, geen aantal: het telt niet op over gemeenten.' +
      (addition ? ` ${addition}` : ''),
  };
}

export function perInwonerMeasure(soort: Verslagsoort, addition = ''): MeasureInput {
  return {
    id: perInwonerId(soort),
    label: `Lasten jeugd per inwoner, ${SOORT_TEXT[soort].label}`,
    shortLabel: `Per inwoner, ${SOORT_TEXT[soort].label}`,
    unit: PER_INWONER_UNIT,
    decimals: 0,
    countOf: 'inwoners',
    type: 'aantal',
    quotient: { numerator: amountId('jeugd', soort), denominator: INWONERS_ID, factor: 1000 },
    definition:
      `De lasten jeugd (6.72 en 6.82, ${SOORT_TEXT[soort].label}) in euro’s, gedeeld door het aantal inwoners op 1 januari. ` +
      'Berekend uit de gepubliceerde lasten en het aantal inwoners. Een bedrag per inwoner, geen aantal: het telt niet op ' +
      'over gemeenten.' +
      (addition ? ` ${addition}` : ''),
  };
}

/** The two caveats, as the table page, the fact page and the explanatory page say them. */
export const CAVEAT_NOT_USE =
  'Uitgaven zijn geen gebruik. Hoge lasten per jongere kunnen komen door duurdere hulp (zoals verblijf), hogere ' +
  'tarieven of een tekort op de begroting; lage lasten door hulp die de gemeente op een ander taakveld boekt. De ' +
  'lasten tellen ook hulp uit een pgb mee; de andere tabellen tellen alleen jeugdhulp in natura. Ook hulp aan ' +
  'jongeren van 18 tot 23 jaar (verlengde jeugdhulp) zit in de lasten, maar de lasten per jongere zijn gedeeld door ' +
  'de jongeren tot 18 jaar.';
export const CAVEAT_BOOKING =
  'Gemeenten boeken niet allemaal op dezelfde manier. Sommige boeken een deel van de jeugdhulp op 6.82 in plaats van ' +
  '6.72, of op 6.2 (wijkteams), of betalen via een gemeenschappelijke regeling van de jeugdregio. Vergelijk daarom ' +
  'de som van de taakvelden en niet één taakveld, en lees een verschil tussen gemeenten als een vraag, niet als een oordeel.';

type FootnoteInput = z.input<typeof FootnoteSchema>;

/** The footnotes of the table; `latestYearWithoutRealisatie` adds the one on the missing realisatie. */
export function kostenFootnotes(latestYearWithoutRealisatie?: number): FootnoteInput[] {
  const notes: FootnoteInput[] = [
    { id: 'uitgaven-geen-gebruik', text: CAVEAT_NOT_USE, appliesTo: {} },
    { id: 'boeken-verschilt', text: CAVEAT_BOOKING, appliesTo: {} },
    {
      id: 'taakveld-6-2',
      text:
        'Taakveld 6.2 (toegang en eerstelijnsvoorzieningen, tot 2023 ‘wijkteams’) is niet meegeteld: het gaat om jeugd én ' +
        'volwassenen, en Iv3 splitst het niet naar leeftijd. Wat een gemeente via haar wijkteam aan jeugd besteedt, ' +
        'ontbreekt daardoor in deze lasten.',
      appliesTo: {},
    },
  ];
  if (latestYearWithoutRealisatie !== undefined) {
    notes.push({
      id: 'realisatie-volgt',
      text:
        `De realisatie over ${latestYearWithoutRealisatie} ontbreekt nog (‘.’): gemeenten leveren hun jaarrekening in juli ` +
        'van het jaar erna, hun begroting al in het najaar ervoor. De realisatie verschijnt in een volgende publicatie.',
      appliesTo: {
        periods: [`${latestYearWithoutRealisatie}JJ00`],
        measures: VERSLAGSOORTEN.filter((s) => s === 'realisatie').flatMap((s) => [...AMOUNT_PARTS.map((p) => amountId(p, s)), perJongereId(s), perInwonerId(s)]),
      },
    });
  }
  return notes;
}

type TrendBreakInput = z.input<typeof TrendBreakSchema>;

export const KOSTEN_TREND_BREAKS: TrendBreakInput[] = [
  {
    from: '2017JJ00',
    note:
      'Gemeenten boeken sinds 2017 op taakvelden (vernieuwing van het Besluit begroting en verantwoording). Eerdere ' +
      'jaren zijn niet vergelijkbaar; de tabel begint daarom in 2017.',
  },
  {
    from: '2023JJ00',
    note:
      'Vanaf 2023 boeken gemeenten jeugdhulp op verfijnde taakvelden (6.72a–d, 6.73a–c, 6.74a–c, 6.82a–b); op 6.72 en 6.82 ' +
      'zelf mag niet meer. De sommen zijn hier dezelfde taakvelden, maar gemeenten deelden hun lasten daarbij opnieuw in: ' +
      'vergelijk 2022 en 2023 per taakveld met voorzichtigheid.',
  },
];
