import type { Datum } from '../datum.js';
import { UITKOMSTEN } from './gebeurtenis.js';
import { dagenTussen, INTAKE_VIER_WEKEN, INTAKE_ZES_WEKEN, JAREN_UIT_GROEPEN, jarenUitGroep, type OpenDossier } from './werklijst.js';

/**
 * The tables of the RMC annual effect report (opvolging.md "Case work"; issue 9 item 5) for a
 * region and a school year (1 October T to 30 September T+1), from its dossiers. Pure; the
 * database hands over what was recorded. docs/opvolging.md, "Effectrapportage".
 *
 * - eerste contacten, intakes, trajecten: the events of that kind dated in the year;
 * - weken tot intake: per intake in the year, days from the peildatum of the list the dossier's
 *   period opened with: under 4 weeks (< 28 days), 4–6 weeks (28–42), over 6 weeks (> 42);
 * - uitkomsten: per dossier its latest outcome dated in the year, per category;
 * - oud-vsv'ers: the dossiers open at the end of the year, by whole years out of education.
 */
export const INTAKEGROEPEN = ['onder-4-weken', '4-6-weken', 'meer-dan-6-weken'] as const;
export type Intakegroep = (typeof INTAKEGROEPEN)[number];

export function intakegroep(lijstPeildatum: Datum, intake: Datum): Intakegroep {
  const dagen = dagenTussen(lijstPeildatum, intake);
  if (dagen < INTAKE_VIER_WEKEN) return 'onder-4-weken';
  return dagen <= INTAKE_ZES_WEKEN ? '4-6-weken' : 'meer-dan-6-weken';
}

export interface Rapportbron {
  readonly eersteContacten: number;
  readonly trajecten: number;
  /** every intake in the year with the peildatum of its dossier period's list */
  readonly intakes: readonly { readonly lijstPeildatum: Datum; readonly datum: Datum }[];
  /** the latest outcome in the year of each dossier that has one */
  readonly uitkomsten: readonly string[];
  /** the dossiers open at the end of the year */
  readonly open: readonly OpenDossier[];
}

export interface Effectrapportage {
  readonly eersteContacten: number;
  readonly intakes: number;
  readonly trajecten: number;
  readonly wekenTotIntake: Readonly<Record<Intakegroep, number>>;
  readonly uitkomsten: Readonly<Record<string, number>>;
  readonly oudVsvers: Readonly<Record<string, number>>;
}

export function maakEffectrapportage(bron: Rapportbron, eindeJaar: Datum): Effectrapportage {
  const weken = Object.fromEntries(INTAKEGROEPEN.map((g) => [g, 0])) as Record<Intakegroep, number>;
  for (const i of bron.intakes) weken[intakegroep(i.lijstPeildatum, i.datum)] += 1;
  const uitkomsten: Record<string, number> = Object.fromEntries(UITKOMSTEN.map((u) => [u, 0]));
  for (const u of bron.uitkomsten) {
    if (!(u in uitkomsten)) throw new Error(`onbekende uitkomst '${u}'`);
    uitkomsten[u]! += 1;
  }
  const oud: Record<string, number> = Object.fromEntries(JAREN_UIT_GROEPEN.map((g) => [g, 0]));
  for (const d of bron.open) {
    const g = jarenUitGroep(d, eindeJaar);
    if (g) oud[g]! += 1;
  }
  return { eersteContacten: bron.eersteContacten, intakes: bron.intakes.length, trajecten: bron.trajecten, wekenTotIntake: weken, uitkomsten, oudVsvers: oud };
}
