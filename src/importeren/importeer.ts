import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { BESTANDEN, bestandsdefinitie, type Bestandsdefinitie } from '../domain/levering/bestanden.js';
import { controleerKop, controleerRij, type Fout } from '../domain/levering/controle.js';
import { csvLine } from '../db/csv.js';
import type { Db } from '../db/database.js';
import {
  AFGEWEZEN_COPY, Bestandsstaging, legWeigeringVast, maakLevering, rondLeveringAf, vindLeveringMetControlesom,
  werkStatistiekenBij, type Bestandstelling, type EerdereLevering, type Weigeringsreden,
} from '../db/leveringen.js';
import { onderzoekBestand } from './bestandscontrole.js';
import { readCsvRecords } from './csvReader.js';

/**
 * `binnenboord import FOLDER` (cli.md, levering.md), in two steps:
 * 1. every known file of the delivery is checked as a whole (bestandscontrole.ts: readable,
 *    UTF-8, comma-separated, a header with every required column) and its sha256 taken. A
 *    delivery with any such problem is refused as a whole, with every reason of every file:
 *    nothing is written but the record of the refusal (levering_weigering).
 * 2. under the writer lock, in one transaction: a delivery whose checksum an earlier delivery
 *    already has is a repeat and changes nothing; otherwise every file is read as a stream,
 *    every row checked, the valid rows staged and merged by key, every rejected row kept with
 *    its file, line, column and reason. A file that turns out unreadable midway rolls all of
 *    it back, and the refusal is recorded.
 */
export class LeveringOnverwerkbaar extends Error {}

/** The delivery was refused as a whole; `redenen` holds every reason of every file. */
export class LeveringGeweigerd extends LeveringOnverwerkbaar {
  constructor(
    message: string,
    readonly weigeringId: number | null,
    readonly redenen: readonly Weigeringsreden[],
  ) {
    super(message);
  }
}

/** A file that could not be read to its end during the import (step 2). */
class BestandOnleesbaar extends Error {
  constructor(readonly bestand: string, reden: string) {
    super(reden);
  }
}

export interface Afwijzing {
  readonly bestand: string;
  readonly regel: number;
  readonly kolom: string | null;
  readonly reden: string;
}

export interface Importverslag {
  /** the new delivery, or for a repeat the earlier one */
  readonly leveringId: number;
  readonly naam: string;
  readonly controlesom: string;
  /** set when these exact files were imported before: nothing was changed (bestanden is then empty) */
  readonly herhalingVan: EerdereLevering | null;
  readonly bestanden: readonly Bestandstelling[];
  /** notes on the delivery as a whole: unknown files, ignored columns */
  readonly opmerkingen: readonly string[];
  /** the first rejections, for the report; all of them are stored in `afgewezen_rij` */
  readonly afwijzingen: readonly Afwijzing[];
  readonly aantalAfwijzingen: number;
}

/** Rows are copied into the database in batches of this many, so memory stays flat. */
const BATCH = 20_000;
/** How many rejections an import report carries; all are stored. */
const MAX_AFWIJZINGEN_IN_VERSLAG = 1000;

export interface Importopties {
  /** called before and after each file, for progress on long imports */
  readonly voortgang?: (melding: string) => void;
  /** called when the import has to wait for another import or count (PostgreSQL) */
  readonly bijWachten?: (melding: string) => void;
}

/** The delivery's checksum: over the files of levering.md present, in its order, each by name and sha256. */
function leveringControlesom(bestanden: readonly { bestand: string; controlesom: string }[]): string {
  return createHash('sha256').update(bestanden.map((b) => `${b.bestand}:${b.controlesom}\n`).join('')).digest('hex');
}

export async function importeerLevering(db: Db, map: string, opties: Importopties = {}): Promise<Importverslag> {
  const pad = resolve(map);
  const naam = basename(pad);
  const info = await stat(pad).catch(() => null);
  if (!info?.isDirectory()) throw new LeveringOnverwerkbaar(`map ${map} bestaat niet of is geen map`);
  // Every entry, not only regular files: a delivered file may be a symlink, and a known name
  // that is no readable file (a folder, a dangling link, a pipe) refuses the delivery instead
  // of silently dropping that file.
  const namen = (await readdir(pad)).sort();
  const opmerkingen = namen
    .filter((n) => !bestandsdefinitie(n))
    .map((n) => `onbekend bestand ${n} genegeerd (levering.md kent het niet)`);
  // Files in the order of levering.md, so reference data and persons come first.
  const bekend = BESTANDEN.filter((d) => namen.includes(d.bestand));

  // Step 1: every file as a whole, before anything is written.
  const redenen: Weigeringsreden[] = [];
  const sommen: { bestand: string; controlesom: string }[] = [];
  for (const def of bekend) {
    opties.voortgang?.(`${def.bestand} controleren …`);
    const bestand = await stat(join(pad, def.bestand)).catch((e: Error) => e);
    if (bestand instanceof Error) {
      redenen.push({ bestand: def.bestand, reden: `kon niet worden gelezen: ${bestand.message}` });
      continue;
    }
    if (!bestand.isFile()) {
      redenen.push({ bestand: def.bestand, reden: 'is geen bestand (maar een map, pipe of apparaat)' });
      continue;
    }
    const onderzoek = await onderzoekBestand(def, join(pad, def.bestand)).catch((e: Error) => e);
    if (onderzoek instanceof Error) {
      redenen.push({ bestand: def.bestand, reden: `kon niet worden gelezen: ${onderzoek.message}` });
      continue;
    }
    sommen.push({ bestand: def.bestand, controlesom: onderzoek.controlesom });
    for (const reden of onderzoek.redenen) redenen.push({ bestand: def.bestand, reden });
  }
  const controlesom = sommen.length === bekend.length ? leveringControlesom(sommen) : null;
  if (redenen.length) throw await weiger(db, { naam, map: pad, controlesom, redenen });
  const verwacht = new Map(sommen.map((b) => [b.bestand, b.controlesom]));

  // Step 2: one transaction, one writer at a time.
  try {
    return await db.transaction(async (tx) => {
      const eerder = await vindLeveringMetControlesom(tx, controlesom!);
      if (eerder) {
        return {
          leveringId: eerder.leveringId, naam, controlesom: controlesom!, herhalingVan: eerder,
          bestanden: [], opmerkingen: [], afwijzingen: [], aantalAfwijzingen: 0,
        };
      }
      const leveringId = await maakLevering(tx, naam, pad);
      const bestanden: Bestandstelling[] = [];
      const afwijzingen: Afwijzing[] = [];
      let aantalAfwijzingen = 0;
      const meld = (a: Afwijzing) => {
        aantalAfwijzingen += 1;
        if (afwijzingen.length < MAX_AFWIJZINGEN_IN_VERSLAG) afwijzingen.push(a);
      };
      for (const def of bekend) {
        const begin = performance.now();
        opties.voortgang?.(`${def.bestand} inlezen …`);
        const telling = await importeerBestand(tx, def, join(pad, def.bestand), leveringId, opmerkingen, meld);
        if (telling.controlesom !== verwacht.get(def.bestand)) {
          throw new BestandOnleesbaar(def.bestand, 'is veranderd terwijl de levering werd ingelezen; lever het opnieuw aan');
        }
        opties.voortgang?.(`${def.bestand}: ${telling.gelezen.toLocaleString('nl-NL')} rijen in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
        bestanden.push(telling);
      }
      await rondLeveringAf(tx, leveringId, controlesom!, opmerkingen, bestanden);
      await werkStatistiekenBij(tx);
      return { leveringId, naam, controlesom: controlesom!, herhalingVan: null, bestanden, opmerkingen, afwijzingen, aantalAfwijzingen };
    }, { writerLock: 'exclusive', onWait: opties.bijWachten });
  } catch (e) {
    // Rolled back; what remains is the record of the refusal.
    if (e instanceof BestandOnleesbaar) throw await weiger(db, { naam, map: pad, controlesom, redenen: [{ bestand: e.bestand, reden: e.message }] });
    throw e;
  }
}

/** Records the refusal and returns the error that reports it, every reason on its own line. */
async function weiger(
  db: Db, w: { naam: string; map: string; controlesom: string | null; redenen: Weigeringsreden[] },
): Promise<LeveringGeweigerd> {
  const bestanden = new Set(w.redenen.map((r) => r.bestand));
  const regels = w.redenen.map((r) => `  - ${r.bestand ? `${r.bestand}: ` : ''}${r.reden}`).join('\n');
  let vastgelegd: { id: number; ontvangenOp: string } | null = null;
  let nietVastgelegd = '';
  try {
    vastgelegd = await legWeigeringVast(db, w);
  } catch (e) {
    nietVastgelegd = ` (de weigering kon niet worden vastgelegd: ${(e as Error).message})`;
  }
  const kop = `Levering '${w.naam}' geweigerd: ${bestanden.size === 1 ? 'een bestand is' : `${bestanden.size} bestanden zijn`} ` +
    `niet te lezen als levering.md. Er is niets van ingelezen${vastgelegd ? `; de weigering is vastgelegd als weigering ${vastgelegd.id} (binnenboord leveringen)` : nietVastgelegd}.`;
  return new LeveringGeweigerd(
    `${kop}\n${regels}\nHerstel ${bestanden.size === 1 ? 'dit bestand' : 'deze bestanden'} en lever de hele levering opnieuw aan.`,
    vastgelegd?.id ?? null, w.redenen);
}

async function importeerBestand(
  tx: Db, def: Bestandsdefinitie, pad: string, leveringId: number, opmerkingen: string[], meld: (a: Afwijzing) => void,
): Promise<Bestandstelling> {
  const hash = createHash('sha256');
  const staging = new Bestandsstaging(tx, def, leveringId);
  await staging.begin();

  let gelezen = 0;
  let afgewezen = 0;
  let geldig: string[] = [];
  let fout: string[] = [];
  const flushValid = async () => {
    if (geldig.length) await staging.kopieer(geldig.join(''));
    geldig = [];
  };
  const flushRejected = async () => {
    if (fout.length) await tx.copyIn(AFGEWEZEN_COPY, fout.join(''));
    fout = [];
  };
  const wijsAf = async (regel: number, ruw: string, fouten: readonly Fout[]) => {
    afgewezen += 1;
    for (const f of fouten) {
      fout.push(csvLine([leveringId, def.bestand, regel, f.kolom, f.reden, ruw]));
      meld({ bestand: def.bestand, regel, kolom: f.kolom, reden: f.reden });
    }
    if (fout.length >= BATCH) await flushRejected();
  };

  const stroom = createReadStream(pad);
  stroom.on('data', (stuk) => hash.update(stuk));
  let kop: ReturnType<typeof controleerKop> | null = null;
  let aantalKopvelden = 0;
  try {
    for await (const record of readCsvRecords(stroom)) {
      if (kop === null) {
        // The whole-file check passed this header; it fails only when the file changed since.
        kop = 'fout' in record ? null : controleerKop(def, record.velden);
        if (kop === null || kop.fouten.length) throw new BestandOnleesbaar(def.bestand, 'is veranderd terwijl de levering werd ingelezen: de kopregel klopt niet meer');
        aantalKopvelden = (record as { velden: string[] }).velden.length;
        for (const extra of kop.extraKolommen) opmerkingen.push(`${def.bestand}: onbekende kolom '${extra}' genegeerd`);
        continue;
      }
      gelezen += 1;
      if ('fout' in record) {
        await wijsAf(record.regel, record.ruw, [{ kolom: null, reden: `ongeldige CSV: ${record.fout}` }]);
        continue;
      }
      const uitkomst = controleerRij(def, kop, record.velden, aantalKopvelden);
      if (!uitkomst.ok) {
        await wijsAf(record.regel, record.ruw, uitkomst.fouten);
        continue;
      }
      geldig.push(csvLine([...uitkomst.waarden, record.regel]));
      if (geldig.length >= BATCH) await flushValid();
    }
  } catch (e) {
    // A read error of the file (it has a system call), not one of the database.
    if (e instanceof Error && 'syscall' in e) throw new BestandOnleesbaar(def.bestand, `kon niet worden gelezen: ${e.message}`);
    throw e;
  }
  if (kop === null) opmerkingen.push(`${def.bestand} is leeg (geen kopregel)`);
  await flushValid();
  await flushRejected();
  const dubbel = await staging.haalDubbeleSleutelsUit();
  if (dubbel.length) {
    // Read the file again for the delivered text of those lines, so the quarantine keeps
    // exactly what was delivered (the staging table holds only the parsed values).
    const eersteVan = new Map(dubbel.map((d) => [d.regel, d.eerste]));
    for await (const record of readCsvRecords(createReadStream(pad))) {
      const eerste = eersteVan.get(record.regel);
      if (eerste !== undefined) await wijsAf(record.regel, record.ruw, [{ kolom: null, reden: staging.redenDubbeleSleutel(eerste) }]);
    }
    await flushRejected();
  }
  const samen = await staging.voegSamen();
  return {
    bestand: def.bestand,
    controlesom: hash.digest('hex'),
    gelezen,
    ...samen,
    afgewezen,
  };
}
