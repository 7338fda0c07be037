/**
 * Openbaarmaking at demo scale: per stored run, how long its one suppression pattern takes to
 * compute, how many counts it withholds (primary: DUO's `<5`; secondary: on top of it), how many
 * values it could not protect, and how many linear programs the check solved. With
 * `--aanvaller`, also the attacker's exact linear programs over the result (slow: minutes).
 *
 *   npx tsx bench/openbaarmaking.ts --database /tmp/demo [--schaal 0.1] [--van 2022] [--tot 2023] [--aanvaller] [--laatste N]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open.js';
import { leesAlleRuns } from '../src/db/tellingen.js';
import { zorgVoorDemodata } from '../src/demo/demodata.js';
import { toets } from '../src/domain/openbaarmaking/intervallen.js';
import { aanvallersmodel, PRIMAIR, SECUNDAIR } from '../src/domain/openbaarmaking/patroon.js';
import { TALLEN, type Tal } from '../src/domain/openbaarmaking/tabel.js';
import { highsOplosser } from '../src/publicatie/highs.js';
import { opbouwVan } from '../src/publicatie/laden.js';
import { berekenRunpublicatie } from '../src/publicatie/publicatie.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string' }, schaal: { type: 'string', default: '0.1' }, van: { type: 'string', default: '2022' },
    tot: { type: 'string', default: '2023' }, aanvaller: { type: 'boolean', default: false },
    laatste: { type: 'string' },
  },
});
const db = await openDatabase(values.database!);
await zorgVoorDemodata(db, (m) => console.error(m), { schaal: Number(values.schaal), van: Number(values.van), tot: Number(values.tot) });
const oplosser = await highsOplosser();
const runs = await leesAlleRuns(db);
for (const run of values.laatste ? runs.slice(-Number(values.laatste)) : runs) {
  const opbouw = await opbouwVan(db, run.id);
  const begin = performance.now();
  const p = berekenRunpublicatie(run.id, opbouw, oplosser);
  const ms = performance.now() - begin;
  const tel = (s: Uint8Array, w: number) => s.filter((x) => x === w).length;
  console.log(`run ${run.id} ${run.schooljaar} ${run.status}: ${p.tabel.cellen.length} cellen, ${TALLEN.map((t) => p.tabel.relaties[t].length).join('/')} relaties (sp/vsv); `
    + `patroon in ${(ms / 1000).toFixed(1)} s, ${p.patroon.rondes} rondes, programma's ${JSON.stringify(p.patroon.programmas)}`);
  console.log(`  primair sp ${tel(p.patroon.startpopulatie, PRIMAIR)} vsv ${tel(p.patroon.vsv, PRIMAIR)}; secundair sp ${tel(p.patroon.startpopulatie, SECUNDAIR)} `
    + `vsv ${tel(p.patroon.vsv, SECUNDAIR)}; onbeschermd ${p.patroon.onbeschermd.length}`);
  if (!values.aanvaller) continue;
  const m = aanvallersmodel(p.tabel, { startpopulatie: p.patroon.startpopulatie, vsv: p.patroon.vsv }, oplosser);
  const { falen, bereik } = toets(m.grenzen, m.eisen, m.rijen, oplosser, true);
  const per = (tal: Tal, vast: boolean) => falen.filter((v) => m.variabelen[v]!.tal === tal && (bereik[v]!.max - bereik[v]!.min < 1e-6) === vast).length;
  console.log(`  aanvaller: vastgepind sp ${per('startpopulatie', true)} vsv ${per('vsv', true)}, versmald sp ${per('startpopulatie', false)} vsv ${per('vsv', false)}`);
}
await db.close();
