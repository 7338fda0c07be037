import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actor, databaselocatie, gedeeldeMap, werkurenDrempel } from '../config.js';
import { registreerInzage } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { afgewezenUitvoer, leesLeveringen } from '../db/leveringenOverzicht.js';
import { openDatabase } from '../db/openen.js';
import { dossierExtractieVoorPersoon, laatsteRun, leesCijfers, rmcIndeling } from '../db/tellingen.js';
import { beoordeelNorm, normVoor } from '../domain/normen.js';
import { parseSchooljaar, type Schooljaar } from '../domain/schooljaar.js';
import { percentage } from '../domain/telling/cijfers.js';
import { leegDossier, type Dossier } from '../domain/telling/dossier.js';
import { verklaar } from '../domain/telling/verklaring.js';
import type { Status } from '../domain/telling/uitsluitingen.js';
import { importeerLevering, type Importverslag } from '../importeren/importeer.js';
import { schrijfReferentielevering } from '../referentie/gedeeldeData.js';
import { groepeerDossiers } from '../telling/dossiers.js';
import { landelijkeCijfers, schrijfUitvoer } from '../telling/uitvoer.js';
import { voerTellingUit } from '../telling/voerTellingUit.js';
import { tabel } from './tabel.js';

/**
 * The commands of cli.md (and a few more), each a thin layer that parses options, calls
 * the services and prints the result. Exit status: 0 done, 1 could not be done.
 */
export class Gebruiksfout extends Error {}

export type Schrijf = (tekst: string) => void;

export async function metDatabase<T>(optie: string | undefined, werk: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaselocatie(optie));
  try {
    return await werk(db);
  } finally {
    await db.close();
  }
}

export function leesSchooljaar(tekst: string | undefined): Schooljaar {
  const jaar = tekst ? parseSchooljaar(tekst) : null;
  if (!jaar) throw new Gebruiksfout(`--schooljaar '${tekst ?? ''}' is geen schooljaar; schrijf het als JJJJ-JJJJ, bijv. 2019-2020`);
  return jaar;
}

export function leesStatus(tekst: string | undefined): Status {
  const status = tekst ?? 'definitief';
  if (status !== 'definitief' && status !== 'voorlopig') {
    throw new Gebruiksfout(`--status '${status}' is onbekend; kies definitief of voorlopig`);
  }
  return status;
}

export function drukImportverslagAf(v: Importverslag, schrijf: Schrijf): void {
  schrijf(`Levering '${v.naam}' verwerkt (levering ${v.leveringId}, sha256 ${v.controlesom.slice(0, 16)}…).\n`);
  schrijf(`${tabel(['bestand', 'gelezen', 'geïmporteerd', 'vervangen', 'ongewijzigd', 'afgewezen'],
    v.bestanden.map((b) => [b.bestand, b.gelezen, b.nieuw, b.vervangen, b.ongewijzigd, b.afgewezen]))}\n`);
  for (const o of v.opmerkingen) schrijf(`Let op: ${o}\n`);
  const afgewezen = v.bestanden.reduce((s, b) => s + b.afgewezen, 0);
  if (afgewezen > 0) {
    schrijf(`\n${afgewezen} rij(en) afgewezen en bewaard (binnenboord afgewezen --levering ${v.leveringId} geeft ze alle):\n`);
    for (const a of v.afwijzingen) schrijf(`  ${a.bestand} regel ${a.regel}${a.kolom ? `, kolom ${a.kolom}` : ''}: ${a.reden}\n`);
    if (v.aantalAfwijzingen > v.afwijzingen.length) schrijf(`  … en ${v.aantalAfwijzingen - v.afwijzingen.length} meldingen meer.\n`);
  }
}

export async function importOpdracht(map: string, opties: { database?: string }, schrijf: Schrijf): Promise<void> {
  const verslag = await metDatabase(opties.database, (db) => importeerLevering(db, map));
  drukImportverslagAf(verslag, schrijf);
}

export async function tellingOpdracht(
  opties: { schooljaar?: string; status?: string; uitvoer?: string; werkuren?: string; database?: string }, schrijf: Schrijf,
): Promise<void> {
  const jaar = leesSchooljaar(opties.schooljaar);
  const status = leesStatus(opties.status);
  const drempel = werkurenDrempel(opties.werkuren);
  await metDatabase(opties.database, async (db) => {
    const run = await voerTellingUit(db, jaar, { status, werkurenDrempel: drempel });
    schrijf(`Telling ${run.schooljaar} (${run.status}) opgeslagen als run ${run.id}; definitie ${run.definitieversie}; ` +
      `werkurendrempel ${run.werkuren_drempel}; leveringen ${run.leveringen.join(', ') || 'geen'}.\n`);
    const landelijk = await landelijkeCijfers(db, run);
    const volgorde = ['vo', 'mbo', 'vavo', 'totaal'];
    landelijk.sort((a, b) => volgorde.indexOf(a.waarde) - volgorde.indexOf(b.waarde));
    schrijf(`${tabel(['sector', 'startpopulatie', 'vsv', 'percentage'],
      landelijk.map((c) => [c.waarde, c.startpopulatie, c.vsv, percentage(c.vsv, c.startpopulatie)]))}\n`);
    if (run.niet_te_tellen > 0) {
      schrijf(`Let op: ${run.niet_te_tellen} persoon/personen ingeschreven op T0 zonder geboortedatum (personen.csv) konden niet worden geteld.\n`);
    }
    if (opties.uitvoer) {
      const bestanden = await schrijfUitvoer(db, run, opties.uitvoer, actor());
      schrijf(`Uitvoer geschreven naar ${opties.uitvoer}: ${bestanden.join(', ')}.\n`);
    }
  });
}

export async function verklaarOpdracht(
  opties: { schooljaar?: string; persoon?: string; status?: string; werkuren?: string; database?: string }, schrijf: Schrijf,
): Promise<void> {
  const jaar = leesSchooljaar(opties.schooljaar);
  const status = leesStatus(opties.status);
  if (!opties.persoon) throw new Gebruiksfout('--persoon is verplicht');
  const persoonId = opties.persoon;
  await metDatabase(opties.database, async (db) => {
    const rijen = (await db.queryRijen(dossierExtractieVoorPersoon(jaar), [persoonId])) as (string | null)[][];
    await registreerInzage(db, { actor: actor(), handeling: 'verklaar', persoonId, details: `schooljaar ${jaar.naam}` });
    const bekend = await db.query('SELECT 1 FROM persoon WHERE persoon_id = $1 UNION ALL SELECT 1 FROM inschrijving WHERE persoon_id = $1 LIMIT 1', [persoonId]);
    if (bekend.length === 0) throw new Gebruiksfout('Deze persoon komt in geen enkele levering voor.');
    let dossier: Dossier = leegDossier(persoonId, null);
    for await (const d of groepeerDossiers(rijen)) dossier = d;
    const indeling = await rmcIndeling(db, jaar);
    const namen = new Map((await db.query<{ gemeente_code: string; gemeente_naam: string }>(
      'SELECT DISTINCT ON (gemeente_code) gemeente_code, gemeente_naam FROM rmc_indeling ORDER BY gemeente_code, schooljaar_vanaf DESC'))
      .map((r) => [r.gemeente_code, r.gemeente_naam]));
    const v = verklaar(dossier, jaar, { status, werkurenDrempel: werkurenDrempel(opties.werkuren) },
      (g) => indeling.get(g)?.code ?? null, (g) => namen.get(g) ?? null);
    schrijf(`${v.regels.join('\n')}\n`);
    const run = await laatsteRun(db, jaar.naam, status);
    if (run) {
      const [opgeslagen] = await db.query<{ reden: string }>('SELECT reden FROM telling_persoon WHERE run_id = $1 AND persoon_id = $2', [run.id, persoonId]);
      const was = opgeslagen?.reden ?? 'buiten-startpopulatie';
      schrijf(`\nIn de opgeslagen telling (run ${run.id} van ${run.gereed_op}): ${was}` +
        `${was === v.uitkomst ? ', gelijk aan deze uitleg.' : '. Dat wijkt af: er zijn sindsdien leveringen bijgekomen of gecorrigeerd; tel opnieuw.'}\n`);
    }
  });
}

export async function normenOpdracht(opties: { schooljaar?: string; brin?: string; status?: string; database?: string }, schrijf: Schrijf): Promise<void> {
  const jaar = leesSchooljaar(opties.schooljaar);
  const status = leesStatus(opties.status);
  await metDatabase(opties.database, async (db) => {
    const run = await laatsteRun(db, jaar.naam, status);
    if (!run) throw new Gebruiksfout(`Er is nog geen ${status}e telling van ${jaar.naam}; voer eerst binnenboord telling --schooljaar ${jaar.naam} uit.`);
    const cijfers = (await leesCijfers(db, run.id, 'instelling', ['categorie']))
      .filter((c) => !opties.brin || c.gebied === opties.brin);
    if (!cijfers.some((c) => normVoor(jaar.naam, c.waarde) !== null)) {
      schrijf(`Voor ${jaar.naam} zijn geen prestatienormen vastgelegd (wel voor 2012-2013 tot en met 2014-2015).\n`);
    }
    schrijf(`Prestatienormen ${jaar.naam}, telling run ${run.id} (${run.status}):\n`);
    schrijf(`${tabel(['brin', 'categorie', 'startpopulatie', 'vsv', 'percentage', 'norm', 'oordeel'],
      cijfers.map((c) => {
        const norm = normVoor(jaar.naam, c.waarde);
        return [c.gebied, c.waarde, c.startpopulatie, c.vsv, percentage(c.vsv, c.startpopulatie),
          norm === null ? '-' : norm.toFixed(2), beoordeelNorm(jaar.naam, c.waarde, c.vsv, c.startpopulatie)];
      }))}\n`);
  });
}

export async function afgewezenOpdracht(opties: { levering?: string; database?: string }, schrijf: Schrijf): Promise<void> {
  const id = opties.levering === undefined ? null : Number(opties.levering);
  if (id !== null && !Number.isInteger(id)) throw new Gebruiksfout(`--levering '${opties.levering}' is geen leveringnummer`);
  await metDatabase(opties.database, async (db) => {
    schrijf('levering_id,bestand,regel,kolom,reden,inhoud\n');
    const decoder = new TextDecoder();
    for await (const stuk of db.copyOut(afgewezenUitvoer(id))) schrijf(decoder.decode(stuk, { stream: true }));
  });
}

export async function leveringenOpdracht(opties: { database?: string }, schrijf: Schrijf): Promise<void> {
  await metDatabase(opties.database, async (db) => {
    const rijen = await leesLeveringen(db);
    schrijf(`${tabel(['levering', 'naam', 'ontvangen', 'sha256', 'gelezen', 'geïmporteerd', 'vervangen', 'afgewezen'],
      rijen.map((r) => [r.id, r.naam, r.ontvangen_op, r.controlesom.slice(0, 12), r.gelezen, r.nieuw, r.vervangen, r.afgewezen]))}\n`);
  });
}

export async function referentieOpdracht(opties: { uitvoer?: string; importeer?: boolean; database?: string }, schrijf: Schrijf): Promise<void> {
  const gedeeld = gedeeldeMap();
  if (!opties.uitvoer && !opties.importeer) throw new Gebruiksfout('geef --uitvoer MAP, --importeer, of beide');
  const uitvoer = opties.uitvoer ?? (await mkdtemp(join(tmpdir(), 'binnenboord-referentie-')));
  const bestanden = await schrijfReferentielevering(gedeeld, uitvoer);
  schrijf(`Referentielevering uit ${gedeeld} geschreven naar ${uitvoer}: ${bestanden.map((b) => `${b.bestand} (${b.rijen} rijen)`).join(', ')}.\n`);
  schrijf('Let op: de gedeelde data bevat geen mbo-instellingen; lever die zelf in instellingen.csv (bron: DUO "01. adressen mbo-instellingen").\n');
  if (opties.importeer) await importOpdracht(uitvoer, opties, schrijf);
}

export async function demoOpdracht(opties: { database?: string }, schrijf: Schrijf): Promise<void> {
  const voorbeelden = join(gedeeldeMap(), 'spec', 'voorbeelden', 'levering');
  schrijf(`Binnenboord: de rekenvoorbeelden uit ${voorbeelden} worden ingelezen in ${databaselocatie(opties.database)}.\n\n`);
  await importOpdracht(voorbeelden, opties, schrijf);
  schrijf('\n');
  await tellingOpdracht({ ...opties, schooljaar: '2019-2020' }, schrijf);
}
