import type { Datum } from '../domain/datum.js';
import type { EerdereMelding, Meldingsoort, Verzuimmelding } from '../domain/verzuim/melding.js';
import type { Leerlinggegevens } from '../domain/verzuim/routering.js';
import type { Actie, Afhandeling, Meldingstatus } from '../domain/verzuim/status.js';
import type { Tijdigheid } from '../domain/verzuim/tijdigheid.js';
import { csvLine } from './csv.js';
import type { Db } from './database.js';

/**
 * All SQL of the absence reports (issue 10): what routing and validation need from the
 * registration (persons, residence, enrolments, locations, RMC split, earlier reports), and
 * storing reports, their status history and actions.
 */

/** Date of birth, residence and the enrolments at one BRIN of the given persons. */
export async function leesLeerlingen(db: Db, persoonIds: readonly string[], brin: string): Promise<Map<string, Leerlinggegevens>> {
  const uit = new Map<string, { geboortedatum: Datum; verblijf: { gemeenteCode: string; vanaf: Datum; tot: Datum | null }[]; inschrijvingen: { brin: string; begindatum: Datum; einddatum: Datum | null }[] }>();
  if (persoonIds.length === 0) return uit;
  const ids = [...new Set(persoonIds)];
  for (const p of await db.query<{ persoon_id: string; geboortedatum: Datum }>(
    'SELECT persoon_id, geboortedatum FROM persoon WHERE persoon_id = ANY($1::text[])', [ids])) {
    uit.set(p.persoon_id, { geboortedatum: p.geboortedatum, verblijf: [], inschrijvingen: [] });
  }
  for (const v of await db.query<{ persoon_id: string; gemeente_code: string; vanaf: Datum; tot: Datum | null }>(
    'SELECT persoon_id, gemeente_code, vanaf, tot FROM verblijf WHERE persoon_id = ANY($1::text[]) ORDER BY persoon_id, vanaf', [ids])) {
    uit.get(v.persoon_id)?.verblijf.push({ gemeenteCode: v.gemeente_code, vanaf: v.vanaf, tot: v.tot });
  }
  for (const i of await db.query<{ persoon_id: string; brin: string; begindatum: Datum; einddatum: Datum | null }>(
    'SELECT persoon_id, brin, begindatum, einddatum FROM inschrijving WHERE persoon_id = ANY($1::text[]) AND brin = $2', [ids, brin])) {
    uit.get(i.persoon_id)?.inschrijvingen.push({ brin: i.brin, begindatum: i.begindatum, einddatum: i.einddatum });
  }
  return uit;
}

/** Municipality of each location of a BRIN (instelling). */
export async function leesVestigingen(db: Db, brin: string): Promise<Map<string, string>> {
  const rijen = await db.query<{ vestiging: string; gemeente_code: string }>('SELECT vestiging, gemeente_code FROM instelling WHERE brin = $1', [brin]);
  return new Map(rijen.map((r) => [r.vestiging, r.gemeente_code]));
}

export interface RmcIndelingsregel {
  gemeenteCode: string;
  rmcCode: string;
  schooljaarVanaf: string;
  schooljaarTot: string | null;
}

export async function leesRmcIndelingAlle(db: Db): Promise<RmcIndelingsregel[]> {
  const rijen = await db.query<{ gemeente_code: string; rmc_code: string; schooljaar_vanaf: string; schooljaar_tot: string | null }>(
    'SELECT gemeente_code, rmc_code, schooljaar_vanaf, schooljaar_tot FROM rmc_indeling ORDER BY gemeente_code, schooljaar_vanaf');
  return rijen.map((r) => ({ gemeenteCode: r.gemeente_code, rmcCode: r.rmc_code, schooljaarVanaf: r.schooljaar_vanaf, schooljaarTot: r.schooljaar_tot }));
}

/** Earlier `16u4w` reports of these persons (for the 7-day rule), from any school. */
export async function leesEerdere16u4w(db: Db, persoonIds: readonly string[]): Promise<Map<string, EerdereMelding[]>> {
  const uit = new Map<string, EerdereMelding[]>();
  if (persoonIds.length === 0) return uit;
  for (const r of await db.query<{ persoon_id: string; meldingsdatum: Datum; startdatum: Datum; einddatum: Datum | null }>(
    `SELECT persoon_id, meldingsdatum, startdatum, einddatum FROM verzuimmelding
     WHERE soort = '16u4w' AND persoon_id = ANY($1::text[])`, [[...new Set(persoonIds)]])) {
    const lijst = uit.get(r.persoon_id) ?? [];
    lijst.push({ soort: '16u4w' as Meldingsoort, meldingsdatum: r.meldingsdatum, startdatum: r.startdatum, einddatum: r.einddatum });
    uit.set(r.persoon_id, lijst);
  }
  return uit;
}

export interface TeBewarenMelding {
  melding: Verzuimmelding;
  behandelaar: 'leerplicht' | 'rmc';
  gemeenteCode: string;
  rmcCode: string | null;
  tijdigheid: Tijdigheid;
  afhandeling: Afhandeling;
}

const MELDING_KOLOMMEN = `bron, soort, persoon_id, brin, vestiging, lesplaats, meldingsdatum, startdatum, einddatum,
  verzuim_dagen, verzuim_uren, alle_lessen_gemist, vermoedelijke_reden, ondernomen_actie, gemeente_gevraagd,
  reden_niet_handelen, melder_naam, melder_functie, melder_telefoon, melder_email, telefoon_leerling_of_ouder,
  verblijfadres, verblijf_gemeente_code, behandelaar, gemeente_code, rmc_code, tijdigheid, uiterlijke_meldingsdatum,
  status, contactpersoon, afsluitreden, afsluitopmerking, import_id`;

/**
 * Files the reports of one import in one go (COPY) with their first status row; returns the
 * new ids in the order given. Run it inside a transaction.
 */
export async function bewaarMeldingen(tx: Db, importId: string, door: string, rijen: readonly TeBewarenMelding[]): Promise<number[]> {
  if (rijen.length === 0) return [];
  const csv = rijen.map(({ melding: m, behandelaar, gemeenteCode, rmcCode, tijdigheid: t, afhandeling: a }) => csvLine([
    m.bron, m.soort, m.persoonId, m.brin, m.vestiging, m.lesplaats, m.meldingsdatum, m.startdatum, m.einddatum,
    m.verzuimDagen, m.verzuimUren, m.alleLessenGemist, m.vermoedelijkeReden, m.ondernomenActie, m.gemeenteGevraagdTeHandelen,
    m.redenNietHandelen, m.melderNaam, m.melderFunctie, m.melderTelefoon, m.melderEmail, m.telefoonLeerlingOfOuder,
    m.verblijfadres, m.verblijfGemeenteCode, behandelaar, gemeenteCode, rmcCode, t.status, 'uiterlijk' in t ? t.uiterlijk : null,
    a.status, a.contactpersoon, a.afsluitreden, a.afsluitopmerking, importId,
  ])).join('');
  await tx.copyIn(`COPY verzuimmelding (${MELDING_KOLOMMEN}) FROM STDIN WITH (FORMAT csv)`, csv);
  await tx.query(
    `INSERT INTO verzuimstatus (melding_id, status, door)
     SELECT id, status, $2 FROM verzuimmelding WHERE import_id = $1 ORDER BY id`, [importId, door]);
  return (await tx.query<{ id: number }>('SELECT id FROM verzuimmelding WHERE import_id = $1 ORDER BY id', [importId])).map((r) => r.id);
}

export interface OpgeslagenAfhandeling extends Afhandeling {
  id: number;
  brin: string;
  meldingsdatum: Datum;
}

export async function leesAfhandeling(db: Db, id: number): Promise<OpgeslagenAfhandeling | null> {
  const [r] = await db.query<{ id: number; brin: string; meldingsdatum: Datum; status: Meldingstatus; contactpersoon: string | null; afsluitreden: string | null; afsluitopmerking: string | null }>(
    'SELECT id, brin, meldingsdatum, status, contactpersoon, afsluitreden, afsluitopmerking FROM verzuimmelding WHERE id = $1', [id]);
  return r ? { ...r, afsluitreden: r.afsluitreden as Afhandeling['afsluitreden'] } : null;
}

/** Stores the new state and one history row. */
export async function bewaarAfhandeling(tx: Db, id: number, a: Afhandeling, door: string, opmerking: string | null): Promise<void> {
  await tx.query('UPDATE verzuimmelding SET status = $2, contactpersoon = $3, afsluitreden = $4, afsluitopmerking = $5 WHERE id = $1',
    [id, a.status, a.contactpersoon, a.afsluitreden, a.afsluitopmerking]);
  await tx.query('INSERT INTO verzuimstatus (melding_id, status, afsluitreden, opmerking, door) VALUES ($1, $2, $3, $4, $5)',
    [id, a.status, a.afsluitreden, opmerking, door]);
}

export async function bewaarActie(db: Db, id: number, actie: Actie): Promise<void> {
  await db.query('INSERT INTO verzuimactie (melding_id, soort, datum, medewerker, toelichting) VALUES ($1, $2, $3, $4, $5)',
    [id, actie.soort, actie.datum, actie.medewerker, actie.toelichting]);
}

export async function leesStatushistorie(db: Db, id: number): Promise<{ status: string; afsluitreden: string | null; door: string }[]> {
  return db.query('SELECT status, afsluitreden, door FROM verzuimstatus WHERE melding_id = $1 ORDER BY id', [id]);
}

export async function leesActies(db: Db, id: number): Promise<{ soort: string; datum: Datum; medewerker: string }[]> {
  return db.query('SELECT soort, datum, medewerker FROM verzuimactie WHERE melding_id = $1 ORDER BY id', [id]);
}

/** The reports of one BRIN with only what the school may see (status and contact person). */
export async function leesMeldingenVanSchool(db: Db, brin: string): Promise<{ id: number; status: Meldingstatus; contactpersoon: string | null }[]> {
  return db.query('SELECT id, status, contactpersoon FROM verzuimmelding WHERE brin = $1 ORDER BY id', [brin]);
}
