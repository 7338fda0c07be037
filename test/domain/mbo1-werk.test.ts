import { describe, expect, it } from 'vitest';
import { STANDAARD_WERKURENDREMPEL, urenInMiljoensten } from '../../src/domain/telling/uitsluitingen.js';
import { beoordeling, dagNa, dagVoor, DEFINITIEF, deelnemer, JAREN, mbo, reden, vavo, vo } from './bouwers.js';

/**
 * telling.md: `mbo1-werk` (D, mbo and vavo only) — an `mbo-1` diploma dated on or before T1
 * and work on T1 of at least 12 hours per week, summed over all jobs valid on T1 (the
 * threshold is a setting; 12 is the default).
 */
describe.each(JAREN)('mbo1-werk $naam: entreediploma en werk rond T1', (jaar) => {
  const entree = `${jaar.jaar + 1}-06-15`;
  const met = (diplomadatum: string, vanaf: string, tot: string | null, uren = '12') =>
    reden(deelnemer(jaar, mbo(1)).diploma('mbo-1', diplomadatum).werk(uren, vanaf, tot), jaar);

  it('werk vanaf de dag ná T1: vsv', () => {
    expect(met(entree, dagNa(jaar.t1), null)).toBe('vsv');
  });
  it('werk vanaf T1: mbo1-werk', () => {
    expect(met(entree, jaar.t1, null)).toBe('mbo1-werk');
  });
  it('werk vanaf de dag vóór T1: mbo1-werk', () => {
    expect(met(entree, dagVoor(jaar.t1), null)).toBe('mbo1-werk');
  });
  it('werk tot de dag vóór T1: vsv', () => {
    expect(met(entree, `${jaar.jaar + 1}-07-01`, dagVoor(jaar.t1))).toBe('vsv');
  });
  it('werk tot en met T1: mbo1-werk', () => {
    expect(met(entree, `${jaar.jaar + 1}-07-01`, jaar.t1)).toBe('mbo1-werk');
  });
  it('werk tot de dag ná T1: mbo1-werk', () => {
    expect(met(entree, `${jaar.jaar + 1}-07-01`, dagNa(jaar.t1))).toBe('mbo1-werk');
  });
  it('entreediploma op T1: mbo1-werk', () => {
    expect(met(jaar.t1, `${jaar.jaar + 1}-07-01`, null)).toBe('mbo1-werk');
  });
  it('entreediploma de dag ná T1: vsv (een entreediploma is geen startkwalificatie, ook niet verlaat)', () => {
    expect(met(dagNa(jaar.t1), `${jaar.jaar + 1}-07-01`, null)).toBe('vsv');
  });
  it('werk zonder entreediploma: vsv', () => {
    expect(reden(deelnemer(jaar, mbo(1)).werk('40', `${jaar.jaar + 1}-07-01`), jaar)).toBe('vsv');
  });
  it('een vmbo-diploma met werk telt niet als entreediploma: vsv', () => {
    expect(reden(deelnemer(jaar, mbo(1)).diploma('vmbo-bb', entree).werk('40', `${jaar.jaar + 1}-07-01`), jaar)).toBe('vsv');
  });
});

describe.each(JAREN)('mbo1-werk $naam: de drempel van 12 uur per week', (jaar) => {
  const uren = (...banen: string[]) => {
    let d = deelnemer(jaar, mbo(1)).diploma('mbo-1', `${jaar.jaar + 1}-06-15`);
    banen.forEach((u, i) => { d = d.werk(u, `${jaar.jaar + 1}-07-0${i + 1}`); });
    return reden(d, jaar);
  };

  it('de standaarddrempel is 12', () => {
    expect(STANDAARD_WERKURENDREMPEL).toBe(12);
  });
  it('11.99 uur: onder de drempel, vsv', () => {
    expect(uren('11.99')).toBe('vsv');
  });
  it('12 uur: precies de drempel, mbo1-werk', () => {
    expect(uren('12')).toBe('mbo1-werk');
  });
  it('12.0 uur: mbo1-werk', () => {
    expect(uren('12.0')).toBe('mbo1-werk');
  });
  it('12.01 uur: mbo1-werk', () => {
    expect(uren('12.01')).toBe('mbo1-werk');
  });
  it('11.999999 uur: onder de drempel, vsv', () => {
    expect(uren('11.999999')).toBe('vsv');
  });
  it('twee banen 7.3 + 4.7 = precies 12: mbo1-werk (exacte decimale som)', () => {
    expect(uren('7.3', '4.7')).toBe('mbo1-werk');
  });
  it('twee banen 7.3 + 4.69 = 11.99: vsv', () => {
    expect(uren('7.3', '4.69')).toBe('vsv');
  });
  it('drie banen 0.1 + 0.2 + 11.7 = precies 12: mbo1-werk', () => {
    expect(uren('0.1', '0.2', '11.7')).toBe('mbo1-werk');
  });
  it('0 uur: vsv', () => {
    expect(uren('0')).toBe('vsv');
  });
  it('alleen banen die op T1 lopen tellen mee: 8 op T1 + 8 geëindigd vóór T1 = 8, vsv', () => {
    const d = deelnemer(jaar, mbo(1)).diploma('mbo-1', `${jaar.jaar + 1}-06-15`)
      .werk('8', `${jaar.jaar + 1}-07-01`).werk('8', `${jaar.jaar + 1}-03-01`, dagVoor(jaar.t1));
    expect(reden(d, jaar)).toBe('vsv');
  });
  it('het bewijs noemt het entreediploma en de banen op T1', () => {
    const d = deelnemer(jaar, mbo(1)).diploma('mbo-1', `${jaar.jaar + 1}-06-15`)
      .werk('7.3', `${jaar.jaar + 1}-07-01`).werk('4.7', `${jaar.jaar + 1}-08-01`, jaar.t1).werk('30', `${jaar.jaar + 1}-01-01`, `${jaar.jaar + 1}-02-01`).bouw();
    expect(beoordeling(d, jaar).primair.bewijs).toEqual([
      `entreediploma op ${jaar.jaar + 1}-06-15`,
      `werk 7.3 uur per week van ${jaar.jaar + 1}-07-01 tot heden`,
      `werk 4.7 uur per week van ${jaar.jaar + 1}-08-01 tot ${jaar.t1}`,
    ]);
  });
});

describe('mbo1-werk: een andere drempel (instelling)', () => {
  const jaar = JAREN[0]!;
  const met = (drempel: number, ...banen: string[]) => {
    let d = deelnemer(jaar, mbo(1)).diploma('mbo-1', '2020-06-15');
    banen.forEach((u, i) => { d = d.werk(u, `2020-07-0${i + 1}`); });
    return reden(d, jaar, { ...DEFINITIEF, werkurenDrempel: drempel });
  };
  it('drempel 20: 19.99 uur is te weinig', () => {
    expect(met(20, '19.99')).toBe('vsv');
  });
  it('drempel 20: 20 uur is genoeg', () => {
    expect(met(20, '20')).toBe('mbo1-werk');
  });
  it('drempel 20: 12 uur (genoeg bij de standaarddrempel) is te weinig', () => {
    expect(met(20, '12')).toBe('vsv');
  });
  it('drempel 8: het voorbeeld P08 (8 uur) telt dan wel', () => {
    expect(met(8, '8')).toBe('mbo1-werk');
  });
  it('drempel 0: elk entreediploma met een baan op T1 telt, ook 0 uur', () => {
    expect(met(0, '0')).toBe('mbo1-werk');
  });
  it('drempel 0 zonder enige baan op T1: geen werk op T1, dus vsv', () => {
    // telling.md asks for "work on T1 of at least [threshold] hours": without any job on T1
    // there is no work, whatever the threshold (Bijlage A D5: "geregistreerd staat als werkende").
    expect(met(0)).toBe('vsv');
  });
  it('drempel 12.5: 12.49 nee, 12.5 ja', () => {
    expect(met(12.5, '12.49')).toBe('vsv');
    expect(met(12.5, '12.5')).toBe('mbo1-werk');
  });
  it.each([8.05, 16.01])('drempel %s: een baan van precies de drempel haalt de drempel (exacte vergelijking)', (drempel) => {
    expect(met(drempel, String(drempel))).toBe('mbo1-werk');
  });
});

describe.each(JAREN)('mbo1-werk $naam: alleen mbo en vavo', (jaar) => {
  const metWerk = (velden: Parameters<typeof deelnemer>[1]) =>
    reden(deelnemer(jaar, velden).diploma('mbo-1', `${jaar.jaar + 1}-06-15`).werk('20', `${jaar.jaar + 1}-07-01`), jaar);
  it.each([1, 2, 3, 4])('primair mbo niveau %i: mbo1-werk', (niveau) => {
    expect(metWerk(mbo(niveau))).toBe('mbo1-werk');
  });
  it('primair vavo: mbo1-werk', () => {
    expect(metWerk(vavo())).toBe('mbo1-werk');
  });
  it.each([['vo-brugjaar', 1], ['vmbo-bb', 4], ['havo', 4], ['vwo', 5]] as const)('primair vo (%s leerjaar %i): nooit, vsv', (type, leerjaar) => {
    expect(metWerk(vo(type, leerjaar))).toBe('vsv');
  });
});

describe('urenInMiljoensten: uren als geheel aantal miljoensten', () => {
  it.each([
    ['12', 12_000_000], ['12.5', 12_500_000], ['7.3', 7_300_000], ['4.7', 4_700_000], ['0', 0],
    ['0.000001', 1], ['11.999999', 11_999_999], ['40.25', 40_250_000], ['12.1234567', 12_123_456],
  ])('%s → %i', (uren, verwacht) => {
    expect(urenInMiljoensten(uren)).toBe(verwacht);
  });
  it('7.3 + 4.7 is exact 12 uur', () => {
    expect(urenInMiljoensten('7.3') + urenInMiljoensten('4.7')).toBe(urenInMiljoensten('12'));
  });
});
