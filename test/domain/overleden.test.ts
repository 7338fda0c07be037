import { describe, expect, it } from 'vitest';
import { UITSLUITINGSREGELS } from '../../src/domain/telling/uitsluitingen.js';
import { beoordeling, dagNa, dagVoor, deelnemer, JAREN, reden } from './bouwers.js';

/** telling.md: `overleden` (B) — an `overlijden` event dated on or before T1. */
describe.each(JAREN)('overleden $naam: overlijden op of vóór T1', (jaar) => {
  it('zonder gebeurtenissen is de uitgevallen deelnemer een vsv\'er', () => {
    expect(reden(deelnemer(jaar), jaar)).toBe('vsv');
  });
  it('overleden de dag vóór T1: overleden', () => {
    expect(reden(deelnemer(jaar).overleden(dagVoor(jaar.t1)), jaar)).toBe('overleden');
  });
  it('overleden op T1: overleden', () => {
    expect(reden(deelnemer(jaar).overleden(jaar.t1), jaar)).toBe('overleden');
  });
  it('overleden de dag ná T1: telt niet, vsv', () => {
    expect(reden(deelnemer(jaar).overleden(dagNa(jaar.t1)), jaar)).toBe('vsv');
  });
  it('overleden kort na T0: overleden', () => {
    expect(reden(deelnemer(jaar).overleden(dagNa(jaar.t0)), jaar)).toBe('overleden');
  });
  it('het bewijs noemt de datum van overlijden', () => {
    const b = beoordeling(deelnemer(jaar).overleden(jaar.t1).bouw(), jaar);
    expect(b.primair.bewijs).toEqual([`overleden op ${jaar.t1}`]);
    expect(b.primair.vsv).toBe(false);
  });
  it('een emigratie of immigratie is geen overlijden', () => {
    const regel = UITSLUITINGSREGELS.find((r) => r.code === 'overleden')!;
    const d = deelnemer(jaar).geemigreerd(dagVoor(jaar.t1)).bouw();
    expect(regel.geldt(d, { jaar, sector: 'mbo', opties: { status: 'definitief', werkurenDrempel: 12 } })).toBeNull();
  });
});
