import {
  beeindigSessiesVanAccount, voegAccountToe, voegMachineclientToe, wijzigAccount, wijzigMachineclient,
  type Account, type Machineclient,
} from '../db/accounts.js';
import type { Db } from '../db/database.js';
import { controleerGebruikersnaam, controleerWachtwoord, leesRolEnScope } from '../domain/toegang/inloggen.js';
import type { Rol, Scope } from '../domain/toegang/rollen.js';
import { hashWachtwoord, nieuweApiSleutel, nieuwId, tokenHash } from './geheimen.js';

/**
 * Managing accounts and machine clients, shared by the beheer API and the command line:
 * every input is checked here (with the field it concerns), passwords are hashed here, and
 * every change that takes rights away ends the account's open sessions at once.
 */
export class AccountFout extends Error {
  constructor(readonly veld: string, message: string, readonly soort: 'ongeldig' | 'bestaat' | 'onbekend' = 'ongeldig') {
    super(message);
  }
}

function rolEnScope(rol: string, scopecode: string | null | undefined): { rol: Rol; scope: Scope } {
  const r = leesRolEnScope(rol, scopecode);
  if ('fout' in r) throw new AccountFout(r.fout.startsWith('rol') ? 'rol' : 'scopecode', r.fout);
  return r;
}

function weergavenaamVan(tekst: string): string {
  const naam = tekst.trim();
  if (naam.length < 1 || naam.length > 100) throw new AccountFout('weergavenaam', 'de weergavenaam moet 1 tot 100 tekens lang zijn');
  return naam;
}

export interface AccountInvoer {
  gebruikersnaam: string;
  weergavenaam: string;
  rol: string;
  scopecode?: string | null;
  /** null: the account logs in only through OpenID Connect */
  wachtwoord: string | null;
  oidcSub?: string | null;
  demo?: boolean;
}

export async function maakAccount(db: Db, invoer: AccountInvoer): Promise<Account> {
  const naamFout = controleerGebruikersnaam(invoer.gebruikersnaam);
  if (naamFout) throw new AccountFout('gebruikersnaam', naamFout);
  const { rol, scope } = rolEnScope(invoer.rol, invoer.scopecode);
  const weergavenaam = weergavenaamVan(invoer.weergavenaam);
  let wachtwoordHash: string | null = null;
  if (invoer.wachtwoord !== null) {
    const fout = controleerWachtwoord(invoer.wachtwoord);
    if (fout) throw new AccountFout('wachtwoord', fout);
    wachtwoordHash = await hashWachtwoord(invoer.wachtwoord);
  }
  const account = await voegAccountToe(db, {
    id: nieuwId(), gebruikersnaam: invoer.gebruikersnaam, weergavenaam, rol, scope, wachtwoordHash, oidcSub: invoer.oidcSub ?? null, demo: invoer.demo ?? false,
  });
  if (!account) throw new AccountFout('gebruikersnaam', `er is al een account '${invoer.gebruikersnaam}'`, 'bestaat');
  return account;
}

export interface AccountWijzigInvoer {
  weergavenaam?: string;
  rol?: string;
  scopecode?: string | null;
  geblokkeerd?: boolean;
}

/**
 * Changes name, role and scope, or blocks. A role or scope change, and blocking, end the open
 * sessions: the next request of that person is anonymous and they log in again.
 */
export async function wijzigAccountgegevens(db: Db, huidig: Account, w: AccountWijzigInvoer): Promise<Account> {
  const rolGewijzigd = w.rol !== undefined || w.scopecode !== undefined;
  const rs = rolGewijzigd
    ? rolEnScope(w.rol ?? huidig.rol, w.scopecode !== undefined ? w.scopecode : huidig.scope.soort === 'landelijk' ? null : huidig.scope.code)
    : null;
  return db.transaction(async (tx) => {
    const account = await wijzigAccount(tx, huidig.id, {
      ...(w.weergavenaam !== undefined ? { weergavenaam: weergavenaamVan(w.weergavenaam) } : {}),
      ...(rs ? { rol: rs.rol, scope: rs.scope } : {}),
      ...(w.geblokkeerd !== undefined ? { geblokkeerd: w.geblokkeerd } : {}),
    });
    if (!account) throw new AccountFout('id', 'dit account bestaat niet', 'onbekend');
    if (rs || w.geblokkeerd === true) await beeindigSessiesVanAccount(tx, huidig.id);
    return account;
  });
}

/** Sets a new password and ends the open sessions (someone else may have known the old one). */
export async function zetWachtwoord(db: Db, accountId: string, wachtwoord: string): Promise<Account> {
  const fout = controleerWachtwoord(wachtwoord);
  if (fout) throw new AccountFout('wachtwoord', fout);
  const wachtwoordHash = await hashWachtwoord(wachtwoord);
  return db.transaction(async (tx) => {
    const account = await wijzigAccount(tx, accountId, { wachtwoordHash });
    if (!account) throw new AccountFout('id', 'dit account bestaat niet', 'onbekend');
    await beeindigSessiesVanAccount(tx, accountId);
    return account;
  });
}

export interface MachineclientInvoer {
  naam: string;
  rol: string;
  scopecode?: string | null;
}

/** A new machine client and its API key: the key is returned here once and stored only as a hash. */
export async function maakMachineclient(db: Db, invoer: MachineclientInvoer): Promise<{ client: Machineclient; sleutel: string }> {
  const naam = invoer.naam.trim();
  if (naam.length < 2 || naam.length > 100) throw new AccountFout('naam', 'de naam moet 2 tot 100 tekens lang zijn');
  const { rol, scope } = rolEnScope(invoer.rol, invoer.scopecode);
  const sleutel = nieuweApiSleutel();
  const client = await voegMachineclientToe(db, { id: nieuwId(), naam, rol, scope, sleutelHash: tokenHash(sleutel) });
  if (!client) throw new AccountFout('naam', `er is al een machineclient '${naam}'`, 'bestaat');
  return { client, sleutel };
}

export async function wijzigMachineclientgegevens(db: Db, huidig: Machineclient, w: { rol?: string; scopecode?: string | null; geblokkeerd?: boolean }): Promise<Machineclient> {
  const rs = w.rol !== undefined || w.scopecode !== undefined
    ? rolEnScope(w.rol ?? huidig.rol, w.scopecode !== undefined ? w.scopecode : huidig.scope.soort === 'landelijk' ? null : huidig.scope.code)
    : null;
  const client = await wijzigMachineclient(db, huidig.id, { ...(rs ? { rol: rs.rol, scope: rs.scope } : {}), ...(w.geblokkeerd !== undefined ? { geblokkeerd: w.geblokkeerd } : {}) });
  if (!client) throw new AccountFout('id', 'deze machineclient bestaat niet', 'onbekend');
  return client;
}

/** A new key for a machine client; the old one stops working at once. */
export async function vernieuwSleutel(db: Db, id: string): Promise<{ client: Machineclient; sleutel: string }> {
  const sleutel = nieuweApiSleutel();
  const client = await wijzigMachineclient(db, id, { sleutelHash: tokenHash(sleutel) });
  if (!client) throw new AccountFout('id', 'deze machineclient bestaat niet', 'onbekend');
  return { client, sleutel };
}
