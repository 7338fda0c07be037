import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DOELEN, HANDELINGEN, doelenVoor, magVoor } from '../../domain/toegang/beleid.js';
import { ROLLEN } from '../../domain/toegang/rollen.js';
import { StringEnum } from '../schemas.js';
import { ok } from './common.js';

/**
 * What the current user may do, from the same policy the API enforces: the web app shows a
 * page or a menu item only when its action is listed here (and the API refuses regardless).
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

export async function rechtenRoutes(app: FastifyInstance): Promise<void> {
  app.get('/rechten', {
    schema: {
      tags: ['Toegang'],
      operationId: 'rechten',
      summary: 'Wat de huidige gebruiker mag',
      description: 'De handelingen uit het toegangsbeleid die de huidige gebruiker (of een anonieme bezoeker) mag, en de doelen waarvoor hij persoonsgegevens mag inzien.',
      querystring: Type.Object({}, { additionalProperties: false }),
      response: ok(RechtenAntwoord, 'De rechten van de huidige gebruiker'),
    },
    config: { handeling: 'sessie.lezen', bewaar: false },
  }, async (request) => {
    const g = request.gebruiker;
    return {
      gebruiker: g ? { weergavenaam: g.weergavenaam, rol: g.rol, scope: g.scope } : null,
      handelingen: magVoor(g),
      doelen: g ? doelenVoor(g.rol).map((doel) => ({ doel, omschrijving: DOELEN[doel].omschrijving })) : [],
    };
  });
}
