import { describe, expect, it } from 'vitest';
import { beoordeling, dagNa, dagVoor, deelnemer, JAREN, mbo, reden, vavo, VOORLOPIG, vo } from './bouwers.js';

/**
 * telling.md: `verlate-startkwalificatie` (D, mbo and vavo only) — a startkwalificatie diploma
 * dated after T1 and on or before 31 December of T+1. Status `voorlopig` skips this rule.
 */
describe.each(JAREN)('verlate-startkwalificatie $naam: het venster (T1, 31 december T+1]', (jaar) => {
  const diploma = (datum: string) => reden(deelnemer(jaar).diploma('mbo-4', datum), jaar);
  const eind = jaar.eindeVerlateStartkwalificatie;

  it('op T1 is het een gewone startkwalificatie', () => {
    expect(diploma(jaar.t1)).toBe('startkwalificatie');
  });
  it('de dag ná T1: verlate-startkwalificatie', () => {
    expect(diploma(dagNa(jaar.t1))).toBe('verlate-startkwalificatie');
  });
  it('30 december T+1: verlate-startkwalificatie', () => {
    expect(diploma(dagVoor(eind))).toBe('verlate-startkwalificatie');
  });
  it('31 december T+1: verlate-startkwalificatie', () => {
    expect(diploma(eind)).toBe('verlate-startkwalificatie');
  });
  it('1 januari T+2: te laat, vsv', () => {
    expect(diploma(dagNa(eind))).toBe('vsv');
  });
  it('het venster eindigt op 31 december van T+1', () => {
    expect(eind).toBe(`${jaar.jaar + 1}-12-31`);
  });
  it.each(['havo', 'vwo', 'mbo-2', 'mbo-3', 'ho'])('ook een %s-diploma in het venster telt', (soort) => {
    expect(reden(deelnemer(jaar).diploma(soort, dagNa(jaar.t1)), jaar)).toBe('verlate-startkwalificatie');
  });
  it.each(['mbo-1', 'vmbo-tl'])('een %s-diploma in het venster is geen startkwalificatie: vsv', (soort) => {
    expect(reden(deelnemer(jaar).diploma(soort, dagNa(jaar.t1)), jaar)).toBe('vsv');
  });
  it('het bewijs noemt het diploma', () => {
    const d = deelnemer(jaar).diploma('mbo-4', `${jaar.jaar + 1}-11-15`, '20BB').bouw();
    expect(beoordeling(d, jaar).primair.bewijs).toEqual([`diploma mbo-4 op ${jaar.jaar + 1}-11-15 (20BB), na T1 maar vóór 1 januari`]);
  });
});

describe.each(JAREN)('verlate-startkwalificatie $naam: alleen mbo en vavo', (jaar) => {
  const laat = (velden: Parameters<typeof deelnemer>[1]) => reden(deelnemer(jaar, velden).diploma('mbo-2', dagNa(jaar.t1)), jaar);
  it.each([1, 2, 3, 4])('primair mbo niveau %i: verlate-startkwalificatie', (niveau) => {
    expect(laat(mbo(niveau))).toBe('verlate-startkwalificatie');
  });
  it('primair vavo: verlate-startkwalificatie', () => {
    expect(laat(vavo())).toBe('verlate-startkwalificatie');
  });
  it.each([['vo-brugjaar', 1], ['vmbo-bb', 2], ['vmbo-tl', 4], ['havo', 5], ['vwo', 6]] as const)('primair vo (%s leerjaar %i): nooit, vsv', (type, leerjaar) => {
    expect(laat(vo(type, leerjaar))).toBe('vsv');
  });
});

describe.each(JAREN)('verlate-startkwalificatie $naam: alleen in de definitieve telling', (jaar) => {
  it('voorlopig: de verlate startkwalificatie telt niet, vsv', () => {
    expect(reden(deelnemer(jaar).diploma('mbo-2', dagNa(jaar.t1)), jaar, VOORLOPIG)).toBe('vsv');
  });
  it('voorlopig met daarnaast entreediploma en werk: de volgende regel (mbo1-werk) beslist', () => {
    const d = deelnemer(jaar, mbo(1)).diploma('mbo-2', dagNa(jaar.t1)).diploma('mbo-1', `${jaar.jaar + 1}-06-15`).werk('20', `${jaar.jaar + 1}-07-01`);
    expect(reden(d, jaar, VOORLOPIG)).toBe('mbo1-werk');
    expect(reden(d, jaar)).toBe('verlate-startkwalificatie');
  });
});
