import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import {
  beeindigSessie, leesAccount, leesAccounts, leesInloggegevens, leesMachineclients, maakSessie, registreerInlogpoging,
  telMislukteInlogpogingen,
} from '../../db/accounts.js';
import type { Db } from '../../db/database.js';
import { VERGRENDEL_MINUTEN, isVergrendeld } from '../../domain/toegang/inloggen.js';
import {
  AccountFout, maakAccount, maakMachineclient, vernieuwSleutel, wijzigAccountgegevens, wijzigMachineclientgegevens, zetWachtwoord,
} from '../../toegang/accounts.js';
import { controleerWachtwoordHash, tokenHash, willekeurigToken } from '../../toegang/geheimen.js';
import { ProblemError, nietGevonden, ongeldig } from '../problems.js';
import { controleerObject } from '../validation.js';
import type { InlogOpties } from './opties.js';
import {
  AccountSchema, AccountWijzigVerzoek, IdParam, InlogVerzoek, MachineclientMetSleutel, MachineclientSchema, MachineclientWijzigVerzoek,
  NieuwAccountVerzoek, NieuweMachineclientVerzoek, SessieAntwoord, WachtwoordVerzoek,
} from './schemas.js';
import { alsGebruiker, sessieAntwoord, wisSessiecookie, zetSessiecookie } from './sessie.js';

/**
 * Logging in and out, "who am I", and the beheer routes for accounts and machine clients.
 * Routes are thin: checks and hashing live in src/toegang, SQL in src/db/accounts.ts.
 */
const ONJUIST = 'Gebruikersnaam of wachtwoord onjuist.';
const VERGRENDELD = `Te veel mislukte inlogpogingen. Deze gebruikersnaam is tijdelijk vergrendeld; probeer het over ${VERGRENDEL_MINUTEN} minuten opnieuw.`;

/** Body fields checked like query parameters, so every wrong field is named in Dutch (never echoing a password). */
function controleerBody(request: FastifyRequest): void {
  const schema = request.routeOptions.schema?.body as Parameters<typeof controleerObject>[1];
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw ongeldig([{ name: 'body', code: 'type', reason: 'verwacht een JSON-object' }]);
  const fouten = controleerObject(body as Record<string, unknown>, schema, true);
  if (fouten.length > 0) throw ongeldig(fouten);
}

function alsProblem(e: unknown): never {
  if (e instanceof AccountFout) {
    if (e.soort === 'bestaat') throw new ProblemError(409, e.message);
    if (e.soort === 'onbekend') throw nietGevonden(e.message);
    throw ongeldig([{ name: e.veld, code: 'invalid', reason: e.message }]);
  }
  throw e;
}

const BEHEER = { handeling: 'account.beheren', bewaar: false } as const;
const probleem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } });
const ONJUIST_401 = probleem('Gebruikersnaam of wachtwoord onjuist (ook bij een onbekende of geblokkeerde gebruiker).');
const VERGRENDELD_429 = probleem('Te veel mislukte pogingen: de gebruikersnaam is tijdelijk vergrendeld.');
const BESTAAT_409 = probleem('De naam is al in gebruik.');

export async function inlogRoutes(app: FastifyInstance, db: Db, opties: InlogOpties): Promise<void> {
  app.get('/api/v1/sessie', {
    config: { handeling: 'sessie.lezen', bewaar: false },
    schema: { tags: ['Sessie'], summary: 'Wie is ingelogd (rol, scope, CSRF-token, startpagina)', response: { 200: SessieAntwoord } },
  }, async (request) => sessieAntwoord(request, opties));

  app.post<{ Body: Static<typeof InlogVerzoek> }>('/api/v1/sessie/_inloggen', {
    config: { handeling: 'sessie.inloggen', csrfVrij: true },
    preValidation: async (request) => controleerBody(request),
    schema: {
      tags: ['Sessie'], summary: 'Inloggen met gebruikersnaam en wachtwoord (zet de sessiecookie)', body: InlogVerzoek,
      response: { 200: SessieAntwoord, 401: ONJUIST_401, 429: VERGRENDELD_429 },
    },
  }, async (request, reply) => {
    const naam = request.body.gebruikersnaam.trim().toLowerCase();
    const { wachtwoord } = request.body;
    // Always the Argon2id work, known user or not, locked or not: the answer time tells nothing.
    const gegevens = await leesInloggegevens(db, naam);
    const klopt = await controleerWachtwoordHash(gegevens?.hash ?? null, wachtwoord);
    if (isVergrendeld(await telMislukteInlogpogingen(db, naam, VERGRENDEL_MINUTEN))) {
      await registreerInlogpoging(db, naam, false);
      throw new ProblemError(429, VERGRENDELD);
    }
    const account = gegevens?.account;
    if (!klopt || !account || account.geblokkeerd || (account.demo && opties.productie)) {
      await registreerInlogpoging(db, naam, false);
      throw new ProblemError(401, ONJUIST);
    }
    await registreerInlogpoging(db, naam, true);
    // A new session every time (no fixation); a session this browser still had is ended.
    if (request.sessie) await beeindigSessie(db, request.sessie.tokenHash);
    const token = willekeurigToken();
    const csrfToken = willekeurigToken();
    await maakSessie(db, { tokenHash: tokenHash(token), accountId: account.id, csrfToken, methode: 'wachtwoord', absoluutMinuten: opties.absoluutMinuten });
    zetSessiecookie(reply, token, opties);
    request.gebruiker = alsGebruiker(account, 'persoon');
    request.sessie = { tokenHash: tokenHash(token), csrfToken };
    return sessieAntwoord(request, opties);
  });

  app.post('/api/v1/sessie/_uitloggen', {
    config: { handeling: 'sessie.uitloggen' },
    schema: { tags: ['Sessie'], summary: 'Uitloggen: beëindigt de sessie op de server', response: { 204: { type: 'null', description: 'uitgelogd' } } },
  }, async (request, reply) => {
    if (request.sessie) await beeindigSessie(db, request.sessie.tokenHash);
    wisSessiecookie(reply, opties);
    request.gebruiker = null;
    request.sessie = null;
    return reply.code(204).send();
  });

  // --- accounts (beheer) ---

  app.get('/api/v1/accounts', {
    config: BEHEER,
    schema: { tags: ['Beheer'], summary: 'Alle accounts', response: { 200: { type: 'object', properties: { accounts: { type: 'array', items: AccountSchema } } } } },
  }, async () => ({ accounts: (await leesAccounts(db)) }));

  app.post<{ Body: Static<typeof NieuwAccountVerzoek> }>('/api/v1/accounts', {
    config: BEHEER,
    preValidation: async (request) => controleerBody(request),
    schema: { tags: ['Beheer'], summary: 'Een account maken', body: NieuwAccountVerzoek, response: { 201: AccountSchema, 409: BESTAAT_409 } },
  }, async (request, reply) => {
    const b = request.body;
    const account = await maakAccount(db, {
      gebruikersnaam: b.gebruikersnaam, weergavenaam: b.weergavenaam, rol: b.rol, scopecode: b.scopecode ?? null,
      wachtwoord: b.wachtwoord ? b.wachtwoord : null, oidcSub: b.oidcSub ?? null,
    }).catch(alsProblem);
    return reply.code(201).send(account);
  });

  app.patch<{ Params: Static<typeof IdParam>; Body: Static<typeof AccountWijzigVerzoek> }>('/api/v1/accounts/:id', {
    config: BEHEER,
    preValidation: async (request) => controleerBody(request),
    schema: { tags: ['Beheer'], summary: 'Naam, rol of scope wijzigen, of (de)blokkeren', params: IdParam, body: AccountWijzigVerzoek, response: { 200: AccountSchema } },
  }, async (request) => {
    const huidig = await leesAccount(db, request.params.id);
    if (!huidig) throw nietGevonden('Dit account bestaat niet.');
    // A beheerder cannot lock themselves out: blocking or changing one's own role needs another beheerder.
    if (huidig.id === request.gebruiker?.accountId && (request.body.geblokkeerd === true || request.body.rol !== undefined || request.body.scopecode !== undefined)) {
      throw ongeldig([{ name: request.body.geblokkeerd === true ? 'geblokkeerd' : 'rol', code: 'eigen-account', reason: 'u kunt uw eigen account niet blokkeren en uw eigen rol of scope niet wijzigen; vraag een andere beheerder' }]);
    }
    return wijzigAccountgegevens(db, huidig, request.body).catch(alsProblem);
  });

  app.post<{ Params: Static<typeof IdParam>; Body: Static<typeof WachtwoordVerzoek> }>('/api/v1/accounts/:id/_wachtwoord', {
    config: BEHEER,
    preValidation: async (request) => controleerBody(request),
    schema: { tags: ['Beheer'], summary: 'Een nieuw wachtwoord zetten (beëindigt de open sessies)', params: IdParam, body: WachtwoordVerzoek, response: { 200: AccountSchema } },
  }, async (request) => zetWachtwoord(db, request.params.id, request.body.wachtwoord).catch(alsProblem));

  // --- machine clients (beheer) ---

  app.get('/api/v1/machineclients', {
    config: BEHEER,
    schema: { tags: ['Beheer'], summary: 'Alle machineclients', response: { 200: { type: 'object', properties: { machineclients: { type: 'array', items: MachineclientSchema } } } } },
  }, async () => ({ machineclients: await leesMachineclients(db) }));

  app.post<{ Body: Static<typeof NieuweMachineclientVerzoek> }>('/api/v1/machineclients', {
    config: BEHEER,
    preValidation: async (request) => controleerBody(request),
    schema: { tags: ['Beheer'], summary: 'Een machineclient maken (de API-sleutel wordt één keer getoond)', body: NieuweMachineclientVerzoek, response: { 201: MachineclientMetSleutel, 409: BESTAAT_409 } },
  }, async (request, reply) => {
    const { client, sleutel } = await maakMachineclient(db, { ...request.body, scopecode: request.body.scopecode ?? null }).catch(alsProblem);
    return reply.code(201).send({ machineclient: client, sleutel });
  });

  app.patch<{ Params: Static<typeof IdParam>; Body: Static<typeof MachineclientWijzigVerzoek> }>('/api/v1/machineclients/:id', {
    config: BEHEER,
    preValidation: async (request) => controleerBody(request),
    schema: { tags: ['Beheer'], summary: 'Rol of scope wijzigen, of (de)blokkeren', params: IdParam, body: MachineclientWijzigVerzoek, response: { 200: MachineclientSchema } },
  }, async (request) => {
    const huidig = (await leesMachineclients(db)).find((c) => c.id === request.params.id);
    if (!huidig) throw nietGevonden('Deze machineclient bestaat niet.');
    return wijzigMachineclientgegevens(db, huidig, request.body).catch(alsProblem);
  });

  app.post<{ Params: Static<typeof IdParam> }>('/api/v1/machineclients/:id/_sleutel', {
    config: BEHEER,
    schema: { tags: ['Beheer'], summary: 'Een nieuwe API-sleutel (de oude werkt meteen niet meer)', params: IdParam, response: { 200: MachineclientMetSleutel } },
  }, async (request) => {
    const { client, sleutel } = await vernieuwSleutel(db, request.params.id).catch(alsProblem);
    return { machineclient: client, sleutel };
  });
}

