import type { FastifyInstance, FastifyRequest } from 'fastify';
import { beslis, isHandeling, type Context, type Handeling } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import './auth/gebruiker.js';
import { ProblemError } from './problems.js';
import { isApi } from './securityHeaders.js';

/**
 * The access hook: every API request is decided by the one policy (`src/domain/toegang/
 * beleid.ts`) from the route's `config.handeling` and the user the login plugin found. An
 * API route without a known handeling makes the application refuse to start, so no route
 * can be forgotten. Outside /api/v1 (the web app's files and pages) everything is public:
 * the pages hold no data, they ask the API.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** the policy action of this route (beleid.ts); required on every API route */
    handeling?: Handeling;
    /** what scope the request asks for, read from its parameters or body (scoped actions) */
    toegangscontext?: (request: FastifyRequest) => Promise<Context> | Context;
  }
}

/**
 * TEST ONLY. Replaces the login plugin's answer to "who is asking". Only code can pass it
 * (`bouwApp({ testgebruiker })`): no setting, environment variable or request reaches it,
 * and `src/server/main.ts` never passes it (test/api/toegangsmatrix.test.ts checks that no
 * file under src/ but app.ts and this one names it).
 */
export type Testgebruiker = (request: FastifyRequest) => Gebruiker | null;

export interface Toegangsroute {
  methode: string;
  pad: string;
  handeling: Handeling;
}

export class RouteZonderHandeling extends Error {}

/** Registers the access rules; call before any route is added. Returns the list of API routes and their actions. */
export function registreerToegang(app: FastifyInstance, testgebruiker?: Testgebruiker): Toegangsroute[] {
  const routes: Toegangsroute[] = [];
  if (!app.hasRequestDecorator('gebruiker')) app.decorateRequest('gebruiker', null);

  app.addHook('onRoute', (route) => {
    if (!isApi(route.url)) return;
    const handeling = route.config?.handeling;
    if (!isHandeling(handeling)) {
      throw new RouteZonderHandeling(`API-route ${[route.method].flat().join(',')} ${route.url} heeft geen geldige config.handeling ` +
        `(${String(handeling)}); elke API-route noemt haar handeling uit src/domain/toegang/beleid.ts.`);
    }
    for (const methode of [route.method].flat()) {
      if (methode !== 'HEAD') routes.push({ methode, pad: route.url, handeling });
    }
  });

  // preValidation: after every onRequest hook (where the login plugin sets the user) and the
  // body parser, before the parameters are checked, so that an anonymous caller gets 401
  // rather than a lesson in valid parameters.
  app.addHook('preValidation', async (request) => {
    if (testgebruiker) request.gebruiker = testgebruiker(request);
    const handeling = request.routeOptions.config.handeling;
    if (handeling === undefined) return; // not an API route, or the 404/405 handler
    const maakContext = request.routeOptions.config.toegangscontext;
    const context = maakContext ? await maakContext(request) : {};
    const besluit = beslis(request.gebruiker, handeling, context);
    if (!besluit.toegestaan) throw new ProblemError(besluit.status, besluit.reden);
  });
  return routes;
}
