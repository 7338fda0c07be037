import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import { bouwApp } from '../../src/server/app.js';
import { legOverdrachtwijzigingenVast } from '../../src/db/overdrachten.js';
import type { Gebruiker } from '../../src/domain/toegang/rollen.js';
import { describeDatabases } from '../support/database.js';
import { alleenCookie, logIn, metSessie } from '../support/inloggen.js';
import { TESTGEBRUIKERS, alsGebruiker } from '../support/toegang.js';
import { maakAccount } from '../../src/toegang/accounts.js';
import { apiomgeving } from './omgeving.js';

/**
 * The warm handover in the API (docs/opvolging.md "Overdracht") on the test delivery
 * (test/api/fixture.ts): the lists of April 2018 give municipality GM0344 two dossiers of
 * 17-year-olds. The monthly processing's proposal for one of them (turned 18: to RMC region 19)
 * is made here directly with the db function the processing uses (test/lijsten/overdrachten.test.ts
 * tests the processing itself on real lists).
 */
describeDatabases('overdrachten in de API', (driver) => {
  const api = apiomgeving(driver, { testgebruikers: true });
  const lp = TESTGEBRUIKERS.leerplicht;
  const rmc = TESTGEBRUIKERS.rmc;
  const rmcAnders: Gebruiker = { accountId: 't-rmc-21', weergavenaam: 'Test RMC Amsterdam', rol: 'rmc', scope: { soort: 'rmc-regio', code: '21' }, soort: 'persoon' };
  const post = (g: Gebruiker, url: string, body: object) => api.app.inject({ method: 'POST', url, headers: alsGebruiker(g), payload: body });
  const lees = (g: Gebruiker, id: string) => api.app.inject({ method: 'GET', url: `/api/v1/dossiers/${id}`, headers: alsGebruiker(g) });
  const zoek = async (g: Gebruiker, body: object = {}) => {
    const r = await post(g, '/api/v1/overdrachten/_zoek', body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().overdrachten as Record<string, unknown>[];
  };
  let dossierId = '';
  let overdrachtId = '';

  beforeAll(async () => {
    expect((await post(rmc, '/api/v1/lijsten/_zoek', { soort: 'uitschrijvingen', maand: '2018-04' })).statusCode).toBe(200);
    dossierId = (await post(lp, '/api/v1/dossiers/_zoek', {})).json().dossiers[0].dossierId;
    for (const [soort, gegevens] of [
      ['intake', { toelichting: 'intake gedaan' }],
      ['notitie', { doel: 'overdracht', tekst: 'Voor de RMC-collega: wil naar de bbl' }],
      ['notitie', { doel: 'zorgsignaal', tekst: 'Zorgen thuis, niet doorgeven' }],
      ['contactpoging', { kanaal: 'telefoon', resultaat: 'niet-bereikt' }],
    ] as const) {
      const r = await post(lp, `/api/v1/dossiers/${dossierId}/gebeurtenissen`, { soort, datum: '2018-04-20', gegevens });
      expect(r.statusCode, r.body).toBe(201);
    }
    // absence reports of this person: one open at GM0344's leerplicht (goes along with the
    // dossier), one closed there and one open at another municipality (both stay)
    const [{ persoon_id: persoon }] = await api.db.query<{ persoon_id: string }>('SELECT persoon_id FROM dossier WHERE id = $1', [dossierId]) as [{ persoon_id: string }];
    for (const [gemeente, status, reden, opmerking] of [['GM0344', 'in-behandeling', null, null], ['GM0344', 'afgesloten', 'overig', 'klaar'], ['GM0363', 'in-behandeling', null, null]] as const) {
      await api.db.query(`INSERT INTO verzuimmelding (bron, soort, persoon_id, brin, vestiging, lesplaats, meldingsdatum, startdatum, einddatum,
          verzuim_dagen, verzuim_uren, alle_lessen_gemist, vermoedelijke_reden, ondernomen_actie, gemeente_gevraagd, melder_naam, melder_functie,
          melder_telefoon, melder_email, behandelaar, gemeente_code, rmc_code, tijdigheid, status, contactpersoon, afsluitreden, afsluitopmerking, import_id)
        VALUES ('school', '16u4w', $1, '20BB', '00', 'Hoofdgebouw', '2018-03-20', '2018-03-01', '2018-03-16', 3, 17, false, 'spijbelt', 'gesprek',
          true, 'J. de Vries', 'coördinator', '030-1234567', 'v@x.nl', 'leerplicht', $2, NULL, 'tijdig', $3, 'M. Bakker', $4, $5, 'test')`,
      [persoon, gemeente, status, reden, opmerking]);
    }
    await api.db.transaction((tx) => legOverdrachtwijzigingenVast(tx, {
      maand: '2018-05', peildatum: '2018-05-01', vervallen: [], overnemen: [],
      voorstellen: [{ dossierId, van: { soort: 'gemeente', code: 'GM0344' }, naar: { soort: 'rmc-regio', code: '19' }, oorzaak: 'meerderjarig' }],
    }));
  });

  it('voorgesteld: de houder ziet de uitgaande overdracht en op het dossier; de ontvanger ziet niets', async () => {
    const uit = await zoek(lp, { richting: 'uitgaand' });
    expect(uit).toEqual([expect.objectContaining({ richting: 'uitgaand', status: 'voorgesteld', oorzaak: 'meerderjarig', van: 'gemeente GM0344', naar: 'rmc-regio 19', dossierId })]);
    overdrachtId = uit[0]!.overdrachtId as string;
    expect(overdrachtId).toMatch(/^o[0-9a-f]{20}$/);
    expect((await lees(lp, dossierId)).json().overdracht).toMatchObject({ overdrachtId, status: 'voorgesteld', naar: 'rmc-regio 19' });
    expect(await zoek(rmc)).toEqual([]);
    expect((await lees(rmc, dossierId)).statusCode).toBe(404);
    expect((await post(rmc, `/api/v1/overdrachten/${overdrachtId}/aanvaarding`, {})).statusCode).toBe(404);
    expect((await post(rmc, `/api/v1/overdrachten/${overdrachtId}/verzending`, { delen: [], reden: 'x' })).statusCode).toBe(404);
  });

  it('verzenden: delen uit de lijst, reden verplicht (400 per veld); daarna ziet de ontvanger alleen het verzoek', async () => {
    const fout = await post(lp, `/api/v1/overdrachten/${overdrachtId}/verzending`, { delen: ['notitie', 'intake', 'intake'], reden: '  ' });
    expect(fout.statusCode).toBe(400);
    expect(fout.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fout.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(['delen[0]', 'delen[2]', 'reden']);
    const r = await post(lp, `/api/v1/overdrachten/${overdrachtId}/verzending`, { delen: ['intake', 'notitie:overdracht'], reden: '18 geworden; intake gedaan' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'verzonden', verzondenDoor: lp.weergavenaam, delen: ['intake', 'notitie:overdracht'] });
    const [inkomend] = await zoek(rmc, { richting: 'inkomend' });
    expect(inkomend).toMatchObject({ overdrachtId, richting: 'inkomend', status: 'verzonden', oorzaak: 'meerderjarig', dossierId: null, delen: null, reden: null });
    expect(inkomend!.geboortedatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(inkomend!)).toEqual(expect.arrayContaining(['voornamen', 'voorvoegsel', 'geslachtsnaam']));
    expect((await lees(rmc, dossierId)).statusCode).toBe(404);
    expect((await post(rmc, `/api/v1/dossiers/${dossierId}/gebeurtenissen`, { soort: 'intake', datum: '2018-05-01', gegevens: {} })).statusCode).toBe(404);
    expect(await zoek(rmcAnders)).toEqual([]);
    expect((await post(rmcAnders, `/api/v1/overdrachten/${overdrachtId}/aanvaarding`, {})).statusCode).toBe(404);
    // sending again while it waits: 409
    expect((await post(lp, `/api/v1/overdrachten/${overdrachtId}/verzending`, { delen: [], reden: 'nog eens' })).statusCode).toBe(409);
  });

  it('weigeren met reden: terug naar de afzender, die het dossier houdt en opnieuw verzendt', async () => {
    expect((await post(rmc, `/api/v1/overdrachten/${overdrachtId}/weigering`, { reden: '' })).statusCode).toBe(400);
    const r = await post(rmc, `/api/v1/overdrachten/${overdrachtId}/weigering`, { reden: 'woont niet in onze regio' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'geweigerd', weigerreden: 'woont niet in onze regio', dossierId: null, delen: null });
    expect((await post(rmc, `/api/v1/overdrachten/${overdrachtId}/aanvaarding`, {})).statusCode).toBe(409);
    expect((await lees(lp, dossierId)).json().overdracht).toMatchObject({ status: 'geweigerd', weigerreden: 'woont niet in onze regio' });
    const opnieuw = await post(lp, `/api/v1/overdrachten/${overdrachtId}/verzending`, { delen: ['intake', 'notitie:overdracht'], reden: 'woont wel in Utrecht (BRP)' });
    expect(opnieuw.json()).toMatchObject({ status: 'verzonden', weigerreden: null, reden: 'woont wel in Utrecht (BRP)' });
  });

  it('aanvaarden: de ontvanger wordt houder en ziet alleen de doorgegeven delen en de tijdlijn; de afzender niets meer', async () => {
    const r = await post(rmc, `/api/v1/overdrachten/${overdrachtId}/aanvaarding`, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'aanvaard', dossierId, delen: ['intake', 'notitie:overdracht'], reden: 'woont wel in Utrecht (BRP)', beslotenDoor: rmc.weergavenaam });
    const d = (await lees(rmc, dossierId)).json();
    expect(d.dossier).toMatchObject({ eigenaar: 'rmc-regio 19', behandelaar: null });
    expect(d.overdracht).toBeNull();
    expect(d.vastgelegd.map((e: { soort: string; gegevens: Record<string, string> }) => `${e.soort} ${e.gegevens.doel ?? ''}`.trim()).sort())
      .toEqual(['intake', 'notitie overdracht']);
    expect(JSON.stringify(d)).not.toContain('Zorgen thuis');
    expect(d.tijdlijn.map((i: { soort: string }) => i.soort)).toEqual(expect.arrayContaining(['overgedragen', 'geopend', 'uitschrijvingen']));
    expect(d.tijdlijn.filter((i: { bron: string }) => i.bron === 'medewerker')).toHaveLength(2);
    // the SQL twin the worklist and effect report read agrees with the dossier's answer
    const zichtbaar = await api.db.query<{ id: number }>('SELECT id FROM dossier_gebeurtenis_zichtbaar WHERE dossier_id = $1 ORDER BY id', [dossierId]);
    expect(zichtbaar.map((z) => z.id)).toEqual(d.vastgelegd.map((e: { id: number }) => e.id).sort((a: number, b: number) => a - b));
    expect(await api.db.query('SELECT count(*)::int AS n FROM dossier_gebeurtenis WHERE dossier_id = $1', [dossierId])).toEqual([{ n: 4 }]);
    expect((await lees(lp, dossierId)).statusCode).toBe(404);
    expect((await zoek(lp, { richting: 'uitgaand' }))[0]).toMatchObject({ status: 'aanvaard', beslotenDoor: rmc.weergavenaam });
    // a new name on the receiver's worklist: nobody of the region works it yet
    const werk = (await post(rmc, '/api/v1/werklijst/_zoek', { peildatum: '2018-05-02' })).json();
    expect(werk.nieuweNamen.map((i: { dossierId: string }) => i.dossierId)).toContain(dossierId);
    // what the new holder records is its own and visible in full
    expect((await post(rmc, `/api/v1/dossiers/${dossierId}/gebeurtenissen`, { soort: 'notitie', datum: '2018-05-02', gegevens: { doel: 'zorgsignaal', tekst: 'eigen' } })).statusCode).toBe(201);
    expect((await lees(rmc, dossierId)).json().vastgelegd).toHaveLength(3);
    // the open absence report GM0344 handled went along to region 19 (issue 10 item 2), without the
    // old contact person and with a line in its history; the closed one and GM0363's stayed
    const meldingen = await api.db.query<{ status: string; behandelaar: string; gemeente_code: string; rmc_code: string | null; contactpersoon: string | null; opmerking: string | null }>(`
      SELECT m.status, m.behandelaar, m.gemeente_code, m.rmc_code, m.contactpersoon,
        (SELECT s.opmerking FROM verzuimstatus s WHERE s.melding_id = m.id ORDER BY s.id DESC LIMIT 1) AS opmerking
      FROM verzuimmelding m WHERE m.import_id = 'test' ORDER BY m.id`);
    expect(meldingen).toEqual([
      { status: 'in-behandeling', behandelaar: 'rmc', gemeente_code: 'GM0344', rmc_code: '19', contactpersoon: null, opmerking: 'met het dossier overgedragen van gemeente GM0344 aan rmc-regio 19' },
      { status: 'afgesloten', behandelaar: 'leerplicht', gemeente_code: 'GM0344', rmc_code: null, contactpersoon: 'M. Bakker', opmerking: null },
      { status: 'in-behandeling', behandelaar: 'leerplicht', gemeente_code: 'GM0363', rmc_code: null, contactpersoon: 'M. Bakker', opmerking: null },
    ]);
  });

  it('met een sessie: elke stap vraagt het CSRF-token, zoals de andere dossierwijzigingen', async () => {
    await maakAccount(api.db, { gebruikersnaam: 'lp-csrf', weergavenaam: 'LP CSRF', rol: 'leerplicht', scopecode: 'GM0344', wachtwoord: 'een-lang-wachtwoord-1' });
    // the application as in production: the user from the session, not from the test header
    const app = await bouwApp({ db: api.db, webMap: null, geoMap: join(referentiedataMap(), 'geo') });
    await app.ready();
    try {
      await csrf(app);
    } finally {
      await app.close();
    }
  });
  async function csrf(app: FastifyInstance): Promise<void> {
    const s = await logIn(app, 'lp-csrf', 'een-lang-wachtwoord-1');
    for (const stap of ['verzending', 'aanvaarding', 'weigering']) {
      const zonder = await app.inject({ method: 'POST', url: `/api/v1/overdrachten/${overdrachtId}/${stap}`, headers: alleenCookie(s), payload: { delen: [], reden: 'x' } });
      expect(zonder.statusCode, stap).toBe(403);
      expect(zonder.json().detail).toMatch(/CSRF-token ontbreekt of klopt niet/);
    }
    // with the token the step reaches the rules: the handover is accepted by now (409), the session's scope is the old sender's
    const met = await app.inject({ method: 'POST', url: `/api/v1/overdrachten/${overdrachtId}/verzending`, headers: metSessie(s), payload: { delen: [], reden: 'x' } });
    expect(met.statusCode, met.body).toBe(409);
    expect(met.json()).toMatchObject({ status: 409, detail: expect.stringContaining('is al aanvaard') });
  }

  it('school en analist mogen geen overdrachten; elke inzage en stap staat in het audittrail met één persoon', async () => {
    expect((await post(TESTGEBRUIKERS.school, '/api/v1/overdrachten/_zoek', {})).statusCode).toBe(403);
    expect((await post(TESTGEBRUIKERS.analist, `/api/v1/overdrachten/${overdrachtId}/aanvaarding`, {})).statusCode).toBe(403);
    const rijen = await api.db.query<{ handeling: string; doel: string; aantal_personen: number; account_id: string }>(
      "SELECT handeling, doel, aantal_personen, account_id FROM audit WHERE handeling LIKE 'overdracht.%' ORDER BY id");
    expect(rijen.filter((r) => r.handeling === 'overdracht.verzenden').map((r) => [r.account_id, r.doel, r.aantal_personen]))
      .toEqual([['t-lp', 'leerplichthandhaving', 1], ['t-lp', 'leerplichthandhaving', 1]]);
    expect(rijen.filter((r) => r.handeling === 'overdracht.beslissen').map((r) => [r.account_id, r.doel, r.aantal_personen]))
      .toEqual([['t-rmc', 'trajectbegeleiding', 1], ['t-rmc', 'trajectbegeleiding', 1]]);
    expect(rijen.filter((r) => r.handeling === 'overdracht.lezen').length).toBeGreaterThanOrEqual(5);
    const stappen = await api.db.query<{ status: string; account_id: string | null }>(
      'SELECT status, account_id FROM dossier_overdracht_stap WHERE overdracht_id = $1 ORDER BY id', [overdrachtId]);
    expect(stappen.map((s) => `${s.status} ${s.account_id ?? '-'}`)).toEqual(['voorgesteld -', 'verzonden t-lp', 'geweigerd t-rmc', 'verzonden t-lp', 'aanvaard t-rmc']);
  });
});
