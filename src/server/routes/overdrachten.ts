import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { aanvaardOverdracht, verzendOverdracht, weigerOverdracht, zoekOverdrachtenGeaudit, type Overdrachtrecord, type Overdrachtstap } from '../../db/overdrachten.js';
import { controleerReden, controleerVerzending, DELEN, MAX_REDEN, STATUSSEN } from '../../domain/dossier/overdracht.js';
import { doelenVoor, type Doel, type Handeling } from '../../domain/toegang/beleid.js';
import { nietGevonden, ongeldig, ProblemError } from '../problems.js';
import { StringEnum } from '../schemas.js';
import { Overdracht, OverdrachtenAntwoord } from '../schemasDossiers.js';
import { ok } from './common.js';

/**
 * The warm handover of dossiers (issue 9 item 4; docs/opvolging.md "Overdracht"): the handovers
 * of the caller's scope, and the three steps — the holder sends (parts and reason), the
 * receiver accepts or refuses (reason). A handover is named by its own opaque id; a receiver
 * learns the dossier's id only on acceptance. One of another scope (or a receiver's before it is
 * sent) is "not found", like one that does not exist. Every read and step is audited.
 */
const OVERDRACHT_ID = '^o[0-9a-f]{20}$';
const OverdrachtParams = Type.Object({ overdrachtId: Type.String({ pattern: OVERDRACHT_ID, description: 'opake id van de overdracht', example: 'o0123456789abcdef0123' }) });

const ZoekVraag = Type.Object({
  richting: Type.Optional(StringEnum(['inkomend', 'uitgaand'] as const, { description: 'alleen inkomend of alleen uitgaand' })),
  status: Type.Optional(StringEnum(STATUSSEN, { description: 'alleen deze status' })),
}, { additionalProperties: false });

const Verzending = Type.Object({
  delen: Type.Array(Type.String({ description: `een van: ${DELEN.join(', ')}` }), { maxItems: 20, description: 'wat u doorgeeft (leeg: alleen de tijdlijn uit de leveringen)' }),
  reden: Type.String({ maxLength: MAX_REDEN, description: 'waarom u overdraagt en wat de ontvanger moet weten (verplicht)' }),
}, { additionalProperties: false });

const Weigering = Type.Object({ reden: Type.String({ maxLength: MAX_REDEN, description: 'waarom u weigert (verplicht)' }) }, { additionalProperties: false });
const Leeg = Type.Object({}, { additionalProperties: false });

function doelVan(request: FastifyRequest, handeling: Handeling): Doel {
  const doel = doelenVoor(request.gebruiker!.rol, handeling)[0];
  if (!doel) throw new Error('het beleid liet een rol zonder doel door');
  return doel;
}

export function overdrachtkop(o: Overdrachtrecord): Static<typeof Overdracht> {
  return {
    overdrachtId: o.overdracht_id, richting: o.richting, status: o.status, oorzaak: o.oorzaak, van: o.van, naar: o.naar,
    voornamen: o.voornamen, voorvoegsel: o.voorvoegsel, geslachtsnaam: o.geslachtsnaam, geboortedatum: o.geboortedatum,
    voorgesteldOp: o.voorgesteld_op, verzondenOp: o.verzonden_op, verzondenDoor: o.verzonden_door, beslotenOp: o.besloten_op,
    beslotenDoor: o.besloten_door, weigerreden: o.weigerreden, dossierId: o.dossier_id, delen: o.delen, reden: o.reden,
  };
}

const NIET_GEVONDEN = 'Deze overdracht bestaat niet of valt buiten uw scope.';
const STATUSTEKST: Record<string, string> = {
  voorgesteld: 'is nog niet verzonden', verzonden: 'is al verzonden en wacht op de ontvanger', aanvaard: 'is al aanvaard',
  geweigerd: 'is geweigerd; de afzender kan haar opnieuw verzenden', vervallen: 'is vervallen (de lijsten gaven een andere eigenaar)',
};

function antwoord(uit: Overdrachtstap, wat: string): Static<typeof Overdracht> {
  if (uit.uitkomst === 'niet-gevonden') throw nietGevonden(NIET_GEVONDEN);
  if (uit.uitkomst === 'status') throw new ProblemError(409, `U kunt deze overdracht niet ${wat}: ze ${STATUSTEKST[uit.status]}.`);
  return overdrachtkop(uit.overdracht);
}

const stapSchema = (operationId: string, summary: string, description: string, body: typeof Verzending | typeof Weigering | typeof Leeg) => ({
  tags: ['Dossiers'], operationId, summary, description, params: OverdrachtParams, body,
  response: {
    ...ok(Overdracht, 'De overdracht na deze stap'),
    409: { description: 'De status laat deze stap niet toe', content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } },
  },
});

export async function overdrachtRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.post('/overdrachten/_zoek', {
    schema: {
      tags: ['Dossiers'], operationId: 'overdrachtenZoeken',
      summary: 'Overdrachten van dossiers van en naar uw gemeente of regio (vastgelegd in het audittrail)',
      description: 'Uitgaand: van uw dossiers, elke status. Inkomend: aan u verzonden; vóór aanvaarding alleen naam, geboortedatum, oorzaak en data '
        + '(geen dossier, geen delen, geen reden). Lopende eerst, nieuwste eerst; hoogstens 1000.',
      body: ZoekVraag, response: ok(OverdrachtenAntwoord, 'De overdrachten'),
    },
    config: { handeling: 'overdracht.lezen', bewaar: false },
  }, async (request) => {
    const v = request.body as Static<typeof ZoekVraag>;
    const rijen = await zoekOverdrachtenGeaudit(db, {
      gebruiker: request.gebruiker!, richting: v.richting, status: v.status, doel: doelVan(request, 'overdracht.lezen'),
      parameters: { richting: v.richting ?? null, status: v.status ?? null },
    });
    return { overdrachten: rijen.map(overdrachtkop) };
  });

  app.post('/overdrachten/:overdrachtId/verzending', {
    schema: stapSchema('overdrachtVerzenden', 'Een overdracht verzenden: kiezen wat u doorgeeft en waarom (de houder)',
      'Uit de status voorgesteld, of opnieuw na een weigering. delen: soorten vastleggingen en notities per doel (docs/opvolging.md). '
      + 'U blijft houder tot de ontvanger aanvaardt. Met een sessie: X-CSRF-Token verplicht.', Verzending),
    config: { handeling: 'overdracht.verzenden', bewaar: false },
  }, async (request) => {
    const { overdrachtId } = request.params as Static<typeof OverdrachtParams>;
    const v = request.body as Static<typeof Verzending>;
    const fouten = controleerVerzending(v.delen, v.reden);
    if (fouten.length) throw ongeldig(fouten.map((f) => ({ name: f.naam, code: 'invalid', reason: f.reden })));
    return antwoord(await verzendOverdracht(db, {
      gebruiker: request.gebruiker!, overdrachtId, delen: v.delen, reden: v.reden.trim(), doel: doelVan(request, 'overdracht.verzenden'), handeling: 'overdracht.verzenden',
    }), 'verzenden');
  });

  app.post('/overdrachten/:overdrachtId/aanvaarding', {
    schema: stapSchema('overdrachtAanvaarden', 'Een verzonden overdracht aanvaarden (de ontvanger)',
      'U wordt houder van het dossier en ziet daarna de tijdlijn uit de leveringen en alleen wat de afzender doorgaf. Met een sessie: X-CSRF-Token verplicht.', Leeg),
    config: { handeling: 'overdracht.beslissen', bewaar: false },
  }, async (request) => {
    const { overdrachtId } = request.params as Static<typeof OverdrachtParams>;
    return antwoord(await aanvaardOverdracht(db, {
      gebruiker: request.gebruiker!, overdrachtId, doel: doelVan(request, 'overdracht.beslissen'), handeling: 'overdracht.beslissen',
    }), 'aanvaarden');
  });

  app.post('/overdrachten/:overdrachtId/weigering', {
    schema: stapSchema('overdrachtWeigeren', 'Een verzonden overdracht weigeren, met reden (de ontvanger)',
      'De afzender blijft houder en kan opnieuw verzenden. Met een sessie: X-CSRF-Token verplicht.', Weigering),
    config: { handeling: 'overdracht.beslissen', bewaar: false },
  }, async (request) => {
    const { overdrachtId } = request.params as Static<typeof OverdrachtParams>;
    const v = request.body as Static<typeof Weigering>;
    const fouten = controleerReden('reden', v.reden);
    if (fouten.length) throw ongeldig(fouten.map((f) => ({ name: f.naam, code: 'invalid', reason: f.reden })));
    return antwoord(await weigerOverdracht(db, {
      gebruiker: request.gebruiker!, overdrachtId, reden: v.reden.trim(), doel: doelVan(request, 'overdracht.beslissen'), handeling: 'overdracht.beslissen',
    }), 'weigeren');
  });
}
