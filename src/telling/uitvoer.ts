import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { registreerInzage } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { leesCijfers, personenUitvoer, personenVanRun, type Run } from '../db/tellingen.js';
import { percentage, type Cijfer } from '../domain/telling/cijfers.js';
import type { Gebruiker } from '../domain/toegang/rollen.js';

/**
 * The output files of cli.md (`telling --uitvoer`), written from a stored run: personen.csv,
 * instellingen.csv, regios.csv, landelijk.csv. Not under openbaarmaking: for users entitled
 * to the underlying data; writing personen.csv is recorded in the audit trail.
 */
const KOP_PERSONEN = 'schooljaar,persoon_id,categorie,sector,brin,vestiging,gemeente_code,rmc_code,leeftijd,vsv,reden\n';

function regel(velden: readonly (string | number)[]): string {
  return `${velden.join(',')}\n`;
}

function cijferregels(run: Run, cijfers: Cijfer[], waarde: (c: Cijfer) => readonly string[]): string {
  return cijfers
    .map((c) => regel([run.schooljaar, ...waarde(c), c.startpopulatie, c.vsv, percentage(c.vsv, c.startpopulatie)]))
    .sort()
    .join('');
}

export async function landelijkeCijfers(db: Db, run: Run): Promise<Cijfer[]> {
  return leesCijfers(db, run.id, 'landelijk', ['sector', 'totaal']);
}

export async function schrijfUitvoer(db: Db, run: Run, map: string, gebruiker: Gebruiker): Promise<string[]> {
  await mkdir(map, { recursive: true });

  // personen.csv: the audit record (every person of the run, by reference) and the read in one
  // transaction, the record first: if it cannot be written, nothing is read.
  await db.transaction(async (tx) => {
    await registreerInzage(tx, {
      gebruiker, handeling: 'telling.personen.uitvoeren', doel: 'telling-uitvoer',
      parameters: { run: run.id, schooljaar: run.schooljaar, status: run.status, bestand: 'personen.csv' },
      personen: personenVanRun(run.id),
    });
    await pipeline(
      Readable.from((async function* () {
        yield KOP_PERSONEN;
        yield* tx.copyOut(personenUitvoer(run.id));
      })()),
      createWriteStream(join(map, 'personen.csv')),
    );
  });

  const instellingen = await leesCijfers(db, run.id, 'instelling', ['categorie']);
  await writeFile(join(map, 'instellingen.csv'),
    'schooljaar,brin,categorie,startpopulatie,vsv,percentage\n' + cijferregels(run, instellingen, (c) => [c.gebied, c.waarde]));

  const regios = await leesCijfers(db, run.id, 'rmc', ['sector', 'totaal']);
  await writeFile(join(map, 'regios.csv'),
    'schooljaar,rmc_code,sector,startpopulatie,vsv,percentage\n' + cijferregels(run, regios, (c) => [c.gebied, c.waarde]));

  const landelijk = await landelijkeCijfers(db, run);
  await writeFile(join(map, 'landelijk.csv'),
    'schooljaar,sector,startpopulatie,vsv,percentage\n' + cijferregels(run, landelijk, (c) => [c.waarde]));

  return ['personen.csv', 'instellingen.csv', 'regios.csv', 'landelijk.csv'];
}
