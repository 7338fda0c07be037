import { leeftijdOp, type Datum } from '../datum.js';
import { eigenaarVan, type Eigenaar } from './eigenaar.js';
import { DELEN, type Veldfout } from './gebeurtenis.js';

export { DELEN };

/**
 * The warm handover of a dossier (issue 9 item 4; docs/opvolging.md "Overdracht"). Pure.
 *
 * When the owner a month's lists give (eigenaar.ts) differs from the dossier's holder, the
 * dossier is not re-owned silently: a handover is proposed from the holder to the new owner.
 * The holder keeps the dossier until the receiver accepts; before that the receiver sees only
 * the request (name, date of birth, cause, dates), never the dossier nor what was passed on.
 *
 *   voorgesteld → verzonden (the sender chose the parts and gave a reason)
 *   verzonden   → aanvaard (the receiver becomes the holder) | geweigerd (with a reason)
 *   geweigerd   → verzonden (the sender resends)
 *   voorgesteld | verzonden | geweigerd → vervallen (a later month's lists change the target)
 */
export const OORZAKEN = ['verhuizing', 'meerderjarig'] as const;
export type Oorzaak = (typeof OORZAKEN)[number];

export const STATUSSEN = ['voorgesteld', 'verzonden', 'aanvaard', 'geweigerd', 'vervallen'] as const;
export type Overdrachtstatus = (typeof STATUSSEN)[number];
/** not yet decided: at most one per dossier (the holder still holds it) */
export const LOPENDE_STATUSSEN = ['voorgesteld', 'verzonden', 'geweigerd'] as const satisfies readonly Overdrachtstatus[];
export type LopendeStatus = (typeof LOPENDE_STATUSSEN)[number];

// What a sender may pass on is DELEN (gebeurtenis.ts); what is not passed on stays with the
// sender's record and is never shown to the receiver.

/** The part a recorded event belongs to: its kind, or `notitie:<doel>` for a note. */
export function deelVan(soort: string, gegevens: Readonly<Record<string, string>>): string {
  return soort === 'notitie' ? `notitie:${gegevens.doel ?? ''}` : soort;
}

const ONBEKEND = 'onbekend';
const gelijk = (a: Eigenaar, b: Eigenaar) => a.soort === b.soort && a.code === b.code;

/** The owner on a list's peildatum from the date of birth: 18 from the 18th birthday on (that day included). */
export function eigenaarOp(geboortedatum: Datum, peildatum: Datum, gemeenteCode: string, rmcCode: string): Eigenaar {
  return eigenaarVan(leeftijdOp(geboortedatum, peildatum), gemeenteCode, rmcCode);
}

/**
 * Why the owner changes: `meerderjarig` when a municipality (leerplicht) hands over to an RMC
 * region — the 18th birthday, also when the person moved in the same month (the receiver is
 * then the region of the new residence); every other change is a move (`verhuizing`).
 */
export function oorzaakVan(houder: Eigenaar, nieuw: Eigenaar): Oorzaak | null {
  if (gelijk(houder, nieuw)) return null;
  return houder.soort === 'gemeente' && nieuw.soort === 'rmc-regio' ? 'meerderjarig' : 'verhuizing';
}

export interface LopendeOverdracht { readonly id: string; readonly naar: Eigenaar; readonly status: LopendeStatus }

export type Overdrachtbesluit =
  /** nothing changes */
  | { readonly soort: 'geen' }
  /** nobody held the dossier (residence unknown): the known owner takes it, there is no sender to ask */
  | { readonly soort: 'overnemen'; readonly eigenaar: Eigenaar }
  /** propose a handover from the holder */
  | { readonly soort: 'voorstellen'; readonly naar: Eigenaar; readonly oorzaak: Oorzaak }
  /** a second move before acceptance: the pending handover lapses and a new one to the new owner is proposed */
  | { readonly soort: 'vervangen'; readonly vervalt: string; readonly naar: Eigenaar; readonly oorzaak: Oorzaak }
  /** back in the holder's area, or the dossier closed, before acceptance: the pending handover lapses */
  | { readonly soort: 'intrekken'; readonly vervalt: string };

/**
 * What a month's lists mean for a dossier's holder (`houder`), given the owner they give
 * (`nieuw`), whether the dossier is open after the month's opening/closing, and the pending
 * handover if any.
 * - A closed dossier (also one closing this month: back in education) is not handed over, and
 *   an undecided handover of it lapses; should the person drop out again, the lists of that
 *   month propose anew.
 * - An unknown new owner (residence `onbekend`) hands nothing over: the holder keeps the person.
 * - A second move before acceptance REPLACES the target: the pending handover lapses
 *   (`vervallen`, kept on record, the old receiver no longer sees it as open) and a fresh one
 *   is proposed, status `voorgesteld`: what the sender chose for one receiver is never sent on
 *   to another without the sender choosing again.
 * - The same target as the pending one changes nothing: the same month twice never proposes twice.
 */
export function bepaalOverdracht(v: { houder: Eigenaar; nieuw: Eigenaar; open: boolean; lopend: LopendeOverdracht | null }): Overdrachtbesluit {
  if (!v.open) return v.lopend ? { soort: 'intrekken', vervalt: v.lopend.id } : { soort: 'geen' };
  if (v.nieuw.code === ONBEKEND) return { soort: 'geen' };
  if (v.houder.code === ONBEKEND) return gelijk(v.houder, v.nieuw) ? { soort: 'geen' } : { soort: 'overnemen', eigenaar: v.nieuw };
  const oorzaak = oorzaakVan(v.houder, v.nieuw);
  if (oorzaak === null) return v.lopend ? { soort: 'intrekken', vervalt: v.lopend.id } : { soort: 'geen' };
  if (!v.lopend) return { soort: 'voorstellen', naar: v.nieuw, oorzaak };
  if (gelijk(v.lopend.naar, v.nieuw)) return { soort: 'geen' };
  return { soort: 'vervangen', vervalt: v.lopend.id, naar: v.nieuw, oorzaak };
}

/** Who may do what next, by status: the sender sends (again after a refusal), the receiver decides. */
export function magVerzenden(status: Overdrachtstatus): boolean {
  return status === 'voorgesteld' || status === 'geweigerd';
}
export function magBeslissen(status: Overdrachtstatus): boolean {
  return status === 'verzonden';
}

export const MAX_REDEN = 1000;

/** The sender's choice: parts from DELEN (none is allowed: then only the deliveries' timeline goes), and a reason, required. */
export function controleerVerzending(delen: readonly string[], reden: string): Veldfout[] {
  const fouten: Veldfout[] = [];
  delen.forEach((d, i) => {
    if (!DELEN.includes(d)) fouten.push({ naam: `delen[${i}]`, reden: `'${d}' is geen deel; kies uit ${DELEN.join(', ')}` });
    else if (delen.indexOf(d) !== i) fouten.push({ naam: `delen[${i}]`, reden: `'${d}' staat er twee keer in` });
  });
  fouten.push(...controleerReden('reden', reden));
  return fouten;
}

export function controleerReden(naam: string, reden: string): Veldfout[] {
  if (reden.trim() === '') return [{ naam, reden: 'is verplicht' }];
  if (reden.length > MAX_REDEN) return [{ naam, reden: `is langer dan ${MAX_REDEN} tekens` }];
  return [];
}

/**
 * Which recorded events the holder may see after handovers: an event recorded before an
 * accepted handover stays visible only if its part was passed on in that handover — and in
 * every later one (A → B → C: C sees of A's record only what A passed to B and B passed to C).
 * Events recorded after the last acceptance are the holder's own. `grens` is the id of the last
 * event recorded when the handover was accepted.
 */
export function zichtbaarNaOverdrachten<T extends { id: number; soort: string; gegevens: Readonly<Record<string, string>> }>(
  vastgelegd: readonly T[], aanvaard: readonly { grens: number; delen: readonly string[] }[],
): T[] {
  return vastgelegd.filter((e) => aanvaard.every((o) => e.id > o.grens || o.delen.includes(deelVan(e.soort, e.gegevens))));
}
