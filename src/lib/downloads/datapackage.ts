/**
 * The metadata that travels with every download, as a Frictionless Data Package (datapackage.json,
 * https://specs.frictionlessdata.io/data-package/): title, source, licence, release, the columns with their
 * types, labels, units and definitions, the categories of each dimension, and the CBS verklaring van tekens.
 * Frictionless tools (frictionless validate, R's frictionless, pandas via frictionless-py) read the CSVs
 * with it. Pure.
 */
import type { DatasetMeta, Measure, Release } from '../../schemas/dataset';
import { STATUS_LABEL } from '../data/periods';
import { SYMBOL_LEGEND } from '../data/symbols';
import { DIALECTS, type CsvDialect } from './csv';
import { SYMBOL_SUFFIX, wideColumnLabels, wideColumns } from './wide';

export interface PackageResource {
  /** The dataset whose columns the file has. */
  meta: DatasetMeta;
  /** The file, relative to datapackage.json (or an absolute URL). */
  path: string;
  dialect: CsvDialect;
  /** Resource name, unique in the package: lower case, digits, `-`, `_`, `.`. */
  name: string;
  title?: string;
}

export interface PackageContext {
  name: string;
  title: string;
  description: string;
  release: Release | undefined;
  /** The page these files belong to (absolute URL). */
  homepage: string;
  /** How gemeente rows are laid out: "omgerekend naar de indeling van 2026" or "zoals gepubliceerd". */
  indeling: string;
  /** Dataset metas for the sources and licences (every dataset the package draws on). */
  datasets: readonly DatasetMeta[];
}

interface Field {
  name: string;
  /** The same column's name in the other dialect's file: the Dutch label in the Excel file, the machine name in the comma file. */
  naamInExcel?: string;
  naamInCsv?: string;
  type: 'string' | 'number' | 'integer';
  title: string;
  description?: string;
  constraints?: { required?: boolean; enum?: string[] };
  decimalChar?: string;
  unit?: string;
  bareNumber?: boolean;
}

function measureDescription(m: Measure): string {
  const what = m.unit === 'aantal' ? `aantal ${m.countOf}` : `${m.unit}${m.rate ? ` van ${m.rate.denominatorLabel}` : ''}`;
  const derived = m.derived ? ' Berekend uit teller en noemer in deze tabel.' : '';
  return `${what}.${m.definition ? ` ${m.definition}` : ''}${derived}`.trim();
}

/** The Table Schema of a dataset's wide download. */
export function tableSchema(meta: DatasetMeta, dialect: CsvDialect) {
  const fields: Field[] = [];
  const symbols = SYMBOL_LEGEND.filter((s) => s.symbol !== '*' && s.symbol !== '**').map((s) => s.symbol);
  for (const name of wideColumns(meta)) {
    const dim = meta.dimensions.find((d) => name === d.id || name === `${d.id}_code`);
    const measure = meta.measures.find((m) => name === m.id);
    const symbolOf = meta.measures.find((m) => name === `${m.id}${SYMBOL_SUFFIX}`);
    if (name === 'regio_code') fields.push({ name, type: 'string', title: 'Regiocode', description: 'CBS-code: NL01, PVnn (provincie), JZnn (jeugdregio), GMnnnn (gemeente), WKnnnnnn (wijk).', constraints: { required: true } });
    else if (name === 'regio') fields.push({ name, type: 'string', title: 'Regio' });
    else if (name === 'perioden_code') fields.push({ name, type: 'string', title: 'Periodecode', description: 'CBS-periodecode, bijvoorbeeld 2023JJ00 (jaar), 2023HJ01 (1e halfjaar), 2023PD06 (peildatum 30 juni).', constraints: { required: true } });
    else if (name === 'perioden') fields.push({ name, type: 'string', title: 'Periode' });
    else if (name === 'status') fields.push({ name, type: 'string', title: 'Status van de periode', description: 'voorlopig (*), nader voorlopig (**) of definitief.', constraints: { enum: Object.values(STATUS_LABEL) } });
    else if (name === 'omgerekend') fields.push({ name, type: 'string', title: 'Omgerekend', description: 'ja: de gemeente is samengesteld uit gemeenten van de indeling van die periode (herindeling); nee: zoals gepubliceerd.', constraints: { enum: ['ja', 'nee'] } });
    else if (dim && name === `${dim.id}_code`) fields.push({ name, type: 'string', title: `${dim.label} (code)`, description: dim.codes.map((c) => `${c.code} = ${c.label}`).join('; '), constraints: { enum: dim.codes.map((c) => c.code) } });
    else if (dim) fields.push({ name, type: 'string', title: dim.label, ...(dim.description ? { description: dim.description } : {}) });
    else if (measure) {
      const integer = measure.decimals === 0;
      fields.push({
        name,
        type: integer ? 'integer' : 'number',
        title: measure.label,
        description: measureDescription(measure),
        unit: measure.unit === 'aantal' ? measure.countOf : measure.unit,
        ...(!integer && dialect === 'excel-nl' ? { decimalChar: ',' } : {}),
      });
    } else if (symbolOf) {
      fields.push({ name, type: 'string', title: `${symbolOf.label}: teken`, description: 'Het CBS-teken bij de waarde (verklaring van tekens): waarom de waarde ontbreekt, of - bij nihil (waarde 0); leeg bij een gewoon cijfer en bij een cijfer dat niet kan voorkomen (dan is ook de waarde leeg).', constraints: { enum: symbols.filter((s) => s !== '') } });
    }
  }
  const primaryKey = ['regio_code', 'perioden_code', ...meta.dimensions.map((d) => `${d.id}_code`)];
  // The codebook maps the two headers: the Excel file's columns are its Dutch labels with units, the comma file's the machine names.
  const excelNames = wideColumnLabels(meta);
  const labels = new Map(wideColumns(meta).map((name, i) => [name, excelNames[i]!]));
  if (dialect === 'excel-nl') {
    return {
      fields: fields.map(({ name, ...rest }) => ({ name: labels.get(name)!, naamInCsv: name, ...rest })),
      missingValues: [''],
      primaryKey: primaryKey.map((name) => labels.get(name)!),
    };
  }
  return { fields: fields.map((f) => ({ ...f, naamInExcel: labels.get(f.name)! })), missingValues: [''], primaryKey };
}

export function resource(r: PackageResource) {
  const d = DIALECTS[r.dialect];
  return {
    name: r.name,
    path: r.path,
    ...(r.title ? { title: r.title } : {}),
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    // The Excel dialect starts with a byte-order mark; 'utf-8-sig' tells readers to skip it.
    encoding: d.bom ? 'utf-8-sig' : 'utf-8',
    dialect: { delimiter: d.delimiter, lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: tableSchema(r.meta, r.dialect),
  };
}

/** A datapackage.json for a set of CSV files. */
export function dataPackage(context: PackageContext, resources: readonly PackageResource[]) {
  const licences = uniqueBy(context.datasets.map((d) => d.licence), (l) => l.url);
  const sources = uniqueBy(
    context.datasets.map((d) => ({
      title: `${d.source.name}${d.source.table ? `, tabel ${d.source.table}` : ''}`,
      ...(d.source.url ? { path: d.source.url } : {}),
      // The note the table page shows beside the table number, such as that it was not checked for 2022.
      ...(d.source.note ? { description: d.source.note } : {}),
    })),
    (s) => s.title,
  );
  return {
    profile: 'tabular-data-package',
    name: context.name,
    title: context.title,
    description: context.description,
    homepage: context.homepage,
    ...(context.release ? { version: context.release.id, created: `${context.release.date}T00:00:00Z` } : {}),
    licenses: licences.map((l) => ({ name: l.name.replace(/\s+/g, '-'), path: l.url, title: l.name })),
    sources,
    contributors: [{ title: context.datasets[0]?.attribution ?? 'Bron: CBS', role: 'publisher' }],
    keywords: ['jeugdzorg', 'jeugdhulp', 'jeugdbescherming', 'jeugdreclassering', 'CBS', 'beleidsinformatie jeugd'],
    // Custom properties (allowed by the spec): the release, the indeling and the verklaring van tekens.
    publicatie: context.release ? { id: context.release.id, datum: context.release.date, titel: context.release.title } : null,
    indeling: context.indeling,
    fictief: context.datasets.some((d) => d.fictitious),
    verklaringVanTekens: SYMBOL_LEGEND.map((s) => ({ teken: s.shown, betekenis: s.meaning })),
    resources: resources.map(resource),
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** The JSON of resources as JSON.stringify(…, null, 2) writes them as the package's last property. */
export type ResourceText = (r: PackageResource) => string;

/**
 * A datapackage.json as JSON.stringify(pkg, null, 2) writes it, with each resource's text from `text` (which
 * may be kept: the resources of a table are the same in every gemeente's package, and 414 packages of
 * 82 kB each were built and stringified anew). Byte for byte the same: a nested value is written as on
 * its own, each line indented by its depth.
 */
export function dataPackageText(context: PackageContext, resources: readonly PackageResource[], text: ResourceText = (r) => JSON.stringify(resource(r), null, 2)): string {
  const head = JSON.stringify(dataPackage(context, []), null, 2);
  const empty = '"resources": []\n}';
  if (!head.endsWith(empty)) throw new Error('datapackage: resources is niet de laatste eigenschap');
  const list = resources.length === 0 ? '[]' : `[\n${resources.map((r) => text(r).replace(/^/gm, '    ')).join(',\n')}\n  ]`;
  return `${head.slice(0, -empty.length)}"resources": ${list}\n}\n`;
}
