import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { leesCijfers } from '../../db/tellingen.js';
import { methodewijzigingIn } from '../../domain/beleid.js';
import { LANDELIJK } from '../../domain/telling/cijfers.js';
import { Telaantal } from '../openbaarmaking.js';
import { totaalVan } from '../figures.js';
import { nietGevonden } from '../problems.js';
import { runsPerJaar, tellingInfo } from '../runs.js';
import { SchooljarenAntwoord, TellingAntwoord } from '../schemas.js';
import { cijferCellen, figuurQuery, ok, params, tabel, type ApiContext } from './common.js';

/** School years and the stored runs behind every figure. */
export async function tellingRoutes(app: FastifyInstance, { db, gegevens }: ApiContext): Promise<void> {
  app.get('/schooljaren', {
    schema: {
      tags: ['Tellingen'],
      operationId: 'schooljaren',
      summary: 'Schooljaren met hun opgeslagen tellingen',
      description: 'Per schooljaar de telling die standaard getoond wordt (de laatste definitieve, anders de laatste voorlopige) en alle opgeslagen tellingen.',
      querystring: figuurQuery({}, ['schooljaren']),
      response: ok(SchooljarenAntwoord, 'De schooljaren, oudste eerst'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof SchooljarenAntwoord>) => [tabel('schooljaren',
        ['schooljaar', 'runId', 'status', 'definitieversie', 'berekendOp', 'leveringen', 'standaard'],
        p.schooljaren.flatMap((j) => j.tellingen.map((t) => ({
          schooljaar: j.schooljaar, runId: t.runId, status: t.status, definitieversie: t.definitieversie, berekendOp: t.berekendOp,
          leveringen: t.leveringen.map((l) => l.id).join(' '), standaard: t.runId === j.telling.runId ? 'ja' : 'nee',
        }))))],
    },
  }, async () => {
    const cat = await gegevens.catalogus();
    return {
      schooljaren: runsPerJaar(cat).map((run) => ({
        schooljaar: run.schooljaar,
        telling: tellingInfo(cat, run),
        tellingen: cat.runs.filter((r) => r.schooljaar === run.schooljaar).map((r) => tellingInfo(cat, r)),
        methodewijziging: methodewijzigingIn(run.schooljaar),
      })),
    };
  });

  app.get('/tellingen/:runId', {
    schema: {
      tags: ['Tellingen'],
      operationId: 'telling',
      summary: 'Eén opgeslagen telling',
      description: 'De gegevens van een telling (schooljaar, status, definitie, leveringen) met het landelijke totaal.',
      params: Type.Object({ runId: Type.Integer({ minimum: 1, description: 'nummer van de telling', example: 1 }) }),
      querystring: figuurQuery({}, ['telling']),
      response: ok(TellingAntwoord, 'De telling'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof TellingAntwoord>) => [tabel('telling',
        ['schooljaar', 'status', 'definitieversie', 'runId', 'berekendOp', 'leveringen', 'startpopulatie', 'vsv', 'percentage', 'nietTeTellen'],
        [{
          schooljaar: p.telling.schooljaar, status: p.telling.status, definitieversie: p.telling.definitieversie, runId: p.telling.runId,
          berekendOp: p.telling.berekendOp, leveringen: p.telling.leveringen.map((l) => l.id).join(' '),
          ...cijferCellen(p.cijfer), nietTeTellen: p.nietTeTellen,
        }])],
    },
  }, async (request) => {
    const { runId } = params<{ runId: number }>(request);
    const cat = await gegevens.catalogus();
    const run = cat.runs.find((r) => r.id === Number(runId));
    if (!run) throw nietGevonden(`Er is geen telling met nummer ${runId}.`);
    const landelijk = await leesCijfers(db, run.id, 'landelijk', ['totaal']);
    return {
      telling: tellingInfo(cat, run),
      cijfer: totaalVan(landelijk.filter((c) => c.gebied === LANDELIJK)),
      nietTeTellen: new Telaantal(run.niet_te_tellen),
    };
  });
}
