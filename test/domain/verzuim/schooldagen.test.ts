import { describe, expect, it } from 'vitest';
import { feestdagen, paaszondag } from '../../../src/domain/verzuim/feestdagen.js';
import { BuitenSchoolkalender } from '../../../src/domain/verzuim/schooldagen.js';
import { vakantieregioVan } from '../../../src/domain/verzuim/vakantieregio.js';
import { schoolkalender, vakantieregioPerGemeente } from '../../../src/verzuim/schoolkalender.js';

const k = schoolkalender();

describe('feestdagen (Algemene termijnenwet art. 3)', () => {
  it('Pasen volgens de Gregoriaanse rekenregel', () => {
    expect(paaszondag(2017)).toBe('2017-04-16');
    expect(paaszondag(2019)).toBe('2019-04-21');
    expect(paaszondag(2020)).toBe('2020-04-12');
  });
  it('Koningsdag schuift naar 26 april als de 27e een zondag is (2025), Hemelvaart en Pinksteren volgen Pasen', () => {
    expect(feestdagen(2025).find((f) => f.naam === 'Koningsdag')!.datum).toBe('2025-04-26');
    expect(feestdagen(2018).find((f) => f.naam === 'Koningsdag')!.datum).toBe('2018-04-27');
    expect(feestdagen(2018).find((f) => f.naam === 'Hemelvaartsdag')!.datum).toBe('2018-05-10');
    expect(feestdagen(2018).find((f) => f.naam === 'Tweede Pinksterdag')!.datum).toBe('2018-05-21');
  });
});

describe('isSchooldag', () => {
  it('een gewone doordeweekse dag is een schooldag, zaterdag en zondag niet', () => {
    expect(k.isSchooldag('noord', '2017-10-04')).toBe(true); // woensdag
    expect(k.isSchooldag('noord', '2017-10-07')).toBe(false); // zaterdag
    expect(k.isSchooldag('noord', '2017-10-08')).toBe(false); // zondag
  });
  it('de herfstvakantie 2016 verschilt per regio', () => {
    expect(k.isSchooldag('noord', '2016-10-17')).toBe(false);
    expect(k.isSchooldag('zuid', '2016-10-17')).toBe(true);
    expect(k.isSchooldag('zuid', '2016-10-24')).toBe(false);
    expect(k.isSchooldag('noord', '2016-10-24')).toBe(true);
  });
  it('de zomervakantie: laatste vakantiedag en eerste schooldag erna (regio zuid 2018)', () => {
    expect(k.isSchooldag('zuid', '2018-07-06')).toBe(true); // vrijdag vóór de vakantie
    expect(k.isSchooldag('zuid', '2018-07-09')).toBe(false);
    expect(k.isSchooldag('zuid', '2018-08-20')).toBe(true); // maandag na 19 augustus
    expect(k.isSchooldag('noord', '2018-08-20')).toBe(false);
  });
  it('Tweede Paasdag en Hemelvaartsdag buiten een vakantie zijn geen schooldag, Goede Vrijdag wel', () => {
    expect(k.isSchooldag('midden', '2018-04-02')).toBe(false); // Tweede Paasdag
    expect(k.isSchooldag('midden', '2018-03-30')).toBe(true); // Goede Vrijdag
    expect(k.isSchooldag('midden', '2018-05-10')).toBe(false); // Hemelvaart (in de meivakantie? nee: die liep t/m 6 mei)
    expect(k.vakantieOp('midden', '2018-05-10')).toBeNull();
  });
  it('buiten de bekende schooljaren: een fout, geen gok', () => {
    expect(() => k.isSchooldag('noord', '2016-08-01')).toThrow(BuitenSchoolkalender);
    expect(() => k.isSchooldag('noord', '2025-08-25')).toThrow(/loopt van 2016-08-29 tot en met 2025-08-24/);
    expect(k.isSchooldag('midden', '2025-08-25')).toBe(false); // midden: zomervakantie tot en met 31 augustus 2025
    expect(k.kent('zuid', '2016-09-04')).toBe(false);
    expect(k.kent('zuid', '2016-09-05')).toBe(true);
  });
});

describe('schooldagenNa', () => {
  it('telt de dag zelf niet mee en slaat het weekend over', () => {
    expect(k.schooldagenNa('noord', '2017-10-02', 5)).toBe('2017-10-09'); // ma + 5 schooldagen = volgende ma
    expect(k.schooldagenNa('noord', '2017-10-06', 1)).toBe('2017-10-09'); // vrijdag → maandag
  });
  it('slaat een vakantieweek over (herfstvakantie zuid 2016)', () => {
    expect(k.schooldagenNa('zuid', '2016-10-19', 5)).toBe('2016-11-02');
    expect(k.schooldagenNa('noord', '2016-10-12', 5)).toBe('2016-10-26'); // noord: 15–23 oktober vrij
    expect(k.schooldagenNa('zuid', '2016-10-12', 5)).toBe('2016-10-19');
  });
  it('weigert n < 1', () => {
    expect(() => k.schooldagenNa('noord', '2017-10-02', 0)).toThrow(/n moet/);
  });
});

describe('vakantieregio per gemeente (Regeling vaststelling schoolvakanties art. 3)', () => {
  it('provincieregel met de genoemde uitzonderingen', () => {
    expect(vakantieregioVan('GM0363', 'Noord-Holland')).toBe('noord');
    expect(vakantieregioVan('GM0599', 'Zuid-Holland')).toBe('midden');
    expect(vakantieregioVan('GM0687', 'Zeeland')).toBe('zuid');
    expect(vakantieregioVan('GM0244', 'Gelderland')).toBe('noord'); // Hattem
    expect(vakantieregioVan('GM0200', 'Gelderland')).toBe('midden'); // Apeldoorn
    expect(vakantieregioVan('GM0268', 'Gelderland')).toBe('zuid'); // Nijmegen
    expect(vakantieregioVan('GM0050', 'Flevoland')).toBe('midden'); // Zeewolde
    expect(vakantieregioVan('GM0317', 'Utrecht')).toBe('noord'); // Eemnes
    expect(vakantieregioVan('GM9999', 'Atlantis')).toBeNull();
  });
  it('elke gemeente van de referentiedata krijgt een regio', () => {
    const regios = vakantieregioPerGemeente();
    expect(regios.size).toBe(342);
    expect(regios.get('GM1960')).toBe('midden'); // West Betuwe
    expect(regios.get('GM1945')).toBe('zuid'); // Berg en Dal
  });
});
