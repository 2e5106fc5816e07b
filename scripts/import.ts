/**
 * npm run import -- <bestand of map>... [--out data] [--release JJJJ-MM-DD] [--status voorlopig] [--cbs 85097NED] [--odata v3|v4]
 *
 * Turns CBS exports (StatLine CSV downloads, OData v3 CSV/JSON, OData v4 JSON) into the project's data folder.
 * Thin on purpose: argument parsing and the exit code; the work is in src/node/import-fs.ts.
 */
import { parseArgs } from 'node:util';
import { DataError } from '../src/lib/data/errors';
import { runImport } from '../src/node/import-fs';

const USAGE = `Gebruik: npm run import -- <bestand of map>... [opties]

  <bestand of map>      StatLine-CSV, OData-v3-CSV, of een map met OData-JSON-antwoorden (v3 of v4)
  --out <map>           de datamap die geschreven wordt (standaard: data)
  --release <datum>     publicatiedatum JJJJ-MM-DD (standaard: vandaag). Een opgegeven datum bepaalt ook de
                        status (voorlopig, nader voorlopig, definitief) van perioden waarvoor het bestand
                        er geen noemt (OData-CSV), volgens het CBS-ritme
  --status <status>     de status van perioden waarvoor het bestand er geen noemt: voorlopig,
                        nader-voorlopig of definitief, of per periode: --status 2022JJ00=voorlopig (mag vaker).
                        Een status in het bestand zelf (StatLine "2022*", OData Perioden) gaat altijd voor
  --cbs <tabel>         haal een CBS-tabel op via OData, bijv. --cbs 85097NED (mag vaker)
  --odata v3|v4         welke OData-versie --cbs gebruikt (standaard: v4)
  --quiet               geen voortgangsregels
  --help                deze tekst`;

function parse() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o', default: 'data' },
      release: { type: 'string' },
      status: { type: 'string', multiple: true },
      cbs: { type: 'string', multiple: true },
      odata: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.odata !== undefined && values.odata !== 'v3' && values.odata !== 'v4') {
    throw new DataError({ file: '--odata' }, 'v3 of v4', values.odata);
  }
  return { values: { ...values, odata: values.odata as 'v3' | 'v4' | undefined }, positionals };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const progress = args.values.quiet ? undefined : (message: string) => console.error(message);
  try {
    const result = await runImport({
      inputs: args.positionals,
      out: args.values.out,
      release: args.values.release,
      status: args.values.status,
      cbs: args.values.cbs,
      odata: args.values.odata,
      progress,
    });
    progress?.(`klaar: ${result.datasets.length} dataset(s) in ${result.out}, release ${result.release}`);
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      console.error(`Import mislukt, er is niets geschreven.\n${error.message}`);
      return 1;
    }
    console.error('Import mislukt door een fout in het programma, er is niets geschreven:');
    console.error(error);
    return 3;
  }
}

process.exitCode = await main();
