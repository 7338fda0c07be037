import type { Datum } from '../domain/datum.js';
import type { EerdereMelding, Meldingsoort, Verzuimmelding } from '../domain/verzuim/melding.js';
import type { Meldingsfeit } from '../domain/verzuim/cijfers.js';
import type { Leerlinggegevens } from '../domain/verzuim/routering.js';
import type { Actie, Afhandeling, Meldingstatus } from '../domain/verzuim/status.js';
import type { Tijdigheid } from '../domain/verzuim/tijdigheid.js';
import type { Doel, Handeling } from '../domain/toegang/beleid.js';
import type { Gebruiker, Scope } from '../domain/toegang/rollen.js';
import { registreerInzage, type Auditparameters } from './audit.js';
import { csvLine } from './csv.js';
import type { Db } from './database.js';

/**
 * All SQL of the absence reports (issue 10): what routing and validation need from the
 * registration (persons, residence, enrolments, locations, RMC split, earlier reports), and
 * storing reports, their status history and actions.
 */

export interface RmcIndelingsregel {
  gemeenteCode: string;
  rmcCode: string;
  schooljaarVanaf: string;
  schooljaarTot: string | null;
}

/** What checking and routing reports of one school need from the registration (`leesMeldcontext`). */
export interface Meldcontext {
  /** date of birth, residence and the enrolments at the BRIN, per person */
  leerlingen: Map<string, Leerlinggegevens>;
  /** municipality of each location of the BRIN */
  vestigingen: Map<string, string>;
  /** the RMC split of every municipality the persons lived in and of the `gemeenten` asked, ordered by municipality and year */
  indeling: RmcIndelingsregel[];
  /** earlier `16u4w` reports of these persons (for the 7-day rule), from any school */
  eerder: Map<string, EerdereMelding[]>;
  /** the keyed references of every persoon_id asked (known or not), for the audit record of the lookup */
  referenties: string[];
}

/**
 * Everything in one statement: a single report is filed while twenty others are, and each
 * round trip to the database counts (bench/verzuimHttp.ts).
 */
export async function leesMeldcontext(db: Db, persoonIds: readonly string[], brin: string, gemeenten: readonly string[]): Promise<Meldcontext> {
  type Leerlingrij = { persoon_id: string; geboortedatum: Datum; verblijf: Leerlinggegevens['verblijf'] | null; inschrijvingen: Leerlinggegevens['inschrijvingen'] | null };
  type Eerderrij = { persoon_id: string; meldingsdatum: Datum; startdatum: Datum; einddatum: Datum | null };
  const [r] = await db.query<{
    leerlingen: Leerlingrij[] | null; vestigingen: { vestiging: string; gemeente: string }[] | null; indeling: RmcIndelingsregel[] | null;
    eerder: Eerderrij[] | null; referenties: string[] | null;
  }>(`
    WITH ids AS (SELECT DISTINCT unnest($1::text[]) AS persoon_id)
    SELECT
      (SELECT array_agg(persoon_referentie(persoon_id)) FROM ids) AS referenties,
      (SELECT json_agg(json_build_object('persoon_id', p.persoon_id, 'geboortedatum', p.geboortedatum,
         'verblijf', (SELECT json_agg(json_build_object('gemeenteCode', v.gemeente_code, 'vanaf', v.vanaf, 'tot', v.tot) ORDER BY v.vanaf)
                      FROM verblijf v WHERE v.persoon_id = p.persoon_id),
         'inschrijvingen', (SELECT json_agg(json_build_object('brin', i.brin, 'begindatum', i.begindatum, 'einddatum', i.einddatum))
                            FROM inschrijving i WHERE i.persoon_id = p.persoon_id AND i.brin = $2)))
       FROM persoon p JOIN ids USING (persoon_id)) AS leerlingen,
      (SELECT json_agg(json_build_object('vestiging', vestiging, 'gemeente', gemeente_code)) FROM instelling WHERE brin = $2) AS vestigingen,
      (SELECT json_agg(json_build_object('gemeenteCode', r.gemeente_code, 'rmcCode', r.rmc_code, 'schooljaarVanaf', r.schooljaar_vanaf,
         'schooljaarTot', r.schooljaar_tot) ORDER BY r.gemeente_code, r.schooljaar_vanaf)
       FROM rmc_indeling r
       WHERE r.gemeente_code IN (SELECT v.gemeente_code FROM verblijf v JOIN ids USING (persoon_id)) OR r.gemeente_code = ANY($3::text[])) AS indeling,
      (SELECT json_agg(json_build_object('persoon_id', m.persoon_id, 'meldingsdatum', m.meldingsdatum, 'startdatum', m.startdatum, 'einddatum', m.einddatum))
       FROM verzuimmelding m JOIN ids USING (persoon_id) WHERE m.soort = '16u4w') AS eerder`, [[...persoonIds], brin, [...gemeenten]]);
  const eerder = new Map<string, EerdereMelding[]>();
  for (const e of r!.eerder ?? []) {
    eerder.set(e.persoon_id, [...(eerder.get(e.persoon_id) ?? []), { soort: '16u4w', meldingsdatum: e.meldingsdatum, startdatum: e.startdatum, einddatum: e.einddatum }]);
  }
  return {
    leerlingen: new Map((r!.leerlingen ?? []).map((l) => [l.persoon_id, { geboortedatum: l.geboortedatum, verblijf: l.verblijf ?? [], inschrijvingen: l.inschrijvingen ?? [] }])),
    vestigingen: new Map((r!.vestigingen ?? []).map((v) => [v.vestiging, v.gemeente])),
    indeling: r!.indeling ?? [],
    eerder,
    referenties: r!.referenties ?? [],
  };
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
  const ids = await tx.query<{ id: number }>(`
    WITH nieuw AS (SELECT id, status FROM verzuimmelding WHERE import_id = $1),
    eerste AS (INSERT INTO verzuimstatus (melding_id, status, door) SELECT id, status, $2 FROM nieuw ORDER BY id)
    SELECT id FROM nieuw ORDER BY id`, [importId, door]);
  return ids.map((r) => r.id);
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

// ------------------------------------------------------------------ the API and web app (issue 10 items 1–4)

/** The condition that keeps a user to the reports of their own scope (the scope column compared with `$n`). */
export function meldingScope(scope: Scope, n: number): string {
  switch (scope.soort) {
    case 'gemeente': return `m.behandelaar = 'leerplicht' AND m.gemeente_code = $${n}`;
    case 'rmc-regio': return `m.behandelaar = 'rmc' AND m.rmc_code = $${n}`;
    case 'brin': return `m.brin = $${n}`;
    case 'landelijk': throw new Error('verzuimmeldingen alleen voor een rol met een eigen gemeente, regio of school');
  }
}

export interface Leerlingkandidaat {
  referentie: string;
  voornamen: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string | null;
  geboortedatum: Datum;
  vestigingen: string[];
}

/**
 * A school's search for one of its own pupils, by name and date of birth, among everyone ever
 * enrolled at its BRIN (a report may concern a pupil who has since left). At most `max`
 * matches; the read is audited in its own transaction. Never the persoon_id out: a reference.
 */
export async function zoekLeerlingenGeaudit(db: Db, v: {
  gebruiker: Gebruiker; brin: string; naam: string; geboortedatum: Datum; max: number; parameters: Auditparameters;
}): Promise<Leerlingkandidaat[]> {
  const patroon = `%${v.naam.trim().toLowerCase().replace(/[\\%_]/g, (t) => `\\${t}`)}%`;
  return db.transaction(async (tx) => {
    const rijen = await tx.query<Leerlingkandidaat & { persoon_id: string }>(`
      SELECT p.persoon_id, persoon_referentie(p.persoon_id) AS referentie, p.voornamen, p.voorvoegsel, p.geslachtsnaam, p.geboortedatum,
        ARRAY(SELECT DISTINCT i2.vestiging FROM inschrijving i2 WHERE i2.persoon_id = p.persoon_id AND i2.brin = $1 ORDER BY i2.vestiging) AS vestigingen
      FROM persoon p
      WHERE p.geboortedatum = $2
        AND lower(concat_ws(' ', p.voornamen, p.voorvoegsel, p.geslachtsnaam)) LIKE $3
        AND EXISTS (SELECT 1 FROM inschrijving i WHERE i.persoon_id = p.persoon_id AND i.brin = $1)
      ORDER BY p.geslachtsnaam, p.voornamen, persoon_referentie(p.persoon_id) COLLATE "C"
      LIMIT ${Number(v.max)}`, [v.brin, v.geboortedatum, patroon]);
    await registreerInzage(tx, {
      gebruiker: v.gebruiker, handeling: 'verzuim.melden', doel: 'verzuim-melden', parameters: v.parameters,
      personen: { ids: rijen.map((r) => r.persoon_id) },
    });
    return rijen.map(({ persoon_id: _weg, ...r }) => r);
  });
}

/** The persoon_id behind a reference, only when that person was ever enrolled at the BRIN. */
export async function persoonIdVanLeerling(db: Db, referentie: string, brin: string): Promise<string | null> {
  const [r] = await db.query<{ persoon_id: string }>(
    'SELECT DISTINCT persoon_id FROM inschrijving WHERE brin = $1 AND persoon_referentie(persoon_id) = $2', [brin, referentie]);
  return r?.persoon_id ?? null;
}

export interface Meldingfilter {
  meldingId?: number;
  /** `open`: every status but afgesloten */
  status?: Meldingstatus | 'open';
  alleenTeLaat?: boolean;
  /** only reports in handling whose last activity lies before `achterstandsgrens` */
  alleenAchterstallig?: boolean;
  brin?: string;
}

export interface MeldingRij {
  id: number; bron: string; soort: Meldingsoort; brin: string; vestiging: string; lesplaats: string;
  meldingsdatum: Datum; startdatum: Datum; einddatum: Datum | null; verzuim_dagen: string; verzuim_uren: string;
  alle_lessen_gemist: boolean; vermoedelijke_reden: string; ondernomen_actie: string; gemeente_gevraagd: boolean;
  reden_niet_handelen: string | null; melder_naam: string; melder_functie: string; melder_telefoon: string; melder_email: string;
  telefoon_leerling_of_ouder: string | null; verblijfadres: string | null; verblijf_gemeente_code: string | null;
  behandelaar: 'leerplicht' | 'rmc'; gemeente_code: string; rmc_code: string | null; tijdigheid: Tijdigheid['status'];
  uiterlijke_meldingsdatum: Datum | null; status: Meldingstatus; contactpersoon: string | null; afsluitreden: string | null;
  afsluitopmerking: string | null; ontvangen_op: string; ontvangen: Datum; laatste_actie: Datum | null;
  referentie: string; voornamen: string | null; voorvoegsel: string | null; geslachtsnaam: string | null; geboortedatum: Datum | null;
}

export interface Actierij { melding_id: number; soort: string; datum: Datum; medewerker: string; toelichting: string | null; vastgelegd_op: string }
export interface Statusrij { melding_id: number; status: string; afsluitreden: string | null; opmerking: string | null; door: string; tijdstip: string }
export interface Tijdigheidsrij { brin: string; aantal: number; tijdig: number; te_laat: number }

export interface Meldingenvraag {
  gebruiker: Gebruiker;
  handeling: Handeling;
  doel: Doel;
  filter: Meldingfilter;
  achterstandsgrens: Datum;
  /** also the actions and status history (only for the municipality or region that handles them) */
  metAfhandeling: boolean;
  offset: number;
  limit: number;
  parameters: Auditparameters;
}

export interface Meldingenantwoord {
  totaal: number;
  rijen: MeldingRij[];
  acties: Actierij[];
  statussen: Statusrij[];
  perSchool: Tijdigheidsrij[];
}

const TIJD = (kolom: string) => `to_char(${kolom} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * The reports of the caller's scope (routed to their municipality or region; a school's own),
 * filtered and paged, with one audit record for the persons on the page, in the caller's
 * transaction when given one. `perSchool` counts timeliness over the whole scope, not the page.
 */
export async function zoekMeldingenGeaudit(db: Db, v: Meldingenvraag): Promise<Meldingenantwoord> {
  return db.transaction((tx) => zoekMeldingenInTransactie(tx, v));
}

/** As zoekMeldingenGeaudit, inside a transaction the caller holds (after a change, the changed report with its audit record). */
export async function zoekMeldingenInTransactie(tx: Db, v: Meldingenvraag): Promise<Meldingenantwoord> {
  const params: unknown[] = [(v.gebruiker.scope as { code: string }).code];
  const voorwaarden = [meldingScope(v.gebruiker.scope, 1)];
  const voeg = (sql: (n: string) => string, waarde: unknown) => {
    params.push(waarde);
    voorwaarden.push(sql(`$${params.length}`));
  };
  const f = v.filter;
  if (f.meldingId !== undefined) voeg((n) => `m.id = ${n}`, f.meldingId);
  if (f.status === 'open') voorwaarden.push("m.status <> 'afgesloten'");
  else if (f.status !== undefined) voeg((n) => `m.status = ${n}`, f.status);
  if (f.alleenTeLaat) voorwaarden.push("m.tijdigheid = 'te-laat'");
  if (f.brin !== undefined) voeg((n) => `m.brin = ${n}`, f.brin);
  if (f.alleenAchterstallig) {
    voeg((n) => `m.status = 'in-behandeling' AND greatest(m.ingediend_op::date, coalesce((SELECT max(a.datum) FROM verzuimactie a WHERE a.melding_id = m.id), m.ingediend_op::date)) < ${n}::date`, v.achterstandsgrens);
  }
  const waar = voorwaarden.join(' AND ');
  {
    // One pass over the scope gives both the timeliness per school (the whole scope) and how
    // many reports pass the filter (the number of pages).
    const perSchoolEnTotaal = await tx.query<Tijdigheidsrij & { gevonden: number }>(`
      SELECT m.brin, count(*)::int AS aantal, count(*) FILTER (WHERE m.tijdigheid = 'tijdig')::int AS tijdig,
        count(*) FILTER (WHERE m.tijdigheid = 'te-laat')::int AS te_laat, count(*) FILTER (WHERE ${waar})::int AS gevonden
      FROM verzuimmelding m WHERE ${voorwaarden[0]} GROUP BY m.brin ORDER BY m.brin`, params);
    // The page's ids first, so the reference hash and the last action are computed for 50 rows, not the whole scope.
    // The page's actions and status history come with it (for the municipality or region that handles them).
    const rijen = await tx.query<MeldingRij & { acties?: Actierij[] | null; statussen?: Statusrij[] | null }>(`
      WITH pagina AS (
        SELECT m.id FROM verzuimmelding m WHERE ${waar}
        ORDER BY m.meldingsdatum DESC, m.id DESC LIMIT ${Number(v.limit)} OFFSET ${Number(v.offset)}
      )
      SELECT m.id, m.bron, m.soort, m.brin, m.vestiging, m.lesplaats, m.meldingsdatum, m.startdatum, m.einddatum,
        m.verzuim_dagen::text AS verzuim_dagen, m.verzuim_uren::text AS verzuim_uren, m.alle_lessen_gemist, m.vermoedelijke_reden,
        m.ondernomen_actie, m.gemeente_gevraagd, m.reden_niet_handelen, m.melder_naam, m.melder_functie, m.melder_telefoon,
        m.melder_email, m.telefoon_leerling_of_ouder, m.verblijfadres, m.verblijf_gemeente_code, m.behandelaar, m.gemeente_code,
        m.rmc_code, m.tijdigheid, m.uiterlijke_meldingsdatum, m.status, m.contactpersoon, m.afsluitreden, m.afsluitopmerking,
        ${TIJD('m.ingediend_op')} AS ontvangen_op, (m.ingediend_op AT TIME ZONE 'UTC')::date AS ontvangen,
        (SELECT max(a.datum) FROM verzuimactie a WHERE a.melding_id = m.id) AS laatste_actie,
        persoon_referentie(m.persoon_id) AS referentie, p.voornamen, p.voorvoegsel, p.geslachtsnaam, p.geboortedatum
        ${v.metAfhandeling ? `, (SELECT json_agg(json_build_object('melding_id', a.melding_id, 'soort', a.soort, 'datum', a.datum, 'medewerker', a.medewerker,
            'toelichting', a.toelichting, 'vastgelegd_op', ${TIJD('a.vastgelegd_op')}) ORDER BY a.datum, a.id) FROM verzuimactie a WHERE a.melding_id = m.id) AS acties,
          (SELECT json_agg(json_build_object('melding_id', s.melding_id, 'status', s.status, 'afsluitreden', s.afsluitreden, 'opmerking', s.opmerking,
            'door', s.door, 'tijdstip', ${TIJD('s.tijdstip')}) ORDER BY s.id) FROM verzuimstatus s WHERE s.melding_id = m.id) AS statussen` : ''}
      FROM pagina JOIN verzuimmelding m ON m.id = pagina.id LEFT JOIN persoon p ON p.persoon_id = m.persoon_id
      ORDER BY m.meldingsdatum DESC, m.id DESC`, params);
    await registreerInzage(tx, {
      gebruiker: v.gebruiker, handeling: v.handeling, doel: v.doel, parameters: v.parameters,
      personen: { referenties: rijen.map((r) => r.referentie) },
    });
    const totaal = perSchoolEnTotaal.reduce((som, s) => som + s.gevonden, 0);
    const perSchool = perSchoolEnTotaal.map(({ gevonden: _weg, ...s }) => s);
    return {
      totaal, perSchool,
      rijen: rijen.map(({ acties: _a, statussen: _s, ...r }) => r),
      acties: rijen.flatMap((r) => r.acties ?? []),
      statussen: rijen.flatMap((r) => r.statussen ?? []),
    };
  }
}

/** The handling state of one report of the caller's scope, locked for the change that follows; null when not in scope. */
export async function leesAfhandelingInScope(tx: Db, id: number, scope: Scope): Promise<OpgeslagenAfhandeling | null> {
  const [r] = await tx.query<{ id: number; brin: string; meldingsdatum: Datum; status: Meldingstatus; contactpersoon: string | null; afsluitreden: string | null; afsluitopmerking: string | null }>(
    `SELECT m.id, m.brin, m.meldingsdatum, m.status, m.contactpersoon, m.afsluitreden, m.afsluitopmerking
     FROM verzuimmelding m WHERE m.id = $2 AND ${meldingScope(scope, 1)} FOR UPDATE`, [(scope as { code: string }).code, id]);
  return r ? { ...r, afsluitreden: r.afsluitreden as Afhandeling['afsluitreden'] } : null;
}

/**
 * What the absence figures need of the reports of a scope in a period (by meldingsdatum): no
 * person, no case notes; the first action per report (earliest date, then the first recorded).
 */
export async function leesMeldingsfeiten(db: Db, scope: Scope, van: Datum, tot: Datum): Promise<(Meldingsfeit & { meldingsdatum: Datum })[]> {
  const rijen = await db.query<{
    soort: Meldingsoort; brin: string; status: Meldingstatus; afsluitreden: string | null; tijdigheid: Tijdigheid['status'];
    ontvangen: Datum; meldingsdatum: Datum; actie_datum: Datum | null; actie_soort: string | null;
  }>(`
    SELECT m.soort, m.brin, m.status, m.afsluitreden, m.tijdigheid, m.meldingsdatum,
      (m.ingediend_op AT TIME ZONE 'UTC')::date AS ontvangen, a.datum AS actie_datum, a.soort AS actie_soort
    FROM verzuimmelding m
    LEFT JOIN LATERAL (SELECT datum, soort FROM verzuimactie WHERE melding_id = m.id ORDER BY datum, id LIMIT 1) a ON true
    WHERE ${meldingScope(scope, 1)} AND m.meldingsdatum BETWEEN $2::date AND $3::date`, [(scope as { code: string }).code, van, tot]);
  return rijen.map((r) => ({
    soort: r.soort, brin: r.brin, status: r.status, afsluitreden: r.afsluitreden, tijdigheid: r.tijdigheid,
    ontvangen: r.ontvangen, meldingsdatum: r.meldingsdatum,
    eersteActie: r.actie_datum && r.actie_soort ? { datum: r.actie_datum, soort: r.actie_soort } : null,
  }));
}

/** The school years (1 August–31 July, as `2025-2026`) in which the scope has reports, latest first. */
export async function leesSchooljarenMetMeldingen(db: Db, scope: Scope): Promise<string[]> {
  // 1 August minus 7 months is 1 January of the same year, 31 July minus 7 months 31 December of the year before.
  const rijen = await db.query<{ begin: number }>(`
    SELECT DISTINCT extract(year FROM m.meldingsdatum - interval '7 months')::int AS begin
    FROM verzuimmelding m WHERE ${meldingScope(scope, 1)} ORDER BY begin DESC`, [(scope as { code: string }).code]);
  return rijen.map((r) => `${r.begin}-${r.begin + 1}`);
}

/**
 * The vsv'ers of a scope in the latest count of a school year (definitief before voorlopig), and
 * how many had an absence report with a meldingsdatum in `periode`; null when there is no count.
 * Counts only (docs/rules/verzuim-cijfers.md).
 */
export async function telVsvMetMelding(db: Db, scope: Scope, schooljaar: string, periode: { van: Datum; tot: Datum }):
  Promise<{ status: 'definitief' | 'voorlopig'; vsvers: number; metMelding: number } | null> {
  const [run] = await db.query<{ id: number; status: 'definitief' | 'voorlopig' }>(
    `SELECT id, status FROM telling_run WHERE schooljaar = $1 ORDER BY (status = 'definitief') DESC, id DESC LIMIT 1`, [schooljaar]);
  if (!run) return null;
  const kolom = scope.soort === 'gemeente' ? 'tp.gemeente_code' : scope.soort === 'rmc-regio' ? 'tp.rmc_code' : scope.soort === 'brin' ? 'tp.brin' : null;
  if (kolom === null) throw new Error('verzuimcijfers alleen voor een rol met een eigen gemeente, regio of school');
  const [r] = await db.query<{ vsvers: number; met_melding: number }>(`
    SELECT count(*)::int AS vsvers,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM verzuimmelding m WHERE m.persoon_id = tp.persoon_id AND m.meldingsdatum BETWEEN $3::date AND $4::date))::int AS met_melding
    FROM telling_persoon tp WHERE tp.run_id = $1 AND tp.vsv AND ${kolom} = $2`, [run.id, (scope as { code: string }).code, periode.van, periode.tot]);
  return { status: run.status, vsvers: r!.vsvers, metMelding: r!.met_melding };
}

/** A pupil of a count's start population who could get a demo absence report (src/demo/verzuim.ts). */
export interface Verzuimkandidaat {
  persoon_id: string;
  brin: string;
  vestiging: string;
  vsv: boolean;
  geboortedatum: Datum;
  begindatum: Datum;
  einddatum: Datum | null;
}

/**
 * The start population of a count with the enrolment it was counted under (for the demo world's
 * absence reports): a report is dated within that enrolment, at its school. Without a known
 * residence at the count a report could not be routed, so those are left out.
 */
export async function leesVerzuimkandidaten(db: Db, runId: number): Promise<Verzuimkandidaat[]> {
  return db.query<Verzuimkandidaat>(`
    SELECT tp.persoon_id, tp.brin, tp.vestiging, tp.vsv, p.geboortedatum, i.begindatum, i.einddatum
    FROM telling_persoon tp
    JOIN inschrijving i ON i.inschrijving_id = tp.inschrijving_id
    JOIN persoon p ON p.persoon_id = tp.persoon_id
    WHERE tp.run_id = $1 AND tp.gemeente_code <> 'onbekend'
    ORDER BY tp.persoon_id`, [runId]);
}

/** The reports routed to (or filed by) a scope: number and report date, oldest first (the demo world's handling). */
export async function leesMeldingnummers(db: Db, scope: Scope): Promise<{ id: number; meldingsdatum: Datum }[]> {
  return db.query<{ id: number; meldingsdatum: Datum }>(
    `SELECT m.id, m.meldingsdatum FROM verzuimmelding m WHERE ${meldingScope(scope, 1)} ORDER BY m.meldingsdatum, m.id`, [(scope as { code: string }).code]);
}
