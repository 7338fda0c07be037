/**
 * One phase of the benchmark, run in its own process by bench/main.ts so that its peak
 * memory (maxRSS) is its own. Prints one line of JSON on stdout: the measurement.
 *
 *   node --import tsx bench/fase.ts genereer '{"map":…,"schaal":1,"zaad":1,"van":2018,"tot":2019}'
 *   node --import tsx bench/fase.ts import   '{"map":…,"database":…}'
 *   node --import tsx bench/fase.ts telling  '{"database":…,"jaar":2018}'
 */
import { openDatabase } from '../src/db/open.js';
import { schooljaarVanaf } from '../src/domain/schooljaar.js';
import { genereer } from '../src/generator/genereer.js';
import { importeerLevering } from '../src/importeren/importeer.js';
import { voerTellingUit } from '../src/telling/voerTellingUit.js';

export interface Meting {
  fase: string;
  seconden: number;
  /** rows written (genereer) or read (import) */
  rijen?: number;
  afgewezen?: number;
  startpopulatie?: number;
  vsv?: number;
  /** seconds to open the database and check its schema, not counted in `seconden` */
  openen?: number;
  piekRssMb: number;
}

const [fase, json] = process.argv.slice(2);
interface Opties { map?: string; database?: string; schaal?: number; zaad?: number; van?: number; tot?: number; jaar?: number }
const o = JSON.parse(json ?? '{}') as Opties;
const nu = () => performance.now();

async function meet(): Promise<Omit<Meting, 'piekRssMb'>> {
  if (fase === 'genereer') {
    const start = nu();
    const v = await genereer({
      uitvoer: o.map!, schaal: o.schaal!, zaad: o.zaad!, van: o.van!, tot: o.tot!,
      voortgang: (m) => process.stderr.write(`  ${m}\n`),
    });
    return { fase, seconden: (nu() - start) / 1000, rijen: Object.values(v.rijen).reduce((s, n) => s + n, 0) };
  }
  const startOpen = nu();
  const db = await openDatabase(o.database!);
  const openen = (nu() - startOpen) / 1000;
  try {
    const start = nu();
    if (fase === 'import') {
      const v = await importeerLevering(db, o.map!);
      return {
        fase, seconden: (nu() - start) / 1000, openen,
        rijen: v.bestanden.reduce((s, b) => s + b.gelezen, 0), afgewezen: v.bestanden.reduce((s, b) => s + b.afgewezen, 0),
      };
    }
    if (fase === 'telling') {
      const run = await voerTellingUit(db, schooljaarVanaf(o.jaar!), { status: 'definitief', werkurenDrempel: 12 });
      return { fase, seconden: (nu() - start) / 1000, openen, startpopulatie: run.startpopulatie, vsv: run.vsv };
    }
    throw new Error(`onbekende fase ${fase}`);
  } finally {
    await db.close();
  }
}

const meting = await meet();
// maxRSS is in kilobytes (Node docs: process.resourceUsage()).
process.stdout.write(`${JSON.stringify({ ...meting, piekRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
