import { createHash } from 'node:crypto';
import type { Doel, Handeling } from '../domain/toegang/beleid.js';
import { scopeTekst, type Gebruiker } from '../domain/toegang/rollen.js';
import type { Db } from './database.js';

/**
 * The audit trail (docs/toegang.md): every read of person data writes ONE record, in the
 * transaction of the read, through `registreerInzage` and nothing else. Records are
 * append-only (triggers of 003_toegang refuse UPDATE, DELETE and TRUNCATE) and hash-chained:
 * each stores the SHA-256 of the previous record's hash and its own canonical content, and
 * the single-row chain head (`audit_keten`, locked per insert) keeps the chain linear.
 * Persons appear only as references (`persoon_referentie`: a keyed SHA-256 of the
 * persoon_id), never in clear, and never in a log.
 */
export type Auditparameters = Readonly<Record<string, string | number | boolean | null>>;

export interface Inzage {
  gebruiker: Gebruiker;
  handeling: Handeling;
  /** what was asked, without identifiers of persons */
  parameters: Auditparameters;
  doel: Doel;
  /**
   * whose data was read: persoon_ids (turned into references in the database), a query
   * selecting `persoon_id`, or the references themselves when the read already made them
   */
  personen: { ids: readonly string[] } | { query: string; params: readonly unknown[] } | { referenties: readonly string[] };
}

export const NUL_HASH = '0'.repeat(64);
const sha256 = (tekst: string) => createHash('sha256').update(tekst, 'utf8').digest('hex');

/**
 * The content a record's hash covers, in a fixed order; parameters with sorted keys: the JSON
 * array [id, …, vorige_hash]. Its middle (everything but id and vorige_hash) is made here, so
 * the database can put the id and the previous hash around it when it takes the chain head.
 */
function middenstuk(r: Omit<Auditrecord, 'hash' | 'id' | 'vorige_hash'>): string {
  const parameters = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(r.parameters) as object).sort(([a], [b]) => (a < b ? -1 : 1))));
  return JSON.stringify([r.tijdstip, r.account_id, r.weergavenaam, r.rol, r.scope, r.soort, r.handeling, parameters,
    r.doel, r.aantal_personen, r.personen_hash]).slice(1, -1);
}

export function canoniekeInhoud(r: Omit<Auditrecord, 'hash'>): string {
  return `[${JSON.stringify(Number(r.id))},${middenstuk(r)},${JSON.stringify(r.vorige_hash)}]`;
}

export function recordHash(r: Omit<Auditrecord, 'hash'>): string {
  return sha256(`${r.vorige_hash}\n${canoniekeInhoud(r)}`);
}

export interface Auditrecord {
  id: number;
  /** ISO 8601 UTC with milliseconds */
  tijdstip: string;
  account_id: string;
  weergavenaam: string;
  rol: string;
  scope: string;
  soort: string;
  handeling: string;
  /** JSON object */
  parameters: string;
  doel: string;
  aantal_personen: number;
  personen_hash: string;
  vorige_hash: string;
  hash: string;
}

const TIJDSTIP = `to_char(tijdstip AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
export const AUDIT_VELDEN = `id, ${TIJDSTIP} AS tijdstip, account_id, weergavenaam, rol, scope, soort, handeling, parameters, doel,
  aantal_personen, personen_hash, vorige_hash, hash`;

/** Count and SHA-256 of the sorted references of the records in [van, tot] (byte order, one per line). */
async function personenHashes(db: Db, van: number, tot: number): Promise<Map<number, { aantal: number; hash: string }>> {
  const rijen = await db.query<{ audit_id: number; aantal: number; hash: string }>(`
    SELECT audit_id, count(*)::int AS aantal,
      encode(sha256(convert_to(string_agg(referentie, E'\\n' ORDER BY referentie COLLATE "C"), 'UTF8')), 'hex') AS hash
    FROM audit_persoon WHERE audit_id BETWEEN $1 AND $2 GROUP BY audit_id`, [van, tot]);
  return new Map(rijen.map((r) => [Number(r.audit_id), { aantal: r.aantal, hash: r.hash }]));
}

const GEEN_PERSONEN = { aantal: 0, hash: sha256('') };

/** The distinct references of the persons read, in byte order (the order of the personen hash). */
async function referentiesVan(tx: Db, personen: Inzage['personen']): Promise<string[]> {
  if ('referenties' in personen) return [...new Set(personen.referenties)].sort();
  const [r] = 'ids' in personen
    ? await tx.query<{ referenties: string[] | null }>(`
      SELECT array_agg(r ORDER BY r COLLATE "C") AS referenties
      FROM (SELECT DISTINCT persoon_referentie(p) AS r FROM unnest($1::text[]) AS p) AS q`, [[...personen.ids]])
    : await tx.query<{ referenties: string[] | null }>(`
      SELECT array_agg(r ORDER BY r COLLATE "C") AS referenties
      FROM (SELECT DISTINCT persoon_referentie(q.persoon_id) AS r FROM (${personen.query}) AS q) AS d`, [...personen.params]);
  return r!.referenties ?? [];
}

/**
 * Registers one audit record for a read of person data, inside the caller's transaction.
 *
 * Every audited request of every user passes the one chain head, so it is held as briefly as
 * possible: the persons' references and their hash are made here, without it, and the record
 * waits in `audit_wachtrij`; when the transaction commits, a trigger (013_audit_bij_commit)
 * takes the head, writes the record with its hash (made in the database from the same
 * canonical content as `recordHash`, so `controleerKeten` checks it) and its references. A
 * transaction that rolls back leaves no record, and its read is not returned either.
 */
export async function registreerInzage(tx: Db, inzage: Inzage): Promise<void> {
  const referenties = await referentiesVan(tx, inzage.personen);
  const g = inzage.gebruiker;
  const record: Omit<Auditrecord, 'hash' | 'id' | 'vorige_hash'> = {
    tijdstip: new Date().toISOString(), account_id: g.accountId, weergavenaam: g.weergavenaam, rol: g.rol,
    scope: scopeTekst(g.scope), soort: g.soort, handeling: inzage.handeling, parameters: JSON.stringify(inzage.parameters),
    doel: inzage.doel, aantal_personen: referenties.length, personen_hash: referenties.length === 0 ? GEEN_PERSONEN.hash : sha256(referenties.join('\n')),
  };
  await tx.query(`
    INSERT INTO audit_wachtrij (tijdstip, account_id, weergavenaam, rol, scope, soort, handeling, parameters, doel,
      aantal_personen, personen_hash, middenstuk, referenties)
    VALUES ($1::timestamptz, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[])`,
  [record.tijdstip, record.account_id, record.weergavenaam, record.rol, record.scope, record.soort, record.handeling,
    record.parameters, record.doel, record.aantal_personen, record.personen_hash, middenstuk(record), referenties]);
}

export type Ketencontrole = { heel: true; aantal: number } | { heel: false; id: number; fout: string };

/** Walks the whole chain and reports the first broken link: which record, and what is wrong with it. */
export async function controleerKeten(db: Db, batch = 1000): Promise<Ketencontrole> {
  let vorigeId = 0;
  let vorigeHash = NUL_HASH;
  for (;;) {
    const records = await db.query<Auditrecord>(`SELECT ${AUDIT_VELDEN} FROM audit WHERE id > $1 ORDER BY id LIMIT $2`, [vorigeId, batch]);
    if (records.length === 0) break;
    const personen = await personenHashes(db, Number(records[0]!.id), Number(records.at(-1)!.id));
    for (const r of records) {
      const id = Number(r.id);
      if (id !== vorigeId + 1) return { heel: false, id, fout: `record ${vorigeId + 1} ontbreekt (na ${vorigeId} volgt ${id})` };
      if (r.vorige_hash !== vorigeHash) return { heel: false, id, fout: 'vorige_hash wijkt af van de hash van het vorige record' };
      const { hash, ...inhoud } = r;
      if (recordHash({ ...inhoud, id }) !== hash) return { heel: false, id, fout: 'de inhoud past niet bij de opgeslagen hash (gewijzigd)' };
      const p = personen.get(id) ?? GEEN_PERSONEN;
      if (p.aantal !== r.aantal_personen || p.hash !== r.personen_hash) {
        return { heel: false, id, fout: `de personen van dit record zijn gewijzigd (${p.aantal} referenties, verwacht ${r.aantal_personen})` };
      }
      vorigeId = id;
      vorigeHash = hash;
    }
  }
  const [kop] = await db.query<{ laatste_id: number; laatste_hash: string }>('SELECT laatste_id, laatste_hash FROM audit_keten WHERE id = 1');
  if (!kop || Number(kop.laatste_id) !== vorigeId || kop.laatste_hash !== vorigeHash) {
    return { heel: false, id: vorigeId + 1, fout: `de kop van de keten noemt record ${kop?.laatste_id ?? '?'}, maar het laatste record is ${vorigeId} (records aan het eind verwijderd?)` };
  }
  return { heel: true, aantal: vorigeId };
}

export interface Auditfilter {
  accountId?: string;
  referentie?: string;
  handeling?: string;
  /** ISO dates (inclusive), UTC */
  van?: string;
  tot?: string;
  offset: number;
  limit: number;
}

export interface Gevonden extends Omit<Auditrecord, 'personen_hash' | 'vorige_hash'> {
  /** the references, at most `maxPersonen` of them (a personen.csv export names a whole count) */
  personen: string[];
}

/** The privacy officer's search: by account, person reference, action and period, newest first. */
export async function zoekAudit(db: Db, f: Auditfilter, maxPersonen = 100): Promise<{ totaal: number; records: Gevonden[] }> {
  const params: unknown[] = [];
  const voorwaarden: string[] = [];
  const voeg = (sql: (n: string) => string, waarde: unknown) => {
    if (waarde === undefined) return;
    params.push(waarde);
    voorwaarden.push(sql(`$${params.length}`));
  };
  voeg((n) => `a.account_id = ${n}`, f.accountId);
  voeg((n) => `EXISTS (SELECT 1 FROM audit_persoon ap WHERE ap.audit_id = a.id AND ap.referentie = ${n})`, f.referentie);
  voeg((n) => `a.handeling = ${n}`, f.handeling);
  voeg((n) => `a.tijdstip >= ${n}::date`, f.van);
  voeg((n) => `a.tijdstip < ${n}::date + 1`, f.tot);
  const waar = voorwaarden.length ? `WHERE ${voorwaarden.join(' AND ')}` : '';
  const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit a ${waar}`, params);
  const records = await db.query<Gevonden>(`
    SELECT a.id, ${TIJDSTIP.replaceAll('tijdstip', 'a.tijdstip')} AS tijdstip, a.account_id, a.weergavenaam, a.rol, a.scope, a.soort,
      a.handeling, a.parameters, a.doel, a.aantal_personen, a.hash,
      ARRAY(SELECT ap.referentie FROM audit_persoon ap WHERE ap.audit_id = a.id ORDER BY ap.referentie COLLATE "C" LIMIT ${Number(maxPersonen)}) AS personen
    FROM audit a ${waar} ORDER BY a.id DESC LIMIT ${Number(f.limit)} OFFSET ${Number(f.offset)}`, params);
  return { totaal: n!.n, records };
}
