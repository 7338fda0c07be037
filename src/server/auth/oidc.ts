import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { bewaarOidcAanvraag, beeindigSessie, maakSessie, neemOidcAanvraag } from '../../db/accounts.js';
import type { Db } from '../../db/database.js';
import { STARTPAGINA } from '../../domain/toegang/inloggen.js';
import { tokenHash, willekeurigToken } from '../../toegang/geheimen.js';
import { accountVoorOidc } from '../../toegang/oidc.js';
import type { OidcInstellingen } from '../../toegang/oidcInstellingen.js';
import type { InlogOpties } from './opties.js';
import { zetSessiecookie } from './sessie.js';

/**
 * Logging in through OpenID Connect (authorization code flow with PKCE, openid-client):
 * - GET /api/v1/sessie/oidc/start: a state, nonce and PKCE verifier are made; the state goes
 *   into a short-lived cookie (binding the login to this browser) and, hashed, with the
 *   verifier and nonce into the database; the browser goes to the provider.
 * - GET /api/v1/sessie/oidc/terug: the provider sends the browser back with a code; the state
 *   must match the cookie, the code is exchanged (PKCE, nonce and ID-token checks by
 *   openid-client), the claims are mapped to an account (src/toegang/oidc.ts), and a session
 *   starts exactly as with a password. Whatever fails, the browser lands on /inloggen?fout=….
 * The state cookie is SameSite=Lax: the return from the provider is a top-level navigation
 * from another site, which a Strict cookie would not accompany.
 */
const STATECOOKIE = 'binnenboord_oidc';
const STATEPAD = '/api/v1/sessie/oidc';

export async function oidcRoutes(app: FastifyInstance, db: Db, opties: InlogOpties): Promise<void> {
  const inst = opties.oidc;
  if (!inst) return;
  let configuratie: Promise<client.Configuration> | null = null;
  // Discovery once, on first use (the provider may start after Binnenboord); a failure is retried next time.
  const config = () => {
    configuratie ??= ontdek(inst).catch((e: unknown) => {
      configuratie = null;
      throw e;
    });
    return configuratie;
  };
  const naarInloggen = (reply: FastifyReply, fout: string) => reply.redirect(`/inloggen?fout=${fout}`, 303);

  app.get('/api/v1/sessie/oidc/start', {
    config: { handeling: 'sessie.inloggen', bewaar: false },
    schema: { hide: true },
  }, async (request, reply) => {
    let c: client.Configuration;
    try {
      c = await config();
    } catch (e) {
      request.log.warn({ err: e }, 'OpenID Connect-provider niet bereikbaar');
      return naarInloggen(reply, 'oidc-onbereikbaar');
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await bewaarOidcAanvraag(db, { stateHash: tokenHash(state), codeVerifier, nonce });
    reply.setCookie(STATECOOKIE, state, { httpOnly: true, secure: opties.veiligeCookie, sameSite: 'lax', path: STATEPAD, maxAge: 600 });
    const url = client.buildAuthorizationUrl(c, {
      redirect_uri: inst.redirectUri, scope: ['openid', ...inst.scopes].join(' '), state, nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    });
    return reply.redirect(url.href, 303);
  });

  app.get('/api/v1/sessie/oidc/terug', {
    config: { handeling: 'sessie.inloggen', bewaar: false },
    // Hidden from the OpenAPI document: the provider calls it, with its own (snake_case) parameters.
    schema: {
      hide: true,
      querystring: {
        type: 'object',
        properties: Object.fromEntries(['code', 'state', 'iss', 'session_state', 'scope', 'error', 'error_description', 'error_uri'].map((n) => [n, { type: 'string', maxLength: 2048 }])),
      },
    },
  }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const state = request.cookies[STATECOOKIE];
    reply.clearCookie(STATECOOKIE, { path: STATEPAD });
    if (q.error) return naarInloggen(reply, 'oidc-geweigerd');
    if (!state || q.state !== state) return naarInloggen(reply, 'oidc-verlopen');
    const aanvraag = await neemOidcAanvraag(db, tokenHash(state));
    if (!aanvraag) return naarInloggen(reply, 'oidc-verlopen');
    let claims: Record<string, unknown>;
    try {
      const c = await config();
      const terug = new URL(inst.redirectUri);
      terug.search = request.url.split('?')[1] ?? '';
      const tokens = await client.authorizationCodeGrant(c, terug, { pkceCodeVerifier: aanvraag.codeVerifier, expectedState: state, expectedNonce: aanvraag.nonce, idTokenExpected: true });
      claims = { ...tokens.claims() };
      // Many providers put the profile claims only in userinfo (e.g. oidc-provider's default).
      if (c.serverMetadata().userinfo_endpoint) claims = { ...claims, ...(await client.fetchUserInfo(c, tokens.access_token, String(claims.sub))) };
    } catch (e) {
      request.log.warn({ err: e }, 'OpenID Connect: code niet ingewisseld');
      return naarInloggen(reply, 'oidc-mislukt');
    }
    const uitkomst = await accountVoorOidc(db, inst, claims);
    if (!uitkomst.ok) return naarInloggen(reply, uitkomst.reden === 'ongeldige-rol' ? 'oidc-rol' : 'oidc-geen-account');
    const account = uitkomst.account;
    if (account.geblokkeerd || (account.demo && opties.productie)) return naarInloggen(reply, 'oidc-geen-account');
    await startSessie(request, reply, db, opties, account.id);
    return reply.redirect(STARTPAGINA[account.rol], 303);
  });
}

async function startSessie(request: FastifyRequest, reply: FastifyReply, db: Db, opties: InlogOpties, accountId: string): Promise<void> {
  if (request.sessie) await beeindigSessie(db, request.sessie.tokenHash);
  const token = willekeurigToken();
  await maakSessie(db, { tokenHash: tokenHash(token), accountId, csrfToken: willekeurigToken(), methode: 'oidc', absoluutMinuten: opties.absoluutMinuten });
  zetSessiecookie(reply, token, opties);
}

function ontdek(inst: OidcInstellingen): Promise<client.Configuration> {
  return client.discovery(new URL(inst.issuer), inst.clientId, inst.clientSecret, undefined,
    inst.onveiligHttp ? { execute: [client.allowInsecureRequests] } : undefined);
}
