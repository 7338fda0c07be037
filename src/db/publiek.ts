import type { Db } from './database.js';

/**
 * The second door (docs/toegang.md, "Two doors"): the public figures are read through a
 * database connection that cannot reach person data.
 * - PostgreSQL: a pool whose every connection runs `SET ROLE binnenboord_publiek`, a role with
 *   SELECT on the figure and reference tables only; the server itself refuses the rest.
 * - PGlite (one user, one connection, no roles to switch to): a wrapper that runs only SELECT
 *   statements and refuses any naming a table (or function) that holds person data.
 */
export const PUBLIEKE_ROL = 'binnenboord_publiek';

/**
 * What the public API reads: the counts' figures and runs, deliveries' names, the classification and institutions,
 * and the absence figures (counts, no reports: docs/rules/verzuim-cijfers.md).
 */
export const PUBLIEKE_TABELLEN = [
  'levering', 'telling_run', 'telling_run_levering', 'telling_cijfer', 'rmc_indeling', 'instelling', 'verzuim_cijfer', 'verzuim_cijfer_berekening', 'publicatie_patroon', 'driejaar_patroon',
] as const;

/** Tables and functions with person data or the audit trail: never through the public door. */
export const PERSOONSTABELLEN = [
  'persoon', 'verblijf', 'brp_gebeurtenis', 'inschrijving', 'diploma', 'vrijstelling', 'werk', 'telling_persoon', 'afgewezen_rij',
  'audit', 'audit_persoon', 'audit_keten', 'audit_voor_003', 'audit_wachtrij', 'toegang_sleutel', 'verwijdering', 'persoon_referentie',
  // accounts: staff's personal data and password hashes
  'account', 'sessie', 'inlogpoging', 'machineclient', 'oidc_aanvraag',
  // absence reports
  'verzuimmelding', 'verzuimactie', 'verzuimstatus',
  // monthly person lists
  'lijst_run', 'lijst_run_levering', 'lijst_persoon', 'lijst_startset', 'lijst_uitval_cijfer',
  // case work (dossiers) and its settings
  'dossier', 'dossier_periode', 'dossier_gebeurtenis', 'dossier_lijstrun', 'regio_instelling',
  // the warm handover of dossiers
  'dossier_overdracht', 'dossier_overdracht_stap', 'dossier_gebeurtenis_zichtbaar',
] as const;

const VERBODEN = new RegExp(`\\b(${PERSOONSTABELLEN.join('|')})\\b`, 'i');

export class GeenToegangPubliek extends Error {}

function bewaak(sql: string): void {
  const tekst = sql.replace(/--[^\n]*/g, ' ').trim();
  if (!/^(SELECT|WITH)\b/i.test(tekst)) throw new GeenToegangPubliek('de publieke deur kan alleen lezen (SELECT)');
  const m = VERBODEN.exec(tekst);
  if (m) throw new GeenToegangPubliek(`de publieke deur heeft geen toegang tot ${m[1]} (persoonsgegevens)`);
}

/** PGlite: the guarded door over the one connection. */
export function bewaakteDeur(db: Db): Db {
  const weiger = () => {
    throw new GeenToegangPubliek('de publieke deur kan alleen lezen (SELECT)');
  };
  const deur: Db = {
    soort: db.soort,
    query: (sql, params) => {
      bewaak(sql);
      return db.query(sql, params);
    },
    queryArrays: (sql, params) => {
      bewaak(sql);
      return db.queryArrays(sql, params);
    },
    exec: async () => weiger(),
    copyIn: async () => weiger(),
    copyOut: () => weiger(),
    transaction: (work) => db.transaction((tx) => work(bewaakteDeur(tx))),
    close: async () => {},
    publiekeDeur: async () => deur,
  };
  return deur;
}

/**
 * PostgreSQL: makes the role if it is missing (or says what the administrator must do),
 * lets it read the public tables of this database and nothing else, and lets the
 * application's user switch to it. Idempotent; run at every server start.
 */
export function publiekeRolSql(): string {
  return `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PUBLIEKE_ROL}') THEN
    BEGIN
      CREATE ROLE ${PUBLIEKE_ROL} NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- made at the same moment by another database of this server
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'de databaserol ${PUBLIEKE_ROL} ontbreekt en deze gebruiker mag geen rollen maken; laat de beheerder uitvoeren: CREATE ROLE ${PUBLIEKE_ROL} NOLOGIN; GRANT ${PUBLIEKE_ROL} TO %', current_user;
    END;
  END IF;
  IF NOT pg_has_role(current_user, '${PUBLIEKE_ROL}', 'MEMBER') THEN
    EXECUTE format('GRANT ${PUBLIEKE_ROL} TO %I', current_user);
  END IF;
END $$;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${PUBLIEKE_ROL};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${PUBLIEKE_ROL};
GRANT USAGE ON SCHEMA public TO ${PUBLIEKE_ROL};
GRANT SELECT ON ${PUBLIEKE_TABELLEN.join(', ')} TO ${PUBLIEKE_ROL};
`;
}
