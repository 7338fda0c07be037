import { Readable } from 'node:stream';
import { type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { leesMeldingsfeiten, leesSchooljarenMetMeldingen, persoonIdVanLeerling, telVsvMetMelding } from '../../db/verzuim.js';
import type { Context } from '../../domain/toegang/beleid.js';
import { MELDINGVELDEN, type MeldingInvoer, type Meldingveld } from '../../domain/verzuim/melding.js';
import { voegActieToe, wijzigAfhandeling, zoekLeerling, zoekMeldingen, type Verzuimopties, type Wijzigingsuitkomst } from '../../verzuim/behandelen.js';
import { importeerVerzuimRecords, meldRijen, OnbruikbaarBestand } from '../../verzuim/importeer.js';
import { readCsvRecords } from '../../importeren/csvReader.js';
import { nietGevonden, ongeldig, ProblemError } from '../problems.js';
import {
  AfhandelingWijziging, Gemeld, Importverslag, LeerlingenAntwoord, LeerlingVraag, MeldingenAntwoord, MeldingenVraag, NieuweActie,
  NieuweMelding, Verzuimcijfers, VerzuimcijfersVraag, Verzuimmelding,
} from '../schemasVerzuim.js';
import { isSchooljaar, schooljaarGrenzen, schooljaarVanMelding, telperiode, verzuimcijfers, vsvMetMelding } from '../../domain/verzuim/cijfers.js';
import { scopeTekst } from '../../domain/toegang/rollen.js';
import { Type } from '@sinclair/typebox';

/**
 * The absence reports (issue 10; docs/verzuim.md): a school files one report (JSON) or a CSV
 * file of them and finds its pupil by name and date of birth; leerplicht and RMC read the
 * reports routed to them and handle them; a school reads its own (status and contact person).
 * Persons only ever in a JSON body; every read of a report is audited (src/verzuim/behandelen.ts).
 */
export interface Verzuiminstellingen {
  /** weeks without action after which a report in handling is overdue (BINNENBOORD_VERZUIM_ACHTERSTAND_WEKEN) */
  achterstandWeken: number;
}

/** The data set's fields in the API (camelCase) and in the CSV format and rules (snake_case). */
const API_VELD: Readonly<Record<Meldingveld, keyof Static<typeof NieuweMelding>>> = {
  bron: 'bron', soort: 'soort', persoon_id: 'persoonId', brin: 'brin', vestiging: 'vestiging', lesplaats: 'lesplaats',
  meldingsdatum: 'meldingsdatum', startdatum: 'startdatum', einddatum: 'einddatum', verzuim_dagen: 'verzuimDagen',
  verzuim_uren: 'verzuimUren', alle_lessen_gemist: 'alleLessenGemist', vermoedelijke_reden: 'vermoedelijkeReden',
  ondernomen_actie: 'ondernomenActie', gemeente_gevraagd_te_handelen: 'gemeenteGevraagdTeHandelen',
  reden_niet_handelen: 'redenNietHandelen', melder_naam: 'melderNaam', melder_functie: 'melderFunctie',
  melder_telefoon: 'melderTelefoon', melder_email: 'melderEmail', telefoon_leerling_of_ouder: 'telefoonLeerlingOfOuder',
  verblijfadres: 'verblijfadres', verblijf_gemeente_code: 'verblijfGemeenteCode',
};

const BULK_LIMIET = 32 * 1024 * 1024;

function eigenBrin(request: FastifyRequest): string {
  const s = request.gebruiker!.scope;
  if (s.soort !== 'brin') throw new Error('het beleid liet een melding door van een gebruiker zonder school');
  return s.code;
}

const brinUitBody = (request: FastifyRequest): Context => {
  const b = (request.body ?? {}) as { brin?: unknown };
  return { gevraagd: typeof b.brin === 'string' ? { brin: b.brin } : {} };
};

function alsInvoer(body: Static<typeof NieuweMelding>, persoonId: string, brin: string): MeldingInvoer {
  const invoer = {} as Record<Meldingveld, string>;
  for (const veld of MELDINGVELDEN) {
    const w = body[API_VELD[veld]];
    invoer[veld] = w === undefined ? '' : typeof w === 'boolean' ? (w ? 'ja' : 'nee') : String(w);
  }
  invoer.persoon_id = persoonId;
  invoer.brin = brin;
  return invoer;
}

function naarProblem(u: Exclude<Wijzigingsuitkomst, { ok: true }>): ProblemError {
  if (u.soort === 'niet-gevonden') return nietGevonden(u.reden);
  return ongeldig([{ name: u.veld, code: 'afhandeling', reason: u.reden }], u.reden);
}

export async function verzuimRoutes(app: FastifyInstance, { db, verzuim }: { db: Db; verzuim: Verzuiminstellingen }): Promise<void> {
  const opties = (): Verzuimopties => ({ vandaag: new Date().toISOString().slice(0, 10), achterstandWeken: verzuim.achterstandWeken });

  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: BULK_LIMIET }, (_request, body, klaar) => klaar(null, body));

  app.post('/leerlingen/_zoek', {
    schema: {
      tags: ['Verzuim'], operationId: 'leerlingZoeken',
      summary: 'Een eigen leerling zoeken op naam en geboortedatum, om verzuim te melden (vastgelegd in het audittrail)',
      description: 'Alleen voor een school: zoekt onder iedereen die ooit bij de eigen BRIN ingeschreven stond. Geeft een referentie terug om mee te melden; nooit een persoon_id of BSN.',
      body: LeerlingVraag,
      response: { 200: { description: 'Hoogstens 20 leerlingen', ...LeerlingenAntwoord } },
    },
    config: { handeling: 'verzuim.melden', bewaar: false, toegangscontext: () => ({ doel: 'verzuim-melden' }) },
  }, async (request) => {
    const v = request.body as Static<typeof LeerlingVraag>;
    return zoekLeerling(db, request.gebruiker!, v.naam, v.geboortedatum);
  });

  app.post('/verzuimmeldingen', {
    schema: {
      tags: ['Verzuim'], operationId: 'verzuimMelden',
      summary: 'Eén verzuimmelding doen (school)',
      description: 'Een school meldt verzuim van een eigen leerling (de dataset van opvolging.md). Elk veld wordt gecontroleerd (docs/rules/verzuim-melding.md); '
        + 'bij fouten komt 400 terug met per veld de reden in invalidParams en wordt niets vastgelegd. Een geldige melding gaat meteen naar de woongemeente '
        + '(of bij een rmc-melding van een 18-plusser naar de RMC-regio). Geef de leerling met leerlingReferentie (uit POST /leerlingen/_zoek) of persoonId.',
      body: NieuweMelding,
      response: { 201: { description: 'De melding is vastgelegd en doorgestuurd', ...Gemeld } },
    },
    config: { handeling: 'verzuim.melden', bewaar: false, toegangscontext: brinUitBody },
  }, async (request, reply) => {
    const body = request.body as Static<typeof NieuweMelding>;
    const brin = eigenBrin(request);
    if (body.persoonId !== undefined && body.leerlingReferentie !== undefined) {
      throw ongeldig([{ name: 'leerlingReferentie', code: 'dubbel', reason: 'geef de leerling met leerlingReferentie of met persoonId, niet met allebei' }]);
    }
    let persoonId = body.persoonId ?? '';
    if (body.leerlingReferentie !== undefined) {
      const gevonden = await persoonIdVanLeerling(db, body.leerlingReferentie, brin);
      if (gevonden === null) throw ongeldig([{ name: 'leerlingReferentie', code: 'onbekend', reason: `is geen leerling die ooit bij ${brin} ingeschreven stond` }]);
      persoonId = gevonden;
    }
    const pupilVeld = body.leerlingReferentie !== undefined ? 'leerlingReferentie' : 'persoonId';
    const uit = await meldRijen(db, [{ regel: 1, invoer: alsInvoer(body, persoonId, brin) }], { brin, gebruiker: request.gebruiker!, handeling: 'verzuim.melden', vandaag: opties().vandaag });
    if (uit.geweigerd.length > 0) {
      throw ongeldig(uit.geweigerd.map((w) => ({
        name: w.kolom === null ? 'melding' : w.kolom === 'persoon_id' ? pupilVeld : API_VELD[w.kolom], code: 'ongeldig', reason: w.reden,
      })), 'De melding is niet vastgelegd; zie per veld de reden in invalidParams.');
    }
    const g = uit.gemeld[0]!;
    return reply.code(201).send({ meldingId: g.meldingId, status: g.status, tijdigheid: g.tijdigheid, opmerkingen: g.opmerkingen });
  });

  app.post('/verzuimmeldingen/_importeren', {
    bodyLimit: BULK_LIMIET,
    schema: {
      tags: ['Verzuim'], operationId: 'verzuimImporteren',
      summary: 'Verzuimmeldingen in bulk als CSV (school)',
      description: 'Het CSV-formaat van docs/verzuim.md (Content-Type text/csv), alleen meldingen van de eigen school. Elke regel wordt op zichzelf gecontroleerd: '
        + 'geldige regels worden samen vastgelegd, kapotte komen terug met regel, kolom en reden. Een verkeerde kopregel weigert het hele bestand (400).',
      body: { content: { 'text/csv': { schema: { type: 'string', description: 'CSV, UTF-8, met kopregel' } } } },
      response: { 200: { description: 'Per regel: gemeld of geweigerd met de reden', ...Importverslag } },
    },
    config: { handeling: 'verzuim.melden', bewaar: false },
  }, async (request) => {
    if (typeof request.body !== 'string') throw new ProblemError(415, 'Stuur het bestand als text/csv.');
    const brin = eigenBrin(request);
    try {
      const v = await importeerVerzuimRecords(db, readCsvRecords(Readable.from([request.body])), { brin, gebruiker: request.gebruiker!, handeling: 'verzuim.melden', vandaag: opties().vandaag });
      return {
        gelezen: v.gelezen, aantalGemeld: v.gemeld.length, aantalGeweigerd: new Set(v.geweigerd.map((w) => w.regel)).size,
        gemeld: v.gemeld.map((g) => ({ regel: g.regel, meldingId: g.meldingId, status: g.status, tijdigheid: g.tijdigheid, opmerkingen: g.opmerkingen })),
        geweigerd: v.geweigerd,
      };
    } catch (e) {
      if (e instanceof OnbruikbaarBestand) throw ongeldig([{ name: 'bestand', code: 'kopregel', reason: e.message }], `Het bestand is geweigerd: ${e.message}`);
      throw e;
    }
  });

  app.post('/verzuimmeldingen/_zoek', {
    schema: {
      tags: ['Verzuim'], operationId: 'verzuimmeldingenZoeken',
      summary: 'Verzuimmeldingen binnen uw scope (vastgelegd in het audittrail)',
      description: 'Leerplicht en RMC: de meldingen die naar de eigen gemeente of RMC-regio zijn gestuurd, met alles wat nodig is om ze te behandelen '
        + '(acties, statusgeschiedenis, te-laat- en achterstandsvlag). School: de eigen meldingen, alleen met status en contactpersoon van de afhandeling. '
        + 'Met per school het aandeel te laat gedane meldingen.',
      body: MeldingenVraag,
      response: { 200: { description: 'De meldingen van deze pagina', ...MeldingenAntwoord } },
    },
    config: { handeling: 'verzuim.lezen', bewaar: false, toegangscontext: brinUitBody },
  }, async (request) => {
    const v = request.body as Static<typeof MeldingenVraag>;
    const perPagina = v.perPagina ?? 50;
    const p = v.pagina ?? 1;
    const o = opties();
    const filter = { meldingId: v.meldingId, status: v.status, alleenTeLaat: v.alleenTeLaat, alleenAchterstallig: v.alleenAchterstallig, brin: v.brin };
    const uit = await zoekMeldingen(db, request.gebruiker!, filter, o, (p - 1) * perPagina, perPagina, {
      meldingId: v.meldingId ?? null, status: v.status ?? null, alleenTeLaat: v.alleenTeLaat ?? false,
      alleenAchterstallig: v.alleenAchterstallig ?? false, brin: v.brin ?? null, pagina: p, perPagina,
    });
    return {
      velden: uit.velden, achterstandWeken: o.achterstandWeken,
      paginering: { pagina: p, perPagina, totaalAantal: uit.totaal, aantalPaginas: Math.ceil(uit.totaal / perPagina) },
      tijdigheidPerSchool: uit.tijdigheidPerSchool, meldingen: uit.meldingen,
    };
  });

  const MeldingParams = Type.Object({ meldingId: Type.Integer({ minimum: 1, description: 'nummer van de melding (geen persoonsgegeven)' }) });

  app.patch('/verzuimmeldingen/:meldingId', {
    schema: {
      tags: ['Verzuim'], operationId: 'verzuimmeldingBehandelen',
      summary: 'Status of contactpersoon van een melding wijzigen, of haar afsluiten (leerplicht, RMC)',
      description: 'Statussen en afsluitredenen van opvolging.md: in-behandeling ⇄ ter-kennisneming-aangenomen, beide → afgesloten (met reden en opmerking); '
        + 'afgesloten blijft afgesloten. Antwoordt met de gewijzigde melding. Een melding buiten uw gemeente of regio: 404.',
      params: MeldingParams,
      body: AfhandelingWijziging,
      response: { 200: { description: 'De gewijzigde melding', ...Verzuimmelding } },
    },
    config: { handeling: 'verzuim.behandelen', bewaar: false },
  }, async (request) => {
    const { meldingId } = request.params as { meldingId: number };
    const uit = await wijzigAfhandeling(db, request.gebruiker!, meldingId, request.body as Static<typeof AfhandelingWijziging>, opties());
    if (!uit.ok) throw naarProblem(uit);
    return uit.melding;
  });

  app.post('/verzuimmeldingen/:meldingId/acties', {
    schema: {
      tags: ['Verzuim'], operationId: 'verzuimactieVastleggen',
      summary: 'Een actie bij een melding vastleggen (leerplicht, RMC)',
      description: 'Gesprek met leerling en ouders, waarschuwing, HALT, proces-verbaal of verwijzing naar zorg; alleen bij een melding in behandeling, '
        + 'gedateerd vanaf de meldingsdatum tot en met vandaag. Antwoordt met de melding.',
      params: MeldingParams,
      body: NieuweActie,
      response: { 201: { description: 'De actie is vastgelegd; de melding', ...Verzuimmelding } },
    },
    config: { handeling: 'verzuim.behandelen', bewaar: false },
  }, async (request, reply) => {
    const { meldingId } = request.params as { meldingId: number };
    const uit = await voegActieToe(db, request.gebruiker!, meldingId, request.body as Static<typeof NieuweActie>, opties());
    if (!uit.ok) throw naarProblem(uit);
    return reply.code(201).send(uit.melding);
  });

  app.get('/verzuimcijfers', {
    schema: {
      tags: ['Verzuim'], operationId: 'verzuimcijfersLezen',
      summary: 'Verzuimcijfers van uw gemeente, RMC-regio of school per schooljaar',
      description: 'Aantallen, geen personen: meldingen per soort, per status en afsluitreden, de eerste actie en hoe lang die duurde, '
        + 'en het aandeel te laat gedane meldingen, in totaal en per school. Leerplicht en RMC over de meldingen die naar hen zijn gestuurd, '
        + 'een school over de eigen meldingen. Het schooljaar loopt van 1 augustus tot en met 31 juli (meldingsdatum). '
        + 'Zie docs/rules/verzuim-cijfers.md.',
      querystring: VerzuimcijfersVraag,
      response: { 200: { description: 'De cijfers', ...Verzuimcijfers } },
    },
    // never kept: the answer depends on the caller's scope, and reports change without a new data version
    config: { handeling: 'verzuim.cijfers', bewaar: false },
  }, async (request) => {
    const q = request.query as Static<typeof VerzuimcijfersVraag>;
    const schooljaar = q.schooljaar ?? schooljaarVanMelding(opties().vandaag);
    if (!isSchooljaar(schooljaar)) {
      throw ongeldig([{ name: 'schooljaar', code: 'schooljaar', reason: `'${schooljaar}' is geen schooljaar: twee opeenvolgende jaren, zoals 2025-2026` }],
        `'${schooljaar}' is geen schooljaar`);
    }
    const { van, tot } = schooljaarGrenzen(schooljaar);
    const scope = request.gebruiker!.scope;
    const [feiten, schooljaren, vsv] = await Promise.all([
      leesMeldingsfeiten(db, scope, van, tot), leesSchooljarenMetMeldingen(db, scope), telVsvMetMelding(db, scope, schooljaar, telperiode(schooljaar)),
    ]);
    return {
      ...verzuimcijfers(schooljaar, feiten), scope: scopeTekst(scope), schooljarenMetMeldingen: schooljaren,
      vsvMetMelding: vsv ? vsvMetMelding(schooljaar, vsv.status, vsv.vsvers, vsv.metMelding) : null,
    };
  });
}
