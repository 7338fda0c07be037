import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { registreerInzage, zoekAudit } from '../../db/audit.js';
import type { Db } from '../../db/database.js';
import { HANDELINGEN } from '../../domain/toegang/beleid.js';
import { FormaatParam, StringEnum } from '../schemas.js';
import { AuditAntwoord } from '../schemasToegang.js';
import { ok, tabel } from './common.js';

/**
 * POST /api/v1/audit/_zoek: the privacy officer's view of the audit trail, by account,
 * person reference, action and period (a POST with a JSON body: a person reference is never
 * put in a URL). The officer's own searches are recorded too (without persons).
 */
const DATUM = '^\\d{4}-\\d{2}-\\d{2}$';

const AuditVraag = Type.Object({
  accountId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'alleen inzage door dit account' })),
  referentie: Type.Optional(Type.String({ pattern: '^p[0-9a-f]{20}$', description: 'alleen inzage in deze persoon (interne referentie)' })),
  handeling: Type.Optional(StringEnum(HANDELINGEN, { description: 'alleen deze handeling' })),
  van: Type.Optional(Type.String({ pattern: DATUM, description: 'vanaf deze dag (UTC), JJJJ-MM-DD' })),
  tot: Type.Optional(Type.String({ pattern: DATUM, description: 'tot en met deze dag (UTC), JJJJ-MM-DD' })),
  pagina: Type.Optional(Type.Integer({ minimum: 1 })),
  perPagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.post('/audit/_zoek', {
    schema: {
      tags: ['Audit'],
      operationId: 'auditZoeken',
      summary: 'Het audittrail van inzage in persoonsgegevens (alleen de functionaris gegevensbescherming)',
      description: 'Zoek inzage in persoonsgegevens op account, persoonsreferentie, handeling en periode; nieuwste eerst.',
      querystring: Type.Object({ formaat: Type.Optional(FormaatParam) }, { additionalProperties: false }),
      body: AuditVraag,
      response: ok(AuditAntwoord, 'De gevonden auditrecords'),
    },
    config: {
      handeling: 'audit.lezen',
      bewaar: false,
      csv: (p: Static<typeof AuditAntwoord>) => [tabel('audit',
        ['id', 'tijdstip', 'accountId', 'weergavenaam', 'rol', 'scope', 'soort', 'handeling', 'parameters', 'doel', 'aantalPersonen', 'personen', 'hash'],
        p.records.map((r) => ({ ...r, parameters: JSON.stringify(r.parameters), personen: r.personen.join(' ') })))],
    },
  }, async (request) => {
    const v = request.body as Static<typeof AuditVraag>;
    const pagina = v.pagina ?? 1;
    const perPagina = v.perPagina ?? 50;
    const { totaal, records } = await db.transaction(async (tx) => {
      await registreerInzage(tx, {
        gebruiker: request.gebruiker!, handeling: 'audit.lezen', doel: 'toezicht', personen: { ids: [] },
        parameters: {
          accountId: v.accountId ?? null, referentie: v.referentie ? 'gegeven' : null, handeling: v.handeling ?? null,
          van: v.van ?? null, tot: v.tot ?? null, pagina, perPagina, formaat: request.formaat,
        },
      });
      return zoekAudit(tx, { ...v, offset: (pagina - 1) * perPagina, limit: perPagina });
    });
    return {
      paginering: { pagina, perPagina, totaalAantal: totaal, aantalPaginas: Math.ceil(totaal / perPagina) },
      records: records.map((r) => ({
        id: Number(r.id), tijdstip: r.tijdstip, accountId: r.account_id, weergavenaam: r.weergavenaam, rol: r.rol, scope: r.scope,
        soort: r.soort, handeling: r.handeling, parameters: JSON.parse(r.parameters) as Record<string, unknown>, doel: r.doel,
        aantalPersonen: r.aantal_personen, personen: r.personen, hash: r.hash,
      })),
    };
  });
}
