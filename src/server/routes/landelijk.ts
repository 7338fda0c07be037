import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { landelijkeKerncijfers, landelijkeReeks } from '../publicatie/landelijk.js';
import { KerncijfersAntwoord, ReeksAntwoord, StatusParam } from '../schemas.js';
import { CIJFERKOLOMMEN, JaarEnStatus, TELLINGKOLOMMEN, UITSPLITSINGSTABELLEN, cijferCellen, figuurQuery, ok, query, tabel, tellingCellen, type ApiContext, type JaarEnStatusQuery } from './common.js';

/** The national series over all school years and the key figures of one year. */
export async function landelijkRoutes(app: FastifyInstance, { gegevens }: ApiContext): Promise<void> {
  app.get('/landelijk/reeks', {
    schema: {
      tags: ['Landelijk'],
      operationId: 'landelijkeReeks',
      summary: 'Landelijke reeks over alle schooljaren',
      description: 'Per schooljaar het landelijke totaal en de sectoren vo, mbo en vavo, met status en telling; '
        + 'methodewijzigingen (trendbreuken) en het landelijke doel worden meegegeven.',
      querystring: figuurQuery({ status: Type.Optional(StatusParam) }, ['reeks']),
      response: ok(ReeksAntwoord, 'De landelijke reeks, oudste schooljaar eerst'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof ReeksAntwoord>) => [tabel('reeks', [...TELLINGKOLOMMEN, 'sector', ...CIJFERKOLOMMEN, 'methodewijziging'],
        p.reeks.flatMap((punt) => [{ waarde: 'totaal', cijfer: punt.totaal }, ...punt.sector].map((o) => ({
          ...tellingCellen(punt.telling), sector: o.waarde, ...cijferCellen(o.cijfer), methodewijziging: punt.methodewijziging?.omschrijving,
        }))))],
    },
  }, async (request) => landelijkeReeks(gegevens, await gegevens.catalogus(), query<JaarEnStatusQuery>(request).status));

  app.get('/landelijk/kerncijfers', {
    schema: {
      tags: ['Landelijk'],
      operationId: 'landelijkeKerncijfers',
      summary: 'Landelijke kerncijfers van een schooljaar',
      description: 'Totaal en uitsplitsingen naar sector, categorie, leeftijdsgroep en geslacht; zonder schooljaar het laatste schooljaar met een telling.',
      querystring: figuurQuery(JaarEnStatus, UITSPLITSINGSTABELLEN),
      response: ok(KerncijfersAntwoord, 'De kerncijfers'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof KerncijfersAntwoord>) => [
        tabel('totaal', [...TELLINGKOLOMMEN, ...CIJFERKOLOMMEN], [{ ...tellingCellen(p.telling), ...cijferCellen(p.totaal) }]),
        ...(['sector', 'categorie', 'leerweg', 'leeftijdsgroep', 'geslacht'] as const).map((d) => tabel(d, [...TELLINGKOLOMMEN, d, ...CIJFERKOLOMMEN],
          p.uitsplitsingen[d].map((o) => ({ ...tellingCellen(p.telling), [d]: o.waarde, ...cijferCellen(o.cijfer) })))),
      ],
    },
  }, async (request) => landelijkeKerncijfers(gegevens, await gegevens.catalogus(), query<JaarEnStatusQuery>(request)));
}
