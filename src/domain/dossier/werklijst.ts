import { leeftijdOp, type Datum } from '../datum.js';

/**
 * The officer's worklist (issue 9 item 3; opvolging.md "Case work" and "Periodic contact").
 * Pure: from the open dossiers of a scope on a date, what needs doing and by whom.
 * docs/opvolging.md, "Werklijst".
 *
 * - nieuwe naam: an open dossier nobody has recorded anything in yet (no behandelaar);
 * - contact te doen: the next-contact date is on or before the date;
 * - intake te laat: no intake since the dossier (re)opened, 4 weeks (28 days) or more after the
 *   list it came from, in the effect report's groups: `4-6-weken` up to day 42, `meer-dan-6-weken`
 *   from day 43 (the group an intake done today would land in: effectrapportage.ts);
 * - periodiek contact: an oud-vsv'er, out of education for a year or more (since the end of the
 *   last enrolment), not contacted (attempt, first contact or intake) within the region's
 *   interval; grouped by whole years out: 1–2, 2–3, 3–4, 4 or more.
 */
export const INTAKE_VIER_WEKEN = 28;
export const INTAKE_ZES_WEKEN = 42;
export const STANDAARD_CONTACTINTERVAL_MAANDEN = 6;
export const JAREN_UIT_GROEPEN = ['1-2', '2-3', '3-4', '4+'] as const;
export type JarenUitGroep = (typeof JAREN_UIT_GROEPEN)[number];

export interface OpenDossier {
  readonly dossierId: string;
  /** the peildatum of the list the dossier (re)opened from */
  readonly geopendOp: Datum;
  readonly behandelaarId: string | null;
  readonly behandelaarNaam: string | null;
  readonly volgendContact: Datum | null;
  /** the first intake since geopendOp */
  readonly intake: Datum | null;
  readonly laatsteContact: Datum | null;
  /** the end of the last enrolment */
  readonly uitOnderwijsSinds: Datum | null;
}

export type Intakestand = 'op-tijd' | '4-6-weken' | 'meer-dan-6-weken';

export function dagenTussen(van: Datum, tot: Datum): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}

/** Adds whole months (the day kept, or the month's last day when it has fewer). */
export function plusMaanden(d: Datum, maanden: number): Datum {
  const [j, m, dag] = d.split('-').map(Number) as [number, number, number];
  const totaal = j * 12 + (m - 1) + maanden;
  const jaar = Math.floor(totaal / 12);
  const maand = (totaal % 12) + 1;
  const laatste = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(Math.min(dag, laatste)).padStart(2, '0')}`;
}

export function intakestand(d: OpenDossier, peildatum: Datum): Intakestand {
  if (d.intake !== null) return 'op-tijd';
  const dagen = dagenTussen(d.geopendOp, peildatum);
  if (dagen > INTAKE_ZES_WEKEN) return 'meer-dan-6-weken';
  if (dagen >= INTAKE_VIER_WEKEN) return '4-6-weken';
  return 'op-tijd';
}

/** Whole years out of education on the date, as a group; null under one year or unknown. */
export function jarenUitGroep(d: OpenDossier, peildatum: Datum): JarenUitGroep | null {
  if (d.uitOnderwijsSinds === null || d.uitOnderwijsSinds > peildatum) return null;
  const jaren = leeftijdOp(d.uitOnderwijsSinds, peildatum);
  if (jaren < 1) return null;
  return jaren >= 4 ? '4+' : JAREN_UIT_GROEPEN[jaren - 1]!;
}

export function periodiekContactNodig(d: OpenDossier, peildatum: Datum, intervalMaanden: number): boolean {
  if (jarenUitGroep(d, peildatum) === null) return false;
  return d.laatsteContact === null || plusMaanden(d.laatsteContact, intervalMaanden) <= peildatum;
}

export interface Werkpunt {
  readonly dossierId: string;
  readonly nieuw: boolean;
  readonly contactTeDoen: boolean;
  readonly intake: Intakestand;
  readonly periodiek: JarenUitGroep | null;
}

export function werkpunt(d: OpenDossier, peildatum: Datum, intervalMaanden: number): Werkpunt {
  return {
    dossierId: d.dossierId,
    nieuw: d.behandelaarId === null,
    contactTeDoen: d.volgendContact !== null && d.volgendContact <= peildatum,
    intake: intakestand(d, peildatum),
    periodiek: periodiekContactNodig(d, peildatum, intervalMaanden) ? jarenUitGroep(d, peildatum) : null,
  };
}

export interface OpenWerk {
  readonly behandelaar: string;
  readonly open: number;
  readonly nieuw: number;
  readonly contactenTeDoen: number;
  readonly intakesTeLaat: number;
  readonly periodiekContact: number;
}

const NIEMAND = 'niet toegewezen';

/** Open work per behandelaar (unassigned as "niet toegewezen"), sorted by name, and the scope's total. */
export function openWerk(dossiers: readonly OpenDossier[], peildatum: Datum, intervalMaanden: number): { perBehandelaar: OpenWerk[]; totaal: OpenWerk } {
  const per = new Map<string, { open: number; nieuw: number; contactenTeDoen: number; intakesTeLaat: number; periodiekContact: number }>();
  const totaal = { open: 0, nieuw: 0, contactenTeDoen: 0, intakesTeLaat: 0, periodiekContact: 0 };
  for (const d of dossiers) {
    const w = werkpunt(d, peildatum, intervalMaanden);
    const naam = d.behandelaarNaam ?? NIEMAND;
    const t = per.get(naam) ?? { open: 0, nieuw: 0, contactenTeDoen: 0, intakesTeLaat: 0, periodiekContact: 0 };
    for (const x of [t, totaal]) {
      x.open += 1;
      if (w.nieuw) x.nieuw += 1;
      if (w.contactTeDoen) x.contactenTeDoen += 1;
      if (w.intake !== 'op-tijd') x.intakesTeLaat += 1;
      if (w.periodiek) x.periodiekContact += 1;
    }
    per.set(naam, t);
  }
  const perBehandelaar = [...per.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([behandelaar, t]) => ({ behandelaar, ...t }));
  return { perBehandelaar, totaal: { behandelaar: 'totaal', ...totaal } };
}
