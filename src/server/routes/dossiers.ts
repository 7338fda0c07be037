import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { leesDossierGeaudit, legGebeurtenisVast, zoekDossiersGeaudit, type Dossierrecord } from '../../db/dossiers.js';
import { controleerGebeurtenis, GEBEURTENISSOORTEN } from '../../domain/dossier/gebeurtenis.js';
import { bouwTijdlijn } from '../../domain/dossier/tijdlijn.js';
import { doelenVoor, type Doel, type Handeling } from '../../domain/toegang/beleid.js';
import { nietGevonden, ongeldig } from '../problems.js';
import { StringEnum } from '../schemas.js';
import { DossierAntwoord, DossierzoekAntwoord, GebeurtenisAntwoord } from '../schemasDossiers.js';
import { ok } from './common.js';

/**
 * Dossiers (issue 9 item 2; docs/opvolging.md "Dossiers"): search within the caller's scope,
 * read one by its opaque id with its timeline, record what happened. Only rmc (the region's
 * dossiers, 18+) and leerplicht (the municipality's, under 18); a dossier of another owner is
 * "not found", exactly like one that does not exist. Every read and write is audited.
 */
const DOSSIER_ID = '^d[0-9a-f]{20}$';
const DossierParams = Type.Object({ dossierId: Type.String({ pattern: DOSSIER_ID, description: 'opake id van het dossier', example: 'd0123456789abcdef0123' }) });

const ZoekVraag = Type.Object({
  status: Type.Optional(StringEnum(['open', 'gesloten'] as const, { description: 'alleen open of gesloten dossiers' })),
  naam: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'deel van de achternaam' })),
  pagina: Type.Optional(Type.Integer({ minimum: 1 })),
  perPagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
}, { additionalProperties: false });

const GebeurtenisVraag = Type.Object({
  soort: StringEnum(GEBEURTENISSOORTEN, { description: 'wat er gebeurde' }),
  datum: Type.String({ format: 'date', description: 'wanneer (JJJJ-MM-DD), niet na vandaag' }),
  gegevens: Type.Record(Type.String(), Type.String(), { description: 'de velden van deze soort (docs/opvolging.md)' }),
}, { additionalProperties: false });

export function doelVan(request: FastifyRequest, handeling: Handeling): Doel {
  const doel = doelenVoor(request.gebruiker!.rol, handeling)[0];
  if (!doel) throw new Error('het beleid liet een rol zonder doel door');
  return doel;
}

export function dossierkop(d: Dossierrecord) {
  return {
    dossierId: d.dossier_id, referentie: d.referentie, voornamen: d.voornamen, voorvoegsel: d.voorvoegsel, geslachtsnaam: d.geslachtsnaam,
    geboortedatum: d.geboortedatum, status: d.status, eigenaar: `${d.eigenaar_soort} ${d.eigenaar_code}`, geopendMaand: d.geopend_maand,
    geslotenMaand: d.gesloten_maand, sluitreden: d.sluitreden, volgendContact: d.volgend_contact, behandelaar: d.behandelaar_naam,
  };
}

const NIET_GEVONDEN = 'Dit dossier bestaat niet of valt buiten uw scope.';

export async function dossierRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.post('/dossiers/_zoek', {
    schema: {
      tags: ['Dossiers'], operationId: 'dossiersZoeken',
      summary: 'Dossiers binnen uw scope (vastgelegd in het audittrail)',
      description: 'rmc: de dossiers van de regio (18 jaar en ouder); leerplicht: van de gemeente (onder 18). Open dossiers eerst, nieuwste eerst.',
      body: ZoekVraag, response: ok(DossierzoekAntwoord, 'De dossiers van deze pagina'),
    },
    config: { handeling: 'dossier.lezen', bewaar: false },
  }, async (request) => {
    const v = request.body as Static<typeof ZoekVraag>;
    const pagina = v.pagina ?? 1;
    const perPagina = v.perPagina ?? 50;
    const { totaal, dossiers } = await zoekDossiersGeaudit(db, {
      gebruiker: request.gebruiker!, status: v.status, naam: v.naam, offset: (pagina - 1) * perPagina, limit: perPagina,
      doel: doelVan(request, 'dossier.lezen'), parameters: { status: v.status ?? null, naam: v.naam ? 'gegeven' : null, pagina, perPagina },
    });
    return { paginering: { pagina, perPagina, totaalAantal: totaal, aantalPaginas: Math.ceil(totaal / perPagina) }, dossiers: dossiers.map(dossierkop) };
  });

  app.get('/dossiers/:dossierId', {
    schema: {
      tags: ['Dossiers'], operationId: 'dossierLezen',
      summary: 'Eén dossier met zijn tijdlijn (vastgelegd in het audittrail)',
      description: 'De tijdlijn: inschrijvingen, diploma\'s, vrijstellingen, verhuizingen en BRP-gebeurtenissen uit de leveringen, de lijsten waarop de '
        + 'persoon stond, het openen, sluiten en overdragen van het dossier en wat medewerkers vastlegden (na een overdracht alleen wat is doorgegeven). '
        + 'overdracht: de lopende overdracht (voorgesteld, verzonden of geweigerd), anders null. Een dossier buiten uw scope: 404.',
      params: DossierParams, querystring: Type.Object({}, { additionalProperties: false }),
      response: ok(DossierAntwoord, 'Het dossier'),
    },
    config: { handeling: 'dossier.lezen', bewaar: false },
  }, async (request) => {
    const { dossierId } = request.params as Static<typeof DossierParams>;
    const gelezen = await leesDossierGeaudit(db, { gebruiker: request.gebruiker!, dossierId, doel: doelVan(request, 'dossier.lezen'), parameters: { dossier: dossierId } });
    if (!gelezen) throw nietGevonden(NIET_GEVONDEN);
    return {
      dossier: dossierkop(gelezen.dossier),
      tijdlijn: bouwTijdlijn(gelezen.registraties),
      vastgelegd: gelezen.vastgelegd.map((e) => ({
        id: e.id, soort: e.soort, datum: e.datum, gegevens: e.gegevens, door: e.weergavenaam, vastgelegdOp: e.vastgelegd_op,
      })),
      overdracht: gelezen.lopend && {
        overdrachtId: gelezen.lopend.id, status: gelezen.lopend.status, oorzaak: gelezen.lopend.oorzaak,
        naar: `${gelezen.lopend.naar.soort} ${gelezen.lopend.naar.code}`, voorgesteldOp: gelezen.lopend.voorgesteld_op,
        delen: gelezen.lopend.delen, reden: gelezen.lopend.reden, weigerreden: gelezen.lopend.weigerreden,
      },
    };
  });

  app.post('/dossiers/:dossierId/gebeurtenissen', {
    schema: {
      tags: ['Dossiers'], operationId: 'gebeurtenisVastleggen',
      summary: 'Vastleggen wat er gebeurde: contactpoging, eerste contact, intake, traject, uitkomst, contactgegeven, notitie, volgend contact, gedeeld',
      description: 'Elke soort heeft eigen velden in gegevens (docs/opvolging.md); een fout noemt elk veld. gedeeld: wat met een school of '
        + 'partnerorganisatie is gedeeld (organisatie, soortOrganisatie, delen als komma-lijst, grondslag van uw rol). Met een sessie: X-CSRF-Token verplicht.',
      params: DossierParams, body: GebeurtenisVraag,
      response: { 201: { description: 'Vastgelegd', ...GebeurtenisAntwoord } },
    },
    config: { handeling: 'dossier.schrijven', bewaar: false },
  }, async (request, reply) => {
    const { dossierId } = request.params as Static<typeof DossierParams>;
    const v = request.body as Static<typeof GebeurtenisVraag>;
    const fouten = controleerGebeurtenis(v.soort, v.datum, v.gegevens, new Date().toISOString().slice(0, 10), request.gebruiker!.rol);
    if (fouten.length) throw ongeldig(fouten.map((f) => ({ name: f.naam, code: 'invalid', reason: f.reden })));
    const id = await legGebeurtenisVast(db, {
      gebruiker: request.gebruiker!, dossierId, soort: v.soort, datum: v.datum, gegevens: v.gegevens,
      doel: doelVan(request, 'dossier.schrijven'), handeling: 'dossier.schrijven',
    });
    if (id === null) throw nietGevonden(NIET_GEVONDEN);
    return reply.code(201).send({ id });
  });
}
