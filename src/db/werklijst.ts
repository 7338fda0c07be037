import type { Rapportbron } from '../domain/dossier/effectrapportage.js';
import type { OpenDossier } from '../domain/dossier/werklijst.js';
import type { Doel } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { registreerInzage, type Auditparameters } from './audit.js';
import type { Db } from './database.js';

/**
 * What the worklist is decided on (src/domain/dossier/werklijst.ts): every open dossier of the
 * user's scope with its intake, last contact and end of education, read ONLY together with the
 * audit record that names the persons (the worklist shows their names). The region's
 * interval of periodic contact (regio_instelling) is read and set here too. Events are read
 * through `dossier_gebeurtenis_zichtbaar` (migration 011): after a handover the holder's worklist
 * and effect report count only what was passed on and what it recorded itself.
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
             (SELECT min(g.datum)::text FROM dossier_gebeurtenis_zichtbaar g WHERE g.dossier_id = d.id AND g.soort = 'intake' AND g.datum >= d.geopend_op) AS intake,
             (SELECT max(g.datum)::text FROM dossier_gebeurtenis_zichtbaar g WHERE g.dossier_id = d.id
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

/**
 * What the effect report of a region and school year is made of (src/domain/dossier/
 * effectrapportage.ts): the region's dossiers (held by the RMC region now) and their events dated
 * from `van` to `tot` inclusive, and the dossiers whose period was open on `tot` (the list month
 * of `tot` counts as open); counts only, no person leaves this function.
 */
export async function leesRapportbron(db: Db, rmcCode: string, van: string, tot: string): Promise<Rapportbron> {
  const params = [rmcCode, van, tot];
  const regio = `d.eigenaar_soort = 'rmc-regio' AND d.eigenaar_code = $1`;
  const perEvent = async (soort: string) => (await db.query<{ dossier_id: string }>(`SELECT g.dossier_id FROM dossier_gebeurtenis_zichtbaar g JOIN dossier d ON d.id = g.dossier_id
    WHERE ${regio} AND g.soort = '${soort}' AND g.datum BETWEEN $2::date AND $3::date ORDER BY g.id`, params)).map((r) => r.dossier_id);
  const intakes = await db.query<{ dossierId: string; lijstPeildatum: string; datum: string }>(`
    SELECT g.dossier_id AS "dossierId",
           (SELECT max(p.geopend_maand) FROM dossier_periode p WHERE p.dossier_id = g.dossier_id AND p.geopend_maand || '-01' <= g.datum::text) || '-01' AS "lijstPeildatum",
           g.datum::text AS datum
    FROM dossier_gebeurtenis_zichtbaar g JOIN dossier d ON d.id = g.dossier_id
    WHERE ${regio} AND g.soort = 'intake' AND g.datum BETWEEN $2::date AND $3::date`, params);
  const uitkomsten = await db.query<{ dossierId: string; categorie: string }>(`
    SELECT DISTINCT ON (g.dossier_id) g.dossier_id AS "dossierId", g.gegevens->>'categorie' AS categorie
    FROM dossier_gebeurtenis_zichtbaar g JOIN dossier d ON d.id = g.dossier_id
    WHERE ${regio} AND g.soort = 'uitkomst' AND g.datum BETWEEN $2::date AND $3::date
    ORDER BY g.dossier_id, g.datum DESC, g.id DESC`, params);
  const open = await db.query<OpenDossier>(`
    SELECT d.id AS "dossierId", d.geopend_op::text AS "geopendOp", d.behandelaar_id AS "behandelaarId", d.behandelaar_naam AS "behandelaarNaam",
           d.volgend_contact::text AS "volgendContact", NULL AS intake, NULL AS "laatsteContact",
           (SELECT max(i.einddatum)::text FROM inschrijving i WHERE i.persoon_id = d.persoon_id) AS "uitOnderwijsSinds"
    FROM dossier d WHERE ${regio} AND EXISTS (SELECT 1 FROM dossier_periode p WHERE p.dossier_id = d.id
      AND p.geopend_maand || '-01' <= $2::text AND (p.gesloten_maand IS NULL OR p.gesloten_maand || '-01' > $2::text))`, [rmcCode, tot]);
  return {
    eersteContacten: await perEvent('eerste-contact'), trajecten: await perEvent('traject'),
    intakes: intakes.filter((i) => i.lijstPeildatum !== null), uitkomsten, open,
  };
}
