import { describe, expect, it } from 'vitest';
import { bepaalMaandlijsten, opWerkvoorraad } from '../../../src/domain/lijsten/lijsten.js';
import { ander, maand, verlater } from './helpers.js';

/**
 * lijsten.md `werkvoorraad`: pvsv(d), and on uitschrijvingen of some month of the same
 * lijstjaar up to and including M. Page: docs/rules/lijsten-werkvoorraad.md.
 */
const op = (b: ReturnType<typeof verlater>, m: string) => opWerkvoorraad(b.bouw(), maand(m));

describe('werkvoorraad: blijft staan zolang pvsv', () => {
  it('uitgeschreven in november: op de werkvoorraad van december tot en met september', () => {
    for (const m of ['2023-12', '2024-01', '2024-05', '2024-09']) expect(op(verlater('2023-11-20'), m)).toBe(true);
  });
  it('ook in de maand van de uitschrijving zelf', () => expect(op(verlater('2023-11-20'), '2023-12')).toBe(true));
  it('niet vóór de uitschrijving', () => expect(op(verlater('2023-11-20'), '2023-11')).toBe(false));
  it('niet meer in het volgende lijstjaar: oktober 2024 begint leeg', () => expect(op(verlater('2023-11-20'), '2024-10')).toBe(false));
  it('uitgeschreven in september 2023 (vorig lijstjaar tot d): op de werkvoorraad vanaf oktober 2023', () => {
    expect(op(verlater('2023-09-10'), '2023-10')).toBe(true);
  });
  it('wordt 23 in maart: in februari erop, in april niet meer', () => {
    expect(op(verlater('2023-11-20', '2001-03-15'), '2024-03')).toBe(true);
    expect(op(verlater('2023-11-20', '2001-03-15'), '2024-04')).toBe(false);
  });
});

describe('werkvoorraad: terug in onderwijs en weer weg', () => {
  it('in ho ingeschreven van januari tot en met februari: niet op februari en maart, weer wel op april', () => {
    const b = verlater('2023-11-20').met(ander('ho', '2024-01-15', '2024-03-10'));
    expect(op(b, '2024-01')).toBe(true);
    expect(op(b, '2024-02')).toBe(false);
    expect(op(b, '2024-03')).toBe(false);
    expect(op(b, '2024-04')).toBe(true);
  });
  it('na de ho-inschrijving niet opnieuw op uitschrijvingen (ho is niet bekostigd), wel op de werkvoorraad', () => {
    const l = bepaalMaandlijsten(verlater('2023-11-20').met(ander('ho', '2024-01-15', '2024-03-10')).bouw(), maand('2024-04'));
    expect(l).toEqual({ uitschrijvingen: false, werkvoorraad: true, herinschrijving: null });
  });
  it('geëmigreerd in januari en teruggekeerd in maart: weg in februari, terug in april', () => {
    const b = verlater('2023-11-20').geemigreerd('2024-01-20').geimmigreerd('2024-03-05');
    expect(op(b, '2024-02')).toBe(false);
    expect(op(b, '2024-04')).toBe(true);
  });
});
