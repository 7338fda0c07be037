/**
 * Roles and scopes of `opvolging.md` (section Access) and `lijsten.md` ("Who sees which rows").
 * Pure domain: no HTTP, no SQL. Every request — web page, API call, command — is made by one
 * `Gebruiker`, and one declarative policy (`beleid.ts`, to come) decides what that user may do.
 *
 * - `rmc`: one RMC region (persons living there);
 * - `leerplicht`: one municipality (persons living there);
 * - `school`: one BRIN (its own pupils and reports);
 * - `analist`: aggregates only, under openbaarmaking; no person data;
 * - `beheer`: accounts; no person data;
 * - `privacy`: the privacy officer: reads the audit trail; no person data.
 */
export const ROLLEN = ['rmc', 'leerplicht', 'school', 'analist', 'beheer', 'privacy'] as const;
export type Rol = (typeof ROLLEN)[number];

/** The area or institution a role works for. `landelijk` for the roles without a narrower scope. */
export type Scope =
  | { soort: 'rmc-regio'; code: string }
  | { soort: 'gemeente'; code: string }
  | { soort: 'brin'; code: string }
  | { soort: 'landelijk' };

/** Which kind of scope each role has: the role and its scope always come together. */
export const SCOPESOORT: Readonly<Record<Rol, Scope['soort']>> = {
  rmc: 'rmc-regio',
  leerplicht: 'gemeente',
  school: 'brin',
  analist: 'landelijk',
  beheer: 'landelijk',
  privacy: 'landelijk',
};

/** Roles that may read person data (within their scope). */
export const ROLLEN_MET_PERSOONSGEGEVENS: ReadonlySet<Rol> = new Set<Rol>(['rmc', 'leerplicht', 'school']);

/** Who is asking: a person logged in, a machine client of a school, or the command line. */
export interface Gebruiker {
  /** internal account id (never a BSN or persoon_id) */
  accountId: string;
  /** shown in the page header and in the audit trail */
  weergavenaam: string;
  rol: Rol;
  scope: Scope;
  /** how this user proved who they are */
  soort: 'persoon' | 'machine' | 'cli';
}

const CODEVORM: Readonly<Record<Exclude<Scope['soort'], 'landelijk'>, RegExp>> = {
  'rmc-regio': /^\d{2}$/,
  gemeente: /^GM\d{4}$/,
  brin: /^\d{2}[A-Z]{2}$/,
};

/** Checks that a role and a scope belong together and that the scope code is well-formed. */
export function controleerRolEnScope(rol: Rol, scope: Scope): string | null {
  if (SCOPESOORT[rol] !== scope.soort) return `rol '${rol}' hoort bij scope '${SCOPESOORT[rol]}', niet bij '${scope.soort}'`;
  if (scope.soort === 'landelijk') return null;
  return CODEVORM[scope.soort].test(scope.code) ? null : `scopecode '${scope.code}' is geen geldige ${scope.soort}-code`;
}

export function scopeTekst(scope: Scope): string {
  return scope.soort === 'landelijk' ? 'landelijk' : `${scope.soort} ${scope.code}`;
}
