import { describe, expect, it } from 'vitest';
import { forEachCsvRecord, readCsv } from '../../src/lib/csv/read-csv';

/** The header and records forEachCsvRecord gives, or the message of its error. */
function streamed(text: string): { header: string[]; records: Array<{ line: number; cells: string[] }> } | string {
  const out = { header: [] as string[], records: [] as Array<{ line: number; cells: string[] }> };
  try {
    forEachCsvRecord(text, { file: 't.csv', delimiter: ',' }, { header: (h) => (out.header = h), record: (line, cells) => out.records.push({ line, cells }) });
    return out;
  } catch (error) {
    return (error as Error).message;
  }
}

function whole(text: string): ReturnType<typeof streamed> {
  try {
    return readCsv(text, { file: 't.csv', delimiter: ',' });
  } catch (error) {
    return (error as Error).message;
  }
}

describe('records one at a time', () => {
  it('gives what the general parser gives, quoted or not, with blank lines, CRLF and field count errors', () => {
    const texts = [
      'regio,perioden,a\nGM0363,2023HJ01,5\n\nGM0014,2023HJ01,.\n',
      'regio,perioden,a\nGM0363,2023HJ01,5',
      ' regio , perioden ,a\nGM0363,2023HJ01,\n',
      'regio,perioden,a\r\nGM0363,2023HJ01,5\r\n',
      'regio,perioden,a\nGM0363,"2023,HJ01",5\n"GM""0014",x,-\n',
      'regio,perioden,a\nGM0363,2023HJ01\n',
      'regio,perioden,a\nGM0363,2023HJ01,5,6\n',
      '\n\n',
      'regio,perioden,a\n',
    ];
    for (const text of texts) expect(streamed(text), JSON.stringify(text)).toEqual(whole(text));
  });
});
