import type { Rol } from './rollen.js';

/**
 * The field matrix (docs/toegang.md): which fields of a person of a count each role may see,
 * purpose-bound (opvolging.md: "a role sees only the fields its task needs"). RMC and
 * leerplicht must find and contact the person: name, date of birth and municipality of
 * residence. A school corrects its own enrolments: its enrolment id and location, never
 * where the pupil lives nor the name (it has that in its own administration). Nobody sees
 * the persoon_id or sex: a person is identified by `referentie`, the same keyed reference
 * as in the audit trail.
 */
export const PERSOONSVELDEN = [
  'referentie', 'voornamen', 'voorvoegsel', 'geslachtsnaam', 'geboortedatum', 'gemeenteCode', 'leeftijd',
  'brin', 'vestiging', 'inschrijvingId', 'sector', 'categorie', 'voortijdigSchoolverlater', 'reden',
] as const;
export type Persoonsveld = (typeof PERSOONSVELDEN)[number];

const VOOR_OPVOLGING: readonly Persoonsveld[] = [
  'referentie', 'voornamen', 'voorvoegsel', 'geslachtsnaam', 'geboortedatum', 'gemeenteCode', 'leeftijd',
  'brin', 'vestiging', 'sector', 'categorie', 'voortijdigSchoolverlater', 'reden',
];

export const VELDEN_PER_ROL: Readonly<Record<Rol, readonly Persoonsveld[]>> = {
  rmc: VOOR_OPVOLGING,
  leerplicht: VOOR_OPVOLGING,
  school: ['referentie', 'leeftijd', 'brin', 'vestiging', 'inschrijvingId', 'sector', 'categorie', 'voortijdigSchoolverlater', 'reden'],
  analist: [],
  beheer: [],
  privacy: [],
};
