import { parseMaand, type Maand } from '../../../src/domain/lijsten/maand.js';
import { dossier, inschrijving, type DossierBouwer } from '../bouwers.js';
import type { Inschrijving } from '../../../src/domain/telling/dossier.js';

/**
 * Builders for the list tests (lijsten.md). The standard case: born 14 March 2006 (17 in the
 * lijstjaar 2023-2024), living in Amsterdam (GM0363, RMC 21), one funded mbo-2 enrolment from
 * 1 August 2023 that ends on the given day, and nothing else.
 */
export function maand(tekst: string): Maand {
  const m = parseMaand(tekst);
  if (!m) throw new Error(`geen maand: ${tekst}`);
  return m;
}

export function mboTot(einddatum: string | null, velden: Partial<Inschrijving> = {}): Inschrijving {
  return inschrijving({
    onderwijstype: 'mbo', niveau: 2, leerweg: 'bol', leerjaar: 1, brin: '20BB', vestiging: '01',
    begindatum: '2023-08-01', einddatum, ...velden,
  });
}

export function ander(onderwijstype: string, begindatum: string, einddatum: string | null = null, velden: Partial<Inschrijving> = {}): Inschrijving {
  const mbo = onderwijstype === 'mbo' || onderwijstype === 'nb-mbo';
  return inschrijving({
    onderwijstype, brin: '50EE', vestiging: '00', niveau: mbo ? 2 : null, leerweg: mbo ? 'bol' : null, leerjaar: null,
    begindatum, einddatum, ...velden,
  });
}

/** The standard person who leaves mbo on `einddatum`. */
export function verlater(einddatum: string, geboren = '2006-03-14', id = 'P1'): DossierBouwer {
  return dossier(id, geboren).woont('GM0363', '2000-01-01').met(mboTot(einddatum));
}
