import { describe, expect, it } from 'vitest';
import type { Schooljaar } from '../../src/domain/schooljaar.js';
import { deelnemer, inschrijvingOpT1, JAREN, mbo, plusDagen, reden, VOORLOPIG, type DossierBouwer } from './bouwers.js';

/**
 * telling.md, "Figures": status `definitief` applies every rule; status `voorlopig` applies
 * every rule except `verlate-startkwalificatie`.
 */
const GEVALLEN: [string, (d: DossierBouwer, j: Schooljaar) => DossierBouwer][] = [
  ['overleden', (d, j) => d.overleden(plusDagen(j.t1, -1))],
  ['geemigreerd', (d, j) => d.geemigreerd(plusDagen(j.t1, -1))],
  ['onderwijs', (d, j) => d.met(inschrijvingOpT1(j, 'mbo'))],
  ['dji', (d, j) => d.met(inschrijvingOpT1(j, 'dji'))],
  ['politie-defensie', (d, j) => d.met(inschrijvingOpT1(j, 'defensie'))],
  ['vrijstelling', (d, j) => d.vrijstelling('15', j.t1)],
  ['startkwalificatie', (d, j) => d.diploma('mbo-2', j.t1)],
  ['mbo1-werk', (d, j) => d.diploma('mbo-1', j.t1).werk('12', j.t1)],
  ['vsv', (d) => d],
];

describe.each(JAREN)('status $naam: voorlopig slaat alleen verlate-startkwalificatie over', (jaar) => {
  it.each(GEVALLEN)('%s: dezelfde reden in voorlopig en definitief', (code, aanleiding) => {
    const d = aanleiding(deelnemer(jaar, mbo(1)), jaar);
    expect(reden(d, jaar)).toBe(code);
    expect(reden(d, jaar, VOORLOPIG)).toBe(code);
  });
  it('verlate-startkwalificatie: definitief wel, voorlopig vsv', () => {
    const d = deelnemer(jaar).diploma('mbo-2', plusDagen(jaar.t1, 1));
    expect(reden(d, jaar)).toBe('verlate-startkwalificatie');
    expect(reden(d, jaar, VOORLOPIG)).toBe('vsv');
  });
  it('voorlopig: een diploma ná T1 wordt ook geen gewone startkwalificatie', () => {
    expect(reden(deelnemer(jaar).diploma('havo', jaar.eindeVerlateStartkwalificatie), jaar, VOORLOPIG)).toBe('vsv');
  });
});
