import { describe, expect, it } from 'vitest';
import { bepaalMaandlijsten, opUitschrijvingen } from '../../../src/domain/lijsten/lijsten.js';
import { pvsv } from '../../../src/domain/lijsten/termen.js';
import { dossier } from '../bouwers.js';
import { ander, maand, mboTot, verlater } from './helpers.js';

/**
 * lijsten.md `uitschrijvingen`: pvsv(d), and bekostigd on at least one day from p to d − 1.
 * Page: docs/rules/lijsten-uitschrijvingen.md.
 */
const op = (b: ReturnType<typeof verlater>, m: string) => opUitschrijvingen(b.bouw(), maand(m));

describe('uitschrijvingen: de eerste en de laatste dag van de vorige maand', () => {
  it('laatste inschrijfdag op de laatste dag van februari 2024 (schrikkeldag): op uitschrijvingen van maart', () => {
    expect(op(verlater('2024-02-29'), '2024-03')).toBe(true);
  });
  it('laatste inschrijfdag op de eerste dag van februari (p zelf): op uitschrijvingen van maart', () => {
    expect(op(verlater('2024-02-01'), '2024-03')).toBe(true);
  });
  it('laatste inschrijfdag op 31 januari: op februari, niet op maart (dan niet bekostigd tussen p en d − 1)', () => {
    expect(op(verlater('2024-01-31'), '2024-02')).toBe(true);
    expect(op(verlater('2024-01-31'), '2024-03')).toBe(false);
  });
  it('inschrijving die óp de peildatum eindigt: op d nog ingeschreven, dus pas de maand erna', () => {
    expect(op(verlater('2024-03-01'), '2024-03')).toBe(false);
    expect(op(verlater('2024-03-01'), '2024-04')).toBe(true);
  });
  it('uitgeschreven in september: op de lijst van oktober, de eerste maand van het nieuwe lijstjaar', () => {
    expect(op(verlater('2023-09-15'), '2023-10')).toBe(true);
  });
});

describe('uitschrijvingen: leeftijd 12 tot 23 op d', () => {
  it('wordt 12 óp de peildatum: erop', () => expect(op(verlater('2024-02-10', '2012-03-01'), '2024-03')).toBe(true));
  it('wordt 12 de dag na de peildatum: er niet op', () => expect(op(verlater('2024-02-10', '2012-03-02'), '2024-03')).toBe(false));
  it('wordt 23 óp de peildatum: er niet op', () => expect(op(verlater('2024-02-10', '2001-03-01'), '2024-03')).toBe(false));
  it('wordt 23 de dag na de peildatum (nog 22): erop', () => expect(op(verlater('2024-02-10', '2001-03-02'), '2024-03')).toBe(true));
  it('geboortedatum onbekend: op geen enkele lijst', () => {
    const d = dossier('P1', null).met(mboTot('2024-02-10')).bouw();
    expect(opUitschrijvingen(d, maand('2024-03'))).toBe(false);
    expect(bepaalMaandlijsten(d, maand('2024-04'))).toEqual({ uitschrijvingen: false, werkvoorraad: false, herinschrijving: null });
  });
});

describe('uitschrijvingen: alleen wie een bekostigde inschrijving verloor', () => {
  it('eind van een ho-inschrijving: niet bekostigd, er niet op', () => {
    const d = dossier('P1', '2004-01-01').met(ander('ho', '2023-09-01', '2024-02-10'));
    expect(op(d, '2024-03')).toBe(false);
  });
  it('eind van een nb-mbo-inschrijving (erkend niet-bekostigd): er niet op', () => {
    expect(op(dossier('P1', '2005-01-01').met(ander('nb-mbo', '2023-09-01', '2024-02-10')), '2024-03')).toBe(false);
  });
  it.each(['pro', 'vso', 'vo-engelse-stroom', 'vo-ib', 'vavo'])('eind van %s (bekostigd, buiten de telling): erop', (type) => {
    expect(op(dossier('P1', '2007-01-01').met(ander(type, '2023-08-01', '2024-02-10')), '2024-03')).toBe(true);
  });
  it('na het mbo op d ingeschreven in ho: niet pvsv, er niet op', () => {
    expect(op(verlater('2024-02-10').met(ander('ho', '2024-02-12')), '2024-03')).toBe(false);
  });
  it('na het mbo op d ingeschreven in nb-mbo: ingeschreven (ook niet bekostigd), er niet op', () => {
    expect(op(verlater('2024-02-10').met(ander('nb-mbo', '2024-03-01')), '2024-03')).toBe(false);
  });
  it('een nieuwe inschrijving die pas de dag na d begint: nog erop', () => {
    expect(op(verlater('2024-02-10').met(ander('mbo', '2024-03-02')), '2024-03')).toBe(true);
  });
  it('op d bij DJI, politie of defensie: ingeschreven, er niet op', () => {
    for (const type of ['dji', 'politie', 'defensie']) expect(op(verlater('2024-02-10').met(ander(type, '2024-02-20')), '2024-03')).toBe(false);
  });
});

describe('uitschrijvingen: vrijstelling, emigratie, overlijden en startkwalificatie op d', () => {
  it('vrijstelling 5a geldig op d: er niet op', () => expect(op(verlater('2024-02-10').vrijstelling('5a', '2024-02-11'), '2024-03')).toBe(false));
  it('vrijstelling die de dag vóór d afliep: erop', () => expect(op(verlater('2024-02-10').vrijstelling('15', '2024-02-11', '2024-02-29'), '2024-03')).toBe(true));
  it('vrijstelling die óp d begint: er niet op', () => expect(op(verlater('2024-02-10').vrijstelling('5c', '2024-03-01'), '2024-03')).toBe(false));
  it('vrijstelling op grond 3a (vervangende leerplicht): telt niet, erop', () => expect(op(verlater('2024-02-10').vrijstelling('3a', '2024-02-11'), '2024-03')).toBe(true));
  it('geëmigreerd vóór d: er niet op', () => expect(op(verlater('2024-02-10').geemigreerd('2024-02-20'), '2024-03')).toBe(false));
  it('geëmigreerd en vóór d teruggekeerd: erop', () => expect(op(verlater('2024-02-10').geemigreerd('2024-02-12').geimmigreerd('2024-02-25'), '2024-03')).toBe(true));
  it('geëmigreerd de dag na d: nog erop', () => expect(op(verlater('2024-02-10').geemigreerd('2024-03-02'), '2024-03')).toBe(true));
  it('overleden óp d: er niet op', () => expect(op(verlater('2024-02-10').overleden('2024-03-01'), '2024-03')).toBe(false));
  it('startkwalificatie (mbo-2) óp d: er niet op', () => expect(op(verlater('2024-02-10').diploma('mbo-2', '2024-03-01'), '2024-03')).toBe(false));
  it('startkwalificatie de dag na d: nog erop', () => expect(op(verlater('2024-02-10').diploma('havo', '2024-03-02'), '2024-03')).toBe(true));
  it('een entreediploma (mbo-1) of vmbo-diploma is geen startkwalificatie: erop', () => {
    expect(op(verlater('2024-02-10').diploma('mbo-1', '2023-07-01').diploma('vmbo-tl', '2022-07-01'), '2024-03')).toBe(true);
  });
  it('pvsv en de regels van de telling zijn dezelfde vraag op een andere datum', () => {
    expect(pvsv(verlater('2024-02-10').bouw(), '2024-03-01')).toBe(true);
    expect(pvsv(verlater('2024-02-10').bouw(), '2024-02-10')).toBe(false);
  });
});
