import { csvLine } from '../db/csv.js';
import type { Db } from '../db/database.js';
import {
  TELLING_CIJFER_COPY, TELLING_PERSOON_COPY, dossierExtractie, leesRun, maakRun, rmcIndeling, rondRunAf, type Run,
} from '../db/tellingen.js';
import type { Schooljaar } from '../domain/schooljaar.js';
import { beoordeel } from '../domain/telling/beoordeling.js';
import { DEFINITIEVERSIE } from '../domain/telling/bronnen.js';
import { Cijferteller } from '../domain/telling/cijfers.js';
import type { Telopties } from '../domain/telling/uitsluitingen.js';
import { groepeerDossiers, tekstRijen } from './dossiers.js';

/**
 * `binnenboord telling`: reads the dossier of every person enrolled on T0, decides by the
 * rules of src/domain/telling, and stores the run with its persons and figures in one
 * transaction. Everything shown afterwards is read from the stored run.
 *
 * The run names the deliveries it rests on. So its data (the window, read by COPY on a second
 * connection on a server), the RMC table and the list of deliveries are read from one snapshot,
 * and the count holds the writer lock shared: an import waits for it, and it waits for an
 * import, so an import committed meanwhile can never be named by a run that did not see it.
 */
const BATCH = 20_000;

export interface Telverloop {
  /** called when the count has to wait for an import (PostgreSQL) */
  readonly bijWachten?: (melding: string) => void;
}

export async function voerTellingUit(db: Db, jaar: Schooljaar, opties: Telopties, verloop: Telverloop = {}): Promise<Run> {
  const gestartOp = new Date().toISOString();

  const runId = await db.transaction(async (tx) => {
    const indeling = await rmcIndeling(tx, jaar);
    const rmc = (gemeente: string) => indeling.get(gemeente)?.code ?? null;
    // Enough memory for the window's joins to stay off disk (temporary files are slow on PGlite).
    await tx.exec(`SET LOCAL work_mem = '256MB'`);
    const id = await maakRun(tx, {
      schooljaar: jaar.naam, status: opties.status, definitieversie: DEFINITIEVERSIE,
      werkurenDrempel: opties.werkurenDrempel, gestartOp,
    });
    const teller = new Cijferteller();
    let startpopulatie = 0;
    let vsv = 0;
    let nietTeTellen = 0;
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length) await tx.copyIn(TELLING_PERSOON_COPY, batch.join(''));
      batch = [];
    };
    for await (const dossier of groepeerDossiers(tekstRijen(tx.copyOut(dossierExtractie(jaar))))) {
      const uitkomst = beoordeel(dossier, jaar, opties, rmc);
      if (!uitkomst.inStartpopulatie) {
        if (uitkomst.waarom === 'geboortedatum-onbekend') nietTeTellen += 1;
        continue;
      }
      const b = uitkomst.beoordeling;
      const p = b.primair;
      startpopulatie += 1;
      if (p.vsv) vsv += 1;
      teller.voegToe(b);
      // the primary enrolment's kind of education: the monthly lists' startset shows it (migration 010)
      const onderwijstype = dossier.inschrijvingen.find((i) => i.inschrijvingId === p.inschrijvingId)?.onderwijstype ?? null;
      batch.push(csvLine([
        id, b.persoonId, p.categorie, p.sector, p.brin, p.vestiging, p.inschrijvingId,
        b.gemeenteCode, b.rmcCode, b.leeftijd, b.geslacht, p.vsv, p.reden, onderwijstype,
      ]));
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const cijfers = teller.resultaat().map((c) => csvLine([id, c.niveau, c.gebied, c.dimensie, c.waarde, c.startpopulatie, c.vsv]));
    for (let i = 0; i < cijfers.length; i += BATCH) await tx.copyIn(TELLING_CIJFER_COPY, cijfers.slice(i, i + BATCH).join(''));
    await rondRunAf(tx, id, { startpopulatie, vsv, nietTeTellen });
    return id;
  }, { writerLock: 'shared', oneSnapshot: true, onWait: verloop.bijWachten });
  return (await leesRun(db, runId))!;
}
