import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { referentiedataMap } from '../../src/config.js';
import type { Db } from '../../src/db/database.js';
import type { Grenzen } from '../../src/server/grenzen.js';
import { tijdelijkeMap, verseDatabase, type Testdriver } from '../support/database.js';
import { testgebruikerUitHeader } from '../support/toegang.js';
import { vulTestdatabase } from './fixture.js';
import { bouwTestApp } from './openapiControle.js';

/**
 * One application on a fresh database with the test delivery counted, for the tests of a
 * suite; requests go in through `inject` (no network). Every JSON answer is checked against
 * the OpenAPI document (openapiControle.ts).
 */
export interface Apiomgeving {
  readonly app: FastifyInstance;
  readonly db: Db;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  // Tests read answers loosely; the shapes are checked by the assertions themselves.
  json<T = any>(url: string): Promise<T>;
}

export function apiomgeving(driver: Testdriver, opties: {
  leeg?: boolean; webMap?: string | null; geoMap?: string;
  /** folder name of the test delivery, which becomes levering.naam (default: a temporary name) */
  leveringsnaam?: string;
  /** another delivery than the standard test delivery (written into the folder, imported and counted) */
  vul?: (db: Db, map: string) => Promise<void>;
  /** ms for filling the database (default: the configured hook timeout) */
  timeout?: number;
  grenzen?: Grenzen;
  /** TEST ONLY: take the user from the test header (test/support/toegang.ts) */
  testgebruikers?: boolean;
} = {}): Apiomgeving {
  const t = verseDatabase(driver);
  let app: FastifyInstance | null = null;
  beforeAll(async () => {
    if (!opties.leeg) {
      let map = await tijdelijkeMap('api-levering');
      if (opties.leveringsnaam) await mkdir((map = join(map, opties.leveringsnaam)));
      await (opties.vul ?? vulTestdatabase)(t.db, map);
    }
    app = await bouwTestApp({
      db: t.db, webMap: opties.webMap ?? null, geoMap: opties.geoMap ?? join(referentiedataMap(), 'geo'), ...(opties.grenzen ? { grenzen: opties.grenzen } : {}),
      ...(opties.testgebruikers ? { testgebruiker: testgebruikerUitHeader } : {}),
    });
    await app.ready();
  }, opties.timeout);
  afterAll(async () => {
    await app?.close();
  });
  const omgeving: Apiomgeving = {
    get app() {
      if (!app) throw new Error('de app is er pas in beforeAll');
      return app;
    },
    get db() {
      return t.db;
    },
    get: (url, headers = {}) => omgeving.app.inject({ method: 'GET', url, headers } satisfies InjectOptions),
    async json(url) {
      const r = await omgeving.get(url);
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
      return r.json();
    },
  };
  return omgeving;
}

/** Every endpoint with the parameters the tests use; CSV-capable ones are marked. */
export const ENDPOINTS: readonly { url: string; csv: boolean }[] = [
  { url: '/api/v1/schooljaren', csv: true },
  { url: '/api/v1/tellingen/1', csv: true },
  { url: '/api/v1/landelijk/reeks', csv: true },
  { url: '/api/v1/landelijk/kerncijfers', csv: true },
  { url: '/api/v1/rmc-regios', csv: true },
  { url: '/api/v1/rmc-regios/19', csv: true },
  { url: '/api/v1/gemeenten', csv: true },
  { url: '/api/v1/gemeenten/GM0344', csv: true },
  { url: '/api/v1/instellingen?naam=ROC', csv: true },
  { url: '/api/v1/instellingen/20BB', csv: true },
  { url: '/api/v1/vergelijking?rmcCodes=19,21&gemeenteCodes=GM0344&brins=20BB', csv: true },
  { url: '/api/v1/kaarten/rmc-regios', csv: false },
  { url: '/api/v1/kaarten/gemeenten', csv: false },
];

/** A CSV text as rows of named fields (handles quotes; strips the BOM). */
export function leesCsv(tekst: string): Record<string, string>[] {
  const rijen: string[][] = [];
  let veld = '';
  let rij: string[] = [];
  let inAanhalingstekens = false;
  const t = tekst.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i += 1) {
    const c = t[i]!;
    if (inAanhalingstekens) {
      if (c === '"' && t[i + 1] === '"') {
        veld += '"';
        i += 1;
      } else if (c === '"') inAanhalingstekens = false;
      else veld += c;
    } else if (c === '"') inAanhalingstekens = true;
    else if (c === ',') {
      rij.push(veld);
      veld = '';
    } else if (c === '\n') {
      rij.push(veld.replace(/\r$/, ''));
      rijen.push(rij);
      rij = [];
      veld = '';
    } else veld += c;
  }
  const [kop, ...data] = rijen;
  return data.map((r) => Object.fromEntries(kop!.map((k, i) => [k, r[i] ?? ''])));
}
