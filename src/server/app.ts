import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Db } from '../db/database.js';
import type { Toegang } from '../domain/openbaarmaking.js';
import { Antwoordcache, type CacheOpties } from './cache.js';
import { alsCsv, kiesFormaat, type Formaat } from './csv.js';
import { cors } from './cors.js';
import { schermAf } from './disclosure.js';
import { maakGegevens } from './gegevens.js';
import { Padmethoden } from './methoden.js';
import { API_PREFIX, swaggerOpties } from './openapi.js';
import { foutafhandeling } from './problems.js';
import { apiRoutes } from './routes/index.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { beveiligingsheaders, isApi } from './securityHeaders.js';
import { controleerParameters } from './validation.js';
import { registreerWeb } from './web.js';
import { alsXlsx, XLSX_TYPE } from './xlsx.js';

/**
 * The one Fastify application: the API under /api/v1 and the web app at /. Cross-cutting
 * rules live here as hooks, so that no route can forget them: parameter checking, security
 * headers, disclosure control and CSV on every response, problem+json on every error.
 */
export interface AppOpties {
  db: Db;
  /** folder with the built web app (index.html); null: no web app */
  webMap: string | null;
  /** folder with the shared TopoJSON boundaries */
  geoMap: string;
  logger?: FastifyServerOptions['logger'];
  cache?: CacheOpties;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who may see what: everyone is 'openbaar' until there is a login. */
    toegang: Toegang;
    formaat: Formaat;
    /** set when this answer may be kept: the data version it was made from */
    cacheVersie: string | null;
  }
  interface FastifyContextConfig {
    /** false: never keep this route's answers (default: kept per data version) */
    bewaar?: boolean;
  }
}

/** Response headers that belong to a kept answer; the security headers are added anew every time. */
const BEWAARDE_HEADERS = ['content-type', 'content-disposition', 'link', 'vary'];

export async function bouwApp(opties: AppOpties): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opties.logger ?? false,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: true, keywords: ['example'] } },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 100 },
    bodyLimit: 16 * 1024,
    // On shutdown, keep-alive connections without a request in flight are closed at once.
    forceCloseConnections: 'idle',
  });

  // Answers are serialised with JSON.stringify: they are plain objects made by the disclosure
  // hook, and the schemas' oneOf (a count or "<5") makes the schema-driven serialiser test
  // every value against both alternatives, several times slower at national scale.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('toegang', 'openbaar');
  app.decorateRequest('formaat', 'json');
  app.decorateRequest('cacheVersie', null);
  const cache = new Antwoordcache(opties.db, opties.cache);
  const sleutel = (request: FastifyRequest) => `${request.toegang}\n${request.formaat}\n${request.url}`;
  app.setErrorHandler(foutafhandeling);

  const csvRoutes = new Set<string>();
  const padmethoden = new Padmethoden();
  app.addHook('onRoute', (route) => {
    if (isApi(route.url)) padmethoden.registreer(route.url, route.method);
    if (!route.config?.csv) return;
    const pad = route.url.replace(/:(\w+)/g, '{$1}');
    for (const m of [route.method].flat()) csvRoutes.add(`${m} ${pad}`);
  });

  app.addHook('onSend', beveiligingsheaders);
  app.addHook('onRequest', cors);

  app.addHook('preValidation', async (request) => {
    const q = request.query as Record<string, unknown> | undefined;
    // An empty field of a GET form means "not given", as it does for a person filling it in.
    if (q) for (const [k, v] of Object.entries(q)) if (v === '') delete q[k];
    controleerParameters(request.routeOptions.schema, (request.params ?? {}) as Record<string, unknown>, q ?? {});
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!isApi(request.url)) return;
    const csv = Boolean(request.routeOptions.config.csv);
    request.formaat = kiesFormaat(request, csv);
    if (csv) reply.header('Vary', 'Accept');
    if (request.method !== 'GET' || request.routeOptions.config.bewaar === false) return;
    // Answers depend on the data version, the access level, the format and the URL only.
    const versie = await cache.versie();
    const bewaard = cache.haal(sleutel(request), versie);
    if (bewaard) return reply.headers(bewaard.headers).send(bewaard.body);
    request.cacheVersie = versie;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.cacheVersie === null || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const headers: Record<string, string> = {};
    for (const h of BEWAARDE_HEADERS) {
      const w = reply.getHeader(h);
      if (w !== undefined) headers[h] = String(w);
    }
    cache.bewaar(sleutel(request), request.cacheVersie, { body: payload, headers });
    return payload;
  });

  // Disclosure control, then CSV or xlsx: what is downloaded is made from what was published.
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const gepubliceerd = schermAf(payload, request.toegang);
    const maker = request.routeOptions.config.csv;
    if (request.formaat === 'json' || !maker || reply.statusCode >= 300) return gepubliceerd;
    const gekozen = (request.query as { tabel?: string }).tabel;
    const tabellen = maker(gepubliceerd).filter((t) => !gekozen || t.naam === gekozen);
    const pad = request.url.split('?')[0]!.slice(API_PREFIX.length + 1).replaceAll('/', '-');
    const jaar = (request.query as { schooljaar?: string }).schooljaar;
    const bestand = ['vsv', pad, jaar, gekozen].filter(Boolean).join('-').replace(/[^A-Za-z0-9-]/g, '-');
    if (request.formaat === 'xlsx') {
      // The same published tables as the CSV, as a workbook with a sheet per table (xlsx.ts).
      const boek = await alsXlsx(tabellen, { titel: bestand.replaceAll('-', ' '), url: request.url });
      reply.type(XLSX_TYPE).header('Content-Disposition', `attachment; filename="${bestand}.xlsx"`);
      reply.serializer(() => boek as unknown as string);
      return boek;
    }
    reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${bestand}.csv"`);
    const csv = alsCsv(tabellen);
    reply.serializer(() => csv);
    return csv;
  });

  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  await app.register(fastifySwagger, swaggerOpties(csvRoutes));

  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async (_request, reply) => {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(app.swagger()));
  });

  // The API's front door: where its description and its main resources are (no figures here).
  const voordeur = JSON.stringify({
    naam: 'Binnenboord API: vsv-cijfers',
    _links: {
      self: { href: `${API_PREFIX}` },
      openapi: { href: `${API_PREFIX}/openapi.json`, title: 'OpenAPI-beschrijving' },
      schooljaren: { href: `${API_PREFIX}/schooljaren` },
      landelijk: { href: `${API_PREFIX}/landelijk/reeks` },
      rmcRegios: { href: `${API_PREFIX}/rmc-regios` },
      gemeenten: { href: `${API_PREFIX}/gemeenten` },
      instellingen: { href: `${API_PREFIX}/instellingen` },
    },
  });
  for (const pad of [API_PREFIX, `${API_PREFIX}/`]) {
    app.get(pad, { schema: { hide: true } }, async (_request, reply) => reply.type('application/json; charset=utf-8').send(voordeur));
  }

  await app.register(apiRoutes, { prefix: API_PREFIX, db: opties.db, geoMap: opties.geoMap, gegevens: maakGegevens(opties.db, cache) });
  await registreerWeb(app, opties.webMap, padmethoden);
  return app;
}
