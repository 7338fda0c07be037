import { beforeAll, expect, it } from 'vitest';
import { describeDatabases } from '../support/database.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { apiomgeving } from './omgeving.js';

/** The worklist on the test delivery: the lists of April 2018 open three dossiers in region 19 (one RMC, two leerplicht). */
describeDatabases('werklijst in de API', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  const post = (g: Gebruiker, url: string, body: object) => api.app.inject({ method: 'POST', url, headers: alsGebruiker(g), payload: body });
  let lp: string[] = [];

  beforeAll(async () => {
    expect((await post(TESTGEBRUIKERS.rmc, '/api/v1/lijsten/_zoek', { soort: 'uitschrijvingen', maand: '2018-04' })).statusCode).toBe(200);
    lp = (await post(TESTGEBRUIKERS.leerplicht, '/api/v1/dossiers/_zoek', {})).json().dossiers.map((d: { dossierId: string }) => d.dossierId);
  });

  it('nieuw: alle open dossiers van de gemeente; na een vastlegging is het dossier van die behandelaar', async () => {
    const voor = (await post(TESTGEBRUIKERS.leerplicht, '/api/v1/werklijst/_zoek', { peildatum: '2018-04-10' })).json();
    expect(voor.nieuweNamen).toHaveLength(2);
    expect(voor.openWerk.totaal).toMatchObject({ open: 2, nieuw: 2, intakesTeLaat: 0 });
    expect(voor.contactintervalMaanden).toBe(6);
    const r = await post(TESTGEBRUIKERS.leerplicht, `/api/v1/dossiers/${lp[0]}/gebeurtenissen`, { soort: 'volgend-contact', datum: '2018-04-10', gegevens: { op: '2018-05-01' } });
    expect(r.statusCode).toBe(201);
    const na = (await post(TESTGEBRUIKERS.leerplicht, '/api/v1/werklijst/_zoek', { peildatum: '2018-05-14' })).json();
    expect(na.nieuweNamen).toHaveLength(1);
    expect(na.contactenTeDoen.map((d: { dossierId: string }) => d.dossierId)).toEqual([lp[0]]);
    expect(na.intakesTeLaat).toEqual([expect.objectContaining({ dossierId: lp[0], intake: 'meer-dan-6-weken', dagenSindsLijst: 43 })]);
    expect(na.openWerk.perBehandelaar.map((b: { behandelaar: string; open: number }) => [b.behandelaar, b.open]))
      .toEqual([['niet toegewezen', 1], [TESTGEBRUIKERS.leerplicht.weergavenaam, 1]]);
  });

  it('oud-vsv\'ers: een jaar na vertrek periodiek contact, met het interval van de regio', async () => {
    const a = (await post(TESTGEBRUIKERS.leerplicht, '/api/v1/werklijst/_zoek', { peildatum: '2019-03-01' })).json();
    expect(a.periodiekContact).toEqual([expect.objectContaining({ dossierId: lp[0], jarenUitOnderwijs: '1-2' })]);
  });

  it('het interval is een instelling van de eigen regio: rmc 19 zet het, een andere regio of leerplicht niet', async () => {
    const zet = (g: Gebruiker, code: string, maanden: number) => api.app.inject({
      method: 'PATCH', url: `/api/v1/rmc-regios/${code}/instellingen`, headers: alsGebruiker(g), payload: { contactintervalMaanden: maanden },
    });
    expect((await zet(TESTGEBRUIKERS.rmc, '21', 3)).statusCode).toBe(403);
    expect((await zet(TESTGEBRUIKERS.leerplicht, '19', 3)).statusCode).toBe(403);
    expect((await zet(TESTGEBRUIKERS.rmc, '19', 0)).statusCode).toBe(400);
    expect((await zet(TESTGEBRUIKERS.rmc, '19', 24)).json()).toEqual({ rmcCode: '19', contactintervalMaanden: 24 });
    // leerplicht GM0344 lies in region 19: its worklist follows the region's setting
    const a = (await post(TESTGEBRUIKERS.leerplicht, '/api/v1/werklijst/_zoek', { peildatum: '2019-03-01' })).json();
    expect(a.contactintervalMaanden).toBe(24);
    expect((await zet(TESTGEBRUIKERS.rmc, '19', 6)).statusCode).toBe(200);
  });

  it('rmc ziet alleen het eigen dossier; school en analist: 403; elke werklijst staat in het audittrail', async () => {
    const rmc = (await post(TESTGEBRUIKERS.rmc, '/api/v1/werklijst/_zoek', { peildatum: '2018-04-10' })).json();
    expect(rmc.openWerk.totaal.open).toBe(1);
    expect((await post(TESTGEBRUIKERS.school, '/api/v1/werklijst/_zoek', {})).statusCode).toBe(403);
    expect((await post(TESTGEBRUIKERS.analist, '/api/v1/werklijst/_zoek', {})).statusCode).toBe(403);
    const audit = await api.db.query<{ aantal_personen: number }>("SELECT aantal_personen FROM audit WHERE handeling = 'werklijst.lezen' ORDER BY id");
    expect(audit.map((a) => a.aantal_personen)).toEqual([2, 2, 2, 2, 1]);
  });
});
