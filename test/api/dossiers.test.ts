import { beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../support/database.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { apiomgeving } from './omgeving.js';

/**
 * Dossiers in the API on the test delivery (test/api/fixture.ts): the lists of April 2018
 * open a dossier for each of region 19's three dropouts, one aged 20 (held by RMC region 19)
 * and two aged 17 (held by municipality GM0344).
 */
describeDatabases('dossiers in de API', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  const post = (g: Gebruiker, url: string, body: object) => api.app.inject({ method: 'POST', url, headers: alsGebruiker(g), payload: body });
  const lees = (g: Gebruiker, id: string) => api.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers: alsGebruiker(g) });
  let rmcDossier = '';
  let lpDossier = '';

  beforeAll(async () => {
    const r = await post(TESTGEBRUIKERS.rmc, '/api/v1/lijsten/_zoek', { soort: 'uitschrijvingen', maand: '2018-04' });
    expect(r.statusCode).toBe(200);
    const metDossier = r.json().rijen.filter((x: { dossierId: string | null }) => x.dossierId);
    expect(metDossier).toHaveLength(1); // a row links to the dossier only where the caller holds it (the 20-year-old's)
  });

  it('rmc vindt het dossier van de 20-jarige, leerplicht die van de twee 17-jarigen', async () => {
    const rmc = (await post(TESTGEBRUIKERS.rmc, '/api/v1/dossiers/_zoek', {})).json();
    expect(rmc.dossiers).toHaveLength(1);
    expect(rmc.dossiers[0]).toMatchObject({ status: 'open', eigenaar: 'rmc-regio 19', geopendMaand: '2018-04' });
    rmcDossier = rmc.dossiers[0].dossierId;
    const lp = (await post(TESTGEBRUIKERS.leerplicht, '/api/v1/dossiers/_zoek', { status: 'open' })).json();
    expect(lp.dossiers.map((d: { eigenaar: string }) => d.eigenaar)).toEqual(['gemeente GM0344', 'gemeente GM0344']);
    lpDossier = lp.dossiers[0].dossierId;
    expect((await post(TESTGEBRUIKERS.school, '/api/v1/dossiers/_zoek', {})).statusCode).toBe(403);
  });

  it('een dossier lezen: tijdlijn uit leveringen en lijsten; een dossier van een ander: 404, net als een onbekend', async () => {
    const r = await lees(TESTGEBRUIKERS.rmc, rmcDossier);
    expect(r.statusCode).toBe(200);
    const soorten = r.json().tijdlijn.map((i: { bron: string; soort: string }) => `${i.bron} ${i.soort}`);
    expect(soorten).toEqual(expect.arrayContaining(['lijst uitschrijvingen', 'dossier geopend', 'levering inschrijving', 'levering uitschrijving']));
    expect(r.body).not.toMatch(/"T\d{5}"/);
    expect((await lees(TESTGEBRUIKERS.leerplicht, rmcDossier)).statusCode).toBe(404);
    expect((await lees(TESTGEBRUIKERS.rmc, lpDossier)).statusCode).toBe(404);
    expect((await lees(TESTGEBRUIKERS.rmc, `d${'f'.repeat(20)}`)).statusCode).toBe(404);
    expect((await lees(TESTGEBRUIKERS.rmc, 'T00001')).statusCode).toBe(400);
  });

  it('contactpoging, eerste contact, intake, traject, uitkomst, contactgegeven, notitie en volgend contact vastleggen', async () => {
    const vast = (soort: string, datum: string, gegevens: Record<string, string>) =>
      post(TESTGEBRUIKERS.rmc, `/api/v1/dossiers/${rmcDossier}/gebeurtenissen`, { soort, datum, gegevens });
    for (const [soort, datum, gegevens] of [
      ['contactpoging', '2018-04-03', { kanaal: 'telefoon', resultaat: 'niet-bereikt' }],
      ['eerste-contact', '2018-04-05', { kanaal: 'huisbezoek' }],
      ['intake', '2018-04-20', { toelichting: 'wil naar de bbl' }],
      ['traject', '2018-04-20', { doel: 'bbl-of-combinatie', partner: 'Leerwerkloket Utrecht' }],
      ['contactgegeven', '2018-04-05', { soort: 'telefoon', waarde: '0612345678', bron: 'jongere', bronDatum: '2018-04-05' }],
      ['notitie', '2018-04-20', { doel: 'begeleiding', tekst: 'Afspraak gemaakt' }],
      ['volgend-contact', '2018-04-20', { op: '2018-06-01' }],
      ['uitkomst', '2018-06-01', { categorie: 'bbl-of-combinatie' }],
    ] as const) {
      const r = await vast(soort, datum, gegevens);
      expect(r.statusCode, `${soort}: ${r.body}`).toBe(201);
    }
    const d = (await lees(TESTGEBRUIKERS.rmc, rmcDossier)).json();
    expect(d.vastgelegd).toHaveLength(8);
    expect(d.dossier).toMatchObject({ volgendContact: '2018-06-01', behandelaar: TESTGEBRUIKERS.rmc.weergavenaam });
    expect(d.tijdlijn[0]).toMatchObject({ bron: 'medewerker', soort: 'uitkomst', door: TESTGEBRUIKERS.rmc.weergavenaam });
  });

  it('foute invoer: 400 met elk veld; een dossier van een ander: 404; school mag niet schrijven', async () => {
    const r = await post(TESTGEBRUIKERS.rmc, `/api/v1/dossiers/${rmcDossier}/gebeurtenissen`, { soort: 'contactpoging', datum: '2999-01-01', gegevens: { kanaal: 'duif' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['datum', 'gegevens.kanaal', 'gegevens.resultaat']);
    const ander = await post(TESTGEBRUIKERS.leerplicht, `/api/v1/dossiers/${rmcDossier}/gebeurtenissen`, { soort: 'intake', datum: '2018-05-01', gegevens: {} });
    expect(ander.statusCode).toBe(404);
    expect((await post(TESTGEBRUIKERS.school, `/api/v1/dossiers/${rmcDossier}/gebeurtenissen`, { soort: 'intake', datum: '2018-05-01', gegevens: {} })).statusCode).toBe(403);
  });

  it('gedeeld met een school: wie, wat, grondslag van de rol; op de tijdlijn en in het audittrail; een fout noemt het veld', async () => {
    const gedeeld = { organisatie: 'ROC Midden Nederland', soortOrganisatie: 'school', delen: 'personalia,traject', grondslag: 'wettelijke-taak' };
    const fout = await post(TESTGEBRUIKERS.rmc, `/api/v1/dossiers/${rmcDossier}/gebeurtenissen`, { soort: 'gedeeld', datum: '2018-06-02', gegevens: { ...gedeeld, grondslag: 'leerplichtwet', delen: 'bsn' } });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['gegevens.delen', 'gegevens.grondslag']);
    const r = await post(TESTGEBRUIKERS.rmc, `/api/v1/dossiers/${rmcDossier}/gebeurtenissen`, { soort: 'gedeeld', datum: '2018-06-02', gegevens: gedeeld });
    expect(r.statusCode, r.body).toBe(201);
    const d = (await lees(TESTGEBRUIKERS.rmc, rmcDossier)).json();
    expect(d.tijdlijn[0]).toMatchObject({ datum: '2018-06-02', bron: 'medewerker', soort: 'gedeeld', door: TESTGEBRUIKERS.rmc.weergavenaam });
    expect(d.tijdlijn[0].omschrijving).toContain('ROC Midden Nederland');
    expect(d.tijdlijn[0].omschrijving).toContain('wettelijke-taak');
    const [audit] = await api.db.query<{ parameters: string; aantal_personen: number }>(
      "SELECT parameters::text AS parameters, aantal_personen FROM audit WHERE handeling = 'dossier.schrijven' ORDER BY id DESC LIMIT 1");
    expect(audit).toMatchObject({ aantal_personen: 1 });
    expect(audit!.parameters).toContain('gedeeld');
  });

  it('elke inzage en elke vastlegging staat in het audittrail, met één persoon en het doel van de rol', async () => {
    const rijen = await api.db.query<{ handeling: string; doel: string; aantal_personen: number; account_id: string }>(
      "SELECT handeling, doel, aantal_personen, account_id FROM audit WHERE handeling LIKE 'dossier.%' ORDER BY id");
    const lezen = rijen.filter((r) => r.handeling === 'dossier.lezen' && r.account_id === 't-rmc');
    expect(lezen.length).toBeGreaterThanOrEqual(4);
    expect(rijen.filter((r) => r.handeling === 'dossier.schrijven' && r.account_id === 't-rmc')).toHaveLength(9);
    expect(rijen.filter((r) => r.account_id === 't-rmc').every((r) => r.doel === 'trajectbegeleiding')).toBe(true);
    expect(rijen.filter((r) => r.account_id === 't-lp').every((r) => r.doel === 'leerplichthandhaving')).toBe(true);
  });
});
