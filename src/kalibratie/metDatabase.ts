import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/database.js';
import { leesMboNiveauLeerweg, leesSectorLeeftijd, telAlleenNietBekostigd } from '../db/kalibratie.js';
import { isLeeg } from '../db/leveringen.js';
import { openDatabase } from '../db/open.js';
import { leesCijfers } from '../db/tellingen.js';
import { schooljaarVanaf } from '../domain/schooljaar.js';
import { genereer } from '../generator/genereer.js';
import { importeerLevering } from '../importeren/importeer.js';
import { voerTellingUit } from '../telling/voerTellingUit.js';
import type { Kalibratieopties } from './inProces.js';
import { legeUitkomst, tel, type Jaaruitkomst } from './uitkomsten.js';

/**
 * The calibration as a user would run it: generate a delivery, import it into a fresh
 * embedded database, run the definitive count of every school year with the count's own
 * code (voerTellingUit), and read the stored figures back. With `database` holding data
 * already, only the counts are run.
 */
export interface Databaseopties extends Kalibratieopties {
  readonly database?: string;
  readonly levering?: string;
}

const seconden = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

export async function kalibreerMetDatabase(o: Databaseopties, write: (tekst: string) => void): Promise<Jaaruitkomst[]> {
  const tijdelijk: string[] = [];
  const maakTijdelijk = async (naam: string) => {
    const map = await mkdtemp(join(tmpdir(), `binnenboord-${naam}-`));
    tijdelijk.push(map);
    return map;
  };
  try {
    const locatie = o.database ?? (await maakTijdelijk('kalibratie-db'));
    const db = await openDatabase(locatie);
    try {
      if (await isLeeg(db)) {
        const map = o.levering ?? join(await maakTijdelijk('kalibratie-levering'), 'levering');
        let start = performance.now();
        const g = await genereer({ uitvoer: map, schaal: o.schaal, zaad: o.zaad, van: o.van, tot: o.tot, voortgang: o.voortgang });
        const rijen = Object.values(g.rijen).reduce((s, n) => s + n, 0);
        write(`Gegenereerd: ${g.personen.toLocaleString('nl-NL')} personen, ${rijen.toLocaleString('nl-NL')} rijen in ${seconden(start)} s (${map}).\n`);
        start = performance.now();
        const v = await importeerLevering(db, map);
        const afgewezen = v.bestanden.reduce((s, b) => s + b.afgewezen, 0);
        write(`Ingelezen in ${locatie} in ${seconden(start)} s; afgewezen rijen: ${afgewezen}.\n`);
        if (afgewezen > 0) for (const a of v.afwijzingen.slice(0, 10)) write(`  ${a.bestand} regel ${a.regel}: ${a.reden}\n`);
      } else {
        write(`De database ${locatie} heeft al gegevens: er wordt niets gegenereerd of ingelezen, alleen geteld.\n`);
      }
      const uitkomsten: Jaaruitkomst[] = [];
      for (let jaar = o.van; jaar <= o.tot; jaar += 1) {
        const start = performance.now();
        uitkomsten.push(await telJaar(db, jaar));
        o.voortgang?.(`telling ${jaar}-${jaar + 1}: ${seconden(start)} s`);
      }
      return uitkomsten;
    } finally {
      await db.close();
    }
  } finally {
    for (const map of tijdelijk) if (!(o.levering && map.startsWith(o.levering))) await rm(map, { recursive: true, force: true });
  }
}

async function telJaar(db: Db, jaar: number): Promise<Jaaruitkomst> {
  const run = await voerTellingUit(db, schooljaarVanaf(jaar), { status: 'definitief', werkurenDrempel: 12 });
  const u = legeUitkomst(jaar);
  for (const c of await leesCijfers(db, run.id, 'landelijk', ['totaal', 'sector', 'categorie', 'reden', 'leeftijdsgroep'])) {
    if (c.dimensie === 'totaal') {
      u.totaal.startpopulatie = c.startpopulatie;
      u.totaal.vsv = c.vsv;
    } else if (c.dimensie === 'reden') {
      u.reden.set(c.waarde, c.startpopulatie);
    } else {
      const m = c.dimensie === 'sector' ? u.sector : c.dimensie === 'categorie' ? u.categorie : u.leeftijdsgroep;
      tel(m, c.waarde, false, c.startpopulatie, c.vsv);
    }
  }
  for (const c of await leesCijfers(db, run.id, 'rmc', ['totaal'])) tel(u.rmc, c.gebied, false, c.startpopulatie, c.vsv);
  for (const r of await leesMboNiveauLeerweg(db, run.id)) tel(u.niveauLeerweg, r.sleutel, false, r.startpopulatie, r.vsv);
  for (const r of await leesSectorLeeftijd(db, run.id)) tel(u.sectorLeeftijd, r.sleutel, false, r.startpopulatie, r.vsv);
  u.nietBekostigd = await telAlleenNietBekostigd(db, run.id, schooljaarVanaf(jaar).t1);
  return u;
}
