/**
 * Table profiles: what we know about CBS tables beyond what an export says. A profile maps CBS keys (OData
 * topic keys, v4 measure ids, StatLine column labels) to our measure ids, Dutch labels, units, what is counted
 * and the site concept, and gives the dataset its title, description and source. Tables without a profile
 * still import (build-dataset.ts derives what it can); a profile only makes the result stable and readable.
 *
 * Definitions are short paraphrases of the CBS toelichting, credited to CBS through the dataset's source.
 */
import type { z } from 'zod';
import type { DatasetMetaInput, FootnoteSchema, MeasureSchema, MeasureSumSchema, TrendBreakSchema } from '../../schemas/dataset';
import { KENMERKEN_DATASET, kenmerkMeasure } from '../data/kenmerken';
import { AMOUNT_PARTS, KOSTEN_DATASET, KOSTEN_TREND_BREAKS, VERSLAGSOORTEN, amountMeasure, kostenFootnotes } from '../data/kosten-jeugd';
import { AVERAGE_DURATION } from '../data/average-duration';
import { foldIv3 } from './iv3';
import type { RegionKind } from '../regions/codes';
import { foldPopulationByAge, SHARE_UNDER_18_KEY } from './population-by-age';
import type { SourceTable } from './source-table';

export type MeasureProfile = z.input<typeof MeasureSchema> & {
  /** The CBS keys this measure has in exports: OData keys (the `_n` ordinal may differ) and StatLine labels. */
  keys: readonly string[];
};

export interface TableProfile {
  id: string;
  title: string;
  shortTitle?: string;
  description: string;
  source: DatasetMetaInput['source'];
  /** CBS table ids this profile describes (one per year for the wijken tables). */
  tableIds: readonly string[];
  measures: readonly MeasureProfile[];
  /** Source columns that hold no figures we publish: names, codes and flags CBS adds to a table. */
  ignore: readonly string[];
  /**
   * Topic dimensions of which the export holds one category only: the dimension is dropped (its category named
   * in the description). Rows where the join left it empty are accepted.
   */
  fixedTopics?: Readonly<Record<string, { code: string; label: string }>>;
  footnotes?: ReadonlyArray<z.input<typeof FootnoteSchema>>;
  trendBreaks?: ReadonlyArray<z.input<typeof TrendBreakSchema>>;
  /** Rates computed from two of the table's counts (derived: true), added when both counts were imported. */
  derived?: ReadonlyArray<z.input<typeof MeasureSchema>>;
  /**
   * Measures that add up to another (age groups to the total), kept where all were imported: disclosure control
   * protects a suppressed part against "the total minus the others" (src/lib/disclosure).
   */
  sums?: ReadonlyArray<z.input<typeof MeasureSumSchema>>;
  /** Reshapes a table before its columns are mapped (a population table by age folded into two measures). */
  prepare?: (table: SourceTable) => SourceTable;
  /** Only the columns the profile names are imported; a table of a hundred columns brings no others along. */
  onlyNamed?: boolean;
  /** Only rows of these kinds of region are imported (the others are skipped, and the import says how many). */
  regionKinds?: readonly RegionKind[];
}

const KWB = 'CBS Kerncijfers wijken en buurten';

/** A count measure of a CBS topic key; the factories below fill in what differs. */
const count = (
  key: string,
  id: string,
  label: string,
  countOf: MeasureProfile['countOf'],
  definition: string,
  extra: Partial<MeasureProfile> = {},
): MeasureProfile => ({ id, keys: [key], label, unit: 'aantal', decimals: 0, countOf, type: 'aantal', definition, sourceKey: key, ...extra });

const jongeren = (key: string, id: string, band: string) =>
  count(key, id, `Jongeren met jeugdzorg in natura, ${band}`, 'personen', `Jongeren met jeugdzorg in natura in de leeftijd ${band}, naar leeftijd op 1 januari van het jaar.`, {
    shortLabel: band,
  });

const huishouden = (key: string, id: string, label: string) =>
  count(
    key,
    id,
    `Jongeren met jeugdzorg in natura: ${label.toLowerCase()}`,
    'personen',
    `Jongeren met jeugdzorg in natura naar samenstelling van het huishouden bij de hulpvraag: ${label.toLowerCase()}.`,
    { shortLabel: label },
  );

const verwijzer = (key: string, id: string, label: string) =>
  count(
    key,
    id,
    `Trajecten jeugdzorg in natura, verwijzer: ${label.toLowerCase()}`,
    'trajecten',
    `Trajecten jeugdzorg in natura in het jaar waarvoor de verwijzer ${label.toLowerCase()} was.`,
    { shortLabel: label },
  );

const inwoners = (key: string, id: string, label: string, definition: string, concept?: 'bevolking') =>
  count(key, id, label, 'inwoners', definition, { source: KWB, ...(concept ? { concept } : {}) });

/** "Jongeren met jeugdzorg en jeugdzorgtrajecten in natura; wijken": one CBS table per year. */
export const JEUGDZORG_WIJKEN: TableProfile = {
  id: 'jeugdzorg-in-natura-wijken',
  title: 'Jongeren met jeugdzorg en jeugdzorgtrajecten in natura; wijken',
  shortTitle: 'Jeugdzorg in natura; wijken',
  description:
    'Jongeren met jeugdzorg in natura (jeugdhulp, jeugdbescherming en/of jeugdreclassering) naar leeftijd en huishouden, en de trajecten jeugdzorg in natura naar verwijzer, per gemeente en wijk. Met het aantal inwoners uit CBS Kerncijfers wijken en buurten.',
  source: {
    name: 'CBS',
    table: '85075NED',
    url: 'https://www.cbs.nl/nl-nl/cijfers/detail/85075NED',
    note: 'CBS publiceert deze tabel per jaar: 2021 is 85075NED, 2023 is 85685NED; het nummer van de tabel over 2022 is hier niet nagegaan. Inwoners: CBS Kerncijfers wijken en buurten.',
  },
  tableIds: ['85075NED', '85685NED'],
  measures: [
    count(
      'TotaalJongerenMetJeugdzorgInNatura_1',
      'jongeren_jeugdzorg',
      'Jongeren met jeugdzorg in natura',
      'personen',
      'Jongeren tot 23 jaar die in het jaar jeugdhulp, jeugdbescherming en/of jeugdreclassering in natura kregen. Een jongere telt één keer, ook met meer trajecten.',
      { shortLabel: 'Jongeren met jeugdzorg', concept: 'jongeren-jeugdzorg' },
    ),
    jongeren('k_0Tot4Jaar_2', 'jongeren_0_4', '0 tot 4 jaar'),
    jongeren('k_4Tot12Jaar_3', 'jongeren_4_12', '4 tot 12 jaar'),
    jongeren('k_12Tot18Jaar_4', 'jongeren_12_18', '12 tot 18 jaar'),
    jongeren('k_18Tot23Jaar_5', 'jongeren_18_23', '18 tot 23 jaar'),
    huishouden('ThuiswonendKindInEenouderhuishouden_6', 'jongeren_eenouderhuishouden', 'Thuiswonend kind in eenouderhuishouden'),
    huishouden('ThuiswonendKindBijEenPaar_7', 'jongeren_bij_paar', 'Thuiswonend kind bij een paar'),
    huishouden('AnderHuishouden_8', 'jongeren_ander_huishouden', 'Ander huishouden'),
    count(
      'TotaalTrajectenInNatura_9',
      'trajecten',
      'Trajecten jeugdzorg in natura',
      'trajecten',
      'Trajecten jeugdhulp, jeugdbescherming en jeugdreclassering in natura die op enig moment in het jaar liepen.',
      { shortLabel: 'Trajecten', concept: 'trajecten-lopend' },
    ),
    verwijzer('GemeentelijkeToegang_10', 'trajecten_gemeentelijke_toegang', 'Gemeentelijke toegang'),
    verwijzer('Huisarts_11', 'trajecten_huisarts', 'Huisarts'),
    verwijzer('Jeugdarts_12', 'trajecten_jeugdarts', 'Jeugdarts'),
    verwijzer('GecertificeerdeInstelling_13', 'trajecten_gecertificeerde_instelling', 'Gecertificeerde instelling'),
    verwijzer('MedischSpecialist_14', 'trajecten_medisch_specialist', 'Medisch specialist'),
    verwijzer('RechterOfficierVanJustitie_15', 'trajecten_rechter_ovj', 'Rechter of officier van justitie'),
    verwijzer('GeenVerwijzer_16', 'trajecten_geen_verwijzer', 'Geen verwijzer'),
    verwijzer('VerwijzerOnbekend_17', 'trajecten_verwijzer_onbekend', 'Verwijzer onbekend'),
    inwoners('a_inw', 'inwoners', 'Inwoners', 'Aantal inwoners op 1 januari.', 'bevolking'),
    inwoners('a_00_14', 'inwoners_0_15', 'Inwoners van 0 tot 15 jaar', 'Inwoners van 0 tot 15 jaar op 1 januari.'),
    inwoners('a_15_24', 'inwoners_15_25', 'Inwoners van 15 tot 25 jaar', 'Inwoners van 15 tot 25 jaar op 1 januari.'),
  ],
  ignore: ['Gemeentenaam_18', 'SoortRegio_19', 'Codering_20', 'IndelingswijzigingWijken_21', 'recs', 'gm_naam'],
  // CBS publishes no rate in this table; per 1.000 inwoners is the one its own columns allow without guessing
  // an age band (jeugdzorg counts youths up to 23, the population bands are 0–14 and 15–24).
  derived: [
    {
      id: 'jongeren_jeugdzorg_per_1000',
      label: 'Jongeren met jeugdzorg in natura per 1.000 inwoners',
      shortLabel: 'Jeugdzorg per 1.000 inwoners',
      unit: 'per 1.000 inwoners',
      decimals: 1,
      countOf: 'personen',
      type: 'rate',
      derived: true,
      rate: { numerator: 'jongeren_jeugdzorg', denominator: 'inwoners', denominatorLabel: 'inwoners', per: 1000 },
      definition: 'Jongeren met jeugdzorg in natura per 1.000 inwoners, berekend door deze site uit de twee aantallen (inwoners: CBS Kerncijfers wijken en buurten).',
    },
    {
      id: 'trajecten_per_1000',
      label: 'Trajecten jeugdzorg in natura per 1.000 inwoners',
      shortLabel: 'Trajecten per 1.000 inwoners',
      unit: 'per 1.000 inwoners',
      decimals: 1,
      countOf: 'trajecten',
      type: 'rate',
      derived: true,
      rate: { numerator: 'trajecten', denominator: 'inwoners', denominatorLabel: 'inwoners', per: 1000 },
      definition: 'Trajecten jeugdzorg in natura per 1.000 inwoners, berekend door deze site uit de twee aantallen.',
    },
  ],
  fixedTopics: { VormenVanJeugdzorg: { code: 'T001203', label: 'Totaal alle jeugdzorg in natura' } },
  // Checked on the 2021 and 2022 exports: age groups and household types add up to the total within rounding
  // (each youth has one age and one household); the verwijzers add up to less than the trajecten (not every
  // traject has one of these verwijzers), by 25 to 2.980.
  sums: [
    { total: 'jongeren_jeugdzorg', parts: ['jongeren_0_4', 'jongeren_4_12', 'jongeren_12_18', 'jongeren_18_23'] },
    { total: 'jongeren_jeugdzorg', parts: ['jongeren_eenouderhuishouden', 'jongeren_bij_paar', 'jongeren_ander_huishouden'] },
    {
      total: 'trajecten',
      parts: [
        'trajecten_gemeentelijke_toegang',
        'trajecten_huisarts',
        'trajecten_jeugdarts',
        'trajecten_gecertificeerde_instelling',
        'trajecten_medisch_specialist',
        'trajecten_rechter_ovj',
        'trajecten_geen_verwijzer',
        'trajecten_verwijzer_onbekend',
      ],
      complete: false,
    },
  ],
};

const indicator = (
  id: string,
  keys: string[],
  label: string,
  denominatorLabel: string,
  definition: string,
): MeasureProfile => ({
  id,
  keys,
  label,
  unit: '%',
  decimals: 1,
  countOf: 'personen',
  type: 'rate',
  rate: { denominatorLabel, per: 100 },
  definition,
});

/** 82972NED "Indicatoren jeugdzorg in natura; gemeenten", as StatLine downloads it. */
export const INDICATOREN_GEMEENTEN: TableProfile = {
  id: 'indicatoren-jeugdzorg-gemeenten',
  title: 'Indicatoren jeugdzorg in natura; gemeenten',
  shortTitle: 'Indicatoren jeugdzorg',
  description:
    'Indicatoren over het gebruik van jeugdzorg in natura per gemeente, volgens het woonplaatsbeginsel: het aandeel jongeren met jeugdhulp, jeugdbescherming en jeugdreclassering.',
  source: { name: 'CBS', table: '82972NED', url: 'https://www.cbs.nl/nl-nl/cijfers/detail/82972NED' },
  tableIds: ['82972NED'],
  measures: [
    indicator(
      'pct_jeugdhulp',
      ['Jongeren met jeugdhulp in natura'],
      'Jongeren met jeugdhulp in natura',
      'jongeren tot 18 jaar',
      'Jongeren tot 18 jaar met jeugdhulp in natura, als percentage van alle jongeren tot 18 jaar.',
    ),
    indicator(
      'pct_jeugdhulp_met_verblijf',
      ['Jongeren met jeugdh. met verbl. in nat.', 'Jongeren met jeugdhulp met verblijf in natura'],
      'Jongeren met jeugdhulp met verblijf in natura',
      'jongeren met jeugdhulp in natura',
      'Jongeren met jeugdhulp met verblijf in natura, als percentage van de jongeren met jeugdhulp in natura.',
    ),
    indicator(
      'pct_jeugdbescherming',
      ['Jongeren met jeugdbescherming'],
      'Jongeren met jeugdbescherming',
      'jongeren tot 18 jaar',
      'Jongeren tot 18 jaar met jeugdbescherming, als percentage van alle jongeren tot 18 jaar.',
    ),
    indicator(
      'pct_jeugdbescherming_met_verblijf',
      ['Jeugdbesch. en jeugdh. met verbl. in nat', 'Jongeren met jeugdbescherming en jeugdhulp met verblijf in natura'],
      'Jongeren met jeugdbescherming en jeugdhulp met verblijf in natura',
      'jongeren met jeugdbescherming',
      'Jongeren met jeugdbescherming die ook jeugdhulp met verblijf in natura kregen, als percentage van de jongeren met jeugdbescherming.',
    ),
    indicator(
      'pct_jeugdreclassering',
      ['Jongeren met jeugdreclassering'],
      'Jongeren met jeugdreclassering',
      'jongeren van 12 tot 23 jaar',
      'Jongeren van 12 tot 23 jaar met jeugdreclassering, als percentage van alle jongeren van 12 tot 23 jaar.',
    ),
  ],
  ignore: [],
};

const trajecten = (id: string, title: string, definition: string, concept?: MeasureProfile['concept']): MeasureProfile => ({
  id,
  keys: [title],
  label: title,
  unit: 'aantal',
  decimals: 0,
  countOf: 'trajecten',
  type: 'aantal',
  definition,
  ...(concept ? { concept } : {}),
});

/**
 * 85097NED "Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)". Its measures are matched by their CBS
 * titles, which v3 (topic keys) and v4 (opaque M-identifiers) share, so both APIs give the same dataset.
 * Only the measures the project uses are named here; the others import with derived ids.
 */
export const TRAJECTEN_VERWIJZER: TableProfile = {
  id: 'jeugdhulptrajecten-verwijzer',
  title: 'Jeugdhulptrajecten in natura; verwijzer, regio (gemeente)',
  shortTitle: 'Jeugdhulptrajecten; verwijzer',
  description:
    'Jeugdhulptrajecten in natura per halfjaar en jaar: de lopende, begonnen en beëindigde trajecten, naar verwijzer en gemeente (woonplaatsbeginsel).',
  source: { name: 'CBS', table: '85097NED', url: 'https://www.cbs.nl/nl-nl/cijfers/detail/85097NED' },
  tableIds: ['85097NED'],
  measures: [
    trajecten('trajecten', 'Totaal jeugdhulptrajecten in natura', 'Jeugdhulptrajecten in natura die op enig moment in de periode liepen.', 'trajecten-lopend'),
    trajecten('trajecten_begonnen', 'Totaal begonnen trajecten', 'Jeugdhulptrajecten die in de periode begonnen.', 'trajecten-gestart'),
    trajecten('trajecten_nieuw', 'Nieuw traject', 'Begonnen trajecten van jongeren die in de vijf jaar vóór de periode geen jeugdhulp kregen.'),
    // CBS (StatLine): "bij alle gestarte jeugdhulptrajecten wordt teruggekeken of de jongere in de vijf voorgaande
    // jaren al eerder jeugdhulp heeft ontvangen". Not "within a year": that is CBS's separate outcome indicator.
    trajecten(
      'trajecten_herhaald_beroep',
      'Herhaald beroep',
      'Begonnen trajecten van jongeren die in de vijf jaar vóór de periode al jeugdhulp kregen. Een traject dat direct aansluit op het vorige telt niet als herhaling.',
      'start-herhaald-beroep',
    ),
    trajecten('trajecten_beeindigd', 'Totaal beëindigde trajecten', 'Jeugdhulptrajecten die in de periode eindigden.', 'trajecten-beeindigd'),
    { ...AVERAGE_DURATION, keys: ['Gemiddelde duur'] },
    trajecten('reden_volgens_plan', 'Beëindigd volgens plan', 'Beëindigde trajecten die volgens plan zijn afgesloten.', 'einde-volgens-plan'),
    trajecten('voortijdig_afgesloten', 'Totaal voortijdig afgesloten', 'Beëindigde trajecten die eerder zijn gestopt dan gepland.'),
  ],
  derived: [
    {
      id: 'aandeel_herhaald_beroep',
      label: 'Herhaald beroep (% van de begonnen trajecten)',
      unit: '%',
      decimals: 1,
      countOf: 'trajecten',
      type: 'rate',
      derived: true,
      rate: { numerator: 'trajecten_herhaald_beroep', denominator: 'trajecten_begonnen', denominatorLabel: 'begonnen trajecten', per: 100 },
      definition: 'Het deel van de begonnen trajecten dat herhaald beroep was, berekend door deze site uit de twee aantallen.',
    },
  ],
  ignore: [],
};

/**
 * Kerncijfers wijken en buurten: one CBS table per year, each with its own id and its own ordinals in the
 * column keys (Omgevingsadressendichtheid_117 in 2022, _121 in 2024), so keys are matched without them.
 */
export const KERNCIJFERS_WIJKEN_EN_BUURTEN: Readonly<Record<string, number>> = {
  '83765NED': 2017,
  '84286NED': 2018,
  '84583NED': 2019,
  '84799NED': 2020,
  '85039NED': 2021,
  '85318NED': 2022,
  '85618NED': 2023,
  '85984NED': 2024,
};
/** "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio". */
export const BEVOLKING_LEEFTIJD = '03759NED';

/**
 * "Kenmerken van gemeenten" (issue 13): the characteristics statistical neighbours are chosen on, from
 * Kerncijfers wijken en buurten (inhabitants, average standardised income, omgevingsadressendichtheid) and the
 * population by age (inhabitants and, folded by population-by-age.ts, the share under 18). Both fill the one
 * dataset, row by row: where both give the inhabitants of a gemeente they must agree.
 *
 * The verdeelmodel factors eenoudergezinnen, huishoudens_bijstand and jongeren_laag_inkomen (the measure ids
 * of the demonstration data) are in neither table with that definition: Kerncijfers counts persons on bijstand
 * (not households) and households with a low income (not youths), and has no single-parent households. They are
 * left out rather than filled with something else under their name; the site compares on what there is.
 */
export const KENMERKEN: TableProfile = {
  id: KENMERKEN_DATASET,
  title: 'Kenmerken van gemeenten',
  shortTitle: 'Kenmerken van gemeenten',
  description:
    'Kenmerken van de bevolking van elke gemeente per jaar: het aantal inwoners, het aandeel jongeren tot 18 jaar, ' +
    'het gemiddelde inkomen en de stedelijkheid. Deze site vergelijkt er gemeenten mee die op elkaar lijken. Het zijn ' +
    'geen cijfers over jeugdzorg.',
  source: {
    name: 'CBS',
    table: 'Kerncijfers wijken en buurten; 03759ned',
    url: 'https://www.cbs.nl/nl-nl/reeksen/kerncijfers-wijken-en-buurten-2004-heden',
    note:
      'Kerncijfers wijken en buurten verschijnt per jaar als eigen tabel (2022: 85318NED). Inwoners en leeftijden: ' +
      'CBS-tabel 03759ned, Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio.',
  },
  tableIds: [...Object.keys(KERNCIJFERS_WIJKEN_EN_BUURTEN), BEVOLKING_LEEFTIJD],
  measures: [
    { ...kenmerkMeasure('inwoners', 'Volgens de Basisregistratie Personen.'), keys: ['AantalInwoners_5', 'BevolkingOp1Januari_1', 'Aantal inwoners', 'Bevolking op 1 januari'] },
    { ...kenmerkMeasure('aandeel_jongeren_tot_18', 'Door deze site berekend uit de bevolking naar leeftijd (03759ned).'), keys: [SHARE_UNDER_18_KEY] },
    {
      ...kenmerkMeasure('gemiddeld_inkomen'),
      keys: ['GemGestandaardiseerdInkomenVanHuish_75', 'Gem. gestandaardiseerd inkomen van huish.', 'Gemiddeld gestandaardiseerd inkomen van huishoudens'],
    },
    { ...kenmerkMeasure('omgevingsadressendichtheid'), keys: ['Omgevingsadressendichtheid_117', 'Omgevingsadressendichtheid'] },
  ],
  ignore: [],
  onlyNamed: true,
  regionKinds: ['land', 'gemeente'],
  prepare: foldPopulationByAge,
  footnotes: [
    {
      id: 'kerncijfers-inkomen',
      text:
        'In Kerncijfers wijken en buurten gaat het inkomen over een eerder jaar dan het aantal inwoners; zie de ' +
        'toelichting van CBS bij de tabel van het jaar.',
      appliesTo: { measures: ['gemiddeld_inkomen'] },
    },
  ],
};

/**
 * The Iv3 data of gemeenten (dataderden.cbs.nl, one table per boekjaar), folded by src/lib/import/iv3.ts into
 * the lasten on 6.72 and 6.82 per gemeente and year: dataset `kosten-jeugd`, as the demonstration data has it but
 * without the rates per youth and per inhabitant (the Iv3 tables have no population) and without Nederland,
 * provincies and jeugdregio's (CBS publishes gemeenten; a sum would hide gemeenten that did not deliver).
 * UNVERIFIED against CBS's documentation: the table ids and column keys come from third-party code that reads
 * these tables (see iv3.ts).
 */
export const IV3_GEMEENTEN: TableProfile = {
  id: KOSTEN_DATASET,
  title: 'Lasten jeugdzorg van gemeenten; begroting en realisatie, taakveld',
  shortTitle: 'Kosten jeugdzorg',
  description:
    'Wat gemeenten per jaar uitgeven aan jeugdhulp, jeugdbescherming en jeugdreclassering: de lasten op de taakvelden ' +
    '6.72 (maatwerkdienstverlening 18-) en 6.82 (geëscaleerde zorg 18-) volgens hun begroting en hun jaarrekening ' +
    '(realisatie), per gemeente, uit de Iv3-gegevens die gemeenten aan CBS leveren. Uitgaven zijn geen gebruik, en ' +
    'gemeenten boeken niet allemaal op dezelfde manier; zie de voetnoten.',
  source: {
    name: 'CBS',
    table: 'Gemeenten; onbewerkte Iv3-data (per boekjaar)',
    note:
      'CBS publiceert de Iv3-gegevens van gemeenten per boekjaar als eigen tabel op dataderden.cbs.nl (2024: 45067NED, ' +
      '2025: 45071NED). Deze site telt de lasten (categorieën L) op de taakvelden 6.72–6.74 en 6.82 op.',
  },
  tableIds: ['45063NED', '45067NED', '45071NED', '45078NED'],
  measures: VERSLAGSOORTEN.flatMap((soort) =>
    AMOUNT_PARTS.map((part) => ({ ...amountMeasure(part, soort, 'Door deze site opgeteld uit de Iv3-gegevens van de gemeente.'), keys: [`lasten_${part}_${soort}`] })),
  ),
  ignore: [],
  onlyNamed: true,
  regionKinds: ['gemeente'],
  prepare: foldIv3,
  footnotes: kostenFootnotes(),
  trendBreaks: KOSTEN_TREND_BREAKS,
};

export const TABLE_PROFILES: readonly TableProfile[] = [JEUGDZORG_WIJKEN, INDICATOREN_GEMEENTEN, TRAJECTEN_VERWIJZER, KENMERKEN, IV3_GEMEENTEN];

/** Compares CBS keys and labels loosely: case, accents, spacing and the OData `_n` ordinal do not matter. */
export function normaliseKey(key: string): string {
  return key
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A v3 topic key without its ordinal; v4 identifiers (`M004127_2`) keep theirs, it is part of the id. */
function withoutOrdinal(key: string): string {
  const normal = normaliseKey(key);
  return /^m\d+(_\d+)?$/.test(normal) ? normal : normal.replace(/_\d+$/, '');
}

/** A column of an export as the profiles see it: its CBS key and title, its unit, and its figures. */
export interface SourceColumn {
  key: string;
  label?: string | undefined;
  /** As the source states it (StatLine header, OData metadata); undefined for a saved CSV without metadata. */
  unit?: string | undefined;
  /** The column's figures, read only when the source states no unit. */
  values?: (() => readonly number[]) | undefined;
}

/**
 * What kind of unit a CBS unit text is: `procent` ("%", "% (zie toelichting)"), `per 1000` ("per 1 000
 * jongeren"), `aantal` ("aantal", "aantal trajecten"); any other unit is its own kind ("dagen", "x 1 000",
 * "mln euro"), so a count in thousands is no count. Undefined for no unit.
 */
export function unitKind(unit: string | undefined): string | undefined {
  // "x 1 000 euro" (CBS) and "× 1.000 euro" (this site) are one unit: the multiplication sign and the thousands separator do not matter.
  const text = unit?.trim().toLowerCase().replace(/×/g, 'x').replace(/(\d)[ .](?=\d{3}\b)/g, '$1').replace(/\s+/g, ' ');
  if (!text) return undefined;
  if (text.includes('%') || /\bprocent/.test(text)) return 'procent';
  // A density: "per km²", "aantal per km2", "adressen per km²".
  if (/per km(2|²)?$/.test(text)) return 'per km2';
  const per = /^per ([\d .]+)/.exec(text);
  if (per) return `per ${per[1]!.replace(/[ .]/g, '')}`;
  if (/^aantal\b/.test(text)) return 'aantal';
  return text;
}

/**
 * Why a column cannot be this profile measure although its key or title names it: its unit is of another
 * kind, or, where the source states no unit, its figures cannot be of the measure's unit (decimals in a
 * count, more than 100 in a percentage). Undefined when they agree.
 */
export function unitMismatch(measure: { unit: string }, source: SourceColumn): string | undefined {
  const wanted = unitKind(measure.unit);
  const stated = unitKind(source.unit);
  if (stated !== undefined) return stated === wanted ? undefined : `eenheid "${source.unit}", het profiel verwacht "${measure.unit}"`;
  if (!source.values || (wanted !== 'aantal' && wanted !== 'procent')) return undefined;
  const values = source.values();
  if (wanted === 'aantal') {
    const fraction = values.find((v) => !Number.isInteger(v));
    return fraction === undefined ? undefined : `cijfers met decimalen (zoals ${fraction}), het profiel verwacht een aantal`;
  }
  const outside = values.find((v) => v < 0 || v > 100);
  return outside === undefined ? undefined : `cijfers buiten 0 tot 100 (zoals ${outside}), het profiel verwacht een percentage`;
}

/**
 * The profile measures a source measure's name stands for, best first: by its key, then by the key with
 * another ordinal (the wijken tables renumber per year), then by its CBS title (the same in v3, v4 and
 * StatLine). The unit is not looked at here.
 */
function namedMeasures(profile: TableProfile, source: SourceColumn): MeasureProfile[] {
  const exact = normaliseKey(source.key);
  const label = source.label !== undefined ? normaliseKey(source.label) : undefined;
  const found = [
    ...profile.measures.filter((m) => m.keys.some((k) => normaliseKey(k) === exact)),
    ...profile.measures.filter((m) => m.keys.some((k) => withoutOrdinal(k) === withoutOrdinal(source.key))),
    ...(label ? profile.measures.filter((m) => m.keys.some((k) => normaliseKey(k) === label)) : []),
  ];
  return [...new Set(found)];
}

/**
 * The profile measure a source measure stands for: named by its key or title (namedMeasures) and of the
 * same unit. A column of counts titled like a profile's percentage ("Jongeren met jeugdhulp in natura
 * (aantal)" beside 82972NED's "(%)") is not that measure: it imports as a measure of its own.
 */
export function findProfileMeasure(profile: TableProfile, source: SourceColumn): MeasureProfile | undefined {
  return namedMeasures(profile, source).find((m) => unitMismatch(m, source) === undefined);
}

/** A profile measure the column is named like but cannot be, with the reason; for the import's notices. */
export function misnamedProfileMeasure(profile: TableProfile, source: SourceColumn): { measure: MeasureProfile; reason: string } | undefined {
  if (findProfileMeasure(profile, source)) return undefined;
  const measure = namedMeasures(profile, source)[0];
  return measure && { measure, reason: unitMismatch(measure, source)! };
}

export function isIgnoredKey(profile: TableProfile, key: string): boolean {
  return profile.ignore.some((k) => normaliseKey(k) === normaliseKey(key) || withoutOrdinal(k) === withoutOrdinal(key));
}

/**
 * The profile of a table: by its CBS id when the source names it, otherwise the profile that knows most of
 * its measures, by key or title and unit (a saved export does not say which table it is).
 */
export function matchProfile(
  table: { tableId?: string | undefined; measures: ReadonlyArray<SourceColumn> },
  profiles: readonly TableProfile[] = TABLE_PROFILES,
): TableProfile | undefined {
  const id = table.tableId?.toUpperCase();
  const byId = id ? profiles.find((p) => p.tableIds.includes(id)) : undefined;
  if (byId) return byId;
  let best: { profile: TableProfile; known: number } | undefined;
  for (const profile of profiles) {
    const known = table.measures.filter((m) => findProfileMeasure(profile, m)).length;
    if (known > 0 && (!best || known > best.known)) best = { profile, known };
  }
  return best?.profile;
}
