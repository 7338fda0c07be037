import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { leesPersonenGeaudit } from '../../db/personen.js';
import { laatsteRun } from '../../db/tellingen.js';
import { doelenVoor, DOELEN, type Context, type Doel } from '../../domain/toegang/beleid.js';
import { VELDEN_PER_ROL } from '../../domain/toegang/velden.js';
import { parseSchooljaar } from '../../domain/schooljaar.js';
import type { Gegevens } from '../gegevens.js';
import { nietGevonden, ongeldig } from '../problems.js';
import { BRIN_PATROON, FormaatParam, SCHOOLJAAR_PATROON, StringEnum } from '../schemas.js';
import { PersonenAntwoord } from '../schemasToegang.js';
import { ok, tabel } from './common.js';

/**
 * POST /api/v1/personen/_zoek: the persons of a stored count within the caller's scope, with
 * the fields of the caller's role, for a stated purpose; every answer (JSON or CSV) is one
 * audit record, written in the transaction of the read. Never an identifier in the URL.
 */
const PersonenVraag = Type.Object({
  schooljaar: Type.String({ pattern: SCHOOLJAAR_PATROON, description: 'schooljaar van de telling, bijv. 2019-2020', example: '2019-2020' }),
  status: Type.Optional(StringEnum(['definitief', 'voorlopig'] as const, { description: 'status van de telling; standaard definitief' })),
  doel: StringEnum(Object.keys(DOELEN) as Doel[], { description: 'waarvoor u de gegevens inziet; moet bij de taak van uw rol horen (komt in het audittrail)' }),
  alleenVsv: Type.Optional(Type.Boolean({ description: 'alleen voortijdig schoolverlaters' })),
  rmcCode: Type.Optional(Type.String({ pattern: '^\\d{2}$', description: 'alleen deze RMC-regio (binnen uw scope)', example: '19' })),
  gemeenteCode: Type.Optional(Type.String({ pattern: '^GM\\d{4}$', description: 'alleen deze woongemeente op T0 (binnen uw scope)', example: 'GM0344' })),
  brin: Type.Optional(Type.String({ pattern: BRIN_PATROON, description: 'alleen deze instelling (primaire inschrijving)', example: '20BB' })),
  pagina: Type.Optional(Type.Integer({ minimum: 1, description: 'paginanummer, vanaf 1' })),
  perPagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'personen per pagina (standaard 50)' })),
}, { additionalProperties: false });

function tekst(body: unknown, sleutel: string): string | undefined {
  const w = (body as Record<string, unknown> | null)?.[sleutel];
  return typeof w === 'string' ? w : undefined;
}

export async function personenRoutes(app: FastifyInstance, { db, gegevens }: { db: Db; gegevens: Gegevens }): Promise<void> {
  const toegangscontext = async (request: FastifyRequest): Promise<Context> => {
    const jaar = tekst(request.body, 'schooljaar');
    const indeling = jaar && parseSchooljaar(jaar) ? await gegevens.indeling(jaar) : await gegevens.laatsteIndeling();
    const regio = new Map(indeling.map((r) => [r.gemeente_code, r.rmc_code]));
    return {
      gevraagd: { rmcCode: tekst(request.body, 'rmcCode'), gemeenteCode: tekst(request.body, 'gemeenteCode'), brin: tekst(request.body, 'brin') },
      doel: tekst(request.body, 'doel'),
      regioVanGemeente: (g) => regio.get(g) ?? null,
    };
  };

  app.post('/personen/_zoek', {
    schema: {
      tags: ['Personen'],
      operationId: 'personenZoeken',
      summary: 'Personen van een telling binnen uw scope (vastgelegd in het audittrail)',
      description: 'Voor de rollen rmc, leerplicht en school: de personen van de opgeslagen telling van een schooljaar binnen uw eigen scope '
        + '(rmc: woonachtig in de regio op T0; leerplicht: in de gemeente; school: primaire inschrijving bij de eigen BRIN), met alleen de velden '
        + 'die uw rol nodig heeft. Elke inzage (JSON of CSV) wordt vastgelegd in het audittrail met uw doel.',
      querystring: Type.Object({ formaat: Type.Optional(FormaatParam) }, { additionalProperties: false }),
      body: PersonenVraag,
      response: ok(PersonenAntwoord, 'De personen van deze pagina'),
    },
    config: {
      handeling: 'persoon.lezen',
      toegangscontext,
      bewaar: false,
      csv: (p: Static<typeof PersonenAntwoord>) => [tabel('personen', p.velden, p.personen)],
    },
  }, async (request) => {
    const vraag = request.body as Static<typeof PersonenVraag>;
    const gebruiker = request.gebruiker!;
    const jaar = parseSchooljaar(vraag.schooljaar);
    if (!jaar) throw ongeldig([{ name: 'schooljaar', code: 'invalid', reason: `'${vraag.schooljaar}' is geen schooljaar` }]);
    const status = vraag.status ?? 'definitief';
    const run = await laatsteRun(db, jaar.naam, status);
    if (!run) throw nietGevonden(`Er is geen ${status}e telling van ${jaar.naam}.`);
    const perPagina = vraag.perPagina ?? 50;
    const pagina = vraag.pagina ?? 1;
    const velden = VELDEN_PER_ROL[gebruiker.rol];
    const doel = vraag.doel;
    if (!doelenVoor(gebruiker.rol, 'persoon.lezen').includes(doel)) throw new Error('het beleid liet een doel door dat niet bij de rol hoort');
    const { totaal, personen } = await leesPersonenGeaudit(db, {
      runId: run.id, gebruiker, velden, alleenVsv: vraag.alleenVsv ?? false,
      rmcCode: vraag.rmcCode, gemeenteCode: vraag.gemeenteCode, brin: vraag.brin,
      offset: (pagina - 1) * perPagina, limit: perPagina, doel,
      parameters: {
        run: run.id, schooljaar: jaar.naam, status, alleenVsv: vraag.alleenVsv ?? false, rmcCode: vraag.rmcCode ?? null,
        gemeenteCode: vraag.gemeenteCode ?? null, brin: vraag.brin ?? null, pagina, perPagina, formaat: request.formaat,
      },
    });
    return {
      telling: { runId: run.id, schooljaar: run.schooljaar, status: run.status },
      velden,
      paginering: { pagina, perPagina, totaalAantal: totaal, aantalPaginas: Math.ceil(totaal / perPagina) },
      personen,
    };
  });
}
