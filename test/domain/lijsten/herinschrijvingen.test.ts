import { describe, expect, it } from 'vitest';
import { bepaalMaandlijsten, herinschrijfreden } from '../../../src/domain/lijsten/lijsten.js';
import { HERINSCHRIJFREDENEN } from '../../../src/domain/lijsten/termen.js';
import { ander, maand, verlater } from './helpers.js';

/**
 * lijsten.md `herinschrijvingen`: on werkvoorraad of M − 1 (same lijstjaar; empty for the
 * lijstjaar's first month), and not pvsv(d); reason the first that holds on d.
 * Page: docs/rules/lijsten-herinschrijvingen.md.
 */
const reden = (b: ReturnType<typeof verlater>, m: string) => herinschrijfreden(b.bouw(), maand(m));
/** On werkvoorraad from December 2023 (left mbo on 20 November). */
const wv = () => verlater('2023-11-20');

describe('herinschrijvingen: redenen', () => {
  it('ingeschreven in ho op 15 februari: herinschrijving in maart, reden onderwijs', () => {
    expect(reden(wv().met(ander('ho', '2024-02-15')), '2024-03')).toBe('onderwijs');
  });
  it('ingeschreven in nb-mbo (niet bekostigd): toch onderwijs', () => {
    expect(reden(wv().met(ander('nb-mbo', '2024-02-15')), '2024-03')).toBe('onderwijs');
  });
  it('ingeschreven óp de peildatum: herinschrijving van die maand', () => {
    expect(reden(wv().met(ander('mbo', '2024-03-01')), '2024-03')).toBe('onderwijs');
  });
  it('ingeschreven de dag na de peildatum: nog niet', () => {
    expect(reden(wv().met(ander('mbo', '2024-03-02')), '2024-03')).toBeNull();
  });
  it('alleen de maand erna: in april staat wie in maart terugkwam er niet meer op', () => {
    expect(reden(wv().met(ander('ho', '2024-02-15')), '2024-04')).toBeNull();
  });
  it('DJI: dji; politie of defensie: politie-defensie', () => {
    expect(reden(wv().met(ander('dji', '2024-02-15')), '2024-03')).toBe('dji');
    expect(reden(wv().met(ander('politie', '2024-02-15')), '2024-03')).toBe('politie-defensie');
    expect(reden(wv().met(ander('defensie', '2024-02-15')), '2024-03')).toBe('politie-defensie');
  });
  it('vrijstelling 5b geldig op d: vrijstelling', () => expect(reden(wv().vrijstelling('5b', '2024-02-15'), '2024-03')).toBe('vrijstelling'));
  it('startkwalificatie op d: startkwalificatie', () => expect(reden(wv().diploma('mbo-2', '2024-03-01'), '2024-03')).toBe('startkwalificatie'));
  it('overleden: overleden', () => expect(reden(wv().overleden('2024-02-15'), '2024-03')).toBe('overleden'));
  it('geëmigreerd: geemigreerd; en na terugkeer weer op de werkvoorraad, niet op herinschrijvingen', () => {
    expect(reden(wv().geemigreerd('2024-02-15'), '2024-03')).toBe('geemigreerd');
    const terug = wv().geemigreerd('2024-02-15').geimmigreerd('2024-03-20').bouw();
    expect(bepaalMaandlijsten(terug, maand('2024-04'))).toEqual({ uitschrijvingen: false, werkvoorraad: true, herinschrijving: null });
  });
  it('wordt 23 óp de peildatum: leeftijd', () => expect(reden(verlater('2023-11-20', '2001-03-01'), '2024-03')).toBe('leeftijd'));
  it('wordt 23 de dag erna: nog op de werkvoorraad, geen herinschrijving', () => {
    expect(reden(verlater('2023-11-20', '2001-03-02'), '2024-03')).toBeNull();
  });
});

describe('herinschrijvingen: volgorde van de redenen', () => {
  it('de volgorde is die van lijsten.md', () => {
    expect(HERINSCHRIJFREDENEN).toEqual(['overleden', 'geemigreerd', 'onderwijs', 'dji', 'politie-defensie', 'vrijstelling', 'startkwalificatie', 'leeftijd']);
  });
  it('overleden gaat vóór onderwijs', () => expect(reden(wv().met(ander('ho', '2024-02-15')).overleden('2024-02-20'), '2024-03')).toBe('overleden'));
  it('geemigreerd gaat vóór onderwijs', () => expect(reden(wv().met(ander('ho', '2024-02-15')).geemigreerd('2024-02-20'), '2024-03')).toBe('geemigreerd'));
  it('onderwijs gaat vóór dji', () => expect(reden(wv().met(ander('ho', '2024-02-15'), ander('dji', '2024-02-15')), '2024-03')).toBe('onderwijs'));
  it('dji gaat vóór politie-defensie', () => expect(reden(wv().met(ander('politie', '2024-02-15'), ander('dji', '2024-02-15')), '2024-03')).toBe('dji'));
  it('politie-defensie gaat vóór vrijstelling', () => expect(reden(wv().met(ander('defensie', '2024-02-15')).vrijstelling('5a', '2024-02-15'), '2024-03')).toBe('politie-defensie'));
  it('vrijstelling gaat vóór startkwalificatie', () => expect(reden(wv().vrijstelling('15', '2024-02-15').diploma('havo', '2024-02-15'), '2024-03')).toBe('vrijstelling'));
  it('startkwalificatie gaat vóór leeftijd', () => expect(reden(verlater('2023-11-20', '2001-03-01').diploma('ho', '2024-02-15'), '2024-03')).toBe('startkwalificatie'));
});

describe('herinschrijvingen: de eerste maand van het lijstjaar is leeg', () => {
  it('op de werkvoorraad van september 2023 en in oktober terug in mbo: geen herinschrijving in oktober 2023', () => {
    const b = verlater('2023-06-15').met(ander('mbo', '2023-09-20'));
    expect(reden(b, '2023-10')).toBeNull();
    expect(herinschrijfreden(verlater('2023-06-15').bouw(), maand('2023-09'))).toBeNull(); // nog pvsv in september
  });
  it('maar wel in november voor wie in oktober op de werkvoorraad stond', () => {
    expect(reden(verlater('2023-09-15').met(ander('mbo', '2023-10-20')), '2023-11')).toBe('onderwijs');
  });
});

describe('herinschrijvingen: bepaalMaandlijsten geeft hetzelfde als de losse regels', () => {
  it.each(['2023-10', '2023-11', '2023-12', '2024-01', '2024-03', '2024-09'])('maand %s', (m) => {
    const d = wv().met(ander('ho', '2024-01-15', '2024-02-20')).diploma('mbo-3', '2024-08-10').bouw();
    const l = bepaalMaandlijsten(d, maand(m));
    expect(l.herinschrijving).toBe(herinschrijfreden(d, maand(m)));
  });
});
