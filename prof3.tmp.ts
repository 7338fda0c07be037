import { openDatabase } from './src/db/open.js';
import { Antwoordcache } from './src/server/cache.js';
import { maakGegevens } from './src/server/gegevens.js';
import { PRIMAIR, SECUNDAIR } from './src/domain/openbaarmaking/patroon.js';
const db = await openDatabase(process.argv[2] ?? '/tmp/prof-demo');
const gegevens = maakGegevens(db, new Antwoordcache(db));
const runs = (await gegevens.catalogus()).runs;
for (const run of runs.slice(Number(process.argv[3] ?? -1), Number(process.argv[3] ?? -1) === -1 ? undefined : 0)) {
  const t0 = performance.now();
  const p = await gegevens.publicatie(run.id);
  const tel = (a: Uint8Array, w: number) => a.filter((x) => x === w).length;
  console.log(`run ${run.id}: cellen ${p.tabel.cellen.length} primair ${tel(p.patroon.vsv, PRIMAIR)}/${tel(p.patroon.startpopulatie, PRIMAIR)} secundair ${tel(p.patroon.vsv, SECUNDAIR)}/${tel(p.patroon.startpopulatie, SECUNDAIR)} rondes ${p.patroon.rondes} onbeschermd ${p.patroon.onbeschermd.length} lp ${JSON.stringify(p.patroon.programmas)} in ${((performance.now()-t0)/1000).toFixed(1)} s`);
}
await db.close();
{
const db2 = await openDatabase(process.argv[2] ?? '/tmp/prof-demo');
const g2 = maakGegevens(db2, new Antwoordcache(db2));
const rs = (await g2.catalogus()).runs;
const p = await g2.publicatie(rs[rs.length-1]!.id);
for (const f of p.patroon.onbeschermd.slice(0, 40)) console.log(f.tal, JSON.stringify(p.tabel.cellen[f.cel]), 'sp', p.patroon.startpopulatie[f.cel], 'vsv', p.patroon.vsv[f.cel]);
await db2.close();
}
