import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import { parseSchooljaar } from '../../src/domain/schooljaar.js';
import { voerTellingUit } from '../../src/telling/voerTellingUit.js';
import { describeDatabases, tijdelijkeMap, verseDatabase } from '../support/database.js';
import { vulTestdatabase } from './fixture.js';
import { bouwTestApp } from './openapiControle.js';

/**
 * Finished answers are kept per data version, access level, format and URL: a repeated
 * request gets the same answer with fresh security headers, and a new run shows at once
 * (here the version is re-read on every request).
 */
describeDatabases('API: bewaarde antwoorden', (driver) => {
  const t = verseDatabase(driver);
  let app: FastifyInstance;
  beforeAll(async () => {
    await vulTestdatabase(t.db, await tijdelijkeMap('cache-levering'));
    app = await bouwTestApp({ db: t.db, webMap: null, geoMap: join(referentiedataMap(), 'geo'), cache: { versieInterval: 0 } });
  });
  afterAll(() => app?.close());

  it('een herhaald verzoek krijgt hetzelfde antwoord, met alle headers', async () => {
    const a = await app.inject({ url: '/api/v1/rmc-regios/21?formaat=csv&tabel=trend' });
    const b = await app.inject({ url: '/api/v1/rmc-regios/21?formaat=csv&tabel=trend' });
    expect(b.body).toBe(a.body);
    for (const h of ['content-type', 'content-disposition', 'api-version', 'cache-control', 'x-frame-options', 'content-security-policy', 'vary']) {
      expect(b.headers[h], h).toBe(a.headers[h]);
    }
  });

  it('JSON en CSV van dezelfde URL worden apart bewaard', async () => {
    const json = await app.inject({ url: '/api/v1/rmc-regios' });
    const csv = await app.inject({ url: '/api/v1/rmc-regios', headers: { accept: 'text/csv' } });
    const weerJson = await app.inject({ url: '/api/v1/rmc-regios' });
    expect(json.headers['content-type']).toMatch(/json/);
    expect(csv.headers['content-type']).toMatch(/csv/);
    expect(weerJson.body).toBe(json.body);
  });

  it('een nieuwe telling is meteen zichtbaar', async () => {
    const voor = (await app.inject({ url: '/api/v1/schooljaren' })).json();
    await voerTellingUit(t.db, parseSchooljaar('2018-2019')!, { status: 'voorlopig', werkurenDrempel: 12 });
    const na = (await app.inject({ url: '/api/v1/schooljaren' })).json();
    expect(na.schooljaren.length).toBe(voor.schooljaren.length + 1);
    expect(na.schooljaren.at(-1).schooljaar).toBe('2018-2019');
  });

  it('fouten worden niet bewaard', async () => {
    const a = await app.inject({ url: '/api/v1/rmc-regios/99' });
    expect(a.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/v1/rmc-regios/99' })).statusCode).toBe(404);
  });
});
