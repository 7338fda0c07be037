import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import { leesRapportbron } from '../../db/werklijst.js';
import { INTAKEGROEPEN, maakEffectrapportage, RAPPORTTABELLEN } from '../../domain/dossier/effectrapportage.js';
import { zoekDossiersGeaudit } from '../../db/dossiers.js';
import { DossierzoekAntwoord } from '../schemasDossiers.js';
import { dossierkop, doelVan } from './dossiers.js';
import { parseSchooljaar } from '../../domain/schooljaar.js';
import { ongeldig } from '../problems.js';
import { FormaatParam, SchooljaarParam, StringEnum } from '../schemas.js';
import { ok, tabel } from './common.js';

/**
 * GET /api/v1/rmc-regios/{rmcCode}/effectrapportage?schooljaar=…: the tables of the RMC annual
 * effect report (docs/opvolging.md "Effectrapportage") for the caller's own region, from its
 * dossiers; JSON, CSV and xlsx. Counts only. Never kept: dossiers change without a new delivery.
 */
const Groep = Type.Object({ groep: Type.String(), dossiers: Type.Integer() });
const EffectAntwoord = Type.Object({
  rmcCode: Type.String(),
  schooljaar: Type.String(),
  van: Type.String({ format: 'date' }),
  tot: Type.String({ format: 'date' }),
  kerncijfers: Type.Array(Groep, { description: 'eerste contacten, intakes en gestarte trajecten in het schooljaar' }),
  wekenTotIntake: Type.Array(Groep, { description: 'intakes naar weken na de lijst: onder 4, 4–6, meer dan 6' }),
  uitkomsten: Type.Array(Groep, { description: 'de laatste uitkomst van elk dossier in het schooljaar, per categorie' }),
  oudVsvers: Type.Array(Groep, { description: 'open dossiers aan het eind van het schooljaar, naar jaren uit het onderwijs' }),
});

const groepen = (r: Readonly<Record<string, number>>) => Object.entries(r).map(([groep, dossiers]) => ({ groep, dossiers }));

export async function effectrapportageRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const rapportVan = async (rmcCode: string, schooljaar: string) => {
    const jaar = parseSchooljaar(schooljaar);
    if (!jaar) throw ongeldig([{ name: 'schooljaar', code: 'invalid', reason: `'${schooljaar}' is geen schooljaar` }]);
    const van = `${jaar.jaar}-10-01`;
    const tot = `${jaar.jaar + 1}-09-30`;
    return { jaar, van, tot, r: maakEffectrapportage(await leesRapportbron(db, rmcCode, van, tot), tot) };
  };
  const Params = Type.Object({ rmcCode: Type.String({ pattern: '^\\d{2}$', description: 'RMC-code van twee cijfers', example: '19' }) });
  app.get('/rmc-regios/:rmcCode/effectrapportage', {
    schema: {
      tags: ['Dossiers'], operationId: 'effectrapportage',
      summary: 'De tabellen van de jaarlijkse effectrapportage van de eigen RMC-regio',
      description: 'Eerste contacten, intakes en trajecten, weken van lijst tot intake, uitkomsten per categorie en oud-vsv\'ers naar jaren uit het '
        + 'onderwijs, uit de dossiers van de regio (18 jaar en ouder) voor een schooljaar (1 oktober tot en met 30 september).',
      params: Params,
      querystring: Type.Object({ schooljaar: SchooljaarParam, formaat: Type.Optional(FormaatParam) }, { additionalProperties: false }),
      response: ok(EffectAntwoord, 'De effectrapportage'),
    },
    config: {
      handeling: 'effectrapportage.lezen', bewaar: false,
      toegangscontext: (request) => ({ gevraagd: { rmcCode: (request.params as { rmcCode?: string }).rmcCode } }),
      csv: (p: Static<typeof EffectAntwoord>) => (['kerncijfers', 'wekenTotIntake', 'uitkomsten', 'oudVsvers'] as const)
        .map((naam) => tabel(naam, ['groep', 'dossiers'], p[naam])),
    },
  }, async (request) => {
    const { rmcCode } = request.params as Static<typeof Params>;
    const { schooljaar } = request.query as { schooljaar: string };
    const { jaar, van, tot, r } = await rapportVan(rmcCode, schooljaar);
    return {
      rmcCode, schooljaar: jaar.naam, van, tot,
      kerncijfers: groepen({ 'eerste-contacten': r.eersteContacten, intakes: r.intakes, trajecten: r.trajecten }),
      wekenTotIntake: INTAKEGROEPEN.map((groep) => ({ groep, dossiers: r.wekenTotIntake[groep] })),
      uitkomsten: groepen(r.uitkomsten),
      oudVsvers: groepen(r.oudVsvers),
    };
  });

  const DossiersVraag = Type.Object({
    schooljaar: SchooljaarParam,
    tabel: StringEnum(RAPPORTTABELLEN, { description: 'de tabel van de effectrapportage' }),
    groep: Type.String({ maxLength: 40, description: 'de groep (rij) in die tabel, zoals eerste-contacten of 4-6-weken' }),
    pagina: Type.Optional(Type.Integer({ minimum: 1 })),
    perPagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  }, { additionalProperties: false });
  app.post('/rmc-regios/:rmcCode/effectrapportage/_dossiers', {
    schema: {
      tags: ['Dossiers'], operationId: 'effectrapportageDossiers',
      summary: 'De dossiers achter één cijfer van de effectrapportage (vastgelegd in het audittrail)',
      description: 'Voor de RMC-medewerkers van de eigen regio: de dossiers die een cijfer vormen (elk dossier één keer; een dossier met twee trajecten '
        + 'in het jaar telt twee keer mee en staat één keer in de lijst). Met een sessie: X-CSRF-Token verplicht.',
      params: Params, body: DossiersVraag, response: ok(DossierzoekAntwoord, 'De dossiers achter het cijfer'),
    },
    config: {
      handeling: 'dossier.lezen', bewaar: false,
      toegangscontext: (request) => ({ gevraagd: { rmcCode: (request.params as { rmcCode?: string }).rmcCode } }),
    },
  }, async (request) => {
    const { rmcCode } = request.params as Static<typeof Params>;
    const v = request.body as Static<typeof DossiersVraag>;
    const { jaar, r } = await rapportVan(rmcCode, v.schooljaar);
    const ids = r.dossiers[v.tabel][v.groep] ?? [];
    const pagina = v.pagina ?? 1;
    const perPagina = v.perPagina ?? 50;
    const { totaal, dossiers } = await zoekDossiersGeaudit(db, {
      gebruiker: request.gebruiker!, ids, offset: (pagina - 1) * perPagina, limit: perPagina, doel: doelVan(request, 'dossier.lezen'),
      parameters: { schooljaar: jaar.naam, tabel: v.tabel, groep: v.groep, pagina, perPagina },
    });
    return { paginering: { pagina, perPagina, totaalAantal: totaal, aantalPaginas: Math.ceil(totaal / perPagina) }, dossiers: dossiers.map(dossierkop) };
  });
}
