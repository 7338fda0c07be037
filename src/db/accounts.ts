import type { Db } from './database.js';
import type { Rol, Scope } from '../domain/toegang/rollen.js';

/**
 * Accounts, sessions, login attempts, machine clients and OpenID Connect logins under way
 * (migration 005_accounts). Tokens and keys arrive here already hashed; nothing secret is
 * read back except the password hash the login compares against.
 */
export interface Account {
  id: string;
  gebruikersnaam: string;
  weergavenaam: string;
  rol: Rol;
  scope: Scope;
  geblokkeerd: boolean;
  demo: boolean;
  /** the account logs in with a password (otherwise only through OpenID Connect) */
  heeftWachtwoord: boolean;
  oidcSub: string | null;
  aangemaaktOp: string;
  gewijzigdOp: string;
}

interface AccountRij {
  id: string;
  gebruikersnaam: string;
  weergavenaam: string;
  rol: Rol;
  scope_soort: Scope['soort'];
  scope_code: string | null;
  wachtwoord_hash: string | null;
  oidc_sub: string | null;
  geblokkeerd: boolean;
  demo: boolean;
  aangemaakt_op: Date | string;
  gewijzigd_op: Date | string;
}

const ACCOUNTVELDEN = 'id, gebruikersnaam, weergavenaam, rol, scope_soort, scope_code, wachtwoord_hash, oidc_sub, geblokkeerd, demo, aangemaakt_op, gewijzigd_op';

const tijd = (t: Date | string): string => new Date(t).toISOString();

export function scopeUit(soort: Scope['soort'], code: string | null): Scope {
  return soort === 'landelijk' ? { soort } : { soort, code: code ?? '' };
}
const scopeCode = (scope: Scope): string | null => (scope.soort === 'landelijk' ? null : scope.code);

function alsAccount(r: AccountRij): Account {
  return {
    id: r.id, gebruikersnaam: r.gebruikersnaam, weergavenaam: r.weergavenaam, rol: r.rol, scope: scopeUit(r.scope_soort, r.scope_code),
    geblokkeerd: r.geblokkeerd, demo: r.demo, heeftWachtwoord: r.wachtwoord_hash !== null, oidcSub: r.oidc_sub,
    aangemaaktOp: tijd(r.aangemaakt_op), gewijzigdOp: tijd(r.gewijzigd_op),
  };
}

export interface NieuwAccount {
  id: string;
  gebruikersnaam: string;
  weergavenaam: string;
  rol: Rol;
  scope: Scope;
  wachtwoordHash: string | null;
  oidcSub?: string | null;
  demo?: boolean;
}

/** Adds an account; null when the user name (or OIDC subject) is taken. */
export async function voegAccountToe(db: Db, a: NieuwAccount): Promise<Account | null> {
  const rijen = await db.query<AccountRij>(
    `INSERT INTO account (id, gebruikersnaam, weergavenaam, rol, scope_soort, scope_code, wachtwoord_hash, oidc_sub, demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING ${ACCOUNTVELDEN}`,
    [a.id, a.gebruikersnaam, a.weergavenaam, a.rol, a.scope.soort, scopeCode(a.scope), a.wachtwoordHash, a.oidcSub ?? null, a.demo ?? false]);
  return rijen[0] ? alsAccount(rijen[0]) : null;
}

export async function leesAccounts(db: Db): Promise<Account[]> {
  return (await db.query<AccountRij>(`SELECT ${ACCOUNTVELDEN} FROM account ORDER BY gebruikersnaam`)).map(alsAccount);
}

export async function leesAccount(db: Db, id: string): Promise<Account | null> {
  const [r] = await db.query<AccountRij>(`SELECT ${ACCOUNTVELDEN} FROM account WHERE id = $1`, [id]);
  return r ? alsAccount(r) : null;
}

export async function leesAccountOpNaam(db: Db, gebruikersnaam: string): Promise<Account | null> {
  const [r] = await db.query<AccountRij>(`SELECT ${ACCOUNTVELDEN} FROM account WHERE gebruikersnaam = $1`, [gebruikersnaam]);
  return r ? alsAccount(r) : null;
}

export async function leesAccountOpOidcSub(db: Db, sub: string): Promise<Account | null> {
  const [r] = await db.query<AccountRij>(`SELECT ${ACCOUNTVELDEN} FROM account WHERE oidc_sub = $1`, [sub]);
  return r ? alsAccount(r) : null;
}

/** The account and its password hash, for the one place that checks a password. */
export async function leesInloggegevens(db: Db, gebruikersnaam: string): Promise<{ account: Account; hash: string | null } | null> {
  const [r] = await db.query<AccountRij>(`SELECT ${ACCOUNTVELDEN} FROM account WHERE gebruikersnaam = $1`, [gebruikersnaam]);
  return r ? { account: alsAccount(r), hash: r.wachtwoord_hash } : null;
}

export interface AccountWijziging {
  weergavenaam?: string;
  rol?: Rol;
  scope?: Scope;
  geblokkeerd?: boolean;
  wachtwoordHash?: string;
  oidcSub?: string | null;
}

/** Changes the given fields; null when there is no such account. */
export async function wijzigAccount(db: Db, id: string, w: AccountWijziging): Promise<Account | null> {
  const zet: string[] = [];
  const params: unknown[] = [id];
  const veld = (kolom: string, waarde: unknown) => {
    params.push(waarde);
    zet.push(`${kolom} = $${params.length}`);
  };
  if (w.weergavenaam !== undefined) veld('weergavenaam', w.weergavenaam);
  if (w.rol !== undefined) veld('rol', w.rol);
  if (w.scope !== undefined) {
    veld('scope_soort', w.scope.soort);
    veld('scope_code', scopeCode(w.scope));
  }
  if (w.geblokkeerd !== undefined) veld('geblokkeerd', w.geblokkeerd);
  if (w.wachtwoordHash !== undefined) veld('wachtwoord_hash', w.wachtwoordHash);
  if (w.oidcSub !== undefined) veld('oidc_sub', w.oidcSub);
  zet.push('gewijzigd_op = now()');
  const [r] = await db.query<AccountRij>(`UPDATE account SET ${zet.join(', ')} WHERE id = $1 RETURNING ${ACCOUNTVELDEN}`, params);
  return r ? alsAccount(r) : null;
}

export async function heeftDemoaccounts(db: Db): Promise<boolean> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM account WHERE demo');
  return r!.n > 0;
}

// --- login attempts (lock-out) ---

export async function registreerInlogpoging(db: Db, gebruikersnaam: string, gelukt: boolean): Promise<void> {
  await db.query('INSERT INTO inlogpoging (gebruikersnaam, gelukt) VALUES ($1, $2)', [gebruikersnaam, gelukt]);
}

/** Failed attempts for this user name within the last `minuten`, after its last successful login. */
export async function telMislukteInlogpogingen(db: Db, gebruikersnaam: string, minuten: number): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM inlogpoging
      WHERE gebruikersnaam = $1 AND NOT gelukt AND op > now() - make_interval(mins => $2)
        AND op > coalesce((SELECT max(op) FROM inlogpoging WHERE gebruikersnaam = $1 AND gelukt), '-infinity')`,
    [gebruikersnaam, minuten]);
  return r!.n;
}

// --- sessions ---

export interface NieuweSessie {
  tokenHash: string;
  accountId: string;
  csrfToken: string;
  methode: 'wachtwoord' | 'oidc';
  absoluutMinuten: number;
}

export async function maakSessie(db: Db, s: NieuweSessie): Promise<void> {
  await db.query(
    `INSERT INTO sessie (token_hash, account_id, csrf_token, methode, verloopt_op)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [s.tokenHash, s.accountId, s.csrfToken, s.methode, s.absoluutMinuten]);
}

export interface GeldigeSessie {
  account: Account;
  csrfToken: string;
  /** seconds since the session was last seen */
  sindsGezien: number;
}

/**
 * A session that is still valid: not ended, not past its absolute end, seen within the idle
 * time, and its account not blocked (demo accounts only where they are allowed).
 */
export async function leesGeldigeSessie(db: Db, tokenHash: string, inactiefMinuten: number, demoToegestaan: boolean): Promise<GeldigeSessie | null> {
  const velden = ACCOUNTVELDEN.split(', ').map((v) => `a.${v}`).join(', ');
  const [r] = await db.query<AccountRij & { csrf_token: string; sinds: number }>(
    `SELECT ${velden}, s.csrf_token, extract(epoch FROM now() - s.laatst_gezien_op)::float8 AS sinds
       FROM sessie s JOIN account a ON a.id = s.account_id
      WHERE s.token_hash = $1 AND s.beeindigd_op IS NULL AND s.verloopt_op > now()
        AND s.laatst_gezien_op > now() - make_interval(mins => $2)
        AND NOT a.geblokkeerd AND (NOT a.demo OR $3)`,
    [tokenHash, inactiefMinuten, demoToegestaan]);
  return r ? { account: alsAccount(r), csrfToken: r.csrf_token, sindsGezien: r.sinds } : null;
}

export async function raakSessieAan(db: Db, tokenHash: string): Promise<void> {
  await db.query('UPDATE sessie SET laatst_gezien_op = now() WHERE token_hash = $1 AND beeindigd_op IS NULL', [tokenHash]);
}

export async function beeindigSessie(db: Db, tokenHash: string): Promise<void> {
  await db.query('UPDATE sessie SET beeindigd_op = now() WHERE token_hash = $1 AND beeindigd_op IS NULL', [tokenHash]);
}

/** Ends every open session of an account (blocked, password reset, role changed). */
export async function beeindigSessiesVanAccount(db: Db, accountId: string): Promise<number> {
  const r = await db.query('UPDATE sessie SET beeindigd_op = now() WHERE account_id = $1 AND beeindigd_op IS NULL RETURNING 1', [accountId]);
  return r.length;
}

// --- machine clients ---

export interface Machineclient {
  id: string;
  naam: string;
  rol: Rol;
  scope: Scope;
  geblokkeerd: boolean;
  aangemaaktOp: string;
  gewijzigdOp: string;
  laatstGebruiktOp: string | null;
}

interface MachineclientRij {
  id: string;
  naam: string;
  rol: Rol;
  scope_soort: Scope['soort'];
  scope_code: string | null;
  geblokkeerd: boolean;
  aangemaakt_op: Date | string;
  gewijzigd_op: Date | string;
  laatst_gebruikt_op: Date | string | null;
}

const CLIENTVELDEN = 'id, naam, rol, scope_soort, scope_code, geblokkeerd, aangemaakt_op, gewijzigd_op, laatst_gebruikt_op';

function alsMachineclient(r: MachineclientRij): Machineclient {
  return {
    id: r.id, naam: r.naam, rol: r.rol, scope: scopeUit(r.scope_soort, r.scope_code), geblokkeerd: r.geblokkeerd,
    aangemaaktOp: tijd(r.aangemaakt_op), gewijzigdOp: tijd(r.gewijzigd_op), laatstGebruiktOp: r.laatst_gebruikt_op ? tijd(r.laatst_gebruikt_op) : null,
  };
}

/** Adds a machine client; null when the name is taken. */
export async function voegMachineclientToe(db: Db, c: { id: string; naam: string; rol: Rol; scope: Scope; sleutelHash: string }): Promise<Machineclient | null> {
  const [r] = await db.query<MachineclientRij>(
    `INSERT INTO machineclient (id, naam, rol, scope_soort, scope_code, sleutel_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING ${CLIENTVELDEN}`,
    [c.id, c.naam, c.rol, c.scope.soort, scopeCode(c.scope), c.sleutelHash]);
  return r ? alsMachineclient(r) : null;
}

export async function leesMachineclients(db: Db): Promise<Machineclient[]> {
  return (await db.query<MachineclientRij>(`SELECT ${CLIENTVELDEN} FROM machineclient ORDER BY naam`)).map(alsMachineclient);
}

export async function wijzigMachineclient(db: Db, id: string, w: { rol?: Rol; scope?: Scope; geblokkeerd?: boolean; sleutelHash?: string }): Promise<Machineclient | null> {
  const zet: string[] = ['gewijzigd_op = now()'];
  const params: unknown[] = [id];
  const veld = (kolom: string, waarde: unknown) => {
    params.push(waarde);
    zet.push(`${kolom} = $${params.length}`);
  };
  if (w.rol !== undefined) veld('rol', w.rol);
  if (w.scope !== undefined) {
    veld('scope_soort', w.scope.soort);
    veld('scope_code', scopeCode(w.scope));
  }
  if (w.geblokkeerd !== undefined) veld('geblokkeerd', w.geblokkeerd);
  if (w.sleutelHash !== undefined) veld('sleutel_hash', w.sleutelHash);
  const [r] = await db.query<MachineclientRij>(`UPDATE machineclient SET ${zet.join(', ')} WHERE id = $1 RETURNING ${CLIENTVELDEN}`, params);
  return r ? alsMachineclient(r) : null;
}

/**
 * The unblocked machine client holding this key. "Last used" is written at most once a
 * minute, so that a busy client costs one read per request, not a write.
 */
export async function gebruikMachineclient(db: Db, sleutelHash: string): Promise<Machineclient | null> {
  const [r] = await db.query<MachineclientRij & { oud: boolean }>(
    `SELECT ${CLIENTVELDEN}, (laatst_gebruikt_op IS NULL OR laatst_gebruikt_op < now() - interval '1 minute') AS oud
       FROM machineclient WHERE sleutel_hash = $1 AND NOT geblokkeerd`, [sleutelHash]);
  if (!r) return null;
  if (r.oud) await db.query('UPDATE machineclient SET laatst_gebruikt_op = now() WHERE id = $1', [r.id]);
  return alsMachineclient(r);
}

// --- OpenID Connect logins under way ---

export async function bewaarOidcAanvraag(db: Db, a: { stateHash: string; codeVerifier: string; nonce: string }): Promise<void> {
  await db.query("DELETE FROM oidc_aanvraag WHERE aangemaakt_op < now() - interval '10 minutes'");
  await db.query('INSERT INTO oidc_aanvraag (state_hash, code_verifier, nonce) VALUES ($1, $2, $3)', [a.stateHash, a.codeVerifier, a.nonce]);
}

/** Takes (and removes) a login under way; null when unknown or older than 10 minutes. */
export async function neemOidcAanvraag(db: Db, stateHash: string): Promise<{ codeVerifier: string; nonce: string } | null> {
  const [r] = await db.query<{ code_verifier: string; nonce: string }>(
    `DELETE FROM oidc_aanvraag WHERE state_hash = $1 AND aangemaakt_op > now() - interval '10 minutes' RETURNING code_verifier, nonce`, [stateHash]);
  return r ? { codeVerifier: r.code_verifier, nonce: r.nonce } : null;
}
