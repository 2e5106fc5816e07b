/**
 * The metadata of the demonstration datasets: titles, descriptions, dimensions, measures with their
 * toelichting, footnotes and trend breaks, written after the CBS tables they imitate. Periods, regions,
 * release and history are filled in by the generator (generate.ts).
 */
import { AVERAGE_DURATION } from '../data/average-duration';
import { withMinimumDenominator } from '../data/dataset';
import type { DatasetMetaInput } from '../../schemas/dataset';
import { WIJK_VERWIJZERS } from './wijk-trajecten';

export type DatasetSpec = Omit<DatasetMetaInput, 'release' | 'periods' | 'regions' | 'history'>;

export const FICTITIOUS_SOURCE = 'Fictieve demonstratiecijfers, naar het model van CBS';
export const FICTITIOUS_ATTRIBUTION = 'Fictieve demonstratiecijfers (model: CBS beleidsinformatie jeugd)';
export const POPULATION_SOURCE = 'CBS Bevolkingsstatistiek (fictief afgeleid)';

const FICTITIOUS_NOTE =
  'Deze cijfers zijn fictief. Ze zijn gemaakt met een eigen, reproduceerbaar rekenmodel van deze site ' +
  'en dienen alleen om de publicatie te demonstreren. Gemeentecodes, -namen en herindelingen zijn wel echt ' +
  '(bron: CBS), net als de inwoneraantallen van 2021 en 2022; de inwoners van andere jaren en de jongeren naar ' +
  'leeftijd zijn daaruit afgeleid met een fictieve trend.';

// The table as published; the site shows it on today's indeling by default (TableExplanation says how), so
// the description says which of the two it describes.
const INDELING_NOTE =
  'Zoals gepubliceerd staat elke periode op de gemeentelijke indeling van haar eigen jaar: een gemeente die is ' +
  'opgeheven komt voor tot en met haar laatste jaar (Weesp tot en met 2022), en de gemeente die haar overnam is ' +
  'vanaf het jaar van de herindeling groter. De tabellen en gemeentepagina’s van deze site tonen de cijfers ' +
  'standaard omgerekend naar de gemeentelijke indeling van nu.';

export function fictitiousCommon(table: string, description: string): Pick<DatasetSpec, 'description' | 'source' | 'licence' | 'attribution' | 'fictitious'> {
  return {
    description: `${description}\n\n${INDELING_NOTE}\n\n${FICTITIOUS_NOTE}`,
    source: {
      name: FICTITIOUS_SOURCE,
      table,
      note: `Opzet, indelingen en definities volgen de CBS-tabel ${table}; de cijfers zelf komen niet van CBS.`,
    },
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.nl' },
    attribution: FICTITIOUS_ATTRIBUTION,
    fictitious: true,
  };
}

const WOONPLAATSBEGINSEL = {
  id: 'woonplaatsbeginsel',
  text:
    'Jeugdhulp, jeugdbescherming en jeugdreclassering worden toegerekend aan de gemeente waar de gezagsdrager ' +
    'woont (woonplaatsbeginsel). Bij jongeren onder voogdij en jongeren van 18 jaar en ouder telt hun eigen ' +
    'woonplaats; wie van hen in een verblijfsinstelling woont, telt mee in de gemeente waar de instelling staat. ' +
    'Dat verhoogt de cijfers van gemeenten met een grote instelling.',
  appliesTo: {},
};

/**
 * The footnote on the year figures beside the half years: one text for every such table, so that a page that
 * uses several shows it once.
 */
const YEAR_NOTE = {
  id: 'jaarcijfers',
  text:
    'De tabel heeft naast de halfjaren ook elk heel jaar (bijvoorbeeld 2025). Een jongere die in beide halfjaren meetelt, telt ' +
    'in het jaar één keer mee, net als een traject dat in beide halfjaren liep: zo’n jaarcijfer is geen optelsom ' +
    'van de halfjaren en niet met een halfjaar te vergelijken. Gestarte en beëindigde trajecten van een jaar zijn ' +
    'wel die van de twee halfjaren samen. Het jaar verschijnt in april, met het 2e halfjaar, en is definitief als ' +
    'het 1e halfjaar van het jaar erna verschijnt.',
  appliesTo: {},
};

const JEUGDWET_BREAK = {
  from: '2015HJ01',
  note:
    'Met de Jeugdwet (1 januari 2015) begint een nieuwe reeks. Cijfers over jeugdzorg van vóór 2015 zijn niet ' +
    'vergelijkbaar; deze tabel begint daarom in 2015.',
};

/** Measures that count persons or inhabitants, as the tables use them. */
function count(id: string, label: string, countOf: 'personen' | 'trajecten' | 'inwoners', definition: string, extra: object = {}) {
  return { id, label, unit: 'aantal', decimals: 0, countOf, type: 'aantal' as const, definition, ...extra };
}

/** A rate counts what its numerator counts (`countOf`): trajecten per 1.000 jongeren are trajecten, not persons. */
function rate(id: string, label: string, numerator: string, denominator: string, denominatorLabel: string, per: 100 | 1000, definition: string, countOf: 'personen' | 'trajecten' = 'personen') {
  return withMinimumDenominator({
    id,
    label,
    unit: per === 100 ? '%' : 'per 1.000 jongeren',
    decimals: 1,
    countOf,
    type: 'rate' as const,
    derived: true,
    rate: { numerator, denominator, denominatorLabel, per },
    definition: `${definition} Berekend uit de afgeronde aantallen; bij een afgeschermd aantal is ook het percentage afgeschermd.`,
  });
}

/** The population under 18, repeated in every row of a table with a topic dimension. */
const JONGEREN_TOT_18 = count(
  'jongeren_tot_18',
  'Jongeren tot 18 jaar',
  'inwoners',
  'Het aantal inwoners jonger dan 18 jaar in de regio op 1 januari van het jaar; in elke rij hetzelfde. Fictief ' +
    'afgeleid van het werkelijke aantal inwoners volgens CBS.',
  { concept: 'bevolking', source: POPULATION_SOURCE },
);

const JEUGDHULP_DEFINITION =
  'Jongeren voor wie in de verslagperiode ten minste één jeugdhulptraject liep, met of zonder verblijf. Een jongere ' +
  'telt per periode één keer mee, ook bij meerdere trajecten. Jeugdhulp is hulp en ondersteuning bij opgroei- en ' +
  'opvoedingsproblemen, psychische problemen en stoornissen, zoals bedoeld in de Jeugdwet. Het gaat om jeugdhulp in ' +
  'natura; hulp betaald uit een persoonsgebonden budget (pgb) telt niet mee.';

const GROUP_DENOMINATOR = 'jongeren van dezelfde leeftijdsgroep en hetzelfde geslacht (bij het totaal: alle jongeren tot 18 jaar)';

export const JEUGDHULP_SPEC: DatasetSpec = {
  id: 'jeugdhulp',
  title: 'Jongeren met jeugdhulp; leeftijd, geslacht, regio',
  shortTitle: 'Jongeren met jeugdhulp',
  ...fictitiousCommon(
    '85100NED',
    'Het aantal jongeren met jeugdhulp per halfjaar en per jaar, met en zonder verblijf, naar leeftijd en geslacht, voor ' +
      'Nederland, provincies, jeugdregio’s en gemeenten. Naast de aantallen staat het aantal jongeren in dezelfde ' +
      'groep, zodat het percentage jongeren met jeugdhulp kan worden berekend.',
  ),
  dimensions: [
    {
      id: 'leeftijd',
      label: 'Leeftijd',
      description: 'Leeftijd van de jongere op het eind van de verslagperiode.',
      codes: [
        { code: 'T001', label: 'Totaal tot 18 jaar', total: true },
        { code: '00-04', label: '0 tot 4 jaar' },
        { code: '04-12', label: '4 tot 12 jaar' },
        { code: '12-18', label: '12 tot 18 jaar' },
        {
          code: '18-23',
          label: '18 tot 23 jaar (verlengde jeugdhulp)',
          description: 'Jeugdhulp na het 18e jaar (verlengde jeugdhulp). Niet inbegrepen in het totaal tot 18 jaar.',
          outsideTotal: true,
        },
      ],
    },
    {
      id: 'geslacht',
      label: 'Geslacht',
      description: '',
      codes: [
        { code: 'T001038', label: 'Totaal', total: true },
        { code: '3000', label: 'Jongens' },
        { code: '4000', label: 'Meisjes' },
      ],
    },
  ],
  measures: [
    count('jongeren_jeugdhulp', 'Jongeren met jeugdhulp', 'personen', JEUGDHULP_DEFINITION, { concept: 'jongeren-jeugdhulp', shortLabel: 'Met jeugdhulp' }),
    count(
      'jongeren_zonder_verblijf',
      'Jongeren met jeugdhulp zonder verblijf',
      'personen',
      'Jongeren die in de verslagperiode jeugdhulp kregen zonder verblijf buiten het eigen gezin: hulp van het ' +
        'wijkteam, ambulante hulp, daghulp of hulp in het netwerk. Wie in dezelfde periode ook jeugdhulp met verblijf ' +
        'had, telt in beide groepen mee; daarom is de som van met en zonder verblijf groter dan het totaal.',
      { concept: 'jongeren-jeugdhulp-zonder-verblijf', shortLabel: 'Zonder verblijf' },
    ),
    count(
      'jongeren_met_verblijf',
      'Jongeren met jeugdhulp met verblijf',
      'personen',
      'Jongeren die in de verslagperiode jeugdhulp kregen met verblijf buiten het eigen gezin: pleegzorg, ' +
        'gezinsgerichte hulp (zoals een gezinshuis), een gesloten plaatsing of ander verblijf bij een jeugdhulpaanbieder.',
      { concept: 'jongeren-jeugdhulp-met-verblijf', shortLabel: 'Met verblijf' },
    ),
    count(
      'jongeren',
      'Jongeren in de groep',
      'inwoners',
      'Het aantal inwoners van dezelfde leeftijdsgroep en hetzelfde geslacht in de regio, op 1 januari van het jaar. ' +
        'Fictief afgeleid van het werkelijke aantal inwoners volgens CBS.',
      { concept: 'bevolking', source: POPULATION_SOURCE, shortLabel: 'Jongeren' },
    ),
    rate('jongeren_jeugdhulp_pct', 'Jongeren met jeugdhulp (%)', 'jongeren_jeugdhulp', 'jongeren', GROUP_DENOMINATOR, 100,
      'Jongeren met jeugdhulp als percentage van alle jongeren van dezelfde leeftijdsgroep en hetzelfde geslacht.'),
    rate('jongeren_zonder_verblijf_pct', 'Jongeren met jeugdhulp zonder verblijf (%)', 'jongeren_zonder_verblijf', 'jongeren', GROUP_DENOMINATOR, 100,
      'Jongeren met jeugdhulp zonder verblijf als percentage van alle jongeren van dezelfde leeftijdsgroep en hetzelfde geslacht.'),
    rate('jongeren_met_verblijf_pct', 'Jongeren met jeugdhulp met verblijf (%)', 'jongeren_met_verblijf', 'jongeren', GROUP_DENOMINATOR, 100,
      'Jongeren met jeugdhulp met verblijf als percentage van alle jongeren van dezelfde leeftijdsgroep en hetzelfde geslacht.'),
  ],
  footnotes: [
    WOONPLAATSBEGINSEL,
    YEAR_NOTE,
    {
      id: 'verlengde-jeugdhulp',
      text:
        'De groep 18 tot 23 jaar (verlengde jeugdhulp) is niet inbegrepen in het totaal tot 18 jaar. Het percentage ' +
        'van deze groep is berekend op alle inwoners van 18 tot 23 jaar.',
      appliesTo: { topics: { leeftijd: ['18-23', 'T001'] } },
    },
  ],
  trendBreaks: [JEUGDWET_BREAK],
};

const TRAJECT_DEFINITION =
  'Een jeugdhulptraject is een vorm van jeugdhulp die een aanbieder aan een jongere levert, van begin tot einde. ' +
  'Eén jongere kan in dezelfde periode meerdere trajecten hebben; trajecten zijn dus geen personen.';

/** Trajecten per 1.000 youths count the trajecten of every age over the youths under 18 (CBS does the same). */
const ALL_AGES_RATIO = 'Ook de trajecten van jongeren van 18 jaar en ouder (verlengde jeugdhulp) tellen mee: het is een verhouding, geen deel van de jongeren.';

export const TRAJECTEN_SPEC: DatasetSpec = {
  id: 'jeugdhulptrajecten',
  title: 'Jeugdhulptrajecten; hulpvorm, regio',
  shortTitle: 'Jeugdhulptrajecten',
  ...fictitiousCommon(
    '85097NED',
    'Het aantal jeugdhulptrajecten per halfjaar en per jaar naar hulpvorm: lopend op enig moment in de periode, gestart en ' +
      'beëindigd, voor Nederland, provincies, jeugdregio’s en gemeenten. De tabel telt trajecten, geen personen. ' +
      'Ook trajecten van jongeren van 18 jaar en ouder tellen mee; het aantal per 1.000 jongeren is berekend op de ' +
      'jongeren tot 18 jaar.',
  ),
  dimensions: [
    {
      id: 'hulpvorm',
      label: 'Hulpvorm',
      description: 'De vorm van de jeugdhulp, zoals de aanbieder die aan CBS levert.',
      codes: [
        { code: 'T001', label: 'Totaal jeugdhulp', total: true },
        { code: '01', label: 'Jeugdhulp in de wijk (wijkteam)', group: 'Jeugdhulp zonder verblijf' },
        { code: '02', label: 'Ambulant op locatie aanbieder', group: 'Jeugdhulp zonder verblijf' },
        { code: '03', label: 'Daghulp', group: 'Jeugdhulp zonder verblijf' },
        { code: '04', label: 'Jeugdhulp in het netwerk', group: 'Jeugdhulp zonder verblijf' },
        { code: '11', label: 'Pleegzorg', group: 'Jeugdhulp met verblijf' },
        { code: '12', label: 'Gezinsgericht', group: 'Jeugdhulp met verblijf', description: 'Verblijf in een gezinshuis of een andere gezinsgerichte vorm.' },
        { code: '13', label: 'Gesloten plaatsing', group: 'Jeugdhulp met verblijf', description: 'Verblijf in een instelling voor gesloten jeugdhulp, na een machtiging van de kinderrechter.' },
        { code: '14', label: 'Overig verblijf', group: 'Jeugdhulp met verblijf' },
      ],
    },
  ],
  measures: [
    count('trajecten_lopend', 'Lopende trajecten (op enig moment in de periode)', 'trajecten',
      `Trajecten die op enig moment in de verslagperiode liepen: gestart vóór of in de periode en niet beëindigd vóór de periode. ${TRAJECT_DEFINITION}`,
      { concept: 'trajecten-lopend', shortLabel: 'Lopend' }),
    count('trajecten_gestart', 'Gestarte trajecten', 'trajecten', `Trajecten met een startdatum in de verslagperiode. ${TRAJECT_DEFINITION}`,
      { concept: 'trajecten-gestart', shortLabel: 'Gestart' }),
    count('trajecten_beeindigd', 'Beëindigde trajecten', 'trajecten', `Trajecten met een einddatum in de verslagperiode. ${TRAJECT_DEFINITION}`,
      { concept: 'trajecten-beeindigd', shortLabel: 'Beëindigd' }),
    JONGEREN_TOT_18,
    rate('trajecten_lopend_per_1000', 'Lopende trajecten per 1.000 jongeren', 'trajecten_lopend', 'jongeren_tot_18', 'jongeren tot 18 jaar', 1000,
      `Lopende trajecten per 1.000 inwoners jonger dan 18 jaar. ${ALL_AGES_RATIO}`, 'trajecten'),
    rate('trajecten_gestart_per_1000', 'Gestarte trajecten per 1.000 jongeren', 'trajecten_gestart', 'jongeren_tot_18', 'jongeren tot 18 jaar', 1000,
      `Gestarte trajecten per 1.000 inwoners jonger dan 18 jaar. ${ALL_AGES_RATIO}`, 'trajecten'),
    rate('trajecten_beeindigd_per_1000', 'Beëindigde trajecten per 1.000 jongeren', 'trajecten_beeindigd', 'jongeren_tot_18', 'jongeren tot 18 jaar', 1000,
      `Beëindigde trajecten per 1.000 inwoners jonger dan 18 jaar. ${ALL_AGES_RATIO}`, 'trajecten'),
  ],
  footnotes: [
    WOONPLAATSBEGINSEL,
    YEAR_NOTE,
    {
      id: 'wijkteam',
      text:
        'Jeugdhulp in de wijk (wijkteam) is onvolledig geregistreerd: alleen de wijkteams van een deel van de ' +
        'gemeenten leveren gegevens aan CBS. Waar geen gegevens zijn geleverd staat een punt. Ook het totaal ' +
        'is daardoor tussen gemeenten niet goed vergelijkbaar.',
      appliesTo: { topics: { hulpvorm: ['01', 'T001'] } },
    },
    {
      id: 'einddatum-geschat',
      text:
        'Van ongeveer 15% van de trajecten is de einddatum niet geleverd; die is geschat (geïmputeerd). ' +
        'Beëindigde en lopende trajecten zijn daardoor minder nauwkeurig dan gestarte.',
      appliesTo: { measures: ['trajecten_beeindigd', 'trajecten_lopend', 'trajecten_beeindigd_per_1000', 'trajecten_lopend_per_1000'] },
    },
  ],
  trendBreaks: [JEUGDWET_BREAK],
};

const VERWIJZER_JEUGDBESCHERMING =
  'Bij jongeren met een jeugdbeschermingsmaatregel wordt de verwijzer niet eenduidig geregistreerd: de ene ' +
  'aanbieder noteert de gecertificeerde instelling, de andere de rechter of de gemeente.';

export const VERWIJZERS_SPEC: DatasetSpec = {
  id: 'verwijzers',
  title: 'Gestarte jeugdhulptrajecten; verwijzer, regio',
  shortTitle: 'Verwijzers',
  ...fictitiousCommon(
    '85097NED',
    'Het aantal gestarte jeugdhulptrajecten per halfjaar en per jaar naar verwijzer, voor Nederland, provincies, jeugdregio’s ' +
      'en gemeenten. De tabel telt trajecten, geen personen. Het aandeel van een verwijzer is een deel van het ' +
      'totaal aantal gestarte trajecten.',
  ),
  dimensions: [
    {
      id: 'verwijzer',
      label: 'Verwijzer',
      description: 'Wie de jongere naar de jeugdhulp heeft verwezen, zoals de aanbieder het registreert.',
      codes: [
        { code: 'T001', label: 'Totaal gestarte trajecten', total: true },
        { code: '01', label: 'Gemeentelijke toegang', description: 'Het wijk- of jeugdteam of een andere toegang van de gemeente.' },
        { code: '02', label: 'Huisarts' },
        { code: '03', label: 'Jeugdarts' },
        { code: '04', label: 'Gecertificeerde instelling' },
        { code: '05', label: 'Medisch specialist' },
        { code: '06', label: 'Geen verwijzer', description: 'De jongere of de ouders kwamen zelf, zonder verwijzing.' },
        { code: '08', label: 'Rechter, officier van justitie' },
        { code: '99', label: 'Verwijzer onbekend' },
      ],
    },
  ],
  measures: [
    count('trajecten_gestart', 'Gestarte trajecten', 'trajecten', `Trajecten met een startdatum in de verslagperiode, naar verwijzer. ${TRAJECT_DEFINITION}`,
      { concept: 'trajecten-gestart', shortLabel: 'Gestart' }),
  ],
  footnotes: [
    WOONPLAATSBEGINSEL,
    YEAR_NOTE,
    {
      id: 'verwijzer-jeugdbescherming',
      text: VERWIJZER_JEUGDBESCHERMING,
      appliesTo: { topics: { verwijzer: ['04', '08'] } },
    },
  ],
  trendBreaks: [JEUGDWET_BREAK],
};

const MAATREGEL_DESCRIPTION = 'De jeugdbeschermingsmaatregel die de kinderrechter oplegde en een gecertificeerde instelling uitvoert.';

/** The maatregelen after the total, the same in the table of youths and that of measures. */
const MAATREGEL_CODES = [
  {
    code: 'OTS',
    label: 'Ondertoezichtstelling',
    description: 'De kinderrechter stelt de jongere onder toezicht van een gecertificeerde instelling, voor ten hoogste een jaar, met verlenging.',
  },
  {
    code: 'VOTS',
    label: 'Voorlopige ondertoezichtstelling',
    description: 'Een ondertoezichtstelling bij acute zorgen, voor ten hoogste drie maanden, in afwachting van het besluit over een gewone.',
  },
  { code: 'VOOGDIJ', label: 'Voogdij', description: 'De gecertificeerde instelling heeft het gezag over de jongere, nadat het gezag van de ouders is beëindigd.' },
  {
    code: 'VVOOGDIJ',
    label: 'Voorlopige voogdij',
    description: 'De gecertificeerde instelling krijgt tijdelijk het gezag, bij acute zorgen, terwijl de rechter over het gezag van de ouders beslist.',
  },
  {
    code: 'TVOOGDIJ',
    label: 'Tijdelijke voogdij',
    description: 'Voogdij door de gecertificeerde instelling zolang niemand anders het gezag kan uitoefenen, bijvoorbeeld na een schorsing van het gezag.',
  },
];

const PLACEMENT_DEFINITION =
  'Jongeren met jeugdbescherming die in dezelfde verslagperiode ook jeugdhulp met verblijf kregen: pleegzorg, ' +
  'gezinsgerichte hulp (zoals een gezinshuis), een gesloten plaatsing of ander verblijf. Dit is het cijfer dat ' +
  'vaak uithuisplaatsing heet; het zegt niet of de jongere op grond van de maatregel uit huis werd geplaatst, ' +
  'of hoe lang.';

export const JEUGDBESCHERMING_SPEC: DatasetSpec = {
  id: 'jeugdbescherming',
  title: 'Jongeren met jeugdbescherming; maatregel, regio',
  shortTitle: 'Jeugdbescherming',
  ...fictitiousCommon(
    '85100NED',
    'Het aantal jongeren met een jeugdbeschermingsmaatregel per halfjaar en per jaar, naar maatregel, voor Nederland, ' +
      'provincies, jeugdregio’s en gemeenten, en hoeveel van hen ook jeugdhulp met verblijf kregen.',
  ),
  dimensions: [
    {
      id: 'maatregel',
      label: 'Maatregel',
      description: MAATREGEL_DESCRIPTION,
      // A youth with an OTS and then a voogdij in one half year counts under both: the measures do not add up.
      additive: false,
      codes: [
        { code: 'T001', label: 'Totaal jeugdbescherming', total: true, description: 'Een jongere met meer dan één maatregel in de periode telt één keer mee.' },
        ...MAATREGEL_CODES,
      ],
    },
  ],
  measures: [
    count('jongeren_jeugdbescherming', 'Jongeren met jeugdbescherming', 'personen',
      'Jongeren voor wie in de verslagperiode een jeugdbeschermingsmaatregel liep: een (voorlopige) ondertoezichtstelling ' +
        'of een (voorlopige of tijdelijke) voogdij. Een jongere met meer maatregelen in de periode telt bij elke maatregel ' +
        'en één keer in het totaal mee.',
      { concept: 'jongeren-jeugdbescherming', shortLabel: 'Met jeugdbescherming' }),
    count('jongeren_jeugdbescherming_verblijf', 'Jongeren met jeugdbescherming en jeugdhulp met verblijf', 'personen', PLACEMENT_DEFINITION,
      { concept: 'jongeren-jeugdbescherming-met-verblijf', shortLabel: 'Ook met verblijf' }),
    JONGEREN_TOT_18,
    rate('jongeren_jeugdbescherming_pct', 'Jongeren met jeugdbescherming (%)', 'jongeren_jeugdbescherming', 'jongeren_tot_18', 'jongeren tot 18 jaar', 100,
      'Jongeren met jeugdbescherming als percentage van alle jongeren tot 18 jaar.'),
    rate('jongeren_jeugdbescherming_verblijf_pct', 'Jongeren met jeugdbescherming en jeugdhulp met verblijf (% van jeugdbescherming)',
      'jongeren_jeugdbescherming_verblijf', 'jongeren_jeugdbescherming', 'jongeren met jeugdbescherming', 100,
      'Jongeren met jeugdbescherming die ook jeugdhulp met verblijf kregen, als percentage van alle jongeren met jeugdbescherming (bij een ' +
        'maatregel: van de jongeren met die maatregel).'),
  ],
  footnotes: [WOONPLAATSBEGINSEL, YEAR_NOTE],
  trendBreaks: [JEUGDWET_BREAK],
};

const MAATREGELEN_DEFINITION =
  'Een maatregel telt als traject: van de uitspraak van de kinderrechter tot het einde. Eén jongere kan in dezelfde ' +
  'periode meer maatregelen hebben (een voorlopige ondertoezichtstelling en daarna een gewone); maatregelen zijn dus geen personen.';

export const JEUGDBESCHERMING_TRAJECTEN_SPEC: DatasetSpec = {
  id: 'jeugdbeschermingstrajecten',
  title: 'Jeugdbeschermingstrajecten; maatregel, regio',
  shortTitle: 'Maatregelen jeugdbescherming',
  ...fictitiousCommon(
    '82975NED',
    'Het aantal jeugdbeschermingsmaatregelen per halfjaar en per jaar naar maatregel: lopend op enig moment in de periode, ' +
      'begonnen en beëindigd, voor Nederland, provincies, jeugdregio’s en gemeenten. De tabel telt maatregelen, geen personen.',
  ),
  dimensions: [
    {
      id: 'maatregel',
      label: 'Maatregel',
      description: MAATREGEL_DESCRIPTION,
      codes: [{ code: 'T001', label: 'Totaal maatregelen', total: true }, ...MAATREGEL_CODES],
    },
  ],
  measures: [
    count('maatregelen_lopend', 'Lopende maatregelen (op enig moment in de periode)', 'trajecten',
      `Maatregelen die op enig moment in de verslagperiode liepen: begonnen vóór of in de periode en niet beëindigd vóór de periode. ${MAATREGELEN_DEFINITION}`,
      { concept: 'maatregelen-lopend', shortLabel: 'Lopend' }),
    count('maatregelen_begonnen', 'Begonnen maatregelen', 'trajecten', `Maatregelen met een begindatum in de verslagperiode. ${MAATREGELEN_DEFINITION}`,
      { concept: 'maatregelen-begonnen', shortLabel: 'Begonnen' }),
    count('maatregelen_beeindigd', 'Beëindigde maatregelen', 'trajecten', `Maatregelen met een einddatum in de verslagperiode. ${MAATREGELEN_DEFINITION}`,
      { concept: 'maatregelen-beeindigd', shortLabel: 'Beëindigd' }),
    JONGEREN_TOT_18,
    rate('maatregelen_lopend_per_1000', 'Lopende maatregelen per 1.000 jongeren', 'maatregelen_lopend', 'jongeren_tot_18', 'jongeren tot 18 jaar', 1000,
      'Lopende maatregelen per 1.000 inwoners jonger dan 18 jaar.', 'trajecten'),
    rate('maatregelen_begonnen_per_1000', 'Begonnen maatregelen per 1.000 jongeren', 'maatregelen_begonnen', 'jongeren_tot_18', 'jongeren tot 18 jaar', 1000,
      'Begonnen maatregelen per 1.000 inwoners jonger dan 18 jaar.', 'trajecten'),
  ],
  footnotes: [
    WOONPLAATSBEGINSEL,
    YEAR_NOTE,
    {
      id: 'verlenging',
      text:
        'Een verlengde ondertoezichtstelling telt als dezelfde maatregel, niet als een nieuwe. Een voorlopige ' +
        'ondertoezichtstelling die overgaat in een gewone telt als twee maatregelen: de ene eindigt, de andere begint.',
      appliesTo: { topics: { maatregel: ['OTS', 'VOTS', 'T001'] } },
    },
  ],
  trendBreaks: [JEUGDWET_BREAK],
};

/** The new registration of jeugdreclassering from 2021 (DOMAIN.md): in the tables of youths and of trajecten. */
const JEUGDRECLASSERING_BREAK = {
  from: '2021HJ01',
  note:
    'Vanaf 2021 leveren de gecertificeerde instellingen de jeugdreclassering op een nieuwe manier aan; ' +
    'cijfers vanaf het 1e halfjaar 2021 zijn niet goed vergelijkbaar met die van eerdere jaren.',
};

export const JEUGDRECLASSERING_SPEC: DatasetSpec = {
  id: 'jeugdreclassering',
  title: 'Jongeren met jeugdreclassering; regio',
  shortTitle: 'Jeugdreclassering',
  ...fictitiousCommon(
    '82977NED',
    'Het aantal jongeren met jeugdreclassering per halfjaar en per jaar, voor Nederland, provincies, jeugdregio’s en gemeenten, ' +
      'met het aantal jongeren van 12 tot 23 jaar als basis. In kleine gemeenten gaat het om enkele jongeren: één gezin ' +
      'dat verhuist kan het percentage sterk veranderen.',
  ),
  dimensions: [],
  measures: [
    count('jongeren_jeugdreclassering', 'Jongeren met jeugdreclassering', 'personen',
      'Jongeren voor wie in de verslagperiode een jeugdreclasseringsmaatregel liep, opgelegd door de rechter of de ' +
        'Raad voor de Kinderbescherming, of in het vrijwillig kader. Jeugdreclassering geldt voor jongeren vanaf 12 jaar, ' +
        'ook na hun 18e als het strafbare feit vóór hun 18e werd gepleegd.',
      { concept: 'jongeren-jeugdreclassering', shortLabel: 'Met jeugdreclassering' }),
    count('jongeren_12_22', 'Jongeren van 12 tot 23 jaar', 'inwoners',
      'Het aantal inwoners van 12 tot en met 22 jaar in de regio op 1 januari van het jaar. Fictief afgeleid van het werkelijke aantal inwoners volgens CBS.',
      { concept: 'bevolking', source: POPULATION_SOURCE }),
    rate('jongeren_jeugdreclassering_pct', 'Jongeren met jeugdreclassering (%)', 'jongeren_jeugdreclassering', 'jongeren_12_22', 'jongeren van 12 tot 23 jaar', 100,
      'Jongeren met jeugdreclassering als percentage van alle jongeren van 12 tot 23 jaar.'),
  ],
  footnotes: [WOONPLAATSBEGINSEL, YEAR_NOTE],
  trendBreaks: [
    JEUGDWET_BREAK,
    JEUGDRECLASSERING_BREAK,
  ],
};

const JR_TRAJECT_DEFINITION =
  'Een traject is één vorm van jeugdreclassering voor één jongere, van begin tot einde. Eén jongere kan in dezelfde ' +
  'periode meer trajecten hebben (een traject in het vrijwillig kader en daarna een opgelegd); trajecten zijn dus geen personen.';

const JONGEREN_12_22 = count('jongeren_12_22', 'Jongeren van 12 tot 23 jaar', 'inwoners',
  'Het aantal inwoners van 12 tot en met 22 jaar in de regio op 1 januari van het jaar; in elke rij hetzelfde. Fictief afgeleid van het werkelijke aantal inwoners volgens CBS.',
  { concept: 'bevolking', source: POPULATION_SOURCE });

const JR_COMMON = fictitiousCommon(
  '82977NED',
  'Het aantal trajecten jeugdreclassering per halfjaar en per jaar naar soort: lopend op enig moment in de periode, begonnen ' +
    'en beëindigd, voor Nederland, provincies, jeugdregio’s en gemeenten. De tabel telt trajecten, geen personen.',
);

export const JEUGDRECLASSERING_TRAJECTEN_SPEC: DatasetSpec = {
  id: 'jeugdreclasseringstrajecten',
  title: 'Jeugdreclasseringstrajecten; soort, regio',
  shortTitle: 'Trajecten jeugdreclassering',
  ...JR_COMMON,
  source: {
    ...JR_COMMON.source,
    note:
      'Opzet en definities volgen de CBS-tabel 82977NED (Jeugdreclasseringstrajecten; regio). De indeling naar soort volgt ' +
      'de vormen van jeugdreclassering; of CBS ze in die tabel precies zo indeelt, is hier niet nagegaan. De cijfers zelf komen niet van CBS.',
  },
  dimensions: [
    {
      id: 'soort-jeugdreclassering',
      label: 'Soort jeugdreclassering',
      description: 'De vorm van jeugdreclassering die de gecertificeerde instelling uitvoert.',
      codes: [
        { code: 'T001', label: 'Totaal jeugdreclassering', total: true },
        { code: 'TB', label: 'Toezicht en begeleiding', description: 'Jeugdreclassering opgelegd door de kinderrechter of de officier van justitie, bijvoorbeeld als voorwaarde bij een straf of een schorsing van de voorlopige hechtenis.' },
        { code: 'ITBHK', label: 'ITB Harde Kern', description: 'Intensieve trajectbegeleiding voor jongeren met veel of ernstige delicten.' },
        { code: 'ITBCRIEM', label: 'ITB CRIEM', description: 'Intensieve trajectbegeleiding gericht op criminaliteit in relatie tot de integratie van etnische minderheden.' },
        { code: 'GBM', label: 'Gedragsbeïnvloedende maatregel', description: 'Een maatregel van de kinderrechter met een verplicht programma, van zes tot twaalf maanden.' },
        { code: 'VRIJWILLIG', label: 'Vrijwillig kader', description: 'Jeugdreclassering zonder uitspraak van de rechter, op advies van de Raad voor de Kinderbescherming (drang).' },
        { code: 'OVERIG', label: 'Overige jeugdreclassering', description: 'Andere vormen, zoals een scholings- en trainingsprogramma.' },
      ],
    },
  ],
  measures: [
    count('trajecten_lopend', 'Lopende trajecten (op enig moment in de periode)', 'trajecten',
      `Trajecten jeugdreclassering die op enig moment in de verslagperiode liepen. ${JR_TRAJECT_DEFINITION}`,
      { concept: 'jr-trajecten-lopend', shortLabel: 'Lopend' }),
    count('trajecten_begonnen', 'Begonnen trajecten', 'trajecten', `Trajecten jeugdreclassering met een begindatum in de verslagperiode. ${JR_TRAJECT_DEFINITION}`,
      { concept: 'jr-trajecten-begonnen', shortLabel: 'Begonnen' }),
    count('trajecten_beeindigd', 'Beëindigde trajecten', 'trajecten', `Trajecten jeugdreclassering met een einddatum in de verslagperiode. ${JR_TRAJECT_DEFINITION}`,
      { concept: 'jr-trajecten-beeindigd', shortLabel: 'Beëindigd' }),
    JONGEREN_12_22,
    rate('trajecten_lopend_per_1000', 'Lopende trajecten per 1.000 jongeren van 12 tot 23 jaar', 'trajecten_lopend', 'jongeren_12_22', 'jongeren van 12 tot 23 jaar', 1000,
      'Lopende trajecten jeugdreclassering per 1.000 inwoners van 12 tot 23 jaar.', 'trajecten'),
  ],
  footnotes: [WOONPLAATSBEGINSEL, YEAR_NOTE],
  trendBreaks: [
    JEUGDWET_BREAK,
    JEUGDRECLASSERING_BREAK,
  ],
};

/** How the definition of each verwijzer column of the wijken table says who referred. */
const VERWIJZER_PHRASE: Record<(typeof WIJK_VERWIJZERS)[number]['id'], string> = {
  trajecten_gemeentelijke_toegang: 'verwezen door de gemeentelijke toegang (het wijk- of jeugdteam of een andere toegang van de gemeente)',
  trajecten_huisarts: 'verwezen door een huisarts',
  trajecten_jeugdarts: 'verwezen door een jeugdarts',
  trajecten_gecertificeerde_instelling: 'verwezen door een gecertificeerde instelling',
  trajecten_medisch_specialist: 'verwezen door een medisch specialist',
  trajecten_rechter_ovj: 'verwezen door een rechter of officier van justitie',
  trajecten_geen_verwijzer: 'zonder verwijzing: de jongere of de ouders kwamen zelf',
  trajecten_verwijzer_onbekend: 'waarvan de aanbieder de verwijzer niet heeft geregistreerd',
};

/** The households of CBS's wijken table (Jeugdzorg in natura; wijken), in its order: id, label, definition. */
const WIJK_HOUSEHOLDS: ReadonlyArray<readonly [id: string, label: string, definition: string]> = [
  ['jongeren_eenouderhuishouden', 'Thuiswonend kind in eenouderhuishouden', 'Jongeren met jeugdhulp die thuis wonen bij één ouder.'],
  ['jongeren_bij_paar', 'Thuiswonend kind bij een paar', 'Jongeren met jeugdhulp die thuis wonen bij twee ouders, of bij een ouder en diens partner.'],
  ['jongeren_ander_huishouden', 'Ander huishouden',
    'Jongeren met jeugdhulp die niet thuis wonen bij een of twee ouders, bijvoorbeeld in een pleeggezin of een instelling.'],
];

export function wijkenSpec(wijkGemeenten: number | 'alle'): DatasetSpec {
  const which =
    wijkGemeenten === 'alle' ? 'alle gemeenten' : `de ${wijkGemeenten} grootste gemeenten (naar inwoners in 2022)`;
  return {
    id: 'jeugdhulp-wijken',
    title: 'Jongeren met jeugdhulp; wijken',
    shortTitle: 'Jeugdhulp per wijk',
    ...fictitiousCommon(
      'Jeugdzorg in natura; wijken',
      'Het aantal jongeren tot 18 jaar met jeugdhulp per jaar, ook naar het huishouden waarin ze wonen, en de ' +
        'jeugdhulptrajecten die in het jaar liepen naar verwijzer, voor Nederland, provincies, jeugdregio’s, gemeenten ' +
        `en de wijken van ${which}, naar het model van de CBS-tabel "Jeugdzorg in natura; wijken". Een jongere die ` +
        'in beide halfjaren jeugdhulp had telt één keer mee, dus het jaarcijfer is kleiner dan de som van de halfjaren. ' +
        'De wijken volgen de wijkindeling van hun jaar, met de namen van dat jaar: tot en met 2021 die van 2021, ' +
        'daarna die van 2022. Een wijk hoort bij de gemeente van dat jaar; wijken van later opgeheven gemeenten ' +
        '(zoals Weesp) ontbreken vanaf het jaar van de herindeling.',
    ),
    dimensions: [],
    measures: [
      count('jongeren_jeugdhulp', 'Jongeren met jeugdhulp', 'personen', `${JEUGDHULP_DEFINITION} Hier: jongeren tot 18 jaar, per jaar.`,
        { concept: 'jongeren-jeugdhulp', shortLabel: 'Met jeugdhulp' }),
      ...WIJK_HOUSEHOLDS.map(([id, label, definition]) =>
        count(id, `Jongeren met jeugdhulp: ${label.toLowerCase()}`, 'personen',
          `${definition} Naar de samenstelling van het huishouden, zoals in de CBS-tabel. Hier: jongeren tot 18 jaar, per jaar.`, { shortLabel: label })),
      count('trajecten_lopend', 'Lopende jeugdhulptrajecten', 'trajecten',
        `Jeugdhulptrajecten die op enig moment in het jaar liepen, van jongeren van alle leeftijden. ${TRAJECT_DEFINITION} ` +
          'Voor een gemeente, provincie, jeugdregio en Nederland zijn het dezelfde trajecten als in de tabel Jeugdhulptrajecten.',
        { shortLabel: 'Lopende trajecten' }),
      ...WIJK_VERWIJZERS.map(({ id, label, shortLabel }) =>
        count(id, `Lopende jeugdhulptrajecten, verwijzer: ${label.toLowerCase()}`, 'trajecten',
          `Jeugdhulptrajecten die in het jaar liepen, ${VERWIJZER_PHRASE[id]}. Naar verwijzer, zoals in de CBS-tabel; ` +
            'de verwijzer is die van het begin van het traject.',
          { shortLabel })),
      count('jongeren_tot_18', 'Jongeren tot 18 jaar', 'inwoners',
        'Het aantal inwoners jonger dan 18 jaar op 1 januari van het jaar. Voor wijken afgeleid van de inwoners van 0 tot 15 ' +
          'jaar en een deel van die van 15 tot 25 jaar (CBS Kerncijfers wijken en buurten 2021 en 2022), met een fictieve trend.',
        { concept: 'bevolking', source: 'CBS Kerncijfers wijken en buurten (fictief afgeleid)' }),
      rate('jongeren_jeugdhulp_pct', 'Jongeren met jeugdhulp (%)', 'jongeren_jeugdhulp', 'jongeren_tot_18', 'jongeren tot 18 jaar', 100,
        'Jongeren met jeugdhulp als percentage van alle jongeren tot 18 jaar.'),
    ],
    footnotes: [
      WOONPLAATSBEGINSEL,
      {
        id: 'wijkindeling',
        text:
          'Wijken staan op de wijkindeling van hun jaar: tot en met 2021 die van 2021, daarna die van 2022. Een wijkcode ' +
          'kan in 2022 voor een ander gebied staan dan in 2021 (zoals in Almere); zo’n wijk heeft een aparte rij met ' +
          '“andere indeling dan in 2021”, en de cijfers van de twee gebieden vormen geen reeks. Kleine wijken hebben veel ' +
          'afgeschermde cellen; gebruik daar de gemeente of een langere periode.',
        appliesTo: {},
      },
      {
        id: 'verwijzer-jeugdbescherming',
        text: VERWIJZER_JEUGDBESCHERMING,
        appliesTo: { measures: ['trajecten_gecertificeerde_instelling', 'trajecten_rechter_ovj'] },
      },
    ],
    trendBreaks: [],
    // Each youth lives in one household, each traject has one verwijzer. The gemeente, provincie, jeugdregio
    // and Nederland totals are those of the jeugdhulp table's year and the trajecten table's (their total rows);
    // only the wijken are published here alone.
    sums: [
      { total: 'jongeren_jeugdhulp', parts: WIJK_HOUSEHOLDS.map(([id]) => id) },
      { total: 'trajecten_lopend', parts: WIJK_VERWIJZERS.map(({ id }) => id) },
    ],
    disclosure: { publishedElsewhere: ['jongeren_jeugdhulp', 'trajecten_lopend'] },
  };
}

const EINDE_COMMON = fictitiousCommon(
  '85097NED',
  'Hoe jeugdhulptrajecten begonnen, hoe lang ze duurden en hoe ze eindigden, per halfjaar en per jaar, met en zonder verblijf, ' +
    'voor Nederland, provincies, jeugdregio’s en gemeenten: de begonnen trajecten en hoeveel daarvan herhaald beroep waren, ' +
    'de beëindigde trajecten naar duur en hun gemiddelde duur, en de beëindigde trajecten naar reden van beëindiging. ' +
    'De tabel telt trajecten, geen personen. Het zijn dezelfde trajecten als in de tabel Jeugdhulptrajecten.',
);

/** The duration classes of ended trajecten, after CBS (0 tot 3 maanden … 4 jaar of langer). */
const DUUR_MEASURES = [
  ['duur_0_3_maanden', '0 tot 3 maanden'],
  ['duur_3_6_maanden', '3 tot 6 maanden'],
  ['duur_6_12_maanden', '6 maanden tot 1 jaar'],
  ['duur_1_2_jaar', '1 tot 2 jaar'],
  ['duur_2_3_jaar', '2 tot 3 jaar'],
  ['duur_3_4_jaar', '3 tot 4 jaar'],
  ['duur_4_jaar_of_langer', '4 jaar of langer'],
] as const;

/** The reasons an early ending can have, after CBS's reden beëindiging. */
const VOORTIJDIG_MEASURES = [
  ['voortijdig_overeenstemming', 'In overeenstemming', 'door de jongere of ouders en de aanbieder samen besloten'],
  ['voortijdig_client', 'Eenzijdig door de cliënt', 'door de jongere of ouders gestopt, zonder instemming van de aanbieder'],
  ['voortijdig_aanbieder', 'Eenzijdig door de aanbieder', 'door de jeugdhulpaanbieder gestopt, zonder instemming van de jongere of ouders'],
  ['voortijdig_extern', 'Externe omstandigheden', 'gestopt door omstandigheden buiten de hulp, zoals een verhuizing'],
] as const;

export const EINDE_SPEC: DatasetSpec = {
  id: 'jeugdhulp-verloop',
  title: 'Jeugdhulptrajecten; herhaald beroep, duur en reden beëindiging, regio',
  shortTitle: 'Duur en einde van jeugdhulp',
  ...EINDE_COMMON,
  source: {
    ...EINDE_COMMON.source,
    note:
      'Opzet en definities volgen de CBS-tabellen 85097NED (Jeugdhulptrajecten in natura; verwijzer, regio) en 85096NED ' +
      '(Jeugdhulptrajecten in natura; verwijzer). CBS publiceert per gemeente de gemiddelde duur, herhaald beroep en ' +
      'beëindiging volgens plan of voortijdig; de duurklassen alleen voor Nederland. De onderverdeling van voortijdig ' +
      'afgesloten volgt de redenen die aanbieders aan CBS leveren; of CBS ze precies zo publiceert, is hier niet nagegaan. ' +
      'De cijfers zelf komen niet van CBS.',
  },
  dimensions: [
    {
      id: 'verblijf',
      label: 'Verblijf',
      description: 'Of de jeugdhulp met verblijf was (pleegzorg, een gezinshuis, een instelling) of zonder.',
      codes: [
        { code: 'T001', label: 'Totaal jeugdhulp', total: true },
        { code: 'ZONDER', label: 'Jeugdhulp zonder verblijf', description: 'Ook jeugdhulp in de wijk (wijkteam), waar de gemeente die levert.' },
        { code: 'MET', label: 'Jeugdhulp met verblijf' },
      ],
    },
  ],
  measures: [
    count('trajecten_gestart', 'Begonnen trajecten', 'trajecten', `Trajecten met een startdatum in de verslagperiode. ${TRAJECT_DEFINITION}`,
      { concept: 'start-trajecten', shortLabel: 'Begonnen' }),
    count('gestart_herhaald_beroep', 'Begonnen trajecten: herhaald beroep', 'trajecten',
      'Begonnen trajecten van jongeren die in de vijf jaar vóór de verslagperiode al jeugdhulp kregen (CBS: herhaald beroep). ' +
        'Een traject dat direct aansluit op een vorig traject telt niet als herhaling: er zit minstens een dag tussen.',
      { concept: 'start-herhaald-beroep', shortLabel: 'Herhaald beroep' }),
    count('trajecten_beeindigd', 'Beëindigde trajecten', 'trajecten', `Trajecten met een einddatum in de verslagperiode. ${TRAJECT_DEFINITION}`,
      { concept: 'einde-trajecten', shortLabel: 'Beëindigd' }),
    ...DUUR_MEASURES.map(([id, label]) =>
      count(id, `Beëindigde trajecten: duur ${label}`, 'trajecten', `Beëindigde trajecten die ${label} duurden, van de startdatum tot de einddatum.`,
        { concept: 'einde-duurklasse', shortLabel: label })),
    {
      ...AVERAGE_DURATION,
      definition: `${AVERAGE_DURATION.definition} Berekend uit de niet-afgeronde duur van elk traject; niet getoond (.) als er minder dan 10 trajecten eindigden, net als dat aantal zelf. Een gemiddelde naast een afgeschermd aantal (x, zie de geheimhouding) staat er wel: daaruit is dat aantal niet terug te rekenen.`,
    },
    count('beeindigd_reden_bekend', 'Beëindigde trajecten met een bekende reden', 'trajecten',
      'Beëindigde trajecten waarvan de aanbieder de reden van beëindiging leverde: volgens plan of voortijdig afgesloten.',
      { concept: 'einde-reden-bekend', shortLabel: 'Reden bekend' }),
    count('reden_volgens_plan', 'Beëindigd volgens plan', 'trajecten', 'Beëindigde trajecten die volgens plan zijn afgesloten, zoals afgesproken bij de start of later.',
      { concept: 'einde-volgens-plan', shortLabel: 'Volgens plan' }),
    count('voortijdig_afgesloten', 'Voortijdig afgesloten', 'trajecten', 'Beëindigde trajecten die eerder zijn gestopt dan gepland, om welke reden ook.',
      { shortLabel: 'Voortijdig' }),
    ...VOORTIJDIG_MEASURES.map(([id, label, what]) =>
      count(id, `Voortijdig afgesloten: ${label.toLowerCase()}`, 'trajecten', `Beëindigde trajecten die voortijdig zijn afgesloten: ${what}.`,
        { concept: 'einde-voortijdig', shortLabel: label })),
    count('reden_onbekend', 'Reden van beëindiging onbekend', 'trajecten',
      'Beëindigde trajecten zonder bekende reden: de aanbieder leverde geen reden, of CBS gaf het traject zelf een einddatum omdat ' +
        'het in een latere levering niet meer voorkwam. Deze categorie bestaat vanaf 2021; daarvoor schatte CBS een ontbrekende ' +
        'reden uit de bekende redenen.',
      { concept: 'einde-reden-onbekend', shortLabel: 'Onbekend' }),
    rate('aandeel_herhaald_beroep', 'Herhaald beroep (% van de begonnen trajecten)', 'gestart_herhaald_beroep', 'trajecten_gestart', 'begonnen trajecten', 100,
      'Het deel van de begonnen trajecten dat herhaald beroep was.', 'trajecten'),
    rate('aandeel_volgens_plan', 'Beëindigd volgens plan (% van de trajecten met een bekende reden)', 'reden_volgens_plan', 'beeindigd_reden_bekend',
      'beëindigde trajecten met een bekende reden', 100,
      'Het deel van de beëindigde trajecten met een bekende reden dat volgens plan is afgesloten. Trajecten zonder bekende reden tellen niet mee, omdat hun aandeel per gemeente en per jaar sterk verschilt.',
      'trajecten'),
  ],
  // The begun and ended trajecten are those of TRAJECTEN_SPEC, which publishes them in its total row too.
  disclosure: { publishedElsewhere: ['trajecten_gestart', 'trajecten_beeindigd'] },
  sums: [
    { total: 'trajecten_beeindigd', parts: DUUR_MEASURES.map(([id]) => id) },
    { total: 'trajecten_beeindigd', parts: ['beeindigd_reden_bekend', 'reden_onbekend'] },
    { total: 'beeindigd_reden_bekend', parts: ['reden_volgens_plan', 'voortijdig_afgesloten'] },
    { total: 'voortijdig_afgesloten', parts: VOORTIJDIG_MEASURES.map(([id]) => id) },
  ],
  footnotes: [
    WOONPLAATSBEGINSEL,
    YEAR_NOTE,
    {
      id: 'wijkteam',
      text:
        'Jeugdhulp in de wijk (wijkteam) is onvolledig geregistreerd: alleen de wijkteams van een deel van de gemeenten leveren ' +
        'gegevens aan CBS. Trajecten zonder verblijf en het totaal zijn daardoor tussen gemeenten niet goed vergelijkbaar.',
      appliesTo: { topics: { verblijf: ['T001', 'ZONDER'] } },
    },
    {
      id: 'einddatum-geschat',
      text:
        'Van ongeveer 15% van de trajecten is de einddatum niet geleverd; die is geschat (geïmputeerd). Het aantal beëindigde ' +
        'trajecten en hun duur zijn daardoor minder nauwkeurig dan het aantal begonnen trajecten.',
      appliesTo: { measures: ['trajecten_beeindigd', 'gemiddelde_duur', ...DUUR_MEASURES.map(([id]) => id), 'reden_onbekend'] },
    },
  ],
  trendBreaks: [
    JEUGDWET_BREAK,
    {
      from: '2021HJ01',
      measures: ['beeindigd_reden_bekend', 'reden_volgens_plan', 'voortijdig_afgesloten', ...VOORTIJDIG_MEASURES.map(([id]) => id), 'reden_onbekend'],
      note:
        'Vanaf 2021 telt CBS beëindigde trajecten zonder bekende reden apart (reden onbekend). Daarvoor schatte CBS een ' +
        'ontbrekende reden uit de bekende redenen. Het aandeel volgens plan is berekend over de trajecten met een bekende reden, ' +
        'en blijft daardoor vergelijkbaar; de aantallen per reden niet.',
    },
  ],
};

const STROOM_COMMON = fictitiousCommon(
  '85100NED',
  'Hoeveel jongeren tot 18 jaar per halfjaar en per jaar nieuw in de jeugdhulp kwamen (instroom) en hoeveel ermee stopten ' +
    '(uitstroom), voor Nederland, provincies, jeugdregio’s en gemeenten. De tabel telt jongeren, geen trajecten: een jongere ' +
    'die in een periode drie trajecten begint, telt één keer.',
);

const JEUGDHULP_UNDER_18 = count('jongeren_jeugdhulp', 'Jongeren met jeugdhulp (tot 18 jaar)', 'personen',
  `${JEUGDHULP_DEFINITION} Hier de jongeren tot 18 jaar, zoals in de tabel Jongeren met jeugdhulp.`, { shortLabel: 'Met jeugdhulp' });

export const STROOM_SPEC: DatasetSpec = {
  id: 'jeugdhulp-instroom',
  title: 'Jongeren met jeugdhulp; instroom en uitstroom, regio',
  shortTitle: 'In- en uitstroom van jongeren',
  ...STROOM_COMMON,
  source: {
    ...STROOM_COMMON.source,
    note:
      'Opzet en definities volgen de CBS-tabellen over jongeren met jeugdhulp (85100NED). Of en hoe CBS de in- en uitstroom ' +
      'van jongeren per gemeente publiceert, is hier niet nagegaan. De cijfers zelf komen niet van CBS.',
  },
  measures: [
    JEUGDHULP_UNDER_18,
    count('jongeren_instroom', 'Jongeren nieuw in de jeugdhulp (instroom)', 'personen',
      'Jongeren tot 18 jaar met jeugdhulp in de verslagperiode bij wie op de eerste dag van de periode geen jeugdhulptraject liep: ' +
        'hun jeugdhulp begon in de periode.',
      { concept: 'instroom-jongeren', shortLabel: 'Instroom' }),
    count('jongeren_uitstroom', 'Jongeren gestopt met jeugdhulp (uitstroom)', 'personen',
      'Jongeren tot 18 jaar met jeugdhulp in de verslagperiode bij wie op de laatste dag van de periode geen jeugdhulptraject meer liep: ' +
        'al hun jeugdhulp eindigde in de periode.',
      { concept: 'uitstroom-jongeren', shortLabel: 'Uitstroom' }),
    JONGEREN_TOT_18,
    rate('instroom_per_100', 'Instroom (% van alle jongeren tot 18 jaar)', 'jongeren_instroom', 'jongeren_tot_18', 'jongeren tot 18 jaar', 100,
      'Jongeren die nieuw in de jeugdhulp kwamen, als percentage van alle jongeren tot 18 jaar.'),
    rate('aandeel_uitstroom', 'Uitstroom (% van de jongeren met jeugdhulp)', 'jongeren_uitstroom', 'jongeren_jeugdhulp', 'jongeren met jeugdhulp', 100,
      'Jongeren die met de jeugdhulp stopten, als percentage van de jongeren tot 18 jaar met jeugdhulp in de periode.'),
  ],
  footnotes: [
    WOONPLAATSBEGINSEL,
    {
      id: 'stroom-jaren',
      text:
        'Bij een halfjaar gaan instroom en uitstroom over de eerste en de laatste dag van het halfjaar, bij een jaar over 1 januari ' +
        'en 31 december. Een jongere die in het voorjaar stopte en in het najaar opnieuw begon, telt bij beide halfjaren mee, ' +
        'maar niet bij het jaar. De jaren zijn dus geen som van de halfjaren.',
      appliesTo: {},
    },
    {
      id: 'einddatum-geschat',
      text:
        'Van ongeveer 15% van de trajecten is de einddatum niet geleverd; die is geschat (geïmputeerd). De uitstroom is daardoor ' +
        'minder nauwkeurig dan de instroom, en wordt bij nieuwe leveringen vaker herzien.',
      appliesTo: { measures: ['jongeren_uitstroom', 'aandeel_uitstroom'] },
    },
  ],
  trendBreaks: [
    {
      ...JEUGDWET_BREAK,
      note: `${JEUGDWET_BREAK.note} De instroom van het 1e halfjaar 2015 en van 2015 is niet bekend (.): welke jongeren op 1 januari 2015 al jeugdhulp hadden, staat niet in deze gegevens.`,
    },
  ],
};

const TERUGKEER_COMMON = fictitiousCommon(
  'Geen nieuwe start jeugdhulp',
  'Hoeveel van de jongeren tot 18 jaar die in een halfjaar met jeugdhulp stopten, binnen een jaar opnieuw jeugdhulp kregen, ' +
    'voor Nederland, provincies, jeugdregio’s en gemeenten. De tabel telt jongeren, geen trajecten. Een halfjaar staat er pas ' +
    'in als het jaar daarna voorbij is, dus de tabel loopt een jaar achter op de andere.',
);

/** How a period of the terugkeer table is followed up: the year after it, on the data of the half year a year later. */
export const TERUGKEER_FOLLOW_UP_HALF_YEARS = 2;

export const TERUGKEER_SPEC: DatasetSpec = {
  id: 'jeugdhulp-terugkeer',
  title: 'Jongeren gestopt met jeugdhulp; terugkeer binnen een jaar, regio',
  shortTitle: 'Terugkeer in de jeugdhulp',
  ...TERUGKEER_COMMON,
  source: {
    ...TERUGKEER_COMMON.source,
    note:
      'Naar de outcome-indicator "geen nieuwe start van jeugdhulp na beëindiging", die CBS per gemeente publiceerde als ' +
      'maatwerktabel (Geen nieuwe start jeugdhulp, 2e halfjaar 2019). Die telde beëindigde trajecten en keek tot het einde van ' +
      'het halfjaar erna; deze tabel telt jongeren en kijkt een jaar vooruit. Of CBS dit per gemeente geregeld publiceert, is ' +
      'hier niet nagegaan. De cijfers zelf komen niet van CBS.',
  },
  measures: [
    count('jongeren_uitstroom', 'Jongeren gestopt met jeugdhulp (uitstroom)', 'personen',
      'Jongeren tot 18 jaar met jeugdhulp in de verslagperiode bij wie op de laatste dag van de periode geen jeugdhulptraject meer liep. ' +
        'Dezelfde jongeren als de uitstroom in de tabel In- en uitstroom van jongeren.',
      { shortLabel: 'Gestopt' }),
    count('jongeren_terug_binnen_jaar', 'Binnen een jaar weer jeugdhulp', 'personen',
      'Jongeren die in de verslagperiode met jeugdhulp stopten en binnen een jaar na het einde van hun laatste traject opnieuw ' +
        'een jeugdhulptraject begonnen, bij welke aanbieder ook.',
      { concept: 'terugkeer-jongeren', shortLabel: 'Weer jeugdhulp' }),
    rate('aandeel_terug_binnen_jaar', 'Binnen een jaar weer jeugdhulp (% van de gestopte jongeren)', 'jongeren_terug_binnen_jaar', 'jongeren_uitstroom',
      'jongeren die stopten met jeugdhulp', 100,
      'Het deel van de jongeren die in de periode met jeugdhulp stopten, dat binnen een jaar weer jeugdhulp kreeg.'),
  ],
  // The youths who stopped are the uitstroom of STROOM_SPEC, which publishes them too.
  disclosure: { publishedElsewhere: ['jongeren_uitstroom'] },
  footnotes: [
    WOONPLAATSBEGINSEL,
    {
      id: 'terugkeer-volgtijd',
      text:
        'Een halfjaar staat in deze tabel als het jaar erna voorbij is: of de jongeren die in het 1e halfjaar 2025 stopten binnen ' +
        'een jaar terugkwamen, is bekend met de gegevens tot en met 30 juni 2026. De tabel loopt daardoor een jaar achter op de ' +
        'andere. De status (voorlopig, nader voorlopig, definitief) is die van de gegevens van een jaar later, waarop het cijfer rust.',
      appliesTo: {},
    },
    {
      id: 'terugkeer-betekenis',
      text:
        'Terugkomen is niet vanzelf slecht: een nieuwe vraag kan terecht nieuwe hulp krijgen, en niet terugkomen kan ook betekenen ' +
        'dat hulp wel nodig was maar niet kwam. Een jongere die 18 werd en verder ging met hulp uit een andere wet, telt als niet ' +
        'teruggekomen.',
      appliesTo: {},
    },
  ],
  trendBreaks: [JEUGDWET_BREAK],
};
