import { describe, expect, it } from 'vitest';
import { VRIJSTELLINGSGRONDEN } from '../../src/domain/onderwijs.js';
import { beoordeling, dagNa, dagVoor, deelnemer, JAREN, reden } from './bouwers.js';

/**
 * telling.md: `vrijstelling` (C) — an exemption on ground 5a, 5b, 5c or 15 (Leerplichtwet
 * 1969, art. 5 onder a–c and art. 15) valid on T1. Grounds 3a and 3b (vervangende leerplicht) do not count.
 */
describe.each(JAREN)('vrijstelling $naam: geldig op T1', (jaar) => {
  const vrij = (vanaf: string, tot: string | null, grond = '5a') => reden(deelnemer(jaar).vrijstelling(grond, vanaf, tot), jaar);
  const begin = `${jaar.jaar + 1}-02-01`;

  it('vanaf de dag ná T1: vsv', () => {
    expect(vrij(dagNa(jaar.t1), null)).toBe('vsv');
  });
  it('vanaf T1: vrijstelling', () => {
    expect(vrij(jaar.t1, null)).toBe('vrijstelling');
  });
  it('vanaf de dag vóór T1: vrijstelling', () => {
    expect(vrij(dagVoor(jaar.t1), null)).toBe('vrijstelling');
  });
  it('tot de dag vóór T1: vsv', () => {
    expect(vrij(begin, dagVoor(jaar.t1))).toBe('vsv');
  });
  it('tot en met T1: vrijstelling', () => {
    expect(vrij(begin, jaar.t1)).toBe('vrijstelling');
  });
  it('tot de dag ná T1: vrijstelling', () => {
    expect(vrij(begin, dagNa(jaar.t1))).toBe('vrijstelling');
  });
  it('zonder einddatum (onbepaald): vrijstelling', () => {
    expect(vrij(begin, null)).toBe('vrijstelling');
  });
  it('een vrijstelling van vóór T0 die nog loopt: vrijstelling', () => {
    expect(vrij(`${jaar.jaar - 3}-01-01`, null)).toBe('vrijstelling');
  });
});

describe.each(JAREN)('vrijstelling $naam: alleen de gronden 5a, 5b, 5c en 15 tellen', (jaar) => {
  it.each(['5a', '5b', '5c', '15'])('grond %s geldig op T1: vrijstelling', (grond) => {
    expect(reden(deelnemer(jaar).vrijstelling(grond, jaar.t1, null), jaar)).toBe('vrijstelling');
  });
  it.each(['3a', '3b'])('grond %s (vervangende leerplicht) geldig op T1: telt niet, vsv', (grond) => {
    expect(reden(deelnemer(jaar).vrijstelling(grond, jaar.t1, null), jaar)).toBe('vsv');
  });
  it('de gronden uit levering.md zijn precies 3a, 3b, 5a, 5b, 5c en 15', () => {
    expect([...VRIJSTELLINGSGRONDEN]).toEqual(['3a', '3b', '5a', '5b', '5c', '15']);
  });
  it('3a en 5b tegelijk geldig: de 5b-vrijstelling telt, en alleen die staat in het bewijs', () => {
    const d = deelnemer(jaar).vrijstelling('3a', `${jaar.jaar + 1}-01-01`, null).vrijstelling('5b', `${jaar.jaar + 1}-03-01`, null).bouw();
    expect(beoordeling(d, jaar).primair).toMatchObject({
      reden: 'vrijstelling', bewijs: [`vrijstelling art. 5b van ${jaar.jaar + 1}-03-01 tot onbepaald`],
    });
  });
});
