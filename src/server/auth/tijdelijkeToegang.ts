import type { FastifyInstance } from 'fastify';
import type { Rol } from '../../domain/toegang/rollen.js';
import { ProblemError } from '../problems.js';

/**
 * A minimal access check for the login side's own routes, until the policy hook of the other
 * half of issue 8 (src/server/toegang.ts with src/domain/toegang/beleid.ts) is merged: it
 * reads the same `config.handeling` names. On merge, delete this file and its registration;
 * the policy hook then decides for every route.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** the policy action of this route (contract of issue 8) */
    handeling?: string;
  }
}

const ALLEEN: Readonly<Record<string, readonly Rol[]>> = {
  'account.beheren': ['beheer'],
};

export function registreerTijdelijkeToegang(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const rollen = ALLEEN[request.routeOptions.config?.handeling ?? ''];
    if (!rollen) return;
    if (!request.gebruiker) throw new ProblemError(401, 'Log eerst in.');
    if (!rollen.includes(request.gebruiker.rol)) throw new ProblemError(403, `Uw rol (${request.gebruiker.rol}) mag dit niet.`);
  });
}
