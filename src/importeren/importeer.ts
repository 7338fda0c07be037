import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { BESTANDEN, bestandsdefinitie, type Bestandsdefinitie } from '../domain/levering/bestanden.js';
import { controleerKop, controleerRij, type Fout } from '../domain/levering/controle.js';
import { csvLine } from '../db/csv.js';
import type { Db } from '../db/database.js';
import {
  AFGEWEZEN_COPY, Bestandsstaging, maakLevering, rondLeveringAf, werkStatistiekenBij, type Bestandstelling,
} from '../db/leveringen.js';
import { readCsvRecords } from './csvReader.js';

/**
 * `binnenboord import FOLDER` (cli.md, levering.md): reads every known file of a delivery
 * as a stream, checks every row, stages the valid rows and merges them by key, and keeps
 * every rejected row with its file, line, column and reason. The whole delivery is one
 * transaction: if it cannot be processed as a whole, nothing of it is stored.
 */
export class LeveringOnverwerkbaar extends Error {}

export interface Afwijzing {
  readonly bestand: string;
  readonly regel: number;
  readonly kolom: string | null;
  readonly reden: string;
}

export interface Importverslag {
  readonly leveringId: number;
  readonly naam: string;
  readonly controlesom: string;
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
}

export async function importeerLevering(db: Db, map: string, opties: Importopties = {}): Promise<Importverslag> {
  const pad = resolve(map);
  const info = await stat(pad).catch(() => null);
  if (!info?.isDirectory()) throw new LeveringOnverwerkbaar(`map ${map} bestaat niet of is geen map`);
  // Every entry, not only regular files: a delivered file may be a symlink, and a known name
  // that is no readable file (a folder, a dangling link, a pipe) makes the delivery unprocessable
  // instead of silently dropping that file.
  const namen = (await readdir(pad)).sort();
  const opmerkingen = namen
    .filter((n) => !bestandsdefinitie(n))
    .map((n) => `onbekend bestand ${n} genegeerd (levering.md kent het niet)`);
  // Files in the order of levering.md, so reference data and persons come first.
  const bekend = BESTANDEN.filter((d) => namen.includes(d.bestand));
  for (const def of bekend) {
    const bestand = await stat(join(pad, def.bestand)).catch((e: Error) => e);
    if (bestand instanceof Error) throw new LeveringOnverwerkbaar(`${def.bestand} kon niet worden gelezen: ${bestand.message}`);
    if (!bestand.isFile()) throw new LeveringOnverwerkbaar(`${def.bestand} is geen bestand (maar een map, pipe of apparaat)`);
  }

  return db.transaction(async (tx) => {
    const leveringId = await maakLevering(tx, basename(pad), pad);
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
      opties.voortgang?.(`${def.bestand}: ${telling.gelezen.toLocaleString('nl-NL')} rijen in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
      bestanden.push(telling);
    }
    const controlesom = createHash('sha256')
      .update(bestanden.map((b) => `${b.bestand}:${b.controlesom}\n`).join(''))
      .digest('hex');
    await rondLeveringAf(tx, leveringId, controlesom, opmerkingen, bestanden);
    await werkStatistiekenBij(tx);
    return { leveringId, naam: basename(pad), controlesom, bestanden, opmerkingen, afwijzingen, aantalAfwijzingen };
  });
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
        if ('fout' in record) {
          kop = { posities: [], extraKolommen: [], fouten: [{ kolom: null, reden: `kopregel onleesbaar: ${record.fout}` }] };
          continue;
        }
        kop = controleerKop(def, record.velden);
        aantalKopvelden = record.velden.length;
        for (const extra of kop.extraKolommen) opmerkingen.push(`${def.bestand}: onbekende kolom '${extra}' genegeerd`);
        continue;
      }
      gelezen += 1;
      if (kop.fouten.length) {
        // The file cannot be read as a whole; each of its rows is kept with that reason.
        await wijsAf(record.regel, record.ruw, kop.fouten.map((f) => ({ kolom: f.kolom, reden: `bestand afgewezen: ${f.reden}` })));
        continue;
      }
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
    throw new LeveringOnverwerkbaar(`${def.bestand} kon niet worden gelezen: ${(e as Error).message}`);
  }
  if (kop === null) opmerkingen.push(`${def.bestand} is leeg (geen kopregel)`);
  else if (kop.fouten.length) {
    opmerkingen.push(`${def.bestand} afgewezen: ${kop.fouten.map((f) => f.reden).join('; ')}`);
    if (gelezen === 0) for (const f of kop.fouten) meld({ bestand: def.bestand, regel: 1, kolom: f.kolom, reden: f.reden });
  }
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
