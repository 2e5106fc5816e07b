/**
 * Picks the reader for an export by its content, not its name: a `;`-separated CSV is a StatLine download,
 * a comma-separated one a saved OData v3 data set; JSON responses are OData v4 when they hold `Observations`,
 * otherwise v3 (`TypedDataSet`/`UntypedDataSet`).
 */
import { guessDelimiter } from '../csv/read-csv';
import { DataError } from '../data/errors';
import type { RegionRegister } from '../regions/register';
import type { ODataBundle } from './odata-bundle';
import { readODataCsv, readODataV3 } from './odata-v3';
import { readODataV4 } from './odata-v4';
import type { SourceTable } from './source-table';
import { readStatlineCsv } from './statline-csv';

export function readCsvSource(text: string, file: string, register: RegionRegister): SourceTable {
  return guessDelimiter(text) === ';' ? readStatlineCsv(text, file, register) : readODataCsv(text, file);
}

export function readODataSource(bundle: ODataBundle): SourceTable {
  if (bundle.sets.has('Observations')) return readODataV4(bundle);
  if (bundle.sets.has('TypedDataSet') || bundle.sets.has('UntypedDataSet')) return readODataV3(bundle);
  throw new DataError(
    { file: bundle.source },
    `OData-antwoorden met gegevens: Observations (v4), TypedDataSet of UntypedDataSet (v3); gevonden: ${[...bundle.sets.keys()].join(', ') || 'niets'}`,
  );
}
