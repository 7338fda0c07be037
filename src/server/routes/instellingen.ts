import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bestaatInstellingInCijfers } from '../../db/cijfers.js';
import { instellingMetTrend } from '../publicatie/instelling.js';
import { Telcijfer } from '../openbaarmaking.js';
import { nietGevonden } from '../problems.js';
import { kiesRun, tellingInfo } from '../runs.js';
import { zoekInstellingen } from '../zoeken.js';
import { SORTEERWAARDEN, leesSorteervraag, sorteerInstellingen } from '../instellingsvolgorde.js';
import { BRIN_PATROON, InstellingAntwoord, InstellingenAntwoord, StringEnum } from '../schemas.js';
import {
  CIJFERKOLOMMEN, JaarEnStatus, NORMKOLOMMEN, NORMSAMENVATTINGKOLOMMEN, TELLINGKOLOMMEN, cijferCellen, figuurQuery, normCellen, ok, params, query, tabel,
  tellingCellen, type ApiContext, type JaarEnStatusQuery,
} from './common.js';

/** Institutions (BRIN): search by name and place, and one institution with its locations, norms and trend. */
interface Zoekvraag extends JaarEnStatusQuery {
  naam?: string;
  plaats?: string;
  pagina?: number;
  paginaGrootte?: number;
  sorteer?: string;
}

function paginaLink(request: FastifyRequest, pagina: number): { href: string } {
  const [pad, zoek] = request.url.split('?');
  const q = new URLSearchParams(zoek ?? '');
  q.set('pagina', String(pagina));
  return { href: `${pad}?${q.toString()}` };
}

export async function instellingRoutes(app: FastifyInstance, { db, gegevens }: ApiContext): Promise<void> {
  app.get('/instellingen', {
    schema: {
      tags: ['Instellingen'],
      operationId: 'instellingen',
      summary: 'Instellingen zoeken op naam en plaats',
      description: 'Instellingen (één per BRIN) waarvan de BRIN met de zoektekst begint of de naam een woord dat ermee begint, en die een vestiging hebben in een gemeente '
        + 'met een woord in de naam dat met de plaats begint ("ROC" vindt geen "Brederocollege"); met het totaalcijfer van de gekozen telling. '
        + 'Gepagineerd, met _links; een download (formaat=csv of xlsx) bevat altijd de hele lijst, zonder paginering, in dezelfde volgorde. '
        + 'De volgorde (sorteer) geldt voor de hele lijst, over de pagina\'s heen. Op een cijfer wordt gesorteerd zoals het wordt gepubliceerd: '
        + '"<5" telt als één waarde tussen 0 en 5, en een niet getoond cijfer staat altijd achteraan.',
      querystring: figuurQuery({
        naam: Type.Optional(Type.String({ maxLength: 100, description: 'deel van de naam of de BRIN', example: 'College' })),
        plaats: Type.Optional(Type.String({ maxLength: 100, description: 'deel van de naam van de gemeente van een vestiging', example: 'Amsterdam' })),
        pagina: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: 'paginanummer, vanaf 1' })),
        paginaGrootte: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'aantal instellingen per pagina (hoogstens 100)' })),
        sorteer: Type.Optional(StringEnum(SORTEERWAARDEN, {
          description: 'volgorde van de hele lijst: het veld, met een minteken ervoor voor aflopend (-vsv: de meeste vsv\'ers eerst); zonder: op naam',
          example: '-percentage',
        })),
        ...JaarEnStatus,
      }, ['instellingen']),
      response: ok(InstellingenAntwoord, 'Een pagina instellingen, in de gevraagde volgorde (zonder sorteer: op naam)'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof InstellingenAntwoord>) => [tabel('instellingen',
        [...TELLINGKOLOMMEN, 'brin', 'naam', 'soort', 'plaatsen', ...CIJFERKOLOMMEN],
        p.instellingen.map((i) => ({
          ...(p.telling ? tellingCellen(p.telling) : {}), brin: i.brin, naam: i.naam, soort: i.soort, plaatsen: i.plaatsen.join('; '),
          ...cijferCellen(i.totaal),
        })))],
    },
  }, async (request, reply) => {
    const q = query<Zoekvraag>(request);
    const pagina = q.pagina ?? 1;
    const grootte = q.paginaGrootte ?? 20;
    const cat = await gegevens.catalogus();
    // Searching works before any count exists; a school year or status asked for must exist.
    const run = q.schooljaar || q.status || cat.runs.length > 0 ? kiesRun(cat, q) : null;
    const [instellingen, indeling] = await Promise.all([gegevens.instellingen(), gegevens.laatsteIndeling()]);
    const namen = new Map(indeling.map((g) => [g.gemeente_code, g.gemeente_naam]));
    const gevonden = zoekInstellingen(instellingen.values(), (code) => namen.get(code) ?? code,
      { naam: q.naam?.trim() || null, plaats: q.plaats?.trim() || null });
    // Figures of the whole list: a ranking by a figure runs across pages (src/server/instellingsvolgorde.ts).
    const cijfers = run ? await gegevens.gepubliceerd([run.id], 'instelling', gevonden.map((t) => t.kop.brin), ['totaal']) : [];
    const perBrin = new Map(cijfers.map((c) => [c.gebied, c]));
    const treffers = sorteerInstellingen(gevonden, (brin) => perBrin.get(brin) ?? null, leesSorteervraag(q.sorteer), request.toegang);
    // A download (CSV, xlsx) holds the whole list: a spreadsheet of one page would silently lack the rest.
    const deze = request.formaat === 'json' ? treffers.slice((pagina - 1) * grootte, pagina * grootte) : treffers;
    const totaal = treffers.length;
    const paginas = Math.max(1, Math.ceil(totaal / grootte));
    const links = {
      self: paginaLink(request, pagina),
      first: paginaLink(request, 1),
      last: paginaLink(request, paginas),
      ...(pagina > 1 ? { prev: paginaLink(request, Math.min(pagina - 1, paginas)) } : {}),
      ...(pagina < paginas ? { next: paginaLink(request, pagina + 1) } : {}),
    };
    reply.header('Link', Object.entries(links).map(([rel, l]) => `<${l.href}>; rel="${rel}"`).join(', '));
    return {
      telling: run ? tellingInfo(cat, run) : null,
      instellingen: deze.map((t) => {
        const c = perBrin.get(t.kop.brin);
        return { brin: t.kop.brin, naam: t.kop.naam, soort: t.kop.soort, plaatsen: t.plaatsen, totaal: c ? new Telcijfer(c.startpopulatie, c.vsv, c.afscherming) : null };
      }),
      paginering: { pagina, paginaGrootte: grootte, totaalAantal: totaal, aantalPaginas: paginas },
      _links: links,
    };
  });

  app.get('/instellingen/:brin', {
    schema: {
      tags: ['Instellingen'],
      operationId: 'instelling',
      summary: 'Eén instelling',
      description: 'Cijfers van de instelling per sector en per categorie met de norm, per vestiging, en de trend. '
        + 'Voor 2012-2013 tot en met 2014-2015 is dat de prestatienorm van het schooljaar (vastgesteld: true); voor latere jaren '
        + 'de laatst vastgestelde norm (2014-2015) als referentienorm, ter vergelijking (vastgesteld: false), geen norm van dat jaar zelf. '
        + 'Een normoordeel is afgeschermd als het percentage dat is. '
        + 'Een leerling telt mee bij elke instelling waar hij op de teldatum stond ingeschreven.',
      params: Type.Object({ brin: Type.String({ pattern: BRIN_PATROON, description: 'BRIN: twee cijfers en twee hoofdletters', example: '10AA' }) }),
      querystring: figuurQuery(JaarEnStatus, ['totaal', 'sector', 'leerweg', 'categorie', 'vestigingen', 'trend']),
      response: ok(InstellingAntwoord, 'De instelling'),
    },
    config: {
      handeling: 'cijfers.lezen',
      csv: (p: Static<typeof InstellingAntwoord>) => {
        const t = tellingCellen(p.telling);
        const s = { brin: p.brin, naam: p.naam };
        return [
          tabel('totaal', [...TELLINGKOLOMMEN, 'brin', 'naam', 'normjaar', 'vastgesteld', ...NORMSAMENVATTINGKOLOMMEN, ...CIJFERKOLOMMEN],
            [{ ...t, ...s, normjaar: p.normbasis.normjaar, vastgesteld: p.normbasis.vastgesteld, ...p.normsamenvatting, ...cijferCellen(p.totaal) }]),
          tabel('sector', [...TELLINGKOLOMMEN, 'brin', 'sector', ...CIJFERKOLOMMEN],
            p.sector.map((o) => ({ ...t, brin: p.brin, sector: o.waarde, ...cijferCellen(o.cijfer) }))),
          tabel('leerweg', [...TELLINGKOLOMMEN, 'brin', 'leerweg', ...CIJFERKOLOMMEN],
            p.leerweg.map((o) => ({ ...t, brin: p.brin, leerweg: o.waarde, ...cijferCellen(o.cijfer) }))),
          tabel('categorie', [...TELLINGKOLOMMEN, 'brin', 'categorie', ...NORMKOLOMMEN],
            p.categorie.map((o) => ({ ...t, brin: p.brin, categorie: o.waarde, ...normCellen(o) }))),
          tabel('vestigingen', [...TELLINGKOLOMMEN, 'brin', 'vestiging', 'vestigingsnaam', 'plaats', 'categorie', ...NORMKOLOMMEN],
            p.vestigingen.flatMap((v) => [
              { ...t, brin: p.brin, vestiging: v.vestiging, vestigingsnaam: v.naam, plaats: v.plaats, categorie: 'totaal', ...cijferCellen(v.totaal) },
              ...v.categorie.map((o) => ({
                ...t, brin: p.brin, vestiging: v.vestiging, vestigingsnaam: v.naam, plaats: v.plaats, categorie: o.waarde, ...normCellen(o),
              })),
            ])),
          tabel('trend', [...TELLINGKOLOMMEN, 'brin', ...NORMSAMENVATTINGKOLOMMEN, 'categorie', ...NORMKOLOMMEN, 'methodewijziging'],
            p.trend.flatMap((punt) => [
              {
                ...tellingCellen(punt.telling), brin: p.brin, ...punt.normsamenvatting, categorie: 'totaal', ...cijferCellen(punt.totaal),
                methodewijziging: punt.methodewijziging?.omschrijving,
              },
              ...punt.categorie.map((o) => ({
                ...tellingCellen(punt.telling), brin: p.brin, ...punt.normsamenvatting, categorie: o.waarde, ...normCellen(o),
                methodewijziging: punt.methodewijziging?.omschrijving,
              })),
            ])),
        ];
      },
    },
  }, async (request) => {
    const { brin } = params<{ brin: string }>(request);
    const instelling = await instellingMetTrend(gegevens, await gegevens.catalogus(), query<JaarEnStatusQuery>(request), brin, request.toegang,
      () => bestaatInstellingInCijfers(db, brin));
    if (!instelling) throw nietGevonden(`Er is geen instelling met BRIN ${brin}.`);
    return instelling;
  });
}
