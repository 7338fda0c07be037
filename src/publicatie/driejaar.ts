import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.js';
import { bewaarDriejaarpatroon, leesDriejaarpatroon } from '../db/publicatie.js';
import { leesAlleRuns, type Run } from '../db/tellingen.js';
import type { Celafscherming } from '../domain/openbaarmaking.js';
import { bepaalDriejaarpatroon, driejaardelen, type Driejaarcijfer, type Driejaarpatroon, type Jaarpublicatie } from '../domain/openbaarmaking/driejaar.js';
import { GEVOUWEN, isPrimair, PRIMAIR, SECUNDAIR, ZICHTBAAR, type Stand } from '../domain/openbaarmaking/patroon.js';
import { TALLEN, type Tal } from '../domain/openbaarmaking/tabel.js';
import { highsOplosser } from './highs.js';
import { GEVOUWEN_TEKEN, publicatieVan, vingerafdruk } from './laden.js';
import { afschermingVanStand, type Runpublicatie } from './publicatie.js';

/**
 * The three-year figures of the municipalities (src/domain/openbaarmaking/driejaar.ts): one
 * window per three consecutive school years with a final count, each year's latest final run.
 * Their pattern is computed after the count that completes a window (and at the server's
 * start) and kept (017_driejaar), so no request waits for it.
 */
/** Raise when the three-year pattern's algorithm changes: every stored one is then computed anew. */
export const DRIEJAARVERSIE = '1';

export interface Driejaarpublicatie {
  /** the three runs, oldest first */
  readonly runs: readonly Run[];
  /** municipality → its three-year figure and what is withheld of it */
  readonly perGemeente: ReadonlyMap<string, { startpopulatie: number; vsv: number; afscherming: Celafscherming }>;
  /** values the pattern could not protect (the attacker test fails on any) */
  readonly onbeschermd: readonly string[];
  /** computed now (not read from what was kept) */
  readonly berekend: boolean;
}

/** The windows: three consecutive school years, each with its latest final run; oldest first. */
export function vensters(runs: readonly Run[]): Run[][] {
  const perJaar = new Map<string, Run>();
  for (const r of runs) {
    if (r.status !== 'definitief') continue;
    const huidig = perJaar.get(r.schooljaar);
    if (!huidig || r.id > huidig.id) perJaar.set(r.schooljaar, r);
  }
  const jaren = [...perJaar.values()].sort((a, b) => a.schooljaar.localeCompare(b.schooljaar));
  const begin = (r: Run) => Number(r.schooljaar.slice(0, 4));
  return jaren.slice(2).flatMap((_, i) => {
    const v = jaren.slice(i, i + 3);
    return begin(v[1]!) === begin(v[0]!) + 1 && begin(v[2]!) === begin(v[1]!) + 1 ? [v] : [];
  });
}

function standVan(c: { startpopulatie: number; vsv: number }, afgeschermd: ReadonlySet<string>, gemeente: string): Record<Tal, Stand> {
  const s = {} as Record<Tal, Stand>;
  for (const tal of TALLEN) {
    s[tal] = afgeschermd.has(`${GEVOUWEN_TEKEN}${gemeente}`) ? GEVOUWEN
      : afgeschermd.has(`${tal}:${gemeente}`) ? SECUNDAIR : isPrimair(c[tal]) ? PRIMAIR : ZICHTBAAR;
  }
  return s;
}

/** How a window's pattern is computed: here (the count, the tests), or in a thread (`inWerker`: a running server). */
export type Driejaarrekenaar = (jaren: readonly Jaarpublicatie[]) => Promise<Driejaarpatroon>;

export const hier: Driejaarrekenaar = async (jaren) => bepaalDriejaarpatroon(jaren, await highsOplosser());

/** In a worker thread, so that a running server keeps answering meanwhile (from TypeScript sources through tsx, as in development). */
export const inWerker: Driejaarrekenaar = (jaren) => new Promise((resolve, reject) => {
  const bron = import.meta.url.endsWith('.ts');
  const url = new URL(`./driejaarWerker.${bron ? 'ts' : 'js'}`, import.meta.url);
  // from the sources (development, tests), the thread first registers tsx as the parent did (its
  // ESM entry beside the CommonJS one that require resolves)
  const werker = bron
    ? new Worker(`import(${JSON.stringify(pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/esm/api')), 'index.mjs')).href)})`
      + `.then((t) => { t.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
    : new Worker(url);
  werker.unref();
  werker.once('message', (m: { patroon?: Driejaarpatroon; fout?: string }) => {
    void werker.terminate();
    if (m.patroon) resolve(m.patroon);
    else reject(new Error(m.fout));
  });
  werker.once('error', reject);
  werker.postMessage(jaren);
});

/**
 * The three-year figures of a window. `bewaar`: compute the pattern when none is kept for these
 * tables, and keep it. Without it (the public door of a running server) only a kept pattern is
 * used: null until then, so nothing is published before its pattern is checked.
 */
export async function driejaarpublicatieVan(
  db: Db, runs: readonly Run[], pubs: readonly Runpublicatie[], opties: { bewaar: false },
): Promise<Driejaarpublicatie | null>;
export async function driejaarpublicatieVan(
  db: Db, runs: readonly Run[], pubs: readonly Runpublicatie[], opties: { bewaar: true; rekenaar?: Driejaarrekenaar },
): Promise<Driejaarpublicatie>;
export async function driejaarpublicatieVan(
  db: Db, runs: readonly Run[], pubs: readonly Runpublicatie[], opties: { bewaar: boolean; rekenaar?: Driejaarrekenaar },
): Promise<Driejaarpublicatie | null> {
  const ids = runs.map((r) => r.id);
  const h = createHash('sha256').update(DRIEJAARVERSIE);
  for (const p of pubs) h.update(`\n${vingerafdruk(p.tabel)}`);
  const vinger = h.digest('hex');
  const jaren = pubs.map((p) => ({ tabel: p.tabel, stand: { startpopulatie: p.patroon.startpopulatie, vsv: p.patroon.vsv } }));

  let cijfers: readonly Driejaarcijfer[];
  let onbeschermd: readonly string[];
  let berekend = false;
  const bewaard = await leesDriejaarpatroon(db, ids);
  if (bewaard && bewaard.vingerafdruk === vinger) {
    // the sums follow from the runs' figures; only what is withheld was kept
    const afgeschermd = new Set(bewaard.afgeschermd);
    cijfers = [...driejaardelen(jaren)].map(([gemeente, delen]) => {
      const som = (tal: Tal) => delen.reduce((s, d, j) => s + jaren[j]!.tabel.cellen[d]![tal], 0);
      const c = { gemeente, startpopulatie: som('startpopulatie'), vsv: som('vsv') };
      return { ...c, stand: standVan(c, afgeschermd, gemeente) };
    });
    onbeschermd = bewaard.onbeschermd;
  } else if (!opties.bewaar) {
    return null;
  } else {
    const patroon = await (opties.rekenaar ?? hier)(jaren);
    berekend = true;
    cijfers = patroon.cijfers;
    onbeschermd = patroon.onbeschermd.map((o) => `${o.tal}:${o.cel.niveau}|${o.cel.gebied}|${o.cel.dimensie}|${o.cel.waarde}`);
    const afgeschermd = cijfers.flatMap((c) => (c.stand.vsv === GEVOUWEN ? [`${GEVOUWEN_TEKEN}${c.gemeente}`]
      : TALLEN.filter((tal) => c.stand[tal] === SECUNDAIR).map((tal) => `${tal}:${c.gemeente}`)));
    await bewaarDriejaarpatroon(db, ids, { vingerafdruk: vinger, afgeschermd, onbeschermd: [...onbeschermd], rondes: patroon.rondes });
  }
  return {
    runs,
    perGemeente: new Map(cijfers.map((c) => [c.gemeente, {
      startpopulatie: c.startpopulatie, vsv: c.vsv,
      afscherming: afschermingVanStand(c.stand),
    }])),
    onbeschermd,
    berekend,
  };
}

/** Computes and keeps the pattern of every window that has none for its current tables (after a count, at the server's start). */
export async function bewaarDriejaarpublicaties(db: Db, verloop: (melding: string) => void = () => {}, rekenaar: Driejaarrekenaar = hier): Promise<void> {
  // a run is in up to three windows: read and build its publication once
  const geladen = new Map<number, Runpublicatie>();
  const publicatie = async (runId: number) => {
    if (!geladen.has(runId)) geladen.set(runId, await publicatieVan(db, runId, { bewaar: true }));
    return geladen.get(runId)!;
  };
  for (const venster of vensters(await leesAlleRuns(db))) {
    const begin = performance.now();
    const pubs = [];
    for (const r of venster) pubs.push(await publicatie(r.id));
    const p = await driejaarpublicatieVan(db, venster, pubs, { bewaar: true, rekenaar });
    if (p.berekend) {
      verloop(`Driejaarscijfers ${venster[0]!.schooljaar} t/m ${venster[2]!.schooljaar} afgeschermd in ${((performance.now() - begin) / 1000).toFixed(1)} s`
        + (p.onbeschermd.length > 0 ? `; ${p.onbeschermd.length} waarden niet te beschermen` : ''));
    }
  }
}
