import { beforeAll, describe, expect, it } from 'vitest';
import { intakegroep, maakEffectrapportage } from '../../src/domain/dossier/effectrapportage.js';
import { describeDatabases } from '../support/database.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { apiomgeving } from './omgeving.js';

describe('effectrapportage (regels)', () => {
  it('weken van lijst tot intake: onder 4 tot dag 27, 4–6 van dag 28 tot en met 42, meer dan 6 vanaf dag 43', () => {
    expect(intakegroep('2018-04-01', '2018-04-28')).toBe('onder-4-weken');
    expect(intakegroep('2018-04-01', '2018-04-29')).toBe('4-6-weken');
    expect(intakegroep('2018-04-01', '2018-05-13')).toBe('4-6-weken');
    expect(intakegroep('2018-04-01', '2018-05-14')).toBe('meer-dan-6-weken');
  });
  it('een onbekende uitkomst is een fout, geen stille nul', () => {
    expect(() => maakEffectrapportage({ eersteContacten: [], trajecten: [], intakes: [], uitkomsten: [{ dossierId: 'd1', categorie: 'school' }], open: [] }, '2018-09-30')).toThrow(/school/);
  });
});

/** On the test delivery: the lists of April 2018 give RMC region 19 one dossier (the 20-year-old, out of education since 2018-03-01). */
describeDatabases('effectrapportage in de API', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  const post = (g: Gebruiker, url: string, body: object) => api.app.inject({ method: 'POST', url, headers: alsGebruiker(g), payload: body });
  const rapport = (g: Gebruiker, code: string, jaar: string, formaat = '') => api.app.inject({
    method: 'GET', url: `/api/v1/rmc-regios/${code}/effectrapportage?schooljaar=${jaar}${formaat}`, headers: alsGebruiker(g),
  });

  beforeAll(async () => {
    expect((await post(TESTGEBRUIKERS.rmc, '/api/v1/lijsten/_zoek', { soort: 'uitschrijvingen', maand: '2018-04' })).statusCode).toBe(200);
    const [dossier] = (await post(TESTGEBRUIKERS.rmc, '/api/v1/dossiers/_zoek', {})).json().dossiers;
    for (const [soort, datum, gegevens] of [
      ['eerste-contact', '2018-04-05', { kanaal: 'telefoon' }],
      ['intake', '2018-05-10', {}],
      ['traject', '2018-05-10', { doel: 'werk', partner: 'UWV' }],
      ['uitkomst', '2018-06-01', { categorie: 'werk' }],
      ['uitkomst', '2018-07-01', { categorie: 'opleiding' }],
    ] as const) {
      expect((await post(TESTGEBRUIKERS.rmc, `/api/v1/dossiers/${dossier.dossierId}/gebeurtenissen`, { soort, datum, gegevens })).statusCode).toBe(201);
    }
  });

  it('2017-2018: één eerste contact, intake en traject; intake na 39 dagen (4–6 weken); de laatste uitkomst telt', async () => {
    const r = (await rapport(TESTGEBRUIKERS.rmc, '19', '2017-2018')).json();
    expect(r.kerncijfers).toEqual([{ groep: 'eerste-contacten', dossiers: 1 }, { groep: 'intakes', dossiers: 1 }, { groep: 'trajecten', dossiers: 1 }]);
    expect(r.wekenTotIntake).toEqual([{ groep: 'onder-4-weken', dossiers: 0 }, { groep: '4-6-weken', dossiers: 1 }, { groep: 'meer-dan-6-weken', dossiers: 0 }]);
    expect(r.uitkomsten.filter((u: { dossiers: number }) => u.dossiers > 0)).toEqual([{ groep: 'opleiding', dossiers: 1 }]);
    expect(r.oudVsvers.every((g: { dossiers: number }) => g.dossiers === 0)).toBe(true);
  });

  it('2018-2019: geen nieuwe contacten; het nog open dossier is een oud-vsv\'er van 1–2 jaar', async () => {
    const r = (await rapport(TESTGEBRUIKERS.rmc, '19', '2018-2019')).json();
    expect(r.kerncijfers.map((k: { dossiers: number }) => k.dossiers)).toEqual([0, 0, 0]);
    expect(r.oudVsvers.find((g: { groep: string }) => g.groep === '1-2').dossiers).toBe(1);
  });

  it('elk cijfer leidt naar de dossiers erachter, voor wie ze mag zien; vastgelegd in het audittrail', async () => {
    const achter = (g: Gebruiker, code: string, tabel: string, groep: string) => post(g, `/api/v1/rmc-regios/${code}/effectrapportage/_dossiers`, { schooljaar: '2017-2018', tabel, groep });
    const [dossier] = (await post(TESTGEBRUIKERS.rmc, '/api/v1/dossiers/_zoek', {})).json().dossiers;
    const voor = (await api.db.query<{ n: number }>('SELECT coalesce(max(id), 0)::int AS n FROM audit'))[0]!.n;
    const r = await achter(TESTGEBRUIKERS.rmc, '19', 'kerncijfers', 'eerste-contacten');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().dossiers.map((d: { dossierId: string }) => d.dossierId)).toEqual([dossier.dossierId]);
    expect(r.json().paginering.totaalAantal).toBe(1);
    expect((await api.db.query<{ handeling: string; aantal_personen: number }>('SELECT handeling, aantal_personen FROM audit WHERE id > $1', [voor])))
      .toEqual([{ handeling: 'dossier.lezen', aantal_personen: 1 }]);
    // the latest outcome counts: werk (June) is behind no figure, opleiding (July) is
    expect((await achter(TESTGEBRUIKERS.rmc, '19', 'uitkomsten', 'werk')).json().dossiers).toEqual([]);
    expect((await achter(TESTGEBRUIKERS.rmc, '19', 'uitkomsten', 'opleiding')).json().paginering.totaalAantal).toBe(1);
    expect((await achter(TESTGEBRUIKERS.rmc, '19', 'wekenTotIntake', '4-6-weken')).json().paginering.totaalAantal).toBe(1);
    expect((await achter(TESTGEBRUIKERS.rmc, '21', 'kerncijfers', 'intakes')).statusCode).toBe(403);
    expect((await achter(TESTGEBRUIKERS.leerplicht, '19', 'kerncijfers', 'intakes')).statusCode).toBe(403);
    expect((await achter(TESTGEBRUIKERS.rmc, '19', 'tabel-die-niet-bestaat', 'x')).statusCode).toBe(400);
  });

  it('CSV en xlsx; een andere regio of leerplicht: 403', async () => {
    const csv = await rapport(TESTGEBRUIKERS.rmc, '19', '2017-2018', '&formaat=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('kerncijfers,eerste-contacten,1');
    expect((await rapport(TESTGEBRUIKERS.rmc, '19', '2017-2018', '&formaat=xlsx')).headers['content-type']).toMatch(/spreadsheetml/);
    expect((await rapport(TESTGEBRUIKERS.rmc, '21', '2017-2018')).statusCode).toBe(403);
    expect((await rapport(TESTGEBRUIKERS.leerplicht, '19', '2017-2018')).statusCode).toBe(403);
  });
});
