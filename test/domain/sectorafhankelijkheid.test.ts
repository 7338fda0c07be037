import { describe, expect, it } from 'vitest';
import { bepaalReden, UITSLUITINGSREGELS } from '../../src/domain/telling/uitsluitingen.js';
import {
  beoordeling, DEFINITIEF, dossier, inschrijving, inschrijvingOpT0, JAREN, mbo, plusDagen, reden, vavo, vo, VOORLOPIG,
} from './bouwers.js';

/**
 * telling.md: "mbo and vavo only" refers to the sector of the enrolment under which the person
 * is counted: the primary enrolment for national and regional figures, the institution's own
 * enrolment for institution figures.
 */
describe.each(JAREN)('sector $naam: de D-regels verlate-startkwalificatie en mbo1-werk', (jaar) => {
  const laat = plusDagen(jaar.t1, 45);
  const entree = plusDagen(jaar.t1, -100);

  it('bepaalReden met sector vo: verlate startkwalificatie telt niet', () => {
    const d = dossier('P1').diploma('mbo-2', laat).bouw();
    expect(bepaalReden(d, { jaar, sector: 'vo', opties: DEFINITIEF }).reden).toBe('vsv');
    expect(bepaalReden(d, { jaar, sector: 'mbo', opties: DEFINITIEF }).reden).toBe('verlate-startkwalificatie');
    expect(bepaalReden(d, { jaar, sector: 'vavo', opties: DEFINITIEF }).reden).toBe('verlate-startkwalificatie');
  });
  it('bepaalReden met sector vo: mbo1-werk telt niet', () => {
    const d = dossier('P1').diploma('mbo-1', entree).werk('30', entree).bouw();
    expect(bepaalReden(d, { jaar, sector: 'vo', opties: DEFINITIEF }).reden).toBe('vsv');
    expect(bepaalReden(d, { jaar, sector: 'mbo', opties: DEFINITIEF }).reden).toBe('mbo1-werk');
    expect(bepaalReden(d, { jaar, sector: 'vavo', opties: DEFINITIEF }).reden).toBe('mbo1-werk');
  });
  it('de B- en C-regels en startkwalificatie hangen niet van de sector af', () => {
    const d = dossier('P1').diploma('havo', entree).bouw();
    for (const sector of ['vo', 'mbo', 'vavo'] as const) {
      expect(bepaalReden(d, { jaar, sector, opties: DEFINITIEF }).reden).toBe('startkwalificatie');
    }
    const alleenD = UITSLUITINGSREGELS.filter((r) => r.code === 'verlate-startkwalificatie' || r.code === 'mbo1-werk');
    expect(alleenD.every((r) => r.term === 'D')).toBe(true);
  });

  it('vo en mbo op T0 bij twee instellingen: landelijk vo (vsv), bij de mbo-instelling verlate-startkwalificatie', () => {
    const d = dossier('P1', `${jaar.jaar - 18}-05-05`).woont('GM0363', '2000-01-01').met(
      inschrijvingOpT0(jaar, vo('vmbo-tl', 4, { brin: '10AA', inschrijvingId: 'VO' })),
      inschrijvingOpT0(jaar, mbo(2, { brin: '20BB', inschrijvingId: 'MBO' })),
    ).diploma('mbo-2', laat).bouw();
    const b = beoordeling(d, jaar);
    expect(b.primair).toMatchObject({ inschrijvingId: 'VO', sector: 'vo', reden: 'vsv', vsv: true });
    expect(b.perInstelling.map((t) => [t.brin, t.sector, t.reden, t.vsv])).toEqual([
      ['10AA', 'vo', 'vsv', true],
      ['20BB', 'mbo', 'verlate-startkwalificatie', false],
    ]);
  });
  it('vo en vavo bij twee instellingen met entreediploma en werk: bij vo vsv, bij vavo mbo1-werk', () => {
    const d = dossier('P1', `${jaar.jaar - 18}-05-05`).met(
      inschrijvingOpT0(jaar, vo('havo', 5, { brin: '11AB' })),
      inschrijvingOpT0(jaar, vavo({ brin: '21BC' })),
    ).diploma('mbo-1', entree).werk('12', entree).bouw();
    const b = beoordeling(d, jaar);
    expect(b.primair.reden).toBe('vsv');
    expect(Object.fromEntries(b.perInstelling.map((t) => [t.brin, t.reden]))).toEqual({ '11AB': 'vsv', '21BC': 'mbo1-werk' });
  });
  it('voorlopig: bij de mbo-instelling ook vsv (verlate startkwalificatie nog niet meegeteld)', () => {
    const d = dossier('P1', `${jaar.jaar - 18}-05-05`).met(
      inschrijvingOpT0(jaar, vo('vmbo-tl', 4, { brin: '10AA' })),
      inschrijvingOpT0(jaar, mbo(2, { brin: '20BB' })),
    ).diploma('mbo-2', laat).bouw();
    expect(beoordeling(d, jaar, VOORLOPIG).perInstelling.map((t) => t.reden)).toEqual(['vsv', 'vsv']);
  });
  it('een B- of C-reden geldt bij elke instelling gelijk', () => {
    const d = dossier('P1', `${jaar.jaar - 18}-05-05`).met(
      inschrijvingOpT0(jaar, vo('vmbo-tl', 4, { brin: '10AA' })),
      inschrijvingOpT0(jaar, mbo(2, { brin: '20BB' })),
      inschrijving({ onderwijstype: 'ho', brin: '30CC', begindatum: jaar.t1, einddatum: null }),
    ).bouw();
    expect(beoordeling(d, jaar).perInstelling.map((t) => t.reden)).toEqual(['onderwijs', 'onderwijs']);
  });
  it('primair mbo (geen vo op T0): de verlate startkwalificatie telt ook landelijk', () => {
    const d = dossier('P1', `${jaar.jaar - 18}-05-05`).met(inschrijvingOpT0(jaar, mbo(2))).diploma('mbo-2', laat);
    expect(reden(d, jaar)).toBe('verlate-startkwalificatie');
  });
});
