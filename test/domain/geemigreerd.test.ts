import { describe, expect, it } from 'vitest';
import { beoordeling, dagNa, dagVoor, deelnemer, JAREN, plusDagen, reden } from './bouwers.js';

/**
 * telling.md: `geemigreerd` (B) — the last `emigratie`/`immigratie` event dated on or before
 * T1 is an `emigratie`. Our reading: on one day an immigration counts as the later event.
 */
describe.each(JAREN)('geemigreerd $naam: emigratie rond T1', (jaar) => {
  it('geëmigreerd de dag vóór T1: geemigreerd', () => {
    expect(reden(deelnemer(jaar).geemigreerd(dagVoor(jaar.t1)), jaar)).toBe('geemigreerd');
  });
  it('geëmigreerd op T1: geemigreerd', () => {
    expect(reden(deelnemer(jaar).geemigreerd(jaar.t1), jaar)).toBe('geemigreerd');
  });
  it('geëmigreerd de dag ná T1: telt niet, vsv', () => {
    expect(reden(deelnemer(jaar).geemigreerd(dagNa(jaar.t1)), jaar)).toBe('vsv');
  });
  it('het bewijs noemt de datum van de emigratie', () => {
    expect(beoordeling(deelnemer(jaar).geemigreerd(jaar.t1).bouw(), jaar).primair.bewijs).toEqual([`geëmigreerd op ${jaar.t1}`]);
  });
});

describe.each(JAREN)('geemigreerd $naam: de laatste migratie op of vóór T1 beslist', (jaar) => {
  const e = plusDagen(jaar.t0, 30);
  it('emigratie en later weer immigratie (vóór T1): niet geëmigreerd, vsv', () => {
    expect(reden(deelnemer(jaar).geemigreerd(e).geimmigreerd(plusDagen(e, 60)), jaar)).toBe('vsv');
  });
  it('immigratie op T1 na een eerdere emigratie: niet geëmigreerd', () => {
    expect(reden(deelnemer(jaar).geemigreerd(e).geimmigreerd(jaar.t1), jaar)).toBe('vsv');
  });
  it('immigratie de dag ná T1 na een emigratie: die immigratie telt niet, geemigreerd', () => {
    expect(reden(deelnemer(jaar).geemigreerd(e).geimmigreerd(dagNa(jaar.t1)), jaar)).toBe('geemigreerd');
  });
  it('immigratie en later emigratie: geemigreerd', () => {
    expect(reden(deelnemer(jaar).geimmigreerd(e).geemigreerd(plusDagen(e, 60)), jaar)).toBe('geemigreerd');
  });
  it('alleen een immigratie: vsv', () => {
    expect(reden(deelnemer(jaar).geimmigreerd(e), jaar)).toBe('vsv');
  });
  it('de volgorde van de rijen in het dossier doet er niet toe, alleen de datum', () => {
    expect(reden(deelnemer(jaar).geimmigreerd(plusDagen(e, 60)).geemigreerd(e), jaar)).toBe('vsv');
    expect(reden(deelnemer(jaar).geemigreerd(plusDagen(e, 60)).geimmigreerd(e), jaar)).toBe('geemigreerd');
  });
  it('drie migraties: emigratie, immigratie, emigratie → geemigreerd, bewijs is de laatste', () => {
    const d = deelnemer(jaar).geemigreerd(e).geimmigreerd(plusDagen(e, 10)).geemigreerd(plusDagen(e, 20)).bouw();
    expect(beoordeling(d, jaar).primair).toMatchObject({ reden: 'geemigreerd', bewijs: [`geëmigreerd op ${plusDagen(e, 20)}`] });
  });
});

describe.each(JAREN)('geemigreerd $naam: emigratie en immigratie op dezelfde dag', (jaar) => {
  // The order within one day cannot be known; we take the immigration as the last event,
  // so the person is taken to be in the Netherlands (docs/rules/geemigreerd.md).
  it('op één dag vóór T1: de immigratie telt als laatste, niet geëmigreerd', () => {
    const dag = plusDagen(jaar.t0, 100);
    expect(reden(deelnemer(jaar).geemigreerd(dag).geimmigreerd(dag), jaar)).toBe('vsv');
  });
  it('ook in omgekeerde volgorde in het dossier', () => {
    const dag = plusDagen(jaar.t0, 100);
    expect(reden(deelnemer(jaar).geimmigreerd(dag).geemigreerd(dag), jaar)).toBe('vsv');
  });
  it('op T1 zelf: niet geëmigreerd', () => {
    expect(reden(deelnemer(jaar).geemigreerd(jaar.t1).geimmigreerd(jaar.t1), jaar)).toBe('vsv');
  });
  it('na een eerdere emigratie, emigratie en immigratie op één latere dag: niet geëmigreerd', () => {
    const dag = plusDagen(jaar.t0, 100);
    expect(reden(deelnemer(jaar).geemigreerd(plusDagen(dag, -50)).geemigreerd(dag).geimmigreerd(dag), jaar)).toBe('vsv');
  });
});
