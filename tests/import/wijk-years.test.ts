/** Wijk rows of a year the register has no wijkindeling for: the import says so (npm run reference). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQuietly, ODATA_CSV_HEADER, odataCsv, removeDir, tempDir, writeInput } from './helpers';

describe('importing wijken of a year the register does not know', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await tempDir('wijk-years-');
  });
  afterAll(async () => removeDir(tmp));

  it('names the year and how to bring the register up to date; a known year passes quietly', async () => {
    const lines = [
      '0,2,T001203,GM0363    ,2022JJ00,   21520,   32485,Amsterdam                               ',
      '1,3,T001203,WK036300  ,2022JJ00,     900,    1300,Amsterdam                               ',
      '2,4,T001203,GM0363    ,2023JJ00,   21000,   32000,Amsterdam                               ',
      '3,5,T001203,WK036300  ,2023JJ00,     880,    1250,Amsterdam                               ',
    ];
    const input = await writeInput(tmp, 'wijken.csv', odataCsv(lines, ODATA_CSV_HEADER));
    const messages: string[] = [];
    await importQuietly({ inputs: [input], out: `${tmp}/data`, release: '2024-04-30', progress: (m) => messages.push(m) });
    const notice = messages.filter((m) => m.includes('staan niet in het register'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain('wijken van 2023 staan niet in het register (src/reference/wijken.csv)');
    expect(notice[0]).toContain('npm run reference');
    expect(notice[0]).not.toContain('2022');
  });
});
