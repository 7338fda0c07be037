import { randomBytes } from 'node:crypto';
import type { Eigenaar } from '../domain/dossier/eigenaar.js';
import { zichtbaarNaOverdrachten } from '../domain/dossier/overdracht.js';
import type { Registraties } from '../domain/dossier/tijdlijn.js';
import type { Doel, Handeling } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { registreerInzage, type Auditparameters } from './audit.js';
import type { Db } from './database.js';
import { overdrachtenVanDossier, type Dossieroverdracht } from './overdrachten.js';

/**
 * Storage of dossiers (migration 008; docs/opvolging.md "Dossiers"): their openings and
 * closings from a month's lists, the officers' records, and reads, each read ONLY together
 * with its audit record. A dossier is visible to the user whose scope is its owner: an rmc
 * user the dossiers of the region (18+), a leerplicht user those of the municipality (under 18).
 * The persoon_id never leaves this module except inside `leesDossierGeaudit`'s registrations.
 */
export function nieuwDossierId(): string {
  return `d${randomBytes(10).toString('hex')}`;
}

// ------------------------------------------------------------------ following the lists

export async function isLijstrunVerwerkt(db: Db, lijstrunId: number): Promise<boolean> {
  return (await db.query('SELECT 1 FROM dossier_lijstrun WHERE lijstrun_id = $1', [lijstrunId])).length > 0;
}

export async function laatsteVerwerkteMaand(db: Db): Promise<string | null> {
  const [r] = await db.query<{ m: string | null }>('SELECT max(maand) AS m FROM dossier_lijstrun');
  return r?.m ?? null;
}

export interface Dossierpositie {
  persoon_id: string;
  werkvoorraad: boolean;
  reden: string | null;
  gemeente_code: string;
  rmc_code: string;
  leeftijd: number;
  dossier_id: string | null;
  /** the dossier's holder */
  eigenaar_soort: Eigenaar['soort'] | null;
  eigenaar_code: string | null;
  status: 'open' | 'gesloten' | null;
  geopend_maand: string | null;
  gesloten_maand: string | null;
}

/** Everyone on werkvoorraad or herinschrijvingen of a run, with their dossier as it stands. */
export async function dossierposities(db: Db, lijstrunId: number): Promise<Dossierpositie[]> {
  return db.query<Dossierpositie>(`
    SELECT lp.persoon_id, bool_or(lp.lijst = 'werkvoorraad') AS werkvoorraad,
           max(lp.reden) FILTER (WHERE lp.lijst = 'herinschrijvingen') AS reden,
           max(lp.gemeente_code) AS gemeente_code, max(lp.rmc_code) AS rmc_code, max(lp.leeftijd)::int AS leeftijd,
           d.id AS dossier_id, d.eigenaar_soort, d.eigenaar_code, d.status, d.geopend_maand, d.gesloten_maand
    FROM lijst_persoon lp LEFT JOIN dossier d ON d.persoon_id = lp.persoon_id
    WHERE lp.run_id = $1 AND lp.lijst IN ('werkvoorraad', 'herinschrijvingen')
    GROUP BY lp.persoon_id, d.id, d.eigenaar_soort, d.eigenaar_code, d.status, d.geopend_maand, d.gesloten_maand`, [lijstrunId]);
}

export interface Dossierwijzigingen {
  maand: string;
  peildatum: string;
  lijstrunId: number;
  openen: { persoonId: string; eigenaar: Eigenaar }[];
  heropenen: string[];
  sluiten: { dossierId: string; reden: string }[];
}

export async function legDossierwijzigingenVast(tx: Db, w: Dossierwijzigingen): Promise<void> {
  if (w.openen.length) {
    const ids = w.openen.map(() => nieuwDossierId());
    await tx.query(`INSERT INTO dossier (id, persoon_id, eigenaar_soort, eigenaar_code, status, geopend_maand, geopend_op)
      SELECT id, p, s, c, 'open', $5, $6::date FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, p, s, c)`,
    [ids, w.openen.map((o) => o.persoonId), w.openen.map((o) => o.eigenaar.soort), w.openen.map((o) => o.eigenaar.code), w.maand, w.peildatum]);
    await tx.query(`INSERT INTO dossier_periode (dossier_id, volgnummer, geopend_maand) SELECT id, 1, $2 FROM unnest($1::text[]) AS id`, [ids, w.maand]);
  }
  if (w.heropenen.length) {
    await tx.query(`UPDATE dossier SET status = 'open', geopend_maand = $2, geopend_op = $3::date, gesloten_maand = NULL, sluitreden = NULL
      WHERE id = ANY($1::text[])`, [w.heropenen, w.maand, w.peildatum]);
    await tx.query(`INSERT INTO dossier_periode (dossier_id, volgnummer, geopend_maand)
      SELECT id, (SELECT max(volgnummer) + 1 FROM dossier_periode p WHERE p.dossier_id = id), $2 FROM unnest($1::text[]) AS id`, [w.heropenen, w.maand]);
  }
  if (w.sluiten.length) {
    const ids = w.sluiten.map((s) => s.dossierId);
    const redenen = w.sluiten.map((s) => s.reden);
    await tx.query(`UPDATE dossier d SET status = 'gesloten', gesloten_maand = $3, sluitreden = u.reden
      FROM unnest($1::text[], $2::text[]) AS u(id, reden) WHERE d.id = u.id`, [ids, redenen, w.maand]);
    await tx.query(`UPDATE dossier_periode p SET gesloten_maand = $3, sluitreden = u.reden
      FROM unnest($1::text[], $2::text[]) AS u(id, reden) WHERE p.dossier_id = u.id AND p.gesloten_maand IS NULL`, [ids, redenen, w.maand]);
  }
  await tx.query('INSERT INTO dossier_lijstrun (lijstrun_id, maand) VALUES ($1, $2)', [w.lijstrunId, w.maand]);
}

// ------------------------------------------------------------------ reads and writes by officers

/** The owner condition of the user's scope on alias `d`; parameters start at `$n`. */
function eigenaarVoorwaarde(g: Gebruiker, n: number): { sql: string; params: unknown[] } {
  const s = g.scope;
  if (s.soort === 'rmc-regio') return { sql: `d.eigenaar_soort = 'rmc-regio' AND d.eigenaar_code = $${n}`, params: [s.code] };
  if (s.soort === 'gemeente') return { sql: `d.eigenaar_soort = 'gemeente' AND d.eigenaar_code = $${n}`, params: [s.code] };
  throw new Error(`de rol ${g.rol} heeft geen dossiers`);
}

export interface Dossierrecord {
  dossier_id: string;
  referentie: string;
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string | null;
  geboortedatum: string | null;
  status: 'open' | 'gesloten';
  eigenaar_soort: string;
  eigenaar_code: string;
  geopend_maand: string;
  geopend_op: string;
  gesloten_maand: string | null;
  sluitreden: string | null;
  volgend_contact: string | null;
  behandelaar_naam: string | null;
}

const DOSSIERVELDEN = `d.id AS dossier_id, persoon_referentie(d.persoon_id) AS referentie, p.voornamen, p.voorvoegsel, p.geslachtsnaam,
  p.geboortedatum::text AS geboortedatum, d.status, d.eigenaar_soort, d.eigenaar_code, d.geopend_maand, d.geopend_op::text AS geopend_op,
  d.gesloten_maand, d.sluitreden, d.volgend_contact::text AS volgend_contact, d.behandelaar_naam`;

export interface Dossierzoekvraag {
  gebruiker: Gebruiker;
  status?: 'open' | 'gesloten';
  /** part of the family name, case-insensitive */
  naam?: string;
  /** only these dossiers (the ones behind a figure of the effect report) */
  ids?: readonly string[];
  offset: number;
  limit: number;
  doel: Doel;
  parameters: Auditparameters;
}

export async function zoekDossiersGeaudit(db: Db, v: Dossierzoekvraag): Promise<{ totaal: number; dossiers: Dossierrecord[] }> {
  const eigen = eigenaarVoorwaarde(v.gebruiker, 1);
  const params: unknown[] = [...eigen.params];
  const waar = [eigen.sql];
  if (v.status) {
    params.push(v.status);
    waar.push(`d.status = $${params.length}`);
  }
  if (v.naam) {
    params.push(`%${v.naam.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    waar.push(`p.geslachtsnaam ILIKE $${params.length}`);
  }
  if (v.ids) {
    params.push(v.ids);
    waar.push(`d.id = ANY($${params.length}::text[])`);
  }
  const basis = `FROM dossier d LEFT JOIN persoon p ON p.persoon_id = d.persoon_id WHERE ${waar.join(' AND ')}`;
  return db.transaction(async (tx) => {
    const [n] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${basis}`, params);
    const rijen = await tx.query<Dossierrecord & { __persoon_id: string }>(`SELECT d.persoon_id AS __persoon_id, ${DOSSIERVELDEN} ${basis}
      ORDER BY d.status DESC, d.geopend_op DESC, d.id LIMIT ${Number(v.limit)} OFFSET ${Number(v.offset)}`, params);
    await registreerInzage(tx, { gebruiker: v.gebruiker, handeling: 'dossier.lezen', doel: v.doel, parameters: v.parameters, personen: { ids: rijen.map((r) => r.__persoon_id) } });
    return { totaal: n!.n, dossiers: rijen.map(({ __persoon_id: _weg, ...r }) => r) };
  });
}

export interface Dossiergebeurtenis { id: number; soort: string; datum: string; gegevens: Record<string, string>; weergavenaam: string; vastgelegd_op: string }

/**
 * One dossier with everything its timeline is made of, or null when it does not exist or is not
 * the user's (the same answer, so an id reveals nothing). The read is audited either way.
 * After a handover the holder sees of what was recorded before only the parts passed on
 * (src/domain/dossier/overdracht.ts `zichtbaarNaOverdrachten`); `lopend` is the undecided handover.
 */
export async function leesDossierGeaudit(db: Db, v: { gebruiker: Gebruiker; dossierId: string; doel: Doel; parameters: Auditparameters }):
Promise<{ dossier: Dossierrecord; registraties: Registraties; vastgelegd: Dossiergebeurtenis[]; lopend: Dossieroverdracht | null } | null> {
  const eigen = eigenaarVoorwaarde(v.gebruiker, 2);
  return db.transaction(async (tx) => {
    const [d] = await tx.query<Dossierrecord & { persoon_id: string }>(`SELECT d.persoon_id, ${DOSSIERVELDEN}
      FROM dossier d LEFT JOIN persoon p ON p.persoon_id = d.persoon_id WHERE d.id = $1 AND ${eigen.sql}`, [v.dossierId, ...eigen.params]);
    await registreerInzage(tx, { gebruiker: v.gebruiker, handeling: 'dossier.lezen', doel: v.doel, parameters: v.parameters, personen: { referenties: d ? [d.referentie] : [] } });
    if (!d) return null;
    const overdrachten = await overdrachtenVanDossier(tx, v.dossierId);
    const aanvaard = overdrachten.flatMap((o) => (o.status === 'aanvaard' ? [{ grens: o.grens_gebeurtenis ?? 0, delen: o.delen ?? [] }] : []));
    // The whole timeline in one statement (each round trip counts when twenty officers open dossiers at once).
    const lijst = (sql: string) => `coalesce((${sql}), '[]'::json)`;
    const [r] = await tx.query<Omit<Registraties, 'vastgelegd' | 'overdrachten'> & { gebeurtenissen_dossier: Dossiergebeurtenis[] }>(`SELECT
      ${lijst(`SELECT json_agg(json_build_object('id', id, 'soort', soort, 'datum', datum::text, 'gegevens', gegevens, 'weergavenaam', weergavenaam,
        'vastgelegd_op', to_char(vastgelegd_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY datum DESC, id DESC)
        FROM dossier_gebeurtenis WHERE dossier_id = $2`)} AS gebeurtenissen_dossier,
      ${lijst(`SELECT json_agg(json_build_object('brin', brin, 'vestiging', vestiging, 'onderwijstype', onderwijstype,
        'begindatum', begindatum::text, 'einddatum', einddatum::text)) FROM inschrijving WHERE persoon_id = $1`)} AS inschrijvingen,
      ${lijst(`SELECT json_agg(json_build_object('soort', soort, 'datum', datum::text, 'brin', brin)) FROM diploma WHERE persoon_id = $1`)} AS diplomas,
      ${lijst(`SELECT json_agg(json_build_object('grond', grond, 'vanaf', vanaf::text, 'tot', tot::text)) FROM vrijstelling WHERE persoon_id = $1`)} AS vrijstellingen,
      ${lijst(`SELECT json_agg(json_build_object('gemeente_code', gemeente_code, 'vanaf', vanaf::text)) FROM verblijf WHERE persoon_id = $1`)} AS verblijf,
      ${lijst(`SELECT json_agg(json_build_object('soort', soort, 'datum', datum::text)) FROM brp_gebeurtenis WHERE persoon_id = $1`)} AS gebeurtenissen,
      ${lijst(`SELECT json_agg(json_build_object('maand', r.maand, 'lijst', lp.lijst, 'reden', lp.reden))
        FROM lijst_persoon lp JOIN lijst_run r ON r.id = lp.run_id
        WHERE lp.persoon_id = $1 AND lp.lijst IN ('uitschrijvingen', 'herinschrijvingen', 'uitval')
          AND r.id = (SELECT max(r2.id) FROM lijst_run r2 WHERE r2.maand = r.maand)`)} AS lijsten,
      ${lijst(`SELECT json_agg(json_build_object('geopend_maand', geopend_maand, 'gesloten_maand', gesloten_maand, 'sluitreden', sluitreden) ORDER BY volgnummer)
        FROM dossier_periode WHERE dossier_id = $2`)} AS periodes`, [d.persoon_id, v.dossierId]);
    const { gebeurtenissen_dossier: eigenGebeurtenissen, ...uitLeveringen } = r!;
    const vastgelegd = zichtbaarNaOverdrachten(eigenGebeurtenissen, aanvaard);
    const registraties: Registraties = {
      ...uitLeveringen,
      vastgelegd: vastgelegd.map((e) => ({ soort: e.soort, datum: e.datum, gegevens: e.gegevens, weergavenaam: e.weergavenaam })),
      overdrachten: overdrachten.flatMap((o) => (o.status === 'aanvaard' && o.besloten_op
        ? [{ datum: o.besloten_op, van: `${o.van.soort} ${o.van.code}`, naar: `${o.naar.soort} ${o.naar.code}`, oorzaak: o.oorzaak }] : [])),
    };
    const { persoon_id: _weg, ...dossier } = d;
    const lopend = overdrachten.find((o) => o.status === 'voorgesteld' || o.status === 'verzonden' || o.status === 'geweigerd') ?? null;
    return { dossier, registraties, vastgelegd, lopend };
  });
}

/**
 * Records one event in a dossier of the user's scope (checked by src/domain/dossier first);
 * false when the dossier is not theirs. The first officer to record something becomes the
 * dossier's behandelaar; `volgend-contact` sets the next-contact date. Audited as a write.
 */
export async function legGebeurtenisVast(db: Db, v: {
  gebruiker: Gebruiker; dossierId: string; soort: string; datum: string; gegevens: Record<string, string>; doel: Doel; handeling: Handeling;
}): Promise<number | null> {
  const eigen = eigenaarVoorwaarde(v.gebruiker, 2);
  return db.transaction(async (tx) => {
    const [d] = await tx.query<{ persoon_id: string }>(`SELECT d.persoon_id FROM dossier d WHERE d.id = $1 AND ${eigen.sql} FOR UPDATE`, [v.dossierId, ...eigen.params]);
    if (!d) return null;
    const [e] = await tx.query<{ id: number }>(`INSERT INTO dossier_gebeurtenis (dossier_id, soort, datum, gegevens, account_id, weergavenaam)
      VALUES ($1, $2, $3::date, $4::jsonb, $5, $6) RETURNING id`,
    [v.dossierId, v.soort, v.datum, JSON.stringify(v.gegevens), v.gebruiker.accountId, v.gebruiker.weergavenaam]);
    await tx.query(`UPDATE dossier SET behandelaar_id = COALESCE(behandelaar_id, $2), behandelaar_naam = COALESCE(behandelaar_naam, $3),
      volgend_contact = CASE WHEN $4::text IS NULL THEN volgend_contact ELSE $4::date END WHERE id = $1`,
    [v.dossierId, v.gebruiker.accountId, v.gebruiker.weergavenaam, v.soort === 'volgend-contact' ? v.gegevens.op ?? null : null]);
    await registreerInzage(tx, {
      gebruiker: v.gebruiker, handeling: v.handeling, doel: v.doel, personen: { ids: [d.persoon_id] },
      parameters: { dossier: v.dossierId, soort: v.soort, datum: v.datum },
    });
    return e!.id;
  });
}

/** The dossiers held by a region or municipality, oldest first (the demo world's case work, src/demo/dossiers.ts). */
export async function leesDossiersVanEigenaar(db: Db, eigenaar: Eigenaar): Promise<{ id: string; status: 'open' | 'gesloten'; geopend_op: string; gesloten_maand: string | null; sluitreden: string | null }[]> {
  return db.query(`SELECT id, status, geopend_op::text AS geopend_op, gesloten_maand, sluitreden FROM dossier
    WHERE eigenaar_soort = $1 AND eigenaar_code = $2 ORDER BY geopend_op, id`, [eigenaar.soort, eigenaar.code]);
}

/**
 * The demo world's case work was recorded before its accounts existed, under a placeholder id
 * (`demo:<user name>`); once the demo account is made, its work becomes that account's, so that
 * the demo officer's own worklist shows it (src/demo/demoaccounts.ts).
 */
export async function wijsDemowerkToe(db: Db, plaatshouder: string, accountId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE dossier SET behandelaar_id = $2 WHERE behandelaar_id = $1', [plaatshouder, accountId]);
    await tx.query('UPDATE dossier_gebeurtenis SET account_id = $2 WHERE account_id = $1', [plaatshouder, accountId]);
  });
}
