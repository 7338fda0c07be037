import { leesAccountOpNaam, leesAccountOpOidcSub, wijzigAccount, type Account } from '../db/accounts.js';
import type { Db } from '../db/database.js';
import { controleerGebruikersnaam, leesRolEnScope } from '../domain/toegang/inloggen.js';
import type { OidcInstellingen } from './oidcInstellingen.js';
import { AccountFout, maakAccount, wijzigAccountgegevens } from './accounts.js';
import { tokenHash } from './geheimen.js';

/**
 * Who an OpenID Connect login is in Binnenboord. The provider vouches for the subject (`sub`);
 * the role and scope come from:
 * - `account`: the account whose oidc_sub is this subject, or else the account whose user name
 *   equals the configured claim (e.g. e-mail), which is then tied to this subject for good;
 *   no such account: refused (people are let in by beheer, not by the provider);
 * - `claims`: two claims of the provider; the account is made or brought up to date on each
 *   login, so beheer sees and can block it like any other.
 */
export type OidcUitkomst = { ok: true; account: Account } | { ok: false; reden: 'geen-account' | 'ongeldige-rol' };

type Claims = Record<string, unknown>;
const tekst = (w: unknown): string | null => (typeof w === 'string' && w.trim() !== '' ? w.trim() : null);

export async function accountVoorOidc(db: Db, inst: OidcInstellingen, claims: Claims): Promise<OidcUitkomst> {
  const sub = tekst(claims.sub);
  if (!sub) return { ok: false, reden: 'geen-account' };
  const bestaand = await leesAccountOpOidcSub(db, sub);
  if (inst.rolBron === 'account') {
    if (bestaand) return { ok: true, account: bestaand };
    const naam = tekst(claims[inst.accountClaim])?.toLowerCase();
    const account = naam ? await leesAccountOpNaam(db, naam) : null;
    if (!account || account.oidcSub !== null) return { ok: false, reden: 'geen-account' };
    const gekoppeld = await wijzigAccount(db, account.id, { oidcSub: sub });
    return gekoppeld ? { ok: true, account: gekoppeld } : { ok: false, reden: 'geen-account' };
  }
  const rolEnScope = leesRolEnScope(tekst(claims[inst.rolClaim]) ?? '', tekst(claims[inst.scopeClaim]));
  if ('fout' in rolEnScope) return { ok: false, reden: 'ongeldige-rol' };
  const weergavenaam = tekst(claims.name) ?? tekst(claims.email) ?? `OIDC ${sub.slice(0, 20)}`;
  if (bestaand) {
    const code = bestaand.scope.soort === 'landelijk' ? null : bestaand.scope.code;
    const nieuweCode = rolEnScope.scope.soort === 'landelijk' ? null : rolEnScope.scope.code;
    if (bestaand.rol === rolEnScope.rol && code === nieuweCode && bestaand.weergavenaam === weergavenaam) return { ok: true, account: bestaand };
    return { ok: true, account: await wijzigAccountgegevens(db, bestaand, { rol: rolEnScope.rol, scopecode: nieuweCode, weergavenaam }) };
  }
  const email = tekst(claims.email)?.toLowerCase();
  const gebruikersnaam = email && !controleerGebruikersnaam(email) && !(await leesAccountOpNaam(db, email)) ? email : `oidc-${tokenHash(sub).slice(0, 16)}`;
  try {
    const account = await maakAccount(db, {
      gebruikersnaam, weergavenaam, rol: rolEnScope.rol, scopecode: rolEnScope.scope.soort === 'landelijk' ? null : rolEnScope.scope.code, wachtwoord: null, oidcSub: sub,
    });
    return { ok: true, account };
  } catch (e) {
    if (e instanceof AccountFout) return { ok: false, reden: 'geen-account' };
    throw e;
  }
}
