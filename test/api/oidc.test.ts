import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import { leesAccountOpOidcSub } from '../../src/db/accounts.js';
import { bouwApp } from '../../src/server/app.js';
import { maakAccount } from '../../src/toegang/accounts.js';
import type { OidcInstellingen } from '../../src/toegang/oidcInstellingen.js';
import { describeDatabases, verseDatabase } from '../support/database.js';

/**
 * OpenID Connect end to end (issue 8): a real OpenID Provider (oidc-provider, with its
 * development login and consent pages) runs in this process on 127.0.0.1, and a small HTTP
 * "browser" (cookies, redirects, forms) walks the whole authorization code flow with PKCE:
 * start → provider login → consent → back to Binnenboord → session cookie → GET /sessie.
 * No token is made by the test.
 */
const PERSONEN: Record<string, Record<string, string>> = {
  'medewerker-rmc': { email: 'rmc@regio19.example.org', name: 'Medewerker RMC', binnenboord_rol: 'rmc', binnenboord_scope: '19' },
  'schoolsysteembeheerder': { email: 'info@school.example.org', name: 'School 20BB', binnenboord_rol: 'school', binnenboord_scope: '20BB' },
  'zonder-rol': { email: 'iemand@example.org', name: 'Iemand' },
  'bekende-beheerder': { email: 'beheerder@gemeente.example.org', name: 'Beheerder' },
  'onbekende': { email: 'onbekend@example.org', name: 'Onbekend' },
};

/** Just enough of a browser: a cookie jar (every cookie to every 127.0.0.1 port, as browsers do), redirects, forms. */
class Browser {
  readonly koekjes = new Map<string, string>();
  async ga(url: string, init: { methode?: string; formulier?: Record<string, string> } = {}): Promise<{ url: string; status: number; tekst: string }> {
    let huidig = new URL(url);
    let methode = init.methode ?? 'GET';
    let body: string | undefined = init.formulier ? new URLSearchParams(init.formulier).toString() : undefined;
    for (let stap = 0; stap < 15; stap += 1) {
      const headers: Record<string, string> = { cookie: [...this.koekjes].map(([k, v]) => `${k}=${v}`).join('; ') };
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const r = await fetch(huidig, { method: methode, headers, body, redirect: 'manual' });
      for (const c of r.headers.getSetCookie()) {
        const [paar, ...attributen] = c.split(';');
        const [naam, ...rest] = paar!.split('=');
        const waarde = rest.join('=');
        const weg = waarde === '' || attributen.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
        if (weg) this.koekjes.delete(naam!.trim());
        else this.koekjes.set(naam!.trim(), waarde);
      }
      const locatie = r.headers.get('location');
      if (r.status >= 300 && r.status < 400 && locatie) {
        huidig = new URL(locatie, huidig);
        methode = 'GET';
        body = undefined;
        continue;
      }
      return { url: huidig.href, status: r.status, tekst: await r.text() };
    }
    throw new Error('te veel doorverwijzingen');
  }

  /** Submits the (only) form of a provider page with these fields added to its hidden ones. */
  async verstuurFormulier(pagina: { url: string; tekst: string }, velden: Record<string, string>) {
    const actie = /<form[^>]*action="([^"]+)"/.exec(pagina.tekst)?.[1];
    if (!actie) throw new Error(`geen formulier op ${pagina.url}: ${pagina.tekst.slice(0, 300)}`);
    const verborgen = Object.fromEntries([...pagina.tekst.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    return this.ga(new URL(actie.replaceAll('&amp;', '&'), pagina.url).href, { methode: 'POST', formulier: { ...verborgen, ...velden } });
  }
}

async function luister(server: Server): Promise<number> {
  await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
  return (server.address() as AddressInfo).port;
}

describeDatabases('OpenID Connect met een echte provider', (driver) => {
  const t = verseDatabase(driver);
  const providerServer = createServer();
  let issuer: string;
  const apps: Record<'claims' | 'account', { app: FastifyInstance; basis: string }> = {} as never;

  beforeAll(async () => {
    issuer = `http://127.0.0.1:${await luister(providerServer)}`;
    const clients: { client_id: string; client_secret: string; redirect_uris: string[] }[] = [];
    for (const rolBron of ['claims', 'account'] as const) {
      const oidc: OidcInstellingen = {
        issuer, clientId: `binnenboord-${rolBron}`, clientSecret: `geheim-van-de-test-${rolBron}`, redirectUri: 'wordt-gezet', rolBron,
        rolClaim: 'binnenboord_rol', scopeClaim: 'binnenboord_scope', accountClaim: 'email', scopes: ['email', 'profile', 'binnenboord'], onveiligHttp: true,
      };
      const app = await bouwApp({ db: t.db, webMap: null, geoMap: join(referentiedataMap(), 'geo'), inloggen: { oidc } });
      const basis = await app.listen({ port: 0, host: '127.0.0.1' });
      oidc.redirectUri = `${basis}/api/v1/sessie/oidc/terug`;
      clients.push({ client_id: oidc.clientId, client_secret: oidc.clientSecret, redirect_uris: [oidc.redirectUri] });
      apps[rolBron] = { app, basis };
    }
    const provider = new Provider(issuer, {
      clients,
      scopes: ['openid', 'email', 'profile', 'binnenboord'],
      claims: { openid: ['sub'], email: ['email'], profile: ['name'], binnenboord: ['binnenboord_rol', 'binnenboord_scope'] },
      findAccount: async (_ctx, id) => (PERSONEN[id] ? { accountId: id, claims: async () => ({ sub: id, ...PERSONEN[id] }) } : undefined),
      cookies: { keys: ['sleutel-voor-de-cookies-van-de-testprovider'] },
      features: { devInteractions: { enabled: true } },
    });
    providerServer.on('request', provider.callback());
    await maakAccount(t.db, { gebruikersnaam: 'beheerder@gemeente.example.org', weergavenaam: 'Beheerder gemeente', rol: 'beheer', wachtwoord: null });
  });
  afterAll(async () => {
    for (const a of Object.values(apps)) {
      const dicht = a.app.close();
      a.app.server.closeAllConnections();
      await dicht;
    }
    providerServer.closeAllConnections();
    await new Promise((klaar) => providerServer.close(klaar));
  });

  async function logInVia(rolBron: 'claims' | 'account', login: string): Promise<{ browser: Browser; eind: string }> {
    const browser = new Browser();
    const inlogpagina = await browser.ga(`${apps[rolBron].basis}/api/v1/sessie/oidc/start`);
    expect(new URL(inlogpagina.url).origin).toBe(issuer);
    expect(inlogpagina.tekst).toContain('name="login"');
    const toestemming = await browser.verstuurFormulier(inlogpagina, { login, password: 'elk-wachtwoord' });
    const terug = toestemming.tekst.includes('name="prompt" value="consent"') ? await browser.verstuurFormulier(toestemming, {}) : toestemming;
    return { browser, eind: terug.url };
  }

  async function wieBenIk(rolBron: 'claims' | 'account', browser: Browser) {
    const cookie = browser.koekjes.get('binnenboord_sessie');
    const r = await apps[rolBron].app.inject({ url: '/api/v1/sessie', headers: cookie ? { cookie: `binnenboord_sessie=${cookie}` } : {} });
    return r.json();
  }

  it('rol en scope uit claims: na login en toestemming bij de provider een sessie als rmc in regio 19, op de startpagina', async () => {
    const { browser, eind } = await logInVia('claims', 'medewerker-rmc');
    expect(new URL(eind).pathname).toBe('/werklijst');
    expect(browser.koekjes.get('binnenboord_oidc')).toBeUndefined();
    expect(await wieBenIk('claims', browser)).toMatchObject({
      ingelogd: true, startpagina: '/werklijst', gebruiker: { weergavenaam: 'Medewerker RMC', rol: 'rmc', scope: { soort: 'rmc-regio', code: '19' }, soort: 'persoon' },
    });
    // the account was made for beheer to see and block, without a password
    const account = await leesAccountOpOidcSub(t.db, 'medewerker-rmc');
    expect(account).toMatchObject({ gebruikersnaam: 'rmc@regio19.example.org', rol: 'rmc', heeftWachtwoord: false });
  });

  it('de sessie werkt als elke andere: CSRF-token, uitloggen beëindigt haar op de server', async () => {
    const { browser } = await logInVia('claims', 'schoolsysteembeheerder');
    const s = await wieBenIk('claims', browser);
    expect(s.gebruiker).toMatchObject({ rol: 'school', scope: { soort: 'brin', code: '20BB' } });
    const cookie = `binnenboord_sessie=${browser.koekjes.get('binnenboord_sessie')}`;
    const uit = await apps.claims.app.inject({ method: 'POST', url: '/api/v1/sessie/_uitloggen', headers: { cookie, 'x-csrf-token': s.csrfToken } });
    expect(uit.statusCode).toBe(204);
    expect((await apps.claims.app.inject({ url: '/api/v1/sessie', headers: { cookie } })).json().ingelogd).toBe(false);
  });

  it('een geblokkeerd OIDC-account komt niet binnen', async () => {
    await t.db.query("UPDATE account SET geblokkeerd = true WHERE oidc_sub = 'schoolsysteembeheerder'");
    const { browser, eind } = await logInVia('claims', 'schoolsysteembeheerder');
    expect(new URL(eind).pathname + new URL(eind).search).toBe('/inloggen?fout=oidc-geen-account');
    expect((await wieBenIk('claims', browser)).ingelogd).toBe(false);
  });

  it('zonder rol-claim: geen sessie, terug naar /inloggen met de reden', async () => {
    const { browser, eind } = await logInVia('claims', 'zonder-rol');
    expect(new URL(eind).pathname + new URL(eind).search).toBe('/inloggen?fout=oidc-rol');
    expect((await wieBenIk('claims', browser)).ingelogd).toBe(false);
  });

  it('rol uit het account: gekoppeld via e-mail aan het bestaande account, daarna via het subject; onbekenden komen niet binnen', async () => {
    const { browser } = await logInVia('account', 'bekende-beheerder');
    expect(await wieBenIk('account', browser)).toMatchObject({ ingelogd: true, gebruiker: { weergavenaam: 'Beheerder gemeente', rol: 'beheer' }, startpagina: '/beheer' });
    expect(await leesAccountOpOidcSub(t.db, 'bekende-beheerder')).toMatchObject({ gebruikersnaam: 'beheerder@gemeente.example.org' });
    const weer = await logInVia('account', 'bekende-beheerder');
    expect((await wieBenIk('account', weer.browser)).gebruiker.rol).toBe('beheer');
    const onbekend = await logInVia('account', 'onbekende');
    expect(new URL(onbekend.eind).search).toBe('?fout=oidc-geen-account');
  });

  it('een terugkeer zonder de state-cookie van deze browser (login-CSRF) of met een andere state wordt geweigerd', async () => {
    const browser = new Browser();
    const zonder = await browser.ga(`${apps.claims.basis}/api/v1/sessie/oidc/terug?code=abc&state=xyz`);
    expect(new URL(zonder.url).search).toBe('?fout=oidc-verlopen');
    await browser.ga(`${apps.claims.basis}/api/v1/sessie/oidc/start`);
    expect(browser.koekjes.get('binnenboord_oidc')).toBeDefined();
    const ander = await browser.ga(`${apps.claims.basis}/api/v1/sessie/oidc/terug?code=abc&state=een-andere-state`);
    expect(new URL(ander.url).search).toBe('?fout=oidc-verlopen');
    expect(browser.koekjes.get('binnenboord_sessie')).toBeUndefined();
  });

  it('GET /sessie noemt OIDC als inlogmethode', async () => {
    expect((await apps.claims.app.inject({ url: '/api/v1/sessie' })).json().inlogmethoden).toEqual(['wachtwoord', 'oidc']);
  });
});
