import { describe, expect, it } from 'vitest';
import { beoordeling, dagNa, dagVoor, deelnemer, inschrijving, JAREN, reden } from './bouwers.js';

/** telling.md: `dji` (C) — enrolled on T1 as `dji` (Dienst Justitiële Inrichtingen). */
describe.each(JAREN)('dji $naam: DJI-registratie rond T1', (jaar) => {
  const dji = (begindatum: string, einddatum: string | null) =>
    reden(deelnemer(jaar).met(inschrijving({ onderwijstype: 'dji', brin: '60FF', niveau: null, leerweg: null, leerjaar: null, begindatum, einddatum })), jaar);

  it('vanaf de dag ná T1: vsv', () => {
    expect(dji(dagNa(jaar.t1), null)).toBe('vsv');
  });
  it('vanaf T1: dji', () => {
    expect(dji(jaar.t1, null)).toBe('dji');
  });
  it('vanaf de dag vóór T1: dji', () => {
    expect(dji(dagVoor(jaar.t1), null)).toBe('dji');
  });
  it('tot de dag vóór T1: vsv', () => {
    expect(dji(`${jaar.jaar + 1}-02-01`, dagVoor(jaar.t1))).toBe('vsv');
  });
  it('tot en met T1: dji', () => {
    expect(dji(`${jaar.jaar + 1}-02-01`, jaar.t1)).toBe('dji');
  });
  it('tot de dag ná T1: dji', () => {
    expect(dji(`${jaar.jaar + 1}-02-01`, dagNa(jaar.t1))).toBe('dji');
  });
  it('het bewijs noemt de inrichting', () => {
    const d = deelnemer(jaar).met(inschrijving({ onderwijstype: 'dji', brin: '60FF', vestiging: '00', begindatum: jaar.t1, einddatum: null })).bouw();
    expect(beoordeling(d, jaar).primair.bewijs).toEqual([`ingeschreven als dji bij 60FF-00 van ${jaar.t1} tot heden`]);
  });
  it('een DJI-registratie alleen op T0 (niet op T1) telt niet', () => {
    expect(dji(`${jaar.jaar}-01-01`, dagNa(jaar.t0))).toBe('vsv');
  });
});
