import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from '../db/database.js';
import type { Toegang } from '../domain/openbaarmaking.js';
import { BELEID, isHandeling } from '../domain/toegang/beleid.js';
import { registreerAuth } from './auth/index.js';
import { STANDAARD_INLOGOPTIES, type InlogOpties } from './auth/opties.js';
import { oidcRoutes } from './auth/oidc.js';
import { inlogRoutes } from './auth/routes.js';
import { Antwoordcache, cachesleutel, type CacheOpties } from './cache.js';
import { alsCsv, kiesFormaat, type Formaat } from './csv.js';
import { cors } from './cors.js';
import { schermAf } from './openbaarmaking.js';
import { maakGegevens } from './gegevens.js';
import { registreerGrenzen, STANDAARD_ANTWOORD_TIJDLIMIET, type Grenzen } from './grenzen.js';
import { Padmethoden } from './methoden.js';
import { API_PREFIX, swaggerOpties } from './openapi.js';
import { foutafhandeling } from './problems.js';
import { apiRoutes, beschermdeRoutes } from './routes/index.js';
import type { Verzuiminstellingen } from './routes/verzuim.js';
import { STANDAARD_ACHTERSTAND_WEKEN } from '../domain/verzuim/achterstand.js';
import { SHARED_SCHEMAS } from './schemas.js';
import { beveiligingsheaders, isApi } from './securityHeaders.js';
import { controleerParameters } from './validation.js';
import { registreerToegang, type Testgebruiker, type Toegangsroute } from './toegang.js';
import { registreerWeb } from './web.js';
import { alsXlsx, XLSX_TYPE } from './xlsx.js';

/**
 * The one Fastify application: the API under /api/v1 and the web app at /. Cross-cutting
 * rules live here as hooks, so that no route can forget them: parameter checking, security
 * headers, openbaarmaking and CSV on every response, problem+json on every error.
 */
export interface AppOpties {
  /** the full database: person data and the audit trail, for the protected routes only */
  db: Db;
  /** the public door (src/db/publiek.ts) for the public figures; default: `db.publiekeDeur()` */
  publiek?: Db;
  /** folder with the built web app (index.html); null: no web app */
  webMap: string | null;
  /** folder with the TopoJSON boundaries (referentiedata/geo) */
  geoMap: string;
  logger?: FastifyServerOptions['logger'];
  cache?: CacheOpties;
  /** rate limit and answer time limit (grenzen.ts); without: no rate limit, 30 s to answer */
  grenzen?: Grenzen;
  /** ms a client may take to send a whole request (default 30 000) */
  verzoekTijdlimiet?: number;
  /** reverse proxies whose X-Forwarded-For names the client (comma-separated addresses or CIDR); default none */
  vertrouwdeProxy?: string | null;
  /** TEST ONLY: who is asking, instead of the login plugin (see `Testgebruiker` in toegang.ts) */
  testgebruiker?: Testgebruiker;
  /** logging in: timeouts, production (no demo accounts), OpenID Connect */
  inloggen?: Partial<InlogOpties>;
  /** absence reports: weeks without action after which a report in handling is overdue (default 4) */
  verzuim?: Partial<Verzuiminstellingen>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who may see what: everyone is 'openbaar' until there is a login. */
    toegang: Toegang;
    formaat: Formaat;
    /** set when this answer may be kept: the data version it was made from */
    cacheVersie: string | null;
  }
  interface FastifyInstance {
    /** every API route with its policy action, as registered (for the access matrix and the docs) */
    toegangsroutes: readonly Toegangsroute[];
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
    // A client gets this long to send its request (slow-loris); a connection with nothing going
    // on for longer than sending plus answering may take is closed.
    requestTimeout: opties.verzoekTijdlimiet ?? 30_000,
    connectionTimeout: (opties.verzoekTijdlimiet ?? 30_000) + (opties.grenzen?.antwoordTijdlimiet ?? STANDAARD_ANTWOORD_TIJDLIMIET),
    ...(opties.vertrouwdeProxy ? { trustProxy: opties.vertrouwdeProxy } : {}),
  });

  // Answers are serialised with JSON.stringify: they are plain objects made by the openbaarmaking
  // hook, and the schemas' oneOf (a count or "<5") makes the schema-driven serialiser test
  // every value against both alternatives, several times slower at national scale.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest('toegang', 'openbaar');
  app.decorateRequest('formaat', 'json');
  app.decorateRequest('cacheVersie', null);
  // Two doors: the public routes, the cache and the reference data read through the public
  // door, which cannot reach person data; only the protected routes get the full database.
  const publiek = opties.publiek ?? (await opties.db.publiekeDeur());
  if (!opties.publiek) app.addHook('onClose', () => publiek.close());
  const cache = new Antwoordcache(publiek, opties.cache);
  const gegevens = maakGegevens(publiek, cache);
  app.setErrorHandler(foutafhandeling);
  const inloggen: InlogOpties = { ...STANDAARD_INLOGOPTIES, ...opties.inloggen };
  // Before any route and any other onSend hook: the limits wrap every handler and see every answer.
  await registreerGrenzen(app, opties.grenzen);
  // Who is asking (onRequest), then what they may do (every API route names its policy action).
  await registreerAuth(app, opties.db, inloggen);
  app.decorate('toegangsroutes', registreerToegang(app, opties.testgebruiker));

  const csvRoutes = new Set<string>();
  const beschermd = new Set<string>();
  const padmethoden = new Padmethoden();
  app.addHook('onRoute', (route) => {
    if (isApi(route.url)) padmethoden.registreer(route.url, route.method);
    const pad = route.url.replace(/:(\w+)/g, '{$1}');
    const handeling = route.config?.handeling;
    if (isHandeling(handeling) && BELEID[handeling].wie !== 'iedereen') for (const m of [route.method].flat()) beschermd.add(`${m} ${pad}`);
    if (!route.config?.csv) return;
    for (const m of [route.method].flat()) csvRoutes.add(`${m} ${pad}`);
  });

  app.addHook('onSend', beveiligingsheaders);
  app.addHook('onRequest', cors);

  app.addHook('preValidation', async (request) => {
    const q = request.query as Record<string, unknown> | undefined;
    // Unknown names are refused even when empty (`?foo=`), so a typo is never silently ignored.
    controleerParameters(request.routeOptions.schema, (request.params ?? {}) as Record<string, unknown>, q ?? {});
    // An empty known field of a GET form means "not given", as it does for a person filling it in.
    if (q) for (const [k, v] of Object.entries(q)) if (v === '') delete q[k];
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!isApi(request.url)) return;
    const csv = Boolean(request.routeOptions.config.csv);
    request.formaat = kiesFormaat(request, csv);
    if (csv) reply.header('Vary', 'Accept');
    if (request.method !== 'GET' || request.routeOptions.config.bewaar === false) return;
    // Answers depend on the data version, the access level, the format and the validated parameters only.
    const versie = await cache.versie();
    const bewaard = cache.haal(cachesleutel(request), versie);
    if (bewaard && !request.tijdlimietVerstreken) return reply.headers(bewaard.headers).send(bewaard.body);
    request.cacheVersie = versie;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.cacheVersie === null || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const headers: Record<string, string> = {};
    for (const h of BEWAARDE_HEADERS) {
      const w = reply.getHeader(h);
      if (w !== undefined) headers[h] = String(w);
    }
    cache.bewaar(cachesleutel(request), request.cacheVersie, { body: payload, headers });
    return payload;
  });

  // Openbaarmaking, then CSV or xlsx: what is downloaded is made from what was published.
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    const gepubliceerd = schermAf(payload, request.toegang);
    const maker = request.routeOptions.config.csv;
    if (request.formaat === 'json' || !maker || reply.statusCode >= 300) return gepubliceerd;
    const gekozen = (request.query as { tabel?: string }).tabel;
    const tabellen = maker(gepubliceerd).filter((t) => !gekozen || t.naam === gekozen);
    // From the validated parameters, so equal requests (one cached answer) get one file name.
    const params = request.params as Record<string, unknown>;
    const pad = request.routeOptions.url!.slice(API_PREFIX.length + 1).replace(/:(\w+)/g, (_, p: string) => String(params[p])).replaceAll('/', '-');
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
  await app.register(fastifySwagger, swaggerOpties(csvRoutes, beschermd));

  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true }, config: { handeling: 'api.beschrijving' } }, async (_request, reply) => {
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
    app.get(pad, { schema: { hide: true }, config: { handeling: 'api.beschrijving' } }, async (_request, reply) => reply.type('application/json; charset=utf-8').send(voordeur));
  }

  await inlogRoutes(app, opties.db, inloggen);
  await oidcRoutes(app, opties.db, inloggen);
  await app.register(apiRoutes, { prefix: API_PREFIX, db: publiek, geoMap: opties.geoMap, gegevens });
  await app.register(beschermdeRoutes, {
    prefix: API_PREFIX, db: opties.db, gegevens, verzuim: { achterstandWeken: opties.verzuim?.achterstandWeken ?? STANDAARD_ACHTERSTAND_WEKEN },
  });
  await registreerWeb(app, opties.webMap, padmethoden);
  return app;
}
