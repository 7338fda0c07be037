import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { registreerInzage } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { bewaarMeldingen, leesMeldcontext, type RmcIndelingsregel, type TeBewarenMelding } from '../db/verzuim.js';
import type { Datum } from '../domain/datum.js';
import { MELDINGVELDEN, valideerMelding, type EerdereMelding, type MeldingInvoer, type Meldingveld } from '../domain/verzuim/melding.js';
import { routeer } from '../domain/verzuim/routering.js';
import type { Schoolkalender, Vakantieregio } from '../domain/verzuim/schooldagen.js';
import { beginstatus, type Meldingstatus } from '../domain/verzuim/status.js';
import { tijdigheid, type Tijdigheid } from '../domain/verzuim/tijdigheid.js';
import { readCsvRecords, type CsvRecord } from '../importeren/csvReader.js';
import { schoolkalender, vakantieregioPerGemeente } from './schoolkalender.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';

/**
 * Bulk import of absence reports (docs/verzuim.md): one CSV file of one school (`--brin`),
 * reports of the school itself and notifications of DUO's Verzuimloket (`bron`). Every row is
 * checked on its own; broken rows come back with line, column and reason, valid rows are
 * routed and filed together in one transaction. Nothing here logs a persoon_id.
 */
export interface Weigering {
  readonly regel: number;
  readonly kolom: Meldingveld | null;
  readonly reden: string;
}

export interface Gemeld {
  readonly regel: number;
  readonly meldingId: number;
  readonly behandelaar: 'leerplicht' | 'rmc';
  readonly gemeenteCode: string;
  readonly rmcCode: string | null;
  readonly status: Meldingstatus;
  readonly tijdigheid: Tijdigheid['status'];
  readonly opmerkingen: readonly string[];
}

export interface Verzuimimportverslag {
  readonly gelezen: number;
  readonly gemeld: readonly Gemeld[];
  readonly geweigerd: readonly Weigering[];
}

export interface Importopties {
  readonly brin: string;
  /** who files, for the status history and the audit trail */
  readonly gebruiker: Gebruiker;
  readonly vandaag?: Datum;
  readonly kalender?: Schoolkalender;
  readonly regioPerGemeente?: ReadonlyMap<string, Vakantieregio>;
  /** the policy action in the audit record: the command line's import, or a school filing (API, web) */
  readonly handeling?: 'verzuim.importeren' | 'verzuim.melden';
}

/** The whole file is refused (nothing filed) when the header is wrong. */
export class OnbruikbaarBestand extends Error {}

export function schooljaarVan(datum: Datum): string {
  const jaar = Number(datum.slice(0, 4));
  return Number(datum.slice(5, 7)) >= 8 ? `${jaar}-${jaar + 1}` : `${jaar - 1}-${jaar}`;
}

function rmcOpzoeker(indeling: readonly RmcIndelingsregel[]): (gemeente: string, datum: Datum) => string | null {
  const perGemeente = new Map<string, RmcIndelingsregel[]>();
  for (const r of indeling) perGemeente.set(r.gemeenteCode, [...(perGemeente.get(r.gemeenteCode) ?? []), r]);
  return (gemeente, datum) => {
    const jaar = schooljaarVan(datum);
    let gevonden: string | null = null;
    // Rows are ordered by schooljaar_vanaf: the latest row that covers the year wins.
    for (const r of perGemeente.get(gemeente) ?? []) {
      if (r.schooljaarVanaf <= jaar && (r.schooljaarTot === null || jaar <= r.schooljaarTot)) gevonden = r.rmcCode;
    }
    return gevonden;
  };
}

export async function importeerVerzuimmeldingen(db: Db, bestand: string, opties: Importopties): Promise<Verzuimimportverslag> {
  return importeerVerzuimRecords(db, readCsvRecords(createReadStream(bestand)), opties);
}

export async function importeerVerzuimRecords(
  db: Db, records: AsyncIterable<CsvRecord>,
  opties: Importopties,
): Promise<Verzuimimportverslag> {
  const geweigerd: Weigering[] = [];
  const weiger = (regel: number, kolom: Meldingveld | null, reden: string): void => {
    geweigerd.push({ regel, kolom, reden });
  };

  // 1. Read: header first, then each row into a report as text.
  let kop: string[] | null = null;
  const rijen: { regel: number; invoer: MeldingInvoer }[] = [];
  let gelezen = 0;
  for await (const r of records) {
    if (kop === null) {
      if ('fout' in r) throw new OnbruikbaarBestand(`regel ${r.regel}: de kopregel is onleesbaar: ${r.fout}`);
      kop = r.velden.map((v) => v.trim());
      const ontbreekt = MELDINGVELDEN.filter((v) => !kop!.includes(v));
      const onbekend = kop.filter((v) => !(MELDINGVELDEN as readonly string[]).includes(v));
      const dubbel = kop.filter((v, i) => kop!.indexOf(v) !== i);
      const problemen = [
        ontbreekt.length ? `kolommen ontbreken: ${ontbreekt.join(', ')}` : '',
        onbekend.length ? `onbekende kolommen: ${onbekend.join(', ')}` : '',
        dubbel.length ? `dubbele kolommen: ${dubbel.join(', ')}` : '',
      ].filter(Boolean);
      if (problemen.length) throw new OnbruikbaarBestand(`regel ${r.regel}: de kopregel klopt niet: ${problemen.join('; ')}`);
      continue;
    }
    gelezen += 1;
    if ('fout' in r) {
      weiger(r.regel, null, r.fout);
      continue;
    }
    if (r.velden.length !== kop.length) {
      weiger(r.regel, null, `${r.velden.length} velden in plaats van ${kop.length}`);
      continue;
    }
    const invoer = Object.fromEntries(kop.map((k, i) => [k, r.velden[i]!])) as MeldingInvoer;
    if (invoer.brin.trim() !== opties.brin) {
      weiger(r.regel, 'brin', `'${invoer.brin.trim()}' wijkt af van --brin ${opties.brin}: een bestand bevat alleen meldingen van één school`);
      continue;
    }
    rijen.push({ regel: r.regel, invoer });
  }
  if (kop === null) throw new OnbruikbaarBestand('het bestand is leeg: er is geen kopregel');
  const uit = await meldRijen(db, rijen, opties);
  return { gelezen, gemeld: uit.gemeld, geweigerd: [...geweigerd, ...uit.geweigerd].sort((a, b) => a.regel - b.regel) };
}

/**
 * Checks, routes and files reports given as text (from a CSV file, the API or the web form):
 * every row on its own, the valid ones together in one transaction with one audit record for
 * the pupils looked up to route them. Used by the bulk import and by a single report alike.
 */
export async function meldRijen(
  db: Db, rijen: readonly { regel: number; invoer: MeldingInvoer }[], opties: Importopties,
): Promise<{ gemeld: Gemeld[]; geweigerd: Weigering[] }> {
  const kalender = opties.kalender ?? schoolkalender();
  const regioPerGemeente = opties.regioPerGemeente ?? vakantieregioPerGemeente();
  const vandaag = opties.vandaag ?? new Date().toISOString().slice(0, 10);
  const geweigerd: Weigering[] = [];
  const weiger = (regel: number, kolom: Meldingveld | null, reden: string): void => {
    geweigerd.push({ regel, kolom, reden });
  };

  // 2. What routing and validation need, in a few queries for the whole file.
  const ids = rijen.map((r) => r.invoer.persoon_id.trim()).filter((id) => id !== '');
  const verblijfgemeenten = [...new Set(rijen.map((r) => r.invoer.verblijf_gemeente_code.trim()).filter((g) => g !== ''))];
  const { leerlingen, vestigingen, indeling, eerder, referenties } = await leesMeldcontext(db, ids, opties.brin, verblijfgemeenten);
  const rmcVan = rmcOpzoeker(indeling);

  // 3. Check and route each row; earlier rows of this file count for the 7-day rule.
  const teBewaren: { regel: number; rij: TeBewarenMelding; opmerkingen: readonly string[] }[] = [];
  for (const { regel, invoer } of rijen) {
    const persoonId = invoer.persoon_id.trim();
    const vestigingGemeente = vestigingen.get(invoer.vestiging.trim());
    if (vestigingGemeente === undefined) {
      weiger(regel, 'vestiging', `vestiging ${opties.brin}${invoer.vestiging.trim()} staat niet in de instellingenlijst`);
      continue;
    }
    const regio = regioPerGemeente.get(vestigingGemeente) ?? null;
    const leerling = leerlingen.get(persoonId) ?? null;
    const eerdereMeldingen: EerdereMelding[] = eerder.get(persoonId) ?? [];
    const uitkomst = valideerMelding(invoer, { vandaag, geboortedatum: leerling?.geboortedatum ?? null, regio, kalender, eerdereMeldingen });
    if (!uitkomst.ok) {
      for (const f of uitkomst.fouten) weiger(regel, f.veld, f.reden);
      continue;
    }
    const m = uitkomst.melding;
    const route = routeer(m, leerling, rmcVan);
    if (!route.ok) {
      weiger(regel, 'persoon_id', route.reden);
      continue;
    }
    if (m.soort === '16u4w') eerder.set(persoonId, [...eerdereMeldingen, { soort: m.soort, meldingsdatum: m.meldingsdatum, startdatum: m.startdatum, einddatum: m.einddatum }]);
    const t = tijdigheid(m, regio, kalender);
    const opmerkingen = [...uitkomst.opmerkingen];
    if (t.status === 'te-laat') opmerkingen.push(`te laat gemeld: uiterlijk ${t.uiterlijk} (5 schooldagen na ${t.drempeldatum})`);
    if (t.status === 'onbekend') opmerkingen.push(`tijdigheid onbekend: ${t.reden}`);
    teBewaren.push({
      regel, opmerkingen,
      rij: { melding: m, behandelaar: route.behandelaar, gemeenteCode: route.gemeenteCode, rmcCode: route.rmcCode, tijdigheid: t, afhandeling: beginstatus(m.gemeenteGevraagdTeHandelen) },
    });
  }

  // 4. File the valid rows together, and record that person data was read to route them.
  const importId = randomUUID();
  const nieuweIds = await db.transaction(async (tx) => {
    const ids = await bewaarMeldingen(tx, importId, opties.gebruiker.accountId, teBewaren.map((t) => t.rij));
    // No pupil named, none looked up: nothing to record. Every pupil named was looked up, known or not.
    if (referenties.length === 0) return ids;
    await registreerInzage(tx, {
      gebruiker: opties.gebruiker, handeling: opties.handeling ?? 'verzuim.importeren', doel: 'verzuim-melden',
      parameters: { brin: opties.brin, importId, rijen: rijen.length, gemeld: ids.length },
      personen: { referenties },
    });
    return ids;
  });
  return {
    geweigerd,
    gemeld: teBewaren.map((t, i) => ({
      regel: t.regel, meldingId: nieuweIds[i]!, behandelaar: t.rij.behandelaar, gemeenteCode: t.rij.gemeenteCode,
      rmcCode: t.rij.rmcCode, status: t.rij.afhandeling.status, tijdigheid: t.rij.tijdigheid.status, opmerkingen: t.opmerkingen,
    })),
  };
}
