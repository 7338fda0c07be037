import { join } from 'node:path';
import { gedeeldeMap } from '../config.js';
import type { Db } from '../db/database.js';
import { parseSchooljaar } from '../domain/schooljaar.js';
import { importeerLevering } from '../importeren/importeer.js';
import { voerTellingUit } from '../telling/voerTellingUit.js';

/**
 * First start: an empty database gets demo data, so that a newcomer sees figures at once.
 * Until the national generator is wired in, the demo data are the worked examples of
 * the shared spec (school year 2019-2020).
 */
export type Voortgang = (melding: string) => void;

export async function isLeeg(db: Db): Promise<boolean> {
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM levering');
  return r!.n === 0;
}

export async function zorgVoorDemodata(db: Db, voortgang: Voortgang): Promise<boolean> {
  if (!(await isLeeg(db))) return false;
  const map = join(gedeeldeMap(), 'spec', 'voorbeelden', 'levering');
  voortgang(`Lege database: demodata inlezen uit ${map}`);
  await importeerLevering(db, map);
  for (const status of ['voorlopig', 'definitief'] as const) {
    voortgang(`Telling 2019-2020 (${status})`);
    await voerTellingUit(db, parseSchooljaar('2019-2020')!, { status, werkurenDrempel: 12 });
  }
  return true;
}
