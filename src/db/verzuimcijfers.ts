import type { Db } from './database.js';
import type { Datum } from '../domain/datum.js';
import type { Meldingsoort } from '../domain/verzuim/melding.js';
import type { Meldingstatus } from '../domain/verzuim/status.js';
import type { Tijdigheid } from '../domain/verzuim/tijdigheid.js';
import { ONBEKENDE_REGIO, type PubliekMeldingsfeit, type Verzuimrij, type VsvPerRegio } from '../domain/verzuim/publiek.js';

/**
 * The public absence figures (docs/rules/verzuim-cijfers.md, "Openbare verzuimcijfers"):
 * what the privileged side reads to compute them (`leesPubliekeMeldingsfeiten`,
 * `telVsvMetMeldingPerRegio`: counts and report facts, no person leaves these functions),
 * how they are stored (`schrijfVerzuimcijfers`), and what the public door reads
 * (`leesVerzuimcijfers`, `leesVerzuimberekening`: only `verzuim_cijfer*`).
 */

/** The RMC region of a municipality in the classification of school year $1 (as src/db/cijfers.ts reads it). */
const REGIO_VAN_GEMEENTE = `(SELECT i.rmc_code FROM rmc_indeling i WHERE i.gemeente_code = m.gemeente_code
  AND i.schooljaar_vanaf <= $1 AND (i.schooljaar_tot IS NULL OR i.schooljaar_tot >= $1) ORDER BY i.schooljaar_vanaf DESC LIMIT 1)`;

/**
 * Every report of the school year (meldingsdatum from `van` to `tot`), with its first action and
 * its region: an RMC report's region, else that of the municipality it was routed to, else `onbekend`.
 */
export async function leesPubliekeMeldingsfeiten(db: Db, schooljaar: string, van: Datum, tot: Datum): Promise<PubliekMeldingsfeit[]> {
  const rijen = await db.query<{
    soort: Meldingsoort; brin: string; status: Meldingstatus; afsluitreden: string | null; tijdigheid: Tijdigheid['status'];
    ontvangen: Datum; meldingsdatum: Datum; actie_datum: Datum | null; actie_soort: string | null; regio: string | null;
  }>(`
    SELECT m.soort, m.brin, m.status, m.afsluitreden, m.tijdigheid, m.meldingsdatum,
      (m.ingediend_op AT TIME ZONE 'UTC')::date AS ontvangen, a.datum AS actie_datum, a.soort AS actie_soort,
      CASE WHEN m.behandelaar = 'rmc' THEN m.rmc_code ELSE ${REGIO_VAN_GEMEENTE} END AS regio
    FROM verzuimmelding m
    LEFT JOIN LATERAL (SELECT datum, soort FROM verzuimactie WHERE melding_id = m.id ORDER BY datum, id LIMIT 1) a ON true
    WHERE m.meldingsdatum BETWEEN $2::date AND $3::date`, [schooljaar, van, tot]);
  return rijen.map((r) => ({
    soort: r.soort, brin: r.brin, status: r.status, afsluitreden: r.afsluitreden, tijdigheid: r.tijdigheid,
    ontvangen: r.ontvangen, meldingsdatum: r.meldingsdatum, regio: r.regio ?? ONBEKENDE_REGIO,
    eersteActie: r.actie_datum && r.actie_soort ? { datum: r.actie_datum, soort: r.actie_soort } : null,
  }));
}

/**
 * Per region of the count (its `rmc_code`, the residence at the count), the vsv'ers of the latest
 * count of the school year (definitief before voorlopig) and how many had a report with a
 * meldingsdatum in `periode`; null when there is no count of that school year.
 */
export async function telVsvMetMeldingPerRegio(db: Db, schooljaar: string, periode: { van: Datum; tot: Datum }):
  Promise<{ status: 'definitief' | 'voorlopig'; regios: VsvPerRegio[] } | null> {
  const [run] = await db.query<{ id: number; status: 'definitief' | 'voorlopig' }>(
    `SELECT id, status FROM telling_run WHERE schooljaar = $1 ORDER BY (status = 'definitief') DESC, id DESC LIMIT 1`, [schooljaar]);
  if (!run) return null;
  const rijen = await db.query<{ regio: string | null; vsvers: number; met_melding: number }>(`
    SELECT tp.rmc_code AS regio, count(*)::int AS vsvers,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM verzuimmelding m WHERE m.persoon_id = tp.persoon_id AND m.meldingsdatum BETWEEN $2::date AND $3::date))::int AS met_melding
    FROM telling_persoon tp WHERE tp.run_id = $1 AND tp.vsv GROUP BY tp.rmc_code`, [run.id, periode.van, periode.tot]);
  // a count without a region (no known residence) is `onbekend`, as in the vsv figures
  const perRegio = new Map<string, VsvPerRegio>();
  for (const r of rijen) {
    const regio = r.regio ?? ONBEKENDE_REGIO;
    const eerder = perRegio.get(regio);
    perRegio.set(regio, { regio, vsvers: (eerder?.vsvers ?? 0) + r.vsvers, metMelding: (eerder?.metMelding ?? 0) + r.met_melding });
  }
  return { status: run.status, regios: [...perRegio.values()].sort((a, b) => a.regio.localeCompare(b.regio)) };
}

/** Replaces the stored figures of one school year, in one transaction, and records when they were computed. */
export async function schrijfVerzuimcijfers(
  db: Db, schooljaar: string, rijen: readonly Verzuimrij[], berekendOp: Date, tellingStatus: 'definitief' | 'voorlopig' | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM verzuim_cijfer WHERE schooljaar = $1', [schooljaar]);
    await tx.query(`
      INSERT INTO verzuim_cijfer (schooljaar, niveau, gebied, dimensie, waarde, aantal)
      SELECT $1, n, g, d, w, a FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS u(n, g, d, w, a)`,
    [schooljaar, rijen.map((r) => r.niveau), rijen.map((r) => r.gebied), rijen.map((r) => r.dimensie), rijen.map((r) => r.waarde), rijen.map((r) => r.aantal)]);
    await tx.query(`
      INSERT INTO verzuim_cijfer_berekening (schooljaar, berekend_op, telling_status) VALUES ($1, $2, $3)
      ON CONFLICT (schooljaar) DO UPDATE SET berekend_op = excluded.berekend_op, telling_status = excluded.telling_status`,
    [schooljaar, berekendOp.toISOString(), tellingStatus]);
  });
}

/** The school years with figures, latest first. */
export async function leesVerzuimSchooljaren(db: Db): Promise<string[]> {
  return (await db.query<{ schooljaar: string }>('SELECT schooljaar FROM verzuim_cijfer_berekening ORDER BY schooljaar DESC')).map((r) => r.schooljaar);
}

/** When the figures of a school year were computed, and from which count; null when they never were. */
export async function leesVerzuimberekening(db: Db, schooljaar: string): Promise<{ berekendOp: string; tellingStatus: 'definitief' | 'voorlopig' | null } | null> {
  const [r] = await db.query<{ berekend_op: Date | string; telling_status: 'definitief' | 'voorlopig' | null }>(
    'SELECT berekend_op, telling_status FROM verzuim_cijfer_berekening WHERE schooljaar = $1', [schooljaar]);
  if (!r) return null;
  return { berekendOp: new Date(r.berekend_op).toISOString(), tellingStatus: r.telling_status };
}

/** The stored rows of a school year at one level (`gebieden`: the nation, or regions). */
export async function leesVerzuimcijfers(db: Db, schooljaar: string, niveau: Verzuimrij['niveau'], gebieden?: readonly string[]): Promise<Verzuimrij[]> {
  return db.query<Verzuimrij>(`
    SELECT niveau, gebied, dimensie, waarde, aantal FROM verzuim_cijfer
    WHERE schooljaar = $1 AND niveau = $2 AND ($3::text[] IS NULL OR gebied = ANY($3::text[]))
    ORDER BY gebied, dimensie, waarde`, [schooljaar, niveau, gebieden ? [...gebieden] : null]);
}
