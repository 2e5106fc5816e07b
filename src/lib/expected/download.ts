/**
 * The download of expected against observed (/downloads/verwacht/): one row per current gemeente, key
 * measure and period, with the observed count, the expected count from age and sex with the ratio, its 95%
 * margin and the verdict, and the expected count from the characteristics with its ratio, margin and the
 * model's fit. As the other downloads: the comma file has machine names, the Excel file a Dutch label with its
 * unit; the codebook (datapackage.json) says what each column is and how it is computed. Pure.
 */
import type { Release } from '../../schemas/dataset';
import { dataPackage } from '../downloads/datapackage';
import { CsvLineWriter, csvFileText, DIALECTS, type CsvDialect } from '../downloads/csv';
import type { FactsContext } from '../facts/context';
import { NO_VERDICT_TEXT, VERDICT_TEXT } from '../stats/verdict';
import { Z95 } from '../stats/intervals';
import { EXPLAINS_LITTLE, FOLDS, MODEL_ABSENT_TEXT } from './model';
import { siteExpected, STANDARDISED_ABSENT_TEXT } from './site';

export const EXPECTED_FOLDER = '/downloads/verwacht/';
export const EXPECTED_FILES: Record<CsvDialect, string> = { rfc4180: 'verwacht.csv', 'excel-nl': 'verwacht-excel.csv' };
export const expectedFilePath = (dialect: CsvDialect | 'codeboek') => `${EXPECTED_FOLDER}${dialect === 'codeboek' ? 'datapackage.json' : EXPECTED_FILES[dialect]}`;

/**
 * Decimals of computed numbers in the file: two below what a page prints (ratios with 2, counts with 0), enough
 * to recompute and to round as the page does, and a file of half the size of one with 6.
 */
const DECIMALS = 4;
const fixed = (v: number | undefined | null) => (v === undefined || v === null || !Number.isFinite(v) ? null : Number(v.toFixed(DECIMALS)) || 0);

export interface ExpectedColumn {
  name: string;
  type: 'string' | 'integer' | 'number';
  /** The Excel header: Dutch, unique, with the unit where there is one. */
  label: string;
  description: string;
}

type Cell = string | number | null;

const z = String(Z95).replace('.', ',');

export const EXPECTED_COLUMNS: readonly ExpectedColumn[] = [
  { name: 'gemeente_code', type: 'string', label: 'Gemeentecode', description: 'CBS-code van de gemeente, op de nieuwste gemeentelijke indeling.' },
  { name: 'gemeente', type: 'string', label: 'Gemeente', description: 'Naam van de gemeente.' },
  { name: 'onderwerp', type: 'string', label: 'Onderwerp (code)', description: 'Het onderwerp, als code (jongeren-jeugdhulp, jongeren-jeugdbescherming, …).' },
  { name: 'onderwerp_naam', type: 'string', label: 'Onderwerp', description: 'Het onderwerp in woorden.' },
  { name: 'periode', type: 'string', label: 'Periode (code)', description: 'CBS-periodecode: 2026HJ01 is het 1e halfjaar 2026.' },
  { name: 'gemeten', type: 'integer', label: 'Gemeten (aantal jongeren)', description: 'Het gepubliceerde aantal jongeren (O), afgerond op vijftallen; leeg als het is afgeschermd of onbekend.' },
  { name: 'jongeren', type: 'integer', label: 'Jongeren (aantal)', description: 'Het aantal jongeren waar het aantal deel van is (n): bij de verwachting naar leeftijd en geslacht de som over de groepen.' },
  {
    name: 'verwacht_leeftijd_geslacht',
    type: 'number',
    label: 'Verwacht naar leeftijd en geslacht (aantal jongeren)',
    description: 'Indirecte standaardisatie: E = Σ nᵢ · Oᵢ(NL) / Nᵢ(NL) over de groepen naar leeftijd en geslacht (tot 18 jaar), met nᵢ de jongeren van de gemeente in groep i en Oᵢ(NL) / Nᵢ(NL) het cijfer van Nederland in die groep. Leeg als de cijfers niet zo zijn uitgesplitst (reden in geen_verwachting_reden).',
  },
  { name: 'verhouding', type: 'number', label: 'Gemeten / verwacht naar leeftijd en geslacht', description: 'O / E: 1 is zoals verwacht, 1,10 is 10% meer dan verwacht.' },
  {
    name: 'verhouding_95_onder',
    type: 'number',
    label: 'Ondergrens 95%-marge van gemeten / verwacht',
    description: `Byars benadering van het exacte Poisson-interval van O, gedeeld door E; de ondergrens met het laagste aantal dat achter het afgeronde aantal kan zitten (O − 2). z = ${z}.`,
  },
  { name: 'verhouding_95_boven', type: 'number', label: 'Bovengrens 95%-marge van gemeten / verwacht', description: 'Als verhouding_95_onder, met het hoogste aantal (O + 2).' },
  {
    name: 'oordeel',
    type: 'string',
    label: 'Oordeel gemeten tegen verwacht',
    description:
      `${Object.keys(VERDICT_TEXT).join(', ')}: het aandeel O / n tegen het verwachte aandeel E / n, met de controlegrenzen van het trechterdiagram (95% en 99,8%) verbreed met τ² (kolom tau2): de gewone spreiding tussen gemeenten, hier gemeten op de gestandaardiseerde cijfers. ` +
      'Zoals bij de vergelijkingen moet het oordeel gelden voor elk aantal dat achter het afgeronde aantal kan zitten, en volgt het woord de afgedrukte verhouding (hoger alleen als die afgerond op twee decimalen boven 1,00 ligt).',
  },
  { name: 'geen_oordeel_reden', type: 'string', label: 'Waarom geen oordeel', description: `Als er geen oordeel is: ${Object.entries(NO_VERDICT_TEXT).map(([k, v]) => `${k} (${v})`).join('; ')}.` },
  { name: 'tau2', type: 'number', label: 'Tau² (spreiding tussen gemeenten, arcsinusschaal)', description: 'De spreiding tussen gemeenten die toeval niet verklaart, elk tegen haar eigen verwachte aandeel E / n, op de arcsinus-wortelschaal (Spiegelhalter 2005), met gewinsoriseerde z-scores zoals FunnelPlotR.' },
  { name: 'geen_verwachting_reden', type: 'string', label: 'Waarom geen verwachting naar leeftijd en geslacht', description: `Als verwacht_leeftijd_geslacht leeg is: ${Object.entries(STANDARDISED_ABSENT_TEXT).map(([k, v]) => `${k} (${v})`).join('; ')}.` },
  {
    name: 'verwacht_kenmerken',
    type: 'number',
    label: 'Verwacht naar kenmerken (aantal jongeren)',
    description: 'Poisson-regressie van de aantallen van alle gemeenten in deze periode op hun kenmerken (z-scores; inwoners en adressendichtheid als logaritme), met ln(jongeren) als offset; de verwachting is exp(offset + x·b). Ook als het gemeten aantal is afgeschermd.',
  },
  { name: 'verhouding_kenmerken', type: 'number', label: 'Gemeten / verwacht naar kenmerken', description: 'O gedeeld door verwacht_kenmerken.' },
  {
    name: 'verhouding_kenmerken_95_onder',
    type: 'number',
    label: 'Ondergrens 95%-marge van gemeten / verwacht naar kenmerken',
    description: `Als verhouding_95_onder, maar met z = ${z} · √φ (quasi-Poisson, kolom dispersie): de aantallen variëren φ keer zo sterk als bij toeval. De onzekerheid in de coëfficiënten zelf telt niet mee.`,
  },
  { name: 'verhouding_kenmerken_95_boven', type: 'number', label: 'Bovengrens 95%-marge van gemeten / verwacht naar kenmerken', description: 'Als verhouding_kenmerken_95_onder, de bovengrens.' },
  {
    name: 'model_verklaard',
    type: 'number',
    label: 'Deel van de verschillen dat het model verklaart (kruisvalidatie)',
    description: `${FOLDS}-voudige kruisvalidatie: 1 − ΣD(model) / ΣD(landelijk cijfer) over de weggelaten gemeenten, met D de Poisson-deviantie. Onder ${String(EXPLAINS_LITTLE).replace('.', ',')} zegt de pagina dat het model weinig verklaart en geeft ze geen verwacht aantal; onder 0 voorspelt het slechter dan het landelijke cijfer. Alleen bij de laatste periode van elk onderwerp (die de pagina's tonen): elke kruisvalidatie kost vijf extra schattingen bij de bouw van de site. Voor eerdere perioden staat er model_verklaard_in_steekproef.`,
  },
  {
    name: 'model_verklaard_in_steekproef',
    type: 'number',
    label: 'Deel van de verschillen dat het model verklaart (in de steekproef)',
    description: '1 − deviantie / nuldeviantie van het model op alle gemeenten: hoger dan de kruisvalidatie, want een model past altijd beter op de gemeenten waarop het geschat is.',
  },
  { name: 'dispersie', type: 'number', label: 'Dispersie φ (Pearson χ² / vrijheidsgraden)', description: 'Hoeveel sterker de aantallen rond het model variëren dan bij een Poisson-verdeling (1 = even sterk).' },
  { name: 'kenmerken_periode', type: 'string', label: 'Periode van de kenmerken', description: 'Het jaar van de kenmerken: dat van de periode, of het laatste jaar ervoor.' },
  { name: 'geen_model_reden', type: 'string', label: 'Waarom geen verwachting naar kenmerken', description: `Als verwacht_kenmerken leeg is: ${Object.entries(MODEL_ABSENT_TEXT).map(([k, v]) => `${k} (${v})`).join('; ')}.` },
];

/** The rows of the download, before either dialect writes them. */
export function expectedRows(context: FactsContext): Cell[][] {
  const { register } = context;
  const rows: Cell[][] = [];
  for (const m of siteExpected(context)) {
    for (const period of m.periods) {
      const p = m.period(period);
      const model = 'absent' in p.model ? undefined : p.model;
      for (const g of p.gemeenten.values()) {
        const s = g.standardised;
        const sv = 'absent' in s ? undefined : s;
        const mv = 'absent' in g.model ? undefined : g.model;
        rows.push([
          g.code,
          register.label(g.code),
          m.concept,
          m.measure.label,
          period,
          g.observed,
          g.population,
          fixed(sv?.expected),
          fixed(sv?.ratio),
          fixed(sv?.interval?.lower),
          fixed(sv?.interval?.upper),
          sv?.judgement.verdict ?? null,
          sv?.judgement.reason ?? null,
          sv && p.tau2 !== undefined ? Number(p.tau2.toPrecision(10)) : null,
          'absent' in s ? s.absent : null,
          fixed(mv?.expected),
          fixed(mv?.ratio),
          fixed(mv?.interval?.lower),
          fixed(mv?.interval?.upper),
          fixed(model?.crossValidation?.explained),
          fixed(model?.inSample),
          fixed(model?.fit.dispersion),
          model?.kenmerkenPeriod ?? null,
          'absent' in g.model ? g.model.absent : null,
        ]);
      }
    }
  }
  return rows;
}

/** The file in one dialect; the build writes each file once, so it is not kept (its rows are, for the other dialect). */
export function expectedCsv(context: FactsContext, dialect: CsvDialect): string {
  const writer = new CsvLineWriter(dialect);
  const header = writer.line(EXPECTED_COLUMNS.map((c) => (dialect === 'excel-nl' ? c.label : c.name)));
  const rows = context.sharedBy('downloads|verwacht|rows', Object.keys(EXPECTED_FILES).length, () => expectedRows(context));
  return csvFileText(header, rows.map((r) => writer.line(r)), dialect);
}

/** The codebook: a Frictionless Data Package in the style of the other downloads. */
export function expectedPackage(context: FactsContext, about: { release: Release | undefined; homepage: string; methodPage: string; indelingYear: number }) {
  const datasets = siteExpected(context).map((m) => m.dataset.meta);
  const { resources: _none, ...head } = dataPackage(
    {
      name: 'jeugdzorg-verwacht',
      title: 'Verwacht en gemeten per gemeente',
      description:
        'Per gemeente, onderwerp en periode: het gemeten aantal jongeren, het aantal dat te verwachten is naar leeftijd en geslacht (indirecte standaardisatie op de cijfers van Nederland) met de verhouding, de 95%-marge en het oordeel, ' +
        `en het aantal dat te verwachten is naar de kenmerken van de gemeente (Poisson-regressie per periode) met de verhouding, de marge en hoeveel het model verklaart. Uitleg in woorden: ${about.methodPage}.`,
      release: about.release,
      homepage: about.homepage,
      indeling: `gemeenten op de gemeentelijke indeling van ${about.indelingYear}; eerdere perioden omgerekend`,
      datasets: [...new Map(datasets.map((d) => [d.id, d])).values()],
    },
    [],
  );
  return {
    ...head,
    methode: about.methodPage,
    resources: (['rfc4180', 'excel-nl'] as const).map((dialect) => {
      const d = DIALECTS[dialect];
      const excel = dialect === 'excel-nl';
      return {
        name: `verwacht${d.suffix}`,
        path: EXPECTED_FILES[dialect],
        title: `Verwacht en gemeten${excel ? ' (voor Excel)' : ''}`,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: d.bom ? 'utf-8-sig' : 'utf-8',
        dialect: { delimiter: d.delimiter, lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: EXPECTED_COLUMNS.map((c) => ({
            ...(excel ? { name: c.label, naamInCsv: c.name } : { name: c.name, naamInExcel: c.label }),
            type: c.type,
            title: c.label,
            description: c.description,
            ...(c.type === 'number' && excel ? { decimalChar: ',' } : {}),
          })),
          missingValues: [''],
          primaryKey: excel ? ['Gemeentecode', 'Onderwerp (code)', 'Periode (code)'] : ['gemeente_code', 'onderwerp', 'periode'],
        },
      };
    }),
  };
}
