import { Type } from '@sinclair/typebox';
import { HANDELINGEN } from '../domain/toegang/beleid.js';
import { ROLLEN } from '../domain/toegang/rollen.js';
import { PERSOONSVELDEN } from '../domain/toegang/velden.js';
import { Nullable, StringEnum } from './schemas.js';

/**
 * The answers of the access routes (rechten, personen, audit), apart from the routes so the
 * web app can share their types without the server's Fastify declarations.
 */
const ScopeSchema = Type.Object({
  soort: StringEnum(['rmc-regio', 'gemeente', 'brin', 'landelijk'] as const),
  code: Type.Optional(Type.String()),
});

export const RechtenAntwoord = Type.Object({
  gebruiker: Type.Union([Type.Object({
    weergavenaam: Type.String(),
    rol: StringEnum(ROLLEN),
    scope: ScopeSchema,
  }), Type.Null()], { description: 'null: niet ingelogd' }),
  handelingen: Type.Array(StringEnum(HANDELINGEN), { description: 'de handelingen die deze gebruiker mag (src/domain/toegang/beleid.ts)' }),
  doelen: Type.Array(Type.Object({ doel: Type.String(), omschrijving: Type.String() }),
    { description: 'de doelen waarvoor deze gebruiker persoonsgegevens mag inzien' }),
});

const veld = (description: string, type: 'string' | 'integer' | 'boolean' = 'string') =>
  Type.Optional(Nullable(type === 'string' ? Type.String({ description }) : type === 'integer' ? Type.Integer({ description }) : Type.Boolean({ description })));

export const PersonenAntwoord = Type.Object({
  telling: Type.Object({ runId: Type.Integer(), schooljaar: Type.String(), status: Type.String() }),
  velden: Type.Array(StringEnum(PERSOONSVELDEN), { description: 'de velden die uw rol ziet (veldenmatrix, docs/toegang.md)' }),
  paginering: Type.Object({ pagina: Type.Integer(), perPagina: Type.Integer(), totaalAantal: Type.Integer(), aantalPaginas: Type.Integer() }),
  personen: Type.Array(Type.Object({
    referentie: veld('interne referentie van de persoon (dezelfde als in het audittrail); geen persoon_id of BSN'),
    voornamen: veld('voornamen'),
    voorvoegsel: veld('voorvoegsel'),
    geslachtsnaam: veld('geslachtsnaam'),
    geboortedatum: veld('geboortedatum (JJJJ-MM-DD)'),
    gemeenteCode: veld('woongemeente op T0'),
    leeftijd: veld('leeftijd op T0', 'integer'),
    brin: veld('BRIN van de primaire inschrijving'),
    vestiging: veld('vestiging van de primaire inschrijving'),
    inschrijvingId: veld('inschrijving_id van de primaire inschrijving (uit de eigen levering)'),
    sector: veld('vo, mbo of vavo'),
    categorie: veld('categorie van de telling'),
    voortijdigSchoolverlater: veld('telt als voortijdig schoolverlater', 'boolean'),
    reden: veld('reden van de uitkomst (telling.md)'),
  }, { additionalProperties: false })),
});

export const AuditAntwoord = Type.Object({
  paginering: Type.Object({ pagina: Type.Integer(), perPagina: Type.Integer(), totaalAantal: Type.Integer(), aantalPaginas: Type.Integer() }),
  records: Type.Array(Type.Object({
    id: Type.Integer(),
    tijdstip: Type.String({ description: 'ISO 8601, UTC' }),
    accountId: Type.String(),
    weergavenaam: Type.String(),
    rol: Type.String(),
    scope: Type.String(),
    soort: Type.String({ description: 'persoon, machine of cli' }),
    handeling: Type.String(),
    parameters: Type.Record(Type.String(), Type.Unknown(), { description: 'wat er gevraagd werd, zonder identificerende gegevens' }),
    doel: Type.String(),
    aantalPersonen: Type.Integer(),
    personen: Type.Array(Type.String(), { description: 'de referenties van de ingeziene personen (hoogstens 100)' }),
    hash: Type.String({ description: 'SHA-256 van de keten tot en met dit record' }),
  })),
});

