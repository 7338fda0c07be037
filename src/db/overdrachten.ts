import { randomBytes } from 'node:crypto';
import type { Eigenaar } from '../domain/dossier/eigenaar.js';
import { magBeslissen, magVerzenden, type LopendeStatus, type Oorzaak, type Overdrachtstatus } from '../domain/dossier/overdracht.js';
import type { Doel, Handeling } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { behandelingNaOverdracht } from '../domain/verzuim/routering.js';
import { registreerInzage, type Auditparameters } from './audit.js';
import type { Db } from './database.js';

/**
 * Storage of the warm handover of dossiers (migration 011; src/domain/dossier/overdracht.ts;
 * docs/opvolging.md "Overdracht"): the proposals the monthly processing makes, and the
 * sender's and receiver's steps, each with its audit record in the same transaction. The
 * receiver sees a handover only once it is sent, and of it only the request (name, date of
 * birth, cause, dates) until it accepts: no dossier id, no parts, no reason.
 */
export function nieuweOverdrachtId(): string {
  return `o${randomBytes(10).toString('hex')}`;
}

// ------------------------------------------------------------------ the monthly processing

export interface Overdrachtwijzigingen {
  maand: string;
  peildatum: string;
  /** pending handovers that lapse (a second move, or back in the holder's area) */
  vervallen: string[];
  voorstellen: { dossierId: string; van: Eigenaar; naar: Eigenaar; oorzaak: Oorzaak }[];
  /** dossiers nobody held (residence unknown) that the known owner takes directly */
  overnemen: { dossierId: string; eigenaar: Eigenaar }[];
}

export async function legOverdrachtwijzigingenVast(tx: Db, w: Overdrachtwijzigingen): Promise<void> {
  if (w.vervallen.length) {
    // only what is still undecided: a handover accepted or refused meanwhile keeps its decision
    const vervallen = (await tx.query<{ id: string }>(`UPDATE dossier_overdracht SET status = 'vervallen', vervallen_maand = $2
      WHERE id = ANY($1::text[]) AND status IN ('voorgesteld', 'verzonden', 'geweigerd') RETURNING id`, [w.vervallen, w.maand])).map((r) => r.id);
    await tx.query(`INSERT INTO dossier_overdracht_stap (overdracht_id, status, reden) SELECT id, 'vervallen', $2 FROM unnest($1::text[]) AS id`,
      [vervallen, `de lijsten van ${w.maand} geven een andere eigenaar`]);
  }
  if (w.voorstellen.length) {
    const ids = w.voorstellen.map(() => nieuweOverdrachtId());
    const kolom = (f: (v: Overdrachtwijzigingen['voorstellen'][number]) => string) => w.voorstellen.map(f);
    // only from the dossier's holder as it stands, and never a second undecided one (an officer's
    // step in between: the next month proposes again if the lists still say so)
    const voorgesteld = (await tx.query<{ id: string }>(`INSERT INTO dossier_overdracht
        (id, dossier_id, van_soort, van_code, naar_soort, naar_code, oorzaak, status, voorgesteld_maand, voorgesteld_op)
      SELECT u.id, u.d, u.vs, u.vc, u.ns, u.nc, u.o, 'voorgesteld', $8, $9::date
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, d, vs, vc, ns, nc, o)
      JOIN dossier ON dossier.id = u.d AND dossier.eigenaar_soort = u.vs AND dossier.eigenaar_code = u.vc
      ON CONFLICT (dossier_id) WHERE status IN ('voorgesteld', 'verzonden', 'geweigerd') DO NOTHING
      RETURNING id`,
    [ids, kolom((v) => v.dossierId), kolom((v) => v.van.soort), kolom((v) => v.van.code), kolom((v) => v.naar.soort), kolom((v) => v.naar.code),
      kolom((v) => v.oorzaak), w.maand, w.peildatum])).map((r) => r.id);
    await tx.query(`INSERT INTO dossier_overdracht_stap (overdracht_id, status) SELECT id, 'voorgesteld' FROM unnest($1::text[]) AS id`, [voorgesteld]);
  }
  if (w.overnemen.length) {
    await tx.query(`UPDATE dossier d SET eigenaar_soort = u.s, eigenaar_code = u.c
      FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, s, c) WHERE d.id = u.id`,
    [w.overnemen.map((e) => e.dossierId), w.overnemen.map((e) => e.eigenaar.soort), w.overnemen.map((e) => e.eigenaar.code)]);
  }
}

// ------------------------------------------------------------------ one dossier's handovers

export interface Dossieroverdracht {
  id: string;
  status: Overdrachtstatus;
  oorzaak: Oorzaak;
  van: Eigenaar;
  naar: Eigenaar;
  voorgesteld_op: string;
  besloten_op: string | null;
  weigerreden: string | null;
  delen: string[] | null;
  reden: string | null;
  grens_gebeurtenis: number | null;
}

/** Every handover of one dossier, oldest first (for its holder: what is visible, the pending one, the timeline). */
export async function overdrachtenVanDossier(tx: Db, dossierId: string): Promise<Dossieroverdracht[]> {
  const rijen = await tx.query<{
    id: string; status: Overdrachtstatus; oorzaak: Oorzaak; van_soort: Eigenaar['soort']; van_code: string; naar_soort: Eigenaar['soort']; naar_code: string;
    voorgesteld_op: string; besloten_op: string | null; weigerreden: string | null; delen: string[] | null; reden: string | null; grens_gebeurtenis: number | null;
  }>(`SELECT id, status, oorzaak, van_soort, van_code, naar_soort, naar_code, voorgesteld_op::text AS voorgesteld_op,
      (besloten_op AT TIME ZONE 'UTC')::date::text AS besloten_op, weigerreden, to_jsonb(delen) AS delen, reden, grens_gebeurtenis
    FROM dossier_overdracht WHERE dossier_id = $1 ORDER BY voorgesteld_op, id`, [dossierId]);
  return rijen.map(({ van_soort, van_code, naar_soort, naar_code, ...r }) => ({
    ...r, van: { soort: van_soort, code: van_code }, naar: { soort: naar_soort, code: naar_code },
  }));
}

/** The undecided handover of each of these dossiers, for the monthly processing. */
export async function lopendeOverdrachten(tx: Db, dossierIds: readonly string[]): Promise<Map<string, { id: string; naar: Eigenaar; status: LopendeStatus }>> {
  const rijen = await tx.query<{ id: string; dossier_id: string; naar_soort: Eigenaar['soort']; naar_code: string; status: LopendeStatus }>(
    `SELECT id, dossier_id, naar_soort, naar_code, status FROM dossier_overdracht
     WHERE dossier_id = ANY($1::text[]) AND status IN ('voorgesteld', 'verzonden', 'geweigerd')`, [dossierIds]);
  return new Map(rijen.map((r) => [r.dossier_id, { id: r.id, naar: { soort: r.naar_soort, code: r.naar_code }, status: r.status }]));
}

// ------------------------------------------------------------------ officers: list, send, accept, refuse

function scopeVan(g: Gebruiker): Eigenaar {
  const s = g.scope;
  if (s.soort === 'rmc-regio' || s.soort === 'gemeente') return { soort: s.soort, code: s.code };
  throw new Error(`de rol ${g.rol} heeft geen dossiers`);
}

export interface Overdrachtrecord {
  overdracht_id: string;
  richting: 'inkomend' | 'uitgaand';
  status: Overdrachtstatus;
  oorzaak: Oorzaak;
  van: string;
  naar: string;
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string | null;
  geboortedatum: string | null;
  voorgesteld_op: string;
  verzonden_op: string | null;
  verzonden_door: string | null;
  besloten_op: string | null;
  besloten_door: string | null;
  weigerreden: string | null;
  /** null for the receiver until it accepts */
  dossier_id: string | null;
  delen: string[] | null;
  reden: string | null;
}

const tijd = (kolom: string) => `to_char(${kolom} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * The handovers of the user's scope: outgoing (the scope is the sender; every status) and
 * incoming (the scope is the receiver; only once sent). `$1`, `$2` are the scope.
 */
const OVERDRACHTSELECTIE = `
  SELECT o.id AS overdracht_id, d.persoon_id AS __persoon_id,
    CASE WHEN o.van_soort = $1 AND o.van_code = $2 THEN 'uitgaand' ELSE 'inkomend' END AS richting,
    o.status, o.oorzaak, o.van_soort || ' ' || o.van_code AS van, o.naar_soort || ' ' || o.naar_code AS naar,
    p.voornamen, p.voorvoegsel, p.geslachtsnaam, p.geboortedatum::text AS geboortedatum,
    o.voorgesteld_op::text AS voorgesteld_op, ${tijd('o.verzonden_op')} AS verzonden_op, o.verzonden_door,
    ${tijd('o.besloten_op')} AS besloten_op, o.besloten_door, o.weigerreden,
    o.dossier_id, to_jsonb(o.delen) AS delen, o.reden
  FROM dossier_overdracht o JOIN dossier d ON d.id = o.dossier_id LEFT JOIN persoon p ON p.persoon_id = d.persoon_id
  WHERE ((o.van_soort = $1 AND o.van_code = $2) OR (o.naar_soort = $1 AND o.naar_code = $2 AND o.verzonden_op IS NOT NULL))`;

/** What the receiver may not read before acceptance is blanked here, in one place. */
function afgeschermd(r: Overdrachtrecord & { __persoon_id: string }): Overdrachtrecord {
  const { __persoon_id: _weg, ...rest } = r;
  if (rest.richting === 'inkomend' && rest.status !== 'aanvaard') return { ...rest, dossier_id: null, delen: null, reden: null };
  return rest;
}

export async function zoekOverdrachtenGeaudit(db: Db, v: {
  gebruiker: Gebruiker; richting?: 'inkomend' | 'uitgaand'; status?: Overdrachtstatus; doel: Doel; parameters: Auditparameters;
}): Promise<Overdrachtrecord[]> {
  const scope = scopeVan(v.gebruiker);
  const params: unknown[] = [scope.soort, scope.code];
  const waar: string[] = [];
  if (v.richting === 'uitgaand') waar.push('o.van_soort = $1 AND o.van_code = $2');
  if (v.richting === 'inkomend') waar.push('o.naar_soort = $1 AND o.naar_code = $2');
  if (v.status) {
    params.push(v.status);
    waar.push(`o.status = $${params.length}`);
  }
  return db.transaction(async (tx) => {
    const rijen = await tx.query<Overdrachtrecord & { __persoon_id: string }>(`${OVERDRACHTSELECTIE} ${waar.map((w) => `AND ${w}`).join(' ')}
      ORDER BY o.status IN ('voorgesteld', 'verzonden', 'geweigerd') DESC, o.voorgesteld_op DESC, o.id LIMIT 1000`, params);
    await registreerInzage(tx, { gebruiker: v.gebruiker, handeling: 'overdracht.lezen', doel: v.doel, parameters: v.parameters, personen: { ids: rijen.map((r) => r.__persoon_id) } });
    return rijen.map(afgeschermd);
  });
}

export type Overdrachtstap =
  | { uitkomst: 'ok'; overdracht: Overdrachtrecord }
  | { uitkomst: 'niet-gevonden' }
  | { uitkomst: 'status'; status: Overdrachtstatus };

interface Stapvraag { gebruiker: Gebruiker; overdrachtId: string; doel: Doel; handeling: Handeling }

/**
 * One step by an officer, in one transaction with its audit record: finds the handover on the
 * user's side (`kant`), locked, checks its status, applies `doe`, and answers it as read after.
 */
async function stap(db: Db, v: Stapvraag, kant: 'van' | 'naar', magVan: (s: Overdrachtstatus) => boolean,
  doe: (tx: Db, o: { dossier_id: string; delen: string[] | null }) => Promise<{ status: Overdrachtstatus; reden: string | null; delen: string[] | null }>,
): Promise<Overdrachtstap> {
  const scope = scopeVan(v.gebruiker);
  return db.transaction(async (tx) => {
    const [o] = await tx.query<{ dossier_id: string; persoon_id: string; status: Overdrachtstatus; delen: string[] | null }>(`
      SELECT o.dossier_id, d.persoon_id, o.status, to_jsonb(o.delen) AS delen FROM dossier_overdracht o JOIN dossier d ON d.id = o.dossier_id
      WHERE o.id = $1 AND o.${kant}_soort = $2 AND o.${kant}_code = $3 ${kant === 'naar' ? 'AND o.verzonden_op IS NOT NULL' : ''}
      FOR UPDATE`, [v.overdrachtId, scope.soort, scope.code]);
    if (!o) return { uitkomst: 'niet-gevonden' };
    if (!magVan(o.status)) return { uitkomst: 'status', status: o.status };
    const na = await doe(tx, o);
    await tx.query(`INSERT INTO dossier_overdracht_stap (overdracht_id, status, account_id, weergavenaam, reden, delen) VALUES ($1, $2, $3, $4, $5, $6::text[])`,
      [v.overdrachtId, na.status, v.gebruiker.accountId, v.gebruiker.weergavenaam, na.reden, na.delen]);
    await registreerInzage(tx, {
      gebruiker: v.gebruiker, handeling: v.handeling, doel: v.doel, personen: { ids: [o.persoon_id] },
      parameters: { overdracht: v.overdrachtId, status: na.status },
    });
    const [na2] = await tx.query<Overdrachtrecord & { __persoon_id: string }>(`${OVERDRACHTSELECTIE} AND o.id = $3`, [scope.soort, scope.code, v.overdrachtId]);
    return { uitkomst: 'ok', overdracht: afgeschermd(na2!) };
  });
}

/** The sender (the holder) sends: the parts to pass on and why. From `voorgesteld`, or again after a refusal. */
export function verzendOverdracht(db: Db, v: Stapvraag & { delen: readonly string[]; reden: string }): Promise<Overdrachtstap> {
  return stap(db, v, 'van', magVerzenden, async (tx) => {
    await tx.query(`UPDATE dossier_overdracht SET status = 'verzonden', delen = $2::text[], reden = $3, verzonden_op = now(), verzonden_door = $4,
      besloten_op = NULL, besloten_door = NULL, weigerreden = NULL WHERE id = $1`, [v.overdrachtId, v.delen, v.reden, v.gebruiker.weergavenaam]);
    return { status: 'verzonden', reden: v.reden, delen: [...v.delen] };
  });
}

/**
 * The receiver accepts: it becomes the holder. What was recorded until now shows to it only in
 * the parts passed on (the boundary is the last event's id); the sender's officer no longer
 * works the dossier, and its next-contact date goes along only with the part `volgend-contact`.
 */
export function aanvaardOverdracht(db: Db, v: Stapvraag): Promise<Overdrachtstap> {
  return stap(db, v, 'naar', magBeslissen, async (tx, o) => {
    await tx.query('SELECT id FROM dossier WHERE id = $1 FOR UPDATE', [o.dossier_id]);
    const [g] = await tx.query<{ grens: number }>('SELECT COALESCE(max(id), 0)::int AS grens FROM dossier_gebeurtenis WHERE dossier_id = $1', [o.dossier_id]);
    await tx.query(`UPDATE dossier_overdracht SET status = 'aanvaard', besloten_op = now(), besloten_door = $2, grens_gebeurtenis = $3 WHERE id = $1`,
      [v.overdrachtId, v.gebruiker.weergavenaam, g!.grens]);
    await tx.query(`UPDATE dossier d SET eigenaar_soort = o.naar_soort, eigenaar_code = o.naar_code, behandelaar_id = NULL, behandelaar_naam = NULL,
        volgend_contact = CASE WHEN 'volgend-contact' = ANY(o.delen) THEN d.volgend_contact ELSE NULL END
      FROM dossier_overdracht o WHERE o.id = $1 AND d.id = o.dossier_id`, [v.overdrachtId]);
    await verzuimGaatMee(tx, v.overdrachtId, v.gebruiker.weergavenaam);
    return { status: 'aanvaard', reden: null, delen: null };
  });
}

/** The receiver refuses, with a reason: back to the sender, who keeps the dossier and may send again. */
export function weigerOverdracht(db: Db, v: Stapvraag & { reden: string }): Promise<Overdrachtstap> {
  return stap(db, v, 'naar', magBeslissen, async (tx) => {
    await tx.query(`UPDATE dossier_overdracht SET status = 'geweigerd', besloten_op = now(), besloten_door = $2, weigerreden = $3 WHERE id = $1`,
      [v.overdrachtId, v.gebruiker.weergavenaam, v.reden]);
    return { status: 'geweigerd', reden: v.reden, delen: null };
  });
}

/** The handovers from one holder to another in a status, oldest first (the demo world's handovers, src/demo/dossiers.ts). */
export async function leesOverdrachtnummers(db: Db, van: Eigenaar, naar: Eigenaar, status: Overdrachtstatus): Promise<string[]> {
  return (await db.query<{ id: string }>(`SELECT id FROM dossier_overdracht
    WHERE van_soort = $1 AND van_code = $2 AND naar_soort = $3 AND naar_code = $4 AND status = $5 ORDER BY voorgesteld_op, id`,
  [van.soort, van.code, naar.soort, naar.code, status])).map((r) => r.id);
}

/**
 * The open absence reports of the dossier's person that the sender handled go to the receiver
 * with the accepted handover (`behandelingNaOverdracht`), each with a line in its status history.
 */
async function verzuimGaatMee(tx: Db, overdrachtId: string, door: string): Promise<void> {
  const [o] = await tx.query<{ persoon_id: string; van_soort: Eigenaar['soort']; van_code: string; naar_soort: Eigenaar['soort']; naar_code: string }>(
    `SELECT d.persoon_id, o.van_soort, o.van_code, o.naar_soort, o.naar_code FROM dossier_overdracht o JOIN dossier d ON d.id = o.dossier_id WHERE o.id = $1`,
    [overdrachtId]);
  if (!o) return;
  const meldingen = await tx.query<{ id: number; status: string; behandelaar: 'leerplicht' | 'rmc'; gemeente_code: string; rmc_code: string | null }>(
    `SELECT id, status, behandelaar, gemeente_code, rmc_code FROM verzuimmelding WHERE persoon_id = $1 AND status <> 'afgesloten' ORDER BY id FOR UPDATE`,
    [o.persoon_id]);
  const van = { soort: o.van_soort, code: o.van_code };
  const naar = { soort: o.naar_soort, code: o.naar_code };
  for (const m of meldingen) {
    const nieuw = behandelingNaOverdracht({ behandelaar: m.behandelaar, gemeenteCode: m.gemeente_code, rmcCode: m.rmc_code }, van, naar);
    if (!nieuw) continue;
    // the sender's contact person is no longer the school's contact: the receiver assigns its own
    await tx.query('UPDATE verzuimmelding SET behandelaar = $2, gemeente_code = $3, rmc_code = $4, contactpersoon = NULL WHERE id = $1',
      [m.id, nieuw.behandelaar, nieuw.gemeenteCode, nieuw.rmcCode]);
    await tx.query('INSERT INTO verzuimstatus (melding_id, status, opmerking, door) VALUES ($1, $2, $3, $4)',
      [m.id, m.status, `met het dossier overgedragen van ${van.soort} ${van.code} aan ${naar.soort} ${naar.code}`, door]);
  }
}
