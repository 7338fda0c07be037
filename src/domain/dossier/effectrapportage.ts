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
  /** the dossier of every first contact dated in the year (one entry per event) */
  readonly eersteContacten: readonly string[];
  /** the dossier of every trajectory started in the year (one entry per event) */
  readonly trajecten: readonly string[];
  /** every intake in the year with the peildatum of its dossier period's list */
  readonly intakes: readonly { readonly dossierId: string; readonly lijstPeildatum: Datum; readonly datum: Datum }[];
  /** the latest outcome in the year of each dossier that has one */
  readonly uitkomsten: readonly { readonly dossierId: string; readonly categorie: string }[];
  /** the dossiers open at the end of the year */
  readonly open: readonly OpenDossier[];
}

export const RAPPORTTABELLEN = ['kerncijfers', 'wekenTotIntake', 'uitkomsten', 'oudVsvers'] as const;
export type Rapporttabel = (typeof RAPPORTTABELLEN)[number];

export interface Effectrapportage {
  readonly eersteContacten: number;
  readonly intakes: number;
  readonly trajecten: number;
  readonly wekenTotIntake: Readonly<Record<Intakegroep, number>>;
  readonly uitkomsten: Readonly<Record<string, number>>;
  readonly oudVsvers: Readonly<Record<string, number>>;
  /**
   * The dossiers behind each figure, per table and group (each dossier once, sorted): what a
   * user allowed to see them opens from the report (issue 9 item 5, "traceable"). A dossier with
   * two trajectories in the year counts twice and is listed once.
   */
  readonly dossiers: Readonly<Record<Rapporttabel, Readonly<Record<string, readonly string[]>>>>;
}

export function maakEffectrapportage(bron: Rapportbron, eindeJaar: Datum): Effectrapportage {
  const ids: Record<Rapporttabel, Record<string, Set<string>>> = { kerncijfers: {}, wekenTotIntake: {}, uitkomsten: {}, oudVsvers: {} };
  const noteer = (tabel: Rapporttabel, groep: string, dossierId: string) => (ids[tabel][groep] ??= new Set()).add(dossierId);
  for (const d of bron.eersteContacten) noteer('kerncijfers', 'eerste-contacten', d);
  for (const i of bron.intakes) noteer('kerncijfers', 'intakes', i.dossierId);
  for (const d of bron.trajecten) noteer('kerncijfers', 'trajecten', d);
  const weken = Object.fromEntries(INTAKEGROEPEN.map((g) => [g, 0])) as Record<Intakegroep, number>;
  for (const i of bron.intakes) {
    const g = intakegroep(i.lijstPeildatum, i.datum);
    weken[g] += 1;
    noteer('wekenTotIntake', g, i.dossierId);
  }
  const uitkomsten: Record<string, number> = Object.fromEntries(UITKOMSTEN.map((u) => [u, 0]));
  for (const u of bron.uitkomsten) {
    if (!(u.categorie in uitkomsten)) throw new Error(`onbekende uitkomst '${u.categorie}'`);
    uitkomsten[u.categorie]! += 1;
    noteer('uitkomsten', u.categorie, u.dossierId);
  }
  const oud: Record<string, number> = Object.fromEntries(JAREN_UIT_GROEPEN.map((g) => [g, 0]));
  for (const d of bron.open) {
    const g = jarenUitGroep(d, eindeJaar);
    if (!g) continue;
    oud[g]! += 1;
    noteer('oudVsvers', g, d.dossierId);
  }
  const dossiers = Object.fromEntries(RAPPORTTABELLEN.map((t) => [t, Object.fromEntries(Object.entries(ids[t]).map(([g, s]) => [g, [...s].sort()]))])) as
    Record<Rapporttabel, Record<string, string[]>>;
  return {
    eersteContacten: bron.eersteContacten.length, intakes: bron.intakes.length, trajecten: bron.trajecten.length,
    wekenTotIntake: weken, uitkomsten, oudVsvers: oud, dossiers,
  };
}
