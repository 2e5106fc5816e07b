/**
 * The download of all statistical neighbours (/downloads/buren/): one row per current gemeente and
 * neighbour rank, with the distance and, side by side, the characteristics the neighbours were chosen on of
 * the gemeente and of the neighbour. A gemeente without neighbours has one row that says it is compared with
 * its size class and which characteristics it lacks, so every gemeente is in the file. As the other
 * downloads: the comma file has machine names, the Excel file a unique Dutch label with its unit. Pure.
 */
import { CsvLineWriter, csvFileText, type CsvDialect } from '../downloads/csv';
import type { FactsContext } from '../facts/context';
import { characteristicCell, siteNeighbours, type SiteNeighbours } from './site';

export const NEIGHBOURS_FOLDER = '/downloads/buren/';
export const NEIGHBOURS_FILES: Record<CsvDialect, string> = { rfc4180: 'buren.csv', 'excel-nl': 'buren-excel.csv' };
export const neighboursFilePath = (dialect: CsvDialect) => `${NEIGHBOURS_FOLDER}${NEIGHBOURS_FILES[dialect]}`;

/** Decimals of the distance in the file: far below any difference that orders the neighbours differently. */
const DISTANCE_DECIMALS = 6;

export interface NeighbourColumn {
  name: string;
  /** The Excel header: Dutch, unique, with the unit where there is one. */
  label: string;
}

type Cell = string | number | null;

export interface NeighbourDownload {
  columns: readonly NeighbourColumn[];
  rows: readonly Cell[][];
}

/**
 * The Excel label of a characteristic of one side: "Inwoners, gemeente (aantal)". A label that names its unit
 * in brackets keeps them ("Eenoudergezinnen, gemeente (% van de huishoudens met kinderen)"), not a second "(%)".
 */
export function characteristicLabel(label: string, unit: string, side: string): string {
  const bracketed = /^(.*) \((.+)\)$/.exec(label);
  return bracketed ? `${bracketed[1]}, ${side} (${bracketed[2]})` : `${label}, ${side} (${unit})`;
}

/** The table of the download: columns and rows, before either dialect writes it. */
export function neighbourDownload(context: FactsContext, site: SiteNeighbours = siteNeighbours(context)): NeighbourDownload {
  const { register } = context;
  const used = site.model?.method.characteristics ?? [];
  const measures = used.map((c) => site.measures.get(c.id)!);
  const columns: NeighbourColumn[] = [
    { name: 'gemeente_code', label: 'Gemeentecode' },
    { name: 'gemeente', label: 'Gemeente' },
    { name: 'gekozen_op', label: 'Gekozen op (kenmerken of grootteklasse)' },
    { name: 'rang', label: 'Rang (1 = meest gelijkend)' },
    { name: 'buur_code', label: 'Gemeentecode vergelijkbare gemeente' },
    { name: 'buur', label: 'Vergelijkbare gemeente' },
    { name: 'afstand', label: 'Afstand (standaarddeviaties)' },
    { name: 'kenmerken_periode', label: 'Periode van de kenmerken' },
    { name: 'ontbrekende_kenmerken', label: 'Ontbrekende kenmerken' },
    ...measures.map((m) => ({ name: m.id, label: characteristicLabel(m.label, m.unit, 'gemeente') })),
    ...measures.map((m) => ({ name: `buur_${m.id}`, label: characteristicLabel(m.label, m.unit, 'vergelijkbare gemeente') })),
  ];
  const valuesOf = (code: string): Cell[] =>
    site.dataset && site.period ? used.map((c) => characteristicCell(site.dataset!, code, site.period!, c.id)?.value ?? null) : [];
  const rows: Cell[][] = [];
  for (const code of context.currentGemeenten()) {
    const outcome = site.of(code);
    const own = valuesOf(code);
    if (outcome.kind === 'grootteklasse') {
      rows.push([code, register.label(code), 'grootteklasse', null, null, null, null, site.period ?? null, outcome.missing.join(' ') || null, ...own, ...used.map(() => null)]);
      continue;
    }
    for (const n of outcome.neighbours) {
      const distance = Number(n.distance.toFixed(DISTANCE_DECIMALS));
      rows.push([code, register.label(code), 'kenmerken', n.rank, n.code, register.label(n.code), distance, site.period ?? null, null, ...own, ...valuesOf(n.code)]);
    }
  }
  return { columns, rows };
}

/** The file in one dialect; the build writes each file once, so it is not kept. */
export function neighboursCsv(context: FactsContext, dialect: CsvDialect): string {
  const table = neighbourDownload(context);
  const writer = new CsvLineWriter(dialect);
  const header = writer.line(table.columns.map((c) => (dialect === 'excel-nl' ? c.label : c.name)));
  return csvFileText(header, table.rows.map((r) => writer.line(r)), dialect);
}
