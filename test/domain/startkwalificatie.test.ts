import { describe, expect, it } from 'vitest';
import { DIPLOMASOORTEN, STARTKWALIFICATIES } from '../../src/domain/onderwijs.js';
import { beoordeling, dagNa, dagVoor, deelnemer, JAREN, reden, vo } from './bouwers.js';

/**
 * telling.md: `startkwalificatie` (D) — a startkwalificatie diploma (havo, vwo, mbo-2, mbo-3,
 * mbo-4 or ho; levering.md) dated on or before T1. Applies to every sector.
 */
describe('startkwalificatie: welke diploma\'s', () => {
  it('havo, vwo, mbo-2, mbo-3, mbo-4 en ho zijn een startkwalificatie', () => {
    expect([...STARTKWALIFICATIES].sort()).toEqual(['havo', 'ho', 'mbo-2', 'mbo-3', 'mbo-4', 'vwo']);
  });
  const jaar = JAREN[0]!;
  it.each([...STARTKWALIFICATIES])('%s vóór T1: startkwalificatie', (soort) => {
    expect(reden(deelnemer(jaar).diploma(soort, '2020-07-01'), jaar)).toBe('startkwalificatie');
  });
  it.each(DIPLOMASOORTEN.filter((s) => !STARTKWALIFICATIES.has(s)))('%s vóór T1: geen startkwalificatie, vsv', (soort) => {
    expect(reden(deelnemer(jaar).diploma(soort, '2020-07-01'), jaar)).toBe('vsv');
  });
});

describe.each(JAREN)('startkwalificatie $naam: diplomadatum rond T1', (jaar) => {
  it('de dag vóór T1: startkwalificatie', () => {
    expect(reden(deelnemer(jaar).diploma('mbo-2', dagVoor(jaar.t1)), jaar)).toBe('startkwalificatie');
  });
  it('op T1: startkwalificatie', () => {
    expect(reden(deelnemer(jaar).diploma('mbo-2', jaar.t1), jaar)).toBe('startkwalificatie');
  });
  it('de dag ná T1 (mbo): geen startkwalificatie maar een verlate startkwalificatie', () => {
    expect(reden(deelnemer(jaar).diploma('mbo-2', dagNa(jaar.t1)), jaar)).toBe('verlate-startkwalificatie');
  });
  it('de dag ná T1 (vo): geen van beide, vsv', () => {
    expect(reden(deelnemer(jaar, vo('havo', 5)).diploma('havo', dagNa(jaar.t1)), jaar)).toBe('vsv');
  });
  it('al jaren vóór T0 behaald (een eerdere startkwalificatie): startkwalificatie', () => {
    expect(reden(deelnemer(jaar).diploma('mbo-2', `${jaar.jaar - 2}-07-01`), jaar)).toBe('startkwalificatie');
  });
  it('geldt ook voor vo (havo-diploma van een havo-leerling)', () => {
    expect(reden(deelnemer(jaar, vo('havo', 5)).diploma('havo', `${jaar.jaar + 1}-07-03`), jaar)).toBe('startkwalificatie');
  });
  it('het bewijs noemt soort, datum en instelling', () => {
    const d = deelnemer(jaar).diploma('mbo-3', jaar.t1, '20BB').diploma('vmbo-tl', `${jaar.jaar}-06-30`).bouw();
    expect(beoordeling(d, jaar).primair.bewijs).toEqual([`diploma mbo-3 op ${jaar.t1} (20BB)`]);
  });
});
