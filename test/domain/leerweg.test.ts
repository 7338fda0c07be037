import { describe, expect, it } from 'vitest';
import { leerwegVan } from '../../src/domain/telling/beoordeling.js';
import { Cijferteller, LANDELIJK, type Cijfer } from '../../src/domain/telling/cijfers.js';
import type { Inschrijving } from '../../src/domain/telling/dossier.js';
import { beoordeling, dossier, inschrijvingOpT0, mbo, SJ_2019, vo } from './bouwers.js';

/**
 * docs/rules/leerweg.md: the figures per mbo learning path (bol, bbl, ex). A person counts under
 * the learning path of the enrolment they are counted under: nationally and per area the primary
 * enrolment, per institution its own enrolment there. Together the paths make up the mbo sector.
 */
const J = SJ_2019;
const inschrijving = (velden: Partial<Inschrijving>) => velden as Inschrijving;

describe('leerwegVan', () => {
  it.each([['bol', 'bol'], ['BBL', 'bbl'], [' ex ', 'ex'], ['', null], [null, null], ['duaal', null]] as const)('mbo met leerweg %j geeft %j', (leerweg, verwacht) => {
    expect(leerwegVan({ sector: 'mbo', inschrijving: inschrijving({ leerweg }) })).toBe(verwacht);
  });
  it('vo en vavo hebben geen leerweg, ook niet als er een is ingevuld', () => {
    expect(leerwegVan({ sector: 'vo', inschrijving: inschrijving({ leerweg: 'bol' }) })).toBeNull();
    expect(leerwegVan({ sector: 'vavo', inschrijving: inschrijving({ leerweg: 'bbl' }) })).toBeNull();
  });
});

function cijfer(cijfers: Cijfer[], niveau: string, gebied: string, dimensie: string, waarde: string): [number, number] | undefined {
  const c = cijfers.find((x) => x.niveau === niveau && x.gebied === gebied && x.dimensie === dimensie && x.waarde === waarde);
  return c ? [c.startpopulatie, c.vsv] : undefined;
}

describe('Cijferteller per leerweg', () => {
  // bbl dropout at 20BB; bol student with a diploma at 21CC; vo pupil who also follows bbl at 22DD (counted under vo)
  const personen = [
    dossier('A', '2002-03-14').woont('GM0344', '2000-01-01').met(inschrijvingOpT0(J, mbo(2, { brin: '20BB', leerweg: 'bbl' }))).bouw(),
    dossier('B', '2002-03-14').woont('GM0344', '2000-01-01').met(inschrijvingOpT0(J, mbo(3, { brin: '21CC', leerweg: 'bol' }))).diploma('mbo-3', J.t1).bouw(),
    dossier('C', '2003-03-14').woont('GM0363', '2000-01-01').met(
      inschrijvingOpT0(J, vo('havo', 4, { brin: '10AA' })), inschrijvingOpT0(J, mbo(2, { brin: '22DD', leerweg: 'bbl' }))).bouw(),
  ];
  const teller = new Cijferteller();
  for (const d of personen) teller.voegToe(beoordeling(d, J));
  const c = teller.resultaat();

  it('landelijk: elk mbo-persoon onder de leerweg van de primaire inschrijving; samen het mbo, niet het totaal', () => {
    expect(cijfer(c, 'landelijk', LANDELIJK, 'leerweg', 'bbl')).toEqual([1, 1]);
    expect(cijfer(c, 'landelijk', LANDELIJK, 'leerweg', 'bol')).toEqual([1, 0]);
    expect(cijfer(c, 'landelijk', LANDELIJK, 'leerweg', 'ex')).toBeUndefined();
    expect(cijfer(c, 'landelijk', LANDELIJK, 'sector', 'mbo')).toEqual([2, 1]);
    expect(cijfer(c, 'landelijk', LANDELIJK, 'totaal', 'totaal')![0]).toBe(3);
  });
  it('per regio en gemeente net zo; de vo-leerling met ook een bbl-inschrijving telt daar niet onder een leerweg', () => {
    expect(cijfer(c, 'gemeente', 'GM0344', 'leerweg', 'bbl')).toEqual([1, 1]);
    expect(cijfer(c, 'gemeente', 'GM0363', 'leerweg', 'bbl')).toBeUndefined();
  });
  it('per instelling: onder de leerweg van de eigen inschrijving daar', () => {
    expect(cijfer(c, 'instelling', '20BB', 'leerweg', 'bbl')).toEqual([1, 1]);
    expect(cijfer(c, 'instelling', '21CC', 'leerweg', 'bol')).toEqual([1, 0]);
    expect(cijfer(c, 'instelling', '22DD', 'leerweg', 'bbl')![0]).toBe(1);
    expect(cijfer(c, 'instelling', '10AA', 'leerweg', 'bol')).toBeUndefined();
  });
});
