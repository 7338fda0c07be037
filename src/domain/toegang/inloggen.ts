import { ROLLEN, SCOPESOORT, controleerRolEnScope, type Rol, type Scope } from './rollen.js';

/**
 * The rules of logging in (issue 8), pure: lock-out, session lifetimes, the form of a user
 * name and a password, and where each role starts. The server and the command line apply them.
 */

/** Lock-out: this many failed password attempts for one user name within the window lock it. */
export const MAX_MISLUKT = 5;
/** The window in which failures are counted, and so how long a lock lasts after the last of them. */
export const VERGRENDEL_MINUTEN = 15;

/** A session ends after this long without a request (idle timeout) … */
export const STANDAARD_INACTIEF_MINUTEN = 30;
/** … and at the latest this long after logging in (absolute timeout). */
export const STANDAARD_ABSOLUUT_UREN = 10;

export const MIN_WACHTWOORDLENGTE = 12;
export const MAX_WACHTWOORDLENGTE = 256;

const GEBRUIKERSNAAM = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export function controleerGebruikersnaam(naam: string): string | null {
  return GEBRUIKERSNAAM.test(naam) ? null
    : `gebruikersnaam '${naam}' is ongeldig: 2 tot 64 tekens, kleine letters, cijfers en . _ @ -, beginnend met een letter of cijfer`;
}

/** Length only (NIST SP 800-63B): no composition rules, long passphrases welcome. */
export function controleerWachtwoord(wachtwoord: string): string | null {
  if (wachtwoord.length < MIN_WACHTWOORDLENGTE) return `het wachtwoord is te kort: minstens ${MIN_WACHTWOORDLENGTE} tekens`;
  if (wachtwoord.length > MAX_WACHTWOORDLENGTE) return `het wachtwoord is te lang: hoogstens ${MAX_WACHTWOORDLENGTE} tekens`;
  return null;
}

/** Lock-out rule: locked while the failures within the window since the last success reach the maximum. */
export function isVergrendeld(mislukteInVenster: number): boolean {
  return mislukteInVenster >= MAX_MISLUKT;
}

/** Each role's start page after logging in (the person and audit pages belong to the policy side). */
export const STARTPAGINA: Readonly<Record<Rol, string>> = {
  analist: '/',
  beheer: '/beheer',
  privacy: '/audit',
  // the working day starts with what is due: new names, contacts, overdue intakes (issue 9)
  rmc: '/werklijst',
  leerplicht: '/werklijst',
  school: '/personen',
};

export function isRol(tekst: string): tekst is Rol {
  return (ROLLEN as readonly string[]).includes(tekst);
}

/**
 * A role and a scope code as given on a form or a command line: the scope kind follows from
 * the role, the code is required for the scoped roles and refused for the others.
 */
export function leesRolEnScope(rolTekst: string, code: string | null | undefined): { rol: Rol; scope: Scope } | { fout: string } {
  if (!isRol(rolTekst)) return { fout: `rol '${rolTekst}' is onbekend: kies uit ${ROLLEN.join(', ')}` };
  const soort = SCOPESOORT[rolTekst];
  const c = code?.trim() ?? '';
  let scope: Scope;
  if (soort === 'landelijk') {
    if (c !== '') return { fout: `rol '${rolTekst}' heeft geen scopecode (landelijk); laat de scope leeg` };
    scope = { soort };
  } else {
    if (c === '') return { fout: `rol '${rolTekst}' vraagt een scopecode (${soort})` };
    scope = { soort, code: c };
  }
  const fout = controleerRolEnScope(rolTekst, scope);
  return fout ? { fout } : { rol: rolTekst, scope };
}
