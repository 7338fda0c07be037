import { describe, expect, it } from 'vitest';
import { bepaalStartpopulatie, LEEFTIJDSGRENS, telbareInschrijvingenOpT0 } from '../../src/domain/telling/startpopulatie.js';
import { ONDERWIJSTYPEN } from '../../src/domain/onderwijs.js';
import { schooljaarVanaf } from '../../src/domain/schooljaar.js';
import {
  dagNa, dagVoor, deelnemer, dossier, inschrijving, inschrijvingOpT0, JAREN, mbo, plusJaren, SJ_2019, startpopulatie, vavo, vo,
} from './bouwers.js';

/** telling.md, section A: enrolled on T0 in a qualifying kind of education, no first-year newcomer, younger than 22 on T0. */

describe.each(JAREN)('startpopulatie $naam: inschrijving rond T0', (jaar) => {
  const met = (begindatum: string, einddatum: string | null) =>
    startpopulatie(dossier('P1', `${jaar.jaar - 17}-03-14`).met(inschrijving({ ...mbo(2), begindatum, einddatum })), jaar);

  it('begindatum de dag ná T0: niet in de startpopulatie', () => {
    expect(met(dagNa(jaar.t0), null)).toBe('geen-telbare-inschrijving');
  });
  it('begindatum op T0: in de startpopulatie', () => {
    expect(met(jaar.t0, null)).toBe('in');
  });
  it('begindatum de dag vóór T0: in de startpopulatie', () => {
    expect(met(dagVoor(jaar.t0), null)).toBe('in');
  });
  it('einddatum de dag vóór T0: niet in de startpopulatie', () => {
    expect(met(`${jaar.jaar}-08-01`, dagVoor(jaar.t0))).toBe('geen-telbare-inschrijving');
  });
  it('einddatum op T0 (inclusief): in de startpopulatie', () => {
    expect(met(`${jaar.jaar}-08-01`, jaar.t0)).toBe('in');
  });
  it('einddatum de dag ná T0: in de startpopulatie', () => {
    expect(met(`${jaar.jaar}-08-01`, dagNa(jaar.t0))).toBe('in');
  });
  it('inschrijving van precies één dag, T0: in de startpopulatie', () => {
    expect(met(jaar.t0, jaar.t0)).toBe('in');
  });
  it('alleen een inschrijving op T1 (niet op T0): niet in de startpopulatie', () => {
    expect(met(jaar.t1, null)).toBe('geen-telbare-inschrijving');
  });
});

describe('startpopulatie: welke onderwijstypes tellen op T0', () => {
  const telbaar = new Map<string, Parameters<typeof inschrijving>[0]>([
    ['vo-brugjaar', vo('vo-brugjaar', 1)],
    ['vmbo-bb', vo('vmbo-bb', 3)],
    ['vmbo-kb', vo('vmbo-kb', 3)],
    ['vmbo-gl', vo('vmbo-gl', 3)],
    ['vmbo-tl', vo('vmbo-tl', 4)],
    ['havo', vo('havo', 4)],
    ['vwo', vo('vwo', 6)],
    ['mbo', mbo(2)],
    ['vavo', vavo()],
  ]);
  const nooit = ONDERWIJSTYPEN.filter((t) => !telbaar.has(t));

  it('de lijst van niet-tellende types is precies die van telling.md en levering.md', () => {
    expect([...nooit].sort()).toEqual(
      ['defensie', 'dji', 'ho', 'nb-mbo', 'nb-vo', 'politie', 'pro', 'vo-engelse-stroom', 'vo-ib', 'vso'].sort(),
    );
  });

  it.each([...telbaar.keys()])('%s op T0 maakt deel uit van de startpopulatie', (type) => {
    expect(startpopulatie(deelnemer(SJ_2019, telbaar.get(type)), SJ_2019)).toBe('in');
  });

  it.each(nooit)('%s op T0 maakt nooit deel uit van de startpopulatie', (type) => {
    const d = deelnemer(SJ_2019, { onderwijstype: type, niveau: null, leerweg: null, leerjaar: 3 });
    expect(startpopulatie(d, SJ_2019)).toBe('geen-telbare-inschrijving');
  });

  it('mbo zonder niveau telt niet (de import weigert zo\'n rij; de regel valt veilig terug)', () => {
    expect(startpopulatie(deelnemer(SJ_2019, mbo(2, { niveau: null })), SJ_2019)).toBe('geen-telbare-inschrijving');
  });

  it('pro op T0 naast een vmbo-inschrijving op T0: in de startpopulatie onder de vmbo-inschrijving', () => {
    const d = deelnemer(SJ_2019, vo('vmbo-bb', 3)).met(inschrijvingOpT0(SJ_2019, vo('pro', 3, { brin: '40DD' }))).bouw();
    const s = bepaalStartpopulatie(d, SJ_2019);
    expect(s.inStartpopulatie && s.telbaar.map((t) => t.inschrijving.onderwijstype)).toEqual(['vmbo-bb']);
  });
});

describe('startpopulatie: eerstejaars nieuwkomers', () => {
  it('een nieuwkomer met alleen die inschrijving valt buiten de startpopulatie', () => {
    expect(startpopulatie(deelnemer(SJ_2019, vo('vo-brugjaar', 1, { nieuwkomer: true })), SJ_2019)).toBe('geen-telbare-inschrijving');
  });
  it('nieuwkomer op één van twee inschrijvingen op T0: de andere inschrijving telt', () => {
    const d = deelnemer(SJ_2019, vo('vo-brugjaar', 1, { nieuwkomer: true, inschrijvingId: 'NK' }))
      .met(inschrijvingOpT0(SJ_2019, vo('vmbo-kb', 1, { brin: '10AA', inschrijvingId: 'GEWOON' })))
      .bouw();
    const s = bepaalStartpopulatie(d, SJ_2019);
    expect(s.inStartpopulatie).toBe(true);
    expect(s.inStartpopulatie && s.telbaar.map((t) => t.inschrijving.inschrijvingId)).toEqual(['GEWOON']);
  });
  it('nieuwkomer = ja geldt ook als de markering op een mbo-inschrijving staat (telling.md: "not marked nieuwkomer = ja")', () => {
    expect(startpopulatie(deelnemer(SJ_2019, mbo(2, { nieuwkomer: true })), SJ_2019)).toBe('geen-telbare-inschrijving');
  });
});

describe.each(JAREN)('startpopulatie $naam: jonger dan 22 op T0 (leeftijd in hele jaren)', (jaar) => {
  const geboren = (datum: string | null) => startpopulatie(deelnemer(jaar).geboren(datum), jaar);
  const tweeëntwintigOpT0 = plusJaren(jaar.t0, -22);

  it('de leeftijdsgrens is 22', () => {
    expect(LEEFTIJDSGRENS).toBe(22);
  });
  it(`22 geworden precies op T0 (geboren ${tweeëntwintigOpT0}): te oud`, () => {
    expect(geboren(tweeëntwintigOpT0)).toBe('te-oud');
  });
  it(`22 geworden de dag vóór T0: te oud`, () => {
    expect(geboren(dagVoor(tweeëntwintigOpT0))).toBe('te-oud');
  });
  it(`22 wordend de dag ná T0 (21 op T0): in de startpopulatie`, () => {
    expect(geboren(dagNa(tweeëntwintigOpT0))).toBe('in');
  });
  it('ruim ouder dan 22 (30): te oud', () => {
    expect(geboren(plusJaren(jaar.t0, -30))).toBe('te-oud');
  });
  it('jong (12 op T0): in de startpopulatie', () => {
    expect(geboren(plusJaren(jaar.t0, -12))).toBe('in');
  });
  it('geboortedatum onbekend (geen personen.csv): niet te tellen', () => {
    expect(geboren(null)).toBe('geboortedatum-onbekend');
  });
  it('geboortedatum onbekend maar ook geen telbare inschrijving: de inschrijving beslist eerst', () => {
    expect(startpopulatie(dossier('P1', null).met(inschrijving({ onderwijstype: 'ho' })), jaar)).toBe('geen-telbare-inschrijving');
  });
});

describe('startpopulatie 2019-2020: de grensgevallen van de opdracht', () => {
  it('geboren 1997-10-01: 22 op T0, te oud', () => {
    const s = bepaalStartpopulatie(deelnemer(SJ_2019).geboren('1997-10-01').bouw(), SJ_2019);
    expect(s).toMatchObject({ inStartpopulatie: false, waarom: 'te-oud', leeftijd: 22 });
  });
  it('geboren 1997-10-02: 21 op T0, in de startpopulatie met leeftijd 21', () => {
    const s = bepaalStartpopulatie(deelnemer(SJ_2019).geboren('1997-10-02').bouw(), SJ_2019);
    expect(s).toMatchObject({ inStartpopulatie: true, leeftijd: 21 });
  });
  it('verjaardag precies op T0 (geboren 2001-10-01): telt met de nieuwe leeftijd 18', () => {
    const s = bepaalStartpopulatie(deelnemer(SJ_2019).geboren('2001-10-01').bouw(), SJ_2019);
    expect(s).toMatchObject({ inStartpopulatie: true, leeftijd: 18 });
  });
  it('geboren op 29 februari 2000: 19 op T0 2019-10-01', () => {
    const s = bepaalStartpopulatie(deelnemer(SJ_2019).geboren('2000-02-29').bouw(), SJ_2019);
    expect(s).toMatchObject({ inStartpopulatie: true, leeftijd: 19 });
  });
  it('geboren op 29 februari 1996: 22 op T0 2018-10-01 (te oud), 21 op T0 2017-10-01', () => {
    const d = dossier('P1', '1996-02-29');
    const jaar2017 = schooljaarVanaf(2017);
    const jaar2018 = schooljaarVanaf(2018);
    expect(startpopulatie(dossier('P1', '1996-02-29').met(inschrijvingOpT0(jaar2018, mbo(2))), jaar2018)).toBe('te-oud');
    expect(startpopulatie(d.met(inschrijvingOpT0(jaar2017, mbo(2))), jaar2017)).toBe('in');
  });
});

describe('telbareInschrijvingenOpT0', () => {
  it('geeft categorie en sector van elke telbare inschrijving', () => {
    const d = deelnemer(SJ_2019, mbo(1)).bouw();
    expect(telbareInschrijvingenOpT0(d, SJ_2019).map((t) => [t.categorie, t.sector])).toEqual([['mbo-1', 'mbo']]);
  });
  it('laat inschrijvingen die T0 niet omvatten weg', () => {
    const d = deelnemer(SJ_2019, mbo(1)).met(inschrijving({ ...mbo(3), begindatum: '2020-02-01', einddatum: null })).bouw();
    expect(telbareInschrijvingenOpT0(d, SJ_2019)).toHaveLength(1);
  });
});
