import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_VERSIE } from '../../src/server/openapi.js';
import { describeDatabases, tijdelijkeMap } from '../support/database.js';
import { ENDPOINTS, apiomgeving } from './omgeving.js';

/**
 * The API Design Rules that hold for every endpoint: the published OpenAPI document, the
 * API-Version header, security headers, problem+json errors naming every invalid parameter,
 * content negotiation, paging links; and the web app served beside the API.
 */
describeDatabases('API: protocol', (driver) => {
  const api = apiomgeving(driver);

  it('publiceert een OpenAPI 3-document zonder inlog, met elk endpoint en contactgegevens', async () => {
    const r = await api.get('/api/v1/openapi.json');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.info.version).toBe(API_VERSIE);
    expect(doc.info.contact).toMatchObject({ name: expect.any(String), email: expect.any(String), url: expect.any(String) });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/api/v1' })]);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/audit/_zoek', '/gemeenten', '/gemeenten/{gemeenteCode}', '/instellingen', '/instellingen/{brin}', '/kaarten/gemeenten',
      '/kaarten/rmc-regios', '/landelijk/kerncijfers', '/landelijk/reeks', '/personen/_zoek', '/rechten', '/rmc-regios', '/rmc-regios/{rmcCode}',
      '/schooljaren', '/tellingen/{runId}', '/vergelijking', '/vergelijking/groepen',
      // logging in and beheer (issue 8)
      '/accounts', '/accounts/{id}', '/accounts/{id}/_wachtwoord', '/machineclients', '/machineclients/{id}', '/machineclients/{id}/_sleutel',
      '/sessie', '/sessie/_inloggen', '/sessie/_uitloggen',
      // absence reports (issue 10)
      '/leerlingen/_zoek', '/verzuimmeldingen', '/verzuimmeldingen/_importeren', '/verzuimmeldingen/_zoek',
      '/verzuimmeldingen/{meldingId}', '/verzuimmeldingen/{meldingId}/acties', '/verzuimcijfers',
      // public absence figures (issue 10 item 5)
      '/verzuim', '/verzuim/schooljaren', '/rmc-regios/{rmcCode}/verzuim',
      // monthly lists, dossiers, worklist, effect report (issue 9)
      '/lijsten/_zoek', '/dossiers/_zoek', '/dossiers/{dossierId}', '/dossiers/{dossierId}/gebeurtenissen', '/werklijst/_zoek',
      '/rmc-regios/{rmcCode}/effectrapportage', '/rmc-regios/{rmcCode}/effectrapportage/_dossiers', '/rmc-regios/{rmcCode}/instellingen',
      // the warm handover of dossiers (issue 9 item 4)
      '/overdrachten/_zoek', '/overdrachten/{overdrachtId}/verzending', '/overdrachten/{overdrachtId}/aanvaarding', '/overdrachten/{overdrachtId}/weigering',
    ].sort());
    for (const [pad, operaties] of Object.entries<Record<string, { responses: Record<string, { headers?: object; content?: object }> }>>(doc.paths)) {
      // kebab-case segments; the last may be an action (/_zoek), as the API Design Rules allow
      expect(pad).toMatch(/^(\/([a-z0-9]+(-[a-z0-9]+)*|\{[a-zA-Z]+\}))+(\/_[a-z]+)?$/);
      for (const op of Object.values(operaties)) {
        const ok = Object.keys(op.responses).find((c) => /^2\d\d$/.test(c))!;
        expect(op.responses[ok]!.headers).toHaveProperty('API-Version');
        expect(op.responses['400']!.content).toHaveProperty(['application/problem+json']);
      }
    }
    expect(doc.paths['/rmc-regios'].get.responses['200'].content).toHaveProperty(['text/csv']);
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.schemas).toHaveProperty('Cijfer');
  });

  it('/api/v1 en /api/v1/ wijzen de weg: naar de OpenAPI-beschrijving en de hoofdingangen, die alle bestaan', async () => {
    for (const url of ['/api/v1', '/api/v1/']) {
      const r = await api.get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toContain('application/json');
      const links = (r.json() as { _links: Record<string, { href: string }> })._links;
      expect(links.openapi!.href).toBe('/api/v1/openapi.json');
      for (const [naam, l] of Object.entries(links)) {
        if (naam === 'self') continue;
        expect((await api.get(l.href)).statusCode, l.href).toBe(200);
      }
    }
  });

  it('stuurt API-Version en de beveiligingsheaders bij elk antwoord, ook bij fouten', async () => {
    for (const url of ['/api/v1/openapi.json', '/api/v1/rmc-regios', '/api/v1/rmc-regios/99', '/api/v1/bestaat-niet', '/api/v1/rmc-regios?x=1']) {
      const r = await api.get(url);
      expect(r.headers['api-version'], url).toBe(API_VERSIE);
      expect(r.headers['cache-control'], url).toBe('no-store');
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['x-frame-options'], url).toBe('DENY');
      expect(r.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(r.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      expect(r.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('405 met Allow en problem+json voor een verkeerde methode op een bestaand pad; 404 blijft voor onbekende paden', async () => {
    for (const [method, url] of [['POST', '/api/v1/rmc-regios'], ['DELETE', '/api/v1/rmc-regios/21'], ['PUT', '/api/v1/instellingen/10AA?x=1'],
      ['PATCH', '/api/v1/openapi.json'], ['OPTIONS', '/api/v1/schooljaren'], ['DELETE', '/api/v1']] as const) {
      const r = await api.app.inject({ method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(405);
      expect(r.headers.allow, `${method} ${url}`).toBe('GET, HEAD');
      expect(r.headers['content-type'], `${method} ${url}`).toBe('application/problem+json; charset=utf-8');
      expect(r.json(), `${method} ${url}`).toMatchObject({
        status: 405, title: 'Methode niet toegestaan', detail: expect.stringContaining(method), instance: url.split('?')[0],
      });
      expect(r.headers['api-version']).toBe(API_VERSIE);
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(r.headers['cache-control']).toBe('no-store');
    }
    for (const [method, url] of [['POST', '/api/v1/bestaat-niet'], ['GET', '/api/v1/rmc-regios/21/extra'], ['POST', '/api/v1/rmc-regios/21/extra'],
      ['DELETE', '/api/v1/bestaat/niet']] as const) {
      const r = await api.app.inject({ method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
      expect(r.headers.allow, `${method} ${url}`).toBeUndefined();
      expect(r.headers['content-type'], `${method} ${url}`).toBe('application/problem+json; charset=utf-8');
    }
    const head = await api.app.inject({ method: 'HEAD', url: '/api/v1/rmc-regios' });
    expect(head.statusCode).toBe(200);
  });

  it('elk endpoint antwoordt 200 met JSON', async () => {
    for (const e of ENDPOINTS) {
      const r = await api.get(e.url);
      expect(r.statusCode, `${e.url}: ${r.body.slice(0, 300)}`).toBe(200);
      expect(r.headers['content-type'], e.url).toMatch(/^application\/json; charset=utf-8/);
    }
  });

  it('een 400 is problem+json en noemt elke ongeldige parameter, in pad en query samen', async () => {
    const r = await api.get('/api/v1/rmc-regios/ABC?schooljaar=2019-2021&status=concept&formaat=xml&foo=1&tabel=x');
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const p = r.json();
    expect(p).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String), instance: '/api/v1/rmc-regios/ABC' });
    expect(p.invalidParams.map((i: { name: string }) => i.name).sort()).toEqual(['foo', 'formaat', 'rmcCode', 'schooljaar', 'status', 'tabel']);
    for (const i of p.invalidParams) expect(i.reason.length).toBeGreaterThan(5);
    expect(p.invalidParams.find((i: { name: string }) => i.name === 'status').reason).toContain('definitief, voorlopig');
  });

  it('controleert getallen, grenzen en herhaalde parameters', async () => {
    const r = await api.get('/api/v1/instellingen?pagina=0&paginaGrootte=abc&naam=a&naam=b');
    expect(r.statusCode).toBe(400);
    const namen = r.json().invalidParams.map((i: { name: string; code: string }) => `${i.name}:${i.code}`).sort();
    expect(namen).toEqual(['naam:repeated', 'pagina:minimum', 'paginaGrootte:type']);
    const groot = await api.get('/api/v1/instellingen?paginaGrootte=101');
    expect(groot.json().invalidParams).toEqual([expect.objectContaining({ name: 'paginaGrootte', code: 'maximum' })]);
  });

  it('vergelijking zonder keuze of met onbekende codes: 400 met de betrokken parameters', async () => {
    const leeg = (await api.get('/api/v1/vergelijking')).json();
    expect(leeg.status).toBe(400);
    expect(leeg.invalidParams.map((i: { name: string }) => i.name)).toEqual(['rmcCodes', 'gemeenteCodes', 'brins']);
    const onbekend = (await api.get('/api/v1/vergelijking?rmcCodes=99&brins=99ZZ')).json();
    expect(onbekend.invalidParams.map((i: { name: string }) => i.name)).toEqual(['rmcCodes', 'brins']);
    const teveel = await api.get('/api/v1/vergelijking?rmcCodes=01,02,03,04,05,06,07,08,09');
    expect(teveel.statusCode).toBe(400);
  });

  it('404 als problem+json: onbekende bron, regio, gemeente, instelling, telling of schooljaar', async () => {
    for (const url of ['/api/v1/bestaat-niet', '/api/v1/rmc-regios/99', '/api/v1/gemeenten/GM9999', '/api/v1/instellingen/99ZZ',
      '/api/v1/tellingen/999', '/api/v1/landelijk/kerncijfers?schooljaar=2001-2002']) {
      const r = await api.get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toBe('application/problem+json; charset=utf-8');
      expect(r.json(), url).toMatchObject({ status: 404, title: 'Niet gevonden', detail: expect.any(String) });
    }
  });

  it('Accept: text/csv of formaat=csv geeft CSV; een Accept die niets toelaat geeft 406', async () => {
    const csv = await api.get('/api/v1/rmc-regios', { accept: 'text/csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="vsv-rmc-regios\.csv"$/);
    expect(csv.headers.vary).toBe('Accept');
    const voorkeur = await api.get('/api/v1/rmc-regios', { accept: 'application/json;q=0.5, text/csv' });
    expect(voorkeur.headers['content-type']).toMatch(/^text\/csv/);
    const browser = await api.get('/api/v1/rmc-regios', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' });
    expect(browser.headers['content-type']).toMatch(/^application\/json/);
    const xml = await api.get('/api/v1/rmc-regios', { accept: 'application/xml' });
    expect(xml.statusCode).toBe(406);
    expect(xml.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const kaartCsv = await api.get('/api/v1/kaarten/rmc-regios', { accept: 'text/csv' });
    expect(kaartCsv.statusCode).toBe(406);
  });

  it('pagineert instellingen met _links en een Link-header', async () => {
    const p1 = await api.get('/api/v1/instellingen?paginaGrootte=3');
    const b1 = p1.json();
    expect(b1.paginering).toEqual({ pagina: 1, paginaGrootte: 3, totaalAantal: 4, aantalPaginas: 2 });
    expect(b1.instellingen).toHaveLength(3);
    expect(b1._links.self.href).toBe('/api/v1/instellingen?paginaGrootte=3&pagina=1');
    expect(b1._links.next.href).toBe('/api/v1/instellingen?paginaGrootte=3&pagina=2');
    expect(b1._links.last.href).toBe('/api/v1/instellingen?paginaGrootte=3&pagina=2');
    expect(b1._links.prev).toBeUndefined();
    expect(p1.headers.link).toContain('</api/v1/instellingen?paginaGrootte=3&pagina=2>; rel="next"');
    const b2 = (await api.get(b1._links.next.href)).json();
    expect(b2.instellingen).toHaveLength(1);
    expect(b2._links.next).toBeUndefined();
    expect(b2._links.prev.href).toBe('/api/v1/instellingen?paginaGrootte=3&pagina=1');
    const allen = [...b1.instellingen, ...b2.instellingen].map((i: { brin: string }) => i.brin);
    expect(allen.sort()).toEqual(['10AA', '20BB', '30CC', '40DD']);
    const voorbij = (await api.get('/api/v1/instellingen?paginaGrootte=3&pagina=9')).json();
    expect(voorbij.instellingen).toEqual([]);
    expect(voorbij.paginering.totaalAantal).toBe(4);
  });

  it('geen persoonsgegevens in URL\'s: geen pad of parameter naar personen', async () => {
    const doc = (await api.get('/api/v1/openapi.json')).json();
    // A path may name a collection searched with a POST body (/personen/_zoek); no path or
    // query parameter may carry an identifier of a person or its audit reference.
    for (const [pad, operaties] of Object.entries<Record<string, { parameters?: { name: string; in: string }[] }>>(doc.paths)) {
      expect(pad.toLowerCase()).not.toMatch(/\{[^}]*(persoon|bsn|onderwijsnummer|referentie)/);
      for (const op of Object.values(operaties)) {
        for (const p of op.parameters ?? []) expect(p.name.toLowerCase()).not.toMatch(/persoon|bsn|onderwijsnummer|referentie/);
      }
    }
  });
});

describeDatabases('API: lege database', (driver) => {
  const api = apiomgeving(driver, { leeg: true });

  it('zonder telling: lege lijsten waar dat kan, anders 404 met uitleg', async () => {
    expect((await api.json('/api/v1/schooljaren')).schooljaren).toEqual([]);
    expect((await api.json('/api/v1/landelijk/reeks')).reeks).toEqual([]);
    expect((await api.json('/api/v1/instellingen')).telling).toBeNull();
    const r = await api.get('/api/v1/landelijk/kerncijfers');
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toContain('nog geen');
  });
});

describe('web app naast de API', () => {
  let webMap: string;
  beforeAll(async () => {
    webMap = await tijdelijkeMap('web');
    await mkdir(join(webMap, 'assets'));
    await writeFile(join(webMap, 'index.html'), '<!doctype html><title>Binnenboord</title><div id="root"></div>');
    await writeFile(join(webMap, 'assets', 'app-abc123.js'), 'console.log(1)');
  });

  describeDatabases('statische bestanden', (driver) => {
    const api = apiomgeving(driver, { leeg: true, get webMap() { return webMap; } });

    it('serveert index.html op / en op elke pagina-URL, met een strikte CSP', async () => {
      for (const url of ['/', '/regio/21', '/instelling/10AA?schooljaar=2019-2020', '/kaart']) {
        const r = await api.get(url);
        expect(r.statusCode, url).toBe(200);
        expect(r.headers['content-type'], url).toMatch(/^text\/html/);
        expect(r.body).toContain('<div id="root">');
        const csp = String(r.headers['content-security-policy']);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).toContain("frame-ancestors 'none'");
        expect(r.headers['x-frame-options']).toBe('DENY');
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['referrer-policy']).toBe('no-referrer');
        expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      }
    });

    it('bestanden met een hash mogen lang in de cache; ontbrekende bestanden zijn 404', async () => {
      const js = await api.get('/assets/app-abc123.js');
      expect(js.statusCode).toBe(200);
      expect(js.headers['cache-control']).toContain('immutable');
      expect((await api.get('/assets/bestaat-niet.js')).statusCode).toBe(404);
    });
  });
});
