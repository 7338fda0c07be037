import { Type } from '@sinclair/typebox';
import { LIJSTSOORTEN } from '../domain/lijsten/lijsten.js';
import { Nullable, StringEnum } from './schemas.js';

/**
 * The answer of POST /api/v1/lijsten/_zoek (lijsten.md), apart from the route so the web app
 * can share its type. A row carries the keyed reference, never the persoon_id (that is only in
 * the CSV of lijsten.md, which case systems match on).
 */
const tekst = (description: string) => Type.Optional(Nullable(Type.String({ description })));

export const LijstAntwoord = Type.Object({
  lijst: Type.Object({
    soort: StringEnum(LIJSTSOORTEN),
    maand: Type.String({ description: 'JJJJ-MM' }),
    lijstrunId: Type.Integer({ description: 'de opgeslagen berekening van deze maand' }),
    berekendOp: Type.String({ description: 'wanneer de lijsten van deze maand zijn berekend (UTC)' }),
    leveringen: Type.Array(Type.Integer(), { description: 'de leveringen waaruit ze zijn berekend' }),
    vergelekenMet: Nullable(Type.Integer({ description: 'de berekening van de vorige maand waartegen "nieuw" is bepaald' })),
  }),
  paginering: Type.Object({ pagina: Type.Integer(), perPagina: Type.Integer(), totaalAantal: Type.Integer(), aantalPaginas: Type.Integer() }),
  rijen: Type.Array(Type.Object({
    referentie: Type.String({ description: 'interne referentie van de persoon (dezelfde als in het audittrail)' }),
    voornamen: tekst('voornamen (niet voor een school)'),
    voorvoegsel: tekst('voorvoegsel (niet voor een school)'),
    geslachtsnaam: tekst('geslachtsnaam (niet voor een school)'),
    geboortedatum: tekst('geboortedatum JJJJ-MM-DD (niet voor een school)'),
    gemeenteCode: tekst('woongemeente op de peildatum (niet voor een school)'),
    rmcCode: tekst('RMC-regio van die gemeente (niet voor een school)'),
    leeftijd: Type.Integer(),
    brin: tekst('BRIN van de laatste bekostigde inschrijving'),
    vestiging: tekst('vestiging'),
    onderwijstype: tekst('onderwijstype'),
    einddatum: tekst('einddatum van de laatste bekostigde inschrijving'),
    reden: tekst('reden (herinschrijvingen, verlate-startkwalificatie)'),
    categorie: tekst('categorie in de startset (startset, uitval, verlate-startkwalificatie)'),
    nieuw: Type.Boolean({ description: 'niet op dezelfde lijst van de vorige maand' }),
    dossierId: tekst('het dossier van deze persoon (opaak; niet voor een school)'),
  }, { additionalProperties: false })),
  uitval: Type.Optional(Type.Array(Type.Object({
    categorie: Type.String(),
    startsetPersonen: Type.Integer(),
    uitvalPersonen: Type.Integer(),
    uitvalpercentage: Type.String({ description: 'uitval / startset × 100, twee decimalen; leeg bij een lege startset' }),
  }), { description: 'alleen bij soort uitval: het cijfer per categorie tegen de startset, binnen uw scope en filter' })),
});
