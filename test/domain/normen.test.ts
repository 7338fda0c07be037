import { describe, expect, it } from 'vitest';
import {
  beoordeelNorm, beoordeelNormVoorVergelijking, LAATSTE_VASTGESTELDE_NORMJAAR, NORMEN, normjaarVoor, normomschrijving, normVoor, normVoorVergelijking,
} from '../../src/domain/normen.js';

/**
 * Prestatienormen: Regeling regionale aanpak vsv en prestatiesubsidie vo (BWBR0031387), art. 30–32
 * lid 3–4 and tabel 4; Regeling prestatiebox mbo (BWBR0031390), art. 13 lid 3–4 and tabel 2.
 * "De uitkomst … wordt uitgedrukt in een percentage, rekenkundig afgerond op twee decimalen
 * achter de komma. Indien het percentage … gelijk is aan of lager is dan de procentuele norm…"
 */
describe('normen: de tabellen van de regelingen', () => {
  it('vo (tabel 4): onderbouw 1,0%, bovenbouw vmbo 4,0%, bovenbouw havo/vwo 0,5% in 2012-2013 t/m 2014-2015', () => {
    for (const jaar of ['2012-2013', '2013-2014', '2014-2015']) {
      expect([normVoor(jaar, 'vo-onderbouw'), normVoor(jaar, 'vo-bovenbouw-vmbo'), normVoor(jaar, 'vo-bovenbouw-havo-vwo')]).toEqual([1.0, 4.0, 0.5]);
    }
  });
  it.each([
    ['2012-2013', 32.5, 13.5, 4.25],
    ['2013-2014', 27.5, 11.5, 3.5],
    ['2014-2015', 22.5, 10.0, 2.75],
  ])('mbo (tabel 2) %s: entree %s%, basisberoeps %s%, vak/midden/specialist %s%', (jaar, m1, m2, m34) => {
    expect([normVoor(jaar, 'mbo-1'), normVoor(jaar, 'mbo-2'), normVoor(jaar, 'mbo-3-4')]).toEqual([m1, m2, m34]);
  });
  it('de tabel kent alleen de convenantjaren 2012-2013 t/m 2014-2015', () => {
    expect(Object.keys(NORMEN).sort()).toEqual(['2012-2013', '2013-2014', '2014-2015']);
  });
  it('vavo heeft geen norm (Bijlage A: "wordt niet beoordeeld in het kader van de prestatiesubsidies")', () => {
    expect(normVoor('2012-2013', 'vavo')).toBeNull();
  });
});

describe('beoordeelNorm: gehaald als het percentage gelijk is aan of lager is dan de norm', () => {
  it('precies op de norm: onderbouw 1 van 100 = 1,00% bij norm 1,0% → gehaald', () => {
    expect(beoordeelNorm('2012-2013', 'vo-onderbouw', 1, 100)).toBe('gehaald');
  });
  it('net boven de norm: 2 van 199 = 1,01% → niet gehaald', () => {
    expect(beoordeelNorm('2012-2013', 'vo-onderbouw', 2, 199)).toBe('niet-gehaald');
  });
  it('onder de norm: 0 vsv\'ers → gehaald', () => {
    expect(beoordeelNorm('2014-2015', 'vo-bovenbouw-havo-vwo', 0, 10)).toBe('gehaald');
  });
  it('mbo-3-4 2012-2013 (4,25%): 17 van 400 = 4,25% gehaald, 18 van 400 = 4,50% niet', () => {
    expect(beoordeelNorm('2012-2013', 'mbo-3-4', 17, 400)).toBe('gehaald');
    expect(beoordeelNorm('2012-2013', 'mbo-3-4', 18, 400)).toBe('niet-gehaald');
  });
  it('mbo-1 2013-2014 (27,5%): 11 van 40 = 27,50% gehaald, 12 van 40 = 30,00% niet', () => {
    expect(beoordeelNorm('2013-2014', 'mbo-1', 11, 40)).toBe('gehaald');
    expect(beoordeelNorm('2013-2014', 'mbo-1', 12, 40)).toBe('niet-gehaald');
  });
  it('mbo-2 2014-2015 (10%): 1 van 10 gehaald, 2 van 19 (10,53%) niet', () => {
    expect(beoordeelNorm('2014-2015', 'mbo-2', 1, 10)).toBe('gehaald');
    expect(beoordeelNorm('2014-2015', 'mbo-2', 2, 19)).toBe('niet-gehaald');
  });
  it('het afgeronde percentage beslist: 1 van 199 = 0,5025% → afgerond 0,50% = norm havo/vwo 0,5% → gehaald', () => {
    // Art. 32 lid 3–4 BWBR0031387: the percentage "rekenkundig afgerond op twee decimalen" is
    // compared with the norm; 0.5025 rounds to 0.50, which is equal to the norm.
    expect(beoordeelNorm('2012-2013', 'vo-bovenbouw-havo-vwo', 1, 199)).toBe('gehaald');
  });
  it('afgerond net boven de norm: 1 van 198 = 0,505% → afgerond 0,51% → niet gehaald', () => {
    expect(beoordeelNorm('2012-2013', 'vo-bovenbouw-havo-vwo', 1, 198)).toBe('niet-gehaald');
  });
});

describe('beoordeelNorm: geen norm', () => {
  it('categorie zonder norm (vavo)', () => {
    expect(beoordeelNorm('2012-2013', 'vavo', 0, 100)).toBe('geen-norm');
  });
  it('schooljaar zonder norm (2019-2020)', () => {
    expect(beoordeelNorm('2019-2020', 'mbo-2', 0, 100)).toBe('geen-norm');
  });
  it('onbekende categorie', () => {
    expect(beoordeelNorm('2012-2013', 'ho', 0, 100)).toBe('geen-norm');
  });
  it('lege startpopulatie', () => {
    expect(beoordeelNorm('2012-2013', 'mbo-2', 0, 0)).toBe('geen-norm');
  });
});

/**
 * Referentienorm: NORMEN has no norms after 2014-2015. A later school year is read
 * against the last norm that was set, labelled as such (vastgesteld: false); it is no legal
 * norm of that year, and beoordeelNorm (the legal test) keeps saying 'geen-norm' for it.
 */
describe('normVoorVergelijking: norm van dit jaar of laatst vastgestelde norm ter vergelijking', () => {
  it('de laatst vastgestelde normen zijn die van 2014-2015', () => {
    expect(LAATSTE_VASTGESTELDE_NORMJAAR).toBe('2014-2015');
  });
  it('2012-2013 t/m 2014-2015: de norm van dat jaar zelf, vastgesteld', () => {
    expect(normVoorVergelijking('2012-2013', 'mbo-1')).toEqual({ norm: 32.5, normjaar: '2012-2013', vastgesteld: true });
    expect(normVoorVergelijking('2013-2014', 'mbo-3-4')).toEqual({ norm: 3.5, normjaar: '2013-2014', vastgesteld: true });
    expect(normVoorVergelijking('2014-2015', 'mbo-3-4')).toEqual({ norm: 2.75, normjaar: '2014-2015', vastgesteld: true });
  });
  it('2015-2016, het eerste jaar zonder eigen norm: de norm van 2014-2015 als referentie, niet vastgesteld', () => {
    expect(normVoorVergelijking('2015-2016', 'mbo-3-4')).toEqual({ norm: 2.75, normjaar: '2014-2015', vastgesteld: false });
    expect(normVoorVergelijking('2015-2016', 'vo-bovenbouw-havo-vwo')).toEqual({ norm: 0.5, normjaar: '2014-2015', vastgesteld: false });
  });
  it.each(['2016-2017', '2019-2020', '2023-2024'])('%s (demodata): referentienorm 2014-2015 voor elke categorie met een norm', (jaar) => {
    for (const [categorie, norm] of Object.entries(NORMEN['2014-2015']!)) {
      expect(normVoorVergelijking(jaar, categorie)).toEqual({ norm, normjaar: '2014-2015', vastgesteld: false });
    }
  });
  it('2011-2012 en eerder: geen norm, ook geen referentie (er is geen eerdere norm)', () => {
    expect(normVoorVergelijking('2011-2012', 'mbo-2')).toBeNull();
    expect(normVoorVergelijking('1999-2000', 'vo-onderbouw')).toBeNull();
  });
  it('vavo en onbekende categorieën: geen norm, in geen enkel jaar', () => {
    expect(normVoorVergelijking('2013-2014', 'vavo')).toBeNull();
    expect(normVoorVergelijking('2019-2020', 'vavo')).toBeNull();
    expect(normVoorVergelijking('2019-2020', 'ho')).toBeNull();
  });
  it('tekst die geen schooljaar is: geen norm', () => {
    expect(normVoorVergelijking('2019', 'mbo-2')).toBeNull();
    expect(normVoorVergelijking('', 'mbo-2')).toBeNull();
  });
  it('normjaarVoor: het normjaar los van de categorie', () => {
    expect(normjaarVoor('2014-2015')).toEqual({ normjaar: '2014-2015', vastgesteld: true });
    expect(normjaarVoor('2015-2016')).toEqual({ normjaar: '2014-2015', vastgesteld: false });
    expect(normjaarVoor('2011-2012')).toBeNull();
  });
  it('normomschrijving: zegt welk normjaar en of het een referentienorm is, zonder die bindend te noemen', () => {
    expect(normomschrijving('2014-2015')).toBe('Prestatienorm van 2014-2015, vastgesteld in de regelingen.');
    expect(normomschrijving('2017-2018')).toBe('Laatst vastgestelde norm (2014-2015), ter vergelijking; dit is geen norm van 2017-2018 zelf.');
    expect(normomschrijving('2011-2012')).toContain('geen prestatienorm');
  });
});

describe('beoordeelNormVoorVergelijking: dezelfde toets, tegen de norm van dit jaar of de referentienorm', () => {
  it('in een normjaar precies beoordeelNorm', () => {
    for (const [sp, vsv] of [[100, 1], [199, 2], [400, 17], [400, 18]] as const) {
      for (const jaar of ['2012-2013', '2013-2014', '2014-2015']) {
        for (const c of ['vo-onderbouw', 'mbo-3-4', 'mbo-1', 'vavo']) {
          expect(beoordeelNormVoorVergelijking(jaar, c, vsv, sp)).toBe(beoordeelNorm(jaar, c, vsv, sp));
        }
      }
    }
  });
  it('2014-2015 vastgesteld en 2015-2016 referentie: dezelfde grens (mbo-3-4 2,75%: 11 van 400 gehaald, 12 van 400 = 3,00% niet)', () => {
    expect(beoordeelNormVoorVergelijking('2014-2015', 'mbo-3-4', 11, 400)).toBe('gehaald');
    expect(beoordeelNormVoorVergelijking('2014-2015', 'mbo-3-4', 12, 400)).toBe('niet-gehaald');
    expect(beoordeelNormVoorVergelijking('2015-2016', 'mbo-3-4', 11, 400)).toBe('gehaald');
    expect(beoordeelNormVoorVergelijking('2015-2016', 'mbo-3-4', 12, 400)).toBe('niet-gehaald');
  });
  it('de wettelijke toets blijft ongemoeid: beoordeelNorm zegt na 2014-2015 geen-norm', () => {
    expect(beoordeelNorm('2015-2016', 'mbo-3-4', 12, 400)).toBe('geen-norm');
    expect(beoordeelNorm('2023-2024', 'vo-onderbouw', 5, 100)).toBe('geen-norm');
  });
  it('afronding op twee decimalen tegen de referentienorm: 1 van 199 = 0,5025% → 0,50% ≤ 0,5% gehaald; 1 van 198 = 0,505% → 0,51% niet', () => {
    expect(beoordeelNormVoorVergelijking('2020-2021', 'vo-bovenbouw-havo-vwo', 1, 199)).toBe('gehaald');
    expect(beoordeelNormVoorVergelijking('2020-2021', 'vo-bovenbouw-havo-vwo', 1, 198)).toBe('niet-gehaald');
  });
  it('precies op de referentienorm is binnen de norm: mbo-2 10,0% → 10 van 100 gehaald, 101 van 1000 = 10,10% niet', () => {
    expect(beoordeelNormVoorVergelijking('2018-2019', 'mbo-2', 10, 100)).toBe('gehaald');
    expect(beoordeelNormVoorVergelijking('2018-2019', 'mbo-2', 101, 1000)).toBe('niet-gehaald');
  });
  it('geen norm: vóór 2012-2013, vavo, lege startpopulatie', () => {
    expect(beoordeelNormVoorVergelijking('2011-2012', 'mbo-2', 50, 100)).toBe('geen-norm');
    expect(beoordeelNormVoorVergelijking('2019-2020', 'vavo', 50, 100)).toBe('geen-norm');
    expect(beoordeelNormVoorVergelijking('2019-2020', 'mbo-2', 0, 0)).toBe('geen-norm');
  });
});
