import type { OpenDossier } from '../domain/dossier/werklijst.js';
import type { Doel } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { registreerInzage, type Auditparameters } from './audit.js';
import type { Db } from './database.js';

/**
 * What the worklist is decided on (src/domain/dossier/werklijst.ts): every open dossier of the
 * user's scope with its intake, last contact and end of education, read ONLY together with the
 * audit record that names the persons (the worklist shows their names). The region's
 * interval of periodic contact (regio_instelling) is read and set here too.
 */
export interface Werklijstdossier extends OpenDossier {
  referentie: string;
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string | null;
}

export async function leesOpenDossiersGeaudit(db: Db, v: { gebruiker: Gebruiker; doel: Doel; parameters: Auditparameters }): Promise<Werklijstdossier[]> {
  const s = v.gebruiker.scope;
  if (s.soort !== 'rmc-regio' && s.soort !== 'gemeente') throw new Error(`de rol ${v.gebruiker.rol} heeft geen werklijst`);
  return db.transaction(async (tx) => {
    const rijen = await tx.query<Werklijstdossier & { __persoon_id: string }>(`
      SELECT d.persoon_id AS __persoon_id, d.id AS "dossierId", persoon_referentie(d.persoon_id) AS referentie,
             p.voornamen, p.voorvoegsel, p.geslachtsnaam, d.geopend_op::text AS "geopendOp",
             d.behandelaar_id AS "behandelaarId", d.behandelaar_naam AS "behandelaarNaam", d.volgend_contact::text AS "volgendContact",
             (SELECT min(g.datum)::text FROM dossier_gebeurtenis g WHERE g.dossier_id = d.id AND g.soort = 'intake' AND g.datum >= d.geopend_op) AS intake,
             (SELECT max(g.datum)::text FROM dossier_gebeurtenis g WHERE g.dossier_id = d.id
                AND g.soort IN ('contactpoging', 'eerste-contact', 'intake')) AS "laatsteContact",
             (SELECT max(i.einddatum)::text FROM inschrijving i WHERE i.persoon_id = d.persoon_id) AS "uitOnderwijsSinds"
      FROM dossier d LEFT JOIN persoon p ON p.persoon_id = d.persoon_id
      WHERE d.status = 'open' AND d.eigenaar_soort = $1 AND d.eigenaar_code = $2
      ORDER BY d.geopend_op, d.id`, [s.soort, s.code]);
    await registreerInzage(tx, { gebruiker: v.gebruiker, handeling: 'werklijst.lezen', doel: v.doel, parameters: v.parameters, personen: { ids: rijen.map((r) => r.__persoon_id) } });
    return rijen.map(({ __persoon_id: _weg, ...r }) => r);
  });
}

/** The region's interval of periodic contact in months, or null when it has none set. */
export async function leesContactinterval(db: Db, rmcCode: string): Promise<number | null> {
  const [r] = await db.query<{ m: number }>('SELECT contactinterval_maanden AS m FROM regio_instelling WHERE rmc_code = $1', [rmcCode]);
  return r ? Number(r.m) : null;
}

export async function zetContactinterval(db: Db, rmcCode: string, maanden: number): Promise<void> {
  await db.query(`INSERT INTO regio_instelling (rmc_code, contactinterval_maanden) VALUES ($1, $2)
    ON CONFLICT (rmc_code) DO UPDATE SET contactinterval_maanden = EXCLUDED.contactinterval_maanden`, [rmcCode, maanden]);
}
