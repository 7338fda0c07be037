/**
 * When a dossier opens, closes and reopens, from a month's stored lists (issue 9 item 2).
 * Pure; months are processed in order (a month not after the last processed one changes
 * nothing, src/lijsten/dossiers.ts). docs/opvolging.md, "Dossiers".
 *
 * - `openen`: no dossier yet and on `werkvoorraad` (which includes this month's
 *   `uitschrijvingen`): also catches a person whose uitschrijvingen month was never computed.
 * - `heropenen`: a closed dossier, closed in an earlier month, and on `werkvoorraad` again:
 *   they dropped out again (a new funded enrolment lost, or unfunded education left).
 * - `sluiten`: an open dossier, opened in an earlier month, and on `herinschrijvingen`, with
 *   that list's reason. Leaving the werkvoorraad otherwise (a new lijstjaar starts in October
 *   with an empty werkvoorraad) does not close it: the person is still out of education.
 */
export interface Dossierstand {
  readonly status: 'open' | 'gesloten';
  readonly geopendMaand: string;
  readonly geslotenMaand: string | null;
}

export interface Lijstpositie {
  readonly opWerkvoorraad: boolean;
  /** the reason on herinschrijvingen, or null */
  readonly herinschrijfreden: string | null;
}

export type Overgang = { readonly soort: 'openen' | 'heropenen' } | { readonly soort: 'sluiten'; readonly reden: string };

export function bepaalOvergang(stand: Dossierstand | null, maand: string, positie: Lijstpositie): Overgang | null {
  if (stand === null) return positie.opWerkvoorraad ? { soort: 'openen' } : null;
  if (stand.status === 'gesloten') {
    return positie.opWerkvoorraad && stand.geslotenMaand !== null && stand.geslotenMaand < maand ? { soort: 'heropenen' } : null;
  }
  if (positie.herinschrijfreden !== null && stand.geopendMaand < maand) return { soort: 'sluiten', reden: positie.herinschrijfreden };
  return null;
}
