import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { demoklok } from '../../demo/demodata.js';
import type { Db } from '../../db/database.js';
import { leesContactinterval, leesOpenDossiersGeaudit, zetContactinterval, type Werklijstdossier } from '../../db/werklijst.js';
import { openWerk, STANDAARD_CONTACTINTERVAL_MAANDEN, werkpunt, dagenTussen, jarenUitGroep } from '../../domain/dossier/werklijst.js';
import { doelenVoor } from '../../domain/toegang/beleid.js';
import type { Gegevens } from '../gegevens.js';
import { WerklijstAntwoord } from '../schemasDossiers.js';
import { ok } from './common.js';

/**
 * POST /api/v1/werklijst/_zoek: the officer's worklist (docs/opvolging.md "Werklijst"): new
 * names, contacts due, intakes overdue (4–6 and over 6 weeks), periodic contact with oud-vsv'ers
 * by years out, and the open work per behandelaar and for the whole scope. The rules are
 * src/domain/dossier/werklijst.ts; the read is audited with every person on it.
 */
const WerklijstVraag = Type.Object({
  peildatum: Type.Optional(Type.String({ format: 'date', description: 'de dag waarop de werklijst geldt (standaard vandaag; in een database met alleen demodata het vandaag van de demowereld), JJJJ-MM-DD' })),
}, { additionalProperties: false });

function item(d: Werklijstdossier, peildatum: string) {
  const jaren = jarenUitGroep(d, peildatum);
  return {
    dossierId: d.dossierId, referentie: d.referentie, voornamen: d.voornamen, voorvoegsel: d.voorvoegsel, geslachtsnaam: d.geslachtsnaam,
    geopendOp: d.geopendOp, volgendContact: d.volgendContact, behandelaar: d.behandelaarNaam,
    dagenSindsLijst: dagenTussen(d.geopendOp, peildatum), ...(jaren ? { jarenUitOnderwijs: jaren } : {}),
  };
}

export async function werklijstRoutes(app: FastifyInstance, { db, gegevens }: { db: Db; gegevens: Gegevens }): Promise<void> {
  app.post('/werklijst/_zoek', {
    schema: {
      tags: ['Dossiers'], operationId: 'werklijst',
      summary: 'Uw werklijst en het open werk van uw regio of gemeente (vastgelegd in het audittrail)',
      description: 'Voor rmc en leerplicht: nieuwe namen (nog door niemand opgepakt), contacten die aan de beurt zijn, intakes die te laat zijn '
        + '(4–6 en meer dan 6 weken na de lijst) en periodiek contact met oud-vsv\'ers per aantal jaren uit het onderwijs (interval: instelling van de '
        + 'regio, standaard 6 maanden); daarnaast het open werk per behandelaar en in totaal.',
      body: WerklijstVraag, response: ok(WerklijstAntwoord, 'De werklijst'),
    },
    config: { handeling: 'werklijst.lezen', bewaar: false },
  }, async (request) => {
    const v = request.body as Static<typeof WerklijstVraag>;
    const g = request.gebruiker!;
    const peildatum = v.peildatum ?? (await demoklok(db)) ?? new Date().toISOString().slice(0, 10);
    let regio: string | null = null;
    if (g.scope.soort === 'rmc-regio') regio = g.scope.code;
    else if (g.scope.soort === 'gemeente') {
      const code = g.scope.code;
      regio = (await gegevens.laatsteIndeling()).find((r) => r.gemeente_code === code)?.rmc_code ?? null;
    }
    const interval = (regio === null ? null : await leesContactinterval(db, regio)) ?? STANDAARD_CONTACTINTERVAL_MAANDEN;
    const dossiers = await leesOpenDossiersGeaudit(db, { gebruiker: g, doel: doelenVoor(g.rol, 'werklijst.lezen')[0]!, parameters: { peildatum } });
    const mijn = dossiers.filter((d) => d.behandelaarId === g.accountId);
    const punten = new Map(dossiers.map((d) => [d.dossierId, werkpunt(d, peildatum, interval)]));
    const p = (d: Werklijstdossier) => punten.get(d.dossierId)!;
    return {
      peildatum, contactintervalMaanden: interval,
      nieuweNamen: dossiers.filter((d) => p(d).nieuw).map((d) => item(d, peildatum)),
      contactenTeDoen: mijn.filter((d) => p(d).contactTeDoen).map((d) => item(d, peildatum)),
      intakesTeLaat: mijn.filter((d) => p(d).intake !== 'op-tijd').map((d) => ({ ...item(d, peildatum), intake: p(d).intake })),
      periodiekContact: mijn.filter((d) => p(d).periodiek !== null).map((d) => item(d, peildatum)),
      openWerk: openWerk(dossiers, peildatum, interval),
    };
  });
}

const RegioParams = Type.Object({ rmcCode: Type.String({ pattern: '^\\d{2}$', description: 'RMC-code van twee cijfers', example: '19' }) });
const InstellingVraag = Type.Object({
  contactintervalMaanden: Type.Integer({ minimum: 1, maximum: 60, description: 'interval van periodiek contact met oud-vsv\'ers, in maanden' }),
}, { additionalProperties: false });
const InstellingAntwoord = Type.Object({ rmcCode: Type.String(), contactintervalMaanden: Type.Integer() });

/** PATCH /api/v1/rmc-regios/{rmcCode}/instellingen: the region's interval of periodic contact (its own region only). */
export async function regioInstellingRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.patch('/rmc-regios/:rmcCode/instellingen', {
    schema: {
      tags: ['Dossiers'], operationId: 'regioInstellingWijzigen',
      summary: 'De instellingen van de eigen RMC-regio voor het opvolgen: het interval van periodiek contact',
      params: RegioParams, body: InstellingVraag, response: ok(InstellingAntwoord, 'De instelling zoals vastgelegd'),
    },
    config: {
      handeling: 'regio.instellen', bewaar: false,
      toegangscontext: (request) => ({ gevraagd: { rmcCode: (request.params as { rmcCode?: string }).rmcCode } }),
    },
  }, async (request) => {
    const { rmcCode } = request.params as Static<typeof RegioParams>;
    const { contactintervalMaanden } = request.body as Static<typeof InstellingVraag>;
    await zetContactinterval(db, rmcCode, contactintervalMaanden);
    return { rmcCode, contactintervalMaanden };
  });
}
