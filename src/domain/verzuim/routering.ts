import { bevat, leeftijdOp, type Datum } from '../datum.js';
import type { Verzuimmelding } from './melding.js';

/**
 * Routing (docs/rules/verzuim-routering.md): a report goes to the municipality where the pupil
 * lives on the report date (the BRP residence; the stay address's municipality when the
 * school gave one that differs), and an `rmc` report of a young person aged 18 or over on the
 * report date to the RMC region of that municipality. A report about a pupil we do not know,
 * or who was not enrolled at the reporting BRIN on the start date, is refused with the reason.
 */
export interface Verblijfperiode {
  readonly gemeenteCode: string;
  readonly vanaf: Datum;
  readonly tot: Datum | null;
}

export interface Inschrijfperiode {
  readonly brin: string;
  readonly begindatum: Datum;
  readonly einddatum: Datum | null;
}

export interface Leerlinggegevens {
  readonly geboortedatum: Datum;
  readonly verblijf: readonly Verblijfperiode[];
  readonly inschrijvingen: readonly Inschrijfperiode[];
}

export type Routering =
  | { readonly ok: true; readonly behandelaar: 'leerplicht'; readonly gemeenteCode: string; readonly rmcCode: null }
  | { readonly ok: true; readonly behandelaar: 'rmc'; readonly gemeenteCode: string; readonly rmcCode: string }
  | { readonly ok: false; readonly reden: string };

export function routeer(
  m: Pick<Verzuimmelding, 'soort' | 'brin' | 'startdatum' | 'meldingsdatum' | 'verblijfGemeenteCode'>,
  leerling: Leerlinggegevens | null,
  rmcVanGemeente: (gemeenteCode: string, datum: Datum) => string | null,
): Routering {
  if (leerling === null) return { ok: false, reden: 'de leerling is onbekend in de registratie' };
  const ingeschreven = leerling.inschrijvingen.some((i) => i.brin === m.brin && bevat(i.begindatum, i.einddatum, m.startdatum));
  if (!ingeschreven) return { ok: false, reden: `de leerling stond op de startdatum ${m.startdatum} niet ingeschreven bij ${m.brin}` };
  const woonplaats = leerling.verblijf.find((v) => bevat(v.vanaf, v.tot, m.meldingsdatum));
  if (!woonplaats && m.verblijfGemeenteCode === null) {
    return { ok: false, reden: `geen woongemeente bekend op de meldingsdatum ${m.meldingsdatum} en geen verblijfadres opgegeven` };
  }
  const gemeenteCode = m.verblijfGemeenteCode ?? woonplaats!.gemeenteCode;
  if (m.soort === 'rmc' && leeftijdOp(leerling.geboortedatum, m.meldingsdatum) >= 18) {
    const rmcCode = rmcVanGemeente(gemeenteCode, m.meldingsdatum);
    if (rmcCode === null) return { ok: false, reden: `gemeente ${gemeenteCode} hoort volgens de RMC-indeling bij geen RMC-regio op ${m.meldingsdatum}` };
    return { ok: true, behandelaar: 'rmc', gemeenteCode, rmcCode };
  }
  return { ok: true, behandelaar: 'leerplicht', gemeenteCode, rmcCode: null };
}

/** Who handles a report: `leerplicht` of a municipality, or `rmc` of a region. */
export interface Behandeling {
  readonly behandelaar: 'leerplicht' | 'rmc';
  readonly gemeenteCode: string;
  readonly rmcCode: string | null;
}

/**
 * Where an open report goes when its pupil's dossier is handed over and the receiver accepts
 * (issue 10 item 2: "moves after filing hand the report over with the dossier";
 * docs/rules/verzuim-routering.md): a report the sender handles goes to the receiver — to the
 * new municipality's leerplicht after a move, to the RMC region at an 18th birthday or a move
 * of an 18+ person (the residence municipality it was filed for stays on record). A report
 * someone else handles (another municipality's, or closed) stays where it is: null.
 */
export function behandelingNaOverdracht(
  huidig: Behandeling, van: { soort: 'gemeente' | 'rmc-regio'; code: string }, naar: { soort: 'gemeente' | 'rmc-regio'; code: string },
): Behandeling | null {
  const bijVan = van.soort === 'gemeente'
    ? huidig.behandelaar === 'leerplicht' && huidig.gemeenteCode === van.code
    : huidig.behandelaar === 'rmc' && huidig.rmcCode === van.code;
  if (!bijVan) return null;
  return naar.soort === 'gemeente'
    ? { behandelaar: 'leerplicht', gemeenteCode: naar.code, rmcCode: null }
    : { behandelaar: 'rmc', gemeenteCode: huidig.gemeenteCode, rmcCode: naar.code };
}
