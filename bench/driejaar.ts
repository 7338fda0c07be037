/**
 * The three-year figures of the municipalities (docs/openbaarmaking.md, "Driejaarscijfer"): per
 * window of three consecutive final count runs, how long their pattern takes and what it withholds.
 *
 *   npx tsx bench/driejaar.ts --database DIR_OR_URL [--laatste N] [--aanvaller]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open.js';
import { leesAlleRuns } from '../src/db/tellingen.js';
import { bepaalDriejaarpatroon, driejaaraanvallersmodel, driejaarmodel } from '../src/domain/openbaarmaking/driejaar.js';
import { toets } from '../src/domain/openbaarmaking/intervallen.js';
import { GEVOUWEN, PRIMAIR, SECUNDAIR, ZICHTBAAR } from '../src/domain/openbaarmaking/patroon.js';
import { highsOplosser } from '../src/publicatie/highs.js';
import { publicatieVan } from '../src/publicatie/laden.js';
import type { Runpublicatie } from '../src/publicatie/publicatie.js';

const { values } = parseArgs({ options: { database: { type: 'string' }, laatste: { type: 'string', default: '2' }, aanvaller: { type: 'boolean', default: false } } });
const db = await openDatabase(values.database!);
const oplosser = await highsOplosser();
const runs = (await leesAlleRuns(db)).filter((r) => r.status === 'definitief').sort((a, b) => a.schooljaar.localeCompare(b.schooljaar));
const vensters = runs.slice(2).map((_, i) => runs.slice(i, i + 3)).slice(-Number(values.laatste));
for (const venster of vensters) {
  const pubs: Runpublicatie[] = [];
  for (const r of venster) pubs.push(await publicatieVan(db, r.id, { bewaar: true }));
  const jaren = pubs.map((x) => ({ tabel: x.tabel, stand: { startpopulatie: x.patroon.startpopulatie, vsv: x.patroon.vsv } }));
  const begin = performance.now();
  const p = bepaalDriejaarpatroon(jaren, oplosser);
  const ms = performance.now() - begin;
  const tel = (w: number) => p.cijfers.filter((g) => g.stand.vsv === w).length;
  const jaarAfgeschermd = pubs.at(-1)!.tabel.cellen.flatMap((c, i) => (c.niveau === 'gemeente' && c.dimensie === 'totaal' ? [pubs.at(-1)!.patroon.vsv[i]] : []))
    .filter((s) => s !== ZICHTBAAR).length;
  console.log(`${venster[0]!.schooljaar} t/m ${venster[2]!.schooljaar}: ${p.cijfers.length} gemeenten in ${(ms / 1000).toFixed(1)} s, ${p.rondes} rondes, programma's ${JSON.stringify(p.programmas)}; `
    + `vsv over drie jaar getoond ${tel(ZICHTBAAR)}, <5 ${tel(PRIMAIR)}, x ${tel(SECUNDAIR)}, n.u. ${tel(GEVOUWEN)}; in het laatste jaar afgeschermd: ${jaarAfgeschermd}; onbeschermd ${p.onbeschermd.length}`);
  for (const o of p.onbeschermd.slice(0, 10)) console.log(`  onbeschermd: ${o.tal} ${JSON.stringify(o.cel)}`);
  if (values.aanvaller) {
    const a = performance.now();
    const m = driejaarmodel(jaren, oplosser, new Map(p.cijfers.map((c) => [c.gemeente, c.stand])));
    const am = driejaaraanvallersmodel(m, oplosser);
    const { falen, bereik } = toets(am.grenzen, am.eisen, am.rijen, oplosser, true);
    console.log(`  aanvaller (exact, ${am.grenzen.length} onbekenden) in ${((performance.now() - a) / 1000).toFixed(1)} s: ${falen.length} versmald of vastgepind`);
    for (const v of falen.slice(0, 10)) console.log(`    ${am.variabelen[v]!.tal} ${JSON.stringify(m.tabel.cellen[am.variabelen[v]!.cel])} ${JSON.stringify(bereik[v])} eis ${JSON.stringify(am.eisen[v])}`);
  }
}
await db.close();
