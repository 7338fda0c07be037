import { describe, expect, it } from 'vitest';
import { Cijferteller, LANDELIJK, leeftijdsgroep, ONBEKEND_GESLACHT, type Cijfer } from '../../src/domain/telling/cijfers.js';
import { beoordeling, dossier, inschrijvingOpT0, mbo, plusDagen, SJ_2019, vo } from './bouwers.js';

/**
 * telling.md, "Figures" and section A: national and regional figures count each person once,
 * under the primary enrolment; institution figures count a person at every institution (BRIN).
 */
function cijfer(cijfers: Cijfer[], niveau: string, gebied: string, dimensie: string, waarde: string): [number, number] | undefined {
  const c = cijfers.find((x) => x.niveau === niveau && x.gebied === gebied && x.dimensie === dimensie && x.waarde === waarde);
  return c ? [c.startpopulatie, c.vsv] : undefined;
}

const J = SJ_2019;
/** vo (10AA) and mbo-2 (20BB) on T0, lives in Amsterdam, 18 on T0, late mbo-2 diploma: vo vsv, mbo not. */
const tweeInstellingen = () => dossier('A', '2001-05-05').geslacht('V').woont('GM0363', '2000-01-01').met(
  inschrijvingOpT0(J, vo('vmbo-tl', 4, { brin: '10AA', vestiging: '01' })),
  inschrijvingOpT0(J, mbo(2, { brin: '20BB', vestiging: '00' })),
).diploma('mbo-2', plusDagen(J.t1, 30)).bouw();
/** mbo-2 at 20BB, 17 on T0, lives in Utrecht, sex unknown, dropout: vsv. */
const uitvaller = () => dossier('B', '2002-03-14').woont('GM0344', '2000-01-01').met(inschrijvingOpT0(J, mbo(2, { brin: '20BB' }))).bouw();
/** mbo-1 at 20BB with a startkwalificatie: not vsv; no residence. */
const gediplomeerd = () => dossier('C', '2000-01-01').geslacht('M').met(inschrijvingOpT0(J, mbo(1, { brin: '20BB' }))).diploma('mbo-2', J.t1).bouw();

function tel(): Cijfer[] {
  const teller = new Cijferteller();
  for (const d of [tweeInstellingen(), uitvaller(), gediplomeerd()]) teller.voegToe(beoordeling(d, J));
  return teller.resultaat();
}

describe('Cijferteller: landelijk, regionaal en per gemeente telt elke persoon één keer', () => {
  const c = tel();
  it('landelijk totaal: 3 in de startpopulatie, 2 vsv\'ers', () => {
    expect(cijfer(c, 'landelijk', LANDELIJK, 'totaal', 'totaal')).toEqual([3, 2]);
  });
  it('landelijk per sector: de persoon met vo en mbo telt alleen onder vo', () => {
    expect(cijfer(c, 'landelijk', 'NL', 'sector', 'vo')).toEqual([1, 1]);
    expect(cijfer(c, 'landelijk', 'NL', 'sector', 'mbo')).toEqual([2, 1]);
    expect(cijfer(c, 'landelijk', 'NL', 'sector', 'vavo')).toBeUndefined();
  });
  it('landelijk per categorie', () => {
    expect(cijfer(c, 'landelijk', 'NL', 'categorie', 'vo-bovenbouw-vmbo')).toEqual([1, 1]);
    expect(cijfer(c, 'landelijk', 'NL', 'categorie', 'mbo-2')).toEqual([1, 1]);
    expect(cijfer(c, 'landelijk', 'NL', 'categorie', 'mbo-1')).toEqual([1, 0]);
  });
  it('landelijk per reden', () => {
    expect(cijfer(c, 'landelijk', 'NL', 'reden', 'vsv')).toEqual([2, 2]);
    expect(cijfer(c, 'landelijk', 'NL', 'reden', 'startkwalificatie')).toEqual([1, 0]);
    expect(cijfer(c, 'landelijk', 'NL', 'reden', 'verlate-startkwalificatie')).toBeUndefined();
  });
  it('leeftijdsgroep op T0: 17 is <18, 18 en 19 zijn 18+', () => {
    expect(cijfer(c, 'landelijk', 'NL', 'leeftijdsgroep', '<18')).toEqual([1, 1]);
    expect(cijfer(c, 'landelijk', 'NL', 'leeftijdsgroep', '18+')).toEqual([2, 1]);
  });
  it('geslacht, met onbekend voor een leeg geslacht', () => {
    expect(cijfer(c, 'landelijk', 'NL', 'geslacht', 'V')).toEqual([1, 1]);
    expect(cijfer(c, 'landelijk', 'NL', 'geslacht', 'M')).toEqual([1, 0]);
    expect(cijfer(c, 'landelijk', 'NL', 'geslacht', ONBEKEND_GESLACHT)).toEqual([1, 1]);
  });
  it('per RMC-regio en gemeente, met onbekend voor wie geen verblijf op T0 heeft', () => {
    expect(cijfer(c, 'rmc', '21', 'totaal', 'totaal')).toEqual([1, 1]);
    expect(cijfer(c, 'rmc', '19', 'totaal', 'totaal')).toEqual([1, 1]);
    expect(cijfer(c, 'rmc', 'onbekend', 'totaal', 'totaal')).toEqual([1, 0]);
    expect(cijfer(c, 'gemeente', 'GM0363', 'totaal', 'totaal')).toEqual([1, 1]);
    expect(cijfer(c, 'gemeente', 'onbekend', 'totaal', 'totaal')).toEqual([1, 0]);
  });
  it('de som over de regio\'s is het landelijke totaal', () => {
    const regios = c.filter((x) => x.niveau === 'rmc' && x.dimensie === 'totaal');
    expect(regios.reduce((s, x) => s + x.startpopulatie, 0)).toBe(3);
    expect(regios.reduce((s, x) => s + x.vsv, 0)).toBe(2);
  });
});

describe('Cijferteller: per instelling telt de persoon bij elke BRIN, onder de eigen inschrijving', () => {
  const c = tel();
  it('10AA (vo): 1 in de startpopulatie, 1 vsv\'er', () => {
    expect(cijfer(c, 'instelling', '10AA', 'totaal', 'totaal')).toEqual([1, 1]);
  });
  it('20BB (mbo): 3 in de startpopulatie (ook de persoon die landelijk onder vo telt), 1 vsv\'er', () => {
    expect(cijfer(c, 'instelling', '20BB', 'totaal', 'totaal')).toEqual([3, 1]);
  });
  it('bij 20BB telt de persoon met vo en mbo met reden verlate-startkwalificatie', () => {
    expect(cijfer(c, 'instelling', '20BB', 'reden', 'verlate-startkwalificatie')).toEqual([1, 0]);
    expect(cijfer(c, 'instelling', '10AA', 'reden', 'vsv')).toEqual([1, 1]);
  });
  it('per categorie en sector bij de instelling', () => {
    expect(cijfer(c, 'instelling', '20BB', 'categorie', 'mbo-2')).toEqual([2, 1]);
    expect(cijfer(c, 'instelling', '20BB', 'categorie', 'mbo-1')).toEqual([1, 0]);
    expect(cijfer(c, 'instelling', '20BB', 'sector', 'mbo')).toEqual([3, 1]);
  });
  it('per vestiging', () => {
    expect(cijfer(c, 'vestiging', '10AA-01', 'totaal', 'totaal')).toEqual([1, 1]);
    expect(cijfer(c, 'vestiging', '20BB-00', 'totaal', 'totaal')).toEqual([3, 1]);
    expect(cijfer(c, 'vestiging', '20BB-00', 'categorie', 'mbo-2')).toEqual([2, 1]);
  });
  it('de som over de instellingen is groter dan het landelijke totaal (dubbeltellingen zijn bedoeld)', () => {
    const som = c.filter((x) => x.niveau === 'instelling' && x.dimensie === 'totaal').reduce((s, x) => s + x.startpopulatie, 0);
    expect(som).toBe(4);
  });
});

describe('leeftijdsgroep', () => {
  it.each([[0, '<18'], [17, '<18'], [18, '18+'], [21, '18+']] as const)('%i → %s', (leeftijd, groep) => {
    expect(leeftijdsgroep(leeftijd)).toBe(groep);
  });
});
