import { describe, expect, it } from 'vitest';
import { isSchooljaar, schooljaarGrenzen, schooljaarVanMelding, telperiode, verzuimcijfers, vsvMetMelding, type Meldingsfeit } from '../../../src/domain/verzuim/cijfers.js';

/** docs/rules/verzuim-cijfers.md: absence figures of a scope per school year. */
describe('verzuimcijfers: het schooljaar van een melding', () => {
  it.each([
    ['2026-07-31', '2025-2026'], ['2026-08-01', '2026-2027'], ['2026-01-01', '2025-2026'], ['2025-12-31', '2025-2026'], ['2025-08-01', '2025-2026'],
  ])('%s valt in %s', (datum, jaar) => {
    expect(schooljaarVanMelding(datum)).toBe(jaar);
  });

  it('grenzen: 1 augustus tot en met 31 juli; een schooljaar is twee opeenvolgende jaren', () => {
    expect(schooljaarGrenzen('2025-2026')).toEqual({ van: '2025-08-01', tot: '2026-07-31' });
    expect(isSchooljaar('2025-2026')).toBe(true);
    expect(isSchooljaar('2025-2027')).toBe(false);
    expect(isSchooljaar('2025/2026')).toBe(false);
  });
});

const feit = (over: Partial<Meldingsfeit & { meldingsdatum: string }>): Meldingsfeit & { meldingsdatum: string } => ({
  soort: '16u4w', brin: '20BB', status: 'in-behandeling', afsluitreden: null, tijdigheid: 'tijdig', ontvangen: '2025-10-01',
  meldingsdatum: '2025-10-01', eersteActie: null, ...over,
});

describe('verzuimcijfers: tellen', () => {
  it('alleen de meldingen van het schooljaar; per soort, status, afsluitreden en school', () => {
    const c = verzuimcijfers('2025-2026', [
      feit({ meldingsdatum: '2025-07-31' }), // the year before
      feit({}),
      feit({ soort: 'lrv', brin: '10AA', status: 'afgesloten', afsluitreden: 'terug-naar-school', tijdigheid: 'te-laat' }),
      feit({ soort: 'luxe', tijdigheid: 'niet-van-toepassing', meldingsdatum: '2026-07-31' }),
    ]);
    expect(c.meldingen).toBe(3);
    expect(c.perSoort).toEqual({ '16u4w': 1, lrv: 1, rmc: 0, luxe: 1, overig: 0 });
    expect(c.perStatus).toEqual({ 'in-behandeling': 2, afgesloten: 1, 'ter-kennisneming-aangenomen': 0 });
    expect(c.perAfsluitreden['terug-naar-school']).toBe(1);
    expect(c.tijdigheid).toEqual({ tijdig: 1, teLaat: 1, zonderOordeel: 1, aandeelTeLaat: 50 });
    expect(c.perSchool).toEqual([
      { brin: '10AA', meldingen: 1, tijdig: 0, teLaat: 1, zonderOordeel: 0, aandeelTeLaat: 100 },
      { brin: '20BB', meldingen: 2, tijdig: 1, teLaat: 0, zonderOordeel: 1, aandeelTeLaat: 0 },
    ]);
  });

  it('de eerste actie: dagen na ontvangst (mediaan en 90e percentiel), een actie van vóór de ontvangst telt als dag 0', () => {
    const metActie = (dagen: string, soort = 'waarschuwing') => feit({ eersteActie: { datum: dagen, soort } });
    const c = verzuimcijfers('2025-2026', [
      metActie('2025-10-01'), metActie('2025-10-03'), metActie('2025-10-11', 'halt'), metActie('2025-09-20'), feit({}),
    ]);
    expect(c.eersteActie).toMatchObject({ metActie: 4, zonderActie: 1, dagenMediaan: 0, dagen90: 10 });
    expect(c.eersteActie.perSoort).toMatchObject({ waarschuwing: 3, halt: 1, 'proces-verbaal': 0 });
  });

  it('zonder meldingen: nullen, en geen aandeel of dagen in plaats van 0', () => {
    const c = verzuimcijfers('2025-2026', []);
    expect(c.meldingen).toBe(0);
    expect(c.tijdigheid.aandeelTeLaat).toBeNull();
    expect(c.eersteActie.dagenMediaan).toBeNull();
    expect(c.perSchool).toEqual([]);
  });
});

describe("verzuimcijfers: verzuim vóór uitval", () => {
  it('de telperiode van 2017-2018 loopt van 1 oktober 2017 tot en met 30 september 2018 (telling.md: T0 en T1)', () => {
    expect(telperiode('2017-2018')).toEqual({ van: '2017-10-01', tot: '2018-09-30' });
  });

  it("het aandeel op één decimaal; zonder vsv'ers geen aandeel", () => {
    expect(vsvMetMelding('2017-2018', 'definitief', 3, 1).aandeel).toBe(33.3);
    expect(vsvMetMelding('2017-2018', 'voorlopig', 0, 0).aandeel).toBeNull();
  });
});
