/**
 * Wijken per year: a wijk code can stand for another area from one year to the next (CBS
 * IndelingswijzigingWijken, src/reference/wijkindelingen.json), and names change. The register names each
 * year's figures as that year's wijkindeling did and tells versions of a code apart.
 */
import { describe, expect, it } from 'vitest';
import { registerLabel } from '../../src/lib/downloads/files';
import { RegionRegister } from '../../src/lib/regions/register';
import { wijkChangeNote, wijkVersionsOf } from '../../src/lib/regions/wijk-versions';
import { loadRegister } from '../../src/node/reference-fs';

const register = loadRegister({ latestYear: 2022 });

describe('wijk versions in the register', () => {
  it('names a wijk as its year did: WK003402 is Wijk 02 Almere Stad in 2021 and De Werven in 2022', () => {
    expect(register.wijkName('WK003402', 2021)).toBe('Wijk 02 Almere Stad');
    expect(register.wijkName('WK003402', 2022)).toBe('De Werven');
    expect(register.wijkIn('WK003402', 2021)?.inwoners).toBe(109415);
    expect(register.wijkIn('WK003402', 2022)?.inwoners).toBe(2860);
    // Years outside the reference follow the nearest wijkindeling: before 2021 that of 2021, after 2022 that of 2022.
    expect(register.wijkIndelingYear(2018)).toBe(2021);
    expect(register.wijkIndelingYear(2025)).toBe(2022);
    expect(register.wijkName('WK003402', 2019)).toBe('Wijk 02 Almere Stad');
    expect(register.wijkName('WK003402', 2024)).toBe('De Werven');
  });

  it('tells another area (CBS code 3) from another name only', () => {
    const almere = register.wijkVersions('WK003402');
    expect(almere.map((v) => [v.first, v.last, v.naam, v.change?.kind])).toEqual([
      [2021, 2021, 'Wijk 02 Almere Stad', undefined],
      [2022, 2022, 'De Werven', 'gebied'],
    ]);
    expect(register.sameWijkArea('WK003402', 2021, 2022)).toBe(false);
    expect(wijkChangeNote(register.wijkVersion('WK003402', 2022))).toBe('andere indeling dan in 2021');
    expect(register.wijkLabel('WK003402', 2022)).toBe('De Werven (andere indeling dan in 2021)');
    expect(register.wijkLabel('WK003402', 2021)).toBe('Wijk 02 Almere Stad');

    // Kampen dropped the "Wijk 03" of its names; CBS says the area did not change.
    const ijsselmuiden = register.wijkVersions('WK016603');
    expect(ijsselmuiden.map((v) => [v.naam, v.change?.kind])).toEqual([
      ['Wijk 03 IJsselmuiden', undefined],
      ['IJsselmuiden', 'naam'],
    ]);
    expect(register.sameWijkArea('WK016603', 2021, 2022)).toBe(true);
    expect(register.wijkLabel('WK016603', 2022)).toBe('IJsselmuiden');

    // Goutum kept its name, but not its area.
    expect(register.wijkName('WK008071', 2021)).toBe(register.wijkName('WK008071', 2022));
    expect(register.sameWijkArea('WK008071', 2021, 2022)).toBe(false);

    // Unchanged: one version over both years.
    expect(register.wijkVersions('WK001400')).toEqual([{ code: 'WK001400', first: 2021, last: 2022, naam: 'Centrum' }]);
    expect(register.sameWijkArea('WK001400', 2015, 2026)).toBe(true);
  });

  it('knows when a wijk did not exist: new in 2022, or ended with its gemeente', () => {
    expect(register.wijkIn('WK003437', 2021)).toBeUndefined(); // Gooisekant, new in Almere's 2022 indeling
    expect(register.wijkVersion('WK003437', 2021)).toBeUndefined();
    expect(register.wijkIn('WK037008', 2022)).toBeUndefined(); // Beemster, merged into Purmerend
    expect(register.wijkenOf('GM0034', 2021)).toHaveLength(6);
    expect(register.wijkenOf('GM0034', 2022)).toHaveLength(71);
    expect(register.wijkenOf('GM0034', 2019)).toHaveLength(6);
  });

  it('splits versions where the code was gone for a year, and can be given other changes', () => {
    const record = (jaar: number, naam: string) => ({ code: 'WK999901', naam, gemeente: 'GM9999', jaar, inwoners: 100, inwoners0tot15: 10, inwoners15tot25: 10 });
    const gap = wijkVersionsOf('WK999901', [record(2020, 'A'), record(2022, 'A')], [2020, 2021, 2022], new Map());
    expect(gap.map((v) => v.change?.kind)).toEqual([undefined, 'gebied']);
    const none = new RegionRegister(register.reference, { latestYear: 2022, wijkAreaChanges: new Map() });
    expect(none.sameWijkArea('WK003402', 2021, 2022)).toBe(true);
    expect(none.wijkLabel('WK003402', 2022)).toBe('De Werven'); // a new name, no other area: no mark
  });
});

describe('names of wijken in downloads', () => {
  it('gives each period the name of its year, marking another area', () => {
    const label = registerLabel(register);
    expect(label('WK003402', '2021JJ00')).toBe('Wijk 02 Almere Stad');
    expect(label('WK003402', '2022JJ00')).toBe('De Werven (andere indeling dan in 2021)');
    expect(label('WK016603', '2021JJ00')).toBe('Wijk 03 IJsselmuiden');
    expect(label('WK016603', '2022JJ00')).toBe('IJsselmuiden');
    expect(label('GM0034', '2021JJ00')).toBe('Almere');
  });
});
