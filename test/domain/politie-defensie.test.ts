import { describe, expect, it } from 'vitest';
import { beoordeling, dagNa, dagVoor, deelnemer, inschrijving, JAREN, reden } from './bouwers.js';

/** telling.md: `politie-defensie` (C) — enrolled on T1 as `politie` or `defensie`. */
describe.each(JAREN)('politie-defensie $naam', (jaar) => {
  describe.each(['politie', 'defensie'])('%s rond T1', (type) => {
    const opl = (begindatum: string, einddatum: string | null) =>
      reden(deelnemer(jaar).met(inschrijving({ onderwijstype: type, brin: '61FG', niveau: null, leerweg: null, leerjaar: null, begindatum, einddatum })), jaar);

    it('begin de dag ná T1: vsv', () => {
      expect(opl(dagNa(jaar.t1), null)).toBe('vsv');
    });
    it('begin op T1: politie-defensie', () => {
      expect(opl(jaar.t1, null)).toBe('politie-defensie');
    });
    it('begin de dag vóór T1: politie-defensie', () => {
      expect(opl(dagVoor(jaar.t1), null)).toBe('politie-defensie');
    });
    it('einde de dag vóór T1: vsv', () => {
      expect(opl(`${jaar.jaar + 1}-02-01`, dagVoor(jaar.t1))).toBe('vsv');
    });
    it('einde op T1: politie-defensie', () => {
      expect(opl(`${jaar.jaar + 1}-02-01`, jaar.t1)).toBe('politie-defensie');
    });
    it('einde de dag ná T1: politie-defensie', () => {
      expect(opl(`${jaar.jaar + 1}-02-01`, dagNa(jaar.t1))).toBe('politie-defensie');
    });
  });

  it('het bewijs noemt de opleiding', () => {
    const d = deelnemer(jaar).met(inschrijving({ onderwijstype: 'defensie', brin: '61FG', vestiging: '00', begindatum: jaar.t1, einddatum: null })).bouw();
    expect(beoordeling(d, jaar).primair.bewijs).toEqual([`ingeschreven als defensie bij 61FG-00 van ${jaar.t1} tot heden`]);
  });
});
