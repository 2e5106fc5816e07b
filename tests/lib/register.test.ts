import { describe, expect, it } from 'vitest';
import { loadRegister } from '../../src/node/reference-fs';

const register = loadRegister({ latestYear: 2026 });

describe('register of gemeenten', () => {
  it('knows every year\'s indeling', () => {
    const counts = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2026].map((y) => register.gemeentenIn(y).length);
    expect(counts).toEqual([393, 390, 388, 380, 355, 355, 352, 345, 342, 342]);
  });

  it('resolves StatLine names, old names and codes', () => {
    expect(register.resolve('Utrecht (gemeente)')).toEqual(['GM0344']);
    expect(register.resolve('Bergen (NH.)')).toEqual(['GM0373']);
    expect(register.resolve("'s-Gravenhage (gemeente)")).toEqual(['GM0518']);
    expect(register.resolve('weesp')).toEqual(['GM0457']);
    expect(register.resolve('gm0457')).toEqual(['GM0457']);
    expect(register.resolve('Bergen').sort()).toEqual(['GM0373', 'GM0893']);
    expect(register.resolve('Nergenshuizen')).toEqual([]);
  });

  it('maps a merged gemeente wholly onto its successor', () => {
    expect(register.destinations('GM0457', 2022, 2026)).toEqual([{ code: 'GM0363', share: 1 }]);
    expect(register.parts('GM0363', 2022, 2026)).toEqual([
      { code: 'GM0363', share: 1 },
      { code: 'GM0457', share: 1 },
    ]);
    expect(register.isUnchanged('GM0363', 2023, 2026)).toBe(true);
    expect(register.isUnchanged('GM0363', 2022, 2026)).toBe(false);
  });

  it('apportions a split by the shares of addresses (Haaren, 2021)', () => {
    const haaren = register.destinations('GM0788', 2020, 2026);
    expect(haaren.map((d) => d.code)).toEqual(['GM0824', 'GM0865', 'GM0757', 'GM0855']);
    expect(haaren.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 9);
  });

  it('follows a boundary correction and a later merger (Slochteren 2017, 2018)', () => {
    const slochteren = register.destinations('GM0040', 2016, 2026);
    expect(slochteren).toEqual([
      { code: 'GM1952', share: expect.closeTo(0.961, 9) },
      { code: 'GM0014', share: expect.closeTo(0.039, 9) },
    ]);
  });

  it('lists the former gemeenten merged into a gemeente, and where a former one went', () => {
    expect(register.predecessorsOf('GM0014').map((p) => [p.gemeente.naam, p.jaar])).toEqual([
      ['Haren', 2019],
      ['Ten Boer', 2019],
    ]);
    expect(register.predecessorsOf('GM0363').map((p) => p.gemeente.naam)).toEqual(['Weesp']);
    expect(register.isCurrent('GM0457')).toBe(false);
    // 5 in 2016, 3 in 2017, 11 in 2018, 34 in 2019, 4 in 2021, 10 in 2022 and 4 in 2023.
    expect(register.formerGemeenten()).toHaveLength(71);
  });

  it('gives gemeenten slugs by name, told apart where names repeat', () => {
    expect(register.slug('GM0363')).toBe('amsterdam');
    expect(register.slug('GM0373')).toBe('bergen-nh');
    expect(register.slug('GM0893')).toBe('bergen-l');
    expect(register.slug('GM1900')).toBe('sudwest-fryslan');
    expect(register.gemeenteBySlug('s-gravenhage')?.code).toBe('GM0518');
    const slugs = register.allGemeenten().map((g) => register.slug(g.code));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('places gemeenten in a provincie, jeugdregio and size class', () => {
    expect(register.provincieOf('GM0363')).toBe('PV27');
    expect(register.jeugdregioOf('GM0457')).toBe(register.jeugdregioOf('GM0363'));
    expect(register.currentPopulation('GM0363')).toBeGreaterThan(880_000);
    expect(register.sizeClassOf('GM0363')?.label).toBe('250.000 inwoners of meer');
    const similar = register.similarGemeenten('GM1680');
    expect(similar.map((g) => g.code)).toContain('GM1680');
    expect(similar.length).toBeGreaterThan(20);
    expect(register.membersOf('PV20').length).toBe(10);
  });
});

describe('the latest indeling follows the newest figures', () => {
  it('keeps Weesp a current gemeente on a site whose newest figures are of 2022', () => {
    const of2022 = loadRegister({ latestYear: 2022 });
    expect(of2022.latestYear).toBe(2022);
    expect(of2022.currentGemeenten()).toHaveLength(345);
    expect(of2022.isCurrent('GM0457')).toBe(true);
    expect(of2022.isUnchanged('GM0363', 2022, 2022)).toBe(true);
    expect(of2022.formerGemeenten().map((g) => g.code)).not.toContain('GM0457');
  });
});

describe('jeugdregio membership', () => {
  it('gives every gemeente of every year a jeugdregio, whatever the latest indeling', () => {
    for (const latestYear of [2021, 2022, 2023, 2026]) {
      const r = loadRegister({ latestYear });
      expect(r.membershipYear).toBe(2023);
      for (let year = 2015; year <= 2026; year++) {
        const without = r.gemeentenIn(year).filter((g) => r.jeugdregioOf(g.code) === undefined).map((g) => `${g.code} ${g.naam}`);
        expect(without, `indeling ${year}, register tot ${latestYear}`).toEqual([]);
      }
      // The current gemeenten are divided over the 42 jeugdregio's, each gemeente in exactly one.
      const members = r.jeugdregios().flatMap((j) => r.membersOf(j.code).map((g) => g.code));
      expect(members.sort()).toEqual(r.currentGemeenten().map((g) => g.code).sort());
    }
  });

  it('puts a gemeente that merged away in the jeugdregio of the gemeente it went into', () => {
    const of2022 = loadRegister({ latestYear: 2022 });
    // Merged on 1 January 2023, after the site's latest indeling: still members, through their successor.
    expect(of2022.jeugdregioOf('GM0457')).toBe(of2022.jeugdregioOf('GM0363')); // Weesp → Amsterdam
    for (const code of ['GM0501', 'GM0530', 'GM0614']) expect(of2022.jeugdregioOf(code)).toBe(of2022.jeugdregioOf('GM1992')); // → Voorne aan Zee
    expect(of2022.membersOf(of2022.jeugdregioOf('GM0363')!).map((g) => g.code)).toContain('GM0457');
    // Merged earlier (Beemster into Purmerend, 2022) and split (Haaren 2021: most of it to Oisterwijk).
    expect(of2022.jeugdregioOf('GM0370')).toBe(of2022.jeugdregioOf('GM0439'));
    expect(of2022.jeugdregioOf('GM0788')).toBe(of2022.jeugdregioOf(of2022.destinations('GM0788', 2020, 2022)[0]!.code));
  });
});
