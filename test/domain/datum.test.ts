import { describe, expect, it } from 'vitest';
import { bevat, isGeldigeDatum, isSchrikkeljaar, leeftijdOp } from '../../src/domain/datum.js';

describe('isGeldigeDatum: alleen bestaande kalenderdagen in de vorm JJJJ-MM-DD', () => {
  it.each([
    ['2019-02-29', false, 'geen schrikkeljaar'],
    ['2020-02-29', true, 'schrikkeljaar (deelbaar door 4)'],
    ['1900-02-29', false, 'eeuwjaar niet deelbaar door 400'],
    ['2000-02-29', true, 'eeuwjaar deelbaar door 400'],
    ['2019-02-28', true, 'laatste dag van februari'],
    ['2019-04-30', true, '30 april bestaat'],
    ['2019-04-31', false, 'april heeft 30 dagen'],
    ['2019-12-31', true, '31 december bestaat'],
    ['2019-13-01', false, 'maand 13'],
    ['2019-00-10', false, 'maand 0'],
    ['2019-10-00', false, 'dag 0'],
    ['2019-10-32', false, 'dag 32'],
    ['0000-01-01', false, 'jaar 0'],
  ])('%s → %s (%s)', (s, verwacht) => {
    expect(isGeldigeDatum(s)).toBe(verwacht);
  });

  it.each(['2019-1-01', '2019-10-1', '19-10-01', '2019/10/01', '01-10-2019', '2019-10-01T00:00', ' 2019-10-01', '2019-10-01 ', '', '20191001'])(
    'weigert de vorm %j',
    (s) => {
      expect(isGeldigeDatum(s)).toBe(false);
    },
  );
});

describe('isSchrikkeljaar', () => {
  it.each([[2020, true], [2019, false], [1900, false], [2000, true], [2100, false], [2024, true]])('%i → %s', (jaar, verwacht) => {
    expect(isSchrikkeljaar(jaar)).toBe(verwacht);
  });
});

describe('leeftijdOp: leeftijd in hele jaren (aantal verjaardagen op of vóór de peildatum)', () => {
  it('op de verjaardag zelf is de persoon een jaar ouder', () => {
    expect(leeftijdOp('2001-10-01', '2019-10-01')).toBe(18);
  });
  it('de dag vóór de verjaardag nog niet', () => {
    expect(leeftijdOp('2001-10-02', '2019-10-01')).toBe(17);
  });
  it('de dag na de verjaardag wel', () => {
    expect(leeftijdOp('2001-09-30', '2019-10-01')).toBe(18);
  });
  it('grens 22 op T0 2019-10-01: geboren 1997-10-01 is 22, geboren 1997-10-02 is 21', () => {
    expect(leeftijdOp('1997-10-01', '2019-10-01')).toBe(22);
    expect(leeftijdOp('1997-10-02', '2019-10-01')).toBe(21);
  });
  it('op de geboortedag is de leeftijd 0', () => {
    expect(leeftijdOp('2019-10-01', '2019-10-01')).toBe(0);
  });
  it('eerder in het jaar geboren, later in de maand gepeild', () => {
    expect(leeftijdOp('2000-01-31', '2019-01-30')).toBe(18);
    expect(leeftijdOp('2000-01-31', '2019-01-31')).toBe(19);
  });
  describe('geboren op 29 februari', () => {
    it('is in een schrikkeljaar op 29 februari een jaar ouder', () => {
      expect(leeftijdOp('2000-02-29', '2004-02-28')).toBe(3);
      expect(leeftijdOp('2000-02-29', '2004-02-29')).toBe(4);
    });
    it('is in een gewoon jaar op 28 februari nog niet en op 1 maart wel een jaar ouder', () => {
      expect(leeftijdOp('2000-02-29', '2019-02-28')).toBe(18);
      expect(leeftijdOp('2000-02-29', '2019-03-01')).toBe(19);
    });
    it('heeft op T0 (1 oktober) gewoon de leeftijd van het kalenderjaar', () => {
      expect(leeftijdOp('2000-02-29', '2019-10-01')).toBe(19);
      expect(leeftijdOp('1996-02-29', '2018-10-01')).toBe(22);
      expect(leeftijdOp('1996-02-29', '2017-10-01')).toBe(21);
    });
  });
});

describe('bevat: periode [vanaf, tot] met beide grenzen inbegrepen', () => {
  it.each([
    ['2019-10-01', '2020-01-31', '2019-09-30', false, 'dag vóór vanaf'],
    ['2019-10-01', '2020-01-31', '2019-10-01', true, 'op vanaf'],
    ['2019-10-01', '2020-01-31', '2020-01-31', true, 'op tot'],
    ['2019-10-01', '2020-01-31', '2020-02-01', false, 'dag na tot'],
    ['2019-10-01', null, '2099-12-31', true, 'open einde'],
    ['2019-10-01', '2019-10-01', '2019-10-01', true, 'periode van één dag'],
  ] as [string, string | null, string, boolean, string][])('[%s, %s] bevat %s: %s (%s)', (vanaf, tot, dag, verwacht) => {
    expect(bevat(vanaf, tot, dag)).toBe(verwacht);
  });
});
