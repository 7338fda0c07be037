import { LRUCache } from 'lru-cache';
import type { Lijstsoort } from '../domain/lijsten/lijsten.js';
import type { Doel } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { registreerInzage, type Auditparameters } from './audit.js';
import type { Db } from './database.js';
import type { Lijstrun } from './lijsten.js';

/**
 * The rows of one stored list for the API and the web page: filtered to the caller's scope
 * (and any narrowing within it), sorted, paged, each marked `nieuw` when the person was not on
 * the same list of the previous month, and read ONLY together with the audit record that names
 * the persons read (one transaction). The persoon_id leaves this module only in the CSV of
 * lijsten.md (src/lijsten/uitvoer.ts), never in these rows: they carry the keyed reference.
 */
export const LIJSTSORTERINGEN = ['naam', 'gemeenteCode', 'leeftijd', 'brin', 'onderwijstype', 'einddatum', 'reden', 'nieuw'] as const;
export type Lijstsortering = (typeof LIJSTSORTERINGEN)[number];

const SORTEERKOLOM: Readonly<Record<Lijstsortering, string>> = {
  naam: 'p.geslachtsnaam',
  gemeenteCode: 'x.gemeente_code',
  leeftijd: 'x.leeftijd',
  brin: 'x.brin',
  onderwijstype: 'x.onderwijstype',
  einddatum: 'x.einddatum',
  reden: 'x.reden',
  nieuw: 'nieuw',
};

/** The rows of `soort` in a run, in the columns of lijst_persoon (startset: from its count run). */
function bron(run: Lijstrun, soort: Lijstsoort, soortParam: string): string {
  if (soort === 'startset') {
    return `SELECT tp.persoon_id, tp.gemeente_code, tp.rmc_code, tp.leeftijd, tp.brin, tp.vestiging, s.onderwijstype,
              NULL::date AS einddatum, NULL::text AS reden, tp.categorie
       FROM telling_persoon tp JOIN lijst_startset s ON s.telling_run_id = tp.run_id AND s.persoon_id = tp.persoon_id
       WHERE tp.run_id = ${Number(run.startset_run_id)}`;
  }
  return `SELECT persoon_id, gemeente_code, rmc_code, leeftijd, brin, vestiging, onderwijstype, einddatum, reden, categorie
     FROM lijst_persoon WHERE run_id = ${Number(run.id)} AND lijst = ${soortParam}`;
}

export interface Lijstfilter {
  rmcCode?: string;
  gemeenteCode?: string;
  brin?: string;
  onderwijstype?: string;
  alleenNieuw?: boolean;
}

export interface Lijstrijvraag {
  run: Lijstrun;
  /** the previous month's run (for `nieuw`); null: every row is new */
  vorige: Lijstrun | null;
  soort: Lijstsoort;
  gebruiker: Gebruiker;
  /** the caller's own scope column and every narrowing */
  filter: Lijstfilter;
  sorteer: Lijstsortering;
  aflopend: boolean;
  /** null: every row (downloads) */
  pagina: { offset: number; limit: number } | null;
  doel: Doel;
  parameters: Auditparameters;
}

export interface Lijstrijrecord {
  referentie: string;
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string | null;
  geboortedatum: string | null;
  gemeente_code: string;
  rmc_code: string;
  leeftijd: number;
  brin: string | null;
  vestiging: string | null;
  onderwijstype: string | null;
  einddatum: string | null;
  reden: string | null;
  categorie: string | null;
  nieuw: boolean;
  dossier_id: string | null;
}

/**
 * The order of a list's rows for one scope, filter and sort, per database: their persoon_ids in
 * page order. Sorting by name joins every row of the scope with `persoon` (the largest region at
 * national scale: 4,400 rows, about 50 ms on PostgreSQL), and an officer pages through the same
 * list: the order is made once and each page then reads only its own 50 rows. A stored list run
 * never changes, so the key holds the run (and the previous month's run, for `nieuw`); a new
 * delivery makes new runs. Names can still change under a run when retention removes a person,
 * so an order is kept at most 5 minutes; at most 64 orders and 500,000 ids per database (a
 * region's startset is the whole start population of the region, tens of thousands). Only ids
 * are kept, in this process, never logged; every page read is audited as before.
 */
const volgorden = new WeakMap<Db, LRUCache<string, string[]>>();

async function volgorde(db: Db, sleutel: string, maak: () => Promise<string[]>): Promise<string[]> {
  let perSleutel = volgorden.get(db);
  if (!perSleutel) {
    perSleutel = new LRUCache({ max: 64, maxSize: 500_000, sizeCalculation: (ids) => Math.max(1, ids.length), ttl: 5 * 60_000 });
    volgorden.set(db, perSleutel);
  }
  const bewaard = perSleutel.get(sleutel);
  if (bewaard) return bewaard;
  const ids = await maak();
  perSleutel.set(sleutel, ids);
  return ids;
}

export async function leesLijstrijenGeaudit(db: Db, v: Lijstrijvraag): Promise<{ totaal: number; rijen: Lijstrijrecord[] }> {
  const s = v.gebruiker.scope;
  if (s.soort === 'landelijk') throw new Error('lijstrijen alleen voor een rol met een eigen scope');
  const params: unknown[] = [v.soort];
  const waar: string[] = [];
  const gelijk = (kolom: string, waarde: string | undefined) => {
    if (waarde === undefined) return;
    params.push(waarde);
    waar.push(`${kolom} = $${params.length}`);
  };
  gelijk({ 'rmc-regio': 'x.rmc_code', gemeente: 'x.gemeente_code', brin: 'x.brin' }[s.soort], s.code);
  gelijk('x.rmc_code', v.filter.rmcCode);
  gelijk('x.gemeente_code', v.filter.gemeenteCode);
  gelijk('x.brin', v.filter.brin);
  gelijk('x.onderwijstype', v.filter.onderwijstype);
  const vorige = v.vorige && (v.soort !== 'startset' || v.vorige.startset_run_id !== null) ? bron(v.vorige, v.soort, '$1') : null;
  const nieuw = vorige ? `NOT EXISTS (SELECT 1 FROM (${vorige}) y WHERE y.persoon_id = x.persoon_id)` : 'true';
  // the dossier link only where the caller holds the dossier (rmc 18+, leerplicht under 18; a school never)
  const eigenaar = s.soort === 'brin' ? '$2::text IS NULL AND false' : `d.eigenaar_soort = '${s.soort}' AND d.eigenaar_code = $2::text`;
  const voorwaarden = [...waar, ...(v.filter.alleenNieuw ? [nieuw] : [])];
  const where = voorwaarden.length ? `WHERE ${voorwaarden.join(' AND ')}` : '';
  const richting = v.aflopend ? 'DESC' : 'ASC';
  const sleutel = JSON.stringify([v.run.id, vorige ? v.vorige!.id : null, v.soort, s.soort, s.code, v.filter, v.sorteer, v.aflopend]);
  return db.transaction(async (tx) => {
    // persoon for sorting by name; "nieuw" only when it is the sort or a filter
    const alle = () => tx.queryArrays(`
      SELECT x.persoon_id${v.sorteer === 'nieuw' ? `, ${nieuw} AS nieuw` : ''}
      FROM (${bron(v.run, v.soort, '$1')}) x LEFT JOIN persoon p ON p.persoon_id = x.persoon_id ${where}
      ORDER BY ${SORTEERKOLOM[v.sorteer]} ${richting} NULLS LAST, x.persoon_id COLLATE "C"`, params)
      .then((rijen) => rijen.map((r) => r[0] as string));
    const ids = v.pagina ? await volgorde(db, sleutel, alle) : await alle();
    const gekozen = v.pagina ? ids.slice(v.pagina.offset, v.pagina.offset + v.pagina.limit) : ids;
    // The page's rows in that order; the reference (a keyed hash), "nieuw" and the dossier link
    // for them only.
    const rijen = gekozen.length === 0 ? [] : await tx.query<Lijstrijrecord>(`
      SELECT persoon_referentie(x.persoon_id) AS referentie,
             p.voornamen, p.voorvoegsel, p.geslachtsnaam, p.geboortedatum::text AS geboortedatum,
             x.gemeente_code, x.rmc_code, x.leeftijd::int AS leeftijd, x.brin, x.vestiging, x.onderwijstype,
             x.einddatum::text AS einddatum, x.reden, x.categorie, ${nieuw} AS nieuw, d.id AS dossier_id
      FROM unnest($3::text[]) WITH ORDINALITY k(persoon_id, n)
        JOIN (${bron(v.run, v.soort, '$1')}) x ON x.persoon_id = k.persoon_id
        LEFT JOIN persoon p ON p.persoon_id = x.persoon_id
        LEFT JOIN dossier d ON d.persoon_id = x.persoon_id AND ${eigenaar}
      ORDER BY k.n`, [v.soort, s.code, gekozen]);
    await registreerInzage(tx, {
      gebruiker: v.gebruiker, handeling: 'lijst.lezen', doel: v.doel, parameters: v.parameters,
      personen: { referenties: rijen.map((r) => r.referentie) },
    });
    return { totaal: ids.length, rijen };
  });
}

/**
 * Persons per category on `startset` and on `uitval` of a run within the caller's scope and
 * filter (the same columns as the rows), for the uitval figure per category.
 */
export async function uitvalPerCategorie(db: Db, run: Lijstrun, gebruiker: Gebruiker, filter: Lijstfilter): Promise<{ startset: Map<string, number>; uitval: Map<string, number> }> {
  const s = gebruiker.scope;
  if (s.soort === 'landelijk' || run.startset_run_id === null) return { startset: new Map(), uitval: new Map() };
  const params: unknown[] = [];
  const waar: string[] = [];
  const gelijk = (kolom: string, waarde: string | undefined) => {
    if (waarde === undefined) return;
    params.push(waarde);
    waar.push(`x.${kolom} = $${params.length}`);
  };
  gelijk({ 'rmc-regio': 'rmc_code', gemeente: 'gemeente_code', brin: 'brin' }[s.soort], s.code);
  gelijk('rmc_code', filter.rmcCode);
  gelijk('gemeente_code', filter.gemeenteCode);
  gelijk('brin', filter.brin);
  gelijk('onderwijstype', filter.onderwijstype);
  const where = waar.length ? `WHERE ${waar.join(' AND ')}` : '';
  const tel = async (soort: Lijstsoort) => new Map((await db.query<{ categorie: string; n: number }>(
    `SELECT x.categorie, count(*)::int AS n FROM (${bron(run, soort, `'${soort}'`)}) x ${where} GROUP BY x.categorie`, params))
    .map((r) => [r.categorie, r.n]));
  return { startset: await tel('startset'), uitval: await tel('uitval') };
}
