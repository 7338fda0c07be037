import { describe, expect, it } from 'vitest';
import { valideerMelding, type MeldingInvoer, type Meldingcontext, type Meldingveld } from '../../../src/domain/verzuim/melding.js';
import { schoolkalender } from '../../../src/verzuim/schoolkalender.js';

const basis: MeldingInvoer = {
  bron: 'school', soort: '16u4w', persoon_id: 'P001', brin: '25LX', vestiging: '00', lesplaats: 'Hoofdgebouw',
  meldingsdatum: '2017-10-20', startdatum: '2017-10-02', einddatum: '2017-10-18', verzuim_dagen: '3', verzuim_uren: '17',
  alle_lessen_gemist: 'nee', vermoedelijke_reden: 'spijbelt op vrijdag', ondernomen_actie: 'gesprek met mentor',
  gemeente_gevraagd_te_handelen: 'ja', reden_niet_handelen: '', melder_naam: 'J. de Vries', melder_functie: 'verzuimcoördinator',
  melder_telefoon: '020-1234567', melder_email: 'verzuim@school.nl', telefoon_leerling_of_ouder: '06 12345678',
  verblijfadres: '', verblijf_gemeente_code: '',
};
const ctx: Meldingcontext = { vandaag: '2026-12-06', geboortedatum: '2004-05-01', regio: 'noord', kalender: schoolkalender(), eerdereMeldingen: [] };

function met(wijziging: Partial<Record<Meldingveld, string>>, c: Partial<Meldingcontext> = {}) {
  return valideerMelding({ ...basis, ...wijziging }, { ...ctx, ...c });
}
function fouten(wijziging: Partial<Record<Meldingveld, string>>, c: Partial<Meldingcontext> = {}) {
  const u = met(wijziging, c);
  return u.ok ? [] : u.fouten;
}

describe('verzuimmelding: velden', () => {
  it('een volledige 16u4w-melding is geldig', () => {
    const u = met({});
    expect(u.ok).toBe(true);
    if (u.ok) expect(u.melding).toMatchObject({ soort: '16u4w', verzuimUren: 17, alleLessenGemist: false, gemeenteGevraagdTeHandelen: true, redenNietHandelen: null });
  });
  it('elk ontbrekend verplicht veld krijgt zijn eigen melding', () => {
    const f = fouten({ soort: '', lesplaats: '', melder_naam: '', melder_email: '', vermoedelijke_reden: '' });
    expect(f.map((x) => x.veld).sort()).toEqual(['lesplaats', 'melder_email', 'melder_naam', 'soort', 'vermoedelijke_reden']);
  });
  it('onbekende soort en bron', () => {
    expect(fouten({ soort: 'spijbelen' })).toEqual([{ veld: 'soort', reden: "'spijbelen' is onbekend; kies uit 16u4w, lrv, rmc, luxe, overig" }]);
    expect(fouten({ bron: 'post' })[0]!.veld).toBe('bron');
    expect(met({ bron: '' }).ok).toBe(true); // leeg = school
    expect(met({ bron: 'duo-verzuimloket' }).ok).toBe(true);
  });
  it('BRIN, vestiging en gemeentecode hebben hun vorm', () => {
    expect(fouten({ brin: '25lx' })[0]!.veld).toBe('brin');
    expect(fouten({ vestiging: '1' })[0]!.veld).toBe('vestiging');
    expect(fouten({ verblijfadres: 'Dorpsstraat 1, Ergens', verblijf_gemeente_code: '0363' })[0]!.veld).toBe('verblijf_gemeente_code');
  });
  it('verblijfadres en verblijfgemeente horen samen', () => {
    expect(fouten({ verblijfadres: 'Dorpsstraat 1' })[0]).toEqual({ veld: 'verblijf_gemeente_code', reden: 'is verplicht als er een verblijfadres is opgegeven' });
    expect(fouten({ verblijf_gemeente_code: 'GM0363' })[0]!.veld).toBe('verblijfadres');
  });
  it('datums: bestaand, in volgorde, niet in de toekomst', () => {
    expect(fouten({ startdatum: '2017-02-30' })[0]!.reden).toMatch(/geen bestaande datum/);
    expect(fouten({ einddatum: '2017-10-01' })[0]).toMatchObject({ veld: 'einddatum', reden: expect.stringMatching(/vóór de startdatum/) });
    expect(fouten({ meldingsdatum: '2017-10-17' })[0]).toMatchObject({ veld: 'einddatum', reden: expect.stringMatching(/na de meldingsdatum/) });
    expect(fouten({}, { vandaag: '2017-10-19' })[0]).toMatchObject({ veld: 'meldingsdatum', reden: expect.stringMatching(/toekomst/) });
  });
  it('einddatum is verplicht voor 16u4w, lrv en rmc, niet voor luxe en overig', () => {
    expect(fouten({ einddatum: '' })[0]!.veld).toBe('einddatum');
    expect(met({ soort: 'overig', einddatum: '', verzuim_dagen: '1', verzuim_uren: '6' }).ok).toBe(true);
  });
  it('uren en dagen: getallen, niet allebei 0, passend in de periode', () => {
    expect(fouten({ verzuim_uren: '17,5' })[0]!.reden).toMatch(/geen getal/);
    expect(fouten({ verzuim_uren: '-1' })[0]!.veld).toBe('verzuim_uren');
    expect(fouten({ soort: 'overig', verzuim_dagen: '0', verzuim_uren: '0' })[0]!.reden).toMatch(/allebei 0/);
    expect(fouten({ verzuim_dagen: '18' })[0]!.reden).toMatch(/past niet in de periode van 17/);
    expect(fouten({ verzuim_uren: '171' })[0]!.reden).toMatch(/past niet in 17 kalenderdag\(en\) van hoogstens 10 lesuren/);
    expect(met({ verzuim_uren: '170' }).ok).toBe(true);
    expect(met({ verzuim_dagen: '1.5', verzuim_uren: '16.25' }).ok).toBe(true);
  });
  it('e-mail en telefoon', () => {
    expect(fouten({ melder_email: 'verzuim@school' })[0]!.veld).toBe('melder_email');
    expect(fouten({ melder_telefoon: '12345' })[0]!.veld).toBe('melder_telefoon');
    expect(met({ melder_telefoon: '+31 20 123 4567', telefoon_leerling_of_ouder: '0031612345678' }).ok).toBe(true);
    // het nummer van leerling of ouder wordt niet herhaald in de melding
    expect(fouten({ telefoon_leerling_of_ouder: '06-1234' })).toEqual([{ veld: 'telefoon_leerling_of_ouder', reden: 'is geen Nederlands telefoonnummer (10 cijfers beginnend met 0, of +31 met 9 cijfers)' }]);
  });
  it('gemeente niet gevraagd te handelen: reden verplicht; wel gevraagd: reden leeg', () => {
    expect(fouten({ gemeente_gevraagd_te_handelen: 'nee' })[0]).toEqual({ veld: 'reden_niet_handelen', reden: 'is verplicht en ontbreekt' });
    expect(met({ gemeente_gevraagd_te_handelen: 'nee', reden_niet_handelen: 'ter informatie, school heeft het zelf opgepakt' }).ok).toBe(true);
    expect(fouten({ reden_niet_handelen: 'iets' })[0]!.veld).toBe('reden_niet_handelen');
    expect(fouten({ gemeente_gevraagd_te_handelen: 'misschien' })[0]!.veld).toBe('gemeente_gevraagd_te_handelen');
  });
});

describe('16u4w: minstens 16 uur binnen 4 aaneengesloten schoolweken', () => {
  it('15,5 uur is te weinig, 16 is genoeg', () => {
    expect(fouten({ verzuim_uren: '15.5' })[0]!.reden).toMatch(/minstens 16 uur/);
    expect(met({ verzuim_uren: '16' }).ok).toBe(true);
  });
  it('vier schoolweken mag, vijf niet', () => {
    expect(met({ startdatum: '2017-10-02', einddatum: '2017-10-27', meldingsdatum: '2017-10-30' }).ok).toBe(true);
    const f = fouten({ startdatum: '2017-10-02', einddatum: '2017-11-03', meldingsdatum: '2017-11-03' });
    expect(f[0]!.reden).toMatch(/5 schoolweken/);
  });
  it('een vakantieweek telt niet als schoolweek (herfstvakantie noord 2016: 5 kalenderweken, 4 schoolweken)', () => {
    expect(met({ startdatum: '2016-10-03', einddatum: '2016-11-04', meldingsdatum: '2016-11-04', verzuim_dagen: '5' }).ok).toBe(true);
    expect(met({ startdatum: '2016-10-03', einddatum: '2016-11-04', meldingsdatum: '2016-11-04', verzuim_dagen: '5' }, { regio: 'zuid' }).ok).toBe(true);
    expect(met({ startdatum: '2016-10-03', einddatum: '2016-11-04', meldingsdatum: '2016-11-04', verzuim_dagen: '5' }, { regio: 'midden' }).ok).toBe(true);
    expect(fouten({ startdatum: '2016-09-26', einddatum: '2016-11-04', meldingsdatum: '2016-11-04', verzuim_dagen: '5' }).length).toBe(1);
  });
  it('buiten de bekende kalender: niet geweigerd, wel een opmerking', () => {
    const u = met({ startdatum: '2025-10-06', einddatum: '2025-11-07', meldingsdatum: '2025-11-07' });
    expect(u.ok && u.opmerkingen[0]).toMatch(/schoolweken niet te tellen/);
  });
  it('hoogstens één melding per 7 dagen bij aaneengesloten verzuim', () => {
    const eerder = [{ soort: '16u4w' as const, meldingsdatum: '2017-10-13', startdatum: '2017-09-25', einddatum: '2017-10-11' }];
    // 6 dagen na de vorige melding, verzuim sluit aan: geweigerd
    expect(fouten({ meldingsdatum: '2017-10-19', startdatum: '2017-10-12', einddatum: '2017-10-18' }, { eerdereMeldingen: eerder })[0])
      .toMatchObject({ veld: 'meldingsdatum', reden: expect.stringMatching(/per 7 dagen/) });
    // 7 dagen erna: toegestaan
    expect(met({ meldingsdatum: '2017-10-20', startdatum: '2017-10-12', einddatum: '2017-10-18' }, { eerdereMeldingen: eerder }).ok).toBe(true);
    // niet aaneengesloten (ruim een week school tussen de periodes): toegestaan
    expect(met({ meldingsdatum: '2017-10-19', startdatum: '2017-10-16', einddatum: '2017-10-18' }, { eerdereMeldingen: [{ ...eerder[0]!, einddatum: '2017-10-06' }] }).ok).toBe(true);
  });
});

describe('lrv, rmc, luxe', () => {
  it('lrv: meer dan 4 weken; 28 dagen is te kort, 29 genoeg', () => {
    expect(fouten({ soort: 'lrv', startdatum: '2017-10-02', einddatum: '2017-10-29', meldingsdatum: '2017-10-30' })[0]!.reden).toMatch(/28 dag/);
    expect(met({ soort: 'lrv', startdatum: '2017-10-02', einddatum: '2017-10-30', meldingsdatum: '2017-10-30' }).ok).toBe(true);
  });
  it('rmc: 18 tot en met 22 op de meldingsdatum (grenzen: 18e en 23e verjaardag)', () => {
    const rmc = { soort: 'rmc', startdatum: '2017-10-02', einddatum: '2017-10-18' };
    expect(fouten({ ...rmc, meldingsdatum: '2017-10-20' }, { geboortedatum: '1999-10-21' })[0]!.reden).toMatch(/op de meldingsdatum 17/);
    expect(met({ ...rmc, meldingsdatum: '2017-10-20' }, { geboortedatum: '1999-10-20' }).ok).toBe(true);
    expect(met({ ...rmc, meldingsdatum: '2017-10-20' }, { geboortedatum: '1994-10-21' }).ok).toBe(true);
    expect(fouten({ ...rmc, meldingsdatum: '2017-10-20' }, { geboortedatum: '1994-10-20' })[0]!.reden).toMatch(/23/);
    expect(fouten({ ...rmc, meldingsdatum: '2017-10-20' }, { geboortedatum: null })[0]!.veld).toBe('persoon_id');
  });
  it('luxe: buiten de schoolvakantie; een dag in de vakantie van de eigen regio weigert', () => {
    const luxe = { soort: 'luxe', verzuim_dagen: '2', verzuim_uren: '12', meldingsdatum: '2018-08-28' };
    expect(fouten({ ...luxe, startdatum: '2018-07-19', einddatum: '2018-07-20' })).toEqual([]); // noord: vakantie vanaf 21 juli
    expect(fouten({ ...luxe, startdatum: '2018-07-19', einddatum: '2018-07-20' }, { regio: 'midden' })[0]!.reden).toMatch(/zomervakantie van regio midden/);
    // zonder einddatum één dag: de vrijdag vóór de zomervakantie van midden (vanaf 14 juli)
    expect(fouten({ ...luxe, startdatum: '2018-07-13', einddatum: '', verzuim_dagen: '1', verzuim_uren: '6' }, { regio: 'midden' })).toEqual([]);
    expect(fouten({ ...luxe, startdatum: '2018-07-14', einddatum: '', verzuim_dagen: '1', verzuim_uren: '6' }, { regio: 'midden' })[0]!.veld).toBe('startdatum');
  });
});
