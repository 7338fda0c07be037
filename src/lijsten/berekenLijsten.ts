import { csvLine } from '../db/csv.js';
import type { Db } from '../db/database.js';
import {
  LIJST_PERSOON_COPY, LIJST_UITVAL_COPY, alleLeveringen, laatsteLijstrun, leesLijstrun,
  lijstDossierRijen, lijstKandidaten, maakLijstrun, rondLijstrunAf, startsetCategorieen, startsetPerCategorie, verlateKandidaten,
  type Lijstrun,
} from '../db/lijsten.js';
import { laatsteRun, rmcIndeling, type Run } from '../db/tellingen.js';
import { LIJSTEN_DEFINITIEVERSIE } from '../domain/lijsten/bronnen.js';
import { bepaalMaandlijsten, opUitval, opVerlateStartkwalificatie, startsetSchooljaar, type Lijstsoort } from '../domain/lijsten/lijsten.js';
import { eersteMaand, lijstjaar, peildatum, vorigePeildatum, type Maand } from '../domain/lijsten/maand.js';
import { lijstrij, type Lijstrij } from '../domain/lijsten/rij.js';
import { uitvalcijfers } from '../domain/lijsten/uitval.js';
import { schooljaarVanaf } from '../domain/schooljaar.js';
import { groepeerDossiers } from '../telling/dossiers.js';
import { klok, type Lijstprofiel } from './profiel.js';

/**
 * Computes all six lists of one month (lijsten.md) and stores them as one `lijst_run`, with
 * the deliveries and the count runs they were computed from. SQL selects the candidates
 * (src/db/lijsten.ts); the rules of src/domain/lijsten decide per person.
 *
 * Which counts: `startset` (and so `uitval`) is the start population of the latest stored
 * count of the lijstjaar's own school year, whatever its status (the start population does not
 * depend on it); `verlate-startkwalificatie` reads the latest `definitief` count of the previous
 * school year. When such a count is missing, the run records that (null) and those lists
 * cannot be given (`LijstNietBeschikbaar`), the other lists can.
 */
const BATCH = 20_000;
/** candidates whose registrations are read and decided at a time: bounds the memory at national scale */
const KANDIDATEN_PER_STAP = 10_000;

export interface Tellingbronnen {
  readonly startset: Run | null;
  readonly vorige: Run | null;
}

export async function tellingbronnen(db: Db, maand: Maand): Promise<Tellingbronnen> {
  const jaar = lijstjaar(maand);
  return {
    startset: await laatsteRun(db, startsetSchooljaar(maand).naam),
    vorige: await laatsteRun(db, schooljaarVanaf(jaar.jaar - 1).naam, 'definitief'),
  };
}

/**
 * Computes and stores the lists of `maand`, always (a new run). `profiel`, when given, receives
 * the time per phase (bench/lijsten.ts).
 */
export async function berekenLijsten(db: Db, maand: Maand, profiel?: Lijstprofiel): Promise<Lijstrun> {
  const tijd = klok(profiel);
  const gestartOp = new Date().toISOString();
  const jaar = lijstjaar(maand);
  const vorigJaar = schooljaarVanaf(jaar.jaar - 1);
  const d = peildatum(maand);
  const { bronnen, indeling } = await tijd.meet('voorbereiding', async () => ({
    bronnen: await tellingbronnen(db, maand), indeling: await rmcIndeling(db, jaar),
  }));
  const rmc = (gemeente: string) => indeling.get(gemeente)?.code ?? null;

  const runId = await db.transaction(async (tx) => {
    const id = await tijd.meet('voorbereiding', async () => {
      await tx.exec(`SET LOCAL work_mem = '256MB'`);
      return maakLijstrun(tx, {
        maand: maand.naam, lijstjaar: jaar.naam, definitieversie: LIJSTEN_DEFINITIEVERSIE,
        startsetRunId: bronnen.startset?.id ?? null, vorigeRunId: bronnen.vorige?.id ?? null, gestartOp,
      });
    });
    let batch: string[] = [];
    const schrijf = async (regel: string | null) => {
      if (regel !== null) batch.push(regel);
      if (batch.length && (regel === null || batch.length >= BATCH)) {
        const tekst = batch.join('');
        batch = [];
        await tijd.meet('opslaan', () => tx.copyIn(LIJST_PERSOON_COPY, tekst));
      }
    };
    const rijregel = (lijst: Lijstsoort, r: Lijstrij, categorie: string | null = null) => {
      const i = r.inschrijving;
      return csvLine([id, lijst, r.persoonId, r.gemeenteCode, r.rmcCode, r.leeftijd,
        i?.brin ?? null, i?.vestiging ?? null, i?.onderwijstype ?? null, i?.leerjaar ?? null, i?.niveau ?? null,
        i?.einddatum ?? null, categorie, r.reden]);
    };

    // uitschrijvingen, werkvoorraad, herinschrijvingen: decided on each candidate's dossier.
    const werkvoorraad: Lijstrij[] = [];
    const vanaf = vorigePeildatum(eersteMaand(jaar));
    const kandidaten = await tijd.meet('kandidaten', () => lijstKandidaten(tx, { vanaf, p: vorigePeildatum(maand), d }));
    for (let i = 0; i < kandidaten.length; i += KANDIDATEN_PER_STAP) {
      const rijen = await tijd.meet('registraties', () => lijstDossierRijen(tx, kandidaten.slice(i, i + KANDIDATEN_PER_STAP), vanaf));
      for await (const dossier of groepeerDossiers([rijen])) {
        const l = tijd.meetNu('regels', () => bepaalMaandlijsten(dossier, maand));
        if (l.uitschrijvingen) await schrijf(rijregel('uitschrijvingen', lijstrij(dossier, d, rmc)));
        if (l.werkvoorraad) {
          const rij = lijstrij(dossier, d, rmc);
          werkvoorraad.push(rij);
          await schrijf(rijregel('werkvoorraad', rij));
        }
        if (l.herinschrijving) await schrijf(rijregel('herinschrijvingen', lijstrij(dossier, d, rmc, l.herinschrijving)));
      }
    }

    // startset and uitval: the start population of the lijstjaar's count.
    if (bronnen.startset) {
      const runStartset = bronnen.startset.id;
      const categorieen = await tijd.meet('startset en uitval',
        () => startsetCategorieen(tx, runStartset, werkvoorraad.map((r) => r.persoonId)));
      const uitvalPerCategorie = new Map<string, number>();
      for (const rij of werkvoorraad) {
        const categorie = categorieen.get(rij.persoonId);
        if (!opUitval(categorie !== undefined, true)) continue;
        uitvalPerCategorie.set(categorie!, (uitvalPerCategorie.get(categorie!) ?? 0) + 1);
        await schrijf(rijregel('uitval', rij, categorie!));
      }
      await tijd.meet('startset en uitval', async () => {
        const cijfers = uitvalcijfers(await startsetPerCategorie(tx, runStartset), uitvalPerCategorie);
        await tx.copyIn(LIJST_UITVAL_COPY, cijfers.map((c) => csvLine([id, c.categorie, c.startset, c.uitval])).join(''));
      });
    }

    // verlate-startkwalificatie: the previous lijstjaar's definitive count.
    if (bronnen.vorige) {
      const vorigeRun = bronnen.vorige.id;
      for (const k of await tijd.meet('verlate startkwalificatie', () => verlateKandidaten(tx, vorigeRun))) {
        const diplomas = k.diplomas.map(([soort, datum, brin]) => ({ soort, datum, brin }));
        if (!opVerlateStartkwalificatie(k.reden, diplomas, vorigJaar, maand)) continue;
        await schrijf(csvLine([id, 'verlate-startkwalificatie', k.persoon_id, k.gemeente_code, k.rmc_code, k.leeftijd,
          k.brin, k.vestiging, k.onderwijstype, k.leerjaar, k.niveau, null, k.categorie, 'verlate-startkwalificatie']));
      }
    }
    await schrijf(null);
    await tijd.meet('opslaan', () => rondLijstrunAf(tx, id));
    return id;
  });
  return (await leesLijstrun(db, runId))!;
}

/**
 * The stored lists of `maand` when they were computed from exactly the current deliveries
 * and counts (so a recomputation would give the same rows); otherwise computes them anew.
 */
export async function lijstenVanMaand(db: Db, maand: Maand): Promise<{ run: Lijstrun; nieuw: boolean }> {
  const bestaand = await laatsteLijstrun(db, maand.naam);
  if (bestaand && bestaand.definitieversie === LIJSTEN_DEFINITIEVERSIE) {
    const bronnen = await tellingbronnen(db, maand);
    const leveringen = await alleLeveringen(db);
    if (bestaand.startset_run_id === (bronnen.startset?.id ?? null) && bestaand.vorige_run_id === (bronnen.vorige?.id ?? null)
      && bestaand.leveringen.join(',') === leveringen.join(',')) return { run: bestaand, nieuw: false };
  }
  return { run: await berekenLijsten(db, maand), nieuw: true };
}
