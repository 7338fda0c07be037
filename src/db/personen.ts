import type { Doel } from '../domain/toegang/beleid.js';
import type { Gebruiker, Scope } from '../domain/toegang/rollen.js';
import type { Persoonsveld } from '../domain/toegang/velden.js';
import { registreerInzage, type Auditparameters } from './audit.js';
import type { Db } from './database.js';

/**
 * Person data of a stored count, read ONLY together with its audit record (one transaction).
 * Only the fields of the caller's role are selected (field matrix, src/domain/toegang/velden.ts)
 * and only the rows of the caller's scope (lijsten.md "Who sees which rows", on the count's T0):
 * rmc by residence region, leerplicht by municipality of residence, school by the BRIN of the
 * primary enrolment. The persoon_id never leaves this module.
 */
const KOLOM: Readonly<Record<Persoonsveld, string>> = {
  referentie: 'persoon_referentie(tp.persoon_id)',
  voornamen: 'p.voornamen',
  voorvoegsel: 'p.voorvoegsel',
  geslachtsnaam: 'p.geslachtsnaam',
  geboortedatum: 'p.geboortedatum',
  gemeenteCode: 'tp.gemeente_code',
  leeftijd: 'tp.leeftijd',
  brin: 'tp.brin',
  vestiging: 'tp.vestiging',
  inschrijvingId: 'tp.inschrijving_id',
  sector: 'tp.sector',
  categorie: 'tp.categorie',
  voortijdigSchoolverlater: 'tp.vsv',
  reden: 'tp.reden',
};

const SCOPEKOLOM: Readonly<Record<Exclude<Scope['soort'], 'landelijk'>, string>> = {
  'rmc-regio': 'tp.rmc_code',
  gemeente: 'tp.gemeente_code',
  brin: 'tp.brin',
};

export interface Personenvraag {
  runId: number;
  gebruiker: Gebruiker;
  velden: readonly Persoonsveld[];
  alleenVsv: boolean;
  rmcCode?: string;
  gemeenteCode?: string;
  brin?: string;
  offset: number;
  limit: number;
  doel: Doel;
  /** for the audit record: what was asked, without identifiers */
  parameters: Auditparameters;
}

export type Persoonsrij = Partial<Record<Persoonsveld, string | number | boolean | null>>;

export async function leesPersonenGeaudit(db: Db, v: Personenvraag): Promise<{ totaal: number; personen: Persoonsrij[] }> {
  const scope = v.gebruiker.scope;
  if (scope.soort === 'landelijk' || v.velden.length === 0) throw new Error('persoonsgegevens alleen voor een rol met een eigen scope en velden');
  const params: unknown[] = [v.runId, scope.code];
  const voorwaarden = ['tp.run_id = $1', `${SCOPEKOLOM[scope.soort]} = $2`];
  const filter = (kolom: string, waarde: string | undefined) => {
    if (waarde === undefined) return;
    params.push(waarde);
    voorwaarden.push(`${kolom} = $${params.length}`);
  };
  filter('tp.rmc_code', v.rmcCode);
  filter('tp.gemeente_code', v.gemeenteCode);
  filter('tp.brin', v.brin);
  if (v.alleenVsv) voorwaarden.push('tp.vsv');
  const waar = voorwaarden.join(' AND ');
  const kolommen = v.velden.map((veld) => `${KOLOM[veld]} AS "${veld}"`).join(', ');
  return db.transaction(async (tx) => {
    const [n] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM telling_persoon tp WHERE ${waar}`, params);
    const rijen = await tx.query<Persoonsrij & { __persoon_id: string }>(`
      SELECT tp.persoon_id AS __persoon_id, ${kolommen}
      FROM telling_persoon tp LEFT JOIN persoon p ON p.persoon_id = tp.persoon_id
      WHERE ${waar}
      ORDER BY persoon_referentie(tp.persoon_id) COLLATE "C"
      LIMIT ${Number(v.limit)} OFFSET ${Number(v.offset)}`, params);
    await registreerInzage(tx, {
      gebruiker: v.gebruiker, handeling: 'persoon.lezen', doel: v.doel, parameters: v.parameters,
      personen: { ids: rijen.map((r) => r.__persoon_id) },
    });
    return { totaal: n!.n, personen: rijen.map(({ __persoon_id: _weg, ...rij }) => rij) };
  });
}
