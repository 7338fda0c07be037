import { leesLeveringskoppen, type Leveringskop } from '../db/cijfers.js';
import { leesAlleRuns, type Run } from '../db/tellingen.js';
import type { Db } from '../db/database.js';
import { demoLevering } from '../demo/demodata.js';
import type { Status } from '../domain/telling/uitsluitingen.js';
import { nietGevonden } from './problems.js';

/**
 * Which stored run a figure comes from. A school year can have several runs (recounts,
 * provisional and definitive); what is shown is, per school year, the latest definitive
 * run, or the latest provisional one while there is no definitive run yet, unless the
 * caller asks for a status.
 */
export interface Runcatalogus {
  runs: Run[];
  leveringen: Map<number, Leveringskop>;
}

export async function laadCatalogus(db: Db): Promise<Runcatalogus> {
  const [runs, leveringen] = await Promise.all([leesAlleRuns(db), leesLeveringskoppen(db)]);
  return { runs, leveringen: new Map(leveringen.map((l) => [l.id, l])) };
}

function voorkeur(a: Run, b: Run, status?: Status): Run {
  if (!status && a.status !== b.status) return a.status === 'definitief' ? a : b;
  return a.id > b.id ? a : b;
}

/** The run shown for every school year, oldest school year first. */
export function runsPerJaar(cat: Runcatalogus, status?: Status): Run[] {
  const perJaar = new Map<string, Run>();
  for (const r of cat.runs) {
    if (status && r.status !== status) continue;
    const huidig = perJaar.get(r.schooljaar);
    perJaar.set(r.schooljaar, huidig ? voorkeur(huidig, r, status) : r);
  }
  return [...perJaar.values()].sort((a, b) => a.schooljaar.localeCompare(b.schooljaar));
}

export function kiesRun(cat: Runcatalogus, vraag: { schooljaar?: string; status?: Status }): Run {
  const kandidaten = runsPerJaar(cat, vraag.status);
  const run = vraag.schooljaar ? kandidaten.find((r) => r.schooljaar === vraag.schooljaar) : kandidaten.at(-1);
  if (!run) {
    const wat = `${vraag.status ? `${vraag.status}e ` : ''}telling${vraag.schooljaar ? ` van schooljaar ${vraag.schooljaar}` : ''}`;
    throw nietGevonden(`Er is nog geen ${wat} opgeslagen.`);
  }
  return run;
}

export function vorigeRun(cat: Runcatalogus, run: Run, status?: Status): Run | null {
  const jaren = runsPerJaar(cat, status);
  const i = jaren.findIndex((r) => r.schooljaar === run.schooljaar);
  return i > 0 ? jaren[i - 1]! : null;
}

export interface TellingInfo {
  runId: number;
  schooljaar: string;
  status: Status;
  definitieversie: string;
  berekendOp: string;
  leveringen: { id: number; naam: string; ontvangenOp: string }[];
  /** true when a delivery of the run is the generated demo data (src/demo), so its figures are not real */
  synthetisch: boolean;
  /** scale of the synthetic data (1 = the whole country), when known */
  schaal: number | null;
}

export function tellingInfo(cat: Runcatalogus, run: Run): TellingInfo {
  const leveringen = run.leveringen.map((id) => {
    const l = cat.leveringen.get(id);
    return { id, naam: l?.naam ?? '', ontvangenOp: l?.ontvangen_op ?? '' };
  });
  const demo = leveringen.map((l) => demoLevering(l.naam)).find((d) => d !== null) ?? undefined;
  return {
    runId: run.id,
    schooljaar: run.schooljaar,
    status: run.status,
    definitieversie: run.definitieversie,
    berekendOp: run.gereed_op,
    leveringen,
    synthetisch: demo !== undefined,
    schaal: demo?.schaal ?? null,
  };
}
