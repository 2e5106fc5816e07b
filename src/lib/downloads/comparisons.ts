/**
 * The downloads behind the site's chance-aware verdicts: every comparison a fact page states
 * (vergelijkingen), every funnel of every period (trechters) and every change since a year earlier with the
 * recent trend (veranderingen), each row with the counts, the intervals, the control limits and the verdict,
 * so that anyone can recompute a verdict from the columns of its row. The rows are read from the same
 * functions the pages use (comparisonsOf, funnelOf, changeOf); nothing is judged here. Each table carries
 * its columns with Dutch titles and descriptions for the codebook (datapackage.json). As with the datasets'
 * downloads, the comma file has the machine names and the Excel file a unique Dutch label with its unit
 * ("Ondergrens 95%-marge (% of per 1.000 jongeren)"); the codebook maps the two. Pure.
 */
import { MIN_RATE_DENOMINATOR } from '../data/dataset';
import { parsePeriodCode, periodLabel, STATUS_LABEL, type PeriodStatus } from '../data/periods';
import { exactValue, rateKindOf, rateUnitOf } from '../facts/chance';
import { changeOf, type ChangeFacts } from '../facts/change';
import { comparisonsOf, PEER_KINDS, type ReferenceKind } from '../facts/comparison';
import { KEY_CONCEPTS, totalDenominatorLabel, type KeyConcept } from '../facts/concepts';
import type { FactsContext } from '../facts/context';
import { funnelOf, funnelPeriods, isCompared, type Funnel, type FunnelKind } from '../facts/funnel';
import { SHARE_CONCEPTS, shareFunnel, shareSource, type ShareConcept } from '../facts/share-verdict';
import { keyFiguresOf } from '../facts/key-figures';
import { NEDERLAND, regionKind } from '../regions/codes';
import type { FunnelLimits } from '../stats/funnel';
import { COUNT_ROUNDING, roundedCountRange, Z95, Z998, type Interval, type RateKind } from '../stats/intervals';
import {
  changeInterval,
  MIN_EXPECTED,
  NO_VERDICT_TEXT,
  RECENT_PERIODS,
  TREND_TEXT,
  testedTrendZ,
  trendZ,
  VERDICT_TEXT,
  type ComparedRate,
  type Judgement,
  type NoVerdictReason,
  type RateUnit,
  type TrendDirection,
  type Verdict,
} from '../stats/verdict';
import type { DatasetMeta, Measure, Release } from '../../schemas/dataset';
import { CsvLineWriter, csvFileText, DIALECTS, type CsvDialect } from './csv';
import { dataPackage } from './datapackage';

export type DownloadCell = string | number | null;
export type DownloadRecord = Record<string, DownloadCell>;

/**
 * What a column's numbers are counted in, for its label in the Excel file: `aantal` for counts, `cijfer` for
 * figures, margins and limits in the unit of the row's figure (column eenheid), `verschil` for a difference
 * of two such figures (procentpunt where the figure is a %).
 */
export type ColumnUnit = 'aantal' | 'cijfer' | 'verschil';

export interface DownloadColumn {
  name: string;
  type: 'string' | 'number' | 'integer';
  /** Dutch and unique in its table, without the unit: the codebook's title, and with the unit the Excel header. */
  title: string;
  unit?: ColumnUnit;
  /** What the column holds, its unit and how it is computed. */
  description: string;
  /** The allowed values of a code column. */
  enum?: readonly string[];
  required?: boolean;
}

export type ComparisonTableName = 'vergelijkingen' | 'trechters' | 'veranderingen';

export interface DownloadTable {
  name: ComparisonTableName;
  title: string;
  description: string;
  columns: readonly DownloadColumn[];
  /** The columns that identify a row. */
  primaryKey: readonly string[];
  records: DownloadRecord[];
  /** The units of the figures in the table (the values of column eenheid), for the labels of the Excel file. */
  units?: readonly string[];
}

/** Decimals of rates, intervals, limits and z-scores in the files: far below any printed decimal, and stable. */
export const DECIMALS = 6;
/** Significant digits of φ and τ² (τ² is often below 0,0001 on the arcsine scale, so decimals would not do). */
export const SIGNIFICANT = 10;

/** A computed number as the files write it: 6 decimals, no -0; null for none. */
export function fixed(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const v = Number(value.toFixed(DECIMALS));
  return v === 0 ? 0 : v;
}

/** φ and τ² as the files write them: 10 significant digits (very small values in e-notation, such as 2.99e-7). */
export function significant(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const v = Number(value.toPrecision(SIGNIFICANT));
  return v === 0 ? 0 : v;
}

/** "aandeel" for a share of persons (Wilson), "telling" for events per population (Byar). */
export const RATE_KIND_CODE: Record<RateKind, string> = { proportion: 'aandeel', poisson: 'telling' };

const VERDICTS = Object.keys(VERDICT_TEXT) as Verdict[];
const REASONS = Object.keys(NO_VERDICT_TEXT) as NoVerdictReason[];
const DIRECTIONS = Object.keys(TREND_TEXT) as TrendDirection[];
const REGION_KINDS = ['land', 'provincie', 'jeugdregio', 'gemeente'] as const;
const FUNNEL_KINDS: readonly FunnelKind[] = ['gemeente', 'provincie', 'jeugdregio'];
const REFERENCE_KINDS: readonly ReferenceKind[] = ['land', 'provincie', 'jeugdregio', ...PEER_KINDS];

// ---------------------------------------------------------------------------------------------------------
// The method, once, in the words the column descriptions share.

const fmt = (x: number) => String(x).replace('.', ',');
const HALF = roundedCountRange(0, COUNT_ROUNDING).upper;

export const METHOD_TEXT = {
  interval:
    `95%-marge uit de aantallen: voor een aandeel van personen (soort_cijfer aandeel) het Wilson-score-interval, voor een telling per inwoners (soort_cijfer telling) Byars benadering van het exacte Poisson-interval. ` +
    `Het CBS rondt aantallen af op veelvouden van ${COUNT_ROUNDING} (kolom afronding): een gepubliceerd aantal x kan voor x − ${HALF} tot en met x + ${HALF} staan. ` +
    `Een noemer die een veelvoud van ${COUNT_ROUNDING} is, kan ook afgerond zijn (zoals een aantal jongeren met jeugdhulp) en staat dan voor noemer − ${HALF} tot en met noemer + ${HALF}; een andere noemer is niet afgerond. ` +
    `De ondergrens is berekend met het laagste aantal dat mogelijk is (x − ${HALF}, niet onder 0) uit de hoogste noemer, de bovengrens met het hoogste aantal (x + ${HALF}, bij een aandeel hoogstens de noemer) uit de laagste noemer, zodat de marge geldt wat de echte aantallen ook waren. z = ${fmt(Z95)}.`,
  limits:
    `Controlegrenzen van het trechterdiagram rond het referentiecijfer bij de noemer van de regio (Spiegelhalter 2005; zoals het R-pakket FunnelPlotR ze voor aandelen berekent): ` +
    `op de arcsinus-wortelschaal asin(√θ) ± z·√(1/(4·noemer) + τ²), terug met sin² (beneden 0 of boven π/2 de rand: 0 of 1), maal per. ` +
    `θ = referentiecijfer uit de aantallen / per, τ² uit kolom tau2, z = ${fmt(Z95)} voor 95% en ${fmt(Z998)} voor 99,8%. In de eenheid van het cijfer.`,
  tau2:
    `τ²: de spreiding tussen de regio's van deze soort in deze periode die toeval niet verklaart, op de arcsinus-wortelschaal (additieve overdispersie van Spiegelhalter 2005, zoals FunnelPlotR). ` +
    `Per regio met aantallen z = (asin√p − asin√θ)·2√n, met p = aantal/noemer, n = noemer en θ het cijfer van Nederland uit de aantallen; de 10% laagste en hoogste z worden gewinsoriseerd (op het 10e en 90e percentiel gezet, kwantiel type 7); ` +
    `φ = gemiddelde van de kwadraten; τ² = (k·φ − (k − 1)) / (Σw − Σw²/Σw) met w = 4n en k het aantal regio's, en 0 als k·φ < k − 1. Afgeschermde regio's tellen niet mee. Geschreven met ${SIGNIFICANT} significante cijfers, heel kleine waarden in e-notatie (2.99e-7).`,
  verdict:
    `Oordeel tegen de referentie: duidelijk-hoger als het laagste cijfer dat achter de afgeronde aantallen kan zitten, (aantal − ${HALF}) / hoogste noemer × per, boven grens998_boven ligt; hoger als het boven grens95_boven ligt; ` +
    `duidelijk-lager als het hoogste, (aantal + ${HALF}) / laagste noemer × per (het aantal hoogstens die noemer), onder grens998_onder ligt; lager onder grens95_onder; anders niet-duidelijk-anders. ` +
    `De hoogste en laagste noemer zijn noemer + ${HALF} en noemer − ${HALF} als de noemer een veelvoud van ${COUNT_ROUNDING} is, anders de noemer zelf (zie marge95_onder). ` +
    `Daarna moet de 95%-marge van de regio het referentiecijfer uitsluiten, uit de aantallen en zoals gepubliceerd: hoger blijft alleen staan als beide onder marge95_onder liggen, lager als beide boven marge95_boven liggen; anders niet-duidelijk-anders (bij een handvol jongeren liggen de grenzen dichter bij het referentiecijfer dan de marge). ` +
    `Het woord volgt daarna de gepubliceerde cijfers: hoger of lager blijft alleen staan als cijfer, afgerond op decimalen, ook hoger of lager is dan het referentiecijfer zo afgerond; anders niet-duidelijk-anders. ` +
    `Geen oordeel (kolom reden) als het aantal afgeschermd is, de noemer ontbreekt, het cijfer niet berekend is omdat de noemer kleiner is dan ${MIN_RATE_DENOMINATOR}, er geen referentiecijfer is, of als bij het referentiecijfer minder dan ${MIN_EXPECTED} verwacht worden (θ × noemer < ${MIN_EXPECTED}).`,
  change:
    `Marge van het verschil cijfer − eerder_cijfer (beide uit de aantallen) volgens MOVER-D, voor aandelen de hybride score-methode van Newcombe (1998): ` +
    `ondergrens d − √((p2 − l2)² + (u1 − p1)²), bovengrens d + √((u2 − p2)² + (p1 − l1)²), met d = p2 − p1, p1 en p2 de cijfers uit de aantallen (eerder, laatst) en (l, u) hun marges op hetzelfde niveau, verbreed voor de afronding zoals bij marge95. ` +
    `z = ${fmt(Z95)} (95%) of ${fmt(Z998)} (99,8%). Leeg zonder aantallen, zonder periode een jaar eerder of bij een trendbreuk tussen de twee perioden.`,
  changeVerdict:
    `Oordeel over de verandering sinds een jaar eerder: duidelijk-hoger als verschil998_onder > 0, hoger als verschil95_onder > 0, duidelijk-lager als verschil998_boven < 0, lager als verschil95_boven < 0, anders niet-duidelijk-anders; ` +
    `daarna volgt het woord de gepubliceerde cijfers (hoger alleen als cijfer, afgerond op decimalen, hoger is dan eerder_cijfer; lager net zo). ` +
    `Geen oordeel (kolom reden) als een aantal afgeschermd is of een noemer ontbreekt, als beide aantallen kleiner zijn dan ${MIN_EXPECTED}, als er geen periode een jaar eerder is, of bij een trendbreuk.`,
  trend:
    `Chi-kwadraattoets voor een lineaire trend (Cochran–Armitage voor aandelen, de scoretoets van een log-lineaire Poisson-trend voor tellingen) over de laatste perioden sinds een eventuele trendbreuk (hoogstens ${RECENT_PERIODS}, minstens 3), zoals PHE Fingertips een recente trend beoordeelt: ` +
    `met t = 0, 1, 2, … en x_t, n_t de aantallen en noemers (kolommen trend_aantallen en trend_noemers) is z = (Σ x_t·t − p·Σ n_t·t) / √V, p = Σx / Σn, V = p(1 − p)·(Σ n_t·t² − (Σ n_t·t)² / Σn) voor aandelen en p·(Σ n_t·t² − (Σ n_t·t)² / Σn) voor tellingen.`,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Columns shared by the tables.

const col = (name: string, type: DownloadColumn['type'], title: string, description: string, extra: Partial<DownloadColumn> = {}): DownloadColumn => ({
  name,
  type,
  title,
  description,
  ...extra,
});

const REGION_COLUMNS = (prefix = ''): DownloadColumn[] => [
  col(`${prefix}regio_code`, 'string', 'Regiocode', 'CBS-code van de regio: NL01 (Nederland), PVnn (provincie), JZnn (jeugdregio), GMnnnn (gemeente, op de nieuwste gemeentelijke indeling).', { required: true }),
  col(`${prefix}regio`, 'string', 'Regio', 'Naam van de regio, zoals de site haar noemt.'),
  col(`${prefix}regiosoort`, 'string', 'Soort regio', "land, provincie, jeugdregio of gemeente. Een regio wordt vergeleken binnen haar soort: gemeenten met gemeenten, provincies met provincies, jeugdregio's met jeugdregio's.", {
    enum: REGION_KINDS,
  }),
];

const MEASURE_COLUMNS: DownloadColumn[] = [
  col('onderwerp', 'string', 'Onderwerp (code)', 'Vaste code van het kerncijfer (dezelfde bij de demonstratiecijfers en bij een ingelezen CBS-tabel), bijvoorbeeld jongeren-jeugdhulp; in trechters.csv ook van de delen die verderop op een pagina tegen Nederland staan, zoals einde-volgens-plan.', { required: true, enum: [...KEY_CONCEPTS, ...SHARE_CONCEPTS] }),
  col('dataset', 'string', 'Tabel (code)', 'De tabel van deze site waar het cijfer uit komt; de aantallen van elke periode staan in de download van die tabel (/downloads/<tabel>/).'),
  col('maat_id', 'string', 'Cijfer (code)', 'Kolomnaam van het cijfer in de download van de tabel.'),
  col('maat', 'string', 'Cijfer', 'Naam van het cijfer, zoals in de tabel.'),
  col('eenheid', 'string', 'Eenheid', 'Eenheid van alle cijfers, marges en grenzen in deze regel, zoals de tabel haar noemt: % of per 1.000 jongeren.'),
  col('noemer_omschrijving', 'string', 'Noemer (omschrijving)', 'Waar het cijfer een deel van is (de noemer): bijvoorbeeld jongeren tot 18 jaar.'),
  col('per', 'integer', 'Cijfer per', 'Het cijfer is aantal / noemer × per: 100 voor een percentage, 1000 voor per 1.000.'),
  col('soort_cijfer', 'string', 'Soort cijfer', 'aandeel: een deel van de personen in de noemer (iedere jongere telt één keer), of van de trajecten in de noemer (Wilson-marge, binomiaal); telling: gebeurtenissen per inwoners, zoals trajecten per 1.000 jongeren (Byar-marge, Poisson). Alleen aandelen worden met andere regio’s vergeleken.', {
    enum: Object.values(RATE_KIND_CODE),
  }),
  col('decimalen', 'integer', 'Aantal decimalen', 'Het aantal decimalen waarmee het cijfer gepubliceerd wordt; een oordeel volgt de op zoveel decimalen afgeronde cijfers.'),
  col('afronding', 'integer', 'Aantallen afgerond op veelvouden van', `Het CBS rondt de aantallen af op veelvouden hiervan (${COUNT_ROUNDING}); 1 bij niet-afgeronde aantallen.`),
];

/** `after` sets the titles of a second set of the same columns apart (" een jaar eerder"). */
const PERIOD_COLUMNS = (prefix = '', what = 'De periode van het cijfer', after = ''): DownloadColumn[] => [
  col(`${prefix}perioden_code`, 'string', `Periodecode${after}`, `${what}: CBS-periodecode, bijvoorbeeld 2024HJ01 (1e halfjaar 2024).`, prefix ? {} : { required: true }),
  col(`${prefix}perioden`, 'string', `Periode${after}`, `${what}, in woorden.`),
  col(`${prefix}status`, 'string', `Status van de periode${after}`, 'voorlopig, nader voorlopig of definitief.', { enum: Object.values(STATUS_LABEL) }),
];

const RATE_COLUMNS = (prefix = '', whose = 'de regio', after = ''): DownloadColumn[] => [
  col(`${prefix}aantal`, 'integer', `Teller${after}`, `Het gepubliceerde aantal (de teller) van ${whose}, afgerond op veelvouden van afronding. Leeg als het afgeschermd of onbekend is (CBS-teken . of x): een teken staat nooit als getal in dit bestand.`, { unit: 'aantal' }),
  col(`${prefix}noemer`, 'integer', `Noemer${after}`, `De noemer van ${whose}: het aantal in de groep van noemer_omschrijving (inwoners, of bij een deel van de jongeren of trajecten een gepubliceerd aantal). Een veelvoud van ${COUNT_ROUNDING} kan afgerond zijn; zie marge95_onder.`, { unit: 'aantal' }),
  col(`${prefix}cijfer`, 'number', `Gepubliceerd cijfer${after}`, `Het cijfer van ${whose} zoals gepubliceerd en op de pagina getoond (afgerond op decimalen), in eenheid.`, { unit: 'cijfer' }),
  col(`${prefix}cijfer_uit_aantallen`, 'number', `Cijfer uit de aantallen${after}`, `aantal / noemer × per van ${whose}, niet afgerond (${DECIMALS} decimalen). Hiermee wordt gerekend.`, { unit: 'cijfer' }),
];

const INTERVAL_COLUMNS = (prefix = '', whose = 'het cijfer', after = ''): DownloadColumn[] => [
  col(`${prefix}marge95_onder`, 'number', `Ondergrens 95%-marge${after}`, `Ondergrens van de 95%-marge van ${whose}, in eenheid. ${METHOD_TEXT.interval}`, { unit: 'cijfer' }),
  col(`${prefix}marge95_boven`, 'number', `Bovengrens 95%-marge${after}`, `Bovengrens van de 95%-marge van ${whose}, in eenheid (zie marge95_onder).`, { unit: 'cijfer' }),
];

const LIMIT_COLUMNS = (around: string): DownloadColumn[] => [
  col('grens95_onder', 'number', 'Onderste 95%-controlegrens', `Onderste 95%-controlegrens rond ${around} bij de noemer van de regio. ${METHOD_TEXT.limits}`, { unit: 'cijfer' }),
  col('grens95_boven', 'number', 'Bovenste 95%-controlegrens', `Bovenste 95%-controlegrens rond ${around} (zie grens95_onder).`, { unit: 'cijfer' }),
  col('grens998_onder', 'number', 'Onderste 99,8%-controlegrens', `Onderste 99,8%-controlegrens rond ${around} (zie grens95_onder).`, { unit: 'cijfer' }),
  col('grens998_boven', 'number', 'Bovenste 99,8%-controlegrens', `Bovenste 99,8%-controlegrens rond ${around} (zie grens95_onder).`, { unit: 'cijfer' }),
];

const VERDICT_COLUMNS = (prefix: string, how: string): DownloadColumn[] => [
  col(`${prefix}oordeel`, 'string', 'Oordeel (code)', `${how} Leeg als er geen oordeel is (zie ${prefix}reden).`, { enum: VERDICTS }),
  col(`${prefix}oordeel_tekst`, 'string', 'Oordeel', `Het oordeel in de woorden van de site: ${VERDICTS.map((v) => `${v} = “${VERDICT_TEXT[v].word}”`).join(', ')}.`),
  col(`${prefix}reden`, 'string', 'Reden zonder oordeel (code)', 'Waarom er geen oordeel is; leeg als er een oordeel is.', { enum: REASONS }),
  col(`${prefix}reden_tekst`, 'string', 'Reden zonder oordeel', `De reden in woorden, zoals de pagina na “Geen oordeel:” zegt: ${REASONS.map((r) => `${r} = “${NO_VERDICT_TEXT[r]}”`).join('; ')}.`),
];

// ---------------------------------------------------------------------------------------------------------
// Values shared by the tables.

interface ConceptInfo {
  concept: KeyConcept | ShareConcept;
  meta: DatasetMeta;
  rate: Measure;
  unit: RateUnit;
}

function conceptInfo(context: FactsContext, concept: KeyConcept | ShareConcept): ConceptInfo | undefined {
  const source = context.concept(concept);
  if (!source?.rate) return undefined;
  return { concept, meta: source.dataset.meta, rate: source.rate, unit: rateUnitOf(source.dataset.meta, source.rate) };
}

/**
 * The cells of a record are assigned one by one, with literal keys, in column order: every record of a table
 * then has the same shape, and nothing is made and thrown away per cell (trechters has some 36.000 rows,
 * built while the heap holds all the site's data, where every bit of garbage costs collection time).
 */
interface MeasureCells {
  onderwerp: string;
  dataset: string;
  maat_id: string;
  maat: string;
  eenheid: string;
  noemer_omschrijving: string;
  per: number;
  soort_cijfer: string;
  decimalen: number;
  afronding: number;
}

function measureCells(info: ConceptInfo): MeasureCells {
  const { rate, unit, meta } = info;
  return {
    onderwerp: info.concept,
    dataset: meta.id,
    maat_id: rate.id,
    maat: rate.label,
    eenheid: rate.unit,
    noemer_omschrijving: totalDenominatorLabel(rate),
    per: unit.per,
    soort_cijfer: RATE_KIND_CODE[rateKindOf(meta, rate)],
    decimalen: unit.decimals,
    afronding: unit.rounding ?? COUNT_ROUNDING,
  };
}

function putMeasure(r: DownloadRecord, m: MeasureCells): void {
  r.onderwerp = m.onderwerp;
  r.dataset = m.dataset;
  r.maat_id = m.maat_id;
  r.maat = m.maat;
  r.eenheid = m.eenheid;
  r.noemer_omschrijving = m.noemer_omschrijving;
  r.per = m.per;
  r.soort_cijfer = m.soort_cijfer;
  r.decimalen = m.decimalen;
  r.afronding = m.afronding;
}

interface PeriodCells {
  code: string;
  label: string;
  status: string;
}

function periodCells(context: FactsContext, info: ConceptInfo, period: string): PeriodCells {
  const status: PeriodStatus = context.concept(info.concept)!.dataset.statusOf(period);
  return { code: period, label: periodLabel(parsePeriodCode(period)!), status: STATUS_LABEL[status] };
}

function putPeriod(r: DownloadRecord, p: PeriodCells): void {
  r.perioden_code = p.code;
  r.perioden = p.label;
  r.status = p.status;
}

function putRegion(r: DownloadRecord, context: FactsContext, code: string): void {
  r.regio_code = code;
  r.regio = context.register.label(code);
  r.regiosoort = regionKind(code) ?? null;
}

function putRate(r: DownloadRecord, rate: ComparedRate, unit: RateUnit): void {
  r.aantal = rate.count;
  r.noemer = rate.denominator;
  r.cijfer = rate.shown;
  r.cijfer_uit_aantallen = fixed(exactValue(rate, unit));
}

function putInterval(r: DownloadRecord, interval: Interval | undefined): void {
  r.marge95_onder = fixed(interval?.lower);
  r.marge95_boven = fixed(interval?.upper);
}

function putLimits(r: DownloadRecord, limits: FunnelLimits | undefined): void {
  r.grens95_onder = fixed(limits?.lower95);
  r.grens95_boven = fixed(limits?.upper95);
  r.grens998_onder = fixed(limits?.lower998);
  r.grens998_boven = fixed(limits?.upper998);
}

function putVerdict(r: DownloadRecord, judgement: Judgement): void {
  r.oordeel = judgement.verdict ?? null;
  r.oordeel_tekst = judgement.verdict ? VERDICT_TEXT[judgement.verdict].word : null;
  r.reden = judgement.reason ?? null;
  r.reden_tekst = judgement.reason ? NO_VERDICT_TEXT[judgement.reason] : null;
}

/** The regions of the downloads in the order of the other downloads: Nederland, provincies, jeugdregio's, gemeenten. */
function regionsInOrder(context: FactsContext, withNederland: boolean): string[] {
  const { register } = context;
  return [
    ...(withNederland ? [NEDERLAND] : []),
    ...register.provincies().map((p) => p.code),
    ...register.jeugdregios().map((j) => j.code),
    ...context.currentGemeenten(),
  ];
}

/** The concepts set against other regions, in the order of the key figures. */
export function comparedConcepts(context: FactsContext): KeyConcept[] {
  return KEY_CONCEPTS.filter((c) => isCompared(context, c));
}

// ---------------------------------------------------------------------------------------------------------
// vergelijkingen

export const COMPARISON_COLUMNS: readonly DownloadColumn[] = [
  ...REGION_COLUMNS(),
  ...MEASURE_COLUMNS,
  ...PERIOD_COLUMNS('', 'De periode van de vergelijking (de laatste van het kerncijfer)'),
  ...RATE_COLUMNS(),
  ...INTERVAL_COLUMNS(),
  col('referentie_soort', 'string', 'Vergeleken met (soort)', 'land: Nederland; provincie: de provincie van de gemeente; jeugdregio: de jeugdregio van de gemeente; vergelijkbaar: de vergelijkbare gemeenten, de tien gemeenten die op kenmerken het meest op de gemeente lijken (buren.csv); grootteklasse: de andere gemeenten met evenveel inwoners (dezelfde grootteklasse). Bij beide de gemeente zelf niet meegeteld, hun cijfer uit de opgetelde aantallen en noemers. De zinnen op de pagina vergelijken met de vergelijkbare gemeenten; alleen een gemeente zonder vergelijkbare gemeenten (zonder kenmerken) met de grootteklasse. De grootteklasse staat hier bij elke gemeente, als tweede blik.', {
    required: true,
    enum: REFERENCE_KINDS,
  }),
  col('referentie_code', 'string', 'Vergeleken met (code)', 'Regiocode van de referentie; leeg bij vergelijkbaar en grootteklasse.'),
  col('referentie', 'string', 'Vergeleken met', 'Naam van de referentie.'),
  col('referentie_toelichting', 'string', 'Toelichting op de referentie', 'Bij vergelijkbaar en grootteklasse: welke gemeenten, en hoeveel er zonder cijfer niet meetellen.'),
  col('referentie_aantal', 'integer', 'Teller van de referentie', 'Het aantal (de teller) van de referentie; bij vergelijkbaar en grootteklasse de som van hun aantallen.', { unit: 'aantal' }),
  col('referentie_noemer', 'integer', 'Noemer van de referentie', 'De noemer (het aantal jongeren) van de referentie; bij vergelijkbaar en grootteklasse de som van hun noemers. referentie_cijfer_uit_aantallen = referentie_aantal / referentie_noemer × per.', { unit: 'aantal' }),
  col('referentie_cijfer', 'number', 'Gepubliceerd cijfer van de referentie', 'Het cijfer van de referentie zoals gepubliceerd en getoond, in eenheid.', { unit: 'cijfer' }),
  col('referentie_cijfer_uit_aantallen', 'number', 'Cijfer van de referentie uit de aantallen', `Het cijfer van de referentie uit de aantallen (${DECIMALS} decimalen), in eenheid: de middellijn θ × per van de grenzen. Waar de referentie geen aantallen heeft, het gepubliceerde cijfer (daarmee is dan ook gerekend).`, { unit: 'cijfer' }),
  ...INTERVAL_COLUMNS('referentie_', 'het cijfer van de referentie', ' van de referentie'),
  col('tau2', 'number', 'τ² (spreiding tussen regio’s)', `De τ² waarmee de grenzen verbreed zijn: die van de trechter van alle regio's van dezelfde soort als deze regio in deze periode, rond Nederland (dezelfde waarde als in trechters.csv). ${METHOD_TEXT.tau2}`),
  ...LIMIT_COLUMNS('referentie_cijfer_uit_aantallen'),
  ...VERDICT_COLUMNS('', METHOD_TEXT.verdict),
];

/** Every comparison statement the fact pages make, in the latest period of each compared key figure. */
export function comparisonTable(context: FactsContext): DownloadTable {
  const records: DownloadRecord[] = [];
  const units = new Set<string>();
  for (const region of regionsInOrder(context, false)) {
    for (const c of comparisonsOf(context, region, keyFiguresOf(context, region))) {
      const info = conceptInfo(context, c.concept)!;
      const measure = measureCells(info);
      const period = periodCells(context, info, c.figure.period);
      const tau2 = significant(c.funnel?.overdispersion.tau2);
      for (const ref of [...c.references, ...c.views]) {
        const r: DownloadRecord = {};
        putRegion(r, context, region);
        putMeasure(r, measure);
        putPeriod(r, period);
        putRate(r, c.own.rate, info.unit);
        putInterval(r, c.own.interval);
        r.referentie_soort = ref.kind;
        r.referentie_code = ref.code ?? null;
        r.referentie = ref.label;
        r.referentie_toelichting = ref.note ?? null;
        r.referentie_aantal = ref.count.value;
        r.referentie_noemer = ref.denominator;
        r.referentie_cijfer = ref.rate.value;
        r.referentie_cijfer_uit_aantallen = fixed(ref.exact);
        r.referentie_marge95_onder = fixed(ref.interval?.lower);
        r.referentie_marge95_boven = fixed(ref.interval?.upper);
        r.tau2 = tau2;
        putLimits(r, ref.limits);
        putVerdict(r, ref.judgement);
        units.add(measure.eenheid);
        records.push(r);
      }
    }
  }
  return {
    name: 'vergelijkingen',
    title: 'Vergelijkingen met Nederland, de provincie, de jeugdregio, vergelijkbare gemeenten en de grootteklasse',
    description:
      'Elke vergelijking die een feitenpagina maakt: per gemeente, provincie en jeugdregio, per kerncijfer dat met andere regio’s wordt vergeleken (laatste periode) en per referentie één regel, met de aantallen, de 95%-marge, de controlegrenzen rond de referentie en het oordeel. Bij een gemeente met vergelijkbare gemeenten staat ook de vergelijking met de gemeenten van dezelfde grootte (referentie_soort grootteklasse), die de pagina niet toont.',
    columns: COMPARISON_COLUMNS,
    primaryKey: ['regio_code', 'onderwerp', 'referentie_soort'],
    records,
    units: [...units],
  };
}

// ---------------------------------------------------------------------------------------------------------
// trechters

export const FUNNEL_COLUMNS: readonly DownloadColumn[] = [
  ...MEASURE_COLUMNS,
  ...PERIOD_COLUMNS(),
  col('trechter', 'string', 'Trechter (soort regio)', "gemeente: alle gemeenten (nieuwste indeling); provincie: de provincies; jeugdregio: de jeugdregio's. De spreiding (φ, τ²) is per trechter geschat.", { required: true, enum: FUNNEL_KINDS }),
  ...REGION_COLUMNS().map((c) => (c.name === 'regiosoort' ? undefined : c)).filter((c) => c !== undefined),
  ...RATE_COLUMNS(),
  ...INTERVAL_COLUMNS(),
  col('nederland_aantal', 'integer', 'Teller van Nederland', 'Het aantal van Nederland in deze periode.', { unit: 'aantal' }),
  col('nederland_noemer', 'integer', 'Noemer van Nederland', 'De noemer van Nederland in deze periode.', { unit: 'aantal' }),
  col('nederland_cijfer', 'number', 'Gepubliceerd cijfer van Nederland', 'Het cijfer van Nederland zoals gepubliceerd, in eenheid.', { unit: 'cijfer' }),
  col('nederland_cijfer_uit_aantallen', 'number', 'Cijfer van Nederland uit de aantallen', `nederland_aantal / nederland_noemer × per (${DECIMALS} decimalen): de middellijn θ × per van de trechter.`, { unit: 'cijfer' }),
  col('trechter_regios', 'integer', "Regio's in de schatting", "Het aantal regio's met aantallen waarop φ en τ² rusten (k).", { unit: 'aantal' }),
  col('phi', 'number', 'φ (spreidingsverhouding)', `φ: 1 als toeval de verschillen tussen de regio's verklaart, groter als ze meer verschillen. ${SIGNIFICANT} significante cijfers. Zie tau2.`),
  col('tau2', 'number', 'τ² (spreiding tussen regio’s)', METHOD_TEXT.tau2),
  ...LIMIT_COLUMNS('nederland_cijfer_uit_aantallen'),
  ...VERDICT_COLUMNS('', `Oordeel tegen Nederland, zoals het trechterdiagram de regio tekent. ${METHOD_TEXT.verdict}`),
];

/** Every funnel of every period: each region of each kind against Nederland, with the funnel's spread. */
export function funnelTable(context: FactsContext): DownloadTable {
  const records: DownloadRecord[] = [];
  const units = new Set<string>();
  const addFunnel = (funnel: Omit<Funnel, 'concept'> | undefined, kind: FunnelKind, measure: MeasureCells, period: PeriodCells, unit: RateUnit) => {
    if (!funnel) return;
    const { target, overdispersion } = funnel;
    const centre = fixed(target.rate);
    const phi = significant(overdispersion.phi);
    const tau2 = significant(overdispersion.tau2);
    if (funnel.regions.length > 0) units.add(measure.eenheid);
    for (const region of funnel.regions) {
      const r: DownloadRecord = {};
      putMeasure(r, measure);
      putPeriod(r, period);
      r.trechter = kind;
      r.regio_code = region.code;
      r.regio = region.label;
      putRate(r, region.rate, unit);
      putInterval(r, region.interval);
      r.nederland_aantal = target.count;
      r.nederland_noemer = target.denominator;
      r.nederland_cijfer = target.shown;
      r.nederland_cijfer_uit_aantallen = centre;
      r.trechter_regios = overdispersion.units;
      r.phi = phi;
      r.tau2 = tau2;
      putLimits(r, region.limits);
      putVerdict(r, region.judgement);
      records.push(r);
    }
  };
  for (const concept of comparedConcepts(context)) {
    const info = conceptInfo(context, concept)!;
    const measure = measureCells(info);
    for (const code of funnelPeriods(context, concept)) {
      const period = periodCells(context, info, code);
      for (const kind of FUNNEL_KINDS) addFunnel(funnelOf(context, concept, code, kind), kind, measure, period, info.unit);
    }
  }
  // The shares further down the pages, in the one period their sections judge them in.
  for (const concept of SHARE_CONCEPTS) {
    const share = shareSource(context, concept);
    const info = conceptInfo(context, concept);
    if (!share || !info || rateKindOf(info.meta, info.rate) !== 'proportion') continue;
    const measure = measureCells(info);
    const period = periodCells(context, info, share.period);
    for (const kind of FUNNEL_KINDS) addFunnel(shareFunnel(context, share.source, share.period, kind), kind, measure, period, info.unit);
  }
  return {
    name: 'trechters',
    title: 'Trechterdiagrammen: alle regio’s tegen Nederland, alle perioden',
    description:
      "Elke trechter van elke periode: per vergeleken kerncijfer, per periode en per soort regio (gemeenten, provincies, jeugdregio's) elke regio met haar aantallen, 95%-marge, de controlegrenzen rond Nederland bij haar noemer en haar oordeel tegen Nederland, met de spreiding (φ, τ²) van die trechter. " +
      'Ook de delen die verderop op de pagina’s tegen Nederland staan (jeugdbescherming met verblijf, instroom, uitstroom, herhaald beroep, beëindigd volgens plan), in de periode waarin de pagina ze beoordeelt.',
    columns: FUNNEL_COLUMNS,
    primaryKey: ['onderwerp', 'perioden_code', 'trechter', 'regio_code'],
    records,
    units: [...units],
  };
}

// ---------------------------------------------------------------------------------------------------------
// veranderingen

export const CHANGE_COLUMNS: readonly DownloadColumn[] = [
  ...REGION_COLUMNS(),
  ...MEASURE_COLUMNS,
  ...PERIOD_COLUMNS('', 'De laatste periode'),
  ...RATE_COLUMNS(),
  ...PERIOD_COLUMNS('eerder_', 'Dezelfde periode een jaar eerder', ' een jaar eerder'),
  ...RATE_COLUMNS('eerder_', 'de regio een jaar eerder', ' een jaar eerder'),
  col('verschil_uit_aantallen', 'number', 'Verschil uit de aantallen', `cijfer_uit_aantallen − eerder_cijfer_uit_aantallen, in eenheid (procentpunt bij %).`, { unit: 'verschil' }),
  col('verschil95_onder', 'number', 'Ondergrens 95%-marge van het verschil', METHOD_TEXT.change, { unit: 'verschil' }),
  col('verschil95_boven', 'number', 'Bovengrens 95%-marge van het verschil', 'Zie verschil95_onder.', { unit: 'verschil' }),
  col('verschil998_onder', 'number', 'Ondergrens 99,8%-marge van het verschil', `Zie verschil95_onder; z = ${fmt(Z998)}.`, { unit: 'verschil' }),
  col('verschil998_boven', 'number', 'Bovengrens 99,8%-marge van het verschil', `Zie verschil95_onder; z = ${fmt(Z998)}.`, { unit: 'verschil' }),
  ...VERDICT_COLUMNS('', METHOD_TEXT.changeVerdict),
  col('trend_perioden', 'integer', 'Perioden van de trend', `Hoeveel perioden de recente trend beslaat: de laatste ${RECENT_PERIODS} sinds een eventuele trendbreuk, tot en met perioden_code.`, { unit: 'aantal' }),
  col('trend_eerste_periode_code', 'string', 'Eerste periode van de trend (code)', 'CBS-periodecode van de eerste periode van de recente trend.'),
  col('trend_laatste_periode_code', 'string', 'Laatste periode van de trend (code)', 'CBS-periodecode van de laatste periode van de recente trend (gelijk aan perioden_code).'),
  col('trend_eerste_cijfer', 'number', 'Gepubliceerd cijfer aan het begin van de trend', 'Het gepubliceerde cijfer in trend_eerste_periode_code; de richting moet kloppen met dit cijfer en cijfer.', { unit: 'cijfer' }),
  col('trend_aantallen', 'string', 'Tellers van de trend, oudste eerst', 'De gepubliceerde aantallen van de perioden van de trend, oudste eerst, gescheiden door een spatie; een punt (.) waar het aantal afgeschermd of onbekend is.'),
  col('trend_noemers', 'string', 'Noemers van de trend, oudste eerst', 'De noemers van dezelfde perioden, gescheiden door een spatie; een punt (.) waar de noemer ontbreekt.'),
  col('trend_z', 'number', 'Z-score van de trend', `${METHOD_TEXT.trend} Op de gepubliceerde aantallen; leeg zonder aantallen, bij minder dan 3 perioden of zonder spreiding.`),
  col('trend_z_getoetst', 'number', 'Z-score van de trend, getoetst', `De z waarop het oordeel rust: zoals trend_z, nadat elk aantal met de helft van de afronding (${HALF}) tegen de trend in is verschoven (na het met de noemers gewogen midden van de perioden omlaag, ervoor omhoog, bij een dalende trend andersom; niet onder 0) en elke noemer die een veelvoud van ${COUNT_ROUNDING} is de andere kant op, zodat de afronding de richting niet beslist.`),
  col('trend_richting', 'string', 'Richting (code)', `stijgend als trend_z_getoetst > ${fmt(Z998)} (99,8%) en trend_z positief is, dalend als trend_z_getoetst < −${fmt(Z998)} en trend_z negatief is, en het laatste gepubliceerde cijfer (cijfer) ook hoger respectievelijk lager is dan trend_eerste_cijfer (afgerond op decimalen); anders geen-duidelijke-richting. De strenge grens omdat opeenvolgende halfjaren grotendeels dezelfde jongeren tellen. Leeg zonder oordeel (zie trend_reden).`, {
    enum: DIRECTIONS,
  }),
  col('trend_tekst', 'string', 'Richting', `De richting in de woorden van de site, na “Over de laatste vijf halfjaren”: ${DIRECTIONS.map((d) => `${d} = “${TREND_TEXT[d]}”`).join(', ')}.`),
  col('trend_reden', 'string', 'Reden zonder richting (code)', 'Waarom er geen oordeel over de trend is; leeg als er een richting is.', { enum: REASONS }),
  col('trend_reden_tekst', 'string', 'Reden zonder richting', 'De reden in woorden (zie reden_tekst).'),
];

function putTrend(r: DownloadRecord, facts: ChangeFacts, unit: RateUnit): void {
  const window = facts.recent.slice(-RECENT_PERIODS);
  const complete = window.length >= 3 && window.every((p) => p.rate.count !== null && p.rate.denominator !== null && p.rate.denominator > 0);
  const counts = window.map((p) => p.rate.count!);
  const sizes = window.map((p) => p.rate.denominator!);
  r.trend_perioden = window.length;
  r.trend_eerste_periode_code = window[0]?.period ?? null;
  r.trend_laatste_periode_code = window.at(-1)?.period ?? null;
  r.trend_eerste_cijfer = window[0]?.rate.shown ?? null;
  r.trend_aantallen = window.length > 0 ? window.map((p) => (p.rate.count === null ? '.' : String(p.rate.count))).join(' ') : null;
  r.trend_noemers = window.length > 0 ? window.map((p) => (p.rate.denominator === null ? '.' : String(p.rate.denominator))).join(' ') : null;
  r.trend_z = complete ? fixed(trendZ(counts, sizes, unit.kind)) : null;
  r.trend_z_getoetst = complete ? fixed(testedTrendZ(counts, sizes, unit)) : null;
  r.trend_richting = facts.trend.direction ?? null;
  r.trend_tekst = facts.trend.direction ? TREND_TEXT[facts.trend.direction] : null;
  r.trend_reden = facts.trend.reason ?? null;
  r.trend_reden_tekst = facts.trend.reason ? NO_VERDICT_TEXT[facts.trend.reason] : null;
}

/** Every change statement of the fact pages: each current region and each key figure with a rate. */
export function changeTable(context: FactsContext): DownloadTable {
  const records: DownloadRecord[] = [];
  const units = new Set<string>();
  for (const region of regionsInOrder(context, true)) {
    for (const concept of KEY_CONCEPTS) {
      const facts = changeOf(context, region, concept);
      if (!facts) continue;
      const info = conceptInfo(context, concept)!;
      const { latest, yearEarlier, change } = facts;
      // No interval across a trend break or without a year earlier: there is nothing it could be a margin of.
      const comparable = yearEarlier !== undefined && change.reason !== 'trendbreuk';
      const usual = comparable ? changeInterval(yearEarlier.rate, latest.rate, info.unit, Z95) : undefined;
      const strict = comparable ? changeInterval(yearEarlier.rate, latest.rate, info.unit, Z998) : undefined;
      const now = exactValue(latest.rate, info.unit);
      const before = yearEarlier ? exactValue(yearEarlier.rate, info.unit) : null;
      const earlierPeriod = yearEarlier ? periodCells(context, info, yearEarlier.period) : undefined;
      const r: DownloadRecord = {};
      putRegion(r, context, region);
      putMeasure(r, measureCells(info));
      putPeriod(r, periodCells(context, info, latest.period));
      putRate(r, latest.rate, info.unit);
      r.eerder_perioden_code = earlierPeriod?.code ?? null;
      r.eerder_perioden = earlierPeriod?.label ?? null;
      r.eerder_status = earlierPeriod?.status ?? null;
      r.eerder_aantal = yearEarlier?.rate.count ?? null;
      r.eerder_noemer = yearEarlier?.rate.denominator ?? null;
      r.eerder_cijfer = yearEarlier?.rate.shown ?? null;
      r.eerder_cijfer_uit_aantallen = fixed(before);
      r.verschil_uit_aantallen = comparable && now !== null && before !== null ? fixed(now - before) : null;
      r.verschil95_onder = fixed(usual?.lower);
      r.verschil95_boven = fixed(usual?.upper);
      r.verschil998_onder = fixed(strict?.lower);
      r.verschil998_boven = fixed(strict?.upper);
      putVerdict(r, change);
      putTrend(r, facts, info.unit);
      units.add(r.eenheid as string);
      records.push(r);
    }
  }
  return {
    name: 'veranderingen',
    title: 'Veranderingen sinds een jaar eerder en recente trends',
    description:
      "Elke uitspraak over verandering op een feitenpagina: per regio (Nederland, provincies, jeugdregio's, gemeenten) en per kerncijfer met een cijfer de laatste periode tegen dezelfde periode een jaar eerder, met de marge van het verschil en het oordeel, en de richting over de laatste vijf perioden.",
    columns: CHANGE_COLUMNS,
    primaryKey: ['regio_code', 'onderwerp'],
    records,
    units: [...units],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Files

/** The three tables, made once for the files of the folder and the /downloads/ page (each reads them once). */
export function comparisonDownloads(context: FactsContext): Record<ComparisonTableName, DownloadTable> {
  return context.sharedBy('downloads|vergelijkingen', comparisonFiles().length + 1, () => ({
    vergelijkingen: comparisonTable(context),
    trechters: funnelTable(context),
    veranderingen: changeTable(context),
  }));
}

export const COMPARISON_TABLES: readonly ComparisonTableName[] = ['vergelijkingen', 'trechters', 'veranderingen'];

/** The folder of these files on the site. */
export const COMPARISON_FOLDER = '/downloads/vergelijkingen/';

/** "trechters.csv", "trechters-excel.csv". */
export function comparisonFileName(table: ComparisonTableName, dialect: CsvDialect): string {
  return `${table}${DIALECTS[dialect].suffix}.csv`;
}

/** Every file of the folder: the CSV files of each table in both dialects, and the codebook. */
export function comparisonFiles(): Array<{ file: string; table?: ComparisonTableName; dialect?: CsvDialect }> {
  return [
    ...COMPARISON_TABLES.flatMap((table) => (['rfc4180', 'excel-nl'] as const).map((dialect) => ({ file: comparisonFileName(table, dialect), table, dialect }))),
    { file: 'datapackage.json' },
  ];
}

/**
 * The unit a column's label gives: "aantal", or the units of the table's figures ("% of per 1.000 jongeren":
 * each row says which in column eenheid), for a difference "procentpunt" where the figure is a %.
 */
export function columnUnitText(unit: ColumnUnit, units: readonly string[]): string {
  if (unit === 'aantal') return 'aantal';
  const shown = unit === 'verschil' ? units.map((u) => (u === '%' ? 'procentpunt' : u)) : units;
  return shown.length > 0 ? [...new Set(shown)].join(' of ') : 'zie kolom Eenheid';
}

/** The header of a table's Excel file: each column's Dutch title with its unit, as StatLine's CSV has them. */
export function excelHeader(table: DownloadTable): string[] {
  return table.columns.map((c) => (c.unit ? `${c.title} (${columnUnitText(c.unit, table.units ?? [])})` : c.title));
}

/** A table as CSV in one dialect (csv.ts): machine names in the comma file's header, {@link excelHeader} in Excel's. */
export function tableCsv(table: DownloadTable, dialect: CsvDialect): string {
  const names = table.columns.map((c) => c.name);
  const writer = new CsvLineWriter(dialect);
  const lines = new Array<string>(table.records.length);
  // One array for the cells of every row: the writer does not keep it (trechters has tens of thousands of rows).
  const cells = new Array<DownloadCell>(names.length);
  for (let i = 0; i < lines.length; i++) {
    const record = table.records[i]!;
    for (let j = 0; j < names.length; j++) cells[j] = record[names[j]!] ?? null;
    lines[i] = writer.line(cells);
  }
  return csvFileText(writer.line(dialect === 'excel-nl' ? excelHeader(table) : names), lines, dialect);
}

/** A table's CSV text in one dialect; the build writes each file once, so it is not kept. */
export function comparisonCsv(context: FactsContext, table: ComparisonTableName, dialect: CsvDialect): string {
  return tableCsv(comparisonDownloads(context)[table], dialect);
}

export interface ComparisonPackageContext {
  release: Release | undefined;
  /** Absolute URL of /downloads/. */
  homepage: string;
  /** Absolute URL of the method page. */
  methodPage: string;
  /** The year of the gemeentelijke indeling. */
  indelingYear: number;
  /** The datasets the tables draw on (sources and licences). */
  datasets: readonly DatasetMeta[];
}

/**
 * The Table Schema of one file. Its fields are named as the file's header names them, and each gives the
 * column's name in the other dialect (naamInExcel, naamInCsv), as the datasets' codebooks do (datapackage.ts).
 */
export function comparisonSchema(table: DownloadTable, dialect: CsvDialect) {
  const excel = dialect === 'excel-nl';
  const labels = excelHeader(table);
  const label = new Map(table.columns.map((c, i) => [c.name, labels[i]!]));
  return {
    fields: table.columns.map((c, i) => ({
      ...(excel ? { name: labels[i]!, naamInCsv: c.name } : { name: c.name, naamInExcel: labels[i]! }),
      type: c.type,
      title: c.title,
      description: c.description,
      ...(c.unit ? { unit: columnUnitText(c.unit, table.units ?? []) } : {}),
      ...(c.required || c.enum ? { constraints: { ...(c.required ? { required: true } : {}), ...(c.enum ? { enum: [...c.enum] } : {}) } } : {}),
      ...(c.type === 'number' && excel ? { decimalChar: ',' } : {}),
    })),
    missingValues: [''],
    primaryKey: table.primaryKey.map((name) => (excel ? label.get(name)! : name)),
  };
}

/** The codebook of the folder: a Frictionless Data Package in the style of the other downloads (datapackage.ts). */
export function comparisonPackage(tables: Record<ComparisonTableName, DownloadTable>, context: ComparisonPackageContext) {
  const head = dataPackage(
    {
      name: 'jeugdzorg-vergelijkingen',
      title: 'Vergelijkingen, marges, controlegrenzen en oordelen',
      description:
        'De cijfers achter elk oordeel op de site (“hoger”, “duidelijk lager”, “niet duidelijk anders”): de aantallen, de 95%-marges, de controlegrenzen van de trechterdiagrammen en de oordelen, zodat iedereen ze kan narekenen. ' +
        'Marges: Wilson (aandelen) en Byar (tellingen), met voor de afronding op vijftallen het laagste en hoogste aantal dat een afgerond aantal kan zijn. Vergelijkingen: controlegrenzen met overdispersie volgens Spiegelhalter, met gewinsoriseerde z-scores zoals FunnelPlotR. ' +
        `Veranderingen: de marge van het verschil volgens MOVER-D/Newcombe; recente trend: chi-kwadraattoets voor trend bij 99,8%. Uitleg in woorden: ${context.methodPage}. ` +
        `Getallen met een punt als decimaalteken (Excel-versie: komma), berekende getallen met ${DECIMALS} decimalen, φ en τ² met ${SIGNIFICANT} significante cijfers. ` +
        'De CSV heeft kolomnamen voor programma’s (marge95_onder), de Excel-versie Nederlandse kolomnamen met de eenheid (“Ondergrens 95%-marge (%)”); bij elke kolom staat de naam in het andere bestand (naamInExcel, naamInCsv). De beschrijvingen noemen kolommen bij hun naam in de CSV.',
      release: context.release,
      homepage: context.homepage,
      indeling: `gemeenten op de gemeentelijke indeling van ${context.indelingYear}; eerdere perioden omgerekend`,
      datasets: context.datasets,
    },
    [],
  );
  const { resources: _none, ...rest } = head;
  return {
    ...rest,
    methode: context.methodPage,
    resources: COMPARISON_TABLES.flatMap((name) =>
      (['rfc4180', 'excel-nl'] as const).map((dialect) => {
        const d = DIALECTS[dialect];
        const table = tables[name];
        return {
          name: `${name}${d.suffix}`,
          path: comparisonFileName(name, dialect),
          title: `${table.title}${dialect === 'excel-nl' ? ' (voor Excel)' : ''}`,
          description: table.description,
          profile: 'tabular-data-resource',
          format: 'csv',
          mediatype: 'text/csv',
          encoding: d.bom ? 'utf-8-sig' : 'utf-8',
          dialect: { delimiter: d.delimiter, lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
          schema: comparisonSchema(table, dialect),
        };
      }),
    ),
  };
}

/** The dataset metas the tables draw on: those of the key figures with a rate. */
export function comparisonDatasets(context: FactsContext): DatasetMeta[] {
  const metas = KEY_CONCEPTS.map((c) => context.concept(c)).filter((s) => s?.rate !== undefined).map((s) => s!.dataset.meta);
  return [...new Set(metas)];
}
