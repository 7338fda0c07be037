import { describe, expect, it } from 'vitest';
import { gemeenteOpT0, ONBEKEND } from '../../src/domain/telling/beoordeling.js';
import { beoordeling, dagNa, dagVoor, deelnemer, dossier, inschrijvingOpT0, JAREN, mbo, RMC, SJ_2019, vo } from './bouwers.js';
import type { RmcIndeling } from '../../src/domain/telling/beoordeling.js';

/**
 * telling.md, "Attribution": municipality where the person lives on T0 (`onbekend` if unknown);
 * RMC region of that municipality for the school year (`onbekend` if unknown); institution of
 * the enrolment under which the person is counted.
 */
describe.each(JAREN)('toerekening $naam: gemeente op T0', (jaar) => {
  const woont = (vanaf: string, tot: string | null) => gemeenteOpT0(dossier().woont('GM0344', vanaf, tot).bouw(), jaar);

  it('verblijf vanaf de dag ná T0: onbekend', () => {
    expect(woont(dagNa(jaar.t0), null)).toBeNull();
  });
  it('verblijf vanaf T0: die gemeente', () => {
    expect(woont(jaar.t0, null)).toBe('GM0344');
  });
  it('verblijf vanaf de dag vóór T0: die gemeente', () => {
    expect(woont(dagVoor(jaar.t0), null)).toBe('GM0344');
  });
  it('verblijf tot de dag vóór T0: onbekend', () => {
    expect(woont('2000-01-01', dagVoor(jaar.t0))).toBeNull();
  });
  it('verblijf tot en met T0: die gemeente', () => {
    expect(woont('2000-01-01', jaar.t0)).toBe('GM0344');
  });
  it('verblijf tot de dag ná T0: die gemeente', () => {
    expect(woont('2000-01-01', dagNa(jaar.t0))).toBe('GM0344');
  });
  it('verhuisd op T0: de nieuwe gemeente (de oude eindigde de dag ervoor)', () => {
    const d = dossier().woont('GM0363', '2000-01-01', dagVoor(jaar.t0)).woont('GM0344', jaar.t0).bouw();
    expect(gemeenteOpT0(d, jaar)).toBe('GM0344');
  });
  it('verhuisd de dag ná T0: de oude gemeente', () => {
    const d = dossier().woont('GM0363', '2000-01-01', jaar.t0).woont('GM0344', dagNa(jaar.t0)).bouw();
    expect(gemeenteOpT0(d, jaar)).toBe('GM0363');
  });
  it('overlappende verblijven op T0 (registratiefout): het verblijf met de laatste vanaf wint', () => {
    const a = dossier().woont('GM0363', '2000-01-01', null).woont('GM0344', `${jaar.jaar}-06-01`, null).bouw();
    const b = dossier().woont('GM0344', `${jaar.jaar}-06-01`, null).woont('GM0363', '2000-01-01', null).bouw();
    expect(gemeenteOpT0(a, jaar)).toBe('GM0344');
    expect(gemeenteOpT0(b, jaar)).toBe('GM0344');
  });
  it('een later verblijf dat T0 niet omvat, wint niet', () => {
    const d = dossier().woont('GM0363', '2000-01-01', null).woont('GM0344', dagNa(jaar.t0), null).bouw();
    expect(gemeenteOpT0(d, jaar)).toBe('GM0363');
  });
  it('geen verblijf: onbekend', () => {
    expect(gemeenteOpT0(dossier().bouw(), jaar)).toBeNull();
  });
});

describe('toerekening: gemeente en RMC-regio in de beoordeling', () => {
  it('Amsterdam → RMC 21', () => {
    const b = beoordeling(deelnemer(SJ_2019).bouw(), SJ_2019);
    expect([b.gemeenteCode, b.rmcCode]).toEqual(['GM0363', '21']);
  });
  it('Utrecht → RMC 19', () => {
    const b = beoordeling(dossier().woont('GM0344', '2010-01-01').met(inschrijvingOpT0(SJ_2019, mbo(2))).bouw(), SJ_2019);
    expect([b.gemeenteCode, b.rmcCode]).toEqual(['GM0344', '19']);
  });
  it('gemeente zonder RMC-indeling voor dit schooljaar: gemeente bekend, RMC onbekend', () => {
    const b = beoordeling(dossier().woont('GM0307', '2010-01-01').met(inschrijvingOpT0(SJ_2019, mbo(2))).bouw(), SJ_2019);
    expect([b.gemeenteCode, b.rmcCode]).toEqual(['GM0307', ONBEKEND]);
  });
  it('geen verblijf op T0: gemeente en RMC onbekend, en de RMC-tabel wordt niet geraadpleegd', () => {
    const gevraagd: string[] = [];
    const rmc: RmcIndeling = (g) => { gevraagd.push(g); return RMC(g); };
    const b = beoordeling(dossier().met(inschrijvingOpT0(SJ_2019, mbo(2))).bouw(), SJ_2019, undefined, rmc);
    expect([b.gemeenteCode, b.rmcCode]).toEqual(['onbekend', 'onbekend']);
    expect(gevraagd).toEqual([]);
  });
  it('de RMC-regio volgt de gemeente op T0, niet een latere woonplaats', () => {
    const d = dossier().woont('GM0344', '2010-01-01', '2019-12-31').woont('GM0363', '2020-01-01')
      .met(inschrijvingOpT0(SJ_2019, mbo(2))).bouw();
    expect(beoordeling(d, SJ_2019).rmcCode).toBe('19');
  });
  it('ONBEKEND is de tekst onbekend', () => {
    expect(ONBEKEND).toBe('onbekend');
  });
});

describe('toerekening: instelling van de inschrijving waaronder de persoon telt', () => {
  it('BRIN en vestiging van de primaire inschrijving', () => {
    const d = dossier().met(
      inschrijvingOpT0(SJ_2019, mbo(2, { brin: '20BB', vestiging: '01' })),
      inschrijvingOpT0(SJ_2019, vo('vmbo-tl', 3, { brin: '10AA', vestiging: '01' })),
    ).bouw();
    const b = beoordeling(d, SJ_2019);
    expect([b.primair.brin, b.primair.vestiging]).toEqual(['10AA', '01']);
    expect(b.perInstelling.map((t) => `${t.brin}-${t.vestiging}`)).toEqual(['10AA-01', '20BB-01']);
  });
});
