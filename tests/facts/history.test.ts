import { describe, expect, it } from 'vitest';
import { formerFate, identityLine, predecessorsOf } from '../../src/lib/facts/history';
import { fixture } from './fixture';

const { register } = fixture();

describe('what became of a former gemeente', () => {
  it('Weesp merged wholly into Amsterdam in 2023', () => {
    const fate = formerFate(register, 'GM0457')!;
    expect(fate.sentence).toBe('Op 1 januari 2023 is de gemeente Weesp opgegaan in Amsterdam.');
    expect(fate.split).toBe(false);
    expect(fate.endYear).toBe(2023);
    expect(fate.successors).toEqual([{ code: 'GM0363', naam: 'Amsterdam', href: '/gemeente/amsterdam/', share: 1, shareText: undefined }]);
    expect(fate.sharesSentence).toBeUndefined();
  });

  it('Haaren was split over four gemeenten in 2021, with the shares of its addresses', () => {
    const fate = formerFate(register, 'GM0788')!;
    expect(fate.sentence).toBe('Op 1 januari 2021 is de gemeente Haaren opgesplitst over Boxtel, Oisterwijk, Tilburg en Vught.');
    expect(fate.split).toBe(true);
    expect(fate.successors.map((s) => [s.naam, s.shareText])).toEqual([
      ['Oisterwijk', '42%'],
      ['Vught', '34%'],
      ['Boxtel', '15%'],
      ['Tilburg', '8%'],
    ]);
    expect(fate.successors.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
    expect(fate.successors.every((s) => s.href?.startsWith('/gemeente/'))).toBe(true);
    expect(fate.sharesSentence).toBe(
      'Van de adressen van Haaren ging 42% naar Oisterwijk, 34% naar Vught, 15% naar Boxtel en 8% naar Tilburg. Met die verdeling zijn de oude cijfers van Haaren omgerekend naar de huidige gemeenten.',
    );
  });

  it('a current gemeente has no fate', () => {
    expect(formerFate(register, 'GM0363')).toBeUndefined();
  });
});

describe('codes and old names on the page of a current gemeente', () => {
  it('names Weesp on the Amsterdam page, so searching "Weesp" or "GM0457" finds it', () => {
    expect(identityLine(register, 'GM0363')).toBe('Gemeentecode GM0363; voorheen ook Weesp (GM0457)');
    expect(predecessorsOf(register, 'GM0363')).toEqual([{ code: 'GM0457', naam: 'Weesp', href: '/gemeente/weesp/', year: 2023, partial: false }]);
  });

  it('names the part of Haaren on the pages of its successors', () => {
    expect(identityLine(register, 'GM0824')).toContain('een deel van Haaren (GM0788)');
    expect(identityLine(register, 'GM0855')).toContain('een deel van Haaren (GM0788)');
  });

  it('a gemeente without history has its code only; a former one the year it ended', () => {
    expect(identityLine(register, 'GM1680')).toBe('Gemeentecode GM1680');
    expect(identityLine(register, 'GM0457')).toBe('Gemeentecode GM0457 (tot 2023)');
  });
});
