/**
 * Picks the reader for an export by its content, not its name: a CSV whose header has a Perioden column and
 * columns headed "Label (eenheid)" is a StatLine download, whatever its separator (`;` as StatLine writes it,
 * or `,` or a tab after a spreadsheet saved it again); any other CSV a saved OData v3 data set. JSON
 * responses are OData v4 when they hold `Observations`, otherwise v3 (`TypedDataSet`/`UntypedDataSet`).
 */
import Papa from 'papaparse';
import { guessDelimiter } from '../csv/read-csv';
import { DataError } from '../data/errors';
import type { RegionRegister } from '../regions/register';
import type { ODataBundle } from './odata-bundle';
import { readODataCsv, readODataV3 } from './odata-v3';
import { readODataV4 } from './odata-v4';
import type { SourceTable } from './source-table';
import { isStatlineHeader, readStatlineCsv } from './statline-csv';

export function readCsvSource(text: string, file: string, register: RegionRegister): SourceTable {
  const delimiter = guessDelimiter(text);
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const header = (Papa.parse<string[]>(firstLine, { delimiter }).data[0] ?? []).map((h) => h.trim());
  return delimiter === ';' || isStatlineHeader(header) ? readStatlineCsv(text, file, register, delimiter) : readODataCsv(text, file, delimiter);
}

export function readODataSource(bundle: ODataBundle): SourceTable {
  if (bundle.sets.has('Observations')) return readODataV4(bundle);
  if (bundle.sets.has('TypedDataSet') || bundle.sets.has('UntypedDataSet')) return readODataV3(bundle);
  throw new DataError(
    { file: bundle.source },
    `OData-antwoorden met gegevens: Observations (v4), TypedDataSet of UntypedDataSet (v3); gevonden: ${[...bundle.sets.keys()].join(', ') || 'niets'}`,
  );
}
