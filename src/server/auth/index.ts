import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { gebruikMachineclient, leesGeldigeSessie, raakSessieAan } from '../../db/accounts.js';
import type { Db } from '../../db/database.js';
import { SLEUTEL_VOORVOEGSEL, gelijk, tokenHash } from '../../toegang/geheimen.js';
import { ProblemError } from '../problems.js';
import { isApi } from '../securityHeaders.js';
import './gebruiker.js';
import type { InlogOpties } from './opties.js';
import { CSRF_HEADER, SESSIECOOKIE, alsGebruiker, wisSessiecookie } from './sessie.js';

/**
 * Who is asking, for every API request (contract of issue 8), in one `onRequest` hook:
 * - `Authorization: Bearer bbk_…`: a machine client's API key (an unknown or blocked key is
 *   refused with 401, not taken as anonymous, so an integrator sees the mistake);
 * - else the session cookie: a valid session sets the user; an invalid one is cleared;
 * - else anonymous (`null`).
 * A state change (not GET/HEAD/OPTIONS) made with a session cookie must carry the session's
 * CSRF token in X-CSRF-Token, or it is refused with 403 before anything else happens.
 */
const VEILIGE_METHODEN = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Last-seen is written at most once a minute per session, not on every request. */
const AANRAAK_SECONDEN = 60;

export async function registreerAuth(app: FastifyInstance, db: Db, opties: InlogOpties): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('gebruiker', null);
  app.decorateRequest('sessie', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!isApi(request.url)) return;
    const autorisatie = request.headers.authorization;
    if (autorisatie !== undefined) {
      reply.header('WWW-Authenticate', 'Bearer realm="binnenboord"');
      await machineclient(request, db, autorisatie);
      return;
    }
    const token = request.cookies[SESSIECOOKIE];
    if (!token) return;
    const hash = tokenHash(token);
    const sessie = await leesGeldigeSessie(db, hash, opties.inactiefMinuten, !opties.productie);
    if (!sessie) {
      wisSessiecookie(reply, opties);
      return;
    }
    if (!VEILIGE_METHODEN.has(request.method) && !request.routeOptions.config?.csrfVrij) {
      const gegeven = request.headers[CSRF_HEADER];
      if (typeof gegeven !== 'string' || !gelijk(gegeven, sessie.csrfToken)) {
        throw new ProblemError(403, 'Het CSRF-token ontbreekt of klopt niet. Stuur bij elke wijziging de kop X-CSRF-Token mee met het token uit GET /api/v1/sessie.');
      }
    }
    if (sessie.sindsGezien > AANRAAK_SECONDEN) await raakSessieAan(db, hash);
    request.gebruiker = alsGebruiker(sessie.account, 'persoon');
    request.sessie = { tokenHash: hash, csrfToken: sessie.csrfToken };
  });
}

async function machineclient(request: FastifyRequest, db: Db, autorisatie: string): Promise<void> {
  const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(autorisatie.trim());
  if (!m) throw new ProblemError(401, 'De kop Authorization wordt niet begrepen: geef Authorization: Bearer gevolgd door de API-sleutel.');
  const sleutel = m[1]!;
  const client = sleutel.startsWith(SLEUTEL_VOORVOEGSEL) ? await gebruikMachineclient(db, tokenHash(sleutel)) : null;
  if (!client) throw new ProblemError(401, 'De API-sleutel is onbekend of geblokkeerd.');
  request.gebruiker = { accountId: client.id, weergavenaam: client.naam, rol: client.rol, scope: client.scope, soort: 'machine' };
}
