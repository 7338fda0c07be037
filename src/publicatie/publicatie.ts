import type { Celafscherming } from '../domain/openbaarmaking.js';
import type { Lpoplosser } from '../domain/openbaarmaking/intervallen.js';
import { bepaalPatroon, GEVOUWEN, SECUNDAIR, type Patroon } from '../domain/openbaarmaking/patroon.js';
import { bouwTabel, celsleutel, GEMEENTE_UITSPLITSINGEN, UITSPLITSINGEN, VASTE_WAARDEN, type Opbouw, type Publicatietabel, type Tal } from '../domain/openbaarmaking/tabel.js';
import type { Niveau } from '../domain/telling/cijfers.js';

/**
 * The publication of one stored run: its publication table, the one suppression pattern over
 * it, and the stored figures annotated with what the pattern withholds. Every answer of the
 * API (JSON and CSV, every endpoint) reads its figures from here, so a cell is withheld alike
 * wherever it appears, and no combination of answers gives it back.
 */
export interface GepubliceerdeRij {
  run_id: number;
  niveau: Niveau;
  gebied: string;
  dimensie: string;
  waarde: string;
  startpopulatie: number;
  vsv: number;
  /** which counts are withheld on top of DUO's rule (secondary suppression) */
  afscherming: Celafscherming;
}

export interface Runpublicatie {
  readonly runId: number;
  readonly tabel: Publicatietabel;
  readonly patroon: Patroon;
  /** stored figures per `niveau|gebied` */
  readonly perGebied: ReadonlyMap<string, readonly GepubliceerdeRij[]>;
}

/** What a pattern withholds of cell `i` on top of DUO's rule: secondary, or the whole cell folded ("niet uitgesplitst"). */
const NIET_UITGESPLITST: Celafscherming = { startpopulatie: true, vsv: true, gevouwen: true };

export function afschermingVan(patroon: Pick<Patroon, 'startpopulatie' | 'vsv'>, i: number): Celafscherming {
  return afschermingVanStand({ startpopulatie: patroon.startpopulatie[i]!, vsv: patroon.vsv[i]! });
}

/** The same for one cell's stand of each count (a three-year figure: src/publicatie/driejaar.ts). */
export function afschermingVanStand(stand: Record<Tal, number>): Celafscherming {
  if (stand.startpopulatie === GEVOUWEN || stand.vsv === GEVOUWEN) return { startpopulatie: true, vsv: true, gevouwen: true };
  return { startpopulatie: stand.startpopulatie === SECUNDAIR, vsv: stand.vsv === SECUNDAIR };
}

export function maakRunpublicatie(runId: number, opbouw: Opbouw, tabel: Publicatietabel, patroon: Patroon): Runpublicatie {
  const inTabel = new Map(tabel.cellen.map((c, i) => [celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde), i]));
  const perGebied = new Map<string, GepubliceerdeRij[]>();
  // Cells the table adds (a fixed value nobody falls in) are 0 and never withheld; the answers
  // list them from the fixed values, as before. A stored figure the table leaves out (a
  // municipality's breakdown: GEMEENTE_UITSPLITSINGEN) is not published: folded.
  for (const r of opbouw.rijen) {
    if (r.dimensie === 'reden') continue;
    const i = inTabel.get(celsleutel(r.niveau, r.gebied, r.dimensie, r.waarde));
    const rij: GepubliceerdeRij = {
      run_id: runId, niveau: r.niveau, gebied: r.gebied, dimensie: r.dimensie, waarde: r.waarde,
      startpopulatie: r.startpopulatie, vsv: r.vsv,
      afscherming: i === undefined ? NIET_UITGESPLITST : afschermingVan(patroon, i),
    };
    const k = `${r.niveau}|${r.gebied}`;
    const l = perGebied.get(k);
    if (l) l.push(rij);
    else perGebied.set(k, [rij]);
  }
  // A municipality's breakdown is not published at all: also its values nobody falls in say
  // "niet uitgesplitst", not 0 (a published 0 would be knowledge the transport argument of
  // GEMEENTE_UITSPLITSINGEN does not allow for).
  for (const c of tabel.cellen) {
    if (c.niveau !== 'gemeente' || c.dimensie !== 'totaal') continue;
    const k = `${c.niveau}|${c.gebied}`;
    const l = perGebied.get(k) ?? [];
    perGebied.set(k, l);
    for (const d of UITSPLITSINGEN) {
      if (GEMEENTE_UITSPLITSINGEN.includes(d)) continue;
      for (const waarde of VASTE_WAARDEN[d]) {
        if (l.some((r) => r.dimensie === d && r.waarde === waarde)) continue;
        l.push({ run_id: runId, niveau: c.niveau, gebied: c.gebied, dimensie: d, waarde, startpopulatie: 0, vsv: 0, afscherming: NIET_UITGESPLITST });
      }
    }
  }
  return { runId, tabel, patroon, perGebied };
}

/** The published figures of some areas (null: every area of the level) of one level, in some runs. */
export function leesGepubliceerd(
  publicaties: readonly Runpublicatie[], niveau: Niveau, gebieden: readonly string[] | null, dimensies: readonly string[],
): GepubliceerdeRij[] {
  const uit: GepubliceerdeRij[] = [];
  for (const p of publicaties) {
    const lijsten = gebieden === null
      ? [...p.perGebied.entries()].filter(([k]) => k.startsWith(`${niveau}|`)).map(([, l]) => l)
      : gebieden.map((g) => p.perGebied.get(`${niveau}|${g}`) ?? []);
    for (const l of lijsten) for (const r of l) if (dimensies.includes(r.dimensie)) uit.push(r);
  }
  return uit;
}

/** Reads published figures: what the answers are assembled from (`Gegevens.gepubliceerd`). */
export type Lezer = (runIds: readonly number[], niveau: Niveau, gebieden: readonly string[] | null, dimensies: readonly string[]) => Promise<GepubliceerdeRij[]>;

/** Builds the table of a run and computes its pattern (nothing read or kept: see laden.ts for that). */
export function berekenRunpublicatie(runId: number, opbouw: Opbouw, oplosser: Lpoplosser, verloop?: (melding: string) => void): Runpublicatie {
  const tabel = bouwTabel(opbouw);
  return maakRunpublicatie(runId, opbouw, tabel, bepaalPatroon(tabel, oplosser, verloop));
}
