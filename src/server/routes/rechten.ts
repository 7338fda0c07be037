import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { DOELEN, doelenVoor, magVoor } from '../../domain/toegang/beleid.js';
import { RechtenAntwoord } from '../schemasToegang.js';
import { ok } from './common.js';

/**
 * What the current user may do, from the same policy the API enforces: the web app shows a
 * page or a menu item only when its action is listed here (and the API refuses regardless).
 */
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
