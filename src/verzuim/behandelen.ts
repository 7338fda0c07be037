import type { Db } from '../db/database.js';
import {
  bewaarActie, bewaarAfhandeling, leesAfhandelingInScope, zoekLeerlingenGeaudit, zoekMeldingenGeaudit,
  zoekMeldingenInTransactie, type Meldingenantwoord, type Meldingenvraag, type Meldingfilter, type MeldingRij,
} from '../db/verzuim.js';
import type { Auditparameters } from '../db/audit.js';
import type { Datum } from '../domain/datum.js';
import type { Handeling } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { aandeelTeLaat, achterstandsgrens, isAchterstallig } from '../domain/verzuim/achterstand.js';
import { valideerActie, wijsContactpersoonToe, wijzigStatus, type Afhandeling, type Meldingstatus, type Uitkomst } from '../domain/verzuim/status.js';
import { beperkTot, verzuimveldenVoor, type Verzuimveld } from '../domain/verzuim/zicht.js';

/**
 * The absence reports as the API and web app show and change them (issue 10 items 1–4):
 * every read of a report is audited with the purpose of the role's task; a user reaches only
 * the reports of their own scope (routed to their municipality or region; a school its own),
 * and a report outside it is "not found", never "forbidden", so its existence does not leak.
 */
export interface Verzuimopties {
  vandaag: Datum;
  /** weeks without action after which a report in handling is overdue (setting) */
  achterstandWeken: number;
}

export type Meldingweergave = Partial<Record<Verzuimveld, unknown>>;

export interface Meldingenpagina {
  velden: readonly Verzuimveld[];
  totaal: number;
  meldingen: Meldingweergave[];
  tijdigheidPerSchool: { brin: string; aantalMeldingen: number; tijdig: number; teLaat: number; aandeelTeLaat: number | null }[];
}

const doelVan = (g: Gebruiker): 'verzuim-melden' | 'verzuimafhandeling' => (g.rol === 'school' ? 'verzuim-melden' : 'verzuimafhandeling');

function weergave(a: Meldingenantwoord, r: MeldingRij, opties: Verzuimopties): Record<Verzuimveld, unknown> {
  return {
    meldingId: r.id, soort: r.soort, bron: r.bron, brin: r.brin, vestiging: r.vestiging, meldingsdatum: r.meldingsdatum,
    startdatum: r.startdatum, einddatum: r.einddatum,
    leerling: { referentie: r.referentie, voornamen: r.voornamen, voorvoegsel: r.voorvoegsel, geslachtsnaam: r.geslachtsnaam, geboortedatum: r.geboortedatum },
    status: r.status, contactpersoon: r.contactpersoon, tijdigheid: r.tijdigheid, uiterlijkeMeldingsdatum: r.uiterlijke_meldingsdatum,
    teLaat: r.tijdigheid === 'te-laat', ontvangenOp: r.ontvangen_op, lesplaats: r.lesplaats,
    verzuimDagen: Number(r.verzuim_dagen), verzuimUren: Number(r.verzuim_uren), alleLessenGemist: r.alle_lessen_gemist,
    vermoedelijkeReden: r.vermoedelijke_reden, ondernomenActie: r.ondernomen_actie, gemeenteGevraagdTeHandelen: r.gemeente_gevraagd,
    redenNietHandelen: r.reden_niet_handelen,
    melder: { naam: r.melder_naam, functie: r.melder_functie, telefoon: r.melder_telefoon, email: r.melder_email },
    telefoonLeerlingOfOuder: r.telefoon_leerling_of_ouder, verblijfadres: r.verblijfadres, verblijfGemeenteCode: r.verblijf_gemeente_code,
    behandelaar: r.behandelaar, gemeenteCode: r.gemeente_code, rmcCode: r.rmc_code, afsluitreden: r.afsluitreden,
    afsluitopmerking: r.afsluitopmerking,
    achterstallig: isAchterstallig({ status: r.status, ontvangen: r.ontvangen, laatsteActie: r.laatste_actie }, opties.vandaag, opties.achterstandWeken),
    laatsteActie: r.laatste_actie,
    acties: a.acties.filter((x) => x.melding_id === r.id).map((x) => ({
      soort: x.soort, datum: x.datum, medewerker: x.medewerker, toelichting: x.toelichting, vastgelegdOp: x.vastgelegd_op,
    })),
    statuswijzigingen: a.statussen.filter((x) => x.melding_id === r.id).map((x) => ({
      status: x.status, afsluitreden: x.afsluitreden, opmerking: x.opmerking, door: x.door, tijdstip: x.tijdstip,
    })),
  };
}

function pagina(g: Gebruiker, a: Meldingenantwoord, opties: Verzuimopties): Meldingenpagina {
  const velden = verzuimveldenVoor(g.rol);
  return {
    velden,
    totaal: a.totaal,
    // Only the role's fields leave this function: a school never gets the handling (zicht.ts).
    meldingen: a.rijen.map((r) => beperkTot(weergave(a, r, opties), velden)),
    tijdigheidPerSchool: a.perSchool.map((s) => ({
      brin: s.brin, aantalMeldingen: s.aantal, tijdig: s.tijdig, teLaat: s.te_laat, aandeelTeLaat: aandeelTeLaat(s.tijdig, s.te_laat),
    })),
  };
}

function vraag(g: Gebruiker, handeling: Handeling, filter: Meldingfilter, opties: Verzuimopties, offset: number, limit: number, parameters: Auditparameters): Meldingenvraag {
  if (verzuimveldenVoor(g.rol).length === 0) throw new Error('verzuimmeldingen alleen voor leerplicht, RMC en school');
  return {
    gebruiker: g, handeling, doel: doelVan(g), filter, achterstandsgrens: achterstandsgrens(opties.vandaag, opties.achterstandWeken),
    metAfhandeling: g.rol !== 'school', offset, limit, parameters,
  };
}

export async function zoekMeldingen(
  db: Db, g: Gebruiker, filter: Meldingfilter, opties: Verzuimopties, offset: number, limit: number, parameters: Auditparameters,
): Promise<Meldingenpagina> {
  const a = await zoekMeldingenGeaudit(db, vraag(g, 'verzuim.lezen', filter, opties, offset, limit, parameters));
  return pagina(g, a, opties);
}

export type Wijzigingsuitkomst =
  | { ok: true; melding: Meldingweergave }
  | { ok: false; soort: 'niet-gevonden'; reden: string }
  | { ok: false; soort: 'ongeldig'; veld: string; reden: string };

const nietGevonden = (id: number): Wijzigingsuitkomst => ({ ok: false, soort: 'niet-gevonden', reden: `Melding ${id} bestaat niet of is niet naar uw gemeente of regio gestuurd.` });

class Afgebroken extends Error {
  constructor(readonly uitkomst: Wijzigingsuitkomst) {
    super(uitkomst.ok ? '' : uitkomst.reden);
  }
}

/** Runs a change on one report of the caller's scope and returns the changed report (one audit record), or why not (nothing changed). */
async function wijzig(
  db: Db, g: Gebruiker, id: number, opties: Verzuimopties, parameters: Auditparameters,
  werk: (tx: Db, huidig: Afhandeling & { meldingsdatum: Datum }) => Promise<Wijzigingsuitkomst | null>,
): Promise<Wijzigingsuitkomst> {
  try {
    return await db.transaction(async (tx) => {
      const huidig = await leesAfhandelingInScope(tx, id, g.scope);
      if (!huidig) throw new Afgebroken(nietGevonden(id));
      const fout = await werk(tx, huidig);
      if (fout) throw new Afgebroken(fout);
      const a = await zoekMeldingenInTransactie(tx, vraag(g, 'verzuim.behandelen', { meldingId: id }, opties, 0, 1, { meldingId: id, ...parameters }));
      return { ok: true, melding: pagina(g, a, opties).meldingen[0]! };
    });
  } catch (e) {
    if (e instanceof Afgebroken) return e.uitkomst;
    throw e;
  }
}

export interface Afhandelingswijziging {
  status?: Meldingstatus;
  afsluitreden?: string;
  afsluitopmerking?: string;
  contactpersoon?: string;
}

/** Contact person first, then the status: one history row per request. Closing needs a reason and a remark (status.ts). */
export async function wijzigAfhandeling(db: Db, g: Gebruiker, id: number, w: Afhandelingswijziging, opties: Verzuimopties): Promise<Wijzigingsuitkomst> {
  return wijzig(db, g, id, opties, { status: w.status ?? null, contactpersoon: w.contactpersoon !== undefined }, async (tx, huidig) => {
    let nieuw: Afhandeling = huidig;
    if (w.contactpersoon !== undefined) {
      const u = wijsContactpersoonToe(nieuw, w.contactpersoon);
      if (!u.ok) return { ok: false, soort: 'ongeldig', veld: 'contactpersoon', reden: u.reden };
      nieuw = u.waarde;
    }
    if (w.status !== undefined) {
      const overgang = w.status === 'afgesloten'
        ? { naar: 'afgesloten' as const, reden: w.afsluitreden ?? '', opmerking: w.afsluitopmerking ?? '' }
        : { naar: w.status };
      const u: Uitkomst<Afhandeling> = wijzigStatus(nieuw, overgang);
      if (!u.ok) {
        const veld = /afsluitreden/.test(u.reden) ? 'afsluitreden' : /afsluitopmerking/.test(u.reden) ? 'afsluitopmerking' : 'status';
        return { ok: false, soort: 'ongeldig', veld, reden: u.reden };
      }
      nieuw = u.waarde;
    } else if (w.afsluitreden !== undefined || w.afsluitopmerking !== undefined) {
      return { ok: false, soort: 'ongeldig', veld: 'status', reden: 'een afsluitreden en -opmerking horen bij status afgesloten' };
    }
    await bewaarAfhandeling(tx, id, nieuw, g.accountId, w.status === 'afgesloten' ? nieuw.afsluitopmerking : null);
    return null;
  });
}

/** An action of the officer (conversation, warning, HALT, proces-verbaal, referral to care) in the report's own history. */
export async function voegActieToe(
  db: Db, g: Gebruiker, id: number, invoer: { soort: string; datum: string; medewerker?: string; toelichting?: string }, opties: Verzuimopties,
): Promise<Wijzigingsuitkomst> {
  return wijzig(db, g, id, opties, { actie: invoer.soort }, async (tx, huidig) => {
    const actie = valideerActie(huidig, huidig.meldingsdatum, opties.vandaag, { ...invoer, medewerker: invoer.medewerker ?? g.weergavenaam });
    if (!actie.ok) {
      const veld = /actiedatum|datum/.test(actie.reden) ? 'datum' : /medewerker/.test(actie.reden) ? 'medewerker' : /actie '/.test(actie.reden) ? 'soort' : 'status';
      return { ok: false, soort: 'ongeldig', veld, reden: actie.reden };
    }
    await bewaarActie(tx, id, actie.waarde);
    return null;
  });
}

/** A school's search for its own pupil by name and date of birth (audited). */
export async function zoekLeerling(db: Db, g: Gebruiker, naam: string, geboortedatum: Datum) {
  if (g.scope.soort !== 'brin') throw new Error('alleen een school zoekt haar eigen leerlingen');
  const max = 20;
  const gevonden = await zoekLeerlingenGeaudit(db, { gebruiker: g, brin: g.scope.code, naam, geboortedatum, max: max + 1, parameters: { geboortedatumGegeven: true, naamlengte: naam.trim().length } });
  return { leerlingen: gevonden.slice(0, max), meer: gevonden.length > max };
}
