import type { Db } from '../db/database.js';
import { bewaarActie, bewaarAfhandeling, leesAfhandeling, leesMeldingenVanSchool } from '../db/verzuim.js';
import type { Datum } from '../domain/datum.js';
import { schoolzicht, valideerActie, wijsContactpersoonToe, wijzigStatus, type Overgang, type SchoolzichtOpMelding, type Uitkomst } from '../domain/verzuim/status.js';

/**
 * Handling a report by the municipality: the pure rules of `src/domain/verzuim/status.ts`
 * applied to the stored report, each change with a history row. Who may do this is decided by
 * access control (issue 10 leaves routes for later); these functions only keep the rules.
 */
export async function wijzigMeldingstatus(db: Db, id: number, overgang: Overgang, door: string): Promise<Uitkomst<null>> {
  return db.transaction(async (tx) => {
    const huidig = await leesAfhandeling(tx, id);
    if (!huidig) return { ok: false, reden: `melding ${id} bestaat niet` };
    const nieuw = wijzigStatus(huidig, overgang);
    if (!nieuw.ok) return nieuw;
    await bewaarAfhandeling(tx, id, nieuw.waarde, door, overgang.naar === 'afgesloten' ? overgang.opmerking : null);
    return { ok: true, waarde: null };
  });
}

export async function wijsContactpersoon(db: Db, id: number, naam: string, door: string): Promise<Uitkomst<null>> {
  return db.transaction(async (tx) => {
    const huidig = await leesAfhandeling(tx, id);
    if (!huidig) return { ok: false, reden: `melding ${id} bestaat niet` };
    const nieuw = wijsContactpersoonToe(huidig, naam);
    if (!nieuw.ok) return nieuw;
    await bewaarAfhandeling(tx, id, nieuw.waarde, door, null);
    return { ok: true, waarde: null };
  });
}

export async function registreerActie(
  db: Db, id: number, invoer: { soort: string; datum: string; medewerker: string; toelichting?: string }, vandaag: Datum,
): Promise<Uitkomst<null>> {
  const huidig = await leesAfhandeling(db, id);
  if (!huidig) return { ok: false, reden: `melding ${id} bestaat niet` };
  const actie = valideerActie(huidig, huidig.meldingsdatum, vandaag, invoer);
  if (!actie.ok) return actie;
  await bewaarActie(db, id, actie.waarde);
  return { ok: true, waarde: null };
}

/** The reports of a school as the school may see them. */
export async function meldingenVoorSchool(db: Db, brin: string): Promise<SchoolzichtOpMelding[]> {
  return (await leesMeldingenVanSchool(db, brin)).map((r) => schoolzicht(r.id, { status: r.status, contactpersoon: r.contactpersoon, afsluitreden: null, afsluitopmerking: null }));
}
