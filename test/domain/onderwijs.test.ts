import { describe, expect, it } from 'vitest';
import { ONDERWIJSTYPEN } from '../../src/domain/onderwijs.js';
import { beoordeling, dagNa, dagVoor, deelnemer, inschrijving, inschrijvingOpT1, JAREN, mbo, reden } from './bouwers.js';

/**
 * telling.md: `onderwijs` (C) — enrolled on T1 in any `onderwijstype` except `dji`, `politie`,
 * `defensie` (funded or recognised non-funded education, including ho, pro, vso, newcomers).
 */
describe.each(JAREN)('onderwijs $naam: nieuwe inschrijving rond T1', (jaar) => {
  const nieuw = (begindatum: string, einddatum: string | null) =>
    reden(deelnemer(jaar).met(inschrijving({ ...mbo(3), brin: '21BC', begindatum, einddatum })), jaar);

  it('begindatum de dag ná T1: niet op T1 ingeschreven, vsv', () => {
    expect(nieuw(dagNa(jaar.t1), null)).toBe('vsv');
  });
  it('begindatum op T1: onderwijs', () => {
    expect(nieuw(jaar.t1, null)).toBe('onderwijs');
  });
  it('begindatum de dag vóór T1: onderwijs', () => {
    expect(nieuw(dagVoor(jaar.t1), null)).toBe('onderwijs');
  });
  it('inschrijving die de dag vóór T1 eindigde: vsv', () => {
    expect(nieuw(`${jaar.jaar + 1}-03-01`, dagVoor(jaar.t1))).toBe('vsv');
  });
  it('inschrijving die op T1 eindigt (inclusief): onderwijs', () => {
    expect(nieuw(`${jaar.jaar + 1}-03-01`, jaar.t1)).toBe('onderwijs');
  });
  it('inschrijving die de dag ná T1 eindigt: onderwijs', () => {
    expect(nieuw(`${jaar.jaar + 1}-03-01`, dagNa(jaar.t1))).toBe('onderwijs');
  });
});

describe.each(JAREN)('onderwijs $naam: de inschrijving van T0 loopt door tot T1', (jaar) => {
  const eind = (einddatum: string | null) => reden(deelnemer(jaar, { einddatum }), jaar);
  it('einddatum de dag vóór T1: vsv', () => {
    expect(eind(dagVoor(jaar.t1))).toBe('vsv');
  });
  it('einddatum op T1: onderwijs', () => {
    expect(eind(jaar.t1)).toBe('onderwijs');
  });
  it('einddatum de dag ná T1: onderwijs', () => {
    expect(eind(dagNa(jaar.t1))).toBe('onderwijs');
  });
  it('geen einddatum (nog ingeschreven): onderwijs', () => {
    expect(eind(null)).toBe('onderwijs');
  });
});

describe('onderwijs: elk onderwijstype op T1 telt, behalve dji, politie en defensie', () => {
  const jaar = JAREN[0]!;
  const telt = ONDERWIJSTYPEN.filter((t) => !['dji', 'politie', 'defensie'].includes(t));

  it('dat zijn 16 van de 19 types', () => {
    expect(telt).toHaveLength(16);
  });
  it.each(telt)('%s op T1: onderwijs', (type) => {
    expect(reden(deelnemer(jaar).met(inschrijvingOpT1(jaar, type)), jaar)).toBe('onderwijs');
  });
  it('ook een eerstejaars nieuwkomer op T1: onderwijs', () => {
    expect(reden(deelnemer(jaar).met(inschrijvingOpT1(jaar, 'vo-brugjaar', { nieuwkomer: true, leerjaar: 1 })), jaar)).toBe('onderwijs');
  });
  it('ook een vo-leerling (primair vo) die naar het hbo ging: onderwijs', () => {
    const d = deelnemer(jaar, { onderwijstype: 'havo', leerjaar: 5, niveau: null, leerweg: null, brin: '10AA' })
      .met(inschrijvingOpT1(jaar, 'ho', { brin: '30CC' }));
    expect(reden(d, jaar)).toBe('onderwijs');
  });
  it('het bewijs noemt type, instelling en periode van de inschrijving op T1', () => {
    const d = deelnemer(jaar).met(inschrijvingOpT1(jaar, 'nb-mbo', { brin: '50EE', vestiging: '00', begindatum: '2020-03-02', einddatum: null })).bouw();
    expect(beoordeling(d, jaar).primair.bewijs).toEqual(['ingeschreven als nb-mbo bij 50EE-00 van 2020-03-02 tot heden']);
  });
  it('twee inschrijvingen op T1 geven twee regels bewijs', () => {
    const d = deelnemer(jaar).met(inschrijvingOpT1(jaar, 'ho'), inschrijvingOpT1(jaar, 'vavo')).bouw();
    expect(beoordeling(d, jaar).primair.bewijs).toHaveLength(2);
  });
});
