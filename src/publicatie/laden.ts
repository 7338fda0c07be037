import { createHash } from 'node:crypto';
import { leesAlleVestigingen, leesIndeling, leesRuncijfers } from '../db/cijfers.js';
import type { Db } from '../db/database.js';
import { bewaarPatroon, leesPatroon } from '../db/publicatie.js';
import { leesAlleRuns, leesRun } from '../db/tellingen.js';
import { bepaalPatroon, GEVOUWEN, isPrimair, PRIMAIR, SECUNDAIR, ZICHTBAAR, type Patroon } from '../domain/openbaarmaking/patroon.js';
import { bouwTabel, celsleutel, TALLEN, type Opbouw, type Publicatietabel, type Tal } from '../domain/openbaarmaking/tabel.js';
import { highsOplosser } from './highs.js';
import { maakRunpublicatie, type Runpublicatie } from './publicatie.js';

/**
 * The publication of a count run, from its stored pattern when there is one for exactly this
 * publication table, else computed (and kept, when `bewaar`: the count and the server's start
 * do that; the public door of a running server may only read).
 */
/** Raise when the pattern's algorithm changes: every stored pattern is then computed anew. */
export const PATROONVERSIE = '4';

/** A folded cell ("niet uitgesplitst") is kept among the withheld ones with this mark before its key. */
export const GEVOUWEN_TEKEN = '~';

export async function opbouwVan(db: Db, runId: number): Promise<Opbouw> {
  const run = await leesRun(db, runId);
  if (!run) throw new Error(`telling ${runId} bestaat niet`);
  const [rijen, indeling, vestigingen] = await Promise.all([leesRuncijfers(db, runId), leesIndeling(db, run.schooljaar), leesAlleVestigingen(db)]);
  const perBrin = new Map<string, string[]>();
  for (const v of vestigingen) {
    const l = perBrin.get(v.brin);
    if (l) l.push(v.vestiging);
    else perBrin.set(v.brin, [v.vestiging]);
  }
  return { rijen, gemeenteNaarRmc: new Map(indeling.map((g) => [g.gemeente_code, g.rmc_code])), vestigingen: perBrin };
}

/** SHA-256 of the algorithm version, every cell (key and both counts) and every relation. */
export function vingerafdruk(tabel: Publicatietabel): string {
  const h = createHash('sha256').update(PATROONVERSIE);
  for (const c of tabel.cellen) h.update(`\n${celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde)}:${c.startpopulatie}:${c.vsv}`);
  for (const tal of TALLEN) for (const r of tabel.relaties[tal]) h.update(`\n${tal}:${r.geheel}=${r.delen.join('+')}`);
  return h.digest('hex');
}

const sleutelVan = (tabel: Publicatietabel, cel: number) => {
  const c = tabel.cellen[cel]!;
  return celsleutel(c.niveau, c.gebied, c.dimensie, c.waarde);
};

function uitBewaard(tabel: Publicatietabel, secundair: Record<Tal, string[]>, onbeschermd: string[], rondes: number): Patroon {
  const index = new Map(tabel.cellen.map((_, i) => [sleutelVan(tabel, i), i]));
  const stand = (tal: Tal) => {
    const s = Uint8Array.from(tabel.cellen, (c) => (isPrimair(c[tal]) ? PRIMAIR : ZICHTBAAR));
    for (const k of secundair[tal]) {
      if (k.startsWith(GEVOUWEN_TEKEN)) s[index.get(k.slice(GEVOUWEN_TEKEN.length))!] = GEVOUWEN;
      else s[index.get(k)!] = SECUNDAIR;
    }
    return s;
  };
  return {
    startpopulatie: stand('startpopulatie'), vsv: stand('vsv'), rondes, programmas: { globaal: 0, lokaal: 0, exact: 0 },
    onbeschermd: onbeschermd.map((o) => {
      const [tal, ...rest] = o.split(':');
      return { tal: tal as Tal, cel: index.get(rest.join(':'))! };
    }),
  };
}

export async function publicatieVan(db: Db, runId: number, opties: { bewaar: boolean; verloop?: (melding: string) => void }): Promise<Runpublicatie> {
  const opbouw = await opbouwVan(db, runId);
  const tabel = bouwTabel(opbouw);
  const vinger = vingerafdruk(tabel);
  const bewaard = await leesPatroon(db, runId);
  if (bewaard && bewaard.vingerafdruk === vinger) {
    return maakRunpublicatie(runId, opbouw, tabel, uitBewaard(tabel, bewaard.secundair, bewaard.onbeschermd, bewaard.rondes));
  }
  const patroon = bepaalPatroon(tabel, await highsOplosser(), opties.verloop);
  if (opties.bewaar) {
    const secundair = (tal: Tal) => [...patroon[tal]].flatMap((s, i) => (s === SECUNDAIR ? [sleutelVan(tabel, i)]
      : s === GEVOUWEN ? [`${GEVOUWEN_TEKEN}${sleutelVan(tabel, i)}`] : []));
    await bewaarPatroon(db, runId, {
      vingerafdruk: vinger, secundair: { startpopulatie: secundair('startpopulatie'), vsv: secundair('vsv') },
      onbeschermd: patroon.onbeschermd.map((o) => `${o.tal}:${sleutelVan(tabel, o.cel)}`), rondes: patroon.rondes,
    });
  }
  return maakRunpublicatie(runId, opbouw, tabel, patroon);
}

/** Computes and keeps the pattern of every run that has none for its current table (after a count, at the server's start). */
export async function bewaarPublicaties(db: Db, verloop: (melding: string) => void = () => {}): Promise<void> {
  for (const run of await leesAlleRuns(db)) {
    const begin = performance.now();
    const p = await publicatieVan(db, run.id, { bewaar: true });
    if (p.patroon.programmas.globaal + p.patroon.programmas.exact > 0) {
      verloop(`Afschermingspatroon van telling ${run.id} (${run.schooljaar}, ${run.status}) berekend in ${((performance.now() - begin) / 1000).toFixed(1)} s`
        + (p.patroon.onbeschermd.length > 0 ? `; ${p.patroon.onbeschermd.length} waarden niet te beschermen` : ''));
    }
  }
}
