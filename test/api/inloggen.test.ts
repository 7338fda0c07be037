import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import { MAX_MISLUKT } from '../../src/domain/toegang/inloggen.js';
import { bouwApp } from '../../src/server/app.js';
import { leesServerConfig } from '../../src/server/config.js';
import type { InlogOpties } from '../../src/server/auth/opties.js';
import { maakAccount } from '../../src/toegang/accounts.js';
import { describeDatabases, verseDatabase } from '../support/database.js';
import { alleenCookie, logIn, login, metSessie, sessiecookie } from '../support/inloggen.js';

/**
 * Issue 8, login side: built-in accounts, server-side sessions in a Secure, HTTP-only,
 * SameSite=Strict cookie, CSRF on every state change, lock-out, idle and absolute timeouts,
 * the beheer routes for accounts and machine clients, and API keys.
 */
const WW = 'een-lang-wachtwoord-1';

describeDatabases('inloggen, sessies en accounts', (driver) => {
  const t = verseDatabase(driver);
  let app: FastifyInstance;
  const apps: FastifyInstance[] = [];
  const nieuweApp = async (inloggen: Partial<InlogOpties> = {}) => {
    const a = await bouwApp({ db: t.db, webMap: null, geoMap: join(referentiedataMap(), 'geo'), inloggen });
    await a.ready();
    apps.push(a);
    return a;
  };

  beforeAll(async () => {
    for (const [gebruikersnaam, rol, scopecode] of [
      ['beheerder', 'beheer', null], ['analist', 'analist', null], ['rmc19', 'rmc', '19'], ['slot', 'school', '20BB'], ['bijna', 'analist', null],
      ['blok', 'leerplicht', 'GM0344'], ['oud', 'analist', null], ['demo-x', 'analist', null],
    ] as const) {
      await maakAccount(t.db, { gebruikersnaam, weergavenaam: `Naam ${gebruikersnaam}`, rol, scopecode, wachtwoord: WW, demo: gebruikersnaam === 'demo-x' });
    }
    app = await nieuweApp();
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  it('anoniem: GET /sessie zegt niet ingelogd en geeft geen CSRF-token', async () => {
    const r = await app.inject({ url: '/api/v1/sessie' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ingelogd: false, inlogmethoden: ['wachtwoord'] });
  });

  it('inloggen zet een HTTP-only, Secure, SameSite=Strict sessiecookie op /api/v1 zonder Max-Age, en GET /sessie toont rol en scope', async () => {
    const r = await login(app, 'rmc19', WW);
    expect(r.statusCode).toBe(200);
    const c = r.cookies.find((k) => k.name === 'binnenboord_sessie')!;
    expect(c).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1' });
    expect(c.maxAge).toBeUndefined();
    expect(c.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const s = r.json();
    expect(s).toMatchObject({ ingelogd: true, gebruiker: { weergavenaam: 'Naam rmc19', rol: 'rmc', scope: { soort: 'rmc-regio', code: '19' }, soort: 'persoon' }, startpagina: '/werklijst' });
    expect(s.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const wie = await app.inject({ url: '/api/v1/sessie', headers: { cookie: `binnenboord_sessie=${c.value}` } });
    expect(wie.json()).toMatchObject({ ingelogd: true, csrfToken: s.csrfToken, gebruiker: { rol: 'rmc' } });
    // the token is stored only as its hash
    const rijen = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessie');
    expect(rijen.some((x) => x.token_hash === c.value)).toBe(false);
    expect(rijen.every((x) => /^[0-9a-f]{64}$/.test(x.token_hash))).toBe(true);
  });

  it('gebruikersnaam zonder hoofdletters en spaties: " RMC19 " logt in als rmc19', async () => {
    expect((await login(app, ' RMC19 ', WW)).statusCode).toBe(200);
  });

  it('fout wachtwoord en onbekende gebruiker krijgen precies hetzelfde antwoord (401, problem+json)', async () => {
    const fout = await login(app, 'analist', 'niet-het-wachtwoord');
    const onbekend = await login(app, 'bestaat-niet', 'niet-het-wachtwoord');
    for (const r of [fout, onbekend]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(sessiecookie(r)).toBeNull();
    }
    expect(fout.json().detail).toBe('Gebruikersnaam of wachtwoord onjuist.');
    expect(onbekend.json()).toEqual(fout.json());
  });

  it('een verzoek zonder JSON (bijv. een formulier van een andere site) wordt niet als inlogpoging gelezen', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/sessie/_inloggen', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'gebruikersnaam=analist&wachtwoord=x' });
    expect(r.statusCode).toBe(415);
  });

  it('ontbrekende velden: 400 met elk veld genoemd, in het Nederlands', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/sessie/_inloggen', payload: { naam: 'x' } });
    expect(r.statusCode).toBe(400);
    const namen = r.json().invalidParams.map((p: { name: string }) => p.name).sort();
    expect(namen).toEqual(['gebruikersnaam', 'naam', 'wachtwoord']);
  });

  it('CSRF: een wijziging met de sessiecookie zonder of met een fout token wordt geweigerd (403); met het token lukt ze', async () => {
    const s = await logIn(app, 'analist', WW);
    const zonder = await app.inject({ method: 'POST', url: '/api/v1/sessie/_uitloggen', headers: alleenCookie(s) });
    expect(zonder.statusCode).toBe(403);
    expect(zonder.json().detail).toMatch(/CSRF-token ontbreekt of klopt niet/);
    const fout = await app.inject({ method: 'POST', url: '/api/v1/sessie/_uitloggen', headers: { ...alleenCookie(s), 'x-csrf-token': `${s.csrf.slice(0, -1)}${s.csrf.endsWith('A') ? 'B' : 'A'}` } });
    expect(fout.statusCode).toBe(403);
    // the token of another session does not do either
    const ander = await logIn(app, 'analist', WW);
    expect((await app.inject({ method: 'POST', url: '/api/v1/sessie/_uitloggen', headers: { ...alleenCookie(s), 'x-csrf-token': ander.csrf } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(s) })).json().ingelogd).toBe(true);
    const goed = await app.inject({ method: 'POST', url: '/api/v1/sessie/_uitloggen', headers: metSessie(s) });
    expect(goed.statusCode).toBe(204);
  });

  it('uitloggen beëindigt de sessie op de server: de oude cookie is daarna anoniem (en wordt gewist)', async () => {
    const s = await logIn(app, 'analist', WW);
    const uit = await app.inject({ method: 'POST', url: '/api/v1/sessie/_uitloggen', headers: metSessie(s) });
    expect(uit.statusCode).toBe(204);
    expect(uit.cookies.find((c) => c.name === 'binnenboord_sessie')?.value).toBe('');
    const na = await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(s) });
    expect(na.json().ingelogd).toBe(false);
    expect(na.cookies.find((c) => c.name === 'binnenboord_sessie')?.value).toBe('');
    const [rij] = await t.db.query<{ beeindigd: boolean }>('SELECT beeindigd_op IS NOT NULL AS beeindigd FROM sessie ORDER BY aangemaakt_op DESC LIMIT 1');
    expect(rij!.beeindigd).toBe(true);
  });

  it(`lock-out: na ${MAX_MISLUKT} mislukte pogingen in 15 minuten weigert ook het goede wachtwoord (429); ${MAX_MISLUKT - 1} is nog niet genoeg`, async () => {
    for (let i = 0; i < MAX_MISLUKT - 1; i += 1) expect((await login(app, 'bijna', 'fout-fout-fout')).statusCode).toBe(401);
    expect((await login(app, 'bijna', WW)).statusCode).toBe(200);
    for (let i = 0; i < MAX_MISLUKT; i += 1) expect((await login(app, 'slot', 'fout-fout-fout')).statusCode).toBe(401);
    const r = await login(app, 'slot', WW);
    expect(r.statusCode).toBe(429);
    expect(r.json().detail).toMatch(/tijdelijk vergrendeld; probeer het over 15 minuten opnieuw/);
    expect(sessiecookie(r)).toBeNull();
    // an unknown name locks the same way, so the lock does not tell which names exist
    for (let i = 0; i < MAX_MISLUKT; i += 1) await login(app, 'niemand', 'fout-fout-fout');
    expect((await login(app, 'niemand', WW)).json().detail).toBe(r.json().detail);
  });

  it('lock-out eindigt als de mislukte pogingen ouder zijn dan 15 minuten', async () => {
    await t.db.query("UPDATE inlogpoging SET op = op - interval '15 minutes 1 second' WHERE gebruikersnaam = 'slot'");
    expect((await login(app, 'slot', WW)).statusCode).toBe(200);
  });

  it('inactiviteit: na 30 minuten zonder verzoek is de sessie verlopen; na 29 nog niet', async () => {
    const s = await logIn(app, 'oud', WW);
    const zet = (minuten: number) => t.db.query(`UPDATE sessie SET laatst_gezien_op = now() - make_interval(mins => $1) WHERE account_id = (SELECT id FROM account WHERE gebruikersnaam = 'oud')`, [minuten]);
    await zet(29);
    expect((await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(s) })).json().ingelogd).toBe(true);
    // that request was more than a minute after the last: it counts as activity again
    const [gezien] = await t.db.query<{ s: number }>("SELECT extract(epoch FROM now() - laatst_gezien_op)::float8 AS s FROM sessie WHERE account_id = (SELECT id FROM account WHERE gebruikersnaam = 'oud') ORDER BY aangemaakt_op DESC LIMIT 1");
    expect(gezien!.s).toBeLessThan(60);
    await zet(30);
    expect((await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(s) })).json().ingelogd).toBe(false);
  });

  it('absolute duur: voorbij verloopt_op is de sessie verlopen, ook bij activiteit; inloggen zet verloopt_op 10 uur vooruit', async () => {
    const s = await logIn(app, 'oud', WW);
    const [v] = await t.db.query<{ uren: number }>("SELECT extract(epoch FROM verloopt_op - aangemaakt_op)::float8 / 3600 AS uren FROM sessie ORDER BY aangemaakt_op DESC LIMIT 1");
    expect(v!.uren).toBeCloseTo(10, 5);
    await t.db.query("UPDATE sessie SET verloopt_op = now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE gebruikersnaam = 'oud')");
    expect((await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(s) })).json().ingelogd).toBe(false);
  });

  it('accounts: anoniem 401, analist 403, beheer ziet de lijst zonder wachtwoordhashes', async () => {
    expect((await app.inject({ url: '/api/v1/accounts' })).statusCode).toBe(401);
    const analist = await logIn(app, 'analist', WW);
    expect((await app.inject({ url: '/api/v1/accounts', headers: alleenCookie(analist) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: metSessie(analist), payload: { gebruikersnaam: 'x1', weergavenaam: 'X', rol: 'beheer', wachtwoord: WW } })).statusCode).toBe(403);
    const beheer = await logIn(app, 'beheerder', WW);
    const r = await app.inject({ url: '/api/v1/accounts', headers: alleenCookie(beheer) });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toMatch(/argon2/);
    expect(r.json().accounts.map((a: { gebruikersnaam: string }) => a.gebruikersnaam)).toContain('rmc19');
    expect(r.json().accounts.find((a: { gebruikersnaam: string }) => a.gebruikersnaam === 'demo-x').demo).toBe(true);
  });

  it('accounts maken: 201; bestaande naam 409; rol en scope die niet samengaan, te kort wachtwoord: 400 met het veld', async () => {
    const beheer = await logIn(app, 'beheerder', WW);
    const maak = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/accounts', headers: metSessie(beheer), payload });
    const r = await maak({ gebruikersnaam: 'nieuw', weergavenaam: 'Nieuwe collega', rol: 'school', scopecode: '20BB', wachtwoord: WW });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ gebruikersnaam: 'nieuw', rol: 'school', scope: { soort: 'brin', code: '20BB' }, geblokkeerd: false, demo: false, heeftWachtwoord: true });
    expect((await login(app, 'nieuw', WW)).statusCode).toBe(200);
    expect((await maak({ gebruikersnaam: 'nieuw', weergavenaam: 'X', rol: 'analist', wachtwoord: WW })).statusCode).toBe(409);
    const scope = await maak({ gebruikersnaam: 'n2', weergavenaam: 'X', rol: 'school', scopecode: '19', wachtwoord: WW });
    expect(scope.statusCode).toBe(400);
    expect(scope.json().invalidParams[0]).toMatchObject({ name: 'scopecode' });
    const landelijk = await maak({ gebruikersnaam: 'n3', weergavenaam: 'X', rol: 'analist', scopecode: '19', wachtwoord: WW });
    expect(landelijk.json().invalidParams[0].reason).toMatch(/geen scopecode/);
    const kort = await maak({ gebruikersnaam: 'n4', weergavenaam: 'X', rol: 'analist', wachtwoord: 'kort-1' });
    expect(kort.statusCode).toBe(400);
    expect(kort.json().invalidParams[0]).toMatchObject({ name: 'wachtwoord', reason: 'het wachtwoord is te kort: minstens 12 tekens' });
    expect(kort.body).not.toContain('kort-1');
  });

  it('blokkeren beëindigt de open sessies meteen en weigert inloggen; een rolwijziging ook; deblokkeren laat weer toe', async () => {
    const beheer = await logIn(app, 'beheerder', WW);
    const blok = await logIn(app, 'blok', WW);
    const lijst = (await app.inject({ url: '/api/v1/accounts', headers: alleenCookie(beheer) })).json().accounts;
    const id = lijst.find((a: { gebruikersnaam: string }) => a.gebruikersnaam === 'blok').id;
    const wijzig = (payload: object) => app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: metSessie(beheer), payload });
    expect((await wijzig({ geblokkeerd: true })).json().geblokkeerd).toBe(true);
    expect((await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(blok) })).json().ingelogd).toBe(false);
    const geweigerd = await login(app, 'blok', WW);
    expect(geweigerd.statusCode).toBe(401);
    expect(geweigerd.json().detail).toBe('Gebruikersnaam of wachtwoord onjuist.');
    expect((await wijzig({ geblokkeerd: false })).statusCode).toBe(200);
    const weer = await logIn(app, 'blok', WW);
    const nieuw = await wijzig({ rol: 'rmc', scopecode: '19' });
    expect(nieuw.json()).toMatchObject({ rol: 'rmc', scope: { soort: 'rmc-regio', code: '19' } });
    expect((await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(weer) })).json().ingelogd).toBe(false);
    expect((await wijzig({ rol: 'gemeente' })).statusCode).toBe(400);
    // one's own account: not blocked, role not changed (another beheerder must do it)
    const eigenId = lijst.find((a: { gebruikersnaam: string }) => a.gebruikersnaam === 'beheerder').id;
    const eigen = await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${eigenId}`, headers: metSessie(beheer), payload: { geblokkeerd: true } });
    expect(eigen.statusCode).toBe(400);
    expect(eigen.json().invalidParams[0]).toMatchObject({ name: 'geblokkeerd', code: 'eigen-account' });
    expect((await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${eigenId}`, headers: metSessie(beheer), payload: { rol: 'analist' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PATCH', url: `/api/v1/accounts/${eigenId}`, headers: metSessie(beheer), payload: { weergavenaam: 'Beheerder' } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/accounts/00000000-0000-4000-8000-000000000000', headers: metSessie(beheer), payload: { geblokkeerd: true } })).statusCode).toBe(404);
  });

  it('wachtwoord resetten: het oude werkt niet meer, het nieuwe wel, open sessies zijn beëindigd', async () => {
    const beheer = await logIn(app, 'beheerder', WW);
    const lijst = (await app.inject({ url: '/api/v1/accounts', headers: alleenCookie(beheer) })).json().accounts;
    const id = lijst.find((a: { gebruikersnaam: string }) => a.gebruikersnaam === 'nieuw').id;
    const open = await logIn(app, 'nieuw', WW);
    const r = await app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/_wachtwoord`, headers: metSessie(beheer), payload: { wachtwoord: 'een-ander-lang-wachtwoord' } });
    expect(r.statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/sessie', headers: alleenCookie(open) })).json().ingelogd).toBe(false);
    expect((await login(app, 'nieuw', WW)).statusCode).toBe(401);
    expect((await login(app, 'nieuw', 'een-ander-lang-wachtwoord')).statusCode).toBe(200);
  });

  it('machineclient: de API-sleutel wordt één keer getoond, gehasht bewaard, zet een gebruiker van soort machine, en werkt niet meer na blokkeren', async () => {
    const beheer = await logIn(app, 'beheerder', WW);
    const r = await app.inject({ method: 'POST', url: '/api/v1/machineclients', headers: metSessie(beheer), payload: { naam: 'Leerlingadministratie 20BB', rol: 'school', scopecode: '20BB' } });
    expect(r.statusCode).toBe(201);
    const { machineclient, sleutel } = r.json();
    expect(sleutel).toMatch(/^bbk_[A-Za-z0-9_-]{43}$/);
    const lijst = await app.inject({ url: '/api/v1/machineclients', headers: alleenCookie(beheer) });
    expect(lijst.body).not.toContain(sleutel);
    expect(lijst.json().machineclients[0]).toMatchObject({ naam: 'Leerlingadministratie 20BB', rol: 'school', scope: { soort: 'brin', code: '20BB' }, laatstGebruiktOp: null });
    const [rij] = await t.db.query<{ sleutel_hash: string }>('SELECT sleutel_hash FROM machineclient');
    expect(rij!.sleutel_hash).toMatch(/^[0-9a-f]{64}$/);

    const wie = await app.inject({ url: '/api/v1/sessie', headers: { authorization: `Bearer ${sleutel}` } });
    expect(wie.json()).toMatchObject({ ingelogd: true, gebruiker: { weergavenaam: 'Leerlingadministratie 20BB', rol: 'school', scope: { soort: 'brin', code: '20BB' }, soort: 'machine' } });
    expect(wie.json().csrfToken).toBeUndefined();
    // a bearer is no cookie a browser sends by itself: no CSRF token needed
    expect((await app.inject({ method: 'POST', url: '/api/v1/sessie/_uitloggen', headers: { authorization: `Bearer ${sleutel}` } })).statusCode).toBe(204);
    // a school's system may not manage accounts
    expect((await app.inject({ url: '/api/v1/accounts', headers: { authorization: `Bearer ${sleutel}` } })).statusCode).toBe(403);

    const fout = await app.inject({ url: '/api/v1/sessie', headers: { authorization: 'Bearer bbk_onbekendeSleutel1234567890' } });
    expect(fout.statusCode).toBe(401);
    expect(fout.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(fout.json().detail).toBe('De API-sleutel is onbekend of geblokkeerd.');
    expect((await app.inject({ url: '/api/v1/sessie', headers: { authorization: 'Basic eDp5' } })).statusCode).toBe(401);

    const blok = await app.inject({ method: 'PATCH', url: `/api/v1/machineclients/${machineclient.id}`, headers: metSessie(beheer), payload: { geblokkeerd: true } });
    expect(blok.json().geblokkeerd).toBe(true);
    expect((await app.inject({ url: '/api/v1/sessie', headers: { authorization: `Bearer ${sleutel}` } })).statusCode).toBe(401);

    await app.inject({ method: 'PATCH', url: `/api/v1/machineclients/${machineclient.id}`, headers: metSessie(beheer), payload: { geblokkeerd: false } });
    const nieuw = await app.inject({ method: 'POST', url: `/api/v1/machineclients/${machineclient.id}/_sleutel`, headers: metSessie(beheer) });
    expect((await app.inject({ url: '/api/v1/sessie', headers: { authorization: `Bearer ${sleutel}` } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/sessie', headers: { authorization: `Bearer ${nieuw.json().sleutel}` } })).json().gebruiker.soort).toBe('machine');
  });

  it('NODE_ENV=production: een demo-account kan niet inloggen, en een open demosessie is anoniem', async () => {
    const s = await logIn(app, 'demo-x', WW);
    const productie = await nieuweApp({ productie: true });
    expect((await login(productie, 'demo-x', WW)).statusCode).toBe(401);
    expect((await productie.inject({ url: '/api/v1/sessie', headers: alleenCookie(s) })).json().ingelogd).toBe(false);
    expect((await login(productie, 'analist', WW)).statusCode).toBe(200);
  });

  it('de OpenAPI-beschrijving noemt de inlog- en beheerroutes', async () => {
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    for (const pad of ['/sessie', '/sessie/_inloggen', '/sessie/_uitloggen', '/accounts', '/accounts/{id}', '/accounts/{id}/_wachtwoord', '/machineclients', '/machineclients/{id}', '/machineclients/{id}/_sleutel']) {
      expect(doc.paths[pad], pad).toBeDefined();
    }
  });
});

describe('instellingen van het inloggen', () => {
  it('standaard: 30 minuten inactief, 10 uur absoluut, Secure, geen OpenID Connect; NODE_ENV=production zet productie aan', () => {
    expect(leesServerConfig({})).toMatchObject({ ok: true, config: { inloggen: { inactiefMinuten: 30, absoluutMinuten: 600, veiligeCookie: true, productie: false, oidc: null } } });
    expect(leesServerConfig({ NODE_ENV: 'production' })).toMatchObject({ ok: true, config: { inloggen: { productie: true } } });
    expect(leesServerConfig({ BINNENBOORD_SESSIE_INACTIEF_MINUTEN: '15', BINNENBOORD_SESSIE_ABSOLUUT_UREN: '8' }))
      .toMatchObject({ ok: true, config: { inloggen: { inactiefMinuten: 15, absoluutMinuten: 480 } } });
  });

  it('ongeldige tijden en een onvolledige of onveilige OpenID Connect-instelling worden alle tegelijk genoemd', () => {
    const u = leesServerConfig({ BINNENBOORD_SESSIE_INACTIEF_MINUTEN: '0', BINNENBOORD_SESSIE_ABSOLUUT_UREN: 'tien', BINNENBOORD_OIDC_ISSUER: 'https://idp.example.org' });
    expect(u.ok).toBe(false);
    const fouten = (u as { fouten: string[] }).fouten;
    expect(fouten[0]).toMatch(/^BINNENBOORD_SESSIE_INACTIEF_MINUTEN '0' is ongeldig/);
    expect(fouten[1]).toMatch(/^BINNENBOORD_SESSIE_ABSOLUUT_UREN 'tien' is ongeldig/);
    expect(fouten[2]).toMatch(/BINNENBOORD_OIDC_CLIENT_ID, BINNENBOORD_OIDC_CLIENT_SECRET, BINNENBOORD_OIDC_REDIRECT_URI ontbreekt/);
    const http = leesServerConfig({ BINNENBOORD_OIDC_ISSUER: 'http://idp.example.org', BINNENBOORD_OIDC_CLIENT_ID: 'a', BINNENBOORD_OIDC_CLIENT_SECRET: 'b', BINNENBOORD_OIDC_REDIRECT_URI: 'https://bb.example.org/api/v1/sessie/oidc/terug' });
    expect((http as { fouten: string[] }).fouten).toEqual(['BINNENBOORD_OIDC_ISSUER moet https:// zijn (alleen een provider op deze machine mag http:// gebruiken).']);
  });

  it('OpenID Connect: standaardclaims en rolbron account; http alleen naar 127.0.0.1', () => {
    const u = leesServerConfig({ BINNENBOORD_OIDC_ISSUER: 'http://127.0.0.1:4000', BINNENBOORD_OIDC_CLIENT_ID: 'bb', BINNENBOORD_OIDC_CLIENT_SECRET: 's', BINNENBOORD_OIDC_REDIRECT_URI: 'http://127.0.0.1:3000/api/v1/sessie/oidc/terug', BINNENBOORD_OIDC_ROLBRON: 'claims' });
    expect(u).toMatchObject({ ok: true, config: { inloggen: { oidc: { rolBron: 'claims', rolClaim: 'binnenboord_rol', scopeClaim: 'binnenboord_scope', accountClaim: 'email', scopes: ['email'], onveiligHttp: true } } } });
  });
});

describe('logregels', () => {
  it('de code en state van een OIDC-terugkeer worden gemaskeerd', async () => {
    const { maskeerUrl } = await import('../../src/server/logging.js');
    expect(maskeerUrl('/api/v1/sessie/oidc/terug?code=geheim123&state=abc&iss=http%3A%2F%2Fidp')).toBe('/api/v1/sessie/oidc/terug?code=[verwijderd]&state=[verwijderd]&iss=http%3A%2F%2Fidp');
  });
});
