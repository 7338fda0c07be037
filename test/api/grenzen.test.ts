import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import type { AppOpties } from '../../src/server/app.js';
import { describeDatabases, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { vulTestdatabase } from './fixture.js';
import { bouwTestApp } from './openapiControle.js';

/**
 * The API under pressure (grenzen.ts, cache.ts, validation.ts): answers are kept per
 * validated parameters, unknown parameters are refused even when empty, a client that asks
 * too much gets 429, and an answer that takes too long becomes a 503.
 */
describeDatabases('API: grenzen', (driver) => {
  const t = verseDatabase(driver);
  /** While set, every query of the applications below waits until it is opened. */
  let dicht: { open: () => void; geopend: Promise<void> } | null = null;
  let bezig = 0;
  const apps: FastifyInstance[] = [];

  /** The test database behind a gate: closed, no query gets through until it opens. */
  function metPoort(db: Db): Db {
    const via = async <T>(werk: () => Promise<T>): Promise<T> => {
      bezig += 1;
      try {
        if (dicht) await dicht.geopend;
        return await werk();
      } finally {
        bezig -= 1;
      }
    };
    return {
      ...db,
      soort: db.soort,
      query: (sql, params) => via(() => db.query(sql, params)),
      queryArrays: (sql, params) => via(() => db.queryArrays(sql, params)),
      // the public figures are read through the public door: the gate must stand there too
      publiekeDeur: async () => metPoort(await db.publiekeDeur()),
    } as Db;
  }

  async function app(opties: Partial<AppOpties> = {}): Promise<FastifyInstance> {
    const a = await bouwTestApp({ db: metPoort(t.db), webMap: null, geoMap: join(referentiedataMap(), 'geo'), ...opties });
    apps.push(a);
    return a;
  }

  beforeAll(async () => {
    await vulTestdatabase(t.db, await tijdelijkeMap('grenzen-levering'));
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
  });

  it('bewaart één antwoord per gecontroleerde parameters: volgorde, standaardwaarden en 020 = 20 maken geen nieuw antwoord', async () => {
    const a = await app({ cache: { versieInterval: 60_000 } });
    let berekend = 0;
    // preSerialization runs only for an answer a route made, never for a kept one.
    a.addHook('preSerialization', async (_request, _reply, payload) => {
      berekend += 1;
      return payload;
    });
    const urls = [
      '/api/v1/instellingen?naam=ROC&paginaGrootte=20',
      '/api/v1/instellingen?paginaGrootte=20&naam=ROC',
      '/api/v1/instellingen?naam=ROC&paginaGrootte=020&pagina=1',
      '/api/v1/instellingen?pagina=1&naam=ROC&paginaGrootte=20&formaat=json',
      '/api/v1/instellingen?naam=ROC&paginaGrootte=20&status=',
    ];
    const antwoorden = [];
    for (const url of urls) {
      const r = await a.inject({ url });
      expect(r.statusCode, url).toBe(200);
      antwoorden.push(r.body);
    }
    expect(berekend).toBe(1);
    expect(new Set(antwoorden).size).toBe(1);

    // Another value is another answer; CSV of the same parameters is kept apart from JSON.
    expect((await a.inject({ url: '/api/v1/instellingen?naam=ROC&paginaGrootte=19' })).statusCode).toBe(200);
    expect(berekend).toBe(2);
    const csv = await a.inject({ url: '/api/v1/instellingen?paginaGrootte=20&naam=ROC&formaat=csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect((await a.inject({ url: '/api/v1/instellingen?naam=ROC&paginaGrootte=20', headers: { accept: 'text/csv' } })).body).toBe(csv.body);
    expect(berekend).toBe(3);
  });

  it('weigert een onbekende parameter, ook als die leeg is, en noemt hem; een lege bekende parameter telt als niet gegeven', async () => {
    const a = await app();
    for (const url of ['/api/v1/rmc-regios?foo=', '/api/v1/rmc-regios?foo=1', '/api/v1/rmc-regios?schooljaar=&foo=']) {
      const r = await a.inject({ url });
      expect(r.statusCode, url).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().invalidParams, url).toEqual([expect.objectContaining({ name: 'foo', code: 'unknown' })]);
    }
    const leeg = await a.inject({ url: '/api/v1/rmc-regios?schooljaar=&status=' });
    expect(leeg.statusCode).toBe(200);
    expect(leeg.body).toBe((await a.inject({ url: '/api/v1/rmc-regios' })).body);
  });

  it('geeft een client die te veel vraagt 429 als problem+json met Retry-After; andere clients merken er niets van', async () => {
    // 18 a minute is counted as 3 per 10 seconds.
    const a = await app({ grenzen: { verzoekenPerMinuut: 18 } });
    const vraag = (url: string, remoteAddress = '192.0.2.1') => a.inject({ url, remoteAddress });
    for (let i = 0; i < 3; i += 1) {
      const r = await vraag('/api/v1/schooljaren');
      expect(r.statusCode).toBe(200);
      expect(r.headers['x-ratelimit-limit']).toBe('3');
    }
    // Errors count too: a client cannot hammer with invalid requests instead.
    const r = await vraag('/api/v1/rmc-regios?foo=');
    expect(r.statusCode).toBe(429);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const wacht = Number(r.headers['retry-after']);
    expect(Number.isInteger(wacht) && wacht >= 1 && wacht <= 10, `Retry-After ${r.headers['retry-after']}`).toBe(true);
    expect(r.json()).toMatchObject({ status: 429, title: 'Te veel verzoeken', detail: expect.stringContaining('18 per minuut per client (3 per 10 seconden)') });
    expect(r.headers['api-version']).toBeDefined();
    expect((await vraag('/api/v1/schooljaren', '192.0.2.2')).statusCode).toBe(200);
    // The OpenAPI document describes it for every operation.
    const doc = (await vraag('/api/v1/openapi.json', '192.0.2.3')).json();
    for (const [pad, operaties] of Object.entries<Record<string, { responses: Record<string, { headers?: object }> }>>(doc.paths)) {
      for (const [methode, op] of Object.entries(operaties)) {
        expect(op.responses['429']?.headers, `${methode} ${pad}`).toHaveProperty('Retry-After');
        expect(op.responses['503']?.headers, `${methode} ${pad}`).toHaveProperty('Retry-After');
      }
    }
  });

  it('geeft een client de ingestelde tijd om zijn verzoek te versturen (requestTimeout) en sluit stille verbindingen daarna', async () => {
    const a = await app({ verzoekTijdlimiet: 5_000, grenzen: { antwoordTijdlimiet: 7_000 } });
    expect(a.server.requestTimeout).toBe(5_000);
    expect(a.server.timeout).toBe(12_000);
    const standaard = await app();
    expect(standaard.server.requestTimeout).toBe(30_000);
  });

  it('beantwoordt een verzoek dat te lang duurt met 503 als problem+json met Retry-After, en blijft daarna gewoon werken', async () => {
    // Far above what a normal answer takes here, even on a busy machine: only the closed gate makes it run out.
    const a = await app({ grenzen: { antwoordTijdlimiet: 5_000 }, cache: { versieInterval: 60_000 } });
    expect((await a.inject({ url: '/api/v1/schooljaren' })).statusCode).toBe(200);
    let open = () => {};
    dicht = { open: () => open(), geopend: new Promise<void>((klaar) => { open = klaar; }) };
    try {
      // The data version is known, so the route itself is what waits on the database here.
      const r = await a.inject({ url: '/api/v1/rmc-regios/21' });
      expect(r.statusCode).toBe(503);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.json()).toMatchObject({ status: 503, detail: expect.stringContaining('5 seconden'), instance: '/api/v1/rmc-regios/21' });
      expect(bezig).toBeGreaterThan(0);
    } finally {
      dicht.open();
      dicht = null;
    }
    // The dropped work finishes and sends nothing more; then the same request is answered.
    while (bezig > 0) await new Promise((klaar) => setTimeout(klaar, 20));
    const weer = await a.inject({ url: '/api/v1/rmc-regios/21' });
    expect(weer.statusCode).toBe(200);
    expect(weer.json().rmcCode).toBe('21');
  });
});
