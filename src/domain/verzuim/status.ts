import { isGeldigeDatum, type Datum } from '../datum.js';

/**
 * The handling of a report by the municipality (docs/rules/verzuim-afhandeling.md): statuses,
 * closing with a reason and remark, actions with date and officer, and what the reporting
 * school may see of it.
 */
export const MELDINGSTATUSSEN = ['in-behandeling', 'afgesloten', 'ter-kennisneming-aangenomen'] as const;
export type Meldingstatus = (typeof MELDINGSTATUSSEN)[number];

export const AFSLUITREDENEN = [
  'terug-naar-school', 'uitgeschreven-andere-opleiding', 'uitgeschreven-werk', 'uitgeschreven-overig',
  'overleden', 'geen-verzuim-langdurig-ziek', 'geen-verzuim-geoorloofd-afwezig',
] as const;
export type Afsluitreden = (typeof AFSLUITREDENEN)[number];

export const ACTIESOORTEN = ['gesprek-leerling-en-ouders', 'waarschuwing', 'halt', 'proces-verbaal', 'verwijzing-zorg'] as const;
export type Actiesoort = (typeof ACTIESOORTEN)[number];

export interface Afhandeling {
  readonly status: Meldingstatus;
  readonly afsluitreden: Afsluitreden | null;
  readonly afsluitopmerking: string | null;
  readonly contactpersoon: string | null;
}

/**
 * A new report starts `in-behandeling` when the school asks the municipality to act, and
 * `ter-kennisneming-aangenomen` when it does not (the school reports for information only).
 */
export function beginstatus(gemeenteGevraagdTeHandelen: boolean): Afhandeling {
  return {
    status: gemeenteGevraagdTeHandelen ? 'in-behandeling' : 'ter-kennisneming-aangenomen',
    afsluitreden: null, afsluitopmerking: null, contactpersoon: null,
  };
}

export type Overgang =
  | { readonly naar: 'in-behandeling' }
  | { readonly naar: 'ter-kennisneming-aangenomen' }
  | { readonly naar: 'afgesloten'; readonly reden: string; readonly opmerking: string };

export type Uitkomst<T> = { readonly ok: true; readonly waarde: T } | { readonly ok: false; readonly reden: string };

/**
 * Allowed: in-behandeling ⇄ ter-kennisneming-aangenomen, either → afgesloten. A closed report
 * stays closed (a new absence is a new report).
 */
export function wijzigStatus(huidig: Afhandeling, overgang: Overgang): Uitkomst<Afhandeling> {
  if (huidig.status === 'afgesloten') return { ok: false, reden: 'de melding is afgesloten en kan niet meer van status veranderen' };
  if (overgang.naar === huidig.status) return { ok: false, reden: `de melding heeft al de status ${huidig.status}` };
  if (overgang.naar === 'afgesloten') {
    if (!(AFSLUITREDENEN as readonly string[]).includes(overgang.reden)) {
      return { ok: false, reden: overgang.reden.trim() === '' ? `een afsluitreden is verplicht; kies uit ${AFSLUITREDENEN.join(', ')}` : `afsluitreden '${overgang.reden}' is onbekend; kies uit ${AFSLUITREDENEN.join(', ')}` };
    }
    if (overgang.opmerking.trim() === '') return { ok: false, reden: 'een afsluitopmerking is verplicht' };
    return { ok: true, waarde: { ...huidig, status: 'afgesloten', afsluitreden: overgang.reden as Afsluitreden, afsluitopmerking: overgang.opmerking.trim() } };
  }
  return { ok: true, waarde: { ...huidig, status: overgang.naar } };
}

export function wijsContactpersoonToe(huidig: Afhandeling, naam: string): Uitkomst<Afhandeling> {
  if (naam.trim() === '') return { ok: false, reden: 'de naam van de contactpersoon is verplicht' };
  return { ok: true, waarde: { ...huidig, contactpersoon: naam.trim() } };
}

export interface Actie {
  readonly soort: Actiesoort;
  readonly datum: Datum;
  readonly medewerker: string;
  readonly toelichting: string | null;
}

/** An action is recorded only on a report that is being handled, dated from the report date up to today. */
export function valideerActie(
  huidig: Afhandeling, meldingsdatum: Datum, vandaag: Datum,
  invoer: { soort: string; datum: string; medewerker: string; toelichting?: string },
): Uitkomst<Actie> {
  if (huidig.status !== 'in-behandeling') return { ok: false, reden: `acties kunnen alleen bij een melding in behandeling; deze is ${huidig.status}` };
  if (!(ACTIESOORTEN as readonly string[]).includes(invoer.soort)) return { ok: false, reden: `actie '${invoer.soort}' is onbekend; kies uit ${ACTIESOORTEN.join(', ')}` };
  if (!isGeldigeDatum(invoer.datum)) return { ok: false, reden: `'${invoer.datum}' is geen datum (JJJJ-MM-DD)` };
  if (invoer.datum < meldingsdatum) return { ok: false, reden: `de actiedatum ${invoer.datum} ligt vóór de meldingsdatum ${meldingsdatum}` };
  if (invoer.datum > vandaag) return { ok: false, reden: `de actiedatum ${invoer.datum} ligt in de toekomst` };
  if (invoer.medewerker.trim() === '') return { ok: false, reden: 'de medewerker die de actie uitvoerde is verplicht' };
  const toelichting = invoer.toelichting?.trim() || null;
  return { ok: true, waarde: { soort: invoer.soort as Actiesoort, datum: invoer.datum, medewerker: invoer.medewerker.trim(), toelichting } };
}

/** What the reporting school sees of its own report: the status and the contact person, nothing else. */
export interface SchoolzichtOpMelding {
  readonly meldingId: number;
  readonly status: Meldingstatus;
  readonly contactpersoon: string | null;
}

export function schoolzicht(meldingId: number, afhandeling: Afhandeling): SchoolzichtOpMelding {
  return { meldingId, status: afhandeling.status, contactpersoon: afhandeling.contactpersoon };
}
