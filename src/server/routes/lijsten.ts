import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registreerInzage } from '../../db/audit.js';
import type { Db } from '../../db/database.js';
import type { Lijstrun } from '../../db/lijsten.js';
import { LIJSTSORTERINGEN, leesLijstrijenGeaudit, uitvalPerCategorie, type Lijstfilter, type Lijstrijrecord } from '../../db/lijstrijen.js';
import { LIJSTSOORTEN, type Lijstsoort } from '../../domain/lijsten/lijsten.js';
import { lijstjaar, parseMaand, vorigeMaand } from '../../domain/lijsten/maand.js';
import { LIJSTEN_VOOR_SCHOOL, magLijstZien, type Scope as Lijstscope } from '../../domain/lijsten/rij.js';
import { uitvalcijfersBinnenScope } from '../../domain/lijsten/uitvalBinnenScope.js';
import type { Context } from '../../domain/toegang/beleid.js';
import type { Gebruiker } from '../../domain/toegang/rollen.js';
import { schooljaarVanaf } from '../../domain/schooljaar.js';
import { actueleLijsten } from '../../lijsten/dossiers.js';
import { lijstCsv } from '../../lijsten/uitvoer.js';
import type { Gegevens } from '../gegevens.js';
import { nietGevonden, ongeldig, ProblemError } from '../problems.js';
import { BRIN_PATROON, FormaatParam, StringEnum } from '../schemas.js';
import { LijstAntwoord } from '../schemasLijsten.js';
import { ok, tabel } from './common.js';
import { lijstCsvFilter } from './lijstCsvFilter.js';

/**
 * POST /api/v1/lijsten/_zoek: one monthly list of lijsten.md within the caller's scope ("Who
 * sees which rows"), optionally narrowed, sorted and paged, each row marked new when it was not
 * on the same list the month before. JSON and xlsx carry the rows the caller's role may see;
 * CSV is byte for byte `binnenboord lijst` for the caller's scope (lijsten.md, "Command line"),
 * except that a school gets the residence columns empty (its field matrix, docs/toegang.md).
 * Every answer is one audit record naming the persons it carried, in the read's transaction.
 */
const LijstVraag = Type.Object({
  soort: StringEnum(LIJSTSOORTEN, { description: 'welke lijst (lijsten.md)' }),
  maand: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'de maand JJJJ-MM; peildatum de eerste dag', example: '2018-03' }),
  rmcCode: Type.Optional(Type.String({ pattern: '^\\d{2}$', description: 'alleen deze RMC-regio (binnen uw scope)' })),
  gemeenteCode: Type.Optional(Type.String({ pattern: '^GM\\d{4}$', description: 'alleen deze woongemeente (binnen uw scope)' })),
  brin: Type.Optional(Type.String({ pattern: BRIN_PATROON, description: 'alleen deze instelling (laatste bekostigde inschrijving)' })),
  onderwijstype: Type.Optional(Type.String({ pattern: '^[a-z-]{2,30}$', description: 'alleen dit onderwijstype' })),
  alleenNieuw: Type.Optional(Type.Boolean({ description: 'alleen wie vorige maand niet op deze lijst stond (niet bij CSV)' })),
  sorteer: Type.Optional(StringEnum(LIJSTSORTERINGEN, { description: 'sorteren op; standaard naam (school: brin)' })),
  aflopend: Type.Optional(Type.Boolean({ description: 'aflopend sorteren' })),
  pagina: Type.Optional(Type.Integer({ minimum: 1, description: 'paginanummer, vanaf 1' })),
  perPagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'rijen per pagina (standaard 50)' })),
}, { additionalProperties: false });
type Vraag = Static<typeof LijstVraag>;

function tekst(body: unknown, sleutel: string): string | undefined {
  const w = (body as Record<string, unknown> | null)?.[sleutel];
  return typeof w === 'string' ? w : undefined;
}

/** The user's scope as a scope of the lists (rij.ts). */
export function lijstscope(g: Gebruiker): Lijstscope {
  const s = g.scope;
  if (s.soort === 'rmc-regio') return { soort: 'rmc', code: s.code };
  if (s.soort === 'landelijk') return { soort: 'landelijk' };
  return { soort: s.soort, code: s.code };
}

const CSV_KOLOM = { gemeenteCode: 3, rmcCode: 4, brin: 6, onderwijstype: 8 } as const;

async function leesRun(db: Db, vraag: Vraag): Promise<{ run: Lijstrun; vorige: Lijstrun }> {
  const maand = parseMaand(vraag.maand);
  if (!maand) throw ongeldig([{ name: 'maand', code: 'invalid', reason: `'${vraag.maand}' is geen maand` }]);
  const [run, vorige] = await actueleLijsten(db, [maand, vorigeMaand(maand)]) as [Lijstrun, Lijstrun];
  const jaar = lijstjaar(maand);
  if ((vraag.soort === 'startset' || vraag.soort === 'uitval') && run.startset_run_id === null) {
    throw nietGevonden(`De ${vraag.soort} van ${maand.naam} komt uit de telling van ${jaar.naam}, en die is er nog niet.`);
  }
  if (vraag.soort === 'verlate-startkwalificatie' && run.vorige_run_id === null) {
    throw nietGevonden(`De lijst verlate-startkwalificatie van ${maand.naam} komt uit de definitieve telling van ${schooljaarVanaf(jaar.jaar - 1).naam}, en die is er nog niet.`);
  }
  return { run, vorige };
}

async function alsCsvDownload(db: Db, request: FastifyRequest, reply: FastifyReply, vraag: Vraag, run: Lijstrun): Promise<string> {
  if (vraag.alleenNieuw) throw ongeldig([{ name: 'alleenNieuw', code: 'invalid', reason: 'de CSV is de hele lijst van lijsten.md; alleenNieuw kan alleen bij JSON en xlsx' }]);
  const gebruiker = request.gebruiker!;
  const filter = lijstCsvFilter(Object.entries(CSV_KOLOM).flatMap(([naam, kolom]) => {
    const waarde = vraag[naam as keyof typeof CSV_KOLOM];
    return waarde === undefined ? [] : [{ kolom, waarde }];
  }), gebruiker.rol === 'school' ? [CSV_KOLOM.gemeenteCode, CSV_KOLOM.rmcCode] : []);
  const csv = await db.transaction(async (tx) => {
    let tekstUit = '';
    for await (const stuk of lijstCsv(tx, run, vraag.soort, lijstscope(gebruiker), { rijen: 0 })) {
      tekstUit += typeof stuk === 'string' ? stuk : Buffer.from(stuk).toString('utf8');
    }
    const { csv: gefilterd, persoonIds } = filter(tekstUit);
    await registreerInzage(tx, {
      gebruiker, handeling: 'lijst.lezen', doel: 'maandlijst', personen: { ids: persoonIds },
      parameters: { ...auditparameters(vraag, run), formaat: 'csv' },
    });
    return gefilterd;
  });
  reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="lijst-${vraag.soort}-${vraag.maand}.csv"`);
  return csv;
}

function auditparameters(vraag: Vraag, run: Lijstrun): Record<string, string | number | boolean | null> {
  return {
    soort: vraag.soort, maand: vraag.maand, lijstrun: run.id, rmcCode: vraag.rmcCode ?? null, gemeenteCode: vraag.gemeenteCode ?? null,
    brin: vraag.brin ?? null, onderwijstype: vraag.onderwijstype ?? null, alleenNieuw: vraag.alleenNieuw ?? false,
  };
}

function rij(r: Lijstrijrecord, school: boolean) {
  const persoon = school ? {} : {
    voornamen: r.voornamen, voorvoegsel: r.voorvoegsel, geslachtsnaam: r.geslachtsnaam, geboortedatum: r.geboortedatum,
    gemeenteCode: r.gemeente_code, rmcCode: r.rmc_code, dossierId: r.dossier_id,
  };
  return {
    referentie: r.referentie, ...persoon, leeftijd: r.leeftijd, brin: r.brin, vestiging: r.vestiging, onderwijstype: r.onderwijstype,
    einddatum: r.einddatum, reden: r.reden, categorie: r.categorie, nieuw: r.nieuw,
  };
}

const XLSX_KOLOMMEN = ['referentie', 'voornamen', 'voorvoegsel', 'geslachtsnaam', 'geboortedatum', 'gemeenteCode', 'rmcCode', 'leeftijd',
  'brin', 'vestiging', 'onderwijstype', 'einddatum', 'reden', 'categorie', 'nieuw'];

export async function lijstRoutes(app: FastifyInstance, { db, gegevens }: { db: Db; gegevens: Gegevens }): Promise<void> {
  const toegangscontext = async (request: FastifyRequest): Promise<Context> => {
    const indeling = await gegevens.laatsteIndeling();
    const regio = new Map(indeling.map((r) => [r.gemeente_code, r.rmc_code]));
    return {
      gevraagd: { rmcCode: tekst(request.body, 'rmcCode'), gemeenteCode: tekst(request.body, 'gemeenteCode'), brin: tekst(request.body, 'brin') },
      doel: 'maandlijst',
      regioVanGemeente: (g) => regio.get(g) ?? null,
    };
  };

  app.post('/lijsten/_zoek', {
    schema: {
      tags: ['Maandlijsten'],
      operationId: 'lijstZoeken',
      summary: 'Een maandlijst binnen uw scope (lijsten.md; vastgelegd in het audittrail)',
      description: 'Voor de rollen rmc, leerplicht en school: een maandlijst (uitschrijvingen, werkvoorraad, herinschrijvingen, startset, uitval, '
        + 'verlate-startkwalificatie) binnen uw scope: rmc de inwoners van de regio, leerplicht van de gemeente, een school haar oud-leerlingen op '
        + `${LIJSTEN_VOOR_SCHOOL.join(', ')}. De lijsten van een maand worden berekend en opgeslagen bij de eerste vraag. `
        + 'JSON en xlsx: gefilterd, gesorteerd en per pagina (xlsx: alle rijen), met "nieuw" ten opzichte van de vorige maand; '
        + 'CSV: precies de uitvoer van binnenboord lijst voor uw scope (een school zonder woongemeente en regio). Elke inzage wordt vastgelegd in het audittrail (doel maandlijst).',
      querystring: Type.Object({ formaat: Type.Optional(FormaatParam) }, { additionalProperties: false }),
      body: LijstVraag,
      response: ok(LijstAntwoord, 'De rijen van deze pagina'),
    },
    config: {
      handeling: 'lijst.lezen',
      toegangscontext,
      bewaar: false,
      csv: (p: Static<typeof LijstAntwoord>) => [
        tabel(p.lijst.soort, XLSX_KOLOMMEN, p.rijen),
        ...(p.uitval ? [tabel('uitvalcijfer', ['categorie', 'startsetPersonen', 'uitvalPersonen', 'uitvalpercentage'], p.uitval)] : []),
      ],
    },
  }, async (request, reply) => {
    const vraag = request.body as Vraag;
    const gebruiker = request.gebruiker!;
    const soort: Lijstsoort = vraag.soort;
    if (!magLijstZien(lijstscope(gebruiker), soort)) {
      throw new ProblemError(403, `Een school ziet alleen de lijsten ${LIJSTEN_VOOR_SCHOOL.join(', ')}, niet ${soort} (lijsten.md).`);
    }
    const { run, vorige } = await leesRun(db, vraag);
    if (request.formaat === 'csv') return alsCsvDownload(db, request, reply, vraag, run);
    const school = gebruiker.rol === 'school';
    const perPagina = vraag.perPagina ?? 50;
    const pagina = vraag.pagina ?? 1;
    const filter: Lijstfilter = {
      rmcCode: vraag.rmcCode, gemeenteCode: vraag.gemeenteCode, brin: vraag.brin, onderwijstype: vraag.onderwijstype, alleenNieuw: vraag.alleenNieuw,
    };
    const alles = request.formaat === 'xlsx';
    const { totaal, rijen } = await leesLijstrijenGeaudit(db, {
      run, vorige, soort, gebruiker, filter, sorteer: vraag.sorteer ?? (school ? 'brin' : 'naam'), aflopend: vraag.aflopend ?? false,
      pagina: alles ? null : { offset: (pagina - 1) * perPagina, limit: perPagina }, doel: 'maandlijst',
      parameters: { ...auditparameters(vraag, run), sorteer: vraag.sorteer ?? null, pagina, perPagina, formaat: request.formaat },
    });
    let uitval;
    if (soort === 'uitval') {
      const { startset, uitval: u } = await uitvalPerCategorie(db, run, gebruiker, filter);
      uitval = uitvalcijfersBinnenScope(startset, u).map((c) => ({
        categorie: c.categorie, startsetPersonen: c.startset, uitvalPersonen: c.uitval, uitvalpercentage: c.percentage,
      }));
    }
    return {
      lijst: { soort, maand: run.maand, lijstrunId: run.id, berekendOp: run.gereed_op, leveringen: run.leveringen, vergelekenMet: vorige.id },
      paginering: { pagina: alles ? 1 : pagina, perPagina: alles ? Math.max(totaal, 1) : perPagina, totaalAantal: totaal, aantalPaginas: alles ? 1 : Math.ceil(totaal / perPagina) },
      rijen: rijen.map((r) => rij(r, school)),
      ...(uitval ? { uitval } : {}),
    };
  });
}
