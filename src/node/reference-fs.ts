/** Reads the project's reference files (src/reference) into a RegionRegister. Node-only. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeUtf8, readCsv, requireColumn, type CsvTable } from '../lib/csv/read-csv';
import { DataError } from '../lib/data/errors';
import {
  RegionRegister,
  type GemeenteRecord,
  type HerindelingRecord,
  type HerindelingSoort,
  type ReferenceData,
} from '../lib/regions/register';
import { referenceDir } from './project-paths';

interface Table {
  file: string;
  table: CsvTable;
  get(record: { cells: string[] }, column: string): string;
}

function openTable(dir: string, name: string): Table {
  const file = path.join(dir, name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new DataError({ file }, 'referentiebestand ontbreekt (maak het met npm run reference)', undefined, { cause });
  }
  const table = readCsv(decodeUtf8(bytes, file), { file, delimiter: ',' });
  const columns = new Map<string, number>();
  return {
    file,
    table,
    get(record, column) {
      let index = columns.get(column);
      if (index === undefined) columns.set(column, (index = requireColumn(table, column, file)));
      return record.cells[index] ?? '';
    },
  };
}

function integer(t: Table, record: { line: number; cells: string[] }, column: string): number {
  const text = t.get(record, column);
  if (!/^\d+$/.test(text)) throw new DataError({ file: t.file, line: record.line, field: column }, 'een geheel getal', text);
  return Number(text);
}

function optionalInteger(t: Table, record: { line: number; cells: string[] }, column: string): number | null {
  return t.get(record, column) === '' ? null : integer(t, record, column);
}

export function readReferenceData(dir = referenceDir()): ReferenceData {
  const provincies = openTable(dir, 'provincies.csv');
  const gemeenten = openTable(dir, 'gemeenten.csv');
  const herindelingen = openTable(dir, 'herindelingen.csv');
  const jeugdregios = openTable(dir, 'jeugdregios.csv');
  const members = openTable(dir, 'jeugdregio-gemeenten.csv');
  const inwoners = openTable(dir, 'inwoners.csv');
  const wijken = openTable(dir, 'wijken.csv');
  const soorten: HerindelingSoort[] = ['samenvoeging', 'opsplitsing', 'grenscorrectie', 'naamswijziging'];

  return {
    provincies: provincies.table.records.map((r) => ({ code: provincies.get(r, 'code'), naam: provincies.get(r, 'naam') })),
    gemeenten: gemeenten.table.records.map(
      (r): GemeenteRecord => ({
        code: gemeenten.get(r, 'code'),
        naam: gemeenten.get(r, 'naam'),
        statlineNaam: gemeenten.get(r, 'statline_naam'),
        provincie: gemeenten.get(r, 'provincie'),
        eersteJaar: integer(gemeenten, r, 'eerste_jaar'),
        laatsteJaar: optionalInteger(gemeenten, r, 'laatste_jaar'),
      }),
    ),
    herindelingen: herindelingen.table.records.map((r): HerindelingRecord => {
      const soort = herindelingen.get(r, 'soort') as HerindelingSoort;
      if (!soorten.includes(soort)) throw new DataError({ file: herindelingen.file, line: r.line, field: 'soort' }, `een van ${soorten.join(', ')}`, soort);
      return {
        jaar: integer(herindelingen, r, 'jaar'),
        oudeCode: herindelingen.get(r, 'oude_code'),
        oudeNaam: herindelingen.get(r, 'oude_naam'),
        nieuweCode: herindelingen.get(r, 'nieuwe_code'),
        nieuweNaam: herindelingen.get(r, 'nieuwe_naam'),
        aandeel: Number(herindelingen.get(r, 'aandeel')),
        soort,
      };
    }),
    jeugdregios: jeugdregios.table.records.map((r) => ({ code: jeugdregios.get(r, 'code'), naam: jeugdregios.get(r, 'naam') })),
    jeugdregioGemeenten: members.table.records.map((r) => ({ gemeente: members.get(r, 'gemeente'), jeugdregio: members.get(r, 'jeugdregio') })),
    inwoners: inwoners.table.records.map((r) => ({
      code: inwoners.get(r, 'code'),
      jaar: integer(inwoners, r, 'jaar'),
      inwoners: optionalInteger(inwoners, r, 'inwoners'),
      inwoners0tot15: optionalInteger(inwoners, r, 'inwoners_0_14'),
      inwoners15tot25: optionalInteger(inwoners, r, 'inwoners_15_24'),
    })),
    wijken: wijken.table.records.map((r) => ({
      code: wijken.get(r, 'code'),
      naam: wijken.get(r, 'naam'),
      gemeente: wijken.get(r, 'gemeente'),
      jaar: integer(wijken, r, 'jaar'),
      inwoners: optionalInteger(wijken, r, 'inwoners'),
      inwoners0tot15: optionalInteger(wijken, r, 'inwoners_0_14'),
      inwoners15tot25: optionalInteger(wijken, r, 'inwoners_15_24'),
    })),
  };
}

let cachedReference: ReferenceData | undefined;
const registers = new Map<number | undefined, RegionRegister>();

/** The register with a given latest indeling (default: that of the last herindeling), read once per process. */
export function loadRegister(options: { latestYear?: number } = {}): RegionRegister {
  let register = registers.get(options.latestYear);
  if (!register) {
    cachedReference ??= readReferenceData();
    register = new RegionRegister(cachedReference, options);
    registers.set(options.latestYear, register);
  }
  return register;
}
