import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaselocatie, gedeeldeMap, referentiedataMap, werkurenDrempel } from '../config.js';
import { controleerKeten, registreerInzage } from '../db/audit.js';
import { pasBewaartermijnenToe } from '../db/bewaartermijnen.js';
import { leesBewaartermijnen } from '../domain/toegang/bewaartermijnen.js';
import type { Db } from '../db/database.js';
import { afgewezenUitvoer, leesLeveringen, leesWeigeringen, telAfgewezenRijen } from '../db/leveringenOverzicht.js';
import { openDatabase } from '../db/open.js';
import {
  dossierExtractieVoorPersoon, laatsteRun, leesCijfers, leesGemeentenamen, leesOpgeslagenReden, persoonIsBekend, rmcIndeling,
} from '../db/tellingen.js';
import { beoordeelNorm, normVoor } from '../domain/normen.js';
import { parseSchooljaar, type Schooljaar } from '../domain/schooljaar.js';
import { percentage } from '../domain/telling/cijfers.js';
import { leegDossier, type Dossier } from '../domain/telling/dossier.js';
import { verklaar } from '../domain/telling/verklaring.js';
import type { Status } from '../domain/telling/uitsluitingen.js';
import { importeerLevering, type Importverslag } from '../importeren/importeer.js';
import { bijwerkverslagTekst, werkReferentiedataBij } from '../referentie/bijwerken.js';
import { schrijfReferentielevering } from '../referentie/referentiedata.js';
import { groepeerDossiers } from '../telling/dossiers.js';
import { landelijkeCijfers, schrijfUitvoer } from '../telling/uitvoer.js';
import { voerTellingUit } from '../telling/voerTellingUit.js';
import { bewaarDriejaarpublicaties } from '../publicatie/driejaar.js';
import { publicatieVan } from '../publicatie/laden.js';
import { SECUNDAIR } from '../domain/openbaarmaking/patroon.js';
import { beslis, type Handeling } from '../domain/toegang/beleid.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';
import { cliGebruiker } from './gebruiker.js';
import { table } from './table.js';

/**
 * The commands of cli.md (and a few more), each a thin layer that parses options, calls
 * the services and prints the result. Exit status: 0 done, 1 could not be done.
 */
export class UsageError extends Error {}

export type Write = (tekst: string) => void;

/** Asks the one policy, as every command that reads person data must; returns who acts. */
export function cliToegang(handeling: Handeling): Gebruiker {
  const gebruiker = cliGebruiker();
  const besluit = beslis(gebruiker, handeling);
  if (!besluit.toegestaan) throw new UsageError(besluit.reden);
  return gebruiker;
}

export async function withDatabase<T>(optie: string | undefined, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaselocatie(optie));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function parseSchooljaarOption(tekst: string | undefined): Schooljaar {
  const jaar = tekst ? parseSchooljaar(tekst) : null;
  if (!jaar) throw new UsageError(`--schooljaar '${tekst ?? ''}' is geen schooljaar; schrijf het als JJJJ-JJJJ, bijv. 2019-2020`);
  return jaar;
}

export function parseStatusOption(tekst: string | undefined): Status {
  const status = tekst ?? 'definitief';
  if (status !== 'definitief' && status !== 'voorlopig') {
    throw new UsageError(`--status '${status}' is onbekend; kies definitief of voorlopig`);
  }
  return status;
}

/** `--werkuren` or BINNENBOORD_WERKUREN_DREMPEL; a wrong value is a usage error, not a crash. */
export function parseWerkurenOption(tekst: string | undefined): number {
  try {
    return werkurenDrempel(tekst);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function printImportverslag(v: Importverslag, write: Write): void {
  if (v.herhalingVan) {
    const e = v.herhalingVan;
    write(`Levering '${v.naam}' is al ingelezen: levering ${e.leveringId} ('${e.naam}', ontvangen ${e.ontvangenOp} UTC) ` +
      `bestaat uit precies dezelfde bestanden (sha256 ${v.controlesom.slice(0, 16)}…). Er is niets veranderd.\n`);
    return;
  }
  write(`Levering '${v.naam}' verwerkt (levering ${v.leveringId}, sha256 ${v.controlesom.slice(0, 16)}…).\n`);
  write(`${table(['bestand', 'gelezen', 'geïmporteerd', 'vervangen', 'ongewijzigd', 'afgewezen'],
    v.bestanden.map((b) => [b.bestand, b.gelezen, b.nieuw, b.vervangen, b.ongewijzigd, b.afgewezen]))}\n`);
  for (const o of v.opmerkingen) write(`Let op: ${o}\n`);
  const afgewezen = v.bestanden.reduce((s, b) => s + b.afgewezen, 0);
  if (afgewezen > 0) {
    write(`\n${afgewezen} rij(en) afgewezen en bewaard (binnenboord afgewezen --levering ${v.leveringId} geeft ze alle):\n`);
    for (const a of v.afwijzingen) write(`  ${a.bestand} regel ${a.regel}${a.kolom ? `, kolom ${a.kolom}` : ''}: ${a.reden}\n`);
    if (v.aantalAfwijzingen > v.afwijzingen.length) write(`  … en ${v.aantalAfwijzingen - v.afwijzingen.length} meldingen meer.\n`);
  }
}

export async function importCommand(map: string, opties: { database?: string }, write: Write): Promise<void> {
  const verslag = await withDatabase(opties.database, (db) => importeerLevering(db, map, {
    bijWachten: (melding) => process.stderr.write(`${melding}\n`),
  }));
  printImportverslag(verslag, write);
}

export async function tellingCommand(
  opties: { schooljaar?: string; status?: string; uitvoer?: string; werkuren?: string; database?: string }, write: Write,
): Promise<void> {
  const jaar = parseSchooljaarOption(opties.schooljaar);
  const status = parseStatusOption(opties.status);
  const drempel = parseWerkurenOption(opties.werkuren);
  await withDatabase(opties.database, async (db) => {
    const run = await voerTellingUit(db, jaar, { status, werkurenDrempel: drempel }, {
      bijWachten: (melding) => process.stderr.write(`${melding}\n`),
    });
    write(`Telling ${run.schooljaar} (${run.status}) opgeslagen als run ${run.id}; definitie ${run.definitieversie}; ` +
      `werkurendrempel ${run.werkuren_drempel}; leveringen ${run.leveringen.join(', ') || 'geen'}.\n`);
    const landelijk = await landelijkeCijfers(db, run);
    const volgorde = ['vo', 'mbo', 'vavo', 'totaal'];
    landelijk.sort((a, b) => volgorde.indexOf(a.waarde) - volgorde.indexOf(b.waarde));
    write(`${table(['sector', 'startpopulatie', 'vsv', 'percentage'],
      landelijk.map((c) => [c.waarde, c.startpopulatie, c.vsv, percentage(c.vsv, c.startpopulatie)]))}\n`);
    if (run.niet_te_tellen > 0) {
      write(`Let op: ${run.niet_te_tellen} persoon/personen ingeschreven op T0 zonder geboortedatum (personen.csv) konden niet worden geteld.\n`);
    }
    // The figures are published only through the pattern of the run: computed now, so that no
    // request ever waits for it (docs/openbaarmaking.md).
    const publicatie = await publicatieVan(db, run.id, { bewaar: true });
    const secundair = publicatie.patroon.startpopulatie.filter((s) => s === SECUNDAIR).length + publicatie.patroon.vsv.filter((s) => s === SECUNDAIR).length;
    write(`Afschermingspatroon berekend: ${secundair} aantallen aanvullend afgeschermd (docs/openbaarmaking.md).\n`);
    if (publicatie.patroon.onbeschermd.length > 0) {
      write(`Let op: ${publicatie.patroon.onbeschermd.length} afgeschermde waarden zijn niet volledig te beschermen; zie docs/openbaarmaking.md, "Grenzen".\n`);
    }
    // and the three-year figures of the windows this count completes
    await bewaarDriejaarpublicaties(db, (melding) => write(`${melding}.\n`));
    if (opties.uitvoer) {
      const bestanden = await schrijfUitvoer(db, run, opties.uitvoer, cliToegang('telling.personen.uitvoeren'));
      write(`Uitvoer geschreven naar ${opties.uitvoer}: ${bestanden.join(', ')}.\n`);
    }
  });
}

export async function verklaarCommand(
  opties: { schooljaar?: string; persoon?: string; status?: string; werkuren?: string; database?: string }, write: Write,
): Promise<void> {
  const jaar = parseSchooljaarOption(opties.schooljaar);
  const status = parseStatusOption(opties.status);
  if (!opties.persoon) throw new UsageError('--persoon is verplicht');
  const persoonId = opties.persoon;
  const gebruiker = cliToegang('persoon.verklaren');
  await withDatabase(opties.database, async (db) => {
    // The read and its audit record in one transaction: no read without a record.
    const { rijen, bekend } = await db.transaction(async (tx) => {
      const rijen = (await tx.queryArrays(dossierExtractieVoorPersoon(jaar), [persoonId])) as (string | null)[][];
      const bekend = await persoonIsBekend(tx, persoonId);
      await registreerInzage(tx, {
        gebruiker, handeling: 'persoon.verklaren', doel: 'uitleg-telling',
        parameters: { schooljaar: jaar.naam, status }, personen: { ids: bekend ? [persoonId] : [] },
      });
      return { rijen, bekend };
    });
    if (!bekend) throw new UsageError('Deze persoon komt in geen enkele levering voor.');
    let dossier: Dossier = leegDossier(persoonId, null);
    for await (const d of groepeerDossiers([rijen])) dossier = d;
    const indeling = await rmcIndeling(db, jaar);
    const namen = await leesGemeentenamen(db);
    const v = verklaar(dossier, jaar, { status, werkurenDrempel: parseWerkurenOption(opties.werkuren) },
      (g) => indeling.get(g)?.code ?? null, (g) => namen.get(g) ?? null);
    write(`${v.regels.join('\n')}\n`);
    const run = await laatsteRun(db, jaar.naam, status);
    if (run) {
      const was = (await leesOpgeslagenReden(db, run.id, persoonId)) ?? 'buiten-startpopulatie';
      write(`\nIn de opgeslagen telling (run ${run.id} van ${run.gereed_op}): ${was}` +
        `${was === v.uitkomst ? ', gelijk aan deze uitleg.' : '. Dat wijkt af: er zijn sindsdien leveringen bijgekomen of gecorrigeerd; tel opnieuw.'}\n`);
    }
  });
}

export async function normenCommand(opties: { schooljaar?: string; brin?: string; status?: string; database?: string }, write: Write): Promise<void> {
  const jaar = parseSchooljaarOption(opties.schooljaar);
  const status = parseStatusOption(opties.status);
  await withDatabase(opties.database, async (db) => {
    const run = await laatsteRun(db, jaar.naam, status);
    if (!run) throw new UsageError(`Er is nog geen ${status}e telling van ${jaar.naam}; voer eerst binnenboord telling --schooljaar ${jaar.naam} uit.`);
    const cijfers = (await leesCijfers(db, run.id, 'instelling', ['categorie']))
      .filter((c) => !opties.brin || c.gebied === opties.brin);
    if (!cijfers.some((c) => normVoor(jaar.naam, c.waarde) !== null)) {
      write(`Voor ${jaar.naam} zijn geen prestatienormen vastgelegd (wel voor 2012-2013 tot en met 2014-2015).\n`);
    }
    write(`Prestatienormen ${jaar.naam}, telling run ${run.id} (${run.status}):\n`);
    write(`${table(['brin', 'categorie', 'startpopulatie', 'vsv', 'percentage', 'norm', 'oordeel'],
      cijfers.map((c) => {
        const norm = normVoor(jaar.naam, c.waarde);
        return [c.gebied, c.waarde, c.startpopulatie, c.vsv, percentage(c.vsv, c.startpopulatie),
          norm === null ? '-' : norm.toFixed(2), beoordeelNorm(jaar.naam, c.waarde, c.vsv, c.startpopulatie)];
      }))}\n`);
  });
}

export async function afgewezenCommand(opties: { levering?: string; database?: string }, write: Write): Promise<void> {
  const id = opties.levering === undefined ? null : Number(opties.levering);
  if (id !== null && !Number.isInteger(id)) throw new UsageError(`--levering '${opties.levering}' is geen leveringnummer`);
  const gebruiker = cliToegang('afwijzing.lezen');
  await withDatabase(opties.database, async (db) => {
    // Rejected rows hold raw delivered lines, person data included: the read is audited first,
    // in its own transaction, so there is never a read without a record. The rows themselves
    // are streamed (COPY), which on a PostgreSQL server runs on its own connection.
    await db.transaction(async (tx) => {
      const rijen = await telAfgewezenRijen(tx, id);
      await registreerInzage(tx, {
        gebruiker, handeling: 'afwijzing.lezen', doel: 'levering-corrigeren',
        parameters: { levering: id, rijen }, personen: { ids: [] },
      });
    });
    write('levering_id,bestand,regel,kolom,reden,inhoud\n');
    const decoder = new TextDecoder();
    for await (const stuk of db.copyOut(afgewezenUitvoer(id))) write(decoder.decode(stuk, { stream: true }));
  });
}

/** `binnenboord bewaartermijnen toepassen`: what the server does daily, now (and on a chosen date, for tests and catch-up). */
export async function bewaartermijnenCommand(opties: { peildatum?: string; database?: string }, write: Write): Promise<void> {
  cliToegang('beheer.opdrachtregel');
  const termijnen = leesBewaartermijnen(process.env);
  if (!termijnen.ok) throw new UsageError(termijnen.fouten.join('; '));
  const peildatum = opties.peildatum ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(peildatum) || Number.isNaN(Date.parse(peildatum))) {
    throw new UsageError(`--peildatum '${peildatum}' is geen datum; schrijf JJJJ-MM-DD`);
  }
  await withDatabase(opties.database, async (db) => {
    const uit = await pasBewaartermijnenToe(db, termijnen.termijnen, peildatum);
    write(`Bewaartermijnen toegepast op ${peildatum}:\n${table(['soort', 'verwijderd'], uit.map((u) => [u.soort, u.aantal]))}\n`);
  });
}

/** `binnenboord audit controleer`: walks the hash chain; exit status 1 at the first broken link. */
export async function auditControleerCommand(opties: { database?: string }, write: Write): Promise<void> {
  cliToegang('beheer.opdrachtregel');
  await withDatabase(opties.database, async (db) => {
    const uitkomst = await controleerKeten(db);
    if (!uitkomst.heel) throw new UsageError(`Het audittrail is NIET intact: record ${uitkomst.id}: ${uitkomst.fout}.`);
    write(`Het audittrail is intact: ${uitkomst.aantal} record(s), elke schakel van de hashketen klopt.\n`);
  });
}

export async function leveringenCommand(opties: { database?: string }, write: Write): Promise<void> {
  await withDatabase(opties.database, async (db) => {
    const rijen = await leesLeveringen(db);
    write(`${table(['levering', 'naam', 'ontvangen', 'sha256', 'gelezen', 'geïmporteerd', 'vervangen', 'afgewezen'],
      rijen.map((r) => [r.id, r.naam, r.ontvangen_op, r.controlesom.slice(0, 12), r.gelezen, r.nieuw, r.vervangen, r.afgewezen]))}\n`);
    const weigeringen = await leesWeigeringen(db);
    if (weigeringen.length) {
      write('\nGeweigerde leveringen (niets van ingelezen):\n');
      for (const w of weigeringen) {
        write(`weigering ${w.id}  ${w.naam}  ontvangen ${w.ontvangen_op}${w.controlesom ? `  sha256 ${w.controlesom.slice(0, 12)}` : ''}\n`);
        for (const r of w.redenen) write(`  - ${r.bestand ? `${r.bestand}: ` : ''}${r.reden}\n`);
      }
    }
  });
}

export async function referentieCommand(opties: { uitvoer?: string; importeer?: boolean; database?: string }, write: Write): Promise<void> {
  const map = referentiedataMap();
  if (!opties.uitvoer && !opties.importeer) throw new UsageError('geef --uitvoer MAP, --importeer, of beide');
  const uitvoer = opties.uitvoer ?? (await mkdtemp(join(tmpdir(), 'binnenboord-referentie-')));
  const bestanden = await schrijfReferentielevering(map, uitvoer);
  write(`Referentielevering uit ${map} geschreven naar ${uitvoer}: ${bestanden.map((b) => `${b.bestand} (${b.rijen} rijen)`).join(', ')}.\n`);
  write('Let op: de referentiedata bevat geen mbo-instellingen; lever die zelf in instellingen.csv (bron: DUO "01. adressen mbo-instellingen").\n');
  if (opties.importeer) await importCommand(uitvoer, opties, write);
}

export async function referentieBijwerkenCommand(opties: { bron: string; verdwenen?: string; peildatum?: string }, write: Write): Promise<void> {
  const map = referentiedataMap();
  const verslag = await werkReferentiedataBij(map, opties);
  write(bijwerkverslagTekst(map, verslag));
}

export async function demoCommand(opties: { database?: string }, write: Write): Promise<void> {
  const voorbeelden = join(gedeeldeMap(), 'spec', 'voorbeelden', 'levering');
  write(`Binnenboord: de rekenvoorbeelden uit ${voorbeelden} worden ingelezen in ${databaselocatie(opties.database)}.\n\n`);
  await importCommand(voorbeelden, opties, write);
  write('\n');
  await tellingCommand({ ...opties, schooljaar: '2019-2020' }, write);
}
