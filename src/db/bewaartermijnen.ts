import type { Bewaartermijnen } from '../domain/toegang/bewaartermijnen.js';
import type { Db } from './database.js';

/**
 * Applies the retention terms on a reference date: deletes (or, for a rejected row's raw line,
 * empties) what has expired, in batches of `batch` rows, each batch its own transaction with
 * its own row in `verwijdering` (what, by which rule, on which date, how many). The audit trail
 * is never expired here: it is append-only (docs/toegang.md).
 */
export interface Verwijderd {
  soort: string;
  aantal: number;
}

const PERSOONSTABELLEN = ['verblijf', 'brp_gebeurtenis', 'inschrijving', 'diploma', 'vrijstelling', 'werk'] as const;

async function inBatches(db: Db, soort: string, regel: string, peildatum: string, stap: (tx: Db) => Promise<number>): Promise<number> {
  let totaal = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const aantal = await stap(tx);
      if (aantal > 0) {
        await tx.query('INSERT INTO verwijdering (soort, regel, peildatum, aantal) VALUES ($1, $2, $3, $4)', [soort, regel, peildatum, aantal]);
      }
      return aantal;
    });
    totaal += n;
    if (n === 0) return totaal;
  }
}

async function aantal(tx: Db, sql: string, params: unknown[]): Promise<number> {
  const [r] = await tx.query<{ n: number }>(`WITH weg AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM weg`, params);
  return r!.n;
}

export async function pasBewaartermijnenToe(db: Db, t: Bewaartermijnen, peildatum: string, batch = 5000): Promise<Verwijderd[]> {
  const uit: Verwijderd[] = [];

  uit.push({ soort: 'afgewezen-inhoud', aantal: await inBatches(db, 'afgewezen-inhoud',
    `inhoud geleegd ${t.afgewezenInhoudDagen} dagen na de levering`, peildatum, (tx) => aantal(tx, `
      UPDATE afgewezen_rij SET inhoud = '', ingekort_op = now() WHERE id IN (
        SELECT a.id FROM afgewezen_rij a JOIN levering l ON l.id = a.levering_id
        WHERE a.ingekort_op IS NULL AND l.ontvangen_op < $1::date - $2::int LIMIT ${Number(batch)})`, [peildatum, t.afgewezenInhoudDagen])) });

  uit.push({ soort: 'afgewezen-rij', aantal: await inBatches(db, 'afgewezen-rij',
    `verwijderd ${t.afgewezenDagen} dagen na de levering`, peildatum, (tx) => aantal(tx, `
      DELETE FROM afgewezen_rij WHERE id IN (
        SELECT a.id FROM afgewezen_rij a JOIN levering l ON l.id = a.levering_id
        WHERE l.ontvangen_op < $1::date - $2::int LIMIT ${Number(batch)})`, [peildatum, t.afgewezenDagen])) });

  uit.push({ soort: 'telling-persoon', aantal: await inBatches(db, 'telling-persoon',
    `personen van een telling ${t.tellingpersonenJaren} jaar na de telling (de cijfers blijven)`, peildatum, (tx) => aantal(tx, `
      DELETE FROM telling_persoon WHERE (run_id, persoon_id) IN (
        SELECT p.run_id, p.persoon_id FROM telling_persoon p JOIN telling_run r ON r.id = p.run_id
        WHERE r.gereed_op < $1::date - make_interval(years => $2::int) LIMIT ${Number(batch)})`, [peildatum, t.tellingpersonenJaren])) });

  uit.push({ soort: 'verzuim', aantal: await inBatches(db, 'verzuim',
    `verzuimmeldingen ${t.verzuimJarenNaGeboorte} jaar na de geboortedatum`, peildatum, async (tx) => {
      const ids = (await tx.query<{ id: number }>(`
        SELECT m.id FROM verzuimmelding m JOIN persoon p ON p.persoon_id = m.persoon_id
        WHERE p.geboortedatum + make_interval(years => $2::int) <= $1::date ORDER BY m.id LIMIT ${Number(batch)}`,
      [peildatum, t.verzuimJarenNaGeboorte])).map((r) => r.id);
      if (ids.length === 0) return 0;
      await tx.query('DELETE FROM verzuimactie WHERE melding_id = ANY($1::int[])', [ids]);
      await tx.query('DELETE FROM verzuimstatus WHERE melding_id = ANY($1::int[])', [ids]);
      await tx.query('DELETE FROM verzuimmelding WHERE id = ANY($1::int[])', [ids]);
      return ids.length;
    }) });

  // A person's registrations go together: first the rows of the other files, then the person.
  uit.push({ soort: 'persoonsregistratie', aantal: await inBatches(db, 'persoonsregistratie',
    `registraties ${t.persoonJarenNaGeboorte} jaar na de geboortedatum`, peildatum, async (tx) => {
      const ids = (await tx.query<{ persoon_id: string }>(`
        SELECT persoon_id FROM persoon WHERE geboortedatum + make_interval(years => $2::int) <= $1::date LIMIT ${Number(batch)}`,
      [peildatum, t.persoonJarenNaGeboorte])).map((r) => r.persoon_id);
      if (ids.length === 0) return 0;
      await verwijderDossiers(tx, `SELECT id FROM dossier WHERE persoon_id = ANY($1::text[])`, [ids]);
      for (const tabel of PERSOONSTABELLEN) await tx.query(`DELETE FROM ${tabel} WHERE persoon_id = ANY($1::text[])`, [ids]);
      await tx.query('DELETE FROM persoon WHERE persoon_id = ANY($1::text[])', [ids]);
      return ids.length;
    }) });

  uit.push({ soort: 'dossier', aantal: await inBatches(db, 'dossier',
    `gesloten dossiers ${t.dossierJarenNaSluiten} jaar na de maand van sluiten`, peildatum, (tx) => verwijderDossiers(tx, `
      SELECT id FROM dossier WHERE status = 'gesloten'
        AND to_date(gesloten_maand || '-01', 'YYYY-MM-DD') + make_interval(years => $2::int, months => 1) <= $1::date
      ORDER BY id LIMIT ${Number(batch)}`, [peildatum, t.dossierJarenNaSluiten])) });

  return uit;
}

/** Deletes the dossiers the query selects, with their periods, records and handovers; returns how many. */
async function verwijderDossiers(tx: Db, selectie: string, params: unknown[]): Promise<number> {
  const ids = (await tx.query<{ id: string }>(selectie, params)).map((r) => r.id);
  if (ids.length === 0) return 0;
  await tx.query('DELETE FROM dossier_gebeurtenis WHERE dossier_id = ANY($1::text[])', [ids]);
  await tx.query('DELETE FROM dossier_periode WHERE dossier_id = ANY($1::text[])', [ids]);
  await tx.query(`DELETE FROM dossier_overdracht_stap WHERE overdracht_id IN (
    SELECT id FROM dossier_overdracht WHERE dossier_id = ANY($1::text[]))`, [ids]);
  await tx.query('DELETE FROM dossier_overdracht WHERE dossier_id = ANY($1::text[])', [ids]);
  await tx.query('DELETE FROM dossier WHERE id = ANY($1::text[])', [ids]);
  return ids.length;
}
