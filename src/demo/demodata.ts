import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db/database.js';
import { isLeeg, leesLeveringsnamen } from '../db/leveringen.js';
import { leesAlleRuns } from '../db/tellingen.js';
import { schooljaarVanaf } from '../domain/schooljaar.js';
import { genereer } from '../generator/genereer.js';
import { importeerLevering } from '../importeren/importeer.js';
import { voerTellingUit } from '../telling/voerTellingUit.js';
import { bewaarPublicaties } from '../publicatie/laden.js';
import type { Run } from '../db/tellingen.js';
import { maakDemodossiers } from './dossiers.js';
import { maakDemoverzuim } from './verzuim.js';
import { publiceerVerzuimcijfers } from '../verzuim/publiceren.js';

/**
 * First start: an empty database gets the synthetic national dataset (src/generator) at a
 * chosen scale, imported and counted for every school year, so that a newcomer sees figures
 * at once. The delivery is written to a temporary folder and removed afterwards.
 *
 * Default scale 0.1 (a tenth of the country, about 135,000 pupils per school year): the whole
 * country takes about a quarter of an hour on the embedded database of a 2-core machine
 * (33 million rows to import, eight counts; see the benchmark), a tenth takes about two
 * minutes and keeps every region, municipality and school in the figures.
 */
export type Voortgang = (melding: string) => void;

export const DEMO_SCHAAL_STANDAARD = 0.1;
/**
 * Name of the demo delivery (its folder name, stored as levering.naam). A run that rests on a
 * delivery of this name shows synthetic figures, and the API and web app say so
 * (`telling.synthetisch`, src/server/runs.ts).
 */
export const DEMO_LEVERING = 'synthetische-demodata';

/** The delivery's name carries the scale, so pages can say it (and scale the national target): `synthetische-demodata-schaal-0.1`. */
const SCHAAL_VOORVOEGSEL = `${DEMO_LEVERING}-schaal-`;

export function demoLeveringsnaam(schaal: number): string {
  return `${SCHAAL_VOORVOEGSEL}${schaal}`;
}

/** Whether a delivery is the generated demo data, and at which scale (null: not recorded, as in older databases). */
export function demoLevering(naam: string): { schaal: number | null } | null {
  if (naam === DEMO_LEVERING) return { schaal: null };
  if (!naam.startsWith(SCHAAL_VOORVOEGSEL)) return null;
  const tekst = naam.slice(SCHAAL_VOORVOEGSEL.length);
  return /^\d*\.?\d+(?:e-?\d+)?$/.test(tekst) ? { schaal: Number(tekst) } : null;
}

/** School years of the demo data: the published series from 2016-2017 to 2023-2024. */
export const DEMO_JAREN = { van: 2016, tot: 2023 } as const;

export interface Demo {
  readonly schaal: number;
  readonly van: number;
  readonly tot: number;
  readonly zaad: number;
}

export async function zorgVoorDemodata(db: Db, voortgang: Voortgang, demo: Partial<Demo> = {}): Promise<boolean> {
  if (!(await isLeeg(db))) return false;
  const d: Demo = { schaal: DEMO_SCHAAL_STANDAARD, zaad: 1, ...DEMO_JAREN, ...demo };
  const begin = performance.now();
  const sinds = () => `${((performance.now() - begin) / 1000).toFixed(0)} s`;
  voortgang(`Lege database: demodata maken (synthetisch, schaal ${d.schaal}, schooljaren ${schooljaarVanaf(d.van).naam} tot en met ${schooljaarVanaf(d.tot).naam}); dit gebeurt één keer.`);
  const map = await mkdtemp(join(tmpdir(), 'binnenboord-demo-'));
  try {
    const levering = join(map, demoLeveringsnaam(d.schaal));
    const verslag = await genereer({ uitvoer: levering, schaal: d.schaal, zaad: d.zaad, van: d.van, tot: d.tot, voortgang });
    voortgang(`[${sinds()}] ${verslag.personen.toLocaleString('nl-NL')} personen gegenereerd; inlezen …`);
    const ingelezen = await importeerLevering(db, levering, { voortgang: (m) => voortgang(`[${sinds()}] ${m}`) });
    let laatste: Run | null = null;
    if (ingelezen.aantalAfwijzingen > 0) voortgang(`Let op: ${ingelezen.aantalAfwijzingen} rijen afgewezen (binnenboord afgewezen toont ze).`);
    for (let jaar = d.van; jaar <= d.tot; jaar += 1) {
      // The latest school year is provisional, as it is in the published series at first.
      const status = jaar === d.tot ? 'voorlopig' : 'definitief';
      voortgang(`[${sinds()}] telling ${schooljaarVanaf(jaar).naam} (${status}) …`);
      laatste = await voerTellingUit(db, schooljaarVanaf(jaar), { status, werkurenDrempel: 12 });
    }
    if (laatste) {
      voortgang(`[${sinds()}] verzuimmeldingen van ${schooljaarVanaf(d.tot).naam} …`);
      const v = await maakDemoverzuim(db, laatste.id, d.tot, d.zaad, new Date().toISOString().slice(0, 10));
      voortgang(`[${sinds()}] ${v.gemeld.toLocaleString('nl-NL')} verzuimmeldingen gedaan, ${v.behandeld} behandeld door de demo-accounts`
        + (v.geweigerd.length > 0 ? `; ${v.geweigerd.length} geweigerd, bijvoorbeeld: ${v.geweigerd.slice(0, 3).join(' | ')}` : ''));
      // the public absence figures of that school year (the server recomputes them daily after this)
      const p = await publiceerVerzuimcijfers(db, schooljaarVanaf(d.tot).naam);
      voortgang(`[${sinds()}] openbare verzuimcijfers van ${schooljaarVanaf(d.tot).naam} berekend (${p.rijen} cijfers)`);
      voortgang(`[${sinds()}] maandlijsten en dossiers van ${schooljaarVanaf(d.tot).naam} …`);
      const w = await maakDemodossiers(db, d.tot, d.zaad, new Date().toISOString().slice(0, 10));
      voortgang(`[${sinds()}] ${w.maanden} maanden lijsten; ${w.dossiers} dossiers van de demo-accounts met ${w.gebeurtenissen} gebeurtenissen; `
        + `${w.overdrachten.verzonden} overdrachten van leerplicht naar RMC verzonden, ${w.overdrachten.aanvaard} aanvaard`);
    }
    await bewaarPublicaties(db, (m) => voortgang(`[${sinds()}] ${m}`));
    voortgang(`[${sinds()}] demodata klaar.`);
  } finally {
    await rm(map, { recursive: true, force: true });
  }
  return true;
}

/**
 * The demo world's "today": the day after its last count period (1 October after its last
 * counted school year), when every delivery in the database is generated demo data; null
 * otherwise. The demo world stands still there: retention and the worklist's default day are
 * reckoned from it, so that a demo made of 2016-2024 does not expire on the first start in 2026
 * (docs/toegang.md, "Retention"). Synthetic data is no personal data; a database with any real
 * delivery always uses the real date.
 */
export async function demoklok(db: Db): Promise<string | null> {
  const namen = await leesLeveringsnamen(db);
  if (namen.length === 0 || !namen.every((n) => demoLevering(n) !== null)) return null;
  const runs = await leesAlleRuns(db);
  const laatste = runs.at(-1);
  return laatste ? `${Number(laatste.schooljaar.slice(5, 9))}-10-01` : null;
}
