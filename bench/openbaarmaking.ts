/**
 * Openbaarmaking at demo scale: per stored run, how long the one suppression pattern takes,
 * how many cells it withholds, and how many withheld values the attacker's linear programs
 * can pin down or narrow — with only DUO's rule (no secondary suppression) and with the pattern.
 *
 *   npx tsx bench/openbaarmaking.ts --database /tmp/demo [--schaal 0.1] [--van 2022] [--tot 2023]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open.js';
import { zorgVoorDemodata } from '../src/demo/demodata.js';
import { toets } from '../src/domain/openbaarmaking/intervallen.js';
import { aanvallersmodel, PRIMAIR, SECUNDAIR } from '../src/domain/openbaarmaking/patroon.js';
import { TALLEN, type Tal } from '../src/domain/openbaarmaking/tabel.js';
import { highsOplosser } from '../src/publicatie/highs.js';
import { Antwoordcache } from '../src/server/cache.js';
import { maakGegevens } from '../src/server/gegevens.js';

const { values } = parseArgs({ options: { database: { type: 'string' }, schaal: { type: 'string', default: '0.1' }, van: { type: 'string', default: '2022' }, tot: { type: 'string', default: '2023' } } });
const db = await openDatabase(values.database!);
await zorgVoorDemodata(db, (m) => console.error(m), { schaal: Number(values.schaal), van: Number(values.van), tot: Number(values.tot) });
const gegevens = maakGegevens(db, new Antwoordcache(db));
const oplosser = await highsOplosser();
for (const run of (await gegevens.catalogus()).runs) {
  const begin = performance.now();
  const p = await gegevens.publicatie(run.id);
  const ms = performance.now() - begin;
  const tel = (s: Uint8Array, w: number) => s.filter((x) => x === w).length;
  const meet = (stand: Record<Tal, Uint8Array>) => {
    const m = aanvallersmodel(p.tabel, stand, oplosser);
    const { falen, bereik } = toets(m.grenzen, m.eisen, m.rijen, oplosser, true);
    const per = (tal: Tal, vast: boolean) => falen.filter((v) => m.variabelen[v]!.tal === tal && (bereik[v]!.max - bereik[v]!.min < 1e-6) === vast).length;
    return `vastgepind sp ${per('startpopulatie', true)} vsv ${per('vsv', true)}, versmald sp ${per('startpopulatie', false)} vsv ${per('vsv', false)}`;
  };
  const alleenPrimair = { startpopulatie: p.patroon.startpopulatie.map((s) => (s === SECUNDAIR ? 0 : s)), vsv: p.patroon.vsv.map((s) => (s === SECUNDAIR ? 0 : s)) };
  console.log(`run ${run.id} ${run.schooljaar} ${run.status}: ${p.tabel.cellen.length} cellen, ${TALLEN.map((t) => p.tabel.relaties[t].length).join('/')} relaties (sp/vsv), `
    + `${p.tabel.nietGeldig.length} niet geldig; patroon in ${(ms / 1000).toFixed(1)} s, ${p.patroon.rondes} herstelrondes`);
  console.log(`  primair sp ${tel(p.patroon.startpopulatie, PRIMAIR)} vsv ${tel(p.patroon.vsv, PRIMAIR)}; secundair sp ${tel(p.patroon.startpopulatie, SECUNDAIR)} vsv ${tel(p.patroon.vsv, SECUNDAIR)}; onbeschermd ${p.patroon.onbeschermd.length}`);
  console.log(`  alleen DUO-regel: ${meet(alleenPrimair)}`);
  console.log(`  met patroon:      ${meet({ startpopulatie: p.patroon.startpopulatie, vsv: p.patroon.vsv })}`);
}
await db.close();
