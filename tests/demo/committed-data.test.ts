import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatObservationsCsv } from '../../src/lib/data/observations-csv';
import { readDataDir, reconstructRelease } from '../../src/node/datastore-fs';
import { projectRoot } from '../../src/node/project-paths';
import { protectForWriting } from '../../src/node/disclosure-fs';
import { loadRegister } from '../../src/node/reference-fs';
import { defaultDemo } from './helpers';

describe('the committed data/ folder', () => {
  // Protecting every table of every release takes about two minutes alone (jeugdhulp-verloop's measures that add
  // up need the most secondary suppression), more beside other test files on two cores.
  it('is exactly what the generator makes now (regenerate with npm run data:demo)', async () => {
    const store = await readDataDir(path.join(projectRoot(), 'data'));
    // As npm run data:demo writes it: protected (disclosure control) and stamped.
    const fresh = protectForWriting(defaultDemo(), loadRegister()).data;
    expect(store.catalog).toEqual(fresh.catalog);
    expect(store.datasets.map((d) => d.meta.id)).toEqual(fresh.datasets.map((d) => d.meta.id));
    for (const [i, d] of fresh.datasets.entries()) {
      const stored = store.datasets[i]!;
      expect(stored.meta).toEqual(JSON.parse(JSON.stringify(d.meta)));
      expect(formatObservationsCsv(stored.meta, stored.rows) === formatObservationsCsv(d.meta, d.rows), `${d.meta.id}/observations.csv`).toBe(true);
      for (const { release, periods } of d.meta.history) {
        const expected = reconstructRelease(d.rows, d.history!.get(release)!, new Set(periods.map((p) => p.code)));
        const actual = store.history.get(d.meta.id)!.get(release)!;
        expect(formatObservationsCsv(stored.meta, actual) === formatObservationsCsv(d.meta, expected), `${d.meta.id} ${release}`).toBe(true);
      }
    }
  }, 420_000);
});
