import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { maakProblem, ProblemError, stuurProblem } from './problems.js';
import { isApi } from './securityHeaders.js';

/**
 * The limits that keep a public API usable for everyone when one client misbehaves:
 * - at most `verzoekenPerMinuut` API requests per client per minute, counted per 10 seconds
 *   (@fastify/rate-limit, per IP address; behind a proxy see `vertrouwdeProxy` in app.ts),
 *   then 429 with Retry-After;
 * - an answer within `antwoordTijdlimiet` ms, else 503 with Retry-After. The work that was
 *   started is not stopped (a query cannot be cancelled halfway), but its late answer is
 *   dropped, and what it read for the data version stays in the server's memory for the next
 *   request.
 * The time to receive a request is Fastify's `requestTimeout` (set in app.ts).
 */
export interface Grenzen {
  /** API requests per client per minute; 0 or absent: no limit */
  verzoekenPerMinuut?: number;
  /** ms until a request that is not answered yet gets 503 (default 30 000) */
  antwoordTijdlimiet?: number;
}

export const STANDAARD_ANTWOORD_TIJDLIMIET = 30_000;

const VENSTER_MS = 10_000;
/** Requests per 10-second window for a number per minute (at least 1). */
export const perVenster = (perMinuut: number) => Math.max(1, Math.ceil(perMinuut / 6));

/** Seconds a client is asked to wait after a 503 of the time limit. */
const WACHT_NA_TIJDLIMIET = 5;

declare module 'fastify' {
  interface FastifyRequest {
    /** set when the time limit answered this request: whatever the route makes later is dropped */
    tijdlimietVerstreken: boolean;
    /** set once an answer is on its way (the first onSend): the time limit no longer answers */
    antwoordOnderweg: boolean;
  }
}

export async function registreerGrenzen(app: FastifyInstance, grenzen: Grenzen = {}): Promise<void> {
  const max = grenzen.verzoekenPerMinuut ?? 0;
  if (max > 0) {
    await app.register(rateLimit, {
      // Counted per 10 seconds, a sixth of the minute's number each: the same average, but a
      // client that bursts is slowed down within seconds, not after taking a minute's worth.
      max: perVenster(max),
      timeWindow: VENSTER_MS,
      // The web app's files are static and cheap; the limit guards the API.
      allowList: (request) => !isApi(request.url),
      // Clients tracked at once (least recently seen forgotten first), so that many
      // addresses cannot grow the server's memory without bound.
      cache: 10_000,
      errorResponseBuilder: (_request, context) => new ProblemError(429,
        `Te veel verzoeken: ten hoogste ${max} per minuut per client (${context.max} per 10 seconden). `
        + `Probeer het over ${Math.max(1, Math.ceil(context.ttl / 1000))} seconden opnieuw.`),
    });
  }

  const ms = grenzen.antwoordTijdlimiet ?? STANDAARD_ANTWOORD_TIJDLIMIET;
  app.decorateRequest('tijdlimietVerstreken', false);
  app.decorateRequest('antwoordOnderweg', false);
  app.addHook('onRoute', (route) => {
    route.handler = metTijdlimiet(route.handler);
  });
  app.addHook('onRequest', async (request, reply) => {
    const klok = setTimeout(() => verloopTijd(request, reply, ms), ms);
    klok.unref();
    reply.raw.once('close', () => clearTimeout(klok));
    reply.raw.once('finish', () => clearTimeout(klok));
  });
  app.addHook('onSend', async (request) => {
    request.antwoordOnderweg = true;
  });
}

function verloopTijd(request: FastifyRequest, reply: FastifyReply, ms: number): void {
  if (request.antwoordOnderweg || reply.sent || reply.raw.headersSent || request.raw.destroyed) return;
  request.tijdlimietVerstreken = true;
  request.log.warn({ tijdlimiet: ms }, 'antwoord duurde te lang: 503');
  reply.header('Retry-After', String(WACHT_NA_TIJDLIMIET));
  stuurProblem(reply, maakProblem(503,
    `Het antwoord kwam niet binnen ${ms / 1000} seconden; de server is druk. Probeer het over ${WACHT_NA_TIJDLIMIET} seconden opnieuw.`,
    request.url.split('?')[0]));
}

/**
 * A route handler whose result is dropped once the time limit has answered: it then never
 * settles (a fresh promise each time, so nothing keeps it alive), so Fastify sends nothing
 * more. A handler that answers synchronously is left as it is.
 */
function metTijdlimiet(handler: RouteHandlerMethod): RouteHandlerMethod {
  return function (this: FastifyInstance, request, reply) {
    const uitkomst = handler.call(this, request, reply) as unknown;
    if (!(uitkomst instanceof Promise)) return uitkomst;
    return uitkomst.then(
      (waarde) => (request.tijdlimietVerstreken ? new Promise<never>(() => {}) : waarde),
      (fout: unknown) => {
        if (request.tijdlimietVerstreken) return new Promise<never>(() => {});
        throw fout;
      },
    );
  };
}
